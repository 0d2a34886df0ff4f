"""The cached PolNeAR scorer gives the figures of `saidwhat evaluate`, parse cache or not."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from evaluate_cached import main  # noqa: E402

from saidwhat.cli.evaluate import run_cli  # noqa: E402

TEXT = ("Mayor Ann Cole said the bridge would reopen in May. “We are on schedule,” she added.\n"
        "Critics say the repairs were rushed.\n")


def span(s: str) -> str:
    """`start end` of s in TEXT."""
    start = TEXT.index(s)
    return f"{start} {start + len(s)}"


ANN = (f"T1\tSource {span('Mayor Ann Cole')}\tMayor Ann Cole\n"
       f"T2\tCue {span('said')}\tsaid\n"
       f"T3\tContent {span('the bridge would reopen in May')}\tthe bridge would reopen in May\n"
       f"T4\tAttribution {span('said')}\tsaid\n"
       "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")


def split(root: Path) -> Path:
    """A one-text split in PolNeAR's layout."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "bridge_a000.ann").write_text(ANN, encoding="utf-8")
    return root


def test_cached_scores_are_the_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    root = split(tmp_path / "gold")
    cache = tmp_path / "parsed"
    errors = tmp_path / "errors.jsonl"
    assert main([str(root), "--parsed", str(cache), "--errors", str(errors)]) == 0
    first = json.loads(capsys.readouterr().out)
    assert list(cache.glob("*.spacy"))
    assert main([str(root), "--parsed", str(cache)]) == 0
    again = json.loads(capsys.readouterr().out)
    args = argparse.Namespace(gold_dir=str(root), pred=None, model=None, workers=1, quiet=True,
                              json=True, errors=None, reliability=False)
    assert run_cli(args) == 0
    fresh = json.loads(capsys.readouterr().out)
    assert first["attribution"]["f1"] > 0
    assert first == again == fresh
    assert errors.is_file()


def test_missing_split_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    assert main([str(tmp_path / "nowhere"), "--parsed", str(tmp_path / "p")]) == 2
    assert "nowhere: not a directory" in capsys.readouterr().err
