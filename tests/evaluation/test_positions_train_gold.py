"""The hand-made train positions gold (gold/positions/polnear-train.jsonl) keeps its shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "gold" / "positions" / "polnear-train.jsonl"
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def lines() -> list[dict]:
    """The gold lines."""
    return [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_each_line_has_the_gold_fields_and_no_article_text():
    for d in lines():
        assert "evidence" not in d  # offsets only: the articles' words stay out of the repo
        assert d["relation"] in ("stance", "agree", "disagree")
        names = ("source", "target") if d["relation"] == "stance" else ("a", "b")
        assert all(d[n] for n in names) and d["topic"]
        assert d["relation"] != "stance" or d["polarity"] in ("support", "oppose")
        assert 0 <= d["evidence_start"] < d["evidence_end"]


@pytest.mark.skipif(not TEXTS.exists(), reason="needs ../shared")
def test_each_evidence_is_eight_words_or_more_of_its_article():
    for d in lines():
        text = (TEXTS / f"{d['article']}.txt").read_text(encoding="utf-8")
        assert d["evidence_end"] <= len(text)
        assert len(text[d["evidence_start"]:d["evidence_end"]].split()) >= 8, d
