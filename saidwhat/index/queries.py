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
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

from saidwhat.corpus.provenance import DiffOp, change, word_diff
from saidwhat.index import guard, speaker_counts

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
    outlet_count: int = 0  # outlets that carried it (its quote group's, else its own)
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
    change: str = "verbatim"  # verbatim | shortened | longer | altered (provenance.change)


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


def open_readonly(path: str | os.PathLike[str], check: bool = True) -> sqlite3.Connection:
    """A read-only connection to an existing index (FileNotFoundError if there is none; a
    guard.IndexProblem, a ValueError, if it is not an index or, with `check`, is damaged).

    Opened with `mode=ro`, so nothing is ever written; when the index sits on read-only media
    (and SQLite cannot create the -shm file a WAL database needs) it is opened `immutable=1`."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{path}: no such index (run `saidwhat index` first)")
    conn = _connect_ro(p)
    try:
        if guard.open_checked(conn, path, integrity=check) == "new":
            raise guard.IndexProblem(f"{path}: an empty file, not a saidwhat index "
                                     "(run `saidwhat index` first)")
        version = guard.schema_version(conn) or 0
    except BaseException:
        conn.close()
        raise
    if version < guard.SCHEMA_VERSION:
        conn.close()
        _bring_up_to_date(p, version)
        conn = _connect_ro(p)
    return conn


def _bring_up_to_date(path: Path, version: int) -> None:
    """Upgrade an index written by an earlier saidwhat (its lists need the newer columns), or
    say how when it cannot be written here."""
    from saidwhat.index import store

    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise guard.IndexProblem(
            f"{path}: written by an older saidwhat (schema {version}) on read-only media; run "
            f"`saidwhat index --db {path}` once where it can be written to bring it up to date")
    store.connect(path, integrity=False).close()


def _connect_ro(path: Path) -> sqlite3.Connection:
    """A mode=ro connection, immutable=1 when the file's folder or file cannot be written."""
    base = f"file:{urlquote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(base, uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
            raise
        conn = sqlite3.connect(base + "&immutable=1", uri=True, check_same_thread=False)
    except sqlite3.DatabaseError:
        pass  # not a database, or damaged: guard.inspect says which
    conn.row_factory = sqlite3.Row
    return conn


# ---------------------------------------------------------------- rows to results


QUOTE_SELECT = """
SELECT t.id, t.article_id, a.title AS article_title, a.url, a.outlet, a.published, t.kind, t.type,
       t.content, t.content_spans, t.cue, t.cue_spans, t.source, t.source_spans,
       s.speaker_id, coalesce(sp.name, s.name) AS speaker_name, t.resolved_by, t.confidence,
       t.group_id, coalesce(g.outlets, a.outlet IS NOT NULL) AS outlet_count
FROM attributions t
JOIN articles a ON a.id = t.article_id
LEFT JOIN article_speakers s ON s.article_id = t.article_id AND s.local_id = t.speaker_local_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id
LEFT JOIN quote_groups g ON g.id = t.group_id
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
        confidence=row["confidence"], group_id=row["group_id"],
        outlet_count=row["outlet_count"] or 0, highlight=highlight)


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


def redirect(conn: sqlite3.Connection, speaker_id: str) -> str | None:
    """The id a merged speaker's old id now points to, or None."""
    try:
        row = conn.execute("SELECT speaker_id FROM speaker_redirects WHERE old_id = ?",
                           (speaker_id,)).fetchone()
    except sqlite3.OperationalError:  # an index from before redirects were kept
        return None
    return row[0] if row else None


def find_speakers(conn: sqlite3.Connection, name: str, limit: int = 50) -> list[SpeakerSummary]:
    """Speakers whose name or an alias equals `name` (case-insensitive; titles ignored if need be),
    most quoted first; a lone surname finds the one speaker who has it."""
    from saidwhat.corpus.speakers import strip_titles

    found = _find_speakers(conn, name, limit)
    moved = redirect(conn, name.strip()) if not found else None
    if moved is not None:  # an old id of a merged speaker
        found = _find_speakers(conn, moved, limit)
    bare = strip_titles(name.strip())
    if not found and bare != name.strip():
        found = _find_speakers(conn, bare, limit)
    return found or _only_speaker_of_surname(conn, bare)


def _only_speaker_of_surname(conn: sqlite3.Connection, word: str) -> list[SpeakerSummary]:
    """The one speaker whose name or an alias ends with the single word given ("Biden" finds
    Joe Biden), or nothing when none or several do (then "did you mean" lists them)."""
    if not word or " " in word or "%" in word or "_" in word:
        return []
    rows = conn.execute("SELECT DISTINCT speaker_id FROM speaker_aliases WHERE alias LIKE ?"
                        " LIMIT 2", (f"% {word}",)).fetchall()
    return _find_speakers(conn, rows[0][0], 1) if len(rows) == 1 else []


def _find_speakers(conn: sqlite3.Connection, name: str, limit: int) -> list[SpeakerSummary]:
    """Speakers whose name, id or an alias equals `name`, case-insensitive."""
    rows = conn.execute(
        "SELECT * FROM speakers WHERE id IN (SELECT speaker_id FROM speaker_aliases"
        " WHERE alias = ? COLLATE NOCASE) OR name = ? COLLATE NOCASE OR id = ?"
        " ORDER BY quote_count DESC, name LIMIT ?", (name, name, name, limit)).fetchall()
    return [_speaker(conn, r) for r in rows]


KINDS = ("direct", "indirect", "mixed")
TYPES = ("speech", "thought")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


MAX_SEARCH_CHARS = 1000  # a longer search is refused (QueryError): no one types more


class QueryError(ValueError):
    """A filter, sort or search the user wrote that cannot be run (the message says why)."""


@dataclass(frozen=True)
class Filters:
    """What narrows a list of quotes: the same everywhere (web pages, JSON, CSV, CLI).

    `speakers` are corpus speaker ids, `outlets` outlet names (either matches), `since` and
    `until` dates or date prefixes (YYYY, YYYY-MM, YYYY-MM-DD; inclusive; undated quotes drop
    out), `kind` direct/indirect/mixed, `type` speech/thought, `min_confidence` 0..1."""

    speakers: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    type: str | None = None
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DATE.fullmatch(value):
                raise QueryError(f"{name}={value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
        if self.kind is not None and self.kind not in KINDS:
            raise QueryError(f"kind={self.kind!r}: one of {', '.join(KINDS)}")
        if self.type is not None and self.type not in TYPES:
            raise QueryError(f"type={self.type!r}: one of {', '.join(TYPES)}")
        c = self.min_confidence
        if c is not None and not 0 <= c <= 1:
            raise QueryError(f"min_confidence={c}: a number from 0 to 1")

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions over the attributions table `t` alone, and their parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if self.speakers:
            conds.append(f"t.speaker_id IN ({','.join('?' * len(self.speakers))})")
            params.extend(self.speakers)
        if self.outlets:
            conds.append(f"t.outlet IN ({','.join('?' * len(self.outlets))})")
            params.extend(self.outlets)
        if self.since:
            conds.append("t.published >= ?")
            params.append(self.since)
        if self.until:
            conds.append("substr(t.published, 1, ?) <= ?")
            params.extend([len(self.until), self.until])
        for column, value in (("t.kind", self.kind), ("t.type", self.type)):
            if value:
                conds.append(f"{column} = ?")
                params.append(value)
        if self.min_confidence is not None:
            conds.append("t.confidence >= ?")
            params.append(self.min_confidence)
        return conds, params

    def active(self) -> bool:
        """Whether any filter is set."""
        return self != Filters()


NO_FILTERS = Filters()

# Newest article first (undated last: SQLite sorts NULL lowest, so last in DESC; then latest
# indexed), text order within an article: the order of the attributions_newest index.
_NEWEST = "t.published DESC, t.article_seq DESC, t.seq"
SORTS = {
    "date": _NEWEST,
    "oldest": "t.published IS NULL, t.published, t.article_seq, t.seq",
    "speaker": "t.speaker_name IS NULL, t.speaker_name COLLATE NOCASE, " + _NEWEST,
    "confidence": "t.confidence DESC, " + _NEWEST,
    "outlets": "t.outlet_count DESC, " + _NEWEST,
}
SORT_LABELS = {"date": "newest first", "oldest": "oldest first", "speaker": "by speaker",
               "confidence": "most confident first", "outlets": "most outlets first",
               "relevance": "best match first"}
_NEWEST_FIRST = " ORDER BY " + _NEWEST
# Keyset paging in that order: the rows after the attribution `c` (the cursor, looked up by id).
_AFTER_CURSOR = (
    "WITH c AS (SELECT published AS p, article_seq AS s, seq AS q FROM attributions"
    " WHERE id = ?) ")
_AFTER_WHERE = (
    " ((c.p IS NOT NULL AND (t.published IS NULL OR t.published < c.p"
    " OR t.published = c.p AND (t.article_seq < c.s OR t.article_seq = c.s AND t.seq > c.q)))"
    " OR (c.p IS NULL AND t.published IS NULL"
    " AND (t.article_seq < c.s OR t.article_seq = c.s AND t.seq > c.q)))")


def check_sort(sort: str, allowed: Iterable[str] = tuple(SORTS)) -> None:
    """QueryError unless `sort` is one of the allowed sort names."""
    names = tuple(allowed)
    if sort not in names:
        raise QueryError(f"sort={sort!r}: one of {', '.join(names)}")


def _order(sort: str) -> str:
    """The ORDER BY of a sort name (QueryError for an unknown one)."""
    check_sort(sort)
    return " ORDER BY " + SORTS[sort]


# A page of a list is found by id first (the filters and the sort read attributions alone,
# so a sort keeps ids, not joined rows), then its rows are read whole (quotes_by_ids).
ID_SELECT = "SELECT t.id FROM attributions t"


def _quotes_sql(filters: Filters, sort: str, after: int | None,
                select: str = QUOTE_SELECT) -> tuple[str, list[Any]]:
    """The filtered, sorted quote query (no LIMIT) selecting `select` (QUOTE_SELECT's rows or
    ID_SELECT's ids); keyset `after` only in date order."""
    conds, params = filters.where()
    head, tail = "", ""
    if after is not None and sort == "date":
        head, tail = _AFTER_CURSOR, " JOIN c"
        conds.append(_AFTER_WHERE)
        params = [after, *params]
    where = (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""
    check_sort(sort)
    if sort == "speaker" and len(filters.speakers) == 1:
        sort = "date"  # one speaker's quotes by speaker: their date order (and its index)
    return head + select + tail + where + _order(sort), params


def list_quotes(conn: sqlite3.Connection, filters: Filters = NO_FILTERS, sort: str = "date",
                limit: int = 50, offset: int = 0, after: int | None = None) -> list[Quote]:
    """Attributions passing `filters`, in `sort` order (see SORTS), from `offset` or, in date
    order, after the attribution with id `after` (keyset paging: no OFFSET scan)."""
    sql, params = _quotes_sql(filters, sort, after, ID_SELECT)
    if after is not None and sort == "date":
        offset = 0
    ids = [r[0] for r in conn.execute(sql + " LIMIT ? OFFSET ?", [*params, limit, offset])]
    return quotes_by_ids(conn, ids)


def iter_quotes(conn: sqlite3.Connection, filters: Filters = NO_FILTERS, sort: str = "date",
                query: str | None = None) -> Iterator[Quote]:
    """Every attribution passing `filters` (and matching the search `query`, if any), streamed
    from the database a batch at a time: memory stays flat however many there are."""
    if query:
        in_order = sort != "relevance" and _reads_in_order(conn, query, None)
        sql, params = _search_sql(query, filters, sort, in_order=in_order)
    else:
        sql, params = _quotes_sql(filters, sort, None)
    cursor = conn.execute(sql, params)
    while batch := cursor.fetchmany(500):
        yield from (_quote(r) for r in batch)


def count_quotes(conn: sqlite3.Connection, filters: Filters = NO_FILTERS) -> int:
    """How many attributions pass `filters`."""
    conds, params = filters.where()
    where = (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""
    return conn.execute("SELECT count(*) FROM attributions t" + where, params).fetchone()[0]


def speaker_quotes(conn: sqlite3.Connection, speaker_id: str, limit: int = 50,
                   offset: int = 0, after: int | None = None,
                   filters: Filters = NO_FILTERS, sort: str = "date") -> list[Quote]:
    """A speaker's attributions, newest article first (undated last), text order within one;
    `after` an attribution id: the ones following it."""
    scoped = dataclasses.replace(filters, speakers=(speaker_id,))
    return list_quotes(conn, scoped, sort, limit, offset, after)


def recent_quotes(conn: sqlite3.Connection, limit: int = 50, offset: int = 0,
                  after: int | None = None) -> list[Quote]:
    """All attributions, newest article first (undated last, then latest indexed); `after` an
    attribution id: the ones following it."""
    return list_quotes(conn, NO_FILTERS, "date", limit, offset, after)


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet and how many listed quotes have it (`value` None: not known)."""

    value: str | None
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """Counts of the listed quotes by one column (speaker, outlet, kind or month)."""

    name: str
    values: tuple[FacetValue, ...]
    more: bool = False  # more values than shown


FACETS = {  # name -> the value counted, a column of attributions `t` (shown in this order)
    "speaker": "t.speaker_id",
    "outlet": "t.outlet",
    "kind": "t.kind",
    "month": speaker_counts.MONTH,
}
FACET_SIZE = 10
FACET_SECONDS = 0.1  # facets not counted by then are left out (like Datasette's time limit)


class _TimeLimit:
    """Interrupts the connection's running statement once `seconds` have passed."""

    def __init__(self, conn: sqlite3.Connection, seconds: float) -> None:
        self.conn, self.seconds = conn, seconds

    def __enter__(self) -> _TimeLimit:
        deadline = time.monotonic() + self.seconds
        self.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 2000)
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.set_progress_handler(None, 0)


def _in_facet_order(name: str, rows: list[tuple[Any, int]]) -> list[tuple[Any, int]]:
    """A facet's (value, count) pairs in the order shown: months newest first, others most
    frequent first; the unknown value last."""
    if name == "month":
        newest = sorted(rows, key=lambda vn: vn[0] or "", reverse=True)
        return sorted(newest, key=lambda vn: vn[0] is None)
    return sorted(rows, key=lambda vn: (-vn[1], vn[0] is None, vn[0] or ""))


def _one_speaker(filters: Filters, query: str | None) -> str | None:
    """The speaker whose quotes, all of them, the list is (no other filter, no search)."""
    if query or len(filters.speakers) != 1:
        return None
    return filters.speakers[0] if filters == Filters(speakers=filters.speakers) else None


def _stored_facets(conn: sqlite3.Connection, filters: Filters, query: str | None,
                   names: Sequence[str]) -> dict[str, list[tuple[Any, int]]] | None:
    """One speaker's facets from the counts stored when speakers were rebuilt (no row read),
    or None when the list is not one speaker's whole list or the index has none."""
    sid = _one_speaker(filters, query)
    stored = speaker_counts.stored_counts(conn, sid) if sid is not None else None
    if stored is None:
        return None
    out = {name: list(stored.get(name, [])) for name in names if name != "speaker"}
    if "speaker" in names:
        out["speaker"] = [(sid, sum(n for _, n in stored.get("kind", [])))]
    return out


def _facet_sql(name: str, where: str) -> str:
    """One facet's most frequent values (months: newest) among the rows passing `where`."""
    order = "v IS NULL, v DESC" if name == "month" else "n DESC, v IS NULL, v"
    return (f"SELECT {FACETS[name]} AS v, count(*) AS n FROM attributions t{where}"
            f" GROUP BY v ORDER BY {order} LIMIT ?")


def _counted_per_facet(conn: sqlite3.Connection, where: str, params: list[Any],
                       names: Sequence[str], size: int, deadline: float
                       ) -> dict[str, list[tuple[Any, int]]]:
    """Each facet counted by its own GROUP BY (every row: each reads a covering index in its
    order); facets not counted by the deadline left out."""
    out = {}
    for name in names:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        try:
            with _TimeLimit(conn, left):
                rows = _run(conn, _facet_sql(name, where), [*params, size + 1])
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
            continue
        out[name] = [(r[0], r[1]) for r in rows]
    return out


def _one_pass_sql(where: str, names: Sequence[str], size: int) -> str:
    """The rows passing `where` read once (their facet values kept aside), then each facet's
    most frequent `size` + 1 values counted from them: (facet, value, count) rows."""
    picked = ", ".join(f"{FACETS[name]} AS {name}" for name in names)
    parts = " UNION ALL ".join(
        f"SELECT * FROM (SELECT '{name}' AS f, {name} AS v, count(*) AS n FROM m GROUP BY v"
        f" ORDER BY {'v IS NULL, v DESC' if name == 'month' else 'n DESC, v IS NULL, v'}"
        f" LIMIT {size + 1})" for name in names)
    return f"WITH m AS MATERIALIZED (SELECT {picked} FROM attributions t{where}) {parts}"


def _counted_in_one_pass(conn: sqlite3.Connection, where: str, params: list[Any],
                         names: Sequence[str], size: int, deadline: float
                         ) -> dict[str, list[tuple[Any, int]]]:
    """Every facet counted over the filtered rows read once (a filter or a search picks
    them; the facets group what it found), or none when that takes past the deadline."""
    try:
        with _TimeLimit(conn, max(0.0, deadline - time.monotonic())):
            rows = _run(conn, _one_pass_sql(where, names, size), params)
    except sqlite3.OperationalError as exc:
        if "interrupt" not in str(exc):
            raise
        return {}
    out: dict[str, list[tuple[Any, int]]] = {name: [] for name in names}
    for f, v, n in rows:
        out[f].append((v, n))
    return out


def facets(conn: sqlite3.Connection, filters: Filters = NO_FILTERS, query: str | None = None,
           size: int = FACET_SIZE, seconds: float = FACET_SECONDS,
           names: Sequence[str] = tuple(FACETS)) -> list[Facet]:
    """The listed quotes (filtered, and matching `query` if given) counted by speaker, outlet,
    kind and month (or only the facets `names`), most frequent first (months newest first).

    One speaker's whole list reads the counts stored with the speakers; a filtered list or a
    search counts what it found in one pass; the whole index counts each facet over a
    covering index. Facets not counted within `seconds` are left out, so a huge list still
    answers quickly."""
    names = [n for n in FACETS if n in names]
    deadline = time.monotonic() + seconds
    found = _stored_facets(conn, filters, query, names)
    if found is None:
        conds, params = filters.where()
        if query:
            params = [_fts_or_error(query), *params]
            conds.insert(0, "t.id IN (SELECT rowid FROM attribution_fts WHERE attribution_fts"
                            " MATCH ?)")
        where = (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""
        count = _counted_in_one_pass if conds else _counted_per_facet
        found = count(conn, where, params, names, size, deadline)
    out = []
    for name in names:
        if name not in found:
            continue
        rows = _in_facet_order(name, found[name])
        labels = _speaker_names(conn, [v for v, _ in rows]) if name == "speaker" else {}
        values = tuple(FacetValue(v, labels.get(v) or v or _UNKNOWN[name], n)
                       for v, n in rows[:size])
        out.append(Facet(name, values, len(rows) > size))
    return out


def _speaker_names(conn: sqlite3.Connection, ids: list[str | None]) -> dict[str, str]:
    """Corpus speaker names by id."""
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return dict(conn.execute(f"SELECT id, name FROM speakers WHERE id IN"
                             f" ({','.join('?' * len(wanted))})", wanted).fetchall())


_UNKNOWN = {"speaker": "unknown speaker", "outlet": "no outlet", "kind": "?",
            "month": "no date"}


# ---------------------------------------------------------------- search


_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _literal(term: str) -> str:
    """One word or phrase as an FTS5 string (double quotes doubled: nothing is syntax)."""
    return '"' + term.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """A user's search as a safe FTS5 query. Words and "quoted phrases" are all required,
    `tax*` matches words starting with tax, `-word` or `-"a phrase"` excludes, and an
    upper-case OR between two terms allows either. Every term is quoted, so nothing the user
    types is FTS syntax; QueryError when only exclusions are given."""
    if len(text) > MAX_SEARCH_CHARS:
        raise QueryError(f"the search is {len(text):,} characters long: at most "
                         f"{MAX_SEARCH_CHARS:,}")
    if "\x00" in text:
        raise QueryError("the search holds a NUL character")
    terms: list[str] = []
    excluded: list[str] = []
    for minus, phrase, word in _TERM.findall(text):
        if word == "OR":
            if terms and terms[-1] != "OR":
                terms.append("OR")
            continue
        negate = bool(minus) or (word.startswith("-") and len(word) > 1)
        raw = phrase if not word else word.removeprefix("-") if negate else word
        prefix = raw.endswith("*") and not phrase
        raw = raw.rstrip("*") if prefix else raw
        if not re.search(r"\w", raw):
            continue
        term = _literal(raw.strip()) + ("*" if prefix else "")
        if negate:
            excluded.append(term)
        else:
            terms.append(term)
    while terms and terms[-1] == "OR":
        terms.pop()
    if not terms:
        if excluded:
            raise QueryError("a search needs a word to look for, not only -exclusions")
        return ""
    query = " ".join(terms)
    return f"({query})" + "".join(f" NOT {t}" for t in excluded) if excluded else query


def _fts_or_error(text: str) -> str:
    """fts_query, never empty (QueryError)."""
    query = fts_query(text)
    if not query:
        raise QueryError("nothing to search for: give a word")
    return query


def _run(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
    """Rows of a query that may hold a MATCH: an FTS syntax problem is a QueryError."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc) or "MATCH" in str(exc):
            raise QueryError(f"cannot search for that: {exc}") from exc
        raise


def _pieces(marked: str) -> tuple[tuple[str, bool], ...]:
    """FTS5 highlight() output as (text, matched) pieces."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"{HL_START}|{HL_END}", marked)):
        if part:
            out.append((part, i % 2 == 1))
    return tuple(out)


_MATCHES = "SELECT rowid FROM attribution_fts WHERE attribution_fts MATCH ?"
_RANKED = ("SELECT rowid, bm25(attribution_fts, 10.0, 5.0, 0.05) AS rank FROM attribution_fts"
           " WHERE attribution_fts MATCH ?")
IN_ORDER_DENSITY = 8  # a sorted search reads its sort's index in order when matches are dense


def _search_sql(text: str, filters: Filters, sort: str, select: str = QUOTE_SELECT,
                in_order: bool = False) -> tuple[str, list[Any]]:
    """The search query (no LIMIT) selecting `select` (QUOTE_SELECT's rows or ID_SELECT's ids):
    matches passing `filters`, in `sort` order or, for `relevance`, by bm25 with a match in
    the quote's words weighing 10, in the speaker's name 5 and in the article title 0.05, so a
    quote by or about someone ranks above an article that only names them in its title.

    A sort reads its index in order `in_order`, checking each entry against the matches (what
    a search matching many quotes wants: the first page comes early in the index), else it
    sorts the matches (what a search matching few wants)."""
    query = _fts_or_error(text)
    conds, params = filters.where()
    if sort == "relevance":
        head, join, order = f"WITH hits AS ({_RANKED}) ", " JOIN hits ON hits.rowid = t.id", (
            " ORDER BY hits.rank, t.id")
    else:
        check_sort(sort)
        if sort == "speaker" and len(filters.speakers) == 1:
            sort = "date"  # one speaker's matches by speaker: their date order
        head, join, order = "", "", _order(sort)
        if in_order:  # `+`: the matches are a condition on each entry, not where to start
            conds.insert(0, f"+t.id IN ({_MATCHES})")
        else:  # CROSS JOIN: the matches first, each looked up, then sorted
            select = select.replace("FROM attributions t", f"FROM ({_MATCHES}) hits CROSS JOIN"
                                    " attributions t ON t.id = hits.rowid", 1)
    where = (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""
    return head + select + join + where + order, [query, *params]


def _reads_in_order(conn: sqlite3.Connection, text: str, wanted: int | None) -> bool:
    """Whether a sorted search for `wanted` rows (None: all) should read its sort's index in
    order: when the matches are so many that the rows wanted come within a short stretch of it
    (reading k entries finds about k * matches / quotes of them), rather than sort them all."""
    matches = _run(conn, f"SELECT count(*) FROM ({_MATCHES})", (_fts_or_error(text),))[0][0]
    total = conn.execute("SELECT max(id) FROM attributions").fetchone()[0] or 0
    return matches * IN_ORDER_DENSITY * matches >= (wanted or matches) * total


def search_count(conn: sqlite3.Connection, text: str, filters: Filters = NO_FILTERS) -> int:
    """How many attributions `search` would find for these words and filters."""
    query = fts_query(text)
    if not query:
        return 0
    if not filters.active():
        return _run(conn, "SELECT count(*) FROM attribution_fts WHERE attribution_fts MATCH ?",
                    (query,))[0][0]
    conds, params = filters.where()
    return _run(conn, "SELECT count(*) FROM attributions t WHERE t.id IN (SELECT rowid FROM"
                " attribution_fts WHERE attribution_fts MATCH ?) AND "
                + " AND ".join(f"({c})" for c in conds), [query, *params])[0][0]


def search(conn: sqlite3.Connection, text: str, limit: int = 50, offset: int = 0,
           filters: Filters = NO_FILTERS, sort: str = "relevance") -> list[Quote]:
    """Attributions matching the words (in content, speaker name or title) and `filters`,
    best first (quotes by or of the words above title-only matches, then bm25) or in `sort`
    order; matches highlighted. QueryError for a search that cannot be run."""
    if not fts_query(text):
        return []
    if sort == "relevance" and not filters.active():  # the ranking alone: no row read
        sql, params = _RANKED + " ORDER BY rank, rowid", [_fts_or_error(text)]
    else:
        in_order = sort != "relevance" and _reads_in_order(conn, text, offset + limit)
        sql, params = _search_sql(text, filters, sort, ID_SELECT, in_order)
    ids = [r[0] for r in _run(conn, sql + " LIMIT ? OFFSET ?", [*params, limit, offset])]
    marks = _highlights(conn, fts_query(text), ids)
    return [dataclasses.replace(q, highlight=_pieces(marks.get(q.id, q.content)))
            for q in quotes_by_ids(conn, ids)]


def _highlights(conn: sqlite3.Connection, query: str, ids: list[int]) -> dict[int, str]:
    """The quote words of the rows `ids` with the search's matches marked, found by copying
    those rows into a temporary search table of their own (the index's columns and tokenizer)
    and searching that: a prefix or an exclusion is expanded over one page, not the index."""
    if not ids:
        return {}
    made = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'attribution_fts'"
                        ).fetchone()[0]
    columns = made[made.index("(") + 1:made.rindex(")")]
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.page_fts USING fts5({columns})")
    conn.execute("DELETE FROM temp.page_fts")
    conn.execute("INSERT INTO temp.page_fts (rowid, content, speaker, title)"
                 " SELECT rowid, content, speaker, title FROM main.attribution_fts"
                 f" WHERE rowid IN ({','.join('?' * len(ids))})", ids)
    return dict(_run(conn, "SELECT rowid, highlight(page_fts, 0, ?, ?) FROM temp.page_fts"
                           " WHERE page_fts MATCH ?", [HL_START, HL_END, query]))


def matching_speakers(conn: sqlite3.Connection, text: str, limit: int = 5
                      ) -> list[SpeakerSummary]:
    """Speakers one of whose names or aliases is the search text or holds it as a whole word
    ("Hillary" finds Hillary Clinton), most quoted first."""
    words = text.strip().strip('"').strip()
    if len(words) < 2 or any(c in words for c in "%_"):
        return []
    rows = conn.execute(
        "SELECT * FROM speakers WHERE id IN (SELECT speaker_id FROM speaker_aliases"
        " WHERE alias = ? OR alias LIKE ? OR alias LIKE ? OR alias LIKE ?)"
        " ORDER BY quote_count DESC, name LIMIT ?",
        (words, f"{words} %", f"% {words}", f"% {words} %", limit)).fetchall()
    return [_speaker(conn, r) for r in rows]


def suggest_speakers(conn: sqlite3.Connection, name: str, limit: int = 3) -> list[str]:
    """Speaker names close to `name` (for "did you mean"): near spellings of a name or alias,
    or names starting with it, most quoted first."""
    import difflib

    rows = conn.execute("SELECT sp.name, a.alias, sp.quote_count FROM speaker_aliases a"
                        " JOIN speakers sp ON sp.id = a.speaker_id").fetchall()
    want = name.strip().lower()
    scored: dict[str, float] = {}
    for r in rows:
        alias = r["alias"].lower()
        parts = [alias, *alias.split()]
        score = max(difflib.SequenceMatcher(None, want, p).ratio() for p in parts)
        if any(p.startswith(want) for p in parts) and len(want) >= 3:
            score = max(score, 0.9)
        if score >= 0.75:
            scored[r["name"]] = max(scored.get(r["name"], 0), score + r["quote_count"] * 1e-6)
    return sorted(scored, key=lambda n: -scored[n])[:limit]


# ---------------------------------------------------------------- over time


@dataclass(frozen=True)
class Count:
    """A label (a week's Monday, a month, an outlet) and how many."""

    label: str
    count: int


MAX_WEEKS = 260  # longer spans are counted by month


def _fill_weeks(rows: list[tuple[str, int]]) -> list[Count]:
    """Weekly counts with the empty weeks between the first and last filled in as 0."""
    from datetime import date, timedelta

    if not rows:
        return []
    counts = dict(rows)
    first, last = date.fromisoformat(rows[0][0]), date.fromisoformat(rows[-1][0])
    out, day = [], first
    while day <= last:
        out.append(Count(day.isoformat(), counts.get(day.isoformat(), 0)))
        day += timedelta(days=7)
    return out


def _fill_months(rows: list[tuple[str, int]]) -> list[Count]:
    """Monthly counts with the empty months between the first and last filled in as 0."""
    if not rows:
        return []
    counts = dict(rows)
    y, m = map(int, rows[0][0].split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= rows[-1][0]:
        out.append(Count(f"{y:04d}-{m:02d}", counts.get(f"{y:04d}-{m:02d}", 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline(conn: sqlite3.Connection, filters: Filters = NO_FILTERS) -> list[Count]:
    """Attributions passing `filters` per week (by the Monday starting it; undated ones left
    out), empty weeks as 0; per month (YYYY-MM) when the span is over MAX_WEEKS weeks."""
    sid = _one_speaker(filters, None)
    stored = speaker_counts.stored_counts(conn, sid) if sid is not None else None
    if stored is not None:  # one speaker's whole list: their weeks were counted with them
        rows = sorted((w, n) for w, n in stored.get("week", []) if w)
    else:
        conds, params = filters.where()
        conds.append(speaker_counts.DATED)
        where = " WHERE " + " AND ".join(f"({c})" for c in conds)
        rows = [tuple(r) for r in conn.execute(
            f"SELECT {speaker_counts.WEEK} AS w, count(*) FROM attributions t{where} GROUP BY w"
            " ORDER BY w", params).fetchall() if r[0]]
    if len(rows) > 1 and (_weeks_between(rows[0][0], rows[-1][0]) > MAX_WEEKS):
        return _fill_months(_by_month(rows))
    return _fill_weeks(rows)


def _weeks_between(a: str, b: str) -> int:
    """Whole weeks from date a to date b."""
    from datetime import date

    return (date.fromisoformat(b) - date.fromisoformat(a)).days // 7


def _by_month(weeks: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Weekly counts summed by the month each week starts in."""
    out: dict[str, int] = {}
    for week, n in weeks:
        out[week[:7]] = out.get(week[:7], 0) + n
    return sorted(out.items())


def outlet_counts(conn: sqlite3.Connection, filters: Filters = NO_FILTERS, limit: int = 12
                  ) -> list[Count]:
    """Attributions passing `filters` per outlet, most first (no outlet left out)."""
    sid = _one_speaker(filters, None)
    stored = speaker_counts.stored_counts(conn, sid) if sid is not None else None
    if stored is not None:  # one speaker's whole list: their outlets were counted with them
        ranked = sorted(((o, n) for o, n in stored.get("outlet", []) if o),
                        key=lambda on: (-on[1], on[0]))
        return [Count(o, n) for o, n in ranked[:limit]]
    conds, params = filters.where()
    conds.append("t.outlet IS NOT NULL")
    where = " WHERE " + " AND ".join(f"({c})" for c in conds)
    return [Count(r[0], r[1]) for r in conn.execute(
        f"SELECT t.outlet, count(*) AS n FROM attributions t{where} GROUP BY t.outlet"
        " ORDER BY n DESC, t.outlet LIMIT ?", [*params, limit]).fetchall()]


def articles_over_time(conn: sqlite3.Connection) -> list[Count]:
    """Articles per week of publication (per month over MAX_WEEKS weeks), gaps as 0."""
    rows = [tuple(r) for r in conn.execute(
        "SELECT date(published, '-6 days', 'weekday 1') AS w, count(*) FROM articles"
        " WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
        " GROUP BY w ORDER BY w").fetchall() if r[0]]
    if len(rows) > 1 and _weeks_between(rows[0][0], rows[-1][0]) > MAX_WEEKS:
        return _fill_months(_by_month(rows))
    return _fill_weeks(rows)


# ---------------------------------------------------------------- one quote in context

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*")
CONTEXT_CHARS = 1500  # how far around a quote to look for its neighbouring sentences


@dataclass(frozen=True)
class QuoteInContext:
    """A quote with the sentence before, its own sentence(s) (the quote's words marked as
    pieces), the sentence after, and the same quote as other articles carried it."""

    quote: Quote
    before: str
    sentence: tuple[tuple[str, bool], ...]
    after: str
    others: tuple[Quote, ...]


def _boundaries(text: str, lo: int, hi: int) -> list[int]:
    """Sentence starts between lo and hi (lo and hi included)."""
    cuts = {lo, hi}
    for m in _SENTENCE_END.finditer(text, lo, hi):
        cuts.add(m.end())
    return sorted(cuts)


def sentence_context(text: str, spans: Spans) -> tuple[str, tuple[tuple[str, bool], ...], str]:
    """The sentence before the spans, the sentence(s) holding them as (text, in-span) pieces,
    and the sentence after: found by punctuation and line breaks, no model needed."""
    if not spans:
        return "", (), ""
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    cuts = _boundaries(text, lo, hi)
    first = max((c for c in cuts if c <= start), default=lo)
    last = min((c for c in cuts if c >= end), default=hi)
    prev = max((c for c in cuts if c < first), default=first)
    nxt = min((c for c in cuts if c > last), default=last)
    points = sorted({first, last, *(p for s, e in spans for p in (s, e) if first <= p <= last)})
    pieces = tuple((text[a:b], any(s <= a and b <= e for s, e in spans))
                   for a, b in zip(points, points[1:], strict=False) if b > a)
    return text[prev:first].strip(), pieces, text[last:nxt].strip()


def quote_in_context(conn: sqlite3.Connection, quote_id: int) -> QuoteInContext | None:
    """One attribution with its neighbouring sentences and the other articles that carried
    the same quote (earliest first), or None."""
    row = conn.execute(QUOTE_SELECT + " WHERE t.id = ?", (quote_id,)).fetchone()
    if row is None:
        return None
    q = _quote(row)
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (q.article_id,)).fetchone()[0]
    before, sentence, after = sentence_context(text, q.content_spans)
    others: tuple[Quote, ...] = ()
    if q.group_id is not None:
        others = tuple(_quote(r) for r in conn.execute(
            QUOTE_SELECT + " WHERE t.group_id = ? AND t.article_id != ?"
            " ORDER BY a.published IS NULL, a.published, a.seq, t.seq",
            (q.group_id, q.article_id)).fetchall())
    return QuoteInContext(q, before, sentence, after, others)


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
        how = change(diff)
        variants.append(Variant(q, diff, how == "altered", how))
    return QuoteGroup(id=group_id, size=len(quotes), earliest=first,
                      outlets=tuple(sorted({q.outlet for q in quotes if q.outlet})),
                      variants=tuple(variants))


def quote_groups(conn: sqlite3.Connection, limit: int = 50, offset: int = 0,
                 min_articles: int = 2, speaker_id: str | None = None) -> list[QuoteGroupSummary]:
    """Quote groups reported by at least `min_articles` articles, most widely reported first."""
    where, params = "", []
    if speaker_id:
        where = ("AND g.id IN (SELECT t.group_id FROM attributions t"
                 " WHERE t.speaker_id = ? AND t.group_id IS NOT NULL)")
        params = [speaker_id]
    rows = conn.execute(
        f"SELECT g.id, g.size, g.articles AS article_count, g.outlets AS outlet_count"
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

