"""Bytes to text for every reader: size limits, encodings, binary and empty inputs refused."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from saidwhat.io.boilerplate import BLANK
from saidwhat.io.mojibake import repair_mojibake
from saidwhat.records import Article, Failure

NO_TEXT = "no article text found"
UTF8_BOM = codecs.BOM_UTF8
_EOL = re.compile(rb"\r\n|\r|\n")  # JSONL lines end in any of these (JSON escapes them inside)
CONTROL_SHARE = 0.05  # more control bytes than this and a file is binary, not text
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13)) + b"\x7f"

Build = Callable[..., Article | None]
"""Makes an Article from decoded text: build(text, id=, origin=, errors=) -> Article | None."""


def too_big(size: int, max_bytes: int, what: str = "file") -> str:
    """The message refusing an input over the size limit."""
    return (f"{what} is {size:,} bytes, over the {max_bytes:,}-byte limit "
            f"(raise it with --max-bytes)")


def one_line(exc: BaseException) -> str:
    """An exception as a short one-line message."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror.lower()}"
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def reason(exc: BaseException) -> str:
    """An OSError's reason in lower case ('permission denied'), else its message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return one_line(exc)


def lines(fh: BinaryIO, max_bytes: int, chunk: int = 1 << 20
          ) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) for each line of a binary stream, its ending (LF, CRLF or CR) dropped; a line
    over max_bytes comes as (None, size), skipped without being held in memory."""
    buf, dropped = b"", 0  # dropped: bytes of an over-long line already thrown away
    while True:
        data = fh.read(chunk)
        buf += data
        start = 0
        for m in _EOL.finditer(buf):
            if data and m.end() == len(buf) and m.group() == b"\r":
                break  # a CR ending the chunk may be the start of a CRLF: wait for more
            yield _line(buf[start:m.start()], dropped, max_bytes)
            start, dropped = m.end(), 0
        buf = buf[start:]
        if not data:
            if buf or dropped:
                yield _line(buf, dropped, max_bytes)
            return
        if len(buf) > max_bytes:  # no end in sight: stop holding the line
            dropped += len(buf)
            buf = b""


def _line(line: bytes, dropped: int, max_bytes: int) -> tuple[bytes | None, int]:
    """A line found by lines(): itself, or None when it is (or was already) over the limit."""
    size = dropped + len(line)
    return (None, size) if size > max_bytes else (line, size)


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, note, problem): UTF-8 as is; UTF-16 with a BOM or cp1252 with a note; else a problem.

    A UTF-8 BOM is kept as U+FEFF at index 0 so offsets match Python's 'utf-8' decoding.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "decoded as UTF-16 (byte-order mark found)", None
        except UnicodeDecodeError:
            return None, None, "binary file, not text (broken UTF-16)"
    if b"\x00" in data or _control_share(data) > CONTROL_SHARE:
        return None, None, "binary file, not text"
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError as exc:
        where = f"invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None, None, f"not UTF-8 text ({where}); convert it to UTF-8"
    return text, f"not UTF-8 ({where}): read as Windows-1252", None


def _control_share(data: bytes) -> float:
    """The share of control bytes (other than tab, newlines, form feed) in the first 64 KiB."""
    head = data[:65536]
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL))) / len(head)


def article_from_bytes(data: bytes, *, id: str, origin: str, build: Build) -> Article | Failure:
    """An Article built from an input's bytes once decoded (double-decoded UTF-8 repaired, with
    a note); empty or binary input a Failure."""
    if not data.strip(b" \t\r\n\f\v"):
        return Failure(origin, "empty file" if not data else "empty file (only whitespace)")
    text, note, problem = decode(data)
    if text is None:
        return Failure(origin, problem or "cannot decode")
    if not text.strip(BLANK):
        return Failure(origin, "empty file (only whitespace)")
    text, repaired = repair_mojibake(text)
    notes = tuple(n for n in (note, repaired) if n)
    article = build(text, id=id, origin=origin, errors=notes)
    return article if article is not None else Failure(origin, NO_TEXT)


def read_file(path: Path, max_bytes: int, build: Build, id: str) -> Article | Failure:
    """One file as an Article; refused by its size on disk before it is read."""
    origin = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        return Failure(origin, too_big(size, max_bytes))
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew, or a special file whose size stat does not tell
        return Failure(origin, too_big(len(data), max_bytes))
    return article_from_bytes(data, id=id, origin=origin, build=build)
