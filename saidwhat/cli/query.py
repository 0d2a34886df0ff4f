"""`saidwhat speakers`, `quotes` and `search`: index queries printed as a table, JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import Any

from saidwhat.index.queries import (
    Filters,
    QueryError,
    count_quotes,
    find_speakers,
    list_quotes,
    open_readonly,
    search,
    search_count,
    suggest_speakers,
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

    console = Console()
    if any(k == "content" for k, _ in columns) and console.width < NARROW:
        _print_cards(console, results)
    else:
        console.print(_table(results, columns))


NARROW = 100  # under this many columns quotes print as cards, not a table
SHORT = ("kind", "published", "quote_count", "article_count", "first_seen", "last_seen", "type")


def _cell(r: Any, key: str) -> str:
    """One value as rich markup (search matches in bold)."""
    from rich.markup import escape

    if key == "content" and getattr(r, "highlight", ()):
        return "".join(f"[bold]{escape(t)}[/bold]" if hit else escape(t)
                       for t, hit in r.highlight)
    v = getattr(r, key)
    v = ", ".join(v) if isinstance(v, tuple) else v
    return escape("" if v is None else str(v))


def _table(results: Sequence[Any], columns: Sequence[tuple[str, str]]) -> Any:
    """Results as a rich table: words wrap, short values (dates, counts) never break."""
    from rich.table import Table

    wide = any(k == "content" for k, _ in columns)  # quotes: the content column gets the room
    table = Table(show_lines=False, expand=wide)
    columns = [(k, h) for k, h in columns  # columns empty in every row are left out
               if k == "content" or any(getattr(r, k) not in (None, (), "") for r in results)]
    for key, header in columns:
        table.add_column(header, no_wrap=key in SHORT,
                         ratio=(4 if key == "content" else 1) if wide else None)
    for r in results:
        table.add_row(*(_cell(r, key) for key, _ in columns))
    return table


def _print_cards(console: Any, results: Sequence[Any]) -> None:
    """Quotes on a narrow terminal: who, where and when on one line, the quote wrapped below."""
    from rich.markup import escape
    from rich.padding import Padding

    for r in results:
        facts = " · ".join(escape(x) for x in (
            r.speaker_name or "unknown speaker", r.kind, r.outlet or "", r.published or "no date")
            if x)
        console.print(f"[bold]{facts}[/bold]")
        console.print(Padding(f"“{_cell(r, 'content')}”", (0, 0, 0, 2)))
        if r.article_title:
            console.print(Padding(f"[dim]{escape(r.article_title)}[/dim]", (0, 0, 1, 2)))
        else:
            console.print()


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


def _filters(conn: sqlite3.Connection, args: argparse.Namespace, command: str
             ) -> Filters | None:
    """The filters given as options; None after a one-line error (with near misses for an
    unknown speaker: "did you mean ...?")."""
    ids: list[str] = []
    for name in args.speaker or []:
        found = find_speakers(conn, name)
        if not found:
            near = suggest_speakers(conn, name)
            hint = f" — did you mean {' or '.join(near)}?" if near else ""
            print(f"saidwhat {command}: no speaker named {name!r}{hint}", file=sys.stderr)
            return None
        ids.extend(s.id for s in found)
    try:
        return Filters(speakers=tuple(dict.fromkeys(ids)), outlets=tuple(args.outlet or ()),
                       since=args.since, until=args.until, kind=args.kind, type=args.type,
                       min_confidence=args.min_confidence)
    except QueryError as exc:
        print(f"saidwhat {command}: error: {exc}", file=sys.stderr)
        return None


def _cut_note(command: str, shown: int, total: int) -> None:
    """Say on stderr when --limit cut the list: "50 of 723 attributions"."""
    if shown < total:
        print(f"saidwhat {command}: {shown:,} of {total:,} attributions (raise --limit for "
              "more)", file=sys.stderr)


def run_quotes_cli(args: argparse.Namespace) -> int:
    """`saidwhat quotes [--speaker NAME] [filters]`: attributions, filtered like /quotes."""
    return _listing(args, "quotes", lambda conn, filters: (
        list_quotes(conn, filters, args.sort, limit=args.limit), count_quotes(conn, filters)))


_QUOTE_COLUMNS = [("speaker_name", "speaker"), ("kind", "kind"), ("content", "content"),
                  ("article_title", "article"), ("outlet", "outlet"), ("published", "published")]


def run_search_cli(args: argparse.Namespace) -> int:
    """`saidwhat search TEXT [filters]`: attributions matching the words, best first, matches
    highlighted; the same filters as `quotes`."""
    return _listing(args, "search", lambda conn, filters: (
        search(conn, args.query, limit=args.limit, filters=filters, sort=args.sort),
        search_count(conn, args.query, filters)))


def _listing(args: argparse.Namespace, command: str,
             fetch: Callable[[sqlite3.Connection, Any], tuple[list[Any], int]]) -> int:
    """Open the index, apply the shared filters, fetch rows and their total, print them and
    say when the limit cut the list; errors are one line."""
    conn = _open_for_cli(args, command)
    if conn is None:
        return 2
    try:
        filters = _filters(conn, args, command)
        if filters is None:
            return 1
        rows, total = fetch(conn, filters)
    except QueryError as exc:
        print(f"saidwhat {command}: error: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    _emit(rows, _format(args), _QUOTE_COLUMNS)
    _cut_note(command, len(rows), total)
    return 0
