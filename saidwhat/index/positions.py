"""Positions in the index: who backs or opposes what, and where two speakers agree or diverge.

The `positions` table holds one row per `Position` of an article, written by the store with the
article's attributions. Both shapes share columns: a stance is `a` (source) → `b` (target) with a
`polarity`; agree/disagree is the unordered pair `a`, `b`. Speakers are linked through
`article_speakers` (article-local ids, mapped to corpus speakers when speakers are rebuilt); a
stance's target is linked too when it names a speaker of the same article.

Queries (read-only, frozen dataclasses like `saidwhat.index.queries`):
- `positions(conn, PositionFilter(...))`: rows by article, speaker, pair, topic, relation, dates
- `speaker_stands(conn, id)`: a speaker's summary (supports … / opposes … / agrees with … on …)
- `pair(conn, a, b)`: what two speakers agree and disagree on over time, across the corpus
- `network(conn, topic=, since=, until=)`: speakers and targets as nodes, relations as edges
- `topics(conn)`: topics by how often they come up (clustered by `topic_key`)
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from saidwhat.corpus.positions import topic_key as corpus_topic_key
from saidwhat.records import Article, Position, slugify

Spans = tuple[tuple[int, int], ...]
MAX_ROWS = 5000  # summaries (speaker, pair, network) read at most this many positions
MAX_EDGES = 250  # the network keeps its most frequent edges

SCHEMA = """
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
    topic_key TEXT NOT NULL,             -- topic_key(topic): the same topic across articles
    explicit INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    evidence_spans TEXT NOT NULL         -- JSON [[start, end], ...]
);
CREATE INDEX IF NOT EXISTS positions_article ON positions(article_id, seq);
CREATE INDEX IF NOT EXISTS positions_a ON positions(article_id, a_local_id);
CREATE INDEX IF NOT EXISTS positions_b ON positions(article_id, b_local_id);
CREATE INDEX IF NOT EXISTS positions_topic ON positions(topic_key);
CREATE INDEX IF NOT EXISTS positions_b_key ON positions(b_key);
"""


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
    """The positions table and its indexes, when missing (older indexes gain them), with topic
    keys redone when `topic_key` changed since they were written."""
    conn.executescript(SCHEMA)
    row = conn.execute("SELECT value FROM meta WHERE key = 'topic_keys'").fetchone()
    if row is None or row[0] != _key_version():
        rekey(conn)


def rekey(conn: sqlite3.Connection) -> None:
    """Recompute every stored topic and target key with the current `topic_key`."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute("SELECT id, topic, b FROM positions").fetchall()
        conn.executemany("UPDATE positions SET topic_key = ?, b_key = ? WHERE id = ?",
                         [(topic_key(r[1] or r[2]), topic_key(r[2]), r[0]) for r in rows])
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('topic_keys', ?)", (_key_version(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _speaker_ids(article: Article) -> dict[str, str]:
    """The article's speakers: casefolded name -> article-local id."""
    out: dict[str, str] = {}
    for a in article.attributions:
        if a.speaker is not None:
            out.setdefault(a.speaker.name.casefold(), a.speaker.id or slugify(a.speaker.name))
    return out


def _holder_id(name: str, given: str | None, known: dict[str, str]) -> str:
    """The article-local id of a position's speaker: as given, else by name, else its slug."""
    return given or known.get(name.casefold()) or slugify(name)


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
    known = _speaker_ids(article)
    for seq, p in enumerate(article.positions):
        a, a_given, b = _ends(p)
        if not a or not b:
            continue
        a_id = _register(conn, article_id, a, a_given, known)
        b_id = (target_id(b, known) if p.relation == "stance"
                else _register(conn, article_id, b, p.b_id, known))
        conn.execute(
            "INSERT INTO positions (article_id, seq, relation, polarity, a, a_local_id, b,"
            " b_local_id, b_key, topic, topic_key, explicit, evidence, evidence_spans)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_id, seq, p.relation, p.polarity if p.relation == "stance" else None, a,
             a_id, b, b_id, topic_key(b), p.topic, topic_key(p.topic or b), int(p.explicit),
             p.evidence.text, json.dumps([list(s) for s in p.evidence.spans])))


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
    """A target both speakers of a pair took stances on, anywhere in the corpus."""

    target: str
    key: str
    a_polarities: tuple[str, ...]  # the first speaker's polarities, in date order
    b_polarities: tuple[str, ...]
    verdict: str  # agree | disagree | mixed


@dataclass(frozen=True)
class Pair:
    """Two speakers across the corpus: their relations with each other over time, and the
    targets both took stances on."""

    a_id: str
    b_id: str
    agree: tuple[str, ...]  # topics they agree on (most frequent first)
    disagree: tuple[str, ...]
    positions: tuple[PositionView, ...]  # between them, oldest first (undated last)
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


# ---------------------------------------------------------------- reading


# A stance target no speaker of its article is, linked to the one corpus speaker with that name
# or alias (none when the name is ambiguous): "opposes Donald Trump" reaches Trump's page.
ALIAS_LINK = """(SELECT CASE WHEN count(DISTINCT al.speaker_id) = 1 THEN min(al.speaker_id) END
                 FROM speaker_aliases al WHERE al.alias = p.b)"""
SELECT = f"""
SELECT q.*, CASE WHEN q.b_id IS NULL THEN q.b_text ELSE coalesce(spb.name, q.b_text) END AS b
FROM (SELECT p.id, p.article_id, ar.title AS article_title, ar.outlet, ar.published,
             ar.seq AS article_seq, p.seq, p.relation, p.polarity,
             coalesce(spa.name, p.a) AS a, sa.speaker_id AS a_id, p.b AS b_text,
             coalesce(sb.speaker_id, CASE WHEN p.relation = 'stance' THEN {ALIAS_LINK} END) AS b_id,
             p.b_key, p.topic, p.topic_key, p.explicit, p.evidence, p.evidence_spans
      FROM positions p
      JOIN articles ar ON ar.id = p.article_id
      LEFT JOIN article_speakers sa ON sa.article_id = p.article_id AND sa.local_id = p.a_local_id
      LEFT JOIN speakers spa ON spa.id = sa.speaker_id
      LEFT JOIN article_speakers sb ON sb.article_id = p.article_id AND sb.local_id = p.b_local_id
     ) q
LEFT JOIN speakers spb ON spb.id = q.b_id
"""
# Oldest article first (undated last), text order within one.
OLDEST_FIRST = " ORDER BY q.published IS NULL, q.published, q.article_seq, q.seq"


def has_positions(conn: sqlite3.Connection) -> bool:
    """Whether the index has a positions table (indexes written before it have none)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'positions'").fetchone() is not None


def _view(row: sqlite3.Row) -> PositionView:
    """A PositionView from a SELECT row."""
    spans = tuple((int(s), int(e)) for s, e in json.loads(row["evidence_spans"] or "[]"))
    return PositionView(
        id=row["id"], article_id=row["article_id"], article_title=row["article_title"],
        outlet=row["outlet"], published=row["published"], relation=row["relation"],
        polarity=row["polarity"], a=row["a"], a_id=row["a_id"], b=row["b"], b_id=row["b_id"],
        topic=row["topic"], topic_key=row["topic_key"], explicit=bool(row["explicit"]),
        evidence=row["evidence"], evidence_spans=spans)


def _where(f: PositionFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its parameters for a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.article_id is not None:
        clauses.append("q.article_id = ?")
        params.append(f.article_id)
    if f.speaker_id is not None and f.other_id is not None:
        clauses.append("((q.a_id = ? AND q.b_id = ?)"
                       " OR (q.a_id = ? AND q.b_id = ?))")
        params += [f.speaker_id, f.other_id, f.other_id, f.speaker_id]
    elif f.speaker_id is not None:
        clauses.append("(q.a_id = ? OR q.b_id = ?)")
        params += [f.speaker_id, f.speaker_id]
    if f.topic:
        key = topic_key(f.topic)
        clauses.append("(q.topic_key = ? OR q.b_key = ?)")
        params += [key, key]
    if f.relation in ("support", "oppose"):
        clauses.append("q.relation = 'stance' AND q.polarity = ?")
        params.append(f.relation)
    elif f.relation:
        clauses.append("q.relation = ?")
        params.append(f.relation)
    for bound, op in ((f.since, ">="), (f.until, "<=")):  # "2021", "2021-06", "2021-06-16"
        if bound:
            clauses.append(f"substr(q.published, 1, ?) {op} ?")
            params += [len(bound[:10]), bound[:10]]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def positions(conn: sqlite3.Connection, f: PositionFilter = PositionFilter(),
              limit: int = 50, offset: int = 0) -> list[PositionView]:
    """Positions matching the filter, oldest article first (undated last), text order within."""
    if not has_positions(conn):
        return []
    where, params = _where(f)
    rows = conn.execute(SELECT + where + OLDEST_FIRST + " LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return [_view(r) for r in rows]


def count(conn: sqlite3.Connection, f: PositionFilter = PositionFilter()) -> int:
    """How many positions match the filter."""
    if not has_positions(conn):
        return 0
    where, params = _where(f)
    sql = "SELECT count(*) FROM (" + SELECT + where + ")"
    return conn.execute(sql, params).fetchone()[0]


def article_positions(conn: sqlite3.Connection, article_id: str) -> list[PositionView]:
    """Every position of one article, in text order."""
    return positions(conn, PositionFilter(article_id=article_id), limit=MAX_ROWS)


def _label(counter: Counter[str]) -> str:
    """The most used wording (ties: the shortest, then alphabetical)."""
    return min(counter, key=lambda t: (-counter[t], len(t), t))


def speaker_stands(conn: sqlite3.Connection, speaker_id: str) -> list[Stand]:
    """A speaker's positions summed up per (relation, other end): supports …, opposes …,
    agrees with … on …, disagrees with … on …, and who supports or opposes them; most
    frequent first."""
    groups: dict[tuple[str, str], list[tuple[PositionView, str, str | None]]] = defaultdict(list)
    for p in positions(conn, PositionFilter(speaker_id=speaker_id), limit=MAX_ROWS):
        mine = p.a_id == speaker_id
        if p.relation == "stance" and not mine:
            verb, other, other_id = ("supported by" if p.polarity == "support" else
                                     "opposed by"), p.a, p.a_id
        else:
            other, other_id = (p.b, p.b_id) if mine else (p.a, p.a_id)
            verb = p.verb
        key = other_id and f"s:{other_id}" or f"t:{topic_key(other)}"
        groups[(verb, key)].append((p, other, other_id))
    stands = []
    for (verb, _), items in groups.items():
        names = Counter(other for _, other, _ in items)
        label = _label(names)
        topics = Counter(p.topic for p, _, _ in items  # "supports New START on New START": no
                         if p.topic and topic_key(p.topic) != topic_key(label))
        dates = sorted(p.published[:10] for p, _, _ in items if p.published)
        stands.append(Stand(verb, label, items[0][2],
                            tuple(sorted(topics, key=lambda t: (-topics[t], t))), len(items),
                            dates[0] if dates else None, dates[-1] if dates else None))
    order = ("supports", "opposes", "agrees with", "disagrees with", "supported by", "opposed by")
    return sorted(stands, key=lambda s: (order.index(s.verb), -s.count, s.other))


def _ranked(counter: Counter[str]) -> tuple[str, ...]:
    """Keys, most frequent first (ties alphabetical)."""
    return tuple(sorted(counter, key=lambda t: (-counter[t], t)))


def _verdict(a: Sequence[str], b: Sequence[str]) -> str:
    """agree when both hold one and the same polarity, disagree when one opposite each."""
    if len(set(a)) == 1 and len(set(b)) == 1:
        return "agree" if a[0] == b[0] else "disagree"
    return "mixed"


def pair(conn: sqlite3.Connection, a_id: str, b_id: str) -> Pair:
    """Two speakers across the corpus: agree/disagree lines and stances between them (oldest
    first), and every target both took a stance on with each one's polarities."""
    between = positions(conn, PositionFilter(speaker_id=a_id, other_id=b_id), limit=MAX_ROWS)
    agree = Counter(p.topic for p in between if p.relation == "agree")
    disagree = Counter(p.topic for p in between if p.relation == "disagree")
    stances: dict[str, dict[str, list[PositionView]]] = defaultdict(lambda: defaultdict(list))
    for sid in (a_id, b_id):
        for p in positions(conn, PositionFilter(speaker_id=sid, relation="stance"),
                           limit=MAX_ROWS):
            if p.a_id == sid and p.b_id not in (a_id, b_id):
                stances[topic_key(p.b)][sid].append(p)
    shared = []
    for key, by in stances.items():
        if len(by) == 2:
            pa = tuple(p.polarity or "" for p in by[a_id])
            pb = tuple(p.polarity or "" for p in by[b_id])
            label = _label(Counter(p.b for ps in by.values() for p in ps))
            shared.append(SharedTarget(label, key, pa, pb, _verdict(pa, pb)))
    shared.sort(key=lambda s: (("disagree", "agree", "mixed").index(s.verdict), s.target))
    return Pair(a_id, b_id, _ranked(agree), _ranked(disagree), tuple(between), tuple(shared))


def topics(conn: sqlite3.Connection, limit: int = 100, f: PositionFilter = PositionFilter()
           ) -> list[Topic]:
    """Topic clusters, most positions first, each labelled by its most used wording."""
    if not has_positions(conn):
        return []
    where, params = _where(f)
    rows = conn.execute(
        "SELECT topic_key, topic, count(*) AS n FROM (" + SELECT + where + ")"
        " GROUP BY topic_key, topic", params).fetchall()
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_key[r["topic_key"]][r["topic"]] += r["n"]
    out = [Topic(k, _label(c), sum(c.values())) for k, c in by_key.items() if k]
    out.sort(key=lambda t: (-t.count, t.label))
    return out[:limit]


def _node_key(name: str, speaker_id: str | None) -> str:
    """A network node id: the corpus speaker, else the clustered target."""
    return f"s:{speaker_id}" if speaker_id else f"t:{topic_key(name)}"


def network(conn: sqlite3.Connection, topic: str | None = None, since: str | None = None,
            until: str | None = None, max_edges: int = MAX_EDGES) -> Network:
    """Speakers and targets as nodes, relations as edges sized by how often they were reported
    (the `max_edges` most frequent kept), filtered by topic and dates."""
    f = PositionFilter(topic=topic or None, since=since or None, until=until or None)
    rows = positions(conn, f, limit=MAX_ROWS)
    edges: dict[tuple[str, str, str], list[PositionView]] = defaultdict(list)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for p in rows:
        a, b = _node_key(p.a, p.a_id), _node_key(p.b, p.b_id)
        if a == b:
            continue
        labels[a][p.a] += 1
        labels[b][p.b] += 1
        if p.relation != "stance":
            a, b = sorted((a, b))
        edges[(a, b, p.polarity or p.relation)].append(p)
    kept = sorted(edges.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:max_edges]
    counts: Counter[str] = Counter()
    out_edges = []
    for (a, b, pol), ps in kept:
        counts[a] += len(ps)
        counts[b] += len(ps)
        out_edges.append(Edge(a, b, ps[0].relation, pol, len(ps),
                              _ranked(Counter(p.topic for p in ps if p.topic))))
    nodes = [Node(n, _label(labels[n]), "speaker" if n.startswith("s:") else "target",
                  n[2:] if n.startswith("s:") else None, c)
             for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Network(tuple(nodes), tuple(out_edges), topic or None, since or None, until or None,
                   tuple(topics(conn, limit=100, f=PositionFilter(since=since or None,
                                                                  until=until or None))))


def views_from_articles(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """Positions of in-memory articles as flat rows (the `positions` command on files)."""
    rows = []
    for art in articles:
        for p in art.positions:
            a, a_id, b = _ends(p)
            rows.append({"article_id": art.id, "published": art.published,
                         "relation": p.relation, "polarity": p.polarity, "a": a, "a_id": a_id,
                         "b": b, "b_id": p.b_id if p.relation != "stance" else None,
                         "topic": p.topic, "explicit": p.explicit, "evidence": p.evidence.text,
                         "evidence_spans": [list(s) for s in p.evidence.spans]})
    return rows
