"""The Python API: saidwhat.extract and saidwhat.extract_many."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import saidwhat
from saidwhat import Article, Failure

HTML = (
    "<html><head><title>Budget row</title></head><body><nav>Home | Sports | Weather</nav>"
    "<article><h1>Budget row</h1><p>Maria Lopez, a senator from the north of the state, "
    "spoke to reporters on Monday about the city budget and the coming vote.</p>"
    "<p>“We will balance this budget by June, whatever it takes,” she said.</p>"
    "</article></body></html>"
)
TEXT = "Mayor Tom Reed spoke on Monday. “The bridge opens in May,” Reed said."


def test_extract_plain_text() -> None:
    article = saidwhat.extract(TEXT, id="bridge")
    assert isinstance(article, Article)
    assert article.id == "bridge" and article.text == TEXT
    (a,) = article.attributions
    assert a.content.text == "The bridge opens in May"
    assert a.speaker is not None and a.speaker.name == "Tom Reed"


def test_extract_html() -> None:
    article = saidwhat.extract(HTML)
    assert "<p>" not in article.text
    assert article.title == "Budget row"
    (a,) = [a for a in article.attributions if "balance this budget" in a.content.text]
    assert a.kind == "direct"
    assert a.content.text == "We will balance this budget by June, whatever it takes"
    assert article.text[a.content.start : a.content.end] == a.content.text
    assert a.speaker is not None and a.speaker.name == "Maria Lopez"


def test_extract_an_article() -> None:
    article = saidwhat.extract(Article("mine", TEXT, body=((0, len(TEXT)),)))
    assert article.id == "mine" and len(article.attributions) == 1


def test_extract_blank_text() -> None:
    assert saidwhat.extract("").attributions == ()


def test_extract_many_streams_in_order() -> None:
    texts = [TEXT, "Nothing is said here.", HTML, TEXT.replace("Reed", "Lopez")]
    out = saidwhat.extract_many(texts, batch_size=2)
    assert isinstance(out, Iterator)
    items = list(out)
    assert all(isinstance(x, Article) for x in items)
    assert [x.id for x in items if isinstance(x, Article)] == [
        "article-0", "article-1", "article-2", "article-3",
    ]
    counts = [len(x.attributions) for x in items if isinstance(x, Article)]
    assert counts[0] == 1 and counts[1] == 0 and counts[2] >= 1 and counts[3] == 1


def test_extract_many_is_lazy() -> None:
    def source() -> Iterator[str]:
        yield TEXT
        raise AssertionError("read past the first batch")

    first = next(saidwhat.extract_many(source(), batch_size=1))
    assert isinstance(first, Article) and first.id == "article-0"


def test_extract_many_turns_bad_html_into_a_failure() -> None:
    items = list(saidwhat.extract_many([TEXT, "<html><body><div></div></body></html>", TEXT]))
    assert [type(x) for x in items] == [Article, Failure, Article]


def test_extract_raises_on_html_without_text() -> None:
    with pytest.raises(ValueError, match="no article text"):
        saidwhat.extract("<html><body><div></div></body></html>")
