"""Write a long JSONL stream of articles (default 10,000) by cycling through a folder of texts.

    python bench/make_stream.py [FOLDER] [-n 10000] [-o stream.jsonl]

FOLDER defaults to examples/ in the repository, else ../shared/data/polnear/train/text.
Each line is {"id", "title", "url", "published", "text"}; ids are unique (name-00042).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = (
    REPO / "examples",
    REPO.parent / "shared" / "data" / "polnear" / "train" / "text",
)


def source_files(folder: Path | None) -> list[Path]:
    """The .txt files to cycle through, sorted."""
    for root in [folder] if folder else [p for p in DEFAULT_SOURCES if p.is_dir()]:
        files = sorted(root.rglob("*.txt"))
        if files:
            return files
    where = folder or " or ".join(map(str, DEFAULT_SOURCES))
    raise SystemExit(f"make_stream: no .txt files in {where}")


def main(argv: list[str] | None = None) -> int:
    """Write the stream; print how many articles and words went into it."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", type=Path)
    p.add_argument("-n", type=int, default=10_000, help="articles to write (default 10000)")
    p.add_argument("-o", "--output", default="stream.jsonl")
    a = p.parse_args(argv)
    files = source_files(a.folder)
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    words = 0
    with open(a.output, "w", encoding="utf-8") as out:
        for i, (stem, text) in zip(range(a.n), itertools.cycle(texts)):
            title = text.strip().splitlines()[0][:200] if text.strip() else None
            out.write(json.dumps({"id": f"{stem}-{i:05d}", "title": title, "url": None,
                                  "published": None, "text": text}, ensure_ascii=False) + "\n")
            words += len(text.split())
    print(f"{a.n} articles, {words} words from {len(files)} texts -> {a.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
