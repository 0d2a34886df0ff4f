"""The learned cue classifier: how likely a token is the head of an attribution cue.

A logistic model over small features of one token and its neighbourhood in the parse (its
lemma and tags, its head, its subject, whether a clause, an object, a quotation or a colon is
near), trained on PolNeAR train by `scripts/train_cue_model.py` and shipped as
`saidwhat/data/cue_model.json`. It proposes cue candidates instead of a cut-off on the
lemma's cue rate, so "William Barr ordered multiple investigations" (an action) and "Blood
tests revealed …" (evidence, not a speaker) are turned down where "the report said" is not.
Scoring is a sparse dot product: no ML library at run time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from saidwhat.engine.linear import logistic, weights_json
from saidwhat.engine.quotes import span_text

# Tokens the classifier looks at: content verbs, nouns ("claim", "statement"), the colon.
CANDIDATE_POS = frozenset(("VERB", "AUX", "NOUN"))
PERSON_PRONOUNS = frozenset("he she they i we you who".split())
THING_PRONOUNS = frozenset("it this that which what there these those".split())
CHILD_DEPS = frozenset(
    "nsubj nsubjpass csubj ccomp xcomp dobj dative agent prep advcl prt neg acomp attr oprd "
    "poss acl relcl appos".split()
)
QUOTE_MARKS = frozenset("\"“”‘’'")


def is_candidate(tok: Token) -> bool:
    """Whether the classifier rates this token: a verb (not an auxiliary), a noun, a colon."""
    if tok.pos_ in CANDIDATE_POS:
        return not (tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass"))
    return tok.text == ":"


def _subject(tok: Token, children: Sequence[Token] | None = None) -> Token | None:
    """The token's grammatical subject, the agent of a passive, or a noun's possessor
    (`children`: the token's, when already read)."""
    kids = list(tok.children) if children is None else children
    for c in kids:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    for c in kids:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    for c in kids:
        if c.dep_ == "poss":
            return c
    if tok.dep_ in ("advcl", "conj", "xcomp") and tok.head is not tok:
        return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return None


def subject_kind(subj: Token | None) -> str:
    """What the subject is: none, a person pronoun, a thing pronoun, a named entity type, a noun."""
    if subj is None:
        return "none"
    low = subj.lower_
    if low in PERSON_PRONOUNS or subj.tag_ == "PRP$":
        return "person"
    if low in THING_PRONOUNS:
        return "thing"
    if subj.ent_type_:
        return "ent:" + subj.ent_type_
    return "pos:" + subj.pos_


def _quote_near(tok: Token, step: int, window: int = 3) -> bool:
    """A quote mark within `window` tokens before (step -1) or after (step 1) the token."""
    doc = tok.doc
    i = tok.i + step
    for _ in range(window):
        if not 0 <= i < len(doc):
            return False
        if doc[i].text in QUOTE_MARKS or doc[i].text[:1] in QUOTE_MARKS:
            return True
        i += step
    return False


def _colon_after(tok: Token, window: int = 3) -> bool:
    """A colon within `window` tokens after the token on its line ('told reporters:')."""
    doc = tok.doc
    for i in range(tok.i + 1, min(len(doc), tok.i + 1 + window)):
        if "\n" in doc[i].text:
            return False
        if doc[i].text == ":":
            return True
    return False


@dataclass(frozen=True)
class SentenceFacts:
    """What each token's sentence holds, read once per doc rather than once per candidate."""

    quoted: tuple[bool, ...]  # the sentence holds quoted text
    question: tuple[bool, ...]  # the sentence ends with a question mark


def sentence_facts(doc: Doc, in_quote: Sequence[bool]) -> SentenceFacts:
    """Per token: whether its sentence holds quoted text and whether it asks a question."""
    quoted: list[bool] = []
    question: list[bool] = []
    for sent in doc.sents:
        n = sent.end - sent.start
        quoted += [any(in_quote[sent.start:sent.end])] * n
        question += [span_text(sent).rstrip().endswith("?")] * n
    return SentenceFacts(tuple(quoted), tuple(question))


def _sentence_flags(tok: Token, in_quote: Sequence[bool],
                    sentences: SentenceFacts | None) -> tuple[bool, bool]:
    """Whether the token's sentence holds quoted text, and whether it asks a question."""
    if sentences is not None:
        return sentences.quoted[tok.i], sentences.question[tok.i]
    sent = tok.sent
    return any(in_quote[sent.start:sent.end]), span_text(sent).rstrip().endswith("?")


OTHER = "<other>"
VOCABULARY_FIELDS = ("lemmas", "heads", "subjects", "cued", "adjectives")


@dataclass(frozen=True)
class Vocabulary:
    """The lemmas the model knows by name (as the token, its head, its subject); any other
    lemma is OTHER. Empty sets: every lemma by name (when collecting training examples)."""

    lemmas: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    cued: frozenset[str] = frozenset()  # lemmas crossed with their context ('l|dep=say|ROOT')
    adjectives: frozenset[str] = frozenset()  # a copula's adjective ('is critical of')

    def to_json(self) -> dict[str, list[str]]:
        """The vocabulary as sorted lists."""
        return {k: sorted(getattr(self, k)) for k in VOCABULARY_FIELDS}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Vocabulary:
        """A vocabulary from its lists."""
        return cls(*(frozenset(data.get(k, ())) for k in VOCABULARY_FIELDS))

    def word(self, known: frozenset[str], lemma: str) -> str:
        """The lemma if known (or no vocabulary is set), else OTHER."""
        return lemma if not known or lemma in known else OTHER


def _first_prep(tok: Token, children: Sequence[Token] | None = None) -> Token | None:
    """The first preposition the token governs to its right ('criticism of', 'talked about');
    `children`: the token's, when already read."""
    kids = tok.children if children is None else children
    return next((c for c in kids if c.dep_ == "prep" and c.i > tok.i), None)


def prep_word(prep: Token) -> str:
    """A preposition by name, or OTHER for a token the parse took for one that is no word
    (markup run together, a number, a hyphenated compound)."""
    word = prep.lower_
    return word if word.isalpha() else OTHER


def _marked_clause(tok: Token, children: Sequence[Token] | None = None) -> str | None:
    """How a clause the token governs to its right opens: 'that', 'to' (an infinitive), 'if',
    'whether' or 'none' (a bare clause); None when it governs no clause (`children`: the
    token's, when already read)."""
    for c in tok.children if children is None else children:
        if c.i > tok.i and c.dep_ in ("ccomp", "xcomp", "acl"):
            marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux") and m.i < c.i
                     and m.lower_ in ("that", "to", "if", "whether")]
            return marks[0] if marks else "none"
    return None


def copula_features(tok: Token, vocab: Vocabulary,
                    children: Sequence[Token] | None = None) -> dict[str, float]:
    """A copula's adjective and what it takes: 'is critical of', 'is confident that',
    'is quick to point out' (`children`: the copula's, when already read)."""
    adj = next((c for c in (tok.children if children is None else children)
                if c.dep_ == "acomp"), None)
    if adj is None:
        return {}
    f = {"acomp=" + vocab.word(vocab.adjectives, adj.lemma_.lower()): 1.0}
    prep = _first_prep(adj)
    if prep is not None:
        f["acomp_prep=" + prep.lower_] = 1.0
    clause = _marked_clause(adj)
    if clause is not None:
        f["acomp_clause=" + clause] = 1.0
    return f


NAMED_DETERMINERS = frozenset(("the", "a", "an", "this"))


def determiner_kind(noun: Token, children: Sequence[Token] | None = None) -> str:
    """A noun's determiner: poss ('his view'), one of NAMED_DETERMINERS, other, or none
    (`children`: the noun's, when already read)."""
    kids = noun.children if children is None else children
    det = next((c for c in kids if c.dep_ in ("det", "poss") and c.i < noun.i), None)
    if det is None:
        return "none"
    if det.dep_ == "poss":
        return "poss"
    return det.lower_ if det.lower_ in NAMED_DETERMINERS else "other"


def complement_features(tok: Token, crossed: str,
                        children: Sequence[Token] | None = None) -> dict[str, float]:
    """What the token takes: the preposition after it ('criticism of', 'talked about'), how its
    clause opens ('the claim that', 'the decision to'), an infinitive that reports a clause
    ('to argue that'), a noun's determiner ('the idea', 'his view'); `children`: the token's,
    when already read."""
    kids = list(tok.children) if children is None else children
    f: dict[str, float] = {}
    prep = _first_prep(tok, kids)
    if prep is not None:
        word = prep_word(prep)
        f["prep=" + word] = 1.0
        f["l|prep=" + crossed + "|" + word] = 1.0
    clause = _marked_clause(tok, kids)
    if clause is not None:
        f[tok.pos_ + "|clause=" + clause] = 1.0
    if tok.pos_ == "NOUN":
        f["n_det=" + determiner_kind(tok, kids)] = 1.0
    if tok.dep_ == "xcomp":
        f["inf_hpos=" + tok.head.pos_] = 1.0
    return f


def features(tok: Token, in_quote: Sequence[bool], vocab: Vocabulary = Vocabulary(),
             sentences: SentenceFacts | None = None) -> dict[str, float]:
    """Sparse features of one candidate token; `sentences` (from `sentence_facts`) saves
    reading the token's sentence again for every candidate in it."""
    raw = tok.lemma_.lower() if tok.text != ":" else ":"
    lemma = vocab.word(vocab.lemmas, raw)
    crossed = vocab.word(vocab.cued, raw)
    head = tok.head
    kids = list(tok.children)  # read once: each read of Token.children builds every token again
    subj = _subject(tok, kids)
    kind = subject_kind(subj)
    coarse = kind if kind in ("none", "person", "thing") else kind.split(":")[0] + (
        ":PERSON" if kind == "ent:PERSON" else "")
    deps = {c.dep_ for c in kids if c.dep_ in CHILD_DEPS}
    f: dict[str, float] = {
        "l=" + lemma: 1.0,
        "pos=" + tok.pos_: 1.0,
        "tag=" + tok.tag_: 1.0,
        "dep=" + tok.dep_: 1.0,
        "l|dep=" + crossed + "|" + tok.dep_: 1.0,
        "dep|hpos=" + tok.dep_ + "|" + head.pos_: 1.0,
        "subj=" + kind: 1.0,
        "l|subj=" + crossed + "|" + coarse: 1.0,
    }
    if head.i != tok.i:
        f["hl=" + vocab.word(vocab.heads, head.lemma_.lower())] = 1.0
    if subj is not None and subj.pos_ == "NOUN":
        f["sl=" + vocab.word(vocab.subjects, subj.lemma_.lower())] = 1.0
    for d in deps:
        f["c=" + d] = 1.0
    if "ccomp" in deps:
        f["l|ccomp=" + crossed] = 1.0
        for c in kids:
            if c.dep_ == "ccomp":
                marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
                f["ccomp_mark=" + (marks[0] if marks else "none")] = 1.0
    if "dobj" in deps:
        f["l|dobj=" + crossed] = 1.0
    if "xcomp" in deps:
        f["l|xcomp=" + crossed] = 1.0
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids):
        f["to_inf"] = 1.0
        if "ccomp" in deps:
            f["to_inf|ccomp"] = 1.0
    if tok.lemma_ == "be":
        f.update(copula_features(tok, vocab, kids))
    f.update(complement_features(tok, crossed, kids))
    if any(c.dep_ == "auxpass" for c in kids):
        f["passive"] = 1.0
    if _quote_near(tok, -1):
        f["quote_before"] = 1.0
    if _quote_near(tok, 1):
        f["quote_after"] = 1.0
    quoted, question = _sentence_flags(tok, in_quote, sentences)
    if quoted:
        f["quote_in_sent"] = 1.0
    if _colon_after(tok):
        f["colon_after"] = 1.0
    if question:
        f["question"] = 1.0
    if tok.text == ":":
        prev = tok.doc[tok.i - 1] if tok.i > 0 else tok
        f["colon_prev=" + prev.pos_] = 1.0
        f["colon_prev_ent=" + (prev.ent_type_ or "none")] = 1.0
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
        f["colon_next_quote"] = float(nxt.text[:1] in QUOTE_MARKS)
    return f


@dataclass(frozen=True)
class CueModel:
    """Feature weights, bias and the probability from which a token is a cue candidate."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    vocabulary: Vocabulary = Vocabulary()

    def probability(self, tok: Token, in_quote: Sequence[bool],
                    sentences: SentenceFacts | None = None) -> float:
        """Probability that the token heads a cue (0 for tokens the model does not rate)."""
        if not is_candidate(tok):
            return 0.0
        w = self.weights
        feats = features(tok, in_quote, self.vocabulary, sentences)
        z = self.bias + sum(w.get(k, 0.0) * v for k, v in feats.items())
        return logistic(z)

    def to_json(self) -> dict[str, Any]:
        """The model in the cue_model.json layout."""
        return {"weights": dict(self.weights), "bias": self.bias, "threshold": self.threshold,
                "vocabulary": self.vocabulary.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CueModel:
        """A model from cue_model.json data."""
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), Vocabulary.from_json(data.get("vocabulary", {})))


def load_cue_model(model_file: str = "") -> CueModel | None:
    """The cue model in `model_file`, else the shipped one; None when none is installed."""
    data = weights_json("cue_model.json", model_file)
    return CueModel.from_json(data) if data is not None else None
