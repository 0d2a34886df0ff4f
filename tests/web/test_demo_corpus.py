"""The demo corpus (examples/riverside) indexes with outlets and dates, so make demo shows charts
and provenance with real dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from saidwhat.cli import main
from saidwhat.web.app import create_app

RIVERSIDE = Path(__file__).resolve().parents[2] / "examples" / "riverside"


@pytest.mark.slow
def test_riverside_has_outlets_dates_charts_and_provenance(tmp_path):
    db = tmp_path / "demo.db"
    assert main(["index", str(RIVERSIDE), "--db", str(db), "-q", "--workers", "1"]) == 0
    client = TestClient(create_app(db))
    articles = client.get("/articles.json").json()["articles"]
    assert len(articles) == 6 and all(a["published"] and a["outlet"] for a in articles)
    assert {a["outlet"] for a in articles} == {"Riverside Courier", "Valley Herald",
                                                "Northline Wire", "Lakeshore Post"}
    groups = client.get("/quotes/groups.json").json()["groups"]
    widest = groups[0]
    assert widest["outlet_count"] == 3 and widest["speaker_name"] == "Elena Brandt"
    group = client.get(f"/quotes/groups/{widest['id']}.json").json()
    assert [v["change"] for v in group["group"]["variants"]] == [
        "verbatim", "shortened", "altered"]
    assert all(p["x"] for p in group["spread"])
    speaker = client.get(f"/speakers/{widest['speaker_id']}.json").json()
    assert sum(c["count"] for c in speaker["timeline"]) >= 3 and speaker["outlet_counts"]
    assert (tmp_path / "metadata.json").exists()
