"""`saidwhat evaluate-positions GOLD PRED`: stances and agree/disagree pairs against gold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from saidwhat.evaluation.positions import PositionScores, predicted_relations, read_gold, score


def _table(scores: PositionScores) -> str:
    """The figures as a small table."""
    lines = [f"{scores.articles} articles      predicted  gold  right  precision  recall     F1"]
    for name, c in (("stance", scores.stance), ("agree/disagree", scores.pair)):
        lines.append(f"{name:<18} {c.predicted:>9} {c.gold:>5} {c.tp:>6} {c.precision:>10.2f}"
                     f" {c.recall:>7.2f} {c.f1:>6.2f}")
    return "\n".join(lines)


def run_cli(args: argparse.Namespace) -> int:
    """Score saved records (JSONL or Parquet from `saidwhat extract`) against a gold JSONL."""
    from saidwhat.io.saved import read_records

    for path in (args.gold, args.pred):
        if not Path(path).exists():
            print(f"saidwhat evaluate-positions: error: {path}: no such file", file=sys.stderr)
            return 2
    try:
        gold = read_gold(args.gold)
        predicted = predicted_relations(read_records(args.pred))
    except (OSError, ValueError, KeyError) as exc:
        print(f"saidwhat evaluate-positions: error: {exc}", file=sys.stderr)
        return 2
    scores = score(gold, predicted)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in scores.errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(json.dumps(scores.to_dict()) if args.json else _table(scores))
    return 0
