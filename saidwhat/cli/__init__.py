"""The `saidwhat` command: argument parsing here, each command's work in its own (lazy) module."""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence

from saidwhat.io import limits
from saidwhat.io.kinds import DEFAULT_MAX_BYTES, SUFFIXES
from saidwhat.io.sinks import FORMATS
from saidwhat.settings import Settings

DEFAULT_DB = "saidwhat.db"
DEBUG_ENV = "SAIDWHAT_DEBUG"  # set: unexpected errors raise with their traceback
QUERY_FORMATS = ("table", "jsonl", "csv")

# command name -> "module:function" taking the parsed arguments and returning an exit status
HANDLERS = {
    "extract": "saidwhat.cli.extract:extract",
    "evaluate": "saidwhat.cli.evaluate:run_cli",
    "evaluate-pages": "saidwhat.cli.evaluate_pages:run_cli",
    "index": "saidwhat.cli.index:run_index_cli",
    "speakers": "saidwhat.cli.query:run_speakers_cli",
    "quotes": "saidwhat.cli.query:run_quotes_cli",
    "search": "saidwhat.cli.query:run_search_cli",
    "serve": "saidwhat.cli.serve:run_cli",
    "spark": "saidwhat.cli.spark:run_cli",
    "bench": "saidwhat.cli.bench:run_cli",
    "evaluate-speakers": "saidwhat.cli.evaluate_speakers:run_cli",
    "evaluate-positions": "saidwhat.cli.evaluate_positions:run_cli",
    "positions": "saidwhat.cli.positions:run_cli",
}


def _settings_option(p: argparse.ArgumentParser) -> None:
    """--settings FILE: engine and runner settings (TOML or JSON) for commands that extract."""
    p.add_argument("--settings", dest="settings_file", metavar="FILE",
                   help="TOML or JSON file overriding engine settings (see saidwhat/settings.py)")


def _min_confidence_option(p: argparse.ArgumentParser) -> None:
    """--min-confidence X: leave out attributions whose confidence is below X (0 to 1)."""
    p.add_argument("--min-confidence", type=_unit_interval, default=None, metavar="X",
                   help="only attributions with at least this confidence (0 to 1; "
                        "README 'Confidence' shows precision and recall at several values)")


def _unit_interval(value: str) -> float:
    """A number from 0 to 1, else an argparse error."""
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1")
    return x


def _input_options(p: argparse.ArgumentParser) -> None:
    """Options shared by every command that reads articles."""
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=f"files or directories ({' '.join(SUFFIXES)}), - for stdin",
    )
    p.add_argument("--model", help="spaCy pipeline to use (default: an installed en_core_web_*)")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"refuse inputs larger than this many bytes (default {DEFAULT_MAX_BYTES})",
    )
    p.add_argument(
        "--max-chars", type=int, default=limits.DEFAULT_MAX_CHARS, metavar="N",
        help="refuse an article whose text is longer than this; memory grows with it "
             f"(default {limits.DEFAULT_MAX_CHARS})")
    p.add_argument(
        "--max-tags", type=int, default=limits.DEFAULT_MAX_TAGS, metavar="N",
        help=f"refuse an HTML page with more tags than this (default {limits.DEFAULT_MAX_TAGS})")
    p.add_argument(
        "--max-depth", type=int, default=limits.DEFAULT_MAX_DEPTH, metavar="N",
        help="refuse an HTML page nesting tags deeper than this "
             f"(default {limits.DEFAULT_MAX_DEPTH})")
    p.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: the CPU count)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    _min_confidence_option(p)
    p.add_argument("--progress", action="store_true",
                   help="report progress on stderr even when it is not a terminal (a line "
                        "every few seconds when piped or logged)")
    _settings_option(p)


def _filter_options(p: argparse.ArgumentParser, sort_default: str) -> None:
    """The quote filters the web pages take (?speaker=&outlet=&since=...), as options."""
    p.add_argument("--speaker", action="append", metavar="NAME",
                   help="by this speaker (a name or alias; repeat for several)")
    p.add_argument("--outlet", action="append", metavar="OUTLET",
                   help="in this outlet (repeat for several)")
    p.add_argument("--since", metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--kind", choices=("direct", "indirect", "mixed"))
    p.add_argument("--type", choices=("speech", "thought"))
    sorts = ["date", "oldest", "speaker", "confidence", "outlets"]
    p.add_argument("--sort", default=sort_default,
                   choices=(["relevance"] if sort_default == "relevance" else []) + sorts,
                   help=f"order (default {sort_default})")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = argparse.ArgumentParser(
        prog="saidwhat", description="Who said what: attributions in news, tied to their speakers."
    )
    parser.add_argument("--version", action="version", version=f"saidwhat {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="find every attribution in articles")
    _input_options(p)
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: table on a terminal, else jsonl)",
    )
    p.add_argument(
        "-o", "--output", default="-", help="output file (a directory for brat), - for stdout"
    )

    p = sub.add_parser("evaluate", help="score against a corpus in PolNeAR's layout")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument(
        "--pred", metavar="FILE.jsonl", help="score saved extract output instead of extracting"
    )
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--reliability", action="store_true",
                   help="also show how often attributions were right per confidence bin")
    p.add_argument("--errors", metavar="FILE", help="write every false positive and negative here")
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument("--workers", type=int, default=None, help="worker processes")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    p.add_argument("--progress", action="store_true",
                   help="report progress on stderr even when it is not a terminal (a line "
                        "every few seconds when piped or logged)")
    _min_confidence_option(p)
    _settings_option(p)

    p = sub.add_parser("evaluate-pages", help="score on real HTML pages against page gold")
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of NAME.json page gold")
    p.add_argument("--pages", required=True, metavar="DIR", help="folder holding the HTML pages")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", metavar="FILE", help="write every false positive and negative here")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="score only attributions with at least this confidence")
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument("--workers", type=int, default=None, help="worker processes")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    p.add_argument("--progress", action="store_true",
                   help="report progress on stderr even when it is not a terminal (a line "
                        "every few seconds when piped or logged)")
    _settings_option(p)

    p = sub.add_parser("evaluate-speakers", help="score speaker resolution (GUM, PolNeAR gold)")
    p.add_argument("--shared", default="../shared",
                   help="folder holding data/gum and data/polnear (default ../shared)")
    p.add_argument("--gum-split", default="test", help="GUM split to score (default test)")
    p.add_argument("--gold", default=None,
                   help="PolNeAR speaker gold folder (default gold/speakers/polnear-SPLIT)")
    p.add_argument("--polnear-split", choices=("dev", "train"), default="dev",
                   help="PolNeAR split the speaker gold is on (default dev; train is the "
                        "hand-read description gold rules are tuned on)")
    p.add_argument("--only", choices=("gum", "polnear"), help="score one corpus only")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", metavar="FILE", help="write every wrong resolution here (JSONL)")
    p.add_argument("--model", help="spaCy pipeline to use")
    _settings_option(p)

    p = sub.add_parser("evaluate-positions",
                       help="score positions (stances, agree/disagree) against hand-made gold")
    p.add_argument("gold", help="gold JSONL (e.g. ../shared/data/positions/dev.jsonl)")
    p.add_argument("pred", help="saidwhat records (JSONL or Parquet from `saidwhat extract`)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", metavar="FILE", help="write misses and false positions here (JSONL)")

    p = sub.add_parser("index", help="extract and store articles in a searchable SQLite index")
    _input_options(p)
    p.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    p.add_argument("--rebuild", action="store_true",
                   help="set the existing index (e.g. a damaged one) aside as DB.<time>.bak and "
                        "build a new one from the inputs")

    for name, help_ in (
        ("speakers", "list speakers in the index"),
        ("quotes", "list a speaker's attributions"),
        ("search", "full-text search over attributions"),
    ):
        p = sub.add_parser(name, help=help_)
        if name == "search":
            p.add_argument("query", metavar="TEXT",
                           help='words; tax* for a prefix, -word to leave out, "a phrase"')
        if name in ("quotes", "search"):
            _filter_options(p, sort_default="relevance" if name == "search" else "date")
        p.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
        p.add_argument(
            "-f",
            "--format",
            choices=QUERY_FORMATS,
            default=None,
            help="output format (default: table on a terminal, else jsonl)",
        )
        p.add_argument("--limit", type=int, default=50, help="at most this many rows")
        if name != "speakers":
            _min_confidence_option(p)

    p = sub.add_parser("positions", help="who backs or opposes what, who agrees or disagrees")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="articles to process, or saved extract/Spark records (.jsonl .parquet)")
    p.add_argument("--db", default=None, help="read the positions stored in this index instead")
    p.add_argument("--speaker", metavar="NAME", help="only positions this speaker takes part in")
    p.add_argument("-f", "--format", choices=QUERY_FORMATS, default=None,
                   help="output format (default: table on a terminal, else jsonl)")
    p.add_argument("--limit", type=int, default=None, help="at most this many rows")
    p.add_argument("--model", help="spaCy pipeline to use for articles")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"refuse inputs larger than this many bytes (default {DEFAULT_MAX_BYTES})")
    p.add_argument("--workers", type=int, default=None, help="worker processes")

    p = sub.add_parser("serve", help="browse the index in a web page")
    p.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--base-url", default=None, metavar="URL",
                   help="the public address links are built from (default http://HOST:PORT); "
                        "the request's Host header is never used")

    p = sub.add_parser("spark", help="run extraction on Apache Spark, writing Parquet")
    p.add_argument("input", metavar="INPUT")
    p.add_argument("output", metavar="OUTPUT")
    p.add_argument(
        "--master", default=None, help="Spark master (default: local[*] unless set by spark-submit)"
    )
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument("--partitions", type=int, default=None)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    _settings_option(p)

    p = sub.add_parser("bench", help="measure throughput and memory against bare spaCy and textacy")
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="folder of texts (default: PolNeAR dev)"
    )
    p.add_argument("--limit", type=int, default=None, help="at most this many articles")
    p.add_argument("--workers", type=int, default=2, help="also measure with this many workers")
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument("--json", action="store_true")
    _settings_option(p)
    return parser


def limits_of(args: argparse.Namespace) -> limits.Limits:
    """The per-article limits given on the command line; ValueError naming a bad one."""
    given = {"max_chars": getattr(args, "max_chars", limits.DEFAULT_MAX_CHARS),
             "max_tags": getattr(args, "max_tags", limits.DEFAULT_MAX_TAGS),
             "max_depth": getattr(args, "max_depth", limits.DEFAULT_MAX_DEPTH)}
    for name, value in given.items():
        if value <= 0:
            raise ValueError(f"--{name.replace('_', '-')} must be a positive number")
    return limits.Limits(**given)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("saidwhat")
    except PackageNotFoundError:
        return "dev"


def _settings(path: str | None) -> Settings | None:
    """The settings a --settings file gives (None without one); SettingsError names the key."""
    from saidwhat.settings import load

    return load(path) if path else None


def _with_min_confidence(settings: Settings | None, x: float | None) -> Settings | None:
    """The settings with --min-confidence applied to the engine's output, when it was given."""
    if x is None:
        return settings
    return (settings or Settings()).updated({"scorer": {"min_confidence": x}}, "--min-confidence")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse, dispatch, turn expected failures into one-line errors."""
    from saidwhat.cli import environment

    args = build_parser().parse_args(argv)
    module_name, func_name = HANDLERS[args.command].split(":")
    try:
        handler = getattr(importlib.import_module(module_name), func_name)
        args.settings = _with_min_confidence(
            _settings(getattr(args, "settings_file", None)), getattr(args, "min_confidence", None))
        problem = environment.model_problem(args)
        if problem:
            print(f"saidwhat {args.command}: error: {problem}", file=sys.stderr)
            return 2
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print("saidwhat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except ImportError as exc:
        print(f"saidwhat {args.command}: error: {environment.import_problem(exc)}",
              file=sys.stderr)
        return 2
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"saidwhat {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # an index that broke while being read
        db = getattr(args, "db", "the index")
        print(f"saidwhat {args.command}: error: {db}: the index cannot be read ({_one_line(exc)});"
              f" if it is damaged, rebuild it with `saidwhat index --rebuild --db {db} PATH...`",
              file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - never a traceback: one line, and a way to get one
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"saidwhat {args.command}: internal error: {type(exc).__name__}: {_one_line(exc)}"
              f" (set {DEBUG_ENV}=1 for the traceback)", file=sys.stderr)
        return 3


def _one_line(exc: BaseException) -> str:
    """An error message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__
