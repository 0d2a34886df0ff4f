"""Output formats: one registry of formats, one module per sink in this package.

A sink writes processed articles one at a time (`write`, then `close`). Each format is a row of
`FORMAT_TABLE`: its name, its sink class ("module:Class", imported only when used), what it
writes to, and the output file suffixes that imply it. Adding an output format is one module
here plus one row. `saidwhat.io.saved` reads jsonl and parquet output back.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from saidwhat.records import Article


class Sink(Protocol):
    """A writer of processed articles, one at a time."""

    def write(self, article: Article) -> None:
        """Write one article."""

    def close(self) -> None:
        """Finish the output (flush, write footers, close files)."""


@dataclass(frozen=True)
class Format:
    """An output format: its sink and where it writes ("stream", "file" or "directory").

    A "stream" sink takes a text stream (stdout or an opened file); a "file" sink (binary)
    and a "directory" sink take the path named with -o, never stdout.
    """

    name: str
    sink: str
    target: str
    suffixes: tuple[str, ...] = ()

    def sink_class(self) -> type:
        """The sink class, imported now."""
        module, name = self.sink.split(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


FORMAT_TABLE: tuple[Format, ...] = (
    Format("table", "saidwhat.io.sinks.table:TableSink", "stream", (".txt",)),
    Format("jsonl", "saidwhat.io.sinks.jsonl:JsonlSink", "stream", (".jsonl", ".ndjson", ".json")),
    Format("csv", "saidwhat.io.sinks.csv:CsvSink", "stream", (".csv",)),
    Format("brat", "saidwhat.io.sinks.brat:BratSink", "directory"),
    Format("parquet", "saidwhat.io.sinks.parquet:ParquetSink", "file", (".parquet",)),
)
FORMATS = tuple(f.name for f in FORMAT_TABLE)
DIRECTORY_FORMATS = tuple(f.name for f in FORMAT_TABLE if f.target == "directory")
BINARY_FORMATS = tuple(f.name for f in FORMAT_TABLE if f.target == "file")  # never to stdout


def named(fmt: str) -> Format:
    """The format called `fmt`; ValueError naming the choices for any other."""
    for f in FORMAT_TABLE:
        if f.name == fmt:
            return f
    raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")


class _Closing:
    """A sink that also closes the file it writes to."""

    def __init__(self, sink: Sink, fh: IO[str]) -> None:
        self.sink, self.fh = sink, fh

    def write(self, article: Article) -> None:
        """Write through to the sink."""
        self.sink.write(article)

    def close(self) -> None:
        """Close the sink, then the file."""
        try:
            self.sink.close()
        finally:
            self.fh.close()


def open_sink(fmt: str, output: str = "-") -> Sink:
    """A sink for format `fmt` writing to `output` (a file, a directory for brat, - for stdout)."""
    found = named(fmt)
    to_stdout = output in ("-", "")
    if found.target != "stream":
        if to_stdout:
            need = "a directory" if found.target == "directory" else "a file"
            raise ValueError(f"{fmt} output needs {need}: give it with -o")
        return found.sink_class()(output)  # type: ignore[no-any-return]
    fh = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="")
    sink: Sink = found.sink_class()(fh)
    return sink if to_stdout else _Closing(sink, fh)


def format_for(output: str) -> str | None:
    """The format an output file name implies (.jsonl, .csv, .parquet, .txt), else None."""
    suffix = Path(output).suffix.lower()
    return next((f.name for f in FORMAT_TABLE if suffix in f.suffixes), None)
