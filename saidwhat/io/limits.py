"""Per-article limits that keep one hostile input from exhausting memory or time.

Three limits besides `--max-bytes` (the size of a file, JSONL line or WARC record):

- `max_chars`: the text handed to the engine. spaCy's parser and the speaker resolver grow
  faster than linearly with an article's length (measured in docs/hardening.md: 300,000
  characters of prose take a worker to 1.2 GB), so one very long "article" is refused.
- `max_tags` and `max_depth`: an HTML page's tag count and nesting depth, counted by a cheap
  scan before the page is parsed (a page of a million tags takes minutes to extract).

An article over a limit becomes a Failure saying which limit and the option that raises it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saidwhat.records import Article, Failure

DEFAULT_MAX_CHARS = 200_000  # ~30,000 words: far beyond any news article
DEFAULT_MAX_TAGS = 100_000  # a heavy news page has 5,000-30,000
DEFAULT_MAX_DEPTH = 512  # real pages nest under 100; libxml2 gives up at 256 anyway
VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr "
                 b"basefont bgsound frame keygen".split())
SELF_CLOSING_SIBLINGS = frozenset(b"p li dt dd tr td th option optgroup thead tbody tfoot "
                                  b"rb rt rp colgroup caption".split())
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})(?:\s[^>]*?)?(/?)>|<!--.*?-->",
                  re.S)


class OverLimit(ValueError):
    """An article over one of the limits; the message names it and how to raise it."""


@dataclass(frozen=True)
class Limits:
    """The per-article limits (see the module docstring)."""

    max_chars: int = DEFAULT_MAX_CHARS
    max_tags: int = DEFAULT_MAX_TAGS
    max_depth: int = DEFAULT_MAX_DEPTH

    def check_text(self, item: Article | Failure) -> Article | Failure:
        """The item, or a Failure when its text is over max_chars."""
        if isinstance(item, Article) and len(item.text) > self.max_chars:
            return Failure(item.origin or item.id,
                           f"article text is {len(item.text):,} characters, over the "
                           f"{self.max_chars:,}-character limit (raise it with --max-chars)")
        return item

    def check_html(self, html: str | bytes) -> None:
        """Raise OverLimit when the page has too many tags or nests them too deep."""
        tags, depth = html_shape(html, self.max_tags, self.max_depth)
        if tags > self.max_tags:
            raise OverLimit(f"HTML has over {self.max_tags:,} tags "
                            "(raise the limit with --max-tags)")
        if depth > self.max_depth:
            raise OverLimit(f"HTML nests tags over {self.max_depth:,} deep "
                            "(raise the limit with --max-depth)")


DEFAULT = Limits()


def html_shape(html: str | bytes, stop_tags: int, stop_depth: int) -> tuple[int, int]:
    """(start tags, deepest nesting) of a page, approximately (end tags close the nearest open
    tag of their name, void elements and same-name siblings like <p><p> do not nest); the scan
    stops as soon as either passes its `stop_` value."""
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    stack: list[bytes] = []
    open_count: dict[bytes, int] = {}
    tags = deepest = 0
    for m in _TAG.finditer(data):
        name = m.group(2)
        if name is None:
            continue  # a comment
        name = name.lower()
        if m.group(1):  # an end tag: close up to the nearest open one of that name
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        tags += 1
        if tags > stop_tags:
            return tags, deepest
        if m.group(3) or name in VOID:
            continue
        if name in SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            continue  # <p>one<p>two: the second closes the first
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        deepest = max(deepest, len(stack))
        if deepest > stop_depth:
            return tags, deepest
    return tags, deepest
