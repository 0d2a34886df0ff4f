"""Contents: what was said, from adjacent quotations or the cue's clause in the parse."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice

from spacy.tokens import Doc, Span, Token

from saidwhat.engine.cues import (
    MESSAGE_NOUNS,
    Cue,
    made_clear,
    reporting_infinitive,
    stance_adjective,
)
from saidwhat.engine.lexicon import TOLD_LEMMAS
from saidwhat.engine.quotes import Quote, doc_text
from saidwhat.engine.sources import SUBJECT_DEPS, unnamed_asker
from saidwhat.engine.structure import entry_lines, in_live_entry
from saidwhat.settings import ContentSettings

Pieces = tuple[tuple[int, int], ...]

CONTENT_DEPS = ("ccomp", "csubj")
INTENT_DEPS = ("xcomp",)
INTENT_LEMMAS = frozenset(
    "want plan expect hope intend seek aim decide promise vow pledge threaten refuse decline "
    "agree urge vote offer try wish need prefer".split()
)
OBJECT_CONTENT_LEMMAS = frozenset(
    "deny announce propose predict promise pledge vow call urge demand defend criticize praise "
    "reveal confirm acknowledge admit question describe endorse support oppose reject dismiss "
    "want seek expect fear recommend cite".split()
)
LEAD_IN_DEPS = (
    "advmod", "npadvmod", "prep", "dative", "nsubj", "aux", "neg", "punct", "agent", "prt",
)
ADDRESS_LEMMAS = frozenset("tell ask inform remind warn assure urge write".split())


def tokens_to_pieces(tokens: Iterable[Token]) -> Pieces:
    """Character pieces covering the given tokens, contiguous runs merged."""
    toks = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    pieces: list[list[int]] = []
    last_i = -2
    for t in toks:
        if t.i == last_i + 1 and pieces:
            pieces[-1][1] = t.idx + len(t.text)
        else:
            pieces.append([t.idx, t.idx + len(t.text)])
        last_i = t.i
    return tuple((s, e) for s, e in pieces)


def fill_gaps(doc: Doc, tokens: Iterable[Token], exclude: set[int], max_gap: int) -> list[Token]:
    """Tokens with short gaps between them filled, but for the excluded (cue, source): a
    misattached word inside the stretch ("they were|n't|…") is never dropped."""
    ids = sorted({t.i for t in tokens})
    out = set(ids)
    for a, b in zip(ids, ids[1:], strict=False):
        gap = [i for i in range(a + 1, b) if i not in exclude]
        if 0 < b - a - 1 <= max_gap and len(gap) == b - a - 1:
            out.update(gap)
    return [doc[i] for i in sorted(out)]


# Sentence openers PolNeAR leaves out of a parsed content ("However, he said, …", "But …").
OPENER_WORDS = frozenset("however but and so also yet still meanwhile instead moreover".split())


def drop_openers(tokens: Iterable[Token]) -> list[Token]:
    """Tokens of a parsed content without a leading conjunction or linking adverb and its comma."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].lower_ in OPENER_WORDS
                    and toks[0].dep_ in ("cc", "advmod")):
        toks = toks[1:]
    if len(toks) > 2 and toks[0].lower_ == "in" and toks[1].lower_ == "addition":
        toks = toks[2:]
        while toks and toks[0].is_punct:
            toks = toks[1:]
    return toks


# A comma-set relative clause or indefinite apposition closing a parsed content is the writer's
# aside on the last thing named (', a move that …', ', who has been …'), not what was said.
ASIDE_MARKS = frozenset((",", "—", "--", "–"))
DESCRIBING_ARTICLES = frozenset(("a", "an"))


def is_aside(tok: Token) -> bool:
    """A relative clause, or an apposition that describes ('a move that …') rather than names
    ('the Affordable Care Act')."""
    return tok.dep_ == "relcl" or (tok.dep_ == "appos"
                                   and tok.left_edge.lower_ in DESCRIBING_ARTICLES)


def drop_trailing_aside(tokens: Iterable[Token], quotes: Sequence[Quote] = ()) -> list[Token]:
    """Tokens of a parsed content without a comma-set aside (`is_aside`) that ends it, unless
    the aside is quoted (then it is the speaker's own words)."""
    toks = sorted(tokens, key=lambda t: t.i)
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if len(words) < 2:
        return toks
    ids = {t.i for t in toks}
    last = words[-1].i
    for t in words[1:]:
        mark = t.left_edge.i - 1
        if (is_aside(t) and t.head.i in ids and t.head.i < t.i
                and mark in ids and t.doc[mark].text in ASIDE_MARKS
                and t.right_edge.i >= last
                and not _quoted(t.doc[mark].idx, quotes)):
            kept = [x for x in toks if x.i < mark]
            if any(x.pos_ in ("VERB", "AUX", "NOUN", "PROPN") for x in kept):
                return kept
    return toks


def _quoted(at: int, quotes: Sequence[Quote]) -> bool:
    """Whether a character offset lies inside a quotation."""
    return any(q.inner_start <= at < q.inner_end for q in quotes)


TRAILING_CC = (" and", " or", " but")


def _without_trailing_cc(text: str, s: int, e: int) -> int:
    """The end of text[s:e] with a dangling conjunction dropped ('… his training, and')."""
    for word in TRAILING_CC:
        if text.endswith(word, s, e) and e - len(word) > s:
            return e - len(word)
    return e


def trim_pieces(text: str, pieces: Pieces) -> Pieces:
    """Pieces with surrounding whitespace and commas/periods removed; empty pieces dropped."""
    out = []
    for s, e in pieces:
        while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
            s += 1
        end = -1
        while end != e:
            end = e
            while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
                e -= 1
            e = _without_trailing_cc(text, s, e)
        if e > s and not all(not c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return tuple(out)


def _before_the_source(clause: Token, head: Token, source: Span | None,
                       quotes: Sequence[Quote] = ()) -> bool:
    """A clause the parse hung on the cue from before its source, when the cue has one after
    it too ('He was airlifted …, and a hospital spokesman said he was in fair condition'): the
    writer's own sentence, not what the source said."""
    if source is None or clause.i > head.i or source.end > head.i:
        return False
    if clause.left_edge.i >= source.start or any(_quoted(t.idx, quotes) for t in clause.subtree):
        return False  # a quotation before its cue is what was said ('“…,” she said of …')
    text = doc_text(head.doc)
    return any(c.dep_ in CONTENT_DEPS and c.i > head.i and "\n" not in text[head.idx : c.idx]
               for c in head.children)


def fronted_clause_with_object(clause: Token, head: Token,
                               quotes: Sequence[Quote] = ()) -> bool:
    """'The budget was never balanced; the mayor had already admitted the same thing', 'The
    firm paid the fine; the agency recorded its owner admitting fraud': a clause before
    the cue that the parse hung on it while the cue has a direct object of its own after it is
    the writer's sentence before; the object is what the cue reports (on PolNeAR train the
    gold content follows the cue 54 times, is the clause 2 times). A quoted clause stays, and
    so does one before a verb of address, whose object is who was spoken to ('told reporters')."""
    if clause.i > head.i or head.lemma_.lower() in ADDRESS_LEMMAS:
        return False
    if any(_quoted(t.idx, quotes) for t in clause.subtree):
        return False
    return any(c.dep_ == "dobj" and c.i > head.i for c in head.children)


def describes_the_source(clause: Token, head: Token, source: Span | None) -> bool:
    """A clause the parse hung on the cue before it that holds the cue's source ('Mr.
    Addison, who has led the board since May, said …', `sources.fronted_clause_subject`),
    when the cue has a clause of its own after it: it says who spoke, not what was said."""
    if source is None or clause.i > head.i:
        return False
    if not clause.left_edge.i <= source.start < source.end <= clause.right_edge.i + 1:
        return False
    return any(c.dep_ in CONTENT_DEPS and c.i > head.i for c in head.children)


def _stray_predicate(clause: Token) -> bool:
    """A finite verb parsed as a complement but with no subject of its own, after a comma:
    the sentence's real predicate ("Dubois, asked whether …, declined to answer")."""
    doc = clause.doc
    return (clause.tag_ in ("VBD", "VBZ", "VBP") and clause.i > clause.head.i
            and not any(c.dep_ in SUBJECT_DEPS + ("nsubjpass", "expl") for c in clause.children)
            and clause.left_edge.i > 0 and doc[clause.left_edge.i - 1].text == ",")


def _sibling_cue_tokens(doc: Doc, head: Token, cue_heads: frozenset[int]) -> set[int]:
    """Tokens of other attributions hanging inside the content: participle cues (', calling
    …', ', adding …') and conjoined or appended ones ('… and said she would …', '…, the
    footage showed'), so a content never runs on into the next attribution."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i in cue_heads and t.i != head.i and _appended_cue(t):
            cut |= {x.i for x in t.subtree}
    return cut


def _appended_cue(t: Token) -> bool:
    """A cue verb attached to a clause as a participle, as a conjunct that reports a clause of
    its own ('and said she would …'), or as a parenthetical after it."""
    if t.dep_ in ("advcl", "conj") and t.tag_ == "VBG":
        return not participle_on_a_word(t)
    if t.dep_ == "conj":
        joined = any(c.dep_ == "cc" and c.lower_ == "and" for c in t.head.children)
        return joined and any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
    return t.dep_ == "parataxis" and t.i > t.head.i


def participle_on_a_word(t: Token) -> bool:
    """'Avalos wrote to someone saying she wanted …, papers say': a participle straight after
    a word, with no comma or 'and' before it, belongs to the clause reported, a report inside
    the content; one set off (', adding …', ', and saying …') is the speaker's own next act."""
    prev = t.doc[t.i - 1] if t.i > 0 else None
    return prev is not None and prev.is_alpha and prev.dep_ != "cc" and t.head.i < t.i


def _following_clause(head: Token, max_gap: int) -> Token | None:
    """A misparsed complement: the first clause with a subject right of the cue, no comma before."""
    doc = head.doc
    for t in head.subtree:
        if t.i <= head.i or t.pos_ not in ("VERB", "AUX"):
            continue
        if t.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS for c in t.children):
            between = doc[head.i + 1 : t.left_edge.i]
            if not any(x.text in (",", ";", ":", ".") for x in between) and len(between) < max_gap:
                return t
    return None


def modifies_named_object(clause: Token) -> bool:
    """'approved amendments to the bill that would defund it', 'voiced the frustration of many
    Republicans who have watched …': a relative clause on a noun the cue's object names is
    part of that object, not a complement the parse missed (one on a pronoun, 'told her that
    she is unqualified', is)."""
    return clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN")


TRAILING_DEPS = ("advcl", "punct", "cc", "conj", "npadvmod")


def _in_trailing_clause(tok: Token, head: Token) -> bool:
    """Whether a token hangs off the cue verb through an adverbial clause or conjunct (an
    infinitive right after the object completes it instead: `object_infinitive`)."""
    while tok.head.i != head.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in TRAILING_DEPS and not object_infinitive(tok)


def writers_relative(tok: Token, head: Token) -> bool:
    """'Bloggers noted a basic structure that I immediately recognized in every episode': a
    relative clause on the cue's object whose subject is the writer's unquoted 'I' is the
    writer's own aside, not what the source said."""
    node = tok
    while node.i != head.i and node.head.i != node.i:
        if (node.dep_ == "relcl" and node.head.head.i == head.i
                and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in node.children)):
            return not any(t.is_quote for t in head.doc[head.i : node.right_edge.i + 1])
        node = node.head
    return False


def object_infinitive(clause: Token) -> bool:
    """'blocked a package to fight the virus', 'pushed China and India to control …': an
    infinitive the parse hung on the cue right after its object, with no comma, says what the
    object is for; PolNeAR takes it into the content (32 of 34 times on train)."""
    doc = clause.doc
    start = clause.left_edge.i
    if clause.dep_ != "advcl" or start == 0 or clause.head.i >= start:
        return False
    to = doc[start]
    before = doc[start - 1]
    return (to.lower_ == "to" and to.dep_ == "aux" and to.head.i == clause.i
            and clause.tag_ == "VB" and not before.is_punct
            and any(c.dep_ == "dobj" and c.right_edge.i == start - 1
                    for c in clause.head.children))


# Prepositional phrases on the cue verb that set the scene rather than carry content ('with'
# does not: 'charged him with fraud', 'agreed with the ruling'; PolNeAR train keeps a 'with'
# right after the object in the content 24 times of 26), but for an addressee ('spoke with').
SCENE_PREPS = frozenset(
    "during in at after before since while from amid despite following".split()
)


# Verbs whose 'to' names who was spoken to ("spoke to reporters about …"), not what was said.
TO_ADDRESSEE_LEMMAS = frozenset(
    "speak talk say explain complain write describe announce boast brag apologize "
    "lie mention report tweet yell shout sing whisper reply".split()
)


ADDRESSEE_PREPS = frozenset(("to", "with"))


# Nouns of what is given to someone in words: their 'to' names who receives it, inside the
# content ('tweeted her thanks to the president', as PolNeAR marks it).
GIVEN_NOUNS = frozenset(
    "thanks gratitude condolence condolences apology apologies sympathy sympathies "
    "congratulations wishes regards respects tribute".split())


def given_to(prep: Token, head: Token) -> bool:
    """'Fernandes tweeted his thanks to the authorities', 'offered her condolences to the
    families': a 'to' right after an object of thanks, sympathy or apology names who receives
    it, and belongs with the object (the parse hangs it on the verb)."""
    return prep.lower_ == "to" and any(
        c.dep_ == "dobj" and c.lower_ in GIVEN_NOUNS and c.right_edge.i == prep.i - 1
        for c in head.children)


def _is_scene_prep(prep: Token, head: Token) -> bool:
    """A prepositional phrase of the cue verb that sets the scene: a place or occasion
    ('during the debate'), a time ('on Monday'), or the addressee ('spoke to/with reporters')."""
    if prep.lower_ in SCENE_PREPS:
        return True
    if (prep.lower_ in ADDRESSEE_PREPS and head.lemma_.lower() in TO_ADDRESSEE_LEMMAS
            and not given_to(prep, head)):
        return True
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _in_aside(tok: Token, head: Token, cue_tokens: Sequence[int] = ()) -> bool:
    """Whether a token sits in a scene-setting phrase of the cue or a comma-set relative clause;
    a preposition that is part of a cue of stance ('agreed with', 'balked at') sets no scene, one
    after a verb of speaking does ('spoke at the rally')."""
    if head.lemma_.lower() in TO_ADDRESSEE_LEMMAS:
        cue_tokens = ()
    node = tok
    while node.i != head.i and node.head.i != node.i:
        left = node.left_edge.i
        if node.dep_ == "relcl" and left > 0 and node.doc[left - 1].text in (",", "--", "—"):
            return True
        if (node.head.i == head.i and node.dep_ == "prep" and node.i not in cue_tokens
                and _is_scene_prep(node, head)):
            return True
        node = node.head
    return False


def clause_content(
    doc: Doc, cue: Cue, source: Span | None, cue_heads: frozenset[int],
    settings: ContentSettings | None = None, quotes: Sequence[Quote] = (),
) -> tuple[Pieces, str]:
    """Content from the parse, and how it was found: complement clause, intention, or object."""
    head = doc[cue.head]
    lemma = head.lemma_.lower()
    exclude = set(cue.tokens) | _sibling_cue_tokens(doc, head, cue_heads)
    if source is not None:
        exclude |= {t.i for t in source}
    made = made_clear_content(head, cue, exclude)
    if made:
        return tokens_to_pieces(made), "ccomp"
    comps = [c for c in head.children if c.dep_ in CONTENT_DEPS and not _stray_predicate(c)]
    comps = [c for c in comps if not _before_the_source(c, head, source, quotes)
             and not fronted_clause_with_object(c, head, quotes)
             and not describes_the_source(c, head, source)]
    comps = (comps or inverted_aside_host(head, source) or split_subject_clause(head)
             or that_clause_in_scene(head))
    how = "ccomp"
    if not comps and any(c.dep_ == "agent" for c in head.children):
        comps, how = [c for c in head.children if c.dep_ in ("nsubjpass", "csubjpass")], "passive"
    if not comps and lemma in INTENT_LEMMAS:
        comps, how = [c for c in head.children if c.dep_ in INTENT_DEPS], "xcomp"
        if comps:
            comps += [c for c in head.children if c.dep_ == "dobj" and c.i < comps[0].i]
    if not comps:
        comps = adjective_complement(head, cue)
        how = "adjective" if comps else how
    if not comps:
        comps = object_as_complement(head) or for_clause(head, cue)
        how = "object" if comps else how
    if not comps and lemma not in OBJECT_CONTENT_LEMMAS:
        max_gap = (settings or ContentSettings()).max_following_gap_tokens
        clause = _following_clause(head, max_gap)
        if clause is not None and modifies_named_object(clause):
            clause = None  # the object with its relative clause, read as an object below
        comps, how = ([clause] if clause is not None else []), "following"
    patient = _agentless_patient(head) if source is None else None
    if comps:
        if how == "ccomp":
            comps = [*stranded_subjects(head, comps), *relative_subject(head, comps), *comps,
                     *conjoined_clauses(head, comps)]
        toks = [t for c in comps for t in c.subtree if t.i not in exclude]
        if patient is not None and how != "ccomp":
            toks += [t for t in patient.subtree if t.i not in exclude]
            how = "patient"
        max_fill = (settings or ContentSettings()).max_filled_gap_tokens
        toks = drop_trailing_aside(fill_gaps(doc, toks, exclude, max_fill), quotes)
        if how == "ccomp":
            toks += stranded_predicate(doc, toks, exclude)
        return tokens_to_pieces(drop_openers(toks)), how
    asked = source is None and unnamed_asker(head)  # 'Asked about the plan, Lee said'
    if source is not None or patient is not None or asked:
        right = [t for t in head.subtree if t.i > max(cue.tokens) and t.i not in exclude
                 and not (t.dep_ == "agent" and t.head.i == head.i)  # the source's 'by'
                 and not _in_trailing_clause(t, head) and not _in_aside(t, head, cue.tokens)
                 and not writers_relative(t, head)]
        while right and right[0].dep_ == "prep" and right[0].head.i == head.i:
            right = right[1:]
        if patient is not None and any(t.pos_ in CONTENT_POS for t in right):
            toks = [t for t in patient.subtree if t.i not in exclude] + right
            return tokens_to_pieces(drop_openers(toks)), "patient"
        words = [t for t in right if not (t.is_punct or t.is_space)]
        if asked and not any(t.pos_ in CONTENT_POS for t in words):
            words = []  # 'when asked recently': nothing named that was asked about
        if ((source is not None or asked) and words
                and not (len(words) == 1 and words[0].pos_ == "PRON")):
            return tokens_to_pieces(right), "object"
    if source is not None:
        held = modified_noun(head)
        if held:
            return tokens_to_pieces(held), "object"
    return (), "none"


SCENE_DEPS = ("prep", "npadvmod", "advmod", "punct", "dative")


def made_clear_content(head: Token, cue: Cue, exclude: set[int]) -> list[Token]:
    """What 'made it clear' reports: the clause or object after the idiom (`cues.made_clear`),
    past an addressee or a time between them ('made it clear to House Democrats on Wednesday
    that she …'), to the end of the clause or object."""
    adj = made_clear(head)
    if adj is None or adj.i not in cue.tokens:
        return []
    doc = head.doc
    i = adj.i + 1
    while i < len(doc) and doc[i].sent == head.sent:
        node = doc[i]
        while node.head.i not in (head.i, adj.i) and node.head.i != node.i:
            node = node.head
        if node.head.i not in (head.i, adj.i) or node.dep_ not in SCENE_DEPS:
            return [t for t in node.subtree if t.i >= i and t.i not in exclude]
        i = node.right_edge.i + 1
    return []


RELATIVE_OBJECTS = frozenset(("which", "that", "whom"))
OBJECT_SLOTS = ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative")


def modified_noun(head: Token) -> list[Token]:
    """'a plan the mayor rejected', 'a fact later confirmed by the department', 'the policy,
    which she opposes': a cue that modifies a noun it leaves without an object reports that
    noun (or the relative pronoun standing for it), as far as the words before the cue's clause."""
    noun = head.head
    if head.i <= noun.i or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    if any(c.dep_ in OBJECT_SLOTS and c.i > head.i for c in head.children):
        return []
    if head.dep_ == "relcl":
        if any(c.dep_ == "nsubjpass" for c in head.children):
            return []
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lower_ in RELATIVE_WORDS or subj[0].tag_ in ("WDT", "WP"):
            return []  # 'the man who said': the noun is who spoke, not what was said
        rel = [c for c in head.children if c.dep_ == "dobj" and c.i < head.i
               and c.lower_ in RELATIVE_OBJECTS]
        if rel:
            return rel[:1]
    elif not (head.dep_ == "acl" and head.tag_ == "VBN"
              and any(c.dep_ == "agent" for c in head.children)):
        return []
    doc = head.doc
    words = [t for t in doc[noun.left_edge.i : head.left_edge.i]
             if not (t.is_space or t.i >= head.left_edge.i)]
    while words and (words[-1].is_punct or words[-1].tag_ in ("WDT", "WP")):
        words = words[:-1]
    return words


SPLIT_SUBJECT_LEMMAS = frozenset(("say",))
FINITE_TAGS = frozenset(("VBZ", "VBD", "VBP", "MD"))  # a finite verb or modal


# Prepositions of the setting a cue was spoken in ('said in a statement', 'during a news
# conference', 'on CNN', 'through a spokesman').
SETTING_PREPS = frozenset("in during on at through via".split())


def that_clause_in_scene(head: Token) -> list[Token]:
    """'Adelson said during a news conference that he may wait', 'said in one of a series of
    Twitter messages that the truck was …': the parse hangs the cue's 'that'-clause on the
    noun of the setting before it, as a relative clause; a clause opened by the conjunction
    'that' (not the pronoun) with a subject of its own is what the cue reports."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.i < head.i or prep.lower_ not in SETTING_PREPS:
            continue
        for t in prep.subtree:
            if (t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX")
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                    and any(c.dep_ in SUBJECT_DEPS + ("nsubjpass", "expl") for c in t.children)):
                return [t]
    return []


def split_subject_clause(head: Token) -> list[Token]:
    """'Experts said thunderstorms, and requests to climb to avoid them, were not unusual': a
    coordinated subject set off by commas, which the parse split into an object of "said" and
    a conjoined verb with the second half as its subject. "Say" takes no noun object here: the
    object and the conjoined clause, together, are one clause and the content (never the
    object alone, which would stop before the main verb)."""
    if head.lemma_.lower() not in SPLIT_SUBJECT_LEMMAS:
        return []
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i > head.i
            and c.pos_ in ("NOUN", "PROPN")]
    if not objs:
        return []
    obj = objs[0]
    for verb in head.children:
        if verb.dep_ != "conj" or verb.i <= obj.right_edge.i or verb.tag_ not in FINITE_TAGS:
            continue
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        joined = any(c.dep_ == "cc" and obj.right_edge.i < c.i < (subj[0].i if subj else 0)
                     for c in head.children)
        if subj and joined and verb.nbor(-1).text == "," and subj[0].right_edge.i >= verb.i - 2:
            return [obj, verb]
    return []


def stranded_predicate(doc: Doc, toks: list[Token], exclude: set[int]) -> list[Token]:
    """'agreeing with her secretary that to back down would “look like taking sides”': the
    parse hung the clause's modal and main verb elsewhere, so the content stopped before its
    main verb. An auxiliary right after the content whose verb follows it in the sentence is
    the rest of the clause: that verb and what it governs after it."""
    if not toks:
        return []
    last = max(t.i for t in toks)
    if last + 1 >= len(doc):
        return []
    aux = doc[last + 1]
    verb = aux.head
    if not (aux.dep_ == "aux" and (aux.tag_ == "MD" or aux.pos_ == "AUX") and verb.i > aux.i
            and verb.sent == aux.sent and verb.i not in exclude
            and doc[last].pos_ in ("VERB", "AUX", "ADP", "PART")):
        return []
    return [t for t in doc[aux.i : verb.right_edge.i + 1] if t.i not in exclude]


def conjoined_clauses(head: Token, comps: list[Token]) -> list[Token]:
    """A second 'that'-clause the parse conjoined to the cue instead of to the first one ('Mr.
    Trump said that their father could be unyielding, and that Freddy had struggled …'): more
    of the content, whatever its verb. (A conjunct without 'that' is as often the writer's own
    sentence going on as more of what was said, and is left out.)"""
    if not comps:
        return []
    end = max(c.right_edge.i for c in comps)
    out = []
    for c in head.children:
        if c.dep_ != "conj" or c.i <= end:
            continue
        joined = any(x.dep_ == "cc" and end < x.i < c.left_edge.i for x in head.children)
        if joined and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            out.append(c)
    return out


def stranded_subjects(head: Token, comps: list[Token]) -> list[Token]:
    """The subject of a complement clause that the parse hung on the cue instead ("De Blasio
    said Jim Hart, 32, and Tom Ruiz, 40, had been shot": "Hart" a second subject of "said"):
    a subject of the cue after it and before a complement clause that has none of its own."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > head.i]
    if not subjects:
        return []
    out = []
    for comp in comps:
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children):
            continue
        out += [s for s in subjects if s.i < comp.i and s.right_edge.i < comp.left_edge.i]
    return out


RELATIVE_WORDS = frozenset("which who that".split())


def relative_subject(head: Token, comps: list[Token]) -> list[Token]:
    """The relative pronoun a cue inside a relative clause reports on ('the plan, which she
    has said was a mistake': 'which'), which the parse hangs on the cue as its object: the
    subject of a complement clause that has none of its own."""
    if head.dep_ != "relcl":
        return []
    rel = [c for c in head.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_WORDS
           and c.tag_ in ("WDT", "WP") and c.i < head.i]
    if not rel:
        return []
    bare = [c for c in comps if c.i > head.i and not any(
        g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in c.children)]
    return rel[:1] if bare else []


# Word classes a content needs beyond function words ('Nothing is said here at all' has none).
CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM"))


def object_as_complement(head: Token) -> list[Token]:
    """'assailed the legislature as a band of cowards', 'dismissed the report as fake': the
    object and what it is called, together, are what was said."""
    objs = [c for c in head.children if c.dep_ == "dobj"]
    as_ = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"
           and objs and c.i > objs[0].i and any(g.dep_ == "pobj" for g in c.children)]
    return [objs[0], as_[0]] if as_ else []


def adjective_complement(head: Token, cue: Cue) -> list[Token]:
    """What a copula's stance adjective is about: the object of its preposition ('is critical
    of the plan'), its clause ('was confident that …'), the clause its infinitive reports ('are
    quick to point out that …')."""
    adj = stance_adjective(head)
    if adj is None or adj.i not in cue.tokens:
        return []
    verb = reporting_infinitive(adj)
    if verb is not None:
        return [c for c in verb.children if c.dep_ == "ccomp"]
    clause = [c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i]
    if clause:
        return clause[:1]
    return [o for c in adj.children if c.dep_ == "prep" and c.i in cue.tokens
            for o in c.children if o.dep_ in ("pobj", "pcomp")][:1]


def for_clause(head: Token, cue: Cue) -> list[Token]:
    """'is calling for the city to raise the wage': the 'for' of the cue opens a clause (parsed
    as an adverbial clause it marks), which is what was called for."""
    return [c for c in head.children if c.dep_ == "advcl" and c.i > head.i
            and any(m.dep_ == "mark" and m.i in cue.tokens for m in c.children)]


def _agentless_patient(head: Token) -> Token | None:
    """The subject of a passive cue with no agent ('Quiros was accused of …'): part of the
    content, since nobody in the sentence is said to have spoken."""
    if any(c.dep_ == "agent" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def inverted_aside_host(head: Token, source: Span | None) -> list[Token]:
    """What an inverted aside splits ("One of the best sellers, said the owners, is the Pick
    6"): the subject before the cue and the clause the parse made its conjunct."""
    if source is None or source.start <= head.i:
        return []
    before = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
    rest = [c for c in head.children if c.dep_ == "conj" and c.i > source.end
            and c.pos_ in ("VERB", "AUX") and not any(g.dep_ == "nsubj" for g in c.children)]
    return [before[0], rest[0]] if before and rest else []


def split_by_aside(doc: Doc, cue: Cue, pieces: Pieces) -> bool:
    """Whether a cue set in the middle of its content ("The mayor had not, Mr Addison added,
    been impressed") found only the part before it: the parse makes that part the cue's
    complement and the rest the host it interrupts."""
    head = doc[cue.head]
    before = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
    return (head.dep_ == "parataxis" and head.head.i > head.i and bool(before)
            and all(e <= head.idx for _, e in pieces) and unfinished_verb(before[0]))


def unfinished_verb(verb: Token) -> bool:
    """An auxiliary left without its verb ("had not", "will", "is"): the clause goes on after
    the aside that cut it."""
    bare = not any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for c in verb.children)
    return (verb.pos_ == "AUX" or verb.tag_ == "MD" or verb.lemma_ in ("have", "be", "do")) and bare


# Objects of an 'as' clause that stand for the words it reports ('as the Times put it', 'as
# the group calls them'), after these verbs only ('as the party challenged it' acts on a thing).
REPORTED_OBJECTS = frozenset(("it", "them"))
WORDING_LEMMAS = frozenset(("put", "call"))
# Verbs whose object is whoever was told, never what was said ('as the mayor told reporters').
# Narrower than ADDRESS_LEMMAS on purpose: there an object may merely stand between the cue and
# its words ('told reporters:', 'wrote the council:'); here it must leave the whole host clause
# to be what was said, which 'write' (its object is often what is written: 'as she wrote the
# report') and 'ask'/'warn'/'urge' (whose person is asked to do something, the infinitive
# after it: 'as he urged the party to ax its superdelegates') do not. In the parse caches an
# 'as' clause with an object after one of those four occurs 0 times on PolNeAR dev and the real
# pages and 3 times on PolNeAR train, all 'as he urge(s) X to …'.
ADDRESSEE_LEMMAS = frozenset(("tell", "inform", "assure", "remind"))


def object_is_reported(head: Token, obj: Token) -> bool:
    """Whether an 'as' clause cue's object leaves its host clause to be what was said: 'it' or
    'them' after a verb of wording ('as the Times put it'), or whoever a verb of telling told
    ('as the mayor told reporters, the plan …'); 'as the party challenged the plan' acts."""
    lemma = head.lemma_.lower()
    return (obj.lower_ in REPORTED_OBJECTS and lemma in WORDING_LEMMAS
            or lemma in ADDRESSEE_LEMMAS)


def as_reported(head: Token) -> bool:
    """'As BuzzFeed News first reported, Trump …', '…, as he later explained, was …', '…, as
    the Times put it': a cue clause opened by 'as' whose own object is missing, or is only 'it'
    or 'them' standing for the words reported, reports the clause it hangs on."""
    return (head.dep_ == "advcl" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children)
            and not any(c.dep_ in ("ccomp", "xcomp")
                        or c.dep_ == "dobj" and not object_is_reported(head, c)
                        for c in head.children))


def puts_it(head: Token) -> bool:
    """'as the Times put it', 'as he puts it': the idiom that hands the words to a source."""
    return head.lemma_.lower() == "put" and as_reported(head) and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in head.children)


def as_clause_host(head: Token) -> Token:
    """The clause an 'as' cue clause reports: the verb it hangs on, or, when it closes its
    sentence after a comma ('we still rely on wires to communicate, as I noted earlier'), the
    sentence's main verb, which the parse may have left above a nearer infinitive."""
    doc, sent = head.doc, head.sent
    start, end = head.left_edge.i, head.right_edge.i
    closes = all(t.is_punct or t.is_space for t in doc[end + 1 : sent.end])
    if head.i > head.head.i and start > sent.start and doc[start - 1].text == "," and closes:
        return sent.root
    return head.head


# Nouns of certainty in "there is little/no doubt (that) …": the frame is the writer's.
CERTAINTY_NOUNS = frozenset(("doubt", "question"))


def beyond_doubt(host: Token) -> Token:
    """'There's little doubt the town would have been lost, as officials expected': what an
    'as' clause on a 'there is no doubt' frame reports is the clause the doubt is about (the
    writer's certainty is no part of it); any other host is itself."""
    if not any(c.dep_ == "expl" and c.lower_ == "there" for c in host.children):
        return host
    for noun in host.children:
        if noun.dep_ == "attr" and noun.lemma_.lower() in CERTAINTY_NOUNS:
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                           and c.pos_ in ("VERB", "AUX")), None)
            if clause is not None:
                return clause
    return host


def as_clause_content(doc: Doc, cue: Cue, attached: list[Quote]) -> bool:
    """Whether an 'as' clause cue takes its host clause for content ('For all that, we still
    rely on wires, as I noted earlier in this series': not 'in this series', which the parse
    offers as its object); a quotation next to it ('“…,” as she put it') is the quote rules',
    and a preposition of its own that is no scene ('as Karadsheh spoke about how …', 'as voters
    responded to …') holds its content or the action it is."""
    head = doc[cue.head]
    return as_reported(head) and not attached and all(
        _is_scene_prep(c, head) or names_an_addressee(c)
        for c in head.children if c.dep_ == "prep")


PERSON_OBJECT_PRONOUNS = frozenset("me us you him her them".split())


def names_an_addressee(prep: Token) -> bool:
    """'as the Spirit revealed to Ebenezer', 'as she confided to him': 'to' a person names who
    was told, whatever the verb, not what was said."""
    return prep.lower_ == "to" and any(
        c.dep_ == "pobj" and (c.ent_type_ == "PERSON" or c.lower_ in PERSON_OBJECT_PRONOUNS)
        for c in prep.children)


# Words a fronted 'as' clause may carry between its cue and the comma that closes it.
AS_CLAUSE_TAIL_DEPS = frozenset(("prt", "advmod", "npadvmod", "prep", "pobj", "det", "amod",
                                 "compound", "poss", "case", "punct"))


def fronted_as_root(head: Token) -> int | None:
    """'As Uri Friedman pointed out, the decision to show … was worrisome': an 'as' clause
    opening its sentence that the parse made the root, or gave the subject of the clause it
    reports for its object; the index of the comma that closes the 'as' clause, else None
    ('As Friedman noted, the decision … was worrisome', parsed right, is `as_reported`'s)."""
    doc, sent = head.doc, head.sent
    opener = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if opener is None or opener.lower_ != "as" or opener.head.i != head.i or opener.dep_ != "mark":
        return None
    comma = next((t for t in doc[head.i + 1 : sent.end] if t.text == ","), None)
    if comma is None or any(t.dep_ not in AS_CLAUSE_TAIL_DEPS for t in doc[head.i + 1 : comma.i]):
        return None
    if head.dep_ != "ROOT" and not any(c.dep_ == "dobj" and c.i > comma.i for c in head.children):
        return None
    rest = doc[comma.i + 1 : sent.end]
    return comma.i if any(t.tag_ in FINITE_TAGS for t in rest) else None


def fronted_as_content(doc: Doc, cue: Cue) -> Pieces:
    """The clause after a misparsed fronted 'as' cue clause (see `fronted_as_root`), to the end
    of its sentence; () when the cue is no such clause."""
    head = doc[cue.head]
    comma = fronted_as_root(head)
    if comma is None:
        return ()
    toks = [t for t in doc[comma + 1 : head.sent.end] if not t.is_space]
    return tokens_to_pieces(drop_openers(toks))


def host_subjects(head: Token) -> list[Token]:
    """The subject of the clause an aside cue interrupts, which the parse gave the cue as a
    second subject ('Voters, Clinton suggested, don't have to worry …': 'Voters'): a subject
    set off by a comma before the cue's own subject."""
    if head.dep_ != "parataxis" or head.head.i < head.i:
        return []
    subjects = sorted((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i),
                      key=lambda c: c.i)
    doc = head.doc
    return [s for s in subjects[:-1] if s.right_edge.i + 1 < subjects[-1].left_edge.i
            and doc[s.right_edge.i + 1].text == ","]


def unset_off_clauses(head: Token, host: Token) -> set[int]:
    """'One was in uniform, one was in a life jacket according to reports, and three were
    found holding hands': an 'according to' after its verb and not set off by a comma reports
    only the clause it closes, so the host's other clauses, split off by commas, are cut
    (', according to the report' after them all, or 'According to the report, …' before them,
    reports the whole sentence)."""
    doc = head.doc
    if head.i < host.i or doc[head.i - 1].text == ",":  # 'According to X, A, and B' is all X's
        return set()
    if host.lemma_.lower() in TOLD_LEMMAS:  # '“…,” Ware said in a
        return set()  # statement according to The Blaze': the quote is the saying's
    cut: set[int] = set()
    for c in host.children:
        if c.dep_ not in ("conj", "ccomp", "cc") or c.pos_ not in ("VERB", "AUX", "CCONJ"):
            continue
        edge = c.left_edge.i if c.i > head.i else c.right_edge.i + 1
        between = doc[min(edge, head.i) : max(edge, head.i)]
        if any(t.text == "," for t in between):
            cut |= {t.i for t in c.subtree}
    return cut


def parenthetical_content(doc: Doc, cue: Cue, source: Span | None) -> Pieces:
    """Content of a parenthetical cue ('That is why, Biden continued, the US …'): its host."""
    head = doc[cue.head]
    if head.dep_ not in ("parataxis",) and not (head.lower_ == "according") and not as_reported(
            head):
        return ()
    if head.lower_ == "according":
        host = head.head
        while host.dep_ != "ROOT" and host.head.i != host.i and host.pos_ not in ("VERB", "AUX"):
            host = host.head
        cut = {t.i for t in head.subtree} | unset_off_clauses(head, host)
    else:
        host = beyond_doubt(as_clause_host(head)) if as_reported(head) else head.head
        cut = {t.i for t in head.subtree} - {t.i for s in host_subjects(head) for t in s.subtree}
    sent = host.sent
    toks = [t for t in host.subtree if t.i not in cut and t.sent == sent]
    return tokens_to_pieces(drop_openers(toks))


# Words that only help another: an adverb on them qualifies the word they serve.
HELPER_DEPS = frozenset(("aux", "auxpass", "amod", "compound"))


def reported_content(doc: Doc, cue: Cue) -> Pieces:
    """Content of a 'reportedly' cue ('The FBI is reportedly making arrangements to …'): the
    clause of the verb it qualifies, without the adverb, on the cue's line."""
    head = doc[cue.head]
    host = head.head
    while host.dep_ in HELPER_DEPS and host.head.i != host.i:  # 'has' of 'has limited'
        host = host.head
    toks = [t for t in host.subtree if t.i != head.i and t.sent == host.sent]
    return clip_to_paragraph(doc_text(doc), tokens_to_pieces(drop_openers(toks)), head.idx)


SENTENCE_END_MARKS = frozenset((".", "!", "?", "...", "…"))


def ends_sentence(tok: Token) -> bool:
    """A full stop, question or exclamation mark token: the period of an abbreviation ('Mr.',
    'Sen.', 'U.S.') is part of its word and ends nothing."""
    return tok.is_punct and tok.text in SENTENCE_END_MARKS


def _gap_ok(doc: Doc, start_char: int, end_char: int, allowed: set[int], max_tokens: int) -> bool:
    """Whether the text between two offsets holds only punctuation and the allowed tokens, on
    one line and within one sentence ('“A,” Mr. Pincus said, “B”' joins A and B)."""
    if end_char < start_char:
        return False
    gap = doc_text(doc)[start_char:end_char]
    if "\n" in gap:
        return False
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return gap.strip(" ,:;—–-") == ""
    toks = [t for t in span if not t.is_space]
    if len(toks) > max_tokens or any(ends_sentence(t) for t in toks):
        return False
    return all(t.i in allowed or t.is_punct for t in toks)


def adjacent_quotes(doc: Doc, cue: Cue, source: Span | None, quotes: list[Quote],
                    settings: ContentSettings | None = None) -> list[Quote]:
    """Quotations attached to the cue: right before its clause, right after it, or both."""
    gap = (settings or ContentSettings()).max_gap_tokens
    head = doc[cue.head]
    allowed = {t.i for t in head.subtree}
    allowed |= set(cue.tokens)
    if source is not None:
        allowed |= {t.i for t in source}
    cue_start = doc[min(cue.tokens)].idx
    cue_end = doc[max(cue.tokens)].idx + len(doc[max(cue.tokens)].text)
    found: list[Quote] = []
    if source is not None:  # a nickname in or as the source's name ('“Perry” countered')
        quotes = [q for q in quotes if not quoted_in_source(q, source)]
    before = [q for q in quotes if q.end <= cue_start]
    if (before and _ends_open(doc, before[-1], cue_start, cue.head)
            and _gap_ok(doc, before[-1].end, cue_start, allowed, gap)):
        k = len(before) - 1
        while k > 0 and before[k].continues:  # “A. ¶ “B,” she said: A and B are hers
            k -= 1
        found.extend(before[k:])
    q = next((q for q in quotes if q.start >= cue_end  # not a show or book named after it
              and not names_a_work(doc_text(doc)[q.inner_start : q.inner_end])), None)
    if q is not None:
        lead_in = _lead_in_ids(head, source, cue)
        if _gap_ok(doc, cue_end, q.start, lead_in, gap) or (
            found
            and _gap_ok(doc, max(cue_end, source.end_char if source else 0), q.start, lead_in, gap)
        ):
            found.append(q)
            idx = quotes.index(q)
            while idx + 1 < len(quotes) and quotes[idx + 1].continues:
                idx += 1
                found.append(quotes[idx])
    return found


def quoted_in_source(quote: Quote, source: Span) -> bool:
    """Whether a quotation's words lie inside the source mention: a nickname in a name
    ('Robert C. “Bobby” Scott said') or a quoted name that is the whole source ('“No,” “Perry”
    countered', a pseudonym the writer marks), who spoke, not what was said."""
    return source.start_char <= quote.inner_start and quote.inner_end <= source.end_char + 1


def _ccomp_ids(head: Token) -> set[int]:
    """Token ids of the cue's clausal complements."""
    return {t.i for c in head.children if c.dep_ in CONTENT_DEPS for t in c.subtree}


def _ends_open(doc: Doc, q: Quote, cue_start: int, cue_head: int) -> bool:
    """A quote can lead into its cue unless it closed its sentence ('… end.” He said' is two)."""
    last = doc_text(doc)[q.inner_start : q.inner_end].rstrip()[-1:]
    nxt = doc_text(doc)[q.end : cue_start].strip()[:1]
    if nxt == "" or nxt.islower() or last not in ".!?":
        return True
    return last != "." and not _ccomp_ids(doc[cue_head])


def _lead_in_ids(head: Token, source: Span | None, cue: Cue) -> set[int]:
    """Tokens that may stand between a cue and the quote it introduces ('told reporters:')."""
    ids = set(cue.tokens) | ({t.i for t in source} if source is not None else set())
    for c in head.children:
        if c.dep_ in LEAD_IN_DEPS or c.dep_ == "dobj" and (
                head.lemma_.lower() in ADDRESS_LEMMAS
                or c.lower_ in REPORTED_OBJECTS and as_reported(head)):  # 'as X put it, “…”'
            ids |= {t.i for t in c.subtree}
    return ids


def content_for(
    doc: Doc, cue: Cue, source: Span | None, quotes: list[Quote], cue_heads: frozenset[int],
    settings: ContentSettings | None = None,
) -> tuple[Pieces, str]:
    """The content pieces of a cue, and how they were found (quote, ccomp, object, …)."""
    attached = adjacent_quotes(doc, cue, source, quotes, settings)
    if source is None and unnamed_asker(doc[cue.head]):
        attached = []  # '“…?” when asked about it': the quote is the answer of the one asked
    if fronted := fronted_as_content(doc, cue):
        return clip_to_paragraph(doc_text(doc), fronted, doc[cue.head].idx), "parenthetical"
    if as_clause_content(doc, cue, attached) and (
            host := parenthetical_content(doc, cue, source)):
        return clip_to_paragraph(doc_text(doc), host, doc[cue.head].idx), "parenthetical"
    pieces, how = clause_content(doc, cue, source, cue_heads, settings, quotes)
    if (how == "object" and source is not None
            and (introduced := quote_after_object(doc, pieces, quotes, cue_heads))):
        return introduced, "quote"
    block = paragraph_after_colon(doc, cue, quotes, settings)
    if block and (how in ("object", "none", "following")
                  or all(s >= block[0][0] for s, _ in pieces)):
        return block, "colon-paragraph"  # a parse carrying on across the colon is the block
    if attached and not (how in ("ccomp", "object") and _holds_quotes(pieces, attached)) and not (
            clause_after_quotes(doc, cue, pieces, how, attached)):
        pieces = quote_pieces(doc, cue, attached, cue_heads)
        speaker = set(cue.tokens) | ({t.i for t in source} if source is not None else set())
        return tuple(quote_tail(doc, q, p, speaker) for q, p in zip(attached, pieces,
                                                                     strict=True)), "quote"
    pieces = _close_open_quote(pieces, quotes)
    if how == "ccomp" and pieces and split_by_aside(doc, cue, pieces):
        pieces = tuple(sorted(pieces + parenthetical_content(doc, cue, source)))
        how = "parenthetical"
    if not pieces:
        pieces = parenthetical_content(doc, cue, source)
        how = "parenthetical" if pieces else "none"
    return clip_to_paragraph(doc_text(doc), pieces, doc[cue.head].idx), how


_COLON_AFTER = re.compile(r"[ \t]*:\s*")


def quote_after_object(doc: Doc, pieces: Pieces, quotes: Sequence[Quote],
                       cue_heads: frozenset[int] = frozenset()) -> Pieces:
    """'He also suggested taking action against the judge: “They ought to look into …”',
    'Trump issued the following statement: “Our prayers are with …”': an object that a colon
    and a quotation follow introduces the quotation, and the two are what was said (PolNeAR
    marks them so); () when no quotation follows, or when one of its own cues credits it
    ('…: “…,” the source said')."""
    if not pieces:
        return ()
    text = doc_text(doc)
    start, end = pieces[-1]
    colon = _COLON_AFTER.match(text, start + len(text[start:end].rstrip(" \t\n:")))
    if colon is None:
        return ()
    quote = next((q for q in quotes if q.start == colon.end()), None)
    if quote is None:
        return ()
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    if any(quote.end <= doc[i].idx < line_end for i in cue_heads):
        return ()
    message = doc.char_span(start, end, alignment_mode="expand")
    if len(pieces) == 1 and message is not None and message.root.lemma_.lower() in MESSAGE_NOUNS:
        return (quote.inner,)  # 'the following statement:' names the message, as the cue does
    return (*pieces, quote.inner)


def clause_after_quotes(doc: Doc, cue: Cue, pieces: Pieces, how: str,
                        attached: list[Quote]) -> bool:
    """'In an interview on CBS's “Face the Nation,” Ryan said the recent spate … demands …':
    quotations only before a cue that reports a clause of its own after it are a title or a
    name the sentence opens with, not what was said."""
    cue_start = doc[min(cue.tokens)].idx
    cue_end = doc[max(cue.tokens)].idx
    return (how == "ccomp" and bool(pieces) and pieces[0][0] > cue_end
            and all(q.end <= cue_start for q in attached))


def quote_pieces(doc: Doc, cue: Cue, attached: list[Quote], cue_heads: frozenset[int]) -> Pieces:
    """The attached quotations' words; the first, when it stands before the cue and opens in
    the middle of its sentence, with the sentence's words before it (`sentence_lead_in`)."""
    pieces = [q.inner for q in attached]
    first = attached[0]
    if first.end <= doc[min(cue.tokens)].idx:
        start = sentence_lead_in(doc, first, cue_heads)
        if start is not None:
            pieces[0] = (start, first.inner_end)
    return tuple(pieces)


LEAD_IN_BREAKS = frozenset((":", ";", "—", "--", "–"))
TAIL_BREAKS = frozenset((",", ";", ":", "—", "--", "–", "-", "(", ")"))


CLAUSE_OPENING_POS = frozenset(("SCONJ", "VERB", "AUX", "PART"))
CLAUSE_OPENING_TAGS = frozenset(("WRB", "WDT", "WP", "TO"))


def opens_a_clause(tok: Token) -> bool:
    """A word that starts a clause of its own ('when', 'because', 'to resolve', a verb): after a
    quoted phrase it is the writer going on ('saying “thank you” when they obliged')."""
    return tok.pos_ in CLAUSE_OPENING_POS or tok.tag_ in CLAUSE_OPENING_TAGS


def quote_tail(doc: Doc, quote: Quote, piece: tuple[int, int],
               speaker: set[int]) -> tuple[int, int]:
    """A quoted fragment's piece run on over the words that finish its clause after the
    closing mark ('“This will be a challenge” for Clinton, said Kunin', 'he said, “I have not
    heard that concern” from the police.'): up to a comma, dash or the sentence's end, never
    into the cue or its source, another quotation or a clause of its own (`opens_a_clause`)."""
    text = doc_text(doc)
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    if not quote.closed or not inner or not (inner[-1].isalnum() or inner[-1] in "%)"):
        return piece
    after = text[quote.end : quote.end + 2]
    if after[:1] != " " or not after[1:2].islower():
        return piece
    span = doc.char_span(quote.end, len(text), alignment_mode="expand")
    if span is None:
        return piece
    end = piece[1]
    for t in span:
        if t.idx < quote.end:
            continue
        if (t.i in speaker or ends_sentence(t) or t.text in TAIL_BREAKS or "\n" in t.text
                or t.is_quote or t.sent != span[0].sent or opens_a_clause(t)):
            break
        if t.is_space:
            continue
        end = t.idx + len(t.text)
    return (piece[0], end)
TITLE_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to with".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def names_a_work(words: str) -> bool:
    """A short quotation whose every word is capitalised ('A Change Is Gonna Come', 'Face the
    Nation'): the title of a work or a nickname, not words someone said."""
    found = [m.group() for m in islice(_WORD.finditer(words), 9)]  # more than 8: no title
    big = [w for w in found if w.lower() not in TITLE_SMALL_WORDS]
    return 0 < len(found) <= 8 and bool(big) and all(w[0].isupper() for w in big)


def sentence_lead_in(doc: Doc, quote: Quote, cue_heads: frozenset[int]) -> int | None:
    """Where the words start that open a quotation's sentence before it ('Not paying taxes
    ''makes me smart,'' Mr. Trump said': 'Not paying taxes'), or None when the quotation
    opens its sentence, follows a comma, colon or dash, or another cue stands before it."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or names_a_work(doc_text(doc)[quote.inner_start : quote.inner_end]):
        return None
    sent = span[0].sent
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = [t for t in doc[sent.start : span.start]
              if t.idx >= line_start and not t.is_space]
    if not any(t.is_alpha for t in before) or any(t.i in cue_heads for t in before):
        return None
    if any(ends_sentence(t) or t.text in LEAD_IN_BREAKS for t in before) or before[-1].is_punct:
        return None  # '…: “You can hardly …,” he said', 'That being said, “we …”': it stands alone
    kept = drop_openers(before)
    return kept[0].idx if kept else None


def paragraph_after_colon(doc: Doc, cue: Cue, quotes: list[Quote],
                          settings: ContentSettings | None = None) -> Pieces | None:
    """The paragraph after a cue whose line ends in a colon ('…, he told reporters:') when it
    has no quote marks of its own: a statement or testimony set off as a block; a bulleted or
    numbered list there is the content item by item."""
    text = doc_text(doc)
    at = doc[cue.head].idx
    line_end = text.find("\n", at)
    if line_end < 0 or not text[at:line_end].rstrip().endswith(":"):
        return None
    if len(text[at:line_end].split()) > (settings or ContentSettings()).max_colon_tail_words:
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    items = list_items(text, start)
    if items:
        return items
    if start >= end or text[start] in "“\"'‘«" or any(start <= q.start < end for q in quotes):
        return None
    entry = live_entry_block(text, at, line_end, settings or ContentSettings())
    return (entry,) if entry is not None else ((start, end),)


def live_entry_block(text: str, at: int, line_end: int,
                     settings: ContentSettings) -> tuple[int, int] | None:
    """'09.52 In Indonesia, Tom Phillips has been speaking to the pilot's family. / He writes:'
    and the paragraphs under it: in a live blog's time-stamped entry the block after the colon
    runs on to the next entry's time (at most `entry_max_lines` lines, its hard-wrapped lines
    and later paragraphs included); None outside a live blog."""
    if not in_live_entry(text, at, settings.entry_max_lines):
        return None
    return entry_lines(text, line_end, settings.entry_max_lines)


_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+(?=\S)")


def list_items(text: str, start: int) -> Pieces:
    """The items of a bulleted or numbered list from `start` on ('- taxes will not rise'), each
    without its bullet; () when no list starts there."""
    items = []
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        m = _LIST_ITEM.match(text, start, end)
        if m is None or m.end() >= end:
            break
        items.append((m.end(), end))
        start = end + 1
    return tuple(items)


def _close_open_quote(pieces: Pieces, quotes: list[Quote]) -> Pieces:
    """Pieces run on to the closing mark of a quotation they opened and stopped inside: the
    last one ('said it was “a disgrace'), and any other ('called the impact “pretty minimal,
    at this point,” with six cancellations': the parse left 'at this point' out of the quote),
    so a content never drops quoted words."""
    if not pieces:
        return pieces
    start = pieces[0][0]
    closed = [(s, next((q.end for q in quotes
                        if start <= q.start and q.inner_start < e < q.end), e))
              for s, e in pieces]
    merged: list[tuple[int, int]] = []
    for s, e in closed:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def _holds_quotes(pieces: Pieces, attached: list[Quote]) -> bool:
    """Whether a parsed clause starts before the quotes attached to its cue and holds them all
    ('said the move reeks of “cronyism”'): the clause, quote and all, is the content."""
    if not pieces:
        return False
    start, end = pieces[0][0], pieces[-1][1]
    inside = all(start <= q.start and q.end <= end + 1 for q in attached)
    return start < attached[0].start and inside


def clip_to_paragraph(text: str, pieces: Pieces, at: int) -> Pieces:
    """Pieces cut to the line holding offset `at`: a parse never carries content across lines."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return tuple((max(s, start), min(e, end)) for s, e in pieces if s < end and e > start)


def _owner(tok: Token, content: set[int], speaker: set[int]) -> str:
    """Whose a token is: the content's ('content'), the cue's or source's ('cue'), or neither,
    by its nearest ancestor among them."""
    node = tok
    while True:
        if node.i in content:
            return "content"
        if node.i in speaker:
            return "cue"
        if node.head.i == node.i:
            return "none"
        node = node.head


def true_to_text(doc: Doc, pieces: Pieces, cue: Cue | None, source: Span | None) -> Pieces:
    """Content pieces with every word put back that the content's own words govern inside its
    stretch ('they were|n't|…', a comma-set clause of a noun it names): between two pieces stand
    only the cue, the source and what belongs to them ('“A,” he said on Monday, “B”')."""
    if len(pieces) < 2:
        return pieces
    text = doc_text(doc)
    speaker = set(cue.tokens) if cue is not None else set()
    if source is not None:
        speaker |= {t.i for t in source}
    inside = {t.i for s, e in pieces for t in _tokens_in(doc, s, e)}
    out = [pieces[0]]
    for s, e in pieces[1:]:
        gap_start = out[-1][1]
        gap = [t for t in _tokens_in(doc, gap_start, s) if not t.is_space]
        words = [t for t in gap if not t.is_punct]
        if ("\n" not in text[gap_start:s] and words
                and all(_owner(t, inside, speaker) == "content" for t in words)):
            out[-1] = (out[-1][0], e)  # the gap is the content's own words: one piece
        else:
            out.append((s, e))
    return tuple(out)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens starting inside [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []
