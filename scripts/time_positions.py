"""Time position finding against the rest of extraction, on a folder of plain-text articles.

    .venv/bin/python scripts/time_positions.py ../shared/data/polnear/dev/text

Parses each article and finds its attributions (the extraction, whose speaker resolution also
reads the referents positions reuse), then finds its positions, in one process, and prints both
totals and what positions add (the issue's budget is < 15%).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import training  # noqa: F401  (this checkout first on sys.path)

from saidwhat.engine.positions import find_positions
from saidwhat.engine.stance_model import learned
from saidwhat.records import Article
from saidwhat.run.nlp import load
from saidwhat.run.pipeline import attributions_in_context, body_window


def main() -> None:
    """Print extraction and positions time over every .txt file of a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    nlp = load()
    files = sorted(args.folder.glob("*.txt"))
    extraction = positions = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        article = Article(path.stem, text, title=text.split("\n")[0], body=((0, len(text)),))
        started = time.perf_counter()
        start, end = body_window(article)
        doc = nlp(text[start:end])
        attributions, ctx = attributions_in_context(doc, article, start)
        parsed = time.perf_counter()
        find_positions(doc, attributions, start, referents=dict(ctx.referents), learned=learned)
        positions += time.perf_counter() - parsed
        extraction += parsed - started
    print(f"{len(files)} articles: extraction {extraction:.1f}s, positions {positions:.1f}s "
          f"(+{100 * positions / extraction:.1f}%)")


if __name__ == "__main__":
    main()
