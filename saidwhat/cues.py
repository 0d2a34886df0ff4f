"""Cues: the words that signal an attribution (said, told, according to, believes, …)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

# Lemmas whose attributions are beliefs, intentions or plans rather than speech.
THOUGHT_LEMMAS = frozenset(
    "believe think expect plan want hope fear feel consider doubt intend worry suspect "
    "assume wish know understand regard seem appear see view imagine guess reckon trust "
    "estimate figure predict anticipate aim seek decide".split()
)
# Fallback lexicon used when no trained lexicon ships (and always merged in).
SPEECH_LEMMAS = frozenset(
    "say tell add note argue suggest warn insist deny claim state explain announce "
    "report write tweet declare acknowledge admit confirm recall reply respond answer "
    "ask urge promise pledge vow predict concede contend assert maintain allege complain "
    "remark observe stress emphasize caution point continue describe call praise criticize "
    "accuse blame charge mention reveal disclose indicate testify propose recommend "
    "counter quip joke boast concede demand declare question wonder"
    .split()
)
MIN_CUE_PROBABILITY = 0.2


@dataclass(frozen=True)
class Cue:
    """A cue: its head token and every token of the cue phrase, and speech vs thought."""

    head: int
    tokens: tuple[int, ...]
    type: str  # speech | thought


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Cue lemma -> probability that a verb with this lemma is a cue (trained on PolNeAR train)."""
    try:
        data = json.loads(resources.files("saidwhat.data").joinpath("cues.json").read_text())
        learned = {k: float(v["p"]) for k, v in data["lemmas"].items()}
    except (FileNotFoundError, ModuleNotFoundError, KeyError):
        learned = {}
    for lemma in SPEECH_LEMMAS | THOUGHT_LEMMAS:
        learned.setdefault(lemma, 0.5)
    return learned


def cue_type(lemma: str) -> str:
    """speech or thought, by the cue's lemma."""
    return "thought" if lemma in THOUGHT_LEMMAS else "speech"


def _phrase(tok: Token) -> tuple[int, ...]:
    """The cue phrase of a cue verb: the verb and its particle (point out, call for)."""
    ids = [tok.i]
    ids += [c.i for c in tok.children if c.dep_ == "prt"]
    return tuple(sorted(ids))


def is_according_to(tok: Token) -> bool:
    """The 'according' of 'according to X'."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def is_cue_verb(tok: Token, inside_quote: bool) -> bool:
    """A verb whose lemma is a likely cue, outside quoted text, with a complement or subject."""
    if inside_quote or tok.pos_ not in ("VERB", "AUX") or tok.pos_ == "AUX" and tok.dep_ == "aux":
        return False
    p = lexicon().get(tok.lemma_.lower(), 0.0)
    if p < MIN_CUE_PROBABILITY:
        return False
    return tok.dep_ not in ("amod", "compound", "aux", "auxpass")


def find_cues(doc: Doc, in_quote: list[bool]) -> list[Cue]:
    """Every cue in the doc, in order; `in_quote[i]` says whether token i is quoted text."""
    cues: list[Cue] = []
    for tok in doc:
        if is_according_to(tok) and not in_quote[tok.i]:
            cues.append(Cue(tok.i, (tok.i, tok.i + 1), "speech"))
        elif is_cue_verb(tok, in_quote[tok.i]):
            cues.append(Cue(tok.i, _phrase(tok), cue_type(tok.lemma_.lower())))
    return cues
