"""Reading inputs: every file kind, every bad input a one-line Failure, offsets kept exact."""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

import pytest

from saidwhat.io import discover, kinds
from saidwhat.io.readers import decode
from saidwhat.io.readers.html import looks_like_html
from saidwhat.records import Article, Failure

FIXTURES = Path(__file__).parents[1] / "fixtures"
MB = 1_000_000


def read(*paths: Path | str, max_bytes: int = MB) -> list[Article | Failure]:
    """Everything read_inputs yields for the paths."""
    return list(discover.read_inputs([str(p) for p in paths], max_bytes))


def only(items: list[Article | Failure]) -> Article | Failure:
    """The single item read."""
    assert len(items) == 1, items
    return items[0]


def test_text_kept_unchanged_with_title_and_body() -> None:
    path = FIXTURES / "harbour-plan.txt"
    a = only(read(path))
    assert isinstance(a, Article)
    assert a.id == "harbour-plan"
    assert a.text == path.read_bytes().decode("utf-8")
    assert a.title == "Council Approves Harbour Plan After Long Debate"
    (start, end), = a.body
    assert a.text[start:end].endswith("grow again.")
    assert a.origin == str(path)


def test_utf8_bom_kept_in_text_and_out_of_body(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\n\n\xe2\x80\x9cYes,\xe2\x80\x9d she said.\n")
    a = only(read(path))
    assert isinstance(a, Article)
    assert a.text == path.read_bytes().decode("utf-8") and a.text[0] == "\ufeff"
    assert a.body == ((1, len(a.text) - 1),)
    assert a.title == "Headline"


def test_html_metadata_and_main_text() -> None:
    a = only(read(FIXTURES / "ferry-strike.html"))
    assert isinstance(a, Article)
    assert a.id == "ferry-strike"
    assert a.title == "Ferry Workers Call Off Strike"
    assert a.url == "https://coastcourier.example/news/2024/05/ferry-strike-called-off"
    assert a.published == "2024-05-14"
    assert "Our members have been heard" in a.text
    assert "cookies" not in a.text and "© 2024" not in a.text


def test_html_without_article_text_fails() -> None:
    f = only(read(FIXTURES / "menu-only.html"))
    assert isinstance(f, Failure)
    assert f.error == "no article text found"


def test_jsonl_lines_ids_metadata_and_broken_lines() -> None:
    path = FIXTURES / "wire.jsonl"
    items = read(path)
    kinds = [type(x).__name__ for x in items]
    assert kinds == ["Article", "Failure", "Article", "Failure", "Failure"]
    first, broken, second, not_object, no_text = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.url, first.title, first.published) == (
        "wire-001", "https://wire.example/1", "Port reopens", "2024-06-01")
    assert second.id == "wire-3" and second.title == "Bridge toll frozen"
    assert broken.origin == f"{path}:2" and "not valid JSON" in broken.error
    assert not_object.origin == f"{path}:5" and "expected a JSON object" in not_object.error
    assert no_text.origin == f"{path}:6" and "no 'text' or 'html'" in no_text.error


def test_jsonl_keeps_a_given_body(tmp_path: Path) -> None:
    path = tmp_path / "saved.jsonl"
    text = "Headline\n\nShare this:\n"
    path.write_text(json.dumps({"id": "x", "text": text, "body": [[0, 8]]}) + "\n")
    a = only(read(path))
    assert isinstance(a, Article) and a.body == ((0, 8),)


def test_jsonl_over_long_line_refused_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as fh:
        fh.write(b'{"text": "' + b"a" * 3000 + b'"}\n')
        fh.write(json.dumps({"id": "ok", "text": "A short article, he said."}).encode() + b"\n")
    big, ok = read(path, max_bytes=1000)
    assert isinstance(big, Failure) and big.origin == f"{path}:1" and "--max-bytes" in big.error
    assert isinstance(ok, Article) and ok.id == "ok"


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"  \n\n\t ", "empty file (only whitespace)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
    (bytes(range(1, 32)) * 20, "binary file, not text"),
])
def test_bad_files_fail_in_one_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    f = only(read(path))
    assert isinstance(f, Failure)
    assert f.origin == str(path) and f.error == problem


def test_cp1252_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners \u201cworried\u201d, mayor said.\n".encode("cp1252"))
    a = only(read(path))
    assert isinstance(a, Article)
    assert a.text.startswith("Café owners “worried”")
    assert len(a.errors) == 1 and "not UTF-8" in a.errors[0] and "Windows-1252" in a.errors[0]


def test_undecodable_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Some text \x81\x8d\x8f\x90\x9d here\n")  # invalid in UTF-8 and cp1252
    f = only(read(path))
    assert isinstance(f, Failure) and f.error.startswith("not UTF-8 text")


def test_utf16_with_bom_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Headline\n\nThe vote passed, she said.\n".encode("utf-16"))
    a = only(read(path))
    assert isinstance(a, Article) and a.title == "Headline" and a.errors


def test_missing_path_fails() -> None:
    f = only(read("/no/such/file.txt"))
    assert isinstance(f, Failure) and f.error == "no such file or directory"


def test_unreadable_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Locked\n")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(decode, "open", denied, raising=False)
    f = only(read(path))
    assert isinstance(f, Failure) and f.error == "cannot read: permission denied"


def test_huge_file_refused_by_size_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # a 50 MB single line, sparse: no time spent writing it
        fh.write(b"x")
        fh.seek(50 * MB - 2)
        fh.write(b"x\n")

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(decode, "open", never, raising=False)
    started = time.perf_counter()
    f = only(read(path, max_bytes=10 * MB))
    assert time.perf_counter() - started < 1.0
    assert isinstance(f, Failure)
    assert "50,000,000 bytes" in f.error and "--max-bytes" in f.error


def test_directory_recursive_sorted_skips_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two\n\nThe second story, she said.\n")
    (tmp_path / "a.txt").write_text("One\n\nThe first story, he said.\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".hidden.txt").write_text("Hidden\n")
    stats = kinds.IngestStats()
    items = list(discover.read_inputs([str(tmp_path)], MB, stats))
    assert [x.id for x in items if isinstance(x, Article)] == ["a", "two"]
    assert stats.skipped == {".jpg files": 1}
    assert "skipped 1 file" in stats.summary()


def test_mixed_directory_good_and_bad(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "harbour-plan.txt", tmp_path / "1-good.txt")
    shutil.copy(FIXTURES / "ferry-strike.html", tmp_path / "5-good.html")
    shutil.copy(FIXTURES / "menu-only.html", tmp_path / "4-menu.html")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    items = read(tmp_path)
    assert [(type(x).__name__, Path(x.origin or "").name) for x in items] == [
        ("Article", "1-good.txt"), ("Failure", "2-empty.txt"), ("Failure", "3-binary.txt"),
        ("Failure", "4-menu.html"), ("Article", "5-good.html")]


def test_directory_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nFirst, he said.\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    stats = kinds.IngestStats()
    items = list(discover.read_inputs([str(tmp_path)], MB, stats))
    assert [x.id for x in items] == ["a"]
    assert stats.skipped == {"directory loops": 1}


def test_named_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "page.php"
    shutil.copy(FIXTURES / "ferry-strike.html", page)
    notes = tmp_path / "notes"
    notes.write_text("Notes\n\nThe plan is sound, the engineer said.\n")
    a, b = read(page, notes)
    assert isinstance(a, Article) and a.url and a.id == "page"
    assert isinstance(b, Article) and b.text.startswith("Notes") and b.id == "notes"


def test_stdin_sniffs_html_and_text() -> None:
    html = (FIXTURES / "ferry-strike.html").read_bytes()
    a = discover.read_stdin(MB, io.BytesIO(html))
    assert isinstance(a, Article) and a.id == "stdin" and a.title == "Ferry Workers Call Off Strike"
    t = discover.read_stdin(MB, io.BytesIO(b"Plain\n\nJust text, he said.\n"))
    assert isinstance(t, Article) and t.text == "Plain\n\nJust text, he said.\n"
    big = discover.read_stdin(10, io.BytesIO(b"x" * 100))
    assert isinstance(big, Failure) and "--max-bytes" in big.error


def test_reading_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nFirst, he said.\n")
    stream = discover.read_inputs([str(tmp_path / "a.txt"), "/no/such/dir/x.txt"], MB)
    assert isinstance(next(stream), Article)  # the second path is not touched yet


def test_article_from_string() -> None:
    text = "  Headline\n\nThe deal is done, he said.\n"
    a = discover.article_from_string(text, id="t")
    assert a.text == text and a.id == "t" and a.title == "Headline"
    h = discover.article_from_string((FIXTURES / "ferry-strike.html").read_text(encoding="utf-8"))
    assert h.title == "Ferry Workers Call Off Strike" and "Marta Olsen" in h.text
    with pytest.raises(ValueError, match="no article text"):
        discover.article_from_string((FIXTURES / "menu-only.html").read_text(encoding="utf-8"))
    assert discover.article_from_string("Share this:\n").body == ((0, 12),)


@pytest.mark.parametrize("text, html", [
    ("<p>One paragraph.</p>", True), ("\n  <!DOCTYPE html><html>", True),
    ("He said 3 < 4 and left.", False), ("Plain words only.", False),
    ("Intro line\n<div class='x'>text</div>", True),
])
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_suffix_and_stem() -> None:
    assert kinds.suffix_of("a/b/crawl.warc.gz") == ".warc.gz"
    assert kinds.stem_of("a/b/crawl.warc.gz") == "crawl"
    assert kinds.stem_of("x/Story.HTML") == "Story"
