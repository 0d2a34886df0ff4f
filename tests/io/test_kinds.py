"""The one table of input kinds, and every reader of inputs going through it."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from saidwhat.io import discover, kinds
from saidwhat.records import Article


def test_every_kind_names_a_reader_and_suffixes_are_unique() -> None:
    for kind in kinds.KINDS:
        module, function = kind.reader.split(":")
        assert callable(getattr(importlib.import_module(module), function)), kind.name
    assert len(kinds.SUFFIXES) == len(set(kinds.SUFFIXES))
    assert all(s.startswith(".") and s == s.lower() for s in kinds.SUFFIXES)


@pytest.mark.parametrize("name, kind", [
    ("a.TXT", "text"), ("b.xhtml", "html"), ("c.ndjson", "jsonl"), ("d.warc.gz", "warc"),
    ("e.WARC", "warc"), ("f.parquet", "parquet"), ("g.gz", None), ("README", None),
])
def test_kind_of_by_suffix(name: str, kind: str | None) -> None:
    found = kinds.kind_of(name)
    assert (found.name if found else None) == kind


def test_one_article_kinds_are_text_and_html() -> None:
    assert {k.name for k in kinds.KINDS if k.one_article} == {"text", "html"}


def test_every_kind_is_found_in_a_directory_by_discovery_index_and_spark(tmp_path: Path) -> None:
    from saidwhat.run import spark

    names = [f"x{i}{suffix}" for i, suffix in enumerate(kinds.SUFFIXES)]
    for name in names + ["notes.md", ".hidden.txt"]:
        (tmp_path / name).write_bytes(b"")
    found = sorted(Path(p).name for p in discover.input_files([str(tmp_path)]))
    assert found == sorted(names)
    assert sorted(Path(p).name for p in spark.local_files(str(tmp_path))) == sorted(names)


def test_a_kind_reads_through_its_reader(tmp_path: Path) -> None:
    path = tmp_path / "wire.ndjson"
    path.write_text(json.dumps({"id": "w1", "text": "“Yes,” Ann Lee said on Monday."}) + "\n",
                    encoding="utf-8")
    (item,) = list(kinds.named("jsonl").read(path, kinds.DEFAULT_MAX_BYTES, kinds.IngestStats()))
    assert isinstance(item, Article) and item.id == "w1"
