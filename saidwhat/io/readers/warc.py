"""Articles from WARC archives (.warc, .warc.gz): HTML pages via trafilatura, damage survived."""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from saidwhat.io.kinds import IngestStats
from saidwhat.io.limits import DEFAULT as DEFAULT_LIMITS
from saidwhat.io.limits import Limits, OverLimit
from saidwhat.io.readers.html import html_article
from saidwhat.io.readers.text import text_article
from saidwhat.records import Article, Failure

# Record types that can carry an article; everything else is skipped and counted.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


@dataclass
class WarcStats:
    """Counts for one or more archives: every record read is an article, a failure or skipped."""

    records: int = 0
    articles: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_total(self) -> int:
        """All skipped records, whatever the reason."""
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One line: records = articles + failed + skipped (by reason)."""
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        return (f"{self.records} WARC records: {self.articles} articles, {self.failed} failed, "
                f"{self.skipped_total} skipped" + (f" ({reasons})" if reasons else ""))


def record_slug(record_id: str | None, url: str | None) -> str:
    """An article id: the WARC-Record-ID's UUID, else a slug of the URL."""
    if record_id:
        rid = record_id.strip().strip("<>")
        rid = rid.removeprefix("urn:uuid:").removeprefix("urn:")
        if rid:
            return rid
    slug = re.sub(r"[^A-Za-z0-9]+", "-", re.sub(r"^[a-z]+://", "", url or "")).strip("-")
    return slug[:120] or "record"


def html_to_article(
    html: str | bytes,
    *,
    id: str,
    url: str | None = None,
    published: str | None = None,
    origin: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Article | None:
    """An HTML page's main text as an Article (None if it has none); the page's date wins."""
    article = html_article(html, id=id, origin=origin, url=url, limits=limits)
    if article is not None and not article.published and published:
        article = replace(article, published=published)
    return article


def text_to_article(
    text: str, *, id: str, url: str | None = None, published: str | None = None,
    origin: str | None = None,
) -> Article | None:
    """A plain-text record as an Article: text unchanged, boilerplate outside the body."""
    return text_article(text, id=id, origin=origin, url=url, published=published)


def read_warc(
    path: str, max_bytes: int, stats: WarcStats | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | Failure]:
    """Articles from a WARC file in archive order; damaged or oversized records become Failures."""
    stats = stats if stats is not None else WarcStats()
    with open(path, "rb") as fh:
        yield from _read_stream(fh, path, max_bytes, stats, limits)


def _read_stream(
    fh: BinaryIO, path: str, max_bytes: int, stats: WarcStats, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | Failure]:
    """Iterate records with fastwarc, restarting past damaged stretches at the next record start."""
    from fastwarc.warc import ArchiveIterator

    gzipped = fh.read(2) == GZIP_MAGIC[:2]
    magic = GZIP_MAGIC if gzipped else WARC_MAGIC
    start, damaged = 0, False
    while True:
        fh.seek(start)
        last = start - 1
        try:
            for record in ArchiveIterator(fh, parse_http=True, auto_decode="none"):
                last = record.stream_pos  # absolute offset in the file
                damaged = False
                yield from _count(_from_record(record, path, max_bytes, last, stats, limits), stats)
            tail = _find(fh, magic, max(last, start) + 1)
            if tail is not None and _starts_record(fh, tail, gzipped):
                stats.records += 1
                stats.failed += 1
                yield Failure(f"{path}@{tail}", "truncated WARC record at the end of the file")
            return
        except (OSError, ValueError) as exc:
            if not damaged:  # one Failure per damaged stretch, however many restarts it takes
                stats.records += 1
                stats.failed += 1
                yield Failure(f"{path}@{max(last, start)}",
                              f"damaged WARC data after here ({exc}); resumed at next record")
            damaged = True
        resume = _find(fh, magic, max(last, start) + 1)
        if resume is None:
            return
        start = resume


def _count(
    items: Iterator[Article | Failure | str], stats: WarcStats
) -> Iterator[Article | Failure]:
    """Tally one record's outcome: an Article, a Failure, or a skip reason (a str, not yielded)."""
    stats.records += 1
    for item in items:
        if isinstance(item, str):
            stats.skipped[item] += 1
        elif isinstance(item, Failure):
            stats.failed += 1
            yield item
        else:
            stats.articles += 1
            yield item


def _find(fh: BinaryIO, magic: bytes, offset: int) -> int | None:
    """Offset of the next magic at or after offset (at a line start for WARC headers)."""
    pos = offset
    while True:
        fh.seek(pos)
        chunk = fh.read(_SCAN_CHUNK + len(magic))
        if len(chunk) < len(magic):
            return None
        i = chunk.find(magic)
        while i >= 0:
            if magic == GZIP_MAGIC or _at_line_start(fh, pos + i):
                return pos + i
            i = chunk.find(magic, i + 1)
        pos += _SCAN_CHUNK


def _starts_record(fh: BinaryIO, offset: int, gzipped: bool) -> bool:
    """Whether the bytes at offset begin a WARC record (inflating a gzip member's first bytes)."""
    fh.seek(offset)
    head = fh.read(4096)
    if not gzipped:
        return head.startswith(WARC_MAGIC)
    if len(head) >= 10 and (head[3] & 0xE0 or head[8] not in (0, 2, 4)):
        return False  # not a plausible gzip member header: three bytes that happened to match
    try:
        inflated = zlib.decompressobj(31).decompress(head, 16)
    except zlib.error:
        return False
    return not inflated or inflated.startswith(WARC_MAGIC[: len(inflated)])


def _at_line_start(fh: BinaryIO, offset: int) -> bool:
    """Whether offset is the start of the file or follows a newline."""
    if offset == 0:
        return True
    fh.seek(offset - 1)
    return fh.read(1) == b"\n"


def _from_record(record: object, path: str, max_bytes: int, offset: int, stats: WarcStats,
                 limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Failure | str]:
    """The outcome of one record: an Article, a Failure, or the reason it was skipped."""
    from fastwarc.warc import WarcRecordType

    rtype = record.record_type  # type: ignore[attr-defined]
    headers = record.headers  # type: ignore[attr-defined]
    url = headers.get("WARC-Target-URI") or None
    where = f"{path}@{offset}" + (f" {url}" if url else "")
    if headers.get("Content-Length") is None:
        yield Failure(where, "damaged WARC record (incomplete header)")
        return
    if rtype not in (WarcRecordType.response, WarcRecordType.resource, WarcRecordType.conversion):
        yield _type_name(rtype)
        return
    length = record.content_length  # type: ignore[attr-defined]
    if length > max_bytes:
        yield Failure(where, f"record of {length} bytes is over --max-bytes {max_bytes}")
        return
    if rtype == WarcRecordType.response:
        if not record.is_http_parsed:  # type: ignore[attr-defined]
            yield "non-HTTP response"
            return
        status = record.http_headers.status_code  # type: ignore[attr-defined]
        if status != 200:
            yield f"HTTP {status}"
            return
        ctype = (record.http_content_type or "").lower()  # type: ignore[attr-defined]
        http = record.http_headers  # type: ignore[attr-defined]
    else:
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        http = None
    if ctype not in TEXT_TYPES:
        yield f"{ctype or 'untyped'} content"
        return
    try:
        payload = record.reader.read()  # type: ignore[attr-defined]
    except OSError as exc:
        yield Failure(where, f"damaged WARC record: {exc}")
        return
    if len(payload) < length:
        yield Failure(where, f"truncated WARC record ({len(payload)} of {length} bytes)")
        return
    try:
        payload = _decode_http(payload, http) if http is not None else payload
    except (ValueError, zlib.error) as exc:
        yield Failure(where, f"undecodable HTTP payload: {exc}")
        return
    rid = record_slug(headers.get("WARC-Record-ID"), url)
    date = headers.get("WARC-Date") or None
    try:
        if ctype == "text/plain":
            text = payload.decode(_charset(record, http), errors="replace")
            article = text_to_article(text, id=rid, url=url, published=date, origin=where)
        else:
            article = html_to_article(payload, id=rid, url=url, published=date, origin=where,
                                      limits=limits)
    except OverLimit as exc:
        yield Failure(where, str(exc))
        return
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the archive
        yield Failure(where, f"HTML extraction failed: {type(exc).__name__}: {exc}")
        return
    yield article if article is not None else "no article text"


def _type_name(rtype: object) -> str:
    """A record type's name: warcinfo, request, metadata..."""
    return str(rtype).rsplit(".", 1)[-1]


def _charset(record: object, http: object | None) -> str:
    """The declared charset of a record's payload, utf-8 by default."""
    import codecs

    name = (record.http_charset if http is not None else None) or "utf-8"  # type: ignore[attr-defined]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def _decode_http(payload: bytes, http: object) -> bytes:
    """Undo chunked transfer coding and gzip/deflate content coding of an HTTP payload."""
    te = (http.get("Transfer-Encoding") or "").lower()  # type: ignore[attr-defined]
    ce = (http.get("Content-Encoding") or "").lower()  # type: ignore[attr-defined]
    if "chunked" in te:
        payload = _dechunk(payload)
    if ce in ("gzip", "x-gzip"):
        payload = zlib.decompress(payload, 47)
    elif ce == "deflate":
        try:
            payload = zlib.decompress(payload)
        except zlib.error:
            payload = zlib.decompress(payload, -15)
    elif ce not in ("", "identity"):
        raise ValueError(f"unsupported Content-Encoding {ce!r}")
    return payload


def _dechunk(data: bytes) -> bytes:
    """The body of an HTTP/1.1 chunked message."""
    out, pos = [], 0
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            raise ValueError("broken chunked encoding")
        size = int(data[pos:eol].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return b"".join(out)
        out.append(data[eol + 2 : eol + 2 + size])
        pos = eol + 2 + size + 2


def read(path: Path, max_bytes: int, stats: IngestStats) -> Iterator[Article | Failure]:
    """The articles of a WARC file (the reader of the `warc` kind), counted in `stats.warc`."""
    if stats.warc is None:
        stats.warc = WarcStats()
    return read_warc(str(path), max_bytes, stats.warc, stats.limits)
