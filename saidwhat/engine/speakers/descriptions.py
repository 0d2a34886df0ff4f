"""Description sources: "the Russian leader", "the campaign", "a Pentagon memo" to the entity
they describe, or a group or thing of their own."""

from __future__ import annotations

from spacy.tokens import Span

from saidwhat.data.names import (
    FAMILY_WORDS,
    HONORIFIC_GENDER,
    NATIONALITIES,
    ORG_WORDS,
    PARTIES,
    PLACE_WORDS,
    ROLE_SYNONYMS,
    TITLES,
)
from saidwhat.engine.speakers.clusters import (
    ArticleIndex,
    Entity,
    Event,
    mentions_near,
    speaker_of,
    unresolved,
)
from saidwhat.engine.speakers.mentions import (
    AGE_WORDS,
    QUANTIFIERS,
    QUANTITY_NOUNS,
    group_name,
    is_group_noun,
    is_person_noun,
    norm_word,
)
from saidwhat.engine.speakers.pronouns import resolve_pronoun
from saidwhat.engine.speakers.ranker import description_candidates
from saidwhat.records import Speaker, slugify
from saidwhat.settings import SpeakerSettings

PERSONAL_ORGS = frozenset("campaign administration team foundation".split())


# Bodies that belong to a person only when the text says whose ("her office", "his staff").
OWNED_ORGS = frozenset("office staff".split())


_ALL_NATIONAL = frozenset().union(*NATIONALITIES.values())


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
                      specific: frozenset[str] | set[str] = frozenset(),
                      s: SpeakerSettings | None = None) -> float | None:
    """How well a person fits a description's words; None when they contradict it."""
    s = s or SpeakerSettings()
    score = 0.0
    roles = ent.roles
    if specific and not roles & specific:
        return None
    wanted = ROLE_SYNONYMS.get(head, frozenset({head}))
    if roles & wanted:
        score += s.role_match
    for mod in mods:
        if mod in NATIONALITIES:
            if roles & NATIONALITIES[mod]:
                score += s.nationality_match
            elif roles & (_ALL_NATIONAL - NATIONALITIES[mod]):
                return None
        elif mod in PARTIES and len(mod) > 1:
            party = ent.party
            if party == PARTIES[mod]:
                score += s.party_match
            elif party is not None:
                return None
        elif mod in ROLE_SYNONYMS and roles & ROLE_SYNONYMS[mod]:
            score += s.role_synonym_match
        elif mod in roles and mod not in ("the", "former"):
            score += s.role_word_match
    if "former" in mods and "former" in roles:
        score += s.former_match
    gender = HONORIFIC_GENDER.get(head)
    if gender and ent.gender and ent.gender != gender:
        return None
    return score


# Heads that describe anyone: only a person the article introduced with that word fits.
GENERIC_HEADS = frozenset(
    "woman man person girl boy lady gentleman resident voter worker student teenager "
    "individual citizen customer patient passenger victim driver".split()
)


def resolve_description(index: ArticleIndex, span: Span) -> int | None:
    """The person a singular definite description refers to: best role fit, then salience."""
    head, mods = description_words(span)
    specific = specific_words(span)
    if head in GENERIC_HEADS:  # "the woman": only someone introduced as a woman
        specific = specific | {head}
    if index.ranker is not None:
        candidates = description_candidates(index, span, (head, mods, specific),
                                            description_score)
        return index.ranker.best("description", candidates)
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
    s = index.s
    for ent_id, e in last_seen.items():
        fit = description_score(index.entities[ent_id], head, mods, specific, s)
        if fit is None:
            continue
        d = here - e.sent
        divisor = s.description_salience_divisor
        salience = (s.distance_points[d] if d <= index.window else 0) / divisor + e.bonus / divisor
        mentions = min(index.entities[ent_id].mentions, s.description_mention_cap)
        salience += mentions / s.description_mention_divisor
        if ent_id == last:
            salience += s.description_last_speaker_bonus
        score = fit * s.description_fit_weight + salience
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
    s = index.s
    seen: dict[int, Event] = {}
    recent_people: set[str] = set()
    last_subject: int | None = None
    for e in index.events:
        if e.token >= span.start:
            break
        ent = index.entities[e.entity]
        if ent.type in types:
            seen[e.entity] = e
        elif ent.type == "PERSON" and here - e.sent <= s.near_sentences:
            recent_people |= ent.tokens
            last_subject = e.entity if e.bonus else last_subject
    best, best_score = None, -1e9
    for ent_id, e in seen.items():
        ent = index.entities[ent_id]
        name_words = {norm_word(w) for w in ent.name.split()}
        score = s.org_word_overlap * len(words & name_words)
        score += min(ent.mentions, s.org_mention_cap) / s.org_mention_divisor
        score += s.org_recent_person_bonus if name_words & recent_people else 0.0
        d = here - e.sent
        score += s.distance_points[d] / s.org_distance_divisor if d <= index.window else 0
        if score > best_score:
            best, best_score = ent_id, score
    owned = head in OWNED_ORGS and any(t.tag_ == "PRP$" for t in span)
    if (head in PERSONAL_ORGS or owned) and last_subject is not None and (
            best is None or not recent_people & {norm_word(w) for w in
                                                 index.entities[best].name.split()}):
        # "Hillary Clinton plans … The campaign says": her campaign, even if never named
        who = short_name(index.entities[last_subject])
        return index.group_entity(f"{who} {head}" if head in NAMED_AFTER else f"{who}'s {head}",
                                  "ORG")
    return best


# Roles and bodies that belong to someone: "his office", "her campaign", "Morrison's lawyer".
POSSESSED_ROLES = frozenset(
    "office staff campaign administration team foundation lawyer lawyers attorney attorneys "
    "spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers advisor "
    "advisors representative representatives operative operatives manager".split()
) | FAMILY_WORDS
ORG_LIKE = frozenset("office staff campaign administration team foundation".split())
NAMED_AFTER = frozenset("campaign administration team foundation".split())  # "Clinton campaign"


def possessor(index: ArticleIndex, span: Span) -> int | None:
    """The entity a description is possessed by: "his"/"her"/"their" resolved, or the name
    before "'s" ("Morrison's lawyer")."""
    root = span.root
    poss = [c for c in root.children if c.dep_ == "poss" and span.start <= c.i < span.end]
    if not poss or index.in_quote[poss[0].i]:
        return None
    p = poss[0]
    if p.tag_ == "PRP$" or p.lower_ in ("his", "her", "their", "its"):
        return resolve_pronoun(index, p)
    found = [m for m in mentions_near(index, p.i) if m.start <= p.i < m.end]
    return index.mention_entity[found[0].start] if found else None


def short_name(ent: Entity) -> str:
    """A person's surname (suffixes kept off: "Donald Trump Jr." -> "Trump Jr."), an
    organisation's whole name."""
    if ent.type != "PERSON":
        return ent.name
    words = ent.name.split()
    if len(words) > 2 and norm_word(words[-1]) in ("jr", "sr", "ii", "iii", "iv"):
        return " ".join(words[-2:])
    return words[-1]


def resolve_possessed(index: ArticleIndex, span: Span) -> Speaker | None:
    """A role or body of someone as source is its own speaker, never the possessor: "his
    office" -> "Holcomb's office" (ORG), "her campaign" -> "Clinton campaign" (ORG), "his aides"
    -> "Scott's aides" (GROUP), "Morrison's lawyer" -> "Morrison's lawyer"; a person the article
    introduced in that role ("his lawyer, Ann Lee") is that person."""
    root = span.root
    head = root.lemma_.lower()
    if head not in POSSESSED_ROLES and root.lower_ not in POSSESSED_ROLES:
        return None
    owner = possessor(index, span)
    if owner is None or index.entities[owner].type not in ("PERSON", "ORG"):
        return None
    for ent_id, ent in enumerate(index.entities):  # "his lawyer, Ann Lee"
        if (ent_id != owner and ent.type == "PERSON" and head in ent.roles
                and root.tag_ == "NN" and head not in ORG_LIKE):
            return speaker_of(index, ent_id, "nominal")
    who = short_name(index.entities[owner])
    word = root.text.lower()
    name = f"{who} {word}" if head in NAMED_AFTER else f"{who}'s {word}"
    type_ = "ORG" if head in ORG_LIKE else "GROUP" if root.tag_ in ("NNS", "NNPS") else "PERSON"
    return speaker_of(index, index.group_entity(name, type_), "nominal")


def age_of(span: Span) -> str | None:
    """The age an age description gives ("The 56-year-old" -> "56"), else None."""
    words = [t.lower_ for t in span]
    if "old" not in words or not any(w in ("year", "years") for w in words):
        return None
    return next((t.text for t in span if t.like_num), None)


def resolve_age(index: ArticleIndex, span: Span) -> Speaker | None:
    """"The 56-year-old": the one person introduced with that age ("Ann Lee, 56,"), else the
    description itself, unresolved (never the word "old")."""
    age = age_of(span)
    if age is None:
        return None
    people = [n for n, e in enumerate(index.entities) if e.type == "PERSON" and age in e.roles
              and any(ev.entity == n and ev.token < span.start for ev in index.events)]
    if len(people) == 1:
        return speaker_of(index, people[0], "nominal")
    words = [t for t in span if t.dep_ != "det" and t.lower_ not in QUANTIFIERS]
    text = span.doc[words[0].i : words[-1].i + 1].text if words else span.text
    return Speaker(name=text, id=slugify(text), type="OTHER", resolved_by="none")


def resolve_noun(index: ArticleIndex, span: Span) -> Speaker:
    """A common-noun source: group, organisation description, person description, or none."""
    possessed = resolve_possessed(index, span) or resolve_age(index, span)
    if possessed is not None:
        return possessed
    root = span.root
    head = root.lemma_.lower()
    dets = {t.lower_ for t in span if t.dep_ in ("det", "predet", "nummod") or t.lower_ in
            QUANTIFIERS and t.i < root.i}
    plural = root.tag_ in ("NNS", "NNPS")
    indefinite = bool(dets & {"a", "an", "one", "some", "another", "any", "several", "many"})
    trimmed = span[: root.i - span.start + 1]
    name, named = group_name(span, index.s.max_group_prep_tokens)
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
    name, _ = group_name(span[: root.i - span.start + 1], index.s.max_group_prep_tokens)
    thing = Speaker(name=name, id=slugify(name), type="OTHER", resolved_by="none")
    index.group_entity(thing.name, "OTHER")
    return thing
