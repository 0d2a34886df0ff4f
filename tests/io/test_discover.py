"""Reading inputs: every file kind, every bad input a one-line Failure, offsets kept exact."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest
from reading import FIXTURES, MB, only, read

from saidwhat.io import discover, kinds
from saidwhat.io.readers import decode
from saidwhat.io.readers.html import looks_like_html
from saidwhat.records import Article, Failure


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
