"""Saved records read back: every article, each broken record a Failure, the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.io import saved, sinks
from saidwhat.records import Article, Failure

TEXT = "“We agreed,” Ann Lee said."


def article(id: str) -> Article:
    """A small saved article."""
    return Article(id=id, text=TEXT, body=((0, len(TEXT)),))


def test_jsonl_broken_lines_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "bad.jsonl"
    lines = [json.dumps(article("a").to_dict()), "{oops", "[1, 2]", "",
             json.dumps(article("b").to_dict())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = [item for item, _ in saved.read_saved(out)]
    assert [i.id if isinstance(i, Article) else i.origin for i in items] == [
        "a", f"{out}:2", f"{out}:3", "b"]
    assert all(isinstance(i, Failure) and i.error.startswith("bad record: ") for i in items[1:3])
    assert items[0].origin == f"{out}:1"


def test_jsonl_records_over_the_size_limit_and_bad_bytes(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_bytes(json.dumps(article("a").to_dict()).encode() + b"\n\xff\xfe\n")
    items = [item for item, _ in saved.read_saved(out, max_bytes=20)]
    assert isinstance(items[0], Failure) and "over the 20-byte limit" in items[0].error
    assert isinstance(items[1], Failure) and "can't decode byte 0xff" in items[1].error


def test_raw_record_comes_with_the_article(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text(json.dumps({**article("a").to_dict(), "site_name": "Courier"}) + "\n",
                   encoding="utf-8")
    ((item, record),) = list(saved.read_saved(out))
    assert item == article("a") and record["site_name"] == "Courier"


def test_parquet_round_trip_and_a_broken_file(tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    sink = sinks.open_sink("parquet", str(out))
    for i in "abc":
        sink.write(article(i))
    sink.close()
    items = [item for item, _ in saved.read_saved(out)]
    assert items == [article(i) for i in "abc"] and items[0].origin == f"{out}:row 1"
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet at all")
    ((item, _),) = list(saved.read_saved(broken))
    assert isinstance(item, Failure) and item.error.startswith("cannot read: not a Parquet file")


def test_is_saved_tells_saved_records_from_raw_articles(tmp_path: Path) -> None:
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    done = tmp_path / "done.ndjson"
    done.write_text(json.dumps(article("a").to_dict()) + "\n", encoding="utf-8")
    assert not saved.is_saved(raw) and saved.is_saved(done)
    assert saved.is_saved(tmp_path / "any.parquet") and not saved.is_saved(tmp_path / "x.txt")


def test_read_records_is_all_or_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text(json.dumps(article("a").to_dict()) + "\n{oops\n", encoding="utf-8")
    stream = saved.read_records(out)
    assert next(stream).id == "a"
    with pytest.raises(ValueError, match=r"x.jsonl:2: bad record"):
        next(stream)
