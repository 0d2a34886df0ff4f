"""The SQLite index: articles, attributions, corpus speakers, quote groups, failures, FTS5 search.

Built incrementally and safe to interrupt: an article is identified by the hash of its raw
text, checked before any NLP runs, and each article is written in its own transaction with its
attributions, positions and quote-group assignments. Corpus speakers (cross-article identity, see
`saidwhat.corpus.speakers`) are recomputed from the per-article speakers after each run and every
`REBUILD_EVERY` articles (or a quarter of the index); a run killed before that leaves a flag
the next run picks up.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote
from urllib.parse import urlsplit

from saidwhat.corpus import provenance
from saidwhat.corpus import speakers as corpus
from saidwhat.index import guard, positions, speaker_counts
from saidwhat.index.guard import SCHEMA_VERSION
from saidwhat.io import saved as saved_records
from saidwhat.io.clean import clean_item
from saidwhat.io.discover import input_files, read_inputs
from saidwhat.io.kinds import DEFAULT_MAX_BYTES, IngestStats, kind_of
from saidwhat.io.limits import Limits
from saidwhat.records import Article, Attribution, Failure, slugify
from saidwhat.settings import Settings

REBUILD_EVERY = 5000  # articles between corpus-speaker rebuilds during a run (or a quarter of
# the index, when larger: a rebuild reads every article's speakers)
BATCH_SECONDS = 0.5  # an index run commits at least this often
OUTLET_KEYS = ("outlet", "source_domain", "site_name", "sitename", "site", "publisher", "source")

# attributions.speaker_id is the corpus speaker (copied from article_speakers), speaker_name
# its name (the article's while it has none) and outlet_count how many outlets carried the
# quote (its group's): copies, so the speaker and outlets sorts read their own indexes instead
# of sorting a join.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,             -- index order
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,           -- sha256 of the raw text
    url TEXT, title TEXT, published TEXT, outlet TEXT, origin TEXT,
    text TEXT NOT NULL,
    body TEXT NOT NULL,                  -- JSON [[start, end], ...]
    errors TEXT NOT NULL DEFAULT '[]',   -- JSON list
    indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS article_speakers (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,              -- the engine's article-local speaker id
    name TEXT NOT NULL,                  -- the engine's (fullest) name in that article
    type TEXT NOT NULL,
    speaker_id TEXT,                     -- corpus speaker (speakers.id)
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS article_speakers_speaker ON article_speakers(speaker_id);
CREATE TABLE IF NOT EXISTS attributions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,                -- position within the article
    kind TEXT NOT NULL, type TEXT NOT NULL,
    content TEXT NOT NULL, content_spans TEXT NOT NULL,
    cue TEXT, cue_spans TEXT,
    source TEXT, source_spans TEXT,
    speaker_local_id TEXT, resolved_by TEXT,
    confidence REAL NOT NULL,
    group_id INTEGER REFERENCES quote_groups(id),
    published TEXT, outlet TEXT,         -- copied from the article (filters, sorts, facets)
    article_seq INTEGER,                 -- the article's index order (newest-first ties)
    speaker_id TEXT, speaker_name TEXT,
    outlet_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_id, seq);
CREATE INDEX IF NOT EXISTS attributions_newest
    ON attributions(published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_by_speaker
    ON attributions(speaker_id, published DESC, article_seq DESC, seq, group_id);
CREATE INDEX IF NOT EXISTS attributions_by_outlet
    ON attributions(outlet, published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_by_speaker_name ON attributions(
    speaker_name IS NULL, speaker_name COLLATE NOCASE, published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_by_outlets
    ON attributions(outlet_count DESC, published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_by_speaker_confidence
    ON attributions(speaker_id, confidence DESC, published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_by_speaker_outlets
    ON attributions(speaker_id, outlet_count DESC, published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_oldest
    ON attributions(published IS NULL, published, article_seq, seq);
CREATE INDEX IF NOT EXISTS attributions_by_speaker_oldest
    ON attributions(speaker_id, published IS NULL, published, article_seq, seq);
CREATE INDEX IF NOT EXISTS attributions_by_kind
    ON attributions(kind, type, speaker_id, outlet, published, confidence);
CREATE INDEX IF NOT EXISTS attributions_speaker_facets
    ON attributions(speaker_id, outlet, kind, type, published, confidence);
CREATE INDEX IF NOT EXISTS attributions_month ON attributions(substr(published, 1, 7));
CREATE INDEX IF NOT EXISTS attributions_by_confidence
    ON attributions(confidence DESC, published DESC, article_seq DESC, seq);
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(article_id, speaker_local_id);
CREATE INDEX IF NOT EXISTS attributions_group ON attributions(group_id);
CREATE TABLE IF NOT EXISTS speakers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
    quote_count INTEGER NOT NULL, article_count INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT,
    outlets TEXT NOT NULL DEFAULT '[]'   -- JSON list
);
CREATE INDEX IF NOT EXISTS speakers_count ON speakers(quote_count DESC, name);
CREATE TABLE IF NOT EXISTS speaker_counts (  -- a speaker's quotes per outlet, kind, month and
    speaker_id TEXT NOT NULL,                -- week, recounted with the speakers (count_speakers)
    facet TEXT NOT NULL,                     -- outlet | kind | month | week
    value TEXT,                              -- None: no outlet, no date
    n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS speaker_counts_speaker ON speaker_counts(speaker_id, facet);
CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker_id TEXT NOT NULL REFERENCES speakers(id),
    alias TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (speaker_id, alias)
);
CREATE INDEX IF NOT EXISTS speaker_aliases_alias ON speaker_aliases(alias);
CREATE TABLE IF NOT EXISTS speaker_keys (      -- every name key's corpus id, so ids last
    key TEXT PRIMARY KEY, speaker_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS speaker_redirects (  -- ids of speakers merged into another
    old_id TEXT PRIMARY KEY, speaker_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quote_groups (
    id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,               -- attributions in the group
    articles INTEGER NOT NULL DEFAULT 1, -- distinct articles reporting it
    outlets INTEGER NOT NULL DEFAULT 0   -- distinct outlets reporting it
);
CREATE TABLE IF NOT EXISTS quote_shingles (
    shingle INTEGER NOT NULL, attribution_id INTEGER NOT NULL REFERENCES attributions(id)
);
CREATE INDEX IF NOT EXISTS quote_shingles_shingle ON quote_shingles(shingle);
CREATE TABLE IF NOT EXISTS quote_words (     -- a grouped quote's normalised words
    attribution_id INTEGER PRIMARY KEY REFERENCES attributions(id), words TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY, origin TEXT NOT NULL, error TEXT NOT NULL, time TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS attribution_fts USING fts5(
    content, speaker, title, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

# Readable views for Datasette and plain SQL: speaker names on attributions, groups with their
# first report. Dropped and recreated on every open for writing, so they follow the schema.
VIEWS = {
    "quotes": """
CREATE VIEW quotes AS
SELECT t.id, coalesce(sp.name, s.name) AS speaker, t.content, t.kind, t.type,
       t.cue, t.source, t.resolved_by, round(t.confidence, 2) AS confidence,
       a.title, a.outlet, a.published, a.url, t.article_id, s.speaker_id, t.group_id
FROM attributions t
JOIN articles a ON a.id = t.article_id
LEFT JOIN article_speakers s ON s.article_id = t.article_id AND s.local_id = t.speaker_local_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id""",
    "quotes_across_outlets": """
CREATE VIEW quotes_across_outlets AS
SELECT g.id AS group_id, g.articles, g.outlets, g.size AS reports,
       (SELECT q.speaker FROM quotes q WHERE q.group_id = g.id
        ORDER BY q.published IS NULL, q.published, q.id LIMIT 1) AS speaker,
       (SELECT q.content FROM quotes q WHERE q.group_id = g.id
        ORDER BY q.published IS NULL, q.published, q.id LIMIT 1) AS first_wording,
       (SELECT min(q.published) FROM quotes q WHERE q.group_id = g.id) AS first_published
FROM quote_groups g WHERE g.articles >= 2""",
}


@dataclass(frozen=True)
class IndexCounts:
    """What one index run did."""

    seen: int = 0
    indexed: int = 0
    skipped: int = 0
    failed: int = 0


# ---------------------------------------------------------------- connection and schema


def connect(path: str | os.PathLike[str], *, integrity: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) an index for writing: WAL mode, schema in place.

    A file that is not a saidwhat index is refused untouched (guard.ForeignDatabase), a damaged
    index too (guard.DamagedIndex, after SQLite's quick check unless `integrity` is False)."""
    kind = _inspect_before_writing(Path(path), integrity)
    conn = sqlite3.connect(os.fspath(path), isolation_level=None, timeout=30)
    conn.row_factory = sqlite3.Row
    try:
        if kind == "new":  # claimed and laid out in one transaction: all of it or nothing
            conn.executescript(
                f"BEGIN IMMEDIATE; PRAGMA application_id = {guard.APPLICATION_ID};"
                + SCHEMA + positions.SCHEMA
                + f"INSERT OR IGNORE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');"
                + " COMMIT;")
        elif kind == "legacy":
            guard.claim(conn)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-65536")  # 64 MB: shingle lookups stay in memory
        conn.execute("PRAGMA foreign_keys=OFF")
        version = guard.schema_version(conn) or SCHEMA_VERSION
        uncounted = kind != "new" and not _has_table(conn, "speaker_counts")
        _upgrade(conn)
        conn.executescript(SCHEMA)
        if uncounted:  # schema 7: a speaker's quotes counted once, read by their page
            _count_speakers_once(conn)
        if version < SCHEMA_VERSION:
            _refresh_statistics(conn)
        positions.create_tables(conn)
        conn.execute("CREATE INDEX IF NOT EXISTS quote_groups_articles"
                     " ON quote_groups(articles DESC, id)")
        _rebuild_fts_if_old(conn)
        _create_views(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                     (str(SCHEMA_VERSION),))
    except BaseException:
        conn.close()
        raise
    return conn


def _inspect_before_writing(path: Path, integrity: bool) -> str:
    """What the file is ('new', 'index', 'legacy'), looked at through a read-only connection so
    that a file that is not ours is never written to; raises guard.IndexProblem."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return "new"
    ro = sqlite3.connect(f"file:{urlquote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        return guard.open_checked(ro, path, integrity)
    finally:
        ro.close()


def set_aside(path: str | os.PathLike[str]) -> Path | None:
    """Move an index (damaged or not) and its -wal/-shm files out of the way so a new one can be
    built at `path`; the new name, or None if there was none. Refuses (guard.ForeignDatabase) a
    file that is not a saidwhat index, untouched."""
    p = Path(path)
    if not p.exists():
        return None
    try:
        _inspect_before_writing(p, integrity=False)
    except guard.ForeignDatabase:
        raise
    except (guard.IndexProblem, sqlite3.Error):
        pass  # damaged or newer: ours, and set aside all the same
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = p.with_name(f"{p.name}.{stamp}.bak")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{p}{suffix}")
        if part.exists():
            part.rename(f"{aside}{suffix}")
    return aside


def finish(conn: sqlite3.Connection) -> None:
    """End a writing session: fold the write-ahead log into the database file and leave WAL mode,
    so the file alone is the whole index, readable from read-only media (no -wal or -shm file
    needed). When a reader holds the index open this is left to the next writer."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error:
        pass


def _upgrade(conn: sqlite3.Connection) -> None:
    """Bring an index written by an earlier version up to this schema."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(quote_groups)")}
    if cols and "articles" not in cols:
        conn.execute("ALTER TABLE quote_groups ADD COLUMN articles INTEGER NOT NULL DEFAULT 1")
        conn.execute("UPDATE quote_groups SET articles = (SELECT count(DISTINCT article_id)"
                     " FROM attributions t WHERE t.group_id = quote_groups.id)")
    cols_t = {r[1] for r in conn.execute("PRAGMA table_info(attributions)")}
    if cols_t and "article_seq" not in cols_t:
        for col in ("published TEXT", "outlet TEXT", "article_seq INTEGER", "speaker_id TEXT"):
            conn.execute(f"ALTER TABLE attributions ADD COLUMN {col}")
        conn.execute("UPDATE attributions SET (published, outlet, article_seq) = (SELECT"
                     " a.published, a.outlet, a.seq FROM articles a"
                     " WHERE a.id = attributions.article_id)")
    if cols and "outlets" not in cols:
        conn.execute("ALTER TABLE quote_groups ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0")
        conn.execute("UPDATE quote_groups SET outlets = (SELECT count(DISTINCT a.outlet)"
                     " FROM attributions t JOIN articles a ON a.id = t.article_id"
                     " WHERE t.group_id = quote_groups.id)")
    if cols_t and "outlet_count" not in cols_t:  # schema 4: the sort columns
        conn.execute("ALTER TABLE attributions ADD COLUMN speaker_name TEXT")
        conn.execute("ALTER TABLE attributions ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0")
        conn.execute("UPDATE attributions SET outlet_count = outlet IS NOT NULL")
        conn.execute("UPDATE attributions SET outlet_count = g.outlets FROM quote_groups g"
                     " WHERE g.id = attributions.group_id")
        _copy_speakers(conn)
        conn.execute("DROP INDEX IF EXISTS attributions_confidence")  # by_confidence covers it
    conn.execute("DROP INDEX IF EXISTS attributions_kind")  # schema 7: by_kind covers it


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the index has a table of that name."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def _count_speakers_once(conn: sqlite3.Connection) -> None:
    """Fill the speaker counts of an index written before they were kept."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        speaker_counts.count_speakers(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _refresh_statistics(conn: sqlite3.Connection) -> None:
    """Re-measure the attributions table when the index holds SQLite statistics (someone ran
    ANALYZE): statistics for the older indexes only would steer the planner away from the
    indexes an upgrade just added."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("ANALYZE attributions")


def _copy_speakers(conn: sqlite3.Connection, article_id: str | None = None) -> None:
    """Copy each attribution's corpus speaker id and name (the article's name while it has no
    corpus speaker) from article_speakers and speakers where they changed; one article's only
    when `article_id` is given."""
    one = " AND s.article_id = ?" if article_id is not None else ""
    conn.execute(
        "UPDATE attributions SET (speaker_id, speaker_name) = (x.speaker_id, x.name) FROM"
        " (SELECT s.article_id, s.local_id, s.speaker_id, coalesce(sp.name, s.name) AS name"
        "  FROM article_speakers s LEFT JOIN speakers sp ON sp.id = s.speaker_id"
        f"  WHERE 1{one}) x"
        " WHERE x.article_id = attributions.article_id"
        " AND x.local_id = attributions.speaker_local_id"
        " AND (attributions.speaker_id IS NOT x.speaker_id"
        "      OR attributions.speaker_name IS NOT x.name)",
        () if article_id is None else (article_id,))


def _rebuild_fts_if_old(conn: sqlite3.Connection) -> None:
    """Recreate the search table with the stemming tokenizer when an older index lacks it."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'attribution_fts'"
                       ).fetchone()
    if row is None or "porter" in (row[0] or ""):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DROP TABLE attribution_fts")
        conn.execute("CREATE VIRTUAL TABLE attribution_fts USING fts5(content, speaker, title,"
                     f" tokenize = '{FTS_TOKENIZE}')")
        conn.execute(
            "INSERT INTO attribution_fts (rowid, content, speaker, title)"
            " SELECT t.id, t.content, coalesce(s.name, ''), coalesce(a.title, '')"
            " FROM attributions t JOIN articles a ON a.id = t.article_id"
            " LEFT JOIN article_speakers s ON s.article_id = t.article_id"
            " AND s.local_id = t.speaker_local_id")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _create_views(conn: sqlite3.Connection) -> None:
    """The readable views (see VIEWS), recreated so they always match this version."""
    for name, sql in VIEWS.items():
        conn.execute(f"DROP VIEW IF EXISTS {name}")
        conn.execute(sql)


def content_hash(text: str) -> str:
    """The identity of an article: sha256 of its raw text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def outlet_from_url(url: str | None) -> str | None:
    """The outlet an article URL names: its host without "www."."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.") or None


def outlet_from_metadata(meta: dict[str, Any] | None) -> str | None:
    """An outlet named in a record's metadata, if any."""
    for key in OUTLET_KEYS:
        value = (meta or {}).get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def is_indexed(conn: sqlite3.Connection, digest: str) -> bool:
    """Whether an article with this content hash is already in the index."""
    return conn.execute("SELECT 1 FROM articles WHERE hash = ?", (digest,)).fetchone() is not None


def _now() -> str:
    """The current UTC time, ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _spans(m: Any) -> str | None:
    """A mention's spans as JSON, None for no mention."""
    return None if m is None else json.dumps([list(p) for p in m.spans])


def _unique_id(conn: sqlite3.Connection, wanted: str) -> str:
    """The article id, suffixed if another article already has it."""
    candidate, n = wanted, 1
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{wanted}~{n}"
    return candidate


def _local_id(a: Attribution) -> str | None:
    """The article-local speaker id of an attribution."""
    if a.speaker is None:
        return None
    return a.speaker.id or slugify(a.speaker.name)


# ---------------------------------------------------------------- writing


def add_article(conn: sqlite3.Connection, article: Article, outlet: str | None = None) -> bool:
    """Store one annotated article in its own transaction; False if its text is already indexed."""
    with Writer(conn, batch_seconds=0) as writer:
        return writer.add(article, outlet)


class Writer:
    """Adds articles in short transactions: each article whole or not at all, committed at least
    every `batch_seconds` (0: after every article), so an interrupted run keeps what it wrote."""

    def __init__(self, conn: sqlite3.Connection, batch_seconds: float = BATCH_SECONDS) -> None:
        self.conn = conn
        self.batch_seconds = batch_seconds
        self._since: float | None = None  # when the open transaction began

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.commit()

    def add(self, article: Article, outlet: str | None = None) -> bool:
        """Store one annotated article; False if its text is already indexed."""
        digest = content_hash(article.text)
        if self._since is None:
            self.conn.execute("BEGIN IMMEDIATE")
            self._since = time.monotonic()
        self.conn.execute("SAVEPOINT article")
        try:
            added = not is_indexed(self.conn, digest)
            if added:
                where = outlet or article.outlet or outlet_from_url(article.url)
                _insert_article(self.conn, article, digest, where)
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('speakers_dirty', '1')")
            self.conn.execute("RELEASE article")
        except BaseException:
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            raise
        if time.monotonic() - self._since >= self.batch_seconds:
            self.commit()
        return added

    def commit(self) -> None:
        """Commit the open transaction, if any."""
        if self._since is not None:
            self.conn.execute("COMMIT")
            self._since = None


def _insert_article(conn: sqlite3.Connection, article: Article, digest: str,
                    outlet: str | None) -> None:
    """The article's rows: article, speakers, attributions, FTS entries, quote groups."""
    aid = _unique_id(conn, article.id)
    article_seq = conn.execute(
        "INSERT INTO articles (id, hash, url, title, published, outlet, origin, text, body, errors,"
        " indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (aid, digest, article.url, article.title, article.published, outlet, article.origin,
         article.text, json.dumps([list(p) for p in article.body]),
         json.dumps(list(article.errors)), _now())).lastrowid
    for a in article.attributions:
        if a.speaker is not None:
            conn.execute("INSERT OR IGNORE INTO article_speakers (article_id, local_id, name, type)"
                         " VALUES (?,?,?,?)", (aid, _local_id(a), a.speaker.name, a.speaker.type))
    for seq, a in enumerate(article.attributions):
        cur = conn.execute(
            "INSERT INTO attributions (article_id, seq, kind, type, content, content_spans, cue,"
            " cue_spans, source, source_spans, speaker_local_id, resolved_by, confidence,"
            " published, outlet, article_seq, outlet_count)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, seq, a.kind, a.type, a.content.text, _spans(a.content),
             a.cue.text if a.cue else None, _spans(a.cue), a.source.text if a.source else None,
             _spans(a.source), _local_id(a), a.speaker.resolved_by if a.speaker else None,
             round(a.confidence, 4), article.published, outlet, article_seq,
             int(outlet is not None)))
        rowid = cur.lastrowid
        assert rowid is not None
        conn.execute("INSERT INTO attribution_fts (rowid, content, speaker, title)"
                     " VALUES (?,?,?,?)",
                     (rowid, a.content.text, a.speaker.name if a.speaker else "",
                      article.title or ""))
        _group_quote(conn, rowid, article, aid, outlet, a)
    _copy_speakers(conn, aid)
    positions.insert_positions(conn, aid, article)


def _group_quote(conn: sqlite3.Connection, rowid: int, article: Article, article_id: str,
                 outlet: str | None, a: Attribution) -> None:
    """Put a direct/mixed quote into the group of its best match (the same words, by the same
    speaker, on the same occasion), or a new group."""
    words = provenance.normalise(a.content.text)
    if not provenance.eligible(a.kind, words):
        return
    grams = sorted(provenance.shingles(words))
    marks = ",".join("?" * len(grams))
    rows = conn.execute(
        f"SELECT q.attribution_id, w.words, t.group_id, s.name, ar.published FROM"
        f" (SELECT attribution_id, count(*) AS n FROM quote_shingles WHERE shingle IN ({marks})"
        f" GROUP BY attribution_id ORDER BY n DESC LIMIT {provenance.MAX_CANDIDATES}) q"
        f" JOIN attributions t ON t.id = q.attribution_id"
        f" JOIN articles ar ON ar.id = t.article_id"
        f" LEFT JOIN article_speakers s ON s.article_id = t.article_id"
        f" AND s.local_id = t.speaker_local_id"
        f" JOIN quote_words w ON w.attribution_id = q.attribution_id", grams).fetchall()
    group_of = {r[0]: r[2] for r in rows}
    speaker = a.speaker.name if a.speaker else None
    match = provenance.best_match(
        words, ((r[0], r[1].split()) for r in rows
                if provenance.same_speaker(speaker, r[3])
                and provenance.same_occasion(article.published, r[4])))
    if match is None:
        group = conn.execute("INSERT INTO quote_groups (size, outlets) VALUES (1, ?)",
                             (int(outlet is not None),)).lastrowid
    else:
        group = group_of[match]
        new_article = conn.execute(
            "SELECT 1 FROM attributions WHERE group_id = ? AND article_id = ? LIMIT 1",
            (group, article_id)).fetchone() is None
        new_outlet = outlet is not None and conn.execute(
            "SELECT 1 FROM attributions t JOIN articles ar ON ar.id = t.article_id"
            " WHERE t.group_id = ? AND ar.outlet = ? LIMIT 1", (group, outlet)).fetchone() is None
        conn.execute("UPDATE quote_groups SET size = size + 1, articles = articles + ?,"
                     " outlets = outlets + ? WHERE id = ?",
                     (int(new_article), int(new_outlet), group))
    conn.execute("UPDATE attributions SET group_id = ? WHERE id = ?", (group, rowid))
    if match is not None:  # every report of the quote sorts by the group's outlet count
        conn.execute("UPDATE attributions SET outlet_count = g.outlets FROM quote_groups g"
                     " WHERE g.id = ? AND attributions.group_id = g.id"
                     " AND attributions.outlet_count IS NOT g.outlets", (group,))
    conn.execute("INSERT INTO quote_words VALUES (?, ?)", (rowid, " ".join(words)))
    conn.executemany("INSERT INTO quote_shingles VALUES (?, ?)", [(g, rowid) for g in grams])


def add_failure(conn: sqlite3.Connection, failure: Failure) -> None:
    """Record an input that could not be indexed."""
    conn.execute("INSERT INTO failures (origin, error, time) VALUES (?,?,?)",
                 (failure.origin, failure.error, _now()))


def alias_order(speaker: corpus.CorpusSpeaker) -> list[str]:
    """A speaker's names in the order they are stored, the first of two that differ only in case
    kept (aliases are case-insensitive): its name, then each alias, capitals ("OBAMA" from a
    headline) after the form prose writes ("Obama")."""
    return list(dict.fromkeys((speaker.name, *sorted(speaker.aliases, key=str.isupper))))


def rebuild_speakers(conn: sqlite3.Connection) -> int:
    """Recompute corpus speakers from every article's speakers; the number of speakers."""
    rows = conn.execute(
        "SELECT s.article_id, s.local_id, s.name, s.type, a.published, a.outlet,"
        " (SELECT count(*) FROM attributions t WHERE t.article_id = s.article_id"
        "  AND t.speaker_local_id = s.local_id) AS n,"
        " EXISTS (SELECT 1 FROM attributions t WHERE t.article_id = s.article_id"
        "  AND t.speaker_local_id = s.local_id AND t.resolved_by = 'ambiguous') AS ambiguous"
        " FROM article_speakers s JOIN articles a ON a.id = s.article_id").fetchall()
    known = dict(conn.execute("SELECT key, speaker_id FROM speaker_keys").fetchall())
    found = corpus.identities(
        (corpus.LocalSpeaker(r["article_id"], r["local_id"], r["name"], r["type"], r["n"],
                             r["published"], r["outlet"], bool(r["ambiguous"])) for r in rows),
        known)
    mapping, speakers = found.mapping, found.speakers
    conn.execute("BEGIN IMMEDIATE")
    try:
        _keep_ids(conn, found)
        conn.execute("DELETE FROM speakers")
        conn.execute("DELETE FROM speaker_aliases")
        conn.executemany(
            "INSERT INTO speakers VALUES (?,?,?,?,?,?,?,?)",
            [(s.id, s.name, s.type, s.quote_count, s.article_count, s.first_seen, s.last_seen,
              json.dumps(list(s.outlets))) for s in speakers])
        conn.executemany("INSERT OR IGNORE INTO speaker_aliases VALUES (?, ?)",
                         [(s.id, alias) for s in speakers for alias in alias_order(s)])
        conn.executemany(
            "UPDATE article_speakers SET speaker_id = ? WHERE article_id = ? AND local_id = ?"
            " AND speaker_id IS NOT ?",
            [(sid, r["article_id"], r["local_id"], sid) for r in rows
             for sid in [mapping.get((r["article_id"], r["local_id"]))]])
        _copy_speakers(conn)
        speaker_counts.count_speakers(conn)
        positions.link_speakers(conn)
        positions.cluster_topic_keys(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('speakers_dirty', '0')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(speakers)


def _keep_ids(conn: sqlite3.Connection, found: corpus.Identities) -> None:
    """Store every name key's id and the redirects of merged ids (chains shortened, live ids
    never redirected)."""
    conn.executemany("INSERT OR REPLACE INTO speaker_keys VALUES (?, ?)",
                     sorted(found.key_ids.items()))
    conn.executemany("INSERT OR REPLACE INTO speaker_redirects VALUES (?, ?)",
                     sorted(found.redirects.items()))
    for old, new in found.redirects.items():
        conn.execute("UPDATE speaker_redirects SET speaker_id = ? WHERE speaker_id = ?",
                     (new, old))
    live = [(s.id,) for s in found.speakers]
    conn.executemany("DELETE FROM speaker_redirects WHERE old_id = ?", live)


def _article_count(conn: sqlite3.Connection) -> int:
    """How many articles the index holds."""
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def speakers_dirty(conn: sqlite3.Connection) -> bool:
    """Whether articles were added since corpus speakers were last rebuilt."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'speakers_dirty'").fetchone()
    return bool(row and row[0] == "1")


# ---------------------------------------------------------------- reading inputs


def read_saved(path: str, max_bytes: int) -> Iterator[tuple[Article | Failure, str | None]]:
    """Saved records as (article, outlet) pairs, a failure for each unreadable record or file."""
    for item, record in saved_records.read_saved(path, max_bytes):
        yield clean_item(item), outlet_from_metadata(record) if record else None


# ---------------------------------------------------------------- the index command


class RunningCounts:
    """Running counts for the summary and the progress display."""

    def __init__(self) -> None:
        self.seen = self.indexed = self.skipped = self.failed = 0

    def result(self) -> IndexCounts:
        """Frozen counts."""
        return IndexCounts(self.seen, self.indexed, self.skipped, self.failed)


def index_paths(conn: sqlite3.Connection, paths: Sequence[str], *, model: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, workers: int | None = None,
                limits: Limits | None = None,
                on_failure: Any = None, on_step: Any = None,
                settings: Settings | None = None) -> IndexCounts:
    """Index every article under `paths` not already in the index (extracted with `settings`,
    read within `limits`); counts of what happened."""
    from saidwhat.run import runners

    inputs = input_files(paths)
    files = [p for p in inputs if isinstance(p, str)]
    saved = [p for p in files if saved_records.is_saved(p)]
    raw = [p for p in files if p not in set(saved)]
    c = RunningCounts()
    since_rebuild = 0
    rebuild_every = max(REBUILD_EVERY, _article_count(conn) // 4)
    pending: set[str] = set()
    writer = Writer(conn)

    def fail(f: Failure) -> None:
        c.failed += 1
        add_failure(conn, f)
        if on_failure:
            on_failure(f)

    def store(article: Article, outlet: str | None) -> None:
        nonlocal since_rebuild, rebuild_every
        try:
            added = writer.add(article, outlet)
        except sqlite3.OperationalError:
            raise  # the database itself is unusable (locked, disk full): stop
        except Exception as exc:  # noqa: BLE001 - one malformed record must not stop the run
            fail(Failure(article.origin or article.id,
                         f"cannot store: {type(exc).__name__}: {exc}"))
            return
        if added:
            c.indexed += 1
            since_rebuild += 1
        else:
            c.skipped += 1
        if since_rebuild >= rebuild_every:
            writer.commit()
            rebuild_speakers(conn)
            since_rebuild = 0
            rebuild_every = max(REBUILD_EVERY, _article_count(conn) // 4)

    def unseen(items: Iterable[Article | Failure]) -> Iterator[Article]:
        for item in items:
            c.seen += 1
            if isinstance(item, Failure):
                fail(item)
            elif (digest := content_hash(item.text)) in pending or is_indexed(conn, digest):
                c.skipped += 1
            else:
                pending.add(digest)
                yield item
                continue
            if on_step:
                on_step(c)

    try:
        for problem in inputs:
            if isinstance(problem, Failure):
                c.seen += 1
                fail(clean_item(problem))
        for path in saved:  # loading saved records: commits batched for speed
            for item, outlet in read_saved(path, max_bytes):
                c.seen += 1
                fail(item) if isinstance(item, Failure) else store(item, outlet)
                if on_step:
                    on_step(c)
        writer.commit()
        writer.batch_seconds = 0  # extraction is the slow part: commit each article
        todo = unseen(read_inputs(raw, max_bytes, IngestStats(limits=limits or Limits())))
        first = next(todo, None)  # nothing new: no model loaded, no workers started
        if first is not None:
            stream = itertools.chain([first], todo)
            for item in runners.process(stream, model=model, workers=workers, progress=False,
                                        settings=settings):
                if isinstance(item, Failure):
                    fail(item)
                else:
                    pending.discard(content_hash(item.text))
                    store(item, None)
                if on_step:
                    on_step(c)
    finally:
        writer.commit()  # every article written so far is whole
    if since_rebuild or speakers_dirty(conn):
        rebuild_speakers(conn)
    return c.result()


def estimate_total(files: Sequence[str]) -> int | None:
    """How many articles the inputs hold, when cheap to tell (no WARC, no stdin), else None."""
    total = 0
    for f in files:
        kind = kind_of(f)
        try:
            if kind is not None and kind.one_article:
                total += 1
            elif kind is not None and kind.name == "jsonl":
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif kind is not None and kind.name == "parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(f).metadata.num_rows
            else:
                return None
        except Exception:  # noqa: BLE001 - unreadable here means unreadable later: counted then
            total += 1
    return total or None

