"""readers/html.py: an HTML page is one article, its main text via trafilatura."""

from __future__ import annotations

from reading import FIXTURES, only, read

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
