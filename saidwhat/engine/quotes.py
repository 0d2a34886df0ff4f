"""Direct quotations: pairing quote marks in raw text, robust to unclosed and oddly nested marks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from saidwhat.settings import QuoteSettings

# Opening mark -> the marks that may close it (sloppy text mixes straight and curly marks).
CLOSERS = {
    "“": ("”", '"'), "«": ("»",), "‘": ("’",), "„": ("“", "”"),
    '"': ('"', "”"), "''": ("''", "”"), "``": ("''", '"', "”"),
}
OPENERS = ("“", "«", "‘", "„")
TOGGLES = ('"', "''", "``")
_MARK = re.compile(r"''|``|[“”«»‘’\"„]")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“\"«'‘])")


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include the marks, `inner` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    continues: bool = False  # a paragraph-opening quote continuing the previous paragraph's quote

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words without the marks."""
        return self.inner_start, self.inner_end


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ‘ inside or at the end of a word (don’t, ’90s, Jones’) rather than a quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "’":
        return before.isalnum() and (after.isalnum() or after == "s")
    return before.isalnum() or (after.isdigit())


def _opens_single(text: str, i: int) -> bool:
    """A ‘ opens a quote when it follows a space or punctuation and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(“\"—–-[:") and not after.isspace()


def _closes_single(text: str, i: int, end: int) -> bool:
    """A ’ closes a quote unless it is an apostrophe: inside a word (don’t), before digits
    (’90s), or a plural possessive (Jones’ plan) when another ’ closes later in the paragraph."""
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isalpha() and text[i - 1].isalpha() or after.isdigit():
        return False
    possessive = text[i - 1] == "s" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()
    return not (possessive and "’" in text[i + 1 : end])


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: text split at blank lines (or single newlines)."""
    spans, start = [], 0
    for m in re.finditer(r"\n+", text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _quotes_in_paragraph(text: str, start: int, end: int, max_chars: int) -> list[Quote]:
    """Pair quote marks within one paragraph; an unclosed quote runs to the paragraph end."""
    found: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    for m in _MARK.finditer(text, start, end):
        mark, i = m.group(), m.start()
        if open_at is None:
            if mark in OPENERS and (mark != "‘" or _opens_single(text, i)):
                open_at, open_mark = i, mark
            elif mark in TOGGLES:
                open_at, open_mark = i, mark
            continue
        if mark in CLOSERS[open_mark] and (mark != "’" or _closes_single(text, i, end)):
            found.append(Quote(open_at, m.end(), open_at + len(open_mark), i))
            open_at = None
        elif i - open_at > max_chars:
            open_at = None
    if open_at is not None:
        stop = end
        while stop > open_at and text[stop - 1].isspace():
            stop -= 1
        if stop - open_at > 1:
            found.append(Quote(open_at, stop, open_at + len(open_mark), stop, closed=False))
    return [q for q in found if q.inner_end > q.inner_start]


def find_quotes(text: str, settings: QuoteSettings | None = None,
                spans: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """Every quotation in the text, in order; paragraph-spanning quotes come as linked pieces.

    `spans` are the text's paragraphs when already known (else worked out here)."""
    max_chars = (settings or QuoteSettings()).max_quote_chars
    quotes: list[Quote] = []
    for start, end in spans if spans is not None else paragraphs(text):
        for q in _quotes_in_paragraph(text, start, end, max_chars):
            prev = quotes[-1] if quotes else None
            continues = (
                prev is not None
                and not prev.closed
                and q.start == start
                and text[prev.end:q.start].strip() == ""
            )
            quotes.append(Quote(q.start, q.end, q.inner_start, q.inner_end, q.closed, continues))
    return [
        _cap_dangling(text, q)
        if not q.closed and not (i + 1 < len(quotes) and quotes[i + 1].continues)
        else q
        for i, q in enumerate(quotes)
    ]


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"‘(])")


def _cap_dangling(text: str, q: Quote) -> Quote:
    """An unclosed quote that no paragraph continues is cut at its first sentence end."""
    m = _SENTENCE_END.search(text, q.inner_start, q.inner_end)
    if m is None:
        return q
    return Quote(q.start, m.end(), q.inner_start, m.end(), closed=False, continues=q.continues)


def quote_regions(text: str, settings: QuoteSettings | None = None) -> list[tuple[int, int]]:
    """Character spans (marks included) of every quotation."""
    return [(q.start, q.end) for q in find_quotes(text, settings)]


def doc_text(doc: Doc) -> str:
    """The doc's text, built once (spaCy rebuilds `doc.text` from every token on each access)."""
    text = doc.user_data.get("saidwhat_text")
    if text is None:
        text = doc.user_data["saidwhat_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text, cut from the doc's text built once (`Span.text` joins every token's text
    again on each access, ten times slower for a sentence)."""
    return doc_text(span.doc)[span.start_char: span.end_char]


def token_in_quote(doc: Doc, quotes: list[Quote]) -> list[bool]:
    """For each token, whether it lies inside the marks of a quotation."""
    flags = [False] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].inner_end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].inner_start <= tok.idx < quotes[qi].inner_end:
            flags[tok.i] = True
    return flags
