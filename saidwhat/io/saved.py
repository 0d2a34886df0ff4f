"""Saved saidwhat records (extract or Spark output, JSONL or Parquet) read back as Articles.

The one reader of saved records: the index loads them, `evaluate --pred` scores them, and a
Parquet file given to `extract` is read through it. A broken record is a Failure naming
file:line (JSONL) or `file:row N` (Parquet) and the rest of the file goes on; each article
comes with its raw record, whose extra fields (an outlet name, say) the caller may use.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from saidwhat.io.kinds import kind_of
from saidwhat.io.readers.decode import UTF8_BOM, lines, one_line, reason, too_big
from saidwhat.records import Article, Failure

Item = Article | Failure
Record = tuple[Item, dict[str, Any]]


def is_parquet(path: str | Path) -> bool:
    """Whether a file of saved records is Parquet (by its name), else JSON Lines."""
    return getattr(kind_of(path), "name", None) == "parquet"


def is_saved(path: str | Path) -> bool:
    """Whether a file holds saved records: Parquet, or JSONL whose first record has attributions.

    A JSONL file of raw articles (text or html, no attributions) is input to extract instead.
    """
    if is_parquet(path):
        return True
    if getattr(kind_of(path), "name", None) != "jsonl" or not Path(path).is_file():
        return False
    try:
        with open(path, "rb") as f:
            for n, (line, _) in enumerate(lines(f, 10_000_000), 1):
                if line is None:
                    return False
                if n == 1 and line.startswith(UTF8_BOM):
                    line = line[len(UTF8_BOM):]
                if line.strip():
                    first = json.loads(line)
                    return isinstance(first, dict) and "attributions" in first
    except (OSError, ValueError, RecursionError):
        return False
    return False


def read_saved(path: str | Path, max_bytes: int | None = None) -> Iterator[Record]:
    """(article or failure, raw record) for every saved record, in file order; never raises."""
    for origin, record in saved_records(str(path), max_bytes):
        if isinstance(record, Failure):
            yield record, {}
            continue
        item = saved_article(record, origin)
        yield item, ({} if isinstance(item, Failure) else record)


def read_records(path: str | Path) -> Iterator[Article]:
    """The saved articles only, for callers that want all or nothing: a broken record raises
    ValueError naming it (file:line or file:row N)."""
    for item, _ in read_saved(path):
        if isinstance(item, Failure):
            raise ValueError(str(item))
        yield item


def saved_records(path: str, max_bytes: int | None = None
                  ) -> Iterator[tuple[str, dict[str, Any] | Failure]]:
    """(origin, record) for each record of a saved JSONL or Parquet file; Failures in place of
    lines or rows that cannot be read, one Failure for a file that cannot be read at all."""
    try:
        if is_parquet(path):
            yield from parquet_rows(Path(path))
            return
        limit = max_bytes if max_bytes is not None else 1 << 62
        with open(path, "rb") as f:
            for n, (line, size) in enumerate(lines(f, limit), 1):
                origin = f"{path}:{n}"
                if line is None:
                    yield origin, Failure(origin, too_big(size, limit, "line"))
                    continue
                if n == 1 and line.startswith(UTF8_BOM):
                    line = line[len(UTF8_BOM):]
                if line.strip():
                    yield origin, _json_record(line, origin)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is one failure line
        yield path, Failure(path, f"cannot read: {reason(exc)}")


def _json_record(line: bytes, origin: str) -> dict[str, Any] | Failure:
    """One saved JSONL line as a dict, or the Failure saying why it is not one."""
    try:
        record = json.loads(line.decode("utf-8"))
    except RecursionError:
        return Failure(origin, "not valid JSON: nested too deeply")
    except ValueError as exc:
        return Failure(origin, f"bad record: {one_line(exc)}")
    return record if isinstance(record, dict) else Failure(origin, "bad record: not an object")


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
    if isinstance(record.get("attributions"), str):  # older Spark output kept them as JSON text
        try:
            record = {**record, "attributions": json.loads(record["attributions"])}
        except (ValueError, RecursionError) as exc:
            return Failure(origin, f"not a saidwhat record: attributions: {one_line(exc)}")
    try:
        article = Article.from_dict(record)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        return Failure(origin, f"not a saidwhat record: {type(exc).__name__}: {one_line(exc)}")
    return article if article.origin else replace(article, origin=origin)
