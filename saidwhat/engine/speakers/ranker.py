"""The learned resolver: candidate referents of a pronoun or a person description, their
features, and the logistic-regression weights (`saidwhat/data/resolver.json`) that rank them.

For each mention the candidates are the article's entities seen before it (within the pronoun
window, or anywhere for descriptions) that agree with it (type, number, gender; a description's
nationality, party and specific words). Each (mention, candidate) pair gets features; the best-
scoring candidate wins when its probability reaches the trained threshold, otherwise the
mention stays unresolved. A pronoun's features are all learned, none hand-set: how far back and
in which role the candidate was last mentioned, whether it is the subject of the clause just
before (`clause_features`), whether and how often it spoke before and whether it spoke last in
this paragraph, whether it introduced the quotation the pronoun closes, paragraph distance,
whether its last mention stands in what another speaker reports (`reported_by_other`), type,
gender and mention counts. A kind listed under the file's `ranking` (trained with
`scripts/train_resolver.py --rank KIND`; none ships) has its probabilities as a softmax over
the mention's candidates (a conditional logit); the others score each candidate alone. Trained
on GUM by `scripts/train_resolver.py`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from saidwhat.data.names import (
    COUNTRY_NAMES,
    HONORIFIC_GENDER,
    NATIONALITIES,
    ORG_WORDS,
    PARTIES,
    PLACE_WORDS,
    ROLE_SYNONYMS,
    US_STATES,
)
from saidwhat.engine.linear import logistic, weights_json
from saidwhat.engine.speakers.clusters import HOME_NATIONALITY, ArticleIndex, Entity, Event
from saidwhat.engine.speakers.mentions import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
    norm_word,
)
from saidwhat.settings import SpeakerSettings

Features = dict[str, float]
Agrees = Callable[[str, Entity], bool]
Bound = Callable[[Token, Token, int], bool]
Fits = Callable[[Entity, str, set[str], set[str], SpeakerSettings], float | None]


@dataclass(frozen=True)
class Ranker:
    """Weights per mention kind ("pronoun", "description", "organisation"), the probability to
    resolve, and the kinds whose weights rank candidates against each other (`ranking`: a
    conditional logit, the probability a softmax over the mention's candidates) rather than
    score each alone (a logistic regression)."""

    weights: dict[str, dict[str, float]]
    thresholds: dict[str, float]
    ranking: frozenset[str] = frozenset()

    def score(self, kind: str, features: Features) -> float:
        """The linear score of a candidate with these features."""
        w = self.weights[kind]
        return w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in features.items())

    def probability(self, kind: str, features: Features) -> float:
        """The probability that a candidate with these features is the referent (alone)."""
        return logistic(self.score(kind, features))

    def probabilities(self, kind: str, candidates: list[tuple[int, Features]]) -> list[float]:
        """Each candidate's probability of being the referent: a softmax over the candidates
        for a ranking kind, else each one's logistic probability."""
        if kind not in self.ranking:
            return [self.probability(kind, f) for _, f in candidates]
        scores = [self.score(kind, f) for _, f in candidates]
        top = max(scores)
        exps = [math.exp(z - top) for z in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def to_json(self) -> dict[str, Any]:
        """The weights in the resolver.json layout."""
        out: dict[str, Any] = {"weights": self.weights, "thresholds": self.thresholds}
        return out | ({"ranking": sorted(self.ranking)} if self.ranking else {})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        """A ranker from resolver.json data."""
        return cls(weights=data["weights"], thresholds=data["thresholds"],
                   ranking=frozenset(data.get("ranking", ())))

    def best(self, kind: str, candidates: list[tuple[int, Features]]) -> int | None:
        """The most probable candidate when it reaches the threshold, else None."""
        if not candidates:
            return None
        probs = self.probabilities(kind, candidates)
        scored = [(p, -n, ent) for n, (p, (ent, _)) in enumerate(zip(probs, candidates,
                                                                       strict=True))]
        p, _, ent = max(scored)
        return ent if p >= self.thresholds[kind] else None


def load_ranker(settings: SpeakerSettings | None = None) -> Ranker | None:
    """The resolver the settings name (their resolver_file, else the shipped weights), or None
    when the settings turn it off or no weights are installed."""
    if settings is not None and not settings.learned:
        return None
    data = weights_json("resolver.json", settings.resolver_file if settings is not None else "")
    return Ranker.from_json(data) if data is not None else None


def pronoun_class(pronoun: str) -> str:
    """'m', 'f', 'pl' or 'n' for a third-person pronoun."""
    if pronoun in MALE_PRONOUNS:
        return "m"
    if pronoun in FEMALE_PRONOUNS:
        return "f"
    if pronoun in PLURAL_PRONOUNS:
        return "pl"
    return "n" if pronoun in NEUTER_PRONOUNS else "?"


def _role(tok: Token) -> str:
    """The pronoun's grammatical role: subject, possessive or other."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return "subj"
    if tok.tag_ == "PRP$" or tok.dep_ == "poss":
        return "poss"
    return "obj"


def _speaker_features(index: ArticleIndex, tok: int, ent: int, last: Event | None) -> Features:
    """Whether the candidate spoke last (near or far; `last` is `index.last_speaker(tok)`) or
    among the last few speakers."""
    out: Features = {}
    if last is not None and last.entity == ent:
        out["spoke_last_near" if index.sent_of[tok] - last.sent <= 1 else "spoke_last_far"] = 1
    elif any(e.entity == ent and e.token < tok for e in index.speakers[-4:]):
        out["spoke_recently"] = 1
    return out


def pronoun_candidates(index: ArticleIndex, tok: Token, compatible: Agrees, bound: Bound,
                       exclude: set[int] | None = None) -> list[tuple[int, Features]]:
    """Compatible entities before a pronoun within the window, with their features."""
    pronoun = tok.lower_
    pclass = pronoun_class(pronoun)
    role = _role(tok)
    here = index.sent_of[tok.i]
    latest: dict[int, Event] = {}
    subject_seen: dict[int, int] = {}
    count: dict[int, int] = {}
    nearest_subject: int | None = None
    best_event: dict[int, tuple[int, Event]] = {}
    compatible_of: dict[int, bool] = {}
    j = bisect_left(index.event_pos, tok.i)
    for e in reversed(index.events[:j]):  # nearest first, the whole article before the pronoun
        if e.entity in latest and here - e.sent > index.window:
            continue
        ent = index.entities[e.entity]
        if exclude and e.entity in exclude:
            continue
        fits = compatible_of.get(e.entity)
        if fits is None:  # asked once per entity, not once per mention
            fits = compatible_of[e.entity] = compatible(pronoun, ent)
        if not fits:
            continue
        if here == e.sent and bound(tok, index.doc[e.token], index.s.max_clause_climb):
            continue
        latest.setdefault(e.entity, e)
        if e.bonus and nearest_subject is None:
            nearest_subject = e.entity
        if here - e.sent <= index.window:
            points = index.s.distance_points[here - e.sent] + e.bonus
            if points > best_event.get(e.entity, (-1, e))[0]:
                best_event[e.entity] = (points, e)
            count[e.entity] = count.get(e.entity, 0) + 1
            if e.bonus:
                subject_seen[e.entity] = max(subject_seen.get(e.entity, 0), e.bonus)
    top = max((index.entities[k].mentions for k in latest), default=0)
    order = sorted(latest, key=lambda k: -latest[k].token)
    n = len(order)
    introducer = quote_introducer(index, tok.i)
    spoke = spoke_counts(index, tok.i)
    prior = salience(index, tok, best_event)
    last_speaker = last_here = index.last_speaker(tok.i)
    if last_here is not None and index.para_of[last_here.token] != index.para_of[tok.i]:
        last_here = None
    out: list[tuple[int, Features]] = []
    for rank, ent_id in enumerate(order):
        e = latest[ent_id]
        ent = index.entities[ent_id]
        d = here - e.sent
        f: Features = {f"dist{min(d, index.window + 1)}": 1, f"rank{min(rank, 3)}": 1,
                       "tokdist": math.log1p(tok.i - e.token) / 5,
                       "mentions": math.log1p(ent.mentions) / 2,
                       "window_mentions": math.log1p(count.get(ent_id, 0)) / 2,
                       "candidates": math.log(n), f"type_{ent.type}_{pclass}": 1,
                       f"role_{role}": 1, "salience": prior.get(ent_id, 0.0) / 10,
                       "salience_best": float(prior.get(ent_id, -1) == max(prior.values(),
                                                                           default=0))}
        if e.bonus == 3:
            f["root_subject"] = 1
        elif e.bonus:
            f["subject"] = 1
        if subject_seen.get(ent_id):
            f["was_subject"] = 1
        if e.bonus and role == "subj":
            f["parallel_subject"] = 1
        if ent_id == introducer:
            f["quote_intro_subject"] = 1
        elif introducer is not None:
            f["quote_intro_other"] = 1
        para = index.para_of[tok.i] - index.para_of[e.token]
        f[f"para{min(para, 2)}"] = 1
        if para == 0:
            f["same_paragraph"] = 1
        if ent.mentions == top:
            f["most_mentioned"] = 1
        if pclass in ("m", "f"):
            f["gender_known" if ent.gender else "gender_unknown"] = 1
        if "anonymous" in ent.roles:
            f["anonymous_group"] = 1
        if "unlisted" in ent.roles:
            f[f"unlisted_{pclass}"] = 1
        if pclass == "pl" and " and " in ent.name:
            f["coordination"] = 1
        f.update(clause_features(ent_id, nearest_subject, d, e.bonus))
        last = _speaker_features(index, tok.i, ent_id, last_speaker)
        f.update(last)
        f.update({f"{k}_{role}": v for k, v in last.items()})  # a subject "he" says; "her" less
        if spoke.get(ent_id):
            f["spoke_count"] = math.log1p(spoke[ent_id]) / 2
        if last_here is not None and last_here.entity == ent_id:
            f["spoke_last_this_paragraph"] = 1
        if reported_by_other(index, e.token, ent_id, tok.i):
            f["reported"] = 1
        out.append((ent_id, f))
    return out


REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def reported_by_other(index: ArticleIndex, tok: int, ent_id: int, pronoun: int) -> bool:
    """Whether a token stands inside what someone else reports ("Putin said he and Biden had
    agreed": Biden), a clause under a verb whose subject is the source of another speaker
    than `ent_id` (and not the pronoun being resolved, whose speaker is not known yet)."""
    speaker_at = index.speaker_at()
    child = index.doc[tok]
    for verb in child.ancestors:
        if child.dep_ in REPORTED_DEPS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i != pronoun
                and speaker_at.get(c.i, ent_id) != ent_id for c in verb.children):
            return True
        child = verb
    return False


def spoke_counts(index: ArticleIndex, tok: int) -> dict[int, int]:
    """How often each entity was the speaker of an attribution before a token."""
    out: dict[int, int] = {}
    for e in index.speakers:
        if e.token < tok:
            out[e.entity] = out.get(e.entity, 0) + 1
    return out


def clause_features(ent_id: int, nearest_subject: int | None, dist: int, bonus: int
                    ) -> Features:
    """Whether a candidate is the subject of the clause just before the pronoun (the nearest
    subject among the candidates) or a subject of the sentence before."""
    f: Features = {}
    if ent_id == nearest_subject:
        f["nearest_subject"] = 1
    if bonus and dist == 1:
        f["subject_prev_sentence"] = 1
    return f


def quote_introducer(index: ArticleIndex, tok: int) -> int | None:
    """When the pronoun closes a quotation ("“…,” he said"), the entity that is the subject
    of the narration just before that quotation ("Putin also brought up …: “…,” he said";
    "Mary looked up. “Go,” she said"), else None."""
    i = tok - 1
    while i >= 0 and index.doc[i].is_punct and not index.in_quote[i]:
        i -= 1
    if i < 0 or not index.in_quote[i]:
        return None
    while i >= 0 and (index.in_quote[i] or index.doc[i].is_quote):
        i -= 1
    j = bisect_left(index.event_pos, i + 1)
    for e in reversed(index.events[:j]):
        if e.bonus:
            return e.entity
    return None


def salience(index: ArticleIndex, tok: Token, best: dict[int, tuple[int, Event]]
             ) -> dict[int, float]:
    """Centering-style salience of the candidates within the window: sentence distance and
    subject role of their best occurrence, known gender, and whether they spoke last."""
    scores: dict[int, float] = {}
    s = index.s
    for ent_id, (points, _) in best.items():
        known = index.entities[ent_id].gender is not None and pronoun_class(tok.lower_) in "mf"
        scores[ent_id] = points + (s.gendered_bonus if known else 0)
    last = index.last_speaker(tok.i, set(scores))
    if last is not None:
        near = index.sent_of[tok.i] - last.sent <= s.near_sentences
        scores[last.entity] += s.last_speaker_bonus if near else s.earlier_speaker_bonus
    for e in index.speakers[-s.recent_speakers:] if s.recent_speakers > 0 else []:
        if e.entity in scores and (last is None or e.entity != last.entity) and e.token < tok.i:
            scores[e.entity] += s.recent_speaker_bonus
    return scores


def _fit_features(roles: set[str], head: str, mods: set[str], party: str | None) -> Features:
    """How a candidate's descriptors match a description's head and modifiers."""
    f: Features = {}
    wanted = ROLE_SYNONYMS.get(head, frozenset({head}))
    if roles & wanted:
        f["head_role"] = 1
    if head in roles:
        f["head_word"] = 1
    for mod in mods:
        if mod in NATIONALITIES and roles & NATIONALITIES[mod]:
            f["nationality"] = 1
        elif mod in PARTIES and len(mod) > 1 and party == PARTIES[mod]:
            f["party"] = 1
        elif mod in ROLE_SYNONYMS and roles & ROLE_SYNONYMS[mod]:
            f["modifier_role"] = f.get("modifier_role", 0) + 1
        elif mod in roles and mod not in ("the", "former"):
            f["modifier_word"] = f.get("modifier_word", 0) + 1
    if HONORIFIC_GENDER.get(head):
        f["gendered_head"] = 1
    return f


def narrow(people: list[int], index: ArticleIndex, head: str, mods: set[str]) -> list[int]:
    """Only the people the description's words single out, when some are: those introduced
    with its nationality ("the Russian leader"), then its party ("the Republican")."""
    for key in ("nationality", "party"):
        fitting = [k for k in people
                   if key in _fit_features(index.entities[k].roles, head, mods,
                                           index.entities[k].party)]
        if fitting:
            people = fitting
        elif key == "nationality" and foreign_to_all(mods, index.home):
            people = [k for k in people if not titled_at_home(index.entities[k].roles, head)]
    return people


def foreign_to_all(mods: set[str], home: frozenset[str] = HOME_NATIONALITY) -> bool:
    """Whether a description names a nationality not the article's home one ("The French
    president" in American news)."""
    return any(m in NATIONALITIES and m not in home for m in mods)


def titled_at_home(roles: set[str], head: str) -> bool:
    """Whether a person holds a foreign description's office under a bare title ("President
    Obama" for "the French president" when nobody was introduced as French): a bare title is
    the home country's, so that person is not the one described."""
    return bool(roles & ROLE_SYNONYMS.get(head, frozenset({head})))


def description_candidates(index: ArticleIndex, span: Span, words: tuple[str, set[str], set[str]],
                           fits: Fits, skip: frozenset[int] | set[int] = frozenset()
                           ) -> list[tuple[int, Features]]:
    """People seen before a person description that its words (head, modifiers, specific
    words) do not contradict, leaving out `skip` (people it cannot mean) before its
    nationality or party narrows them: one it cannot mean never hides the others."""
    head, mods, specific = words
    tok = span.start
    here = index.sent_of[tok]
    latest: dict[int, Event] = {}
    for e in index.events:
        if e.token >= tok:
            break
        person = index.entities[e.entity].type == "PERSON"
        if person and here - e.sent <= index.s.description_window and e.entity not in skip:
            latest[e.entity] = e
    order = sorted(latest, key=lambda k: -latest[k].token)
    people = narrow([k for k in order if fits(index.entities[k], head, mods, specific, index.s)
                     is not None], index, head, mods)
    n = len(people)
    last = index.last_speaker(tok)
    out: list[tuple[int, Features]] = []
    for rank, ent_id in enumerate(people):
        e = latest[ent_id]
        ent = index.entities[ent_id]
        d = here - e.sent
        f = _fit_features(ent.roles, head, mods, ent.party)
        f.update({f"dist{min(d, index.window + 1)}": 1, f"rank{min(rank, 3)}": 1,
                  "mentions": math.log1p(ent.mentions) / 2, "candidates": math.log(n)})
        if e.bonus:
            f["subject"] = 1
        if not ent.roles:
            f["no_descriptors"] = 1
        f.update(_speaker_features(index, tok, ent_id, last))
        out.append((ent_id, f))
    return out


# Head nouns of place descriptions ("the city", "the island", "the neighborhood"): their
# candidates are places and facilities as well as organisations.
PLACE_HEADS = PLACE_WORDS | frozenset(
    "neighborhood neighbourhood island area district village fort commonwealth republic "
    "kingdom territory borough suburb municipality township continent peninsula".split())


KIND_WORDS = ORG_WORDS | PLACE_HEADS  # words by which a name says what kind of body it is


def head_class(head: str) -> str:
    """'place' for a place noun, 'org' for an organisation noun, else 'other'."""
    if head in PLACE_HEADS:
        return "place"
    return "org" if head in ORG_WORDS else "other"


# Heads of descriptions of a settlement: a city, town or village is never a whole country.
SETTLEMENT_HEADS = frozenset(
    "city town village capital municipality borough suburb township".split())


COUNTRY_KEYS = frozenset(c.replace(".", "").removeprefix("the ") for c in COUNTRY_NAMES)


COUNTRY_HEADS = frozenset("country nation".split())


def is_country(ent: Entity) -> bool:
    """Whether an entity's name is a country's ("Greece", "the U.S.")."""
    name = " ".join(norm_word(w) for w in ent.name.split()).replace(".", "")
    return name.removeprefix("the ") in COUNTRY_KEYS


DISTRICT_NAMES = frozenset("downtown uptown midtown".split())


def settlement_not_country(head: str, ent: Entity) -> bool:
    """Whether a candidate may be what a place description names: "the city" or "the
    capital" is no country ("Greece", "the US"), no state nor realm (`state_or_realm`) and
    no district of it ("Downtown"), whatever was named last."""
    return head not in SETTLEMENT_HEADS or not is_country(ent) and not state_or_realm(ent) and (
        norm_word(ent.name) not in DISTRICT_NAMES)


# States that share their name with a city ("New York", "Washington"): either may be meant.
CITY_STATES = frozenset({"new york", "washington"})
# Last words of the names of realms, never a settlement ("the Roman Empire", "the Union").
REALM_WORDS = frozenset("empire kingdom republic union states federation".split())


def state_or_realm(ent: Entity) -> bool:
    """Whether a place's name is a US state's that names no city too ("Oklahoma", not "New
    York") or a realm's ("the Roman Empire")."""
    words = [norm_word(w) for w in ent.name.split()]
    name = " ".join(words).removeprefix("the ")
    return name in US_STATES - CITY_STATES or bool(words) and words[-1] in REALM_WORDS


def countries_first(index: ArticleIndex, head: str, candidates: list[tuple[int, Features]]
                    ) -> list[tuple[int, Features]]:
    """"The country"/"the nation": only the countries among the candidates when one was
    named ("Italy", not the city just visited), else all of them (a name outside the list).
    Applied when resolving, after the ranker's candidates (its training sees them all)."""
    if head not in COUNTRY_HEADS:
        return candidates
    countries = [c for c in candidates if is_country(index.entities[c[0]])]
    return countries or candidates


# Kinds of body whose description words stand in for one another ("the agency" may be the
# "… Administration"); a name ending in a word of another kind is no referent of the head.
KIND_FAMILIES = (
    frozenset("agency administration department ministry office bureau service commission "
              "authority government regulator watchdog".split()),
    frozenset("company firm corporation business maker manufacturer retailer automaker airline "
              "bank".split()),
    frozenset("newspaper paper magazine outlet publication network channel station site "
              "website newsroom broadcaster".split()),
    frozenset("court".split()),
    frozenset("university school institute college lab laboratory".split()),
    frozenset("party".split()),
    frozenset("union association coalition committee council board foundation charity "
              "center centre league club team".split()),
)  # "the organisation", "the group", "the body" may be any of them (a party too)
# Heads naming a particular line of business: only a candidate whose name or description
# shows it fits ("the airline" is AirAsia or Garuda Airlines, never Reuters, Airbus or a
# name typed ORG just before). Markers: name words that show it.
NEWSPAPER_MARKERS = frozenset("times post journal herald tribune gazette news daily telegraph "
                              "guardian observer star chronicle inquirer globe sun mail express "
                              "register examiner record courier press bee".split())
KIND_MARKERS: dict[str, frozenset[str]] = {
    "airline": frozenset("air airline airlines airways aviation".split()),
    "carrier": frozenset("air airline airlines airways".split()),
    "newspaper": NEWSPAPER_MARKERS,
    "paper": NEWSPAPER_MARKERS,
    "magazine": frozenset("magazine weekly review monthly".split()),
    "university": frozenset("university college".split()),
    "school": frozenset("school academy college".split()),
    "hospital": frozenset("hospital clinic medical health".split()),
    "church": frozenset("church cathedral chapel parish".split()),
    "embassy": frozenset("embassy".split()),
}


AIR_HEADS = frozenset({"airline", "carrier"})
CAMEL_AIR = re.compile(r"Air[A-Z]")  # "AirAsia", "AirTran" (not "Airbus")


def kind_of_word(word: str) -> frozenset[str] | None:
    """The family of body words a word belongs to, if any."""
    return next((f for f in KIND_FAMILIES if word in f), None)


def kind_fits(head: str, ent: Entity) -> bool:
    """Whether a candidate's name may be of the kind a description's head says: not a name
    ending in a word of another kind ("the company" is no "Ohio Supreme Court"), and for a
    line of business (KIND_MARKERS) a name or description that shows it."""
    words = [norm_word(w) for w in ent.name.split()]
    if not words:
        return False
    family = kind_of_word(head)
    last = kind_of_word(words[-1])
    if family is not None and last is not None and family is not last:
        return False
    markers = KIND_MARKERS.get(head)
    if markers is None:
        return True
    return head in ent.roles or any(w in markers or CAMEL_AIR.match(w0) and head in AIR_HEADS
                                    for w, w0 in zip(words, ent.name.split(), strict=True))


def candidate_types(head: str) -> tuple[str, ...]:
    """The entity types an organisation or place description may refer to: a state, city or
    country is a place (GPE); an island, fort or neighbourhood a place or a facility (which
    the recogniser's FAC makes ORG); anything else an organisation."""
    if head in PLACE_WORDS:
        return ("GPE",)
    return ("GPE", "ORG") if head in PLACE_HEADS else ("ORG",)


def organisation_candidates(index: ArticleIndex, span: Span, head: str, mods: set[str],
                            skip: set[int]) -> list[tuple[int, Features]]:
    """Organisations and places seen before an organisation or place description ("the
    company", "the appeals court", "the city"), of the types its head allows, with their
    features: the description's words
    in the name, the head's class against the candidate's type, distance, mentions, subject
    role, whether it is named after a person just named ("Clinton … the campaign"). No
    candidate count nor who spoke last: GUM, which it learns from, has few organisations and
    few speakers, and those features only taught it that news articles differ. `skip`:
    entities never meant (an outlet only ever spoken to)."""
    tok = span.start
    here = index.sent_of[tok]
    types = candidate_types(head)
    latest: dict[int, Event] = {}
    recent_people: set[str] = set()
    subject_seen: set[int] = set()
    seen: dict[int, int] = {}  # occurrences so far (a name found by resolution counts too)
    for e in index.events:
        if e.token >= tok:
            break
        ent = index.entities[e.entity]
        if (ent.type in types and e.entity not in skip and settlement_not_country(head, ent)
                and kind_fits(head, ent)):
            latest[e.entity] = e
            seen[e.entity] = seen.get(e.entity, 0) + 1
            if e.bonus:
                subject_seen.add(e.entity)
        elif ent.type == "PERSON" and here - e.sent <= index.s.near_sentences:
            recent_people |= ent.tokens
    order = sorted(latest, key=lambda k: -latest[k].token)
    if not order:
        return []
    cls = head_class(head)
    top = max(seen.values())
    nearest_named = next((k for k in order if head in
                          {norm_word(w) for w in index.entities[k].name.split()}), None)
    out: list[tuple[int, Features]] = []
    for rank, ent_id in enumerate(order):
        e = latest[ent_id]
        ent = index.entities[ent_id]
        words = [norm_word(w) for w in ent.name.split()]
        d = here - e.sent
        f: Features = {f"dist{min(d, index.window + 1)}": 1, f"rank{min(rank, 3)}": 1,
                       "mentions": math.log1p(seen[ent_id]) / 2, f"{cls}_{ent.type}": 1}
        if head in words:
            f["head_in_name"] = 1
            if words and words[-1] == head:
                f["head_last"] = 1
            if ent_id == nearest_named:
                f["nearest_head_in_name"] = 1
        elif set(words) & KIND_WORDS:  # "the company" and the "Ohio Supreme Court"
            f["name_other_kind"] = 1
        overlap = len(mods & set(words))
        if overlap:
            f["mods_in_name"] = overlap
        if head in ent.roles:
            f["head_role"] = 1
        if set(words) & recent_people:
            f["named_after_recent_person"] = 1
        if e.bonus:
            f["subject"] = 1
        elif ent_id in subject_seen:
            f["was_subject"] = 1
        if seen[ent_id] == top:
            f["most_mentioned"] = 1
        if index.para_of[e.token] == index.para_of[tok]:
            f["same_paragraph"] = 1
        if len(words) > 4:
            f["long_name"] = 1
        out.append((ent_id, f))
    return out
