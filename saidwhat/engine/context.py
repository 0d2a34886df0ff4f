"""Facts about one document that several engine stages read, computed once per Doc.

`DocContext` holds the document's text, its quotations, which tokens are inside one, its
paragraphs and its 'Name: words' lines. `attribute_doc` builds it once and hands it to the
stages (cues, contents, layouts, speaker resolution), so none of them works these out again and
all of them agree on what "inside a quote" means. Speaker resolution also reads who the
pronouns and descriptions outside any source refer to (`referents`), which position finding
reuses instead of running the resolver a second time. It is never stored on the Doc, so a
processed Doc still serialises (DocBin) without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from saidwhat.engine.layouts import ColonLine, colon_lines
from saidwhat.engine.quotes import Quote, doc_text, find_quotes, paragraphs, token_in_quote
from saidwhat.records import Speaker
from saidwhat.settings import Settings


@dataclass(frozen=True)
class DocContext:
    """One document's shared facts: text, quotations, in-quote flag per token, paragraphs,
    'Name: words' lines, and (once speakers are resolved) who each `referent_mentions` names."""

    text: str
    quotes: tuple[Quote, ...]
    in_quote: tuple[bool, ...]
    paragraphs: tuple[tuple[int, int], ...]
    colon_lines: tuple[ColonLine, ...]
    referents: tuple[tuple[int, str], ...] = ()  # (head token, person) read by the resolver


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


# A bare role a stance on whoever holds it names no one ("support the Republican nominee").
ANY_HOLDER = frozenset("nominee candidate winner person man woman someone anyone".split())


def referent_mentions(doc: Doc) -> list[Span]:
    """Mentions that name no one by themselves but may hold or receive a position: third-person
    pronouns and definite person descriptions ("the Texas senator") as subjects or objects."""
    from saidwhat.engine.speakers.mentions import is_person_noun, np_start

    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
            continue
        if tok.lower_ in ("he", "she", "him", "her", "his"):
            out.append(doc[tok.i: tok.i + 1])
        elif tok.tag_ == "NN" and is_person_noun(tok.lemma_.lower()) and (
                tok.lemma_.lower() not in ANY_HOLDER) and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            out.append(doc[np_start(tok): tok.i + 1])
    return out


def named_referents(mentions: list[Span], read: list[Speaker]) -> tuple[tuple[int, str], ...]:
    """The mentions the resolver read as a named person, as (head token, name)."""
    return tuple((span.root.i, sp.name) for span, sp in zip(mentions, read, strict=True)
                 if sp.resolved_by != "none" and sp.type == "PERSON" and sp.name)
