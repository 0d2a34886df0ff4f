"""Train the candidate scorer on a PolNeAR-style split (logistic regression over parse features).

Usage: python scripts/train_scorer.py ../shared/data/polnear/train [--data DIR] [--parsed DIR]
Needs scikit-learn (a dev dependency); the shipped JSON is read without it. Run after
train_cues.py and train_cue_model.py: the scorer's candidates come from the cue lexicon and
classifier in DIR (default saidwhat/data), and it learns from that classifier's out-of-fold
probabilities. Writes DIR/scorer.json without calibration (calibrate_scorer.py adds it).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc
from training import artefacts
from training.artefacts import CUE_MODEL, SCORER, SHIPPED
from training.cue_model import split_examples
from training.cue_model import train as train_cues
from training.parsed import parsed_split

from saidwhat.engine.attribute import cue_pieces, drafts_for
from saidwhat.engine.cue_model import CueModel
from saidwhat.engine.engine import Engine
from saidwhat.engine.scorer import features
from saidwhat.evaluation.brat import read_ann
from saidwhat.evaluation.evaluate import dice, trim_span

MIN_DICE = 0.5


@dataclass(frozen=True)
class GoldTarget:
    """What a candidate must hit to count as one annotator's attribution."""

    content: frozenset[int]  # trimmed content positions
    cue: frozenset[int]  # cue positions; empty when the annotator marked no cue


def gold_targets(gold_dir: Path, name: str, text: str) -> list[list[GoldTarget]]:
    """The attributions of a text as scoring targets, one list per annotator."""
    targets = []
    for ann in sorted((gold_dir / "attributions").glob(f"{name}_*.ann")):
        atts = read_ann(ann).attributions
        targets.append([
            GoldTarget(trim_span(text, att.content),
                       frozenset(p for s, e in att.cue for p in range(s, e)))
            for att in atts if att.content
        ])
    return targets


def matches(target: GoldTarget, content: frozenset[int], cue: frozenset[int]) -> bool:
    """A candidate hits a gold attribution when its content matches (Dice ≥ 0.5) and its
    cue overlaps the gold cue: a right content under the wrong cue is still a wrong cue."""
    return dice(content, target.content) >= MIN_DICE and (not target.cue or bool(target.cue & cue))


@dataclass
class Examples:
    """Candidate features and labels, with what each is worth in the evaluator's F1."""

    xs: list[dict[str, float]] = field(default_factory=list)
    ys: list[int] = field(default_factory=list)
    weights: list[int] = field(default_factory=list)  # annotators of the candidate's text
    hits: list[int] = field(default_factory=list)  # annotators with an attribution it matches
    gold: int = 0  # gold contents over every annotator


def fold_engines(gold_dir: Path, docs: list[tuple[str, Doc]], engine: Engine, cue_model: Path
                 ) -> list[Engine]:
    """One engine per cross-validation fold of the cue classifier in `cue_model`, each with the
    model trained without that fold's documents (document k is in fold k % FOLDS): the scorer
    learns from out-of-fold cue probabilities, as it will meet them on new text. Just the engine
    when it has no cue classifier."""
    shipped = engine.lexicon.model
    if shipped is None or not engine.settings.cues.learned:
        return [engine]
    data = json.loads(cue_model.read_text(encoding="utf-8"))
    xs, ys, groups, vocab = split_examples(gold_dir, docs)
    _, folds = train_cues(xs, ys, groups, vocab, shipped.threshold, (float(data["C"]),))
    return [replace(engine, lexicon=replace(engine.lexicon, model=CueModel.from_json(m)))
            for m in folds]


def examples(gold_dir: Path, data: Path, parsed: Path | None, model: str | None) -> Examples:
    """Features of every candidate in the split, labelled by whether gold has that attribution;
    the candidates are those of the cue lexicon and classifier in `data`, default settings."""
    engine = artefacts.engine(data, with_scorer=False, with_resolver=False)
    docs = parsed_split(gold_dir, parsed, model)
    engines = fold_engines(gold_dir, docs, engine, data / CUE_MODEL)
    ex = Examples()
    for k, (name, doc) in enumerate(docs):
        text = doc.text
        per_annotator = gold_targets(gold_dir, name, text)
        ex.gold += sum(len(g) for g in per_annotator)
        drafts = drafts_for(doc, engines[k % len(engines)])
        for d in drafts:
            content = trim_span(text, d.content)
            cue = frozenset(p for s, e in cue_pieces(doc, d.cue) for p in range(s, e)) \
                if d.cue else frozenset()
            n = sum(any(matches(g, content, cue) for g in gold) for gold in per_annotator)
            ex.xs.append(features(doc, d, drafts, engines[k % len(engines)].lexicon))
            ex.ys.append(int(n > 0))
            ex.weights.append(len(per_annotator))
            ex.hits.append(n)
    return ex


# F1 on train is flat near its top; the middle of the near-best stretch is a steadier cut-off
# than the single best point, which jumps when one candidate changes.
PLATEAU = 0.002


def best_threshold(probs: list[float], ex: Examples) -> float:
    """The cut-off in the middle of the near-best F1 stretch over every annotator's gold
    attributions (content and cue)."""
    ranked = sorted(zip(probs, ex.weights, ex.hits, strict=True), reverse=True)
    points: list[tuple[float, float]] = []
    tp, predicted = 0, 0
    for p, w, h in ranked:
        tp += h
        predicted += w
        points.append((p, 2 * tp / (predicted + ex.gold)))
    top = max((f1 for _, f1 in points), default=0.0)
    near = sorted(p for p, f1 in points if f1 >= top - PLATEAU)
    return near[len(near) // 2] if near else 0.5


def main() -> None:
    """Train and write the scorer."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("--data", type=Path, default=SHIPPED,
                    help="folder of the cue files read and the scorer written (default: "
                    "saidwhat/data)")
    ap.add_argument("-o", "--output", type=Path,
                    help=f"write here instead (default: DATA/{SCORER})")
    ap.add_argument("--parsed", type=Path, help="parse cache folder (make train's)")
    ap.add_argument("--model", default=None)
    ap.add_argument("-C", type=float, default=0.5, help="inverse regularisation strength")
    args = ap.parse_args()
    output = args.output or args.data / SCORER
    ex = examples(args.train_dir, args.data, args.parsed, args.model)
    xs, ys = ex.xs, ex.ys
    vec = DictVectorizer()
    X = vec.fit_transform(xs)
    clf = LogisticRegression(C=args.C, max_iter=2000).fit(X, ys)
    probs = clf.predict_proba(X)[:, 1].tolist()
    threshold = best_threshold(probs, ex)
    pairs = zip(vec.feature_names_, clf.coef_[0], strict=True)
    weights = {name: round(float(w), 5) for name, w in pairs
               if abs(w) > 1e-6}
    out = {"trained_on": args.train_dir.name, "candidates": len(ys), "positives": sum(ys),
           "C": args.C, "threshold": round(threshold, 4),
           "bias": round(float(clf.intercept_[0]), 5),
           "weights": dict(sorted(weights.items()))}
    output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"{len(ys)} candidates ({sum(ys)} gold-matching), threshold {threshold:.3f}:", output)


if __name__ == "__main__":
    main()
