"""Score the real-page gold as `saidwhat evaluate-pages` does, with the pages' parses cached.

    .venv/bin/python scripts/evaluate_pages_cached.py gold/pages --pages ../shared/data/pages \
        --parsed build/parsed [--errors FILE] [--min-confidence 0.9] [--settings FILE]

For development: an engine change never touches the parse, so the pages are parsed once (into
`--parsed`, the same DocBin cache `make train` uses) and each later run only attributes and
scores them, in about a minute instead of a re-parse. The figures are those of
`saidwhat evaluate-pages` on the same code (one worker, the same body window and offsets).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from training.parsed import parsed_texts

from saidwhat.engine.engine import Engine
from saidwhat.evaluation.pages import (
    GoldPage,
    evaluate_pages,
    load_gold_pages,
    read_pages,
    with_their_pages,
)
from saidwhat.records import Article
from saidwhat.run.pipeline import analyse_doc, body_window
from saidwhat.settings import load as load_settings


def gold_page_articles(golds: list[GoldPage], pages_dir: Path) -> list[tuple[str, Article]]:
    """Each gold page's article as `saidwhat` reads the HTML file, keyed by the page's name."""
    return [(g.page, item) for g in golds for item in read_pages([pages_dir / g.page])
            if isinstance(item, Article)]


def analysed_pages(pages: list[tuple[str, Article]], cache: Path | None,
                   engine: Engine, label: str = "pages") -> dict[str, Article]:
    """The pages' articles with their attributions and positions, parses read from `cache`
    under `label` (one per gold set, so two sets do not replace each other's cache)."""
    windows = [body_window(article) for _, article in pages]
    texts = [article.text[s:e] for (_, article), (s, e) in zip(pages, windows, strict=True)]
    docs = parsed_texts(texts, cache, label)
    return {name: analyse_doc(doc, article, s, engine)
            for (name, article), (s, _), doc in zip(pages, windows, docs, strict=True)}


def main() -> int:
    """Print the page scores (JSON) of the current engine on cached parses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--pages", type=Path, required=True)
    parser.add_argument("--parsed", type=Path, default=Path("build/parsed"))
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--settings", type=Path, help="TOML or JSON engine settings file")
    args = parser.parse_args()
    try:
        golds, problems = load_gold_pages(args.gold_dir)
        golds, missing = with_their_pages(golds, args.pages)
    except ValueError as exc:
        print(f"evaluate_pages_cached: {exc}", file=sys.stderr)
        return 2
    problems += missing
    engine = Engine.load(load_settings(args.settings) if args.settings else None)
    articles = analysed_pages(gold_page_articles(golds, args.pages), args.parsed, engine,
                              label=args.gold_dir.name)
    mistakes: list[dict] | None = [] if args.errors else None
    scores, more = evaluate_pages(golds, args.pages, articles, mistakes, args.min_confidence)
    for p in problems + more:
        print(f"evaluate_pages_cached: {p}", file=sys.stderr)
    print(json.dumps(scores.to_dict()))
    if args.errors and mistakes is not None:
        args.errors.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n"
                                       for m in mistakes), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
