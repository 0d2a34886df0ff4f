"""HTML pieces built in Python: article highlighting, search matches, speaker colours.

Everything here escapes text first and only then adds markup, so article text can never
inject HTML. Overlapping and nested spans are handled by cutting the text at every span
boundary: each piece is covered by a fixed set of (attribution, role) marks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from saidwhat.index.queries import ArticleView, Quote

ROLES = ("source", "cue", "content")
# A link target saidwhat will render: http(s) only, no whitespace or control character anywhere
# (browsers drop those inside a scheme, so "java\tscript:" would still be javascript:).
SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def safe_link(url: str | None) -> str | None:
    """`url` if it is a plain http(s) URL a browser may follow, else None: no javascript:,
    vbscript:, data: or any other scheme ever becomes a live link."""
    return url if url and SAFE_URL.fullmatch(url) else None


@dataclass(frozen=True)
class Colour:
    """A speaker's colours: hue, a strong foreground and a light background."""

    hue: int
    fg: str
    bg: str
    swatch: str


@dataclass(frozen=True)
class Mark:
    """One role of one attribution covering part of the text."""

    index: int  # position of the attribution in the article
    role: str  # source | cue | content
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same marks (none for plain text)."""

    start: int
    end: int
    marks: tuple[Mark, ...]
    in_body: bool


# well separated hues (degrees) with the foreground lightness that keeps each readable on white
PALETTE = ((4, 40), (28, 36), (46, 30), (88, 28), (140, 28), (172, 27), (196, 32), (218, 40),
           (248, 45), (276, 40), (304, 36), (334, 40))


def _slot(speaker_id: str) -> int:
    """The palette slot a speaker id hashes to."""
    digest = int.from_bytes(hashlib.blake2b(speaker_id.encode(), digest_size=4).digest(), "big")
    return digest % len(PALETTE)


def _colour(slot: int) -> Colour:
    """The colours of a palette slot."""
    hue, light = PALETTE[slot]
    return Colour(hue, f"hsl({hue} 75% {light}%)", f"hsl({hue} 90% 89%)",
                  f"hsl({hue} 70% {light + 18}%)")


GREY = Colour(0, "hsl(0 0% 35%)", "hsl(0 0% 90%)", "hsl(0 0% 60%)")


def speaker_colour(speaker_id: str | None) -> Colour:
    """A stable colour for a speaker, from a hash of its id (grey when unresolved)."""
    return _colour(_slot(speaker_id)) if speaker_id else GREY


def article_colours(quotes: Sequence[Quote]) -> dict[str | None, Colour]:
    """Each speaker's colour within one article: its own, unless a speaker earlier by id holds
    that colour, then the next free one (so no two speakers of an article look alike)."""
    used: set[int] = set()
    out: dict[str | None, Colour] = {None: GREY}
    for sid in sorted({q.speaker_id for q in quotes if q.speaker_id}):
        slot = _slot(sid)
        while slot in used and len(used) < len(PALETTE):
            slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        out[sid] = _colour(slot)
    return out


def highlight_html(pieces: Iterable[tuple[str, bool]]) -> Markup:
    """Search-result pieces as HTML: every piece escaped, matched ones wrapped in <mark>."""
    return Markup("").join(Markup("<mark>{}</mark>").format(text) if hit else escape(text)
                           for text, hit in pieces)


def marks(quotes: Sequence[Quote], length: int) -> list[Mark]:
    """Every role span of every attribution, clipped to the text."""
    out = []
    for i, q in enumerate(quotes):
        for role, spans in (("content", q.content_spans), ("cue", q.cue_spans),
                            ("source", q.source_spans)):
            for s, e in spans:
                s, e = max(0, s), min(length, e)
                if e > s:
                    out.append(Mark(i, role, s, e))
    return out


def segments(length: int, all_marks: Sequence[Mark],
             body: Sequence[tuple[int, int]] = ()) -> list[Segment]:
    """The text cut at every mark and body boundary, each piece with the marks covering it."""
    cuts = {0, length}
    for m in all_marks:
        cuts.update((m.start, m.end))
    for s, e in body:
        cuts.update((max(0, min(length, s)), max(0, min(length, e))))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        covering = tuple(m for m in all_marks if m.start <= a and m.end >= b)
        in_body = not body or any(s <= a and e >= b for s, e in body)
        out.append(Segment(a, b, covering, in_body))
    return out


def describe(q: Quote, role: str) -> str:
    """The hover text of one role of an attribution."""
    who = q.speaker_name or "unknown speaker"
    if role == "source":
        how = q.resolved_by or "none"
        return f"{q.source} → {who} ({how})" if q.source else f"→ {who} ({how})"
    if role == "cue":
        return f"cue “{q.cue}” → {who}"
    return f"{q.kind} {q.type} · {who} · confidence {q.confidence:.2f}"


def _innermost(ms: Sequence[Mark], quotes: Sequence[Quote]) -> Mark:
    """Of several marks of one role, the one with the shortest attribution (the nested one)."""
    return min(ms, key=lambda m: (len(quotes[m.index].content), m.index))


def _segment_html(text: str, seg: Segment, quotes: Sequence[Quote],
                  colours: dict[str | None, Colour], anchors: set[int]) -> Markup:
    """One segment as escaped text, wrapped in a styled <span> when marked."""
    piece = escape(text[seg.start:seg.end])
    if not seg.marks:
        return Markup('<span class="outside">{}</span>').format(piece) if not seg.in_body else piece
    roles = [r for r in ROLES if any(m.role == r for m in seg.marks)]
    style = []
    for role, var in (("content", "--cbg"), ("source", "--sfg"), ("cue", "--qfg")):
        ms = [m for m in seg.marks if m.role == role]
        if ms:
            colour = colours[quotes[_innermost(ms, quotes).index].speaker_id]
            style.append(f"{var}: {colour.bg if role == 'content' else colour.fg}")
    titles = []
    for m in sorted(seg.marks, key=lambda m: (ROLES.index(m.role), m.index)):
        line = describe(quotes[m.index], m.role)
        if line not in titles:
            titles.append(line)
    ids = sorted({quotes[m.index].id for m in seg.marks})
    anchor = ""
    for m in seg.marks:
        qid = quotes[m.index].id
        if m.role == "content" and qid not in anchors:
            anchors.add(qid)
            anchor = f"q{qid}"
            break
    classes = " ".join(["hl", *roles] + ([] if seg.in_body else ["outside"]))
    return Markup('<span{} class="{}" style="{}" title="{}" data-a="{}">{}</span>').format(
        Markup(' id="{}"').format(anchor) if anchor else "", classes, "; ".join(style),
        "\n".join(titles), " ".join(map(str, ids)), piece)


def article_html(view: ArticleView) -> Markup:
    """The article text with every attribution's source, cue and content highlighted."""
    quotes = view.attributions
    segs = segments(len(view.text), marks(quotes, len(view.text)), view.body)
    colours = article_colours(quotes)
    anchors: set[int] = set()
    return Markup("").join(_segment_html(view.text, s, quotes, colours, anchors) for s in segs)


@dataclass(frozen=True)
class LegendEntry:
    """A speaker in an article's legend."""

    speaker_id: str | None
    name: str
    colour: Colour
    count: int


def legend(quotes: Sequence[Quote]) -> list[LegendEntry]:
    """The speakers of an article's attributions, most attributions first."""
    seen: dict[str | None, list[Quote]] = {}
    for q in quotes:
        seen.setdefault(q.speaker_id, []).append(q)
    colours = article_colours(quotes)
    entries = [LegendEntry(sid, qs[0].speaker_name or "unknown speaker", colours[sid], len(qs))
               for sid, qs in seen.items()]
    return sorted(entries, key=lambda e: (-e.count, e.name))
