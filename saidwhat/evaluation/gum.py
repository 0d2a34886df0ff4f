"""Reading the GUM corpus (conll coreference + WebAnno TSV offsets) into texts and gold mentions.

A document's text is rebuilt from the TSV token offsets (one line per sentence), and its
mentions come from the conll brackets: `(TYPE-CLUSTER[-Identity]` … `TYPE-CLUSTER)`; mentions
of one cluster number refer to the same thing. Splits are read from `splits.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_PART = re.compile(r"(\()?([a-z]+)-(\d+)(?:-([^()]*?))?(\))?(?=\(|$)")


@dataclass(frozen=True)
class GumMention:
    """One gold mention: character offsets into the rebuilt text, entity type and cluster."""

    start: int
    end: int
    type: str
    cluster: int


@dataclass(frozen=True)
class GumDocument:
    """One GUM document: its name, rebuilt text and gold mentions in text order."""

    name: str
    text: str
    mentions: tuple[GumMention, ...]


def read_splits(gum_dir: Path) -> dict[str, list[str]]:
    """Document names per split (train, dev, test, test2)."""
    splits: dict[str, list[str]] = {}
    current = None
    for line in (gum_dir / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            splits[current] = []
        elif current and line.strip().startswith("* "):
            splits[current].append(line.strip()[2:].strip())
    return splits


def _tsv_tokens(path: Path) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Token (start, end, text) triples and each token's sentence number from a WebAnno TSV."""
    tokens: list[tuple[int, int, str]] = []
    sents: list[int] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or "-" not in cols[1]:
            continue
        sent = int(cols[0].split("-")[0])
        start, end = (int(x) for x in cols[1].split("-"))
        tokens.append((start, end, cols[2]))
        sents.append(sent)
    return tokens, sents


def _conll_brackets(path: Path) -> list[str]:
    """The coreference column of every token line of a conll file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        out.append(cols[-1] if len(cols) >= 3 else "_")
    return out


def _rebuild_text(tokens: list[tuple[int, int, str]], sents: list[int]) -> str:
    """The text with each token at its offset, sentences on lines of their own."""
    chars: list[str] = []
    for n, (start, _, text) in enumerate(tokens):
        gap = start - len(chars)
        if gap > 0:
            sep = "\n" if n and sents[n] != sents[n - 1] else " "
            chars.extend(sep * gap)
        chars.extend(text)
    return "".join(chars)


def _mentions(columns: list[str], tokens: list[tuple[int, int, str]]) -> list[GumMention]:
    """Mentions from the bracket column: opening and closing parts matched per cluster."""
    open_: dict[int, list[tuple[int, str]]] = {}
    out: list[GumMention] = []
    for i, col in enumerate(columns):
        if col == "_":
            continue
        for m in _PART.finditer(col):
            opening, type_, cluster, closing = m.group(1), m.group(2), int(m.group(3)), m.group(5)
            if opening:
                open_.setdefault(cluster, []).append((i, type_))
            if closing and open_.get(cluster):
                first, type_ = open_[cluster].pop()
                out.append(GumMention(tokens[first][0], tokens[i][1], type_, cluster))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def read_document(gum_dir: Path, name: str) -> GumDocument:
    """One document by name, from its conll and TSV files."""
    tokens, sents = _tsv_tokens(gum_dir / "tsv" / f"{name}.tsv")
    columns = _conll_brackets(gum_dir / "conll" / f"{name}.conll")
    if len(columns) != len(tokens):
        raise ValueError(f"{name}: conll has {len(columns)} tokens, tsv {len(tokens)}")
    return GumDocument(name, _rebuild_text(tokens, sents), tuple(_mentions(columns, tokens)))


def read_split(gum_dir: str | Path, split: str) -> list[GumDocument]:
    """Every document of a split whose text is distributed (the Reddit part is not)."""
    root = Path(gum_dir)
    names = read_splits(root).get(split)
    if names is None:
        raise ValueError(f"{root / 'splits.md'}: no split named {split!r}")
    return [read_document(root, n) for n in names if (root / "tsv" / f"{n}.tsv").exists()]
