"""The index opens readably in Datasette: views with speaker names, FTS wired, metadata.json."""

from __future__ import annotations

import json
import sqlite3

import pytest
from factories import biden_variants, index_of, quote_article

from saidwhat.index import datasette, store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "news.db"
    index_of(path, [*biden_variants(), quote_article("tax", "Taxes on farms will fall next spring",
                                          "Ann Lee", url="https://daily.example/t")])
    return path


def test_views_read_with_speaker_names(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT speaker, outlet, content FROM quotes ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["Joe Biden"] * 3 + ["Ann Lee"]
    assert rows[3][1] == "daily.example"
    (group,) = conn.execute("SELECT articles, outlets, speaker, first_published"
                            " FROM quotes_across_outlets").fetchall()
    assert group == (3, 3, "Joe Biden", "2021-06-15")


def test_metadata_json_names_real_tables_and_wires_search(db):
    path = datasette.write_metadata(db)
    assert path == db.with_name("metadata.json")
    meta = json.loads(path.read_text())
    tables = meta["databases"]["news"]["tables"]
    conn = sqlite3.connect(db)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN"
                                        " ('table', 'view')")}
    assert set(tables) <= names
    for name, spec in tables.items():
        if "fts_table" in spec:  # what Datasette runs for its search box
            sql = (f"SELECT * FROM [{name}] WHERE [{spec['fts_pk']}] IN (SELECT rowid FROM"
                   f" [{spec['fts_table']}] WHERE [{spec['fts_table']}] MATCH :search)")
            hits = conn.execute(sql, {"search": "tax"}).fetchall()
            assert len(hits) == 1, name  # stemmed: "tax" finds "Taxes"
        for col in spec.get("facets", []) + spec.get("sortable_columns", []):
            conn.execute(f"SELECT [{col}] FROM [{name}] LIMIT 1")


def test_metadata_json_merges_ours_and_leaves_others_alone(db, tmp_path):
    datasette.write_metadata(db)
    other = tmp_path / "wire.db"
    store.connect(other).close()
    datasette.write_metadata(other)
    meta = json.loads(db.with_name("metadata.json").read_text())
    assert set(meta["databases"]) == {"news", "wire"}
    foreign = tmp_path / "elsewhere"
    foreign.mkdir()
    (foreign / "metadata.json").write_text('{"title": "mine"}')
    assert datasette.write_metadata(foreign / "x.db") is None
    assert json.loads((foreign / "metadata.json").read_text()) == {"title": "mine"}
