"""Whose database is this, and can it be trusted? Checked before saidwhat reads or writes one.

An index saidwhat creates carries `PRAGMA application_id = APPLICATION_ID` and a `meta` table
with its `schema_version`. Before any write, `claim_for_writing` refuses a file that is not an
index (another application's database, or no SQLite file at all) without changing a byte, and
`check_integrity` runs SQLite's quick check so a damaged index is reported, never trusted.
Indexes written before the application id existed (saidwhat 0.1: a `meta` table with
`schema_version` and an `articles` table) are recognised and adopted.
"""

from __future__ import annotations

import os
import sqlite3

APPLICATION_ID = int.from_bytes(b"SWdb", "big")  # 0x53576462 in the database header
SCHEMA_VERSION = 8  # 2: porter-stemmed FTS, quote_groups.outlets, readable views;
# 3: attributions carry their article's date, outlet and order and their corpus speaker, so
# filtered, sorted and faceted quote lists read one table through its indexes;
# 4: and their speaker's name and outlet count, so the speaker and outlets sorts are indexed;
# 5: a speaker's quotes sorted by confidence or outlets read an index too; 6: and oldest first;
# 7: facets read covering indexes, and a speaker's quotes are counted per outlet, kind, month
# and week when speakers are rebuilt (speaker_counts), for their page's facets and charts;
# 8: the month facet of the whole index reads an index of the months in order
CORE_TABLES = ("meta", "articles", "attributions")
INTEGRITY_ERRORS_SHOWN = 1  # quick_check lines kept in the message


class IndexProblem(ValueError):
    """An index that cannot be used: the message is one line naming the file and the way out."""


class ForeignDatabase(IndexProblem):
    """The file is not a saidwhat index (another application's database, or not SQLite)."""


class DamagedIndex(IndexProblem):
    """A saidwhat index whose pages are damaged."""


class NewerIndex(IndexProblem):
    """An index written by a newer saidwhat, with a schema this one does not know."""


def rebuild_hint(path: str | os.PathLike[str]) -> str:
    """The way out of a damaged index."""
    return f"rebuild it with `saidwhat index --rebuild --db {os.fspath(path)} PATH...`"


def damaged(path: str | os.PathLike[str], detail: str) -> DamagedIndex:
    """The one-line error for a damaged index."""
    return DamagedIndex(f"{os.fspath(path)}: the index is damaged ({detail}); "
                        f"{rebuild_hint(path)}")


def foreign(path: str | os.PathLike[str], what: str) -> ForeignDatabase:
    """The one-line error for a file that is not a saidwhat index."""
    return ForeignDatabase(f"{os.fspath(path)}: not a saidwhat index ({what}); "
                           "it was left untouched: name another file with --db")


def _tables(conn: sqlite3.Connection) -> set[str]:
    """Names of the tables in the database."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def schema_version(conn: sqlite3.Connection) -> int | None:
    """The schema version recorded in `meta`, or None."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        return None
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return None


def inspect(conn: sqlite3.Connection, path: str | os.PathLike[str]) -> str:
    """'new' (an empty database), 'index', or 'legacy' (a saidwhat 0.1 index without the
    application id); raises ForeignDatabase, DamagedIndex or NewerIndex. Reads only."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        tables = _tables(conn)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise foreign(path, "not an SQLite database") from exc
        raise damaged(path, _one_line(exc)) from exc
    if app_id == 0 and pages == 0 and not tables:
        return "new"
    if app_id not in (0, APPLICATION_ID):
        raise foreign(path, f"an SQLite database of another application, id {app_id:#x}")
    version = schema_version(conn)
    if app_id == 0 and (version is None or not set(CORE_TABLES) <= tables):
        raise foreign(path, "an SQLite database of another application")
    if version is None or not set(CORE_TABLES) <= tables:
        raise damaged(path, "its saidwhat tables are missing")
    if version > SCHEMA_VERSION:
        raise NewerIndex(f"{os.fspath(path)}: written by a newer saidwhat (schema {version}; this "
                         f"one reads up to {SCHEMA_VERSION}): upgrade saidwhat to use it")
    return "index" if app_id == APPLICATION_ID else "legacy"


def check_integrity(conn: sqlite3.Connection, path: str | os.PathLike[str]) -> None:
    """SQLite's quick check over the whole file; DamagedIndex when it finds a problem."""
    try:
        rows = conn.execute(f"PRAGMA quick_check({INTEGRITY_ERRORS_SHOWN})").fetchall()
    except sqlite3.DatabaseError as exc:
        raise damaged(path, _one_line(exc)) from exc
    if [tuple(r) for r in rows] != [("ok",)]:
        raise damaged(path, _one_line(rows[0][0]))


def open_checked(conn: sqlite3.Connection, path: str | os.PathLike[str],
                 integrity: bool = True) -> str:
    """inspect() and (unless told not to) check_integrity() on a fresh connection."""
    kind = inspect(conn, path)
    if integrity and kind != "new":
        check_integrity(conn, path)
    return kind


def claim(conn: sqlite3.Connection) -> None:
    """Mark the database as a saidwhat index (inside the caller's transaction, if any)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _one_line(value: object) -> str:
    """A message on one short line."""
    return " ".join(str(value).split())[:200]
