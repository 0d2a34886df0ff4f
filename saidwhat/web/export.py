"""CSV twins streamed from the index: rows read one batch at a time, sent in bounded chunks."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from saidwhat.index import queries

CSV_CHUNK = 64 * 1024  # bytes of CSV sent at a time


def csv_chunks(db_path: str | os.PathLike[str], header: Sequence[str],
               rows: Callable[[sqlite3.Connection], Iterable[Sequence[Any]]]) -> Iterator[str]:
    """CSV text in chunks of about CSV_CHUNK bytes, read from its own read-only connection:
    memory stays flat however many rows there are."""
    conn = queries.open_readonly(db_path, check=False)  # checked when the app started
    try:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        for row in rows(conn):
            writer.writerow(row)
            if buf.tell() >= CSV_CHUNK:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    finally:
        conn.close()
