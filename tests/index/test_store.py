"""The SQLite index: incremental by content hash, crash-safe, speakers and quote groups kept."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import quote_article

from saidwhat.cli import index as cli_index
from saidwhat.index import queries, store
from saidwhat.io import saved

REPO = Path(__file__).resolve().parents[2]




def rows(conn: sqlite3.Connection, sql: str, *params) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sql, params).fetchall()]


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def conn(tmp_path):
    c = store.connect(tmp_path / "index.db")
    yield c
    c.close()


def test_schema_is_wal_with_fts(conn):
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "attributions", "speakers", "speaker_aliases", "article_speakers",
            "failures", "quote_groups", "attribution_fts"} <= tables


def test_article_stored_once_by_content_hash(conn):
    a = quote_article("a1", "We will win this fight together, all of us", "Joe Biden",
                      url="https://www.nytimes.com/2021/06/16/x.html", published="2021-06-16")
    assert store.add_article(conn, a)
    assert not store.add_article(conn, a)
    assert count(conn, "articles") == 1 and count(conn, "attributions") == 1
    outlet, digest = conn.execute("SELECT outlet, hash FROM articles").fetchone()
    assert outlet == "nytimes.com"
    assert digest == store.content_hash(a.text)
    assert count(conn, "attribution_fts") == 1


def test_same_id_different_text_gets_its_own_id(conn):
    store.add_article(conn, quote_article("a1", "First version of this quote here", "A B"))
    store.add_article(conn, quote_article("a1", "Second version of this quote here", "A B"))
    assert [r[0] for r in rows(conn, "SELECT id FROM articles ORDER BY seq")] == ["a1", "a1~2"]


def test_outlet_from_url_and_metadata():
    assert store.outlet_from_url("https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert store.outlet_from_url("cnn.com/politics") == "cnn.com"
    assert store.outlet_from_url(None) is None
    assert store.outlet_from_metadata({"site_name": "Reuters"}) == "Reuters"
    assert store.outlet_from_metadata({"other": 1}) is None


def test_speakers_keep_their_ids_as_articles_are_added(conn):
    """Issue 10: "Biden" is `biden`; still `biden` once "Joe Biden" joins it, and once "Jill
    Biden" makes the bare surname ambiguous Joe keeps `biden` and the bare surname gets its own."""
    store.add_article(conn, quote_article("a1", "One quote of some length here", "Biden"))
    store.rebuild_speakers(conn)
    assert rows(conn, "SELECT id, name FROM speakers") == [("biden", "Biden")]
    store.add_article(conn, quote_article("a2", "Two quote of some length here", "Joe Biden"))
    store.rebuild_speakers(conn)
    assert rows(conn, "SELECT id, name, quote_count FROM speakers") == [("biden", "Joe Biden", 2)]
    store.add_article(conn, quote_article("a3", "Three quote of some length here", "Jill Biden"))
    store.rebuild_speakers(conn)
    assert sorted(rows(conn, "SELECT id, name, quote_count FROM speakers")) == [
        ("biden", "Joe Biden", 1), ("biden-2", "Biden", 1), ("jill-biden", "Jill Biden", 1)]
    assert not store.speakers_dirty(conn)


def test_a_name_in_capitals_yields_to_the_form_prose_writes(conn):
    """Aliases are case-insensitive, so of "OBAMA" and "Obama" one is stored: always "Obama"
    (a set's order, which changes from run to run, once picked either)."""
    for n, name in enumerate(("Barack Obama", "OBAMA", "Obama")):
        store.add_article(conn, quote_article(f"a{n}", f"Quote number {n} of some length", name))
    store.rebuild_speakers(conn)
    assert rows(conn, "SELECT alias FROM speaker_aliases ORDER BY alias") == [
        ("Barack Obama",), ("Obama",)]


def test_a_merged_speakers_old_id_redirects_over_three_runs(conn):
    """Run 1: three Bidens apart. Run 2: Joe quoted far more, the bare surname joins him and its
    id redirects to his. Run 3: a rival appears, the bare surname is its own speaker again."""
    for n, name in enumerate(("Biden", "Joe Biden", "Jill Biden")):
        store.add_article(conn, quote_article(f"a{n}", f"Quote number {n} of some length", name))
    store.rebuild_speakers(conn)
    assert sorted(rows(conn, "SELECT id FROM speakers")) == [
        ("biden",), ("jill-biden",), ("joe-biden",)]
    for n in range(3, 8):
        store.add_article(conn, quote_article(f"a{n}", f"Joe said thing {n} of some length",
                                              "Joe Biden"))
    store.rebuild_speakers(conn)
    assert sorted(rows(conn, "SELECT id FROM speakers")) == [("jill-biden",), ("joe-biden",)]
    assert rows(conn, "SELECT old_id, speaker_id FROM speaker_redirects") == [
        ("biden", "joe-biden")]
    assert [s.id for s in queries.find_speakers(conn, "biden")] == ["joe-biden"]
    for n in range(8, 11):
        store.add_article(conn, quote_article(f"a{n}", f"Hunter said thing {n} of length",
                                              "Hunter Biden"))
    store.rebuild_speakers(conn)
    ids = dict(rows(conn, "SELECT name, id FROM speakers"))
    assert ids["Joe Biden"] == "joe-biden" and ids["Jill Biden"] == "jill-biden"
    assert ids["Hunter Biden"] == "hunter-biden" and ids["Biden"] == "biden"
    assert rows(conn, "SELECT * FROM speaker_redirects") == []  # `biden` is live again


def test_a_son_is_not_merged_into_his_father(conn):
    store.add_article(conn, quote_article("a1", "One quote of some length here", "Donald Trump"))
    store.add_article(conn, quote_article("a2", "Two quote of some length here",
                                          "Donald Trump Jr."))
    store.rebuild_speakers(conn)
    assert sorted(rows(conn, "SELECT name FROM speakers")) == [
        ("Donald Trump",), ("Donald Trump Jr.",)]


def test_poll_shares_and_generic_nouns_get_no_speaker_page(conn):
    for n, (name, type_) in enumerate((("Trump - 60 percent", "PERSON"), ("officials", "GROUP"),
                                       ("I", "OTHER"), ("White House officials", "GROUP"))):
        store.add_article(conn, quote_article(f"a{n}", f"Quote number {n} of some length", name,
                                              type_=type_))
    store.rebuild_speakers(conn)
    assert rows(conn, "SELECT name FROM speakers") == [("White House officials",)]


def test_an_ambiguous_surname_gets_no_speaker_page_and_joins_no_namesake(conn):
    from dataclasses import replace

    store.add_article(conn, quote_article("a1", "The race is close and getting closer",
                                          "Chris Murphy"))
    amb = quote_article("a2", "We will win this state in November", "Murphy")
    (att,) = amb.attributions
    assert att.speaker is not None
    amb = amb.with_attributions([replace(att, speaker=replace(att.speaker,
                                                               resolved_by="ambiguous"))])
    store.add_article(conn, amb)
    store.rebuild_speakers(conn)
    assert rows(conn, "SELECT name, quote_count FROM speakers") == [("Chris Murphy", 1)]
    assert rows(conn, "SELECT speaker_id FROM attributions WHERE article_id = 'a2'") == [(None,)]


def test_quote_groups_across_articles(conn):
    q = "We will not back down from our commitment to the people of Ukraine"
    store.add_article(conn, quote_article("a1", q, "Joe Biden", url="https://nytimes.com/1"))
    store.add_article(conn, quote_article("a2", q.replace("not", "never"), "Biden",
                                          url="https://cnn.com/2"))
    store.add_article(conn, quote_article("a3", "back down from our commitment to the people",
                                          "Biden", url="https://bbc.com/3", kind="mixed"))
    store.add_article(conn, quote_article("a4", q, "Biden", kind="indirect"))
    store.add_article(conn, quote_article("a5", "A completely different statement about taxes",
                                          "Biden"))
    groups = rows(conn, "SELECT group_id FROM attributions ORDER BY id")
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] == (None,)  # indirect speech is not tracked
    assert groups[4] != groups[0]
    assert rows(conn, "SELECT size FROM quote_groups ORDER BY id") == [(3,), (1,)]


def saved_jsonl(path: Path, articles, extra: dict | None = None) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({**a.to_dict(), **(extra or {})}) + "\n")
    return path


def test_saved_records_loaded_without_extraction(conn, tmp_path, monkeypatch):
    monkeypatch.setattr("saidwhat.run.runners.process",
                        lambda *a, **k: pytest.fail("saved records must not be re-extracted"))
    f = saved_jsonl(tmp_path / "out.jsonl",
                    [quote_article(f"a{i}", f"Quote number {i} is long enough", "Joe Biden")
                     for i in range(3)], {"outlet": "Example Times"})
    with (tmp_path / "out.jsonl").open("a") as fh:
        fh.write("{not json\n")
    assert saved.is_saved(str(f))
    counts = store.index_paths(conn, [str(tmp_path)])
    assert (counts.seen, counts.indexed, counts.skipped, counts.failed) == (4, 3, 0, 1)
    assert rows(conn, "SELECT DISTINCT outlet FROM articles") == [("Example Times",)]
    assert rows(conn, "SELECT origin FROM failures") == [(f"{f}:4",)]
    assert rows(conn, "SELECT name, quote_count FROM speakers") == [("Joe Biden", 3)]
    again = store.index_paths(conn, [str(f)])
    assert (again.indexed, again.skipped, again.failed) == (0, 3, 1)
    assert count(conn, "articles") == 3


def test_parquet_records_loaded(conn, tmp_path):
    sinks = pytest.importorskip("saidwhat.io.sinks.parquet")
    path = tmp_path / "out.parquet"
    sink = sinks.ParquetSink(path)
    for i in range(2):
        sink.write(quote_article(f"p{i}", f"Parquet quote {i} is long enough", "Ann Lee"))
    sink.close()
    counts = store.index_paths(conn, [str(path)])
    assert (counts.indexed, counts.failed) == (2, 0)
    assert rows(conn, "SELECT content FROM attributions ORDER BY id")[0] == (
        "Parquet quote 0 is long enough",)


def test_raw_text_is_hashed_before_extraction(conn, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Some article text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    seen: list[str] = []

    def fake_process(items, model=None, workers=None, progress=False, settings=None):
        for a in items:
            seen.append(a.id)
            yield a

    monkeypatch.setattr("saidwhat.run.runners.process", fake_process)
    first = store.index_paths(conn, [str(tmp_path)])
    assert (first.seen, first.indexed) == (2, 2) and sorted(seen) == ["a", "b"]
    seen.clear()
    (tmp_path / "c.txt").write_text("Some article text.", encoding="utf-8")  # duplicate text
    (tmp_path / "d.txt").write_text("New article text.", encoding="utf-8")
    again = store.index_paths(conn, [str(tmp_path)])
    assert seen == ["d"]
    assert (again.seen, again.indexed, again.skipped) == (4, 1, 3)


def cli_args(paths, db, **kw) -> argparse.Namespace:
    return argparse.Namespace(paths=[str(p) for p in paths], db=str(db), model=None,
                              max_bytes=kw.get("max_bytes", 10_000_000), workers=1, quiet=False)


def test_index_cli_failures_one_line_each_and_exit_1(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("saidwhat.run.runners.process", lambda items, **k: iter(items))
    (tmp_path / "ok.txt").write_text("A fine article.", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 500, encoding="utf-8")
    db = tmp_path / "i.db"
    args = cli_args([tmp_path, tmp_path / "missing.txt"], db, max_bytes=100)
    status = cli_index.run_index_cli(args)
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert "3 in, 1 indexed, 0 already indexed, 2 failed" in err[-1]
    failures = [line for line in err[:-1] if line.startswith("saidwhat index: ")]
    assert len(failures) == 2 and any("missing.txt" in line for line in failures)
    assert "Traceback" not in "\n".join(err)
    conn = sqlite3.connect(db)
    assert count(conn, "failures") == 2
    meta = json.loads((tmp_path / "metadata.json").read_text())  # for `datasette i.db -m ...`
    assert meta["databases"]["i"]["tables"]["quotes"]["fts_table"] == "attribution_fts"
    assert cli_index.run_index_cli(cli_args([tmp_path / "ok.txt"], db)) == 0
    assert "1 in, 0 indexed, 1 already indexed, 0 failed" in capsys.readouterr().err


def test_index_cli_missing_db_directory(tmp_path, capsys):
    status = cli_index.run_index_cli(cli_args([tmp_path], tmp_path / "no" / "dir" / "i.db"))
    assert status == 2
    assert capsys.readouterr().err.count("\n") == 1


# ---------------------------------------------------------------- with the real engine

SENTENCES = [
    "“We will not back down from our commitment to the people,” {p} said on {d}.",
    "{p} told reporters the talks had been constructive and useful.",
    "“There is no alternative to dialogue between our two countries,” said {p}.",
    "White House officials said the meeting would take place in Geneva next week.",
    "“The economy is growing faster than anyone predicted a year ago,” {p} added.",
]
PEOPLE = ["Joe Biden", "Vladimir Putin", "Angela Merkel", "Emmanuel Macron", "Boris Johnson"]


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        p = PEOPLE[i % len(PEOPLE)]
        body = " ".join(s.format(p=p, d=f"day {i}") for s in SENTENCES)
        (folder / f"art{i:04d}.txt").write_text(
            f"Story number {i}\n\n{body} Reporters counted {i} questions.\n", encoding="utf-8")


def index_cmd(paths, db: Path) -> list[str]:
    return [sys.executable, "-m", "saidwhat", "index", *map(str, paths), "--db", str(db),
            "--workers", "1", "-q"]


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: count(conn, t) for t in ("articles", "attributions", "speakers",
                                             "article_speakers", "quote_groups", "failures")}
    finally:
        conn.close()


@pytest.mark.slow
def test_end_to_end_index_and_rerun(tmp_path):
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "e2e.db"
    run = subprocess.run(index_cmd([tmp_path / "in"], db), capture_output=True, text=True,
                         cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    counts = table_counts(db)
    assert counts["articles"] == 3 and counts["failures"] == 0
    conn = sqlite3.connect(db)
    assert count(conn, "attributions") == count(conn, "attribution_fts") >= 3
    names = {r[0] for r in rows(conn, "SELECT name FROM speakers")}
    assert {"Joe Biden", "Vladimir Putin", "Angela Merkel"} <= names
    # the same words said by three different people are three quotes, not one that travelled
    assert rows(conn, "SELECT count(*) FROM quote_groups WHERE articles > 1")[0][0] == 0
    assert rows(conn, "SELECT count(DISTINCT group_id) FROM attributions"
                      " WHERE content LIKE '%no alternative to dialogue%'")[0][0] == 3
    orphans = conn.execute("SELECT count(*) FROM attributions t LEFT JOIN articles a"
                           " ON a.id = t.article_id WHERE a.id IS NULL").fetchone()[0]
    assert orphans == 0
    conn.close()
    again = subprocess.run(index_cmd([tmp_path / "in"], db)[:-1], capture_output=True,
                           text=True, cwd=REPO, timeout=300)
    assert again.returncode == 0
    assert "3 in, 0 indexed, 3 already indexed, 0 failed" in again.stderr
    assert table_counts(db) == counts


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path):
    write_articles(tmp_path / "in", 120)
    clean = tmp_path / "clean.db"
    subprocess.run(index_cmd([tmp_path / "in"], clean), check=True, cwd=REPO, timeout=600,
                   capture_output=True)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(index_cmd([tmp_path / "in"], db), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    at_kill = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                at_kill = count(c, "articles")
                c.close()
            except sqlite3.Error:
                pass
            if at_kill >= 15:
                break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < at_kill < 120, "the run should have been killed midway"
    rerun = subprocess.run(index_cmd([tmp_path / "in"], db), cwd=REPO, timeout=600,
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert table_counts(db) == table_counts(clean)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(DISTINCT hash) FROM articles").fetchone()[0] == 120
    assert count(conn, "attributions") == count(conn, "attribution_fts")
    conn.close()


def test_index_cli_not_a_database(tmp_path, capsys):
    db = tmp_path / "junk.db"
    db.write_text("this is not sqlite " * 100)
    status = cli_index.run_index_cli(cli_args([tmp_path / "missing.txt"], db))
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "junk.db" in err


def test_quote_repeated_within_one_article_counts_one_article(conn):
    q = "We will not back down from our commitment to the people of Ukraine"
    base = quote_article("a1", q, "Joe Biden")
    twice = base.with_attributions(base.attributions * 2)
    store.add_article(conn, twice)
    assert rows(conn, "SELECT size, articles FROM quote_groups") == [(2, 1)]
    store.add_article(conn, quote_article("a2", q, "Biden"))
    assert rows(conn, "SELECT size, articles FROM quote_groups") == [(3, 2)]


def test_upgrade_adds_group_article_counts(tmp_path):
    path = tmp_path / "old.db"
    c = store.connect(path)
    q = "We will not back down from our commitment to the people of Ukraine"
    store.add_article(c, quote_article("a1", q, "Joe Biden"))
    store.add_article(c, quote_article("a2", q, "Biden"))
    c.execute("DROP INDEX quote_groups_articles")
    for name in store.VIEWS:
        c.execute(f"DROP VIEW {name}")
    c.execute("ALTER TABLE quote_groups DROP COLUMN articles")
    c.execute("ALTER TABLE quote_groups DROP COLUMN outlets")
    c.close()
    c = store.connect(path)
    assert rows(c, "SELECT size, articles, outlets FROM quote_groups") == [(2, 2, 0)]
    c.close()


def test_malformed_saved_record_is_a_failure_not_a_crash(conn, tmp_path):
    good = quote_article("ok", "A quote that is long enough to track here", "Ann Lee")
    bad = {"id": "bad", "text": "abc", "attributions": [
        {"kind": "direct", "content": {"text": {"not": "text"}, "spans": [[0, 1]]}}]}
    path = tmp_path / "saved.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(good.to_dict()) + "\n")
    counts = store.index_paths(conn, [str(path)])
    assert (counts.seen, counts.indexed, counts.failed) == (2, 1, 1)
    assert rows(conn, "SELECT id FROM articles") == [("ok",)]
    assert "cannot store" in rows(conn, "SELECT error FROM failures")[0][0]


def test_upgrade_to_stemmed_search_and_attribution_columns(tmp_path):
    path = tmp_path / "v1.db"
    c = store.connect(path)
    store.add_article(c, quote_article("a1", "Taxes will fall for small farms next year",
                                       "Ann Lee", url="https://daily.example/a1",
                                       published="2024-03-02"))
    store.rebuild_speakers(c)
    for name in store.VIEWS:  # back to a version-1 index: no views, columns or porter
        c.execute(f"DROP VIEW {name}")
    for index in ("attributions_newest", "attributions_by_speaker", "attributions_by_outlet",
                  "attributions_by_speaker_name", "attributions_by_outlets",
                  "attributions_by_confidence", "attributions_by_speaker_confidence",
                  "attributions_by_speaker_outlets", "attributions_oldest",
                  "attributions_by_speaker_oldest", "attributions_by_kind",
                  "attributions_speaker_facets", "attributions_month"):
        c.execute(f"DROP INDEX {index}")
    c.execute("DROP TABLE speaker_counts")
    c.execute("CREATE INDEX attributions_confidence ON attributions(confidence DESC)")
    c.execute("CREATE INDEX attributions_kind ON attributions(kind, type)")
    for col in ("published", "outlet", "article_seq", "speaker_id", "speaker_name",
                "outlet_count"):
        c.execute(f"ALTER TABLE attributions DROP COLUMN {col}")
    c.execute("DROP TABLE attribution_fts")
    c.execute("CREATE VIRTUAL TABLE attribution_fts USING fts5(content, speaker, title,"
              " tokenize = 'unicode61 remove_diacritics 2')")
    c.execute("INSERT INTO attribution_fts (rowid, content, speaker, title)"
              " SELECT id, content, 'Ann Lee', 'About a1' FROM attributions")
    c.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    assert rows(c, "SELECT count(*) FROM attribution_fts WHERE attribution_fts MATCH 'tax'"
                ) == [(0,)]
    c.close()
    c = store.connect(path)
    assert rows(c, "SELECT value FROM meta WHERE key = 'schema_version'") == [
        (str(store.SCHEMA_VERSION),)]
    assert rows(c, "SELECT count(*) FROM attribution_fts WHERE attribution_fts MATCH 'tax'"
                ) == [(1,)]
    assert rows(c, "SELECT published, outlet, article_seq, speaker_id, speaker_name,"
                   " outlet_count FROM attributions") == [
        ("2024-03-02", "daily.example", 1, "ann-lee", "Ann Lee", 1)]
    assert rows(c, "SELECT speaker, outlet FROM quotes") == [("Ann Lee", "daily.example")]
    assert rows(c, "SELECT count(*) FROM sqlite_master WHERE name IN"
                   " ('attributions_confidence', 'attributions_kind')") == [(0,)]
    assert rows(c, "SELECT facet, value, n FROM speaker_counts ORDER BY facet") == [
        ("kind", "direct", 1), ("month", "2024-03", 1), ("outlet", "daily.example", 1),
        ("week", "2024-02-26", 1)]
    c.close()


def test_an_articles_own_outlet_wins_over_its_url_host(conn):
    from saidwhat.records import Article

    store.add_article(conn, Article(id="o1", text="t1", outlet="Harbour Herald",
                                    url="https://cdn.example/x"))
    store.add_article(conn, Article(id="o2", text="t2", url="https://www.herald.example/y"))
    assert rows(conn, "SELECT id, outlet FROM articles WHERE id LIKE 'o_' ORDER BY id") == [
        ("o1", "Harbour Herald"), ("o2", "herald.example")]
