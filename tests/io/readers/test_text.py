"""readers/text.py: a .txt file is one article, its text exactly as decoded."""

from __future__ import annotations

from pathlib import Path

from reading import FIXTURES, only, read

from saidwhat.records import Article


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


def test_double_decoded_utf8_is_repaired_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_text("Mayor Tom\u00c3\u00a1s Regalado said the plan works.\n", encoding="utf-8")
    a = only(read(path))
    assert isinstance(a, Article)
    assert a.text == "Mayor Tomás Regalado said the plan works.\n"
    assert any("mis-decoded" in e for e in a.errors)
