"""HTML pages: the main text via trafilatura (no network), with title, date and URL."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from saidwhat.io.boilerplate import body_spans
from saidwhat.io.kinds import IngestStats, stem_of
from saidwhat.io.limits import DEFAULT as DEFAULT_LIMITS
from saidwhat.io.limits import Limits
from saidwhat.io.readers.decode import read_file
from saidwhat.records import Article, Failure

PROSE_WORDS = 6  # an HTML page's text needs a line this long to count as an article
_HTML_START = re.compile(r"^\s*<", re.S)
_HTML_TAG = re.compile(r"<(html|body|p|div|article|head)[\s>/]", re.I)


def looks_like_html(text: str) -> bool:
    """Whether text is HTML: starts with a tag, or holds html/body/p/div tags."""
    return bool(_HTML_START.match(text)) or _HTML_TAG.search(text[:20000]) is not None


def has_prose(text: str, words: int = PROSE_WORDS) -> bool:
    """Whether some line holds a sentence's worth of words (menus and link lists do not)."""
    return any(len(line.split()) >= words for line in text.splitlines())


EMBED_CLASSES = ("twitter", "instagram", "tiktok", "facebook")  # embedded posts, not testimony
MIN_BLOCK_CHARS = 20  # a block-quote paragraph shorter than this is not looked for in the text


def block_quote_spans(html: str | bytes, text: str) -> tuple[tuple[int, int], ...]:
    """Where the page's block quotes (<blockquote>, not embedded posts) stand in the extracted
    text, one span per paragraph found there."""
    low = html.lower()
    if (b"<blockquote" not in low) if isinstance(low, bytes) else ("<blockquote" not in low):
        return ()
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    spans: set[tuple[int, int]] = set()
    for bq in tree.iter("blockquote"):
        if any(word in (bq.get("class") or "").lower() for word in EMBED_CLASSES):
            continue
        paras = [p for p in bq.iter("p")] or [bq]
        for p in paras:
            words = " ".join(p.text_content().split())
            at = text.find(words) if len(words) >= MIN_BLOCK_CHARS else -1
            end = at + len(words)
            if at >= 0 and text[at - 1 : at] in ("", "\n") and text[end : end + 1] in ("", "\n"):
                spans.add((at, end))  # a paragraph of its own, not a pull quote's source line
    return tuple(sorted(spans))


# The page's analytics metadata (Parse.ly) names the story's own writer: '<meta
# name="parsely-page" content='{"author": "Noah Charney", ...}'>' or '<meta name="parsely-author"
# content="…">'. Bylines set elsewhere on the page (related stories) do not.
_PARSELY_JSON = re.compile(
    r"""<meta\s[^>]*?name=["']parsely-(?:page|metadata)["'][^>]*?content=(?:'([^']*)'|"([^"]*)")""",
    re.I | re.S)
_PARSELY_AUTHOR = re.compile(
    r"""<meta\s[^>]*?name=["']parsely-author["'][^>]*?content=(?:'([^']*)'|"([^"]*)")""",
    re.I | re.S)


def declared_author(html: str | bytes) -> str | None:
    """The writer the page declares in its Parse.ly metadata ("author" or "authors" of
    parsely-page, or a parsely-author tag), without an e-mail after a bar; None if none."""
    import html as entities
    import json

    page = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    names: list[str] = []
    for m in _PARSELY_JSON.finditer(page):
        try:
            data = json.loads(entities.unescape(m.group(1) or m.group(2) or ""))
        except ValueError:
            continue
        if isinstance(data, dict):
            for key in ("author", "authors"):
                value = data.get(key)
                names += [value] if isinstance(value, str) else \
                    [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    names += [entities.unescape(m.group(1) or m.group(2) or "")
              for m in _PARSELY_AUTHOR.finditer(page)]
    names = [n.split("|")[0].strip() for n in names]
    names = list(dict.fromkeys(n for n in names if n))
    return " and ".join(names) or None


def page_author(extracted: str | None, declared: str | None) -> str | None:
    """The byline trafilatura read, unless the page declares a writer who shares no word with
    it (trafilatura read a related story's byline, or a photo credit) or it read none."""
    if not declared:
        return extracted
    if not extracted:
        return declared
    words = {w.lower() for w in re.findall(r"\w+", extracted)}
    return extracted if words & {w.lower() for w in re.findall(r"\w+", declared)} else declared


# dateutil's complaint about a zone name it cannot place ('2014-12-29 08:57:25 EST' in a
# last-modified meta tag): the date is still read, only the zone dropped, so it is not news.
_UNKNOWN_TIMEZONE = r"tzname .* identified but not understood"


@contextmanager
def quiet_timezones() -> Iterator[None]:
    """Silence dateutil's unknown-timezone warning while a page's date is read, only there."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_UNKNOWN_TIMEZONE)
        yield


def html_article(
    html: str | bytes, *, id: str, origin: str | None = None, errors: tuple[str, ...] = (),
    url: str | None = None, title: str | None = None, published: str | None = None,
    outlet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Article | None:
    """The main text of an HTML page (trafilatura, no network) with its title, date and URL;
    OverLimit (a ValueError) before parsing a page with too many tags or nested too deep."""
    import trafilatura

    limits.check_html(html)

    with quiet_timezones():
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    body = body_spans(text)
    if not body or not has_prose(text[body[0][0]:body[-1][1]]):
        return None
    return Article(
        id=id, text=text, body=body, errors=errors, origin=origin,
        title=title or getattr(doc, "title", None) or None,
        url=url or getattr(doc, "url", None) or None,
        published=published or getattr(doc, "date", None) or None,
        outlet=outlet or getattr(doc, "sitename", None) or None,
        author=page_author(getattr(doc, "author", None) or None, declared_author(html)),
        block_quotes=block_quote_spans(html, text),
    )


def build(text: str, *, id: str, origin: str, errors: tuple[str, ...] = (),
          limits: Limits = DEFAULT_LIMITS) -> Article | None:
    """A page's decoded HTML as an Article (the `build` of saidwhat.io.readers.decode)."""
    return html_article(text, id=id, origin=origin, errors=errors, limits=limits)


def read(path: Path, max_bytes: int, stats: IngestStats) -> Iterator[Article | Failure]:
    """An `.html` file: one article, the page's main text."""
    yield read_file(path, max_bytes, partial(build, limits=stats.limits), id=stem_of(path))
