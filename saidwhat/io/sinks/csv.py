"""CSV: one row per attribution, with its article's id and metadata."""

from __future__ import annotations

import csv
from typing import IO, Any

from saidwhat.records import Article, Attribution, Mention

CSV_COLUMNS = (
    "article_id", "kind", "type", "speaker", "speaker_id", "speaker_type", "resolved_by",
    "source", "cue", "content", "content_start", "content_end", "source_start", "source_end",
    "cue_start", "cue_end", "confidence", "title", "url", "published",
)


def _piece(m: Mention | None, index: int) -> int | str:
    """The start (0) or end (1) offset of a mention; '' without one."""
    if m is None or not m.spans:
        return ""
    return m.start if index == 0 else m.end


def csv_row(article: Article, a: Attribution) -> dict[str, Any]:
    """One attribution as a flat CSV row."""
    sp = a.speaker
    return {
        "article_id": article.id, "kind": a.kind, "type": a.type,
        "speaker": sp.name if sp else "", "speaker_id": sp.id if sp else "",
        "speaker_type": sp.type if sp else "", "resolved_by": sp.resolved_by if sp else "",
        "source": a.source.text if a.source else "", "cue": a.cue.text if a.cue else "",
        "content": a.content.text,
        "content_start": _piece(a.content, 0), "content_end": _piece(a.content, 1),
        "source_start": _piece(a.source, 0), "source_end": _piece(a.source, 1),
        "cue_start": _piece(a.cue, 0), "cue_end": _piece(a.cue, 1),
        "confidence": round(a.confidence, 3),
        "title": article.title or "", "url": article.url or "",
        "published": article.published or "",
    }


class CsvSink:
    """One attribution per row, with its article's id and metadata."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def write(self, article: Article) -> None:
        """Write one row per attribution of the article."""
        for a in article.attributions:
            self.writer.writerow(csv_row(article, a))

    def close(self) -> None:
        """Flush the stream."""
        self.out.flush()
