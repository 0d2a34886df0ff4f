"""Plain-text articles: the text kept exactly as decoded, boilerplate outside the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from saidwhat.io import sidecar
from saidwhat.io.boilerplate import BLANK, body_spans
from saidwhat.io.kinds import IngestStats, stem_of
from saidwhat.io.readers.decode import read_file
from saidwhat.records import Article, Failure


def first_line(text: str) -> str | None:
    """The first non-blank line, trimmed: a plain-text article's title."""
    for line in text.splitlines():
        line = line.strip(BLANK)
        if line:
            return line
    return None


def text_article(
    text: str, *, id: str, origin: str | None = None, errors: tuple[str, ...] = (), **meta: Any
) -> Article | None:
    """A plain-text Article, text unchanged, body without boilerplate; None when nothing is left."""
    body = body_spans(text)
    if not body:
        return None
    title = meta.pop("title", None) or first_line(text[body[0][0]:body[0][1]])
    return Article(id=id, text=text, title=title, body=body, errors=errors, origin=origin, **meta)


def build(text: str, *, id: str, origin: str, errors: tuple[str, ...] = ()) -> Article | None:
    """A text file's decoded content as an Article (the `build` of saidwhat.io.readers.decode)."""
    return text_article(text, id=id, origin=origin, errors=errors)


def read(path: Path, max_bytes: int, stats: IngestStats) -> Iterator[Article | Failure]:
    """A `.txt` file: one article, its text exactly as decoded, with the outlet, date, URL and
    title a sidecar metadata table gives it (saidwhat.io.sidecar)."""
    item = read_file(path, max_bytes, build, id=stem_of(path))
    meta = sidecar.metadata_for(path) if isinstance(item, Article) else {}
    yield replace(item, **meta) if meta and isinstance(item, Article) else item
