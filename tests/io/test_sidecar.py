"""Sidecar metadata tables for folders of text files, and metadata fields in JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.io import sidecar
from saidwhat.io.discover import read_inputs
from saidwhat.records import Article

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear"
TEXT = "Harbour works\n\n“The pier will reopen in May,” the mayor said on Tuesday.\n"


def articles(*paths: Path) -> list[Article]:
    out = [a for a in read_inputs([str(p) for p in paths], 1_000_000)]
    assert all(isinstance(a, Article) for a in out), out
    return out  # type: ignore[return-value]


def test_tsv_beside_the_files_gives_outlet_date_url(tmp_path):
    (tmp_path / "pier.txt").write_text(TEXT)
    (tmp_path / "other.txt").write_text(TEXT.replace("May", "June"))
    (tmp_path / "metadata.tsv").write_text(
        "id\toutlet\tdate\turl\npier\tHarbour Herald\t2024-05-02\thttps://herald.example/p\n")
    by_id = {a.id: a for a in articles(tmp_path)}
    pier = by_id["pier"]
    assert (pier.outlet, pier.published, pier.url) == (
        "Harbour Herald", "2024-05-02", "https://herald.example/p")
    assert pier.title == "Harbour works"  # the file's own first line: the table has none
    assert by_id["other"].outlet is None and by_id["other"].published is None


def test_csv_two_folders_up_with_other_column_names(tmp_path):
    folder = tmp_path / "dev" / "text"
    folder.mkdir(parents=True)
    (folder / "pier.txt").write_text(TEXT)
    (tmp_path / "metadata.csv").write_text(
        "filename,publisher,publication_date,title,link\n"
        "pier.txt,The Wire,2024-05-03,Pier to reopen,None\n")
    (a,) = articles(folder)
    assert (a.outlet, a.published, a.title, a.url) == (
        "The Wire", "2024-05-03", "Pier to reopen", None)


def test_unreadable_or_idless_table_is_ignored(tmp_path):
    (tmp_path / "pier.txt").write_text(TEXT)
    (tmp_path / "metadata.tsv").write_bytes(b"\xff\xfe\x00bad")
    (a,) = articles(tmp_path)
    assert a.outlet is None
    (tmp_path / "metadata.tsv").write_text("outlet\tdate\nX\t2020-01-01\n")
    sidecar.read_table.cache_clear()
    (a,) = articles(tmp_path)
    assert a.outlet is None


@pytest.mark.skipif(not (SHARED / "metadata.tsv").exists(), reason="no ../shared PolNeAR")
def test_polnear_metadata_tsv_is_a_sidecar():
    text = next((SHARED / "dev" / "text").glob("*.txt"))
    meta = sidecar.metadata_for(text)
    assert meta["outlet"] and meta["published"][:2] == "20" and meta["title"]
    assert text.stem.startswith(meta["outlet"].split()[0].lower()[:4])


@pytest.mark.parametrize("record,want", [
    ({"publisher": "Daily", "date": "2024-01-02", "url": "https://d.example/x"},
     ("Daily", "2024-01-02", "https://d.example/x")),
    ({"outlet": "Wire", "published": "2024-01-03"}, ("Wire", "2024-01-03", None)),
    ({"source_domain": "post.example", "link": "https://post.example/y"},
     ("post.example", None, "https://post.example/y")),
    ({}, (None, None, None)),
])
def test_jsonl_metadata_fields(tmp_path, record, want):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": TEXT, **record}) + "\n")
    (a,) = articles(path)
    assert (a.outlet, a.published, a.url) == want


def test_outlet_survives_a_saved_record_round_trip():
    a = Article(id="x", text="t", outlet="Daily", published="2024-01-02")
    assert Article.from_dict(a.to_dict()).outlet == "Daily"
    assert "outlet" not in Article(id="y", text="t").to_dict()


def test_a_sidecar_table_is_not_a_skipped_input(tmp_path):
    from saidwhat.io.kinds import IngestStats

    (tmp_path / "pier.txt").write_text(TEXT)
    (tmp_path / "metadata.tsv").write_text("id\toutlet\npier\tHerald\n")
    (tmp_path / "notes.md").write_text("x")
    stats = IngestStats()
    assert len(list(read_inputs([str(tmp_path)], 1_000_000, stats))) == 1
    assert dict(stats.skipped) == {".md files": 1}
