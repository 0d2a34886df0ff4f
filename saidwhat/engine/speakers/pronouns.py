"""Pronoun sources: he/she/they/it to the most salient compatible entity before them."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from saidwhat.engine.speakers.clusters import (
    ArticleIndex,
    Entity,
)
from saidwhat.engine.speakers.mentions import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
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


def pronoun_may_refer(pronoun: str, ent: Entity) -> bool:
    """Whether the learned ranker may weigh an entity as a pronoun's antecedent: what
    `pronoun_ok` allows, plus a short name of another type (see LOOSE_TYPES); never a
    document."""
    if pronoun_ok(pronoun, ent):
        return True
    pclass = pronoun_class(pronoun)
    if ent.type not in LOOSE_TYPES.get(pclass, ()) or not ent.name:
        return False
    words = ent.name.split()
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and (
        words[-1].lower() not in DOCUMENT_WORDS)


def retype_as_person(index: ArticleIndex, ent_id: int, pronoun: str) -> None:
    """A name "he"/"she" refers back to is a person where the recogniser said organisation or
    thing ("Shannon Cross … she said"); a place stays a place ("the city" may follow)."""
    if pronoun_class(pronoun) in ("m", "f") and index.entities[ent_id].type in (
            "ORG", "OTHER", "NORP"):
        index.retype(ent_id, "PERSON")


def resolve_pronoun(index: ArticleIndex, tok: Token, exclude: set[int] | None = None) -> int | None:
    """The antecedent entity of a third-person pronoun: the learned ranker's choice among the
    entities it may refer to (or the hand-set salience among the compatible ones when no
    ranker is loaded)."""
    if index.ranker is not None:
        candidates = pronoun_candidates(index, tok, pronoun_may_refer, _bound_in_clause, exclude)
        if not candidates:
            return cataphora(index, tok)
        best = own_quote_introducer(index, tok, candidates)
        if best is None:
            best = index.ranker.best("pronoun", candidates)
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
