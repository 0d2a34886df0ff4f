"""Output writers: each format written, parsed back, and round-tripped where it can be."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from saidwhat.evaluation import brat
from saidwhat.io import saved, sinks
from saidwhat.io.sinks import brat as brat_sink
from saidwhat.io.sinks import csv as csv_sink
from saidwhat.io.sinks import parquet as parquet_sink
from saidwhat.io.sinks import table as table_sink
from saidwhat.records import Article, Attribution, Mention, Speaker

TEXT = ("Leaders meet\n\n“We agreed on nothing,” Ms. Lopez said. “Nothing at all.”\n\n"
        "The talks were useful, officials said.\n")


def sample() -> Article:
    """An article with a split direct quote with a resolved speaker, and one without a source."""
    first = TEXT.index("“We")
    second = TEXT.index("“Nothing")
    quote = Mention.from_spans(TEXT, [(first, TEXT.index(",”") + 2), (second, second + 16)])
    source = Mention.from_spans(TEXT, [(TEXT.index("Ms."), TEXT.index("Ms.") + 9)])
    cue = Mention.from_spans(TEXT, [(TEXT.index(" said") + 1, TEXT.index(" said") + 5)])
    direct = Attribution("direct", "speech", quote, cue, source,
                         Speaker("Maria Lopez", "maria-lopez", "PERSON", "alias"), 0.9)
    content = Mention.from_spans(TEXT, [(TEXT.index("The talks"), TEXT.index(", officials"))])
    unsourced = Attribution("indirect", "speech", content, None, None, None, 0.5)
    return Article(id="leaders/meet 1", text=TEXT, title="Leaders meet", url="https://x.example/a",
                   published="2024-01-02", author="Ana Ruiz", body=((0, len(TEXT) - 1),),
                   block_quotes=((TEXT.index("The talks"), len(TEXT) - 1),),
                   attributions=(direct, unsourced), errors=("a note",))


def test_jsonl_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = sinks.open_sink("jsonl", str(out))
    sink.write(sample())
    sink.write(Article(id="plain", text="Nothing here.", body=((0, 13),)))
    sink.close()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "“We agreed" in lines[0]  # ensure_ascii off
    back = [a for a, _ in saved.read_saved(out)]
    assert back[0] == sample()
    assert back[1].id == "plain" and back[1].attributions == ()


def test_parquet_round_trip_in_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet_sink, "ROW_GROUP_ARTICLES", 2)
    out = tmp_path / "out.parquet"
    sink = sinks.open_sink("parquet", str(out))
    articles = [sample()] + [Article(id=f"a{i}", text=f"Text {i}.", body=((0, 7),))
                             for i in range(4)]
    for a in articles:
        sink.write(a)
    sink.close()
    meta = pq.ParquetFile(str(out))
    assert meta.schema_arrow == parquet_sink.RECORD_SCHEMA
    assert meta.num_row_groups == 3
    assert [a for a, _ in saved.read_saved(out)] == articles


def test_csv_one_row_per_attribution() -> None:
    buf = io.StringIO()
    sink = csv_sink.CsvSink(buf)
    sink.write(sample())
    sink.write(Article(id="empty", text="x", body=((0, 1),)))
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 2
    assert tuple(rows[0]) == csv_sink.CSV_COLUMNS
    first = rows[0]
    assert (first["speaker"], first["resolved_by"], first["source"], first["cue"]) == (
        "Maria Lopez", "alias", "Ms. Lopez", "said")
    start, end = int(first["content_start"]), int(first["content_end"])
    assert TEXT[start:end].startswith("“We agreed") and TEXT[start:end].endswith("Nothing at all.")
    assert rows[1]["speaker"] == "" and rows[1]["source"] == ""


def test_table_shows_speaker_quote_and_resolution() -> None:
    buf = io.StringIO()
    sink = table_sink.TableSink(buf, width=160)
    sink.write(sample())
    sink.write(Article(id="quiet", text="x", body=((0, 1),)))
    shown = buf.getvalue()
    assert "leaders/meet 1" in shown and "Maria Lopez" in shown
    assert "Ms. Lopez → Maria Lopez (alias)" in shown
    assert "We agreed on nothing" in shown
    assert "quiet: no attributions" in shown


def test_trim_and_resolution() -> None:
    assert table_sink.trim("a  b\n c") == "a b c"
    cut = table_sink.trim("word " * 50, 20)
    assert cut.endswith("…") and len(cut) <= 20 and cut[:-1].split() == ["word"] * 3
    assert table_sink.trim("elephants " * 20, 25) == "elephants elephants…"  # never half a word
    assert table_sink.resolution(sample().attributions[1]) == "—"


def test_brat_output_parses_back(tmp_path: Path) -> None:
    sink = sinks.open_sink("brat", str(tmp_path / "out"))
    sink.write(sample())
    sink.write(sample())  # same id again: written under a second name, not over the first
    sink.close()
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["leaders_meet_1-2.ann", "leaders_meet_1-2.txt",
                     "leaders_meet_1.ann", "leaders_meet_1.txt"]
    text = (tmp_path / "out" / "leaders_meet_1.txt").read_text(encoding="utf-8")
    assert text == TEXT
    ann = (tmp_path / "out" / "leaders_meet_1.ann").read_text(encoding="utf-8")
    gold, problems = brat.parse_ann(ann, "leaders_meet_1.ann", text)
    assert problems == ()
    direct, unsourced = gold
    a = sample().attributions[0]
    assert direct.content == a.content.spans and direct.source == a.source.spans
    assert direct.cue == a.cue.spans
    assert unsourced.source == () and unsourced.cue == ()
    assert "\tAttribution-no-source:" in ann
    assert any(line.startswith("T") and ";" in line.split("\t")[1] for line in ann.splitlines())


def test_brat_pieces_split_at_line_breaks() -> None:
    text = "“First paragraph.\n\n“Second paragraph.”"
    assert brat_sink.brat_pieces(text, ((0, len(text)),)) == ((0, 17), (19, len(text)))


def test_stdout_refused_for_brat_and_parquet() -> None:
    for fmt in ("brat", "parquet"):
        with pytest.raises(ValueError, match="-o"):
            sinks.open_sink(fmt, "-")


def test_format_for() -> None:
    assert sinks.format_for("x.csv") == "csv"
    assert sinks.format_for("x.PARQUET") == "parquet"
    assert sinks.format_for("x.out") is None


def test_every_format_in_the_registry_has_its_sink_and_cli_choice() -> None:
    from saidwhat import cli

    for f in sinks.FORMAT_TABLE:
        assert callable(f.sink_class().write), f.name
        assert f.target in ("stream", "file", "directory")
    assert cli.FORMATS == sinks.FORMATS
    suffixes = [s for f in sinks.FORMAT_TABLE for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes))
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        sinks.open_sink("xml")
