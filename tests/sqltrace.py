"""The SQL a call makes a connection run, for tests of query plans and of what is read."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def traced(conn: sqlite3.Connection, run: Callable[[], T]) -> tuple[T, list[str]]:
    """What `run()` returns, and the SQL statements it made the connection execute."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        result = run()
    finally:
        conn.set_trace_callback(None)
    return result, seen
