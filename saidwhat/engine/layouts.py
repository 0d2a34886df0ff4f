"""Attributions signalled by layout, not a verb: 'Name: words' lines and '― Name' sign-offs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from saidwhat.engine.cues import Cue
from saidwhat.engine.quotes import Quote, doc_text
from saidwhat.engine.speakers.clusters import person_shaped
from saidwhat.engine.speakers.mentions import initials
from saidwhat.settings import LayoutSettings

# "PENCE: Well, look …", "Poll: Wealthy Voters Abandon …", "Pat Caddell: Democrat Voters …"
_COLON_LINE = r"^[ \t]*[\"“]?(?P<name>[A-Z][^\n:]{0,%d}?)(?P<colon>:)[ \t]+(?P<rest>\S[^\n]*)$"
# "― Carla Sanchez." after a quotation, on the same line or on its own line
_DASH_SIGNOFF = r"(?P<dash>―|—|--)[ \t\xa0]*(?P<name>[A-Z][^\n]{0,%d}?)[ \t\xa0.]*$"
# '“We had some issues”: Disney CEO' — a headline quotation credited after a colon
_QUOTE_COLON = (r"^[ \t]*[\"“](?P<quote>[^\n\"“”]+)[\"”][ \t]*(?P<colon>:)[ \t]*"
                r"(?P<name>[A-Z][^\n:]{0,%d}?)[ \t.]*$")
# '— Tom Phillips (@tomphillipsin) December 31, 2014' under an embedded tweet's text
_TWEET_SIGNOFF = (r"^[ \t]*(?P<dash>―|—|--|-)[ \t\xa0]*(?P<name>[^\n(@]{1,%d}?)[ \t]*"
                  r"\((?P<handle>@\w{1,30})\)[ \t]*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t.]*$")
# 'AD She was all in.' — an interview turn opened by the speaker's initials (no colon)
_INITIALS_TURN = r"^[ \t]*(?P<name>[A-Z]{2,3})[ \t]+(?P<rest>[\"“A-Z][^\n]*)$"
# '11.18 More from Tom Phillips in Indonesia.', '06.20 This from Tom Phillips, our
# correspondent in Surabaya:', "Here's an update from the OHA :": a live blog handing over
_UPDATE_FROM = (r"^[ \t]*(?:\d{1,2}[.:]\d{2}[ \t]+)?(?P<cue>(?:More|This|(?:Here'?s|Here is) an "
                r"update|An update|(?:The[ \t]+)?[Ll]atest(?:[ \t]+(?:updates?|news))?) from)"
                r"[ \t]+(?P<name>[^\n,:.]{2,%d}?)(?:,[^\n:]*|[ \t]+in[ \t][^\n:.]*)?"
                r"[ \t]*[:.][ \t]*$")
_TIME_STAMP = re.compile(r"[ \t]*\d{1,2}[.:]\d{2}\b")
QUOTE_MARKS = "\"“”"
ColonLine = tuple[Span, Cue, tuple[int, int]]  # the name, the colon cue, the words


# Capitalised labels that introduce text without anyone saying it ("Update: …", "Photo: …").
LABELS = frozenset(
    "update updates updated note correction clarification editor editors related photo photos "
    "video watch listen read more source sources credit credits caption advertisement sponsored "
    "warning disclaimer tags topics share follow subscribe breaking latest exclusive busted "
    "wow boom look bombshell leaked".split()
)


def label_word(word: str) -> str:
    """A label's word without case or possessive ending ("Editor's" -> "editor"; "SOURCES"
    stays "sources", whose own s's are no possessive)."""
    return re.sub(r"[’']s?$", "", word.lower())


def _is_name(span: Span | None, max_tokens: int) -> bool:
    """A short run of capitalised words: a person, outlet or poll named as the speaker."""
    if span is None or not 0 < len(span) <= max_tokens:
        return False
    if any(label_word(t.text) in LABELS for t in span):
        return False
    words = [t for t in span if not t.is_punct]
    return bool(words) and all(t.text[:1].isupper() or t.pos_ == "PROPN" for t in words)


def colon_lines(doc: Doc, settings: LayoutSettings | None = None) -> Iterator[ColonLine]:
    """'Name: words' lines (headlines, transcripts): the name, the colon cue and the words."""
    s = settings or LayoutSettings()
    for m in re.finditer(_COLON_LINE % s.max_name_chars, doc_text(doc), re.M):
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        colon = doc.char_span(m.start("colon"), m.end("colon"), alignment_mode="expand")
        if not _is_name(name, s.max_name_tokens) or colon is None or not _has_words(m["rest"]):
            continue
        if attributed_elsewhere(m["rest"]):
            continue
        yield name, Cue(colon.start, (colon.start,), "speech"), (m.start("rest"), m.end("rest"))


# A line's words that name their own source at the end: ", police say", ", officials said."
_OWN_SOURCE = re.compile(r",[ \t]+(?P<source>(?:[^\W\d_][\w.'’-]*[ \t]+){1,4}?)(?:says?|said)"
                         r"[ \t.!]*$", re.I)
# Words that make the stretch before "said" a clause, not a source ("and that is what I said").
_NOT_SOURCE_WORDS = frozenset("and but or so that what which who as if when i we you he she they "
                              "it this".split())


def attributed_elsewhere(rest: str) -> bool:
    """Whether a label's words end by naming who says them ('PERRIS: Woman ordered hit on
    father of her child, police say'): the label is then a dateline or a kicker, not the
    speaker, and the words go to the source they name."""
    m = _OWN_SOURCE.search(rest)
    return m is not None and not any(w.lower() in _NOT_SOURCE_WORDS for w in m["source"].split())


def _has_words(rest: str) -> bool:
    """Whether a label's text says anything: a tally line ('Clinton: 1,769.') has no words."""
    return any(w.isalpha() for w in re.findall(r"[^\W\d_]+", rest))


def dash_signoffs(
    doc: Doc, quotes: list[Quote], settings: LayoutSettings | None = None
) -> Iterator[tuple[Span, Cue, tuple[int, int]]]:
    """'“…”― Name' sign-offs: the name, the dash cue and the quotation just before it."""
    s = settings or LayoutSettings()
    for m in re.finditer(_DASH_SIGNOFF % s.max_name_chars, doc_text(doc), re.M):
        line_start = doc_text(doc).rfind("\n", 0, m.start()) + 1
        before = doc_text(doc)[line_start : m.start()].strip()
        if before and not before.endswith(("”", '"', "’")):
            continue
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
        prior = [q for q in quotes
                 if q.end <= m.start() and doc_text(doc)[q.end : m.start()].strip() == ""]
        if not _is_name(name, s.max_name_tokens) or dash is None:
            continue
        cue = Cue(dash.start, tuple(range(dash.start, dash.end)), "speech")
        if before[:1] in QUOTE_MARKS and before[-1:] in QUOTE_MARKS and len(before) > 2:
            # a whole quoted line, even when its marks are mis-typed ("”Fear. …”― Name")
            start = doc_text(doc).index(before, line_start)
            yield name, cue, (start + 1, start + len(before) - 1)
        elif prior:
            yield name, cue, prior[-1].inner


def quote_colon_lines(
    doc: Doc, settings: LayoutSettings | None = None
) -> Iterator[tuple[Span, Cue, tuple[int, int]]]:
    """'“…”: Name' lines (a headline quoting its speaker): the name, the colon cue, the words."""
    s = settings or LayoutSettings()
    for m in re.finditer(_QUOTE_COLON % s.max_name_chars, doc_text(doc), re.M):
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        colon = doc.char_span(m.start("colon"), m.end("colon"), alignment_mode="expand")
        if not _is_name(name, s.max_name_tokens) or colon is None:
            continue
        yield name, Cue(colon.start, (colon.start,), "speech"), (m.start("quote"), m.end("quote"))


def update_lines(
    doc: Doc, settings: LayoutSettings | None = None
) -> Iterator[tuple[Span, Cue, tuple[int, int]]]:
    """'11.18 More from Tom Phillips in Indonesia.' and the lines under it: a live blog's entry
    handed to its correspondent (or "Here's an update from the OHA :" above a list) is theirs,
    up to the next time-stamped entry, an embedded tweet or `update_max_lines` lines: the
    name, the words 'More from' as cue, and the lines."""
    s = settings or LayoutSettings()
    text = doc_text(doc)
    for m in re.finditer(_UPDATE_FROM % s.max_name_chars, text, re.M):
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        cue = doc.char_span(m.start("cue"), m.end("cue"), alignment_mode="expand")
        if name is None or cue is None or not any(t.text[:1].isupper() for t in name):
            continue
        words = _entry_lines(text, m.end(), s.update_max_lines)
        if words is not None:
            yield name, Cue(cue.end - 1, tuple(range(cue.start, cue.end)), "speech"), words


def _entry_lines(text: str, after: int, max_lines: int) -> tuple[int, int] | None:
    """The stretch of lines after a live-blog hand-over, up to the next time-stamped line, an
    embedded tweet (its text above a '— Name (@handle)' line, or a pic.twitter.com link) or
    `max_lines` lines; None when nothing follows."""
    lines = [ln for ln in _lines(text) if ln[0] > after]
    kept: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(lines[:max_lines]):
        line = text[a:b]
        nxt = text[slice(*lines[k + 1])] if k + 1 < len(lines) else ""
        if (_TIME_STAMP.match(line) or "pic.twitter.com" in line
                or re.match(_TWEET_SIGNOFF % 60, line) or re.match(_TWEET_SIGNOFF % 60, nxt)):
            break
        kept.append((a, b))
    return (kept[0][0], kept[-1][1]) if kept else None


def tweet_signoffs(
    doc: Doc, settings: LayoutSettings | None = None
) -> Iterator[tuple[Span, Cue, tuple[int, int]]]:
    """Embedded tweets ('words\n— Name (@handle) Date'): the name, the dash cue, the line above."""
    s = settings or LayoutSettings()
    text = doc_text(doc)
    for m in re.finditer(_TWEET_SIGNOFF % s.max_name_chars, text, re.M):
        above_end = text.rfind("\n", 0, m.start())
        if above_end < 0:
            continue
        above_start = text.rfind("\n", 0, above_end) + 1
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
        if name is None or dash is None or not text[above_start:above_end].strip():
            continue
        if names_itself(text[above_start:above_end], name.text):
            handle = doc.char_span(m.start("handle"), m.end("handle"), alignment_mode="expand")
            name = handle if handle is not None else name
        cue = Cue(dash.start, tuple(range(dash.start, dash.end)), "speech")
        yield name, cue, (above_start, above_end)


def names_itself(words: str, name: str) -> bool:
    """Whether a tweet's words speak of the name it is signed with in the third person ('NEW:
    Jennifer Lawrence at the game today' signed 'Jennifer Lawrence (@JenniferUpdates)'): a fan
    or news account under the celebrity's name, so the handle, not the person, wrote it."""
    full = " ".join(name.split())
    return len(full.split()) > 1 and full.lower() in " ".join(words.split()).lower()


def interview_turns(
    doc: Doc, settings: LayoutSettings | None = None
) -> Iterator[tuple[Span, Cue, tuple[int, int]]]:
    """'AD She was all in.' lines of an interview, the turn opened by the initials of a person
    the article names (Ava DuVernay): the initials (source and cue) and the turn's words."""
    people = {initials(e.text) for e in doc.ents
              if len(e) > 1 and (e.label_ == "PERSON" or person_shaped(e.text))}
    for m in re.finditer(_INITIALS_TURN, doc_text(doc), re.M):
        if m.group("name") not in people:
            continue
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        if name is None or len(name) != 1:
            continue
        yield name, Cue(name.start, (name.start,), "speech"), (m.start("rest"), m.end("rest"))


SENTENCE_END = (".", "!", "?", ".”", ".\"", "?”", "!”", ":")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding blanks."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + len(line.rstrip())))
    return out


_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Inc|Ltd|Co|Corp|Jr|Sr)\.)$")


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence, not an abbreviation ('… – Valhalla, N.Y.')."""
    return line.endswith(SENTENCE_END) and _ABBREVIATION_END.search(line) is None


def _panel_heading(text: str, lines: list[tuple[int, int]], k: int, s: LayoutSettings) -> bool:
    """Whether line k is a panellist's name over a role line ('Chief economist, Bank –
    Toronto') over a paragraph of prose."""
    if k + 2 >= len(lines):
        return False
    name, role, first = (text[a:b] for a, b in lines[k : k + 3])
    words = name.split()
    return (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and person_shaped(name)
            and 1 <= len(role.split()) <= s.panel_role_max_words
            and not _ends_sentence(role) and not person_shaped(role)
            and len(first.split()) > s.panel_role_max_words and first.endswith(SENTENCE_END))


def panel_sections(
    doc: Doc, settings: LayoutSettings | None = None
) -> Iterator[tuple[Span, Cue, tuple[int, int]]]:
    """A panel of named contributors ('Here, four economists share their views'): each section
    a line with a person's name, a line with their role, then their paragraphs up to the next
    section, which are their words set off, with no verb or quote marks. Only where the article
    has at least `panel_min_sections` sections, so a lone byline over a role is never one."""
    s = settings or LayoutSettings()
    text = doc_text(doc)
    lines = _lines(text)
    heads = [k for k in range(len(lines)) if _panel_heading(text, lines, k, s)]
    if len(heads) < s.panel_min_sections:
        return
    for n, k in enumerate(heads):
        last = (heads[n + 1] if n + 1 < len(heads) else len(lines)) - 1
        name = doc.char_span(*lines[k], alignment_mode="contract")
        if name is None or last < k + 2:
            continue
        for a, b in lines[k + 2 : last + 1]:
            yield name, Cue(name.start, tuple(range(name.start, name.end)), "speech"), (a, b)
