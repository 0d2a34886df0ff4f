"""Issue 14, item 4: per-article limits on text length, HTML tag count and nesting depth; an
article over one is refused with a line naming the limit and the option that raises it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import hostile
import pytest

from saidwhat.io import discover, kinds
from saidwhat.io.limits import Limits, OverLimit, html_shape
from saidwhat.records import Article, Failure

PROSE = "<p>The minister said the ferry will run again on Monday morning.</p>"


def read(path: Path, limits: Limits) -> list[Article | Failure]:
    return list(discover.read_inputs([str(path)], 10_000_000, kinds.IngestStats(limits=limits)))


@pytest.mark.parametrize(("html", "shape"), [
    ("<html><body><div><div><p>x</p></div></div></body></html>", (5, 5)),
    ("<div>" * 50 + "</div>" * 50, (50, 50)),
    ("<p>a<p>b<p>c", (3, 1)),  # same-name siblings close each other
    ("<br><img src=x><hr/><input>", (4, 0)),  # void elements never nest
    ("<div><!-- <div><div><div> --></div>", (1, 1)),  # comments hold no tags
    ("<ul><li>a<li>b</ul><ul><li>c</li></ul>", (5, 2)),
    ("<div><span></div><div>", (3, 2)),  # an end tag closes the nearest open tag of its name
    ("</div></div><b>", (1, 1)),  # stray end tags are ignored
])
def test_html_shape(html: str, shape: tuple[int, int]) -> None:
    assert html_shape(html, 10**9, 10**9) == shape


def test_scan_stops_at_the_limit_on_a_huge_page() -> None:
    page = "<html><body>" + "<b></b>" * 1_500_000 + "</body></html>"  # 10 MB
    started = time.perf_counter()
    with pytest.raises(OverLimit, match="over 100,000 tags"):
        Limits().check_html(page)
    assert time.perf_counter() - started < 5.0  # about 0.7 s: the scan stops at the limit
    assert html_shape(page[:70_000], 10**9, 10**9) == (10_000, 3)


@pytest.mark.parametrize(("page", "limits", "message"), [
    ("<html><body>" + "<b>x</b>" * 300 + PROSE + "</body></html>", Limits(max_tags=200),
     "HTML has over 200 tags (raise the limit with --max-tags)"),
    ("<html><body>" + "<div>" * 300 + PROSE + "</div>" * 300 + "</body></html>",
     Limits(max_depth=100), "HTML nests tags over 100 deep (raise the limit with --max-depth)"),
])
def test_html_over_a_limit_is_refused_in_every_reader(tmp_path: Path, page: str, limits: Limits,
                                                      message: str) -> None:
    (tmp_path / "page.html").write_text(page)
    (tmp_path / "unknown.dat").write_text(page)
    (tmp_path / "pages.jsonl").write_text(json.dumps({"html": page}) + "\n"
                                          + json.dumps({"text": hostile.quote(1)}) + "\n")
    items = [x for name in ("page.html", "unknown.dat", "pages.jsonl")
             for x in read(tmp_path / name, limits)]
    assert [type(x).__name__ for x in items] == ["Failure", "Failure", "Failure", "Article"]
    assert [x.error for x in items[:3]] == [message] * 3  # type: ignore[union-attr]
    assert items[2].origin == f"{tmp_path}/pages.jsonl:1"
    with pytest.raises(OverLimit):
        limits.check_html(page)


def test_within_the_limits_the_page_is_read(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body>" + "<div>" * 20 + PROSE * 3
                                        + "</div>" * 20 + "</body></html>")
    assert isinstance(read(tmp_path / "page.html", Limits(max_tags=100, max_depth=30))[0],
                      Article)


def test_long_text_refused_by_characters(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(hostile.quote(1) + "\n\n" + "word " * 2000)
    (tmp_path / "short.txt").write_text(hostile.quote(2))
    items = read(tmp_path, Limits(max_chars=5000))
    assert isinstance(items[1], Article)
    failure = items[0]
    assert isinstance(failure, Failure) and failure.origin == str(tmp_path / "long.txt")
    assert failure.error.startswith("article text is 10,0")
    assert failure.error.endswith("over the 5,000-character limit (raise it with --max-chars)")


def test_extract_applies_the_limits_and_counts(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(hostile.quote(1) + "\n\n" + "word " * 2000)
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 40 + PROSE
                                        + "</div>" * 40 + "</body></html>")
    (tmp_path / "ok.txt").write_text(hostile.quote(2))
    done = hostile.saidwhat("extract", "-q", "--workers", "1", "-f", "jsonl", "--max-chars",
                            "5000", "--max-depth", "30", str(tmp_path))
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith(
        "saidwhat: 3 articles in, 1 written, 2 failed"), done.stderr
    assert "--max-chars" in done.stderr and "--max-depth" in done.stderr
    assert len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize("option", ["--max-chars", "--max-tags", "--max-depth"])
def test_bad_limit_is_one_line(tmp_path: Path, option: str) -> None:
    (tmp_path / "ok.txt").write_text(hostile.quote(2))
    for command in ("extract", "index"):
        done = hostile.saidwhat(command, "-q", option, "0", str(tmp_path / "ok.txt"),
                                cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert f"{option} must be a positive number" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_a_warc_record_over_a_limit_is_one_failure_and_the_archive_goes_on(tmp_path: Path
                                                                          ) -> None:
    deep = "<div>" * 300 + "BODY" + "</div>" * 300
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(b"".join([
        hostile.warc_response("https://news.example/1", hostile.news_page(1), "u1"),
        hostile.warc_response("https://news.example/2", hostile.news_page(2, deep), "u2"),
        hostile.warc_response("https://news.example/3", hostile.news_page(3), "u3")]))
    items = read(archive, Limits(max_depth=100))
    assert [type(x).__name__ for x in items] == ["Article", "Failure", "Article"]
    assert items[1].error == ("HTML nests tags over 100 deep "  # type: ignore[union-attr]
                              "(raise the limit with --max-depth)")
    assert "https://news.example/2" in (items[1].origin or "")
