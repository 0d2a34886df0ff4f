"""What the reader tests share: the fixture folder and reading paths as `extract` does."""

from __future__ import annotations

from pathlib import Path

from saidwhat.io import discover
from saidwhat.records import Article, Failure

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MB = 1_000_000


def read(*paths: Path | str, max_bytes: int = MB) -> list[Article | Failure]:
    """Everything read_inputs yields for the paths."""
    return list(discover.read_inputs([str(p) for p in paths], max_bytes))


def only(items: list[Article | Failure]) -> Article | Failure:
    """The single item read."""
    assert len(items) == 1, items
    return items[0]
