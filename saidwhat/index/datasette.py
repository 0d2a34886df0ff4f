"""Datasette as a way in: a `metadata.json` beside the index describing its tables and views.

`datasette news.db -m metadata.json` then opens the index with titles and descriptions, the
working tables (shingles, FTS internals) hidden, the readable views (`quotes` with speaker
names, `quotes_across_outlets`) first, and Datasette's search box on `quotes` and
`attributions` wired to the index's FTS5 table (`attribution_fts`, whose rowid is the
attribution id). Datasette itself is not needed to build or serve the index.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FILE_NAME = "metadata.json"
MARK = "saidwhat"  # metadata.json files carrying "source": MARK are ours to update
SEARCH = {"fts_table": "attribution_fts", "fts_pk": "id"}

TABLES: dict[str, dict[str, Any]] = {
    "quotes": {
        "description": "Every attribution with its speaker's name, the article's title, "
                       "outlet and date (a view over attributions). The search box searches "
                       "the quote, the speaker and the title; words match by their stem.",
        **SEARCH,
        "facets": ["speaker", "outlet", "kind"],
        "sortable_columns": ["published", "speaker", "confidence", "outlet", "kind"],
    },
    "quotes_across_outlets": {
        "description": "Quotes reported by two or more articles: how many articles and "
                       "outlets, the earliest wording and who said it.",
    },
    "speakers": {
        "description": "Speakers across the corpus: name, type, how often and where quoted.",
        "facets": ["type"],
    },
    "speaker_aliases": {"description": "Every name a speaker was written as."},
    "articles": {
        "description": "The indexed articles: title, outlet, date, URL and full text.",
        "facets": ["outlet"],
    },
    "attributions": {
        "description": "Attributions as stored: spans into the article text, the "
                       "article-local speaker id, kind, type and confidence.",
        **SEARCH,
        "facets": ["kind", "type"],
    },
    "article_speakers": {"description": "Each article's speakers and their corpus speaker."},
    "quote_groups": {"description": "Groups of reports of one quote (see the view "
                                    "quotes_across_outlets)."},
    "failures": {"description": "Inputs that could not be indexed, and why."},
}
HIDDEN = ("meta", "quote_shingles", "quote_words", "attribution_fts", "attribution_fts_data",
          "attribution_fts_idx", "attribution_fts_content", "attribution_fts_docsize",
          "attribution_fts_config")


def metadata(db: str | os.PathLike[str]) -> dict[str, Any]:
    """Datasette metadata for the index at `db` (its database name is the file's stem)."""
    tables = {**TABLES, **{name: {"hidden": True} for name in HIDDEN}}
    return {
        "source": MARK,
        "title": "saidwhat: who said what",
        "description": "Attributions found in news articles by saidwhat, tied to their "
                       "speakers; quotes tracked across outlets.",
        "databases": {Path(db).stem: {
            "description": "A saidwhat index: start with the quotes view.",
            "tables": tables,
        }},
    }


def write_metadata(db: str | os.PathLike[str]) -> Path | None:
    """Write (or update) `metadata.json` beside the index; its path, or None when a
    metadata.json that saidwhat did not write is already there (it is left alone)."""
    path = Path(db).with_name(FILE_NAME)
    ours = metadata(db)
    if path.exists():
        try:
            existing = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(existing, dict) or existing.get("source") != MARK:
            return None
        ours["databases"] = {**existing.get("databases", {}), **ours["databases"]}
    tmp = path.with_name(f".{FILE_NAME}.tmp")
    tmp.write_text(json.dumps(ours, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
