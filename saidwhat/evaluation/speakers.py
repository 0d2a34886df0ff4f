"""Scoring speaker resolution: GUM coreference (named referents) and the PolNeAR dev speaker gold.

GUM: every third-person pronoun and every common-noun mention whose gold chain holds a name
earlier in the document is resolved at its place in the article; it is covered when the
resolver names someone, right when that name fits one of the chain's names. PolNeAR: every
hand-resolved source span of `gold/speakers/polnear-dev/*.json` is resolved as a source; per
kind (name, pronoun, description) coverage and accuracy over sources with a named referent,
and how many sources without one (anonymous, generic) were resolved to a named person.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.data.names import TITLES
from saidwhat.engine.speakers.clusters import ArticleIndex
from saidwhat.engine.speakers.mentions import THIRD_PERSON, norm_word
from saidwhat.engine.speakers.ranker import Ranker
from saidwhat.engine.speakers.resolve import SHIPPED, resolve_mentions
from saidwhat.evaluation.gum import GumDocument, GumMention
from saidwhat.records import Speaker
from saidwhat.settings import Settings

KINDS = ("pronoun", "nominal", "description", "name")


@dataclass
class KindScore:
    """Counts for one kind of mention."""

    total: int = 0
    resolved: int = 0
    right: int = 0
    anonymous: int = 0  # mentions with no named referent
    anonymous_named: int = 0  # ... that were resolved to a named person

    @property
    def coverage(self) -> float:
        """Share of mentions with a named referent that were resolved."""
        return self.resolved / self.total if self.total else 0.0

    @property
    def accuracy(self) -> float:
        """Share of resolved mentions resolved to the right referent."""
        return self.right / self.resolved if self.resolved else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and percentages."""
        return {"total": self.total, "resolved": self.resolved, "right": self.right,
                "coverage": round(100 * self.coverage, 1),
                "accuracy": round(100 * self.accuracy, 1),
                "anonymous": self.anonymous, "anonymous_named": self.anonymous_named}


@dataclass
class SpeakerScores:
    """Scores per kind, plus the mistakes for reading."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    def kind(self, name: str) -> KindScore:
        """The counts of one kind, created on first use."""
        return self.kinds.setdefault(name, KindScore())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready scores per kind."""
        return {k: v.to_dict() for k, v in self.kinds.items()}


def name_words(name: str) -> list[str]:
    """A name's lowercased words without titles, possessives and punctuation."""
    words = [norm_word(w) for w in re.split(r"[\s\-]+", name)]
    words = [w.strip(".,;:()") for w in words if w]
    while len(words) > 1 and words[0] in TITLES | {"the"}:
        words.pop(0)
    return [w for w in words if w]


def same_referent(predicted: str, gold: str) -> bool:
    """Whether a predicted name names the gold referent: one's words inside the other's and the
    same last word ("Obama" ~ "Barack Obama", not "Clinton" ~ "Clinton campaign")."""
    p, g = name_words(predicted), name_words(gold)
    if not p or not g or p[-1] != g[-1]:
        return False
    return set(p) <= set(g) or set(g) <= set(p)


def group_members(name: str) -> list[str]:
    """The names a group's name lists ("Donald Trump, Ben Carson and Carly Fiorina" -> three),
    or the name alone."""
    return [m for m in re.split(r",\s*(?:and\s+)?|\s+and\s+", name) if m.strip()]


def same_group(predicted: str, gold: str) -> bool:
    """Whether two names list the same people in any order ("Sanders and Clinton" ~ "Hillary
    Clinton and Bernie Sanders"): a group has no order; each name is matched by same_referent."""
    p, g = group_members(predicted), group_members(gold)
    if len(p) < 2 or len(p) != len(g):
        return False
    return all(any(same_referent(a, b) for b in g) for a in p) and all(
        any(same_referent(a, b) for a in p) for b in g)


def is_resolved(speaker: Speaker | None) -> bool:
    """Whether the resolver named someone (not the mention itself, nor an ambiguous surname)."""
    return (speaker is not None and speaker.resolved_by not in ("none", "ambiguous")
            and speaker.type != "OTHER")


# --------------------------------------------------------------------------- GUM


@dataclass(frozen=True)
class GumTarget:
    """A GUM mention to resolve: its span, kind and the names of its chain before it."""

    span: Span
    kind: str
    names: tuple[str, ...]


def lower_case_words(doc: Doc) -> set[str]:
    """Every alphabetic word the document writes in lower case somewhere ("mice", "tax")."""
    return {t.text for t in doc if t.is_alpha and t.text.islower()}


def _is_name(span: Span, common: set[str] | frozenset[str] = frozenset()) -> bool:
    """A gold mention that is a proper name: its head is a capitalised proper noun, and not
    every word of its name is one the document also writes in lower case (`common`): a
    heading's "Mice", an interview's "Tax" or "Governor", an essay's "Us" are common words
    capitalised, not names; "Civil War" beside "the war" still is one."""
    root = span.root
    if root.pos_ != "PROPN" or root.lower_ in THIRD_PERSON or not root.text[:1].isupper():
        return False
    words = [w for w in name_text(span).split() if w.isalpha()]
    return not words or any(w.lower() not in common for w in words)


def name_text(span: Span) -> str:
    """The proper-noun run around a name mention's head ("Mary Chaworth , whom he met …" ->
    "Mary Chaworth")."""
    root = span.root
    start = end = root.i
    while start > span.start and span.doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < span.end and span.doc[end + 1].pos_ == "PROPN":
        end += 1
    return span.doc[start : end + 1].text


def gum_targets(doc: Doc, gold: GumDocument, unnamed: bool = False,
                capitalised: bool = False) -> list[GumTarget]:
    """Pronouns and common-noun mentions whose chain has a name (`_is_name`) earlier in the
    document (with `unnamed`, also those whose chain has none: their `names` is empty; with
    `capitalised`, a capitalised common word counts as a name, as the resolver's training
    reads GUM: "the trial court" -> "Federal Circuit Court" for a chain named "Court")."""
    spans: list[tuple[GumMention, Span]] = []
    for m in gold.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append((m, span))
    names: dict[int, list[str]] = {}
    out: list[GumTarget] = []
    common = set() if capitalised else lower_case_words(doc)
    for m, span in spans:
        root = span.root
        earlier = names.get(m.cluster, [])
        if _is_name(span, common):
            names.setdefault(m.cluster, []).append(name_text(span))
        elif not earlier and not unnamed:
            continue
        elif len(span) == 1 and root.lower_ in THIRD_PERSON:
            out.append(GumTarget(span, "pronoun", tuple(earlier)))
        elif root.pos_ == "NOUN":
            out.append(GumTarget(span, "nominal", tuple(earlier)))
    return out


def score_gum_document(nlp: Language, gold: GumDocument, scores: SpeakerScores,
                       sources_of: Any = None, settings: Settings | None = None) -> None:
    """Resolve one GUM document's targets and add them to the scores."""
    doc = nlp(gold.text)
    score_gum_parsed(doc, gold, scores, sources_of(doc) if sources_of else [], settings)


def score_gum_parsed(doc: Doc, gold: GumDocument, scores: SpeakerScores,
                     sources: Sequence[Span | None] = (), settings: Settings | None = None,
                     ranker: Ranker | None | str = SHIPPED,
                     observe: Callable[[ArticleIndex, int, Span], None] | None = None,
                     ) -> list[tuple[GumTarget, bool, bool]]:
    """Resolve the targets of a parsed GUM document with its `sources` found (the ranker, and
    `observe`, as for resolve_mentions), add them to the scores, and return each target with
    whether it was resolved and whether rightly."""
    targets = gum_targets(doc, gold)
    _, speakers = resolve_mentions(doc, sources, [t.span for t in targets], settings,
                                   ranker=ranker, observe=observe)
    out: list[tuple[GumTarget, bool, bool]] = []
    for target, speaker in zip(targets, speakers, strict=True):
        k = scores.kind(target.kind)
        k.total += 1
        if not is_resolved(speaker):
            out.append((target, False, False))
            continue
        k.resolved += 1
        right = any(same_referent(speaker.name, n) for n in target.names)
        out.append((target, True, right))
        if right:
            k.right += 1
        else:
            scores.mistakes.append({"doc": gold.name, "kind": target.kind,
                                    "mention": target.span.text, "predicted": speaker.name,
                                    "gold": sorted(set(target.names))})
    return out


def score_gum(nlp: Language, docs: Iterable[GumDocument], sources_of: Any = None,
              settings: Settings | None = None) -> SpeakerScores:
    """Scores over GUM documents (speakers resolved with `settings`)."""
    scores = SpeakerScores()
    for gold in docs:
        score_gum_document(nlp, gold, scores, sources_of, settings)
    return scores


# --------------------------------------------------------------------------- PolNeAR gold


PERSONLESS = ("ORG", "GROUP", "DOCUMENT")


def right_speaker(speaker: Speaker, referent: str, referent_type: str) -> bool:
    """Whether a resolved speaker is the gold referent (an organisation is not its person)."""
    if referent_type in PERSONLESS and speaker.type == "PERSON":
        return False
    if referent_type == "PERSON" and speaker.type not in ("PERSON", "GROUP"):
        return False
    if same_referent(speaker.name, referent):
        return True
    if referent_type == "GROUP" and same_group(speaker.name, referent):
        return True
    return referent_type == "DOCUMENT" and speaker.type == "DOCUMENT" and same_referent(
        document_head(speaker.name), document_head(referent))


def document_head(name: str) -> str:
    """A document's name without what follows its head noun ("Washington Post feature by
    Stephanie McCrummen" -> "Washington Post feature", "average of polls" -> "average"), so a
    document is matched on its kind and issuer as an organisation is on its last word."""
    return re.split(r"\s+(?:by|of|from|on|about)\s+", name, maxsplit=1)[0]


def score_polnear_document(doc: Doc, gold: dict[str, Any], scores: SpeakerScores,
                           settings: Settings | None = None) -> None:
    """Resolve one article's gold source spans and add them to the scores."""
    sources = [doc.char_span(s["span"][0], s["span"][1], alignment_mode="expand")
               for s in gold["sources"]]
    speakers = resolve_mentions(doc, sources, settings=settings)[0]
    for src, span, speaker in zip(gold["sources"], sources, speakers, strict=True):
        k = scores.kind(src["kind"])
        referent = src["referent"]
        if referent is None:
            k.anonymous += 1
            if speaker is not None and is_resolved(speaker) and speaker.type == "PERSON":
                k.anonymous_named += 1
                scores.mistakes.append(_mistake(gold, src, span, speaker))
            continue
        k.total += 1
        if speaker is None or not is_resolved(speaker):
            continue
        k.resolved += 1
        if right_speaker(speaker, referent, src["referent_type"]):
            k.right += 1
        else:
            scores.mistakes.append(_mistake(gold, src, span, speaker))


def _mistake(gold: dict[str, Any], src: dict[str, Any], span: Span | None,
             speaker: Speaker) -> dict[str, Any]:
    """One wrong resolution, for reading."""
    return {"doc": gold["doc"], "kind": src["kind"], "span": src["span"],
            "mention": span.text if span is not None else None, "predicted": speaker.name,
            "predicted_type": speaker.type, "gold": src["referent"],
            "gold_type": src["referent_type"]}


def read_speaker_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Every speaker gold file of a folder, sorted by name."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise ValueError(f"{gold_dir}: no speaker gold files (*.json)")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def score_polnear(nlp: Language, golds: Sequence[dict[str, Any]], text_dir: str | Path,
                  settings: Settings | None = None) -> SpeakerScores:
    """Scores over PolNeAR articles with hand-made speaker gold (resolved with `settings`)."""
    scores = SpeakerScores()
    for gold in golds:
        path = Path(text_dir) / f"{gold['doc']}.txt"
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        doc.user_data["saidwhat_text"] = text
        score_polnear_document(doc, gold, scores, settings)
    return scores
