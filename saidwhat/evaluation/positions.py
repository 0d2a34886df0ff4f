"""Score predicted positions against the hand-made positions gold (`data/positions/README.md`).

Within each article, predictions pair one-to-one with gold relations, greedily by similarity
(shared content words of target and topic over their union). Names match when equal after
lower-casing and dropping punctuation and titles, when their last words are equal, or when every
word of the shorter is in the longer. A stance matches on source, polarity and a shared content
word of target or topic; an agree/disagree on the unordered pair, the label and a shared content
word of the topic. Precision, recall and F1 per relation family (stance; agree/disagree).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from saidwhat.records import Article

TITLE_WORDS = frozenset("mr mrs ms dr the sen rep gov president".split())
FAMILIES = {"stance": "stance", "agree": "pair", "disagree": "pair"}


@dataclass(frozen=True)
class Relation:
    """One stance or agree/disagree line of one article, gold or predicted."""

    article: str
    relation: str
    a: str  # stance: source; pair: one speaker
    b: str  # stance: target; pair: the other speaker
    polarity: str
    topic: str

    @classmethod
    def from_dict(cls, article: str, d: Mapping[str, Any]) -> Relation:
        """From a gold line or a record's position."""
        if d["relation"] == "stance":
            return cls(article, "stance", d.get("source") or "", d.get("target") or "",
                       d.get("polarity") or "", d.get("topic") or "")
        return cls(article, d["relation"], d.get("a") or "", d.get("b") or "", "",
                   d.get("topic") or "")


@dataclass
class Counts:
    """True positives, predictions and gold lines of one family."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that match."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold lines found."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """JSON-ready figures."""
        return {**asdict(self), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class PositionScores:
    """Scores per family, and the matched/missed/false lines for reading errors."""

    stance: Counts = field(default_factory=Counts)
    pair: Counts = field(default_factory=Counts)
    articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready scores."""
        return {"articles": self.articles, "stance": self.stance.to_dict(),
                "agree_disagree": self.pair.to_dict()}


def words(text: str) -> list[str]:
    """Lower-cased words of a name or phrase."""
    return re.findall(r"[a-z0-9]+", text.lower())


def content_words(text: str) -> set[str]:
    """Words of 3+ letters that are not stop words."""
    return {w for w in words(text) if len(w) >= 3 and w not in STOP_WORDS}


def names_match(x: str, y: str) -> bool:
    """The gold's name match: equal without titles, same last word, or one inside the other."""
    wx = [w for w in words(x) if w not in TITLE_WORDS]
    wy = [w for w in words(y) if w not in TITLE_WORDS]
    if not wx or not wy:
        return False
    if wx == wy or wx[-1] == wy[-1]:
        return True
    short, long_ = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return all(w in long_ for w in short)


def similarity(p: Relation, g: Relation) -> float:
    """Shared content words of target and topic over their union."""
    pw = content_words(f"{p.b if p.relation == 'stance' else ''} {p.topic}")
    gw = content_words(f"{g.b if g.relation == 'stance' else ''} {g.topic}")
    return len(pw & gw) / len(pw | gw) if pw | gw else 0.0


def matches(p: Relation, g: Relation) -> bool:
    """Whether a prediction counts as finding a gold line."""
    if FAMILIES[p.relation] != FAMILIES[g.relation] or p.relation != g.relation:
        return False
    if p.relation == "stance":
        return (names_match(p.a, g.a) and p.polarity == g.polarity
                and bool(content_words(f"{p.b} {p.topic}") & content_words(f"{g.b} {g.topic}")))
    pair = (names_match(p.a, g.a) and names_match(p.b, g.b)) or (
        names_match(p.a, g.b) and names_match(p.b, g.a))
    return pair and bool(content_words(p.topic) & content_words(g.topic))


def pair_up(predicted: list[Relation], gold: list[Relation]) -> list[tuple[Relation, Relation]]:
    """One-to-one matches, greedily by similarity."""
    candidates = sorted(((similarity(p, g), i, j) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold) if matches(p, g)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((predicted[i], gold[j]))
    return out


def read_gold(path: str | Path) -> dict[str, list[Relation]]:
    """Gold lines grouped by article. A line judged wrong (`"judged": "wrong"`, in a gold of
    judged output such as `gold/positions/unseen-pairs.jsonl`) is no gold line, but its article
    is scored, so the output it judges counts as false."""
    by_article: dict[str, list[Relation]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                lines = by_article.setdefault(d["article"], [])
                if d.get("judged", "right") != "wrong":
                    lines.append(Relation.from_dict(d["article"], d))
    return by_article


def predicted_relations(articles: Iterable[Article]) -> dict[str, list[Relation]]:
    """Predicted lines grouped by article id."""
    return {a.id: [Relation.from_dict(a.id, p.to_dict()) for p in a.positions] for a in articles}


def score(gold: Mapping[str, list[Relation]],
          predicted: Mapping[str, list[Relation]]) -> PositionScores:
    """Scores over the gold's articles (predictions for other articles are ignored)."""
    scores = PositionScores(articles=len(gold))
    for article, gold_lines in gold.items():
        preds = predicted.get(article, [])
        matched = pair_up(preds, gold_lines)
        hit_p = {id(p) for p, _ in matched}
        hit_g = {id(g) for _, g in matched}
        for family in ("stance", "pair"):
            counts: Counts = getattr(scores, family)
            counts.tp += sum(1 for p, _ in matched if FAMILIES[p.relation] == family)
            counts.predicted += sum(1 for p in preds if FAMILIES[p.relation] == family)
            counts.gold += sum(1 for g in gold_lines if FAMILIES[g.relation] == family)
        scores.errors.extend(_errors(preds, gold_lines, hit_p, hit_g))
    return scores


def _errors(preds: list[Relation], gold: list[Relation], hit_p: set[int],
            hit_g: set[int]) -> Iterator[dict[str, Any]]:
    """False positives and misses, for reading."""
    for p in preds:
        if id(p) not in hit_p:
            yield {"error": "false", **asdict(p)}
    for g in gold:
        if id(g) not in hit_g:
            yield {"error": "missed", **asdict(g)}
