"""Retrain every shipped learned file in order, PolNeAR train parsed once: what `make train` runs.

Usage: python scripts/train_all.py ../shared/data [--data DIR] [--parsed DIR] [--steps a,b]

  step         script                        writes (in DIR, default saidwhat/data)
  cues         scripts/train_cues.py         cues.json
  cue_model    scripts/train_cue_model.py    cue_model.json
  scorer       scripts/train_scorer.py       scorer.json, uncalibrated (candidates from the two)
  resolver     scripts/train_resolver.py     resolver.json (sources kept by the new scorer)
  calibration  scripts/calibrate_scorer.py   scorer.json's calibration (which attributions are
                                             kept depends on the resolver)
  positions    scripts/train_positions.py    stance_model.json (its candidates are the final
                                             attributions, so it comes last; trained on the
                                             train positions gold, gold/positions/)

Each step reads only what the steps before it wrote into DIR, so the output is the same byte
for byte whatever DIR held before. Texts are parsed once into the cache folder (--parsed,
default build/parsed; PolNeAR train by the first step, GUM train and dev by the resolver step)
and read back by every later step and run; a changed text, model or spaCy version parses
afresh. Each step runs as its own process with this Python and this tree's saidwhat.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
STEPS = ("cues", "cue_model", "scorer", "resolver", "calibration", "positions")
POSITIONS_GOLD = ROOT / "gold" / "positions" / "polnear-train.jsonl"


def commands(shared: Path, data: Path, parsed: Path) -> dict[str, list[str]]:
    """The command line of every step, by name."""
    train = str(shared / "polnear" / "train")
    common = ["--data", str(data), "--parsed", str(parsed)]
    return {
        "cues": [str(SCRIPTS / "train_cues.py"), train, *common],
        "cue_model": [str(SCRIPTS / "train_cue_model.py"), train, *common],
        "scorer": [str(SCRIPTS / "train_scorer.py"), train, *common],
        "resolver": [str(SCRIPTS / "train_resolver.py"), str(shared / "gum"),
                     "--news", str(shared / "polnear" / "train" / "text"), *common],
        "calibration": [str(SCRIPTS / "calibrate_scorer.py"), train, *common],
        "positions": [str(SCRIPTS / "train_positions.py"), train, "--gold", str(POSITIONS_GOLD),
                      *common],
    }


def chosen_steps(spec: str) -> list[str]:
    """The steps named in a comma-separated list, in training order."""
    names = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in STEPS]
    if unknown:
        raise SystemExit(f"unknown step(s) {', '.join(unknown)}; steps: {', '.join(STEPS)}")
    return [s for s in STEPS if s in names]


def cpu_seconds() -> float:
    """CPU time (user and system) of this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the chosen steps in order; stop at the first that fails."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared_data", type=Path, help="the shared data folder (../shared/data)")
    ap.add_argument("--data", type=Path, default=ROOT / "saidwhat" / "data",
                    help="folder the learned files are read from and written to")
    ap.add_argument("--parsed", type=Path, default=ROOT / "build" / "parsed",
                    help="parse cache folder")
    ap.add_argument("--steps", default=",".join(STEPS),
                    help=f"comma-separated steps to run, in training order ({','.join(STEPS)})")
    args = ap.parse_args(argv)
    for needed in (args.shared_data / "polnear" / "train", args.shared_data / "gum"):
        if not needed.is_dir():
            raise SystemExit(f"{needed}: not a directory (train_all.py needs ../shared/data)")
    args.data.mkdir(parents=True, exist_ok=True)
    # A fixed hash seed: string hashing orders sets, hence the order candidates and features
    # reach the solvers in, and the scorer's lbfgs fit moved in its fifth decimal between runs.
    env = os.environ | {"PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p), "PYTHONHASHSEED": "0"}
    every = commands(args.shared_data.resolve(), args.data.resolve(), args.parsed.resolve())
    started = time.monotonic()
    for step in chosen_steps(args.steps):
        print(f"== {step}: {' '.join(every[step][:2])}", file=sys.stderr, flush=True)
        t0, cpu0 = time.monotonic(), cpu_seconds()
        done = subprocess.run([sys.executable, *every[step]], env=env, check=False)
        took = time.monotonic() - t0
        if done.returncode != 0:
            print(f"== {step} failed (exit {done.returncode}) after {took:.0f} s; fix it and "
                  f"re-run from there: python scripts/train_all.py {args.shared_data} --data "
                  f"{args.data} --parsed {args.parsed} --steps "
                  f"{','.join(STEPS[STEPS.index(step):])}", file=sys.stderr)
            return done.returncode
        print(f"== {step}: {took:.0f} s ({cpu_seconds() - cpu0:.0f} s CPU)", file=sys.stderr,
              flush=True)
    print(f"== all done in {time.monotonic() - started:.0f} s ({cpu_seconds():.0f} s CPU): "
          f"{args.data}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
