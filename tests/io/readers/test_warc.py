"""WARC input: HTML responses become articles, the rest is counted, damage is survived."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from saidwhat.io.readers.warc import WarcStats, read_warc, record_slug
from saidwhat.records import Article, Failure

PARA = "The senator said the talks had been constructive and would continue next week. "


def page(n: int, date: str | None = None) -> bytes:
    """A small news page whose text names it."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<html><head><title>Story {n}</title>{meta}</head><body><nav>Home | World</nav>"
            f"<article><h1>Story {n}</h1><p>Story number {n}. {PARA * 6}</p>"
            f"<p>{PARA * 4}</p></article></body></html>").encode()


def record(uri: str, payload: bytes, *, rtype: str = "response",
           ctype: str = "text/html; charset=utf-8", status: str = "200 OK", uid: str = "0000",
           http_extra: str = "") -> bytes:
    """One WARC/1.0 record, written by hand."""
    if rtype == "response":
        block = (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{http_extra}"
                 f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload
        wct = "application/http; msgtype=response"
    else:
        block, wct = payload, ctype
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{uid}>\r\n"
            f"WARC-Date: 2021-06-16T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {wct}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def pages(n: int) -> list[bytes]:
    """n HTML response records."""
    return [record(f"https://news.example/{i}", page(i), uid=f"uuid-{i}") for i in range(n)]


def run(path: Path, max_bytes: int = 10_000_000) -> tuple[list[Article | Failure], WarcStats]:
    """Everything read_warc yields, and its counts."""
    stats = WarcStats()
    return list(read_warc(str(path), max_bytes, stats)), stats


def urls(items: list[Article | Failure]) -> list[str | None]:
    """The url of each article, None for each failure."""
    return [x.url if isinstance(x, Article) else None for x in items]


def balanced(stats: WarcStats) -> bool:
    """records in = articles + failed + skipped."""
    return stats.records == stats.articles + stats.failed + stats.skipped_total


@pytest.mark.parametrize("compress", ["none", "per-record", "whole-file"])
def test_reads_html_responses_with_warc_metadata(tmp_path: Path, compress: str) -> None:
    recs = pages(3)
    data = {"none": b"".join(recs), "per-record": b"".join(gzip.compress(r) for r in recs),
            "whole-file": gzip.compress(b"".join(recs))}[compress]
    path = tmp_path / ("a.warc" if compress == "none" else "a.warc.gz")
    path.write_bytes(data)
    items, stats = run(path)
    assert urls(items) == [f"https://news.example/{i}" for i in range(3)]
    first = items[0]
    assert isinstance(first, Article)
    assert first.id == "uuid-0"
    assert first.published == "2021-06-16T12:00:00Z"
    assert first.title == "Story 0"
    assert "Story number 0." in first.text and "Home | World" not in first.text
    assert first.body == ((0, len(first.text)),)
    assert (stats.records, stats.articles, stats.failed) == (3, 3, 0)


def test_page_date_wins_over_warc_date(tmp_path: Path) -> None:
    path = tmp_path / "d.warc"
    path.write_bytes(record("https://news.example/d", page(1, date="2020-01-02")))
    (article,), _ = run(path)
    assert isinstance(article, Article) and article.published == "2020-01-02"


def test_non_article_records_are_skipped_and_counted(tmp_path: Path) -> None:
    recs = [
        record("", b"software: test\r\n", rtype="warcinfo", ctype="application/warc-fields"),
        record("https://news.example/0", b"GET / HTTP/1.1\r\n\r\n", rtype="request",
               ctype="application/http; msgtype=request"),
        record("https://news.example/logo.png", b"\x89PNG....", ctype="image/png"),
        record("https://news.example/gone", page(9), status="404 Not Found"),
        record("https://news.example/1", page(1), uid="one"),
        record("https://news.example/plain", (PARA * 3).encode(), rtype="resource",
               ctype="text/plain", uid="two"),
    ]
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in recs))
    items, stats = run(path)
    assert urls(items) == ["https://news.example/1", "https://news.example/plain"]
    assert items[1].text == PARA * 3  # type: ignore[union-attr]
    assert stats.records == 6 and stats.articles == 2 and stats.skipped_total == 4
    assert balanced(stats)
    assert "4 skipped" in stats.summary()


def test_chunked_gzip_http_payload_is_decoded(tmp_path: Path) -> None:
    body = gzip.compress(page(5))
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    path = tmp_path / "enc.warc"
    path.write_bytes(record("https://news.example/5", chunked,
                           http_extra="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"))
    (article,), _ = run(path)
    assert isinstance(article, Article) and "Story number 5." in article.text


def test_oversized_record_is_a_failure_and_reading_goes_on(tmp_path: Path) -> None:
    big = record("https://news.example/big", page(0) + b"<!--" + b"x" * 5000 + b"-->", uid="big")
    path = tmp_path / "big.warc"
    path.write_bytes(big + pages(2)[1])
    items, stats = run(path, max_bytes=4000)
    assert isinstance(items[0], Failure) and "max-bytes" in items[0].error
    assert urls(items)[1:] == ["https://news.example/1"]
    assert balanced(stats)


@pytest.mark.parametrize("compress,keep", [(False, -200), (True, 0), (True, 12), (True, 60)])
def test_truncated_archive_keeps_what_came_before(
    tmp_path: Path, compress: bool, keep: int
) -> None:
    recs = pages(3)
    if compress:
        members = [gzip.compress(r) for r in recs]
        data = members[0] + members[1] + members[2][: keep or len(members[2]) // 2]
    else:
        data = recs[0] + recs[1] + recs[2][:keep]
    path = tmp_path / ("t.warc.gz" if compress else "t.warc")
    path.write_bytes(data)
    items, stats = run(path)
    assert urls(items)[:2] == ["https://news.example/0", "https://news.example/1"]
    assert len(items) == 3 and isinstance(items[2], Failure)
    assert str(path) in str(items[2])
    assert balanced(stats) and stats.failed == 1


@pytest.mark.parametrize("compress", [False, True])
def test_garbage_in_the_middle_resumes_at_the_next_record(tmp_path: Path, compress: bool) -> None:
    recs = pages(4)
    if compress:
        members = [gzip.compress(r) for r in recs]
        data = members[0] + b"\x00garbage" * 40 + members[1] + members[2][:30] + members[3]
    else:
        data = recs[0] + b"garbage line\r\n" * 20 + recs[1] + recs[3]
    path = tmp_path / ("g.warc.gz" if compress else "g.warc")
    path.write_bytes(data)
    items, stats = run(path)
    got = [u for u in urls(items) if u]
    assert got == ["https://news.example/0", "https://news.example/1", "https://news.example/3"]
    assert any(isinstance(x, Failure) for x in items)
    assert balanced(stats)


def test_record_slug() -> None:
    assert record_slug("<urn:uuid:ab-12>", "https://x.org/a") == "ab-12"
    assert record_slug(None, "https://x.org/a/b?c=1") == "x-org-a-b-c-1"
    assert record_slug(None, None) == "record"


def test_empty_file_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    items, stats = run(path)
    assert items == [] and stats.records == 0
