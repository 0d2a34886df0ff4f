"""The web UI in a real browser: Debian's headless chromium driven by Playwright.

Needs /usr/bin/chromium (`scripts/install-browser.sh` installs it); skips without it. The
browser is never downloaded: Playwright is pointed at the system binary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import MARKS, launch, serve

from saidwhat.cli import main
from saidwhat.index import store
from saidwhat.records import Article, Attribution, Mention, Speaker

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = MARKS
sync_api = pytest.importorskip("playwright.sync_api")


def span(text: str, part: str) -> tuple[int, int]:
    """The offsets of `part` in `text`."""
    i = text.index(part)
    return (i, i + len(part))


def hostile_article() -> Article:
    """An article whose text, title and quote hold script: the browser must show it as text."""
    quote = "<script>alert('quote')</script> is what I typed"
    text = (f"“{quote},” said Mallory Hacker.\n<img src=x onerror=alert('img')>\n"
            "<script>alert('text')</script>")
    return Article(
        id="hostile", title="<script>alert('title')</script>", published="2020-01-01",
        text=text, body=((0, len(text)),),
        attributions=(Attribution(
            "direct", "speech", Mention.from_spans(text, [span(text, quote)]),
            Mention.from_spans(text, [span(text, "said")]),
            Mention.from_spans(text, [span(text, "Mallory Hacker")]),
            Speaker("Mallory Hacker", "mallory-hacker", "PERSON", "name"), 0.9),))


HOSTILE_URLS = [
    "javascript:alert('url')", "JAVASCRIPT:alert('upper')", "  javascript:alert('space')",
    "\x01javascript:alert('ctrl')", "java\tscript:alert('tab')", "java\nscript:alert('nl')",
    "vbscript:msgbox('vb')", "data:text/html,<script>alert('data')</script>",
]


def hostile_url_article(i: int, url: str) -> Article:
    """An article whose URL is a script and whose speaker and quote carry markup."""
    name = f"<img src=x onerror=alert('name{i}')>Eve {i}"
    quote = f"<a href=\"javascript:alert('q{i}')\">click</a> me"
    text = f"“{quote},” said {name}."
    return Article(
        id=f"url-{i}", title=f"<svg onload=alert('t{i}')>", url=url, published="2020-01-02",
        text=text, body=((0, len(text)),),
        attributions=(Attribution(
            "direct", "speech", Mention.from_spans(text, [span(text, quote)]),
            Mention.from_spans(text, [span(text, "said")]),
            Mention.from_spans(text, [span(text, name)]),
            Speaker(name, f"eve-{i}", "PERSON", "name"), 0.9),))


def pronoun_article() -> Article:
    """A small article with a pronoun source, used when examples/ is absent."""
    text = "Vladimir Putin spoke in Geneva. He said the talks were constructive."
    return Article(
        id="geneva", title="Putin in Geneva", text=text, body=((0, len(text)),),
        attributions=(Attribution(
            "indirect", "speech", Mention.from_spans(text, [span(text, "the talks were "
                                                                  "constructive")]),
            Mention.from_spans(text, [span(text, "said")]),
            Mention.from_spans(text, [span(text, "He")]),
            Speaker("Vladimir Putin", "putin", "PERSON", "pronoun"), 0.8),))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "examples.db"
    if EXAMPLES.is_dir() and any(EXAMPLES.glob("*.txt")):
        assert main(["index", str(EXAMPLES), "--db", str(path), "-q", "--workers", "1"]) == 0
    conn = store.connect(path)
    try:
        if not EXAMPLES.is_dir():
            store.add_article(conn, pronoun_article())
        store.add_article(conn, hostile_article())
        for i, url in enumerate(HOSTILE_URLS):
            store.add_article(conn, hostile_url_article(i, url))
        store.rebuild_speakers(conn)
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def base_url(db) -> Iterator[str]:
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launch(sync_api) as b:
        yield b


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  base_url=base_url)
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def test_home_search_speaker_article_journey(page):
    page.goto("/")
    assert page.title() == "saidwhat"
    speakers = page.locator("ol.speakers a")
    assert speakers.count() >= 1
    first_quote = page.locator("article.quote blockquote").first.inner_text()
    word = max(re.findall(r"[A-Za-z]{3,}", first_quote), key=len)

    # search from the header box
    page.fill("header form.search input[name=q]", word)
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("article.quote").count() >= 1
    assert word.lower() in page.locator("mark").first.inner_text().lower()

    # a speaker page lists their quotes
    page.goto("/")
    name = speakers.first.inner_text().strip()
    speakers.first.click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text().strip() == name
    assert page.locator("article.quote").count() >= 1

    # its first quote opens the article at that attribution, highlighted
    page.locator("article.quote .where a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#text .hl.content").count() >= 1
    assert page.locator("#text .hl.cue").count() >= 1
    sources = page.locator("#text .hl.source")
    assert sources.count() >= 1
    assert "→" in sources.first.get_attribute("title")
    assert "(" in sources.first.get_attribute("title")  # how it was resolved
    weight = sources.first.evaluate("e => getComputedStyle(e).fontWeight")
    assert int(weight) >= 600
    content_bg = page.locator("#text .hl.content").first.evaluate(
        "e => getComputedStyle(e).backgroundColor")
    assert content_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".legend-speakers li").count() >= 1
    assert page.dialogs == []


def test_pronoun_resolution_is_on_hover(page):
    page.goto("/articles")
    ids = [a["id"] for a in page.evaluate("() => fetch('/articles.json').then(r => r.json())")
           ["articles"]]
    for aid in ids:
        page.goto(f"/articles/{aid}")
        pronouns = page.locator("#text .hl.source[title*='(pronoun)']")
        if pronouns.count():
            break
    else:
        pytest.skip("no pronoun-resolved source in the indexed articles")
    el = pronouns.first
    el.hover()
    assert "active" in el.get_attribute("class").split()  # the whole attribution lights up
    assert page.locator(".hl.active").count() >= 2


def test_script_in_an_article_never_runs(page):
    page.goto("/articles/hostile")
    page.wait_for_load_state("load")
    text = page.locator("#text").inner_text()
    assert "<script>alert('text')</script>" in text
    assert "<img src=x onerror=alert('img')>" in text
    assert page.locator("h1").inner_text() == "<script>alert('title')</script>"
    page.goto("/search?q=typed")
    assert "<script>alert('quote')</script>" in page.locator("article.quote").first.inner_text()
    page.goto("/")
    assert page.dialogs == []
    assert page.evaluate("() => document.querySelectorAll('#text script, main script').length") \
        == 0


def test_clicking_every_link_of_hostile_articles_runs_nothing(page):
    for i in range(len(HOSTILE_URLS)):
        path = f"/articles/url-{i}"
        page.goto(path)
        assert page.locator("a", has_text="original").count() == 0
        schemes = page.evaluate(
            "() => [...document.querySelectorAll('a[href]')].map(a => new URL(a.href).protocol)")
        assert set(schemes) <= {"http:", "https:"}, schemes
        for n in range(len(schemes)):
            page.goto(path)
            page.locator("a[href]").nth(n).click()
            page.wait_for_load_state("load")
    for path in ("/", "/speakers", "/quotes", "/articles", "/search?q=click"):
        page.goto(path)
        for n in range(page.locator("main a[href]").count()):
            page.goto(path)
            page.locator("main a[href]").nth(n).click()
            page.wait_for_load_state("load")
    assert page.dialogs == []


def test_inline_script_is_refused_by_the_page_policy(page):
    page.goto("/speakers")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = "window.__ran = true"; document.body.appendChild(s); }""")
    assert page.evaluate("() => window.__ran === true") is False


def test_json_twin_and_friendly_404(page):
    response = page.goto("/speakers.json")
    assert response.status == 200 and "application/json" in response.headers["content-type"]
    response = page.goto("/speakers/no-such-person")
    assert response.status == 404
    assert "Not found" in page.locator("h1").inner_text()
