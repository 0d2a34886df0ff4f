"""A speaker's quotes counted once at index time, so their page reads counts instead of rows.

`count_speakers` fills the `speaker_counts` table (schema 7) from the attributions: per corpus
speaker, how many quotes per outlet, kind, month and week. The store calls it whenever corpus
speakers are rebuilt (the only time an attribution's `speaker_id` changes), in the same
transaction, so the counts always describe exactly the quotes a speaker's page lists.
`stored_counts` reads one speaker's back; the facets, weekly timeline and outlet chart of an
unfiltered speaker page come from it (`saidwhat.index.queries`), filtered pages count rows.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

# Expressions over attributions `t`, shared by the live queries and the stored counts.
MONTH = "substr(t.published, 1, 7)"
WEEK = "date(t.published, '-6 days', 'weekday 1')"  # the Monday starting a date's week
DATED = "t.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
COUNTED = {  # facet -> (value, condition): what a speaker's quotes are counted by
    "outlet": ("t.outlet", "1"),
    "kind": ("t.kind", "1"),
    "month": (MONTH, "1"),
    "week": (WEEK, DATED),  # undated quotes are in no week
}

Counts = dict[str, list[tuple[str | None, int]]]  # facet -> (value, count) pairs


def count_speakers(conn: sqlite3.Connection) -> None:
    """Recount every corpus speaker's quotes per outlet, kind, month and week (inside the
    caller's transaction)."""
    conn.execute("DELETE FROM speaker_counts")
    for facet, (value, condition) in COUNTED.items():
        conn.execute(
            f"INSERT INTO speaker_counts (speaker_id, facet, value, n)"
            f" SELECT t.speaker_id, '{facet}', {value} AS v, count(*) FROM attributions t"
            f" WHERE t.speaker_id IS NOT NULL AND {condition} GROUP BY t.speaker_id, v")


def stored_counts(conn: sqlite3.Connection, speaker_id: str) -> Counts | None:
    """One speaker's stored counts by facet, or None when there are none (an unknown speaker,
    or an index written before schema 7 read where it could not be upgraded)."""
    try:
        rows = conn.execute("SELECT facet, value, n FROM speaker_counts WHERE speaker_id = ?",
                            (speaker_id,)).fetchall()
    except sqlite3.OperationalError:  # no such table
        return None
    if not rows:
        return None
    out: Counts = defaultdict(list)
    for facet, value, n in rows:
        out[facet].append((value, n))
    return dict(out)
