"""Description sources: "the Russian leader", "the campaign", "a Pentagon memo" to the entity
they describe, or a group or thing of their own."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span, Token

from saidwhat.data.names import (
    FAMILY_WORDS,
    FIRST_NAMES,
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
    paragraph_start,
    person_shaped,
    person_with_initials,
    speaker_of,
    unresolved,
)
from saidwhat.engine.speakers.mentions import (
    AGE_WORDS,
    FAMILY_NAMES_OF,
    QUANTIFIERS,
    QUANTITY_NOUNS,
    clean_label,
    group_name,
    is_group_noun,
    is_person_noun,
    norm_word,
    np_start,
    plural_lemma,
)
from saidwhat.engine.speakers.pronouns import SAYING_VERBS, resolve_pronoun
from saidwhat.engine.speakers.ranker import (
    KIND_MARKERS,
    PLACE_HEADS,
    countries_first,
    description_candidates,
    foreign_to_all,
    organisation_candidates,
)
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


OFFICE_WORDS = frozenset(ROLE_SYNONYMS) | frozenset().union(*ROLE_SYNONYMS.values())


def relative_not_office(roles: set[str], head: str) -> bool:
    """Whether a description names an office ("the GOP presidential nominee") that a person
    introduced only as someone's relative ("his first wife, Ivana Trump") was never given:
    a wife or son is not the nominee the article speaks of."""
    return (head in ROLE_SYNONYMS and head not in GENERIC_HEADS and bool(roles & FAMILY_WORDS)
            and not roles & OFFICE_WORDS)


# Offices won or sought by election: what a judge, a pollster or a host of the article is not.
ELECTED_OFFICES = frozenset(
    "president senator representative congressman congresswoman lawmaker legislator governor "
    "mayor candidate nominee hopeful contender challenger".split())
# Callings the article gives people that no elected office goes with in the same story.
PROFESSIONS = frozenset(
    "judge justice pollster host anchor analyst economist professor reporter correspondent "
    "columnist journalist moderator historian scientist researcher doctor".split())


def profession_not_office(roles: set[str], head: str) -> bool:
    """Whether a description names an elected office or a candidacy ("The GOP presidential
    nominee") that a person the article introduced by a profession outside politics
    ("Manhattan Supreme Court Justice Frank Nervo", "the pollster Ann Selzer") was never
    given: the judge who ruled is not the nominee who argued."""
    return (head in ELECTED_OFFICES and bool(roles & PROFESSIONS)
            and not roles & (ELECTED_OFFICES | ROLE_SYNONYMS[head]))


def other_office_now(roles: set[str], head: str, mods: set[str]) -> bool:
    """Whether a description of a former office-holder ("the former president") meets someone
    the article gives another office and not as a former one ("Sen. Bernie Sanders"): a
    sitting senator is not the former president the article speaks of."""
    if "former" not in mods or head not in ROLE_SYNONYMS or head in GENERIC_HEADS:
        return False
    offices = roles & OFFICE_WORDS
    return bool(offices) and "former" not in roles and not roles & ROLE_SYNONYMS[head]


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
    if relative_not_office(roles, head) and "former" not in mods:
        return None
    if other_office_now(roles, head, mods) or profession_not_office(roles, head):
        return None
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
    if head in PARTY_MEMBERS and ent.party not in (None, PARTIES[head]):
        return None  # "the Wisconsin Republican" is no Democrat
    return score


# Party words that, as the head of a singular description, are a member of the party.
PARTY_MEMBERS = frozenset("republican democrat independent libertarian".split())
INDEFINITES = frozenset("a an one another".split())


def party_member(span: Span) -> bool:
    """A party word heading a singular description ("the Wisconsin Republican", "a New
    Hampshire Democrat", "one senior Democrat"): a member of the party, not the party."""
    root = span.root
    return (root.lower_ in PARTY_MEMBERS and root.tag_ in ("NN", "NNP")
            and any(c.dep_ in ("det", "nummod", "amod", "compound") for c in root.children))


def singular_indefinite(span: Span) -> bool:
    """Whether a description is indefinite and singular ("a senior official", "one New
    Hampshire Democrat", "another Republican")."""
    root = span.root
    return root.tag_ in ("NN", "NNP") and any(
        c.lower_ in INDEFINITES and c.dep_ in ("det", "nummod") for c in root.children)


def anonymous_one(index: ArticleIndex, span: Span) -> Speaker:
    """An indefinite person ("a senior official", "a New Hampshire Republican"): nobody the
    article names, and a speaker of its own each time: two in one article are two speakers."""
    root = span.root
    name, _ = group_name(span[: root.i - span.start + 1], index.s.max_group_prep_tokens)
    key = name.lower()
    if any(t.lower_ in INDEFINITES for t in span):  # "one former executive", not a headline's
        index.anonymous_at.append((root.i, root.lemma_.lower(), name))  # "As nominee …"
    index.anonymous[key] = index.anonymous.get(key, 0) + 1
    n = index.anonymous[key]
    return Speaker(name=name, id=slugify(name) + (f"-{n}" if n > 1 else ""), type="OTHER",
                   resolved_by="none")


def anonymous_again(index: ArticleIndex, span: Span) -> Speaker | None:
    """A definite person description taking up an anonymous source of its head noun before
    it ("said one former executive who requested anonymity … the former HP executive told
    The Washington Post"): that unnamed person again, unless someone first named since then
    bears that noun; else None."""
    root = span.root
    head = root.lemma_.lower()
    if root.tag_ != "NN" or not any(c.lower_ == "the" and c.dep_ == "det"
                                    for c in root.children):
        return None
    earlier = [(tok, name) for tok, lemma, name in index.anonymous_at
               if lemma == head and tok < root.i]
    if not earlier:
        return None
    tok, name = earlier[-1]
    seen: set[int] = set()
    for e in index.events:
        if e.token >= root.i:
            break
        if e.token > tok and e.entity not in seen and head in index.entities[e.entity].roles:
            return None  # someone introduced since as an executive
        seen.add(e.entity)
    return Speaker(name=name, id=slugify(name), type="OTHER", resolved_by="none")


def named_apposition(index: ArticleIndex, span: Span) -> Speaker | None:
    """The person an indefinite description names in apposition ("One pastor supporting Mr.
    Cruz, Darran Whiting of Liberty Baptist Church" -> Darran Whiting), else None."""
    for tok in span:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.i > span.root.i and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            found = [m for m in mentions_near(index, tok.i) if m.start <= tok.i < m.end]
            if found and found[0].label == "PERSON":
                return speaker_of(index, index.mention_entity[found[0].start], "name")
            if not found:  # a name the recogniser missed
                first = min(c.i for c in tok.children if c.dep_ == "compound")
                name = span.doc[first : tok.i + 1].text
                return speaker_of(index, index.group_entity(name, "PERSON"), "name")
    return None


LIVE_BLOG_STAMP = re.compile(r"\d{1,2}[.:]\d{2}\s")  # "14.07 An Indonesian … official …"


def opens_story(index: ArticleIndex, span: Span) -> bool:
    """Whether a span lies in a sentence that opens the story (the first sentence of the
    headline's or the first body paragraph) or a live-blog entry ("14.07 An Indonesian …")."""
    before = span.sent.start - 1
    while before >= 0 and span.doc[before].is_space:
        before -= 1
    para = index.para_of[span.start]
    if before >= 0 and index.para_of[before] == para:
        return False
    return para <= 1 or bool(LIVE_BLOG_STAMP.match(span.sent.text))


def lede_reach(index: ArticleIndex, span: Span) -> int:
    """How many sentences after a story opener the name it stands for may come: the
    settings' reach from the lede, one more from the headline above it ("Judge rejects …",
    then "A New York judge has rejected …", then the name)."""
    return index.s.lede_reach + (1 if index.para_of[span.start] == 0 and index.para_of[-1] > 0
                                 else 0)


def story_subject(index: ArticleIndex, span: Span) -> bool:
    """Whether a story-opening description of anyone ("woman", "man") is the story's subject
    rather than a passer-by: the headline's own word ("Woman Steps Forward …"), or a lede's
    description that says what the person did ("A woman who has accused …", "A man charged
    with …"), not "A resident said …"."""
    root = span.root
    return index.para_of[span.start] == 0 or any(
        c.dep_ in ("relcl", "acl") and span.start <= c.i < span.end for c in root.children)


def named_opening_paragraph(index: ArticleIndex, span: Span, head: str) -> Speaker | None:
    """The person a story-subject description of anyone stands for: the first person new to
    the story who opens a later paragraph within the lede's reach ("A woman who has accused
    … said …. ¶ Juanita Broaddrick, who said …"), of the head's gender when it has one; None
    when no paragraph opens with a new name there. A headline counts as one sentence."""
    want = GENERIC_GENDER.get(head)
    here = index.sent_of[span.start]
    doc = span.doc
    if index.para_of[span.start] == 0:  # a headline, however many sentences it was cut into,
        lede = next((t.i for t in doc if index.para_of[t.i] > 0 and not t.is_space), None)
        here = index.sent_of[lede] - 1 if lede is not None else here  # is one
    seen = {index.mention_entity[m.start] for m in index.mentions if m.start < span.end}
    for m in index.mentions[bisect_left(index.mention_starts, span.end):]:
        if index.sent_of[m.start] - here > lede_reach(index, span):
            break
        ent_id = index.mention_entity.get(m.start)
        if ent_id is None or ent_id in seen:
            continue
        seen.add(ent_id)
        before = m.start - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        ent = index.entities[ent_id]
        opens = before < 0 or index.para_of[before] != index.para_of[m.start]
        if (opens and index.para_of[m.start] > index.para_of[span.start]
                and ent.type == "PERSON" and (want is None or ent.gender in (None, want))):
            return speaker_of(index, ent_id, "nominal")
    return None


def aged_opener(span: Span) -> bool:
    """Whether an indefinite description gives an age ("A 36-year-old part-time missionary
    who served a year in prison …"): a person, whatever its head noun, whom the story names
    once it has said what they did."""
    return age_of(span[: span.root.i - span.start + 1]) is not None


def named_later(index: ArticleIndex, span: Span) -> Speaker | None:
    """An indefinite description opening the story, which the next sentences name (news
    cataphora: "A New York judge has rejected … Manhattan Supreme Court Justice Frank Nervo
    rejected …"; "A federal appeals court ruled … A panel of the U.S. Court of Appeals …"): the
    first entity named there for the first time, of the description's kind, whose name or
    titles show its head (or a synonym) or one of its own words ("search and rescue"); else None,
    and the description stays anonymous ("A senior official said …. Trump said …")."""
    root = span.root
    if root.tag_ not in ("NN", "NNP") or not opens_story(index, span):
        return None
    head, mods = description_words(span[: root.i - span.start + 1])
    person = is_person_noun(head)
    if (head in GENERIC_HEADS or aged_opener(span)) and story_subject(index, span):
        return named_opening_paragraph(index, span, head)
    if (not person and head not in ORG_WORDS or head in GENERIC_HEADS
            or head in ("source", "group")):
        return None  # "A resident said …": a passer-by, whoever is named next
    own = {m for m in mods if m not in _ALL_NATIONAL and m not in NATIONALITIES
           and m not in ("new", "former", "senior", "top", "local", "federal", "state")}
    wanted = {head} | ROLE_SYNONYMS.get(head, frozenset())
    here = index.sent_of[span.start]
    seen = {index.mention_entity[m.start] for m in index.mentions if m.start < span.end}
    for m in index.mentions:
        if m.start < span.end or m.start not in index.mention_entity:
            continue
        if index.sent_of[m.start] - here > lede_reach(index, span):
            break
        ent_id = index.mention_entity[m.start]
        ent = index.entities[ent_id]
        if ent_id in seen or (ent.type == "PERSON") != person or ent.type in ("GPE", "NORP"):
            seen.add(ent_id)
            continue
        shown = ent.roles | set(ent.tokens) | {norm_word(w) for w in ent.name.split()}
        if shown & wanted or len(shown & own) >= 1 and not person or len(shown & own) >= 2:
            return speaker_of(index, ent_id, "nominal")
        seen.add(ent_id)
    return None


def reports_nothing(index: ArticleIndex, sent: Span) -> bool:
    """Whether a sentence neither quotes nor reports a clause ("At least one Democrat wasn't
    on board.", not "A judge said the plant was legal.")."""
    return not any(index.in_quote[t.i] or t.is_quote or t.dep_ == "ccomp" for t in sent)


def named_by_next_quote(index: ArticleIndex, span: Span) -> Speaker | None:
    """An indefinite person or party member whose sentence leads into the quotation after it
    ("At least one Democrat wasn't on board. “…,” Sen. Claire McCaskill (D-Mo.) said."): the
    one person first named in the next narrative sentence, past a quotation, whose party or
    role fits; None when its own sentence reports something ("A judge said the plant was
    legal. Judge Ann Ferrell ruled …" stays anonymous), or nobody new there fits."""
    root = span.root
    if not reports_nothing(index, span.sent):
        return None
    party = PARTIES.get(root.lower_) if root.lower_ in PARTY_MEMBERS else None
    head = root.lemma_.lower()
    if party is None and (not is_person_noun(head) or head in GENERIC_HEADS):
        return None
    wanted = {head} | ROLE_SYNONYMS.get(head, frozenset())
    here = index.sent_of[span.start]
    seen = {index.mention_entity[m.start] for m in index.mentions if m.start < span.end}
    fits: set[int] = set()
    for m in index.mentions[bisect_left(index.mention_starts, span.end):]:
        if index.sent_of[m.start] > here + 1:
            break
        ent_id = index.mention_entity.get(m.start)
        if (ent_id is None or ent_id in seen or m.label != "PERSON"
                or index.sent_of[m.start] != here + 1
                or not any(index.in_quote[i] for i in range(span.end, m.start))):
            continue
        ent = index.entities[ent_id]
        if ent.party == party if party is not None else bool(ent.roles & wanted):
            fits.add(ent_id)
    return speaker_of(index, fits.pop(), "nominal") if len(fits) == 1 else None


def resolve_party_member(index: ArticleIndex, span: Span) -> Speaker | None:
    """"The Kentucky Republican" -> the Republican the article introduced (else unresolved);
    "a New Hampshire Republican" -> anonymous, never the party or the state, unless the
    quotation after it is given to one (`named_by_next_quote`)."""
    if not party_member(span):
        return None
    if singular_indefinite(span):
        return named_by_next_quote(index, span) or anonymous_one(index, span)
    root = span.root
    ent_id = resolve_description(index, span[: root.i - span.start + 1])
    return speaker_of(index, ent_id, "nominal") if ent_id is not None else unresolved(span)


# Heads that describe anyone: only a person the article introduced with that word fits.
GENERIC_HEADS = frozenset(
    "woman man person girl boy lady gentleman resident voter worker student teenager "
    "individual citizen customer patient passenger victim driver".split()
)


GENERIC_GENDER = {"woman": "f", "girl": "f", "lady": "f", "man": "m", "boy": "m",
                  "gentleman": "m"}


# A generic person noun that a modifier makes an office ("the former first lady").
OFFICE_PHRASES = {"lady": "first"}


def office_phrase(head: str, mods: set[str]) -> bool:
    """Whether a description's generic head is an office with its modifier ("first lady"):
    it fits whoever held it, not only someone the article introduced as a lady."""
    return OFFICE_PHRASES.get(head, "") in mods


def resolve_description(index: ArticleIndex, span: Span) -> int | None:
    """The person a singular definite description refers to: best role fit, then salience."""
    head, mods = description_words(span)
    specific = specific_words(span)
    if head in GENERIC_HEADS and not office_phrase(head, mods):  # "the woman": only someone
        specific = specific | {head}  # introduced as a woman
    talked_of = reported_subjects(index, span) | named_inside(index, span)
    if index.ranker is not None:
        candidates = description_candidates(index, span, (head, mods, specific),
                                            description_score, talked_of)
        best = index.ranker.best("description", candidates)
        if best is None and foreign_to_all(mods, index.home):  # "The French president"
            return person_named_as_organisation(index, span)
        return best
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
        if fit is None or ent_id in talked_of:
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


def person_named_as_organisation(index: ArticleIndex, span: Span) -> int | None:
    """The one person-shaped name the recogniser called an organisation in the sentence of a
    person description or the one before ("… had a talk with Francois Hollande. The French
    president expressed …"), for a description that fits no person of the article: that name
    is the person it describes, and is retyped a person; None when there is none, or two."""
    here = index.sent_of[span.start]
    found = {e.entity for e in index.events if e.token < span.start and here - e.sent <= 1
             and index.entities[e.entity].type == "ORG"
             and person_shaped(index.entities[e.entity].name)}
    if len(found) != 1:
        return None
    ent_id = found.pop()
    index.entities[ent_id].type = "PERSON"
    return ent_id


def named_inside(index: ArticleIndex, span: Span) -> set[int]:
    """The entities named inside a person description ("the former HP executive": HP; "the
    Trump spokesman": Trump): what modifies the description is not what it refers to."""
    first = bisect_left(index.mention_starts, span.start)
    return {index.mention_entity[m.start] for m in index.mentions[first:]
            if m.start < span.end and m.start != span.root.i}


def reported_subjects(index: ArticleIndex, span: Span) -> set[int]:
    """The people named as subject of the clause a description's own verb of saying reports
    ("the former HP executive told The Washington Post, Fiorina would lead …": not Fiorina,
    whom the executive speaks of), the clause being the verb's complement or the clause the
    parse hangs the verb on; no antecedents of the description."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in SAYING_VERBS:
        return set()
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in ("advcl", "parataxis") and verb.head.i > verb.i:
        clauses.append(verb.head)
    out: set[int] = set()
    para = index.para_of[verb.i]
    for clause in clauses:
        for subj in clause.children:
            if (subj.dep_ in ("nsubj", "nsubjpass") and not index.in_quote[subj.i]
                    and index.para_of[subj.i] == para):
                out |= {index.mention_entity[m.start] for m in mentions_near(index, subj.i)
                        if m.start <= subj.i < m.end}
    return out


def resolve_org_description(index: ArticleIndex, span: Span) -> int | None:
    """The organisation or place "the company"/"the appeals court"/"the state" refers to: the
    learned ranker's choice (or the hand-set overlap and salience without one), or the
    organisation of a person just named when none is named after them ("Clinton … The
    campaign says")."""
    head, mods = description_words(span)
    here = index.sent_of[span.start]
    recent_people: set[str] = set()
    last_subject: int | None = None
    for e in index.events:
        if e.token >= span.start:
            break
        ent = index.entities[e.entity]
        if ent.type == "PERSON" and here - e.sent <= index.s.near_sentences:
            recent_people |= ent.tokens
            last_subject = e.entity if e.bonus else last_subject
    interviewers = set() if head in MEDIA_HEADS else interviewing_outlets(index)
    if index.ranker is not None and "organisation" in index.ranker.weights:
        candidates = countries_first(
            index, head, organisation_candidates(index, span, head, mods, interviewers))
        best = place_in_sentence(index, span, head, [c for c, _ in candidates])
        if best is None:
            best = story_business(index, span, head, [c for c, _ in candidates])
        if best is None:
            best = index.ranker.best("organisation", candidates)
    else:
        best = salient_organisation(index, span, head, mods, interviewers, recent_people)
    owned = head in OWNED_ORGS and any(t.tag_ == "PRP$" for t in span)
    best_words = {norm_word(w) for w in index.entities[best].name.split()} if best is not None \
        else set()
    if (head in PERSONAL_ORGS or owned) and last_subject is not None and (
            not recent_people & best_words and (head not in best_words or owned)):
        # a campaign named before ("the Clinton campaign … the campaign") stays that one
        # "Hillary Clinton plans … The campaign says": her campaign, even if never named
        who = short_name(index.entities[last_subject])
        return index.group_entity(f"{who} {head}" if head in NAMED_AFTER else f"{who}'s {head}",
                                  "ORG")
    return best


def place_in_sentence(index: ArticleIndex, span: Span, head: str, candidates: list[int]
                      ) -> int | None:
    """The one state named earlier in the sentence of "the state" ("the 2000 election in
    Florida, when the state …" is Florida, not Ohio, the article's subject), else None (no
    such place, or two). Not for "the city" ("Downtown … the city's" is Oakland)."""
    if head != "state":
        return None
    here = index.sent_of[span.start]
    allowed = set(candidates)
    named = {e.entity for e in index.events if e.token < span.start
             and index.sent_of[e.token] == here and e.entity in allowed}
    return named.pop() if len(named) == 1 else None


def opening_paragraphs(index: ArticleIndex) -> int:
    """The last paragraph of a story's opening: its headline and its first body paragraph
    (the first after the headline with the settings' lede_min_words words; a dateline line
    is none)."""
    words = Counter(index.para_of[t.i] for t in index.doc if t.is_alpha)
    return next((p for p in sorted(words) if p > 0 and words[p] >= index.s.lede_min_words), 0)


def story_business(index: ArticleIndex, span: Span, head: str, candidates: list[int]
                   ) -> int | None:
    """The one business of the description's line (KIND_MARKERS: "the airline", "the
    newspaper") the story's opening names, when no other candidate is named in the
    description's sentence or the one before ("… search for missing AirAsia jet … In the
    third incident, Malaysia Airlines Flight MH17 was shot down … the airline said": AirAsia,
    the story's); else None, and the ranker decides."""
    if head not in KIND_MARKERS or not candidates:
        return None
    allowed = set(candidates)
    last = opening_paragraphs(index)
    here = index.sent_of[span.start]
    opening = {e.entity for e in index.events
               if e.entity in allowed and index.para_of[e.token] <= last}
    near = {e.entity for e in index.events if e.token < span.start and e.entity in allowed
            and here - e.sent <= 1}
    if len(opening) != 1 or near - opening:
        return None
    return opening.pop()


def salient_organisation(index: ArticleIndex, span: Span, head: str, mods: set[str],
                         skip: set[int], recent_people: set[str]) -> int | None:
    """The hand-set choice for an organisation or place description (no learned ranker):
    overlap of its words with the name, mentions, a person just named, distance."""
    types = ("GPE",) if head in PLACE_WORDS else ("ORG",)
    words = {head} | mods
    here = index.sent_of[span.start]
    s = index.s
    seen: dict[int, Event] = {}
    for e in index.events:
        if e.token >= span.start:
            break
        if index.entities[e.entity].type in types:
            seen[e.entity] = e
    best, best_score = None, -1e9
    for ent_id, e in seen.items():
        if ent_id in skip:  # "the airline said" is not Reuters, who was "told"
            continue
        ent = index.entities[ent_id]
        name_words = {norm_word(w) for w in ent.name.split()}
        score = s.org_word_overlap * len(words & name_words)
        score += min(ent.mentions, s.org_mention_cap) / s.org_mention_divisor
        score += s.org_recent_person_bonus if name_words & recent_people else 0.0
        d = here - e.sent
        score += s.distance_points[d] / s.org_distance_divisor if d <= index.window else 0
        if score > best_score:
            best, best_score = ent_id, score
    return best


# Description heads that can mean a news organisation ("the newspaper", "the agency").
MEDIA_HEADS = frozenset(
    "newspaper paper magazine outlet channel station network publication newsroom agency "
    "website site wire broadcaster".split())


def addressed(tok: Token) -> bool:
    """Whether a mention is the one spoken to, not a speaker: "told Reuters", "according to
    Reuters" is not a speaker of its own either, "said in an interview with CNN"."""
    head = tok.head
    if tok.dep_ in ("dobj", "dative") and head.lemma_ == "tell":
        return True
    return tok.dep_ == "pobj" and (
        head.lower_ == "to" and (head.head.lemma_ in ("tell", "speak", "talk")
                                 or head.head.lower_ == "according")
        or head.lower_ == "with" and head.head.lemma_ in ("interview", "speak", "talk"))


def interviewing_outlets(index: ArticleIndex) -> set[int]:
    """Organisations the article only ever names as the ones spoken to ("an official told
    Reuters", "told Reuters on Monday"): the news outlet reporting, which a description such
    as "the airline" or "the company" never means."""
    seen: dict[int, bool] = {}
    for e in index.events:
        if index.entities[e.entity].type == "ORG":
            seen[e.entity] = seen.get(e.entity, True) and addressed(index.doc[e.token])
    return {ent_id for ent_id, only in seen.items() if only}


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
    turn = turn_speaker(index, p) if p.lower_ == "my" else None
    if turn is not None:  # "AD: My mom had magazines …": the one whose turn it is
        return turn
    if p.tag_ == "PRP$" or p.lower_ in ("his", "her", "their", "its"):
        return resolve_pronoun(index, p)
    found = [m for m in mentions_near(index, p.i) if m.start <= p.i < m.end]
    return index.mention_entity[found[0].start] if found else None


def turn_speaker(index: ArticleIndex, tok: Token) -> int | None:
    """The person whose turn of an interview a token is in: the paragraph opens with their
    initials ("AD (Pointing at Winfrey.) My mom had …" is Ava DuVernay's), one person's only;
    else None."""
    first = paragraph_start(index, tok.i)
    return None if first == tok.i else person_with_initials(index, index.doc[first].text)


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
    root = role_head(span)
    head = root.lemma_.lower()
    if head not in POSSESSED_ROLES and root.lower_ not in POSSESSED_ROLES:
        return None
    owner = possessor(index, span)
    if owner is None or index.entities[owner].type not in ("PERSON", "ORG"):
        return None
    for ent_id, ent in enumerate(index.entities):  # "his lawyer, Ann Lee"
        if (ent_id != owner and ent.type == "PERSON" and kin_fits(head, ent)
                and root.tag_ == "NN" and head not in ORG_LIKE):
            return speaker_of(index, ent_id, "nominal")
    who = short_name(index.entities[owner])
    word = span.doc[span.root.i : root.i + 1].text.lower().replace(" ", "")
    word = FAMILY_NAMES_OF.get(word, word)  # "her mom" and "her mother" are one speaker
    name = f"{who} {word}" if head in NAMED_AFTER else f"{who}'s {word}"
    type_ = "ORG" if head in ORG_LIKE else "GROUP" if root.tag_ in ("NNS", "NNPS") else "PERSON"
    ent_id = index.group_entity(name, type_)
    if type_ == "PERSON":
        gendered_role(index.entities[ent_id], head)
    return speaker_of(index, ent_id, "nominal")


# A relative's word and the wider words an article may introduce that relative with ("their
# child, Gloria" is "his daughter").
KIN_GENERIC: dict[str, frozenset[str]] = {
    **dict.fromkeys(("daughter", "son"), frozenset({"child", "kid", "baby"})),
    **dict.fromkeys(("mother", "father"), frozenset({"parent"})),
    **dict.fromkeys(("wife", "husband"), frozenset({"spouse"})),
}


def kin_fits(head: str, ent: Entity) -> bool:
    """Whether a person was introduced in the role a possessed description names: the same
    word ("his lawyer, Ann Lee"), or a wider word of kin whose gender does not clash ("their
    child, Gloria" for "his daughter", not a boy for "his daughter")."""
    if head in ent.roles:
        return True
    gender = HONORIFIC_GENDER.get(head)
    return bool(KIN_GENERIC.get(head, frozenset()) & ent.roles) and ent.gender in (gender, None)


# Bodies of an organisation, each a speaker of its own ("the board" of HP is not HP).
BODY_HEADS = frozenset({"board"})


def body_named_before(index: ArticleIndex, span: Span) -> Speaker | None:
    """A bare definite body of an organisation ("The board saw Fiorina as …") is the body of
    the organisation that owned the last one named before it outside quotations ("HP's
    board", "the Compaq board") -> "HP board", not the organisation alone; None when no such
    body is named (a bare "board member" names no owner) or the body has words of its own."""
    root = span.root
    if (root.lemma_.lower() not in BODY_HEADS or root.tag_ != "NN"
            or [c.lower_ for c in root.children if c.i < root.i] != ["the"]):
        return None
    doc = span.doc
    for i in range(span.start - 1, -1, -1):
        tok = doc[i]
        if tok.lemma_.lower() != root.lemma_.lower() or tok.pos_ != "NOUN" or index.in_quote[i]:
            continue
        owners = [m for c in tok.children if c.dep_ in ("poss", "compound") and c.i < tok.i
                  for m in mentions_near(index, c.i) if m.start <= c.i < m.end]
        if owners and owners[0].label == "ORG":  # as named: a pronoun may have made it a person
            owner = index.entities[index.mention_entity[owners[0].start]]
            name = f"{owner.name} {root.lemma_.lower()}"
            return speaker_of(index, index.group_entity(name, "ORG"), "nominal")
    return None


STAFF_WORDS = frozenset("aide aides operative operatives staffer staffers".split())


def staff_campaign(index: ArticleIndex, span: Span) -> Speaker | None:
    """Aides of someone whose campaign the article names are that campaign ("the Clinton
    campaign … Clinton aides were coy", "her campaign … his aides"), and "campaign aides" are
    the campaign named last; a person's operatives are their campaign even when the article
    never names it ("his operatives forced a change in the platform"); None when no such
    campaign is named (a president's aides, "his aides" of a congressman, stay their own
    group)."""
    root = span.root
    if root.lower_ not in STAFF_WORDS:
        return None
    by_campaign = any(c.dep_ == "compound" and c.lower_ == "campaign" for c in root.children)
    owner = possessor(index, span)
    if owner is None:
        names = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        found = [m for c in names for m in mentions_near(index, c.i) if m.start <= c.i < m.end]
        owner = index.mention_entity[found[0].start] if found else None
    if owner is None and not by_campaign or owner is not None and (
            index.entities[owner].type != "PERSON"):
        return None
    named = (campaign_owner(index, span.doc[i]) for i in range(span.end - 1, -1, -1))
    person = next((p for p in named if p is not None and (owner is None or p == owner)), None)
    if person is None and owner is not None and root.lemma_.lower() == "operative":
        person = owner  # "his operatives forced a change in the platform"
    if person is None:
        return None
    name = f"{short_name(index.entities[person])} campaign"
    return speaker_of(index, index.group_entity(name, "ORG"), "nominal")


def campaign_owner(index: ArticleIndex, tok: Token) -> int | None:
    """The person whose campaign a "campaign" token outside quotations names ("the Clinton
    campaign", "Clinton's campaign", "her campaign" with the pronoun resolved), else None."""
    if tok.lemma_.lower() != "campaign" or tok.pos_ != "NOUN" or index.in_quote[tok.i]:
        return None
    for c in tok.children:
        if c.dep_ not in ("compound", "poss") or c.i > tok.i:
            continue
        if c.tag_ == "PRP$":
            ent = resolve_pronoun(index, c)
        else:
            found = [m for m in mentions_near(index, c.i) if m.start <= c.i < m.end]
            ent = index.mention_entity[found[0].start] if found else None
        if ent is not None and index.entities[ent].type == "PERSON":
            return ent
    return None


HYPHEN_PREFIXES = frozenset("ex step".split())


def role_head(span: Span) -> Token:
    """The noun a description is about, past a prefix the parser split off and made its root
    ("His ex-wife" is about a wife, "her step-father" about a father)."""
    root = span.root
    doc = span.doc
    if (root.lower_ in HYPHEN_PREFIXES and root.i + 2 < span.end and doc[root.i + 1].text == "-"
            and doc[root.i + 2].pos_ == "NOUN"):
        return doc[root.i + 2]
    return root


def gendered_role(ent: Entity, head: str) -> None:
    """A person named after a gendered role ("Sam's sister", "Trump's wife") has its gender,
    so a later "he" does not take her."""
    gender = HONORIFIC_GENDER.get(head)
    if gender and not ent.gender_votes[gender]:
        ent.gender_votes[gender] += 1


def resolve_family(index: ArticleIndex, span: Span) -> Speaker | None:
    """"The family" with no possessor: the family of the person named last before it, within
    the salience window ("Ellie McKinley … The family said" -> "McKinley family"), else None."""
    root = span.root
    if root.lower_ != "family" or not any(c.lower_ == "the" for c in root.children) or any(
            c.dep_ == "poss" for c in root.children):
        return None
    here = index.sent_of[span.start]
    people = [e for e in index.before(span.start)
              if index.entities[e.entity].type == "PERSON" and here - e.sent <= index.window
              and len(index.entities[e.entity].name.split()) > 1]  # a family name, not "Ellie"
    if not people:
        return None
    name = f"{short_name(index.entities[people[0].entity])} family"
    return speaker_of(index, index.group_entity(name, "GROUP"), "nominal")


def age_of(span: Span) -> str | None:
    """The age an age description gives ("The 56-year-old" -> "56"), else None."""
    words = [t.lower_ for t in span]
    if "old" not in words or not any(w in ("year", "years") for w in words):
        return None
    return next((t.text for t in span if t.like_num), None)


def resolve_age(index: ArticleIndex, span: Span) -> Speaker | None:
    """"The 56-year-old": the one person introduced with that age ("Ann Lee, 56,"); a story's
    aged opener, the person named next (`named_later`); else the description itself,
    unresolved (never the word "old")."""
    age = age_of(span)
    if age is None:
        return None
    people = [n for n, e in enumerate(index.entities) if e.type == "PERSON" and age in e.roles
              and any(ev.entity == n and ev.token < span.start for ev in index.events)]
    if len(people) == 1:
        return speaker_of(index, people[0], "nominal")
    later = named_later(index, span) if singular_indefinite(span) else None
    if later is not None:  # "A 36-year-old … pleaded not guilty …. ¶ Daniel Stephen Johnson"
        return later
    words = [t for t in span if t.dep_ != "det" and t.lower_ not in QUANTIFIERS]
    text = span.doc[words[0].i : words[-1].i + 1].text if words else span.text
    return Speaker(name=text, id=slugify(text), type="OTHER", resolved_by="none")


COPULAS = frozenset("be become remain".split())  # "He became a prisoner of war"


def role_bearer(root: Token) -> Token | None:
    """Who a role after "as" is said of: the verb's named or pronoun object ("Zenghelis
    described her as the most outstanding pupil", "They feature other YouTubers as guests"),
    else its subject ("He served as a military engineer", "Jerome is recognised as a
    saint"); None when "as" hangs on no verb or the verb has no subject."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if prep.i < verb.i and not is_person_noun(root.lemma_.lower()):
        return None  # "As an example of …, Mr. Begala pointed": a fronted "as" is a role
    #  only for a person noun ("As a senator, she …")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and (obj.pos_ == "PROPN" or obj.tag_ == "PRP"):
        return obj
    if obj is not None and not thing_object(obj):
        return None  # "They feature other YouTubers as guests": the object's role, unnamed
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def thing_object(obj: Token) -> bool:
    """Whether a verb's object is a singular common noun that is no person nor group ("made
    a living as a businessman", "achieved fame as an architect"): the role after "as" is
    then the subject's."""
    lemma = obj.lemma_.lower()
    return (obj.tag_ == "NN" and not is_person_noun(lemma) and not is_group_noun(lemma)
            and lemma not in GENERIC_HEADS)


def predicated_entity(index: ArticleIndex, span: Span) -> int | None:
    """The named entity a noun phrase is said of, outside quotations: the subject of the
    copula it completes ("Lund is a city", "He was a schoolteacher") or the name it stands in
    apposition to ("Berg, a teacher at the school, …"); None otherwise."""
    root = span.root
    if index.in_quote[root.i]:
        return None
    first_attr = next((c for c in root.head.children if c.dep_ == "attr"), None)
    if root.dep_ == "attr" and root.head.lemma_ in COPULAS and first_attr == root:
        # only the copula's first complement: "He was a broker of the agreement, the first
        # accord …" parsed as a second one says nothing of him
        subj = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif root.dep_ == "appos" and root.head.i < root.i:
        subj = root.head
    elif (fronted := fronted_subject(root)) is not None:  # "An undistinguished student, he …"
        subj = fronted
    else:
        subj = role_bearer(root)
        if subj is None:
            return None
    if subj is None or index.in_quote[subj.i]:
        return None
    named = named_apposition_of(subj)
    if root.dep_ != "appos" or named is not None and named.i < root.i:
        subj = named or subj  # "My friend Andrea is a biology major": Andrea; "his
        # daughter, Ellie, a high school senior": Ellie
    if root.dep_ != "appos" and any(c.dep_ == "conj" for c in subj.children):
        return None  # "Collins and Hunter became the first members …": not one of them
    if subj.tag_ == "PRP" and subj.lower_ in ("he", "she", "it", "him", "her"):
        return resolve_pronoun(index, subj)
    found = [m for m in mentions_near(index, subj.i) if m.start <= subj.i < m.end]
    if found:
        return index.mention_entity[found[0].start]
    j = bisect_left(index.event_pos, subj.i)  # a name the recogniser missed ("Byron was …")
    if j < len(index.events) and index.events[j].token == subj.i:
        return index.events[j].entity
    return None


def fronted_subject(root: Token) -> Token | None:
    """The subject a noun phrase fronted before it describes ("An undistinguished student and
    an unskilled cricketer, he did represent the school": he), the parse's loose attachment
    of the phrase to the verb; None for anything else ("Last year, he …" is no role of his:
    only a noun with a determiner, set off by a comma right before the subject)."""
    phrase = root.head if root.dep_ == "conj" else root
    verb = phrase.head
    if (phrase.dep_ not in ("npadvmod", "dep", "advcl") or verb.pos_ not in ("VERB", "AUX")
            or verb.i < phrase.i or root.tag_ != "NN"
            or not any(c.dep_ == "det" for c in root.children)):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    doc = root.doc
    if subj is None or subj.i < phrase.right_edge.i or doc[subj.left_edge.i - 1].text != ",":
        return None
    return subj if doc[phrase.right_edge.i + 1].i == subj.left_edge.i - 1 else None


def named_apposition_of(noun: Token) -> Token | None:
    """The proper noun set in apposition right after a common noun ("my friend Andrea", "his
    lawyer, Ann Lee"): the name the noun stands for, else None."""
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


NAMING_VERBS = frozenset({"name", "call"})


def named_by_participle(index: ArticleIndex, span: Span) -> Speaker | None:
    """A noun introduced with its name by a participle ("a man named Rabindranath Tagore",
    "this guy called Mario"): the entity of that name (a person noun's name the recogniser
    missed is a person of its own), else None."""
    root = span.root
    for acl in root.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in NAMING_VERBS or acl.i < root.i:
            continue
        name = next((c for c in acl.children if c.dep_ in ("oprd", "dobj", "attr", "xcomp")
                     and c.pos_ == "PROPN"), None)
        if name is None or index.in_quote[name.i]:
            continue
        found = [m for m in mentions_near(index, name.i) if m.start <= name.i < m.end]
        if found:
            return speaker_of(index, index.mention_entity[found[0].start], "nominal")
        head = root.lemma_.lower()
        if not (is_person_noun(head) or head in GENERIC_HEADS or head == "guy"):
            return None
        start = name.i
        while start > acl.i + 1 and span.doc[start - 1].pos_ == "PROPN":
            start -= 1
        text = span.doc[start : name.i + 1].text
        return speaker_of(index, index.group_entity(text, "PERSON"), "nominal")
    return None


# Nouns of agreements and laws: a document when a name says which ("the Paris climate agreement").
AGREEMENT_WORDS = frozenset("agreement accord treaty pact deal law act bill".split())


def renamed_document(index: ArticleIndex, span: Span) -> Speaker | None:
    """A description set off by a comma right after a named document or agreement, which it
    renames ("the Paris climate agreement, the first accord committing …", which the parse
    may hang on the verb above it as a second complement): that document, named by its words; None
    when the noun before the comma is no document or names nothing ("the deal, the first
    accord")."""
    root = span.root
    doc = span.doc
    if root.pos_ != "NOUN" or span.start < 2 or doc[span.start - 1].text != ",":
        return None
    prev = doc[span.start - 2]
    if root.dep_ not in ("appos", "attr", "dep") or not (
            root.head == prev or root.head.i < prev.i and root.head.is_ancestor(prev)):
        return None  # hung on the noun, or loosely on a verb above it
    lemma = prev.lemma_.lower()
    kind = DOCUMENT_KINDS.get(prev.lower_, "law" if lemma in AGREEMENT_WORDS else None)
    if prev.pos_ != "NOUN" or kind is None or index.in_quote[prev.i]:
        return None
    ent_id = named_document(index, doc[np_start(prev) : prev.i + 1], prev.i, kind)
    return speaker_of(index, ent_id, "nominal") if ent_id is not None else None


def resolve_predicated(index: ArticleIndex, span: Span) -> Speaker | None:
    """A noun phrase said of a named entity ("Lund is a city", "Berg, a teacher, …") is that
    entity, indefinite or not; an anonymous group never is ("officials" said of nobody)."""
    ent_id = predicated_entity(index, span)
    if ent_id is None or index.entities[ent_id].type in ("GROUP", "OTHER") and (
            "unlisted" not in index.entities[ent_id].roles):
        return None
    return speaker_of(index, ent_id, "nominal")


# Heads of a country's own institutions: "the U.S. military", "the federal government".
NATIONAL_BODIES = frozenset("government military army navy administration".split())
NATIONAL_MODIFIERS = frozenset({"federal"}) | frozenset(NATIONALITIES)


def national_body(span: Span) -> str | None:
    """The name of a country's institution a definite description names by itself ("the U.S.
    military" -> "U.S. military", "the federal government" -> "federal government"): it is
    that body, never another organisation named before (a ship, the Navy) nor the country;
    None for anything else ("the government" alone, "his administration")."""
    root = span.root
    if root.lemma_.lower() not in NATIONAL_BODIES or root.tag_ != "NN":
        return None
    kids = [t for t in span if t.i < root.i and t.head.i == root.i]
    if not any(t.lower_ == "the" and t.dep_ == "det" for t in kids) or any(
            t.dep_ == "poss" for t in kids):
        return None
    national = [t for t in kids if t.dep_ in ("amod", "compound") and (
        norm_word(t.text) in NATIONAL_MODIFIERS or t.ent_type_ in ("GPE", "NORP"))]
    if not national:
        return None
    return span.doc[min(t.i for t in national) : root.i + 1].text


# Plural nouns that pair two people by sex alone, with the sex they rule out ("both candidates",
# "the two lawmakers" may be any two of the article's people: on PolNeAR train, 2 of 2 wrong).
PAIR_NOUNS = {"men": "f", "women": "m"}


def both_named(index: ArticleIndex, span: Span) -> Speaker | None:
    """"Both men"/"the two women": the two people named in its sentence or the one before
    ("when Mr. Obama ran against Senator John McCain, both men had …" -> "Barack Obama and
    John McCain"), when exactly two are; else None."""
    root = span.root
    gender = PAIR_NOUNS.get(root.lower_)
    if gender is None:
        return None
    kids = {c.lower_ for c in root.children if c.i < root.i}
    if "both" not in kids and not {"the", "two"} <= kids:
        return None
    people: list[int] = []
    for e in index.before(span.start, window=1):
        ent = index.entities[e.entity]
        if ent.type == "PERSON" and ent.gender != gender and e.entity not in people:
            people.append(e.entity)
    if len(people) != 2:
        return None
    name = " and ".join(index.entities[e].name for e in reversed(people))
    return speaker_of(index, index.group_entity(name, "GROUP"), "nominal")


# Counts a plural description of people gives ("the two", "all three candidates").
GROUP_COUNTS = {"both": 2, "two": 2, "pair": 2, "three": 3}
# Plural person nouns that stand for people named together just before ("the candidates’").
TOGETHER_NOUNS = frozenset("candidates rivals nominees contenders men women".split())
DEFINITE_GROUP = frozenset("the all both these those".split())


def counted_people(index: ArticleIndex, span: Span) -> Speaker | None:
    """A definite plural of people that stands for people named together just before ("Hillary
    Clinton and Bernie Sanders are both progressives. … The two admit …"; "ridicule Donald
    Trump, Ben Carson, and Carly Fiorina … The candidates’ estimates"): the nearest
    coordination of people in its sentence or the two before, of the size its number gives,
    else with a number the people named there outside modifiers ("Obama's policies",
    "Martin Luther King Day") when they are exactly that many. None for anything else: "some
    candidates", "both of his senators", "both in America and abroad", an office among
    them ("the White House and Paul Ryan … the two"), people a party word
    does not fit ("the two Democratic candidates" after two Republicans), or when people
    described, not named, are coordinated before it in its sentence ("the business mogul …
    and the Democratic socialist …, both candidates")."""
    root = span.root
    words = [t.lower_ for t in span if t.i <= root.i]
    count = next((GROUP_COUNTS[w] for w in words if w in GROUP_COUNTS), None)
    number_head = (root.lower_ in GROUP_COUNTS and root.pos_ in ("NUM", "PRON", "NOUN", "DET")
                   and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos")
                   and not any(c.dep_ in ("prep", "cc") for c in root.children))
    if not (number_head or root.lower_ in TOGETHER_NOUNS and root.tag_ == "NNS"):
        return None
    if not DEFINITE_GROUP & set(words) or any(w in ("some", "many", "other", "several")
                                              for w in words):
        return None
    if any(t.like_num and t.lower_ not in GROUP_COUNTS for t in span if t.i <= root.i):
        return None  # "the four candidates": too many to count on
    if described_pair_before(span):
        return None
    events = index.before(span.start, window=2)
    members = next((index.coordinated[e.entity] for e in events
                    if e.entity in index.coordinated), None)
    if members is None and count is None and root.lower_ in TOGETHER_NOUNS:
        members = still_together(index, span)
    if members is None or count is not None and len(members) != count:
        if count is None:
            return None
        people: list[int] = []
        for e in events:
            ent = index.entities[e.entity]
            if (ent.type == "PERSON" and not ent.ambiguous and e.entity not in people
                    and index.doc[e.token].dep_ not in ("compound", "poss")):
                people.append(e.entity)
        if len(people) != count:
            return None
        members = tuple(reversed(people))
    if any(index.entities[e].type != "PERSON" or any(
            norm_word(w) in ORG_WORDS or norm_word(w) == "house"
            for w in index.entities[e].name.split()) for e in members):
        return None  # "the White House and Paul Ryan … the two": not two people
    party = next((PARTIES[w] for w in words if w in PARTIES and len(w) > 1), None)
    if party is not None and any(index.entities[e].party not in (None, party) for e in members):
        return None
    name = " and ".join(index.entities[e].name for e in members)
    return speaker_of(index, index.group_entity(name, "GROUP"), "nominal")


def still_together(index: ArticleIndex, span: Span) -> tuple[int, ...] | None:
    """The people the article names together most often before a span ("Trump and Clinton"
    in the headline, "Donald Trump and Hillary Clinton vied …" in the lede, a page before
    "The candidates took questions"), when each of them is still talked of within the
    salience window: the pair the article is about. None when no pair is named more often
    than any other, or one of them is not recent."""
    counts = Counter(e.entity for e in index.events
                     if e.token < span.start and e.entity in index.coordinated)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    members = index.coordinated[ranked[0][0]]
    here = index.sent_of[span.start]
    recent = {e.entity for e in index.before(span.start) if here - e.sent <= index.window}
    return members if set(members) <= recent else None


def places_named_of(index: ArticleIndex, span: Span) -> Speaker | None:
    """Places named after "of" by a plural place noun ("the cities of Blackpool and
    Liverpool", "the states of Ohio and Michigan"): one GROUP of those places, named by them;
    None for anything else."""
    root = span.root
    if root.tag_ != "NNS" or plural_lemma(root) not in PLACE_HEADS:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    first = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if first is None or first.pos_ != "PROPN" or first.i >= span.end:
        return None
    names = [first] + [c for c in first.subtree if c.dep_ == "conj" and c.i < span.end]
    if len(names) < 2 or any(t.pos_ != "PROPN" for t in names):
        return None
    parts = [index.doc[np_start(t) : t.i + 1].text for t in names]
    return speaker_of(index, index.group_entity(" and ".join(parts), "GROUP"), "name")


def described_pair_before(span: Span) -> bool:
    """Whether person nouns, not names, are coordinated before a span in its sentence ("the
    business mogul turned Republican presidential candidate and the Democratic socialist")."""
    sent = span.root.sent
    return any(t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN"
               and (is_person_noun(t.lemma_.lower()) or is_person_noun(t.head.lemma_.lower()))
               for t in span.doc[sent.start : span.start])


def listed_people(index: ArticleIndex, span: Span) -> Speaker | None:
    """A plural of people followed, in the source itself, by the names of those people
    ("Democratic presidential candidates Hillary Clinton and Bernie Sanders made their cases",
    the parse hanging the names on the verb): one GROUP of them; None unless two or more
    people are named after the noun and nothing but "and" and commas stands between them."""
    root = span.root
    if root.tag_ != "NNS" or not (is_group_noun(plural_lemma(root)) or root.lower_ in
                                  TOGETHER_NOUNS):
        return None
    first = bisect_left(index.mention_starts, root.i + 1)
    names = [m for m in index.mentions[first:] if m.start < span.end and m.end <= span.end]
    covered = {i for m in names for i in range(m.start, m.end)}
    rest = [t for t in span.doc[root.i + 1 : span.end] if t.i not in covered]
    if (len(names) < 2 or any(m.label != "PERSON" for m in names)
            or any(t.lower_ != "and" and not t.is_punct for t in rest)):
        return None
    people = list(dict.fromkeys(index.mention_entity[m.start] for m in names))
    if len(people) < 2:
        return None
    name = " and ".join(index.entities[e].name for e in people)
    return speaker_of(index, index.group_entity(name, "GROUP"), "name")


def bare_headline_noun(span: Span) -> bool:
    """A singular description with no determiner or possessor ("Indiana governor", "federal
    judge", "SEIU chief", a title-cased headline's "Judge"): a headline's way of writing
    "a"/"the", not a name."""
    root = span.root
    return (root.tag_ == "NN" or title_cased_role(root)) and not any(
        c.dep_ in ("det", "poss", "nummod", "predet") for c in root.children)


def title_cased_role(tok: Token) -> bool:
    """A person noun the tagger read as a proper noun for its capital, which no name holds
    ("Judge rejects …", "Senator says …")."""
    return (tok.tag_ == "NNP" and tok.text[:1].isupper() and not tok.ent_type_
            and is_person_noun(tok.lower_))


def headline_document(index: ArticleIndex, span: Span) -> Speaker | None:
    """A document a title-cased headline names with capitals ("New Poll Shows …"): the
    document of its kind the next sentences name ("The latest Reuters/Ipsos opinion poll"),
    as for "A new poll"; None for anything else or when none is named."""
    root = span.root
    kind = DOCUMENT_KINDS.get(root.lower_)
    if (kind is None or root.tag_ != "NNP" or root.ent_type_ or index.para_of[span.start] != 0
            or any(t.ent_type_ for t in span)):
        return None
    found = document_named_later(index, span, kind)
    return speaker_of(index, found, "nominal") if found is not None else None


def document_after_possessive(index: ArticleIndex, span: Span) -> Speaker | None:
    """A document a description ends with, after a possessive the parse made part of the
    possessor's phrase ("the California secretary of state’s website", with "secretary" the
    root and "website" hung on "of"): the document, named by the whole phrase; not a person
    because its possessor is one."""
    last = span[-1]
    if (len(span) < 3 or last.i == span.root.i or last.pos_ != "NOUN"
            or last.lower_ not in DOCUMENT_KINDS or span.doc[last.i - 1].tag_ != "POS"):
        return None
    start = span.start + 1 if span[0].dep_ == "det" else span.start
    name = clean_label(span.doc[start : last.i + 1].text)
    ent_id = index.group_entity(name, "DOCUMENT")
    return speaker_of(index, ent_id, "nominal")


def resolve_noun(index: ArticleIndex, span: Span) -> Speaker:
    """A common-noun source: group, organisation description, person description, or none."""
    website = document_after_possessive(index, span)
    if website is not None:  # "the California secretary of state’s website"
        return website
    possessed = (named_by_participle(index, span) or resolve_predicated(index, span)
                 or renamed_document(index, span) or staff_campaign(index, span)
                 or resolve_possessed(index, span) or body_named_before(index, span)
                 or both_named(index, span)
                 or counted_people(index, span) or listed_people(index, span)
                 or places_named_of(index, span)
                 or resolve_age(index, span)
                 or resolve_family(index, span) or resolve_document(index, span))
    if possessed is not None:
        return possessed
    body = national_body(span)
    if body is not None:
        return speaker_of(index, index.group_entity(body, "ORG"), "name")
    root = span.root
    head = plural_lemma(root)
    dets = {t.lower_ for t in span if t.dep_ in ("det", "predet", "nummod") or t.lower_ in
            QUANTIFIERS and t.i < root.i}
    plural = root.tag_ in ("NNS", "NNPS")
    indefinite = bool(dets & {"a", "an", "one", "some", "another", "any", "several", "many"})
    trimmed = span[: root.i - span.start + 1]
    name, named = group_name(span, index.s.max_group_prep_tokens)
    if indefinite and not plural:  # "One pastor supporting X, Ann Lee," is Ann Lee
        named_in = (named_apposition(index, span) or named_later(index, span)
                    or named_by_next_quote(index, span))
        if named_in is not None:
            return named_in
    if bare_headline_noun(span):  # "Indiana governor endorses Cruz": the body names him
        named_in = named_later(index, span)
        if named_in is not None:
            return named_in
    if (plural or indefinite) and not is_group_noun(head) and head not in QUANTITY_NOUNS:
        return resolve_thing(index, span)
    if (not plural and not named and (head == "source" or is_person_noun(head))
            and singular_indefinite(span)):
        return anonymous_one(index, span)
    if plural or indefinite or head in ("police", "staff", "source"):
        ent_id = index.group_entity(name, "GROUP")
        return speaker_of(index, ent_id, "name" if named else "none")
    if head in ORG_WORDS or head in PLACE_HEADS:
        if named:
            ent_id = index.group_entity(name.replace("’s", "").replace("'s", ""), "ORG")
            return speaker_of(index, ent_id, "name")
        ent_id = resolve_org_description(index, span)
        return speaker_of(index, ent_id, "nominal") if ent_id is not None else unresolved(span)
    if is_person_noun(head) or office_phrase(head, description_words(trimmed)[1]):
        again = anonymous_again(index, span)
        if again is not None:
            return again
        ent_id = resolve_description(index, trimmed)
        if ent_id is not None:
            return speaker_of(index, ent_id, "nominal")
        return unresolved(span)
    return resolve_thing(index, span)


# Documents as sources, in kinds a later "the study" can refer back across ("a Reuters
# survey … The study found").
DOCUMENT_KINDS: dict[str, str] = {
    **dict.fromkeys("poll polls polling survey surveys study research findings analysis data "
                    "average".split(), "survey"),
    **dict.fromkeys("report assessment review audit memo memorandum".split(), "report"),
    **dict.fromkeys("ruling decision opinion brief filing lawsuit complaint".split(), "legal"),
    **dict.fromkeys("article piece story feature video ad book website letter email statement "
                    "release".split(), "media"),
    "returns": "papers",  # someone's tax returns, named or not ("tax returns would show …")
}
# Verbs whose subject issues the document that is their object ("Sanders is releasing a new ad").
ISSUING_VERBS = frozenset(
    "release issue publish unveil launch air run file send post put conduct commission".split())
DOCUMENT_ADJECTIVES = frozenset("new recent latest early separate".split())


def document_issuer(index: ArticleIndex, span: Span) -> str | None:
    """Who issued a document, when the mention says: "by Justin Levitt", "his website" (the
    pronoun resolved), "Levitt's study"; else None (a name inside it, "a Reuters survey",
    stays part of the document's own name); several issuers are kept as "by A and B"."""
    root = span.root
    agents = [a for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"
              for a in c.children if a.dep_ == "agent"]  # "a survey conducted by X"
    for c in [*root.children, *agents]:
        inside = span.start <= c.i < span.end
        if c.dep_ == "prep" and c.lower_ == "from" and inside:
            phrase = noun_phrase_of(c)  # "an email from the president of the AFL-CIO"
            if phrase is not None:
                return f"from {phrase}"
        if (c.dep_ == "prep" and c.lower_ == "by" and inside) or c in agents:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if not objs or not names_someone(objs[0].subtree):
                continue
            o = objs[0]
            if o.pos_ == "PROPN" and not any(t.dep_ in ("det", "conj") for t in o.children):
                names = [t for t in o.lefts if t.pos_ == "PROPN" and t.dep_ == "compound"]
                start = names[0].i if names and o.i - names[-1].i == 1 else o.i
                while start > o.left_edge.i and span.doc[start - 1].pos_ == "PROPN":
                    start -= 1
                return span.doc[start : o.i + 1].text  # "by … professor Justin Levitt"
            phrase = noun_phrase_of(c)
            if phrase is not None:  # "by the OECD", "by Harvard and Yale"
                return f"by {phrase}"
        if c.dep_ == "poss" and span.start <= c.i < span.end:
            if c.tag_ == "PRP$":
                if index.in_quote[c.i]:
                    return None
                ent = resolve_pronoun(index, c)
                return short_name(index.entities[ent]) if ent is not None else None
            if c.pos_ == "PROPN":
                return span.doc[np_start(c) : c.i + 1].text.removesuffix("'s")
    return issuing_subject(index, root)


def noun_phrase_of(prep: Token) -> str | None:
    """The object of a preposition with its "of"/"and" parts, without its determiner and
    without clauses after it ("from the president of the AFL-CIO obtained by …" -> "president
    of the AFL-CIO"); None when it names no one (no proper noun)."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    if not objs:
        return None
    o = objs[0]
    end = o.i
    for r in o.rights:  # "of X", "for Economic Cooperation", "and Y"; never a clause
        if r.dep_ in ("acl", "relcl") or r.dep_ == "punct" and r.text == ",":
            break
        if r.dep_ == "prep" and (r.lower_ == "of" or names_someone(r.subtree)) or r.dep_ in (
                "cc", "conj"):
            inner = [t for t in r.subtree if t.dep_ in ("acl", "relcl")]
            end = (inner[0].i - 1) if inner else r.right_edge.i
        else:
            break
    start = o.left_edge.i
    doc = prep.doc
    while start < o.i and doc[start].dep_ in ("det", "predet"):
        start += 1
    toks = doc[start : end + 1]
    return toks.text if names_someone(toks) else None


def names_someone(tokens: Iterable[Token]) -> bool:
    """Whether words hold a name: a proper noun, an entity, or a capitalised word inside a
    sentence ("the A.F.L.-C.I.O.", which the tagger calls a noun)."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
               or t.text[:1].isupper() and not t.is_sent_start for t in tokens)


def issuing_subject(index: ArticleIndex, root: Token) -> str | None:
    """The subject of the verb that issues a document ("Sanders is releasing a new ad" ->
    "Sanders"): a named person or organisation, or a pronoun resolved to one."""
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or index.in_quote[subj.i]:
        return None
    if subj.tag_ == "PRP":
        ent = resolve_pronoun(index, subj)
    else:
        found = [m for m in mentions_near(index, subj.i) if m.start <= subj.i < m.end]
        ent = index.mention_entity[found[0].start] if found else None
        if ent is None:
            return named_body(subj)
    if ent is None or index.entities[ent].type not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    return short_name(index.entities[ent])


def named_body(noun: Token) -> str | None:
    """A body named by a place or name before its common noun ("Tulsa police", "Ohio
    regulators"): its words, else None."""
    if noun.pos_ != "NOUN" or not is_group_noun(plural_lemma(noun)) and noun.lower_ != "police":
        return None
    start = np_start(noun)
    while start > noun.sent.start and noun.doc[start - 1].pos_ == "PROPN":
        start -= 1  # "Tulsa police", the place parsed apart
    words = [t for t in noun.doc[start : noun.i] if t.dep_ != "det"]
    if not words or not all(t.pos_ == "PROPN" for t in words):
        return None
    return noun.doc[words[0].i : noun.i + 1].text


def name_tagged_noun(tok: Token) -> bool:
    """A name the tagger calls a common noun ("the RealClearPolitics average", with
    "RealClearPolitics" a plural noun): a capital inside the word as well as at its start,
    as brand names are written, and not at the start of a sentence."""
    text = tok.text
    return (tok.pos_ == "NOUN" and not tok.is_sent_start and text[:1].isupper()
            and any(c.isupper() for c in text[1:]) and any(c.islower() for c in text))


def document_name(span: Span, issuer: str | None) -> str | None:
    """A document's name: its issuer's and its own words without determiners and dating
    adjectives ("A 2014 study by … Justin Levitt" -> "Justin Levitt's 2014 study", "a recent
    Reuters survey of voter lists" -> "Reuters survey of voter lists"); None when nothing
    names it ("the poll")."""
    root = span.root
    owner = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
    own = [t for t in span.doc[np_start(root) : root.i + 1]
           if t.dep_ not in ("det", "case", "predet") and t.i not in owner
           and (not t.is_punct or t.text in ("/", "-", "&"))
           and not (t.lower_ in DOCUMENT_ADJECTIVES and t.pos_ != "PROPN")]
    of = [c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"
          and c.right_edge.i < span.end and c.right_edge.i - root.i <= 5]
    tail = span.doc[of[0].i : of[0].right_edge.i + 1].text if of else ""
    named = any(t.pos_ == "PROPN" or name_tagged_noun(t) for t in own) or any(
        t.pos_ == "PROPN" for t in (span.doc[of[0].i : of[0].right_edge.i + 1] if of else ()))
    if issuer is None and not named:
        return None
    words = "".join(t.text_with_ws for t in own).strip()
    if issuer is not None and issuer.startswith(("by ", "from ")):
        words = f"{words} {issuer}"
    elif issuer is not None:
        words = f"{issuer}'s {words}"
    return f"{words} {tail}".strip()


def resolve_document(index: ArticleIndex, span: Span) -> Speaker | None:
    """A document as source stays the document, named after its issuer when the article says
    ("a new Reuters/Ipsos poll" -> "Reuters/Ipsos poll", "his website" -> "Trump's website");
    "the poll"/"the study" -> the last document of that kind named before it (else None)."""
    root = span.root
    example = named_example(span)
    kind = DOCUMENT_KINDS.get(root.lower_) or (
        DOCUMENT_KINDS.get(root.lower_.removesuffix("s")) if example is not None else None)
    if kind is None:
        return None
    if example is not None:  # "reports like the 2014 National Climate Assessment, which …"
        ent_id = named_document(index, example, span.start, kind)
        if ent_id is not None:
            return speaker_of(index, ent_id, "nominal")
    name = document_name(span, document_issuer(index, span))
    if name is not None:
        ent_id = index.group_entity(name, "DOCUMENT")
        index.documents.append((span.start, kind, ent_id))
        index.add_event(ent_id, root.i, 0)
        return speaker_of(index, ent_id, "nominal")
    definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in root.children)
    if not definite and bare_singular(root):  # "Tulsa police released video …. Video shows"
        found = document_antecedent(index, span, kind)
        if found is not None:
            return speaker_of(index, found, "nominal")
    if not definite and kind != "papers":  # bare "tax returns" are the returns spoken of
        later = document_named_later(index, span, kind)  # "A new poll shows … The latest
        return speaker_of(index, later, "nominal") if later is not None else None  # X poll"
    earlier = [ent for tok, k, ent in index.documents if k == kind and tok < span.start]
    if not earlier:
        found = document_antecedent(index, span, kind, index.s.description_window
                                    if kind == "papers" else None)  # returns stay in view
        earlier = [found] if found is not None else []
    if not earlier and kind in STUDY_KINDS:
        found = study_named_before(index, span)
        earlier = [found] if found is not None else []
    if not earlier:
        found = speakers_data(index, span)
        earlier = [found] if found is not None else []
    if not earlier and root.lower_ in COURT_DOCUMENTS:
        court = deciding_court(index, span)
        name = document_name(span, court) if court is not None else None
        if name is not None:  # "said the ruling" after the appeals court ruled
            ent_id = index.group_entity(name, "DOCUMENT")
            index.documents.append((span.start, kind, ent_id))
            earlier = [ent_id]
    return speaker_of(index, earlier[-1], "nominal") if earlier else None


DATA_WORDS = frozenset("data findings".split())


def speakers_data(index: ArticleIndex, span: Span) -> int | None:
    """"The data"/"the findings" just after an organisation reported figures ("The State
    Department Refugee Processing Center said that 98.33 percent … According to the data,
    …"): that organisation's data, a document named after it; None when the last speaker,
    at most a sentence before, is no organisation."""
    root = span.root
    if root.lower_ not in DATA_WORDS:
        return None
    last = index.last_speaker(root.i)
    if (last is None or index.entities[last.entity].type != "ORG"
            or index.sent_of[root.i] - last.sent > index.s.near_sentences):
        return None
    name = f"{index.entities[last.entity].name} {root.lower_}"
    ent_id = index.group_entity(name, "DOCUMENT")
    index.documents.append((span.start, DOCUMENT_KINDS[root.lower_], ent_id))
    return ent_id


NOUN_DEPS = frozenset("nsubj nsubjpass dobj pobj appos conj".split())


def named_example(span: Span) -> Span | None:
    """The one named document a plural document source gives as its example, inside the span
    ("reports like the 2014 National Climate Assessment, which …", "studies such as the Lancet
    review"): the source is that document; None without one, or with several ("polls like
    A and B")."""
    root = span.root
    if root.tag_ != "NNS" and not (root.tag_ == "VBZ" and root.dep_ in NOUN_DEPS):
        return None  # "scrutinized reports like …" with "reports" tagged a verb
    for prep in root.rights:
        such = prep.lower_ == "as" and (span.doc[prep.i - 1].lower_ == "such" or any(
            c.lower_ == "such" for c in prep.children))
        if prep.dep_ != "prep" or not (prep.lower_ == "like" or such):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or not span.start <= obj.i < span.end or any(
                c.dep_ == "conj" for c in obj.children):
            return None
        phrase = span.doc[np_start(obj) : obj.i + 1]
        return phrase if any(t.pos_ == "PROPN" for t in phrase) else None
    return None


STUDY_KINDS = frozenset({"survey", "report"})  # kinds one study or report may be called by


def study_named_before(index: ArticleIndex, span: Span) -> int | None:
    """The study or report the article named with capitals before a bare "the report"/"the
    study", within the description window ("the Australian National Iodine Nutrition Study
    … The report says"): the nearest entity whose name ends in a word of a study or report
    kind (Study, Survey, Report, Review, Assessment), of either kind; else None."""
    for e in index.before(span.start, window=index.s.description_window):
        words = [norm_word(w) for w in index.entities[e.entity].name.split()]
        if len(words) >= 2 and DOCUMENT_KINDS.get(words[-1]) in STUDY_KINDS:
            return e.entity
    return None


COURT_DOCUMENTS = frozenset("ruling decision opinion order verdict".split())
COURT_WORDS = frozenset("court circuit tribunal".split())


def deciding_court(index: ArticleIndex, span: Span) -> str | None:
    """The court a bare "the ruling"/"the decision" comes from: the nearest one named or
    described within the salience window ("A federal appeals court ruled … said the ruling"
    -> the court's ruling), else None ("his decision to run" names no court)."""
    for e in index.before(span.start):
        ent = index.entities[e.entity]
        words = {norm_word(w) for w in ent.name.split()}
        if ent.type == "ORG" and words & COURT_WORDS:  # never a judge: the court's opinion
            return short_name(ent)
    return None


def document_named_later(index: ArticleIndex, span: Span, kind: str) -> int | None:
    """The document an unnamed indefinite one opening the story is named as in the next
    sentences ("A new poll shows … The latest Reuters/Ipsos opinion poll released Friday"):
    the first named document of its kind there, else None."""
    if not opens_story(index, span):
        return None
    doc = span.doc
    here = index.sent_of[span.start]
    for tok in doc[span.end :]:
        if index.sent_of[tok.i] - here > lede_reach(index, span):
            break
        if (tok.pos_ != "NOUN" or DOCUMENT_KINDS.get(tok.lower_) != kind or index.in_quote[tok.i]
                or index.sent_of[tok.i] == here):  # "Early analysis shows Iowa polls …"
            continue
        ent_id = named_document(index, doc[np_start(tok) : tok.i + 1], span.start, kind)
        if ent_id is not None:
            return ent_id
    return None


def bare_singular(root: Token) -> bool:
    """A singular noun with no determiner, possessor or number ("Video shows that …"): a
    mention of something already in view, like "the video"."""
    return root.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss", "nummod", "predet") for c in root.children)


def document_antecedent(index: ArticleIndex, span: Span, kind: str,
                        window: int | None = None) -> int | None:
    """The last document of a kind named before a mention within `window` sentences (default:
    the salience window), even where it was no source ("Sanders is releasing a new ad … The
    ad says"): its entity."""
    here = index.sent_of[span.start]
    doc = span.doc
    window = index.window if window is None else window
    for i in range(span.start - 1, -1, -1):
        tok = doc[i]
        if here - index.sent_of[i] > window:
            break
        if tok.pos_ != "NOUN" or DOCUMENT_KINDS.get(tok.lower_) != kind or index.in_quote[i]:
            continue
        np = doc[np_start(tok) : tok.right_edge.i + 1]
        ent_id = named_document(index, np, np.start, kind)
        if ent_id is not None:
            return ent_id
    return None


def named_document(index: ArticleIndex, np: Span, at: int, kind: str) -> int | None:
    """The entity of a document noun phrase that has a name, recorded as a document of its kind
    at token `at`; None when the phrase names no document."""
    name = document_name(np, document_issuer(index, np))
    if name is None:
        return None
    ent_id = index.group_entity(name, "DOCUMENT")
    index.documents.append((at, kind, ent_id))
    return ent_id


def resolve_thing(index: ArticleIndex, span: Span) -> Speaker:
    """A document or thing as source: a document (see resolve_document), else "a Pentagon
    memo" -> the named author organisation; "the report" -> unresolved, but kept so that a
    later "it" can refer back to it."""
    document = resolve_document(index, span)
    if document is not None:
        return document
    root = span.root
    for tok in span:  # "a Pentagon memo"; "Dalton's theory" is a thing of Dalton's, not Dalton
        if root.lemma_.lower() in AFFILIATION_NOUNS and root.tag_ == "NN":
            break  # "the GOP front-runner", "the Stanford graduate": not the party, the school
        if (tok.i < root.i and tok.ent_type_ in ("ORG", "PERSON", "GPE") and tok.head.i == root.i
                and tok.dep_ != "poss" and not for_or_against(tok)):
            ent = next((m for m in index.mentions if m.start <= tok.i < m.end), None)
            if ent is not None:
                return speaker_of(index, index.mention_entity[ent.start], "nominal")
    named = thing_named_before(index, span)
    if named is not None:  # "Crater Lake … the lake", "Cyclone Phailin … this cyclone"
        return speaker_of(index, named, "nominal")
    name, _ = group_name(span[: root.i - span.start + 1], index.s.max_group_prep_tokens)
    thing = Speaker(name=name, id=slugify(name), type="OTHER", resolved_by="none")
    index.group_entity(thing.name, "OTHER")
    return thing


STANCE_PREFIXES = frozenset("anti pro".split())


def for_or_against(tok: Token) -> bool:
    """Whether a name inside a description is what it is for or against, not who made it
    ("the anti-GOP/Obama headline", "a pro-Trump ad"): a prefix "anti-"/"pro-" opens the
    run of words and slashes the name is in."""
    i = tok.i - 1
    while i >= 0 and (tok.doc[i].text in ("-", "/") or tok.doc[i].pos_ == "PROPN"):
        i -= 1
    return i >= 0 and tok.doc[i].lower_ in STANCE_PREFIXES and tok.doc[i + 1].text == "-"


# People named by what they are to an organisation or place, not by working for it: the
# organisation that modifies them ("the GOP front-runner", "the Stanford graduate", "a Texas
# native") does not speak for them, unlike an employer ("the Post fact checker").
AFFILIATION_NOUNS = frozenset(
    "runner frontrunner front-runner graduate alumnus alumna voter supporter hopeful "
    "challenger contender native resident veteran donor".split())


DEMONSTRATIVES = frozenset("the this that".split())
# Types of the recogniser's names that are things, and the speaker type each becomes.
THING_LABELS = {"LOC": "GPE", "FAC": "ORG", "LAW": "DOCUMENT", "WORK_OF_ART": "DOCUMENT",
                "EVENT": "OTHER", "PRODUCT": "OTHER"}


# Words a thing's name may show for a description's head ("Cyclone Phailin … the storm").
THING_KINDS: dict[str, frozenset[str]] = dict.fromkeys(
    ("storm", "cyclone", "hurricane", "typhoon"),
    frozenset("storm cyclone hurricane typhoon".split()))


def thing_named_before(index: ArticleIndex, span: Span) -> int | None:
    """The named thing a definite description of a thing takes its word from ("Crater Lake …
    the lake", "Cyclone Phailin … this cyclone", "the Wildwood Trail … the trail", "the
    Chatham Islands … the islands"): the nearest name before it outside quotations, within the
    description window, of two or more words beginning or ending with the description's head
    or a word of its kind (THING_KINDS: "Cyclone Phailin … the storm"), an entity of the
    article or a place, facility, law, work, event or product the recogniser found; never a
    person's name (`person_named`: "Condoleezza Rice … the rice") nor a group; else a name the
    recogniser missed (`unlisted_thing_name`: "Mecca's Grand Mosque … the mosque"); else
    None."""
    root = span.root
    if root.tag_ not in ("NN", "NNS") or not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES
                                                 for c in root.children):
        return None
    head = root.lemma_.lower() if root.tag_ == "NN" else root.lower_
    kinds = THING_KINDS.get(head, frozenset({head}))
    here = index.sent_of[span.start]
    doc = span.doc
    for ent in reversed([e for e in doc.ents if e.end <= span.start]):
        if here - index.sent_of[ent.start] > index.s.description_window:
            break
        if index.in_quote[ent.start]:
            continue
        words = [norm_word(t.text) for t in ent if t.lower_ != "the" and not t.is_punct]
        if len(words) < 2 or not kinds & {words[0], words[-1]} or person_named(words):
            continue
        found = [m for m in mentions_near(index, ent.start) if m.start <= ent.start < m.end]
        if found:
            ent_id = index.mention_entity[found[0].start]
            known = index.entities[ent_id]
            if known.type == "GROUP" or known.gender is not None and len(words) <= 2:
                continue
            if kinds & {norm_word(w) for w in known.name.split()}:
                return ent_id
        if ent.label_ in THING_LABELS or named_after_someone(ent, words):
            name = " ".join(t.text for t in ent if t.lower_ != "the" or t.i > ent.start)
            return index.group_entity(name, thing_type(ent.label_, head))
    named = entity_named_by_head(index, span, head)
    if named is not None or root.tag_ != "NN":
        return named
    unlisted = unlisted_thing_name(index, span, head)
    return index.group_entity(unlisted, thing_type("", head)) if unlisted is not None else None


def named_after_someone(ent: Span, words: list[str]) -> bool:
    """Whether a recogniser's name of a person or organisation is a thing's name of three or
    more words, all capitalised ("the George Washington Bridge", whose mention the article
    index gives to George Washington): not the date or number "a very emotional day"."""
    return (ent.label_ in ("PERSON", "ORG") and len(words) > 2
            and all(t.text[:1].isupper() for t in ent if t.lower_ != "the" and not t.is_punct))


def thing_type(label: str, head: str) -> str:
    """The speaker type of a named thing: its recogniser label's (THING_LABELS), else a place
    for a place word ("the city"), else an organisation, as a facility is."""
    return THING_LABELS.get(label, "GPE" if head in PLACE_WORDS else "ORG")


def person_named(words: list[str]) -> bool:
    """Whether a name's lowercased words are a person's: two words opening with a known first
    name ("Condoleezza Rice"); a longer name ("George Washington Bridge") names a thing after
    a person."""
    return len(words) == 2 and words[0] in FIRST_NAMES


def unlisted_thing_name(index: ArticleIndex, span: Span, head: str) -> str | None:
    """The nearest run of two or more capitalised proper nouns before a description, within
    the description window and outside quotations and the recogniser's names, that ends with
    the description's head ("pilgrims at Mecca's Grand Mosque … the mosque" -> "Grand
    Mosque"), opening with no known first name; else None."""
    doc = span.doc
    here = index.sent_of[span.start]
    for i in range(span.start - 1, 0, -1):
        if here - index.sent_of[i] > index.s.description_window:
            break
        tok = doc[i]
        if (tok.lower_ != head or tok.pos_ != "PROPN" or not tok.text[:1].isupper()
                or tok.ent_type_ or index.in_quote[i]):
            continue
        start = i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and not doc[start - 1].ent_type_ and index.sent_of[start - 1] == index.sent_of[i]:
            start -= 1
        words = [norm_word(t.text) for t in doc[start : i + 1]]
        if len(words) >= 2 and words[0] not in FIRST_NAMES:
            return doc[start : i + 1].text
    return None


def entity_named_by_head(index: ArticleIndex, span: Span, head: str) -> int | None:
    """The nearest entity of the article before a span, within the description window, whose
    name of two or more words begins or ends with `head` and is no person's (a known first
    name, a gender) nor a group's; else None."""
    for e in index.before(span.start, window=index.s.description_window):
        ent = index.entities[e.entity]
        words = [norm_word(w) for w in ent.name.split()]
        if (len(words) >= 2 and head in (words[0], words[-1]) and ent.type != "GROUP"
                and ent.gender is None and words[0] not in FIRST_NAMES):
            return e.entity
    return None
