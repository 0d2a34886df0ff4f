"""Filters, facets, sorting, CSV twins, permalinks and search syntax over HTTP (TestClient)."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from factories import DESK_ROWS as ROWS
from factories import desk_article as article
from factories import index_of
from fastapi.testclient import TestClient

from saidwhat.index import store
from saidwhat.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("filters") / "f.db"
    index_of(path, [article(*row) for row in ROWS])
    return TestClient(create_app(path))


def ids(client: TestClient, url: str) -> list[str]:
    """The article ids of a JSON quote list, in order."""
    r = client.get(url)
    assert r.status_code == 200, r.text
    return [q["article_id"] for q in r.json()["quotes"]]


def expected(**f) -> set[str]:
    """Which fixture rows pass the filters, computed from ROWS."""
    out = set()
    for aid, name, url, pub, kind, type_, conf, _ in ROWS:
        outlet = url.split("/")[2]
        if "speaker" in f and name.lower().replace(" ", "-") != f["speaker"]:
            continue
        if "outlet" in f and outlet not in f["outlet"]:
            continue
        if "since" in f and (pub is None or pub < f["since"]):
            continue
        if "until" in f and (pub is None or pub[:len(f["until"])] > f["until"]):
            continue
        if "kind" in f and kind != f["kind"] or "type" in f and type_ != f["type"]:
            continue
        if "min_confidence" in f and conf < f["min_confidence"]:
            continue
        out.add(aid)
    return out


FILTERS = [
    {"speaker": "ann-lee"}, {"outlet": ["daily.example"]},
    {"outlet": ["daily.example", "wire.example"]}, {"since": "2024-04"},
    {"until": "2024-03"}, {"since": "2024-03-10", "until": "2024-04-11"}, {"kind": "direct"},
    {"type": "thought"}, {"min_confidence": 0.75},
]


def query_string(f: dict) -> list[tuple[str, str]]:
    return [(k, str(x)) for k, v in f.items() for x in (v if isinstance(v, list) else [v])]


@pytest.mark.parametrize("combo", [dict(c) for n in (1, 2) for c in (
    itertools.combinations([tuple(f.items())[0] for f in FILTERS], n))
    if len({k for k, _ in c}) == n])
def test_every_filter_combination_on_json_and_csv(client, combo):
    params = query_string(combo)
    want = expected(**combo)
    got = ids(client, "/quotes.json?" + "&".join(f"{k}={v}" for k, v in params) + "&size=500")
    assert set(got) == want
    r = client.get("/quotes.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["article_id"] for row in rows} == want


def test_speaker_page_takes_the_same_filters_and_csv(client):
    assert ids(client, "/speakers/ann-lee.json?outlet=wire.example") == ["a6"]
    assert set(ids(client, "/speakers/ann-lee.json?since=2024-04")) == set()
    assert set(ids(client, "/speakers/ann-lee.json?since=2024-03&until=2024-03")) == {
        "a1", "a2", "a6"}
    rows = list(csv.DictReader(io.StringIO(client.get("/speakers/ann-lee.csv?kind=direct").text)))
    assert {r["article_id"] for r in rows} == {"a1", "a6"} and rows[0]["speaker"] == "Ann Lee"
    assert client.get("/speakers/ann-lee.json?speaker=bo-chen").status_code == 400


def test_search_takes_the_same_filters(client):
    assert set(ids(client, "/search.json?q=tax")) == {"a1", "a3", "a6"}
    assert ids(client, "/search.json?q=tax&outlet=wire.example") == ["a6"]
    assert ids(client, "/search.json?q=tax&speaker=Bo%20Chen") == ["a3"]
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv?q=tax&since=2024-03-03").text)))
    assert {r["article_id"] for r in rows} == {"a3", "a6"}


def test_speaker_filter_takes_a_name_or_alias(client):
    assert set(ids(client, "/quotes.json?speaker=Ann%20Lee")) == {"a1", "a2", "a6"}
    assert ids(client, "/quotes.json?speaker=nobody-at-all") == []


@pytest.mark.parametrize("url", [
    "/quotes?colour=red", "/quotes.json?speakr=ann-lee", "/search?q=tax&frm=2024",
    "/speakers/ann-lee?foo=1", "/?x=1", "/articles?sort=date", "/quotes/groups?kind=direct"])
def test_unknown_parameter_is_a_400_naming_it(client, url):
    r = client.get(url)
    assert r.status_code == 400
    name = url.split("?")[1].split("=")[0].split("&")[-1]
    bad = [p.split("=")[0] for p in url.split("?")[1].split("&")][-1]
    assert bad in r.text and "Unknown parameter" in r.text, name


@pytest.mark.parametrize("url", [
    "/quotes.json?since=March", "/quotes.json?kind=shouted", "/quotes.json?type=song",
    "/quotes.json?min_confidence=high", "/quotes.json?min_confidence=2", "/quotes.json?sort=x",
    "/quotes.csv?sort=x", "/search.json?q=-Trump", "/search.csv?q=-Trump",
    "/quotes.json?since=2024&since=2023"])
def test_bad_filter_values_are_a_400_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 400 and r.json()["error"] if url.split("?")[0].endswith(".json") \
        else r.status_code == 400


def test_facets_count_the_filtered_list(client):
    data = client.get("/quotes.json?outlet=daily.example").json()
    facets = {f["name"]: {v["label"]: v["count"] for v in f["values"]} for f in data["facets"]}
    assert facets["outlet"] == {"daily.example": 3}
    assert facets["speaker"] == {"Ann Lee": 1, "Bo Chen": 1, "Dee Fox": 1}
    assert facets["month"] == {"2024-05": 1, "2024-04": 1, "2024-03": 1}
    assert facets["kind"] == {"direct": 3}
    everything = client.get("/quotes.json").json()
    months = {v["label"]: v["count"] for f in everything["facets"] if f["name"] == "month"
              for v in f["values"]}
    assert months["no date"] == 1


def test_chips_and_facet_links_on_the_page(client):
    html = client.get("/quotes?outlet=daily.example&kind=direct").text
    assert 'class="chip" href="/quotes?kind=direct"' in html  # removing the outlet keeps kind
    assert 'href="/quotes?outlet=daily.example"' in html  # removing kind keeps the outlet
    assert "outlet: daily.example" in html and "kind: direct" in html
    assert 'href="/quotes.csv?outlet=daily.example&amp;kind=direct"' in html
    assert "since=2024-04&amp;until=2024-04" in html  # a month facet link


@pytest.mark.parametrize("sort,first", [
    ("date", "t1"), ("oldest", "a1"), ("confidence", "a1"), ("speaker", "a2"),
    ("outlets", "a6")])
def test_sorts(client, sort, first):
    got = ids(client, f"/quotes.json?sort={sort}")
    assert got[0] == first and len(got) == 7
    if sort == "confidence":
        conf = [q["confidence"] for q in client.get("/quotes.json?sort=confidence").json()
                ["quotes"]]
        assert conf == sorted(conf, reverse=True)
    if sort == "outlets":  # a1 and a6 carry the same quote: two outlets
        assert ids(client, "/quotes.json?sort=outlets")[:2] == ["a6", "a1"]


def test_paging_a_filtered_list_says_n_of_total(client):
    data = client.get("/quotes.json?size=2&speaker=ann-lee").json()
    assert data["pager"]["total"] == 3 and len(data["quotes"]) == 2 and data["next"]
    assert "speaker=ann-lee" in data["next"]
    html = client.get("/quotes?size=2&speaker=ann-lee").text
    assert "2 of 3 attributions" in html


# ---------------------------------------------------------------- search syntax


@pytest.mark.parametrize("q,want", [
    ("tax", {"a1", "a3", "a6"}),  # stemming: tax finds Taxes and tax
    ("taxes", {"a1", "a3", "a6"}),
    ("tax*", {"a1", "a3", "a4", "a6"}),  # prefix: taxation too
    ("budget", {"a2", "a5"}),
    ("budget -Trump", {"a2"}),  # exclusion
    ('"small farms"', {"a1", "a6"}),  # phrase
    ('"farms small"', set()),
    ("windfall OR recess", {"a2", "a3"}),
])
def test_search_syntax(client, q, want):
    assert set(ids(client, "/search.json?" + f"q={q.replace('+', '%2B')}&size=100")) == want


@pytest.mark.parametrize("q", ['"', "NEAR(", "a AND", "{x}", "col:x", "tax* -", "^x", "*", "-"])
def test_user_syntax_never_breaks_search(client, q):
    r = client.get("/search.json", params={"q": q})
    assert r.status_code in (200, 400)


def test_quotes_by_a_person_rank_above_title_only_matches(client):
    got = ids(client, "/search.json?q=Ann%20Lee")
    assert "t1" in got and got[-1] == "t1"  # only its title names Ann Lee


def test_search_lists_speakers_by_alias(client):
    data = client.get("/search.json?q=Lee").json()
    assert [s["name"] for s in data["speakers"]] == ["Ann Lee"]
    assert "/speakers/ann-lee" in client.get("/search?q=Lee").text


# ---------------------------------------------------------------- the permalink


def test_permalink_shows_context_article_and_other_outlets(client):
    qid = next(q["id"] for q in client.get("/quotes.json").json()["quotes"]
               if q["article_id"] == "a1")
    data = client.get(f"/quotes/{qid}.json").json()["quote"]
    assert data["before"] == "The minister arrived late."
    assert data["after"] == "Nobody else spoke (a1)."
    assert [t for t, hit in data["sentence"] if hit] == [ROWS[0][7]]
    assert [o["article_id"] for o in data["others"]] == ["a6"]
    html = client.get(f"/quotes/{qid}").text
    assert 'href="https://daily.example/a1"' in html and "resolved by" in html
    assert "0.95" in html and "wire.example" in html and "Report a1" in html
    assert f'href="/articles/a1#q{qid}"' in html


def test_permalink_of_an_undated_quote_says_so(client):
    qid = next(q["id"] for q in client.get("/quotes.json").json()["quotes"]
               if q["article_id"] == "a5")
    assert "date unknown" in client.get(f"/quotes/{qid}").text
    assert client.get("/quotes/99999").status_code == 404


def test_every_card_links_its_permalink(client):
    html = client.get("/quotes").text
    assert html.count('class="cite" href="/quotes/') == 7


def test_undated_quotes_and_groups_say_the_date_is_unknown(tmp_path):

    path = tmp_path / "undated.db"
    conn = store.connect(path)
    for aid in ("u1", "u2"):
        store.add_article(conn, article(aid, "Eve Moss", "", None, "direct", "speech", 0.9,
                                        "The river will be clean again within five years"))
    store.rebuild_speakers(conn)
    conn.close()
    client = TestClient(create_app(path))
    gid = client.get("/quotes/groups.json").json()["groups"][0]["id"]
    html = client.get(f"/quotes/groups/{gid}").text
    assert "no date known" in html and "first indexed" in html and ">earliest<" not in html
    assert "outlets not known" in html and "0 outlets" not in html
    assert "no dates known" in client.get("/speakers/eve-moss").text
    assert "date unknown" in client.get("/").text


def test_chart_data_is_in_the_json_twins(client):
    data = client.get("/speakers/ann-lee.json").json()
    assert [(c["label"], c["count"]) for c in data["timeline"]] == [
        ("2024-02-26", 1), ("2024-03-04", 1), ("2024-03-11", 0), ("2024-03-18", 1)]
    assert {c["label"]: c["count"] for c in data["outlet_counts"]} == {
        "daily.example": 1, "herald.example": 1, "wire.example": 1}
    narrowed = client.get("/speakers/ann-lee.json?outlet=wire.example").json()
    assert [c["count"] for c in narrowed["timeline"]] == [1]
    home = client.get("/.json").json()["articles_over_time"]
    assert sum(c["count"] for c in home) == 6  # one article has no date
    gid = client.get("/quotes/groups.json").json()["groups"][0]["id"]
    spread = client.get(f"/quotes/groups/{gid}.json").json()["spread"]
    assert [(p["x"], p["y"], p["c"]) for p in spread] == [
        ("2024-03-02", "daily.example", "verbatim"), ("2024-03-05", "wire.example", "verbatim")]
    html = client.get("/speakers/ann-lee").text
    assert 'src="/static/charts.js"' in html and "data-series='[[" in html
