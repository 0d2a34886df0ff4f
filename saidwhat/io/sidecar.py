"""Metadata for folders of text files: a sidecar table beside them (or up to three folders up).

A `metadata.tsv` or `metadata.csv` with a header row names each article's outlet, date, URL and
title by its file name. Column names are matched loosely, so PolNeAR's own `metadata.tsv`
(filename, publisher, publication_date, title) works as it is:

    id       <- id, filename, file, name, article_id, doc_id
    outlet   <- outlet, publisher, source, site, site_name
    published<- published, date, publication_date, pubdate
    url      <- url, link, source_url
    title    <- title, headline

A file matches a row when its stem (or name) equals the row's id (with or without an extension).
A table is read once per run and cached; an unreadable table is ignored (the articles keep what
their text gives them).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from pathlib import Path

NAMES = ("metadata.tsv", "metadata.csv")
LEVELS = 3  # folders above a text file searched for a sidecar table
COLUMNS = {
    "id": ("id", "filename", "file", "name", "article_id", "doc_id"),
    "outlet": ("outlet", "publisher", "source", "site", "site_name"),
    "published": ("published", "date", "publication_date", "pubdate"),
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
}
MISSING = ("", "none", "null", "nan", "n/a")


def _column(header: list[str], field: str) -> int | None:
    """Which column of the header holds a field, by any of its names."""
    lowered = [h.strip().lower() for h in header]
    for name in COLUMNS[field]:
        if name in lowered:
            return lowered.index(name)
    return None


def _value(row: list[str], index: int | None) -> str | None:
    """A cell, None when absent or a missing-value marker."""
    if index is None or index >= len(row):
        return None
    value = row[index].strip()
    return None if value.lower() in MISSING else value


@functools.lru_cache(maxsize=16)
def read_table(path: Path, mtime: float) -> Mapping[str, dict[str, str]]:
    """A sidecar table as {id: {field: value}} (ids also without their extension); empty when
    the file cannot be read or has no id column. `mtime` keys the cache."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t" if path.suffix == ".tsv" else ","))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    if not rows:
        return {}
    header, index = rows[0], {f: _column(rows[0], f) for f in COLUMNS}
    if index["id"] is None:
        return {}
    del header
    table: dict[str, dict[str, str]] = {}
    for row in rows[1:]:
        key = _value(row, index["id"])
        if not key:
            continue
        meta = {f: v for f in ("outlet", "published", "url", "title")
                if (v := _value(row, index[f])) is not None}
        table[key] = meta
        table.setdefault(Path(key).stem, meta)
    return table


def find_tables(path: Path, levels: int = LEVELS) -> list[Path]:
    """Sidecar tables that may describe `path`: beside it first, then up the folders."""
    out = []
    folder = path.parent
    for _ in range(levels + 1):
        out.extend(folder / n for n in NAMES if (folder / n).is_file())
        if folder.parent == folder:
            break
        folder = folder.parent
    return out


def metadata_for(path: Path) -> dict[str, str]:
    """The outlet, date, URL and title a sidecar table gives for this file ({} if none)."""
    for table_path in find_tables(path):
        try:
            table = read_table(table_path, table_path.stat().st_mtime)
        except OSError:
            continue
        meta = table.get(path.stem) or table.get(path.name)
        if meta is not None:
            return dict(meta)
    return {}
