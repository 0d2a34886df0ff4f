"""Learn the cue lexicon from a PolNeAR-style split: P(verb is a cue | its lemma).

Usage: python scripts/train_cues.py ../shared/data/polnear/train [--data DIR] [--parsed DIR]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from spacy.tokens import Token
from training.artefacts import CUES, SHIPPED
from training.parsed import parsed_split

from saidwhat.evaluation.brat import gold_cue_positions

MIN_CUE_COUNT = 2
PRIOR_CUES = 0.5  # smoothing: a rare lemma counts as 0.5 cues in 4 extra sightings
PRIOR_WEIGHT = 4.0
MIN_PREP_COUNT = 3  # 'lemma prep' pairs seen fewer times fall back to cues.CUE_PREPS


def next_prep(tok: Token) -> Token | None:
    """The preposition right after a verb (and its particle), if it hangs off the verb."""
    i = tok.i + 1
    while i < len(tok.doc) and tok.doc[i].dep_ == "prt" and tok.doc[i].head.i == tok.i:
        i += 1
    if i < len(tok.doc) and tok.doc[i].dep_ == "prep" and tok.doc[i].head.i == tok.i:
        return tok.doc[i]
    return None


Counts = tuple[Counter[str], Counter[str], Counter[str], Counter[str]]


def count(gold_dir: Path, parsed: Path | None, model: str | None) -> Counts:
    """Per lemma: how often a verb with it occurs, and how often it is (part of) a gold cue;
    per 'lemma prep': how often a cue verb has the preposition next, and how often it is cued."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    prep_seen: Counter[str] = Counter()
    prep_cued: Counter[str] = Counter()
    for name, doc in parsed_split(gold_dir, parsed, model):
        cue_pos = gold_cue_positions(gold_dir, name)
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
                continue
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if tok.idx in cue_pos:
                cued[lemma] += 1
                prep = next_prep(tok)
                if prep is not None:
                    prep_seen[f"{lemma} {prep.lower_}"] += 1
                    prep_cued[f"{lemma} {prep.lower_}"] += prep.idx in cue_pos
    return seen, cued, prep_seen, prep_cued


def main() -> None:
    """Train and write the lexicon."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("--data", type=Path, default=SHIPPED,
                    help="folder the lexicon is written to (default: saidwhat/data)")
    ap.add_argument("-o", "--output", type=Path, help=f"write here instead (default: DATA/{CUES})")
    ap.add_argument("--parsed", type=Path, help="parse cache folder (make train's)")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    output = args.output or args.data / CUES
    seen, cued, prep_seen, prep_cued = count(args.train_dir, args.parsed, args.model)
    lemmas = {
        lemma: {
            "p": round((cued[lemma] + PRIOR_CUES) / (seen[lemma] + PRIOR_WEIGHT), 4),
            "cue": cued[lemma],
            "seen": seen[lemma],
        }
        for lemma in sorted(cued)
        if cued[lemma] >= MIN_CUE_COUNT
    }
    preps = {
        key: {"p": round(prep_cued[key] / n, 4), "cue": prep_cued[key], "seen": n}
        for key, n in sorted(prep_seen.items())
        if n >= MIN_PREP_COUNT
    }
    out = {"trained_on": str(args.train_dir.name), "min_cue_count": MIN_CUE_COUNT, "lemmas": lemmas,
           "preps": preps}
    output.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} cue lemmas written to {output}")


if __name__ == "__main__":
    main()
