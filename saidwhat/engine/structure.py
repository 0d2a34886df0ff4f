"""Page structure as evidence: lines that are never attributed from (headlines, related-article
lists, captions, credits, promo labels), each a named rule over one line of the text."""

from __future__ import annotations

import re

from saidwhat.settings import AssemblySettings

# Words title case leaves lower-cased; they count neither way.
_TITLE_SMALL = frozenset(
    "a an the of in on at to for and or but nor by with from as vs via into over is are".split())
_CREDIT = re.compile(
    r"^\W*(?:(?:photo|image|picture|video|graphic|illustration)s?\s*(?:by|:|credit)"
    r"|(?:writing|reporting|editing|additional reporting|compiled|produced)\s+by\b"
    r"|(?:related|read more|more from|recommended|up next|tip-ins?|sign up|subscribe)\b)"
    r"|getty images|associated press photo|\bap photo\b|/\s*(?:reuters|afp|ap)\s*$", re.I)


def line_at(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the line holding `pos`."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def is_title_cased(line: str, settings: AssemblySettings | None = None) -> bool:
    """A short line whose words are mostly capitalised: a headline or a related-article link."""
    s = settings or AssemblySettings()
    if line.isupper():
        return False  # an all-capitals wire flash ('AGENCY SAYS BODY FOUND') is a sentence
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in _TITLE_SMALL]
    if len(words) < s.title_line_min_words or len(line.split()) > s.title_line_max_words:
        return False
    return sum(w[0].isupper() for w in words) >= s.title_line_share * len(words)


def is_credit_line(line: str) -> bool:
    """A photo caption credit, a byline credit or a promo label ('Photo by …', 'UP NEXT')."""
    return _CREDIT.search(line) is not None


def between_credits(text: str, start: int, end: int) -> bool:
    """Whether the line from `start` to `end` has a credit line right above and right below
    it: a caption in a photo gallery ('Photo by …' / caption / 'Photo by …')."""
    if start == 0 or end >= len(text):
        return False
    above, below = line_at(text, start - 1), line_at(text, end + 1)
    return (is_credit_line(text[slice(*above)].strip())
            and is_credit_line(text[slice(*below)].strip()))


_ADVERT = re.compile(r"^\W*(?:advertisement|sponsored(?: content)?|story continues below"
                     r"(?: advertisement)?|continue reading(?: below)?)\W*$", re.I)


def is_interruption(line: str) -> bool:
    """A line set into the story's flow, not part of it: a photo caption ending in its credit,
    a credit or promo line, an advert label ('ADVERTISEMENT', 'Story continues below')."""
    return is_credit_line(line) or _ADVERT.match(line) is not None


def never_attributed(text: str, pos: int, settings: AssemblySettings | None = None) -> bool:
    """Whether the line holding `pos` is a headline-like title line or a credit/promo line."""
    start, end = line_at(text, pos)
    line = text[start:end].strip()
    return is_title_cased(line, settings) or is_credit_line(line)


# A clock time as live blogs write it ('09.52', '14:07'); `sources` reads it in a source too.
CLOCK_TIME = r"\d{1,2}[.:]\d{2}"
# A live blog's entry opens with its time: '09.52 In Indonesia, …', '14:07 …'.
ENTRY_TIME = re.compile(rf"[ \t]*{CLOCK_TIME}\b")


def in_live_entry(text: str, pos: int, max_lines: int) -> bool:
    """Whether the line holding `pos` belongs to a live blog's time-stamped entry: it or one of
    the `max_lines` non-blank lines above it opens with the entry's time ('09.52 In Indonesia,
    Tom Phillips has been speaking to …' above 'He writes:')."""
    start, _ = line_at(text, pos)
    for _ in range(max_lines + 1):
        if ENTRY_TIME.match(text, start):
            return True
        if start == 0:
            return False
        start, _ = line_at(text, start - 1)
        while start > 0 and not text[start:line_at(text, start)[1]].strip():
            start, _ = line_at(text, start - 1)
    return False


def entry_lines(text: str, after: int, max_lines: int) -> tuple[int, int] | None:
    """The stretch of non-blank lines after offset `after` up to the next time-stamped entry,
    at most `max_lines` of them, without surrounding blanks; None when none follows."""
    found: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text[after:]):
        line = m.group()
        if not line.strip():
            continue
        if ENTRY_TIME.match(line) or len(found) == max_lines:
            break
        lead = len(line) - len(line.lstrip())
        found.append((after + m.start() + lead, after + m.start() + len(line.rstrip())))
    return (found[0][0], found[-1][1]) if found else None
