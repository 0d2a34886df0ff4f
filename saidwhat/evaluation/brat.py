"""Reading brat standoff annotation files (PolNeAR's layout) into gold attributions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from saidwhat.records import Offsets

ROLES = ("source", "cue", "content")
EVENT_TYPES = ("Attribution", "Attribution-no-source")
IGNORED_LABELS = ("Discuss", "Discard")

_ROLE_RE = re.compile(r"^(Source|Cue|Content)(\d*)$")
_PIECE_RE = re.compile(r"^(\d+) (\d+)$")
_LINE_RE = re.compile(r"^(#|[TERANM]\d+\t)")


@dataclass(frozen=True)
class TextBound:
    """A `T` line: a labelled span of one or more pieces."""

    id: str
    label: str
    pieces: Offsets
    text: str


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution (an `E` line): its source, cue and content pieces."""

    id: str
    content: Offsets
    cue: Offsets = ()
    source: Offsets = ()


@dataclass(frozen=True)
class Annotation:
    """One `.ann` file: the attributions it holds and every line it could not use."""

    name: str  # the text it annotates: NAME of NAME_XXXX.ann
    annotator: str  # XXXX of NAME_XXXX.ann ("" when the file name has no annotator part)
    attributions: tuple[GoldAttribution, ...]
    problems: tuple[str, ...] = ()
    origin: str | None = None


def split_name(path: str | Path) -> tuple[str, str]:
    """`NAME_XXXX.ann` -> (NAME, XXXX); a name without `_` has no annotator part."""
    stem = Path(path).name
    stem = stem[:-4] if stem.endswith(".ann") else stem
    name, sep, annotator = stem.rpartition("_")
    return (name, annotator) if sep and name else (stem, "")


def _join_continuations(lines: list[str]) -> list[tuple[int, str]]:
    """Numbered lines, where a `T` line whose quoted text held newlines is joined back up."""
    joined: list[tuple[int, str]] = []
    for lineno, line in enumerate(lines, 1):
        if joined and joined[-1][1].startswith("T") and not _LINE_RE.match(line):
            joined[-1] = (joined[-1][0], joined[-1][1] + "\n" + line)
        else:
            joined.append((lineno, line))
    return joined


def _parse_pieces(field: str) -> Offsets | None:
    """`315 448;463 553` -> ((315, 448), (463, 553)); None when malformed."""
    pieces = []
    for part in field.split(";"):
        m = _PIECE_RE.match(part.strip())
        if not m:
            return None
        start, end = int(m.group(1)), int(m.group(2))
        if end < start:
            return None
        pieces.append((start, end))
    return tuple(pieces)


def _parse_textbound(tid: str, rest: str) -> TextBound | None:
    """The part of a `T` line after its id; None when malformed."""
    fields = rest.split("\t", 1)
    label, _, offsets = fields[0].partition(" ")
    pieces = _parse_pieces(offsets)
    if not label or pieces is None:
        return None
    return TextBound(id=tid, label=label, pieces=pieces, text=fields[1] if len(fields) > 1 else "")


def parse_ann(
    content: str, origin: str = "<ann>", text: str | None = None
) -> tuple[tuple[GoldAttribution, ...], tuple[str, ...]]:
    """Parse `.ann` content into attributions and one-line problem reports (never raises).

    With `text`, also report `T` lines that do not quote it at their offsets.
    """
    bounds: dict[str, TextBound] = {}
    events: list[tuple[int, str, str]] = []
    problems: list[str] = []
    lines = _join_continuations(content.splitlines())
    for lineno, line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        tid, sep, rest = line.partition("\t")
        where = f"{origin}:{lineno}"
        if not sep:
            problems.append(f"{where}: not a brat line: {line[:60]!r}")
        elif tid.startswith("T"):
            bound = _parse_textbound(tid, rest)
            if bound is None:
                problems.append(f"{where}: malformed text-bound line: {line[:60]!r}")
            else:
                bounds[tid] = bound
                if text is not None:
                    problems.extend(_check_bound(bound, text, where))
        elif tid.startswith("E"):
            events.append((lineno, tid, rest))
        elif tid[:1] not in ("A", "R", "N", "M"):
            problems.append(f"{where}: unknown line type {tid!r}")
    attributions = []
    for lineno, eid, rest in events:
        attribution = _parse_event(eid, rest, bounds, f"{origin}:{lineno}", problems)
        if attribution is not None:
            attributions.append(attribution)
    return tuple(attributions), tuple(problems)


def _parse_event(
    eid: str, rest: str, bounds: dict[str, TextBound], where: str, problems: list[str]
) -> GoldAttribution | None:
    """The part of an `E` line after its id; Content2, Content3, … add pieces to the content.

    Roles are taken as listed: an `Attribution-no-source` event that does name a Source keeps it.
    """
    args = rest.split()
    if not args:
        problems.append(f"{where}: empty event {eid}")
        return None
    trigger, _, _ = args[0].partition(":")
    if trigger not in EVENT_TYPES:
        problems.append(f"{where}: {eid} is a {trigger!r} event, not an attribution")
        return None
    pieces: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for arg in args[1:]:
        role, _, ref = arg.partition(":")
        m = _ROLE_RE.match(role)
        if not m:
            problems.append(f"{where}: {eid} has unknown role {role!r}")
            continue
        if ref not in bounds:
            problems.append(f"{where}: {eid} refers to missing {ref!r}")
            continue
        pieces[m.group(1).lower()].extend(bounds[ref].pieces)
    if not pieces["content"]:
        problems.append(f"{where}: {eid} has no content")
    return GoldAttribution(
        id=eid,
        content=tuple(sorted(set(pieces["content"]))),
        cue=tuple(sorted(set(pieces["cue"]))),
        source=tuple(sorted(set(pieces["source"]))),
    )


def _check_bound(bound: TextBound, text: str, where: str) -> list[str]:
    """A problem when a `T` line's offsets do not hold its quoted text."""
    if any(e > len(text) for _, e in bound.pieces):
        return [f"{where}: {bound.id} runs past the end of the text"]
    quoted = " ".join(text[s:e] for s, e in bound.pieces)
    if quoted.split() != bound.text.split():
        return [f"{where}: {bound.id} quotes text that differs from the text at its offsets"]
    return []


def read_ann(path: str | Path, text: str | None = None) -> Annotation:
    """Read one `NAME_XXXX.ann` file; problems are reported in the result, not raised."""
    path = Path(path)
    name, annotator = split_name(path)
    try:
        content = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Annotation(name, annotator, (), (f"{path}: cannot read: {exc}",), str(path))
    attributions, problems = parse_ann(content, str(path), text)
    return Annotation(name, annotator, attributions, problems, str(path))


def gold_cue_positions(gold_dir: str | Path, name: str) -> set[int]:
    """Character positions covered by any annotator's Cue spans for text NAME of a split."""
    positions: set[int] = set()
    for ann in sorted((Path(gold_dir) / "attributions").glob(f"{name}_*.ann")):
        for att in read_ann(ann).attributions:
            for s, e in att.cue:
                positions.update(range(s, e))
    return positions
