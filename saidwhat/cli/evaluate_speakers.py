"""`saidwhat evaluate-speakers`: speaker resolution scored on GUM and the PolNeAR speaker gold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from saidwhat.evaluation.speakers import SpeakerScores
from saidwhat.settings import Settings

GOLD_DIR = Path(__file__).resolve().parents[2] / "gold" / "speakers"
REPO_GOLD = GOLD_DIR / "polnear-dev"


def _gum_sources(settings: Settings | None) -> Any:
    """The source mentions saidwhat finds in a GUM document (for its spoke-just-before cue)."""
    from saidwhat.engine.attribute import scored_drafts
    from saidwhat.run.nlp import load_engine

    def sources(doc: Any) -> list[Any]:
        return [d.source for d in scored_drafts(doc, load_engine(settings))]

    return sources


def _table(name: str, scores: SpeakerScores) -> list[str]:
    """Readable lines for one corpus."""
    lines = [f"{name}: kind         total  resolved  right  coverage  accuracy  anon  anon->named"]
    for kind, k in scores.kinds.items():
        lines.append(f"{'':{len(name)}}  {kind:<12} {k.total:>5}  {k.resolved:>8}  {k.right:>5}"
                     f"  {100 * k.coverage:>7.1f}%  {100 * k.accuracy:>7.1f}%"
                     f"  {k.anonymous:>4}  {k.anonymous_named:>11}")
    return lines


def run_cli(args: argparse.Namespace) -> int:
    """Score and report."""
    from saidwhat.evaluation.gum import read_split
    from saidwhat.evaluation.speakers import read_speaker_gold, score_gum, score_polnear
    from saidwhat.run.nlp import load

    shared = Path(args.shared)
    settings = getattr(args, "settings", None)
    nlp = load(args.model)
    results: dict[str, SpeakerScores] = {}
    if args.only in (None, "gum"):
        docs = read_split(shared / "data" / "gum", args.gum_split)
        results[f"gum-{args.gum_split}"] = score_gum(nlp, docs, _gum_sources(settings), settings)
    if args.only in (None, "polnear"):
        split = getattr(args, "polnear_split", None) or "dev"
        golds = read_speaker_gold(args.gold or GOLD_DIR / f"polnear-{split}")
        text_dir = shared / "data" / "polnear" / split / "text"
        results[f"polnear-{split}"] = score_polnear(nlp, golds, text_dir, settings)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            for name, scores in results.items():
                for m in scores.mistakes:
                    f.write(json.dumps({"corpus": name, **m}, ensure_ascii=False) + "\n")
    if args.json:
        json.dump({n: s.to_dict() for n, s in results.items()}, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        for name, scores in results.items():
            print("\n".join(_table(name, scores)))
    return 0
