"""Read-only queries over the index, shared by the CLI and the web UI.

Every function takes a connection from `open_readonly(path)` and returns frozen dataclasses;
`to_dict(result)` makes any of them (or a list of them) JSON-ready. Lists take `limit` and
`offset` for paging (`recent_quotes` and `speaker_quotes` also `after`, an attribution id, for
keyset paging); `counts(conn)`, `search_count` and `SpeakerSummary.quote_count` give totals.

- speakers: `top_speakers`, `speaker`, `find_speakers` (name or alias), `speaker_quotes`
- quotes: `recent_quotes`, `search` (FTS5, bm25-ranked, `Quote.highlight` pieces), `quotes_by_ids`
- articles: `article` (text, body, attributions with spans and corpus speaker ids),
  `recent_articles`, `failures`
- provenance: `quote_groups` (most widely reported first), `quote_group` (earliest report,
  outlets, each variant with its word diff against the earliest)

    conn = open_readonly("saidwhat.db")
    for s in top_speakers(conn, limit=10):
        print(s.name, s.quote_count)
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

from saidwhat.corpus.provenance import DiffOp, word_diff

Spans = tuple[tuple[int, int], ...]
HL_START, HL_END = "\x02", "\x03"  # highlight markers inside FTS5 output


@dataclass(frozen=True)
class SpeakerSummary:
    """A corpus speaker: name, type, aliases, how much and where they were quoted."""

    id: str
    name: str
    type: str
    quote_count: int
    article_count: int
    first_seen: str | None
    last_seen: str | None
    outlets: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """One stored attribution with its article's metadata and its corpus speaker.

    `highlight` is set by `search`: the content as (text, matched) pieces, matched ones to be
    shown emphasised (the web UI escapes each piece and wraps matched ones in <mark>).
    """

    id: int
    article_id: str
    article_title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    kind: str
    type: str
    content: str
    content_spans: Spans
    cue: str | None
    cue_spans: Spans
    source: str | None
    source_spans: Spans
    speaker_id: str | None  # corpus speaker id (speakers.id)
    speaker_name: str | None  # the corpus speaker's name (else the article's name for it)
    resolved_by: str | None
    confidence: float
    group_id: int | None
    highlight: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class ArticleView:
    """An article's text and metadata with all its attributions, in text order."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    origin: str | None
    text: str
    body: Spans
    attributions: tuple[Quote, ...]


@dataclass(frozen=True)
class Variant:
    """One report of a grouped quote, with its word diff against the earliest report."""

    quote: Quote
    diff: tuple[DiffOp, ...]
    altered: bool  # any word changed, added or removed relative to the earliest


@dataclass(frozen=True)
class QuoteGroup:
    """The same quote reported by several articles: earliest report, outlets, every variant."""

    id: int
    size: int
    earliest: Quote
    outlets: tuple[str, ...]
    variants: tuple[Variant, ...]  # in report order (published, then index order), earliest first


@dataclass(frozen=True)
class QuoteGroupSummary:
    """A line of the quote-group list."""

    id: int
    size: int
    article_count: int
    outlet_count: int
    content: str  # the earliest report's wording
    speaker_id: str | None
    speaker_name: str | None
    first_published: str | None
    first_article_id: str


@dataclass(frozen=True)
class ArticleSummary:
    """A line of the article list."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    attribution_count: int


@dataclass(frozen=True)
class FailureRecord:
    """An input that could not be indexed."""

    origin: str
    error: str
    time: str


@dataclass(frozen=True)
class Counts:
    """Totals in the index."""

    articles: int
    attributions: int
    speakers: int
    quote_groups: int  # groups reported by 2+ articles
    failures: int


def to_dict(obj: Any) -> Any:
    """Any query result (dataclass, list of them, or None) as JSON-ready data (tuples as lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    return obj


# ---------------------------------------------------------------- connection


def open_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection to an existing index (FileNotFoundError if there is none)."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{path}: no such index (run `saidwhat index` first)")
    uri = f"file:{urlquote(str(p.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("SELECT 1 FROM articles LIMIT 1")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ValueError(f"{path}: not a saidwhat index ({exc})") from exc
    return conn


# ---------------------------------------------------------------- rows to results


QUOTE_SELECT = """
SELECT t.id, t.article_id, a.title AS article_title, a.url, a.outlet, a.published, t.kind, t.type,
       t.content, t.content_spans, t.cue, t.cue_spans, t.source, t.source_spans,
       s.speaker_id, coalesce(sp.name, s.name) AS speaker_name, t.resolved_by, t.confidence,
       t.group_id
FROM attributions t
JOIN articles a ON a.id = t.article_id
LEFT JOIN article_speakers s ON s.article_id = t.article_id AND s.local_id = t.speaker_local_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id
"""


def _spans(value: str | None) -> Spans:
    """JSON spans back to tuples."""
    return tuple((int(s), int(e)) for s, e in json.loads(value)) if value else ()


def _quote(row: sqlite3.Row, highlight: tuple[tuple[str, bool], ...] = ()) -> Quote:
    """A Quote from a QUOTE_SELECT row."""
    return Quote(
        id=row["id"], article_id=row["article_id"], article_title=row["article_title"],
        url=row["url"], outlet=row["outlet"], published=row["published"], kind=row["kind"],
        type=row["type"], content=row["content"], content_spans=_spans(row["content_spans"]),
        cue=row["cue"], cue_spans=_spans(row["cue_spans"]), source=row["source"],
        source_spans=_spans(row["source_spans"]), speaker_id=row["speaker_id"],
        speaker_name=row["speaker_name"], resolved_by=row["resolved_by"],
        confidence=row["confidence"], group_id=row["group_id"], highlight=highlight)


def _speaker(conn: sqlite3.Connection, row: sqlite3.Row) -> SpeakerSummary:
    """A SpeakerSummary from a speakers row, aliases looked up."""
    aliases = tuple(r[0] for r in conn.execute(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (row["id"],)))
    return SpeakerSummary(
        id=row["id"], name=row["name"], type=row["type"], quote_count=row["quote_count"],
        article_count=row["article_count"], first_seen=row["first_seen"],
        last_seen=row["last_seen"], outlets=tuple(json.loads(row["outlets"] or "[]")),
        aliases=aliases)


# ---------------------------------------------------------------- speakers


def counts(conn: sqlite3.Connection) -> Counts:
    """How many articles, attributions, speakers, multi-article quote groups and failures."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return Counts(
        articles=one("SELECT count(*) FROM articles"),
        attributions=one("SELECT count(*) FROM attributions"),
        speakers=one("SELECT count(*) FROM speakers"),
        quote_groups=one("SELECT count(*) FROM quote_groups WHERE articles >= 2"),
        failures=one("SELECT count(*) FROM failures"))


def top_speakers(conn: sqlite3.Connection, limit: int = 50, offset: int = 0,
                 type: str | None = None) -> list[SpeakerSummary]:
    """Speakers by number of attributions, most quoted first (optionally of one type)."""
    where, params = ("WHERE type = ?", [type]) if type else ("", [])
    rows = conn.execute(f"SELECT * FROM speakers {where} ORDER BY quote_count DESC, name, rowid"
                        " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return [_speaker(conn, r) for r in rows]


def speaker(conn: sqlite3.Connection, speaker_id: str) -> SpeakerSummary | None:
    """One speaker by id, or None."""
    row = conn.execute("SELECT * FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    return _speaker(conn, row) if row else None


def find_speakers(conn: sqlite3.Connection, name: str, limit: int = 50) -> list[SpeakerSummary]:
    """Speakers whose name or an alias equals `name` (case-insensitive; titles ignored if need be),
    most quoted first."""
    from saidwhat.corpus.speakers import strip_titles

    found = _find_speakers(conn, name, limit)
    bare = strip_titles(name.strip())
    return found if found or bare == name.strip() else _find_speakers(conn, bare, limit)


def _find_speakers(conn: sqlite3.Connection, name: str, limit: int) -> list[SpeakerSummary]:
    """Speakers whose name, id or an alias equals `name`, case-insensitive."""
    rows = conn.execute(
        "SELECT * FROM speakers WHERE id IN (SELECT speaker_id FROM speaker_aliases"
        " WHERE alias = ? COLLATE NOCASE) OR name = ? COLLATE NOCASE OR id = ?"
        " ORDER BY quote_count DESC, name LIMIT ?", (name, name, name, limit)).fetchall()
    return [_speaker(conn, r) for r in rows]


# Newest article first (undated last, then latest indexed), text order within an article.
_NEWEST_FIRST = " ORDER BY a.published IS NULL, a.published DESC, a.seq DESC, t.seq"
# Keyset paging in that order: the rows after the attribution `c` (the cursor, looked up by id).
_AFTER_CURSOR = (
    "WITH c AS (SELECT a.published AS p, a.seq AS s, t.seq AS q FROM attributions t"
    " JOIN articles a ON a.id = t.article_id WHERE t.id = ?) ")
_AFTER_WHERE = (
    " ((c.p IS NOT NULL AND (a.published IS NULL OR a.published < c.p"
    " OR a.published = c.p AND (a.seq < c.s OR a.seq = c.s AND t.seq > c.q)))"
    " OR (c.p IS NULL AND a.published IS NULL"
    " AND (a.seq < c.s OR a.seq = c.s AND t.seq > c.q)))")


def _newest_quotes(conn: sqlite3.Connection, where: str, params: list[Any], limit: int,
                   offset: int, after: int | None) -> list[Quote]:
    """Attributions matching `where`, newest first, from `offset` or after the attribution
    with id `after` (keyset paging: no OFFSET scan, nothing skipped or repeated)."""
    head, tail = "", ""
    if after is not None:
        head, tail = _AFTER_CURSOR, " JOIN c"
        where = f"({where}) AND {_AFTER_WHERE}" if where else _AFTER_WHERE
        params = [after, *params]
    sql = (head + QUOTE_SELECT + tail + (f" WHERE {where}" if where else "") + _NEWEST_FIRST
           + " LIMIT ? OFFSET ?")
    return [_quote(r) for r in conn.execute(sql, [*params, limit, offset]).fetchall()]


def speaker_quotes(conn: sqlite3.Connection, speaker_id: str, limit: int = 50,
                   offset: int = 0, after: int | None = None) -> list[Quote]:
    """A speaker's attributions, newest article first (undated last), text order within one;
    `after` an attribution id: the ones following it."""
    return _newest_quotes(conn, "s.speaker_id = ?", [speaker_id], limit, offset, after)


def recent_quotes(conn: sqlite3.Connection, limit: int = 50, offset: int = 0,
                  after: int | None = None) -> list[Quote]:
    """All attributions, newest article first (undated last, then latest indexed); `after` an
    attribution id: the ones following it."""
    return _newest_quotes(conn, "", [], limit, offset, after)


# ---------------------------------------------------------------- search


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: each word or "quoted phrase" a literal, all required
    (an upper-case OR between two words allows either)."""
    terms: list[str] = []
    for phrase, word in _TERM.findall(text):
        if word == "OR" and terms and terms[-1] != "OR":
            terms.append("OR")
            continue
        term = (phrase or word).strip()
        if term and re.search(r"\w", term):
            terms.append('"' + term.replace('"', '""') + '"')
    while terms and terms[-1] == "OR":
        terms.pop()
    return " ".join(terms)


def _pieces(marked: str) -> tuple[tuple[str, bool], ...]:
    """FTS5 highlight() output as (text, matched) pieces."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"{HL_START}|{HL_END}", marked)):
        if part:
            out.append((part, i % 2 == 1))
    return tuple(out)


def search_count(conn: sqlite3.Connection, text: str) -> int:
    """How many attributions `search` would find for these words."""
    query = fts_query(text)
    if not query:
        return 0
    return conn.execute("SELECT count(*) FROM attribution_fts WHERE attribution_fts MATCH ?",
                        (query,)).fetchone()[0]


def search(conn: sqlite3.Connection, text: str, limit: int = 50, offset: int = 0) -> list[Quote]:
    """Attributions matching the words (in content, speaker name or title), best first (bm25)."""
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        "WITH hits AS (SELECT rowid, highlight(attribution_fts, 0, ?, ?) AS marked,"
        " bm25(attribution_fts, 10.0, 5.0, 1.0) AS rank FROM attribution_fts"
        " WHERE attribution_fts MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?) "
        + QUOTE_SELECT.replace("SELECT ", "SELECT hits.marked, hits.rank, ", 1)
        + " JOIN hits ON hits.rowid = t.id ORDER BY hits.rank, t.id",
        (HL_START, HL_END, query, limit, offset)).fetchall()
    return [_quote(r, _pieces(r["marked"])) for r in rows]


# ---------------------------------------------------------------- articles and quote groups


def article(conn: sqlite3.Connection, article_id: str) -> ArticleView | None:
    """An article with its text and every attribution (speaker ids are corpus ids), or None."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    quotes = conn.execute(QUOTE_SELECT + " WHERE t.article_id = ? ORDER BY t.seq",
                          (article_id,)).fetchall()
    return ArticleView(
        id=row["id"], title=row["title"], url=row["url"], outlet=row["outlet"],
        published=row["published"], origin=row["origin"], text=row["text"],
        body=_spans(row["body"]), attributions=tuple(_quote(q) for q in quotes))


def recent_articles(conn: sqlite3.Connection, limit: int = 50, offset: int = 0
                    ) -> list[ArticleSummary]:
    """Articles, newest first (undated last, then latest indexed), with attribution counts."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.url, a.outlet, a.published,"
        " (SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS n FROM articles a"
        " ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
    return [ArticleSummary(r["id"], r["title"], r["url"], r["outlet"], r["published"], r["n"])
            for r in rows]


def failures(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> list[FailureRecord]:
    """Inputs that could not be indexed, latest first."""
    rows = conn.execute("SELECT origin, error, time FROM failures ORDER BY id DESC"
                        " LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return [FailureRecord(r["origin"], r["error"], r["time"]) for r in rows]


def quote_group(conn: sqlite3.Connection, group_id: int) -> QuoteGroup | None:
    """A quote group: earliest report, every outlet, each variant diffed against the earliest."""
    rows = conn.execute(
        QUOTE_SELECT + " WHERE t.group_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.seq, t.seq", (group_id,)).fetchall()
    if not rows:
        return None
    quotes = [_quote(r) for r in rows]
    first = quotes[0]
    variants = []
    for q in quotes:
        diff = tuple(word_diff(first.content, q.content))
        variants.append(Variant(q, diff, any(d.op != "equal" for d in diff)))
    return QuoteGroup(id=group_id, size=len(quotes), earliest=first,
                      outlets=tuple(sorted({q.outlet for q in quotes if q.outlet})),
                      variants=tuple(variants))


def quote_groups(conn: sqlite3.Connection, limit: int = 50, offset: int = 0,
                 min_articles: int = 2, speaker_id: str | None = None) -> list[QuoteGroupSummary]:
    """Quote groups reported by at least `min_articles` articles, most widely reported first."""
    where, params = "", []
    if speaker_id:
        where = ("AND g.id IN (SELECT t.group_id FROM attributions t JOIN article_speakers s"
                 " ON s.article_id = t.article_id AND s.local_id = t.speaker_local_id"
                 " WHERE s.speaker_id = ?)")
        params = [speaker_id]
    rows = conn.execute(
        f"SELECT g.id, g.size, g.articles AS article_count,"
        f" (SELECT count(DISTINCT a.outlet) FROM attributions t JOIN articles a"
        f"  ON a.id = t.article_id WHERE t.group_id = g.id) AS outlet_count"
        f" FROM quote_groups g WHERE g.articles >= ? {where}"
        f" ORDER BY g.articles DESC, g.id LIMIT ? OFFSET ?",
        [min_articles, *params, limit, offset]).fetchall()
    out = []
    for r in rows:
        first = conn.execute(
            QUOTE_SELECT + " WHERE t.group_id = ? ORDER BY a.published IS NULL, a.published,"
            " a.seq, t.seq LIMIT 1", (r["id"],)).fetchone()
        out.append(QuoteGroupSummary(
            id=r["id"], size=r["size"], article_count=r["article_count"],
            outlet_count=r["outlet_count"], content=first["content"],
            speaker_id=first["speaker_id"], speaker_name=first["speaker_name"],
            first_published=first["published"], first_article_id=first["article_id"]))
    return out


# ---------------------------------------------------------------- CLI


def quotes_by_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> list[Quote]:
    """Attributions by id, in the order given (missing ids skipped)."""
    wanted = list(ids)
    if not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    by_id = {r["id"]: _quote(r) for r in
             conn.execute(QUOTE_SELECT + f" WHERE t.id IN ({marks})", wanted).fetchall()}
    return [by_id[i] for i in wanted if i in by_id]

