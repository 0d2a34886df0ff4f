"""JSON Lines dumps (`.jsonl`, `.ndjson`): one article per line, `text` or `html` plus metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from saidwhat.io.boilerplate import BLANK
from saidwhat.io.kinds import IngestStats, stem_of
from saidwhat.io.limits import DEFAULT as DEFAULT_LIMITS
from saidwhat.io.limits import Limits, OverLimit
from saidwhat.io.readers.decode import NO_TEXT, UTF8_BOM, lines, one_line, too_big
from saidwhat.io.readers.html import html_article
from saidwhat.io.readers.text import first_line, text_article
from saidwhat.records import Article, Failure

Item = Article | Failure


# Article fields and the JSONL keys that may hold them, first found wins.
META_KEYS = {
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publication_date", "pubdate"),
    "outlet": ("outlet", "publisher", "source_domain", "site_name", "sitename", "site"),
}


def read(path: Path, max_bytes: int, stats: IngestStats) -> Iterator[Item]:
    """The articles of a JSONL file (the reader of the `jsonl` kind)."""
    return read_jsonl(path, max_bytes, stats.limits)


def read_jsonl(path: Path, max_bytes: int, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
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
            yield jsonl_article(line, default_id=f"{stem}-{lineno}", origin=origin, limits=limits)


def jsonl_article(line: bytes, *, default_id: str, origin: str,
                  limits: Limits = DEFAULT_LIMITS) -> Item:
    """One JSONL line as an Article: `text` or `html`, optional id, url, title, published, body;
    whatever goes wrong with the line is a Failure naming it."""
    try:
        return _jsonl_article(line, default_id=default_id, origin=origin, limits=limits)
    except OverLimit as exc:
        return Failure(origin, str(exc))
    except RecursionError:
        return Failure(origin, "not valid JSON: nested too deeply")
    except Exception as exc:  # noqa: BLE001 - one bad line must not stop the file
        return Failure(origin, f"cannot read: {type(exc).__name__}: {one_line(exc)}")


def _jsonl_article(line: bytes, *, default_id: str, origin: str, limits: Limits) -> Item:
    """jsonl_article, raising on the unexpected."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Failure(origin, f"not UTF-8 (invalid byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        return Failure(origin, f"not valid JSON: {exc.msg} at character {exc.pos + 1}")
    if not isinstance(record, Mapping):
        return Failure(origin, f"expected a JSON object, got {type(record).__name__}")
    meta = {k: _first(record, keys) for k, keys in META_KEYS.items()}
    article_id = _str_or_none(record.get("id")) or default_id
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip(BLANK):
        body = _given_body(record.get("body"), len(text))
        if body is None:
            article = text_article(text, id=article_id, origin=origin, **meta)
        else:
            article = Article(id=article_id, text=text, body=body, origin=origin,
                              title=meta["title"] or first_line(text), url=meta["url"],
                              published=meta["published"], outlet=meta["outlet"])
    elif isinstance(html, str) and html.strip():
        article = html_article(html, id=article_id, origin=origin, limits=limits, **meta)
    elif text is None and html is None:
        return Failure(origin, "no 'text' or 'html' field")
    else:
        return Failure(origin, "empty 'text' or 'html' field")
    return article if article is not None else Failure(origin, NO_TEXT)


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    """The first of several keys the record gives a value for."""
    for key in keys:
        value = _str_or_none(record.get(key))
        if value is not None and value.strip():
            return value.strip()
    return None


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

