"""context.py: one document's shared facts, computed once and handed to every stage."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat.engine import attribute, context, quotes
from saidwhat.engine.engine import Engine
from saidwhat.engine.layouts import colon_lines
from saidwhat.engine.speakers import clusters
from saidwhat.settings import Settings

TEXT = ("PENCE: Well, look, we will see.\n\n"
        "“We agreed on the harbour,” Mayor Ana Ruiz said. ‘Not yet,’ he replied.\n")


def test_the_context_holds_what_the_stages_would_work_out(nlp: Language) -> None:
    doc = nlp(TEXT)
    ctx = context.build_context(doc)
    assert ctx.text == TEXT
    assert list(ctx.quotes) == quotes.find_quotes(TEXT)
    assert list(ctx.in_quote) == quotes.token_in_quote(doc, quotes.find_quotes(TEXT))
    assert list(ctx.paragraphs) == quotes.paragraphs(TEXT)
    assert [(n.text, r) for n, _, r in ctx.colon_lines] == [
        (n.text, r) for n, _, r in colon_lines(doc)]
    assert [TEXT[s:e] for s, e in (q.inner for q in ctx.quotes)] == [
        "We agreed on the harbour,", "Not yet,"]
    inside = [t.text for t in doc if ctx.in_quote[t.i]]
    assert "agreed" in inside and "Ruiz" not in inside and "“" not in inside


def test_attribute_doc_finds_quotes_once_per_document(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = quotes.find_quotes

    def counting(text, settings=None, spans=None):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text, settings, spans=spans)

    for module in (context, attribute, clusters):
        monkeypatch.setattr(module, "find_quotes", counting, raising=False)
    doc = nlp(TEXT)
    found = list(attribute.attribute_doc(doc, Engine.load(Settings())))
    assert found and len(calls) == 1


REFERENT_TEXT = ("Harbour vote\n\nMayor Ana Ruiz said the harbour plan was timely. On Tuesday she "
                 "criticized Tom Becker over the budget.\n")


def test_attribution_keeps_the_referents_positions_hang_on(nlp: Language) -> None:
    doc = nlp(REFERENT_TEXT)
    found, ctx = attribute.attribute_in_context(doc, Engine.load(Settings()))
    she = next(t.i for t in doc if t.lower_ == "she")
    assert found and dict(ctx.referents).get(she) == "Ana Ruiz"
    assert [m.text for m in context.referent_mentions(doc)] == ["she"]


def test_positions_reuse_the_attribution_steps_speaker_resolution(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from saidwhat.engine.speakers import resolve
    from saidwhat.records import Article
    from saidwhat.run.pipeline import annotate

    calls = []
    real = resolve.resolve_mentions

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(resolve, "resolve_mentions", counting)
    out = annotate(nlp, Article("a", REFERENT_TEXT), Engine.load(Settings()))
    assert len(calls) == 1
    assert any(p.source == "Ana Ruiz" and p.target == "Tom Becker" and p.polarity == "oppose"
               for p in out.positions)
