"""JSON Lines: one Article.to_dict() object per line, UTF-8, non-ASCII kept."""

from __future__ import annotations

import json
from typing import IO

from saidwhat.records import Article


class JsonlSink:
    """One Article.to_dict() JSON object per line, UTF-8, non-ASCII kept."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, article: Article) -> None:
        """Write one article as one line."""
        self.out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Flush the stream."""
        self.out.flush()
