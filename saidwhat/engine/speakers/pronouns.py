"""Pronoun sources: he/she/they/it to the most salient compatible entity before them."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from saidwhat.data.names import COUNTRY_NAMES, NATIONALITIES, PARTIES, US_STATES
from saidwhat.engine.contents import FINITE_TAGS
from saidwhat.engine.quotes import doc_text
from saidwhat.engine.speakers.clusters import (
    ArticleIndex,
    Entity,
    described_as_business,
    mentions_near,
    paragraph_start,
)
from saidwhat.engine.speakers.mentions import (
    FAMILY_NAMES_OF,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
    is_person_noun,
)
from saidwhat.engine.speakers.ranker import (
    Features,
    pronoun_candidates,
    pronoun_class,
    quote_introducer,
)
from saidwhat.settings import SpeakerSettings

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
        return ent.type in ("ORG", "GPE", "OTHER", "DOCUMENT")
    return False


# Entity types a pronoun may take against the recogniser's type, for the ranker to weigh:
# "he" for a name typed as a place or organisation ("Isabelle", "Strayer"), "it" for a
# thing typed as a person (a ship, a town). Never "they" for a person: in news it is a
# group or a document.
LOOSE_TYPES = {"m": ("ORG", "GPE", "OTHER", "NORP"), "f": ("ORG", "GPE", "OTHER", "NORP"),
               "n": ("PERSON",)}


# Countries and states that are also first names: a mistyped person may bear them.
NAME_LIKE_PLACES = frozenset("georgia virginia washington jordan chad israel".split())
# Countries and states no person is named after.
PLACES_NEVER_PEOPLE = (COUNTRY_NAMES | US_STATES) - NAME_LIKE_PLACES


def never_he_or_she(name: str) -> bool:
    """Whether a name is a party or nationality word ("Republican", "Democrats", "American")
    or a country or US state ("Alaska"): what a person is or where, never who."""
    low = name.lower()
    if low in PLACES_NEVER_PEOPLE:
        return True
    words = [w.removesuffix("s") for w in low.split()]
    return bool(words) and all(
        w in NATIONALITIES or (w in PARTIES and len(w) > 1) for w in words)


def acronym_name(name: str) -> bool:
    """Whether a name is only capitals ("HP", "IBM", "AT&T"): an organisation's short form,
    never a person's name form, so a "he"/"she" the ranker gives it does not make it one."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name.strip()


def pronoun_may_refer(pronoun: str, ent: Entity) -> bool:
    """Whether the learned ranker may weigh an entity as a pronoun's antecedent: what
    `pronoun_ok` allows, plus a short name of another type (see LOOSE_TYPES); never a
    document, nor for "he"/"she" a party, nationality, country or state (`never_he_or_she`:
    "Republican senators … him", "The Senator from Alaska … She"), nor for "it" a person
    with a gender ("Daniel Bernoulli … it" is his book; "Cyclone Phailin … it" may be)."""
    if pronoun_ok(pronoun, ent):
        return True
    pclass = pronoun_class(pronoun)
    if ent.type not in LOOSE_TYPES.get(pclass, ()) or not ent.name:
        return False
    if pclass in ("m", "f") and (never_he_or_she(ent.name) or described_as_business(ent)):
        return False  # "AirAsia, a budget carrier … she said": not AirAsia
    if pclass == "n" and ent.gender is not None:  # "it" is no he or she
        return False
    words = ent.name.split()
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and (
        words[-1].lower() not in DOCUMENT_WORDS)


OBJECT_PRONOUNS = frozenset("him her them".split())


def own_subjects(index: ArticleIndex, tok: Token) -> set[int]:
    """Entities an object pronoun cannot mean: the subject of its own verb, or of the verb
    whose subject does that verb ("Her mom would not let her", "her mom wanted to take her
    home": not her mom; a reflexive, "herself", would be). Empty for any other pronoun."""
    if tok.lower_ not in OBJECT_PRONOUNS or tok.tag_ != "PRP" or tok.dep_ not in (
            "dobj", "iobj", "dative"):
        return set()
    verb = tok.head
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    out = {e.entity for e in index.events if e.token in subjects}
    for i in subjects:  # "her mom", never resolved, is still nobody "her" may be
        if any(c.dep_ == "poss" for c in index.doc[i].children):
            out |= possessed_entities(index, index.doc[i])
    return out


# Dependencies of what a verb acts on: its objects, and the object of a preposition on it.
OBJECT_DEPS = frozenset(("dobj", "dative", "iobj"))


def own_objects(index: ArticleIndex, tok: Token) -> set[int]:
    """Entities a subject pronoun cannot mean: those its own verb names after it as what it
    acts on ("he recommended Waze as an alternative", "she thanked Smith", "he spoke to
    Jones": not Waze, Smith, Jones; a reflexive, "himself", would be), whether the
    recogniser tagged that mention or only another one of the same name. Empty for any
    other pronoun."""
    if tok.dep_ != "nsubj" or tok.tag_ != "PRP":
        return set()
    verb = tok.head
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children
                if g.dep_ == "pobj"]
    objects += [c for o in objects for c in o.conjuncts]
    objects = [o for o in objects if o.i > tok.i]
    heads = {o.i for o in objects}
    names = {proper_name_of(o) for o in objects} - {""}  # named where NER saw no entity
    return {e.entity for e in index.events if e.token in heads} | {
        n for n, ent in enumerate(index.entities) if ent.name in names}


def proper_name_of(tok: Token) -> str:
    """The proper name a noun heads, its compound words before it ("Apple Maps"), or ""
    when it is no proper noun."""
    if tok.pos_ != "PROPN":
        return ""
    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in [*words, tok])


def possessed_entities(index: ArticleIndex, noun: Token) -> set[int]:
    """The entities the article named as someone's `noun` ("Kim's mom" for "mom", made when
    a possessed description was resolved)."""
    word = FAMILY_NAMES_OF.get(noun.lower_, noun.lower_)
    return {n for n, e in enumerate(index.entities)
            if e.name.lower().endswith((f"'s {word}", f"’s {word}"))}


def possessed_by_itself(index: ArticleIndex, tok: Token) -> set[int]:
    """Entities a possessive pronoun cannot mean: whoever is named as someone's thing it
    possesses ("her mom" is never "Kim's mom": nobody is their own mother)."""
    if tok.tag_ != "PRP$" or tok.dep_ != "poss":
        return set()
    return possessed_entities(index, tok.head)


def affiliation_modifiers(index: ArticleIndex) -> set[int]:
    """Party or nationality names (NORP) the article uses only as a modifier of a plural noun
    ("Republican senators", "American voters"): the people are the noun's, so no pronoun
    refers to the modifier itself."""
    tokens: dict[int, list[Token]] = {}
    for e in index.events:
        if index.entities[e.entity].type == "NORP":
            tokens.setdefault(e.entity, []).append(index.doc[e.token])
    return {ent for ent, toks in tokens.items()
            if all(t.dep_ in ("amod", "compound") and t.head.tag_ in ("NNS", "NNPS")
                   for t in toks)}


def retype_as_person(index: ArticleIndex, ent_id: int, pronoun: str) -> None:
    """A name "he"/"she" refers back to is a person where the recogniser said organisation or
    thing ("Shannon Cross … she said"); a place stays a place ("the city" may follow), and an
    acronym stays what it was ("HP … his brainstorm" is a misreading, not a man named HP)."""
    ent = index.entities[ent_id]
    if pronoun_class(pronoun) in ("m", "f") and ent.type in ("ORG", "OTHER", "NORP") and (
            not acronym_name(ent.name)):
        index.retype(ent_id, "PERSON")


def resolve_pronoun(index: ArticleIndex, tok: Token, exclude: set[int] | None = None) -> int | None:
    """The antecedent entity of a third-person pronoun: the learned ranker's choice among the
    entities it may refer to (or the hand-set salience among the compatible ones when no
    ranker is loaded)."""
    author = excerpt_author(index, tok)
    may_refer = pronoun_may_refer
    if author is not None:  # only those it fits, the writer left out
        exclude, may_refer = (exclude or set()) | {author}, pronoun_ok
    reported = fronted_report_names(index, tok)
    if reported:  # "People like Scott, he said": not Scott
        exclude = (exclude or set()) | reported
    modifiers = affiliation_modifiers(index)
    if modifiers:  # "Republican senators … they": the senators, not "Republican"
        exclude = (exclude or set()) | modifiers
    subjects = own_subjects(index, tok)
    if subjects:  # "Her mom wouldn't let her": not her mom
        exclude = (exclude or set()) | subjects
    acted_on = own_objects(index, tok)
    if acted_on:  # "he recommended Waze": not Waze
        exclude = (exclude or set()) | acted_on
    itself = possessed_by_itself(index, tok)
    if itself:  # "her mom": not Kim's mom
        exclude = (exclude or set()) | itself
    topic = dislocated_topic(index, tok) or opening_possessor(index, tok)
    if topic is not None and not (exclude and topic in exclude):  # "Josh Kindig, he's …"
        return topic
    if index.ranker is not None:
        candidates = pronoun_candidates(index, tok, may_refer, _bound_in_clause, exclude)
        if not candidates:
            return cataphora(index, tok)
        best = own_quote_introducer(index, tok, candidates)
        if best is None:
            best = governing_subject(index, tok, candidates)
        if best is None:
            best = index.ranker.best("pronoun", candidates)
        if best is not None and unnamed_relative(index.entities[best]):
            best = named_over_relative(index, tok, candidates, best)
        if best is not None:
            retype_as_person(index, best, tok.lower_)
        return best
    pronoun = tok.lower_
    s = index.s
    scores: dict[int, float] = {}
    for e in index.before(tok.i):
        ent = index.entities[e.entity]
        if not pronoun_ok(pronoun, ent) or exclude and e.entity in exclude:
            continue
        if pronoun in PLURAL_PRONOUNS and ent.type == "ORG":
            bonus = s.plural_org_penalty
        else:
            bonus = 0
        d = index.sent_of[tok.i] - e.sent
        if d == 0 and _bound_in_clause(tok, index.doc[e.token], s.max_clause_climb):
            continue
        score = s.distance_points[d] + e.bonus + bonus
        if ent.gender is not None and pronoun in MALE_PRONOUNS | FEMALE_PRONOUNS:
            score += s.gendered_bonus
        scores[e.entity] = max(scores.get(e.entity, -99), score)
    if not scores:
        return cataphora(index, tok)
    last_event = index.last_speaker(tok.i, set(scores))
    last = last_event.entity if last_event else None
    if last_event is not None:
        near = index.sent_of[tok.i] - last_event.sent <= s.near_sentences
        scores[last_event.entity] += s.last_speaker_bonus if near else s.earlier_speaker_bonus
    for e in index.speakers[-s.recent_speakers:] if s.recent_speakers > 0 else []:
        if e.entity in scores and e.entity != last and e.token < tok.i:
            scores[e.entity] += s.recent_speaker_bonus
    return max(scores, key=lambda k: scores[k])


def dislocated_topic(index: ArticleIndex, tok: Token) -> int | None:
    """The name a subject pronoun takes up right after it and a comma at the start of its
    sentence ("Josh Kindig, he's coming on board, he has ideas"): the topic the clause is
    about, which the parse hangs on the pronoun's own verb (so no other rule may take it).
    None unless the name opens its sentence, is no subject of a verb of its own, fits the
    pronoun, and the verb says something of it: no verb of saying or thinking ("Obama, he
    said, was wrong", "Williams, she guessed": the name is what was said), nor one with
    nothing after it."""
    verb = tok.head
    if (tok.dep_ not in ("nsubj", "nsubjpass") or tok.i < 2 or index.in_quote[tok.i]
            or index.doc[tok.i - 1].text != "," or verb.lemma_.lower() in REPORTING_VERBS
            or not any(c.i > verb.i and not c.is_punct for c in verb.children)):
        return None
    name = next((m for m in mentions_near(index, tok.i - 2) if m.end == tok.i - 1), None)
    if name is None or not index.doc[name.start].is_sent_start:
        return None
    head = index.doc[name.end - 1]
    while head.head.i != head.i and name.start <= head.head.i < name.end:
        head = head.head
    if head.head.i != tok.head.i or head.dep_ in ("nsubj", "nsubjpass") and head.head.i < head.i:
        return None
    ent_id = index.mention_entity.get(name.start)
    if ent_id is None or not pronoun_ok(tok.lower_, index.entities[ent_id]):
        return None
    return ent_id


def opening_possessor(index: ArticleIndex, tok: Token) -> int | None:
    """The named possessor of the subject that opens a paragraph, for a subject pronoun of
    its second sentence ("Matie's trajectory, however, has shifted. He's gone from rags to
    riches": Matie, whoever the paragraph before was about). None when the possessed noun is
    a person ("Smith's father died. He …" may be the father), the possessor does not fit the
    pronoun, or another entity the pronoun may mean is named in the paragraph before it."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or index.in_quote[tok.i]:
        return None
    here = index.sent_of[tok.i]
    first = tok.sent
    if first.start == 0:
        return None
    opening = index.doc[first.start - 1].sent
    para = index.para_of[tok.i]
    if (index.para_of[opening.start] != para
            or paragraph_start(index, opening.start) != opening.start
            or index.sent_of[opening.start] == here):
        return None
    subj = next((t for t in opening if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"),
                None)
    owner = next((c for c in subj.children if c.dep_ == "poss"), None) if subj else None
    if owner is None or subj is None or is_person_noun(subj.lemma_.lower()):
        return None
    found = {e.entity for e in index.events if e.token == owner.i}
    if len(found) != 1:
        return None
    ent_id = next(iter(found))
    if not known_fit(tok.lower_, index.entities[ent_id]) or any(
            opening.start <= e.token < tok.i and e.entity != ent_id
            and pronoun_ok(tok.lower_, index.entities[e.entity]) for e in index.events):
        return None
    return ent_id


def own_quote_introducer(index: ArticleIndex, tok: Token, candidates: list[tuple[int, Features]]
                         ) -> int | None:
    """The subject that introduced, in the pronoun's own sentence, the quotation the pronoun
    closes ("Putin also brought up police brutality: “You can hardly …,” he said"), when it
    is one of the pronoun's candidates: the sentence hands its quote back to its own
    subject, whoever spoke the sentence before."""
    intro = quote_introducer(index, tok.i)
    if intro is None or intro not in {e for e, _ in candidates}:
        return None
    here = index.sent_of[tok.i]
    j = bisect_right(index.event_pos, tok.i)
    same = any(e.entity == intro and e.bonus and e.sent == here for e in index.events[:j])
    return intro if same else None


def excerpt_author(index: ArticleIndex, tok: Token) -> int | None:
    """The named writer of the excerpt a pronoun stands in ("McCrummen reports:" then a
    straight-quoted paragraph of her narration, `excerpt_paragraph`): a writer's narration
    never calls the writer "she", so she is no antecedent there, nor is a name of another
    type (her paper, "The Post"); the person it narrates about is often only described
    before ("a female Trump supporter") and named later. None outside excerpts or when the
    paragraph before them does not end in a colon after a named subject."""
    start = next((a for a, b in index.excerpts if a <= tok.idx < b), None)
    if start is None:
        return None
    text = doc_text(index.doc)
    while True:  # back over the excerpt's earlier paragraphs
        before = next((a for a, b in index.excerpts if b < start and not text[b:start].strip()),
                      None)
        if before is None:
            break
        start = before
    end = len(text[:start].rstrip())
    colon = index.doc.char_span(end - 1, end) if end else None
    if colon is None or colon.text != ":":
        return None
    subj = next((c for c in colon.root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN":
        return None
    return next((e.entity for e in index.events if e.token == subj.i), None)


# Verbs of saying whose subject pronoun cannot mean a name in the words it reports before it.
SAYING_VERBS = frozenset("say tell add write argue note explain insist claim contend "
                         "continue recall".split())


def fronted_report_names(index: ArticleIndex, tok: Token) -> set[int]:
    """Entities named only inside the words a pronoun's own verb of saying reports before it
    ("People like Scott, he said": he is not Scott, whom his words name, however often Scott
    was named before): no antecedents of that pronoun. Empty unless the pronoun is the
    subject of such a verb with its reported words in front (a left-dislocated topic, "Josh
    Kindig, he's coming on board", has no verb of saying and stays a candidate). The fronted
    words are a phrase of the pronoun's paragraph with no subject of its own (the parse may
    make them a second subject of the verb; a whole sentence before it, merged into its
    sentence by the parse, is not them)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in SAYING_VERBS:
        return set()
    out: set[int] = set()
    para = index.para_of[tok.i]
    for c in verb.children:
        if (c.i < tok.i and c.dep_ in ("ccomp", "dep", "parataxis", "dobj", "nsubj")
                and index.para_of[c.i] == para
                and not any(t.dep_ in ("nsubj", "nsubjpass") and t.i != c.i for t in c.subtree)):
            lo, hi = c.left_edge.i, c.right_edge.i
            out |= {e.entity for e in index.events
                    if lo <= e.token <= hi and index.para_of[e.token] == para}
    return out


# Verbs whose subject pronoun may report or guess a name fronted before it.
REPORTING_VERBS = SAYING_VERBS | frozenset(
    "think guess suppose believe reckon figure wonder hope bet know ask reply answer".split())


# Subordinators of an adverbial clause whose subject pronoun takes the subject of the clause it
# modifies ("Matt Lauer faced criticism after he asked Clinton …").
ADVERBIAL_MARKS = frozenset(
    "after before when whenever while because since as although though once until if".split())


def governing_subject(index: ArticleIndex, tok: Token, candidates: list[tuple[int, Features]]
                      ) -> int | None:
    """The named subject of the clause an adverbial clause modifies, when the pronoun is that
    adverbial clause's subject ("Matt Lauer faced heavy criticism after he asked Clinton …":
    Lauer, whoever spoke the sentence before); else None. The subject must be a name (not a
    description or pronoun resolved on the way) of a finite clause, one of the candidates, of
    the pronoun's type, number and known gender (a misparse that makes "the United States"
    the subject gives no "he"), with no other entity the pronoun may mean named between them
    ("Obama should force Grassley to act, and … if he does not")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or index.in_quote[tok.i]:
        return None
    clause = tok.head
    if not any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children):
        return None
    verb = clause
    while verb.dep_ == "advcl" and verb.head.i != verb.i:
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        finite = verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass")
                                                 for c in verb.children)
        if subj.i > tok.i or index.in_quote[subj.i] or subj.pos_ != "PROPN" or not finite:
            return None
        found = {e.entity for e in index.events if e.token == subj.i}
        ok = [e for e, _ in candidates if e in found and known_fit(tok.lower_, index.entities[e])]
        if len(ok) != 1 or any(
                subj.i < e.token < tok.i and e.entity != ok[0]
                and pronoun_ok(tok.lower_, index.entities[e.entity]) for e in index.events):
            return None
        return ok[0]
    return None


def unnamed_relative(ent: Entity) -> bool:
    """Whether an entity is a person the article names only as someone's relative or role
    ("Kim's mother", "Sam's sister": made when "her mom" or "Thomas' sister" was resolved)."""
    name = ent.name
    return ent.type == "PERSON" and bool(re.search(r"['’]s [a-z-]+$", name))


def named_over_relative(index: ArticleIndex, tok: Token, candidates: list[tuple[int, Features]],
                        relative: int) -> int | None:
    """The pronoun's antecedent when the ranker chose an unnamed relative mentioned once before
    the pronoun's sentence: the ranker's best among the other candidates that fit the pronoun
    with a known gender ("But her mom would not let her. And so she went home": Kim, not Kim's
    mother; "Thomas' sister pleaded with him to send Gloria … taking her on a trip": Gloria),
    else the relative. The relative stays when it is mentioned more than once, in the
    pronoun's own sentence ("Smith's father said he …"), or in the sentence just before a
    subject pronoun ("Smith's father said the firm had grown. He added …")."""
    here = index.sent_of[tok.i]
    seen = [e for e in index.events if e.entity == relative and e.token < tok.i]
    subject = tok.dep_ in ("nsubj", "nsubjpass")
    if len(seen) != 1 or seen[0].sent >= here - (1 if subject else 0):
        return relative
    others = [c for c in candidates
              if c[0] != relative and known_fit(tok.lower_, index.entities[c[0]])
              and not unnamed_relative(index.entities[c[0]])]
    if not others or index.ranker is None:
        return relative
    other = index.ranker.best("pronoun", others)
    return relative if other is None else other


def known_fit(pronoun: str, ent: Entity) -> bool:
    """Whether an entity fits a pronoun (`pronoun_ok`) with its gender known for he/she."""
    gendered = pronoun in MALE_PRONOUNS or pronoun in FEMALE_PRONOUNS
    return pronoun_ok(pronoun, ent) and (not gendered or ent.gender is not None)


def cataphora(index: ArticleIndex, tok: Token) -> int | None:
    """An antecedent after the pronoun in its sentence ("When he wrote his book, Mr. McKinley
    said …"): the first compatible subject of a clause the pronoun's clause hangs from (not
    one inside a clause of its own: "after what she called a rant, saying that Obama should
    be hanged")."""
    s = index.sent_of[tok.i]
    j = bisect_right(index.event_pos, tok.i)
    while j < len(index.events) and index.events[j].sent == s:
        e = index.events[j]
        if (e.bonus and pronoun_ok(tok.lower_, index.entities[e.entity])
                and governs(index.doc[e.token].head, tok)):
            return e.entity
        j += 1
    return None


def governs(verb: Token, tok: Token) -> bool:
    """Whether a token stands inside the clause of a verb (the verb is one of its heads)."""
    return any(a.i == verb.i for a in tok.ancestors)


def _bound_in_clause(pronoun: Token, cand: Token,
                     climb: int = SpeakerSettings.max_clause_climb) -> bool:
    """A non-subject inside the pronoun's own clause cannot be its antecedent: the object of its
    verb, or a name in a phrase fronted to it ("Campaigning against Romney, he …")."""
    if cand.dep_ in ("nsubj", "nsubjpass"):
        return False
    verb = pronoun.head
    anc = cand
    for _ in range(climb):
        if anc.head.i == verb.i:
            return anc.i != pronoun.i and anc.dep_ in (
                "dobj", "iobj", "attr", "advcl", "prep", "npadvmod", "dative")
        if anc.head.i == anc.i:
            return False
        anc = anc.head
    return False
