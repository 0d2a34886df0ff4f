"""The record format of DESIGN.md as frozen dataclasses, with JSON-ready dict conversion."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

Offsets = tuple[tuple[int, int], ...]

KINDS = ("direct", "indirect", "mixed")
TYPES = ("speech", "thought")
RESOLVED_BY = ("name", "alias", "pronoun", "nominal", "ambiguous", "none")
# "ambiguous": a bare surname two people of the article share ("Murphy" beside Chris and
# Patrick Murphy): the speaker says so rather than guess one of them
RELATIONS = ("stance", "agree", "disagree")
POLARITIES = ("support", "oppose")


def slugify(text: str) -> str:
    """A lowercase ASCII slug, the form of every speaker id: "Joe Biden" -> "joe-biden"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "unknown"


@dataclass(frozen=True)
class Mention:
    """A piece of text given as one or more character spans into the article text."""

    text: str
    spans: Offsets

    @classmethod
    def from_spans(cls, text: str, spans: Iterable[tuple[int, int]]) -> Mention:
        """Build a mention from spans, reading its text from the article text."""
        pieces = tuple(sorted((int(s), int(e)) for s, e in spans if e > s))
        return cls(text=" … ".join(text[s:e] for s, e in pieces), spans=pieces)

    @property
    def start(self) -> int:
        """First character offset."""
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        """Offset one past the last character."""
        return self.spans[-1][1] if self.spans else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"text": self.text, "spans": [list(p) for p in self.spans]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Mention | None:
        """Inverse of to_dict; None stays None."""
        if d is None:
            return None
        return cls(text=d.get("text", ""), spans=tuple((int(s), int(e)) for s, e in d["spans"]))


@dataclass(frozen=True)
class Speaker:
    """Who a source mention refers to, and how that was decided."""

    name: str
    id: str
    type: str = "PERSON"  # PERSON | ORG | GPE | NORP | GROUP | DOCUMENT | OTHER
    resolved_by: str = "name"  # one of RESOLVED_BY

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "name": self.name,
            "id": self.id,
            "type": self.type,
            "resolved_by": self.resolved_by,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Speaker | None:
        """Inverse of to_dict; None stays None."""
        if d is None:
            return None
        return cls(
            name=d["name"],
            id=d.get("id", ""),
            type=d.get("type", "PERSON"),
            resolved_by=d.get("resolved_by", "name"),
        )


@dataclass(frozen=True)
class Attribution:
    """One attribution: content said or thought, its cue, its source mention and speaker."""

    kind: str  # direct | indirect | mixed
    type: str  # speech | thought
    content: Mention
    cue: Mention | None
    source: Mention | None
    speaker: Speaker | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the DESIGN.md layout."""
        return {
            "kind": self.kind,
            "type": self.type,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Attribution:
        """Inverse of to_dict."""
        content = Mention.from_dict(d["content"])
        assert content is not None
        return cls(
            kind=d.get("kind", "indirect"),
            type=d.get("type", "speech"),
            content=content,
            cue=Mention.from_dict(d.get("cue")),
            source=Mention.from_dict(d.get("source")),
            speaker=Speaker.from_dict(d.get("speaker")),
            confidence=float(d.get("confidence", 1.0)),
        )


@dataclass(frozen=True)
class Position:
    """Who backs or opposes what (a stance), or where two speakers agree or diverge.

    A stance has `source` → `target` with a `polarity`; agree/disagree has the unordered pair
    `a`, `b`. Names are resolved speaker names (targets may be issues: "the Iran nuclear deal").
    """

    relation: str  # one of RELATIONS
    topic: str
    evidence: Mention
    source: str | None = None
    target: str | None = None
    polarity: str | None = None  # one of POLARITIES, stances only
    a: str | None = None
    b: str | None = None
    explicit: bool = True  # False: derived from two stances, or inferred from an evaluation
    source_id: str | None = None  # speaker ids in the article, for linking
    a_id: str | None = None
    b_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the shape of the positions gold."""
        d: dict[str, Any] = {"relation": self.relation}
        if self.relation == "stance":
            d.update(source=self.source, source_id=self.source_id, target=self.target,
                     polarity=self.polarity)
        else:
            d.update(a=self.a, a_id=self.a_id, b=self.b, b_id=self.b_id)
        d.update(topic=self.topic, explicit=self.explicit, evidence=self.evidence.to_dict())
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Position:
        """Inverse of to_dict."""
        evidence = Mention.from_dict(d.get("evidence")) or Mention("", ())
        return cls(relation=d["relation"], topic=d.get("topic") or "", evidence=evidence,
                   source=d.get("source"), target=d.get("target"), polarity=d.get("polarity"),
                   a=d.get("a"), b=d.get("b"), explicit=bool(d.get("explicit", True)),
                   source_id=d.get("source_id"), a_id=d.get("a_id"), b_id=d.get("b_id"))


@dataclass(frozen=True)
class Article:
    """An article's text and metadata, and once processed, its attributions."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    body: Offsets = ()
    attributions: tuple[Attribution, ...] = ()
    errors: tuple[str, ...] = ()
    origin: str | None = field(default=None, compare=False)  # input file or archive it came from
    positions: tuple[Position, ...] = ()
    outlet: str | None = None  # the publisher, when the input names it (else its URL's host)
    author: str | None = None  # the byline, when the page names one: who "I" is in a column
    block_quotes: Offsets = ()  # paragraphs the page sets as block quotes (HTML <blockquote>)

    def with_attributions(self, attributions: Iterable[Attribution]) -> Article:
        """Copy with the given attributions."""
        return replace(self, attributions=tuple(attributions))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: the DESIGN.md record."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            **({"outlet": self.outlet} if self.outlet else {}),
            **({"author": self.author} if self.author else {}),
            **({"block_quotes": [list(p) for p in self.block_quotes]} if self.block_quotes else {}),
            "text": self.text,
            "body": [list(p) for p in self.body],
            "attributions": [a.to_dict() for a in self.attributions],
            "positions": [p.to_dict() for p in self.positions],
            "errors": list(self.errors),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        """Inverse of to_dict (also reads records written by the Spark runner)."""
        text = d.get("text") or ""
        body = d.get("body")
        return cls(
            id=str(d["id"]),
            text=text,
            title=d.get("title"),
            url=d.get("url"),
            published=d.get("published"),
            outlet=d.get("outlet") or None,
            author=d.get("author") or None,
            block_quotes=tuple((int(s), int(e)) for s, e in d.get("block_quotes") or ()),
            body=tuple((int(s), int(e)) for s, e in body) if body else ((0, len(text)),),
            attributions=tuple(Attribution.from_dict(a) for a in d.get("attributions") or ()),
            errors=tuple(d.get("errors") or ()),
            positions=tuple(Position.from_dict(p) for p in d.get("positions") or ()),
        )


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed: where it came from and why, in one line."""

    origin: str
    error: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.error}"
