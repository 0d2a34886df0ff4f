"""The positions scorer: the gold README's name, stance and pair matching, and the command."""

from __future__ import annotations

import json

from saidwhat.cli import main
from saidwhat.evaluation.positions import Relation, names_match, read_gold, score
from saidwhat.records import Article, Mention, Position


def test_names_match_as_the_gold_defines():
    assert names_match("Putin", "Vladimir V. Putin")
    assert names_match("Clinton campaign", "the Clinton campaign")
    assert names_match("Mr. Obama", "Obama")
    assert not names_match("Donald Trump", "Hillary Clinton")


def stance(src: str, target: str, pol: str, topic: str = "") -> Relation:
    return Relation("a", "stance", src, target, pol, topic)


def test_stance_needs_source_polarity_and_a_shared_content_word():
    gold = {"a": [stance("Vladimir Putin", "the US", "oppose", "police brutality")]}
    found = score(gold, {"a": [stance("Putin", "US", "oppose", "brutality by police")]})
    assert found.stance.tp == 1
    assert score(gold, {"a": [stance("Putin", "US", "support", "police brutality")]}).stance.tp == 0
    assert score(gold, {"a": [stance("Biden", "US", "oppose", "police brutality")]}).stance.tp == 0
    assert score(gold, {"a": [stance("Putin", "US", "oppose", "the weather")]}).stance.tp == 0


def test_pairs_are_unordered_and_matched_one_to_one():
    gold = {"a": [Relation("a", "agree", "Putin", "Biden", "", "arms control")]}
    pred = {"a": [Relation("a", "agree", "Biden", "Putin", "", "control of arms"),
                  Relation("a", "agree", "Biden", "Putin", "", "arms control")]}
    s = score(gold, pred)
    assert (s.pair.tp, s.pair.predicted, s.pair.gold) == (1, 2, 1)
    assert s.pair.precision == 0.5 and s.pair.recall == 1.0


def test_a_line_judged_wrong_scores_its_article_but_is_no_gold(tmp_path):
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in (
        {"article": "a", "relation": "agree", "a": "Kerr", "b": "Pratt", "topic": "roads",
         "judged": "right"},
        {"article": "b", "relation": "agree", "a": "Ohio", "b": "Nevada", "topic": "laws",
         "judged": "wrong"})), encoding="utf-8")
    gold = read_gold(path)
    assert gold["b"] == [] and len(gold["a"]) == 1
    pred = {"a": [Relation("a", "agree", "Pratt", "Kerr", "", "the roads")],
            "b": [Relation("b", "agree", "Ohio", "Nevada", "", "laws")]}
    s = score(gold, pred)
    assert (s.pair.tp, s.pair.predicted) == (1, 2)


def test_command_scores_saved_records(tmp_path, capsys):
    text = "Putin said he and Biden agreed on arms control."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "x", "relation": "agree", "a": "Putin", "b": "Biden",
                                "topic": "arms control", "evidence": text,
                                "explicit": True}) + "\n")
    pred = tmp_path / "pred.jsonl"
    article = Article("x", text, body=((0, len(text)),), positions=(
        Position("agree", "arms control", Mention(text, ((0, len(text)),)), a="Putin",
                 b="Biden"),))
    pred.write_text(json.dumps(article.to_dict()) + "\n")
    assert main(["evaluate-positions", str(gold), str(pred), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["agree_disagree"]["f1"] == 1.0 and out["stance"]["gold"] == 0
    assert main(["evaluate-positions", str(gold), str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
