"""readers/jsonl.py: one article per line, a broken line a Failure naming file:line."""

from __future__ import annotations

import json
from pathlib import Path

from reading import FIXTURES, only, read

from saidwhat.records import Article, Failure


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
