"""Exporting 100,000 quotes as CSV streams them: memory stays flat (bench/export_memory.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

MAX_GROWTH_MB = 10  # the CSV is ~25 MB: holding it (or its rows) would grow far more


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_exporting_100000_quotes_streams_with_bounded_memory(tmp_path):
    import synthetic_index

    db = tmp_path / "big.db"
    assert synthetic_index.build(db, 5_000, 20) == 100_000
    run = subprocess.run([sys.executable, str(REPO / "bench" / "export_memory.py"), str(db),
                          "--json"], capture_output=True, text=True, timeout=240, cwd=REPO)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["status"] == 200 and result["rows"] == 100_000
    assert result["mb_sent"] > 2 * MAX_GROWTH_MB  # the bound below is meaningful
    assert result["rss_growth_mb"] < MAX_GROWTH_MB, result


def test_small_export_matches_the_json_list(tmp_path):
    import csv
    import io

    import synthetic_index
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    db = tmp_path / "small.db"
    synthetic_index.build(db, 30, 5)
    client = TestClient(create_app(db))
    listed = client.get("/quotes.json?size=500&outlet=daily.example&sort=confidence").json()
    rows = list(csv.DictReader(io.StringIO(
        client.get("/quotes.csv?outlet=daily.example&sort=confidence").text)))
    assert [int(r["id"]) for r in rows] == [q["id"] for q in listed["quotes"]]
    assert rows and rows[0]["speaker"] and rows[0]["outlet"] == "daily.example"
