"""The positions pages in a real browser (Debian's chromium via Playwright): the network picture
is drawn from its .json twin with coloured edges, its filter redraws it, hostile names stay text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browsing import MARKS, launch, serve
from factories import (
    HOSTILE_NAME,
    HOSTILE_TARGET,
    hostile_position_article,
    index_of,
    position_articles,
    stance,
)

from saidwhat.records import Article

pytestmark = MARKS
sync_api = pytest.importorskip("playwright.sync_api")


def astral_article() -> Article:
    """Evidence after characters outside the BMP (flags, emoji): offsets count code points."""
    text = "🇺🇸🇷🇺 Summit 😀. Vladimir Putin praised New START as a pillar of security in Europe."
    return Article("astral", text, published="2021-06-18", body=((0, len(text)),),
                   positions=(stance(text, "Vladimir Putin", None, "New START", "support",
                                     "New START", "Vladimir Putin praised New START as a pillar"),))


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("positions-browser") / "p.db"
    index_of(path, [*position_articles(), hostile_position_article(), astral_article()])
    with serve(path) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launch(sync_api) as b:
        yield b


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    pg = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    pg.errors = errors  # type: ignore[attr-defined]
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def edges(page) -> list[dict]:
    """The drawn edges: polarity, stroke colour and width."""
    return page.evaluate("""() => [...document.querySelectorAll('#network-svg .edge')].map(
        e => ({polarity: e.dataset.polarity, count: +e.dataset.count,
               stroke: getComputedStyle(e).stroke, width: +e.getAttribute('stroke-width')}))""")


def labels(page) -> set[str]:
    """The drawn node labels."""
    return set(page.evaluate(
        "() => [...document.querySelectorAll('#network-svg .node')].map(g => g.dataset.label)"))


def test_network_is_drawn_from_its_twin_with_coloured_edges(page):
    page.goto("/positions/network")
    page.wait_for_selector("#network-svg .edge")
    twin = page.evaluate("() => fetch('/positions/network.json').then(r => r.json())")["network"]
    drawn = edges(page)
    assert len(drawn) == len(twin["edges"])
    assert labels(page) == {n["label"] for n in twin["nodes"]}
    colour = {e["polarity"]: e["stroke"] for e in drawn}
    assert colour["support"] == colour["agree"] != colour["oppose"] == colour["disagree"]
    assert "rgb(42, 157, 75)" == colour["support"]  # green for support, red for opposition
    # nodes are spread out, inside the picture
    boxes = page.evaluate("""() => [...document.querySelectorAll('#network-svg .node')].map(
        g => g.getBoundingClientRect()).map(r => [Math.round(r.x), Math.round(r.y)])""")
    assert len({tuple(b) for b in boxes}) == len(boxes)
    speakers = page.locator("#network-svg a.node-link")
    assert speakers.count() >= 4
    assert page.errors == [] and page.dialogs == []


def test_the_topic_filter_redraws_the_network_and_its_table(page):
    page.goto("/positions/network")
    page.wait_for_selector("#network-svg .edge")
    before = len(edges(page))
    page.select_option("#network-filter select[name=topic]", "New START")
    page.wait_for_function(
        "n => document.querySelectorAll('#network-svg .edge').length < n", arg=before)
    assert labels(page) == {"Vladimir Putin", "Joe Biden", "New START", "Chuck Schumer",
                            "Mitch McConnell"}
    assert "topic=New+START" in page.url
    rows = page.locator("#network-edges tr")
    assert rows.count() == len(edges(page))
    page.fill("#network-filter input[name=since]", "2021-07")
    page.click("#network-filter button")
    page.wait_for_function(
        "() => document.querySelectorAll('#network-svg .node').length === 3")
    assert labels(page) == {"Chuck Schumer", "Mitch McConnell", "New START"}
    page.fill("#network-filter input[name=since]", "2030")
    page.click("#network-filter button")
    page.wait_for_selector("#network-status:has-text('No positions match')")
    assert page.locator("#network-svg").count() == 0
    assert page.errors == []


def test_a_speaker_node_opens_the_speaker_page_and_its_pair(page):
    page.goto("/positions/network")
    page.wait_for_selector("#network-svg a.node-link")
    page.locator("#network-svg a.node-link", has_text="Vladimir Putin").click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text().strip() == "Vladimir Putin"
    assert page.locator("ul.stands li").count() == 5
    page.locator("ul.stands a.vs").first.click()
    page.wait_for_url("**/vs/**")
    assert "cyber security" in page.locator("section.agree").inner_text()
    assert "human rights" in page.locator("section.disagree").inner_text()
    assert page.locator("table.shared tr.agree").count() == 1


def test_hostile_names_in_positions_never_run(page):
    page.goto("/positions/network")
    page.wait_for_selector("#network-svg .edge")
    assert HOSTILE_NAME in labels(page) and HOSTILE_TARGET in labels(page)
    shown = page.evaluate(
        "() => [...document.querySelectorAll('#network-svg .node text')].map(t => t.textContent)")
    assert HOSTILE_NAME[:31] + "…" in shown  # long labels are cut short, as text
    assert page.evaluate("() => document.querySelectorAll('#network-svg img, #network-svg "
                         "script, main img, main script').length") == 0
    page.hover("#network-svg .node.target >> nth=0")
    for path in ("/articles/hostile-positions", "/positions"):
        page.goto(path)
        page.wait_for_load_state("load")
        assert HOSTILE_TARGET in page.locator("table.positions").inner_text()
        for cell in page.locator("table.positions td").all():
            cell.hover()
    assert page.dialogs == [] and page.errors == []


def test_a_speakers_network_keeps_the_speaker_when_filtered(page):
    page.goto("/speakers.json")
    schumer = next(s["id"] for s in page.evaluate(
        "() => fetch('/speakers.json').then(r => r.json())")["speakers"]
        if s["name"] == "Chuck Schumer")
    page.goto(f"/positions/network?speaker={schumer}")
    page.wait_for_selector("#network-svg .edge")
    assert labels(page) == {"Chuck Schumer", "Mitch McConnell", "New START"}
    page.fill("#network-filter input[name=until]", "2021-06")
    page.click("#network-filter button")
    page.wait_for_selector("#network-status:has-text('No positions match')")
    assert f"speaker={schumer}" in page.url
    page.fill("#network-filter input[name=until]", "")
    page.click("#network-filter button")
    page.wait_for_selector("#network-svg .edge")
    assert labels(page) == {"Chuck Schumer", "Mitch McConnell", "New START"}
    assert page.errors == []


def test_an_evidence_link_selects_its_words_in_the_article(page):
    for aid in ("arms", "astral"):
        page.goto(f"/articles/{aid}")
        links = page.locator("a.evidence-link")
        assert links.count() >= 1
        for n in range(links.count()):
            links.nth(n).click()
            selected = page.evaluate("() => window.getSelection().toString()")
            assert selected == links.nth(n).inner_text()
    assert page.errors == []


def view(page) -> list[float]:
    """The network picture's viewBox: x, y, width, height."""
    return [float(v) for v in page.get_attribute("#network-svg", "viewBox").split()]


def test_the_network_zooms_around_the_pointer_and_pans_by_dragging(page):
    page.goto("/positions/network")
    page.wait_for_selector("#network-svg .edge")
    x0, y0, w0, h0 = view(page)
    assert (x0, y0) == (0, 0)
    box = page.locator("#network-svg").bounding_box()
    node_before = page.locator("#network-svg .node >> nth=0").bounding_box()
    cx, cy = box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.25
    page.mouse.move(cx, cy)
    page.mouse.wheel(0, -400)
    page.wait_for_function("w => +document.querySelector('#network-svg')"
                           ".getAttribute('viewBox').split(' ')[2] < w", arg=w0)
    x1, y1, w1, h1 = view(page)
    assert w1 < w0 / 1.5 and abs(w1 / h1 - w0 / h0) < 0.01  # zoomed in, same shape
    assert abs((x1 + 0.25 * w1) - 0.25 * w0) < 2  # the point under the pointer stayed put
    assert abs((y1 + 0.25 * h1) - 0.25 * h0) < 2
    node_after = page.locator("#network-svg .node >> nth=0").bounding_box()
    assert node_after["width"] > node_before["width"] * 1.5  # drawn bigger on the screen
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 120, cy + 60, steps=6)
    page.mouse.up()
    x2, y2, w2, _ = view(page)
    per = w1 / box["width"]
    assert w2 == w1 and abs((x1 - x2) - 120 * per) < 2 and abs((y1 - y2) - 60 * per) < 2
    page.click(".zoom-controls button[aria-label='Show the whole network']")
    assert view(page) == [0, 0, w0, h0]
    page.click(".zoom-controls button[aria-label='Zoom in']")
    assert page.get_attribute("#network-svg", "data-scale") == "1.500"
    page.click(".zoom-controls button[aria-label='Zoom out']")
    assert view(page) == [0, 0, w0, h0]
    page.focus("#network")
    page.keyboard.press("+")
    assert page.get_attribute("#network-svg", "data-scale") == "1.500"
    page.keyboard.press("0")
    assert view(page) == [0, 0, w0, h0]
    assert page.errors == []


def test_dragging_from_a_speaker_node_moves_the_picture_and_does_not_open_the_page(page):
    page.goto("/positions/network")
    page.wait_for_selector("#network-svg a.node-link")
    url, before = page.url, view(page)
    node = page.locator("#network-svg a.node-link >> nth=0").bounding_box()
    x, y = node["x"] + node["width"] / 2, node["y"] + node["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 90, y + 40, steps=5)
    page.mouse.up()
    page.wait_for_timeout(300)
    assert page.url == url and view(page)[0] > before[0]
    page.locator("#network-svg a.node-link", has_text="Vladimir Putin").click()  # a plain click
    page.wait_for_url("**/speakers/*")
    assert page.errors == []
