"""Reading articles from files, directories and stdin, lazily; each bad input a one-line Failure.

Inputs: `.txt` (text kept exactly as decoded, so offsets line up with annotations of the file),
`.html`/`.htm` (main text via trafilatura), `.jsonl` (one article per line), `.warc`/`.warc.gz`
(see saidwhat.io.warc), `.parquet` (saidwhat output, read back), and `-` for stdin.

Directories are walked recursively in sorted order; files there with other extensions, and
hidden files, are skipped and counted in `IngestStats`. A file named explicitly is never
skipped: with an unknown extension its content decides (HTML if it looks like HTML, else text).
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from saidwhat.io.boilerplate import BLANK
from saidwhat.io.clean import clean_item
from saidwhat.io.readers.html import html_article, looks_like_html
from saidwhat.io.readers.text import first_line, text_article
from saidwhat.records import Article, Failure

Item = Article | Failure

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
PARQUET_SUFFIXES = (".parquet",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + PARQUET_SUFFIXES

STDIN = "-"
DEFAULT_MAX_BYTES = 10_000_000  # inputs (files, JSONL lines, WARC records) over this are refused
UTF8_BOM = codecs.BOM_UTF8
_EOL = re.compile(rb"\r\n|\r|\n")  # JSONL lines end in any of these (JSON escapes them inside)
NO_TEXT = "no article text found"
CONTROL_SHARE = 0.05  # more control bytes than this and a file is binary, not text
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13)) + b"\x7f"


@dataclass
class IngestStats:
    """What reading the inputs skipped (files in directories with unknown extensions), by reason."""

    skipped: Counter[str] = field(default_factory=Counter)
    warc: Any = None  # a saidwhat.io.warc.WarcStats once a WARC file is read

    def summary(self) -> str:
        """One line: how many files were skipped and why; '' when none were."""
        total = sum(self.skipped.values())
        if not total:
            return ""
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        return f"skipped {total} file{'s' if total != 1 else ''} in directories ({reasons})"


def suffix_of(path: str | Path) -> str:
    """The lower-cased extension, `.warc.gz` counted as one."""
    name = Path(path).name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix


def stem_of(path: str | Path) -> str:
    """The file name without its (known) extension: the default article id."""
    name = Path(path).name
    suffix = suffix_of(path)
    return name[: len(name) - len(suffix)] if suffix and len(name) > len(suffix) else name


def read_inputs(
    paths: Sequence[str], max_bytes: int, stats: IngestStats | None = None
) -> Iterator[Item]:
    """Articles (and Failures) from every input, lazily, in the order given (directories sorted).

    Whatever goes wrong with one input is a Failure for it (never an exception), and every
    item is safe to encode and print (see saidwhat.io.clean)."""
    stats = stats if stats is not None else IngestStats()
    for item in _read_all(paths, max_bytes, stats):
        yield clean_item(item)


def _read_all(paths: Sequence[str], max_bytes: int, stats: IngestStats) -> Iterator[Item]:
    """read_inputs before cleaning."""
    for path in paths:
        if path == STDIN:
            yield read_stdin(max_bytes)
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
    except Exception as exc:  # noqa: BLE001 - one bad input must never take the batch down
        yield Failure(origin, f"cannot read: {type(exc).__name__}: {_one_line(exc)}")


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
        try:
            entry_is_dir = entry.is_dir()
        except OSError as exc:
            yield Failure(str(entry), f"cannot read: {reason(exc)}")
            continue
        if entry_is_dir:
            yield from walk(entry, stats, seen)
        elif suffix_of(entry) in KNOWN_SUFFIXES:
            yield entry
        else:
            stats.skipped[f"{suffix_of(entry) or 'no-extension'} files"] += 1


def reason(exc: BaseException) -> str:
    """An OSError's reason in lower case ('permission denied'), else its message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return _one_line(exc)


def read_path(
    path: Path, max_bytes: int, stats: IngestStats | None = None
) -> Iterator[Item]:
    """The articles of one file, dispatched by extension (by content when named with another)."""
    suffix = suffix_of(path)
    origin = str(path)
    try:
        if not path.exists():
            yield Failure(origin, "no such file or directory")
            return
        if not path.is_file():
            yield Failure(origin, "not a regular file")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes)
        elif suffix in WARC_SUFFIXES:
            from saidwhat.io import warc

            if stats is not None and stats.warc is None:
                stats.warc = warc.WarcStats()
            yield from warc.read_warc(origin, max_bytes, stats.warc if stats else None)
        elif suffix in PARQUET_SUFFIXES:
            from saidwhat.io import saved

            yield from saved.read_parquet(path)
        else:
            yield read_file(path, max_bytes, _kind(suffix))
    except (OSError, ValueError) as exc:
        yield Failure(origin, _one_line(exc))


def _kind(suffix: str) -> str | None:
    """'html' or 'text' by extension; None (sniff the content) for any other."""
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text" if suffix in TEXT_SUFFIXES else None


def _with_origin(article: Article, origin: str) -> Article:
    """The article noting the file it came from."""
    return replace(article, origin=origin)


def _one_line(exc: BaseException) -> str:
    """An exception as a short one-line message."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror.lower()}"
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def too_big(size: int, max_bytes: int, what: str = "file") -> str:
    """The message refusing an input over the size limit."""
    return (f"{what} is {size:,} bytes, over the {max_bytes:,}-byte limit "
            f"(raise it with --max-bytes)")


def read_file(path: Path, max_bytes: int, kind: str | None = None) -> Item:
    """One text or HTML file as an Article; refused by its size on disk before it is read."""
    origin = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        return Failure(origin, too_big(size, max_bytes))
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew, or a special file whose size stat does not tell
        return Failure(origin, too_big(len(data), max_bytes))
    return article_from_bytes(data, id=stem_of(path), origin=origin, kind=kind)


def read_stdin(max_bytes: int, stream: BinaryIO | None = None) -> Item:
    """Standard input as one article, HTML or text by its content."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure("<stdin>", f"input is over the {max_bytes:,}-byte limit "
                                  "(raise it with --max-bytes)")
    return article_from_bytes(data, id="stdin", origin="<stdin>")


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


def article_from_bytes(
    data: bytes, *, id: str, origin: str, kind: str | None = None
) -> Item:
    """An Article from a file's bytes: `kind` 'text', 'html', or None to sniff."""
    if not data.strip(b" \t\r\n\f\v"):
        return Failure(origin, "empty file" if not data else "empty file (only whitespace)")
    text, note, problem = decode(data)
    if text is None:
        return Failure(origin, problem or "cannot decode")
    if not text.strip(BLANK):
        return Failure(origin, "empty file (only whitespace)")
    if kind is None:
        kind = "html" if looks_like_html(text) else "text"
    errors = (note,) if note else ()
    if kind == "html":
        article = html_article(text, id=id, origin=origin, errors=errors)
    else:
        article = text_article(text, id=id, origin=origin, errors=errors)
    return article if article is not None else Failure(origin, NO_TEXT)


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


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """One article per line (lines end in LF, CRLF or a lone CR; a UTF-8 byte-order mark at the
    start is skipped); a broken line is a Failure naming file:line, the rest goes on."""
    stem = stem_of(path)
    with open(path, "rb") as fh:
        for lineno, (line, size) in enumerate(lines(fh, max_bytes), 1):
            origin = f"{path}:{lineno}"
            if line is None:
                yield Failure(origin, too_big(size, max_bytes, "line"))
                continue
            if lineno == 1 and line.startswith(UTF8_BOM):
                line = line[len(UTF8_BOM):]
            if not line.strip():
                continue
            yield jsonl_article(line, default_id=f"{stem}-{lineno}", origin=origin)


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


def jsonl_article(line: bytes, *, default_id: str, origin: str) -> Item:
    """One JSONL line as an Article: `text` or `html`, optional id, url, title, published, body;
    whatever goes wrong with the line is a Failure naming it."""
    try:
        return _jsonl_article(line, default_id=default_id, origin=origin)
    except RecursionError:
        return Failure(origin, "not valid JSON: nested too deeply")
    except Exception as exc:  # noqa: BLE001 - one bad line must not stop the file
        return Failure(origin, f"cannot read: {type(exc).__name__}: {_one_line(exc)}")


def _jsonl_article(line: bytes, *, default_id: str, origin: str) -> Item:
    """jsonl_article, raising on the unexpected."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Failure(origin, f"not UTF-8 (invalid byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        return Failure(origin, f"not valid JSON: {exc.msg} at character {exc.pos + 1}")
    if not isinstance(record, Mapping):
        return Failure(origin, f"expected a JSON object, got {type(record).__name__}")
    meta = {k: _str_or_none(record.get(k)) for k in ("url", "title", "published")}
    article_id = _str_or_none(record.get("id")) or default_id
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip(BLANK):
        body = _given_body(record.get("body"), len(text))
        if body is None:
            article = text_article(text, id=article_id, origin=origin, **meta)
        else:
            article = Article(id=article_id, text=text, body=body, origin=origin,
                              title=meta["title"] or first_line(text),
                              url=meta["url"], published=meta["published"])
    elif isinstance(html, str) and html.strip():
        article = html_article(html, id=article_id, origin=origin, **meta)
    elif text is None and html is None:
        return Failure(origin, "no 'text' or 'html' field")
    else:
        return Failure(origin, "empty 'text' or 'html' field")
    return article if article is not None else Failure(origin, NO_TEXT)


def _str_or_none(value: object) -> str | None:
    """A metadata value as a string; None for missing or empty."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _given_body(body: object, length: int) -> tuple[tuple[int, int], ...] | None:
    """A record's own `body` spans when well-formed and inside the text, else None."""
    if not isinstance(body, list) or not body:
        return None
    spans = []
    for piece in body:
        if (not isinstance(piece, list) or len(piece) != 2
                or not all(isinstance(x, int) for x in piece)):
            return None
        s, e = piece
        if not 0 <= s <= e <= length:
            return None
        spans.append((s, e))
    return tuple(spans)

