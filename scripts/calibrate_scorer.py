"""Calibrate the scorer's confidence on a PolNeAR-style split: of the attributions given 0.9,
about 9 in 10 should be right (content Dice ≥ 0.5 and the same source as an annotator's).

Usage: python scripts/calibrate_scorer.py ../shared/data/polnear/train [--scorer FILE]
Extracts the split with the uncalibrated scorer, fits P(right | confidence) by isotonic
regression (pool-adjacent-violators) and writes the knots into the scorer file as
"calibration". Run after train_scorer.py (`make train` does).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from saidwhat.evaluation.calibration import isotonic, outcomes, reliability
from saidwhat.evaluation.evaluate import extract_predictions, load_gold
from saidwhat.settings import Settings

MAX_KNOTS = 40


def thin(knots: list[tuple[float, float]], most: int = MAX_KNOTS) -> list[tuple[float, float]]:
    """At most `most` knots, evenly picked, the first and last kept."""
    if len(knots) <= most:
        return knots
    step = (len(knots) - 1) / (most - 1)
    return [knots[round(i * step)] for i in range(most)]


def main() -> None:
    """Fit and write the calibration."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split_dir", type=Path)
    ap.add_argument("--scorer", type=Path,
                    default=Path(__file__).resolve().parents[1] / "saidwhat" / "data"
                    / "scorer.json")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    data = json.loads(args.scorer.read_text(encoding="utf-8"))
    data.pop("calibration", None)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "scorer.json"
        raw.write_text(json.dumps(data), encoding="utf-8")
        settings = Settings().updated({"scorer": {"weights_file": str(raw)}})
        docs, _ = load_gold(args.split_dir)
        predictions, _ = extract_predictions(docs, None, args.workers, False, settings=settings)
    pairs = outcomes(docs, predictions)
    knots = thin(isotonic(pairs))
    data["calibration"] = [list(k) for k in knots]
    args.scorer.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for b in reliability(pairs):
        print(f"raw {b.low:.1f}-{b.high:.1f}: {b.n:6d} predictions, mean {b.mean_confidence:.2f},"
              f" right {b.right:.2f}")
    print(f"{len(pairs)} predictions, {len(knots)} knots written to {args.scorer}")


if __name__ == "__main__":
    main()
