"""`saidwhat evaluate`: score against a corpus in PolNeAR's layout and print the table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from saidwhat.evaluation.evaluate import (
    ROLES,
    Counts,
    Mistake,
    RoleScores,
    Scores,
    coverage_problems,
    evaluate,
    extract_predictions,
    load_gold,
    read_predictions,
    write_mistakes,
)


def _table_rows(scores: Scores) -> Iterator[tuple[str, str, Counts]]:
    """(role, matching, counts) rows in display order."""
    for role in ROLES:
        rs: RoleScores = getattr(scores, role)
        yield role, "exact", rs.exact
        yield role, "overlap", rs.overlap
    yield "attribution", "joint", scores.attribution


def print_table(scores: Scores, file: Any = None) -> None:
    """The scores as a readable table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"saidwhat evaluate: {scores.documents} gold documents "
                        "(micro P / R / F1, percent)",
                  caption="exact: same characters; overlap: any shared character; "
                          "joint: content Dice ≥ 0.5 and the same source (or none)")
    for column in ("role", "match"):
        table.add_column(column)
    for column in ("P", "R", "F1", "gold", "predicted", "matched"):
        table.add_column(column, justify="right")
    for role, matching, c in _table_rows(scores):
        table.add_row(role, matching, f"{100 * c.p:.1f}", f"{100 * c.r:.1f}",
                      f"[bold]{100 * c.f1:.1f}[/bold]", str(c.gold), str(c.predicted),
                      str(c.matched))
    Console(file=file or sys.stdout).print(table)


def print_reliability(table: list[Any]) -> None:
    """The reliability table: per confidence bin, how many attributions and how many right."""
    print("confidence  attributions  mean confidence  right")
    for b in table:
        print(f"{b.low:.1f}-{b.high:.1f}    {b.n:12d}  {b.mean_confidence:15.2f}  {b.right:5.2f}")


def run_cli(args: argparse.Namespace) -> int:
    """`saidwhat evaluate GOLD_DIR [--pred FILE] [--json] [--errors FILE]`."""
    docs, problems = load_gold(args.gold_dir)
    for p in problems:
        print(f"saidwhat evaluate: {p}", file=sys.stderr)
    if not docs:
        raise ValueError(f"{args.gold_dir}: no .ann files with their texts found")
    if args.pred:
        predictions, problems = read_predictions(args.pred, {d.name for d in docs})
    else:
        predictions, problems = extract_predictions(docs, args.model, args.workers,
                                                    progress=not args.quiet,
                                                    settings=getattr(args, "settings", None))
    problems.extend(coverage_problems(docs, predictions))
    for p in problems:
        print(f"saidwhat evaluate: {p}", file=sys.stderr)
    mistakes: list[Mistake] | None = [] if args.errors else None
    scores = evaluate(docs, predictions, mistakes)
    table = None
    if getattr(args, "reliability", False):
        from saidwhat.evaluation.calibration import outcomes, reliability

        table = reliability(outcomes(docs, predictions))
    if args.json:
        out = scores.to_dict()
        if table is not None:
            out["reliability"] = [b.to_dict() for b in table]
        print(json.dumps(out))
    else:
        print_table(scores)
        if table is not None:
            print_reliability(table)
    if args.errors and mistakes is not None:
        n = write_mistakes(args.errors, mistakes)
        if not args.quiet:
            print(f"saidwhat evaluate: {n} false positives and negatives written to {args.errors}",
                  file=sys.stderr)
    return 0
