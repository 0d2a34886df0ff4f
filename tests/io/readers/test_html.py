"""readers/html.py: an HTML page is one article, its main text via trafilatura."""

from __future__ import annotations

import warnings

import pytest
from reading import FIXTURES, only, read

from saidwhat.io.readers.html import declared_author, html_article, page_author
from saidwhat.records import Article, Failure


def test_html_metadata_and_main_text() -> None:
    a = only(read(FIXTURES / "ferry-strike.html"))
    assert isinstance(a, Article)
    assert a.id == "ferry-strike"
    assert a.title == "Ferry Workers Call Off Strike"
    assert a.url == "https://coastcourier.example/news/2024/05/ferry-strike-called-off"
    assert a.published == "2024-05-14"
    assert a.author == "Lena Park"
    assert "Our members have been heard" in a.text
    assert "cookies" not in a.text and "© 2024" not in a.text


def test_html_without_article_text_fails() -> None:
    f = only(read(FIXTURES / "menu-only.html"))
    assert isinstance(f, Failure)
    assert f.error == "no article text found"


def test_block_quotes_are_kept_as_spans_of_the_text() -> None:
    a = only(read(FIXTURES / "council-budget.html"))
    assert isinstance(a, Article)
    assert a.author == "Jo Reed" and a.url == "https://valleyledger.example/news/2024/03/council-budget"
    blocks = [a.text[s:e] for s, e in a.block_quotes]
    assert blocks == ["The budget protects the services residents rely on most, and it does so "
                      "without new debt.",
                      "No neighbourhood has been asked to give up its library or its bus route."]


PAGE_WITH_ZONE = ("<html><head><title>Dam Vote</title>"
                  '<meta name="last-modified" content="2014-12-29 08:57:25 EST"></head>'
                  "<body><article><p>" + "The council voted on the dam after a long debate. " * 3
                  + "</p></article></body></html>")


def test_an_unknown_timezone_in_the_page_date_warns_nobody(recwarn: pytest.WarningsRecorder
                                                           ) -> None:
    warnings.simplefilter("always")
    a = html_article(PAGE_WITH_ZONE, id="dam")
    assert a is not None and a.published == "2014-12-29"
    assert not [w for w in recwarn if "identified but not understood" in str(w.message)]


def test_the_timezone_warning_is_silenced_only_while_the_page_is_read() -> None:
    from dateutil.parser import parse

    with pytest.warns(Warning, match="identified but not understood"):
        parse("2014-12-29 08:57:25 EST")


RELATED_BYLINE_PAGE = (
    "<html><head><title>Writing a Sitcom</title>"
    "<meta name='parsely-page' content='{\"author\":\"Nora Vance\",\"section\":\"Culture\"}'>"
    "</head><body><article><p>" + "I was asked to write a sitcom for a small channel. " * 3
    + "</p></article><aside><ul><li><a href='/other'>Another story</a>"
    "<div class=\"byline\">By <span class=\"author\">Tom Reyes</span></div></li></ul></aside>"
    "</body></html>")


def test_the_writer_the_page_declares_outranks_a_related_story_s_byline() -> None:
    a = html_article(RELATED_BYLINE_PAGE, id="sitcom")
    assert a is not None and a.author == "Nora Vance"


@pytest.mark.parametrize(("html", "author"), [
    ("<meta name='parsely-page' content='{\"author\": \"Lu Berry | lb@site.example\"}'>",
     "Lu Berry"),
    ("<meta name='parsely-page' content='{\"authors\": [\"Ann Ode\", \"Bo Lee\"]}'>",
     "Ann Ode and Bo Lee"),
    ('<meta name="parsely-author" content="JOHN MARZ" />', "JOHN MARZ"),
    ("<meta name='parsely-page' content='{\"author\": \"\"}'>", None),
    ('<meta name="author" content="Someone Else">', None),
])
def test_declared_author(html: str, author: str | None) -> None:
    assert declared_author(html) == author


@pytest.mark.parametrize(("extracted", "declared", "author"), [
    ("Tom Reyes", "Nora Vance", "Nora Vance"),  # another story's byline
    ("Photo by The Associated Press", "Nora Vance", "Nora Vance"),  # a photo credit
    ("Ari Wass; Ohio Media Group", "Ari Wass, Ohio Media Group", "Ari Wass; Ohio Media Group"),
    (None, "Nora Vance", "Nora Vance"),
    ("Nora Vance", None, "Nora Vance"),
])
def test_page_author(extracted: str | None, declared: str | None, author: str) -> None:
    assert page_author(extracted, declared) == author
