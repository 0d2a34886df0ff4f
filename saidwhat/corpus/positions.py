"""Positions across a corpus: one topic for the many ways articles name it.

`topic_key` reduces a topic or target phrase to its content words, crudely stemmed ("climate
change in the Arctic" and "Arctic climate changes" share a key); `cluster_topics` groups phrases
whose keys overlap enough and names each group by its most frequent, shortest phrase, so a corpus
view can say what two speakers agree and disagree on over time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

MIN_OVERLAP = 0.5  # Jaccard overlap of two keys for their phrases to be one topic
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "es", "s", "e")


def stem(word: str) -> str:
    """A crude stem: the longest common suffix removed from words of 5+ letters."""
    for suffix in SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def topic_key(topic: str) -> str:
    """A topic's comparable form: its stemmed content words, sorted and space-joined."""
    words = re.findall(r"[a-z0-9]+", topic.lower().replace("’", "'"))
    return " ".join(sorted({stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS}))


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of two keys."""
    sa, sb = set(a.split()), set(b.split())
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def cluster_topics(topics: Iterable[str], min_overlap: float = MIN_OVERLAP) -> dict[str, str]:
    """Each phrase mapped to the label of its topic group (most frequent, then shortest)."""
    return cluster_counts(Counter(t for t in topics if t), min_overlap)


def cluster_counts(counts: Mapping[str, int], min_overlap: float = MIN_OVERLAP
                   ) -> dict[str, str]:
    """`cluster_topics` over phrases already counted: in order of frequency (then length), each
    phrase joins the first group whose first phrase's key overlaps its key by `min_overlap`, else
    starts one; only groups sharing a word are compared, so a corpus's thousands of phrases
    cluster in well under a second."""
    groups: list[tuple[str, list[str]]] = []  # (representative key, phrases)
    by_word: dict[str, list[int]] = {}  # word -> groups whose key holds it, in creation order
    for phrase, _ in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
        key = topic_key(phrase)
        candidates = sorted({g for w in key.split() for g in by_word.get(w, ())})
        match = next((g for g in candidates if overlap(key, groups[g][0]) >= min_overlap), None)
        if match is None:
            groups.append((key, [phrase]))
            for w in set(key.split()):
                by_word.setdefault(w, []).append(len(groups) - 1)
        else:
            groups[match][1].append(phrase)
    return {p: members[0] for _, members in groups for p in members}
