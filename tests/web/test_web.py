"""The web UI: pages and their JSON twins, highlighting, escaping, paging, read-only access."""

from __future__ import annotations

import hashlib
import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from factories import biden_variants, index_of, quote_article
from fastapi.testclient import TestClient

from saidwhat.cli import main
from saidwhat.index import store
from saidwhat.index.queries import Quote
from saidwhat.records import Article, Attribution, Mention, Speaker
from saidwhat.web import render
from saidwhat.web.app import _connection, article_url, create_app

EVIL = '<script>alert("pwned")</script>'




def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    """The offsets of `part` in `text`."""
    i = text.index(part, start)
    return (i, i + len(part))


def nested_article() -> Article:
    """A pronoun-sourced attribution whose content holds another attribution (nested spans)."""
    text = ("Vladimir Putin spoke in Geneva. He said that Biden believes the talks were useful.\n"
            "Share this: Twitter")
    body_end = text.index("\nShare")
    content_a = span(text, "that Biden believes the talks were useful")
    return Article(
        id="geneva", text=text, title="Putin in Geneva", url="https://rt.com/geneva",
        published="2021-06-16", body=((0, body_end),),
        attributions=(
            Attribution("indirect", "speech", Mention.from_spans(text, [content_a]),
                        Mention.from_spans(text, [span(text, "said")]),
                        Mention.from_spans(text, [span(text, "He")]),
                        Speaker("Vladimir Putin", "putin", "PERSON", "pronoun"), 0.8),
            Attribution("indirect", "thought",
                        Mention.from_spans(text, [span(text, "the talks were useful")]),
                        Mention.from_spans(text, [span(text, "believes")]),
                        Mention.from_spans(text, [span(text, "Biden", 40)]),
                        Speaker("Joe Biden", "biden", "PERSON", "name"), 0.7)))


def evil_article() -> Article:
    """Markup in the title, text, quote and speaker name: it must show as text."""
    quote = f"I wrote {EVIL} on purpose"
    text = f"“{quote},” said Mallory <b>Hacker</b>.\n<img src=x onerror=alert(1)>"
    return Article(
        id="evil", text=text, title=f"Hacked {EVIL}", published="2020-01-01",
        body=((0, len(text)),),
        attributions=(Attribution(
            "direct", "speech", Mention.from_spans(text, [span(text, quote)]),
            Mention.from_spans(text, [span(text, "said")]),
            Mention.from_spans(text, [span(text, "Mallory <b>Hacker</b>")]),
            Speaker("Mallory <b>Hacker</b>", "mallory", "PERSON", "name"), 0.9),))


# Script-carrying URLs as crawls deliver them: any letter case, leading blanks or control
# characters, a tab or newline inside the scheme, and other non-http schemes.
HOSTILE_URLS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)",
    "\x01\x02javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "vbscript:msgbox(1)", "VBScript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
    "  https://example.com/a", "https://exa mple.com", "//evil.example/x", "file:///etc/passwd",
]


def hostile_url_articles() -> list[Article]:
    """One article per hostile URL."""
    return [quote_article(f"url{i}", f"We never said that, part {i}", "Mallory Hacker",
                          url=url)
            for i, url in enumerate(HOSTILE_URLS)]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    index_of(path, [
        *biden_variants(),
        quote_article("undated", "Our economy is stronger than it has been in years",
                      "Joe Biden"),
        nested_article(),
        evil_article(),
    ])
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    index_of(path, [quote_article("nyt", "Plain", "Joe Biden", url="https://www.nytimes.com/a"),
                    *hostile_url_articles()])
    return TestClient(create_app(path))


class Spans(HTMLParser):
    """Collects the attributes of every <span> with class `hl` and every <mark>'s text."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[dict[str, str]] = []
        self.marks: list[str] = []
        self._in_mark = False
        self._stack: list[dict[str, str] | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "mark":
            self._in_mark = True
            self.marks.append("")
        if tag == "span":
            item = {**a, "text": ""} if "hl" in a.get("class", "").split() else None
            if item is not None:
                self.spans.append(item)
            self._stack.append(item)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False
        if tag == "span" and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data
        for item in self._stack:
            if item is not None:
                item["text"] += data


def parse(html: str) -> Spans:
    p = Spans()
    p.feed(html)
    return p


def speaker_id(client: TestClient, name: str) -> str:
    """The corpus id of the speaker called `name`."""
    speakers = client.get("/speakers.json").json()["speakers"]
    return next(s["id"] for s in speakers if s["name"] == name)


# ---------------------------------------------------------------- starting


def test_serve_missing_or_bad_db_is_one_line_exit_2(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.db" in err and "Traceback" not in err
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite")
    assert main(["serve", "--db", str(bad)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.db")


def test_app_connection_is_read_only_and_file_unchanged(db, client):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in ("/", "/speakers", "/search?q=people", "/articles/geneva", "/quotes",
                 "/quotes/groups", "/articles", "/failures"):
        assert client.get(path).status_code == 200
    gen = _connection(SimpleNamespace(app=client.app))
    conn = next(gen)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")
    gen.close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_starts_uvicorn_on_localhost(db):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "saidwhat", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/.json", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["counts"]["articles"] == 6
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


def test_serve_on_a_busy_port_is_one_line_exit_2(db, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"127.0.0.1:{port}" in err


# ---------------------------------------------------------------- pages and JSON twins


@pytest.mark.parametrize("path", [
    "/", "/speakers", "/speakers/joe-biden", "/quotes", "/search?q=people", "/articles",
    "/articles/geneva", "/quotes/groups", "/failures"])
def test_every_page_has_a_json_twin(client, path):
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = ("/.json" if base == "/" else base + ".json") + (f"?{query}" if query else "")
    assert f'href="{twin}"' in html.text.replace("&amp;", "&")
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    assert isinstance(data.json(), dict)


def test_home_shows_top_speakers_and_recent_quotes(client):
    data = client.get("/.json").json()
    assert data["top_speakers"][0]["name"] == "Joe Biden"
    assert data["counts"]["articles"] == 6
    assert [q["article_id"] for q in data["recent_quotes"]][:3] == ["bbc", "geneva", "geneva"]
    html = client.get("/").text
    assert "Joe Biden" in html and "/speakers/joe-biden" in html
    assert "back down from our commitment" in html


def test_speaker_page_newest_first_with_dates_and_outlets(client):
    data = client.get("/speakers/joe-biden.json").json()
    assert data["speaker"]["name"] == "Joe Biden" and data["speaker"]["quote_count"] == 5
    assert [q["article_id"] for q in data["quotes"]] == ["bbc", "geneva", "nyt", "cnn", "undated"]
    html = client.get("/speakers/joe-biden").text
    assert "2021-06-15 – 2021-06-17" in html  # first and last seen
    assert "President Biden" in html  # an alias
    html = html.split("Everything attributed", 1)[1]
    positions = [html.index(s) for s in ("2021-06-17", "2021-06-16", "2021-06-15")]
    assert positions == sorted(positions)
    assert "bbc.co.uk" in html and "nytimes.com" in html


def test_paging_with_next_and_prev_links(client):
    first = client.get("/speakers.json?size=2").json()
    assert len(first["speakers"]) == 2 and first["prev"] is None
    assert first["next"].endswith("/speakers.json?size=2&page=2")
    second = client.get(first["next"]).json()
    assert second["prev"].endswith("/speakers.json?size=2") and second["next"] is None
    names = [s["name"] for s in first["speakers"] + second["speakers"]]
    assert len(set(names)) == 3 == first["pager"]["total"]
    last = client.get("/speakers.json?size=2&page=99").json()
    assert last["speakers"] == [] and last["next"] is None
    html = client.get("/speakers?size=2").text
    assert 'rel="next" href="/speakers?size=2&amp;page=2"' in html
    assert client.get("/speakers/joe-biden.json?size=3").json()["next"]


def test_search_ranked_and_highlighted_safely(client):
    data = client.get("/search.json?q=commitment").json()
    assert {q["article_id"] for q in data["quotes"]} == {"nyt", "cnn", "bbc"}
    assert data["pager"]["total"] == 3
    page = parse(client.get("/search?q=commitment").text)
    assert page.marks == ["commitment"] * 3
    html = client.get("/search", params={"q": "purpose"}).text
    assert "<mark>purpose</mark>" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(" in html


def test_search_empty_and_odd_queries(client):
    assert client.get("/search").status_code == 200
    assert client.get("/search.json?q=").json()["quotes"] == []
    for q in ['"', "NEAR(", "<script>", "'; DROP TABLE articles; --"]:
        r = client.get("/search", params={"q": q})
        assert r.status_code == 200 and "<script>" not in r.text.split("</header>", 1)[1]


# ---------------------------------------------------------------- the article page


def test_article_highlights_source_cue_content_with_speaker_colours(client):
    html = client.get("/articles/geneva").text
    spans = parse(html).spans
    by_text = {s["text"]: s for s in spans}
    he = by_text["He"]
    assert "source" in he["class"].split()
    assert "He → Vladimir Putin (pronoun)" in he["title"]
    assert "cue" in by_text["said"]["class"].split()
    colours = render.article_colours(
        [SimpleNamespace(speaker_id=s) for s in (speaker_id(client, "Vladimir Putin"),
                                                 "joe-biden")])
    putin, biden = colours[speaker_id(client, "Vladimir Putin")], colours["joe-biden"]
    assert putin != biden
    # nested: "Biden" is inside Putin's content and is Biden's own source
    inner = by_text["Biden"]
    assert set(inner["class"].split()) >= {"hl", "source", "content"}
    assert f"--cbg: {putin.bg}" in inner["style"] and f"--sfg: {biden.fg}" in inner["style"]
    assert "Biden → Joe Biden (name)" in inner["title"]
    # the innermost content takes its speaker's tint
    assert f"--cbg: {biden.bg}" in by_text["the talks were useful"]["style"]
    # every highlight piece is a piece of the text, in order, with nothing lost
    assert "Share this: Twitter" in html and 'class="outside"' in html
    assert 'id="q' in html and "Legend" in html


def test_article_json_has_text_and_attributions(client):
    data = client.get("/articles/geneva.json").json()
    art = data["article"]
    assert art["title"] == "Putin in Geneva" and len(art["attributions"]) == 2
    q = art["attributions"][0]
    s, e = q["source_spans"][0]
    assert art["text"][s:e] == "He" and q["resolved_by"] == "pronoun"
    assert {e["name"] for e in data["legend"]} == {"Vladimir Putin", "Joe Biden"}


def test_markup_in_an_article_is_shown_as_text(client):
    for path in ("/articles/evil", "/speakers/" + speaker_id(client, "Mallory <b>Hacker</b>"),
                 "/", "/quotes", "/articles"):
        html = client.get(path).text
        body = html.split("</header>", 1)[1]
        assert "<script>alert" not in body and "<img src=x" not in body, path
        assert "<b>Hacker</b>" not in body, path
    html = client.get("/articles/evil").text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<title>Hacked &lt;script&gt;" in html


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_urls_become_links(url):
    assert render.safe_link(url) is None


@pytest.mark.parametrize("url", ["https://www.nytimes.com/a?b=c#d", "HTTP://EXAMPLE.COM/"])
def test_http_urls_are_links(url):
    assert render.safe_link(url) == url


@pytest.mark.parametrize("i", range(len(HOSTILE_URLS)))
def test_a_script_url_is_never_a_live_link(hostile_client, i):
    html = hostile_client.get(f"/articles/url{i}").text
    assert "original</a>" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("/", "#", "http://", "https://")) for h in hrefs), hrefs


def test_a_plain_url_is_the_original_link(hostile_client):
    html = hostile_client.get("/articles/nyt").text
    assert '<a href="https://www.nytimes.com/a" rel="noopener noreferrer nofollow">original</a>' \
        in html


@pytest.mark.parametrize("path", [
    "/", "/speakers", "/articles/evil", "/articles/evil.json", "/search?q=x", "/nowhere",
    "/quotes?page=abc", "/static/style.css"])
def test_every_response_forbids_inline_script_and_sniffing(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1] \
        .split(";")[0]
    assert "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"


# ---------------------------------------------------------------- provenance


def test_quote_group_page_shows_earliest_outlets_and_word_diffs(client):
    groups = client.get("/quotes/groups.json").json()["groups"]
    assert len(groups) == 1 and groups[0]["article_count"] == 3
    gid = groups[0]["id"]
    data = client.get(f"/quotes/groups/{gid}.json").json()["group"]
    assert data["earliest"]["article_id"] == "cnn"
    assert data["outlets"] == ["bbc.co.uk", "cnn.com", "nytimes.com"]
    assert [v["altered"] for v in data["variants"]] == [False, True, False]
    assert [v["change"] for v in data["variants"]] == ["verbatim", "altered", "shortened"]
    html = client.get(f"/quotes/groups/{gid}").text
    assert [b.split(">")[-1] for b in re.findall(r'<span class="badge change[^"]*"[^>]*>\w+', html)
            ] == ["earliest", "altered", "shortened"]
    assert "<del>never</del> <ins>not</ins>" in html
    assert "<del>We will never</del>" in html  # bbc's trimmed quote drops the opening words
    assert "Summit day" in html and "3 reports in 3 outlets" in html


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize("path", ["/speakers/nobody", "/articles/nope", "/quotes/groups/999",
                                  "/no/such/page"])
def test_not_found_is_friendly_page_and_json(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "Not found" in r.text and "<form" in r.text
    j = client.get(path + ".json")
    assert j.status_code == 404 and j.json()["status"] == 404 and j.json()["error"]


def test_bad_parameter_is_400(client):
    r = client.get("/speakers?page=abc")
    assert r.status_code == 400 and "page" in r.text
    assert client.get("/speakers.json?page=abc").json()["status"] == 400


def test_index_removed_while_serving_is_a_503_page(tmp_path):
    path = tmp_path / "gone.db"
    conn = store.connect(path)
    store.add_article(conn, nested_article())
    conn.close()
    c = TestClient(create_app(path))
    assert c.get("/").status_code == 200
    for f in tmp_path.iterdir():
        f.unlink()
    r = c.get("/")
    assert r.status_code == 503 and "cannot be read" in r.text
    assert c.get("/.json").json()["status"] == 503


# ---------------------------------------------------------------- rendering helpers


def test_segments_cut_at_every_boundary_of_overlapping_spans():
    marks = [render.Mark(0, "content", 0, 10), render.Mark(1, "content", 5, 15),
             render.Mark(1, "source", 12, 20)]
    segs = render.segments(25, marks, body=((0, 22),))
    assert [(s.start, s.end) for s in segs] == [(0, 5), (5, 10), (10, 12), (12, 15), (15, 20),
                                                (20, 22), (22, 25)]
    assert [len(s.marks) for s in segs] == [1, 2, 1, 2, 1, 0, 0]
    assert [s.in_body for s in segs][-2:] == [True, False]


def test_highlight_html_escapes_then_marks():
    out = render.highlight_html([("<b>", False), ("x&y", True), ('"', False)])
    assert str(out) == "&lt;b&gt;<mark>x&amp;y</mark>&#34;"


def test_speaker_colour_is_stable_and_grey_when_unresolved():
    assert render.speaker_colour("joe-biden") == render.speaker_colour("joe-biden")
    assert render.speaker_colour(None).fg.startswith("hsl(0 0%")
    hues = {render.speaker_colour(f"s{i}").hue for i in range(100)}
    assert len(hues) == len(render.PALETTE)


def test_article_colours_never_repeat_within_an_article():
    ids = [f"speaker-{i}" for i in range(12)]
    colours = render.article_colours([SimpleNamespace(speaker_id=i) for i in ids])
    assert len({colours[i].hue for i in ids}) == 12
    # stable: the lowest id keeps its own colour
    assert colours[min(ids)] == render.speaker_colour(min(ids))


def test_article_html_keeps_every_character():
    q = Quote(id=1, article_id="a", article_title=None, url=None, outlet=None, published=None,
              kind="direct", type="speech", content="b<c", content_spans=((2, 5), (40, 50)),
              cue=None, cue_spans=(), source="a", source_spans=((0, 1),), speaker_id="x",
              speaker_name="X", resolved_by="name", confidence=1.0, group_id=None)
    view = SimpleNamespace(text="a b<c & d", body=((0, 9),), attributions=(q,))
    html = str(render.article_html(view))
    assert re.sub(r"<[^>]+>", "", html) == "a b&lt;c &amp; d"
    assert json.dumps(html)


def test_article_ids_with_slashes_and_odd_characters_round_trip(tmp_path):
    path = tmp_path / "ids.db"
    conn = store.connect(path)
    ids = ["wire/1 a?b#c", "café"]
    for aid in ids:
        store.add_article(conn, Article(id=aid, text=f"x {aid}", body=((0, 3),)))
    conn.close()
    c = TestClient(create_app(path))
    listing = c.get("/articles").text
    for aid in ids:
        url = article_url(aid)
        assert f'href="{url}"' in listing and c.get(url).status_code == 200
        assert c.get(url + ".json").json()["article"]["id"] == aid


# ---------------------------------------------------------------- deep paging


def multi_quote_article(aid: str, published: str | None, n: int = 3) -> Article:
    """An article holding `n` direct quotes by two alternating speakers."""
    names = ("Ann Lee", "Bo Chan")
    text = " ".join(f"“Point {i} from {aid},” {names[i % 2]} said." for i in range(n))
    attributions, start = [], 0
    for i in range(n):
        name = names[i % 2]
        content = span(text, f"Point {i} from {aid}", start)
        source = span(text, name, content[1])
        cue = span(text, "said", source[1])
        start = cue[1]
        attributions.append(Attribution(
            "direct", "speech", Mention.from_spans(text, [content]),
            Mention.from_spans(text, [cue]), Mention.from_spans(text, [source]),
            Speaker(name, name.split()[0].lower(), "PERSON", "name"), 0.9))
    return Article(id=aid, text=text, title=aid, published=published,
                   body=((0, len(text)),), attributions=tuple(attributions))


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> TestClient:
    """18 quotes: three articles sharing a date, a later one, two undated, three quotes each."""
    path = tmp_path_factory.mktemp("paged") / "paged.db"
    conn = store.connect(path)
    for aid, published in [("d1", "2021-06-16"), ("d2", "2021-06-16"), ("late", "2021-06-17"),
                           ("u1", None), ("d3", "2021-06-16"), ("u2", None)]:
        store.add_article(conn, multi_quote_article(aid, published))
    store.rebuild_speakers(conn)
    conn.close()
    return TestClient(create_app(path))


def walk(client: TestClient, url: str) -> list[dict]:
    """Every page of a JSON listing, following `next` links: the pages' payloads."""
    pages = []
    while url:
        data = client.get(url).json()
        assert len(pages) < 100, "paging does not end"
        pages.append(data)
        url = data["next"]
    return pages


@pytest.mark.parametrize("size", [1, 2, 4, 5, 18, 50])
def test_quotes_keyset_paging_skips_and_repeats_nothing(paged, size):
    everything = [q["id"] for q in paged.get("/quotes.json?size=500").json()["quotes"]]
    assert len(everything) == 18
    pages = walk(paged, f"/quotes.json?size={size}")
    ids = [q["id"] for p in pages for q in p["quotes"]]
    assert ids == everything  # same order, nothing skipped, nothing repeated
    assert [p["pager"]["page"] for p in pages] == list(range(1, len(pages) + 1))
    for p in pages[:-1]:
        assert p["next"].endswith(f"after={p['quotes'][-1]['id']}")
        assert p["pager"]["after"] == p["quotes"][-1]["id"] and p["pager"]["offset"] == 0
    assert pages[-1]["pager"]["after"] is None and pages[-1]["next"] is None


def test_quotes_newest_first_across_equal_dates_and_undated(paged):
    quotes = paged.get("/quotes.json?size=500").json()["quotes"]
    order = [q["article_id"] for q in quotes[::3]]
    assert order == ["late", "d3", "d2", "d1", "u2", "u1"]  # same date: latest indexed first
    assert [q["content"] for q in quotes[:3]] == [f"Point {i} from late" for i in range(3)]


def test_old_page_links_give_the_same_pages_as_cursors(paged):
    pages = walk(paged, "/quotes.json?size=4")
    for n, p in enumerate(pages, start=1):
        old = paged.get(f"/quotes.json?size=4&page={n}").json()
        assert old["quotes"] == p["quotes"] and old["pager"]["page"] == n
    third = paged.get(pages[1]["next"]).json()
    assert third["prev"].endswith("/quotes.json?size=4&page=2")  # back by page number
    assert paged.get(third["prev"]).json()["quotes"] == pages[1]["quotes"]


def test_quotes_html_pager_links_carry_the_cursor(paged):
    first = paged.get("/quotes?size=4").text
    last_id = paged.get("/quotes.json?size=4").json()["quotes"][-1]["id"]
    assert f'rel="next" href="/quotes?size=4&amp;page=2&amp;after={last_id}"' in first
    second = paged.get(f"/quotes?size=4&page=2&after={last_id}").text
    assert "page 2" in second and 'rel="prev" href="/quotes?size=4"' in second


def test_speaker_quotes_keyset_paging(paged):
    ann = speaker_id(paged, "Ann Lee")
    everything = [q["id"] for q in
                  paged.get(f"/speakers/{ann}.json?size=500").json()["quotes"]]
    assert len(everything) == 12  # quotes 0 and 2 of six articles
    for size in (1, 5):
        pages = walk(paged, f"/speakers/{ann}.json?size={size}")
        assert [q["id"] for p in pages for q in p["quotes"]] == everything
        assert all(q["speaker_name"] == "Ann Lee" for p in pages for q in p["quotes"])


@pytest.mark.parametrize(("url", "key"), [("/speakers.json?size=1", "speakers"),
                                          ("/search.json?q=point&size=4", "quotes"),
                                          ("/articles.json?size=4", "articles")])
def test_offset_listings_page_through_everything_once(paged, url, key):
    pages = walk(paged, url)
    rows = [r["id"] for p in pages for r in p[key]]
    assert len(rows) == len(set(rows)) == pages[0]["pager"]["total"] > len(pages[0][key])
    assert all(p["pager"]["after"] is None for p in pages)


def test_bad_or_unknown_cursor(paged):
    r = paged.get("/quotes?after=abc")
    assert r.status_code == 400 and "after" in r.text
    gone = paged.get("/quotes.json?after=999999").json()
    assert gone["quotes"] == [] and gone["next"] is None
