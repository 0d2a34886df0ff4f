"""Score a PolNeAR-style split as `saidwhat evaluate` does, with the split's parses cached.

    .venv/bin/python scripts/evaluate_cached.py ../shared/data/polnear/train \
        --parsed build/parsed [--errors FILE] [--settings FILE] [--reliability]

The README's train figures come from here: the split is parsed once (into `--parsed`, the same
DocBin cache `make train` uses) and each later run only attributes and scores it, in a minute or
two instead of a re-parse. On dev it gives the figures of `saidwhat evaluate` (one worker).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from training.parsed import parsed_split

from saidwhat.engine.engine import Engine
from saidwhat.evaluation.calibration import outcomes, reliability
from saidwhat.evaluation.evaluate import (
    GoldDocument,
    Mistake,
    evaluate,
    gold_articles,
    load_gold,
    write_mistakes,
)
from saidwhat.records import Article
from saidwhat.run.pipeline import analyse_doc
from saidwhat.settings import load as load_settings


def predictions(docs: list[GoldDocument], split: Path, parsed: Path | None,
                engine: Engine) -> dict[str, Article]:
    """Each gold text's article with its attributions, from the split's cached parses."""
    docs_by_name = dict(parsed_split(split, parsed))
    return {a.id: analyse_doc(docs_by_name[a.id], a, 0, engine)
            for a in gold_articles(docs) if a.id in docs_by_name}


def main(argv: list[str] | None = None) -> int:
    """Print the split's scores (JSON) of the current engine on cached parses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="a split folder with attributions/ and text/")
    parser.add_argument("--parsed", type=Path, default=Path("build/parsed"))
    parser.add_argument("--errors", type=Path, help="write false positives and negatives here")
    parser.add_argument("--settings", type=Path, help="TOML or JSON engine settings file")
    parser.add_argument("--reliability", action="store_true", help="add the calibration table")
    args = parser.parse_args(argv)
    try:
        docs, problems = load_gold(args.split)
    except ValueError as exc:
        print(f"evaluate_cached: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(f"evaluate_cached: {p}", file=sys.stderr)
    engine = Engine.load(load_settings(args.settings) if args.settings else None)
    predicted = predictions(docs, args.split, args.parsed, engine)
    mistakes: list[Mistake] | None = [] if args.errors else None
    out = evaluate(docs, predicted, mistakes).to_dict()
    if args.reliability:
        out["reliability"] = [b.to_dict() for b in reliability(outcomes(docs, predicted))]
    print(json.dumps(out))
    if args.errors and mistakes is not None:
        write_mistakes(args.errors, mistakes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
