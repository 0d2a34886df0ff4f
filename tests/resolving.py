"""Source spans found by their words, and resolved: shared by the speaker-rule tests."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.engine.speakers import resolve_sources
from saidwhat.records import Speaker


def span_of(doc: Doc, needle: str, nth: int = 0) -> Span:
    """The nth whole-word occurrence of needle in doc, as a span."""
    found = list(re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", doc.text))[nth]
    span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
    assert span is not None
    return span


def resolve(nlp: Language, text: str, *sources: str | tuple[str, int]) -> list[Speaker]:
    """The speakers of the named source spans of text (a tuple picks the nth occurrence)."""
    doc = nlp(text)
    spans = [span_of(doc, *(s if isinstance(s, tuple) else (s,))) for s in sources]
    out = resolve_sources(doc, spans)
    assert all(s is not None for s in out)
    return out  # type: ignore[return-value]
