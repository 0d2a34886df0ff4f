"""Noun cues: 'his claim that …', 'Trump's call for a ban', 'her criticism of the plan'.

The cue classifier rates nouns too; a noun it rates highly, with a clause or a prepositional
object to report, is a cue. Its source is its possessor, a 'by' phrase, or the subject of the
verb it is the object of ('She is a supporter of Sanders'); its content is that clause or
object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from saidwhat.engine.cue_model import CueModel
from saidwhat.engine.cues import Cue
from saidwhat.engine.sources import mention_span

# Prepositions that join a noun cue to what it reports ('criticism of', 'call for').
NOUN_PREPS = frozenset("of for to about against on over at with".split())
# Nouns whose attributions are beliefs, fears, hopes or plans rather than speech.
THOUGHT_NOUNS = frozenset(
    "belief view fear hope concern worry expectation plan desire intention opinion doubt "
    "suspicion assumption conviction wish".split()
)
# Verbs a noun cue is the object of, whose subject holds it ('issued a call', 'is a supporter').
HOLDER_DEPS = ("dobj", "attr")


def _prep_object(tok: Token) -> tuple[Token, Token] | None:
    """The preposition right after the noun and its object ('criticism of the plan')."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return None
    prep = doc[tok.i + 1]
    if prep.dep_ != "prep" or prep.head.i != tok.i or prep.lower_ not in NOUN_PREPS:
        return None
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return (prep, obj) if obj is not None else None


def _clause(tok: Token) -> Token | None:
    """A 'that'-clause or 'to'-infinitive the noun governs ('claim that …', 'refusal to …')."""
    for c in tok.children:
        if c.i < tok.i or c.dep_ not in ("acl", "ccomp", "xcomp", "relcl"):
            continue
        if c.dep_ == "relcl":
            continue
        marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "aux")}
        if "that" in marks or "to" in marks:
            return c
    return None


def noun_cue(tok: Token) -> Cue | None:
    """The cue a reporting noun heads, with its preposition, if it reports anything."""
    if _clause(tok) is not None:
        tokens: tuple[int, ...] = (tok.i,)
    else:
        found = _prep_object(tok)
        if found is None:
            return None
        tokens = (tok.i, found[0].i)
    kind = "thought" if tok.lemma_.lower() in THOUGHT_NOUNS else "speech"
    return Cue(tok.i, tokens, kind)


def noun_source(doc: Doc, cue: Cue) -> Span | None:
    """Who holds the noun's words: its possessor, a 'by' phrase, or the subject of the verb
    it is the object of."""
    tok = doc[cue.head]
    for c in tok.children:
        if c.dep_ == "poss":
            return mention_span(c)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i not in cue.tokens:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return mention_span(obj)
    if tok.dep_ in HOLDER_DEPS:
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN"):
            return mention_span(subj)
    return None


def noun_content(doc: Doc, cue: Cue) -> list[Token]:
    """The tokens of what the noun reports: its clause, else its prepositional object."""
    tok = doc[cue.head]
    clause = _clause(tok)
    if clause is not None:
        return list(clause.subtree)
    found = _prep_object(tok)
    return list(found[1].subtree) if found is not None else []


def find_noun_cues(doc: Doc, in_quote: Sequence[bool], model: CueModel | None,
                   threshold: float) -> list[Cue]:
    """Every noun outside quotes that reports something and that the cue classifier rates at
    `threshold` or more (none without a classifier)."""
    if model is None:
        return []
    cues = []
    for tok in doc:
        if tok.pos_ != "NOUN" or in_quote[tok.i]:
            continue
        cue = noun_cue(tok)
        if cue is not None:
            p = model.probability(tok, in_quote)
            if p >= threshold:
                cues.append(replace(cue, p=p))
    return cues
