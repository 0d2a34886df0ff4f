"""Issue 14, items 1-2: one bad record never takes the batch down, nothing is silently dropped."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import hostile
import pytest

from saidwhat.io import discover
from saidwhat.io.clean import clean_item, printable, scrub
from saidwhat.io.readers import decode, jsonl
from saidwhat.records import Article, Failure


def read_folder(folder: Path) -> list[Article | Failure]:
    return list(discover.read_inputs([str(folder)], 1_000_000))


def origin_file(item: Article | Failure) -> str:
    """The file part of an item's origin (without :line or :row N)."""
    origin = item.origin or ""
    return re.sub(r":(row )?\d+$", "", origin)


@pytest.mark.parametrize("case", hostile.cases(), ids=lambda c: printable(os.fsdecode(c.name)))
def test_each_class_counts_in_as_written_plus_failed(tmp_path: Path, case: hostile.Case) -> None:
    written = hostile.write_cases(tmp_path, [case])
    if not written:
        pytest.skip("the file system cannot hold this file name")
    items = read_folder(tmp_path)
    articles = [x for x in items if isinstance(x, Article)]
    failures = [x for x in items if isinstance(x, Failure)]
    assert (len(articles), len(failures)) == (case.written, case.failed), failures
    for item in items:  # every field encodes, every origin prints on one line
        for value in (getattr(item, "text", ""), getattr(item, "title", None) or ""):
            value.encode("utf-8")
        for value in (item.origin or "", getattr(item, "id", ""), getattr(item, "error", "")):
            assert value.isprintable(), value


def test_all_classes_together_nothing_lost(tmp_path: Path) -> None:
    cases = hostile.write_cases(tmp_path)
    items = read_folder(tmp_path)
    assert len(items) == sum(c.written + c.failed for c in cases)
    assert sum(isinstance(x, Article) for x in items) == sum(c.written for c in cases)


def test_failure_lines_name_file_and_line(tmp_path: Path) -> None:
    hostile.write_cases(tmp_path, [c for c in hostile.cases() if c.name in (
        b"deep.jsonl", b"saved.parquet")])
    failures = [x for x in read_folder(tmp_path) if isinstance(x, Failure)]
    assert [f.origin for f in failures] == [f"{tmp_path}/deep.jsonl:2",
                                            f"{tmp_path}/saved.parquet:row 6"]
    assert failures[0].error == "not valid JSON: nested too deeply"
    assert "'text' is not a string" in failures[1].error


def test_cr_only_lines_are_numbered_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "cr.jsonl"
    path.write_bytes(hostile.jsonl([hostile.record(1), "{bad", hostile.record(2)], b"\r"))
    items = read_folder(tmp_path)
    assert [x.origin for x in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert isinstance(items[1], Failure)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
def test_lines_splits_any_ending_across_chunk_edges(chunk: int) -> None:
    data = b"a\r\nbb\rccc\n\rd\r\r\ne"
    got = [line for line, _ in decode.lines(io.BytesIO(data), 100, chunk=chunk)]
    assert got == [b"a", b"bb", b"ccc", b"", b"d", b"", b"e"]


def test_lines_over_limit_reported_with_size_not_held() -> None:
    data = b"short\n" + b"x" * 5000 + b"\rtail"
    got = list(decode.lines(io.BytesIO(data), 100, chunk=64))
    assert got == [(b"short", 5), (None, 5000), (b"tail", 4)]


def test_unreadable_directory_is_one_failure_and_the_rest_is_read(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    (tmp_path / "a.txt").write_text(hostile.quote(1))
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(hostile.quote(2))
    (tmp_path / "z.txt").write_text(hostile.quote(3))
    real_iterdir = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    items = read_folder(tmp_path)
    assert [type(x).__name__ for x in items] == ["Article", "Failure", "Article"]
    assert items[1].origin == str(locked)
    assert items[1].error == "cannot read directory: permission denied"  # type: ignore[union-attr]


def test_unexpected_error_in_a_reader_is_a_failure(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.jsonl").write_bytes(hostile.jsonl([hostile.record(1)]))
    (tmp_path / "b.txt").write_text(hostile.quote(2))

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(jsonl, "read_jsonl", boom)
    items = read_folder(tmp_path)
    assert isinstance(items[0], Failure) and "reader bug" in items[0].error
    assert isinstance(items[1], Article)


def test_printable_escapes_controls_and_undecodable_bytes() -> None:
    assert printable("ok name.txt") == "ok name.txt"
    assert printable("a\nb\x1b[31mc\x07") == "a\\nb\\x1b[31mc\\x07"
    assert printable(os.fsdecode(b"x\xffy")) == "x\\xffy"
    assert printable("rtl\u202etxt.exe") == "rtl\\u202etxt.exe"


def test_scrub_keeps_offsets() -> None:
    text = "a\ud800b\udfffc"
    assert scrub(text) == "a\ufffdb\ufffdc" and len(scrub(text)) == len(text)
    article = Article(id="\ud800", text=text, body=((0, len(text)),), title="t\udc00")
    cleaned = clean_item(article)
    assert isinstance(cleaned, Article) and cleaned.id == "\\ud800" and cleaned.title == "t\ufffd"
    assert cleaned.body == article.body
