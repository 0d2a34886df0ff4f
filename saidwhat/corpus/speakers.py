"""Cross-article speaker identity: each article's speakers mapped to corpus-wide speakers.

Within an article the engine names each speaker by its fullest form ("Hillary Clinton"); across
articles, `resolve(local_speakers)` decides which of those are the same speaker:

- people compare by name tokens with leading titles stripped ("President Joe Biden",
  "Mr. Biden" -> "joe biden", "biden") and middle names/initials dropped ("Joseph R. Biden" ->
  "joseph biden");
- a bare surname ("Biden") joins the full-name speaker of that surname only when exactly one
  full name with that surname is known in the whole corpus; otherwise (none, or Bill and
  Hillary Clinton both known) it stays its own surname speaker;
- name variants of one person join: a familiar first name and its formal form ("Joe Biden",
  "Ed Rendell" / "Edward G. Rendell"), and a suffixed formal name ("Joseph R. Biden Jr.") with
  the familiar one ("Joe Biden") when no article quotes both; the same first name with and
  without a suffix ("Donald Trump Jr.", "Donald Trump") is a son and his father;
- a plural nationality or party ("Republicans") is a GROUP; a singular one ("Republican", from
  "the Wisconsin Republican") is a description of someone, never a speaker of its own;
- organisations, groups and everything else are keyed by their normalised name
  ("the White House" / "White House" are one);
- unidentified speakers (type OTHER: an unresolved "he", "a source") get no corpus speaker,
  unless their name is a known person's ("Trump" where NER missed it, Donald Trump known);
- a surname the article itself found ambiguous ("Murphy" beside Chris and Patrick Murphy) gets
  no corpus speaker either: joining it to any one Murphy of the corpus would be a guess.

Each corpus speaker is named by its fullest form, carries every alias seen, and its quote count,
article count, first/last seen dates (article published) and outlets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from saidwhat.data.names import (
    COUNTRY_NAMES,
    FIRST_NAMES,
    INSTITUTION_WORDS,
    NATIONALITIES,
    PLACE_WORDS,
    TITLES,
    US_STATES,
    same_first_name,
)
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
    ambiguous: bool = False  # a surname the article's namesakes share: no corpus speaker


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
    name = re.sub(r"['’‘]s\b", "", name)  # before folding, which drops the curly apostrophes
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [w for w in re.split(r"[^a-z0-9'-]+", ascii_.replace("'", "")) if w.strip("-")]


def strip_titles(name: str) -> str:
    """The name without leading titles: "President Joe Biden" -> "Joe Biden"."""
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".,") in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def person_tokens(name: str) -> tuple[str, ...]:
    """A person's comparable name: titles, middle names and initials dropped; a suffix kept
    ("Donald Trump Jr." is not his father)."""
    words = _words(strip_titles(name))
    suffix = [w for w in words[1:] if w in NAME_SUFFIXES][:1]
    words = [w for w in words if w not in NAME_SUFFIXES]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    if len(words) > 2:
        words = [words[0], words[-1]]
    return tuple(words + suffix)


def surname(key: str) -> str:
    """The surname of a person key: its last word that is not a suffix."""
    parts = [w for w in key.split() if w not in NAME_SUFFIXES]
    return parts[-1] if parts else key


def group_key(name: str) -> str:
    """An organisation's or group's comparable name: "the White House's" -> "white house"."""
    words = _words(name)
    while len(words) > 1 and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


TRAILING_WEEKDAY = re.compile(
    r"(?:\s+on)?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$", re.IGNORECASE)


def without_weekday(name: str) -> str:
    """A name without a weekday the parse ran on to it: "The Sanders campaign on Monday" -> "The
    Sanders campaign" (a name of two words or fewer is left as it is)."""
    cut = TRAILING_WEEKDAY.sub("", name)
    return cut if len(name.split()) > 2 and len(cut.split()) >= 2 else name


def speaker_key(name: str, type_: str) -> str:
    """The name key a speaker is matched on before surname linking."""
    if type_ == PERSON:
        return " ".join(person_tokens(name))
    return f"{type_.lower()}:{group_key(name)}"


def split_suffix(key: str) -> tuple[list[str], str | None]:
    """A person key's words without its suffix, and the suffix ("joseph biden jr" ->
    (["joseph", "biden"], "jr"))."""
    words = key.split()
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        return words[:-1], words[-1]
    return words, None


def _find(parent: dict[str, str], k: str) -> str:
    """Union-find root of a key."""
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def link_variants(keys: Iterable[str], quotes: dict[str, int],
                  articles: dict[str, set[str]]) -> dict[str, str]:
    """Full-name person keys that name one person, mapped to one key of them (the most quoted,
    the plain form over a suffixed one): familiar and formal first names with the same surname
    and suffix ("joe biden" = "joseph biden"), and a suffixed name to the plain one
    ("joseph biden jr" -> "joe biden") when exactly one plain name fits and no article quotes
    both (father and son appear together) and the plain one is only a familiar form of its first
    name (a plain "Donald Trump" beside "Donald Trump Jr." is the father)."""
    full = sorted(k for k in set(keys) if len(split_suffix(k)[0]) >= 2)
    parent = {k: k for k in full}
    by_last: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for k in full:
        words, suffix = split_suffix(k)
        by_last[(words[-1], suffix)].append(k)
    for group in by_last.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_first_name(a.split()[0], b.split()[0]):
                    ra, rb = _find(parent, a), _find(parent, b)
                    if ra != rb:
                        best = min((ra, rb), key=lambda k: (-quotes.get(k, 0), k))
                        parent[ra] = parent[rb] = best
    for (last, suffix), group in sorted(by_last.items(), key=lambda kv: str(kv[0])):
        if suffix is None:
            continue
        for k in group:
            plain = {_find(parent, p) for p in by_last.get((last, None), ())
                     if same_first_name(k.split()[0], p.split()[0])}
            if len(plain) != 1:
                continue
            target = plain.pop()
            members = [p for p in full if _find(parent, p) == target]
            if any(p.split()[0] == k.split()[0] for p in members):
                continue  # "Donald Trump" beside "Donald Trump Jr.": the suffix names a namesake
            if any(articles.get(k, set()) & articles.get(p, set()) for p in members):
                continue
            parent[_find(parent, k)] = target
    return {k: _find(parent, k) for k in full if _find(parent, k) != k}


def full_names_by_surname(keys: Iterable[str]) -> dict[str, set[str]]:
    """Full-name person keys grouped by their last word."""
    out: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if len(key.split()) >= 2:
            out[surname(key)].add(key)
    return out


DOMINANCE = 4  # a full name with this many times its rivals' quotes takes the bare surname


def link_surnames(keys: Iterable[str], quotes: dict[str, int] | None = None) -> dict[str, str]:
    """Each person key mapped to its corpus key: a bare surname to its full name when the corpus
    gives it no rival (the only one, or one quoted DOMINANCE times more than the others)."""
    keys = set(keys)
    by_surname = full_names_by_surname(keys)
    return {key: _link(key, by_surname, quotes or {}) for key in keys}


def _link(key: str, by_surname: dict[str, set[str]], quotes: dict[str, int] | None = None
          ) -> str:
    """A bare surname's full name when it has no rival, else the key itself."""
    fulls = sorted(by_surname.get(key, ())) if " " not in key else []
    if len(fulls) == 1:
        return fulls[0]
    if not fulls or not quotes:
        return key
    ranked = sorted(fulls, key=lambda f: (-quotes.get(f, 0), f))
    top, rest = quotes.get(ranked[0], 0), sum(quotes.get(f, 0) for f in ranked[1:])
    return ranked[0] if top >= DOMINANCE * max(rest, 1) else key


GENERIC_WORDS = frozenset(
    "i we you people officials official source sources experts expert analysts critics "
    "observers residents voters some others many most several few they it he she candidates "
    "candidate polls poll exit aides aide women men woman man person persons police "
    "supporters protesters members leaders lawmakers economists scientists researchers "
    "reports report studies study surveys survey data documents sources spokesman spokeswoman "
    "spokesperson spokespeople pac pacs super".split()
)


def is_speaker_name(name: str, type_: str) -> bool:
    """Whether a name can head a speaker page: not a poll share ("Trump - 60 percent"), not a
    bare generic noun ("officials", "I"), not a run-on headline (more than 6 words)."""
    words = _words(name)
    if not words or "percent" in words or "%" in name:
        return False
    if type_ == PERSON and len(name.split()) > 6:
        return False
    if type_ == PERSON and len(words) > 1:
        return True
    if describes_someone(name, type_) or bare_common_noun(words, type_) \
            or anonymous_one(words, type_):
        return False
    return not all(w in GENERIC_WORDS or w in LEADING_WORDS for w in words)


# Heads of a description of one unnamed person ("a senior Obama administration official").
ANONYMOUS_ROLES = frozenset(
    "official source insider aide adviser advisor strategist operative expert member employee "
    "person lawmaker analyst staffer executive diplomat".split())


def anonymous_one(words: list[str], type_: str) -> bool:
    """A group-typed description of one unnamed person ("Chinese official", "State Department
    official", "GOP source"): each article's is someone else, so no page gathers them (a
    spokesman speaks for the body he names, "Twitter spokesman", and keeps his page)."""
    return type_ == "GROUP" and len(words) > 1 and words[-1] in ANONYMOUS_ROLES


def bare_common_noun(words: list[str], type_: str) -> bool:
    """A one-word group or place-word organisation with no name in it ("families", "senators",
    "State" cut from "Islamic State"): generic, never a speaker page (nationalities and parties
    the recogniser found, "Republicans", are NORP, not GROUP)."""
    if len(words) != 1:
        return False
    return type_ == "GROUP" or type_ in ("ORG", "GPE") and words[0] in PLACE_WORDS


# Party and nationality words, singular and plural: a one-word speaker named by one is the
# party's or nation's people ("Democrats") or a description of someone ("a Republican who"),
# whatever type the recogniser gave it.
AFFILIATIONS = frozenset(k for k in NATIONALITIES if "." not in k and k not in ("us", "north")
                         ) | frozenset({"democrat", "republican", "libertarian"})
AFFILIATION_PLURALS = frozenset(f"{w}s" for w in AFFILIATIONS if not w.endswith(("sh", "ch", "se")))


def affiliation_word(name: str, type_: str) -> bool:
    """A one-word party or nationality name typed a person, group or unknown ("Democrats" typed
    GROUP, "Republicans" typed PERSON, "Republican" from "a Republican who"): a NORP, so the
    plural is one GROUP page with the NORP-typed ones and the singular describes someone."""
    words = _words(name)
    return (type_ in (PERSON, OTHER, "GROUP") and len(words) == 1
            and words[0] in AFFILIATIONS | AFFILIATION_PLURALS)


def institution_named_person(name: str, type_: str) -> bool:
    """A PERSON name with an institution word and no first name in it ("White House", "Obama
    White House", "State Department", "Supreme Court"): an organisation."""
    words = _words(name)
    return (type_ == PERSON and len(words) > 1 and any(w in INSTITUTION_WORDS for w in words)
            and not any(w in FIRST_NAMES for w in words))


def place_named_person(name: str, type_: str) -> bool:
    """A PERSON name that is a state or country of more than one word ("New Hampshire", "South
    Africa"): a place (one-word ones, "Jordan", "Georgia", are also people's names)."""
    key = group_key(name)
    return type_ == PERSON and " " in key and (key in US_STATES or key in COUNTRY_NAMES)


def retype_named_things(locals_: Iterable[LocalSpeaker]) -> list[LocalSpeaker]:
    """The articles' speakers with parties and nationalities typed NORP, institutions typed
    PERSON typed ORG and places typed PERSON typed GPE, before any other rule reads the type."""
    out = []
    for s in locals_:
        if affiliation_word(s.name, s.type):
            s = replace(s, type="NORP")
        elif institution_named_person(s.name, s.type):
            s = replace(s, type="ORG")
        elif place_named_person(s.name, s.type):
            s = replace(s, type="GPE")
        out.append(s)
    return out


def describes_someone(name: str, type_: str) -> bool:
    """A singular nationality or party word as a name ("Republican" from "the Wisconsin
    Republican", "Democrat"): it describes a person, it is not a speaker."""
    words = _words(name)
    return type_ == "NORP" and len(words) == 1 and not words[0].endswith("s")


# Words that end the name of a person's organisation ("Donald Trump campaign").
PERSONAL_ORG_WORDS = frozenset("campaign administration foundation office staff team".split())


def corpus_type(name: str, type_: str) -> str:
    """The type a speaker is listed with: a plural nationality or party ("Republicans",
    "Democrats") is a GROUP of people; a person's organisation typed as a person ("Donald
    Trump campaign") is an ORG."""
    words = _words(name)
    if type_ == "NORP" and words and words[-1].endswith("s"):
        return "GROUP"
    return "ORG" if person_named_org(words, type_) else type_


BODY_TYPES = ("ORG", "GPE", "GROUP")


def retype_org_names(locals_: list[LocalSpeaker]) -> list[LocalSpeaker]:
    """The articles' speakers with a PERSON name that an organisation, place or group of the
    corpus bears ("Politico" beside "POLITICO", "New York Times" beside the ORG, "Russia" beside
    the GPE) retyped as that, unless the name may be a person's (see `body_named_person`)."""
    bodies: dict[str, Counter[str]] = defaultdict(Counter)
    for s in locals_:
        if s.type in BODY_TYPES:
            bodies[group_key(s.name)][s.type] += 1
    surnames = set(full_names_by_surname(speaker_key(s.name, PERSON) for s in locals_
                                         if s.type == PERSON))
    out = []
    for s in locals_:
        type_ = body_named_person(s, bodies, surnames)
        out.append(replace(s, type=type_) if type_ else s)
    return out


def body_named_person(s: LocalSpeaker, bodies: dict[str, Counter[str]], surnames: set[str]
                      ) -> str | None:
    """The type an organisation, place or group of the corpus with a PERSON speaker's name has
    (its most frequent), when the name cannot be a person's: one word that no person of the
    corpus has as surname ("Trump" typed ORG once stays a person), or more words with no first
    name among them."""
    words = _words(s.name)
    seen = bodies.get(group_key(s.name))
    if s.type != PERSON or not seen or not words:
        return None
    if words[0] in surnames if len(words) == 1 else any(w in FIRST_NAMES for w in words):
        return None
    return min(seen, key=lambda t: (-seen[t], t))


SURNAME_PARTICLES = frozenset("de del della di da du la le van von der ter".split())
ESTABLISHED = 3  # articles a person speaks in before a bare surname typed ORG is taken as theirs


def surname_typed_org(name: str, type_: str, by_surname: dict[str, set[str]],
                      quotes: dict[str, int], articles: dict[str, int], bodies: int) -> str | None:
    """The person a surname the recogniser typed ORG names ("Sanders", "De Blasio" beside Bernie
    Sanders and Bill de Blasio quoted across the corpus): the full name the surname links to,
    when that person speaks in ESTABLISHED times as many articles as have a body so named (a
    "Bloomberg" news service in three articles stays apart from a Michael Bloomberg in five);
    else None."""
    words = [w for w in _words(name) if w not in SURNAME_PARTICLES]
    if type_ != "ORG" or len(words) != 1 or not capitalised(name):
        return None
    person = _link(words[0], by_surname, quotes)
    found = person != words[0] and articles.get(person, 0) >= ESTABLISHED * max(bodies, 1)
    return person if found else None


def person_named_org(words: list[str], type_: str) -> bool:
    """A PERSON name ending in an organisation word ("Donald Trump campaign", "Clinton
    Foundation"): the organisation, never the person nor a name to run on to theirs."""
    return type_ == PERSON and len(words) > 1 and words[-1] in PERSONAL_ORG_WORDS


def personal_org_key(key: str, variants: dict[str, str], by_surname: dict[str, set[str]],
                     quotes: dict[str, int]) -> str:
    """An organisation named after a person keyed by that person's corpus key, so "Trump
    campaign" and "Donald Trump campaign" are one organisation when the bare surname links to
    the full name ("org:trump campaign" -> "org:donald trump campaign"); any other key as it
    is."""
    kind, _, name = key.partition(":")
    words = name.split()
    if kind != "org" or len(words) < 2 or words[-1] not in PERSONAL_ORG_WORDS:
        return key
    person = " ".join(person_tokens(" ".join(words[:-1])))
    linked = _link(variants.get(person, person), by_surname, quotes)
    return f"org:{linked} {words[-1]}" if linked != person else key


ACRONYM_SKIPPED = frozenset("of for on the and in at".split())
OUTLET_TAILS = frozenset("news media".split())


def org_initials(key: str) -> str:
    """The initials of an organisation key's words, small words skipped ("org:commission on
    presidential debates" -> "cpd")."""
    return "".join(w[0] for w in key.partition(":")[2].split() if w not in ACRONYM_SKIPPED)


def written_as_acronym(name: str) -> bool:
    """A name ending in a word of two to six capitals, dots allowed ("AP", "the RNC", "U.N.")."""
    letters = name.split()[-1].replace(".", "") if name.split() else ""
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def org_short_forms(names: dict[str, set[str]]) -> dict[str, str]:
    """Each organisation key written as an acronym ("AP") or as an outlet's bare name
    ("BuzzFeed" beside "BuzzFeed News") mapped to the one longer organisation of the corpus it
    stands for ("Associated Press"); a short form two organisations share stays itself.
    `names` maps each organisation key to the names it was written as."""
    longer = [k for k in names if len(k.split()) > 1]
    out: dict[str, str] = {}
    for key, written in names.items():
        word = key.partition(":")[2]
        if " " in word:
            continue
        bare = word.replace(".", "")
        found = {k for k in longer if any(written_as_acronym(n) for n in written)
                 and org_initials(k) == bare}
        found |= {k for k in longer if k.split()[-1] in OUTLET_TAILS
                  and k.rsplit(" ", 1)[0] == key}
        if len(found) == 1:
            out[key] = found.pop()
    return out


def compound_surnames(names: Iterable[str]) -> dict[str, str]:
    """Two-word person keys that are the compound surname of one fuller name ("Wasserman
    Schultz" of "Debbie Wasserman Schultz", whose key keeps only "debbie schultz"), mapped to
    that name's key; not when the first word is a first name ("Kay Henry") or two names fit."""
    fuller: dict[tuple[str, ...], set[str]] = defaultdict(set)
    short: set[str] = set()
    for name in names:
        words = [w for w in _words(strip_titles(name)) if w not in NAME_SUFFIXES]
        if len(words) >= 3:
            fuller[tuple(words[-2:])].add(" ".join(person_tokens(name)))
        elif len(words) == 2 and words[0] not in FIRST_NAMES:
            short.add(" ".join(words))
    out = {}
    for key in short:
        found = fuller.get(tuple(key.split()), set())
        if len(found) == 1:
            out[key] = next(iter(found))
    return out


def run_on_name(name: str, key: str, person_keys: set[str]) -> str:
    """A name with headline words run on ("Ted Cruz Apologizes", "Chris Christie Address
    Heroin") is the known person its first two words name; else its own key."""
    words = [w for w in _words(strip_titles(name)) if len(w) > 1 and w not in NAME_SUFFIXES]
    if len(words) < 3 or len(name.split()) < 3:
        return key
    first_two = f"{words[0]} {words[1]}"
    return first_two if first_two in person_keys and first_two != key else key


def capitalised(name: str) -> bool:
    """Whether a name is written as a name, its first letter a capital: an unidentified "the
    prince" or "the day before" is a common noun, never the surname of Matthew Prince or Kristen
    Day."""
    first = next((c for c in name if c.isalpha()), "")
    return first.isupper()


def name_like(name: str) -> bool:
    """Whether an unidentified speaker's name may be a known person's: capitalised and not only
    title words (an unidentified "Justice" is no one's surname)."""
    return capitalised(name) and not all(w in TITLES for w in _words(name))


def first_named(name: str) -> bool:
    """Whether an unidentified speaker's name is a person's full name: two or three capitalised
    words opening with a known first name and no title ("Philip Bump", not "Justice Department")."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(capitalised(w) for w in words)
            and _words(name)[:1] == [words[0].lower()] and words[0].lower() in FIRST_NAMES
            and not any(w in TITLES or w in INSTITUTION_WORDS for w in _words(name)))


def paired_surnames(key: str, by_surname: dict[str, set[str]]) -> bool:
    """A one-word person key of two hyphened names that no full name of the corpus ends with
    ("Glass-Steagall", "Dodd-Frank"): a law or pair named after two people, no one's page (a bare
    "Holtz-Eakin" beside "Douglas Holtz-Eakin" is his)."""
    parts = key.split("-")
    return (" " not in key and len(parts) == 2 and all(len(p) > 1 for p in parts)
            and key not in by_surname)


def embedded_name(name: str, key: str, by_surname: dict[str, set[str]]) -> str:
    """A name of three words or more that is no person's name but holds one known person's first
    name and surname ("Billionaire Donald Trump", the headline "Clinton Cash Debunks Hillary") is
    that person; a name that starts with a first name ("Mary Kay Henry"), has a suffix ("Donald
    Trump Jr.") or a lowercase word ("Strategists for Barack Obama") is its own."""
    words = _words(strip_titles(name))
    if (len(words) < 3 or words[0] in FIRST_NAMES or any(w in NAME_SUFFIXES for w in words)
            or not all(capitalised(w) for w in name.split())):
        return key
    inside = set(words)
    found = {k for w in inside for k in by_surname.get(w, ())
             if k != key and len(parts := k.split()) == 2 and parts[0] != w and parts[0] in inside}
    return found.pop() if len(found) == 1 else key


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


@dataclass(frozen=True)
class Identities:
    """The outcome of a rebuild: local -> corpus ids, the speakers, every name key's id (to keep
    ids stable next time) and the ids that now redirect to another."""

    mapping: dict[tuple[str, str], str]
    speakers: list[CorpusSpeaker]
    key_ids: dict[str, str]
    redirects: dict[str, str]


def resolve(local_speakers: Iterable[LocalSpeaker]
            ) -> tuple[dict[tuple[str, str], str], list[CorpusSpeaker]]:
    """Map (article_id, local_id) to corpus speaker ids; return the corpus speakers too."""
    found = identities(local_speakers)
    return found.mapping, found.speakers


def identities(local_speakers: Iterable[LocalSpeaker], known: dict[str, str] | None = None
               ) -> Identities:
    """Group the articles' speakers into corpus speakers. `known` maps name keys to the ids they
    had before: a speaker keeps the oldest id any of its name keys had, so ids last as articles
    are added; an id whose speakers merged into another redirects to it."""
    known = known or {}
    local_speakers = (replace(s, name=without_weekday(s.name)) for s in local_speakers)
    locals_ = [LocalSpeaker(s.article_id, s.local_id, s.name, corpus_type(s.name, s.type),
                            s.quotes, s.published, s.outlet)
               for s in retype_named_things(local_speakers)
               if is_speaker_name(s.name, s.type) and not s.ambiguous]
    locals_ = retype_org_names(locals_)
    keys = [speaker_key(s.name, s.type) or f"{s.type.lower()}:{s.name.lower()}" for s in locals_]
    compound = compound_surnames([s.name for s in locals_ if s.type == PERSON])
    keys = [compound.get(k, k) if s.type == PERSON else k
            for s, k in zip(locals_, keys, strict=True)]
    person_keys = {k for s, k in zip(locals_, keys, strict=True) if s.type == PERSON}
    full_names = full_names_by_surname(person_keys)
    joined = [embedded_name(s.name, run_on_name(s.name, k, person_keys), full_names)
              if s.type == PERSON else k for s, k in zip(locals_, keys, strict=True)]
    run_on = {s.name for s, k, j in zip(locals_, keys, joined, strict=True) if k != j}
    keys = joined
    person_keys = {k for s, k in zip(locals_, keys, strict=True) if s.type == PERSON}
    quotes: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for s, k in zip(locals_, keys, strict=True):
        if s.type == PERSON:
            quotes[k] += s.quotes
            articles[k].add(s.article_id)
    variants = link_variants(person_keys, quotes, articles)
    own_keys = keys
    keys = [variants.get(k, k) if s.type == PERSON else k
            for s, k in zip(locals_, keys, strict=True)]
    person_keys = {variants.get(k, k) for k in person_keys}
    for old, new in variants.items():
        quotes[new] += quotes.pop(old, 0)
    by_surname = full_names_by_surname(person_keys)
    spoken_in: dict[str, set[str]] = defaultdict(set)
    for s, k in zip(locals_, keys, strict=True):
        if s.type == PERSON:
            spoken_in[_link(k, by_surname, quotes)].add(s.article_id)
    person_articles = {k: len(arts) for k, arts in spoken_in.items()}
    body_articles: dict[str, set[str]] = defaultdict(set)
    for s in locals_:
        if s.type in BODY_TYPES:
            body_articles[group_key(s.name)].add(s.article_id)
    org_names: dict[str, set[str]] = defaultdict(set)
    for s, k in zip(locals_, keys, strict=True):
        if s.type == "ORG":
            org_names[k].add(s.name)
    short_forms = org_short_forms(org_names)
    members: dict[str, list[LocalSpeaker]] = defaultdict(list)
    member_keys: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    for s, k, own in zip(locals_, keys, own_keys, strict=True):
        if s.type == OTHER:  # unidentified: kept only when its name is a known person's
            if not name_like(s.name):
                continue
            own = " ".join(person_tokens(s.name))
            k = variants.get(own, own)
            final = _link(k, by_surname, quotes)
            if final not in person_keys and not first_named(s.name):
                continue
            types.setdefault(final, PERSON)
        elif s.type == PERSON and paired_surnames(k, by_surname):
            continue
        elif person := surname_typed_org(s.name, s.type, by_surname, quotes, person_articles,
                                         len(body_articles[group_key(s.name)])):
            final = person
        else:
            final = _link(k, by_surname, quotes) if s.type == PERSON else \
                short_forms.get(k) or personal_org_key(k, variants, by_surname, quotes)
            types[final] = s.type
        members[final].append(s)
        member_keys[final].update((k, own))
    order = sorted(members, key=lambda k: (-sum(s.quotes for s in members[k]), k))
    ids = _stable_ids(order, member_keys, types, known)
    mapping: dict[tuple[str, str], str] = {}
    speakers = []
    for key in order:
        group = members[key]
        sid = ids[key]
        aliases = Counter(s.name for s in group)
        proper = Counter(s.name for s in group if s.name not in run_on) or aliases
        dates = sorted(s.published for s in group if s.published)
        speakers.append(CorpusSpeaker(
            id=sid,
            name=display_name(proper, types[key]),
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
    key_ids = dict(known)
    for key in order:
        for k in member_keys[key] | {key}:
            key_ids[k] = ids[key]
    live = set(ids.values())
    redirects = {old: ids[key] for key in order for k in member_keys[key] | {key}
                 if (old := known.get(k)) and old != ids[key] and old not in live}
    return Identities(mapping, speakers, key_ids, redirects)


def _stable_ids(order: list[str], member_keys: dict[str, set[str]], types: dict[str, str],
                known: dict[str, str]) -> dict[str, str]:
    """Each group's id: its own key's earlier id (full names claim first: "Joe Biden" keeps
    `biden` over a bare "Biden" split off from him), else one of its other keys' earlier ids
    (the most quoted group first), else a new id from its key, never one another group holds."""
    taken: set[str] = set()
    historic = set(known.values())
    out: dict[str, str] = {}
    fuller_first = sorted(order, key=lambda k: -len(k.split()))  # stable: quotes order kept
    for key in fuller_first:  # a group keeps the id its own key had, full names first
        old = known.get(key)
        if old and old not in taken:
            out[key] = old
            taken.add(old)
    for key in order:
        if key in out:
            continue
        olds = sorted({known[k] for k in member_keys[key] if k in known} - taken)
        if olds:
            out[key] = olds[0]
        else:
            base = corpus_id(key, types[key])
            out[key], n = base, 2
            while out[key] in taken or out[key] in historic and out[key] != base:
                out[key], n = f"{base}-{n}", n + 1
        taken.add(out[key])
    return out
