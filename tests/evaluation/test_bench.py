"""bench: finds its texts, measures every variant in a subprocess, reports ratios."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from saidwhat.cli import bench as cli_bench
from saidwhat.evaluation import bench

TEXT = "“We will not back down,” the senator said. The mayor said the budget was balanced.\n"


def test_text_files_sorted_and_limited(tmp_path: Path) -> None:
    for name in ("b", "a", "c"):
        (tmp_path / f"{name}.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text("not a text")
    assert [f.name for f in bench.text_files([str(tmp_path)], 2)] == ["a.txt", "b.txt"]


def test_missing_path_and_empty_folder_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope"):
        bench.text_files([str(tmp_path / "nope")], None)
    with pytest.raises(ValueError, match="no .txt files"):
        bench.text_files([str(tmp_path)], None)


def measure(variant: str, seconds: float) -> bench.Measure:
    """A made-up measure of 1000 words."""
    return bench.Measure(variant=variant, workers=1, articles=10, words=1000, seconds=seconds + 1,
                         steady_seconds=seconds, load_seconds=1.0, peak_rss_mb=100.0,
                         worker_peak_rss_mb=None, failures=0)


def test_ratios_and_report() -> None:
    results = {"saidwhat-1": measure("saidwhat-1", 2.0), "saidwhat-n": measure("saidwhat-n", 1.0),
               "spacy": measure("spacy", 1.0), "textacy": measure("textacy", 4.0)}
    rs = bench.ratios(results)
    assert rs["saidwhat_vs_spacy"] == pytest.approx(0.5)
    assert rs["n_workers_vs_1"] == pytest.approx(2.0)
    assert rs["saidwhat_vs_textacy"] == pytest.approx(2.0)
    text = bench.report(results, rs, workers=2)
    assert "0.50x (target >= 0.8x: NOT met)" in text
    assert "2.00x steady" in text and "with 2: met" in text


@pytest.mark.slow
def test_bench_smoke_on_three_tiny_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(3):
        (tmp_path / f"t{i}.txt").write_text(f"Story {i}. " + TEXT * 3)
    args = argparse.Namespace(paths=[str(tmp_path)], limit=3, workers=2, model=None, json=True)
    assert cli_bench.run_cli(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["results"]) == set(bench.VARIANTS)
    for m in out["results"].values():
        assert m["articles"] == 3 and m["words"] > 0 and m["peak_rss_mb"] > 10
    assert out["results"]["saidwhat-n"]["worker_peak_rss_mb"] > 10
    assert {"saidwhat_vs_spacy", "n_workers_vs_1", "saidwhat_vs_textacy"} <= set(out["ratios"])


def test_text_files_are_every_input_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    (tmp_path / "c.ndjson").write_text('{"text": "x"}\n')
    (tmp_path / ".hidden.txt").write_text(TEXT)
    assert [f.name for f in bench.text_files([str(tmp_path)], None)] == [
        "a.txt", "b.html", "c.ndjson"]
