"""Grouping name mentions into entities: the article index of people, organisations and groups,
their occurrences (events) and salience."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from saidwhat.data.names import (
    COUNTRY_NAMES,
    FAMILY_WORDS,
    FIRST_NAMES,
    NATIONALITIES,
    ORG_WORDS,
    PARTIES,
    PLACE_WORDS,
    TITLES,
    US_STATES,
    first_name_gender,
)
from saidwhat.engine.quotes import doc_text, find_quotes, paragraphs, token_in_quote
from saidwhat.engine.speakers.mentions import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NameMention,
    acronym,
    clean_label,
    compatible_names,
    familiar_variant,
    group_name,
    initials,
    is_group_noun,
    is_person_noun,
    name_mentions,
    norm_word,
    np_start,
    oath,
    org_key,
    person_shaped,
    plural_lemma,
)
from saidwhat.records import Speaker, slugify
from saidwhat.settings import Settings, SpeakerSettings


@dataclass
class Entity:
    """A cluster of mentions of one person, organisation, place or group in the article."""

    name: str
    type: str
    tokens: frozenset[str] = frozenset()
    roles: set[str] = field(default_factory=set)
    gender_votes: Counter = field(default_factory=Counter)
    mentions: int = 0
    ambiguous: bool = False  # a bare surname two people of the article share: not guessed

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




def holds_acronym(name: str) -> bool:
    """Whether a name already holds a word in capitals ("USS Sampson", "HMS Victory"), so it
    is no spelt-out form of an acronym: "U.S." is not "USS Sampson" though "us" is its
    initials."""
    return any(len(w.strip(".")) > 1 and w.isupper() for w in name.split())


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


FIRST_SECOND_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours|"
                                 r"Me|My|We|Us|Our|You|Your)\b")
THIRD_PERSON_WORD = re.compile(r"\b(?:he|she|his|her|him|they|their|them)\b", re.I)
NESTED_QUOTE = re.compile(r"[“‘][^”’\n]*[”’]")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z]")


def excerpt_paragraph(para: str) -> bool:
    """Whether a paragraph is a straight-quoted excerpt of another writer's narration
    ("McCrummen reports:" then '"Melanie thought the whole thing was outrageous. She
    wasn’t …'): it opens with '"' and has no other straight quote mark but a closing one at
    its end, holds at least two sentences, and, outside its own curly quotations, speaks of
    someone in the third person and never as I, we or you (a speaker's words do)."""
    body = para.strip()
    inner = body.rstrip('"') if body.count('"') == 2 else body
    if not body.startswith('"') or inner.count('"') != 1 or not SENTENCE_BREAK.search(body):
        return False
    narration = NESTED_QUOTE.sub(" ", inner)
    return (THIRD_PERSON_WORD.search(narration) is not None
            and FIRST_SECOND_PERSON.search(narration) is None)


def excerpt_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the article's excerpt paragraphs (see `excerpt_paragraph`)."""
    text = doc_text(doc)
    return [(a, b) for a, b in paragraphs(text) if excerpt_paragraph(text[a:b])]


def narrated_excerpts(doc: Doc, in_quote: list[bool],
                      spans: list[tuple[int, int]] | None = None) -> list[bool]:
    """In-quote flags with the narration of excerpt paragraphs (`spans`, found by
    `excerpt_spans` when not given) counted as outside quotations, so the people it names and
    its pronouns are read like the article's own; the speech quoted inside the excerpt stays
    quoted."""
    text = doc_text(doc)
    spans = excerpt_spans(doc) if spans is None else spans
    if not spans:
        return in_quote
    out = list(in_quote)
    for a, b in spans:
        nested = [(m.start() + a, m.end() + a) for m in NESTED_QUOTE.finditer(text[a:b])]
        span = doc.char_span(a, b, alignment_mode="expand")
        for tok in span if span is not None else ():
            out[tok.i] = any(x <= tok.idx < y for x, y in nested)
    return out


def paragraph_ids(doc: Doc) -> list[int]:
    """For each token, the index of its paragraph (text between line breaks)."""
    breaks = [m.start() for m in re.finditer(r"\n\s*", doc_text(doc))]
    return [bisect_right(breaks, tok.idx) for tok in doc]


def subject_bonus(tok: Token, s: SpeakerSettings) -> int:
    """Salience bonus of a mention's syntactic role: main-clause subject > subject > other."""
    dep = tok.dep_
    if dep in ("conj", "appos") and tok.head.dep_ in ("nsubj", "nsubjpass"):
        tok, dep = tok.head, tok.head.dep_
    if dep in ("nsubj", "nsubjpass"):
        return s.root_subject_bonus if tok.head.dep_ == "ROOT" else s.subject_bonus
    if dep == "pobj" and tok.head.dep_ == "agent":
        return s.subject_bonus
    return 0


# Nationality words of the country a bare title belongs to when the article does not say
# otherwise (most of the news read is American: "President Obama" is the American president,
# not "the French president"); a dateline changes it (`home_nationality`).
HOME_NATIONALITY = frozenset({"american", "u.s.", "us"})
# A dateline opening a story: "MOSCOW —", "LONDON (Reuters) -", "RENO, Nev. (AP) —".
DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’ ]*[A-Z.])(?:,[ \t]*[A-Z][\w.' ]*)?[ \t]*"
                      r"(?:\([^()\n]{1,25}\))?[ \t]*(?:--?|—|–)[ \t]", re.M)


def home_nationality(text: str, reach: int = 600) -> frozenset[str]:
    """The nationality words of the country whose bare titles an article uses: that of the
    place of a dateline in its opening ("MOSCOW —": a bare "President Putin" is the Russian
    president) when the place is a capital or country the nationality list knows, else
    HOME_NATIONALITY."""
    found = DATELINE.search(text[:reach])
    if found is None:
        return HOME_NATIONALITY
    place = found.group(1).lower().strip(". ")
    for words in NATIONALITIES.values():
        if place in words or place.split()[-1] in words:
            return frozenset(k for k, v in NATIONALITIES.items() if v == words)
    return HOME_NATIONALITY


class ArticleIndex:
    """Entities and their occurrences in one article, built once, grown by resolutions."""

    def __init__(self, doc: Doc, settings: Settings | None = None,
                 in_quote: Sequence[bool] | None = None) -> None:
        self.doc = doc
        self.settings = settings or Settings()
        self.s = self.settings.speakers
        self.window = len(self.s.distance_points) - 1
        self.excerpts = excerpt_spans(doc)  # character spans of excerpt paragraphs
        self.in_quote = narrated_excerpts(
            doc, list(in_quote) if in_quote is not None  # the DocContext's flags
            else token_in_quote(doc, find_quotes(doc_text(doc), self.settings.quotes)),
            self.excerpts)
        self.sent_of = sentence_ids(doc, self.in_quote)
        self.para_of = paragraph_ids(doc)
        self.entities: list[Entity] = []
        self.events: list[Event] = []
        self.event_pos: list[int] = []
        self.mention_entity: dict[int, int] = {}  # token index of a name mention's start -> entity
        self.mentions = name_mentions(doc, self.in_quote, self.s)
        self.mention_starts = [m.start for m in self.mentions]
        self.speakers: list[Event] = []  # grows by appending only (see speaker_at)
        self._speaker_at: dict[int, int] = {}
        self._speaker_at_size = 0
        self.source_roots: frozenset[int] = frozenset()  # root tokens of the article's sources
        self.ranker: Any = None  # the learned Ranker, or None for the hand-set salience
        self.home = home_nationality(doc_text(doc))  # whose bare titles the article uses
        self._orgs: dict[str, int] = {}
        self._groups: dict[str, int] = {}
        self.anonymous: dict[str, int] = {}  # indefinite descriptions seen, by name
        self.anonymous_at: list[tuple[int, str, str]] = []  # (token, head lemma, name) of each
        self.documents: list[tuple[int, str, int]] = []  # (token, kind, entity) of documents
        self.coordinated: dict[int, tuple[int, ...]] = {}  # group of coordinated people -> them
        self._by_name: dict[tuple[str, str], int] = {}
        self._by_name_size = -1
        self._cluster()
        self._complete_surnames()
        self._relatives_surnames()
        self._mark_ambiguous_surnames()
        self._retype_people()
        self._retype_businesses()
        self._plural_groups()
        self._coordinated_people()
        self._pronoun_genders()
        self._retype_things()
        self._unlisted_names()
        self.events.sort(key=lambda e: e.token)
        self.event_pos = [e.token for e in self.events]
        self.answers = answer_regions(doc_text(doc))
        self.interviewee = self._interviewee() if self.answers else None

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
        bonus = subject_bonus(self.doc[tok], self.s)
        self.events.append(Event(tok, self.sent_of[tok], ent, bonus))

    def _cluster(self) -> None:
        """Cluster name mentions into entities (people by name containment, others by key)."""
        people = cluster_people(self.mentions, self.sent_of, self.s.near_sentences)
        surnames = surnames_tagged_org(self.mentions, people)
        for n in surnames:  # a person's surname, whatever the recogniser said
            self.mentions[n] = replace(self.mentions[n], label="PERSON")
        people |= surnames
        person_ent: dict[int, int] = {}
        for m, cluster in people.items():
            if cluster not in person_ent:
                person_ent[cluster] = self._new("", "PERSON")
            self.mention_entity[self.mentions[m].start] = person_ent[cluster]
        shaped = surnames_of_shaped_orgs(self.mentions, people)
        for n, m in enumerate(self.mentions):
            if n in shaped:
                continue
            if m.label != "PERSON":
                self.mention_entity[m.start] = self._org_entity(m)
            ent = self.entities[self.mention_entity[m.start]]
            if m.label == "PERSON":
                if len(m.tokens) > len(ent.tokens) or not ent.name or shouted(ent, m):
                    ent.name, ent.tokens = m.text, frozenset(m.tokens)
                if m.gender:
                    ent.gender_votes[m.gender] += self.s.name_gender_votes
            ent.roles |= m.roles
            self._occur(self.mention_entity[m.start], self._mention_root(m))
        for n, full in shaped.items():  # after the full names, which made the entity
            m = self.mentions[n]
            ent_id = self.mention_entity[self.mentions[full].start]
            self.mention_entity[m.start] = ent_id
            self.entities[ent_id].roles |= m.roles
            self._occur(ent_id, self._mention_root(m))

    def _mention_root(self, m: NameMention) -> int:
        """The token of a name mention whose head lies outside it."""
        return max(range(m.start, m.end), key=lambda i: self.doc[i].head.i not in
                   range(m.start, m.end))

    def _complete_surnames(self) -> None:
        """A bare surname the article never gives a full name to outside quotations takes the
        one full name it writes anywhere ("Maddow" after “The Rachel Maddow Show”, "Murphy"
        after a quoted "Patrick Murphy"); two different first names make it ambiguous."""
        people = [e for e in self.entities if e.type == "PERSON"]
        before: dict[str, list[Token]] | None = None
        for ent in people:
            if len(ent.tokens) != 1 or any(
                    len(o.tokens) > 1 and ent.tokens < o.tokens for o in people):
                continue
            before = first_names_before(self.doc) if before is None else before
            firsts = first_names_of(before.get(next(iter(ent.tokens)), []), ent.gender)
            if len(firsts) == 1:
                first, = firsts
                surname = ent.name
                ent.name = f"{first} {surname}"
                ent.tokens = frozenset((norm_word(first), next(iter(ent.tokens))))
            elif len(firsts) > 1:
                ent.ambiguous = True

    def _relatives_surnames(self) -> None:
        """A first name alone, set off after a relative of a named person ("Clinton's husband,
        Bill,", "Mr. McKinley … with his daughter, Ellie,"), takes that person's surname
        ("Bill Clinton"), joining the person of that full name when the article has one."""
        for m in self.mentions:
            ent_id = self.mention_entity[m.start]
            ent = self.entities[ent_id]
            if m.label != "PERSON" or len(ent.tokens) != 1 or m.end - m.start != 1:
                continue
            owner = relative_owner(self, self.doc[m.start])
            if owner is None:
                continue
            surname = self.entities[owner].name.split()[-1]
            tokens = ent.tokens | {norm_word(surname)}
            same = next((n for n, e in enumerate(self.entities)
                         if e.type == "PERSON" and e.tokens == tokens), None)
            if same is not None:
                self.mention_entity[m.start] = same
                continue
            ent.name, ent.tokens = f"{ent.name} {surname}", tokens

    def _mark_ambiguous_surnames(self) -> None:
        """A bare surname left alone because two full names of the article share it, both
        fitting its gender ("Murphy" beside Chris and Patrick Murphy, neither just named), is
        marked ambiguous: its speaker says so instead of guessing."""
        fulls = [e for e in self.entities if e.type == "PERSON" and len(e.tokens) > 1]
        for ent in self.entities:
            if ent.type != "PERSON" or len(ent.tokens) != 1:
                continue
            rivals = [f for f in fulls if ent.tokens < f.tokens
                      and (ent.gender is None or f.gender in (ent.gender, None))]
            if len(rivals) > 1:
                ent.ambiguous = True

    def _org_entity(self, m: NameMention) -> int:
        """The ORG/GPE/NORP entity of a mention: same key, or acronym of a longer name."""
        key = org_key(m.tokens)
        if key in self._orgs:
            ent = self._orgs[key]
        else:
            ent = -1
            for other_key, idx in self._orgs.items():
                if (len(m.tokens) == 1 and acronym(other_key.split()) == key and len(key) > 1
                        and not holds_acronym(self.entities[idx].name)):
                    ent = idx
                elif (len(other_key.split()) == 1 and acronym(m.tokens) == other_key
                      and not holds_acronym(m.text)):
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
                    and tok.i not in self.mention_entity and is_group_noun(plural_lemma(tok))):
                name, named = group_name(self.doc[np_start(tok) : tok.i + 1],
                                         self.s.max_group_prep_tokens)
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
            if self.doc[root].dep_ == "conj" and any(  # inside a longer list: its head's
                    o.label == "PERSON" and o.start <= self.doc[root].head.i < o.end
                    for o in mentions_near(self, self.doc[root].head.i)):
                continue
            conj = conjuncts_after(self.doc[m.start : m.end], m.end)
            ents = [self.mention_entity[m.start]]
            for c in conj:
                for other in mentions_near(self, c.i):
                    if other.start <= c.i < other.end and other.label == "PERSON":
                        ents.append(self.mention_entity[other.start])
            ents = list(dict.fromkeys(ents))
            if len(ents) > 1:
                name = " and ".join(self.entities[e].name for e in ents)
                group = self.group_entity(name, "GROUP")
                self.coordinated[group] = tuple(ents)
                self._occur(group, root)

    def group_entity(self, name: str, type_: str) -> int:
        """The entity of a group or description name (one clean line), created on first use."""
        name = clean_label(name)
        key = name.lower()
        if key not in self._groups:
            self._groups[key] = self._new(name, type_)
        return self._groups[key]

    def _retype_people(self) -> None:
        """A person-shaped name the recogniser called an organisation is a person when the
        article describes it with a person noun ("Shannon Cross, an analyst at …")."""
        for ent in self.entities:
            if ent.type == "ORG" and person_shaped(ent.name) and any(
                    is_person_noun(w) and w not in ORG_WORDS for w in ent.roles):
                ent.type = "PERSON"

    def _retype_businesses(self) -> None:
        """A name the recogniser called a place that the article describes as a business
        ("AirAsia, a budget carrier", "Acme, the company") is an organisation: "the airline"
        can mean it. Never a country or a US state, whatever its descriptors."""
        for ent in self.entities:
            words = [norm_word(w) for w in ent.name.split()]
            if (ent.type == "GPE" and described_as_business(ent)
                    and " ".join(words) not in PLACES_NEVER_BUSINESSES
                    and not set(words) & PLACES_NEVER_BUSINESSES):
                ent.type = "ORG"

    def _pronoun_genders(self) -> None:
        """Gender votes from he/she after the only person named in a sentence (outside quotes);
        with no person there, a lone person-shaped "organisation" is that person. An object
        pronoun of that person's own clause is someone else's, and so is a pronoun of its
        gender opening the next sentence (`own_clause_subject`)."""
        by_sent: dict[int, set[int]] = {}
        orgs_by_sent: dict[int, set[int]] = {}
        for e in self.events:
            ent = self.entities[e.entity]
            if ent.type == "PERSON":
                by_sent.setdefault(e.sent, set()).add(e.entity)
            elif ent.type == "ORG" and person_shaped(ent.name):
                orgs_by_sent.setdefault(e.sent, set()).add(e.entity)
        other: defaultdict[int, set[str]] = defaultdict(set)  # genders of someone else, by sentence
        at = {e.token: e.entity for e in self.events}  # not sorted yet: has_event cannot tell
        for tok in self.doc:
            low = tok.lower_
            if self.in_quote[tok.i] or low not in MALE_PRONOUNS | FEMALE_PRONOUNS:
                continue
            s = self.sent_of[tok.i]
            gender = "m" if low in MALE_PRONOUNS else "f"
            subject = own_clause_subject(tok)
            if subject is not None and at.get(subject.i, -1) in by_sent.get(s, ()):
                other[s].add(gender)  # "reports Ann Lee filed against him": someone else
                continue
            if about_described_other(tok):
                continue
            first = tok.i == 0 or self.sent_of[tok.i - 1] != s
            people = by_sent.get(s) or (by_sent.get(s - 1) if first else None)
            if not people and not by_sent.get(s - 1):
                orgs = orgs_by_sent.get(s) or orgs_by_sent.get(s - 1)
                if orgs and len(orgs) == 1:  # "Shannon Cross … she said"
                    people = orgs
                    self.entities[next(iter(orgs))].type = "PERSON"
                    by_sent.setdefault(s, set()).update(orgs)
            if people and len(people) == 1:
                ent = next(iter(people))
                if not by_sent.get(s) and gender in other[s - 1]:
                    continue  # "… Ann Lee filed against him. He denied …": him, not Ann Lee
                self.entities[ent].gender_votes[gender] += self.s.pronoun_gender_votes

    def _retype_things(self) -> None:
        """A one-word "person" the article calls "it" ("Twitter said … its terms", "Carrier has
        said it will …") and never "he"/"she" is an organisation: "its" after the only person
        named in the sentence, or "it" as the subject of what the name said."""
        by_sent: dict[int, set[int]] = {}
        for e in self.events:
            if self.entities[e.entity].type == "PERSON":
                by_sent.setdefault(e.sent, set()).add(e.entity)
        token_entity = {i: self.mention_entity[m.start] for m in self.mentions
                        if m.start in self.mention_entity for i in range(m.start, m.end)}
        votes: Counter[int] = Counter()
        for tok in self.doc:
            if self.in_quote[tok.i]:
                continue
            if tok.lower_ in ("its", "itself"):
                people = by_sent.get(self.sent_of[tok.i], set())
                if len(people) == 1:
                    votes[next(iter(people))] += 1
            elif tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp":
                said = tok.head.head  # "Carrier has said it will return the money"
                subj = [c for c in said.children if c.dep_ == "nsubj" and c.i in token_entity]
                if subj:
                    votes[token_entity[subj[0].i]] += 1
        plants = company_modifiers(self.doc)
        for ent_id, ent in enumerate(self.entities):
            if ent.type != "PERSON" or len(ent.tokens) != 1 or ent.roles & TITLES:
                continue
            if (not any(ent.gender_votes.values()) and votes[ent_id]
                    or plants[next(iter(ent.tokens))] >= 2):
                ent.type = "ORG"

    def _unlisted_names(self) -> None:
        """Proper nouns the recogniser missed, as subjects or possessors outside quotes
        ("Byron received his early education"): things ("OTHER", role "unlisted") that a
        pronoun may refer to; a name "he"/"she" is resolved to becomes a person."""
        named = {i for m in self.mentions for i in range(m.start, m.end)}
        for tok in self.doc:
            name = unlisted_name(tok)
            if name is None or self.in_quote[tok.i] or tok.i in named:
                continue
            ent = self.group_entity(name, "OTHER")
            self.entities[ent].roles.add("unlisted")
            self._occur(ent, tok.i)

    def _interviewee(self) -> int | None:
        """The person a Q&A interview is with: the one the introduction before the first
        question names most often (None on a tie or when it names nobody)."""
        first_question = self.answers[0][0]
        counts: Counter[int] = Counter(
            e.entity for e in self.events if self.doc[e.token].idx < first_question
            and self.entities[e.entity].type == "PERSON")
        ranked = counts.most_common(2)
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def answering(self, tok: int) -> int | None:
        """The interviewee, when a token is inside an answer of a Q&A interview ("A: I think
        …" and the paragraphs after it up to the next question), else None."""
        if self.interviewee is None:
            return None
        at = self.doc[tok].idx
        return self.interviewee if any(a <= at < b for _, a, b in self.answers) else None

    # -- growing during resolution

    def add_event(self, ent: int, tok: int, bonus: int) -> None:
        """Insert an occurrence found by resolution (kept sorted by token)."""
        at = bisect_right(self.event_pos, tok)
        self.events.insert(at, Event(tok, self.sent_of[tok], ent, bonus))
        self.event_pos.insert(at, tok)

    def retype(self, ent: int, type_: str) -> None:
        """Change an entity's type (the name lookup is rebuilt on next use)."""
        self.entities[ent].type = type_
        self._by_name_size = -1

    def has_event(self, ent: int, tok: int) -> bool:
        """Whether an occurrence of the entity is recorded at the token."""
        j = bisect_left(self.event_pos, tok)
        while j < len(self.events) and self.events[j].token == tok:
            if self.events[j].entity == ent:
                return True
            j += 1
        return False

    def before(self, tok: int, window: int | None = None) -> list[Event]:
        """Occurrences before a token within `window` sentences (default: the salience
        window), nearest first."""
        window = self.window if window is None else window
        s = self.sent_of[tok]
        out: list[Event] = []
        j = bisect_left(self.event_pos, tok) - 1
        while j >= 0 and s - self.events[j].sent <= window:
            out.append(self.events[j])
            j -= 1
        return out

    def speaker_at(self) -> dict[int, int]:
        """Token of each source resolved so far -> its entity (the latest for a token), kept up
        to date as `speakers` grows instead of rebuilt for every pronoun candidate."""
        if self._speaker_at_size > len(self.speakers):  # never happens: speakers only grows
            self._speaker_at, self._speaker_at_size = {}, 0
        for e in self.speakers[self._speaker_at_size:]:
            self._speaker_at[e.token] = e.entity
        self._speaker_at_size = len(self.speakers)
        return self._speaker_at

    def last_speaker(self, tok: int, ok: set[int] | None = None) -> Event | None:
        """The most recent previous speaker (optionally among `ok`) within the window."""
        s = self.sent_of[tok]
        for e in reversed(self.speakers):
            if e.token < tok and s - e.sent <= self.window and (ok is None or e.entity in ok):
                return e
        return None


# Descriptors that say a name is a business, not a place ("AirAsia, a budget carrier").
BUSINESS_WORDS = frozenset("company firm corporation business maker manufacturer retailer "
                           "automaker airline carrier bank lender insurer".split())
PLACES_NEVER_BUSINESSES = COUNTRY_NAMES | US_STATES


def described_as_business(ent: Entity) -> bool:
    """Whether the article describes a name that is not shaped like a person's as a business,
    and never with a person noun ("AirAsia, a budget carrier"; not "airline boss Tony
    Fernandes")."""
    return (bool(ent.roles & BUSINESS_WORDS) and not person_shaped(ent.name)
            and not any(is_person_noun(w) for w in ent.roles))


QUESTION_LINE = re.compile(r"^[ \t]*Q(?:[ \t]*[:.][ \t]*|(?=[A-Z][a-z]))", re.M)
ANSWER_LINE = re.compile(r"^[ \t]*A[ \t]*[:.][ \t]*", re.M)


# Relatives who mostly share a surname (a friend or a neighbour does not).
SURNAME_RELATIVES = frozenset(
    "mother father mom dad wife husband son daughter brother sister widow widower".split())


def conjuncts_after(name: Span, end: int) -> list[Token]:
    """The conjuncts of a name's tokens after the name, followed down the chain ("Donald
    Trump, Ben Carson, and Carly Fiorina": Carson, then Fiorina, whom the parse hangs on
    Carson)."""
    out: list[Token] = []
    todo = list(name)
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.i >= end and c not in out:
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def relative_owner(index: ArticleIndex, tok: Token) -> int | None:
    """The named person whose relative a first name is set off after ("Clinton's husband,
    Bill": Clinton; "Mr. McKinley is facing … with his daughter, Ellie": McKinley, the
    nearest man named before "his" in its sentence); None for anything else."""
    head = tok.head
    if tok.dep_ != "appos" or head.lemma_.lower() not in SURNAME_RELATIVES or head.i > tok.i:
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.tag_ == "PRP$":
        gender = "m" if poss.lower_ == "his" else "f" if poss.lower_ == "her" else None
        if gender is None:
            return None
        sent = poss.sent
        for m in reversed(index.mentions):
            if m.start >= poss.i or m.start < sent.start:
                continue
            ent = index.entities[index.mention_entity[m.start]]
            if m.label == "PERSON" and ent.gender in (gender, None) and has_surname(ent):
                return index.mention_entity[m.start]
            if m.label == "PERSON":
                return None
        return None
    found = [m for m in mentions_near(index, poss.i) if m.start <= poss.i < m.end
             and m.label == "PERSON"]
    if not found:
        return None
    owner = index.mention_entity[found[0].start]
    return owner if has_surname(index.entities[owner]) else None


def has_surname(ent: Entity) -> bool:
    """Whether a person's name ends in a surname: more than one word, or one word that is no
    known first name ("McKinley" for Mr. McKinley, not "Bill")."""
    words = ent.name.split()
    return len(ent.tokens) > 1 or bool(words) and norm_word(words[-1]) not in FIRST_NAMES


def answer_regions(text: str) -> list[tuple[int, int, int]]:
    """The answers of a Q&A interview as (first question, start, end) character offsets: from
    each "A:" line to the next "Q:" (or "QWhy …") line, when the text has at least two of
    each; [] for any other article."""
    questions = [m.start() for m in QUESTION_LINE.finditer(text)]
    answers = [m.start() for m in ANSWER_LINE.finditer(text)]
    if len(questions) < 2 or len(answers) < 2:
        return []
    out = []
    for a in answers:
        nxt = [q for q in questions if q > a]
        out.append((questions[0], a, nxt[0] if nxt else len(text)))
    return out


COMPANY_NOUNS = frozenset(
    "factory factories plant plants worker workers employee employees headquarters shares "
    "stock shareholders subsidiary facility facilities".split())


def first_names_before(doc: Doc) -> dict[str, list[Token]]:
    """The proper nouns the text writes right before each word, quotations and titles included
    ("Rachel" before "maddow" in “The Rachel Maddow Show”), titles left out."""
    out: dict[str, list[Token]] = {}
    for tok in doc[:-1]:
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and norm_word(tok.text) not in TITLES:
            out.setdefault(norm_word(doc[tok.i + 1].text), []).append(tok)
    return out


def first_names_of(before: list[Token], gender: str | None) -> set[str]:
    """Of the words written before a surname, the first names: known first names of a gender
    that fits (not "Derelict" in a headline's "Derelict Obama")."""
    found: set[str] = set()
    for tok in before:
        first = norm_word(tok.text)
        known = first_name_gender(first)
        if known and gender in (known, None):
            found.add(tok.text)
    return found


def company_modifiers(doc: Doc) -> Counter[str]:
    """How often each capitalised word modifies what only a company has ("a Carrier factory",
    "Carrier workers", "Carrier's parent company"), by name token: a one-word name used so
    twice is a company even when the article slips into "he"/"she" for it."""
    out: Counter[str] = Counter()
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ not in ("compound", "poss", "nmod"):
            continue
        head = tok.head
        if head.lower_ in COMPANY_NOUNS or head.lower_ == "company" and any(
                c.lower_ == "parent" for c in head.children):
            out[norm_word(tok.text)] += 1
    return out


def shouted(ent: Entity, m: NameMention) -> bool:
    """Whether an entity named in capitals ("DONALD TRUMP" from a headline, "RAMOS" from a
    transcript label) should take a mention's mixed-case form of the same name instead."""
    return ent.name.isupper() and not m.text.isupper() and frozenset(m.tokens) == ent.tokens


def unlisted_name(tok: Token) -> str | None:
    """The name a capitalised proper noun heads as a subject or possessor when the
    recogniser tagged none of it ("Byron", "Master Lunre"), else None."""
    if (tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass", "poss")
            or not tok.text[:1].isupper() or tok.ent_type_ or not tok.text[1:2].islower()
            or oath(tok)):
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == tok.i \
            and not doc[start - 1].ent_type_ and norm_word(doc[start - 1].text) not in TITLES:
        start -= 1  # "Master Lunre"; a title before it ("Governor Holt") is no part of the name
    words = [norm_word(t.text) for t in tok.doc[start : tok.i + 1]]
    if any(w in TITLES or w in ORG_WORDS or w in PLACE_WORDS for w in words):
        return None
    return tok.doc[start : tok.i + 1].text.removesuffix("'s").removesuffix("’s").strip()


def own_clause_subject(tok: Token) -> Token | None:
    """The subject of the verb an object pronoun depends on, directly or through a
    preposition ("Ann Lee filed reports against him": Ann Lee), which it cannot mean; None for
    any other pronoun (a reflexive, "himself", may mean it)."""
    if tok.tag_ != "PRP" or tok.lower_ not in ("him", "her") or tok.dep_ not in (
            "dobj", "iobj", "dative", "pobj"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def about_described_other(tok: Token) -> bool:
    """Whether a pronoun sits in a relative clause about a common noun ("Melanie said to the
    Republican nominee, who began his speech"): it is that noun's, no vote for the name."""
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return anc.head.pos_ == "NOUN"
    return False


def person_with_initials(index: ArticleIndex, word: str, shaped: bool = False) -> int | None:
    """The one person of the article whose initials a 2-3 capital word is ("AD" for Ava
    DuVernay); `shaped` also counts a person-shaped name tagged otherwise; None if not one."""
    if not (2 <= len(word) <= 3 and word.isalpha() and word.isupper()):
        return None
    match = [n for n, e in enumerate(index.entities)
             if (e.type == "PERSON" or (shaped and person_shaped(e.name)))
             and initials(e.name) == word]
    return match[0] if len(match) == 1 else None


def cluster_people(mentions: Sequence[NameMention], sent_of: Sequence[int],
                   near: int = SpeakerSettings.near_sentences) -> dict[int, int]:
    """Map each PERSON mention index to a person cluster id (the index of a full-name mention)."""
    people = [n for n, m in enumerate(mentions) if m.label == "PERSON"]
    fulls: list[int] = []  # representative mention index per distinct full name
    out: dict[int, int] = {}
    for n in sorted(people, key=lambda n: -len(mentions[n].tokens)):
        toks = mentions[n].tokens
        if len(toks) < 2:
            continue
        match = [f for f in fulls if compatible_names(toks, mentions[f].tokens)
                 or familiar_variant(toks, mentions[f].tokens)]
        out[n] = match[0] if len(match) == 1 else (match[0] if match else n)
        if not match:
            fulls.append(n)
    singles: dict[str, int] = {}
    for n in people:  # "Mr. Obama" beside only "Michelle Obama": someone else, by surname
        toks = mentions[n].tokens
        if n not in out and mentions[n].gender and (match := [
                f for f in fulls if compatible_names(toks, mentions[f].tokens)]) and all(
                mentions[f].gender not in (mentions[n].gender, None) for f in match):
            out[n] = singles.setdefault(" ".join(toks), n)
    for n in people:
        if n in out:
            continue
        toks = mentions[n].tokens
        match = [f for f in fulls if compatible_names(toks, mentions[f].tokens)
                 and not middle_name_of_later(mentions[n], mentions[f])]
        same_gender = [f for f in match if mentions[f].gender in (mentions[n].gender, None)]
        match = same_gender if mentions[n].gender and same_gender else match
        if " ".join(toks) in singles and not mentions[n].gender:
            out[n] = singles[" ".join(toks)]  # the surname's own person, once one is known
        elif not match:
            out[n] = singles.setdefault(" ".join(toks), n)
        elif len(match) == 1:
            out[n] = match[0]
        else:
            picked = pick_namesake(n, match, mentions, sent_of, out, near)
            # truly ambiguous: the surname stays itself ("Murphy"), no guess between namesakes
            out[n] = picked if picked is not None else singles.setdefault(" ".join(toks), n)
    return out


def middle_name_of_later(short: NameMention, full: NameMention) -> bool:
    """Whether a one-word name is only a middle word of a full name first given after it
    ("Chao went to the United States" long before "His daughter Rulan Chao Pian"): the
    article met the one-word name as a person of its own."""
    return (len(short.tokens) == 1 and full.start > short.start
            and short.tokens[0] not in (full.tokens[0], full.tokens[-1]))


def org_name_words(mentions: Sequence[NameMention]) -> set[str]:
    """Words of the longer names of organisations and places, where no surname ends a
    person-shaped one ("chandor" in "Chandor Research", not in an ORG-tagged "J.C. Chandor")."""
    return {t for m in mentions if m.label != "PERSON" and len(m.tokens) > 1
            for t in (m.tokens[:-1] if person_shaped(m.text) else m.tokens)}


def lone_org_words(mentions: Sequence[NameMention]) -> Iterator[tuple[int, str]]:
    """Each one-word, title-case name the recogniser called an organisation ("Chandor"), with
    its index among the mentions: a surname it may have mistyped."""
    for n, m in enumerate(mentions):
        if m.label == "ORG" and len(m.tokens) == 1 and m.text.istitle():
            yield n, m.tokens[0]


def surnames_tagged_org(mentions: Sequence[NameMention], people: dict[int, int]
                        ) -> dict[int, int]:
    """A one-word name the recogniser called an organisation that is the surname of exactly
    one person the article names in full ("Chandor asked his leading man …" after "J.C.
    Chandor's film"): that person's mention, mapped to their cluster; not a word of an
    organisation's longer name ("Ford" beside "Ford Motor") nor an organisation or place word."""
    by_surname: dict[str, set[int]] = {}
    for n, cluster in people.items():
        toks = mentions[n].tokens
        if len(toks) > 1 and not mentions[n].modifier:
            by_surname.setdefault(toks[-1], set()).add(cluster)
    in_org_names = org_name_words(mentions)
    out: dict[int, int] = {}
    for n, word in lone_org_words(mentions):
        clusters = by_surname.get(word, set())
        if (len(clusters) == 1 and word not in in_org_names and word not in ORG_WORDS
                and word not in PLACE_WORDS):
            out[n] = next(iter(clusters))
    return out


def surnames_of_shaped_orgs(mentions: Sequence[NameMention], people: dict[int, int]
                            ) -> dict[int, int]:
    """A one-word "organisation" that is the last word of exactly one person-shaped name the
    recogniser also called an organisation ("Chandor" after "J.C. Chandor's film", both ORG),
    and of no person's name: mapped to that name's first mention, so the two are one entity
    (typed a person later if the article treats it as one)."""
    taken = {mentions[n].tokens[-1] for n in people}
    fulls: dict[str, set[tuple[str, ...]]] = {}
    first: dict[tuple[str, ...], int] = {}
    for n, m in enumerate(mentions):
        if m.label == "ORG" and len(m.tokens) > 1 and person_shaped(m.text):
            fulls.setdefault(m.tokens[-1], set()).add(m.tokens)
            first.setdefault(m.tokens, n)
    in_org_names = org_name_words(mentions)
    out: dict[int, int] = {}
    for n, word in lone_org_words(mentions):
        names = fulls.get(word, set())
        if len(names) == 1 and word not in taken | in_org_names:
            out[n] = first[next(iter(names))]
    return out


def pick_namesake(n: int, match: Sequence[int], mentions: Sequence[NameMention],
                  sent_of: Sequence[int], assigned: dict[int, int],
                  near: int = SpeakerSettings.near_sentences) -> int | None:
    """For a bare surname shared by several people: the one named within `near` sentences
    before, else the one mentioned most by full name, else the one named first; None when
    that too ties (truly ambiguous)."""
    here = sent_of[mentions[n].start]
    counts: Counter = Counter()
    recent: dict[int, int] = {}
    for m, cluster in assigned.items():
        if cluster in match and len(mentions[m].tokens) > 1:
            counts[cluster] += 1
            if mentions[m].start < mentions[n].start:
                recent[cluster] = max(recent.get(cluster, -1), mentions[m].start)
    close = [c for c in match if c in recent and here - sent_of[recent[c]] <= near]
    in_passing = {c for c in match if named_in_passing(c, mentions, assigned)}
    if close and (set(close) - in_passing or in_passing >= set(match)):
        return max((c for c in close if c not in in_passing or in_passing >= set(match)),
                   key=lambda c: recent[c])
    met = [c for c in match if c not in in_passing] or list(match)
    ranked = sorted(met, key=lambda c: (-counts[c], -recent.get(c, -1)))
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        first = first_named(ranked[:2], mentions, sent_of, assigned)
        gender = mentions[n].gender  # "Mr. Khan": never a namesake of unknown gender by order
        return first if gender is None or first is None or mentions[first].gender else None
    return ranked[0]


def named_in_passing(cluster: int, mentions: Sequence[NameMention],
                     assigned: dict[int, int]) -> bool:
    """Whether a person is only ever named in full in passing: as someone's relative
    (`introduced_as_relative`) or as a modifier of a thing ("a Hieronymus Bosch painting"),
    so a bare surname means a namesake the article meets in its own right."""
    fulls = [m for m, c in assigned.items() if c == cluster and len(mentions[m].tokens) > 1]
    return introduced_as_relative(cluster, mentions, assigned) or (
        bool(fulls) and all(mentions[m].modifier for m in fulls))


def introduced_as_relative(cluster: int, mentions: Sequence[NameMention],
                           assigned: dict[int, int]) -> bool:
    """Whether a person is only ever named in full as someone's relative ("Her husband, Bill
    Clinton, sat nearby"; "his father, Brent Bozell, Jr."): named in passing, so a bare surname
    just after still means the namesake the article is about."""
    fulls = [m for m, c in assigned.items() if c == cluster and len(mentions[m].tokens) > 1]
    return bool(fulls) and all(mentions[m].roles & FAMILY_WORDS for m in fulls)


def first_named(pair: Sequence[int], mentions: Sequence[NameMention], sent_of: Sequence[int],
                assigned: dict[int, int]) -> int | None:
    """Of two namesakes named as often, the one the article names first in full (its subject:
    "Hillary Clinton" in the lede, "Bill Clinton" later); None when both are first named in one
    sentence ("Chris Murphy and Patrick Murphy met voters"): truly ambiguous."""
    first: dict[int, int] = {}
    for m, cluster in assigned.items():
        if cluster in pair and len(mentions[m].tokens) > 1:
            first[cluster] = min(first.get(cluster, mentions[m].start), mentions[m].start)
    if len(first) < 2:
        return None
    a, b = sorted(pair, key=lambda c: first[c])
    if sent_of[first[a]] == sent_of[first[b]]:
        return None
    return a


def speaker_of(index: ArticleIndex, ent: int, resolved_by: str) -> Speaker:
    """The Speaker record of an entity; "ambiguous" for a surname two people share."""
    e = index.entities[ent]
    how = "ambiguous" if e.ambiguous else resolved_by
    return Speaker(name=e.name, id=slugify(e.name), type=e.type, resolved_by=how)


def unresolved(span: Span, type_: str = "OTHER") -> Speaker:
    """A speaker that could not be tied to anyone: the mention itself, as one clean line."""
    text = clean_label(span.text)
    return Speaker(name=text, id=slugify(text), type=type_, resolved_by="none")


def paragraph_start(index: ArticleIndex, i: int) -> int:
    """The first word of the paragraph holding token `i` (spaces opening it skipped; `i` at
    the latest)."""
    first = i
    while first > 0 and index.para_of[first - 1] == index.para_of[i]:
        first -= 1
    while first < i and index.doc[first].is_space:
        first += 1
    return first


def mentions_near(index: ArticleIndex, tok: int) -> list[NameMention]:
    """The name mentions that could contain a token (the last one starting at or before it)."""
    j = bisect_right(index.mention_starts, tok) - 1
    return [index.mentions[j]] if j >= 0 else []
