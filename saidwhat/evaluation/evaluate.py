"""Scoring attributions against a corpus in PolNeAR's layout, exactly as DESIGN.md defines it.

Scores are micro precision / recall / F1 summed over gold documents, per role
(source, cue, content; exact and overlap matches) and for whole attributions.
`Scores.to_dict()`, `--json` and the table report them as percentages rounded
to one decimal (0.0–100.0).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saidwhat.evaluation.align import boundaries, carry_pieces
from saidwhat.evaluation.brat import GoldAttribution, read_ann, split_name
from saidwhat.io.mojibake import repair_mojibake
from saidwhat.records import Article, Failure, Mention, Offsets
from saidwhat.settings import Settings

ROLES = ("source", "cue", "content")
DICE_THRESHOLD = 0.5
_EXTRA_TRIM = frozenset("`´")
_SENTENCE_BREAK = re.compile(r"\n|[.!?][\"'”’»)\]]*\s")
_SENTENCE_WINDOW = 600

Positions = frozenset[int]


# --- spans --------------------------------------------------------------------------------


def _is_trimmed(char: str) -> bool:
    """Whitespace or punctuation (every Unicode P* category: quote marks, dashes, colons …)."""
    return char.isspace() or char in _EXTRA_TRIM or unicodedata.category(char).startswith("P")


def _trim_piece(text: str, start: int, end: int, strip: Callable[[str], bool]) -> range:
    """The piece's positions, clamped to the text, with `strip` characters cut from both ends."""
    start, end = max(0, start), min(len(text), end)
    while start < end and strip(text[start]):
        start += 1
    while end > start and strip(text[end - 1]):
        end -= 1
    return range(start, end)


def trim_span(text: str, pieces: Iterable[tuple[int, int]]) -> Positions:
    """Positions of a span's pieces, each trimmed of whitespace and punctuation at its ends.

    A span that is all punctuation (a colon or dash used as a cue) is trimmed of whitespace only.
    """
    pieces = tuple(pieces)
    positions: set[int] = set()
    for s, e in pieces:
        positions.update(_trim_piece(text, s, e, _is_trimmed))
    if not positions:
        for s, e in pieces:
            positions.update(_trim_piece(text, s, e, str.isspace))
    return frozenset(positions)


def dice(a: Positions, b: Positions) -> float:
    """Dice coefficient of two position sets (0.0 when both are empty)."""
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


@dataclass(frozen=True)
class Span:
    """A role span as scored: its trimmed positions and the pieces it was given as."""

    positions: Positions
    pieces: Offsets


@dataclass(frozen=True)
class Scored:
    """An attribution reduced to what scoring looks at; `source` None means no source."""

    content: Span
    cue: Span | None
    source: Span | None


def _span(text: str, pieces: Iterable[tuple[int, int]]) -> Span | None:
    """The span's trimmed form, None when nothing is left."""
    pieces = tuple(sorted((int(s), int(e)) for s, e in pieces))
    positions = trim_span(text, pieces)
    return Span(positions, pieces) if positions else None


def to_scored(
    text: str,
    content: Iterable[tuple[int, int]],
    cue: Iterable[tuple[int, int]] = (),
    source: Iterable[tuple[int, int]] = (),
) -> Scored | None:
    """An attribution ready for scoring; None (dropped) when its content trims to nothing."""
    content_span = _span(text, content)
    if content_span is None:
        return None
    return Scored(content_span, _span(text, cue), _span(text, source))


def scored_gold(text: str, attributions: Iterable[GoldAttribution]) -> list[Scored]:
    """Gold attributions of one document ready for scoring, empty-content ones dropped."""
    found = (to_scored(text, a.content, a.cue, a.source) for a in attributions)
    return [a for a in found if a is not None]


def repaired_from(text: str, article: Article) -> bool:
    """True when the article's text is `text` with its mis-decoded characters repaired, as
    `saidwhat extract` reads a file holding "TomÃ¡s" (the gold was made on the raw text)."""
    return article.text != text and repair_mojibake(text)[0] == article.text


def scored_on(text: str, article: Article) -> list[Scored] | None:
    """A predicted article's attributions scored on the gold `text`: as they are when the texts
    match, carried through a character alignment when the article's text is `text` repaired,
    None when the texts differ otherwise."""
    if article.text == text:
        return scored_predictions(article)
    if not repaired_from(text, article):
        return None
    maps = boundaries(article.text, text)

    def carried(mention: Mention | None) -> tuple[tuple[int, int], ...]:
        return carry_pieces(mention.spans, maps) if mention is not None else ()

    found = (to_scored(text, carried(a.content), carried(a.cue), carried(a.source))
             for a in article.attributions)
    return [a for a in found if a is not None]


def scored_predictions(article: Article) -> list[Scored]:
    """A predicted article's attributions ready for scoring, empty-content ones dropped."""
    found = (
        to_scored(
            article.text,
            a.content.spans,
            a.cue.spans if a.cue else (),
            a.source.spans if a.source else (),
        )
        for a in article.attributions
    )
    return [a for a in found if a is not None]


def role_spans(attributions: Iterable[Scored], role: str) -> list[Span]:
    """A role's distinct spans in one document, each position set once, in first-seen order."""
    seen: dict[Positions, Span] = {}
    for a in attributions:
        span = getattr(a, role)
        if span is not None and span.positions not in seen:
            seen[span.positions] = span
    return list(seen.values())


def pair(
    gold: Sequence[Positions],
    predicted: Sequence[Positions],
    allowed: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs of overlapping spans, greedily by largest overlap.

    Ties go to the higher Dice (so an identical span beats a superset), then to input order.
    `allowed` can veto a pair.
    """
    candidates = []
    for i, g in enumerate(gold):
        if not g:
            continue
        g_lo, g_hi = min(g), max(g)
        for j, p in enumerate(predicted):
            if not p or max(p) < g_lo or min(p) > g_hi:
                continue
            shared = len(g & p)
            if shared and (allowed is None or allowed(i, j)):
                candidates.append((-shared, -dice(g, p), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


# --- counts and scores --------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Gold, predicted and matched counts, and the micro scores (fractions 0..1) they give."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.gold + other.gold, self.predicted + other.predicted,
                      self.matched + other.matched)

    @property
    def p(self) -> float:
        """Precision."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        """Recall."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.gold + self.predicted
        return 2 * self.matched / total if total else 0.0

    def to_dict(self) -> dict[str, float]:
        """Precision, recall and F1 as percentages with one decimal."""
        return {"p": _pct(self.p), "r": _pct(self.r), "f1": _pct(self.f1)}


def _pct(x: float) -> float:
    """A fraction as a percentage rounded to one decimal."""
    return round(100 * x, 1)


@dataclass(frozen=True)
class RoleScores:
    """One role's counts under exact and under overlap matching."""

    exact: Counts = Counts()
    overlap: Counts = Counts()

    def __add__(self, other: RoleScores) -> RoleScores:
        return RoleScores(self.exact + other.exact, self.overlap + other.overlap)

    def to_dict(self) -> dict[str, dict[str, float]]:
        """Percentages under both matchings."""
        return {"exact": self.exact.to_dict(), "overlap": self.overlap.to_dict()}


@dataclass(frozen=True)
class Scores:
    """Scores over a set of gold documents."""

    documents: int = 0
    source: RoleScores = RoleScores()
    cue: RoleScores = RoleScores()
    content: RoleScores = RoleScores()
    attribution: Counts = Counts()

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.documents + other.documents,
            self.source + other.source,
            self.cue + other.cue,
            self.content + other.content,
            self.attribution + other.attribution,
        )

    def to_dict(self) -> dict[str, Any]:
        """The `--json` layout: percentages with one decimal."""
        return {
            "documents": self.documents,
            **{role: getattr(self, role).to_dict() for role in ROLES},
            "attribution": self.attribution.to_dict(),
        }


@dataclass(frozen=True)
class Mistake:
    """A false positive or false negative, for `--errors`."""

    doc: str
    annotator: str
    role: str  # source | cue | content | attribution
    kind: str  # fp | fn
    text: str
    spans: Offsets
    sentence: str
    overlaps: str | None = None  # for a role span: the other side's span it overlapped, if any
    source: str | None = None  # for an attribution: its source and cue
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        d: dict[str, Any] = {
            "doc": self.doc, "annotator": self.annotator, "role": self.role, "kind": self.kind,
            "text": self.text, "spans": [list(p) for p in self.spans], "sentence": self.sentence,
        }
        if self.role == "attribution":
            d.update(source=self.source, cue=self.cue)
        else:
            d["overlaps"] = self.overlaps
        return d


def _piece_text(text: str, pieces: Offsets) -> str:
    """The text of a span's pieces, joined like Mention text."""
    return " … ".join(text[s:e] for s, e in pieces)


def sentence_around(text: str, start: int, end: int) -> str:
    """The text from the sentence end or newline before `start` to the one after `end`."""
    lo = max(0, start - _SENTENCE_WINDOW)
    left = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        left = m.end()
    m = _SENTENCE_BREAK.search(text, max(end, left), min(len(text), end + _SENTENCE_WINDOW))
    right = (m.start() + (0 if m.group() == "\n" else len(m.group().rstrip())) if m
             else min(len(text), end + _SENTENCE_WINDOW))
    return " ".join(text[left:right].split())


@dataclass(frozen=True)
class _Side:
    """One side (gold or predicted) of a document comparison."""

    text: str
    attributions: list[Scored]


def _role_counts(
    role: str, gold: _Side, pred: _Side, comparable: bool, report: Callable[..., None] | None
) -> RoleScores:
    """Exact and overlap counts for one role in one document, mistakes reported."""
    g_spans, p_spans = role_spans(gold.attributions, role), role_spans(pred.attributions, role)
    pairs: list[tuple[int, int]] = []
    if comparable:
        pairs = pair([s.positions for s in g_spans], [s.positions for s in p_spans])
    exact = [(i, j) for i, j in pairs if g_spans[i].positions == p_spans[j].positions]
    scores = RoleScores(
        exact=Counts(len(g_spans), len(p_spans), len(exact)),
        overlap=Counts(len(g_spans), len(p_spans), len(pairs)),
    )
    if report is not None:
        g_partner = {i: j for i, j in pairs}
        p_partner = {j: i for i, j in pairs}
        exact_g = {i for i, _ in exact}
        exact_p = {j for _, j in exact}
        for i, span in enumerate(g_spans):
            if i not in exact_g:
                other = p_spans[g_partner[i]].pieces if i in g_partner else None
                report(role, "fn", gold.text, span, overlaps=_maybe(pred.text, other))
        for j, span in enumerate(p_spans):
            if j not in exact_p:
                other = g_spans[p_partner[j]].pieces if j in p_partner else None
                report(role, "fp", pred.text, span, overlaps=_maybe(gold.text, other))
    return scores


def _maybe(text: str, pieces: Offsets | None) -> str | None:
    """The pieces' text, or None."""
    return None if pieces is None else _piece_text(text, pieces)


def _same_source(a: Scored, b: Scored) -> bool:
    """Sources match exactly, or neither attribution has one."""
    if a.source is None or b.source is None:
        return a.source is None and b.source is None
    return a.source.positions == b.source.positions


def _attribution_counts(
    gold: _Side, pred: _Side, comparable: bool, report: Callable[..., None] | None
) -> Counts:
    """Joint attribution counts for one document: content Dice ≥ 0.5 and the same source."""
    g, p = gold.attributions, pred.attributions
    pairs: list[tuple[int, int]] = []
    if comparable:
        pairs = pair(
            [a.content.positions for a in g],
            [a.content.positions for a in p],
            allowed=lambda i, j: (dice(g[i].content.positions, p[j].content.positions)
                                  >= DICE_THRESHOLD and _same_source(g[i], p[j])),
        )
    if report is not None:
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, a in enumerate(g):
            if i not in matched_g:
                report("attribution", "fn", gold.text, a.content, attribution=a)
        for j, a in enumerate(p):
            if j not in matched_p:
                report("attribution", "fp", pred.text, a.content, attribution=a)
    return Counts(len(g), len(p), len(pairs))


def score_document(
    text: str,
    gold: Iterable[GoldAttribution],
    prediction: Article | None,
    mistakes: list[Mistake] | None = None,
    name: str = "",
    annotator: str = "",
) -> Scores:
    """Scores of one gold document against the prediction for its text (None: nothing predicted).

    A prediction whose text differs from the gold text (other than by a mojibake repair,
    carried back by `scored_on`) scores as all-missed. With `mistakes`,
    every false positive and false negative is appended to it.
    """
    gold_side = _Side(text, scored_gold(text, gold))
    if prediction is None:
        pred_side, comparable = _Side(text, []), True
    else:
        carried = scored_on(text, prediction)
        comparable = carried is not None
        pred_side = (_Side(text, carried) if carried is not None
                     else _Side(prediction.text, scored_predictions(prediction)))
    report = None
    if mistakes is not None:
        def report(role: str, kind: str, side_text: str, span: Span, overlaps: str | None = None,
                   attribution: Scored | None = None) -> None:
            source = cue = None
            if attribution is not None:
                source = _maybe(side_text, attribution.source and attribution.source.pieces)
                cue = _maybe(side_text, attribution.cue and attribution.cue.pieces)
            mistakes.append(Mistake(
                doc=name, annotator=annotator, role=role, kind=kind,
                text=_piece_text(side_text, span.pieces), spans=span.pieces,
                sentence=sentence_around(side_text, min(span.positions), max(span.positions) + 1),
                overlaps=overlaps, source=source, cue=cue,
            ))

    roles = {role: _role_counts(role, gold_side, pred_side, comparable, report) for role in ROLES}
    joint = _attribution_counts(gold_side, pred_side, comparable, report)
    return Scores(documents=1, attribution=joint, **roles)


# --- gold corpus --------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldDocument:
    """One `.ann` file with the text it annotates."""

    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    origin: str
    text_origin: str = field(default="", compare=False)


def read_text(path: Path) -> str:
    """A text file decoded as `saidwhat extract` reads it, unchanged, so offsets line up."""
    from saidwhat.io.readers.decode import decode

    text, _, problem = decode(path.read_bytes())
    if text is None:
        raise ValueError(problem or "cannot decode")
    return text


def _layout(gold_dir: Path) -> tuple[Path, Path]:
    """Where `.ann` files and texts are: PolNeAR's attributions/ and text/, else GOLD_DIR itself."""
    ann_dir, text_dir = gold_dir / "attributions", gold_dir / "text"
    return (ann_dir if ann_dir.is_dir() else gold_dir,
            text_dir if text_dir.is_dir() else gold_dir)


def load_gold(gold_dir: str | Path) -> tuple[list[GoldDocument], list[str]]:
    """Every `.ann` file under GOLD_DIR paired with its text, and one-line problem reports."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ValueError(f"{gold_dir}: not a directory")
    ann_dir, text_dir = _layout(gold_dir)
    docs: list[GoldDocument] = []
    problems: list[str] = []
    texts: dict[Path, str] = {}
    for ann_path in sorted(ann_dir.glob("*.ann")):
        name, annotator = split_name(ann_path)
        text_path = text_dir / f"{name}.txt"
        if not text_path.is_file() and (text_dir / f"{ann_path.stem}.txt").is_file():
            name, annotator = ann_path.stem, ""  # brat's own layout: NAME.ann next to NAME.txt
            text_path = text_dir / f"{name}.txt"
        if text_path not in texts:
            try:
                texts[text_path] = read_text(text_path)
            except (OSError, ValueError) as exc:
                problems.append(f"{ann_path}: skipped, cannot read its text {text_path}: {exc}")
                continue
        text = texts[text_path]
        annotation = read_ann(ann_path, text)
        problems.extend(annotation.problems)
        docs.append(GoldDocument(name, annotator, text, annotation.attributions, str(ann_path),
                                 str(text_path)))
    return docs, problems


def gold_articles(docs: Iterable[GoldDocument]) -> list[Article]:
    """One Article per distinct gold text, its body the whole text (nothing annotated excluded)."""
    from saidwhat.io.readers.text import first_line

    seen: dict[str, Article] = {}
    for d in docs:
        if d.name not in seen:
            seen[d.name] = Article(id=d.name, text=d.text, title=first_line(d.text),
                                   body=((0, len(d.text)),), origin=d.text_origin or d.origin)
    return list(seen.values())


# --- scoring a corpus -----------------------------------------------------------------------


def evaluate(
    docs: Iterable[GoldDocument],
    predictions: Mapping[str, Article],
    mistakes: list[Mistake] | None = None,
) -> Scores:
    """Scores over gold documents, each against the prediction with its name (missing: none)."""
    total = Scores()
    for d in docs:
        total += score_document(d.text, d.attributions, predictions.get(d.name), mistakes,
                                d.name, d.annotator)
    return total


def score(gold_dir: str | Path, articles: Iterable[Article]) -> Scores:
    """Scores of predicted articles (matched by id to NAME) against every `.ann` under GOLD_DIR."""
    docs, _ = load_gold(gold_dir)
    predictions: dict[str, Article] = {}
    for a in articles:
        predictions.setdefault(a.id, a)
    return evaluate(docs, predictions)


def read_predictions(
    path: str | Path, wanted: set[str] | None = None
) -> tuple[dict[str, Article], list[str]]:
    """Predicted articles from saved records (JSONL or Parquet), keyed by id, and problems."""
    from saidwhat.io.saved import read_saved

    predictions: dict[str, Article] = {}
    problems: list[str] = []
    unknown = 0
    for article, _ in read_saved(path):
        if isinstance(article, Failure):
            problems.append(str(article))
        elif wanted is not None and article.id not in wanted:
            unknown += 1
        elif article.id in predictions:
            problems.append(f"{article.origin}: duplicate id {article.id!r}, first one kept")
        else:
            predictions[article.id] = article
    if unknown:
        problems.append(f"{path}: {unknown} record(s) with an id not in the gold set, ignored")
    return predictions, problems


def extract_predictions(
    docs: Sequence[GoldDocument], model: str | None, workers: int | None, progress: bool,
    settings: Settings | None = None,
) -> tuple[dict[str, Article], list[str]]:
    """Run extraction over the gold texts; failures become problems (their documents all-missed)."""
    from saidwhat.run.runners import process

    articles = gold_articles(docs)
    predictions: dict[str, Article] = {}
    problems: list[str] = []
    for item in process(articles, model=model, workers=workers, progress=progress,
                        settings=settings):
        if isinstance(item, Failure):
            problems.append(str(item))
        else:
            predictions[item.id] = item
    return predictions, problems


def coverage_problems(
    docs: Iterable[GoldDocument], predictions: Mapping[str, Article]
) -> list[str]:
    """One line each for gold texts with no prediction and predictions of a different text."""
    texts = {d.name: d.text for d in docs}
    missing = [name for name in texts if name not in predictions]
    differ = [name for name, text in texts.items()
              if name in predictions and predictions[name].text != text
              and not repaired_from(text, predictions[name])]
    problems = []
    if missing:
        problems.append(f"{len(missing)} gold text(s) have no prediction, scored as all-missed "
                        f"(first: {missing[0]})")
    if differ:
        problems.append(f"{len(differ)} prediction(s) have a text that differs from the gold text, "
                        f"scored as all-missed (first: {differ[0]})")
    return problems


# --- command line -------------------------------------------------------------------------


def write_mistakes(path: str | Path, mistakes: Iterable[Mistake]) -> int:
    """Write mistakes as JSONL; returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for m in mistakes:
            f.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n

