"""Train the cue classifier on a PolNeAR-style split: P(token heads a cue | its parse features).

Usage: python scripts/train_cue_model.py ../shared/data/polnear/train [--data DIR] [--parsed DIR]
Every verb, noun and colon outside quoted text is an example, positive when an annotator's Cue
span covers it. The regularisation is chosen by 5-fold cross-validation over the split's
documents (log loss); the candidate threshold, THRESHOLD, was chosen on train by the joint F1 of
the whole pipeline (0.1 and 0.2 compared; the cross-validated recall and precision of gold cue
tokens at it are written beside it). The training itself is scripts/training/cue_model.py.
Needs scikit-learn (a dev dependency); the shipped JSON is read without it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.artefacts import CUE_MODEL, SHIPPED
from training.cue_model import THRESHOLD, split_examples, train
from training.parsed import parsed_split


def main() -> None:
    """Train and write the cue model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("--data", type=Path, default=SHIPPED,
                    help="folder the model is written to (default: saidwhat/data)")
    ap.add_argument("-o", "--output", type=Path, help="write here instead (default: DATA/"
                    + CUE_MODEL + ")")
    ap.add_argument("--parsed", type=Path, help="parse cache folder (make train's)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()
    docs = parsed_split(args.train_dir, args.parsed, args.model)
    xs, ys, groups, vocab = split_examples(args.train_dir, docs)
    model, _ = train(xs, ys, groups, vocab, args.threshold)
    out = {"trained_on": args.train_dir.name, **model}
    output = args.output or args.data / CUE_MODEL
    output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"{out['examples']} tokens ({out['positives']} in cues), C {out['C']}, threshold "
          f"{out['threshold']} (cross-validated recall {out['cv_recall']}, precision "
          f"{out['cv_precision']}): {output}")


if __name__ == "__main__":
    main()
