"""Speaker resolution within one article: names, aliases, pronouns and descriptions to speakers.

`resolve_sources(doc, sources)` maps each source mention of an article's attributions to the
`Speaker` it refers to. The article is indexed once (named mentions clustered into entities,
their genders, roles and salience); then one left-to-right pass resolves pronouns and
descriptions against what came before. Decisions, each in a small function below:

- names: PERSON mentions cluster by token containment ("Biden", "President Biden",
  "Joe Biden" are one speaker named "Joe Biden"); different full names sharing a surname stay
  apart and a bare surname goes to the one mentioned in the same or previous sentence, else to
  the most mentioned. ORG variants cluster on "the X" / possessive / acronym forms.
- pronouns: he/she/they/it go to the most salient compatible candidate before them, outside
  quotations: recent sentences, subjects, and the speaker of the previous attribution weigh most.
- descriptions ("the Russian leader"): role and nationality/party words are matched against how
  each person was introduced (appositions, title compounds, relative clauses), then salience.
- anonymous groups and indefinites ("officials", "a source", "White House officials") are
  GROUP speakers named by the mention without determiners: resolved_by "name" when the mention
  contains a proper name ("White House officials"), else "none" (nobody identifiable).
- coordinations are GROUP speakers named after their members: "Mr. Grassley and Mr. Leahy"
  (resolved_by "name"), "he and Biden" -> "Putin and Biden" (resolved_by "pronoun"); they also
  become antecedents of a later "they".
- organisations described by a common noun: "the Trump campaign" is the ORG "Trump campaign";
  "the campaign"/"the company"/"the city" go to the matching organisation or place (or to the
  campaign of the person just named); a document ("a Pentagon memo") goes to its named author.
- anything else unresolved is `Speaker(mention text, slug, "OTHER", "none")`; a pronoun source
  inside a quotation ("“I …”", "“We …”") is left unresolved. Unresolved things ("the report")
  stay available as antecedents of "it".

Only names outside quotations are candidates, distances count narrative sentences (a run of
quoted sentences does not push a speaker out of reach), and every scan is bounded: the index
is built in one pass over the tokens, each pronoun looks back at most five sentences.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from saidwhat.data.names import (
    ABBREVIATIONS,
    FAMILY_WORDS,
    FEMALE_NAMES,
    GROUP_WORDS,
    HONORIFIC_GENDER,
    MALE_NAMES,
    NATIONALITIES,
    ORG_WORDS,
    PARTIES,
    PLACE_WORDS,
    ROLE_SYNONYMS,
    TITLES,
)
from saidwhat.engine.quotes import doc_text, quote_regions
from saidwhat.records import Speaker

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
NEUTER_PRONOUNS = frozenset("it its itself".split())
FIRST_PERSON = frozenset("i me my we us our you your one".split())
RELATIVES = frozenset("who whom whose which that".split())
THIRD_PERSON = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS
HEADLINE_VERBS = frozenset(
    "says said tells told calls slams urges wants asks warns vows blasts rips hits says: "
    "claims denies admits defends responds".split()
)
NAME_PARTICLES = frozenset("de del der van von bin al la le du da di dos st".split())
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
PERSONAL_ORGS = frozenset("campaign administration team foundation".split())
# Bodies that belong to a person only when the text says whose ("her office", "his staff").
OWNED_ORGS = frozenset("office staff".split())
AGE_WORDS = frozenset("year years old year-old -year-old age".split())
QUANTITY_NOUNS = frozenset(
    "number majority minority handful group lot couple dozen dozens hundreds thousands "
    "millions some many most all both none few several half".split()
)
QUANTIFIERS = frozenset(
    "the a an some many several few most all both other another any each every these those "
    "this that one two three four five six seven eight nine ten dozens hundreds".split()
)
ACRONYM_STOP = frozenset("of the and for on in at to &".split())
# Salience: points by sentence distance, bonuses for syntactic role and previous speakers.
DISTANCE_POINTS = (15, 8, 6, 4, 2)
WINDOW = len(DISTANCE_POINTS) - 1
ROOT_SUBJECT, SUBJECT = 3, 1
LAST_SPEAKER, EARLIER_SPEAKER = 5, 2
_ALL_NATIONAL = frozenset().union(*NATIONALITIES.values())


@dataclass(frozen=True)
class NameMention:
    """A named mention outside quotations: token range, cleaned name tokens and descriptors."""

    start: int
    end: int
    label: str
    text: str
    tokens: tuple[str, ...]
    roles: frozenset[str] = frozenset()
    gender: str | None = None


@dataclass
class Entity:
    """A cluster of mentions of one person, organisation, place or group in the article."""

    name: str
    type: str
    tokens: frozenset[str] = frozenset()
    roles: set[str] = field(default_factory=set)
    gender_votes: Counter = field(default_factory=Counter)
    mentions: int = 0

    @property
    def gender(self) -> str | None:
        """'m', 'f' or None from the weighted votes."""
        m, f = self.gender_votes["m"], self.gender_votes["f"]
        if m > f:
            return "m"
        if f > m:
            return "f"
        return None

    @property
    def party(self) -> str | None:
        """The party this entity was introduced with, if any."""
        parties = {PARTIES[w] for w in self.roles if w in PARTIES and len(w) > 1}
        return parties.pop() if len(parties) == 1 else None


@dataclass(frozen=True)
class Event:
    """One occurrence of an entity at a token: its sentence and salience bonus."""

    token: int
    sent: int
    entity: int
    bonus: int


# ---------------------------------------------------------------- small helpers


def slugify(name: str) -> str:
    """A stable lowercase ASCII slug: "Joe Biden" -> "joe-biden"."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug or "unknown"


def norm_word(word: str) -> str:
    """A word lowercased without trailing period, possessive or quote marks."""
    w = word.lower().strip("“”\"'’‘")
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w.rstrip(".") if len(w) > 2 or not w.endswith(".") else w


def role_words(words: Sequence[str]) -> set[str]:
    """Normalized words plus the role words their abbreviations stand for."""
    out: set[str] = set()
    for w in words:
        n = norm_word(w)
        if not n:
            continue
        out.add(n)
        if n in ABBREVIATIONS:
            out.add(ABBREVIATIONS[n])
    return out


def quoted_tokens(doc: Doc, regions: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside a quotation (marks excluded)."""
    flags = [False] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(regions) and regions[qi][1] <= tok.idx:
            qi += 1
        if qi < len(regions):
            s, e = regions[qi]
            flags[tok.i] = s < tok.idx and tok.idx + len(tok) <= e and tok.text not in "“”\"«»"
    return flags


def sentence_ids(doc: Doc, in_quote: Sequence[bool]) -> list[int]:
    """For each token, the index of its sentence, counting only sentences with narration
    (a run of quoted sentences does not push antecedents out of reach)."""
    ids = [0] * len(doc)
    n = -1
    for sent in doc.sents:
        if n < 0 or any(not in_quote[i] and not doc[i].is_punct for i in range(sent.start,
                                                                                 sent.end)):
            n += 1
        for i in range(sent.start, sent.end):
            ids[i] = n
    return ids


def subject_bonus(tok: Token) -> int:
    """Salience bonus of a mention's syntactic role: main-clause subject > subject > other."""
    dep = tok.dep_
    if dep in ("conj", "appos") and tok.head.dep_ in ("nsubj", "nsubjpass"):
        tok, dep = tok.head, tok.head.dep_
    if dep in ("nsubj", "nsubjpass"):
        return ROOT_SUBJECT if tok.head.dep_ == "ROOT" else SUBJECT
    if dep == "pobj" and tok.head.dep_ == "agent":
        return SUBJECT
    return 0


# ---------------------------------------------------------------- names


def clean_name(tokens: Sequence[Token], person: bool = True) -> tuple[list[Token], list[Token]]:
    """Split a name's tokens into (title tokens, name tokens): "the", "'s" and titles removed;
    organisation names only lose "the" and the possessive."""
    toks = [t for t in tokens if not t.is_punct or t.text in ("-", "'")]
    for n, t in enumerate(toks):  # a name never runs over a line break
        if t.is_space or "\n" in t.text:
            toks = toks[:n] if n else toks[n + 1 :]
            break
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "’s", "'", "’")):
        toks.pop()
    titles: list[Token] = []
    while len(toks) > 1 and (toks[0].lower_ in ("the", "of") or person and (
            norm_word(toks[0].text) in TITLES or norm_word(toks[0].text) in NATIONALITIES)):
        titles.append(toks.pop(0))
    return titles, toks


def name_tokens(toks: Sequence[Token]) -> tuple[str, ...]:
    """Lowercased matching tokens of a name, initials and suffixes kept."""
    return tuple(norm_word(t.text) for t in toks if norm_word(t.text))


def _title_like(tok: Token) -> bool:
    """A token of a title phrase before a name ("Democratic nominee", "Russian President")."""
    if tok.is_punct and tok.text not in (".", "-"):
        return False
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.dep_ not in ("det", "cc", "punct"):
        return True
    return norm_word(tok.text) in TITLES or tok.ent_type_ == "NORP"


def descriptors(ent_tokens: Sequence[Token], doc: Doc) -> set[str]:
    """Words describing a named mention: title compounds, appositions, relative clauses, party."""
    first, last = ent_tokens[0], ent_tokens[-1]
    root = max(ent_tokens, key=lambda t: (t.head.i < first.i or t.head.i > last.i, t.i))
    words: list[str] = []
    i = first.i - 1
    while i >= 0 and i >= first.i - 6 and _title_like(doc[i]):
        words.append(doc[i].lemma_ if doc[i].pos_ == "NOUN" else doc[i].text)
        i -= 1
    for child in root.children:
        if child.dep_ in ("appos", "relcl") and child.i > last.i:
            sub = [t for t in child.subtree if not t.is_punct][:12]
            words += [t.lemma_ if t.pos_ == "NOUN" else t.text for t in sub]
    if root.dep_ == "appos" and root.head.i < first.i:
        head = root.head
        words += [t.lemma_ if t.pos_ == "NOUN" else t.text for t in head.lefts if not t.is_punct]
        words.append(head.lemma_ if head.pos_ == "NOUN" else head.text)
    after = doc[last.i + 1 : last.i + 3]  # "(D-Calif.)": the party letter in parentheses
    if len(after) == 2 and after[0].text == "(" and after[1].text in ("D", "R", "I"):
        words.append({"D": "democratic", "R": "republican", "I": "independent"}[after[1].text])
    return role_words(words)


def name_gender(titles: Sequence[Token], toks: Sequence[Token], roles: set[str]) -> str | None:
    """Gender hint from honorifics, gendered role words, or a known first name."""
    for t in titles:
        g = HONORIFIC_GENDER.get(norm_word(t.text))
        if g:
            return g
    genders = {HONORIFIC_GENDER[w] for w in roles if w in HONORIFIC_GENDER}
    if len(genders) == 1:
        return genders.pop()
    if len(toks) > 1:
        first = norm_word(toks[0].text)
        if first in MALE_NAMES:
            return "m"
        if first in FEMALE_NAMES:
            return "f"
    return None


def plausible_name(toks: Sequence[Token], label: str) -> bool:
    """Reject NER noise from title-cased headlines ("Relishing The", "Obama Administration To
    Expand Program")."""
    if label != "PERSON":
        if len(toks) == 1 and (toks[0].lower_ in ORG_WORDS or toks[0].tag_ == "JJ"):
            return False  # "Bank executives", "the Federal mine"
        return not any(t.tag_.startswith("VB") or t.lower_ == "to" for t in toks)
    if toks[-1].tag_ in ("NNS", "NNPS") and toks[-1].text.lower().endswith("s"):
        return False
    if any(t.tag_.startswith("VB") or t.lower_ in HEADLINE_VERBS for t in toks):
        return False
    if not toks[0].text[:1].isupper():
        return False
    return not any(t.is_stop and t.lower_ not in NAME_PARTICLES for t in toks)


def headline_only(doc: Doc, ent: Span) -> bool:
    """An organisation of 3+ words seen only in a title-cased headline: a misread headline."""
    text = doc_text(doc)
    first_line_end = text.find("\n")
    if len(ent) < 3 or first_line_end < 0 or ent.end_char > first_line_end:
        return False
    words = [w for w in text[:first_line_end].split() if w[:1].isalpha()]
    title_cased = len(words) <= 20 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return title_cased and text.find(ent.text, first_line_end) < 0


def looks_like_person(toks: Sequence[Token]) -> bool:
    """A multi-token name whose first token is a known first name."""
    return len(toks) > 1 and norm_word(toks[0].text) in (MALE_NAMES | FEMALE_NAMES)


def name_mentions(doc: Doc, in_quote: Sequence[bool]) -> list[NameMention]:
    """Named mentions outside quotations, with NER labels fixed by person-name evidence."""
    raw: list[tuple[Span, str, list[Token], list[Token]]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or in_quote[ent.start] or in_quote[ent.end - 1]:
            continue
        titles, toks = clean_name(list(ent), ent.label_ == "PERSON")
        if not toks or not plausible_name(toks, ent.label_):
            continue
        if ent.label_ != "PERSON" and headline_only(doc, ent):
            continue
        label = "ORG" if ent.label_ == "FAC" else ent.label_
        if label != "PERSON" and looks_like_person(toks):
            label = "PERSON"
        raw.append((ent, label, titles, toks))
    person_words = {
        norm_word(t.text) for _, label, _, toks in raw if label == "PERSON" for t in toks
    }
    out: list[NameMention] = []
    covered: set[int] = set()
    for ent, label, titles, toks in raw:
        key = name_tokens(toks)
        if label in ("ORG", "GPE", "NORP") and len(key) == 1 and key[0] in person_words:
            label = "PERSON"
        if label == "NORP" and ent.root.tag_ == "JJ":
            continue  # "Russian" as an adjective names no one
        roles = descriptors(list(ent), doc) | role_words([t.text for t in titles])
        gender = name_gender(_left_titles(doc, ent.start) + titles, toks, roles)
        text = " ".join(doc[toks[0].i : toks[-1].i + 1].text.split())
        out.append(NameMention(ent.start, ent.end, label, text, key, frozenset(roles), gender))
        covered.update(range(ent.start, ent.end))
    for tok in doc:  # surnames the NER missed ("Mr. Biden" untagged)
        if (tok.i not in covered and tok.pos_ == "PROPN" and not in_quote[tok.i]
                and norm_word(tok.text) in person_words and tok.text[:1].isupper()):
            titles = _left_titles(doc, tok.i)
            roles = role_words([t.text for t in titles])
            out.append(NameMention(tok.i, tok.i + 1, "PERSON", tok.text.rstrip("'’s") or tok.text,
                                   (norm_word(tok.text),), frozenset(roles),
                                   name_gender(titles, [tok], roles)))
    out.sort(key=lambda m: m.start)
    return out


def _left_titles(doc: Doc, start: int) -> list[Token]:
    """Title tokens right before a token ("Mr.", "Sen.", "President")."""
    out: list[Token] = []
    i = start - 1
    while i >= 0 and start - i <= 3 and norm_word(doc[i].text) in TITLES:
        out.insert(0, doc[i])
        i -= 1
    return out


def compatible_names(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether a name's tokens fit inside another's: "Biden" ⊂ "Joe Biden"; suffixes must agree."""
    s = [t for t in short if t not in NAME_SUFFIXES]
    f = [t for t in full if t not in NAME_SUFFIXES]
    if not s or not set(s) <= set(f):
        return False
    if len(s) > 1 and {t for t in short if t in NAME_SUFFIXES} != {
        t for t in full if t in NAME_SUFFIXES
    }:
        return False
    return True


def acronym(tokens: Sequence[str]) -> str:
    """Initials of an organisation name: "federal bureau of investigation" -> "fbi"."""
    return "".join(t[0] for t in tokens if t and t not in ACRONYM_STOP)


def org_key(tokens: Sequence[str]) -> str:
    """Matching key of an organisation name: tokens joined, dots removed ("u.s." == "us")."""
    return " ".join(tokens).replace(".", "")


# ---------------------------------------------------------------- the article index


class ArticleIndex:
    """Entities and their occurrences in one article, built once, grown by resolutions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.in_quote = quoted_tokens(doc, quote_regions(doc_text(doc)))
        self.sent_of = sentence_ids(doc, self.in_quote)
        self.entities: list[Entity] = []
        self.events: list[Event] = []
        self.event_pos: list[int] = []
        self.mention_entity: dict[int, int] = {}  # token index of a name mention's start -> entity
        self.mentions = name_mentions(doc, self.in_quote)
        self.mention_starts = [m.start for m in self.mentions]
        self.speakers: list[Event] = []
        self._orgs: dict[str, int] = {}
        self._groups: dict[str, int] = {}
        self._by_name: dict[tuple[str, str], int] = {}
        self._by_name_size = -1
        self._cluster()
        self._plural_groups()
        self._coordinated_people()
        self._pronoun_genders()
        self.events.sort(key=lambda e: e.token)
        self.event_pos = [e.token for e in self.events]

    # -- building

    def _new(self, name: str, type_: str, tokens: Sequence[str] = ()) -> int:
        """Add an entity, return its index."""
        self.entities.append(Entity(name=name, type=type_, tokens=frozenset(tokens)))
        return len(self.entities) - 1

    def entity_named(self, name: str, type_: str) -> int | None:
        """The first entity with this name and type (names settle once the index is built)."""
        if self._by_name_size != len(self.entities):  # rebuilt only when entities were added
            self._by_name = {}
            for n, e in enumerate(self.entities):
                self._by_name.setdefault((e.name, e.type), n)
            self._by_name_size = len(self.entities)
        return self._by_name.get((name, type_))

    def _occur(self, ent: int, tok: int) -> None:
        """Record an occurrence of an entity at a token."""
        self.entities[ent].mentions += 1
        bonus = subject_bonus(self.doc[tok])
        self.events.append(Event(tok, self.sent_of[tok], ent, bonus))

    def _cluster(self) -> None:
        """Cluster name mentions into entities (people by name containment, others by key)."""
        people = cluster_people(self.mentions, self.sent_of)
        person_ent: dict[int, int] = {}
        for m, cluster in people.items():
            if cluster not in person_ent:
                person_ent[cluster] = self._new("", "PERSON")
            self.mention_entity[self.mentions[m].start] = person_ent[cluster]
        for m in self.mentions:
            if m.label != "PERSON":
                self.mention_entity[m.start] = self._org_entity(m)
            ent = self.entities[self.mention_entity[m.start]]
            if m.label == "PERSON":
                if len(m.tokens) > len(ent.tokens) or not ent.name:
                    ent.name, ent.tokens = m.text, frozenset(m.tokens)
                if m.gender:
                    ent.gender_votes[m.gender] += 3
            ent.roles |= m.roles
            root = max(range(m.start, m.end), key=lambda i: self.doc[i].head.i not in
                       range(m.start, m.end))
            self._occur(self.mention_entity[m.start], root)

    def _org_entity(self, m: NameMention) -> int:
        """The ORG/GPE/NORP entity of a mention: same key, or acronym of a longer name."""
        key = org_key(m.tokens)
        if key in self._orgs:
            ent = self._orgs[key]
        else:
            ent = -1
            for other_key, idx in self._orgs.items():
                if len(m.tokens) == 1 and acronym(other_key.split()) == key and len(key) > 1:
                    ent = idx
                elif len(other_key.split()) == 1 and acronym(m.tokens) == other_key:
                    ent = idx
                    e = self.entities[idx]
                    e.name, e.tokens = m.text, frozenset(m.tokens)
            if ent < 0:
                ent = self._new(m.text, m.label, m.tokens)
            self._orgs[key] = ent
        return ent

    def _plural_groups(self) -> None:
        """Plural noun phrases outside quotes ("White House officials") as GROUP entities."""
        for tok in self.doc:
            if (tok.tag_ in ("NNS", "NNPS") and not self.in_quote[tok.i]
                    and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
                    and tok.i not in self.mention_entity and is_group_noun(tok.lemma_.lower())):
                name, named = group_name(self.doc[_np_start(tok) : tok.i + 1])
                ent = self.group_entity(name, "GROUP")
                self.entities[ent].roles.add("named" if named else "anonymous")
                self._occur(ent, tok.i)

    def _coordinated_people(self) -> None:
        """Coordinated people ("Obama and Clinton withdrew …") as a GROUP that "they" can take."""
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            root = max(range(m.start, m.end), key=lambda i: self.doc[i].head.i not in
                       range(m.start, m.end))
            conj = [c for i in range(m.start, m.end) for c in self.doc[i].children
                    if c.dep_ == "conj" and not m.start <= c.i < m.end]
            ents = [self.mention_entity[m.start]]
            for c in conj:
                for other in _mentions_near(self, c.i):
                    if other.start <= c.i < other.end and other.label == "PERSON":
                        ents.append(self.mention_entity[other.start])
            ents = list(dict.fromkeys(ents))
            if len(ents) > 1:
                name = " and ".join(self.entities[e].name for e in ents)
                self._occur(self.group_entity(name, "GROUP"), root)

    def group_entity(self, name: str, type_: str) -> int:
        """The entity of a group or description name, created on first use."""
        key = name.lower()
        if key not in self._groups:
            self._groups[key] = self._new(name, type_)
        return self._groups[key]

    def _pronoun_genders(self) -> None:
        """Gender votes from he/she after the only person named in a sentence (outside quotes)."""
        by_sent: dict[int, set[int]] = {}
        for e in self.events:
            if self.entities[e.entity].type == "PERSON":
                by_sent.setdefault(e.sent, set()).add(e.entity)
        for tok in self.doc:
            low = tok.lower_
            if self.in_quote[tok.i] or low not in MALE_PRONOUNS | FEMALE_PRONOUNS:
                continue
            s = self.sent_of[tok.i]
            first = tok.i == 0 or self.sent_of[tok.i - 1] != s
            people = by_sent.get(s) or (by_sent.get(s - 1) if first else None)
            if people and len(people) == 1:
                ent = next(iter(people))
                self.entities[ent].gender_votes["m" if low in MALE_PRONOUNS else "f"] += 1

    # -- growing during resolution

    def add_event(self, ent: int, tok: int, bonus: int) -> None:
        """Insert an occurrence found by resolution (kept sorted by token)."""
        at = bisect_right(self.event_pos, tok)
        self.events.insert(at, Event(tok, self.sent_of[tok], ent, bonus))
        self.event_pos.insert(at, tok)

    def has_event(self, ent: int, tok: int) -> bool:
        """Whether an occurrence of the entity is recorded at the token."""
        j = bisect_left(self.event_pos, tok)
        while j < len(self.events) and self.events[j].token == tok:
            if self.events[j].entity == ent:
                return True
            j += 1
        return False

    def before(self, tok: int, window: int = WINDOW) -> list[Event]:
        """Occurrences before a token within `window` sentences, nearest first."""
        s = self.sent_of[tok]
        out: list[Event] = []
        j = bisect_left(self.event_pos, tok) - 1
        while j >= 0 and s - self.events[j].sent <= window:
            out.append(self.events[j])
            j -= 1
        return out

    def last_speaker(self, tok: int, ok: set[int] | None = None) -> Event | None:
        """The most recent previous speaker (optionally among `ok`) within the window."""
        s = self.sent_of[tok]
        for e in reversed(self.speakers):
            if e.token < tok and s - e.sent <= WINDOW and (ok is None or e.entity in ok):
                return e
        return None


def cluster_people(mentions: Sequence[NameMention], sent_of: Sequence[int]) -> dict[int, int]:
    """Map each PERSON mention index to a person cluster id (the index of a full-name mention)."""
    people = [n for n, m in enumerate(mentions) if m.label == "PERSON"]
    fulls: list[int] = []  # representative mention index per distinct full name
    out: dict[int, int] = {}
    for n in sorted(people, key=lambda n: -len(mentions[n].tokens)):
        toks = mentions[n].tokens
        if len(toks) < 2:
            continue
        match = [f for f in fulls if compatible_names(toks, mentions[f].tokens)]
        out[n] = match[0] if len(match) == 1 else (match[0] if match else n)
        if not match:
            fulls.append(n)
    singles: dict[str, int] = {}
    for n in people:
        if n in out:
            continue
        toks = mentions[n].tokens
        match = [f for f in fulls if compatible_names(toks, mentions[f].tokens)]
        same_gender = [f for f in match if mentions[f].gender in (mentions[n].gender, None)]
        match = same_gender if mentions[n].gender and same_gender else match
        if not match:
            out[n] = singles.setdefault(" ".join(toks), n)
        elif len(match) == 1:
            out[n] = match[0]
        else:
            out[n] = pick_namesake(n, match, mentions, sent_of, out)
    return out


def pick_namesake(n: int, match: Sequence[int], mentions: Sequence[NameMention],
                  sent_of: Sequence[int], assigned: dict[int, int]) -> int:
    """For a bare surname shared by several people: the one named in this or the previous
    sentence, else the most mentioned by full name, ties to the most recent."""
    here = sent_of[mentions[n].start]
    counts: Counter = Counter()
    recent: dict[int, int] = {}
    for m, cluster in assigned.items():
        if cluster in match and len(mentions[m].tokens) > 1:
            counts[cluster] += 1
            if mentions[m].start < mentions[n].start:
                recent[cluster] = max(recent.get(cluster, -1), mentions[m].start)
    near = [c for c in match if c in recent and here - sent_of[recent[c]] <= 1]
    if near:
        return max(near, key=lambda c: recent[c])
    return max(match, key=lambda c: (counts[c], recent.get(c, -1)))


NP_DEPS = ("compound", "amod", "nmod", "det", "poss", "nummod", "quantmod", "predet", "advmod")


def _np_start(head: Token) -> int:
    """First token of the contiguous left modifiers of a noun head."""
    start = head.i
    for t in reversed(list(head.lefts)):
        if t.dep_ in NP_DEPS and t.right_edge.i == start - 1:
            start = t.left_edge.i
        elif t.i < start - 1:
            break
    return start


def group_name(span: Span) -> tuple[str, bool]:
    """A group description without determiners/quantifiers, and whether it has a proper name:
    "some White House officials" -> "White House officials", "a number of members of Congress"
    -> "members of Congress", "officials at the FBI" kept whole."""
    root = span.root
    if root.lemma_.lower() in QUANTITY_NOUNS:
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if objs:
            root = objs[0]
    end = root.i + 1
    for child in root.rights:  # "officials at the FBI", "members of Congress"
        if child.dep_ == "prep" and child.i == end and any(
                t.pos_ == "PROPN" for t in child.subtree) and child.right_edge.i - root.i < 10:
            end = child.right_edge.i + 1
            break
    toks = [t for t in span.doc[min(span.start, _np_start(root)) : end]
            if t.i >= _np_start(root) and (not t.is_punct or t.text in ("'s", "’s"))]
    while toks and (toks[0].lower_ in QUANTIFIERS or toks[0].dep_ in ("det", "predet")
                    or toks[0].like_num or toks[0].text == "-" or toks[0].tag_ == "CD"):
        toks.pop(0)
    if not toks:
        return span.text, False
    named = any(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS
                or (t.text[:1].isupper() and t.i > 0 and t.nbor(-1).text not in ".!?\n")
                for t in toks)
    text = span.doc[toks[0].i : toks[-1].i + 1].text
    return text, named


# ---------------------------------------------------------------- resolution


def speaker_of(index: ArticleIndex, ent: int, resolved_by: str) -> Speaker:
    """The Speaker record of an entity."""
    e = index.entities[ent]
    return Speaker(name=e.name, id=slugify(e.name), type=e.type, resolved_by=resolved_by)


def unresolved(span: Span, type_: str = "OTHER") -> Speaker:
    """A speaker that could not be tied to anyone: the mention itself."""
    text = span.text.strip()
    return Speaker(name=text, id=slugify(text), type=type_, resolved_by="none")


# Names of documents NER may tag as organisations: a treaty or a bill never says anything.
DOCUMENT_WORDS = frozenset(
    "treaty act bill law agreement accord pact amendment resolution convention charter".split()
)


def pronoun_ok(pronoun: str, ent: Entity) -> bool:
    """Whether an entity can be the antecedent of a pronoun (type, number, gender)."""
    if pronoun in MALE_PRONOUNS or pronoun in FEMALE_PRONOUNS:
        want = "m" if pronoun in MALE_PRONOUNS else "f"
        return ent.type == "PERSON" and ent.gender in (want, None)
    if pronoun in PLURAL_PRONOUNS:
        is_document = ent.name.split()[-1].lower() in DOCUMENT_WORDS if ent.name else False
        return ent.type in ("GROUP", "NORP", "ORG") and not is_document
    if pronoun in NEUTER_PRONOUNS:
        return ent.type in ("ORG", "GPE", "OTHER")
    return False


def resolve_pronoun(index: ArticleIndex, tok: Token, exclude: set[int] | None = None) -> int | None:
    """The antecedent entity of a third-person pronoun, by salience among compatible ones."""
    pronoun = tok.lower_
    scores: dict[int, float] = {}
    for e in index.before(tok.i):
        ent = index.entities[e.entity]
        if not pronoun_ok(pronoun, ent) or exclude and e.entity in exclude:
            continue
        if pronoun in PLURAL_PRONOUNS and ent.type == "ORG":
            bonus = -2
        else:
            bonus = 0
        d = index.sent_of[tok.i] - e.sent
        if d == 0 and _bound_in_clause(tok, index.doc[e.token]):
            continue
        score = DISTANCE_POINTS[d] + e.bonus + bonus
        if ent.gender is not None and pronoun in MALE_PRONOUNS | FEMALE_PRONOUNS:
            score += 2
        scores[e.entity] = max(scores.get(e.entity, -99), score)
    if not scores:
        return cataphora(index, tok)
    last_event = index.last_speaker(tok.i, set(scores))
    last = last_event.entity if last_event else None
    if last_event is not None:
        near = index.sent_of[tok.i] - last_event.sent <= 1
        scores[last_event.entity] += LAST_SPEAKER if near else EARLIER_SPEAKER
    for e in index.speakers[-4:]:
        if e.entity in scores and e.entity != last and e.token < tok.i:
            scores[e.entity] += EARLIER_SPEAKER / 2
    return max(scores, key=lambda k: scores[k])


def cataphora(index: ArticleIndex, tok: Token) -> int | None:
    """An antecedent after the pronoun in its sentence ("When he wrote his book, Mr. McKinley
    said …"): the first compatible subject."""
    s = index.sent_of[tok.i]
    j = bisect_right(index.event_pos, tok.i)
    while j < len(index.events) and index.events[j].sent == s:
        e = index.events[j]
        if e.bonus and pronoun_ok(tok.lower_, index.entities[e.entity]):
            return e.entity
        j += 1
    return None


def _bound_in_clause(pronoun: Token, cand: Token) -> bool:
    """A non-subject inside the pronoun's own clause cannot be its antecedent: the object of its
    verb, or a name in a phrase fronted to it ("Campaigning against Romney, he …")."""
    if cand.dep_ in ("nsubj", "nsubjpass"):
        return False
    verb = pronoun.head
    anc = cand
    for _ in range(12):
        if anc.head.i == verb.i:
            return anc.i != pronoun.i and anc.dep_ in (
                "dobj", "iobj", "attr", "advcl", "prep", "npadvmod", "dative")
        if anc.head.i == anc.i:
            return False
        anc = anc.head
    return False


def description_words(span: Span) -> tuple[str, set[str]]:
    """The head lemma of a description and its modifier words."""
    head = span.root
    mods = {norm_word(t.text) for t in span if t.i != head.i and not t.is_punct
            and t.dep_ not in ("det", "case")}
    return head.lemma_.lower(), mods


def specific_words(span: Span) -> set[str]:
    """Common-noun modifiers that narrow a description to someone particular ("the band
    leader", "the agency's inspector general"); a candidate must have been introduced with one."""
    head = span.root
    out = set()
    for t in span:
        w = norm_word(t.text)
        if (t.i == head.i or t.pos_ != "NOUN" or t.like_num or w in AGE_WORDS or w in TITLES
                or w in ROLE_SYNONYMS or w in ORG_WORDS or w in PLACE_WORDS):
            continue
        out.add(w)
    return out


def description_score(ent: Entity, head: str, mods: set[str],
                      specific: frozenset[str] | set[str] = frozenset()) -> float | None:
    """How well a person fits a description's words; None when they contradict it."""
    score = 0.0
    roles = ent.roles
    if specific and not roles & specific:
        return None
    wanted = ROLE_SYNONYMS.get(head, frozenset({head}))
    if roles & wanted:
        score += 6
    for mod in mods:
        if mod in NATIONALITIES:
            if roles & NATIONALITIES[mod]:
                score += 5
            elif roles & (_ALL_NATIONAL - NATIONALITIES[mod]):
                return None
        elif mod in PARTIES and len(mod) > 1:
            party = ent.party
            if party == PARTIES[mod]:
                score += 4
            elif party is not None:
                return None
        elif mod in ROLE_SYNONYMS and roles & ROLE_SYNONYMS[mod]:
            score += 2
        elif mod in roles and mod not in ("the", "former"):
            score += 1
    if "former" in mods and "former" in roles:
        score += 1
    gender = HONORIFIC_GENDER.get(head)
    if gender and ent.gender and ent.gender != gender:
        return None
    return score


def resolve_description(index: ArticleIndex, span: Span) -> int | None:
    """The person a singular definite description refers to: best role fit, then salience."""
    head, mods = description_words(span)
    specific = specific_words(span)
    tok = span.start
    here = index.sent_of[tok]
    last_seen: dict[int, Event] = {}
    for e in index.events:
        if e.token >= tok:
            break
        if index.entities[e.entity].type == "PERSON":
            last_seen[e.entity] = e
    best, best_score = None, -1e9
    last_event = index.last_speaker(tok, set(last_seen))
    last = last_event.entity if last_event else None
    for ent_id, e in last_seen.items():
        fit = description_score(index.entities[ent_id], head, mods, specific)
        if fit is None:
            continue
        d = here - e.sent
        salience = (DISTANCE_POINTS[d] if d <= WINDOW else 0) / 2 + e.bonus / 2
        salience += min(index.entities[ent_id].mentions, 6) / 3
        if ent_id == last:
            salience += 2
        score = fit * 2 + salience
        if score > best_score:
            best, best_score = ent_id, score
    return best


def resolve_org_description(index: ArticleIndex, span: Span) -> int | None:
    """The organisation or place "the company"/"the appeals court"/"the state" refers to:
    overlap of its words with the name, the organisation of a person just named ("Clinton …
    The campaign says"), then salience."""
    head, mods = description_words(span)
    types = ("GPE",) if head in PLACE_WORDS else ("ORG",)
    words = {head} | mods
    here = index.sent_of[span.start]
    seen: dict[int, Event] = {}
    recent_people: set[str] = set()
    last_subject: int | None = None
    for e in index.events:
        if e.token >= span.start:
            break
        ent = index.entities[e.entity]
        if ent.type in types:
            seen[e.entity] = e
        elif ent.type == "PERSON" and here - e.sent <= 1:
            recent_people |= ent.tokens
            last_subject = e.entity if e.bonus else last_subject
    best, best_score = None, -1e9
    for ent_id, e in seen.items():
        ent = index.entities[ent_id]
        name_words = {norm_word(w) for w in ent.name.split()}
        score = 6.0 * len(words & name_words) + min(ent.mentions, 8) / 2
        score += 5.0 if name_words & recent_people else 0.0
        score += DISTANCE_POINTS[here - e.sent] / 4 if here - e.sent <= WINDOW else 0
        if score > best_score:
            best, best_score = ent_id, score
    owned = head in OWNED_ORGS and any(t.tag_ == "PRP$" for t in span)
    if (head in PERSONAL_ORGS or owned) and last_subject is not None and (
            best is None or not recent_people & {norm_word(w) for w in
                                                 index.entities[best].name.split()}):
        # "Hillary Clinton plans … The campaign says": her campaign, even if never named
        return index.group_entity(f"{index.entities[last_subject].name} {head}", "ORG")
    return best


def is_group_noun(word: str) -> bool:
    """Whether a plural noun's lemma can name a group of speakers ("officials", "leaders")."""
    return word in GROUP_WORDS or word in ORG_WORDS or is_person_noun(word) or word in FAMILY_WORDS


def is_person_noun(word: str) -> bool:
    """Whether a common noun denotes a person ("president", "nominee", "spokeswoman")."""
    return (word in ROLE_SYNONYMS or word in FAMILY_WORDS
            or word.endswith(("ist", "man", "woman", "person", "ian", "ee")))


def named_entity_in(index: ArticleIndex, span: Span) -> tuple[int, NameMention] | None:
    """The named mention a source span is about: the one holding its root, else the first."""
    starts = index.mention_starts
    j = bisect_right(starts, span.root.i) - 1
    if j >= 0 and index.mentions[j].start <= span.root.i < index.mentions[j].end:
        m = index.mentions[j]
        return index.mention_entity[m.start], m
    j = bisect_left(starts, span.start)
    while j < len(index.mentions) and index.mentions[j].start < span.end:
        m = index.mentions[j]
        if span.root.i in range(m.start, m.end) or m.start <= span.root.i or m.label == "PERSON":
            return index.mention_entity[m.start], m
        j += 1
    return None


def resolve_name(index: ArticleIndex, span: Span) -> Speaker | None:
    """A source naming someone: its entity, "name" for the full form, else "alias"; names
    joined by "and" ("Mr. Grassley and Mr. Leahy") make one GROUP named after all of them."""
    together, _ = coordinated_entities(index, span)
    if len(together) > 1:
        name = " and ".join(index.entities[e].name for e in together)
        return speaker_of(index, index.group_entity(name, "GROUP"), "name")
    found = named_entity_in(index, span)
    if found is None:
        return None
    ent_id, m = found
    ent = index.entities[ent_id]
    if ent.type == "GROUP":
        return None
    full = frozenset(m.tokens) == ent.tokens or org_key(m.tokens) == org_key(
        [w.lower() for w in ent.name.split()]
    )
    return speaker_of(index, ent_id, "name" if full else "alias")


def coordinated_entities(index: ArticleIndex, span: Span) -> tuple[list[int], bool]:
    """Distinct entities of the names and pronouns coordinated at the root of a span ("A and B",
    "he and Biden"), and whether a pronoun had to be resolved; ([], False) if any is neither."""
    root = span.root
    if not any(c.dep_ == "conj" for c in root.children):
        return [], False
    heads = [root] + [t for t in root.subtree
                      if t.dep_ == "conj" and span.start <= t.i < span.end]
    slots: list[int | Token] = []  # entity ids, or pronouns still to resolve, in text order
    for h in heads:
        if h.tag_ == "PRP" and h.lower_ in THIRD_PERSON and not index.in_quote[h.i]:
            slots.append(h)
            continue
        found = [m for m in _mentions_near(index, h.i) if m.start <= h.i < m.end]
        if not found:
            return [], False
        slots.append(index.mention_entity[found[0].start])
    named = {x for x in slots if isinstance(x, int)}
    pronouns = [x for x in slots if not isinstance(x, int)]
    out: list[int] = []
    for x in slots:
        ent = x if isinstance(x, int) else resolve_pronoun(index, x, exclude=named)
        if ent is None:
            return [], False
        out.append(ent)
    return list(dict.fromkeys(out)), bool(pronouns)


def resolve_unlisted_name(index: ArticleIndex, span: Span) -> Speaker | None:
    """A proper-noun source the NER missed (or quoted): match a known person, else itself."""
    titles, toks = clean_name([t for t in span if t.pos_ in ("PROPN",) or t.tag_ == "NNP"])
    if not toks:
        return None
    key = name_tokens(toks)
    people = [n for n, e in enumerate(index.entities) if e.type == "PERSON"]
    match = [n for n in people if compatible_names(key, sorted(index.entities[n].tokens))
             and index.entities[n].tokens]
    if match:
        ent_id = max(match, key=lambda n: index.entities[n].mentions)
        by = "name" if frozenset(key) == index.entities[ent_id].tokens else "alias"
        return speaker_of(index, ent_id, by)
    text = span.doc[toks[0].i : toks[-1].i + 1].text
    type_ = "PERSON" if titles or looks_like_person(toks) else "OTHER"
    ent_id = index.group_entity(text, type_)
    return speaker_of(index, ent_id, "name")


def resolve_noun(index: ArticleIndex, span: Span) -> Speaker:
    """A common-noun source: group, organisation description, person description, or none."""
    root = span.root
    head = root.lemma_.lower()
    dets = {t.lower_ for t in span if t.dep_ in ("det", "predet", "nummod") or t.lower_ in
            QUANTIFIERS and t.i < root.i}
    plural = root.tag_ in ("NNS", "NNPS")
    indefinite = bool(dets & {"a", "an", "one", "some", "another", "any", "several", "many"})
    trimmed = span[: root.i - span.start + 1]
    name, named = group_name(span)
    if (plural or indefinite) and not is_group_noun(head) and head not in QUANTITY_NOUNS:
        return resolve_thing(index, span)
    if plural or indefinite or head in ("police", "staff", "source"):
        ent_id = index.group_entity(name, "GROUP")
        return speaker_of(index, ent_id, "name" if named else "none")
    if head in ORG_WORDS or head in PLACE_WORDS:
        if named:
            ent_id = index.group_entity(name.replace("’s", "").replace("'s", ""), "ORG")
            return speaker_of(index, ent_id, "name")
        ent_id = resolve_org_description(index, span)
        return speaker_of(index, ent_id, "nominal") if ent_id is not None else unresolved(span)
    if is_person_noun(head):
        ent_id = resolve_description(index, trimmed)
        if ent_id is not None:
            return speaker_of(index, ent_id, "nominal")
        return unresolved(span)
    return resolve_thing(index, span)


def resolve_thing(index: ArticleIndex, span: Span) -> Speaker:
    """A document or thing as source: "a Pentagon memo" -> the named author organisation;
    "the report" -> unresolved, but kept so that a later "it" can refer back to it."""
    root = span.root
    for tok in span:
        if tok.i < root.i and tok.ent_type_ in ("ORG", "PERSON", "GPE") and tok.head.i == root.i:
            ent = next((m for m in index.mentions if m.start <= tok.i < m.end), None)
            if ent is not None:
                return speaker_of(index, index.mention_entity[ent.start], "nominal")
    name, _ = group_name(span[: root.i - span.start + 1])
    thing = Speaker(name=name, id=slugify(name), type="OTHER", resolved_by="none")
    index.group_entity(thing.name, "OTHER")
    return thing


def _mentions_near(index: ArticleIndex, tok: int) -> list[NameMention]:
    """The name mentions that could contain a token (the last one starting at or before it)."""
    j = bisect_right(index.mention_starts, tok) - 1
    return [index.mentions[j]] if j >= 0 else []


def resolve_one(index: ArticleIndex, span: Span) -> tuple[Speaker, int | None]:
    """Resolve one source mention; also return the entity it was tied to (or None)."""
    root = span.root
    low = root.lower_
    together, by_pronoun = coordinated_entities(index, span)
    if len(together) > 1 and by_pronoun:  # "he and Biden"
        name = " and ".join(index.entities[e].name for e in together)
        ent_id = index.group_entity(name, "GROUP")
        return speaker_of(index, ent_id, "pronoun"), ent_id
    if root.tag_ in ("PRP", "PRP$") or root.pos_ == "PRON" and low in THIRD_PERSON | FIRST_PERSON:
        if low not in THIRD_PERSON or index.in_quote[root.i]:
            return unresolved(span), None
        ent_id = resolve_pronoun(index, root)
        if ent_id is None:
            return unresolved(span), None
        return speaker_of(index, ent_id, "pronoun"), ent_id
    if low in RELATIVES and root.tag_ in ("WP", "WDT", "WP$") and root.head.dep_ == "relcl":
        noun = root.head.head
        return resolve_one(index, index.doc[noun.i : noun.i + 1])
    named = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                  and span.start <= c.i < span.end), None)
    if named is not None and root.pos_ == "NOUN":  # "the director, Ruth Adeyemi"
        return resolve_one(index, index.doc[_np_start(named) : named.i + 1])
    title_cased_role = root.pos_ == "PROPN" and (low in ROLE_SYNONYMS or low in ORG_WORDS)
    common = root.pos_ == "NOUN" or root.lemma_.lower() in ORG_WORDS or title_cased_role
    in_name = any(m.start <= root.i < m.end for m in _mentions_near(index, root.i))
    speaker = None
    if not common or in_name:
        speaker = resolve_name(index, span) if root.pos_ == "PROPN" or root.ent_type_ else None
    if speaker is None and root.pos_ == "PROPN" and not title_cased_role:
        speaker = resolve_unlisted_name(index, span)
    if speaker is None and any(t.ent_type_ == "PERSON" for t in span) and not common:
        speaker = resolve_name(index, span)
    if speaker is None:
        speaker = resolve_noun(index, span)
    ent_id = None
    if speaker.resolved_by != "none" or speaker.type in ("GROUP", "OTHER"):
        ent_id = index.entity_named(speaker.name, speaker.type)
    return speaker, ent_id


def _is_role_subject(tok: Token) -> bool:
    """A definite singular person description as subject ("the president appeared cowed")."""
    return (tok.tag_ == "NN" and is_person_noun(tok.lemma_.lower())
            and any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children))


def resolve_sources(doc: Doc, sources: Sequence[Span | None]) -> list[Speaker | None]:
    """The speaker of each source mention of an article's attributions (None stays None)."""
    if not any(s is not None for s in sources):
        return [None] * len(sources)
    index = ArticleIndex(doc)
    order = sorted((s.start, n) for n, s in enumerate(sources) if s is not None)
    source_at = {start for start, _ in order}
    chain = [tok.i for tok in doc if tok.dep_ in ("nsubj", "nsubjpass")
             and not index.in_quote[tok.i] and tok.i not in source_at
             and (tok.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS or _is_role_subject(tok))]
    out: list[Speaker | None] = [None] * len(sources)
    items = sorted([(start, 1, n) for start, n in order] + [(i, 0, -1) for i in chain])
    for start, is_source, n in items:
        if not is_source:  # a non-source subject: resolve it to keep salience current
            tok = doc[start]
            if tok.pos_ == "NOUN":
                ent_id = resolve_description(index, doc[_np_start(tok) : tok.i + 1])
            else:
                ent_id = resolve_pronoun(index, tok)
            if ent_id is not None:
                index.add_event(ent_id, start, subject_bonus(doc[start]))
            continue
        span = sources[n]
        assert span is not None
        speaker, ent_id = resolve_one(index, span)
        out[n] = speaker
        if ent_id is not None:
            root = span.root.i
            if not index.has_event(ent_id, root):
                index.add_event(ent_id, root, subject_bonus(span.root))
                if speaker.resolved_by == "nominal":
                    index.entities[ent_id].roles |= role_words(
                        [t.lemma_ for t in span if not t.is_punct])
            index.speakers.append(Event(root, index.sent_of[root], ent_id, 0))
    return out
