"""Issue 14, item 9: the web app under abuse answers every request with a proper status (4xx for
bad requests, never 5xx), logs no traceback, builds links from its configured base (never from
the request's Host header), and every link it renders resolves."""

from __future__ import annotations

import logging
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from factories import quote_article
from fastapi.testclient import TestClient

from saidwhat.index import store
from saidwhat.records import Failure
from saidwhat.web.app import create_app

HUGE = "99999999999999999999"
IDS = ["plain", "with space", "slash/inside", "q?mark", "hash#tag", "pct%41", "ünï©ødé",
       "dots..", ".json", "x.json", "new\\nline", "quote\"d", "a&b=c", "tab\\tin"]
LISTINGS = ["/", "/speakers", "/quotes", "/search?q=ferry", "/articles", "/quotes/groups",
            "/failures", "/positions"]


@pytest.fixture(scope="module")
def app_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of generated articles with awkward ids and titles, shared quotes and failures."""
    path = tmp_path_factory.mktemp("web") / "abuse.db"
    conn = store.connect(path)
    for n, aid in enumerate(IDS * 3):
        art = quote_article(
            f"{aid}-{n}" if n >= len(IDS) else aid,
            f"The ferry number {n % 9} will run again on Monday <b>morning</b>",
            f"Mary <i>Jones</i> {n % 5}", url=f"https://news.example/{n}?a=1&b=<x>",
            published=f"2024-05-{1 + n % 28:02d}" if n % 4 else None,
            title=f"Title {n} </title><script>x</script>")
        store.add_article(conn, art)
    store.add_failure(conn, Failure("bad\\x1b[31m.txt:3", "not valid JSON"))
    store.rebuild_speakers(conn)
    store.finish(conn)
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(app_db: Path) -> TestClient:
    app = create_app(app_db, base_url="http://saidwhat.test:8001")
    return TestClient(app, raise_server_exceptions=False, base_url="http://saidwhat.test:8001")


ABUSE = [
    *[f"{u}{'&' if '?' in u else '?'}{p}" for u in LISTINGS for p in (
        f"page={HUGE}", "page=-1", "page=0", "page=abc", f"size={HUGE}", "size=0", "size=-5",
        f"after={HUGE}", "after=-1", "page=1e9", "size=1.5", "page=%00")],
    f"/quotes/groups/{HUGE}", "/quotes/groups/-1", f"/quotes/{HUGE}", "/quotes/-1",
    f"/speakers/{HUGE}", "/speakers/%00", "/articles/%00", "/articles/" + "x" * 5000,
    "/search?q=a%00b", "/search.json?q=%00", "/search?q=%22", "/search?q=NEAR(", "/search?q=*",
    "/search?q=content:x", "/search?q=col:", "/search?q=%5E", "/search?q=(", "/search?q=)",
    "/search?q=AND OR NOT", "/search?q=-", "/search?q=--", "/search?q=%22%22%22",
    "/search?q=NEAR(a b, 999999999999)", "/search?q=ferry*", "/search?q={a b}:c",
    "/search?q=" + "a" * 60_000, "/search?q=" + "NEAR(a " * 3000,
    "/search?q=" + "%22a%22 OR " * 2000, "/search?q=%ED%A0%80", "/search?q=%FF%FE",
    "/search.csv?q=" + "x" * 60_000, "/quotes.csv?page=" + HUGE,
    "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/" + "a/" * 2000,
    "/quotes?since=" + "9" * 50, "/quotes?min_confidence=nan", "/quotes?min_confidence=1e999",
    "/quotes?speaker=%00", "/quotes?outlet=" + "o" * 10_000, "/quotes?sort=%00",
    "/positions?page=" + HUGE, "/positions/network.json?since=%00",
]


@pytest.mark.parametrize("url", ABUSE)
def test_abuse_gets_a_proper_status(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code, response.text[:300])


@pytest.mark.parametrize("url", [f"/?page={HUGE}", f"/quotes?page={HUGE}",
                                 f"/quotes/groups/{HUGE}", f"/search?q=a&page={HUGE}",
                                 "/search?q=a%00b", f"/speakers?size={HUGE}", "/quotes?page=abc"])
def test_bad_numbers_and_nul_are_4xx(client: TestClient, url: str) -> None:
    assert 400 <= client.get(url).status_code < 500


@pytest.mark.parametrize("q", ['"', "NEAR(", "*", "col:", "content:ferry", "a" * 60_000,
                               "ferry AND", "(ferry", '"ferry', "ferry NOT"])
def test_fts_syntax_abuse_is_results_or_4xx(client: TestClient, q: str) -> None:
    for path in ("/search", "/search.json"):
        status = client.get(path, params={"q": q}).status_code
        assert status == 200 or 400 <= status < 500, (q, status)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"])
@pytest.mark.parametrize("path", ["/", "/quotes", "/search.json", "/articles/plain"])
def test_unknown_methods_are_405(client: TestClient, method: str, path: str) -> None:
    assert client.request(method, path).status_code == 405


def test_links_come_from_the_configured_base_not_the_host_header(client: TestClient) -> None:
    for url in ("/quotes.json?size=2", "/speakers.json?size=1", "/articles.json?size=3"):
        response = client.get(url, headers={"Host": "evil.example"})
        assert response.status_code == 200
        assert "evil.example" not in response.text
        assert response.json()["next"].startswith("http://saidwhat.test:8001/")
        page = client.get(url.replace(".json", ""), headers={"Host": "evil.example"})
        assert "evil.example" not in page.text


def test_default_base_is_the_served_host_and_port(app_db: Path) -> None:
    from saidwhat.web.app import default_base_url

    assert default_base_url("127.0.0.1", 8001) == "http://127.0.0.1:8001"
    assert default_base_url("::1", 80) == "http://[::1]:80"
    app = create_app(app_db)
    body = TestClient(app).get("/quotes.json?size=1", headers={"Host": "evil.example"}).json()
    assert body["next"].startswith("http://127.0.0.1:8001/")


class Links(HTMLParser):
    """Every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.found.append(value)


@pytest.fixture(scope="module")
def live(app_db: Path):  # type: ignore[no-untyped-def]
    """The app served by uvicorn on 127.0.0.1 (a real server: paths decoded once, as browsers
    and proxies see them); its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = uvicorn.Server(uvicorn.Config(create_app(app_db, base_url=base), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield base
    server.should_exit = True
    thread.join(10)


def test_every_rendered_link_resolves(live: str) -> None:
    """Crawl every page reachable from the listings on a live server, following every link
    and JSON next/prev link the app renders: none answers 404 or 5xx."""
    import httpx

    todo = deque([*LISTINGS, *(u.replace("?", ".json?", 1) if "?" in u else u + ".json"
                               for u in LISTINGS[1:])])
    seen: set[str] = set()
    broken: list[tuple[str, int, str]] = []
    with httpx.Client(base_url=live, timeout=30) as http:
        while todo and len(seen) < 3000:
            url, referer = (todo.popleft(), "") if isinstance(todo[0], str) else todo.popleft()
            if url in seen:
                continue
            seen.add(url)
            response = http.get(url)
            if response.status_code >= 400:
                broken.append((url, response.status_code, referer))
                continue
            kind = response.headers.get("content-type", "")
            if "json" in kind:
                body = response.json()
                found = [v for k in ("next", "prev") if isinstance(v := body.get(k), str)]
            elif "html" in kind:
                parser = Links()
                parser.feed(response.text)
                found = parser.found
            else:
                continue
            for link in found:
                parts = urlsplit(urljoin(f"{live}{url}", link))
                if f"{parts.scheme}://{parts.netloc}" != live:
                    continue  # an article's own link to its outlet
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in seen:
                    todo.append((target, url))  # type: ignore[arg-type]
    assert not broken, broken[:20]
    assert len(seen) > 100


def test_no_traceback_logged_over_the_abuse_run(client: TestClient,
                                                caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        statuses = [client.get(url).status_code for url in ABUSE]
        statuses += [client.request("POST", "/quotes").status_code]
    assert max(statuses) < 500
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_integrity_is_checked_once_at_start_not_per_request(app_db: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from saidwhat.index import guard

    calls: list[object] = []
    monkeypatch.setattr(guard, "check_integrity", lambda conn, path: calls.append(path))
    web = TestClient(create_app(app_db))
    assert len(calls) == 1
    for url in ("/", "/quotes.csv", "/search.csv?q=ferry", "/positions.csv", "/speakers.json"):
        assert web.get(url).status_code < 500
    assert len(calls) == 1
