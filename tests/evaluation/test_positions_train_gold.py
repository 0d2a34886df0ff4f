"""The hand-made train positions golds (gold/positions/polnear-train*.jsonl) keep their shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDS = [ROOT / "gold" / "positions" / name
         for name in ("polnear-train.jsonl", "polnear-train-heldout.jsonl")]
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def lines(gold: Path) -> list[dict]:
    """The gold lines."""
    return [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: p.name)
def test_each_line_has_the_gold_fields_and_no_article_text(gold: Path) -> None:
    for d in lines(gold):
        assert "evidence" not in d  # offsets only: the articles' words stay out of the repo
        assert d["relation"] in ("stance", "agree", "disagree")
        names = ("source", "target") if d["relation"] == "stance" else ("a", "b")
        assert all(d[n] for n in names) and d["topic"]
        assert d["relation"] != "stance" or d["polarity"] in ("support", "oppose")
        assert 0 <= d["evidence_start"] < d["evidence_end"]


@pytest.mark.skipif(not TEXTS.exists(), reason="needs ../shared")
@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: p.name)
def test_each_evidence_is_eight_words_or_more_of_its_article(gold: Path) -> None:
    for d in lines(gold):
        text = (TEXTS / f"{d['article']}.txt").read_text(encoding="utf-8")
        assert d["evidence_end"] <= len(text)
        assert len(text[d["evidence_start"]:d["evidence_end"]].split()) >= 8, d


def test_the_judged_unseen_pairs_keep_their_shape() -> None:
    judged = lines(ROOT / "gold" / "positions" / "unseen-pairs.jsonl")
    assert judged and {d["judged"] for d in judged} == {"right", "wrong"}
    for d in judged:
        assert "evidence" not in d and d["relation"] in ("agree", "disagree")
        assert d["a"] and d["b"] and d["rule"] and 0 <= d["evidence_start"] < d["evidence_end"]
