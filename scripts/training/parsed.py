"""Texts parsed once: a DocBin cache that every step of `make train` reuses.

A cache file is named by its label and a key over the spaCy version, the pipeline's name,
version and components, the batch size and every text, so a changed text, model or spaCy
release parses afresh; engine changes never touch the parse, so the cache stays valid
across them. Files are written whole (to a temporary name, then renamed), so an interrupted
run leaves no half cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from saidwhat.evaluation.evaluate import read_text
from saidwhat.run import nlp as models

BATCH_SIZE = 16  # nlp.pipe batch size; part of the key
FORMAT = 1  # bump when what a cache file holds changes
ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "LEMMA",
         "MORPH", "POS", "SENT_START")


def cache_key(nlp: Language, texts: Sequence[str]) -> str:
    """A hex digest naming the parse of these texts by this pipeline."""
    h = hashlib.sha256()
    meta = {"format": FORMAT, "spacy": spacy.__version__, "name": nlp.meta.get("name"),
            "lang": nlp.lang, "version": nlp.meta.get("version"), "pipes": nlp.pipe_names,
            "batch_size": BATCH_SIZE, "texts": len(texts)}
    h.update(json.dumps(meta, sort_keys=True).encode())
    for text in texts:
        data = text.encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def parse(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """The texts parsed by the whole pipeline, in order."""
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE))


def _read(path: Path, nlp: Language, texts: Sequence[str]) -> list[Doc] | None:
    """The cached docs in `path`, or None when it is missing or does not hold these texts."""
    if not path.is_file():
        return None
    try:
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    except (OSError, ValueError) as exc:
        print(f"{path}: unreadable parse cache, parsing again ({exc})", file=sys.stderr)
        return None
    if [d.text for d in docs] != list(texts):
        print(f"{path}: parse cache of other texts, parsing again", file=sys.stderr)
        return None
    return docs


def _write(path: Path, docs: Sequence[Doc]) -> None:
    """Write the docs to `path` whole, then drop older caches of the same label."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = DocBin(attrs=list(ATTRS), docs=docs).to_bytes()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    label = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{label}-*.spacy"):
        if old != path and old.name.rsplit("-", 1)[0] == label:
            old.unlink(missing_ok=True)


def parsed_texts(texts: Sequence[str], cache: Path | None, label: str,
                 model: str | None = None) -> list[Doc]:
    """The texts parsed, read from `cache` (a folder) when it holds them under `label`, else
    parsed and written there; no cache: parsed. No texts: nothing parsed and the cache left
    alone (a mistyped folder must not drop the cache of the texts it meant)."""
    if not texts:
        return []
    nlp = models.load(model)
    if cache is None:
        return parse(nlp, texts)
    path = cache / f"{label}-{cache_key(nlp, texts)[:16]}.spacy"
    docs = _read(path, nlp, texts)
    if docs is None:
        print(f"parsing {len(texts)} texts ({label}) into {path}", file=sys.stderr)
        docs = parse(nlp, texts)
        _write(path, docs)
    return docs


def text_names(text_dir: Path) -> list[str]:
    """The names of a folder's .txt files, in name order."""
    return sorted(p.stem for p in text_dir.glob("*.txt"))


def split_texts(split_dir: Path) -> tuple[list[str], list[str]]:
    """Names and texts of a PolNeAR-style split (its text/ folder, else the folder itself), read
    as `saidwhat extract` reads them."""
    text_dir = split_dir / "text" if (split_dir / "text").is_dir() else split_dir
    names = text_names(text_dir)
    if not names:
        raise SystemExit(f"{text_dir}: no .txt files")
    return names, [read_text(text_dir / f"{n}.txt") for n in names]


def parsed_split(split_dir: Path, cache: Path | None, model: str | None = None
                 ) -> list[tuple[str, Doc]]:
    """Every text of a split, parsed (through the cache), with its name, in name order."""
    names, texts = split_texts(split_dir)
    text_dir = split_dir / "text" if (split_dir / "text").is_dir() else split_dir
    label = f"{text_dir.parent.parent.name}-{text_dir.parent.name}" if text_dir.name == "text" \
        else text_dir.name
    return list(zip(names, parsed_texts(texts, cache, label, model), strict=True))
