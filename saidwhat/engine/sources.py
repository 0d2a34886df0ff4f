"""Sources: who a cue's words are attributed to, read off the dependency parse."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from saidwhat.engine.cues import Cue
from saidwhat.engine.lexicon import Lexicon
from saidwhat.engine.quotes import doc_text
from saidwhat.engine.structure import CLOCK_TIME
from saidwhat.settings import SourceSettings

SUBJECT_DEPS = ("nsubj", "csubj")
# Relations through which a subject-less cue borrows its head's subject ("…, saying …", "and said").
INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "acl", "ccomp")


def nearest_subject(verb: Token, subjects: list[Token]) -> Token:
    """Of several subjects (a misparsed quote before "…, he said"), the one nearest the verb;
    in an inverted aside ("One of the best sellers, said the owners, is …") the one after."""
    inverted = inverted_aside_subject(verb, subjects)
    if inverted is None:
        inverted = name_after_quote_apposition(verb, subjects)
    if inverted is not None:
        return inverted
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def inverted_aside_subject(verb: Token, subjects: list[Token]) -> Token | None:
    """The subject after a cue set off by commas inside another clause ("X, said the owners,
    is Y"), which the parse gives a second subject (X) and the rest as a conjunct (is Y)."""
    doc = verb.doc
    after = [s for s in subjects if s.i > verb.i]
    if (not after or len(after) == len(subjects) or verb.i == 0 or doc[verb.i - 1].text != ","
            or after[0].left_edge.i != verb.i + 1):
        return None
    end = after[0].right_edge.i + 1
    if end >= len(doc) or doc[end].text != ",":
        return None
    return after[0]


QUOTE_CLOSERS = frozenset(("”", '"', "’", "'", "''"))


def name_after_quote_apposition(verb: Token, subjects: list[Token]) -> Token | None:
    """'"… brought to Pangkalan Bun," the town nearest the crash site, said Soelistyo.': the
    noun phrase between the closing quote and an inverted cue describes the quote's last word
    (the parse made it a second subject); the name or pronoun just after the cue is who said."""
    doc = verb.doc
    before = [s for s in subjects if s.i < verb.i]
    after = [s for s in subjects if s.i > verb.i]
    if not before or not after or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    name = after[0]
    if name.pos_ not in ("PROPN", "PRON") or name.left_edge.i != verb.i + 1:
        return None
    opening = before[-1].left_edge.i
    if opening < 2 or doc[opening - 1].text not in QUOTE_CLOSERS or doc[opening - 2].text != ",":
        return None
    return name


# Verbs whose comma-set participle says what someone was asked ("Trump, asked about …, said").
ADDRESSED_LEMMAS = frozenset("ask press question quiz challenge".split())
# Whoever a participle of asking names as the asker or the one asked, by its own dependents.
ASKED_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")


def asked_opening(verb: Token) -> bool:
    """'Asked about the disclosures, Lord Baker said …', 'When asked about the plan, the mayor
    said …': a subject-less participle of asking before the clause it modifies says the subject
    was asked; the asker goes unnamed (PolNeAR leaves such a cue without a source). The tagger
    often reads an opening 'Asked' as a past tense; with no subject it is the participle."""
    return (verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and verb.i < verb.head.i
            and verb.lemma_.lower() in ADDRESSED_LEMMAS
            and not any(c.dep_ in ASKED_SUBJECT_DEPS for c in verb.children))


# Words opening a trailing participle of asking: '…, she said when asked about the plan'.
ASKED_OPENERS = frozenset("when if after while".split())


def asked_after(verb: Token) -> bool:
    """'“…,” Lee said when asked about the plan', '…, Lee said, asked about the delay': a
    subject-less participle of asking after the clause it hangs on says its subject was asked,
    by someone unnamed; set off by 'when' or by a comma with no object or clause of its own
    ('Lee smiled, asked the crowd whether …' is Lee asking)."""
    doc = verb.doc
    if (verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("advcl", "xcomp")
            or verb.i < verb.head.i or verb.lemma_.lower() not in ADDRESSED_LEMMAS
            or any(c.dep_ in ASKED_SUBJECT_DEPS + ("aux", "auxpass") for c in verb.children)):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ASKED_OPENERS and c.i < verb.i
           for c in verb.children):
        return True
    return (verb.i > 0 and doc[verb.i - 1].text == ","
            and not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in verb.children))


def unnamed_asker(verb: Token) -> bool:
    """Whether a participle of asking says its clause's subject was asked by someone the
    sentence does not name, before the clause or after it (`asked_opening`, `asked_after`)."""
    return asked_opening(verb) or asked_after(verb)


# Verbs of quoting someone: "The newspaper quoted the agency as saying …".
QUOTING_LEMMAS = frozenset(("quote", "cite"))


def quoted_as_saying(verb: Token) -> Token | None:
    """'The newspaper quoted the agency as saying the image showed …': the one quoted, the
    quoting verb's object, is who says; the newspaper only reports it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    if prep.head.lemma_.lower() not in QUOTING_LEMMAS:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def quotes_one_as_saying(verb: Token) -> Token | None:
    """'“I don't regret it,” local newspapers quote Salinas as saying': when the quoting verb
    itself carries the words (its 'as saying' has none of its own), the one quoted, its
    object, is who says them; the newspapers only report it ('cited a memo as pointing to
    China' is the report's own reading of the memo)."""
    if verb.lemma_.lower() not in QUOTING_LEMMAS:
        return None
    saying = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pcomp" and p.lemma_.lower() == "say"]
    if not saying or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in saying[0].children):
        return None
    return quoted_as_saying(saying[0])


def listed_clause_subject(verb: Token) -> Token | None:
    """'Walsh added that Swanson surfaced after several seconds, yelled “shark attack!”, and
    began paddling': a subject-less verb the parse made a second clause of the cue before it,
    right after a comma that closes a clause with a subject of its own, shares that subject
    (Swanson yelled; Walsh only tells it)."""
    doc = verb.doc
    if (verb.dep_ not in ("ccomp", "advcl") or verb.tag_ not in ("VBD", "VBZ", "VBP")
            or verb.i == 0 or doc[verb.i - 1].text != ","):
        return None
    before = [c for c in verb.head.children
              if c.dep_ == "ccomp" and c.i < verb.i and c.right_edge.i in (verb.i - 2, verb.i - 1)]
    if not before:
        return None
    return next((c for c in before[0].children if c.dep_ == "nsubj"), None)


def shares_a_passive(verb: Token) -> bool:
    """'He was held there for 74 days and accused of funding the enemy': a bare participle
    joined to a passive verb shares its 'was', so it is passive too and its subject is who was
    accused, never who accused ('was forced out and said …' is active)."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in head.children)
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass")
                        for c in verb.children))


def _asked_aside(verb: Token, subject: Token) -> bool:
    """'Trump, asked about the polls, …' misparsed with Trump as the asker: he was asked."""
    doc = verb.doc
    return (verb.tag_ in ("VBN", "VBD") and verb.lemma_.lower() in ADDRESSED_LEMMAS
            and subject.i < verb.i and doc[verb.i - 1].text == ","
            and subject.i == verb.i - 2)


# Passive verbs of reporting whose subject is the one quoted: "X was quoted (as) saying …",
# "X is said to believe …", "X is reported to have told …".
REPORTED_LEMMAS = frozenset("quote say report believe think understand know".split())
# What a subject is said to hold ("is said to believe"), beside the verbs of speech.
REPORTED_THOUGHTS = frozenset("believe think want fear feel doubt hope intend".split())


def reported_subject(verb: Token, lexicon: Lexicon, settings: SourceSettings) -> Token | None:
    """The subject of a passive verb of reporting when what follows is that subject's own
    speech or thought ("Doherty was quoted calling Christie a failure", "Gove is said to
    believe that …"), else None: "the bill was said to be dead" quotes no one."""
    if verb.lemma_.lower() not in REPORTED_LEMMAS or verb.tag_ != "VBN":
        return None
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    if subject.pos_ not in ("PROPN", "NOUN", "PRON") or subject.lower_ in ("it", "that", "this"):
        return None
    said = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    said += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
             for g in c.children if g.dep_ == "pcomp"]
    quoting = verb.lemma_.lower() == "quote"
    for c in said:
        lemma = c.lemma_.lower()
        if (quoting and c.tag_ == "VBG" or lemma in REPORTED_THOUGHTS
                or lexicon.p(lemma) >= settings.speaking_probability):
            return subject
    return None


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb a cue borrows its subject from ("Mr. Trump was forced into
    damage control and said …": Mr. Trump said), unless it is an empty "it"/"that"/"there"."""
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    if subject.pos_ not in ("PROPN", "NOUN", "PRON") or subject.lower_ in ("it", "that", "this",
                                                                           "there"):
        return None
    return subject


def subject_of(
    verb: Token, lexicon: Lexicon, settings: SourceSettings, depth: int = 0
) -> Token | None:
    """The subject of a verb, borrowed from the governing verb for participles and conjuncts."""
    quoted = quotes_one_as_saying(verb) if depth == 0 else None
    if quoted is not None:
        return quoted
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        subject = nearest_subject(verb, subjects)
        return None if depth == 0 and _asked_aside(verb, subject) else subject
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return passive_subject(verb) if depth > 0 else reported_subject(verb, lexicon, settings)
    max_depth = settings.max_inherit_depth
    if depth == 0 and unnamed_asker(verb):
        return None
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and depth < max_depth:
        speaks = settings.speaking_probability
        subjects = [
            (anc, subj) for anc in verb.ancestors
            for subj in [next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)]
            if subj is not None and subj.lower_ != "there"
            and not reports_it_after(anc, subj, verb, lexicon, speaks)
        ]
        # '…, saying …' goes on the speaker who said, not a clause inside what was said
        speaking = [subj for anc, subj in subjects if lexicon.p(anc.lemma_.lower()) >= speaks]
        if speaking or subjects:
            return (speaking or [subjects[0][1]])[0]
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and depth < max_depth:
        # "responded by saying …", "stopped short of calling …": the governing verb's subject
        return subject_of(verb.head.head, lexicon, settings, depth + 1)
    if depth == 0 and main_verb_hung_on_name(verb):
        return verb.head
    outer = conjunct_of_reporting_verb(verb, lexicon, settings.speaking_probability)
    if outer is not None and depth < max_depth:
        return subject_of(outer, lexicon, settings, depth + 1)
    person = conjunct_of_person_clause(verb)
    if person is not None:
        return person
    if depth < max_depth and verb.dep_ in INHERIT_DEPS and verb.head is not verb:
        listed = listed_clause_subject(verb)
        if listed is not None:
            return listed
        if shares_a_passive(verb):
            return None
        if verb.dep_ == "ccomp" and verb.i > verb.head.i:
            return None
        return subject_of(verb.head, lexicon, settings, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    return None


def reports_it_after(anc: Token, subject: Token, verb: Token, lexicon: Lexicon,
                     speaks: float) -> bool:
    """'Signs will be posted for three days warning the public of the attack, Colligan said':
    a verb of saying set after the participle, with its subject after it too, reports the
    clause the participle stands in; the participle is no act of that speaker's."""
    return (lexicon.p(anc.lemma_.lower()) >= speaks and anc.i > verb.i
            and subject.i > verb.i)


def main_verb_hung_on_name(verb: Token) -> bool:
    """'Mitt Romney, the 2012 nominee, tweeted in response: …': the parse took the sentence's
    only verb for a participle on the name (the name is the sentence's root), so the name is
    who spoke; 'the statement, released Monday, said …' has a root verb of its own."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT"
            and head.pos_ == "PROPN" and head.i < verb.i and verb.doc[verb.i - 1].text == ","
            and not any(c.dep_ in ("agent", "auxpass") for c in verb.children))


def conjunct_of_reporting_verb(verb: Token, lexicon: Lexicon, speaks: float) -> Token | None:
    """The verb of speech a subject-less conjunct really joins when the parse hung it on the
    last verb of what was said ("He said the attacks have helped him and said that …", "Putin
    forecast that the economy would rebound and praised …"): the conjunct's tense matches the
    verb of speech and not the verb it hangs on; None otherwise ("He said Clinton lied and
    insisted …" stays ambiguous and goes to the nearer subject)."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or verb.tag_ not in FINITE_CUE_TAGS:
        return None
    outer = head.head
    if (outer.i > head.i or outer.tag_ != verb.tag_ or head.tag_ == verb.tag_
            or lexicon.p(outer.lemma_.lower()) < speaks
            or not any(c.dep_ in SUBJECT_DEPS for c in head.children)):
        return None
    return outer


THING_SUBJECTS = frozenset(("this", "that", "it"))
PERSON_SUBJECTS = frozenset(("i", "we", "he", "she", "they", "you"))


def conjunct_of_person_clause(verb: Token) -> Token | None:
    """'This hit me as I walked along the rooftops and noticed that every roof had a dish':
    the parse joined 'noticed' to the main verb, whose subject is a thing; the clause of a
    person just before the 'and' is the one it goes on, so that person noticed."""
    head = verb.head
    if verb.dep_ != "conj" or verb.i < 2 or verb.doc[verb.i - 1].dep_ != "cc":
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ not in THING_SUBJECTS:
        return None
    for clause in head.children:
        if clause.dep_ == "advcl" and clause.right_edge.i in (verb.i - 2, verb.i - 1) \
                and clause.tag_ == verb.tag_:
            person = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if person is not None and (person.lower_ in PERSON_SUBJECTS
                                       or person.ent_type_ == "PERSON"):
                return person
    return None


# Focus adverbs before a source that PolNeAR leaves out of it ('even', 'only', 'also').
FOCUS_ADVERBS = frozenset("even only also just".split())
DATELINE_DASHES = frozenset(("—", "--", "–"))


def after_dateline(doc: Doc, start: int, head: int, end: int = 0) -> int:
    """The first token after a dateline the parse put in the source ('RENO, Nev. (AP) —
    Sanders said'): a dash after a capitalised place opening the span, or after a news
    agency's credit in parentheses ('New York (AFP) – Vice President Joe Biden', 'Dec 29
    (Reuters) - Hillary Clinton')."""
    first = doc[start]
    dashes = [i for i in range(start + 1, max(head, end))
              if doc[i].text in DATELINE_DASHES or doc[i].text == "-" and doc[i - 1].text == ")"]
    credits = [i for i in dashes if agency_credit(doc, i - 1) and i < end]
    if credits:  # the parse may have made the place the subject: the source follows the credit
        return credits[-1] + 1
    before = [i for i in dashes if i < head]
    return before[-1] + 1 if first.is_upper and len(first.text) > 2 and before else start


# A live blog's entry time opening a line: '14.07', '9:38', '9:38PM' (the meridiem may be its
# own token).
ENTRY_TIME = re.compile(rf"{CLOCK_TIME}(?:[ap]\.?m\.?)?", re.IGNORECASE)
MERIDIEMS = frozenset("am pm a.m. p.m.".split())


def after_entry_time(doc: Doc, start: int, head: int) -> int:
    """The first token after a live blog's entry time the parse put in the source ('06.25
    Jonathan Pearlman … has spoken to'): a clock time opening the span, before its head."""
    if start >= head or not ENTRY_TIME.fullmatch(doc[start].text):
        return start
    start += 1
    if start < head and doc[start].lower_ in MERIDIEMS:
        start += 1
    return start


# News agencies a dateline credits in parentheses ('(AP) —'); an organisation's own acronym
# ('The National Rifle Association (NRA) - a gun lobby - said') is no credit.
NEWS_AGENCIES = frozenset("ap reuters afp upi bloomberg dpa xinhua cnn tass ansa efe aap cp pti "
                          "ians ani".split())


def agency_credit(doc: Doc, close: int) -> bool:
    """Whether the token at `close` ends a news agency's credit: '(AP)', '(Reuters)', '(UPI)'."""
    return (close >= 2 and doc[close].text == ")" and doc[close - 2].text == "("
            and doc[close - 1].lower_ in NEWS_AGENCIES)


def mention_span(head: Token) -> Span:
    """The full noun phrase a source head stands for (appositions, clauses), on its line."""
    doc = head.doc
    if head.dep_ == "poss" or head.tag_ in ("PRP$", "WP$"):
        return doc[head.i : head.i + 1]
    start, end = head.left_edge.i, head.right_edge.i
    for c in head.children:
        # a comma-set participle is not the source ("Trump, speaking to veterans, said")
        if c.i > head.i and c.dep_ in ("acl", "advcl") and c.tag_ in ("VBG", "VBN") \
                and doc[c.left_edge.i - 1].text == ",":
            end = min(end, c.left_edge.i - 2)
    while start < head.i and (
        doc[start].is_punct or doc[start].is_space or "\n" in doc[start:head.i].text
    ):
        start += 1
    start = after_dateline(doc, start, head.i, end)
    start = after_entry_time(doc, start, head.i)
    while start < head.i and doc[start].lower_ in FOCUS_ADVERBS and doc[start].pos_ == "ADV":
        start += 1  # 'Even Lindsey Graham said': the focus word is the writer's, not the source
    while end > head.i and (
        doc[end].is_punct or doc[end].is_space or "\n" in doc[head.i : end + 1].text
    ):
        end -= 1
    return doc[start : end + 1]


def source_for(doc: Doc, cue: Cue, lexicon: Lexicon,
               settings: SourceSettings | None = None) -> Span | None:
    """The source mention of a cue."""
    head = doc[cue.head]
    if cue.tokens == (cue.head, cue.head + 1) and head.lower_ == "according":
        to = doc[cue.head + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        objs = objs or [c for c in head.children if c.dep_ == "pobj"]
        if objs:
            return mention_span(objs[0])
        after = [nc for nc in doc.noun_chunks if nc.start == to.i + 1 or nc.start == to.i + 2]
        return after[0] if after else None
    settings = settings or SourceSettings()
    subj = subject_of(head, lexicon, settings)
    if subj is None:
        return unparsed_subject(head)
    span = quoted_subject_inverted(head, subj) or with_name_before_aside(mention_span(subj))
    span = without_speaking_clause(span, lexicon, settings.speaking_probability)
    return without_scene_aside(span)


# Prepositions of a comma-set phrase saying where, when or through whom someone spoke
# ("Trump, in Kentucky, said", "Schilling, through a spokeswoman, said"): the verb's, not the
# source's.
SCENE_ASIDE_PREPS = frozenset("in during through via with about concerning".split())


def without_scene_aside(span: Span) -> Span:
    """The source without a comma-set phrase ending it that says where, when or through whom
    the source spoke ("Trump, in Kentucky, said"): PolNeAR leaves it out; "Mr. Mahaney, of RBC
    Capital Markets" says who the source is and stays."""
    doc = span.doc
    root = span.root
    for c in root.children:
        if (c.dep_ != "prep" or not root.i < c.i < span.end
                or c.lower_ not in SCENE_ASIDE_PREPS
                or doc[c.i - 1].text != "," or c.i - 1 <= span.start):
            continue
        if any(not t.is_punct for t in doc[c.right_edge.i + 1 : span.end]):
            continue
        end = c.i - 1
        while end > span.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[span.start : end]
    return span


# Marks that set a relative clause off from the noun it describes ("Barkley, who said …").
ASIDE_OPENERS = frozenset((",", "—", "--", "–", "-"))


def without_speaking_clause(span: Span, lexicon: Lexicon, speaks: float) -> Span:
    """The source without a comma-set relative clause ending it whose verb is one of speech
    ("Barkley, who said he typically votes Democratic, said"): that clause is an attribution of
    its own, which PolNeAR does not fold into the source; a clause saying who the source is
    ("Whit Ayres, who was Rubio's pollster, said") stays."""
    doc = span.doc
    for token in span:
        if (token.dep_ != "relcl" or not span.start <= token.head.i < token.i < span.end
                or not token.tag_.startswith("VB")):
            continue
        opener = token.left_edge.i - 1
        rest = doc[token.right_edge.i + 1 : span.end]
        if (opener <= span.start or doc[opener].text not in ASIDE_OPENERS
                or any(not t.is_punct for t in rest)
                or lexicon.p(token.lemma_.lower()) < speaks):
            continue
        end = opener
        while end > span.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[span.start : end]
    return span


CLOSING_QUOTES = frozenset(("”", "\"", "’", "'", "''"))
NAME_CLOSERS = frozenset((",", ".", "!", "?", ";"))


def quoted_subject_inverted(verb: Token, subj: Token) -> Span | None:
    """'“Fraudulent or abusive practices by an adviser,” said Fleming, “can be …”': a cue
    right after a closing quote mark with a name after it is inverted; the quoted words the
    parse made its subject are what was said, the name (with its apposition or clause) is the
    speaker."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in CLOSING_QUOTES or subj.i > verb.i:
        return None
    name = noun_phrase_after_cue(verb)
    if name is None or name.end < len(doc) and doc[name.end].text not in NAME_CLOSERS:
        return None
    appositions = [c for c in name.root.children if c.i >= name.end and (
        c.dep_ == "appos" or c.dep_ == "relcl" and name.root.pos_ == "PROPN")]
    if not appositions:
        return name
    end = appositions[-1].right_edge.i
    while end > name.end and (doc[end].is_punct or "\n" in doc[end].text):
        end -= 1
    return doc[name.start : end + 1]  # 'said James Acton, a physicist who …'


# Tags of a finite verb of speech standing alone, whose subject the parse must have somewhere.
FINITE_CUE_TAGS = frozenset(("VBD", "VBZ", "VBP"))
NAME_TYPES = frozenset(("PERSON", "ORG", "NORP", "GPE"))
NOUN_PHRASE_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ"))


def unparsed_subject(verb: Token) -> Span | None:
    """The subject of a finite cue the parse left subject-less, read by position instead: a
    name right before it, or before a comma-set aside ("Mark Addison, then her secretary,
    said", "Amtrak reported" after a headline run into it), or a noun phrase right after an
    inverted cue that ends its clause ("…, say oceanographers, but …", "write Omwansa and
    Sullivan."), or the object the parse made of the speaker after a quote ("“…,” read one.")."""
    if any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in verb.children):
        return None
    if verb.tag_ in FINITE_CUE_TAGS:
        return (name_before_cue(verb) or noun_phrase_after_cue(verb) or object_after_quote(verb)
                or conjoined_speaker(verb) or fronted_clause_subject(verb))
    # an inverted cue the tagger took for an imperative ('“…,” write Omwansa and Sullivan.')
    if verb.tag_ == "VB" and verb.dep_ == "ROOT":
        return noun_phrase_after_cue(verb) or object_after_quote(verb)
    return None


def object_after_quote(verb: Token) -> Span | None:
    """'“Trump is disgusting,” read one.', '“…,” begins a scripted message that precedes all
    Trump rallies.': an inverted cue right after a closing quote mark whose speaker the parse
    made its object; that object, with what it governs, is who speaks."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in CLOSING_QUOTES:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1),
               None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return None
    return mention_span(obj)


def fronted_clause_subject(verb: Token) -> Span | None:
    """'Mr. Addison, who has led the board since May, said the vote would wait': the parse
    made the speaker and the comma-set words describing them a clause of the cue's, before a
    clause of its own after it, and left the cue without a subject. The noun phrase opening
    that clause, up to its comma, is the subject; the clause is who spoke, not what was said
    (`contents.describes_the_source`)."""
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not before or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    start = before[0].left_edge.i
    if start > 0 and not (doc[start].is_sent_start or doc[start - 1].is_punct
                          or doc[start - 1].is_space):
        return None
    if any(t.is_quote for t in doc[start : verb.i]):
        return None  # a quotation before the cue is what was said
    end = start
    while end < verb.i and doc[end].pos_ in NOUN_PHRASE_POS and doc[end].pos_ != "CCONJ":
        end += 1
    if end == start or doc[end].text != "," or doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[start:end]


SPEAKER_DETERMINERS = frozenset(("a", "an", "the"))


def conjoined_speaker(verb: Token) -> Span | None:
    """'He was airlifted to a hospital with injuries to his hip and a hospital spokesman said
    he was in fair condition': the parse joined the speaker to the noun before the 'and' (one
    more injury), leaving the cue subject-less. The determiner-led noun phrase right before the
    cue, just after the 'and', is its subject."""
    doc = verb.doc
    if verb.i == 0:
        return None
    noun = doc[verb.i - 1]
    if noun.pos_ != "NOUN" or noun.dep_ != "conj" or noun.head.i >= verb.i:
        return None
    start = noun.left_edge.i
    if not (start > 0 and doc[start - 1].lower_ in ("and", "but")
            and doc[start].lower_ in SPEAKER_DETERMINERS and noun.right_edge.i == noun.i):
        return None
    return doc[start : noun.i + 1]


def name_before_cue(verb: Token) -> Span | None:
    """A person's or organisation's name that opens the cue's clause right before it, or
    before one comma-set aside, on the cue's line; an aside that says who they are ('Mark
    Addison, then her secretary, said') is kept with the name, as PolNeAR marks it."""
    doc = verb.doc
    names = [e for e in doc.ents if e.label_ in NAME_TYPES and e.end <= verb.i]
    text = doc_text(doc)
    name = next((n for n in reversed(names[-3:]) if _opens_aside(text[n.end_char:verb.idx])),
                None)
    if name is None:
        return None
    start = name.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if not (before is None or before.is_punct or before.is_space or doc[start].is_sent_start):
        return None
    if name.end + 1 >= verb.i or doc[name.end + 1].tag_ in ("VBG", "VBN"):
        return doc[start : name.end]  # '…, speaking on Monday, said': what they did, not who
    end = verb.i  # an apposition describes the speaker: PolNeAR keeps it in the source
    while end > name.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _opens_aside(between: str) -> bool:
    """Whether the words between a name and its cue are nothing, or one comma-set aside
    ('Col. Steven Warren, a military spokesman in Baghdad, said': the name is the one before
    the aside, not 'Baghdad' inside it)."""
    words = between.strip()
    return "\n" not in between and (words == "" or words.startswith(",")
                                     and words.endswith(",") and between.count(",") == 2)


def noun_phrase_after_cue(verb: Token) -> Span | None:
    """The noun phrase right after an inverted cue ('“…,” write Omwansa and Sullivan.'),
    when a comma or a closing quote mark comes before the cue and punctuation after the phrase."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in CLOSING_QUOTES | {","}:
        return None
    end = verb.i + 1
    while end < len(doc) and doc[end].pos_ in NOUN_PHRASE_POS and doc[end].text != "\n":
        end += 1
    if end == verb.i + 1 or end < len(doc) and not doc[end].is_punct:
        return None
    phrase = doc[verb.i + 1 : end]
    while len(phrase) and phrase[-1].pos_ == "CCONJ":
        phrase = phrase[:-1]
    if not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None
    return with_apposition(phrase)


def with_apposition(phrase: Span) -> Span:
    """A name with the apposition the parse sets after it ('said Richard L. Trumka, president
    of the A.F.L.-C.I.O.'), which PolNeAR keeps in the source; the name alone without one."""
    doc = phrase.doc
    if phrase.end >= len(doc) or doc[phrase.end].text != ",":
        return phrase
    appos = [c for c in phrase.root.children
             if c.dep_ == "appos" and c.left_edge.i == phrase.end + 1]
    if not appos:
        return phrase
    end = appos[0].right_edge.i
    while end > phrase.end and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[phrase.start : end + 1]


# Words that set a role off as what someone was or is by now ("Mark Addison, then her deputy").
ASIDE_WORDS = frozenset("then now formerly once later".split())


def with_name_before_aside(span: Span) -> Span:
    """The name a role in a "then"/"now" aside belongs to, joined to it: the parse takes
    "her deputy" as the subject of "In a memo, dated May 3, Mark Addison, then her deputy,
    said …" and hangs the name on the date."""
    doc = span.doc
    i = span.start - 1
    if i < 2 or doc[i].lower_ not in ASIDE_WORDS or doc[i - 1].text != ",":
        return span
    name = doc[i - 2]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return span
    start = name.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start : span.end]
