"""Positions in one article: who backs or opposes whom or what, and which speakers agree or diverge.

Each rule is a named function over the parsed article and its attributions:

- `stance_acts`: a stance verb with a speaker as subject ("Ryan endorsed Trump", "Clinton
  attacked Trump over trade", "Putin called the decision timely", a cue such as "criticized");
- `evaluations`: an attribution whose content evaluates a person, organisation or proposal
  ("Donald Trump is a disgusting fraud", "the timely and necessary decision to extend New START");
- `explicit_pairs`: two speakers said to agree or diverge ("he and Biden agreed to …", "found
  common ground on …", "had starkly different positions on …", "X echoed Y", "X said Y was right");
- `derived_pairs`: two speakers with stances on the same target (same polarity: agree; opposite:
  disagree), as the positions guidelines define them.

The journalist's own opinions are no one's stance: a stance needs a speaker, either the subject
of a communicative act or the source of an attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from saidwhat.records import Attribution, Mention, Position, Speaker

# A verb (or verbal noun) whose subject takes a position on its object.
STANCE_VERBS: dict[str, str] = {
    **dict.fromkeys(
        "criticize criticise attack accuse blast slam condemn denounce reject deny dismiss mock "
        "ridicule blame fault lambaste rip hammer chide scold rebuke assail decry deride oppose "
        "veto insult berate castigate excoriate knock pan skewer disparage belittle smear "
        "undermine challenge protest sue vilify demonize malign fight resist question "
        "disavow repudiate unendorse scapegoat".split(), "oppose"),
    **dict.fromkeys(
        "praise endorse back defend applaud hail commend thank welcome support champion laud "
        "tout celebrate embrace favor favour vouch salute congratulate credit admire "
        "recommend".split(), "support"),
}
# Phrasal stances: verb + particle/preposition ("lash out at X", "call for X", "side with X").
PHRASAL_STANCES: dict[tuple[str, str], str] = {
    ("lash", "at"): "oppose", ("take", "at"): "oppose", ("push", "back"): "oppose",
    ("call", "for"): "support", ("campaign", "for"): "support", ("argue", "for"): "support",
    ("argue", "against"): "oppose", ("campaign", "against"): "oppose",
    ("speak", "against"): "oppose", ("speak", "for"): "support", ("stand", "by"): "support",
    ("side", "with"): "support", ("rail", "against"): "oppose", ("go", "after"): "oppose",
}
# Explicit agreement and divergence between two speakers.
AGREE_VERBS = frozenset("agree concur echo".split())
DISAGREE_VERBS = frozenset("disagree differ clash spar feud split quarrel".split())
VIEW_NOUNS = frozenset("position view opinion stance perspective positions views".split())
DIVERGENT = frozenset("different divergent opposing opposite conflicting contrasting".split())
RIGHT = frozenset("right correct".split())
WRONG = frozenset("wrong incorrect mistaken".split())
# Evaluative words a general sentiment lexicon misses or rates too weakly for news.
EXTRA_VALENCE: dict[str, float] = {
    "necessary": 1.5, "timely": 1.5, "constructive": 1.5, "unfit": -2.0, "mishandle": -2.0,
    "lie": -2.0, "liar": -2.5, "disqualify": -2.0, "unacceptable": -2.5, "reckless": -2.0,
    "irresponsible": -2.0, "shameful": -2.5, "disastrous": -2.5, "failure": -2.0,
    "dishonest": -2.5, "corrupt": -2.5, "crook": -2.5, "qualified": 1.5, "unqualified": -2.0,
    "brutality": -2.0, "wrong": -2.1, "resign": -2.0, "apologize": -1.0, "investigate": -1.0,
}
NEGATIONS = frozenset("not n't never no nobody nothing neither nor hardly".split())
SPEAKER_ENTS = frozenset("PERSON ORG NORP GPE".split())
TARGET_ENTS = frozenset("PERSON ORG NORP GPE LAW EVENT PRODUCT WORK_OF_ART FAC".split())
PRONOUNS = frozenset("he she him her they them i we me us you it".split())
TITLES = re.compile(r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|president|senator|the)\.?\s+)+",
                    re.IGNORECASE)
STOP = frozenset(
    "the a an of to in on for and or but with by at from about over as is are was were be been "
    "this that these those its his her their our your my it he she they we you i".split())


@dataclass(frozen=True)
class PositionRules:
    """The thresholds of position finding."""

    min_valence: float = 1.5  # |summed valence| of a content for an evaluation to be a stance
    max_topic_words: int = 8  # topics longer than this are cut at a clause boundary
    max_target_words: int = 8


@dataclass
class Names:
    """Who is who in one article: the full names sharing each last word, weighted by salience."""

    by_key: dict[str, dict[str, float]] = field(default_factory=dict)  # key -> {name: weight}
    ids: dict[str, str] = field(default_factory=dict)  # name -> speaker id

    def add(self, name: str, sid: str | None = None, weight: float = 1.0) -> None:
        """Remember a name under its last word; a shorter form of a known name adds to it."""
        clean = clean_name(name)
        if not clean:
            return
        names = self.by_key.setdefault(clean.split()[-1].lower(), {})
        if len(clean.split()) == 1 and names:
            fuller = max(names, key=lambda n: (names[n], len(n)))
        else:
            fuller = _fullest_containing(clean, names)
        names[fuller] = names.get(fuller, 0.0) + weight
        if fuller != clean and clean in names and _contains(fuller, clean):
            names[fuller] += names.pop(clean)
        if sid and fuller not in self.ids:
            self.ids[fuller] = sid

    def resolve(self, text: str) -> tuple[str, str | None]:
        """The article's fullest name for a mention (the most salient one for a bare surname),
        and its speaker id when it spoke."""
        clean = clean_name(text)
        if not clean:
            return text.strip(), None
        names = self.by_key.get(clean.split()[-1].lower(), {})
        if len(clean.split()) == 1:
            best = max(names, key=lambda n: (names[n], len(n)), default=clean)
        else:
            best = _fullest_containing(clean, names)
        return best, self.ids.get(best)


def _contains(full: str, part: str) -> bool:
    """Whether every word of `part` is a word of `full` ("Ted Cruz" contains "Cruz")."""
    return set(part.lower().split()) <= set(full.lower().split())


def _fullest_containing(name: str, names: dict[str, float]) -> str:
    """The longest known name holding every word of `name`, else `name` itself."""
    return max((n for n in names if _contains(n, name)), key=len, default=name)


def clean_name(text: str) -> str:
    """A mention as a name: no titles, no possessive, no surrounding punctuation."""
    text = re.sub(r"[’']s?$", "", text.strip().strip(".,;:“”\"'()"))
    return TITLES.sub("", text).strip()


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """Word valences: VADER's lexicon (MIT) with news-specific additions."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    lexicon.update(EXTRA_VALENCE)
    return lexicon


def token_valence(tok: Token) -> float:
    """A token's valence, flipped when it or its head is negated."""
    lex = valences()
    v = lex.get(tok.lower_, lex.get(tok.lemma_.lower(), 0.0))
    if not v or tok.pos_ not in ("ADJ", "NOUN", "VERB", "ADV", "PROPN"):
        return 0.0
    around = (*tok.children, *tok.head.children)
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in around)
    return -v if negated else v


def span_valence(span: Span) -> float:
    """Summed valence of a stretch of text."""
    return sum(token_valence(t) for t in span)


def compact(span: Span | Iterable[Token], limit: int) -> str:
    """A phrase cut to at most `limit` words, at a clause boundary when it runs longer."""
    toks = list(span)
    out: list[Token] = []
    for t in toks:
        if out and (t.dep_ in ("relcl", "acl", "advcl", "ccomp") or t.text in ",;:—("):
            break
        out.append(t)
        if len(out) >= limit:
            break
    if not out:
        return ""
    doc = out[0].doc
    words = doc.text[out[0].idx: out[-1].idx + len(out[-1].text)]
    return " ".join(words.split()).strip(" ,.;:“”\"'")


def phrase(tok: Token, limit: int) -> str:
    """The noun phrase headed by `tok`, compacted."""
    sub = list(tok.subtree)
    start = next((i for i, t in enumerate(sub) if t.dep_ not in ("det", "punct", "cc")), 0)
    return compact(sub[start:], limit)


def content_key(text: str) -> frozenset[str]:
    """The content words of a phrase, lower-cased (how targets and topics are compared)."""
    found = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in found if len(w) > 2 and w not in STOP)


@dataclass(frozen=True)
class Context:
    """One article ready for the rules: its doc, attributions and names."""

    doc: Doc
    attributions: tuple[Attribution, ...]
    names: Names
    rules: PositionRules
    interviewers: frozenset[str] = frozenset()
    body: str = ""  # the text after the headline line

    def speaker_at(self, i: int) -> Attribution | None:
        """The attribution whose content holds character `i` (innermost first)."""
        holding = [a for a in self.attributions
                   if a.speaker and any(s <= i < e for s, e in a.content.spans)]
        return min(holding, key=lambda a: a.content.end - a.content.start, default=None)

    def source_at(self, i: int) -> Attribution | None:
        """The attribution whose source mention holds character `i`."""
        for a in self.attributions:
            if a.speaker and a.source and any(s <= i < e for s, e in a.source.spans):
                return a
        return None


def build_context(doc: Doc, attributions: Iterable[Attribution],
                  rules: PositionRules | None = None) -> Context:
    """Index an article's speakers and named people for the rules: full names first (speakers
    count double), then bare surnames, which join the most salient full name; the headline's
    title-cased words make poor names, so a name is cut to the form the body writes."""
    atts = tuple(attributions)
    names = Names()
    body_start = doc.text.find("\n") + 1
    body = doc.text[body_start:]
    found: list[tuple[str, str | None, float]] = []
    for a in atts:
        found += [(body_form(n, body), sid, 2.0) for n, sid in speakers_of(a)]
    found += [(body_form(e.text, body), None, 1.0) for e in doc.ents
              if e.label_ == "PERSON" and e.start_char >= body_start and len(e) <= 4]
    for name, sid, weight in sorted(found, key=lambda f: -len(clean_name(f[0]).split())):
        names.add(name, sid, weight)
    return Context(doc, atts, names, rules or PositionRules(), interviewers(atts), body)


def body_form(name: str, body: str) -> str:
    """A name as the article body writes it: "Rip Donald Trump" (a headline) → "Donald Trump"."""
    words = name.split()
    for i in range(len(words) - 1):
        if " ".join(words[i:]) in body:
            return " ".join(words[i:])
    return name


def interviewers(atts: Iterable[Attribution]) -> frozenset[str]:
    """Speakers of a transcript (labelled in capitals: "WALLACE:") whose turns mostly ask: the
    interviewer's questions are no stances of theirs."""
    asked: dict[str, list[bool]] = {}
    for a in atts:
        label = a.source.text.strip() if a.source else ""
        if a.speaker and a.speaker.name and len(label) > 2 and label.isupper():
            asked.setdefault(a.speaker.name, []).append("?" in a.content.text)
    return frozenset(n for n, qs in asked.items() if len(qs) >= 2 and sum(qs) * 2 > len(qs))


def speakers_of(a: Attribution) -> list[tuple[str, str | None]]:
    """The named speakers of an attribution: each member of a joint one ("X and Y")."""
    if not a.speaker or not a.speaker.name:
        return []
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s*", a.speaker.name) if p.strip()]
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        return [(p, None) for p in parts]
    return [(a.speaker.name, a.speaker.id)]


def sources(ctx: Context, a: Attribution) -> list[tuple[str, str | None]]:
    """The speakers an attribution gives a stance to: each named member of a joint source, by the
    article's fullest name; no one for an interviewer or a source that names no one."""
    if not a.speaker or a.speaker.name in ctx.interviewers or not named_source(a.speaker):
        return []
    bare = clean_name(a.source.text) if a.source else ""
    members_ = speakers_of(a)
    if len(members_) == 1 and bare and " " not in bare and bare[:1].isupper() and _contains(
            members_[0][0], bare):
        members_ = [(bare, a.speaker.id)]
    out = []
    for name, sid in members_:
        full, known = ctx.names.resolve(body_form(name, ctx.body))
        out.append((full, known or sid) if _contains(full, clean_name(name)) else (name, sid))
    return out


def named_source(speaker: Speaker) -> bool:
    """Whether a speaker names someone: a person, organisation or group with a capitalised name
    ("Delegates", "one Democratic source"), not "talk", "his advisers" or a stray clause."""
    words = clean_name(speaker.name).split()
    if not words or len(words) > 7 or "," in speaker.name or speaker.type == "OTHER":
        return False
    return any(w[:1].isupper() for w in words)


def _single(ctx: Context, a: Attribution | None) -> tuple[str, str | None] | None:
    """The one speaker of an attribution (None for joint, unnamed or interviewer sources)."""
    found = sources(ctx, a) if a is not None else []
    return found[0] if len(found) == 1 else None


def who(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The speaker a subject token stands for, or None for no one we can name."""
    if tok.i < 0:
        return None
    lower = tok.lower_
    if tok.pos_ == "PRON" and lower in ("i", "we", "me", "us", "he", "she", "they"):
        att = ctx.source_at(tok.idx)
        if att and att.speaker:
            return _single(ctx, att)
        inside = ctx.speaker_at(tok.idx)
        if inside and inside.speaker and lower != "they":
            if lower in ("i", "we", "me", "us") and inside.kind == "indirect":
                return None
            return _single(ctx, inside)
        if lower in ("he", "she"):
            return _previous_person(ctx, tok)
        return None
    att = ctx.source_at(tok.idx)
    if att and att.speaker:
        return _single(ctx, att)
    ent = _entity_of(tok)
    if ent is not None and ent.label_ in SPEAKER_ENTS:
        return ctx.names.resolve(ent.text)
    return None


def _entity_of(tok: Token) -> Span | None:
    """The named entity a token heads or belongs to."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    for child in tok.children:
        if child.dep_ == "compound":
            for ent in tok.doc.ents:
                if ent.start <= child.i < ent.end:
                    return ent
    return None


def _previous_person(ctx: Context, tok: Token,
                     exclude: frozenset[str] = frozenset()) -> tuple[str, str | None] | None:
    """The last person named before a he/she (other than `exclude`, the speaker's words)."""
    for ent in reversed([e for e in ctx.doc.ents if e.end <= tok.i and e.label_ == "PERSON"]):
        name = ctx.names.resolve(ent.text)
        if not exclude or not content_key(name[0]) <= exclude:
            return name
    return None


def members(ctx: Context, subj: Token) -> list[tuple[str, str | None]]:
    """The speakers of a coordinated subject ("he and Biden", "Republicans and Democrats")."""
    toks = [subj, *subj.conjuncts]
    found = [w for w in (who(ctx, t) for t in toks) if w]
    if subj.lower_ == "they" and len(found) < 2:
        return _previous_pair(ctx, subj)
    return found


def _previous_pair(ctx: Context, tok: Token) -> list[tuple[str, str | None]]:
    """The two speakers of the last coordinated subject before `tok` ("they" after "X and Y")."""
    for t in reversed(ctx.doc[: tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts:
            pair = [w for w in (who(ctx, c) for c in (t, *t.conjuncts)) if w]
            if len(pair) >= 2:
                return pair
    return []


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, following xcomp/advcl/conj chains up to a clause that has one."""
    seen = 0
    while verb is not None and seen < 4:
        subj = nearest_subject(verb)
        if subj is not None:
            return subj
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def nearest_subject(head: Token) -> Token | None:
    """The active subject of a verb closest to it (a headline glued on by the parser is not)."""
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: abs(head.i - c.i), default=None)


def _object(verb: Token, preps: tuple[str, ...] = ()) -> Token | None:
    """A verb's direct object, or the object of one of `preps` attached to it."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in verb.children:
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
        if c.dep_ == "prt":
            for p in verb.children:
                if p.dep_ == "prep":
                    for g in p.children:
                        if g.dep_ == "pobj":
                            return g
    return None


def _topic_pp(verb: Token, limit: int) -> str:
    """A topic given by on/over/about/for/of after a verb or at the front of its clause."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("over", "about", "on", "for", "regarding"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    return phrase(g, limit)
    return ""


def _target(ctx: Context, obj: Token) -> tuple[str, str | None]:
    """A target: a speaker's name when the object names or points at one, else the phrase."""
    if obj.lower_ in PRONOUNS and obj.lower_ not in ("it",):
        named = _previous_person(ctx, obj) if obj.lower_ in ("him", "her") else None
        if named:
            return named
    ent = _entity_of(obj)
    if ent is not None and ent.label_ in SPEAKER_ENTS and ent.root == obj:
        return ctx.names.resolve(ent.text)
    return phrase(obj, ctx.rules.max_target_words), None


def _evidence(ctx: Context, tok: Token) -> Mention:
    """The sentence holding `tok`, as the evidence of a relation."""
    sent = tok.sent
    return Mention.from_spans(ctx.doc.text, [(sent.start_char, sent.end_char)])


def _stance(ctx: Context, src: tuple[str, str | None], target: tuple[str, str | None],
            polarity: str, topic: str, tok: Token, explicit: bool = True) -> Position | None:
    """A stance, unless it is someone's stance on themself or names no target."""
    if not target[0] or content_key(target[0]) <= content_key(src[0]) and content_key(target[0]):
        return None
    if not content_key(target[0]):
        return None
    return Position("stance", topic or target[0], _evidence(ctx, tok), source=src[0],
                    source_id=src[1], target=target[0], polarity=polarity, explicit=explicit)


def stance_acts(ctx: Context) -> Iterator[Position]:
    """A stance verb whose subject is a speaker: "Ryan endorsed Trump", "attacked Trump over …"."""
    for tok in ctx.doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        polarity = STANCE_VERBS.get(tok.lemma_.lower())
        preps: tuple[str, ...] = ("against",) if polarity == "oppose" else ()
        if polarity is None:
            for c in tok.children:
                key = (tok.lemma_.lower(), c.lower_)
                if c.dep_ in ("prep", "prt") and key in PHRASAL_STANCES:
                    polarity, preps = PHRASAL_STANCES[key], (c.lower_,)
                    break
        if polarity is None and tok.lemma_.lower() in ("call", "label", "brand", "describe"):
            yield from _called(ctx, tok)
            continue
        if polarity is None or any(c.dep_ == "neg" for c in tok.children):
            continue
        subj = subject_of(tok)
        obj = _object(tok, preps or ("at", "for", "against", "on"))
        if subj is None or obj is None:
            continue
        src = who(ctx, subj)
        if src is None:
            continue
        topic = _topic_pp(tok, ctx.rules.max_topic_words)
        found = _stance(ctx, src, _target(ctx, obj), polarity, topic, tok)
        if found:
            yield found


def _called(ctx: Context, verb: Token) -> Iterator[Position]:
    """"X called Y a liar" / "called Y's behavior outrageous": a stance of X on Y."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    subj = subject_of(verb)
    if obj is None or subj is None:
        return
    words = [t for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")
             for t in c.subtree]
    words += [t for t in obj.subtree if t.i > obj.i]
    valence = sum(token_valence(t) for t in words)
    src = who(ctx, subj)
    if src is None or abs(valence) < ctx.rules.min_valence:
        return
    polarity = "support" if valence > 0 else "oppose"
    topic = compact(words, ctx.rules.max_topic_words) if words else ""
    found = _stance(ctx, src, _target(ctx, obj), polarity, topic, verb)
    if found:
        yield found


def evaluations(ctx: Context) -> Iterator[Position]:
    """An attribution evaluating a named target or a proposal: its polarity from word valences."""
    for a in ctx.attributions:
        speakers = sources(ctx, a)
        if not speakers:
            continue
        span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        valence = span_valence(span)
        if abs(valence) < ctx.rules.min_valence:
            continue
        polarity = "support" if valence > 0 else "oppose"
        for src in speakers:
            target = _evaluated(ctx, span, a, src[0])
            if target is None:
                continue
            found = _stance(ctx, src, target, polarity, _topic_of(ctx, span, target),
                            span.root, explicit=False)
            if found:
                yield replace(found, evidence=a.content)


def _topic_of(ctx: Context, span: Span, target: tuple[str, str | None]) -> str:
    """A stance's topic: the content cut short (the target alone when the content is long)."""
    words = compact(span, ctx.rules.max_topic_words)
    return words if words else target[0]


def _evaluated(ctx: Context, span: Span, a: Attribution,
               speaker: str) -> tuple[str, str | None] | None:
    """What a content evaluates, by structure only: the subject of an evaluative predicate
    ("Trump is a disgusting fraud"), the object of an evaluative verb ("blame low-level workers"),
    the noun an evaluative adjective describes ("the timely decision"), or the person addressed as
    "you"; None when the evaluation is of no one in particular."""
    mine = content_key(speaker)
    found = [_predicate_subject(tok) or _verb_object(tok) for tok in span if token_valence(tok)]
    found += [t.head for t in span if token_valence(t) and t.dep_ == "amod"
              and t.head.pos_ in ("NOUN", "PROPN")]
    for tok in found:
        if tok is None:
            continue
        if tok.pos_ == "PRON":
            if tok.lower_ == "you":
                addressed = addressee(ctx, a)
                if addressed and not content_key(addressed[0]) <= mine:
                    return addressed
            elif tok.lower_ in ("he", "him", "she", "her"):
                other = _previous_person(ctx, tok, exclude=mine)
                if other:
                    return other
            continue
        target = _target(ctx, tok)
        if content_key(target[0]) and not content_key(target[0]) <= mine:
            return target
    return None


def _predicate_subject(tok: Token) -> Token | None:
    """The subject an evaluative adjective or noun is said of ("X is a fraud", "X is unfit")."""
    if tok.dep_ in ("acomp", "attr", "oprd"):
        return nearest_subject(tok.head) or next(
            (c for c in tok.head.children if c.dep_ == "dobj"), None)
    return None


def _verb_object(tok: Token) -> Token | None:
    """The object of an evaluative verb ("blame low-level workers", "mishandled the inquiry")."""
    if tok.pos_ == "VERB":
        return next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return None


def addressee(ctx: Context, a: Attribution) -> tuple[str, str | None] | None:
    """Who "you" is in a quote: the person the cue says was told, else the last one told."""
    cues = [x for x in ctx.attributions if x.cue and x.cue.start <= a.cue.start] if a.cue else []
    for x in reversed(cues):
        span = ctx.doc.char_span(x.cue.start, x.cue.end, alignment_mode="expand")
        if span is None:
            continue
        for c in span.root.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
                return who(ctx, c)
    return None


def explicit_pairs(ctx: Context) -> Iterator[Position]:
    """Two speakers said to agree or diverge, and on what."""
    for tok in ctx.doc:
        relation = _pair_relation(tok)
        if relation is None:
            continue
        subj = subject_of(tok)
        if subj is None:
            continue
        pair = members(ctx, subj)
        partner = _partner(ctx, tok)
        if partner and pair:
            pair = [pair[0], partner]
        if len(pair) < 2 or pair[0][0] == pair[1][0]:
            continue
        topic = _pair_topic(tok, ctx.rules.max_topic_words)
        (a, a_id), (b, b_id) = pair[0], pair[1]
        yield Position(relation, topic, _evidence(ctx, tok), a=a, b=b, a_id=a_id, b_id=b_id)
    yield from _right_or_wrong(ctx)


def _pair_relation(tok: Token) -> str | None:
    """agree/disagree when a token states one: the verbs, "common ground", "different positions"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in AGREE_VERBS:
        return "agree" if not any(c.dep_ == "neg" for c in tok.children) else None
    if tok.pos_ == "VERB" and lemma in DISAGREE_VERBS:
        return "disagree"
    if tok.pos_ == "VERB" and lemma in ("find", "have", "share", "reach"):
        for c in tok.children:
            if c.dep_ == "dobj" and c.lemma_.lower() == "ground" and any(
                    g.lower_ == "common" for g in c.children):
                return "agree"
            if c.dep_ == "dobj" and c.lemma_.lower() in VIEW_NOUNS and any(
                    g.lower_ in DIVERGENT for g in c.subtree):
                return "disagree"
    return None


def _partner(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The other speaker of "X agreed with Y" / "X echoed Y"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for g in c.children:
                if g.dep_ == "pobj":
                    return who(ctx, g)
        if c.dep_ == "dobj" and tok.lemma_.lower() == "echo":
            return who(ctx, c)
    return None


def _pair_topic(tok: Token, limit: int) -> str:
    """What two speakers agree or diverge on: on/over/about, the plan they agreed to, or the
    fronted "On Navalny," of the clause that reports them."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "over", "about", "regarding"):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _issue_of(pobj, limit)
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in ("on", "over", "about"):
                    pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        return _issue_of(pobj, limit)
        if c.dep_ in ("xcomp", "ccomp"):
            return _plan_topic(c, limit)
    head = tok
    while head.dep_ in ("ccomp", "conj", "xcomp") and head.head is not head:
        head = head.head
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "over", "about") and c.i < tok.i:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return _issue_of(pobj, limit)
    return ""


def _issue_of(tok: Token, limit: int) -> str:
    """"the issue of climate change" → "climate change"; otherwise the phrase itself."""
    if tok.lemma_.lower() in ("issue", "question", "matter", "subject", "topic"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return phrase(pobj, limit)
    return phrase(tok, limit)


def _plan_topic(verb: Token, limit: int) -> str:
    """What an agreed plan is about: its on/about object, else its object."""
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ in ("on", "about", "over"):
            pobj = next((g for g in t.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _issue_of(pobj, limit)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "pobj")), None)
    return phrase(obj, limit) if obj is not None else compact(verb.subtree, limit)


def _right_or_wrong(ctx: Context) -> Iterator[Position]:
    """"X said Y was absolutely right" (agree) or "… was wrong" (disagree)."""
    for a in ctx.attributions:
        speaker = _single(ctx, a)
        if speaker is None or not a.speaker or a.speaker.resolved_by == "none":
            continue
        span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            word = tok.lower_
            if tok.dep_ != "acomp" or word not in RIGHT | WRONG:
                continue
            subj = nearest_subject(tok.head)
            other = who(ctx, subj) if subj is not None and subj.lower_ not in (
                "i", "we", "it", "that", "this") else None
            if other and other[0] != speaker[0]:
                relation = "agree" if word in RIGHT else "disagree"
                yield Position(relation, compact(span, ctx.rules.max_topic_words), a.content,
                               a=speaker[0], a_id=speaker[1], b=other[0], b_id=other[1])


def derived_pairs(stances: list[Position], explicit: list[Position]) -> Iterator[Position]:
    """Agree/disagree between two sources with stances on the same target in one article.

    No pair when one source holds both polarities on that target, when one name is part of the
    other ("Obama" and "the Obama administration"), or when the pair already has that label.
    """
    by_target: dict[frozenset[str], list[Position]] = {}
    for s in stances:
        key = _target_key(s.target or "")
        if key:
            by_target.setdefault(key, []).append(s)
    done = {(frozenset((p.a or "", p.b or "")), p.relation) for p in explicit}
    for group in by_target.values():
        polarities: dict[str, set[str]] = {}
        for s in group:
            polarities.setdefault(s.source or "", set()).add(s.polarity or "")
        firm = [s for s in group if len(polarities[s.source or ""]) == 1]
        for i, x in enumerate(firm):
            for y in firm[i + 1:]:
                if not x.source or not y.source or _related(x.source, y.source):
                    continue
                relation = "agree" if x.polarity == y.polarity else "disagree"
                key = (frozenset((x.source, y.source)), relation)
                if key in done:
                    continue
                done.add(key)
                later = max(x, y, key=lambda p: p.evidence.start)
                yield Position(relation, x.target or "", later.evidence, a=x.source,
                               a_id=x.source_id, b=y.source, b_id=y.source_id, explicit=False)


def _target_key(target: str) -> frozenset[str]:
    """Targets compare by their last content word for names, all content words otherwise."""
    return content_key(target)


def _related(a: str, b: str) -> bool:
    """Whether one speaker may be part of or speak for the other: their names share a word."""
    ka, kb = content_key(a), content_key(b)
    return not ka or not kb or bool(ka & kb)


def dedupe(positions: Iterable[Position]) -> list[Position]:
    """One line per (relation, source/pair, target, polarity): the first found wins."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for p in positions:
        if p.relation == "stance":
            key: tuple[object, ...] = ("stance", p.source, _target_key(p.target or ""), p.polarity)
        else:
            key = (p.relation, frozenset((p.a, p.b)), content_key(p.topic))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def find_positions(doc: Doc, attributions: Iterable[Attribution], offset: int = 0,
                   rules: PositionRules | None = None) -> tuple[Position, ...]:
    """Every stance and agreement an article reports.

    `doc` parses the article text from character `offset` on; attributions and the evidence
    returned are in article offsets.
    """
    ctx = build_context(doc, (_moved(a, -offset) for a in attributions), rules)
    stances = dedupe([*stance_acts(ctx), *evaluations(ctx)])
    pairs = dedupe(explicit_pairs(ctx))
    derived = list(derived_pairs(stances, pairs))
    found = sorted([*stances, *pairs, *derived], key=lambda p: p.evidence.start)
    return tuple(replace(p, evidence=_shift(p.evidence, offset)) for p in found)


def _shift(m: Mention, by: int) -> Mention:
    """A mention moved by `by` characters."""
    return Mention(m.text, tuple((s + by, e + by) for s, e in m.spans)) if by else m


def _moved(a: Attribution, by: int) -> Attribution:
    """An attribution with every mention moved by `by` characters."""
    if not by:
        return a
    return replace(a, content=_shift(a.content, by),
                   cue=_shift(a.cue, by) if a.cue else None,
                   source=_shift(a.source, by) if a.source else None)
