"""scripts/train_positions.py: how candidates are labelled from the positions gold, and the
article folds of its cross-validation."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import train_positions  # noqa: E402

from saidwhat.engine.stance_model import Candidate  # noqa: E402
from saidwhat.records import Mention  # noqa: E402


def candidate(source: str, target: str, start: int, end: int) -> Candidate:
    """A candidate whose evidence sentence spans [start, end)."""
    return Candidate(source, None, target, "PERSON", Mention("x" * (end - start),
                                                              ((start, end),)), ("bias",))


def gold(source: str, target: str, polarity: str, start: int, end: int,
         topic: str = "") -> dict:
    """A gold stance line."""
    return {"relation": "stance", "source": source, "target": target, "polarity": polarity,
            "topic": topic or target, "evidence_start": start, "evidence_end": end}


def test_a_candidate_on_the_gold_evidence_takes_its_polarity():
    lines = [gold("Ann Kerr", "Joe Pratt", "oppose", 100, 150)]
    assert train_positions.label(candidate("Kerr", "Pratt", 90, 160), lines) == "oppose"


def test_elsewhere_in_the_article_one_polarity_still_labels():
    lines = [gold("Ann Kerr", "Joe Pratt", "oppose", 100, 150)]
    assert train_positions.label(candidate("Ann Kerr", "Joe Pratt", 400, 450), lines) == "oppose"
    both = [*lines, gold("Ann Kerr", "Joe Pratt", "support", 600, 650)]
    assert train_positions.label(candidate("Ann Kerr", "Joe Pratt", 400, 450), both) is None


def test_a_target_only_the_topic_names_is_left_out_and_another_is_none():
    lines = [gold("Ann Kerr", "the stadium plan", "oppose", 100, 150, topic="Pratt's stadium")]
    assert train_positions.label(candidate("Ann Kerr", "Pratt", 100, 150), lines) is None
    assert train_positions.label(candidate("Ann Kerr", "Tom Becker", 100, 150), lines) == "none"
    assert train_positions.label(candidate("Tom Becker", "Pratt", 100, 150), lines) == "none"


def test_folds_deal_articles_in_name_order():
    arts = [(f"a{i}",) for i in (3, 1, 4, 0, 2, 5)]
    parts = train_positions.folds(arts)
    assert len(parts) == train_positions.FOLDS
    assert [a[0] for a in parts[0]] == ["a0", "a5"]
    assert sorted(a[0] for p in parts for a in p) == [f"a{i}" for i in range(6)]
