"""Queries over the index and the speakers / quotes / search commands."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json

import pytest
from factories import biden_variants, quote_article
from sqltrace import traced

from saidwhat.cli import main, query
from saidwhat.index import queries, store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    conn = store.connect(path)
    for a in [
        *biden_variants(),
        quote_article("rt", "The talks with the American side were constructive, frankly",
                      "Vladimir Putin", url="https://rt.com/d", published="2021-06-16",
                      title="Putin on Biden talks"),
        quote_article("wh", "The president raised human rights with his counterpart",
                      "White House officials", type_="GROUP", kind="indirect"),
        quote_article("undated", "Our economy is stronger than it has been in years",
                      "Joe Biden"),
    ]:
        store.add_article(conn, a)
    store.rebuild_speakers(conn)
    conn.close()
    return path


@pytest.fixture
def conn(db):
    c = queries.open_readonly(db)
    yield c
    c.close()


def test_open_readonly_refuses_missing_and_non_index(tmp_path):
    with pytest.raises(FileNotFoundError):
        queries.open_readonly(tmp_path / "missing.db")
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    with pytest.raises(ValueError):
        queries.open_readonly(bad)


def test_readonly_connection_cannot_write(conn):
    with pytest.raises(Exception, match="readonly"):
        conn.execute("DELETE FROM articles")


def test_counts(conn):
    c = queries.counts(conn)
    assert (c.articles, c.attributions, c.speakers, c.quote_groups) == (6, 6, 3, 1)


def test_top_speakers_and_speaker(conn):
    top = queries.top_speakers(conn, limit=2)
    assert [s.name for s in top] == ["Joe Biden", "Vladimir Putin"]
    biden = top[0]
    assert biden.quote_count == 4 and biden.article_count == 4
    assert (biden.first_seen, biden.last_seen) == ("2021-06-15", "2021-06-17")
    assert biden.outlets == ("bbc.co.uk", "cnn.com", "nytimes.com")
    assert set(biden.aliases) == {"Joe Biden", "President Biden", "Biden"}
    assert queries.top_speakers(conn, limit=5, offset=2)[0].type == "GROUP"
    assert queries.top_speakers(conn, type="GROUP")[0].name == "White House officials"
    assert queries.speaker(conn, biden.id) == biden
    assert queries.speaker(conn, "nobody") is None


def test_find_speakers_by_name_or_alias_case_insensitive(conn):
    for name in ("joe biden", "PRESIDENT BIDEN", "Biden"):
        assert [s.name for s in queries.find_speakers(conn, name)] == ["Joe Biden"]
    assert queries.find_speakers(conn, "Hunter Biden") == []


def test_a_lone_surname_finds_the_one_speaker_who_has_it(conn, tmp_path):
    assert [s.name for s in queries.find_speakers(conn, "putin")] == ["Vladimir Putin"]
    path = tmp_path / "lees.db"
    c = store.connect(path)
    for i, name in enumerate(["Ann Lee", "Tom Lee"]):
        store.add_article(c, quote_article(f"a{i}", "The bridge will open in May", name))
    store.rebuild_speakers(c)
    c.close()
    lees = queries.open_readonly(path)
    assert queries.find_speakers(lees, "Lee") == []  # two of them: "did you mean" lists both
    assert set(queries.suggest_speakers(lees, "Lee")) == {"Ann Lee", "Tom Lee"}
    assert queries.find_speakers(lees, "Le%") == []
    lees.close()


def test_speaker_quotes_newest_first_undated_last(conn):
    quotes = queries.speaker_quotes(conn, "joe-biden")
    assert [q.article_id for q in quotes] == ["bbc", "nyt", "cnn", "undated"]
    assert all(q.speaker_name == "Joe Biden" for q in quotes)
    assert [q.article_id for q in queries.speaker_quotes(conn, "joe-biden", 2, 1)] == ["nyt", "cnn"]


def test_recent_quotes(conn):
    assert [q.article_id for q in queries.recent_quotes(conn, limit=3)] == ["bbc", "rt", "nyt"]


def test_search_ranked_and_highlighted(conn):
    hits = queries.search(conn, "commitment people")
    assert {h.article_id for h in hits} == {"nyt", "cnn", "bbc"}
    matched = [t for t, hit in hits[0].highlight if hit]
    assert matched == ["commitment", "people"]
    assert "".join(t for t, _ in hits[0].highlight) == hits[0].content
    # a speaker name and a title word are searchable too; content matches rank first
    by_speaker = queries.search(conn, "Putin")
    assert [h.article_id for h in by_speaker] == ["rt"]
    biden = queries.search(conn, "biden")
    assert "rt" in {h.article_id for h in biden}  # matched by its title only
    assert biden[-1].article_id == "rt"


def test_search_phrase_and_or(conn):
    assert [h.article_id for h in queries.search(conn, '"back down from our"')] != []
    assert queries.search(conn, '"down back"') == []
    either = queries.search(conn, "constructive OR economy")
    assert {h.article_id for h in either} == {"rt", "undated"}


@pytest.mark.parametrize("text", [
    '"', '""', "(", ")", "*", "AND", "OR", "NOT", "a AND", "NEAR(a b)", "col:value",
    '"unbalanced phrase', "-people", "people*", "^start", "'", "\\", "{x y}", "  ", "🙂",
    "commitment) OR (", "'; DROP TABLE articles; --",
])
def test_search_never_crashes_on_fts_syntax(conn, text):
    try:
        assert isinstance(queries.search(conn, text), list)
    except queries.QueryError as exc:  # a message for the user, never an sqlite error
        assert text == "-people" and "exclusion" in str(exc)


def test_article_with_attributions_and_corpus_speaker_ids(conn):
    a = queries.article(conn, "cnn")
    assert a is not None and a.outlet == "cnn.com" and a.title == "Summit day"
    (q,) = a.attributions
    assert q.speaker_id == "joe-biden" and q.speaker_name == "Joe Biden"
    assert a.text[q.content_spans[0][0]:q.content_spans[0][1]] == q.content
    assert queries.article(conn, "missing") is None


def test_quote_group_earliest_outlets_and_diffs(conn):
    (summary,) = queries.quote_groups(conn)
    assert summary.article_count == 3 and summary.outlet_count == 3
    assert summary.first_article_id == "cnn"  # published first, though indexed second
    assert summary.speaker_id == "joe-biden"
    g = queries.quote_group(conn, summary.id)
    assert g is not None
    assert g.earliest.article_id == "cnn"
    assert g.outlets == ("bbc.co.uk", "cnn.com", "nytimes.com")
    assert [v.quote.article_id for v in g.variants] == ["cnn", "nyt", "bbc"]
    first, nyt, bbc = g.variants
    assert not first.altered and nyt.altered and not bbc.altered
    assert (first.change, nyt.change, bbc.change) == ("verbatim", "altered", "shortened")
    assert [(d.op, d.base, d.variant) for d in nyt.diff if d.op != "equal"] == [
        ("replace", ("never",), ("not",))]
    assert [d.op for d in bbc.diff] == ["delete", "equal", "delete"]
    assert queries.quote_group(conn, 9999) is None
    assert queries.quote_groups(conn, speaker_id="vladimir-putin") == []
    assert len(queries.quote_groups(conn, min_articles=1)) == 3  # + rt, undated


def test_results_are_json_ready(conn):
    g = queries.quote_group(conn, queries.quote_groups(conn)[0].id)
    for result in (g, queries.top_speakers(conn), queries.article(conn, "nyt"),
                   queries.search(conn, "people"), queries.counts(conn), None):
        json.dumps(queries.to_dict(result))
    assert queries.to_dict(g)["variants"][1]["diff"][1] == {
        "op": "replace", "base": ["never"], "variant": ["not"]}


# ---------------------------------------------------------------- CLI


def run(argv, capsys) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_speakers_cli_jsonl_csv_table(db, capsys):
    status, out, _ = run(["speakers", "--db", str(db), "-f", "jsonl"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and lines[0]["name"] == "Joe Biden" and lines[0]["quote_count"] == 4
    status, out, _ = run(["speakers", "--db", str(db), "-f", "csv", "--limit", "1"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and rows[0]["outlets"] == "bbc.co.uk; cnn.com; nytimes.com"
    status, out, _ = run(["speakers", "--db", str(db), "-f", "table"], capsys)
    assert "Biden" in out and "officials" in out


def test_default_format_is_jsonl_when_piped(db, capsys):
    _, out, _ = run(["speakers", "--db", str(db)], capsys)
    assert json.loads(out.splitlines()[0])["name"] == "Joe Biden"


def test_quotes_cli_matches_alias(db, capsys):
    status, out, _ = run(["quotes", "--speaker", "president biden", "--db", str(db),
                          "-f", "jsonl", "--limit", "3"], capsys)
    quotes = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(quotes) == 3
    assert {q["speaker_id"] for q in quotes} == {"joe-biden"}
    status, _, err = run(["quotes", "--speaker", "Nobody", "--db", str(db)], capsys)
    assert status == 1 and "Nobody" in err


def test_search_cli_formats_and_highlight(db, capsys):
    status, out, _ = run(["search", "constructive", "--db", str(db), "-f", "jsonl"], capsys)
    (hit,) = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and ["constructive", True] in hit["highlight"]
    status, out, _ = run(["search", 'NEAR("', "--db", str(db), "-f", "csv"], capsys)
    assert status == 0
    status, out, _ = run(["search", "constructive", "--db", str(db), "-f", "table"], capsys)
    assert "constructive" in out


def test_search_table_bolds_matches(db, capsys, monkeypatch):
    printed = []
    monkeypatch.setenv("COLUMNS", "150")  # a wide terminal: a table (narrow ones get cards)
    monkeypatch.setattr("rich.table.Table.add_row", lambda self, *cells: printed.append(cells))
    query.run_search_cli(argparse.Namespace(
        db=str(db), query="constructive", format="table", limit=5, speaker=None, outlet=None,
        since=None, until=None, kind=None, type=None, min_confidence=None, sort="relevance"))
    assert any("[bold]constructive[/bold]" in cell for cells in printed for cell in cells)


@pytest.mark.parametrize("command", [["speakers"], ["quotes", "--speaker", "x"], ["search", "x"]])
def test_missing_db_is_one_line_exit_2(tmp_path, capsys, command):
    status, out, err = run([*command, "--db", str(tmp_path / "none.db")], capsys)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "none.db" in err


def test_search_count_recent_articles_and_failures(db, conn):
    assert queries.search_count(conn, "commitment") == 3
    assert queries.search_count(conn, '"(') == 0
    arts = queries.recent_articles(conn, limit=2)
    assert [a.id for a in arts] == ["bbc", "rt"] and arts[0].attribution_count == 1
    assert [a.id for a in queries.recent_articles(conn, limit=10)][-2:] == ["undated", "wh"]
    assert queries.failures(conn) == []
    w = store.connect(db)
    store.add_failure(w, store.Failure("x.txt", "cannot read"))
    w.close()
    (f,) = queries.failures(conn)
    assert (f.origin, f.error) == ("x.txt", "cannot read")


def keyset_walk(fetch, size: int) -> list[int]:
    """Every row id of a keyset-paged query, `size` at a time, each page after the last id."""
    ids: list[int] = []
    after = None
    while True:
        rows = fetch(size + 1, after)
        ids += [r.id for r in rows[:size]]
        if len(rows) <= size:
            return ids
        after = rows[size - 1].id


@pytest.mark.parametrize("size", [1, 2, 3])
def test_keyset_paging_matches_offset_order(conn, size):
    everything = [q.id for q in queries.recent_quotes(conn, limit=100)]
    assert len(everything) == queries.counts(conn).attributions > size
    assert keyset_walk(lambda n, k: queries.recent_quotes(conn, n, after=k), size) == everything
    biden = [q.id for q in queries.speaker_quotes(conn, "joe-biden", limit=100)]
    assert len(biden) > size
    assert keyset_walk(lambda n, k: queries.speaker_quotes(conn, "joe-biden", n, after=k),
                       size) == biden


def test_keyset_after_the_last_or_an_unknown_id_is_empty(conn):
    last = queries.recent_quotes(conn, limit=100)[-1]
    assert last.published is None  # the undated article comes last
    assert queries.recent_quotes(conn, after=last.id) == []
    assert queries.recent_quotes(conn, after=10**9) == []


def cli(db, *argv, capsys):
    """Run a query command; (status, stdout, stderr)."""
    status = main([*argv, "--db", str(db), "-f", "jsonl"])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_quotes_and_search_take_the_web_filters(db, capsys):
    status, rows, _ = cli(db, "quotes", "--outlet", "cnn.com", "--outlet", "bbc.co.uk",
                          capsys=capsys)
    assert status == 0 and {r["article_id"] for r in rows} == {"cnn", "bbc"}
    _, rows, _ = cli(db, "quotes", "--speaker", "Biden", "--since", "2021-06-16",
                     "--kind", "direct", capsys=capsys)
    assert [r["article_id"] for r in rows] == ["nyt"]
    _, rows, _ = cli(db, "quotes", "--type", "speech", "--sort", "oldest", "--min-confidence",
                     "0.5", capsys=capsys)
    assert rows[0]["article_id"] == "cnn" and rows[-1]["published"] is None
    _, rows, _ = cli(db, "search", "commitment", "--until", "2021-06-16", capsys=capsys)
    assert {r["article_id"] for r in rows} == {"cnn", "nyt"}


def test_unknown_speaker_suggests_near_misses(db, capsys):
    status, rows, err = cli(db, "quotes", "--speaker", "Vladimir Putn", capsys=capsys)
    assert status == 1 and rows == []
    assert err.strip() == ("saidwhat quotes: no speaker named 'Vladimir Putn' — did you mean "
                           "Vladimir Putin?")
    _, _, err = cli(db, "search", "talks", "--speaker", "Bidn", capsys=capsys)
    assert "did you mean Joe Biden?" in err


def test_a_cut_list_says_how_many_there_are(db, capsys):
    status, rows, err = cli(db, "quotes", "--limit", "2", capsys=capsys)
    assert status == 0 and len(rows) == 2
    assert "2 of 6 attributions" in err
    _, rows, err = cli(db, "quotes", "--limit", "50", capsys=capsys)
    assert len(rows) == 6 and "of" not in err


def test_bad_filter_or_search_is_one_line(db, capsys):
    status, _, err = cli(db, "quotes", "--since", "June", capsys=capsys)
    assert status == 1 and err.count("\n") == 1 and "since" in err
    status = main(["search", "--db", str(db), "--", "-Biden"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "exclusion" in err


def test_quote_table_at_80_columns_wraps_without_cutting_words(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["quotes", "--db", str(db), "-f", "table"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    words = " ".join(out.split())
    assert "We will not back down from our commitment to the people of Ukraine" in words
    assert "2021-06-16" in out


@pytest.mark.parametrize("sort", ["speaker", "outlets", "date", "confidence", "oldest"])
@pytest.mark.parametrize("speakers", [(), ("joe-biden",)])
def test_sorts_read_an_index_not_a_temporary_sort(conn, sort, speakers):
    """Every quote list and a speaker's (their page) in each sort of the speaker page."""
    filters = queries.Filters(speakers=speakers)
    sql, params = queries._quotes_sql(filters, sort, None)
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql + " LIMIT 50",
                                               params))
    assert "TEMP B-TREE" not in plan, plan


def test_one_speakers_quotes_by_speaker_are_in_date_order(conn):
    biden = queries.Filters(speakers=("joe-biden",))
    assert queries.list_quotes(conn, biden, "speaker") == queries.list_quotes(conn, biden)


def test_sort_columns_follow_quote_groups_and_speaker_merges(tmp_path):
    path = tmp_path / "s.db"
    c = store.connect(path)
    variants = biden_variants()
    store.add_article(c, variants[0])
    assert [tuple(r) for r in c.execute("SELECT outlet_count, speaker_name FROM attributions")
            ] == [(1, "Joe Biden")]
    store.add_article(c, quote_article("lone", "We will hold the line on trade", "Biden"))
    store.rebuild_speakers(c)
    for a in variants[1:]:  # two more outlets carry the first quote
        store.add_article(c, a)
    store.rebuild_speakers(c)
    got = dict(c.execute("SELECT article_id, outlet_count FROM attributions").fetchall())
    assert got == {"nyt": 3, "cnn": 3, "bbc": 3, "lone": 0}
    names = {r[0] for r in c.execute("SELECT speaker_name FROM attributions")}
    assert names == {r[0] for r in c.execute(
        "SELECT coalesce(sp.name, s.name) FROM attributions t JOIN article_speakers s"
        " ON s.article_id = t.article_id AND s.local_id = t.speaker_local_id"
        " LEFT JOIN speakers sp ON sp.id = s.speaker_id")} == {"Joe Biden"}
    c.close()


def test_an_older_index_is_brought_up_to_date_when_opened_to_read(db):
    c = store.connect(db)
    for index in ("attributions_by_speaker_name", "attributions_by_outlets",
                  "attributions_by_speaker_confidence", "attributions_by_speaker_outlets",
                  "attributions_oldest", "attributions_by_speaker_oldest"):
        c.execute(f"DROP INDEX {index}")
    for col in ("outlet_count", "speaker_name"):
        c.execute(f"ALTER TABLE attributions DROP COLUMN {col}")
    c.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    c.close()
    ro = queries.open_readonly(db)
    first = queries.list_quotes(ro, sort="outlets", limit=1)[0]
    assert first.outlet_count == 3 and queries.guard.schema_version(ro) == store.SCHEMA_VERSION
    assert [q.speaker_name for q in queries.list_quotes(ro, sort="speaker")][0] == "Joe Biden"
    ro.close()


def test_an_upgrade_re_measures_statistics_so_the_new_indexes_are_used(db):
    c = store.connect(db)
    added = ("attributions_by_speaker_confidence", "attributions_by_speaker_outlets",
             "attributions_by_speaker_oldest")
    for index in added:
        c.execute(f"DROP INDEX {index}")
    c.execute("ANALYZE")  # statistics of the older indexes only, as a user's ANALYZE leaves
    c.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    c.close()
    store.connect(db).close()
    ro = queries.open_readonly(db)
    measured = {r[0] for r in ro.execute("SELECT idx FROM sqlite_stat1")}
    assert set(added) <= measured
    for sort in ("date", "confidence", "outlets", "oldest"):
        sql, params = queries._quotes_sql(queries.Filters(speakers=("joe-biden",)), sort, None)
        plan = " ".join(r[3] for r in ro.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "TEMP B-TREE" not in plan, (sort, plan)
    ro.close()


@pytest.mark.parametrize("filters", [
    queries.Filters(speakers=("joe-biden",)),
    queries.Filters(speakers=("joe-biden",), outlets=("cnn.com",), kind="direct"),
    queries.Filters(kind="mixed", type="speech"),
])
def test_facets_of_a_filtered_list_read_a_covering_index(conn, filters):
    """The rows a filter picks are read once from an index holding every facet's column."""
    conds, params = filters.where()
    where = " WHERE " + " AND ".join(f"({c})" for c in conds)
    sql = queries._one_pass_sql(where, tuple(queries.FACETS), queries.FACET_SIZE)
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    reads = [step for step in plan if step.startswith(("SEARCH t ", "SCAN t "))]
    assert reads and all("COVERING INDEX" in step for step in reads), plan


@pytest.mark.parametrize("name", list(queries.FACETS))
def test_each_facet_of_the_whole_index_reads_an_index_in_its_order(conn, name):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN " + queries._facet_sql(name, ""), [11]))
    assert "TEMP B-TREE FOR GROUP BY" not in plan and "SCAN t USING" in plan, plan


def test_a_schema_7_index_gains_the_month_index_when_opened_to_read(db):
    c = store.connect(db)
    c.execute("DROP INDEX attributions_month")
    c.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    c.close()
    ro = queries.open_readonly(db)
    plan = " ".join(r[3] for r in ro.execute(
        "EXPLAIN QUERY PLAN " + queries._facet_sql("month", ""), [11]))
    assert "attributions_month" in plan, plan
    assert queries.guard.schema_version(ro) == store.SCHEMA_VERSION
    ro.close()


def test_a_list_page_sorts_ids_then_reads_only_its_rows(conn):
    filters = queries.Filters(speakers=("joe-biden",), outlets=("cnn.com", "nytimes.com"))
    page, seen = traced(conn, lambda: queries.list_quotes(conn, filters, "confidence", limit=1))
    sorting = [s for s in seen if "ORDER BY" in s]
    assert sorting and all("JOIN" not in s for s in sorting), seen
    assert [q.article_id for q in page] == [
        q.article_id for q in queries.list_quotes(conn, filters, "confidence", limit=5)][:1]


@pytest.fixture
def taxes(tmp_path):
    """Thirty quotes by six speakers in three outlets, 24 of them about taxes, one about a
    harbour."""
    path = tmp_path / "tax.db"
    c = store.connect(path)
    names = ["Ann Lee", "bo chen", "Cy Diaz", "Dee Fox", "Eli Grant", "Fay Hale"]
    for i in range(30):
        words = ("Taxes will rise for the farms" if i % 5 else "The harbour will reopen") + (
            f" in week {i}")
        outlet = ("daily", "herald", "wire")[i % 3]
        a = quote_article(f"t{i:02d}", words, names[i * 7 % 6],
                          url=f"https://{outlet}.example/{i}",
                          published=f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}")
        a = a.with_attributions([dataclasses.replace(a.attributions[0],
                                                     confidence=(i * 37 % 100) / 100)])
        store.add_article(c, a)
    store.rebuild_speakers(c)
    c.close()
    ro = queries.open_readonly(path)
    yield ro
    ro.close()


def sorted_in_python(quotes: list[queries.Quote], sort: str) -> list[int]:
    """Quote ids in a sort's order, computed here from every quote's fields."""
    def newest(q):
        seq = {"t": int(q.article_id[1:])}["t"]
        return ((q.published is None), tuple(-ord(c) for c in q.published or ""), -seq)
    keys = {
        "date": newest,
        "speaker": lambda q: (q.speaker_name is None, (q.speaker_name or "").lower(),
                              *newest(q)),
        "confidence": lambda q: (-q.confidence, *newest(q)),
        "outlets": lambda q: (-q.outlet_count, *newest(q)),
        "oldest": lambda q: (q.published is None, q.published or "", int(q.article_id[1:])),
    }
    return [q.id for q in sorted(quotes, key=keys[sort])]


def sorting_plans(conn, run) -> list[str]:
    """The query plans of the sorted statements `run()` executes."""
    _, seen = traced(conn, run)
    return [" / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + s))
            for s in seen if "ORDER BY" in s and not s.startswith("--")]  # FTS5 inside


@pytest.mark.parametrize("sort", ["speaker", "outlets", "confidence", "date", "oldest"])
def test_a_search_matching_many_reads_its_sort_in_order(taxes, sort):
    assert queries._reads_in_order(taxes, "tax", 10)
    plans = sorting_plans(taxes, lambda: queries.search(taxes, "tax", 10, 0, sort=sort))
    assert plans and all("TEMP B-TREE" not in p for p in plans), plans
    every = queries.search(taxes, "tax", limit=100)
    assert len(every) == 24
    want = sorted_in_python(every, sort)
    assert [q.id for q in queries.search(taxes, "tax", 10, 0, sort=sort)] == want[:10]
    assert [q.id for q in queries.search(taxes, "tax", 10, 10, sort=sort)] == want[10:20]
    assert [q.id for q in queries.iter_quotes(taxes, sort=sort, query="tax")] == want


@pytest.mark.parametrize("sort", ["speaker", "outlets", "confidence"])
def test_a_search_matching_few_sorts_only_its_matches(taxes, sort):
    assert not queries._reads_in_order(taxes, "harbour", 10)
    assert not queries._reads_in_order(taxes, "tax", 1000)  # deep pages: sorting is cheaper
    plans = sorting_plans(taxes, lambda: queries.search(taxes, "harbour", 10, 1, sort=sort))
    assert len(plans) == 1 and plans[0].index("SCAN attribution_fts") < plans[0].index(
        "SEARCH t USING INTEGER PRIMARY KEY"), plans  # each match looked up, then sorted
    every = queries.search(taxes, "harbour", limit=100)
    assert len(every) == 6
    assert [q.id for q in queries.search(taxes, "harbour", 10, 1, sort=sort)] == (
        sorted_in_python(every, sort)[1:])
    daily = queries.Filters(outlets=("daily.example",))
    assert [q.id for q in queries.search(taxes, "tax", 50, 0, daily, sort)] == [
        i for i in sorted_in_python(queries.search(taxes, "tax", limit=100), sort)
        if i in {q.id for q in queries.search(taxes, "tax", 100, 0, daily)}]


def test_highlights_search_the_page_not_the_index(taxes):
    hits, seen = traced(taxes, lambda: queries.search(taxes, "tax* -harbour", limit=3,
                                                      sort="speaker"))
    assert len(hits) == 3 and all(["Taxes", True] == list(h.highlight[0]) for h in hits)
    marking = [s for s in seen if "highlight(" in s]
    assert marking and all("FROM temp.page_fts" in s for s in marking), marking
    again = queries.search(taxes, "farms", limit=2)  # the page table is reused
    assert [t for t, hit in again[0].highlight if hit] == ["farms"]
