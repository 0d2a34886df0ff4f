"""The positions pages over HTTP: article section, speaker summary, pair, list, network, twins."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import (
    HOSTILE_NAME,
    HOSTILE_TARGET,
    hostile_position_article,
    index_of,
    position_articles,
    quote_article,
)
from fastapi.testclient import TestClient

from saidwhat.web.app import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("positions") / "p.db"
    index_of(path, [*position_articles(), hostile_position_article(),
                    quote_article("plain", "Nothing to see here today", "Joe Biden")])
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


def speaker_id(client: TestClient, name: str) -> str:
    """The corpus id of the speaker with this name."""
    found = [s["id"] for s in client.get("/speakers.json?size=500").json()["speakers"]
             if s["name"] == name]
    assert len(found) == 1, name
    return found[0]


@pytest.fixture(scope="module")
def ids(client) -> dict[str, str]:
    return {n: speaker_id(client, n) for n in ("Vladimir Putin", "Joe Biden", "Chuck Schumer",
                                               "Mitch McConnell", HOSTILE_NAME)}


def test_every_positions_page_has_a_json_twin(client, ids):
    putin, biden = ids["Vladimir Putin"], ids["Joe Biden"]
    for path in ("/positions", "/positions?topic=New+START&relation=support&since=2021-06",
                 "/positions/network", "/positions/network?topic=cyber+security",
                 f"/speakers/{putin}/vs/{biden}", f"/speakers/{putin}", "/articles/arms"):
        html = client.get(path)
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html")
        base, _, query = path.partition("?")
        twin = client.get(f"{base}.json" + (f"?{query}" if query else ""))
        assert twin.status_code == 200, path
        assert twin.headers["content-type"] == "application/json"
        assert f'href="{base}.json' in html.text  # the page links its twin


def test_article_page_has_a_positions_section(client):
    data = client.get("/articles/arms.json").json()
    rows = [(p["relation"], p["polarity"], p["a"], p["b"]) for p in data["positions"]]
    assert rows[0] == ("stance", "support", "Vladimir Putin", "Joe Biden")
    assert rows[-1] == ("disagree", None, "Vladimir Putin", "Joe Biden")
    html = client.get("/articles/arms").text
    section = html[html.index('id="positions"'):]
    assert "disagrees with" in section and "human rights" in section
    assert "Biden backed New START as a pillar of arms control" in section
    assert "No positions found" in client.get("/articles/plain").text


def test_speaker_page_says_what_they_support_oppose_and_agree_on(client, ids):
    putin, biden = ids["Vladimir Putin"], ids["Joe Biden"]
    stands = client.get(f"/speakers/{putin}.json").json()["stands"]
    assert [(s["verb"], s["other"]) for s in stands] == [
        ("supports", "Joe Biden"), ("supports", "New START"), ("opposes", "the United States"),
        ("agrees with", "Joe Biden"), ("disagrees with", "Joe Biden")]
    html = client.get(f"/speakers/{putin}").text
    section = html[html.index('class="stands"'):]
    assert "opposes" in section and "the United States" in section and "police brutality" in section
    assert f'href="/speakers/{putin}/vs/{biden}"' in section
    assert f'href="/positions?speaker={putin}"' in section
    assert client.get(f"/speakers/{putin}.json?page=2").json()["stands"] == []


def test_pair_page_agree_disagree_and_shared_targets(client, ids):
    putin, biden = ids["Vladimir Putin"], ids["Joe Biden"]
    data = client.get(f"/speakers/{putin}/vs/{biden}.json").json()
    assert data["a"]["name"] == "Vladimir Putin" and data["b"]["name"] == "Joe Biden"
    assert data["pair"]["agree"] == ["cyber security"]
    assert data["pair"]["disagree"] == ["human rights"]
    assert [p["published"] for p in data["pair"]["positions"]] == [
        "2021-06-16", "2021-06-17", "2021-06-17"]
    html = client.get(f"/speakers/{putin}/vs/{biden}").text
    assert "cyber security" in html and "human rights" in html and "New START" in html
    senators = client.get(
        f"/speakers/{ids['Mitch McConnell']}/vs/{ids['Chuck Schumer']}.json").json()["pair"]
    assert [(s["target"], s["verdict"]) for s in senators["shared"]] == [("New START", "disagree")]


@pytest.mark.parametrize("path", ["/speakers/nobody/vs/joe-biden", "/speakers/joe-biden/vs/nobody",
                                  "/positions?speaker=nobody"])
def test_unknown_speakers_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("query", ["since=yesterday", "until=2021-6-1", "relation=likes"])
def test_bad_filters_are_400_naming_them(client, query):
    r = client.get(f"/positions.json?{query}")
    assert r.status_code == 400 and query.split("=")[0] in r.json()["error"]


def test_positions_listing_filters_and_pages(client, ids):
    everything = client.get("/positions.json").json()
    assert everything["pager"]["total"] == 11
    on_start = client.get("/positions.json?topic=new+start").json()
    assert on_start["pager"]["total"] == 6
    assert {p["article_id"] for p in on_start["positions"]} == {"arms", "senate"}
    mine = client.get(f"/positions.json?speaker={ids['Chuck Schumer']}").json()
    assert mine["pager"]["total"] == 2 and mine["speaker"]["name"] == "Chuck Schumer"
    july = client.get("/positions.json?since=2021-07-01&relation=oppose").json()
    assert [(p["a"], p["b"]) for p in july["positions"]] == [("Mitch McConnell", "New START")]
    first = client.get("/positions.json?size=4").json()
    second = client.get(first["next"].removeprefix("http://127.0.0.1:8001")).json()
    seen = [p["id"] for p in first["positions"] + second["positions"]]
    assert len(seen) == len(set(seen)) == 8
    assert "topic: new start" in client.get("/positions?topic=new+start").text


def test_network_twin_has_nodes_and_coloured_edges_and_filters(client, ids):
    net = client.get("/positions/network.json").json()["network"]
    node_ids = {n["id"] for n in net["nodes"]}
    assert f"s:{ids['Vladimir Putin']}" in node_ids
    assert {e["polarity"] for e in net["edges"]} == {"support", "oppose", "agree", "disagree"}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in net["edges"])
    assert any(t["label"] == "New START" for t in net["topics"])
    narrowed = client.get("/positions/network.json?topic=New+START").json()["network"]
    assert len(narrowed["edges"]) < len(net["edges"]) and narrowed["topic"] == "New START"
    assert client.get("/positions/network.json?until=2000").json()["network"]["nodes"] == []
    html = client.get("/positions/network?topic=New+START").text
    assert 'data-src="/positions/network.json?topic=New+START"' in html
    assert '<script src="/static/network.js"></script>' in html
    assert "Mitch McConnell" in html  # the table of relations, for readers without script
    assert client.get("/static/network.js").status_code == 200


def test_hostile_names_are_escaped_everywhere(client, ids):
    eve = ids[HOSTILE_NAME]
    for path in ("/articles/hostile-positions", f"/speakers/{eve}", "/positions",
                 "/positions/network", f"/speakers/{eve}/vs/{ids['Joe Biden']}"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "onmouseover=alert" not in html.replace("&lt;b onmouseover=alert", ""), path
    assert "&lt;script&gt;alert(&#39;target&#39;)&lt;/script&gt;" in client.get("/positions").text
    net = client.get("/positions/network.json").json()["network"]
    assert HOSTILE_TARGET in {n["label"] for n in net["nodes"]}  # JSON keeps the text as is


@pytest.mark.parametrize("path", ["/positions?colour=red", "/positions/network?page=2",
                                  "/speakers/joe-biden/vs/vladimir-putin?x=1",
                                  "/positions.json?colour=red", "/positions.csv?colour=red",
                                  "/positions/network.json?zoom=2",
                                  "/speakers/joe-biden/vs/vladimir-putin.json?x=1"])
def test_unknown_parameters_are_400(client, path):
    r = client.get(path)
    assert r.status_code == 400 and "Unknown parameter" in r.text


def test_positions_between_two_speakers_and_the_pair_link_to_them(client, ids):
    putin, biden = ids["Vladimir Putin"], ids["Joe Biden"]
    data = client.get(f"/positions.json?speaker={putin}&other={biden}").json()
    assert data["pager"]["total"] == 3 and data["other"]["name"] == "Joe Biden"
    assert client.get(f"/positions.json?other={biden}").status_code == 400
    assert client.get(f"/positions.json?speaker={putin}&other=nobody").status_code == 404
    pair = client.get(f"/speakers/{putin}/vs/{biden}.json").json()["pair"]
    assert pair["total"] == 3 and [t["topic"] for t in pair["timeline"]] == [
        "cyber security", "human rights"]


def test_positions_csv_streams_every_filtered_position(client, ids):
    import csv
    import io

    r = client.get("/positions.csv?topic=new+start")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6 and {row["article_id"] for row in rows} == {"arms", "senate"}
    arms = client.get("/articles/arms.json").json()["article"]["text"]
    for row in rows:
        if row["article_id"] == "arms":
            start, end = int(row["evidence_start"]), int(row["evidence_end"])
            assert arms[start:end] == row["evidence"]
    assert len(list(csv.DictReader(io.StringIO(client.get("/positions.csv").text)))) == 11
    assert 'href="/positions.csv?topic=new+start"' in client.get("/positions?topic=new+start").text
    assert client.get("/positions.csv?page=2").status_code == 400


def test_a_speakers_own_network(client, ids):
    schumer = ids["Chuck Schumer"]
    net = client.get(f"/positions/network.json?speaker={schumer}").json()["network"]
    assert net["speaker_id"] == schumer
    assert {n["label"] for n in net["nodes"]} == {"Chuck Schumer", "Mitch McConnell", "New START"}
    assert all(f"s:{schumer}" in (e["source"], e["target"]) for e in net["edges"])
    html = client.get(f"/positions/network?speaker={schumer}").text
    assert 'name="speaker" value="' + schumer in html  # the filter form keeps it
    assert f'href="/positions/network?speaker={schumer}"' in client.get(
        f"/speakers/{schumer}").text
    assert client.get("/positions/network?speaker=nobody").status_code == 404


def test_home_counts_positions(client):
    html = client.get("/").text
    assert '<a href="/positions/network"><b>11</b> positions</a>' in html
    assert client.get("/.json").json()["position_count"] == 11


@pytest.mark.parametrize("path", [
    "/positions?speaker=joe-biden&speaker=vladimir-putin", "/positions?topic=a&topic=b",
    "/positions/network?since=2021&since=2022", "/positions.csv?relation=agree&relation=stance",
    "/speakers/joe-biden/vs/joe-biden"])
def test_a_filter_given_twice_or_a_pair_of_one_is_400(client, path):
    assert client.get(path).status_code == 400
