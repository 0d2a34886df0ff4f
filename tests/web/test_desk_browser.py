"""The quote desk in a real browser (Debian chromium via Playwright): facets, chips, sorting,
the CSV link, the permalink highlight, charts drawn from their data and speakers by alias."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import MARKS, launch, serve
from factories import DESK_ROWS, desk_article, index_of

pytestmark = MARKS
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("desk") / "desk.db"
    index_of(path, [desk_article(*row) for row in DESK_ROWS])
    with serve(path) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launch(sync_api) as b:
        yield b


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert errors == [], errors


def card_ids(page) -> list[str]:
    """The article ids of the quote cards on the page, in order (once the page a click led to
    has loaded: reading right after the navigation commits can see an empty document)."""
    page.wait_for_load_state("load")
    return [h.split("/articles/")[1].split("#")[0] for h in
            page.locator("article.quote .where a").evaluate_all(
                "els => els.map(e => e.getAttribute('href'))")]


def test_facets_add_chips_and_chips_remove_them(page):
    page.goto("/quotes")
    assert len(card_ids(page)) == 7
    page.locator("section.facet[data-facet=outlet] a", has_text="daily.example").click()
    page.wait_for_url("**/quotes?outlet=daily.example")
    assert set(card_ids(page)) == {"a1", "a3", "t1"}
    page.locator("section.facet[data-facet=kind] a", has_text="direct").click()
    chips = page.locator(".chips a.chip")
    assert chips.all_inner_texts()[:2] == ["outlet: daily.example ×", "kind: direct ×"]
    page.locator(".chips a.chip", has_text="outlet").click()
    assert "outlet" not in page.url and "kind=direct" in page.url
    assert set(card_ids(page)) == {"a1", "a3", "a5", "a6", "t1"}
    assert page.locator(".chips a.chip").count() == 1


def test_sort_links_reorder_and_keep_filters(page):
    page.goto("/quotes?speaker=ann-lee")
    page.locator("a.sort[data-sort=confidence]").click()
    assert "sort=confidence" in page.url and "speaker=ann-lee" in page.url
    assert card_ids(page) == ["a1", "a6", "a2"]
    page.locator("a.sort[data-sort=oldest]").click()
    assert card_ids(page) == ["a1", "a6", "a2"]
    assert page.locator(".tools b.sort.active").inner_text() == "oldest first"


def test_csv_link_downloads_the_same_filtered_list(page):
    page.goto("/quotes?speaker=ann-lee&kind=direct")
    with page.expect_download() as info:
        page.locator("a.csv").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    lines = text.strip().splitlines()
    assert lines[0].startswith("id,speaker,") and len(lines) == 3
    assert all("Ann Lee" in line for line in lines[1:])


def test_permalink_and_card_links_highlight_the_quote_in_the_article(page):
    page.goto("/quotes?speaker=bo-chen")
    page.locator("article.quote", has_text="windfall").locator("a.cite").click()
    assert page.locator(".context mark").inner_text().startswith("We will tax the windfall")
    assert page.locator(".context .before").inner_text() == "The minister arrived late."
    page.locator(".source-article a").first.click()
    marked = page.locator("#text .hl.target")
    marked.first.wait_for()  # the article page loads and marks the quote after the click
    assert marked.count() >= 1
    assert "windfall" in " ".join(marked.all_inner_texts())
    assert page.locator("#text .hl.content:not(.target)").count() == 0  # one quote here


def test_charts_are_drawn_from_their_data(page):
    page.goto("/speakers/ann-lee")
    timeline = page.locator("figure.chart[data-chart=bars]")
    outlets = page.locator("figure.chart[data-chart=hbars]")
    assert int(timeline.get_attribute("data-drawn")) == 3  # weeks of Feb 26, Mar 4, Mar 18
    assert timeline.locator("svg rect").count() == 4  # and the empty week of Mar 11
    assert int(outlets.get_attribute("data-drawn")) == 3  # daily, herald, wire
    outlets.locator("a").first.click()
    assert "outlet=" in page.url and page.locator(".chips a.chip").count() == 1
    page.goto("/")
    home = page.locator("figure.chart[data-chart=bars]")
    assert int(home.get_attribute("data-drawn")) >= 3
    page.goto("/quotes/groups")
    page.locator("ul.groups li a").first.click()
    spread = page.locator("figure.chart[data-chart=spread]")
    assert int(spread.get_attribute("data-drawn")) == 2
    assert spread.locator("circle").count() == 2


def test_header_search_finds_speakers_by_alias(page):
    page.goto("/")
    page.fill("header form.search input[name=q]", "Lee")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Lee")
    page.locator(".speaker-matches a", has_text="Ann Lee").click()
    assert page.url.endswith("/speakers/ann-lee")
