"""Saved saidwhat records (extract or Spark output, JSONL or Parquet) read back as Articles."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from saidwhat.records import Article, Failure

Item = Article | Failure


def read_records(path: str | Path) -> Iterator[Article]:
    """Saved articles read back from jsonl or parquet output; a broken record raises ValueError."""
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        yield from _read_parquet(path)
        return
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                article = Article.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise ValueError(f"{path}:{lineno}: not a saidwhat record: "
                                 f"{type(exc).__name__}: {exc}") from exc
            yield article


def _read_parquet(path: Path, batch_size: int = 64) -> Iterator[Article]:
    """Articles from a Parquet file, a few at a time."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(str(path))
    except pa.ArrowException as exc:
        raise ValueError(f"{path}: not a Parquet file: {exc}") from exc
    for batch in pf.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            try:
                yield Article.from_dict(row)
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}: not a saidwhat record: {type(exc).__name__}: {exc}"
                                 ) from exc


def read_parquet(path: Path) -> Iterator[Item]:
    """Saved records of a Parquet file, one by one: a malformed row (or a row group that cannot be
    decoded, row by row) is a Failure naming `file:row N`, the other rows are read."""
    for origin, record in parquet_rows(path):
        yield record if isinstance(record, Failure) else saved_article(record, origin)


def parquet_rows(path: Path) -> Iterator[tuple[str, dict[str, Any] | Failure]]:
    """(origin `file:row N`, the row as a dict) for every row of a Parquet file, a Failure in
    place of each row of a row group that cannot be decoded; ValueError if it is no Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(str(path))
    except (pa.ArrowException, OSError) as exc:
        raise ValueError(f"not a Parquet file: {one_line(exc)}") from exc
    row = 0
    for group in range(pf.num_row_groups):
        try:
            rows: list[Any] = pf.read_row_group(group).to_pylist()
        except (pa.ArrowException, OSError, ValueError) as exc:
            rows = [Failure("", f"unreadable row group: {one_line(exc)}")] * (
                pf.metadata.row_group(group).num_rows)
        for record in rows:
            row += 1
            origin = f"{path}:row {row}"
            yield origin, (Failure(origin, record.error) if isinstance(record, Failure)
                           else record)


def saved_article(record: object, origin: str) -> Item:
    """A saved record (a row of extract's output) as an Article, or a Failure saying what is
    wrong with it."""
    if not isinstance(record, Mapping):
        return Failure(origin, f"not a saidwhat record: a {type(record).__name__}")
    for key in ("id", "text"):
        if not isinstance(record.get(key), str):
            return Failure(origin, f"not a saidwhat record: {key!r} is not a string")
    try:
        article = Article.from_dict(record)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        return Failure(origin, f"not a saidwhat record: {type(exc).__name__}: {one_line(exc)}")
    return article if article.origin else replace(article, origin=origin)


def one_line(exc: BaseException) -> str:
    """An exception's message on one short line."""
    return " ".join(str(exc).split())[:300] or type(exc).__name__
