"""readers/decode.py: encodings, binary and empty files, each problem one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from reading import only, read

from saidwhat.records import Article, Failure


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
