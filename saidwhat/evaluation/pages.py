"""Scoring attributions on real HTML pages against hand-made gold in canonical-text offsets.

The gold (`gold/pages/NAME.json`) holds speaker names and character offsets into the page's
*canonical text*: bare trafilatura with fixed settings (`canonical_text`), which need not be
the text saidwhat reads from the page. Each predicted span is carried over to the canonical
text through a character alignment of the two texts, then scored:

- an attribution is right when its content overlaps a gold content with Dice ≥ 0.5 and its
  speaker is the gold speaker (`same_speaker`); "content only" drops the speaker condition;
- every prediction counts, including those outside the gold body (they can match nothing);
- pairs are one-to-one, greedily by largest overlap, as in `evaluate`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saidwhat.evaluation.align import align, map_pieces
from saidwhat.evaluation.evaluate import DICE_THRESHOLD, Counts, dice, pair, trim_span
from saidwhat.records import Article, Attribution, Failure
from saidwhat.settings import Settings

NAMED_TYPES = frozenset({"PERSON", "ORG"})  # gold speaker types that must be matched by name
_NAME_WORD = re.compile(r"[\w.-]+")
_NAME_STOP = frozenset({"the", "a", "an", "of", "and", "s", "'s", "mr", "mrs", "ms", "dr"})
NO_SPEAKER = "unspecified"


def canonical_text(html: str) -> str:
    """The page's main text as bare trafilatura extracts it with fixed settings (gold offsets)."""
    import trafilatura

    return trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True,
        include_images=False, include_formatting=False, deduplicate=False,
        favor_precision=False, favor_recall=False, with_metadata=False) or ""


def sha256(text: str) -> str:
    """Hex sha256 of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode()).hexdigest()


# --- gold ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldPageAttribution:
    """One hand-annotated attribution: offsets into the canonical text."""

    speaker: str
    speaker_type: str
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldPage:
    """A page's gold: its file name, the canonical text's hash and length, body and attributions."""

    page: str
    text_sha256: str
    chars: int
    body: tuple[tuple[int, int], ...]
    attributions: tuple[GoldPageAttribution, ...]
    origin: str


def _pieces(value: Any) -> tuple[tuple[int, int], ...]:
    """Offsets pieces from JSON ([[s, e], ...] or null)."""
    return tuple((int(s), int(e)) for s, e in value or ())


def read_gold_page(path: Path) -> GoldPage:
    """One gold file; ValueError naming the problem when it is malformed."""
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        attributions = tuple(
            GoldPageAttribution(str(a["speaker"]), str(a.get("speaker_type", "")),
                                _pieces(a.get("source")), _pieces(a.get("cue")),
                                _pieces(a["content"]))
            for a in d["attributions"])
        return GoldPage(str(d["page"]), str(d["text_sha256"]), int(d["chars"]),
                        _pieces(d.get("body")), attributions, str(path))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: bad page gold: {type(exc).__name__}: {exc}") from None


def load_gold_pages(gold_dir: str | Path) -> tuple[list[GoldPage], list[str]]:
    """Every `*.json` page gold under GOLD_DIR, and one-line problems for the unreadable ones."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ValueError(f"{gold_dir}: not a directory")
    pages, problems = [], []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            pages.append(read_gold_page(path))
        except ValueError as exc:
            problems.append(str(exc))
    return pages, problems


def with_their_pages(golds: list[GoldPage], pages_dir: Path) -> tuple[list[GoldPage], list[str]]:
    """The golds whose page is in PAGES_DIR, and a problem for each one that is not (no page
    at all, or no such folder: an error, never a score over nothing)."""
    if not pages_dir.is_dir():
        raise ValueError(f"{pages_dir}: not a directory")
    missing = [g for g in golds if not (pages_dir / g.page).is_file()]
    found = [g for g in golds if g not in missing]
    if golds and not found:
        raise ValueError(f"{pages_dir}: holds none of the gold's {len(golds)} pages")
    return found, [f"{g.origin}: page {pages_dir / g.page} not found, skipped" for g in missing]


# --- matching -----------------------------------------------------------------------------


def fold_accents(text: str) -> str:
    """Text without its diacritics ('Müller' -> 'Muller'): pages spell names both ways."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def name_words(name: str) -> frozenset[str]:
    """A name's lower-cased words without articles, titles, possessive endings and accents."""
    words = (w.lower().strip(".-")
             for w in _NAME_WORD.findall(fold_accents(name).replace("’", "'")))
    return frozenset(w.removesuffix("'s") for w in words if w and w not in _NAME_STOP)


PARTICLES = re.compile(r"\b(de|da|di|del|della|van|von|der|den|la|le|du|st\.?)\s+(?=\w)", re.I)


def name_spellings(name: str) -> set[frozenset[str]]:
    """A name's word sets under each way pages write it: umlauts as 'Müller', 'Muller' or
    'Mueller'; a surname's particle apart or run in ('de Blasio', 'DeBlasio')."""
    forms = {name, name.translate(UMLAUTS)}
    forms |= {PARTICLES.sub(r"\1", f) for f in forms}
    return {name_words(f) for f in forms}


def initials_runs(name: str) -> set[str]:
    """Initials of each run of two or more capitalised words of a name, 'of'/'and' skipped
    ('New York City Department of Environmental Protection' -> 'NYCDEP', 'DEP', 'EP', ...)."""
    caps = [w for w in _NAME_WORD.findall(name) if w[:1].isupper()]
    letters = "".join(w[0] for w in caps)
    return {letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}


def acronym_of(short: str, full: str) -> bool:
    """Whether a one-word all-capitals name abbreviates the other ('the FAA' for 'Federal
    Aviation Administration', 'DEP' for '… Department of Environmental Protection')."""
    words = [w for w in _NAME_WORD.findall(short) if w.lower() not in _NAME_STOP]
    return (len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()
            and words[0] in initials_runs(full))


def same_name(gold: str, predicted: str) -> bool:
    """Whether two names can name the same speaker: one's words hold the other's under some
    spelling ("Holtz" for "Lou Holtz", "Mueller" for "Müller"), or one abbreviates the other."""
    for g in name_spellings(gold):
        for p in name_spellings(predicted):
            if g and p and (g <= p or p <= g):
                return True
    return acronym_of(gold, predicted) or acronym_of(predicted, gold)


def same_speaker(
    gold: GoldPageAttribution,
    gold_source: frozenset[int],
    name: str | None,
    source: frozenset[int],
) -> bool:
    """Whether a prediction's speaker is the gold one.

    Named gold speakers (PERSON, ORG) need a name that `same_name` accepts, whether or not
    the gold marks a source mention (a quote the page attributes without one); other gold
    speakers (groups, documents, anonymous) also accept a predicted source overlapping the
    gold source; a gold attribution with no source accepts a prediction with no source.
    """
    named = gold.speaker != NO_SPEAKER and gold.speaker_type in NAMED_TYPES
    if named and name and same_name(gold.speaker, name):
        return True
    if gold.speaker == NO_SPEAKER or not gold.source:
        return not source or bool(gold_source & source)
    return not named and bool(gold_source & source)


@dataclass(frozen=True)
class PageScores:
    """Attribution counts with the right speaker (`attribution`) and by content alone."""

    pages: int = 0
    attribution: Counts = Counts()
    content: Counts = Counts()

    def __add__(self, other: PageScores) -> PageScores:
        return PageScores(self.pages + other.pages, self.attribution + other.attribution,
                          self.content + other.content)

    def to_dict(self) -> dict[str, Any]:
        """Percentages with one decimal, and the raw counts."""
        return {"pages": self.pages,
                **{k: {**getattr(self, k).to_dict(), "gold": getattr(self, k).gold,
                       "predicted": getattr(self, k).predicted,
                       "matched": getattr(self, k).matched}
                   for k in ("attribution", "content")}}


@dataclass(frozen=True)
class _Predicted:
    """A prediction carried to the canonical text."""

    content: frozenset[int]
    source: frozenset[int]
    name: str | None
    attribution: Attribution
    pieces: tuple[tuple[int, int], ...]


def carry(article: Article, canonical: str, mapping: Sequence[int]) -> list[_Predicted]:
    """The article's attributions in canonical-text positions (unmappable ones kept)."""
    out = []
    for a in article.attributions:
        pieces = map_pieces(a.content.spans, mapping)
        source = trim_span(canonical, map_pieces(a.source.spans, mapping)) if a.source else None
        out.append(_Predicted(trim_span(canonical, pieces), source or frozenset(),
                              a.speaker.name if a.speaker else None, a, pieces))
    return out


def score_page(
    gold: GoldPage, canonical: str, article: Article, mistakes: list[dict[str, Any]] | None = None
) -> PageScores:
    """Scores of one page's prediction against its gold."""
    mapping = align(article.text, canonical)
    predicted = carry(article, canonical, mapping)
    g_content = [trim_span(canonical, a.content) for a in gold.attributions]
    g_source = [trim_span(canonical, a.source) for a in gold.attributions]

    def content_ok(i: int, j: int) -> bool:
        return dice(g_content[i], predicted[j].content) >= DICE_THRESHOLD

    def speaker_ok(i: int, j: int) -> bool:
        p = predicted[j]
        return content_ok(i, j) and same_speaker(gold.attributions[i], g_source[i], p.name,
                                                 p.source)

    contents = [p.content for p in predicted]
    joint = pair(g_content, contents, allowed=speaker_ok)
    loose = pair(g_content, contents, allowed=content_ok)
    if mistakes is not None:
        _report(gold, canonical, predicted, joint, mistakes)
    n_gold, n_pred = len(gold.attributions), len(predicted)
    return PageScores(1, Counts(n_gold, n_pred, len(joint)), Counts(n_gold, n_pred, len(loose)))


def _report(gold: GoldPage, canonical: str, predicted: list[_Predicted],
            pairs: list[tuple[int, int]], mistakes: list[dict[str, Any]]) -> None:
    """Every unmatched gold and predicted attribution as a JSON-ready dict."""
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}

    def text_of(pieces: Iterable[tuple[int, int]]) -> str:
        return " … ".join(canonical[s:e] for s, e in pieces)

    for i, a in enumerate(gold.attributions):
        if i not in matched_g:
            mistakes.append({"page": gold.page, "kind": "fn", "speaker": a.speaker,
                             "content": text_of(a.content), "source": text_of(a.source),
                             "cue": text_of(a.cue)})
    for j, p in enumerate(predicted):
        if j not in matched_p:
            a = p.attribution
            mistakes.append({"page": gold.page, "kind": "fp", "speaker": p.name,
                             "content": text_of(p.pieces) or a.content.text,
                             "source": a.source.text if a.source else None,
                             "cue": a.cue.text if a.cue else None,
                             "confidence": a.confidence})


# --- command line -------------------------------------------------------------------------


def read_pages(paths: Sequence[Path]) -> list[Article | Failure]:
    """Each page as saidwhat reads an HTML file: its article, or the failure to read it."""
    from saidwhat.io.kinds import DEFAULT_MAX_BYTES, IngestStats, named

    html, stats = named("html"), IngestStats()
    return [item for p in paths for item in html.read(p, DEFAULT_MAX_BYTES, stats)]


def predict_pages(
    paths: Sequence[Path], model: str | None, workers: int | None, progress: bool,
    settings: Settings | None = None,
) -> tuple[dict[str, Article], list[str]]:
    """saidwhat's articles for the pages, keyed by file name, and one-line problems."""
    from saidwhat.run.runners import process

    items = read_pages(paths)
    names = {str(p): p.name for p in paths}
    articles, problems = {}, []
    for item in process(items, model=model, workers=workers, progress=progress,
                        settings=settings):
        if isinstance(item, Failure):
            problems.append(str(item))
        else:
            articles[names.get(item.origin or "", item.id)] = item
    return articles, problems


def evaluate_pages(
    golds: Sequence[GoldPage], pages_dir: Path, articles: dict[str, Article],
    mistakes: list[dict[str, Any]] | None = None, min_confidence: float = 0.0,
) -> tuple[PageScores, list[str]]:
    """Scores over gold pages, and problems (a changed page or a missing prediction)."""
    total, problems = PageScores(), []
    for gold in golds:
        path = pages_dir / gold.page
        canonical = canonical_text(path.read_text(encoding="utf-8", errors="replace"))
        if sha256(canonical) != gold.text_sha256:
            problems.append(f"{gold.origin}: canonical text of {path} differs from the gold's "
                            "(another trafilatura version?), page skipped")
            continue
        article = articles.get(gold.page)
        if article is None:
            article = Article(id=gold.page, text=canonical)
            problems.append(f"{path}: no prediction, scored as all-missed")
        if min_confidence:
            kept = tuple(a for a in article.attributions if a.confidence >= min_confidence)
            article = Article(id=article.id, text=article.text, attributions=kept)
        total += score_page(gold, canonical, article, mistakes)
    return total, problems

