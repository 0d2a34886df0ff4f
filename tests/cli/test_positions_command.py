"""`saidwhat positions`: from saved records, from articles run through the engine, from an index."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from factories import index_of, position_articles

from saidwhat.cli import main
from saidwhat.records import Article


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "saved.jsonl"
    path.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in position_articles()))
    return path


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.db"
    index_of(path, position_articles())
    return path


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_saved_records_as_jsonl_in_the_record_shape(saved, capsys):
    assert main(["positions", str(saved), "-f", "jsonl"]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert len(rows) == 10
    first = rows[0]
    assert (first["article_id"], first["relation"], first["a"], first["b"]) == (
        "summit", "agree", "Vladimir Putin", "Joe Biden")
    stance = rows[1]
    assert (stance["source"], stance["target"], stance["polarity"]) == (
        "Vladimir Putin", "the United States", "oppose")
    assert stance["evidence"]["text"] == "Putin criticised the United States over police brutality"


def test_speaker_filter_matches_a_surname(saved, capsys):
    assert main(["positions", str(saved), "--speaker", "mcconnell", "-f", "jsonl"]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert [r["relation"] for r in rows] == ["stance", "disagree"]
    assert main(["positions", str(saved), "--speaker", "Biden", "-f", "jsonl"]) == 0
    assert len(jsonl(capsys.readouterr().out)) == 5  # Putin's stance on "Biden" included


def test_csv_has_evidence_offsets(saved, capsys):
    assert main(["positions", str(saved), "-f", "csv", "--limit", "3"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3
    text = position_articles()[0].text
    for r in rows:
        assert text[int(r["evidence_start"]):int(r["evidence_end"])] == r["evidence"]


def test_table_names_the_relations(saved, capsys):
    assert main(["positions", str(saved), "-f", "table"]) == 0
    out = capsys.readouterr().out
    for word in ("agrees with", "opposes", "disagrees with", "supports", "Schumer"):
        assert word in out


def test_index_positions_carry_corpus_ids(db, capsys):
    assert main(["positions", "--db", str(db), "--speaker", "Joe Biden", "-f", "jsonl"]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert len(rows) == 5
    assert {r.get("source_id") or r.get("a_id") for r in rows} >= {"joe-biden"}
    assert main(["positions", "--db", str(db), "-f", "jsonl"]) == 0
    assert len(jsonl(capsys.readouterr().out)) == 10


def test_articles_go_through_the_engine(tmp_path, capsys, monkeypatch):
    from saidwhat.run import runners

    text = tmp_path / "summit.txt"
    text.write_text(position_articles()[0].text)
    seen = []

    def fake_process(items, model=None, workers=None, progress=False, **kw):
        for item in items:  # the engine's work stood in for: positions of the hand-built article
            seen.append(item)
            yield replace(position_articles()[0], id=item.id) if isinstance(item, Article) else item

    monkeypatch.setattr(runners, "process", fake_process)
    assert main(["positions", str(text), "-f", "jsonl"]) == 0
    assert [a.id for a in seen] == ["summit"]
    assert len(jsonl(capsys.readouterr().out)) == 3


def test_bad_inputs_are_one_line_each_and_the_rest_is_read(saved, tmp_path, capsys):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(position_articles()[2].to_dict()) + "\n{not json\n")
    assert main(["positions", str(saved), str(broken), "-f", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert len(jsonl(out)) == 13
    assert err.count("\n") == 1 and "broken.jsonl:2" in err and "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["positions"], "not neither"),
    (["positions", "x.jsonl", "--db", "x.db"], "not both"),
    (["positions", "--db", "missing.db"], "no such index"),
])
def test_usage_errors_are_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_unknown_speaker_in_the_index(db, capsys):
    assert main(["positions", "--db", str(db), "--speaker", "Nobody"]) == 1
    assert "no positions of a speaker named 'Nobody'" in capsys.readouterr().err
