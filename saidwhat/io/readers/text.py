"""Plain-text articles: the text kept exactly as decoded, boilerplate outside the body."""

from __future__ import annotations

from typing import Any

from saidwhat.io.boilerplate import BLANK, body_spans
from saidwhat.records import Article


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
