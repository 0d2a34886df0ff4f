"""Carrying character spans from one version of a text to another (difflib alignment).

Used where saidwhat's text is not byte for byte the gold's: a page's extracted text against its
canonical text, a mojibake-repaired article against the raw text its gold was made on.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def align(source: str, target: str) -> list[int]:
    """For each character of `source`, its position in `target` (-1 when it has none there)."""
    mapping = [-1] * len(source)
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    return mapping


def map_pieces(
    pieces: Iterable[tuple[int, int]], mapping: Sequence[int]
) -> tuple[tuple[int, int], ...]:
    """Pieces of `source` carried to `target`: runs of consecutive mapped positions."""
    n = len(mapping)
    positions = sorted({mapping[i] for s, e in pieces for i in range(max(0, s), min(e, n))
                        if mapping[i] >= 0})
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and out[-1][1] == p:
            out[-1] = (out[-1][0], p + 1)
        else:
            out.append((p, p + 1))
    return tuple(out)


def boundaries(source: str, target: str) -> tuple[list[int], list[int]]:
    """For each offset 0..len(source), where a span starting there starts in `target`, and
    where a span ending there ends: a replaced stretch ("Ã¡" for "á") is carried whole."""
    starts, ends = [0] * (len(source) + 1), [0] * (len(source) + 1)
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2 + 1):
            if tag == "equal":
                starts[k] = ends[k] = j1 + k - i1
            else:
                starts[k] = j1 if k < i2 else j2
                ends[k] = j2 if k > i1 else j1
    return starts, ends


def carry_pieces(
    pieces: Iterable[tuple[int, int]], maps: tuple[list[int], list[int]]
) -> tuple[tuple[int, int], ...]:
    """Pieces of `source` carried to `target` piece for piece through `boundaries`' maps."""
    starts, ends = maps
    n = len(starts) - 1
    carried = ((starts[min(max(s, 0), n)], ends[min(max(e, 0), n)]) for s, e in pieces)
    return tuple((s, e) for s, e in carried if s < e)
