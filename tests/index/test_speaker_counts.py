"""A speaker's quotes counted when speakers are rebuilt, and their page reading the counts."""

from __future__ import annotations

import sqlite3

import pytest
from factories import DESK_ROWS, desk_article, index_of
from sqltrace import traced

from saidwhat.index import queries, speaker_counts, store


def stored(conn: sqlite3.Connection, speaker_id: str) -> dict[str, set[tuple]]:
    """A speaker's stored counts as sets, for comparing."""
    return {facet: set(pairs) for facet, pairs in
            (speaker_counts.stored_counts(conn, speaker_id) or {}).items()}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    index_of(path, [desk_article(*row) for row in DESK_ROWS])
    return path


def test_rebuilding_speakers_counts_their_quotes(db):
    conn = store.connect(db)
    assert stored(conn, "ann-lee") == {
        "outlet": {("daily.example", 1), ("herald.example", 1), ("wire.example", 1)},
        "kind": {("direct", 2), ("indirect", 1)},
        "month": {("2024-03", 3)},
        "week": {("2024-02-26", 1), ("2024-03-04", 1), ("2024-03-18", 1)}}
    assert stored(conn, "cy-diaz")["month"] == {(None, 1)} and "week" not in stored(
        conn, "cy-diaz")  # undated: no month, in no week
    store.add_article(conn, desk_article("a7", "Ann Lee", "https://post.example/a7",
                                         "2024-06-03", "mixed", "speech", 0.9,
                                         "The port will reopen in the autumn"))
    assert stored(conn, "ann-lee")["kind"] == {("direct", 2), ("indirect", 1)}  # as listed
    assert queries.count_quotes(conn, queries.Filters(speakers=("ann-lee",))) == 3
    store.rebuild_speakers(conn)
    assert stored(conn, "ann-lee")["kind"] == {("direct", 2), ("indirect", 1), ("mixed", 1)}
    assert ("post.example", 1) in stored(conn, "ann-lee")["outlet"]
    conn.close()


def test_a_speakers_whole_list_reads_the_counts_not_the_quotes(db):
    conn = queries.open_readonly(db)
    ann = queries.Filters(speakers=("ann-lee",))
    # the same quotes through a filter that keeps them all: counted from the rows
    same = queries.Filters(speakers=("ann-lee",), min_confidence=0.0)
    _, sql = traced(conn, lambda: (queries.facets(conn, ann), queries.timeline(conn, ann),
                                    queries.outlet_counts(conn, ann)))
    assert not [s for s in sql if "attributions" in s], sql
    assert queries.facets(conn, ann) == queries.facets(conn, same)
    assert queries.timeline(conn, ann) == queries.timeline(conn, same)
    assert queries.outlet_counts(conn, ann) == queries.outlet_counts(conn, same)
    assert [c.count for c in queries.timeline(conn, ann)] == [1, 1, 0, 1]
    _, narrowed = traced(conn, lambda: queries.facets(conn, same))
    assert [s for s in narrowed if "FROM attributions" in s]
    conn.close()


def test_an_index_without_counts_is_counted_when_upgraded(db):
    conn = store.connect(db)
    conn.execute("DROP TABLE speaker_counts")
    conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    conn.close()
    ro = queries.open_readonly(db)  # brings it up to date
    assert stored(ro, "bo-chen")["kind"] == {("direct", 1), ("mixed", 1)}
    assert queries.guard.schema_version(ro) == store.SCHEMA_VERSION
    ro.close()


def test_counts_left_out_mean_counting_rows(db):
    conn = store.connect(db)
    conn.execute("DELETE FROM speaker_counts WHERE speaker_id = 'ann-lee'")
    ann = queries.Filters(speakers=("ann-lee",))
    assert speaker_counts.stored_counts(conn, "ann-lee") is None
    assert [c.count for c in queries.timeline(conn, ann)] == [1, 1, 0, 1]
    assert {v.label: v.count for f in queries.facets(conn, ann) if f.name == "kind"
            for v in f.values} == {"direct": 2, "indirect": 1}
    conn.close()
