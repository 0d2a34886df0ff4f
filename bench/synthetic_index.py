"""Write a large generated index straight into SQLite (no NLP), for benchmarks and load tests.

    python bench/synthetic_index.py OUT.db --articles 10000 --quotes-per-article 10

Invented words only: speakers, outlets, dates, kinds and confidences are drawn from a seeded
random generator, so two runs give the same index. Every table the app reads is filled:
articles, article_speakers, attributions, attribution_fts, speakers, speaker_aliases, quote
groups (one quote in twenty is reported again by another outlet a few days later) and positions
(about three an article: stances on a handful of issues or on another speaker, and agree/disagree
pairs).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from saidwhat.index import speaker_counts, store  # noqa: E402
from saidwhat.index.positions import topic_key  # noqa: E402

WORDS = ("budget tax taxes farm farms school schools water river harbour bridge vote votes "
         "senate council mayor plan plans cost costs price prices energy wind coal steel "
         "port fish fishing storm flood road rail housing rent wage wages jobs trade union "
         "health hospital nurse doctor police court judge law bill reform deal talks treaty "
         "border ship grain market bank loan debt growth will not never always must should "
         "we they our their people country city region nation the a of to and in on for "
         "with this that it is be have been").split()
FIRST = "Ann Bo Cy Dee Eli Fay Gus Hal Ida Jo Kit Lev Mo Ned Ora Pia Quin Rae Sol Tia".split()
LAST = "Lee Chen Diaz Fox Grant Hale Ito Jones Khan Lund Moss Nash Oke Park Quist Roy".split()
OUTLETS = [f"{n}.example" for n in ("daily", "herald", "wire", "times", "post", "courier",
                                     "gazette", "tribune", "observer", "record", "star",
                                     "chronicle")]
ISSUES = ("the harbour bridge", "the wind farm", "the rail plan", "the tax reform",
          "the trade deal", "the border treaty", "the police reform", "the housing bill")
KINDS = ("direct", "direct", "indirect", "mixed")
TYPES = ("speech", "speech", "speech", "thought")


def build(path: Path, articles: int, per_article: int, seed: int = 13) -> int:
    """Fill a fresh index at `path`; the number of attributions written."""
    rnd = random.Random(seed)
    conn = store.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    people = [f"{f} {last}" for f in FIRST for last in LAST][:200]
    start = date(2023, 1, 1)
    conn.execute("BEGIN")
    qid = 0
    stats: dict[str, dict] = {}
    last_quote: list[tuple[int, str, str, str]] = []  # (group, text, speaker, outlet)
    for i in range(articles):
        aid = f"gen-{i:06d}"
        outlet = rnd.choice(OUTLETS)
        published = (start + timedelta(days=rnd.randrange(700))).isoformat()
        sentences, rows = [], []
        for j in range(per_article):
            name = people[min(int(rnd.paretovariate(1.2)) - 1, len(people) - 1)
                          if rnd.random() < 0.7 else rnd.randrange(len(people))]
            group = None
            if last_quote and rnd.random() < 0.05:
                group, words, name, _ = rnd.choice(last_quote[-200:])
            else:
                words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 30)))
            sentence = f"“{words},” {name} said."
            offset = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            rows.append((j, name, words, offset + 1, group))
        text = " ".join(sentences)
        seq = conn.execute(
            "INSERT INTO articles (id, hash, url, title, published, outlet, origin, text, body,"
            " indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (aid, f"h{i}", f"https://{outlet}/{aid}", f"Story {i} about {rnd.choice(WORDS)}",
             published, outlet, aid, text, json.dumps([[0, len(text)]]), "2025-01-01")).lastrowid
        for j, name, words, at, group in rows:
            qid += 1
            local = name.lower().replace(" ", "-")
            conn.execute("INSERT OR IGNORE INTO article_speakers VALUES (?,?,?,?,?)",
                         (aid, local, name, "PERSON", local))
            kind = rnd.choice(KINDS)
            if kind == "direct" and group is None and rnd.random() < 0.2:
                group = conn.execute("INSERT INTO quote_groups (size, articles, outlets)"
                                     " VALUES (0, 0, 0)").lastrowid
                last_quote.append((group, words, name, outlet))
            conn.execute(
                "INSERT INTO attributions (id, article_id, seq, kind, type, content,"
                " content_spans, cue, cue_spans, source, source_spans, speaker_local_id,"
                " resolved_by, confidence, group_id, published, outlet, article_seq, speaker_id,"
                " speaker_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (qid, aid, j, kind, rnd.choice(TYPES), words,
                 json.dumps([[at, at + len(words)]]), "said", None, name, None, local, "name",
                 round(rnd.uniform(0.3, 1.0), 4), group, published, outlet, seq, local, name))
            conn.execute("INSERT INTO attribution_fts (rowid, content, speaker, title)"
                         " VALUES (?,?,?,?)", (qid, words, name, f"Story {i}"))
            if group is not None:
                conn.execute("UPDATE quote_groups SET size = size + 1 WHERE id = ?", (group,))
            s = stats.setdefault(local, {"name": name, "n": 0, "arts": set(), "dates": [],
                                         "outlets": set()})
            s["n"] += 1
            s["arts"].add(aid)
            s["dates"].append(published)
            s["outlets"].add(outlet)
        _positions(conn, rnd, aid, seq, published, text, rows)
    conn.execute("UPDATE quote_groups SET articles = (SELECT count(DISTINCT article_id) FROM"
                 " attributions t WHERE t.group_id = quote_groups.id), outlets = (SELECT"
                 " count(DISTINCT a.outlet) FROM attributions t JOIN articles a ON"
                 " a.id = t.article_id WHERE t.group_id = quote_groups.id)")
    conn.execute("UPDATE attributions SET outlet_count = coalesce((SELECT g.outlets FROM"
                 " quote_groups g WHERE g.id = attributions.group_id), outlet IS NOT NULL)")
    for local, s in stats.items():
        conn.execute("INSERT INTO speakers VALUES (?,?,?,?,?,?,?,?)",
                     (local, s["name"], "PERSON", s["n"], len(s["arts"]), min(s["dates"]),
                      max(s["dates"]), json.dumps(sorted(s["outlets"]))))
        conn.execute("INSERT INTO speaker_aliases VALUES (?, ?)", (local, s["name"]))
        conn.execute("INSERT OR IGNORE INTO speaker_aliases VALUES (?, ?)",
                     (local, s["name"].split()[-1]))
    speaker_counts.count_speakers(conn)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('speakers_dirty', '0')")
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    conn.close()
    return qid


def _positions(conn: object, rnd: random.Random, aid: str, seq: int, published: str, text: str,
               rows: list[tuple[int, str, str, int, int | None]]) -> None:
    """About three positions of one article: stances on an issue or another of its speakers,
    and an agree/disagree pair, each resting on a quote of the article."""
    names = list(dict.fromkeys(name for _, name, _, _, _ in rows))
    local = {name: name.lower().replace(" ", "-") for name in names}
    for n in range(rnd.randint(1, 4)):
        _, name, words, at, _ = rnd.choice(rows)
        others = [x for x in names if x != name]
        if others and rnd.random() < 0.25:
            relation, polarity, other = rnd.choice(("agree", "disagree")), None, rnd.choice(others)
            topic = rnd.choice(ISSUES)
        else:
            relation, polarity = "stance", rnd.choice(("support", "oppose"))
            other = rnd.choice(others) if others and rnd.random() < 0.3 else rnd.choice(ISSUES)
            topic = other if other in ISSUES else rnd.choice(ISSUES)
        other_id = local.get(other)
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO positions (article_id, seq, relation, polarity, a, a_local_id, b,"
            " b_local_id, b_key, topic, topic_key, explicit, evidence, evidence_spans, published,"
            " article_seq, a_key, a_speaker, b_speaker) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            "?,?)",
            (aid, n, relation, polarity, name, local[name], other, other_id, topic_key(other),
             topic, topic_key(topic), 1, text[at:at + len(words)],
             json.dumps([[at, at + len(words)]]), published, seq, topic_key(name), local[name],
             other_id))


def main() -> int:
    """Build the index named on the command line and say how big it is."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--quotes-per-article", type=int, default=10)
    args = ap.parse_args()
    if args.db.exists():
        print(f"{args.db}: exists; give a new file", file=sys.stderr)
        return 2
    t = time.perf_counter()
    n = build(args.db, args.articles, args.quotes_per_article)
    print(f"{args.articles} articles, {n} attributions -> {args.db} "
          f"({time.perf_counter() - t:.1f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
