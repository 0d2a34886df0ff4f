"""`saidwhat index`: extract and store articles not yet indexed, with progress and a summary."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from saidwhat.cli import limits_of
from saidwhat.index import datasette
from saidwhat.index.guard import IndexProblem
from saidwhat.index.store import (
    IndexCounts,
    RunningCounts,
    connect,
    estimate_total,
    finish,
    index_paths,
    set_aside,
)
from saidwhat.io.discover import input_files
from saidwhat.records import Failure
from saidwhat.run.progress import plural


def run_index_cli(args: argparse.Namespace) -> int:
    """`saidwhat index`: extract and store articles not yet indexed; 1 if any failed."""
    limits_of(args)  # a bad limit is a one-line error before anything is opened
    db = Path(args.db)
    if db.parent and not db.parent.exists():
        print(f"saidwhat index: error: {db.parent}: no such directory", file=sys.stderr)
        return 2
    try:
        if getattr(args, "rebuild", False):
            aside = set_aside(db)
            if aside is not None:
                print(f"saidwhat index: the old index is set aside as {aside}", file=sys.stderr)
        conn = connect(db)
    except IndexProblem as exc:
        print(f"saidwhat index: error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        print(f"saidwhat index: error: {db}: {exc}", file=sys.stderr)
        return 2

    def on_failure(f: Failure) -> None:
        print(f"saidwhat index: {f}", file=sys.stderr)

    start = time.perf_counter()
    try:
        if not args.quiet and sys.stderr.isatty():
            counts = _with_progress(conn, args)
        else:
            step = _progress_lines() if getattr(args, "progress", False) else None
            counts = index_paths(conn, args.paths, model=args.model, max_bytes=args.max_bytes,
                                 limits=limits_of(args), workers=args.workers,
                                 on_failure=on_failure, on_step=step,
                                 settings=getattr(args, "settings", None))
    except sqlite3.Error as exc:
        print(f"saidwhat index: error: {db}: {exc}", file=sys.stderr)
        return 2
    finally:
        finish(conn)
        conn.close()
    try:
        datasette.write_metadata(db)
    except OSError as exc:
        print(f"saidwhat index: note: no Datasette metadata.json written: {exc}",
              file=sys.stderr)
    print(f"{counts.seen} in, {counts.indexed} indexed, {counts.skipped} already indexed, "
          f"{counts.failed} failed ({time.perf_counter() - start:.1f}s) -> {db}", file=sys.stderr)
    return 1 if counts.failed else 0


def _progress_lines(every: float = 5.0) -> Callable[[RunningCounts], None]:
    """An on_step callback printing a plain progress line on stderr every `every` seconds (for
    `--progress` when stderr is a pipe or a log)."""
    start = time.perf_counter()
    last = [start]

    def step(c: RunningCounts) -> None:
        now = time.perf_counter()
        if now - last[0] >= every:
            last[0] = now
            print(f"saidwhat index: {plural(c.seen, 'article')} in, {c.indexed:,} indexed, "
                  f"{c.skipped:,} already indexed, {c.failed:,} failed "
                  f"({now - start:.0f}s)", file=sys.stderr, flush=True)

    return step


def _with_progress(conn: sqlite3.Connection, args: argparse.Namespace) -> IndexCounts:
    """index_paths under a rich progress bar: counts, rate and (when known) ETA."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    total = estimate_total([f for f in input_files(args.paths) if isinstance(f, str)])
    console = Console(stderr=True)
    columns = [TextColumn("[bold]index"), BarColumn(),
               TextColumn("{task.completed}" + (f"/{total}" if total else "") + " in"),
               TextColumn("{task.fields[indexed]} indexed, {task.fields[skipped]} already, "
                          "{task.fields[failed]} failed"),
               TimeElapsedColumn()]
    if total:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("index", total=total, indexed=0, skipped=0, failed=0)

        def step(c: RunningCounts) -> None:
            bar.update(task, completed=c.indexed + c.skipped + c.failed, indexed=c.indexed,
                       skipped=c.skipped, failed=c.failed)

        def fail(f: Failure) -> None:
            bar.console.print(f"saidwhat index: {f}", markup=False, highlight=False,
                              soft_wrap=True)

        return index_paths(conn, args.paths, model=args.model, max_bytes=args.max_bytes,
                           limits=limits_of(args), workers=args.workers, on_failure=fail,
                           on_step=step, settings=getattr(args, "settings", None))
