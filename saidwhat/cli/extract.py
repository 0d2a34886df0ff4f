"""`saidwhat extract`: read, find attributions, write; bad inputs reported, the batch goes on."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from saidwhat.cli import limits_of
from saidwhat.cli.environment import check_model
from saidwhat.io.kinds import Kind
from saidwhat.records import Article, Failure

PROG = "saidwhat"
FEW_FILES = 4  # up to this many named text/HTML files run in-process: a pool would only add startup


@dataclass
class Counts:
    """What happened to the inputs: in = written + failed."""

    read: int = 0
    written: int = 0
    failed: int = 0
    attributions: int = 0

    def summary(self) -> str:
        """The closing line on stderr."""
        return (f"{self.read} article{'s' if self.read != 1 else ''} in, {self.written} written, "
                f"{self.failed} failed, {self.attributions} attributions")


def say(message: str, err: IO[str] | None = None) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"{PROG}: {message}", file=err or sys.stderr, flush=True)


def usage_error(message: str) -> int:
    """Report a usage error; exit status 2."""
    print(f"{PROG} extract: error: {message}", file=sys.stderr)
    return 2


def choose_format(fmt: str | None, output: str, stdout_is_tty: bool) -> str:
    """-f if given; else what -o's extension implies; else table on a terminal, jsonl otherwise."""
    from saidwhat.io import sinks

    if fmt:
        return fmt
    if output not in ("-", ""):
        return sinks.format_for(output) or ("brat" if Path(output).is_dir() else "jsonl")
    return "table" if stdout_is_tty else "jsonl"


def default_workers(paths: list[str], workers: int | None) -> int | None:
    """Workers as asked; else 1 for a few named article files; else the runner's default."""
    from saidwhat.io import discover, kinds

    if workers is not None:
        return workers
    few = len(paths) <= FEW_FILES and all(
        p != discover.STDIN and _one_article(kinds.kind_of(p)) and not Path(p).is_dir()
        for p in paths)
    return 1 if few else None


def _one_article(kind: Kind | None) -> bool:
    """Whether files of a kind hold one article each (text, HTML)."""
    return kind is not None and kind.one_article


def extract(args: argparse.Namespace) -> int:
    """Handler of `saidwhat extract`: 0 when all inputs worked, 1 when some failed, 2 on usage."""
    from saidwhat.io import discover, kinds, sinks
    from saidwhat.run import runners

    if args.max_bytes is not None and args.max_bytes <= 0:
        return usage_error("--max-bytes must be a positive number of bytes")
    if args.workers is not None and args.workers < 0:
        return usage_error("--workers must be 0 or more")
    try:
        limits = limits_of(args)
    except ValueError as exc:
        return usage_error(str(exc))
    fmt = choose_format(args.format, args.output, sys.stdout.isatty())
    if args.output in ("-", "") and fmt in sinks.DIRECTORY_FORMATS + sinks.BINARY_FORMATS:
        where = "a directory" if fmt in sinks.DIRECTORY_FORMATS else "a file"
        return usage_error(f"{fmt} output cannot go to stdout: name {where} with -o")
    problem = check_model(args.model)
    if problem:
        return usage_error(problem)
    stats = kinds.IngestStats(limits=limits)
    items = discover.read_inputs(args.paths, args.max_bytes, stats)
    counts = Counts()
    sink = sinks.open_sink(fmt, args.output)
    try:
        workers = default_workers(args.paths, args.workers)
        progress = "always" if getattr(args, "progress", False) else not args.quiet
        for item in runners.process(items, args.model, workers, progress=progress,
                                    settings=getattr(args, "settings", None)):
            counts.read += 1
            if isinstance(item, Failure):
                counts.failed += 1
                say(f"{item.origin}: {item.error}")
                continue
            report_notes(item)
            sink.write(item)
            counts.written += 1
            counts.attributions += len(item.attributions)
    except RuntimeError as exc:  # the model failed to load in this process or in the workers
        return usage_error(" ".join(str(exc).split()))
    finally:
        sink.close()  # what was written stays readable (a Parquet footer, flushed lines)
    if stats.warc is not None:
        say(stats.warc.summary())
    if stats.summary():
        say(stats.summary())
    say(counts.summary())
    if counts.read == 0:
        say("no articles found in the input")
        return 1
    return 1 if counts.failed else 0


def report_notes(article: Article) -> None:
    """Notes an article carries (e.g. its encoding was guessed), one stderr line each."""
    for note in article.errors:
        say(f"{article.origin or article.id}: note: {note}")
