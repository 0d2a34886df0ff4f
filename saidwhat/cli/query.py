"""`saidwhat speakers`, `quotes` and `search`: index queries printed as a table, JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any

from saidwhat.index.queries import (
    NO_FILTERS,
    Filters,
    Quote,
    find_speakers,
    open_readonly,
    search,
    speaker_quotes,
    to_dict,
    top_speakers,
)


def _format(args: argparse.Namespace) -> str:
    """The output format: as asked, else table on a terminal, jsonl otherwise."""
    return args.format or ("table" if sys.stdout.isatty() else "jsonl")


def _open_for_cli(args: argparse.Namespace, command: str) -> sqlite3.Connection | None:
    """The index named by --db, or None after a one-line error."""
    try:
        return open_readonly(args.db)
    except (FileNotFoundError, ValueError, sqlite3.Error) as exc:
        print(f"saidwhat {command}: error: {exc}", file=sys.stderr)
        return None


def _flat(obj: Any) -> dict[str, Any]:
    """A result as one flat row for CSV (lists joined, nested values as JSON)."""
    row = {}
    for k, v in to_dict(obj).items():
        if k == "highlight":
            continue
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            v = "; ".join(v)
        elif isinstance(v, list | dict):
            v = json.dumps(v, ensure_ascii=False)
        row[k] = v
    return row


def _emit(results: Sequence[Any], fmt: str, columns: Sequence[tuple[str, str]]) -> None:
    """Print results as a rich table (given columns), JSON lines, or CSV."""
    if fmt == "jsonl":
        for r in results:
            d = to_dict(r)
            if "highlight" in d and not d["highlight"]:
                del d["highlight"]
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        rows = [_flat(r) for r in results]
        fields = list(rows[0]) if rows else [k for k, _ in columns]
        w = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    wide = any(k == "content" for k, _ in columns)  # quotes: the content column gets the room
    table = Table(show_lines=False, expand=wide)
    columns = [(k, h) for k, h in columns  # columns empty in every row are left out
               if k == "content" or any(getattr(r, k) not in (None, (), "") for r in results)]
    for key, header in columns:
        table.add_column(header, overflow="fold",
                         ratio=(4 if key == "content" else 1) if wide else None)
    for r in results:
        cells = []
        for key, _ in columns:
            if key == "content" and getattr(r, "highlight", ()):
                cells.append("".join(f"[bold]{escape(t)}[/bold]" if hit else escape(t)
                                     for t, hit in r.highlight))
            else:
                v = getattr(r, key)
                v = ", ".join(v) if isinstance(v, tuple) else v
                cells.append(escape("" if v is None else str(v)))
        table.add_row(*cells)
    Console().print(table)


def run_speakers_cli(args: argparse.Namespace) -> int:
    """`saidwhat speakers`: the most quoted speakers."""
    conn = _open_for_cli(args, "speakers")
    if conn is None:
        return 2
    try:
        rows = top_speakers(conn, limit=args.limit)
    finally:
        conn.close()
    _emit(rows, _format(args), [("name", "speaker"), ("type", "type"), ("quote_count", "quotes"),
                                ("article_count", "articles"), ("first_seen", "first"),
                                ("last_seen", "last"), ("outlets", "outlets")])
    return 0


def _filters(args: argparse.Namespace) -> Filters:
    """Query filters from the command line (--min-confidence)."""
    x = getattr(args, "min_confidence", None)
    return Filters(min_confidence=x) if x is not None else NO_FILTERS


def run_quotes_cli(args: argparse.Namespace) -> int:
    """`saidwhat quotes --speaker NAME`: attributions of the speakers with that name or alias."""
    conn = _open_for_cli(args, "quotes")
    if conn is None:
        return 2
    try:
        found = find_speakers(conn, args.speaker)
        rows: list[Quote] = []
        for s in found:
            rows.extend(speaker_quotes(conn, s.id, limit=args.limit - len(rows),
                                       filters=_filters(args)))
            if len(rows) >= args.limit:
                break
    finally:
        conn.close()
    if not found:
        print(f"saidwhat quotes: no speaker named {args.speaker!r}", file=sys.stderr)
        return 1
    _emit(rows, _format(args), _QUOTE_COLUMNS)
    return 0


_QUOTE_COLUMNS = [("speaker_name", "speaker"), ("kind", "kind"), ("content", "content"),
                  ("article_title", "article"), ("outlet", "outlet"), ("published", "published")]


def run_search_cli(args: argparse.Namespace) -> int:
    """`saidwhat search TEXT`: attributions matching the words, best first, matches highlighted."""
    conn = _open_for_cli(args, "search")
    if conn is None:
        return 2
    try:
        rows = search(conn, args.query, limit=args.limit, filters=_filters(args))
    finally:
        conn.close()
    _emit(rows, _format(args), _QUOTE_COLUMNS)
    return 0
