"""`saidwhat bench`: measure each variant in its own process and print the report or JSON.

The measuring subprocess is this module too: `python -m saidwhat.cli.bench --child VARIANT LIST`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from saidwhat.evaluation.bench import (
    VARIANTS,
    Measure,
    measure,
    ratios,
    report,
    run_variant,
    text_files,
)
from saidwhat.settings import load


def run_cli(args: argparse.Namespace) -> int:
    """Handler of `saidwhat bench`."""
    files = text_files(args.paths, args.limit)
    workers = max(2, int(args.workers or 2))
    results: dict[str, Measure] = {}
    load_before = os.getloadavg()[0]
    for variant in VARIANTS:
        if not args.json:
            print(f"measuring {variant} on {len(files)} texts...", file=sys.stderr)
        results[variant] = run_variant(variant, files, args.model, workers,
                                       getattr(args, "settings_file", None))
    rs = ratios(results)
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"texts": len(files), "model": args.model, "workers": workers,
                          "cpus": os.cpu_count(), "load_average_before": load_before,
                          "results": {k: {**asdict(m), "words_per_s": m.words_per_s,
                                          "articles_per_s": m.articles_per_s,
                                          "e2e_words_per_s": m.e2e_words_per_s}
                                      for k, m in results.items()},
                          "ratios": rs}, indent=2))
    else:
        print(report(results, rs, workers))
        print(f"{os.cpu_count()} CPUs; load average {load_before:.2f} before, {load:.2f} after "
              "(other work on the machine skews the figures)")
    return 0


def _child(argv: Sequence[str]) -> int:
    """Entry of the measuring subprocess: print one Measure as JSON."""
    p = argparse.ArgumentParser(prog="saidwhat.cli.bench")
    p.add_argument("--child", required=True, choices=VARIANTS)
    p.add_argument("list_file")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--model", default=None)
    p.add_argument("--settings", default=None)
    a = p.parse_args(argv)
    files = [Path(line) for line in Path(a.list_file).read_text().splitlines() if line]
    settings = load(a.settings) if a.settings else None
    print(json.dumps(asdict(measure(a.child, files, a.model, a.workers, settings))))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
