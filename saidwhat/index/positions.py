"""Positions in the index: who backs or opposes what, and where two speakers agree or diverge.

The `positions` table holds one row per `Position` of an article, written by the store with the
article's attributions. Both shapes share columns: a stance is `a` (source) → `b` (target) with a
`polarity`; agree/disagree is the unordered pair `a`, `b`. Each row carries its article's date
and order, and (once speakers are rebuilt, `link_speakers`) the corpus speakers at both ends, so
every listing, summary and the network read this one table through its indexes. A stance's
target is a speaker when it names one of its article (`target_id`) or, failing that, the one
corpus speaker with that name or alias.

Queries (read-only, frozen dataclasses like `saidwhat.index.queries`):
- `positions(conn, PositionFilter(...))`: rows by article, speaker, pair, topic, relation, dates
- `speaker_stands(conn, id)`: a speaker's summary (supports … / opposes … / agrees with … on …)
- `pair(conn, a, b)`: what two speakers agree and disagree on over time, across the corpus
- `network(conn, topic=, since=, until=)`: speakers and targets as nodes, relations as edges
- `topics(conn)`: topics by how often they come up (clustered: `cluster_topic_keys`)

A topic's `topic_key` is the key of its cluster: phrases whose content words overlap enough
("climate change in the Arctic", "Arctic climate") are one topic across articles
(`saidwhat.corpus.positions.cluster_topics`), recomputed whenever speakers are rebuilt.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from saidwhat.corpus.positions import cluster_topics
from saidwhat.corpus.positions import topic_key as corpus_topic_key
from saidwhat.data.names import ORG_WORDS
from saidwhat.records import Article, Position, slugify

Spans = tuple[tuple[int, int], ...]
MAX_EDGES = 250  # the network keeps its most frequent edges
PAIR_ROWS = 200  # the pair page lists at most this many of their positions

TABLE = """
CREATE TABLE IF NOT EXISTS positions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,                -- position within the article
    relation TEXT NOT NULL,              -- stance | agree | disagree
    polarity TEXT,                       -- stance: support | oppose
    a TEXT NOT NULL,                     -- stance: the source; else one of the pair
    a_local_id TEXT,                     -- article_speakers.local_id
    b TEXT NOT NULL,                     -- stance: the target; else the other of the pair
    b_local_id TEXT,                     -- set when b is a speaker of the article
    b_key TEXT NOT NULL,                 -- topic_key(b): one target node across articles
    topic TEXT NOT NULL,
    topic_key TEXT NOT NULL,             -- its topic cluster's key (cluster_topic_keys)
    explicit INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    evidence_spans TEXT NOT NULL,        -- JSON [[start, end], ...]
    published TEXT,                      -- the article's date, as stored with it
    article_seq INTEGER,                 -- the article's index order
    a_key TEXT,                          -- topic_key(a): a's node while it has no speaker
    a_speaker TEXT,                      -- corpus speakers (speakers.id), set by link_speakers
    b_speaker TEXT
);
CREATE TABLE IF NOT EXISTS position_topics (  -- topic_key(phrase) -> its cluster's key
    raw_key TEXT PRIMARY KEY, topic_key TEXT NOT NULL
);
"""
# Columns added since the table first shipped, with how an older table fills them.
ADDED = ("published TEXT", "article_seq INTEGER", "a_key TEXT", "a_speaker TEXT",
         "b_speaker TEXT")
INDEXES = """
CREATE INDEX IF NOT EXISTS positions_article ON positions(article_id, seq);
CREATE INDEX IF NOT EXISTS positions_order
    ON positions(published IS NULL, published, article_seq, seq);
CREATE INDEX IF NOT EXISTS positions_a_speaker ON positions(a_speaker);
CREATE INDEX IF NOT EXISTS positions_b_speaker ON positions(b_speaker);
CREATE INDEX IF NOT EXISTS positions_topics ON positions(topic_key, topic, published);
CREATE INDEX IF NOT EXISTS positions_b_label ON positions(b_key, b_speaker, b);
CREATE INDEX IF NOT EXISTS positions_edges ON positions(a_speaker, a_key, b_speaker, b_key,
    relation, polarity, topic, topic_key, published);
CREATE INDEX IF NOT EXISTS positions_stands_a ON positions(a_speaker, relation, polarity,
    b_speaker, b_key, b, topic, topic_key, published);
CREATE INDEX IF NOT EXISTS positions_stands_b ON positions(b_speaker, relation, polarity,
    a_speaker, a_key, a, topic, topic_key, published);
"""
SCHEMA = TABLE + INDEXES
DROPPED = ("positions_a", "positions_b", "positions_topic",  # indexes of the first table
           "positions_b_key")

# Phrases whose keys say which topic_key wrote an index's keys: when it changes, keys are redone.
KEY_PROBES = ("Arctic climate changes", "the Iran nuclear deal", "New START", "statements")


def topic_key(topic: str) -> str:
    """The key that clusters a topic or target across sentences and articles: its content words
    (`saidwhat.corpus.positions.topic_key`), else, for "the US" or "him", its lower-cased words."""
    return corpus_topic_key(topic) or " ".join(topic.lower().split())


def _key_version() -> str:
    """What topic_key makes of the probe phrases."""
    return "|".join(topic_key(p) for p in KEY_PROBES)


# ---------------------------------------------------------------- writing


def create_tables(conn: sqlite3.Connection) -> None:
    """The positions table and its indexes, when missing (older tables gain the columns added
    since), with topic keys redone when `topic_key` changed since they were written."""
    conn.executescript(TABLE)
    have = {r[1] for r in conn.execute("PRAGMA table_info(positions)")}
    missing = [c for c in ADDED if c.split()[0] not in have]
    for column in missing:
        conn.execute(f"ALTER TABLE positions ADD COLUMN {column}")
    if missing:
        conn.execute("UPDATE positions SET published = ar.published, article_seq = ar.seq"
                     " FROM articles ar WHERE ar.id = positions.article_id")
        link_speakers(conn)
    for index in DROPPED:
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    conn.executescript(INDEXES)
    row = conn.execute("SELECT value FROM meta WHERE key = 'topic_keys'").fetchone()
    if missing or row is None or row[0] != _key_version():
        rekey(conn)


def rekey(conn: sqlite3.Connection) -> None:
    """Recompute every stored topic and node key with the current `topic_key`."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute("SELECT id, topic, a, b FROM positions").fetchall()
        conn.executemany("UPDATE positions SET topic_key = ?, a_key = ?, b_key = ? WHERE id = ?",
                         [(topic_key(r[1] or r[3]), topic_key(r[2]), topic_key(r[3]), r[0])
                          for r in rows])
        cluster_topic_keys(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('topic_keys', ?)", (_key_version(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def cluster_topic_keys(conn: sqlite3.Connection) -> None:
    """Give every position the key of its topic's cluster (inside the caller's transaction):
    the topics (or, without one, the targets) of the whole index clustered by overlapping
    content words, so one topic named several ways across articles is one topic."""
    rows = conn.execute("SELECT id, topic, b, topic_key FROM positions").fetchall()
    phrases = [r[1] or r[2] for r in rows]
    labels = cluster_topics(phrases)
    key_of = {p: topic_key(p) for p in set(phrases)}
    cluster = {key_of[p]: key_of[labels.get(p, p)] for p in key_of}
    conn.executemany("UPDATE positions SET topic_key = ? WHERE id = ?",
                     [(cluster[key_of[p]], r[0]) for r, p in zip(rows, phrases, strict=True)
                      if cluster[key_of[p]] != r[3]])
    conn.execute("DELETE FROM position_topics")
    conn.executemany("INSERT INTO position_topics VALUES (?, ?)", cluster.items())


def topic_cluster(conn: sqlite3.Connection, topic: str) -> str:
    """The cluster key of a topic as a reader wrote it (its own key when the index has not
    seen that wording)."""
    key = topic_key(topic)
    try:
        row = conn.execute("SELECT topic_key FROM position_topics WHERE raw_key = ?",
                           (key,)).fetchone()
    except sqlite3.OperationalError:  # an index from before topic clusters
        row = None
    return row[0] if row else key


def link_speakers(conn: sqlite3.Connection) -> None:
    """Copy corpus speaker ids onto positions (inside the caller's transaction, after speakers
    are rebuilt): both ends from `article_speakers`; a stance target no speaker of its article is
    from the one corpus speaker with that name or alias (none when the name is ambiguous)."""
    for end in ("a", "b"):
        conn.execute(
            f"UPDATE positions SET {end}_speaker = s.speaker_id FROM article_speakers s"
            f" WHERE s.article_id = positions.article_id AND s.local_id = positions.{end}_local_id"
            f" AND positions.{end}_speaker IS NOT s.speaker_id")
    conn.execute(
        "UPDATE positions SET b_speaker = (SELECT CASE WHEN count(DISTINCT al.speaker_id) = 1"
        " THEN min(al.speaker_id) END FROM speaker_aliases al WHERE al.alias = positions.b)"
        " WHERE b_local_id IS NULL AND relation = 'stance'")


def _speaker_ids(article: Article) -> dict[str, str]:
    """The article's speakers: casefolded name -> article-local id."""
    out: dict[str, str] = {}
    for a in article.attributions:
        if a.speaker is not None:
            out.setdefault(a.speaker.name.casefold(), a.speaker.id or slugify(a.speaker.name))
    return out


def _holder_id(name: str, given: str | None, known: dict[str, str]) -> str:
    """The article-local id of a position's speaker: as given, else by name, else the speaker
    whose full name a headline ran on ("Donald Trump Sounds Weirdly Sophisticated"), else its
    slug."""
    return given or known.get(name.casefold()) or run_on_holder(name, known) or slugify(name)


RUN_ON_STOPS = ORG_WORDS | {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def run_on_holder(name: str, known: dict[str, str]) -> str | None:
    """The article speaker a holder's name starts with when the words after that full name are
    a headline's title-cased run-on ("Donald Trump Sounds Weirdly Sophisticated"), not a son's
    suffix ("Donald Trump Jr.") or an organisation ("Joe Biden Campaign"); else None."""
    words = name.split()
    for n in range(len(words) - 1, 1, -1):
        sid = known.get(" ".join(words[:n]).casefold())
        rest = words[n:]
        if sid is not None and all(w[:1].isupper() for w in rest) and not any(
                w.casefold() in RUN_ON_STOPS for w in rest):
            return sid
    return None


def target_id(name: str, known: dict[str, str]) -> str | None:
    """The article-local speaker a stance target names: same name, or a one-word surname that
    ends exactly one speaker's name ("Biden" -> "Joe Biden"); None for issues and strangers."""
    if name.casefold() in known:
        return known[name.casefold()]
    words = name.split()
    if len(words) == 1 and words[0][:1].isupper():
        ends = {sid for n, sid in known.items() if n.split()[-1] == words[0].casefold()}
        if len(ends) == 1:
            return ends.pop()
    return None


def _ends(p: Position) -> tuple[str, str | None, str]:
    """A position's two ends as stored: (a, its given id, b)."""
    if p.relation == "stance":
        return p.source or "", p.source_id, p.target or ""
    return p.a or "", p.a_id, p.b or ""


def insert_positions(conn: sqlite3.Connection, article_id: str, article: Article) -> None:
    """Store an article's positions (inside the caller's transaction), registering each speaker
    that holds one in `article_speakers` so it gets a corpus id."""
    if not article.positions:
        return
    known = _speaker_ids(article)
    article_seq, published = conn.execute("SELECT seq, published FROM articles WHERE id = ?",
                                          (article_id,)).fetchone()
    for seq, p in enumerate(article.positions):
        a, a_given, b = _ends(p)
        if not a or not b:
            continue
        a_id = _register(conn, article_id, a, a_given, known)
        b_id = (target_id(b, known) if p.relation == "stance"
                else _register(conn, article_id, b, p.b_id, known))
        conn.execute(
            "INSERT INTO positions (article_id, seq, relation, polarity, a, a_local_id, b,"
            " b_local_id, b_key, topic, topic_key, explicit, evidence, evidence_spans, published,"
            " article_seq, a_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_id, seq, p.relation, p.polarity if p.relation == "stance" else None, a,
             a_id, b, b_id, topic_key(b), p.topic, topic_key(p.topic or b), int(p.explicit),
             p.evidence.text, json.dumps([list(s) for s in p.evidence.spans]), published,
             article_seq, topic_key(a)))


def _register(conn: sqlite3.Connection, article_id: str, name: str, given: str | None,
              known: dict[str, str]) -> str:
    """The article-local id of a speaker holding a position, added to `article_speakers` (and
    to `known`) when no attribution of the article named them."""
    sid = _holder_id(name, given, known)
    kind = "PERSON" if name[:1].isupper() else "GROUP"  # "top black lawmakers"
    conn.execute("INSERT OR IGNORE INTO article_speakers (article_id, local_id, name, type)"
                 " VALUES (?,?,?,?)", (article_id, sid, name, kind))
    known.setdefault(name.casefold(), sid)
    return sid


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class PositionView:
    """One stored position with its article's metadata and corpus speaker ids.

    A stance is `a` (source) → `b` (target) with `polarity`; agree/disagree is the pair `a`, `b`.
    `a_id`/`b_id` are corpus speaker ids (`b_id` None for a target that is no speaker)."""

    id: int
    article_id: str
    article_title: str | None
    outlet: str | None
    published: str | None
    relation: str
    polarity: str | None
    a: str
    a_id: str | None
    b: str
    b_id: str | None
    topic: str
    topic_key: str
    explicit: bool
    evidence: str
    evidence_spans: Spans

    @property
    def verb(self) -> str:
        """The relation as a verb: supports, opposes, agrees with, disagrees with."""
        if self.relation == "stance":
            return "supports" if self.polarity == "support" else "opposes"
        return "agrees with" if self.relation == "agree" else "disagrees with"


@dataclass(frozen=True)
class PositionFilter:
    """Which positions to read: any combination of article, speaker (and other speaker: a
    pair), topic key, relation and dates (`since`/`until` inclusive: a year, month or day)."""

    article_id: str | None = None
    speaker_id: str | None = None
    other_id: str | None = None
    topic: str | None = None
    relation: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class Stand:
    """One line of a speaker's summary: how they relate to another speaker or a target."""

    verb: str  # supports | opposes | agrees with | disagrees with | supported by | opposed by
    other: str
    other_id: str | None  # a corpus speaker, when the other end is one
    topics: tuple[str, ...]
    count: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class SharedTarget:
    """A target both speakers of a pair took stances on, anywhere in the corpus: how often each
    supported and opposed it, and so whether they agree on it."""

    target: str
    key: str
    a_support: int
    a_oppose: int
    b_support: int
    b_oppose: int
    verdict: str  # agree | disagree | mixed


@dataclass(frozen=True)
class TopicSpan:
    """How often two speakers were reported agreeing (or disagreeing) on a topic, and when."""

    relation: str  # agree | disagree
    topic: str
    count: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class Pair:
    """Two speakers across the corpus: the topics they agree and disagree on (with how often and
    when), their relations with each other over time, and the targets both took stances on."""

    a_id: str
    b_id: str
    agree: tuple[str, ...]  # topics they agree on (most frequent first)
    disagree: tuple[str, ...]
    timeline: tuple[TopicSpan, ...]  # agree/disagree per topic: how often, first and last date
    positions: tuple[PositionView, ...]  # between them, oldest first (undated last), capped
    total: int  # how many positions between them in all
    shared: tuple[SharedTarget, ...]


@dataclass(frozen=True)
class Node:
    """A node of the network: a corpus speaker or a target (person, organisation or issue)."""

    id: str  # "s:<speaker id>" or "t:<target key>"
    label: str
    kind: str  # speaker | target
    speaker_id: str | None
    count: int  # positions it takes part in


@dataclass(frozen=True)
class Edge:
    """Relations between two nodes: a stance source → target, or an agree/disagree pair."""

    source: str
    target: str
    relation: str  # stance | agree | disagree
    polarity: str  # support | oppose | agree | disagree
    count: int
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """A topic cluster: its key, the wording most used for it, and how often it comes up."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Network:
    """The network picture's data: nodes, edges, and what it was filtered by."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    topic: str | None
    since: str | None
    until: str | None
    topics: tuple[Topic, ...] = field(default=())
    speaker_id: str | None = None  # only this speaker's relations


# ---------------------------------------------------------------- reading


SELECT = """
SELECT p.id, p.article_id, ar.title AS article_title, ar.outlet, p.published, p.relation,
       p.polarity, coalesce(spa.name, p.a) AS a, p.a_speaker AS a_id,
       CASE WHEN p.b_speaker IS NULL THEN p.b ELSE coalesce(spb.name, p.b) END AS b,
       p.b_speaker AS b_id, p.topic, p.topic_key, p.explicit, p.evidence, p.evidence_spans
FROM positions p
LEFT JOIN articles ar ON ar.id = p.article_id
LEFT JOIN speakers spa ON spa.id = p.a_speaker
LEFT JOIN speakers spb ON spb.id = p.b_speaker
"""
# Oldest article first (undated last), text order within one: the positions_order index.
OLDEST_FIRST = " ORDER BY p.published IS NULL, p.published, p.article_seq, p.seq"
DAY = "substr(p.published, 1, 10)"


def has_positions(conn: sqlite3.Connection) -> bool:
    """Whether the index has a positions table as this version writes it (indexes written
    before positions, or before its speaker columns, read as having none until reopened for
    writing, which adds them)."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(positions)")}
    return "a_speaker" in cols


def _view(row: sqlite3.Row) -> PositionView:
    """A PositionView from a SELECT row."""
    spans = tuple((int(s), int(e)) for s, e in json.loads(row["evidence_spans"] or "[]"))
    return PositionView(
        id=row["id"], article_id=row["article_id"], article_title=row["article_title"],
        outlet=row["outlet"], published=row["published"], relation=row["relation"],
        polarity=row["polarity"], a=row["a"], a_id=row["a_id"], b=row["b"], b_id=row["b_id"],
        topic=row["topic"], topic_key=row["topic_key"], explicit=bool(row["explicit"]),
        evidence=row["evidence"], evidence_spans=spans)


def _where(f: PositionFilter, conn: sqlite3.Connection) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its parameters for a filter, over positions `p` alone (a
    topic matches its whole cluster, or a target of that wording)."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.article_id is not None:
        clauses.append("p.article_id = ?")
        params.append(f.article_id)
    if f.speaker_id is not None and f.other_id is not None:
        clauses.append("((p.a_speaker = ? AND p.b_speaker = ?)"
                       " OR (p.a_speaker = ? AND p.b_speaker = ?))")
        params += [f.speaker_id, f.other_id, f.other_id, f.speaker_id]
    elif f.speaker_id is not None:
        clauses.append("(p.a_speaker = ? OR p.b_speaker = ?)")
        params += [f.speaker_id, f.speaker_id]
    if f.topic:
        clauses.append("(p.topic_key = ? OR p.b_key = ?)")
        params += [topic_cluster(conn, f.topic), topic_key(f.topic)]
    if f.relation in ("support", "oppose"):
        clauses.append("p.relation = 'stance' AND p.polarity = ?")
        params.append(f.relation)
    elif f.relation:
        clauses.append("p.relation = ?")
        params.append(f.relation)
    for bound, op in ((f.since, ">="), (f.until, "<=")):  # "2021", "2021-06", "2021-06-16"
        if bound:
            clauses.append(f"substr(p.published, 1, ?) {op} ?")
            params += [len(bound[:10]), bound[:10]]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def positions(conn: sqlite3.Connection, f: PositionFilter = PositionFilter(),
              limit: int = 50, offset: int = 0) -> list[PositionView]:
    """Positions matching the filter, oldest article first (undated last), text order within."""
    if not has_positions(conn):
        return []
    where, params = _where(f, conn)
    rows = conn.execute(SELECT + where + OLDEST_FIRST + " LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return [_view(r) for r in rows]


def iter_positions(conn: sqlite3.Connection, f: PositionFilter = PositionFilter()
                   ) -> Iterator[PositionView]:
    """Every position matching the filter in list order, read a batch at a time (memory stays
    flat however many there are)."""
    if not has_positions(conn):
        return
    where, params = _where(f, conn)
    cursor = conn.execute(SELECT + where + OLDEST_FIRST, params)
    while batch := cursor.fetchmany(500):
        yield from (_view(r) for r in batch)


def count(conn: sqlite3.Connection, f: PositionFilter = PositionFilter()) -> int:
    """How many positions match the filter."""
    if not has_positions(conn):
        return 0
    where, params = _where(f, conn)
    return conn.execute("SELECT count(*) FROM positions p" + where, params).fetchone()[0]


def article_positions(conn: sqlite3.Connection, article_id: str) -> list[PositionView]:
    """Every position of one article, in text order."""
    return positions(conn, PositionFilter(article_id=article_id), limit=-1)


def _label(counter: Mapping[str, int]) -> str:
    """The most used wording (ties: the shortest, then alphabetical)."""
    return min(counter, key=lambda t: (-counter[t], len(t), t))


def _clustered(rows: Iterable[tuple[str, str, int]]) -> Counter[str]:
    """(topic cluster key, wording, count) rows as counts per cluster, each named by its most
    used wording."""
    words: dict[str, dict[str, int]] = {}  # plain dicts: a summary builds a thousand of these
    for key, wording, n in rows:
        counts = words.setdefault(key, {})
        counts[wording] = counts.get(wording, 0) + n
    return Counter({_label({w: n for w, n in c.items() if w} or c): sum(c.values())
                    for c in words.values()})


def _ranked(counter: Counter[str]) -> tuple[str, ...]:
    """Keys, most frequent first (ties alphabetical)."""
    return tuple(sorted(counter, key=lambda t: (-counter[t], t)))


def _speaker_names(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """Corpus speakers' names by id."""
    wanted = sorted(set(ids))
    names: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        names.update(conn.execute(f"SELECT id, name FROM speakers WHERE id IN"
                                  f" ({','.join('?' * len(chunk))})", chunk).fetchall())
    return names


# A speaker's positions summed up per direction, relation, other end and topic (the other end:
# a corpus speaker, else the clustered key of its words), each half grouped in the order of
# its covering index (positions_stands_a, _b: no row read, no temporary sort).
STANDS = f"""
SELECT 1 AS mine, relation, polarity, b_speaker AS other_id, b_key AS other_key, b AS other,
       topic, topic_key, count(*) AS n, min({DAY}) AS first, max({DAY}) AS last
FROM positions p WHERE a_speaker = :sid
GROUP BY relation, polarity, b_speaker, b_key, b, topic, topic_key
UNION ALL
SELECT 0, relation, polarity, a_speaker, a_key, a, topic, topic_key, count(*), min({DAY}),
       max({DAY})
FROM positions p WHERE b_speaker = :sid AND a_speaker IS NOT :sid
GROUP BY relation, polarity, a_speaker, a_key, a, topic, topic_key
"""
VERBS = ("supports", "opposes", "agrees with", "disagrees with", "supported by", "opposed by")


def _verb(mine: bool, relation: str, polarity: str | None) -> str:
    """How the speaker relates to the other end, seen from the speaker."""
    if relation == "stance":
        return ("supports" if polarity == "support" else "opposes") if mine else (
            "supported by" if polarity == "support" else "opposed by")
    return "agrees with" if relation == "agree" else "disagrees with"


def speaker_stands(conn: sqlite3.Connection, speaker_id: str) -> list[Stand]:
    """A speaker's positions summed up per (relation, other end) over the whole corpus:
    supports …, opposes …, agrees with … on …, disagrees with … on …, and who supports or
    opposes them; most frequent first."""
    if not has_positions(conn):
        return []
    groups: dict[tuple[str, str], list[sqlite3.Row]] = defaultdict(list)
    for r in conn.execute(STANDS, {"sid": speaker_id}).fetchall():
        other = f"s:{r['other_id']}" if r["other_id"] else f"t:{r['other_key']}"
        groups[(_verb(bool(r["mine"]), r["relation"], r["polarity"]), other)].append(r)
    names = _speaker_names(conn, (r["other_id"] for rs in groups.values() for r in rs
                                  if r["other_id"]))
    keys: dict[str, str] = {}  # each wording keyed once, however many rows repeat it

    def key(phrase: str) -> str:
        if phrase not in keys:
            keys[phrase] = topic_key(phrase)
        return keys[phrase]

    stands = []
    for (verb, _), rows in groups.items():
        other_id = rows[0]["other_id"]
        words: Counter[str] = Counter()
        for r in rows:
            words[r["other"]] += r["n"]
        label = names.get(other_id, "") or _label(words)
        topics = _clustered((r["topic_key"], r["topic"], r["n"]) for r in rows
                            # "supports New START on New START": said once
                            if r["topic"] and key(r["topic"]) != key(label))
        firsts = [r["first"] for r in rows if r["first"]]
        lasts = [r["last"] for r in rows if r["last"]]
        stands.append(Stand(verb, label, other_id, _ranked(topics), sum(r["n"] for r in rows),
                            min(firsts) if firsts else None, max(lasts) if lasts else None))
    return sorted(stands, key=lambda s: (VERBS.index(s.verb), -s.count, s.other))


def _verdict(support: tuple[int, int], oppose: tuple[int, int]) -> str:
    """agree when each speaker took one and the same side, disagree when one side each."""
    (sa, sb), (oa, ob) = support, oppose
    if (sa and oa) or (sb and ob):
        return "mixed"
    return "agree" if bool(sa) == bool(sb) else "disagree"


def pair(conn: sqlite3.Connection, a_id: str, b_id: str, limit: int = PAIR_ROWS) -> Pair:
    """Two speakers across the corpus: the topics they agree and disagree on, per topic how
    often and when, their positions towards each other (oldest first, at most `limit`), and
    every target both took a stance on with how often each supported and opposed it."""
    if not has_positions(conn):
        return Pair(a_id, b_id, (), (), (), (), 0, ())
    between = PositionFilter(speaker_id=a_id, other_id=b_id)
    where, params = _where(between, conn)
    spans = conn.execute(
        f"SELECT relation, topic_key, topic, count(*) AS n, min({DAY}) AS first,"
        f" max({DAY}) AS last FROM positions p{where} AND relation IN ('agree', 'disagree')"
        f" GROUP BY relation, topic_key, topic", params).fetchall()
    timeline = _topic_spans(spans)
    agree = tuple(t.topic for t in timeline if t.relation == "agree")
    disagree = tuple(t.topic for t in timeline if t.relation == "disagree")
    rows = conn.execute(
        "SELECT a_speaker, b_key, b, polarity, count(*) AS n FROM positions p"
        " WHERE relation = 'stance' AND a_speaker IN (?, ?)"
        " AND (b_speaker IS NULL OR b_speaker NOT IN (?, ?))"
        " GROUP BY a_speaker, b_key, b, polarity", (a_id, b_id, a_id, b_id)).fetchall()
    sides: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        sides[r["b_key"]][(r["a_speaker"], r["polarity"])] += r["n"]
        words[r["b_key"]][r["b"]] += r["n"]
    shared = []
    for key, c in sides.items():
        if any(c[(a_id, p)] for p in ("support", "oppose")) and any(
                c[(b_id, p)] for p in ("support", "oppose")):
            counts = (c[(a_id, "support")], c[(a_id, "oppose")], c[(b_id, "support")],
                      c[(b_id, "oppose")])
            verdict = _verdict((counts[0], counts[2]), (counts[1], counts[3]))
            shared.append(SharedTarget(_label(words[key]), key, *counts, verdict))
    shared.sort(key=lambda s: (("disagree", "agree", "mixed").index(s.verdict), s.target))
    return Pair(a_id, b_id, agree, disagree, timeline,
                tuple(positions(conn, between, limit=limit)), count(conn, between),
                tuple(shared))


def _topic_spans(rows: Iterable[sqlite3.Row]) -> tuple[TopicSpan, ...]:
    """Agreements and disagreements per relation and topic cluster (labelled by its most used
    wording), most frequent first."""
    words: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        words[(r["relation"], r["topic_key"])][r["topic"]] += r["n"]
        dates[(r["relation"], r["topic_key"])] += [d for d in (r["first"], r["last"]) if d]
    spans = [TopicSpan(relation, _label(c), sum(c.values()),
                       min(dates[(relation, key)], default=None),
                       max(dates[(relation, key)], default=None))
             for (relation, key), c in words.items()]
    return tuple(sorted(spans, key=lambda t: (-t.count, t.topic)))


def topics(conn: sqlite3.Connection, limit: int = 100, f: PositionFilter = PositionFilter()
           ) -> list[Topic]:
    """Topic clusters, most positions first, each labelled by its most used wording."""
    if not has_positions(conn):
        return []
    where, params = _where(f, conn)
    rows = conn.execute("SELECT topic_key, topic, count(*) AS n FROM positions p" + where
                        + " GROUP BY topic_key, topic", params).fetchall()
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_key[r["topic_key"]][r["topic"]] += r["n"]
    out = [Topic(k, _label(c), sum(c.values())) for k, c in by_key.items() if k]
    out.sort(key=lambda t: (-t.count, t.label))
    return out[:limit]


# Relations between network nodes, grouped in the order of the positions_edges index (so the
# network reads that index alone, in order, and never sorts).
EDGES = """
SELECT a_speaker, a_key, b_speaker, b_key, relation, polarity, topic, topic_key, count(*) AS n
FROM positions p {where}
GROUP BY a_speaker, a_key, b_speaker, b_key, relation, polarity, topic, topic_key
"""


def _node(speaker: str | None, key: str) -> str:
    """A network node id: "s:" and the corpus speaker, else "t:" and the end's clustered words."""
    return f"s:{speaker}" if speaker else f"t:{key}"


def _target_labels(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """Each target key's most used wording, over the whole corpus."""
    wanted = sorted(set(keys))
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for i in range(0, len(wanted), 400):
        chunk = wanted[i:i + 400]
        marks = ",".join("?" * len(chunk))
        for end in ("b", "a"):
            for key, text, n in conn.execute(
                    f"SELECT {end}_key, {end}, count(*) FROM positions WHERE {end}_speaker IS NULL"
                    f" AND {end}_key IN ({marks}) GROUP BY {end}_key, {end}", chunk):
                words[key][text] += n
    return {k: _label(c) for k, c in words.items() if c}


def network(conn: sqlite3.Connection, topic: str | None = None, since: str | None = None,
            until: str | None = None, max_edges: int = MAX_EDGES,
            speaker_id: str | None = None) -> Network:
    """Speakers and targets as nodes, relations as edges sized by how often they were reported
    (the `max_edges` most frequent kept), filtered by topic and dates, and to one speaker's
    relations when `speaker_id` is given."""
    dates = PositionFilter(since=since or None, until=until or None)
    f = PositionFilter(speaker_id=speaker_id or None, topic=topic or None, since=dates.since,
                       until=dates.until)
    if not has_positions(conn):
        return Network((), (), f.topic, f.since, f.until, speaker_id=f.speaker_id)
    where, params = _where(f, conn)
    edges: dict[tuple[str, str, str, str], list[tuple[str, str, int]]] = defaultdict(list)
    for r in conn.execute(EDGES.format(where=where), params).fetchall():
        a, b = _node(r["a_speaker"], r["a_key"]), _node(r["b_speaker"], r["b_key"])
        if a == b:
            continue
        if r["relation"] != "stance":
            a, b = sorted((a, b))
        edges[(a, b, r["relation"], r["polarity"] or r["relation"])].append(
            (r["topic_key"], r["topic"], r["n"]))
    most = sorted(edges, key=lambda k: (-sum(n for _, _, n in edges[k]), k))[:max_edges]
    kept = [(k, _clustered(edges[k])) for k in most]  # only the edges drawn are clustered
    counts: Counter[str] = Counter()
    out_edges = []
    for (a, b, relation, polarity), by_topic in kept:
        n = sum(by_topic.values())
        counts[a] += n
        counts[b] += n
        out_edges.append(Edge(a, b, relation, polarity, n,
                              _ranked(Counter({t: c for t, c in by_topic.items() if t}))))
    labels = {f"s:{k}": v for k, v in _speaker_names(
        conn, (n[2:] for n in counts if n.startswith("s:"))).items()}
    labels.update({f"t:{k}": v for k, v in _target_labels(
        conn, (n[2:] for n in counts if n.startswith("t:"))).items()})
    nodes = [Node(n, labels.get(n) or n[2:], "speaker" if n.startswith("s:") else "target",
                  n[2:] if n.startswith("s:") else None, c)
             for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Network(tuple(nodes), tuple(out_edges), f.topic, f.since, f.until,
                   tuple(topics(conn, limit=100, f=dates)), f.speaker_id)
