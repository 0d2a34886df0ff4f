"""Spark runner: local[2] over a WARC and texts gives the local runner's articles, as Parquet."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from saidwhat.records import Article, Failure
from saidwhat.run import spark

PARA = "The senator said the talks had been constructive and would continue next week. "


def warc_record(n: int) -> bytes:
    """One gzipped WARC response record holding a small news page."""
    html = (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"<p>“We will not back down,” Senator Jane Doe said on Tuesday. {PARA * 5}</p>"
            f"</article></body></html>").encode()
    block = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             f"Content-Length: {len(html)}\r\n\r\n").encode() + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:rec-{n}>\r\n"
            f"WARC-Date: 2021-06-16T12:00:00Z\r\nWARC-Target-URI: https://news.example/{n}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def corpus(root: Path) -> Path:
    """A folder with a 3-record WARC (the last one truncated), two texts and a JSONL file."""
    root.mkdir()
    (root / "crawl.warc.gz").write_bytes(warc_record(0) + warc_record(1) + warc_record(2)[:60])
    (root / "one.txt").write_text("“It was constructive,” Putin told reporters. " + PARA)
    (root / "two.txt").write_text("Officials believe the plan will work, a spokesman said.\n")
    lines = [{"id": "j1", "text": "The mayor said the budget would be balanced."}]
    (root / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    return root


def test_local_files_and_missing_input(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in")
    (root / "skip.png").write_bytes(b"\x89PNG")
    assert [Path(f).name for f in spark.local_files(str(root))] == [
        "crawl.warc.gz", "feed.jsonl", "one.txt", "two.txt"]
    assert [Path(f).name for f in spark.local_files(str(root / "*.txt"))] == ["one.txt", "two.txt"]
    with pytest.raises(FileNotFoundError):
        spark.local_files(str(tmp_path / "nope"))
    assert spark.is_local("/data/x") and spark.is_local("file:///data/x")
    assert not spark.is_local("s3a://bucket/x") and not spark.is_local("hdfs://nn/x")


def test_record_schema_converts_to_spark() -> None:
    pytest.importorskip("pyspark")
    schema = spark.spark_schema(spark.record_schema())
    assert "attributions" in schema.fieldNames() and "text" in schema.fieldNames()


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_spark_local_matches_local_runner(tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    pq = pytest.importorskip("pyarrow.parquet")
    from saidwhat.io.discover import read_inputs
    from saidwhat.run import runners

    root = corpus(tmp_path / "in")
    out = tmp_path / "out"
    counts = spark.run(str(root), str(out), master="local[2]", partitions=2)

    local = list(runners.process(read_inputs(spark.local_files(str(root)), 10_000_000), workers=1))
    expected = sorted((x.to_dict() for x in local if isinstance(x, Article)), key=lambda d: d["id"])
    rows = pq.read_table(out / "articles").to_pylist()
    got = sorted((Article.from_dict(r).to_dict() for r in rows), key=lambda d: d["id"])
    assert got == expected
    assert {d["url"] for d in got} >= {"https://news.example/0", "https://news.example/1"}

    failures = pq.read_table(out / "failures").to_pylist()
    assert len(failures) == sum(isinstance(x, Failure) for x in local) >= 1
    assert counts.articles == len(expected) and counts.failures == len(failures)
    assert counts.files == 4
