"""`saidwhat evaluate-pages`: score real HTML pages against hand-made gold and print the scores."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from saidwhat.evaluation.evaluate import Counts
from saidwhat.evaluation.pages import (
    evaluate_pages,
    load_gold_pages,
    predict_pages,
    with_their_pages,
)


def run_cli(args: argparse.Namespace) -> int:
    """`saidwhat evaluate-pages GOLD_DIR --pages DIR [--json] [--errors FILE]`."""
    golds, problems = load_gold_pages(args.gold_dir)
    pages_dir = Path(args.pages)
    golds, missing = with_their_pages(golds, pages_dir)
    problems += missing
    if not golds:
        raise ValueError(f"{args.gold_dir}: no page gold with its page in {pages_dir}")
    articles, more = predict_pages([pages_dir / g.page for g in golds], args.model, args.workers,
                                   progress=not args.quiet,
                                   settings=getattr(args, "settings", None))
    mistakes: list[dict[str, Any]] | None = [] if args.errors else None
    scores, even_more = evaluate_pages(golds, pages_dir, articles, mistakes, args.min_confidence)
    for p in problems + more + even_more:
        print(f"saidwhat evaluate-pages: {p}", file=sys.stderr)
    if args.json:
        print(json.dumps(scores.to_dict()))
    else:
        for key, label in (("attribution", "attribution (right speaker)"),
                           ("content", "content only")):
            c: Counts = getattr(scores, key)
            print(f"{label:28} P {100 * c.p:5.1f}  R {100 * c.r:5.1f}  F1 {100 * c.f1:5.1f}  "
                  f"(gold {c.gold}, predicted {c.predicted}, matched {c.matched})")
        print(f"{scores.pages} pages")
    if args.errors and mistakes is not None:
        with open(args.errors, "w", encoding="utf-8") as f:
            for m in mistakes:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0
