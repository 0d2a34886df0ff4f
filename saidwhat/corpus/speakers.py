"""Cross-article speaker identity: each article's speakers mapped to corpus-wide speakers.

Within an article the engine names each speaker by its fullest form ("Hillary Clinton"); across
articles, `resolve(local_speakers)` decides which of those are the same speaker:

- people compare by name tokens with leading titles stripped ("President Joe Biden",
  "Mr. Biden" -> "joe biden", "biden") and middle names/initials dropped ("Joseph R. Biden" ->
  "joseph biden");
- a bare surname ("Biden") joins the full-name speaker of that surname only when exactly one
  full name with that surname is known in the whole corpus; otherwise (none, or Bill and
  Hillary Clinton both known) it stays its own surname speaker;
- organisations, groups and everything else are keyed by their normalised name
  ("the White House" / "White House" are one);
- unidentified speakers (type OTHER: an unresolved "he", "a source") get no corpus speaker,
  unless their name is a known person's ("Trump" where NER missed it, Donald Trump known).

Each corpus speaker is named by its fullest form, carries every alias seen, and its quote count,
article count, first/last seen dates (article published) and outlets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from saidwhat.data.names import TITLES
from saidwhat.records import slugify

PERSON = "PERSON"
OTHER = "OTHER"
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
LEADING_WORDS = frozenset("the a an".split())


@dataclass(frozen=True)
class LocalSpeaker:
    """A speaker as one article knows it: the engine's name and id, with its quotes there."""

    article_id: str
    local_id: str
    name: str
    type: str = PERSON
    quotes: int = 1
    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class CorpusSpeaker:
    """One speaker across the corpus."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    quote_count: int
    article_count: int
    first_seen: str | None
    last_seen: str | None
    outlets: tuple[str, ...]



def _words(name: str) -> list[str]:
    """A name's words, lowercased, ASCII-folded, without punctuation or possessive."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_ = re.sub(r"['’]s\b", "", ascii_)
    return [w for w in re.split(r"[^a-z0-9'-]+", ascii_.replace("'", "")) if w.strip("-")]


def strip_titles(name: str) -> str:
    """The name without leading titles: "President Joe Biden" -> "Joe Biden"."""
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".,") in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def person_tokens(name: str) -> tuple[str, ...]:
    """A person's comparable name: titles, suffixes, middle names and initials dropped."""
    words = [w for w in _words(strip_titles(name)) if w not in NAME_SUFFIXES]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    if len(words) > 2:
        words = [words[0], words[-1]]
    return tuple(words)


def group_key(name: str) -> str:
    """An organisation's or group's comparable name: "the White House's" -> "white house"."""
    words = _words(name)
    while len(words) > 1 and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


def speaker_key(name: str, type_: str) -> str:
    """The name key a speaker is matched on before surname linking."""
    if type_ == PERSON:
        return " ".join(person_tokens(name))
    return f"{type_.lower()}:{group_key(name)}"


def full_names_by_surname(keys: Iterable[str]) -> dict[str, set[str]]:
    """Full-name person keys grouped by their last word."""
    out: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        parts = key.split()
        if len(parts) >= 2:
            out[parts[-1]].add(key)
    return out


def link_surnames(keys: Iterable[str]) -> dict[str, str]:
    """Each person key mapped to its corpus key: a bare surname to its only full name, if unique."""
    keys = set(keys)
    by_surname = full_names_by_surname(keys)
    return {key: _link(key, by_surname) for key in keys}


def _link(key: str, by_surname: dict[str, set[str]]) -> str:
    """A bare surname's only full name, else the key itself."""
    fulls = by_surname.get(key) if " " not in key else None
    return next(iter(fulls)) if fulls and len(fulls) == 1 else key


def display_name(aliases: Counter[str], type_: str) -> str:
    """The fullest form among the names seen: most words, then most frequent, then sorted."""
    forms: Counter[str] = Counter()
    for alias, n in aliases.items():
        forms[strip_titles(alias) if type_ == PERSON else alias] += n
    return min(forms, key=lambda f: (-len(f.split()), -forms[f], f))


def corpus_id(key: str, type_: str) -> str:
    """A corpus speaker's id: the key's slug, prefixed by type for non-persons."""
    if type_ == PERSON:
        return slugify(key)
    kind, _, name = key.partition(":")
    return f"{kind}-{slugify(name)}"


def resolve(local_speakers: Iterable[LocalSpeaker]
            ) -> tuple[dict[tuple[str, str], str], list[CorpusSpeaker]]:
    """Map (article_id, local_id) to corpus speaker ids; return the corpus speakers too."""
    locals_ = list(local_speakers)
    keys = [speaker_key(s.name, s.type) or f"{s.type.lower()}:{s.name.lower()}" for s in locals_]
    person_keys = {k for s, k in zip(locals_, keys, strict=True) if s.type == PERSON}
    by_surname = full_names_by_surname(person_keys)
    members: dict[str, list[LocalSpeaker]] = defaultdict(list)
    types: dict[str, str] = {}
    for s, k in zip(locals_, keys, strict=True):
        if s.type == OTHER:  # unidentified: kept only when its name is a known person's
            k = " ".join(person_tokens(s.name))
            final = _link(k, by_surname)
            if final not in person_keys:
                continue
        else:
            final = _link(k, by_surname) if s.type == PERSON else k
            types[final] = s.type
        members[final].append(s)
    mapping: dict[tuple[str, str], str] = {}
    speakers = []
    for key, group in members.items():
        sid = corpus_id(key, types[key])
        aliases = Counter(s.name for s in group)
        dates = sorted(s.published for s in group if s.published)
        speakers.append(CorpusSpeaker(
            id=sid,
            name=display_name(aliases, types[key]),
            type=types[key],
            aliases=tuple(sorted(aliases)),
            quote_count=sum(s.quotes for s in group),
            article_count=len({s.article_id for s in group}),
            first_seen=dates[0] if dates else None,
            last_seen=dates[-1] if dates else None,
            outlets=tuple(sorted({s.outlet for s in group if s.outlet})),
        ))
        for s in group:
            mapping[(s.article_id, s.local_id)] = sid
    speakers.sort(key=lambda s: (-s.quote_count, s.name))
    return mapping, speakers
