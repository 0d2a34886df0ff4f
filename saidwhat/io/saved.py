"""Saved saidwhat records (extract or Spark output, JSONL or Parquet) read back as Articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from saidwhat.records import Article


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
