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
