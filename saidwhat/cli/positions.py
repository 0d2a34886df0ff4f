"""`saidwhat positions`: who backs or opposes what, and who agrees or disagrees, as a table, JSONL
or CSV — from articles (extracted now), saved extract/Spark records, or an index (`--db`).

    saidwhat positions article.txt
    saidwhat positions out.jsonl --speaker Putin -f csv
    saidwhat positions --db saidwhat.db --speaker "Joe Biden"
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from saidwhat.records import Article, Failure, Position

PROG = "saidwhat positions"
CSV_COLUMNS = ("article_id", "published", "relation", "polarity", "source", "source_id",
               "target", "a", "a_id", "b", "b_id", "topic", "explicit", "evidence",
               "evidence_start", "evidence_end")


@dataclass(frozen=True)
class Row:
    """One position with the article it was reported in (speaker ids: article-local for files,
    corpus ids for an index)."""

    article_id: str
    published: str | None
    position: Position

    def to_dict(self) -> dict[str, Any]:
        """The record's position dict with the article in front."""
        return {"article_id": self.article_id, "published": self.published,
                **self.position.to_dict()}


def ends(p: Position) -> tuple[str, str]:
    """A position's two ends: source and target, or a and b."""
    if p.relation == "stance":
        return p.source or "", p.target or ""
    return p.a or "", p.b or ""


def verb(p: Position) -> str:
    """The relation as a verb: supports, opposes, agrees with, disagrees with."""
    if p.relation == "stance":
        return "supports" if p.polarity == "support" else "opposes"
    return "agrees with" if p.relation == "agree" else "disagrees with"


def same_name(asked: str, name: str) -> bool:
    """Whether a name is the speaker asked for: equal ignoring case, or the same last word
    ("Putin" finds "Vladimir Putin")."""
    a, n = asked.casefold().split(), name.casefold().split()
    return bool(a and n) and (a == n or (len(a) == 1 and a[-1] == n[-1]))


def involves(p: Position, speaker: str) -> bool:
    """Whether the asked speaker holds the position or is its other end."""
    return any(same_name(speaker, name) for name in ends(p) if name)


def rows_of(articles: Iterable[Article], speaker: str | None) -> Iterator[Row]:
    """Positions of articles, only those involving `speaker` when given."""
    for art in articles:
        for p in art.positions:
            if speaker is None or involves(p, speaker):
                yield Row(art.id, art.published, p)


# ---------------------------------------------------------------- sources of rows


def from_index(db: str, speaker: str | None, limit: int = 10**9) -> list[Row]:
    """Positions stored in an index (of the speakers with that name or alias, if given)."""
    from saidwhat.index import positions as pos
    from saidwhat.index import queries

    conn = queries.open_readonly(db)
    try:
        if speaker is None:
            views = pos.positions(conn, limit=limit)
        else:
            views = []
            for found in queries.find_speakers(conn, speaker):
                views += pos.positions(conn, pos.PositionFilter(speaker_id=found.id),
                                       limit=limit - len(views))
                if len(views) >= limit:
                    break
    finally:
        conn.close()
    return [Row(v.article_id, v.published, view_position(v)) for v in views]


def view_position(v: Any) -> Position:
    """A stored position (`PositionView`) back in the record's shape, with corpus speaker ids."""
    from saidwhat.records import Mention

    evidence = Mention(v.evidence, v.evidence_spans)
    if v.relation == "stance":
        return Position("stance", v.topic, evidence, source=v.a, source_id=v.a_id, target=v.b,
                        polarity=v.polarity, explicit=v.explicit)
    return Position(v.relation, v.topic, evidence, a=v.a, a_id=v.a_id, b=v.b, b_id=v.b_id,
                    explicit=v.explicit)


def from_paths(args: argparse.Namespace, fail: Any) -> Iterator[Article]:
    """Articles of the inputs: saved records read back, everything else extracted now."""
    from saidwhat.io import discover, saved

    files: list[str] = []
    for item in discover.input_files(args.paths):
        if isinstance(item, Failure):
            fail(item)
        else:
            files.append(item)
    raw = []
    for path in files:
        if path != "-" and saved.is_saved(path):
            for article, _ in saved.read_saved(path, args.max_bytes):
                if isinstance(article, Failure):
                    fail(article)
                else:
                    yield article
        else:
            raw.append(path)
    if raw:
        from saidwhat.run import runners

        items = discover.read_inputs(raw, args.max_bytes)
        for item in runners.process(items, args.model, args.workers, progress=False):
            if isinstance(item, Failure):
                fail(item)
            else:
                yield item


# ---------------------------------------------------------------- output


def emit(rows: list[Row], fmt: str) -> None:
    """Print rows as a table, JSON lines or CSV."""
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(flat(r) for r in rows)
    else:
        table(rows)


def flat(r: Row) -> dict[str, Any]:
    """A row as one CSV line: evidence text and its first and last offsets."""
    d = r.to_dict()
    evidence = r.position.evidence
    d.update(evidence=evidence.text, evidence_start=evidence.start if evidence.spans else "",
             evidence_end=evidence.end if evidence.spans else "")
    return d


def table(rows: list[Row]) -> None:
    """A rich table: who, relation, whom, topic, evidence, article."""
    from rich.console import Console
    from rich.table import Table

    t = Table(expand=True)
    for header, ratio in (("who", 2), ("relation", 0), ("whom", 2), ("topic", 2),
                          ("evidence", 4), ("article", 2)):
        t.add_column(header, overflow="fold", ratio=ratio or None, no_wrap=not ratio)
    for r in rows:
        who, whom = ends(r.position)
        mark = "" if r.position.explicit else " (implicit)"
        t.add_row(who, verb(r.position) + mark, whom, r.position.topic,
                  r.position.evidence.text, r.article_id + (f" {r.published}" if r.published
                                                            else ""))
    if rows:
        Console(highlight=False).print(t)
    else:
        print(f"{PROG}: no positions", file=sys.stderr)


# ---------------------------------------------------------------- the command


def run_cli(args: argparse.Namespace) -> int:
    """`saidwhat positions PATH... | --db DB`: 0 when every input was read, 1 when some failed
    (or the speaker is unknown to the index), 2 on a usage error."""
    if bool(args.paths) == bool(args.db):
        print(f"{PROG}: error: give PATH (articles or saved records) or --db, not "
              f"{'both' if args.paths else 'neither'}", file=sys.stderr)
        return 2
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    failed = 0

    def fail(f: Failure) -> None:
        nonlocal failed
        failed += 1
        print(f"{PROG}: {f}", file=sys.stderr)

    if args.db:
        try:
            rows = from_index(args.db, args.speaker, args.limit or 10**9)
        except (FileNotFoundError, ValueError, sqlite3.Error) as exc:
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return 2
        if args.speaker and not rows:
            print(f"{PROG}: no positions of a speaker named {args.speaker!r}", file=sys.stderr)
            emit(rows, fmt)
            return 1
    else:
        from saidwhat.cli.extract import check_model

        rows = []
        needs_model = any(not _is_saved(p) for p in args.paths)
        problem = check_model(args.model) if needs_model else None
        if problem:
            print(f"{PROG}: error: {problem}", file=sys.stderr)
            return 2
        try:
            for row in rows_of(from_paths(args, fail), args.speaker):
                rows.append(row)
                if args.limit and len(rows) >= args.limit:
                    break
        except RuntimeError as exc:  # the model failed to load
            print(f"{PROG}: error: {' '.join(str(exc).split())}", file=sys.stderr)
            return 2
    emit(rows, fmt)
    return 1 if failed else 0


def _is_saved(path: str) -> bool:
    """Whether a named input is saved records (a folder counts as articles)."""
    from saidwhat.io import saved

    return path != "-" and saved.is_saved(path)
