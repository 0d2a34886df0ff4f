"""`saidwhat spark INPUT OUTPUT`, also run by `spark-submit saidwhat/cli/spark.py INPUT OUTPUT`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from saidwhat.io.kinds import DEFAULT_MAX_BYTES
from saidwhat.run.spark import run
from saidwhat.settings import load


def run_cli(args: argparse.Namespace) -> int:
    """Handler of `saidwhat spark`."""
    counts = run(args.input, args.output, master=args.master, model=args.model,
                 partitions=args.partitions, max_bytes=args.max_bytes,
                 settings=getattr(args, "settings", None))
    print(f"{counts.summary()} -> {args.output.rstrip('/')}/articles, /failures", file=sys.stderr)
    return 1 if counts.failures and not counts.articles else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `spark-submit saidwhat/cli/spark.py INPUT OUTPUT`."""
    p = argparse.ArgumentParser(prog="saidwhat-spark",
                                description="Run extraction on Apache Spark, writing Parquet.")
    p.add_argument("input", metavar="INPUT")
    p.add_argument("output", metavar="OUTPUT")
    p.add_argument("--master", default=None)
    p.add_argument("--model", default=None)
    p.add_argument("--partitions", type=int, default=None)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    p.add_argument("--settings", dest="settings_file", metavar="FILE")
    args = p.parse_args(argv)
    try:
        args.settings = load(args.settings_file) if args.settings_file else None
        return run_cli(args)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"saidwhat spark: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    # spark-submit runs this file as a script: its folder must not shadow top-level modules
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    from saidwhat.cli.spark import main as _main

    sys.exit(_main())
