"""Quote provenance: the same direct quote reported by several articles, verbatim or altered.

Quotes are compared as normalised words (lowercased, punctuation and quote marks stripped).
Candidates come from an index of word shingles (3-grams: short enough that a six-word quote
with one word changed still shares one with the original), and a candidate is the same quote
when difflib's token ratio reaches `THRESHOLD` or one quote contains the other (a trimmed
quote, at least `MIN_WORDS` words). A new quote joins the group of its best match, else starts
its own: groups grow incrementally, nothing is recomputed. `word_diff` shows how a variant
differs from the group's earliest report.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_WORDS = 6  # shorter quotes are too generic to track
SHINGLE = 3  # words per shingle
THRESHOLD = 0.8  # token ratio for "the same quote, slightly altered"
MAX_CANDIDATES = 25  # candidates compared per new quote, most shared shingles first
OCCASION_DAYS = 10  # a report this many days from every other report of a line is a new
# occasion (the line said again in a later speech), not the same quote travelling
QUOTE_KINDS = ("direct", "mixed")

_WORD = re.compile(r"\S+")
_STRIP = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff: equal, insert, delete or replace, with the words on each side."""

    op: str
    base: tuple[str, ...]
    variant: tuple[str, ...]


def norm_token(word: str) -> str:
    """A word lowercased, ASCII-folded, without punctuation or quote marks."""
    folded = unicodedata.normalize("NFKD", word.replace("’", "'")).encode("ascii", "ignore")
    return _STRIP.sub("", folded.decode().lower().replace("'", ""))


def tokens(text: str) -> list[tuple[str, str]]:
    """The quote's words as (as written, normalised) pairs, punctuation-only words dropped."""
    pairs = ((w, norm_token(w)) for w in _WORD.findall(text.replace("…", " ")))
    return [(w, n) for w, n in pairs if n]


def normalise(text: str) -> tuple[str, ...]:
    """The quote as normalised words (the second items of `tokens`, computed faster)."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'").replace("…", " "))
    folded = folded.encode("ascii", "ignore").decode().lower().replace("'", "")
    return tuple(w for w in (_STRIP.sub("", w) for w in folded.split()) if w)


def eligible(kind: str, words: Sequence[str]) -> bool:
    """Whether an attribution takes part in provenance: a direct or mixed quote of 6+ words."""
    return kind in QUOTE_KINDS and len(words) >= MIN_WORDS


def shingles(words: Sequence[str], n: int = SHINGLE) -> set[int]:
    """The quote's word n-grams, as stable 63-bit hashes."""
    grams = {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 1
            for g in grams}


def contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Whether `shorter` occurs in `longer` as a contiguous run of words."""
    n = len(shorter)
    if n == 0 or n > len(longer):
        return False
    first = shorter[0]
    return any(longer[i] == first and tuple(longer[i:i + n]) == tuple(shorter)
               for i in range(len(longer) - n + 1))


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """1.0 when one quote contains the other (both 6+ words), else difflib's token ratio."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_WORDS and contains(long_, short):
        return 1.0
    return SequenceMatcher(None, list(a), list(b), autojunk=False).ratio()


def same_quote(a: Sequence[str], b: Sequence[str], threshold: float = THRESHOLD) -> bool:
    """Whether two normalised quotes are the same quote, verbatim, trimmed or slightly altered."""
    return similarity(a, b) >= threshold


def best_match(words: Sequence[str], candidates: Iterable[tuple[int, Sequence[str]]],
               threshold: float = THRESHOLD) -> int | None:
    """The key of the candidate most similar to `words`, if any reaches the threshold."""
    best, best_score = None, threshold
    for key, other in candidates:
        score = similarity(words, other)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = key, score
    return best


def _surname(name: str) -> str:
    """The last word of a name, normalised ("President Joe Biden" -> "biden")."""
    words = normalise(name)
    return words[-1] if words else ""


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two article-level speaker names can be the same person: equal last names, or
    either unknown (an unresolved quote may still be the same line)."""
    if not a or not b:
        return True
    return _surname(a) == _surname(b)


def same_occasion(a: str | None, b: str | None, days: int = OCCASION_DAYS) -> bool:
    """Whether two publication dates are close enough to report one occasion (unknown: yes)."""
    from datetime import date

    try:
        da, db = date.fromisoformat(a[:10]), date.fromisoformat(b[:10])  # type: ignore[index]
    except (TypeError, ValueError):
        return True
    return abs((da - db).days) <= days


def change(diff: Sequence[DiffOp]) -> str:
    """How a report differs from the earliest: verbatim, shortened (words only left out),
    longer (words only added around or inside) or altered (words replaced or mixed changes)."""
    ops = {d.op for d in diff} - {"equal"}
    if not ops:
        return "verbatim"
    if ops == {"delete"}:
        return "shortened"
    if ops == {"insert"}:
        return "longer"
    return "altered"


def word_diff(base: str, variant: str) -> list[DiffOp]:
    """The variant's words against the base's: equal / insert / delete / replace runs."""
    a, b = tokens(base), tokens(variant)
    matcher = SequenceMatcher(None, [n for _, n in a], [n for _, n in b], autojunk=False)
    return [DiffOp(op, tuple(w for w, _ in a[i1:i2]), tuple(w for w, _ in b[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def is_altered(diff: Sequence[DiffOp]) -> bool:
    """Whether a diff has any change besides punctuation and case."""
    return any(d.op != "equal" for d in diff)


class QuoteIndex:
    """An in-memory shingle index assigning quotes to groups incrementally."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.words: dict[int, tuple[str, ...]] = {}
        self.group_of: dict[int, int] = {}
        self.postings: dict[int, list[int]] = defaultdict(list)
        self._next_group = 1

    def candidates(self, words: Sequence[str]) -> list[int]:
        """Indexed quotes sharing shingles with `words`, most shared first."""
        shared: Counter[int] = Counter()
        for s in shingles(words):
            shared.update(self.postings.get(s, ()))
        return [k for k, _ in shared.most_common(MAX_CANDIDATES)]

    def add(self, key: int, text: str) -> int | None:
        """Index a quote; its group id (existing or new), or None if it is too short to track."""
        words = normalise(text)
        if len(words) < MIN_WORDS:
            return None
        match = best_match(words, ((k, self.words[k]) for k in self.candidates(words)),
                           self.threshold)
        if match is None:
            group = self._next_group
            self._next_group += 1
        else:
            group = self.group_of[match]
        self.words[key] = words
        self.group_of[key] = group
        for s in shingles(words):
            self.postings[s].append(key)
        return group
