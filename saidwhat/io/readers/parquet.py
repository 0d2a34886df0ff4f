"""Parquet files of saved saidwhat records (`extract -f parquet`, Spark output) read as input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from saidwhat.io import saved
from saidwhat.io.kinds import IngestStats
from saidwhat.records import Article, Failure


def read(path: Path, max_bytes: int, stats: IngestStats) -> Iterator[Article | Failure]:
    """The saved articles of a Parquet file, a broken row a Failure naming `file:row N`."""
    return saved.read_parquet(path)
