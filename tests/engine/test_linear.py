"""The logistic function and weight loading shared by the scorer, cue classifier and ranker."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from saidwhat.engine.linear import logistic, weights_json


def test_logistic_is_clipped_not_overflowing() -> None:
    assert logistic(0.0) == 0.5
    assert logistic(1e6) == logistic(30.0) == 1.0 / (1.0 + math.exp(-30.0))
    assert logistic(-1e6, clip=2.0) == pytest.approx(1.0 / (1.0 + math.e ** 2))


def test_weights_json_reads_a_given_file_else_the_shipped_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"bias": 1.5}), encoding="utf-8")
    assert weights_json("scorer.json", str(mine)) == {"bias": 1.5}
    assert "weights" in weights_json("scorer.json")  # the package's own
    assert weights_json("no-such-model.json") is None
    with pytest.raises(FileNotFoundError):
        weights_json("scorer.json", str(tmp_path / "missing.json"))
