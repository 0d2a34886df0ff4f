"""Parquet: one row per article in `RECORD_SCHEMA` (shared with the Spark runner), row groups
written as articles stream in; `saidwhat.io.saved` reads it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from saidwhat.records import Article

_SPANS = pa.list_(pa.list_(pa.int64()))
_MENTION = pa.struct([("text", pa.string()), ("spans", _SPANS)])
_SPEAKER = pa.struct([("name", pa.string()), ("id", pa.string()), ("type", pa.string()),
                      ("resolved_by", pa.string())])
ATTRIBUTION_TYPE = pa.struct([
    ("kind", pa.string()), ("type", pa.string()),
    ("content", _MENTION), ("cue", _MENTION), ("source", _MENTION),
    ("speaker", _SPEAKER), ("confidence", pa.float64()),
])
POSITION_TYPE = pa.struct([
    ("relation", pa.string()), ("source", pa.string()), ("source_id", pa.string()),
    ("target", pa.string()), ("polarity", pa.string()), ("a", pa.string()), ("a_id", pa.string()),
    ("b", pa.string()), ("b_id", pa.string()), ("topic", pa.string()), ("explicit", pa.bool_()),
    ("evidence", _MENTION),
])
RECORD_SCHEMA = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("published", pa.string()), ("outlet", pa.string()), ("author", pa.string()),
    ("text", pa.string()), ("body", _SPANS), ("block_quotes", _SPANS),
    ("attributions", pa.list_(ATTRIBUTION_TYPE)), ("positions", pa.list_(POSITION_TYPE)),
    ("errors", pa.list_(pa.string())),
])
"""One row per article, the fields of Article.to_dict(); attributions a list of structs."""

ROW_GROUP_ARTICLES = 512  # a Parquet row group holds at most this many articles...
ROW_GROUP_CHARS = 32_000_000  # ...or about this much text, whichever comes first


class ParquetSink:
    """RECORD_SCHEMA rows, written in bounded row groups as articles stream in."""

    def __init__(self, path: str | Path) -> None:
        import pyarrow.parquet as pq

        self.writer = pq.ParquetWriter(str(path), RECORD_SCHEMA, compression="zstd")
        self.rows: list[dict[str, Any]] = []
        self.chars = 0

    def write(self, article: Article) -> None:
        """Buffer one article; flush a row group when the buffer is full."""
        self.rows.append(article.to_dict())
        self.chars += len(article.text)
        if len(self.rows) >= ROW_GROUP_ARTICLES or self.chars >= ROW_GROUP_CHARS:
            self.flush()

    def flush(self) -> None:
        """Write buffered articles as one row group."""
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=RECORD_SCHEMA))
            self.rows, self.chars = [], 0

    def close(self) -> None:
        """Write the last row group and the footer."""
        self.flush()
        self.writer.close()
