"""Finding the inputs and handing each to its reader, lazily; each bad input a one-line Failure.

Inputs are files, directories and `-` for stdin. Each file's suffix picks its reader from the
table in `saidwhat.io.kinds` (text, HTML, JSONL, WARC, Parquet). Directories are walked
recursively in sorted order; files there with other extensions, and hidden files, are skipped
and counted in `IngestStats`. A file named explicitly is never skipped: with an unknown
extension its content decides (HTML if it looks like HTML, else text).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from saidwhat.io import sidecar
from saidwhat.io.clean import clean_item
from saidwhat.io.kinds import SUFFIXES, IngestStats, Item, kind_of, stem_of, suffix_of
from saidwhat.io.limits import DEFAULT as DEFAULT_LIMITS
from saidwhat.io.limits import Limits
from saidwhat.io.readers.decode import (
    NO_TEXT,
    article_from_bytes,
    one_line,
    read_file,
    reason,
)
from saidwhat.io.readers.html import html_article, looks_like_html
from saidwhat.io.readers.text import first_line, text_article
from saidwhat.records import Article, Failure

STDIN = "-"


def read_inputs(
    paths: Sequence[str], max_bytes: int, stats: IngestStats | None = None
) -> Iterator[Item]:
    """Articles (and Failures) from every input, lazily, in the order given (directories sorted).

    Whatever goes wrong with one input is a Failure for it (never an exception), and every
    item is safe to encode and print (see saidwhat.io.clean)."""
    stats = stats if stats is not None else IngestStats()
    for item in _read_all(paths, max_bytes, stats):
        yield clean_item(stats.limits.check_text(item))


def _read_all(paths: Sequence[str], max_bytes: int, stats: IngestStats) -> Iterator[Item]:
    """read_inputs before cleaning."""
    for path in paths:
        if path == STDIN:
            yield read_stdin(max_bytes, limits=stats.limits)
            continue
        p = Path(path)
        for child in walk(p, stats) if is_dir(p) else [p]:
            if isinstance(child, Failure):
                yield child
            else:
                yield from guarded(str(child), read_path(child, max_bytes, stats=stats))


def guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one input; an unexpected error reading it ends it with a Failure, no raise."""
    try:
        yield from items
    except ImportError:
        raise  # the installation, not this input, is broken: the command says so in one line
    except Exception as exc:  # noqa: BLE001 - one bad input must never take the batch down
        yield Failure(origin, f"cannot read: {type(exc).__name__}: {one_line(exc)}")


def is_dir(path: Path) -> bool:
    """Whether path is a directory (False when it cannot even be looked at)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def walk(directory: Path, stats: IngestStats, seen: set[Path] | None = None
         ) -> Iterator[Path | Failure]:
    """Files under a directory with known extensions, recursively, in sorted order; a directory
    or entry that cannot be read is a Failure naming it."""
    seen = seen if seen is not None else set()
    try:
        real = directory.resolve()
        entries = sorted(directory.iterdir(), key=lambda e: e.name)
    except (OSError, RuntimeError) as exc:
        yield Failure(str(directory), f"cannot read directory: {reason(exc)}")
        return
    if real in seen:  # a symlink back up the tree
        stats.skipped["directory loops"] += 1
        return
    seen.add(real)
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are not inputs
        if entry.name in sidecar.NAMES:
            continue  # a metadata table describes the articles beside it (io.sidecar)
        try:
            entry_is_dir = entry.is_dir()
        except OSError as exc:
            yield Failure(str(entry), f"cannot read: {reason(exc)}")
            continue
        if entry_is_dir:
            yield from walk(entry, stats, seen)
        elif suffix_of(entry) in SUFFIXES:
            yield entry
        else:
            stats.skipped[f"{suffix_of(entry) or 'no-extension'} files"] += 1


def input_files(paths: Sequence[str]) -> list[str | Failure]:
    """The files `read_inputs` would read, in its order (stdin kept as "-"), nothing read yet;
    a Failure for each directory or entry that cannot be read."""
    stats = IngestStats()
    out: list[str | Failure] = []
    for path in paths:
        p = Path(path)
        if path != STDIN and is_dir(p):
            out.extend(x if isinstance(x, Failure) else str(x) for x in walk(p, stats))
        else:
            out.append(path)
    return out


def read_path(
    path: Path, max_bytes: int, stats: IngestStats | None = None
) -> Iterator[Item]:
    """The articles of one file, by its kind (by its content when named with another suffix)."""
    stats = stats if stats is not None else IngestStats()
    origin = str(path)
    try:
        if not path.exists():
            yield Failure(origin, "no such file or directory")
            return
        if not path.is_file():
            yield Failure(origin, "not a regular file")
            return
        kind = kind_of(path)
        if kind is None:
            yield read_file(path, max_bytes, partial(sniffed, limits=stats.limits),
                            id=stem_of(path))
        else:
            yield from kind.read(path, max_bytes, stats)
    except (OSError, ValueError) as exc:
        yield Failure(origin, one_line(exc))


def sniffed(text: str, *, id: str, origin: str, errors: tuple[str, ...] = (),
            limits: Limits = DEFAULT_LIMITS) -> Article | None:
    """An Article from text of unknown kind: HTML if it looks like HTML, else plain text."""
    if looks_like_html(text):
        return html_article(text, id=id, origin=origin, errors=errors, limits=limits)
    return text_article(text, id=id, origin=origin, errors=errors)


def read_stdin(max_bytes: int, stream: BinaryIO | None = None,
               limits: Limits = DEFAULT_LIMITS) -> Item:
    """Standard input as one article, HTML or text by its content."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure("<stdin>", f"input is over the {max_bytes:,}-byte limit "
                                  "(raise it with --max-bytes)")
    try:
        return article_from_bytes(data, id="stdin", origin="<stdin>",
                                  build=partial(sniffed, limits=limits))
    except ValueError as exc:  # over a limit
        return Failure("<stdin>", one_line(exc))


def article_from_string(s: str, id: str = "article") -> Article:
    """An Article from a string: HTML if it looks like HTML, else plain text kept unchanged."""
    if looks_like_html(s):
        article = html_article(s, id=id)
        if article is None:
            raise ValueError(f"{id}: {NO_TEXT} in the HTML")
        return article
    article = text_article(s, id=id)
    if article is None:  # blank, or nothing but boilerplate: keep the whole text as the body
        return Article(id=id, text=s, title=first_line(s), body=((0, len(s)),) if s else ())
    return article
