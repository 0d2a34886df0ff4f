"""Calibrate the scorer's confidence on a PolNeAR-style split: of the attributions given 0.9,
about 9 in 10 should be right (content Dice ≥ 0.5 and the same source as an annotator's).

Usage: python scripts/calibrate_scorer.py ../shared/data/polnear/train [--data DIR] [--parsed DIR]
Extracts the split with the uncalibrated scorer and the cue files and resolver of DIR (default
saidwhat/data), fits P(right | confidence) by isotonic regression (pool-adjacent-violators) and
writes the knots into DIR/scorer.json as "calibration". Run after train_scorer.py and
train_resolver.py (the resolver decides which speakers are plausible, so which attributions are
kept); `make train` does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from training import artefacts
from training.artefacts import SCORER, SHIPPED
from training.parsed import parsed_split

from saidwhat.engine.engine import Engine
from saidwhat.evaluation.calibration import isotonic, outcomes, reliability
from saidwhat.evaluation.evaluate import GoldDocument, gold_articles, load_gold
from saidwhat.records import Article
from saidwhat.run.pipeline import attributions_from_doc

MAX_KNOTS = 40


def thin(knots: list[tuple[float, float]], most: int = MAX_KNOTS) -> list[tuple[float, float]]:
    """At most `most` knots, evenly picked, the first and last kept."""
    if len(knots) <= most:
        return knots
    step = (len(knots) - 1) / (most - 1)
    return [knots[round(i * step)] for i in range(most)]


def predictions(docs: list[GoldDocument], split_dir: Path, engine: Engine,
                parsed: Path | None, model: str | None) -> dict[str, Article]:
    """Every gold text's attributions as `saidwhat evaluate` finds them (the whole text is the
    body), from the parses in the cache; a text whose extraction raises is left out, as a
    failed extraction is."""
    by_name = dict(parsed_split(split_dir, parsed, model))
    out: dict[str, Article] = {}
    for article in gold_articles(docs):
        doc = by_name.get(article.id)
        if doc is None or doc.text != article.text:
            print(f"{article.id}: no parse of its gold text, left out", file=sys.stderr)
            continue
        try:
            out[article.id] = replace(article,
                                      attributions=attributions_from_doc(doc, article, 0, engine))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the fit
            print(f"{article.id}: extraction failed, left out: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
    return out


def main() -> None:
    """Fit and write the calibration."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split_dir", type=Path)
    ap.add_argument("--data", type=Path, default=SHIPPED,
                    help="folder of the learned files read, whose scorer.json is calibrated "
                    "(default: saidwhat/data)")
    ap.add_argument("--scorer", type=Path, help=f"calibrate this file instead (default: "
                    f"DATA/{SCORER})")
    ap.add_argument("--parsed", type=Path, help="parse cache folder (make train's)")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    scorer = args.scorer or artefacts.needed(args.data, SCORER)
    data = json.loads(scorer.read_text(encoding="utf-8"))
    data.pop("calibration", None)
    docs, _ = load_gold(args.split_dir)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "scorer.json"
        raw.write_text(json.dumps(data), encoding="utf-8")
        engine = artefacts.engine(args.data, scorer=raw)
        pairs = outcomes(docs, predictions(docs, args.split_dir, engine, args.parsed, args.model))
    knots = thin(isotonic(pairs))
    data["calibration"] = [list(k) for k in knots]
    scorer.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for b in reliability(pairs):
        print(f"raw {b.low:.1f}-{b.high:.1f}: {b.n:6d} predictions, mean {b.mean_confidence:.2f},"
              f" right {b.right:.2f}")
    print(f"{len(pairs)} predictions, {len(knots)} knots written to {scorer}")


if __name__ == "__main__":
    main()
