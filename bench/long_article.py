"""How the attribution step's time grows with an article's length.

    python bench/long_article.py [FOLDER] [--sizes 1 4 16 32]

Joins the first N texts of FOLDER (default: the bundled examples, repeated when there are
fewer than N) into one article for each N, parses it once, and times saidwhat's own step
(`attribute_in_context`, CPU seconds) on it. A step that grows linearly keeps its
microseconds per token flat from the smallest size to the largest; the ratio printed last is
that growth (1.0 = linear). The longest size is near the default --max-chars limit
(200,000 characters) with PolNeAR-sized texts.
"""

from __future__ import annotations

import argparse
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts_of(folder: Path) -> list[str]:
    """The .txt files of a folder (recursively), in name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def joined(texts: list[str], n: int) -> str:
    """The first `n` texts (cycling when there are fewer) as one article."""
    return "\n\n".join(islice(cycle(texts), n))


def main() -> None:
    """Time the attribution step on ever longer articles and print the growth."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "examples")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 32])
    args = parser.parse_args()

    from saidwhat.engine.attribute import attribute_in_context
    from saidwhat.run.nlp import load, load_engine

    texts = texts_of(args.folder)
    if not texts:
        raise SystemExit(f"{args.folder}: no .txt files")
    nlp, engine = load(), load_engine()
    per_token: list[float] = []
    print(f"{'texts':>5} {'tokens':>7} {'chars':>8} {'attribution s':>13} {'us/token':>9}")
    for n in args.sizes:
        text = joined(texts, n)
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        doc = nlp(text)
        start = time.process_time()
        attribute_in_context(doc, engine)
        took = time.process_time() - start
        per_token.append(1e6 * took / len(doc))
        print(f"{n:>5} {len(doc):>7} {len(text):>8} {took:>13.2f} {per_token[-1]:>9.1f}")
    print(f"us/token, largest / smallest: {per_token[-1] / per_token[0]:.1f}x")


if __name__ == "__main__":
    main()
