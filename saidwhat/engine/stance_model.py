"""The learned stance model: for each attribution with a named speaker, which of the people,
organisations and issues its content names the speaker supports, opposes or takes no stance on.

A candidate is (speaker, target) where the target is a named entity or a pronoun the resolver
read as a named person, inside an attribution's content or the object of an act the article
narrates of a speaker ("Sanders decided to back Obama"). Its features are
small (the cue lemma, the word governing the target and its dependency, the valence of the
words near the target and of what is said of it, negation, what the rules found for the same
source and target); a
three-class logistic regression (none / support / oppose) trained by
`scripts/train_positions.py` on the train positions gold scores them, and the candidates whose
stance probability reaches the model's cross-validated threshold become stances beside the
rules' (`saidwhat/engine/positions.py`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from saidwhat.engine.linear import weights_json
from saidwhat.engine.positions import (
    STANCE_VERBS,
    Context,
    asked_or_supposed,
    clean_name,
    content_key,
    covered,
    evaluative_use,
    hypothetical,
    nested,
    own_target,
    sources,
    subject_of,
    token_valence,
    who,
)
from saidwhat.engine.quotes import span_text
from saidwhat.records import Attribution, Mention, Position

CLASSES = ("none", "support", "oppose")
TARGET_LABELS = frozenset("PERSON ORG NORP GPE LAW EVENT WORK_OF_ART FAC PRODUCT".split())
NEGATION = frozenset("not n't never no".split())


@dataclass(frozen=True)
class Candidate:
    """One (speaker, target) pair an attribution's content offers, with its features."""

    source: str
    source_id: str | None
    target: str
    kind: str  # an entity label or PRON
    evidence: Mention
    features: tuple[str, ...]


@dataclass(frozen=True)
class StanceModel:
    """Weights of the three-class logistic regression and the stance threshold."""

    weights: Mapping[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    threshold: float

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> StanceModel:
        """From the JSON `scripts/train_positions.py` writes."""
        weights = {k: tuple(v) for k, v in data["weights"].items()}  # type: ignore[union-attr]
        return cls(weights, tuple(data["bias"]), float(data["threshold"]))  # type: ignore[arg-type]

    def probabilities(self, features: Iterable[str]) -> tuple[float, float, float]:
        """P(none), P(support), P(oppose) of a candidate's features."""
        z = list(self.bias)
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return e[0] / total, e[1] / total, e[2] / total


_NO_ATT = Attribution("narrated", "speech", Mention("", ((0, 0),)), None, None)


@lru_cache(maxsize=4)
def load_stance_model(path: str = "") -> StanceModel | None:
    """The model in `path` (empty: the shipped stance_model.json), None when none is installed."""
    data = weights_json("stance_model.json", path)
    return StanceModel.from_json(data) if data is not None else None


def content_spans(ctx: Context, a: Attribution) -> list[Span]:
    """The parsed stretches of an attribution's content."""
    spans = (ctx.doc.char_span(s, e, alignment_mode="expand") for s, e in a.content.spans)
    return [s for s in spans if s is not None and len(s)]


def cue_token(ctx: Context, a: Attribution) -> Token | None:
    """The head word of an attribution's cue."""
    span = ctx.doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue else None
    return span.root if span is not None and len(span) else None


def targets_in(ctx: Context, span: Span, ents: list[Span]) -> Iterator[tuple[str, str, Span]]:
    """The targets a stretch of content names, each as (name, kind, span): its entities and the
    pronouns the resolver read as someone named (issues written as noun phrases cost precision
    in cross-validation: the gold words them its own way; `ents` are the article's entities of
    TARGET_LABELS)."""
    for ent in ents:
        if span.start <= ent.start and ent.end <= span.end and content_key(ent.text):
            name = ctx.names.resolve(ent.text)[0] if ent.label_ == "PERSON" else clean_name(
                ent.text)
            yield name, ent.label_, ent
    for tok in span:
        if tok.pos_ == "PRON" and tok.i in ctx.referents:
            yield ctx.referents[tok.i], "PRON", ctx.doc[tok.i: tok.i + 1]


class Valences(dict):
    """Each token's valence (`token_valence`) where it is used to judge (`evaluative_use`: not
    "Ann Lee is safe", not a negated adjective), else 0, read once per article, by token
    index."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, i: int) -> float:
        v = token_valence(self.doc[i])
        self[i] = v if v and evaluative_use(self.doc[i]) else 0.0
        return self[i]


def _bucket(n: float, cuts: tuple[float, ...]) -> str:
    """The first cut a number is at most, else '>last'."""
    for c in cuts:
        if n <= c:
            return f"<={c:g}"
    return f">{cuts[-1]:g}"


def _governor(tok: Token) -> Token:
    """The word a target depends on through prepositions ("criticism of X" → criticism)."""
    head = tok.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    return head


def _negated(tok: Token) -> bool:
    """Whether the clause a word sits in is negated."""
    for t in (tok, tok.head, tok.head.head):
        if any(c.dep_ == "neg" or c.lower_ in NEGATION for c in t.children):
            return True
    return False


def features(ctx: Context, a: Attribution, cue: Token | None, kind: str, span: Span,
             n_targets: int, content_valence: float, speakers: frozenset[str],
             rule_polarity: str, vals: Valences) -> tuple[str, ...]:
    """The features of one candidate target in one attribution's content (`vals`: the
    article's token valences)."""
    root = span.root
    gov = _governor(root)
    sent = root.sent
    window = ctx.rules.model_window
    lo, hi = max(sent.start, span.start - window), min(sent.end, span.end + window)
    near = [t for t in ctx.doc[lo:hi] if not (span.start <= t.i < span.end)]
    valence = sum(vals[t.i] for t in near)
    clause = sum(vals[t.i] for t in gov.subtree if not (span.start <= t.i < span.end))
    out = ["bias", f"kind:{a.kind}", f"tk:{kind}", f"dep:{root.dep_}",
           f"gov:{gov.lemma_.lower()}", f"govpos:{gov.pos_}", f"tk_dep:{kind}|{root.dep_}",
           f"nt:{_bucket(n_targets, (1, 3, 8))}",
           f"cv:{_bucket(content_valence, (-3, -1, 0, 1, 3))}",
           f"wv:{_bucket(valence, (-2, -0.5, 0.5, 2))}",
           f"gv:{_bucket(clause, (-2, -0.5, 0.5, 2))}",
           f"rule:{rule_polarity}"]
    if cue is not None:
        out.append(f"cue:{cue.lemma_.lower()}")
        if cue.lemma_.lower() in STANCE_VERBS:
            out.append(f"cuestance:{STANCE_VERBS[cue.lemma_.lower()]}")
        out.append(f"dist:{_bucket(abs(cue.i - root.i), (3, 10, 25))}")
        out.append(f"samesent:{cue.sent.start == sent.start}")
    if gov.lemma_.lower() in STANCE_VERBS:
        out.append(f"govstance:{STANCE_VERBS[gov.lemma_.lower()]}")
    if kind in ("PERSON", "PRON", "ORG") and clean_name(span.text).split()[-1:] and (
            clean_name(span.text).split()[-1].lower() in speakers):
        out.append("speaker")
    pv = predicate_valence(root, vals)
    if pv:
        out.append(f"pv:{_bucket(pv, (-2, 0, 2))}")
    gval = vals[gov.i]
    if gval:
        out.append(f"govv:{'+' if gval > 0 else '-'}")
        out.append(f"govv_tk:{'+' if gval > 0 else '-'}|{kind}")
    out.append(f"wv_tk:{_bucket(valence, (-2, -0.5, 0.5, 2))}|{kind}")
    if _negated(gov):
        out.append("neg")
    if "?" in span_text(sent):
        out.append("question")
    return tuple(out)


def predicate_valence(tok: Token, vals: Valences) -> float:
    """Valence of what is said of a target that is a subject ("Trump is dangerous", "Clinton
    lied"): its verb and the verb's complements; 0 for a target that is no subject."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return 0.0
    verb = tok.head
    said = [verb, *(t for c in verb.children if c.dep_ in ("attr", "acomp", "dobj", "xcomp")
                    for t in c.subtree)]
    return sum(vals[t.i] for t in said)


def supposed(tok: Token) -> bool:
    """Whether a target sits in a question, an "if" clause or under could/might/may: what is
    only supposed or asked holds no stance (the rules' `hypothetical`, `asked_or_supposed`)."""
    gov = _governor(tok)
    verb = gov if gov.pos_ in ("VERB", "AUX") else next(
        (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return asked_or_supposed(tok) or (verb is not None and hypothetical(verb))


def someone_elses(tok: Token, source: str) -> bool:
    """Whether a target is what someone other than the source does something to ("harder for
    the Republicans to attack Tom Hale," Garin said: the Republicans' act, not Garin's stance;
    the guidelines annotate no nested positions)."""
    gov = _governor(tok)
    subj = subject_of(gov) if gov.pos_ == "VERB" else None
    if subj is None or subj.pos_ == "PRON":
        return False
    return not content_key(subj.text) & content_key(source)


def rule_polarity(source: str, target: str, rules: list[Position]) -> str:
    """What the rules say of this source on this target: support, oppose, both or none."""
    key = content_key(target)
    found = {p.polarity for p in rules if p.source == source and key & content_key(
        f"{p.target} {p.topic}")}
    return "both" if len(found) > 1 else (found.pop() or "none") if found else "none"


def candidates(ctx: Context, rules: list[Position]) -> list[Candidate]:
    """Every (speaker, target) candidate of the article's attributions."""
    holders = [(a, sources(ctx, a)) for a in ctx.attributions]
    speakers = frozenset(clean_name(n).split()[-1].lower() for _, found in holders
                         for n, _ in found if clean_name(n).split())
    ents = [e for e in ctx.doc.ents if e.label_ in TARGET_LABELS]
    vals = Valences(ctx.doc)
    out = []
    for a, names in holders:
        if not names:
            continue
        spans = content_spans(ctx, a)
        found = [t for s in spans for t in targets_in(ctx, s, ents)]
        if not found:
            continue
        cue = cue_token(ctx, a)
        cv = sum(vals[t.i] for s in spans for t in s)
        for name, sid in names:
            for target, kind, span in found:
                if content_key(target) <= content_key(name) or own_target(name, target) or (
                        supposed(span.root)) or someone_elses(span.root, name):
                    continue
                sent = span.root.sent
                evidence = Mention(span_text(sent), ((sent.start_char, sent.end_char),))
                feats = features(ctx, a, cue, kind, span, len(found), cv, speakers,
                                 rule_polarity(name, target, rules), vals)
                out.append(Candidate(name, sid, target, kind, evidence, feats))
    out.extend(narrated(ctx, rules, speakers, ents, vals))
    return out


NARRATED_DEPS = frozenset("dobj pobj dative attr".split())


def narrated(ctx: Context, rules: list[Position], speakers: frozenset[str],
             ents: list[Span], vals: Valences) -> Iterator[Candidate]:
    """Candidates of acts the article narrates outside any content: a verb whose subject is a
    speaker, and each named target among its objects ("Sanders decided to back Obama");
    `ents` are the article's entities of TARGET_LABELS."""
    inside = {t.i for a in ctx.attributions for span in content_spans(ctx, a) for t in span}
    heads = [t for t in (*(e.root for e in ents), *(ctx.doc[i] for i in ctx.referents))
             if t.i not in inside and (t.ent_type_ in TARGET_LABELS or t.pos_ == "PRON")]
    by_verb: dict[int, list[Token]] = {}
    for obj in heads:
        verb = obj.head.head if obj.dep_ == "pobj" and obj.head.dep_ in ("prep", "prt") else (
            obj.head if obj.dep_ in NARRATED_DEPS else None)
        if verb is not None and verb.pos_ == "VERB" and verb.i not in inside:
            by_verb.setdefault(verb.i, []).append(obj)
    for i, named in sorted(by_verb.items()):
        tok = ctx.doc[i]
        if hypothetical(tok):
            continue
        subj = subject_of(tok)
        if subj is None or nested(ctx, tok, subj):
            continue
        src = who(ctx, subj)
        if src is None or not content_key(src[0]):
            continue
        sent = tok.sent
        evidence = Mention(span_text(sent), ((sent.start_char, sent.end_char),))
        for obj in sorted(named, key=lambda t: t.i):
            span = _target_span(obj)
            target = _target_name(ctx, span)
            if (not target or content_key(target) <= content_key(src[0])
                    or own_target(src[0], target)):
                continue
            kind = span.root.ent_type_ or "PRON"
            feats = ("narrated", f"verb:{tok.lemma_.lower()}",
                     *(f"n_{f}" for f in features_of_act(tok, obj)),
                     *features(ctx, _NO_ATT, None, kind, span, len(named), 0.0, speakers,
                               rule_polarity(src[0], target, rules), vals))
            yield Candidate(src[0], src[1], target, kind, evidence, feats)


def features_of_act(verb: Token, obj: Token) -> list[str]:
    """What the act's verb says: its valence, a particle or preposition, stance lexicon."""
    out = []
    v = token_valence(verb)
    if v:
        out.append(f"vv:{'+' if v > 0 else '-'}")
    if verb.lemma_.lower() in STANCE_VERBS:
        out.append(f"vs:{STANCE_VERBS[verb.lemma_.lower()]}")
    if obj.dep_ == "pobj":
        out.append(f"prep:{obj.head.lower_}")
    return out


def _target_span(obj: Token) -> Span:
    """The entity an object token is part of, else its noun chunk (no determiner)."""
    doc = obj.doc
    if obj.ent_type_:
        start = obj.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = obj.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    left = min((t.i for t in obj.lefts if t.dep_ in ("amod", "compound", "nmod")), default=obj.i)
    return doc[left: obj.i + 1]


def _target_name(ctx: Context, span: Span) -> str:
    """A target span as a name: a person's fullest name, a resolved pronoun, else its words."""
    root = span.root
    if root.pos_ == "PRON":
        return ctx.referents.get(root.i, "")
    if root.ent_type_ == "PERSON":
        return ctx.names.resolve(span.text)[0]
    if root.ent_type_ and root.ent_type_ not in TARGET_LABELS:
        return ""
    if not root.ent_type_ and root.pos_ != "NOUN":
        return ""
    return clean_name(span.text)


def denies_a_fault(features: tuple[str, ...], polarity: str) -> bool:
    """Whether an opposition the model reads is only a denial of something bad said of the
    target ("The party is not in a crisis": a negated clause of negative words), which opposes
    no one."""
    return polarity == "oppose" and "neg" in features and any(
        f in ("gv:<=-2", "gv:<=-0.5") for f in features)


def learned_stances(ctx: Context, rules: list[Position], model: StanceModel,
                    threshold: float | None = None,
                    found: list[Candidate] | None = None) -> list[Position]:
    """The stances the model finds beyond the rules': per source and sentence its most likely
    target, per source and target its most likely candidate, when its stance probability
    reaches the threshold (`found`: the candidates, when already read)."""
    limit = model.threshold if threshold is None else threshold
    per_sentence: dict[tuple[str, int], tuple[float, str, Candidate]] = {}
    for c in candidates(ctx, rules) if found is None else found:
        _, sup, opp = model.probabilities(c.features)
        key = (c.source, c.evidence.start)
        if sup + opp > per_sentence.get(key, (-1.0, "", c))[0]:
            per_sentence[key] = (sup + opp, "support" if sup >= opp else "oppose", c)
    best: dict[tuple[str, frozenset[str]], tuple[float, str, Candidate]] = {}
    for p, polarity, c in per_sentence.values():
        key2 = (c.source, content_key(c.target))
        if p > best.get(key2, (-1.0, "", c))[0]:
            best[key2] = (p, polarity, c)
    out = []
    for p, polarity, c in best.values():
        if p >= limit and not denies_a_fault(c.features, polarity):
            out.append(Position("stance", c.target, c.evidence, source=c.source,
                                source_id=c.source_id, target=c.target, polarity=polarity,
                                explicit=False))
    return out


def learned(ctx: Context, rules: list[Position]) -> list[Position]:
    """The shipped (or `[positions] model_file`) model's stances on targets the rules left alone
    for their source; none when `[positions] learned` is off or no model is installed."""
    model = load_stance_model(ctx.rules.model_file) if ctx.rules.learned else None
    if model is None:
        return []
    return [s for s in learned_stances(ctx, rules, model) if not covered(s, rules)]
