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
    if args.json:
        print(json.dumps(scores.to_dict()))
    else:
        print_table(scores)
    if args.errors and mistakes is not None:
        n = write_mistakes(args.errors, mistakes)
        if not args.quiet:
            print(f"saidwhat evaluate: {n} false positives and negatives written to {args.errors}",
                  file=sys.stderr)
    return 0
