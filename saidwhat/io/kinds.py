"""The one table of input kinds: a file's suffix decides its reader.

Discovery (`saidwhat.io.discover`), `extract`, `index`, `bench` and `spark` all read this
table, so a new input kind is one reader module in `saidwhat/io/readers/` plus one row here.
A reader is `read(path, max_bytes, stats) -> Iterator[Article | Failure]`: it never raises
for bad input, every problem is a one-line Failure naming the file.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saidwhat.io.limits import Limits
from saidwhat.records import Article, Failure

Item = Article | Failure
DEFAULT_MAX_BYTES = 10_000_000  # inputs (files, JSONL lines, WARC records) over this are refused


@dataclass
class IngestStats:
    """What reading the inputs skipped (files in directories with unknown extensions), by reason;
    and the per-article limits every reader applies."""

    skipped: Counter[str] = field(default_factory=Counter)
    warc: Any = None  # a saidwhat.io.readers.warc.WarcStats once a WARC file is read
    limits: Limits = field(default_factory=Limits)  # per-article limits the readers apply

    def summary(self) -> str:
        """One line: how many files were skipped and why; '' when none were."""
        total = sum(self.skipped.values())
        if not total:
            return ""
        reasons = ", ".join(f"{n} {why.removesuffix('s') if n == 1 else why}"
                            for why, n in sorted(self.skipped.items()))
        return f"skipped {total} file{'s' if total != 1 else ''} in directories ({reasons})"


Reader = Callable[[Path, int, IngestStats], Iterator[Item]]


@dataclass(frozen=True)
class Kind:
    """An input kind: its suffixes, its reader ("module:function"), one article a file or many."""

    name: str
    suffixes: tuple[str, ...]
    reader: str
    one_article: bool

    def read(self, path: Path, max_bytes: int, stats: IngestStats) -> Iterator[Item]:
        """The articles of one file of this kind."""
        module, function = self.reader.split(":")
        read: Reader = getattr(importlib.import_module(module), function)
        return read(path, max_bytes, stats)


KINDS: tuple[Kind, ...] = (
    Kind("text", (".txt", ".text"), "saidwhat.io.readers.text:read", one_article=True),
    Kind("html", (".html", ".htm", ".xhtml"), "saidwhat.io.readers.html:read", one_article=True),
    Kind("jsonl", (".jsonl", ".ndjson"), "saidwhat.io.readers.jsonl:read", one_article=False),
    Kind("warc", (".warc", ".warc.gz"), "saidwhat.io.readers.warc:read", one_article=False),
    Kind("parquet", (".parquet",), "saidwhat.io.readers.parquet:read", one_article=False),
)
SUFFIXES: tuple[str, ...] = tuple(s for kind in KINDS for s in kind.suffixes)
_LONG_SUFFIXES = tuple(s for s in SUFFIXES if s.count(".") > 1)  # .warc.gz


def suffix_of(path: str | Path) -> str:
    """The lower-cased extension, a known two-part one (`.warc.gz`) counted as one."""
    name = Path(path).name.lower()
    for long in _LONG_SUFFIXES:
        if name.endswith(long):
            return long
    return Path(name).suffix


def stem_of(path: str | Path) -> str:
    """The file name without its (known) extension: the default article id."""
    name = Path(path).name
    suffix = suffix_of(path)
    return name[: len(name) - len(suffix)] if suffix and len(name) > len(suffix) else name


def kind_of(path: str | Path) -> Kind | None:
    """The kind a file's suffix names, None for an unknown suffix."""
    suffix = suffix_of(path)
    return next((kind for kind in KINDS if suffix in kind.suffixes), None)


def named(name: str) -> Kind:
    """The kind called `name` ('text', 'html', ...)."""
    return next(kind for kind in KINDS if kind.name == name)
