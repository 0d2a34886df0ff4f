"""pipeline.py: body windows, offsets shifted to the article, order and failures in batches."""

from __future__ import annotations

import pytest
from spacy.language import Language

import saidwhat.engine.attribute
from saidwhat.records import Article, Failure
from saidwhat.run import pipeline
from saidwhat.run.pipeline import annotate, annotate_many, body_window

PARA = "Mayor Tom Reed spoke on Monday. “The bridge opens in May,” Reed said."
JUNK = "“Great read, thanks,” said Anna in the comments."


def test_body_window() -> None:
    assert body_window(Article("a", "hello world")) == (0, 11)
    assert body_window(Article("a", "x" * 50, body=((5, 10), (20, 30)))) == (5, 30)


def test_attributions_are_in_article_offsets(nlp: Language) -> None:
    header = "MENU | HOME | SPORTS\n\n"
    text = header + PARA
    article = annotate(nlp, Article("a", text, body=((len(header), len(text)),)))
    (a,) = article.attributions
    assert a.content.text == "The bridge opens in May"
    assert text[a.content.start : a.content.end] == a.content.text
    assert a.cue is not None and text[a.cue.start : a.cue.end] == "said"
    assert a.source is not None and text[a.source.start : a.source.end] == "Reed"


def test_attributions_outside_the_body_are_dropped(nlp: Language) -> None:
    text = PARA + "\n\n" + PARA + "\n\n" + JUNK
    second = len(PARA) + 2
    article = annotate(nlp, Article("a", text, body=((0, len(PARA)), (second, second + len(PARA)))))
    assert len(article.attributions) == 2
    assert all(a.content.end <= second + len(PARA) for a in article.attributions)
    whole = annotate(nlp, Article("a", text, body=((0, len(text)),)))
    assert any("Great read" in a.content.text for a in whole.attributions)


def test_annotate_many_keeps_order_and_passes_failures(nlp: Language) -> None:
    items: list[Article | Failure] = [
        Article("a0", PARA),
        Failure("bad.html", "no article text found"),
        Article("a1", "Nothing is said here at all."),
        Article("a2", PARA.replace("Reed", "Lopez")),
        Failure("worse.txt", "not UTF-8"),
    ]
    out = list(annotate_many(nlp, items, batch_size=2))
    assert [x.id if isinstance(x, Article) else x.origin for x in out] == [
        "a0", "bad.html", "a1", "a2", "worse.txt",
    ]
    assert out[1] is items[1] and out[4] is items[4]
    assert isinstance(out[0], Article) and len(out[0].attributions) == 1
    assert isinstance(out[2], Article) and out[2].attributions == ()
    assert isinstance(out[3], Article) and out[3].attributions[0].speaker is not None


def test_annotate_many_turns_a_crash_into_a_failure(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = saidwhat.engine.attribute.attribute_in_context

    def exploding(doc, engine, **page):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise RuntimeError("engine exploded")
        return real(doc, engine, **page)

    monkeypatch.setattr(saidwhat.engine.attribute, "attribute_in_context", exploding)
    items = [Article("ok", PARA), Article("bad", "BOOM said Reed.", origin="bad.txt")]
    out = list(pipeline.annotate_many(nlp, items))
    assert isinstance(out[0], Article) and len(out[0].attributions) == 1
    assert isinstance(out[1], Failure)
    assert out[1].origin == "bad.txt" and "engine exploded" in out[1].error
    assert "\n" not in str(out[1])


def test_annotate_many_of_nothing(nlp: Language) -> None:
    assert list(annotate_many(nlp, [])) == []
