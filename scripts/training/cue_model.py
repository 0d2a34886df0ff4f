"""The cue classifier's training: every verb, noun and colon outside quoted text is an example,
positive when an annotator's Cue span covers it; the regularisation is chosen by 5-fold
cross-validation over the split's documents (log loss). Used by scripts/train_cue_model.py (the
shipped model) and scripts/train_scorer.py (the fold models, whose out-of-fold probabilities the
scorer learns from). Needs scikit-learn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from spacy.tokens import Doc

from saidwhat.engine.context import build_context
from saidwhat.engine.cue_model import Vocabulary, features, is_candidate, sentence_facts
from saidwhat.evaluation.brat import gold_cue_positions

C_GRID = (0.1, 0.3, 1.0)
FOLDS = 5
THRESHOLD = 0.2  # a token is a candidate from this probability; the scorer filters the rest
MIN_WEIGHT = 2e-3  # smaller weights are left out of the shipped file
# Lemmas known by name: a token lemma in at least MIN_CUED cue tokens or seen MIN_SEEN times; a
# head or subject lemma seen MIN_SEEN times. The rest share one weight, which keeps the file small.
MIN_CUED = 2
MIN_SEEN = 40
MIN_CROSSED = 5  # a lemma is crossed with its context when it is in this many cue tokens


def doc_examples(doc: Doc, cue_positions: set[int], vocab: Vocabulary
                 ) -> tuple[list[dict[str, float]], list[int]]:
    """Features and labels of every candidate token of one parsed text."""
    in_quote = build_context(doc).in_quote
    sentences = sentence_facts(doc, in_quote)
    xs, ys = [], []
    for tok in doc:
        if is_candidate(tok) and not in_quote[tok.i]:
            xs.append(features(tok, in_quote, vocab, sentences))
            ys.append(int(tok.idx in cue_positions))
    return xs, ys


def vocabulary(xs: list[dict[str, float]], ys: list[int]) -> Vocabulary:
    """The lemmas frequent enough, or cued often enough, to be known by name."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for x, y in zip(xs, ys, strict=True):
        for k in x:
            if k.startswith(("l=", "hl=", "sl=", "acomp=")):
                seen[k] += 1
                cued[k] += y

    def known(prefix: str, by_cues: bool) -> frozenset[str]:
        return frozenset(k[len(prefix):] for k in seen if k.startswith(prefix) and (
            seen[k] >= MIN_SEEN or by_cues and cued[k] >= MIN_CUED))
    crossed = frozenset(k[2:] for k in seen if k.startswith("l=") and cued[k] >= MIN_CROSSED)
    return Vocabulary(known("l=", True), known("hl=", False), known("sl=", False), crossed,
                      known("acomp=", True))


def split_examples(gold_dir: Path, docs: Sequence[tuple[str, Doc]]
                   ) -> tuple[list[dict[str, float]], list[int], list[int], Vocabulary]:
    """Features, labels and document numbers of every candidate token in the split, lemmas
    outside the vocabulary the split supports merged."""
    cues = [gold_cue_positions(gold_dir, name) for name, _ in docs]
    every = [doc_examples(doc, c, Vocabulary()) for (_, doc), c in zip(docs, cues, strict=True)]
    vocab = vocabulary([x for xs, _ in every for x in xs], [y for _, ys in every for y in ys])
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    groups: list[int] = []
    for k, ((_, doc), c) in enumerate(zip(docs, cues, strict=True)):
        x, y = doc_examples(doc, c, vocab)
        xs += x
        ys += y
        groups += [k] * len(y)
    return xs, ys, groups, vocab


def fit(xs: list[dict[str, float]], ys: list[int], c: float) -> tuple[DictVectorizer, Any]:
    """A logistic regression over the examples."""
    vec = DictVectorizer()
    clf = LogisticRegression(C=c, max_iter=3000).fit(vec.fit_transform(xs), ys)
    return vec, clf


def fold_models(xs: list[dict[str, float]], ys: list[int], groups: list[int], c: float
                ) -> list[tuple[DictVectorizer, Any]]:
    """One model per fold, each trained on the other folds' documents (document k is in fold
    k % FOLDS)."""
    fold = np.array(groups) % FOLDS
    models_ = []
    for k in range(FOLDS):
        train = [i for i in range(len(ys)) if fold[i] != k]
        models_.append(fit([xs[i] for i in train], [ys[i] for i in train], c))
    return models_


def out_of_fold(xs: list[dict[str, float]], ys: list[int], groups: list[int],
                models_: list[tuple[DictVectorizer, Any]]) -> np.ndarray:
    """Probabilities of every example from the model that did not see its document."""
    fold = np.array(groups) % FOLDS
    probs = np.zeros(len(ys))
    for k, (vec, clf) in enumerate(models_):
        test = [i for i in range(len(ys)) if fold[i] == k]
        probs[test] = clf.predict_proba(vec.transform([xs[i] for i in test]))[:, 1]
    return probs


def as_json(vec: DictVectorizer, clf: Any, threshold: float, vocab: Vocabulary
            ) -> dict[str, Any]:
    """A fitted model in the cue_model.json layout (tiny weights left out)."""
    weights = {name: round(float(w), 3) for name, w in zip(vec.feature_names_, clf.coef_[0],
                                                            strict=True) if abs(w) >= MIN_WEIGHT}
    return {"threshold": round(threshold, 4), "bias": round(float(clf.intercept_[0]), 4),
            "vocabulary": vocab.to_json(), "weights": dict(sorted(weights.items()))}


def train(xs: list[dict[str, float]], ys: list[int], groups: list[int], vocab: Vocabulary,
          threshold: float = THRESHOLD, grid: Sequence[float] = C_GRID
          ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The cue model as JSON data with its cross-validation record, and the fold models of
    the chosen regularisation (for training the scorer on out-of-fold probabilities)."""
    losses, oof, folds = {}, {}, {}
    for c in grid:
        folds[c] = fold_models(xs, ys, groups, c)
        oof[c] = out_of_fold(xs, ys, groups, folds[c])
        losses[c] = log_loss(ys, oof[c])
    best = min(grid, key=lambda c: losses[c])
    vec, clf = fit(xs, ys, best)
    kept = oof[best] >= threshold
    positives = np.array(ys) == 1
    out = {
        "C": best, "cv_log_loss": {str(c): round(v, 5) for c, v in losses.items()},
        "examples": len(ys), "positives": int(positives.sum()),
        "cv_candidates": int(kept.sum()), "cv_recall": round(float(kept[positives].mean()), 4),
        "cv_precision": round(float(positives[kept].mean()), 4),
        **as_json(vec, clf, threshold, vocab),
    }
    return out, [as_json(v, m, threshold, vocab) for v, m in folds[best]]
