"""Train the candidate scorer on a PolNeAR-style split (logistic regression over parse features).

Usage: python scripts/train_scorer.py ../shared/data/polnear/train [-o saidwhat/data/scorer.json]
Needs scikit-learn (a dev dependency); the shipped JSON is read without it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from saidwhat import nlp as models
from saidwhat.attribute import drafts_for
from saidwhat.brat import read_ann
from saidwhat.evaluate import dice, trim_span
from saidwhat.scorer import features

MIN_DICE = 0.5


def gold_contents(gold_dir: Path, name: str, text: str) -> list[frozenset[int]]:
    """Trimmed position sets of every annotator's contents for a text."""
    spans = []
    for ann in sorted((gold_dir / "attributions").glob(f"{name}_*.ann")):
        for att in read_ann(ann).attributions:
            if att.content:
                spans.append(trim_span(text, att.content))
    return spans


def examples(gold_dir: Path, model: str | None) -> tuple[list[dict[str, float]], list[int]]:
    """Features of every candidate in the split, labelled by whether gold has that content."""
    nlp = models.load(model)
    names = sorted(p.stem for p in (gold_dir / "text").glob("*.txt"))
    texts = [(gold_dir / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=16), strict=True):
        gold = gold_contents(gold_dir, name, text)
        drafts = drafts_for(doc)
        for d in drafts:
            pred = trim_span(text, d.content)
            xs.append(features(doc, d, drafts))
            ys.append(int(any(dice(pred, g) >= MIN_DICE for g in gold)))
    return xs, ys


def best_threshold(probs: list[float], ys: list[int]) -> float:
    """The cut-off maximising F1 of kept candidates against all gold-matching candidates."""
    positives = sum(ys)
    pairs = sorted(zip(probs, ys), reverse=True)
    best, best_f1, tp = 0.5, 0.0, 0
    for k, (p, y) in enumerate(pairs, start=1):
        tp += y
        f1 = 2 * tp / (k + positives)
        if f1 > best_f1:
            best, best_f1 = p, f1
    return best


def main() -> None:
    """Train and write the scorer."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("-o", "--output", type=Path,
                    default=Path(__file__).resolve().parents[1] / "saidwhat" / "data" / "scorer.json")
    ap.add_argument("--model", default=None)
    ap.add_argument("-C", type=float, default=0.5, help="inverse regularisation strength")
    args = ap.parse_args()
    xs, ys = examples(args.train_dir, args.model)
    vec = DictVectorizer()
    X = vec.fit_transform(xs)
    clf = LogisticRegression(C=args.C, max_iter=2000).fit(X, ys)
    probs = clf.predict_proba(X)[:, 1].tolist()
    threshold = best_threshold(probs, ys)
    weights = {name: round(float(w), 5) for name, w in zip(vec.feature_names_, clf.coef_[0], strict=True)
               if abs(w) > 1e-6}
    out = {"trained_on": args.train_dir.name, "candidates": len(ys), "positives": sum(ys),
           "C": args.C, "threshold": round(threshold, 4), "bias": round(float(clf.intercept_[0]), 5),
           "weights": dict(sorted(weights.items()))}
    args.output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"{len(ys)} candidates ({sum(ys)} gold-matching), threshold {threshold:.3f}: {args.output}")


if __name__ == "__main__":
    main()
