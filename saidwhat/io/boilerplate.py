"""Finding the article body in scraped plain text: boilerplate blocks trimmed off either end.

Each rule is a named function over one block (a line, stripped); `body_spans` trims blocks
matching them from the end and from the start, and cuts everything from a comment-form
marker or a related-articles heading on. `text` itself is never changed: the body is a span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# stripped off block ends: whitespace plus the BOM and zero-width characters scrapes leave behind
BLANK = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2009\u200a\u200b\u202f\u3000\ufeff"

SHORT = 120  # boilerplate lines are short; longer blocks are taken as article prose
LONG = 320  # ... except cookie notices, which run to a couple of sentences


@dataclass(frozen=True)
class Block:
    """One non-blank line of the text, whitespace-trimmed, with its offsets."""

    start: int
    end: int
    text: str


def blocks(text: str) -> Iterator[Block]:
    """The non-blank lines of `text` with their trimmed offsets."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped_left = line.lstrip(BLANK)
        core = stripped_left.rstrip(BLANK)
        if core:
            start = pos + len(line) - len(stripped_left)
            yield Block(start, start + len(core), core)
        pos += len(line)


def _matches(pattern: re.Pattern[str], block: str, limit: int = SHORT) -> bool:
    """Whether a short block matches the pattern."""
    return len(block) <= limit and pattern.search(block) is not None


_COMMENT_MARKER = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|\d+\s+(comments?|responses?)"
    r"|comments?(\s*\(\d+\))?|join the (conversation|discussion)|comments are closed"
    r"|show comments|view comments)\s*[:.!]?$", re.I)
_COMMENT_FORM = re.compile(
    r"your email address will not be published|required fields are marked"
    r"|save my name, email,? and website|cancel reply|^post comment$|^notify me of"
    r"|you must be logged in to post a comment|^leave a (reply|comment)", re.I)


def is_comment_marker(block: str) -> bool:
    """A heading that opens a comment section ("Leave a Reply", "12 Comments")."""
    return _matches(_COMMENT_MARKER, block)


def is_comment_form(block: str) -> bool:
    """A line of a comment form ("Your email address will not be published.")."""
    return is_comment_marker(block) or _matches(_COMMENT_FORM, block, LONG)


_SHARE = re.compile(
    r"^(share( this( (article|story|post))?)?|like this|tweet|email|print|pin it|whatsapp"
    r"|facebook|twitter|linkedin|reddit)\s*[:.!]?$"
    r"|^click to (share|email|print)\b|\(opens in new window\)"
    r"|^(share|post) (this )?on (facebook|twitter|x|linkedin|whatsapp)\b"
    r"|^(subscribe|sign up)( now)? (to|for) (our|the) (daily |weekly )?(newsletter|updates)"
    r"|^follow us on\b|^loading\.*$", re.I)


def is_share_prompt(block: str) -> bool:
    """A share or subscribe prompt ("Share this:", "Subscribe to our newsletter")."""
    return _matches(_SHARE, block)


_WIDGET = re.compile(
    r"app key not set|please check settings|javascript (is )?(disabled|required)"
    r"|enable javascript|your browser does not support|ad blocker|this content is not available"
    r"|^advertisement$|^sponsored( content)?$", re.I)


def is_widget_error(block: str) -> bool:
    """A broken-widget or ad placeholder ("GIPHY App Key not set. Please check settings")."""
    return _matches(_WIDGET, block)


_COOKIE = re.compile(
    r"\b(we|this (web)?site) uses? cookies\b|\bcookie (policy|settings|preferences)\b"
    r"|^accept( all)?( cookies)?$|by continuing to (use|browse) this (site|website)", re.I)


def is_cookie_notice(block: str) -> bool:
    """A cookie banner ("We use cookies to improve your experience…")."""
    return _matches(_COOKIE, block, LONG)


_RELATED_HEADING = re.compile(
    r"^(related( articles| stories| posts| coverage| content)?|you (may|might) also like"
    r"|more (from|on) .{1,40}|recommended( for you)?|trending( now)?|most (read|popular)"
    r"|read (more|next)|see also|also read|more stories)\s*[:.]?$", re.I)
_READ_MORE = re.compile(r"^(read more|related|also read|see also|read next|more)\s*[:»>|–—-]\s*\S",
                        re.I)


def is_related_heading(block: str) -> bool:
    """A heading over a list of other stories ("Related articles", "Read more")."""
    return _matches(_RELATED_HEADING, block)


def is_related_trailer(block: str) -> bool:
    """A related-story heading or teaser link ("READ MORE: Putin says …")."""
    return is_related_heading(block) or _matches(_READ_MORE, block, 200)


_CRUMB_SEP = re.compile(r"\s(>|»|/|\||›|→)\s")
_NAV_WORD = re.compile(
    r"^(home|menu|search|skip to (main )?content|sign in|log ?in|subscribe|navigation"
    r"|toggle navigation|close|open menu|main menu)$", re.I)


def is_navigation(block: str) -> bool:
    """A navigation crumb or menu item ("Home > News > Politics", "Skip to content")."""
    if _matches(_NAV_WORD, block, 40):
        return True
    if len(block) > 80 or block.endswith((".", "”", '"', "?", "!")):
        return False
    items = _CRUMB_SEP.split(block)[::2]
    if not all(len(item) <= 30 for item in items):
        return False
    return len(items) >= 3 or (len(items) == 2 and items[0].lower() == "home")


RULES: tuple[Callable[[str], bool], ...] = (
    is_comment_form, is_share_prompt, is_widget_error, is_cookie_notice, is_related_trailer,
    is_navigation,
)
MAX_TRAILER_BLOCKS = 20  # a related-stories list longer than this is not a trailer
TRAILER_LINE = 160  # ... nor one whose items are longer than headlines


def is_boilerplate(block: str) -> bool:
    """Whether any rule matches the block."""
    return any(rule(block) for rule in RULES)


def _cut_tail(found: list[Block]) -> list[Block]:
    """Blocks before a comment section or a trailing related-stories list."""
    for i, b in enumerate(found[1:], 1):
        if is_comment_marker(b.text):
            return found[:i]
        if is_related_heading(b.text):
            rest = found[i + 1:]
            if len(rest) <= MAX_TRAILER_BLOCKS and all(len(r.text) <= TRAILER_LINE for r in rest):
                return found[:i]
    return found


def body_blocks(text: str) -> list[Block]:
    """The blocks of the article body: boilerplate trimmed at both ends."""
    found = _cut_tail(list(blocks(text)))
    while found and is_boilerplate(found[-1].text):
        found.pop()
    start = 0
    while start < len(found) and is_boilerplate(found[start].text):
        start += 1
    return found[start:]


def body_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The article body as one (start, end) span, or () when nothing but boilerplate is left."""
    kept = body_blocks(text)
    return ((kept[0].start, kept[-1].end),) if kept else ()
