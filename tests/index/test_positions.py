"""Positions in the index: stored with their article, linked to corpus speakers, queried."""

from __future__ import annotations

import json
import sqlite3

import pytest
from factories import hostile_position_article, position_articles, quote_article

from saidwhat.index import positions as pos
from saidwhat.index import queries, store
from saidwhat.index.positions import PositionFilter


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.db"
    conn = store.connect(path)
    for a in [*position_articles(), hostile_position_article(),
              quote_article("plain", "Nothing to see here today", "Joe Biden")]:
        store.add_article(conn, a)
    store.rebuild_speakers(conn)
    conn.close()
    return path


@pytest.fixture
def conn(db):
    c = queries.open_readonly(db)
    yield c
    c.close()


def sid(conn: sqlite3.Connection, name: str) -> str:
    """The corpus id of the speaker with this name."""
    (found,) = queries.find_speakers(conn, name)
    return found.id


def test_every_position_is_stored_in_text_order(conn):
    rows = pos.article_positions(conn, "arms")
    assert [(p.relation, p.polarity, p.a, p.b, p.topic) for p in rows] == [
        ("stance", "support", "Vladimir Putin", "Joe Biden", "New START"),
        ("stance", "support", "Vladimir Putin", "New START", "New START"),
        ("stance", "support", "Joe Biden", "New START", "new start"),
        ("disagree", None, "Vladimir Putin", "Joe Biden", "human rights")]
    assert pos.count(conn) == 11
    assert pos.article_positions(conn, "plain") == []


def test_evidence_keeps_its_text_and_spans(conn):
    text = conn.execute("SELECT text FROM articles WHERE id = 'senate'").fetchone()[0]
    for p in pos.article_positions(conn, "senate"):
        (s, e), = p.evidence_spans
        assert text[s:e] == p.evidence
    assert [p.explicit for p in pos.article_positions(conn, "senate")] == [True, True, False]


def test_speakers_link_to_corpus_ids_and_a_target_naming_a_speaker_is_linked(conn):
    putin, biden = sid(conn, "Vladimir Putin"), sid(conn, "Joe Biden")
    first = pos.article_positions(conn, "arms")[0]
    assert (first.a_id, first.b_id) == (putin, biden)  # the target "Biden" is the speaker
    issue = pos.article_positions(conn, "arms")[1]
    assert issue.b_id is None and issue.b == "New START"
    assert {p.article_id for p in pos.positions(conn, PositionFilter(speaker_id=biden))} == {
        "summit", "arms"}


def test_a_speaker_named_only_in_positions_gets_a_corpus_id(tmp_path):
    from dataclasses import replace

    conn = store.connect(tmp_path / "only.db")
    art = position_articles()[2]
    store.add_article(conn, replace(art, attributions=()))
    store.rebuild_speakers(conn)
    (schumer,) = queries.find_speakers(conn, "Chuck Schumer")
    assert schumer.quote_count == 0
    assert len(pos.positions(conn, PositionFilter(speaker_id=schumer.id))) == 2


def test_filter_by_pair_topic_relation_and_dates(conn):
    putin, biden = sid(conn, "Vladimir Putin"), sid(conn, "Joe Biden")
    between = pos.positions(conn, PositionFilter(speaker_id=biden, other_id=putin))
    assert [(p.article_id, p.relation) for p in between] == [
        ("summit", "agree"), ("arms", "stance"), ("arms", "disagree")]
    on_start = pos.positions(conn, PositionFilter(topic="new START"))
    assert {p.article_id for p in on_start} == {"arms", "senate"} and len(on_start) == 6
    opposed = pos.positions(conn, PositionFilter(relation="oppose"))
    assert {p.b for p in opposed} >= {"the United States", "Russia", "New START"}
    assert all(p.polarity == "oppose" for p in opposed)
    june = pos.positions(conn, PositionFilter(since="2021-06-17", until="2021-06-30"))
    assert {p.article_id for p in june} == {"arms", "hostile-positions"}
    assert pos.count(conn, PositionFilter(since="2021-06-17", until="2021-06-30")) == len(june)
    assert pos.positions(conn, PositionFilter(relation="agree"))[0].topic == "cyber security"


def test_speaker_stands_sum_up_what_a_speaker_backs_opposes_and_agrees_on(conn):
    stands = pos.speaker_stands(conn, sid(conn, "Vladimir Putin"))
    lines = [(s.verb, s.other, s.topics, s.count) for s in stands]
    assert lines == [
        ("supports", "Joe Biden", ("New START",), 1),
        ("supports", "New START", (), 1),  # the topic is the target: said once
        ("opposes", "the United States", ("police brutality",), 1),
        ("agrees with", "Joe Biden", ("cyber security",), 1),
        ("disagrees with", "Joe Biden", ("human rights",), 1)]
    biden = pos.speaker_stands(conn, sid(conn, "Joe Biden"))
    assert ("supported by", "Vladimir Putin") in [(s.verb, s.other) for s in biden]
    assert all(s.first and s.last and s.first <= s.last for s in stands)


def test_pair_gives_agreements_disagreements_over_time_and_shared_targets(conn):
    putin, biden = sid(conn, "Vladimir Putin"), sid(conn, "Joe Biden")
    p = pos.pair(conn, putin, biden)
    assert p.agree == ("cyber security",) and p.disagree == ("human rights",)
    assert [x.published for x in p.positions] == sorted(x.published for x in p.positions)
    (shared,) = p.shared
    assert (shared.target, shared.verdict) == ("New START", "agree")
    senators = pos.pair(conn, sid(conn, "Mitch McConnell"), sid(conn, "Chuck Schumer"))
    assert senators.disagree == ("New START",)
    assert [(s.target, s.a_support, s.a_oppose, s.b_support, s.b_oppose, s.verdict)
            for s in senators.shared] == [("New START", 0, 1, 1, 0, "disagree")]
    assert [(t.relation, t.topic, t.count, t.first, t.last) for t in p.timeline] == [
        ("agree", "cyber security", 1, "2021-06-16", "2021-06-16"),
        ("disagree", "human rights", 1, "2021-06-17", "2021-06-17")]
    assert p.total == 3 and len(pos.pair(conn, putin, biden, limit=2).positions) == 2
    assert pos.pair(conn, putin, "nobody").positions == ()


def test_topics_cluster_by_key(conn):
    by_label = {t.label: t.count for t in pos.topics(conn)}
    assert by_label["New START"] == 6  # "New START" and "new start" are one topic
    assert "new start" not in by_label


def test_network_nodes_and_edges_sized_by_count_and_filtered(conn):
    putin, biden = sid(conn, "Vladimir Putin"), sid(conn, "Joe Biden")
    net = pos.network(conn)
    nodes = {n.id: n for n in net.nodes}
    assert nodes[f"s:{putin}"].kind == "speaker" and nodes[f"s:{putin}"].label == "Vladimir Putin"
    start = next(n for n in net.nodes if n.label == "New START")
    assert start.kind == "target" and start.speaker_id is None
    edges = {(e.source, e.target, e.polarity): e for e in net.edges}
    assert edges[(f"s:{putin}", f"s:{biden}", "support")].count == 1
    assert edges[(f"s:{sid(conn, 'Mitch McConnell')}", start.id, "oppose")].count == 1
    assert {e.polarity for e in net.edges} == {"support", "oppose", "agree", "disagree"}
    assert all(e.source in nodes and e.target in nodes for e in net.edges)
    narrowed = pos.network(conn, topic="New START")
    assert {n.label for n in narrowed.nodes} == {"Vladimir Putin", "Joe Biden", "New START",
                                                 "Chuck Schumer", "Mitch McConnell"}
    assert narrowed.topic == "New START"
    dated = pos.network(conn, since="2021-07-01")
    assert {n.label for n in dated.nodes} == {"Chuck Schumer", "Mitch McConnell", "New START"}
    assert pos.network(conn, until="2000-01-01").nodes == ()
    json.dumps(queries.to_dict(net))  # JSON-ready


def test_index_written_before_positions_reads_as_none(tmp_path):
    path = tmp_path / "old.db"
    conn = store.connect(path)
    store.add_article(conn, quote_article("a", "Old words", "Joe Biden"))
    conn.execute("DROP TABLE positions")
    conn.close()
    ro = queries.open_readonly(path)
    assert pos.positions(ro) == [] and pos.count(ro) == 0 and pos.topics(ro) == []
    assert pos.network(ro).nodes == ()
    ro.close()
    conn = store.connect(path)  # opened for writing again: the table is added
    assert pos.has_positions(conn)
    conn.close()


def test_saved_jsonl_and_parquet_records_load_their_positions(tmp_path):
    from saidwhat.io import sinks

    arts = position_articles()
    jsonl = tmp_path / "saved.jsonl"
    jsonl.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in arts[:2]))
    parquet = tmp_path / "saved.parquet"
    sink = sinks.open_sink("parquet", str(parquet))
    sink.write(arts[2])
    sink.close()
    conn = store.connect(tmp_path / "saved.db")
    counts = store.index_paths(conn, [str(jsonl), str(parquet)])
    assert (counts.indexed, counts.failed) == (3, 0)
    assert pos.count(conn) == 10
    assert [p.b for p in pos.article_positions(conn, "senate")][:2] == ["New START"] * 2
    conn.close()


def test_dates_may_be_a_year_or_a_month(conn):
    assert pos.count(conn, PositionFilter(until="2021-06")) == 8
    assert pos.count(conn, PositionFilter(since="2021-07", until="2021")) == 3
    assert pos.count(conn, PositionFilter(since="2022")) == 0


def test_short_targets_keep_keys_of_their_own():
    assert pos.topic_key("the US") == "the us" != pos.topic_key("him") == "him"
    assert pos.topic_key("Arctic climate changes") == pos.topic_key("climate change in the Arctic")


def test_keys_are_redone_when_topic_key_changes(db):
    conn = sqlite3.connect(db)
    conn.execute("UPDATE positions SET topic_key = 'stale', b_key = 'stale'")
    conn.execute("UPDATE meta SET value = 'older keys' WHERE key = 'topic_keys'")
    conn.commit()
    conn.close()
    store.connect(db).close()
    ro = queries.open_readonly(db)
    assert pos.count(ro, PositionFilter(topic="New START")) == 6
    assert ro.execute("SELECT count(*) FROM positions WHERE topic_key = 'stale'").fetchone()[0] == 0
    ro.close()


def test_a_target_naming_a_corpus_speaker_elsewhere_is_linked_to_them(tmp_path):
    from factories import stance

    from saidwhat.records import Article

    text = "Mitch McConnell blasted Joe Biden over the border in a long speech on Tuesday."
    late = Article("late", text, published="2021-08-01", body=((0, len(text)),),
                   positions=(stance(text, "Mitch McConnell", "mcconnell", "Joe Biden", "oppose",
                                     "the border", "Mitch McConnell blasted Joe Biden over the"),
                              stance(text, "Mitch McConnell", "mcconnell", "Biden's plan",
                                     "oppose", "the border", "blasted Joe Biden over the border")))
    conn = store.connect(tmp_path / "alias.db")
    for a in [*position_articles(), late]:
        store.add_article(conn, a)
    store.rebuild_speakers(conn)
    biden = sid(conn, "Joe Biden")
    named, plan = pos.article_positions(conn, "late")
    assert named.b_id == biden and plan.b_id is None
    assert "late" in {p.article_id for p in pos.positions(conn, PositionFilter(speaker_id=biden))}
    opposed_by = [s for s in pos.speaker_stands(conn, biden) if s.verb == "opposed by"]
    assert [s.other for s in opposed_by] == ["Mitch McConnell"]
    conn.close()


def test_a_positions_table_from_before_the_speaker_columns_is_upgraded(db):
    old = ("id, article_id, seq, relation, polarity, a, a_local_id, b, b_local_id, b_key, topic,"
           " topic_key, explicit, evidence, evidence_spans")  # the table as it first shipped
    conn = sqlite3.connect(db)
    conn.executescript(f"CREATE TABLE first AS SELECT {old} FROM positions;"
                       " DROP TABLE positions; ALTER TABLE first RENAME TO positions;")
    conn.close()
    ro = queries.open_readonly(db)
    assert pos.positions(ro) == [] and pos.speaker_stands(ro, "anyone") == []
    ro.close()
    store.connect(db).close()  # opened for writing: columns added and filled
    ro = queries.open_readonly(db)
    putin = sid(ro, "Vladimir Putin")
    assert len(pos.speaker_stands(ro, putin)) == 5
    assert [p.published for p in pos.positions(ro)][:3] == ["2021-06-16"] * 3
    ro.close()


def test_listing_reads_the_order_index(conn):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN " + pos.SELECT + pos.OLDEST_FIRST + " LIMIT 5"))
    assert "positions_order" in plan and "TEMP B-TREE" not in plan


def test_topics_read_a_covering_index(conn):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT topic_key, topic, count(*) AS n FROM positions p"
        " GROUP BY topic_key, topic"))
    assert "COVERING INDEX positions_topics" in plan and "TEMP B-TREE" not in plan


def test_the_network_reads_its_index_in_order(conn):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN " + pos.EDGES.format(where="")))
    assert "COVERING INDEX positions_edges" in plan and "TEMP B-TREE" not in plan


def test_the_network_clusters_the_topics_of_the_edges_it_keeps_only(conn, monkeypatch):
    every = pos.network(conn)
    clustered: list[object] = []
    real = pos._clustered
    monkeypatch.setattr(pos, "_clustered", lambda rows: clustered.append(1) or real(rows))
    top = pos.network(conn, max_edges=2)
    assert len(clustered) == 2 < len(every.edges)
    assert top.edges == every.edges[:2]


def test_a_speakers_summary_groups_its_covering_indexes_in_order(conn):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN " + pos.STANDS, {"sid": sid(conn, "Vladimir Putin")}))
    assert "COVERING INDEX positions_stands_a" in plan, plan
    assert "COVERING INDEX positions_stands_b" in plan and "TEMP B-TREE" not in plan, plan


def test_one_topic_named_two_ways_across_articles_is_one_topic(tmp_path):
    from factories import BIDEN, PUTIN, accord

    from saidwhat.records import Article

    t1 = "Putin and Biden agreed on cooperation on climate change in the Arctic."
    t2 = "The two presidents again agreed on Arctic climate issues."
    t3 = "Putin and Biden agreed on the Arctic climate."
    conn = store.connect(tmp_path / "topics.db")
    for aid, text, topic, day in (("a1", t1, "climate change in the Arctic", "2021-06-16"),
                                  ("a2", t2, "Arctic climate", "2021-06-20"),
                                  ("a3", t3, "Arctic climate", "2021-06-25")):
        store.add_article(conn, Article(aid, text, published=day, body=((0, len(text)),),
                                        positions=(accord(text, "agree", PUTIN, BIDEN, topic,
                                                          text[:-1]),)))
    store.rebuild_speakers(conn)
    assert [(t.label, t.count) for t in pos.topics(conn)] == [("Arctic climate", 3)]
    for asked in ("climate change in the Arctic", "Arctic climate", "arctic climates"):
        assert pos.count(conn, PositionFilter(topic=asked)) == 3, asked
    p = pos.pair(conn, sid(conn, "Vladimir Putin"), sid(conn, "Joe Biden"))
    assert [(t.topic, t.count, t.first, t.last) for t in p.timeline] == [
        ("Arctic climate", 3, "2021-06-16", "2021-06-25")]
    assert p.agree == ("Arctic climate",)
    stands = pos.speaker_stands(conn, sid(conn, "Vladimir Putin"))
    assert [(s.verb, s.other, s.topics, s.count) for s in stands] == [
        ("agrees with", "Joe Biden", ("Arctic climate",), 3)]
    (edge,) = pos.network(conn).edges
    assert edge.topics == ("Arctic climate",) and edge.count == 3
    conn.close()


@pytest.mark.parametrize(("name", "expected"), [
    ("Donald Trump Sounds Weirdly Sophisticated", "donald-trump"),  # a headline's run-on
    ("Donald Trump", "donald-trump"),
    ("Donald Trump Jr.", "donald-trump-jr"),  # his son
    ("Donald Trump Campaign", "donald-trump-campaign"),  # an organisation
    ("Trump Sounds Great", "trump-sounds-great"),  # no full name to run on from
    ("Donald Trump sounds odd", "donald-trump-sounds-odd"),  # not title-cased
])
def test_a_holder_whose_name_a_headline_ran_on_is_the_speaker(name, expected):
    known = {"donald trump": "donald-trump", "trump": "donald-trump"}
    assert pos._holder_id(name, None, known) == expected
