"""Facts about one document that several engine stages read, computed once per Doc.

`DocContext` holds the document's text, its quotations, which tokens are inside one, its
paragraphs and its 'Name: words' lines. `attribute_doc` builds it once and hands it to the
stages (cues, contents, layouts, speaker resolution), so none of them works these out again and
all of them agree on what "inside a quote" means. It is never stored on the Doc, so a
processed Doc still serialises (DocBin) without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from saidwhat.engine.layouts import ColonLine, colon_lines
from saidwhat.engine.quotes import Quote, doc_text, find_quotes, paragraphs, token_in_quote
from saidwhat.settings import Settings


@dataclass(frozen=True)
class DocContext:
    """One document's shared facts: text, quotations, in-quote flag per token, paragraphs,
    'Name: words' lines."""

    text: str
    quotes: tuple[Quote, ...]
    in_quote: tuple[bool, ...]
    paragraphs: tuple[tuple[int, int], ...]
    colon_lines: tuple[ColonLine, ...]


def build_context(doc: Doc, settings: Settings | None = None) -> DocContext:
    """The facts of a parsed document, each computed once."""
    settings = settings or Settings()
    text = doc_text(doc)
    paras = tuple(paragraphs(text))
    quotes = tuple(find_quotes(text, settings.quotes, spans=paras))
    return DocContext(
        text=text, quotes=quotes, in_quote=tuple(token_in_quote(doc, list(quotes))),
        paragraphs=paras, colon_lines=tuple(colon_lines(doc, settings.layouts)),
    )
