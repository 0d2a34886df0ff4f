"""Named rules for candidates that are not attributions: someone or something doing, not saying.

Each rule is a predicate over one draft (`Draft`) and its Doc; `drafts_for` drops the drafts
any rule in `NOT_SAID_RULES` holds for. The rules were found on real news pages (issue 11),
where most wrong attributions are the writer's narration of actions ("The money found its
way into …", "The grants support programs …") or page furniture ("This series explores … .
Here is the sixth wonder:" above a paragraph of the writer's own); each is checked not to cost
PolNeAR dev anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from saidwhat.engine.contents import FINITE_TAGS
from saidwhat.engine.drafts import Draft
from saidwhat.engine.lexicon import TOLD_LEMMAS
from saidwhat.engine.quotes import doc_text
from saidwhat.engine.speakers.mentions import is_group_noun
from saidwhat.engine.structure import line_at
from saidwhat.settings import AssemblySettings

# Pronouns that stand for a thing, never a speaker of an object-only content.
THING_PRONOUNS = frozenset("it this that which what these those".split())
# Ways a content was read off the parse as the cue verb's object (no clause, no quote).
OBJECT_HOWS = frozenset(("object", "following"))


# Named entities whose presence makes a noun phrase someone's body, not a thing: 'the Obama
# administration', 'the Clinton campaign', 'the Saudi government'.
BODY_ENTITIES = frozenset(("PERSON", "ORG", "NORP", "GPE"))


def is_thing(source: Span | None) -> bool:
    """A source that is a plain common noun phrase ('the money', 'this course', 'hedge funds',
    'Christie's speech', 'Amazon's agreements': a name only as the owner; 'The suit, which will
    be filed in Brooklyn Supreme Court': a name only in a clause on it) or a thing pronoun:
    no other name in it, no person pronoun."""
    if source is None:
        return False
    root = source.root
    if root.lower_ in THING_PRONOUNS or of_thing_pronoun(root):
        return True
    owners = {t.i for c in root.children if c.dep_ in ("poss", "relcl", "acl")
              for t in c.subtree}
    return (root.pos_ == "NOUN" and not root.ent_type_
            and not any(t.ent_type_ in BODY_ENTITIES for t in source if t.i not in owners))


# Quantifiers that take a pronoun after "of": "all of which", "some of this", "each of these".
QUANTIFIERS = frozenset("all some none each any most much many both either neither".split())


def of_thing_pronoun(root: Token) -> bool:
    """'All of which requires planes to stay apart', 'much of this': a quantifier over a thing
    pronoun is a thing too ('some of them', 'many of the officials' are people)."""
    return root.lower_ in QUANTIFIERS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lower_ in THING_PRONOUNS for g in c.children)
        for c in root.children)


def thing_does_something(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'The money found its way into …', 'The grants support programs …', 'This course
    introduces …': a thing as the subject of a verb the cue classifier doubts, with only an
    object as its content, is narration of what it does (a report that 'criticized the plan'
    is rated a likely cue and stays)."""
    if draft.cue is None or draft.how not in OBJECT_HOWS:
        return False
    return (draft.cue.p < settings.action_cue_probability and is_thing(draft.source)
            and not names_people(draft.source) and not asks_someone_to(doc[draft.cue.head]))


# Group words that are documents, not people: a report or a poll is judged as a thing.
DOCUMENT_LEMMAS = frozenset("report study survey poll data".split())


def names_people(source: Span | None) -> bool:
    """A common noun phrase that names people or a body ('officials', 'the critics', 'the
    agency'), not a thing or a document ('the report')."""
    if source is None:
        return False
    lemma = source.root.lemma_.lower()
    return is_group_noun(lemma) and lemma not in DOCUMENT_LEMMAS


CLAUSE_HOWS = frozenset(("ccomp",))


def thing_as_evidence(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'These incremental fixes highlight how …', 'The mobile apps allow people to report …',
    'Those effects grow even worse in a world that …': a thing as the subject of a verb the cue
    classifier doubts is evidence or description even with a clause after it; a report, a
    study or a statement is rated a likely cue ('The report found that …') and stays."""
    if draft.cue is None or draft.how not in CLAUSE_HOWS:
        return False
    return draft.cue.p < settings.evidence_cue_probability and is_thing(draft.source)


def doubted_cue_on_object(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'He mounted his donkey', 'NWS began issuing 30-day outlooks', 'They knew when to take
    half a loaf': an object alone carries no report, so the verb must: one the cue classifier
    (fitted on all tokens of PolNeAR train) doubts in its context is an action, whoever does
    it; a copula with an attitude ('was critical of', 'is not aware of') stays."""
    if draft.cue is None or draft.how not in OBJECT_HOWS:
        return False
    head = doc[draft.cue.head]
    return (draft.cue.p < settings.object_cue_probability and head.lemma_.lower() != "be"
            and not asks_someone_to(head))


# Verbs that ask, urge or tell someone to do something: with an object and an infinitive
# after it ('begged lawmakers to pass the bill') they report a request, not an action.
REQUEST_LEMMAS = frozenset(
    "beg urge implore entreat exhort beseech plead petition encourage advise warn invite "
    "challenge instruct order command tell ask remind press lobby".split())


# Verbs that ask for something to be done by someone: 'lobbied for Congress to loosen …'.
FOR_REQUEST_LEMMAS = REQUEST_LEMMAS | frozenset("call push argue campaign advocate".split())


def asks_for_someone_to(head: Token) -> bool:
    """'Dimon lobbied for Congress to loosen the rules', 'called for lawmakers to act': a verb
    of asking or urging with a 'for X to …' clause reports a request ('waited for the bus to
    come' and 'paid for his son to attend' are no such verbs)."""
    if head.lemma_.lower() not in FOR_REQUEST_LEMMAS:
        return False
    return any(c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > head.i
               and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in head.children)


def asks_someone_to(head: Token) -> bool:
    """'The mayor begged lawmakers to pass the bill', 'urged voters to stay home', 'lobbied
    for Congress to act': a verb of asking or urging with a person as object and a
    to-infinitive after it reports a request ('forced them to leave' and 'helped them to
    move' are no such verbs)."""
    if asks_for_someone_to(head):
        return True
    if head.lemma_.lower() not in REQUEST_LEMMAS:
        return False
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    return obj is not None and any(
        c.dep_ == "xcomp" and c.i > obj.i and any(a.dep_ == "aux" and a.lower_ == "to"
                                                  for a in c.children)
        for c in head.children)


# The writer and the reader: 'I', 'we' and 'you' outside quote marks.
PROSE_PERSONS = frozenset(("i", "we", "you"))
NARRATED_HOWS = OBJECT_HOWS | {"xcomp"}


def writer_narrates(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'I saw two officers', 'I loved this book', 'you can't defend your own life': the
    writer's (or the reader's) first or second person with only an object or an infinitive as
    content narrates what they did; a reported clause stays ('I hope the momentum grows')."""
    source = draft.source
    return (source is not None and len(source) == 1 and source.root.lower_ in PROSE_PERSONS
            and draft.how in NARRATED_HOWS)


# Verbs of showing, seeing and offering: their agentless passive describes, nobody says.
SHOWN_LEMMAS = frozenset("see show watch spot picture broadcast offer lay".split())


def shown_or_seen(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Suh is seen stepping on …', 'The plane was last seen on radar', 'Attendees will be
    offered tours': an agentless passive of showing, seeing or offering is the writer's
    description ('was described as', 'is considered' still report someone's words or view)."""
    return (draft.cue is not None and draft.how == "patient"
            and doc[draft.cue.head].lemma_.lower() in SHOWN_LEMMAS)


def has_auxiliary(verb: Token, words: frozenset[str]) -> bool:
    """Whether one of these auxiliaries ("can", "will", …) is the verb's own."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


# Modals of possibility or obligation: a passive under one says what may or must be done.
POSSIBLE_MODALS = frozenset("can ca could would might may must should".split())
PASSIVE_HOWS = frozenset(("patient", "passive"))


def possible_passive(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'lessons that can be viewed on a home computer', 'several dozen satellites would be
    required', 'it must be considered for debate': an agentless passive under a modal of
    possibility or obligation says what may or must be done, and nobody says it ('is expected
    to', 'was told' and 'will be charged with', which report a decision, stay)."""
    if draft.cue is None or draft.source is not None or draft.how not in PASSIVE_HOWS:
        return False
    return has_auxiliary(doc[draft.cue.head], POSSIBLE_MODALS)


# Modals of ability: "can't tell" with no one told is telling apart, not telling someone.
ABILITY_MODALS = frozenset(("can", "ca", "could"))


def cannot_tell(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'If they can't immediately tell, they will leave', 'you could tell he was nervous':
    'can tell' with nobody told is telling apart, a perception ('she told reporters',
    'I can tell you that …' name whom they tell and stay)."""
    if draft.cue is None:
        return False
    head = doc[draft.cue.head]
    return (head.lemma_.lower() == "tell"
            and has_auxiliary(head, ABILITY_MODALS)
            and not any(c.dep_ in ("dobj", "dative", "iobj") for c in head.children))


# Modals of the future: what someone will find has not been found or said yet.
FUTURE_MODALS = frozenset(("will", "'ll", "’ll", "wo"))


def future_finding(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Lovers of his classic tale will find that the illustrator has captured its wonder':
    a finding still to come is the writer's promise to the reader, not anyone's report ('The
    study found that …', 'Officials expect they will find that …' stay)."""
    if draft.cue is None:
        return False
    head = doc[draft.cue.head]
    return (head.lemma_.lower() == "find"
            and has_auxiliary(head, FUTURE_MODALS))


# Verbs of doing that the cue classifier lets through but that never report anyone's words or
# thoughts when they take an object: on PolNeAR train and dev none of their object-content
# candidates is an attribution; on real pages they are the writer's narration ('He mounted his
# donkey', 'Wizards have chosen him to defeat the Snow Queen').
ACTION_LEMMAS = frozenset("veto hire calculate witness continue enjoy buy sell build pay "
                          "choose persuade mount reach".split())


def acts_on_object(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Cuomo vetoed a bill that …', 'He also hired a student', 'Guercio witnessed the
    slashing', 'Matie calculated an estimate': a verb of doing with an object as the only
    content is an action, whoever does it ('vetoed the bill, saying it …' keeps the saying)."""
    return (draft.cue is not None and draft.how in OBJECT_HOWS
            and doc[draft.cue.head].lemma_.lower() in ACTION_LEMMAS)


# What a call is placed to: "called the home number", "called 911" is a telephone call
# ("line" is not: "called the long lines unacceptable", "calls Trump line 'racist'").
PHONE_OBJECTS = frozenset("number phone hotline 911 cellphone landline".split())
CALLING_LEMMAS = frozenset(("call", "dial", "ring"))


def phones(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'He called the family's home number nine times', 'She called 911': a call placed to a
    number is a telephone call, an action; 'called the plan a waste', 'called the number
    absurd' name it and stay."""
    if draft.cue is None:
        return False
    head = doc[draft.cue.head]
    return (head.lemma_.lower() in CALLING_LEMMAS
            and not any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in head.children)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in PHONE_OBJECTS
                    for c in head.children))


# Knowing to do something: a habit or skill, not a thought ("Savvy buyers know to look at …").
SKILL_LEMMAS = frozenset(("know",))
_INFINITIVE = re.compile(r"^to\s", re.I)


def knows_how_to(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Savvy buyers know to look at a reviewer's other reviews', 'Many know to verify that the
    site is secure': knowing to do something is a habit, not something known that anyone could
    say ('know that …' stays, and so does 'didn't know what to make of him', which PolNeAR
    marks as a thought)."""
    return (draft.cue is not None and doc[draft.cue.head].lemma_.lower() in SKILL_LEMMAS
            and infinitive_content(doc, draft) is not None)


def infinitive_content(doc: Doc, draft: Draft) -> Span | None:
    """The draft's first content piece when it is a to-infinitive ('to look at …'), else None."""
    start, end = draft.content[0]
    if _INFINITIVE.match(doc_text(doc)[start:end]) is None:
        return None
    return first_piece(doc, draft)


# Verbs of trying: what one tries to do is an act unless it is itself a saying with a clause.
ATTEMPT_LEMMAS = frozenset("attempt try seek strive".split())


def attempts_an_act(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Lopez is attempting to push a bill through the Senate', 'She tried to open the door':
    trying to do something is an action; trying to say something with a clause ('tried to
    suggest that …', 'sought to convince voters that …') stays an attribution."""
    if draft.cue is None or doc[draft.cue.head].lemma_.lower() not in ATTEMPT_LEMMAS:
        return False
    span = infinitive_content(doc, draft)
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")] if span is not None else []
    return bool(verbs) and not any(c.dep_ == "ccomp" for c in verbs[0].children)


# The page itself, as a correction names it: "This article originally stated …", "An earlier
# version of this story misstated …".
_THIS_PAGE = re.compile(r"\b(?:this|an? (?:earlier|previous|prior) version of (?:this|the))\s+"
                        r"(?:article|story|post|piece|column|version|report)\b", re.I)


def correction_notice(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'This article originally stated that 45 people died', 'An earlier version of this story
    misstated …': a correction notice says what the page got wrong; nobody is quoted."""
    return draft.source is not None and _THIS_PAGE.search(draft.source.text) is not None


_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]")


def colon_after_sentence_end(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'This series explores the wonders of our world. Here is the sixth wonder:' — the colon
    that set off the next paragraph closes another sentence than the cue's, so that paragraph
    is not what the cue's subject said."""
    if draft.cue is None or draft.how != "colon-paragraph":
        return False
    text = doc_text(doc)
    at = doc[draft.cue.head].idx
    end = text.find("\n", at)
    return _SENTENCE_END.search(text, at, len(text) if end < 0 else end) is not None


# Teasers for other stories set into a page: an inline "(RELATED: …)" link, a promo paragraph
# ending in its "Full Article" link, a listing line opened by a time stamp run into a headline
# ("Jan. 2 2015 8:53 PMWhat Matters in Selma…").
_RELATED_OPEN = re.compile(r"\((?:related|read more|see also|more)\s*:[^)]*$", re.I)
_TEASER_END = re.compile(r"(?:full article|read more|full story)\s*[.»›>]*\s*$", re.I)
_STAMPED = re.compile(r"^\W*[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4},? \d{1,2}:\d{2} ?[AP]M")


def teaser(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'(RELATED: Forget ISIS; Flopping Is Threatening To Destroy America)', 'India needs
    reforms, Jaitley told reporters. Full Article', 'Jan. 2 2015 8:53 PMWhat Matters in
    SelmaCritics say …': a teaser for another story, not this page's reporting."""
    if draft.cue is None:
        return False
    text = doc_text(doc)
    at = doc[draft.cue.head].idx
    start, end = line_at(text, at)
    return (_RELATED_OPEN.search(text, start, at) is not None
            or _TEASER_END.search(text[start:end]) is not None
            or _STAMPED.match(text[start:end]) is not None)


_BULLET = re.compile(r"^\s*[•▪‣◦·]")
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')]*\s*$")


def _bullet_items(text: str, at: int) -> tuple[list[str], str]:
    """The bulleted items of the run holding `at` (an item's indented continuation lines
    joined to it), and the line just before the run."""
    lines = text.split("\n")
    where = text.count("\n", 0, at)
    first = where
    while first > 0 and not _BULLET.match(lines[first]) and lines[first][:1].isspace():
        first -= 1  # a wrapped headline's continuation line
    if not _BULLET.match(lines[first]):
        return [], ""
    while first > 0 and (_BULLET.match(lines[first - 1]) or lines[first - 1][:1].isspace()):
        first -= 1
    items: list[str] = []
    for line in lines[first:]:
        if _BULLET.match(line):
            items.append(line.strip())
        elif line[:1].isspace() and line.strip() and items:
            items[-1] += " " + line.strip()
        else:
            break
    return items, lines[first - 1] if first > 0 else ""


def headline_list(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'• AirAsia pilot's son 'thinks daddy is still at work'', '• Plane thought to be upside
    down in sea': a bulleted run of headlines without full stops, not introduced by a colon, is
    a list of links to other stories; a list after 'said:' or of full sentences stays."""
    if draft.cue is None:
        return False
    items, before = _bullet_items(doc_text(doc), doc[draft.cue.head].idx)
    return (len(items) >= settings.headline_list_items and not before.rstrip().endswith(":")
            and not any(_ENDS_SENTENCE.search(item) for item in items))


# Verbs of supposing after "let's": "Let's say …", "let us suppose …".
SUPPOSE_LEMMAS = frozenset("say suppose imagine assume".split())
LET_SUBJECTS = frozenset(("'s", "’s", "us"))


def lets_suppose(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Let's say we resign ourselves to a future …', 'Let us suppose …': the writer sets up a
    supposition, and 'Let's talk about something lighter' a topic; neither is anybody's
    statement ('let's hope …', which PolNeAR marks, stays)."""
    if draft.cue is None or draft.source is None or draft.source.text.lower() not in LET_SUBJECTS:
        return False
    head = doc[draft.cue.head]
    return head.head.lemma_.lower() == "let" and (
        head.lemma_.lower() in SUPPOSE_LEMMAS or draft.how in OBJECT_HOWS)


# Verbs of asking the public, and what it is asked to do: get in touch.
APPEAL_LEMMAS = frozenset("ask urge encourage request".split())
CONTACT_LEMMAS = frozenset("call contact email e-mail phone reach text submit report".split())


def appeal_for_information(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Those with information on the robbery are asked to contact the police tip line',
    'Anyone with information is urged to call …': the page's standing appeal to readers, not a
    report of anyone's words."""
    if draft.cue is None:
        return False
    head = doc[draft.cue.head]
    if head.lemma_.lower() not in APPEAL_LEMMAS or not any(
            c.dep_ == "nsubjpass" for c in head.children):
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in CONTACT_LEMMAS for c in head.children)


def subject_clause_predicate(head: Token) -> Token | None:
    """The verb whose subject is the free relative holding `head` ('What I found out
    surprised me': 'surprised'), parsed either way: the cue as that verb's clausal subject, or
    the verb as the cue's subject-less complement after a fronted 'what'."""
    if head.dep_ == "csubj":
        return head.head
    if not any(c.dep_ == "dobj" and c.tag_ == "WP" and c.i < head.i for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i > head.i and not any(
        g.dep_.startswith(("nsubj", "csubj", "expl")) for g in c.children)), None)


def cue_in_subject_clause(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'What I found out surprised me': the cue sits in a free relative that is the subject of
    another verb, so what that verb says of it ('surprised me') is no content of the cue ('What
    I don't think they're doing is pushing back …', a copula, says what was thought: it stays)."""
    if draft.cue is None:
        return False
    matrix = subject_clause_predicate(doc[draft.cue.head])
    if matrix is None or any(t.lemma_.lower() == "be" for t in (matrix, *matrix.children)):
        return False
    return draft.content[0][0] <= matrix.idx < draft.content[-1][1]


# Imperatives that address the reader: "recall how …", "remember that …", "imagine …".
READER_IMPERATIVES = frozenset("recall remember imagine consider suppose note".split())


def tells_the_reader(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'The more vivid your presentation, the greater its effect — recall how the heart of
    Scrooge began to thaw': a subject-less imperative outside quote marks is the writer
    addressing the reader; nobody is reported."""
    if draft.cue is None or draft.source is not None:
        return False
    head = doc[draft.cue.head]
    return (head.tag_ == "VB" and head.dep_ == "ROOT" and head.lemma_.lower() in READER_IMPERATIVES
            and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in head.children))


def first_piece(doc: Doc, draft: Draft) -> Span | None:
    """The draft's first content piece as a span of whole tokens (None if it maps to none)."""
    start, end = draft.content[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


# Verbs that point at something: with a wh-clause they show or realise a question, no claim.
POINTING_LEMMAS = frozenset("show demonstrate illustrate realize".split())
WH_OPENERS = frozenset("how what who whom which whether where why when".split())


def points_at_a_question(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Waze shows how the market can correct …', 'Climate Central shows who would be
    affected', 'Only later did he realize what he had agreed to': showing or realizing a
    wh-clause points at something and claims nothing ('The poll shows that …' stays)."""
    if (draft.cue is None or draft.how not in CLAUSE_HOWS
            or doc[draft.cue.head].lemma_.lower() not in POINTING_LEMMAS):
        return False
    span = first_piece(doc, draft)
    return span is not None and span[0].lower_ in WH_OPENERS



def found_in_a_state(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'When the Marines arrived, they found the bazaar deserted', 'Ophelia finds herself
    battling evil': finding someone in a state (a clause with no finite verb) is seeing, not a
    report ('The study found that rents rose' stays)."""
    if (draft.cue is None or draft.how not in CLAUSE_HOWS
            or doc[draft.cue.head].lemma_.lower() != "find"):
        return False
    span = first_piece(doc, draft)
    return span is not None and not any(t.tag_ in FINITE_TAGS for t in span)


SEEM_LEMMAS = frozenset(("seem", "appear"))


def a_thing_seems(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'The search seems certain to shift …', 'it now seems clear the rebels will win', 'these
    improvements may not seem to add up to much': how a thing or a situation seems is the
    writer's description; nobody is reported ('Lopez seems to think that …' has a person, 'The
    senator appeared to suggest that …' a saying, and stay; 'add up' is no saying)."""
    if draft.cue is None or doc[draft.cue.head].lemma_.lower() not in SEEM_LEMMAS:
        return False
    return is_thing(draft.source) and not any(
        c.dep_ == "xcomp" and c.lemma_.lower() in TOLD_LEMMAS
        and not any(g.dep_ == "prt" for g in c.children)
        for c in doc[draft.cue.head].children)


SUBORDINATE_DEPS = frozenset(("relcl", "advcl", "ccomp", "acl"))


def asks_the_reader(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Do you think the ghost would have …?', 'you'd think it would spoil the fun', 'who you
    say you are', 'You need a belief that …': the reader as "you", asked, supposed or
    generic, is nobody reported ('Then you remember that you need flowers' narrates and stays;
    a quote stays)."""
    source = draft.source
    if (draft.cue is None or source is None or len(source) != 1 or source.root.lower_ != "you"
            or draft.how in ("quote", "turn")):
        return False
    head = doc[draft.cue.head]
    return (head.sent.text.rstrip().endswith("?") or head.pos_ == "NOUN"
            or head.dep_ in SUBORDINATE_DEPS or modal_chain(head))


def modal_chain(head: Token) -> bool:
    """A modal on the verb or on the verb it is a conjunct of ('you cannot help but feel that
    …': 'can' on 'help', whose conjunct 'feel' is the cue); 'You could leave it thinking that
    …', a participle under the modal verb, reports a thought (PolNeAR marks it) and is not."""
    verb = head
    while True:
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head is verb:
            return False
        verb = verb.head


# Verbs of supplying: a business or a thing that offers or provides something sells it.
SUPPLY_LEMMAS = frozenset(("offer", "provide"))
PERSON_PRONOUNS = frozenset("i we you he she they".split())


def supplies_something(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Some sites offer free shipping', 'The society is offering a new online course', 'A
    mobile payment system offers several advantages': a business or a thing offering or
    providing an object supplies it; a person's offer ('he offered a scorching review')
    stays."""
    if (draft.cue is None or draft.how not in OBJECT_HOWS
            or doc[draft.cue.head].lemma_.lower() not in SUPPLY_LEMMAS):
        return False
    source = draft.source
    return source is None or (source.root.lower_ not in PERSON_PRONOUNS
                              and not any(t.ent_type_ == "PERSON" for t in source))


def a_word_refers(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Accidents refers to the number of fatal crashes', 'The mention of irony refers to the
    court case': a word or a thing referring to something is a definition; nobody is reported
    ('He referred to the leader as …' stays)."""
    return (draft.cue is not None and doc[draft.cue.head].lemma_.lower() == "refer"
            and is_thing(draft.source))


# Heads of a relative clause that stand for people in general, not someone reported.
GENERIC_PEOPLE = frozenset(
    "those people anyone anybody someone somebody everyone everybody whoever".split())


def people_in_general(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'for those who would like to learn at home', 'People who say politics is acting get it
    wrong', 'one of those people who want their convictions to mean something': "who" standing
    for people in general reports no one ('Omar, who said …' and 'a senior official who asked
    …' stay)."""
    source = draft.source
    if draft.cue is None or source is None or len(source) != 1 or source.root.lower_ != "who":
        return False
    clause = source.root.head
    while clause.dep_ in ("conj", "xcomp", "ccomp") and clause.head is not clause:
        clause = clause.head
    return clause.dep_ == "relcl" and clause.head.lower_ in GENERIC_PEOPLE


# Question words that ask for an amount or a kind: 'what percentage of …', 'how many …'.
QUESTION_DETERMINERS = frozenset(("what", "which"))
AMOUNT_WORDS = frozenset(("many", "much"))


def asked_about(source: Span | None) -> bool:
    """A source opened by a question word asking how many or which ('what percentage of
    American nuns', 'how many voters'): the subject of an indirect question, not anyone who
    spoke ('which said …', a relative pronoun, is no determiner and stays)."""
    if source is None:
        return False
    first = source[0]
    if first.lower_ == "how":
        return first.i + 1 < source.end and first.nbor().lower_ in AMOUNT_WORDS
    return first.lower_ in QUESTION_DETERMINERS and first.dep_ == "det"


def counted_in_a_question(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'She would not say just how many or what percentage of American nuns refused to
    cooperate': a cue whose subject a question word asks about is part of the question asked;
    it reports no one's words."""
    return draft.cue is not None and asked_about(draft.source)


# Dependencies of a subject.
SUBJECT_OF_VERB = frozenset(("nsubj", "csubj", "nsubjpass", "csubjpass"))


def act_as_subject(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'where sending a remittance might mean giving cash to a bus driver and hoping he
    delivers it': a gerund clause as the subject ('sending a remittance') is an act, which
    says nothing; the participle's sayer is someone the sentence leaves unnamed."""
    source = draft.source
    if draft.cue is None or source is None:
        return False
    root = source.root
    return (root.tag_ == "VBG" and root.i == source.start and root.dep_ in SUBJECT_OF_VERB
            and any(c.dep_ == "dobj" for c in root.children)  # 'Schilling', tagged VBG, has none
            and not any(t.ent_type_ in BODY_ENTITIES for t in source))


def ticker_colon(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Crown Equity Holdings Inc. (OTCMKTS: CRWE) goal is …': a colon inside parentheses
    separates an exchange from a ticker symbol; it introduces nobody's words."""
    if draft.cue is None or draft.how != "colon":
        return False
    text = doc_text(doc)
    colon = doc[draft.cue.head]
    at = colon.idx + max(colon.text.find(":"), 0)  # '):' can be one token
    start, _ = line_at(text, at)
    before = text[start:at]
    return before.rfind("(") > before.rfind(")")


# Verbs that give something its name.
NAMING_LEMMAS = frozenset("call name title entitle dub label term brand".split())


def naming_participle(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'the society is offering a new online study called “Researching Your Ancestors”': a
    participle naming a thing, with no subject and no agent of its own, is the thing's name,
    and the subject of the clause it hangs on never said it ('a plan called “reckless” by
    critics' has its agent, and 'Beruff, a Scott ally, called the standards “strong”', parsed
    as a participle on 'ally', hangs on its source: both stay)."""
    if draft.cue is None or draft.source is None:
        return False
    head = doc[draft.cue.head]
    if (head.lemma_.lower() not in NAMING_LEMMAS or head.tag_ != "VBN"
            or head.dep_ not in ("acl", "advcl")):
        return False
    own = {t.i for t in head.subtree} | {head.head.i}  # 'Beruff, a Scott ally, called …'
    return (not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "auxpass") for c in head.children)
            and any(c.dep_ == "oprd" for c in head.children)
            and not any(t.i in own for t in draft.source))


# Short words a title leaves in lower case: 'The Fall of Imperial Russia'.
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs "
                              "via into over".split())


def title_colon(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'The Family Romanov: Murder, Rebellion, and the Fall of Imperial Russia' on a line of its
    own: a colon between a title and its subtitle, on a line in title case with no verb and no
    full stop, introduces nobody's words ('Lopez: We Will Rebuild the Bridge' has a verb, and
    'Lopez: the bridge comes first.' is a sentence; both stay)."""
    if draft.cue is None or draft.how != "colon":
        return False
    text = doc_text(doc)
    colon = doc[draft.cue.head]
    start, end = line_at(text, colon.idx + max(colon.text.find(":"), 0))
    line = text[start:end].rstrip()
    span = doc.char_span(start, start + len(line), alignment_mode="expand")
    if not line or line[-1] in ".!?\"”’'" or span is None:
        return False
    words = [t for t in span if t.is_alpha]
    return bool(words) and not any(t.pos_ in ("VERB", "AUX") for t in span) and all(
        t.text[0].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words)


_LIST_ITEM = re.compile(r"^\s*(?:[•▪‣◦·*\-–]|\d{1,2}[.)])\s")


def list_after_a_doing(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Recipients include: - The … grant will fund …', 'students will learn how to: • identify
    …': a list set off by a colon after a verb that is no verb of saying or thinking, and that
    the cue classifier rates below `action_cue_probability`, lists things, not anyone's words
    ('Here's where they stand:' over paragraphs, PolNeAR's reading of a stance, and 'Öcalan
    lays out his view:', a likely cue, stay)."""
    if draft.cue is None or draft.how != "colon-paragraph":
        return False
    lemma = doc[draft.cue.head].lemma_.lower()
    if draft.cue.p >= settings.action_cue_probability or lemma in TOLD_LEMMAS:
        return False
    text = doc_text(doc)
    start, end = line_at(text, draft.content[0][0])
    return _LIST_ITEM.match(text[start:end]) is not None


# Verbs that open a writer's note on themselves: "NAME is the editor of …", "NAME teaches at …".
BIO_LEMMAS = frozenset("be teach write work serve".split())
_PROSE_LINE = re.compile(r"\w[^\n]*[.!?][\"”’')]*\s*$")


def opens_a_bio(first: Token) -> bool:
    """'Gail Gardner is the Small Business Marketing Strategist who founded …', 'Michael
    Ignatieff teaches at Harvard's Kennedy School': a paragraph whose first word starts a
    person's name, the subject of what the person is or does for a living ('is the director
    of …', not 'is expected to …': a copula with a noun after it, or 'teaches at', 'writes
    for')."""
    if first.ent_type_ != "PERSON":
        return False
    name = next(e for e in first.doc.ents if e.start <= first.i < e.end)
    verb = name.root.head
    if name.root.dep_ != "nsubj" or verb.lemma_.lower() not in BIO_LEMMAS:
        return False
    if verb.lemma_.lower() == "be":
        return any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)
    return any(c.dep_ == "prep" and c.lower_ in ("at", "for") for c in verb.children)


# Verbs that report what someone said: a paragraph holding one is no note on the writer.
SAYING_LEMMAS = frozenset(("say", "tell"))


def author_note(doc: Doc, draft: Draft, settings: AssemblySettings) -> bool:
    """'Gail Gardner is the Small Business Marketing Strategist who founded GrowMap.com. She
    also answers questions in live chat …' at the foot of a column: the last paragraph of
    prose, opening with a person's name and what the person is, with no saying and no
    quote marks in it, is a note on the writer; nothing in it is reported. A news story's
    last paragraph ('Smith is expected to appear in court, police said.') says or is no note."""
    if draft.cue is None:
        return False
    text = doc_text(doc)
    start, end = line_at(text, doc[draft.cue.head].idx)
    para = doc.char_span(start, end, alignment_mode="expand")
    if para is None or not len(para) or any(c in text[start:end] for c in "\"“”"):
        return False
    first = next((t for t in para if not (t.is_punct or t.is_space)), None)
    if first is None or not opens_a_bio(first):  # the cheap test first: most drafts stop here
        return False
    if any(t.lemma_.lower() in SAYING_LEMMAS for t in para):
        return False
    return not any(  # prose goes on after it: no foot note
        _PROSE_LINE.match(line.strip()) and len(line.split()) >= settings.note_prose_words
        for line in text[end:].split("\n"))


Rule = Callable[[Doc, Draft, AssemblySettings], bool]
NOT_SAID_RULES: tuple[Rule, ...] = (thing_does_something, thing_as_evidence, doubted_cue_on_object,
                                   writer_narrates, shown_or_seen, acts_on_object, phones,
                                   attempts_an_act,
                                   knows_how_to, correction_notice, colon_after_sentence_end,
                                   teaser, headline_list, lets_suppose,
                                   appeal_for_information, cue_in_subject_clause,
                                   tells_the_reader, points_at_a_question, found_in_a_state,
                                   a_thing_seems, asks_the_reader, supplies_something,
                                   a_word_refers, people_in_general, ticker_colon, title_colon,
                                   naming_participle, counted_in_a_question, act_as_subject,
                                   list_after_a_doing, author_note, possible_passive,
                                   cannot_tell, future_finding)


def not_said(doc: Doc, draft: Draft, settings: AssemblySettings | None = None) -> bool:
    """Whether any rule finds the draft is not an attribution."""
    s = settings or AssemblySettings()
    return any(rule(doc, draft, s) for rule in NOT_SAID_RULES)
