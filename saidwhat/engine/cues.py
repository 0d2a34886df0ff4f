"""Cues: the words that signal an attribution (said, told, according to, believes, …)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from saidwhat.engine.cue_model import CueModel, sentence_facts
from saidwhat.engine.lexicon import SPEECH_LEMMAS, THOUGHT_LEMMAS, TOLD_LEMMAS, Lexicon
from saidwhat.settings import CueSettings

__all__ = ["SPEECH_LEMMAS", "THOUGHT_LEMMAS", "Cue", "find_cues", "is_cue_verb",
           "is_nested_cue"]

# Subjects that never speak ("this means that …", "it shows that …").
NON_SPEAKERS = frozenset(("this", "that", "it", "which", "what", "there"))
# Aspect verbs whose infinitive is the cue itself ("continues to insist that …").
CHAIN_LEMMAS = frozenset(("continue", "begin", "start", "keep", "go"))
# Verbs of trying whose infinitive is the cue when it reports a clause ("tried to suggest that …").
TRY_LEMMAS = frozenset(("try", "attempt"))


@dataclass(frozen=True)
class Cue:
    """A cue: its head token and every token of the cue phrase, and speech vs thought."""

    head: int
    tokens: tuple[int, ...]
    type: str  # speech | thought
    p: float = 1.0  # the cue classifier's probability for the head (1.0 without one)
    nested: bool = False  # inside a quote, found by `is_nested_cue`


def cue_type(lemma: str) -> str:
    """speech or thought, by the cue's lemma."""
    return "thought" if lemma in THOUGHT_LEMMAS else "speech"


AUX_DEPS = ("aux", "auxpass", "neg")
# Adverbs PolNeAR leaves outside the cue ("when he said", "however, she said").
NON_CUE_ADVERBS = frozenset("when where why how however so though more also_not".split())
# ...and after it only: "then said" is in the cue (train: 17 of 27 annotated), "said then" not.
TRAILING_NON_CUE_ADVERBS = NON_CUE_ADVERBS | {"then"}
# Prepositions that belong to the cue phrase ("referring to", "talked about", "railed against").
CUE_PREPS = frozenset("to about against over into for as".split())


def _takes_prep(lemma: str, prep: str, lexicon: Lexicon, settings: CueSettings) -> bool:
    """Whether PolNeAR puts the preposition after this cue verb in the cue (learned on train)."""
    p = lexicon.preps.get(f"{lemma} {prep}")
    return prep in CUE_PREPS if p is None else p > settings.prep_probability


def _phrase(tok: Token, lexicon: Lexicon, settings: CueSettings) -> tuple[int, ...]:
    """The cue phrase of a cue verb: auxiliaries, negation, adverbs, particle, preposition."""
    ids = {tok.i} | {c.i for c in tok.children if c.dep_ == "prt"} | put_it_object(tok)
    left = {c.i for c in tok.children if c.i < tok.i and (
        c.dep_ in AUX_DEPS
        or c.dep_ == "advmod" and c.lower_ not in NON_CUE_ADVERBS and not c.tag_.startswith("W")
    )}
    i = tok.i - 1
    while i in left:
        ids.add(i)
        i -= 1
    nxt = tok.i + 1
    while nxt in ids:
        nxt += 1
    # an adverb right after the verb is in the cue ("said sarcastically"): 120 of 152 on train
    if nxt < len(tok.doc):
        after = tok.doc[nxt]
        if (after.dep_ == "advmod" and after.head.i == tok.i and after.pos_ == "ADV"
                and after.lower_ not in TRAILING_NON_CUE_ADVERBS
                and not after.tag_.startswith("W")):
            ids.add(nxt)
            nxt += 1
    if nxt < len(tok.doc):
        after = tok.doc[nxt]
        lemma = tok.lemma_.lower()
        if after.dep_ == "prep" and after.head.i == tok.i and is_scene_prep(after):
            if _scene_in_cue(lemma, after, lexicon, settings):
                ids |= set(scene_phrase(after))
        elif (after.dep_ == "prep" and after.head.i == tok.i or marks_for_clause(after, tok)) and (
                _takes_prep(lemma, after.lower_, lexicon, settings)):
            ids.add(nxt)
    ids |= copula_phrase(tok)
    adj = made_clear(tok)
    if adj is not None:
        ids |= set(range(tok.i + 1, adj.i + 1))
    if _chained(tok):  # "continues to insist": the aspect verb belongs to the cue
        head = tok.head
        ids.add(head.i)
        ids |= {c.i for c in head.children if c.i < head.i and c.dep_ in AUX_DEPS}
    return tuple(sorted(ids))


# Adjectives of 'made (it) clear that …': PolNeAR's cue is the whole idiom (train: 14 of 14).
CLEAR_WORDS = frozenset(("clear", "plain", "known", "obvious"))


def made_clear(tok: Token) -> Token | None:
    """The adjective of 'made it clear', 'has made plain' right after the verb 'make', with
    only 'it' between: the idiom is the cue, what follows it the content."""
    if tok.lemma_.lower() != "make":
        return None
    doc = tok.doc
    i = tok.i + 1
    if i < len(doc) and doc[i].lower_ == "it":
        i += 1
    if i < len(doc) and doc[i].lower_ in CLEAR_WORDS:
        return doc[i]
    return None


def put_it_object(tok: Token) -> set[int]:
    """The 'it' of 'as the Times put it', which PolNeAR marks in the cue ('puts it')."""
    if tok.lemma_.lower() != "put" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                              for c in tok.children):
        return set()
    return {c.i for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"}


# Prepositions that join a copula's adjective to what it is about ('is critical of the plan').
ADJECTIVE_PREPS = frozenset("of about over with against to toward towards".split())
# Degree words whose 'that'- or 'to'-clause is a result ('so formulaic that', 'too late to').
DEGREE_WORDS = frozenset(("so", "too", "such"))


def stance_adjective(tok: Token) -> Token | None:
    """The adjective of a copula that takes a stance on something: 'is critical of the plan',
    'was confident that …', 'are quick to point out …' (an adjective with a preposition or a
    clause after it; 'is strong' takes none)."""
    if tok.lemma_ != "be" or not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # 'Be sure to let them know': an imperative takes no stance
    adj = next((c for c in tok.children if c.dep_ == "acomp" and c.i > tok.i), None)
    if adj is None or any(c.lower_ in DEGREE_WORDS for c in adj.children if c.i < adj.i):
        return None  # 'is so formulaic that …': a result, not a stance
    takes = any(c.i > adj.i and (c.dep_ == "prep" and c.lower_ in ADJECTIVE_PREPS
                                 or c.dep_ in ("ccomp", "xcomp")) for c in adj.children)
    return adj if takes else None


def copula_phrase(tok: Token) -> set[int]:
    """A copula's stance adjective in its cue, with the words between ('’s also supportive')
    and the preposition right after it ('is critical of')."""
    adj = stance_adjective(tok)
    if adj is None:
        return set()
    ids = {adj.i} | {t.i for c in adj.children if c.i < adj.i and c.dep_ in ("advmod", "neg")
                     for t in c.subtree}  # 'slightly more likely'
    ids |= {c.i for c in tok.children if tok.i < c.i < adj.i and c.dep_ in ("advmod", "neg")}
    nxt = adj.i + 1
    if (nxt < len(tok.doc) and tok.doc[nxt].dep_ == "prep" and tok.doc[nxt].head.i == adj.i
            and tok.doc[nxt].lower_ in ADJECTIVE_PREPS):
        ids.add(nxt)
    verb = reporting_infinitive(adj)
    if verb is not None:  # 'are quick to point out that …': the infinitive is in the cue
        ids |= {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "prt", "neg")}
    return ids


def reporting_infinitive(adj: Token) -> Token | None:
    """The infinitive after an adjective that reports a clause ('quick to point out that …')."""
    return next((c for c in adj.children if c.dep_ == "xcomp" and c.i > adj.i
                 and any(g.dep_ == "ccomp" for g in c.children)), None)


# Where and how something was said: "said during a debate", "said in a statement". Such a
# phrase is in PolNeAR's cue whole or not at all, never as a bare preposition.
SCENE_PREPS = frozenset(("during",))
# Nouns of the message itself: "said in an interview", "wrote in an email".
MESSAGE_NOUNS = frozenset(
    "statement release post interview email e-mail letter speech tweet memo call "
    "conversation op-ed".split()
)
# ...of which PolNeAR puts these in the cue more often than not. None: "in an interview" is in
# 33 train cues and out of 59; "in a statement" in 58 and out of 36 on train but in 1 and out of
# 3 on dev, where taking it in cost 0.1 of cue F1 — annotators differ.
MESSAGE_NOUNS_IN_CUE: frozenset[str] = frozenset()
# Words a scene phrase stops before: what was said starts there.
SCENE_STOPS = frozenset(("that", "saying", ",", ":", "\"", "“", "”", "—", "--"))


def _message_object(prep: Token) -> Token | None:
    """The object of an 'in' phrase naming the message ('in a statement'), else None."""
    if prep.lower_ != "in":
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj if obj is not None and obj.lemma_.lower() in MESSAGE_NOUNS else None


def is_scene_prep(prep: Token) -> bool:
    """A preposition opening where or how something was said ('during a debate', 'in a
    statement'), which joins the cue whole or not at all."""
    return prep.lower_ in SCENE_PREPS or _message_object(prep) is not None


def _scene_in_cue(lemma: str, prep: Token, lexicon: Lexicon, settings: CueSettings) -> bool:
    """Whether PolNeAR puts the cue verb's scene phrase in its cue."""
    obj = _message_object(prep)
    if obj is not None:
        return obj.lemma_.lower() in MESSAGE_NOUNS_IN_CUE
    return _takes_prep(lemma, prep.lower_, lexicon, settings)


def scene_phrase(prep: Token) -> list[int]:
    """The token ids of a scene phrase, from its preposition to the end of its object, stopping
    before a comma, a quote or a 'that' that opens what was said."""
    out = []
    for i in range(prep.i, prep.right_edge.i + 1):
        if prep.doc[i].lower_ in SCENE_STOPS or prep.doc[i].is_space:
            break
        out.append(i)
    return out


def marks_for_clause(after: Token, tok: Token) -> bool:
    """The 'for' of 'calling for the city to raise …', parsed as the mark of a clause the cue
    verb governs: a preposition of the cue all the same."""
    return (after.lower_ == "for" and after.dep_ == "mark" and after.head.dep_ == "advcl"
            and after.head.head.i == tok.i)


def _says_that(tok: Token) -> bool:
    """A verb with a subject and a 'that'-clause: the shape of reported speech."""
    return any(c.dep_ == "nsubj" and c.lower_ not in NON_SPEAKERS for c in tok.children) and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    )


def _chained(tok: Token) -> bool:
    """An infinitive cue carried by an aspect verb ('continued to insist', 'began to argue')."""
    if tok.dep_ != "xcomp":
        return False
    head = tok.head.lemma_.lower()
    return head in CHAIN_LEMMAS or head in TRY_LEMMAS and any(
        c.dep_ == "ccomp" for c in tok.children)



# Nouns of things said or believed that 'go' as they are told: 'the saying goes', 'the story
# goes that …', 'the thinking goes'.
TALE_NOUNS = frozenset("saying story adage proverb maxim joke line thinking argument theory "
                       "reasoning logic legend rumor rumour wisdom".split())


def the_saying_goes(tok: Token) -> bool:
    """The 'goes' of 'Cash is king, the saying goes' or 'The story goes that …': a tale told
    as its subject, with the words it tells as the clause ('the day goes well' tells none)."""
    return (tok.lemma_.lower() == "go" and tok.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in TALE_NOUNS for c in tok.children)
            and any(c.dep_ == "ccomp" for c in tok.children))


def is_according_to(tok: Token) -> bool:
    """The 'according' of 'according to X'."""
    return (tok.lower_ == "according" and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == "to")


# Adverbs that attribute their clause to unnamed reports: PolNeAR train marks "reportedly" as
# the cue of its clause in about two thirds of its uses ("allegedly" 2 of 12: left out).
REPORTED_ADVERBS = frozenset(("reportedly",))


def is_reported_adverb(tok: Token) -> bool:
    """The 'reportedly' of 'The FBI is reportedly making arrangements …': an adverb of a verb
    that says its clause comes from unnamed reports (a cue with no source)."""
    return (tok.lower_ in REPORTED_ADVERBS and tok.dep_ == "advmod"
            and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i)


def is_discourse_idiom(tok: Token) -> bool:
    """'That being said', 'that said', 'having said that', 'needless to say': a linking phrase
    of the writer's, not anyone saying anything."""
    if tok.lemma_.lower() != "say":
        return False
    doc, i = tok.doc, tok.i
    before = [doc[j].lower_ for j in range(max(0, i - 2), i)]
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if tok.lower_ == "said" and (before[-1:] == ["that"] or before[-2:] == ["that", "being"]):
        return not any(c.dep_ in ("ccomp", "dobj") for c in tok.children) or after == ","
    if tok.lower_ == "said" and before[-1:] == ["having"] and after == "that":
        return True
    return tok.lower_ == "say" and before[-2:] == ["needless", "to"]


def is_physical_appearance(tok: Token) -> bool:
    """'Putin appeared first at the press conference': 'appear' with no clause or infinitive
    complement is showing up somewhere, not seeming."""
    return tok.lemma_.lower() == "appear" and not any(
        c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "oprd") for c in tok.children)


LOOK_LEMMAS = frozenset("appear seem look sound".split())


def is_described_look(tok: Token) -> bool:
    """'The Russian leader appeared pleased with himself': how someone looked, in the writer's
    words (an adjective or noun complement, no clause or infinitive), not a thought of theirs."""
    deps = {c.dep_ for c in tok.children}
    return (tok.lemma_.lower() in LOOK_LEMMAS and bool(deps & {"acomp", "attr", "oprd"})
            and not deps & {"ccomp", "xcomp"})


# Verbs of evidence: a person or a document issued by someone says, tests and results do not.
EVIDENCE_LEMMAS = frozenset("reveal suggest show indicate find confirm prove demonstrate".split())
EVIDENCE_NOUNS = frozenset(
    "test result data evidence record figure number statistic sample scan x-ray footage video "
    "image photo picture trend measurement reading outcome tally count return".split()
)


def is_evidence(tok: Token) -> bool:
    """'Blood tests revealed …', 'the election results suggest …': evidence, not a speaker (a
    report, statement, survey or poll issued by someone still speaks)."""
    if tok.lemma_.lower() not in EVIDENCE_LEMMAS:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return (subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_
            and subj.lemma_.lower() in EVIDENCE_NOUNS)


# Verbs of appointing: 'was named chief executive', 'named her chief of staff' are actions.
APPOINT_LEMMAS = frozenset("name appoint elect nominate hire".split())
# Verbs that report something only with a clause: 'ordered an investigation' is an action,
# 'ordered that …' / 'ordered them to …' a directive; 'decided to wait' is an action,
# 'decided that …' a thought.
CLAUSE_ONLY_LEMMAS = frozenset("order decide".split())
# Verbs whose agentless passive reports nobody: 'is expected to switch gears', 'the company
# was accused of …' without anyone accusing.
AGENTLESS_LEMMAS = frozenset("expect accuse".split())


def is_action(tok: Token) -> bool:
    """A verb of doing rather than saying or thinking: an appointment, an order or decision
    with no reported clause, an agentless 'is expected to' or 'was accused of'."""
    lemma = tok.lemma_.lower()
    deps = {c.dep_ for c in tok.children}
    if lemma in APPOINT_LEMMAS:
        return "ccomp" not in deps and bool(deps & {"auxpass", "oprd"})
    if lemma in CLAUSE_ONLY_LEMMAS:
        if lemma == "decide":
            return "ccomp" not in deps
        return not deps & {"ccomp", "xcomp"}
    if lemma in AGENTLESS_LEMMAS:
        return "auxpass" in deps and "agent" not in deps
    return False


def verb_read_as_noun(tok: Token, inside_quote: bool, lexicon: Lexicon,
                      settings: CueSettings) -> bool:
    """'As Dan Richter of Demand Media notes, “…”': a word the tagger reads as a plural noun
    ('notes', 'claims') that governs a subject of its own is a third-person verb; it is a cue
    when its lemma is a likely one. So is a singular noun with a subject and a particle or
    clause only a verb takes (`bare_verb_as_noun`: 'While many point out that …')."""
    return (not inside_quote
            and (tok.tag_ == "NNS" and tok.lower_.endswith("s") or bare_verb_as_noun(tok))
            and any(c.dep_ == "nsubj" for c in tok.children)
            and lexicon.p(tok.lemma_.lower()) >= settings.noun_verb_probability)


def bare_verb_as_noun(tok: Token) -> bool:
    """'While many point out that the goal is too low': a plural subject's verb the tagger read
    as a singular noun, told by what only a verb governs: a subject, and a particle or a
    clause opened by 'that'."""
    return tok.tag_ == "NN" and any(c.dep_ == "nsubj" for c in tok.children) and any(
        c.dep_ == "prt" or c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                    for m in c.children)
        for c in tok.children)


def _structural_cue(tok: Token, inside_quote: bool) -> bool:
    """A verb outside quoted text that may head a cue at all: no auxiliary, idiom, showing up,
    action or evidence."""
    if inside_quote or tok.pos_ not in ("VERB", "AUX") or tok.pos_ == "AUX" and tok.dep_ == "aux":
        return False
    return not (is_discourse_idiom(tok) or is_physical_appearance(tok) or is_described_look(tok)
                or is_action(tok) or is_evidence(tok))


def _likely(tok: Token, p: float, low: float, carried: bool) -> bool:
    """A likely cue verb by its probability: not an infinitive of its own ("daring him to say"),
    not the carrier of a cue infinitive ("continues to insist"), not a modifier."""
    if p < low:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and not _chained(tok):
        return False
    if carried:
        return False  # the infinitive it carries is the cue
    return tok.dep_ not in ("amod", "compound", "aux", "auxpass")


def is_cue_verb(tok: Token, inside_quote: bool, lexicon: Lexicon, settings: CueSettings) -> bool:
    """A verb whose lemma is a likely cue, outside quoted text, with a complement or subject."""
    if not _structural_cue(tok, inside_quote):
        return False
    p = lexicon.p(tok.lemma_.lower())
    low = settings.min_probability
    if p < low and p >= settings.min_clause_probability and _says_that(tok):
        p = low
    carried = any(_chained(c) and lexicon.p(c.lemma_.lower()) >= low for c in tok.children)
    return _likely(tok, p, low, carried)


# Subjects inside a quote that name someone other than the quoted speaker ('I', 'we' and
# 'you' are the speaker's own hedges and asides: "I think …" is no attribution of its own).
NESTED_PRONOUNS = frozenset(("he", "she", "they"))
NESTED_SUBJECT_DEPS = frozenset(("nsubj",))


def nested_subject(tok: Token) -> Token | None:
    """The subject of a verb that can report someone inside a quote: he, she, they, a name or
    a noun of a person ('My mother always felt …')."""
    from saidwhat.engine.speakers.mentions import is_person_noun

    subj = next((c for c in tok.children if c.dep_ in NESTED_SUBJECT_DEPS), None)
    if subj is None:
        return None
    if subj.lower_ in NESTED_PRONOUNS or subj.pos_ == "PROPN":
        return subj
    if subj.pos_ == "NOUN" and is_person_noun(subj.lemma_.lower()):
        return subj
    return None


def nested_complement(tok: Token) -> Token | None:
    """The clause a quoted speech or thought verb reports: its complement clause, or the
    infinitive of a thought ('he doesn't want to taint …')."""
    lemma = tok.lemma_.lower()
    return next((c for c in tok.children if c.i > tok.i and (
        c.dep_ == "ccomp" or c.dep_ == "xcomp" and lemma in THOUGHT_LEMMAS)), None)


def is_nested_cue(tok: Token, in_quote: Sequence[bool]) -> bool:
    """A speech or thought verb inside quoted words with its own subject (`nested_subject`)
    and a complement clause, all in the same quote: an attribution the quoted speaker reports
    ('“My mother always felt she was safe,” Baker said': My mother, felt, she was safe)."""
    if not in_quote[tok.i] or tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() not in TOLD_LEMMAS:
        return False
    subj, comp = nested_subject(tok), nested_complement(tok)
    if subj is None or comp is None:
        return False
    doc = tok.doc
    return all(in_quote[i] or doc[i].is_space
               for i in range(subj.left_edge.i, comp.right_edge.i + 1))


def skipped_by_search(doc: Doc, in_quote: Sequence[bool], settings: CueSettings) -> list[bool]:
    """Per token, whether cue search skips it as quoted text: `in_quote`, except the verbs of
    attributions nested in a quote when the settings allow them."""
    if not settings.nested_in_quotes:
        return list(in_quote)
    return [q and not is_nested_cue(t, in_quote) for t, q in zip(doc, in_quote, strict=True)]


def learned_cue_probabilities(doc: Doc, in_quote: list[bool], model: CueModel,
                              blocked: Sequence[bool] | None = None) -> list[float]:
    """The cue classifier's probability for every token (0 for non-verbs and inside quotes,
    or wherever `blocked` says when given)."""
    sentences = sentence_facts(doc, in_quote)
    skip = in_quote if blocked is None else blocked
    return [model.probability(t, in_quote, sentences)
            if t.pos_ in ("VERB", "AUX") and not skip[t.i] else 0.0 for t in doc]


def find_cues(doc: Doc, in_quote: list[bool], lexicon: Lexicon,
              settings: CueSettings | None = None) -> list[Cue]:
    """Every cue in the doc, in order; `in_quote[i]` says whether token i is quoted text, where
    only an attribution nested in the quote is searched (`is_nested_cue`). Candidates come
    from the learned cue classifier when the lexicon carries one (and the settings want it),
    else from the lexicon's cut-off."""
    settings = settings or CueSettings()
    blocked = skipped_by_search(doc, in_quote, settings)
    model = lexicon.model if settings.learned else None
    if model is None:
        return _lexicon_cues(doc, blocked, lexicon, settings, in_quote)
    low = model.threshold if settings.model_threshold is None else settings.model_threshold
    probs = learned_cue_probabilities(doc, in_quote, model, blocked)
    cues: list[Cue] = []
    for tok in doc:
        if is_according_to(tok) and not in_quote[tok.i]:
            cues.append(Cue(tok.i, (tok.i, tok.i + 1), "speech", max(probs[tok.i], low)))
        elif is_reported_adverb(tok) and not in_quote[tok.i]:
            cues.append(Cue(tok.i, (tok.i,), "speech", low))
        elif the_saying_goes(tok) and not in_quote[tok.i]:  # the classifier doubts 'go'
            cues.append(Cue(tok.i, (tok.i,), "speech", 1.0))
        elif verb_read_as_noun(tok, blocked[tok.i], lexicon, settings):
            cues.append(Cue(tok.i, (tok.i,), cue_type(tok.lemma_.lower()),
                            lexicon.p(tok.lemma_.lower())))
        elif _structural_cue(tok, blocked[tok.i]):
            carried = any(_chained(c) and probs[c.i] >= low for c in tok.children)
            # a nested cue is one by its rule: the classifier never saw a quoted cue
            p = max(probs[tok.i], low) if in_quote[tok.i] else probs[tok.i]
            if _likely(tok, p, low, carried):
                cues.append(Cue(tok.i, _phrase(tok, lexicon, settings),
                                cue_type(tok.lemma_.lower()), p, nested=in_quote[tok.i]))
    return without_reported_on_cues(doc, cues, settings)


def _lexicon_cues(doc: Doc, blocked: Sequence[bool], lexicon: Lexicon,
                  settings: CueSettings, in_quote: Sequence[bool]) -> list[Cue]:
    """Every cue in the doc by the lexicon's cut-off (no cue classifier); `blocked` says where
    not to search, `in_quote` where quoted text is (nested cues)."""
    cues: list[Cue] = []
    for tok in doc:
        if is_according_to(tok) and not in_quote[tok.i]:
            cues.append(Cue(tok.i, (tok.i, tok.i + 1), "speech"))
        elif is_reported_adverb(tok) and not in_quote[tok.i]:
            cues.append(Cue(tok.i, (tok.i,), "speech"))
        elif the_saying_goes(tok) and not in_quote[tok.i]:
            cues.append(Cue(tok.i, (tok.i,), "speech"))
        elif verb_read_as_noun(tok, blocked[tok.i], lexicon, settings):
            cues.append(Cue(tok.i, (tok.i,), cue_type(tok.lemma_.lower())))
        elif is_cue_verb(tok, blocked[tok.i], lexicon, settings):
            cues.append(Cue(tok.i, _phrase(tok, lexicon, settings), cue_type(tok.lemma_.lower()),
                            nested=in_quote[tok.i]))
    return without_reported_on_cues(doc, cues, settings)


def without_reported_on_cues(doc: Doc, cues: list[Cue],
                             settings: CueSettings | None = None) -> list[Cue]:
    """The cues without a 'reportedly' whose verb is a likely cue itself ('he reportedly said
    …', 'reportedly yelling: …'): that verb's attribution is the one reported ('have
    reportedly looked at Twitter' keeps it)."""
    likely = (settings or CueSettings()).reported_host_probability
    heads = {c.head for c in cues if c.p >= likely or doc[c.head].lemma_.lower() in TOLD_LEMMAS}
    return [c for c in cues
            if not (is_reported_adverb(doc[c.head]) and doc[c.head].head.i in heads)]
