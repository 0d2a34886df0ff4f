"""Output writers (table, jsonl, csv, brat, parquet), each streaming one article at a time.

Also `RECORD_SCHEMA`, the Arrow schema of a saved article (shared with the Spark runner);
`saidwhat.io.saved` reads jsonl or parquet output back.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import IO, Any, Protocol

import pyarrow as pa

from saidwhat.records import Article, Attribution, Mention, Offsets

FORMATS = ("table", "jsonl", "csv", "brat", "parquet")
DIRECTORY_FORMATS = ("brat",)  # write into a directory, never to stdout
BINARY_FORMATS = ("parquet",)  # never to a terminal or stdout

_SPANS = pa.list_(pa.list_(pa.int64()))
_MENTION = pa.struct([("text", pa.string()), ("spans", _SPANS)])
_SPEAKER = pa.struct([("name", pa.string()), ("id", pa.string()), ("type", pa.string()),
                      ("resolved_by", pa.string())])
ATTRIBUTION_TYPE = pa.struct([
    ("kind", pa.string()), ("type", pa.string()),
    ("content", _MENTION), ("cue", _MENTION), ("source", _MENTION),
    ("speaker", _SPEAKER), ("confidence", pa.float64()),
])
POSITION_TYPE = pa.struct([
    ("relation", pa.string()), ("source", pa.string()), ("source_id", pa.string()),
    ("target", pa.string()), ("polarity", pa.string()), ("a", pa.string()), ("a_id", pa.string()),
    ("b", pa.string()), ("b_id", pa.string()), ("topic", pa.string()), ("explicit", pa.bool_()),
    ("evidence", _MENTION),
])
RECORD_SCHEMA = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("published", pa.string()), ("text", pa.string()), ("body", _SPANS),
    ("attributions", pa.list_(ATTRIBUTION_TYPE)), ("positions", pa.list_(POSITION_TYPE)),
    ("errors", pa.list_(pa.string())),
])
"""One row per article, the fields of Article.to_dict(); attributions a list of structs."""

ROW_GROUP_ARTICLES = 512  # a Parquet row group holds at most this many articles...
ROW_GROUP_CHARS = 32_000_000  # ...or about this much text, whichever comes first

CSV_COLUMNS = (
    "article_id", "kind", "type", "speaker", "speaker_id", "speaker_type", "resolved_by",
    "source", "cue", "content", "content_start", "content_end", "source_start", "source_end",
    "cue_start", "cue_end", "confidence", "title", "url", "published",
)


class Sink(Protocol):
    """A writer of processed articles, one at a time."""

    def write(self, article: Article) -> None:
        """Write one article."""

    def close(self) -> None:
        """Finish the output (flush, write footers, close files)."""


class JsonlSink:
    """One Article.to_dict() JSON object per line, UTF-8, non-ASCII kept."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, article: Article) -> None:
        """Write one article as one line."""
        self.out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Flush the stream."""
        self.out.flush()


def _piece(m: Mention | None, index: int) -> int | str:
    """The start (0) or end (1) offset of a mention; '' without one."""
    if m is None or not m.spans:
        return ""
    return m.start if index == 0 else m.end


def csv_row(article: Article, a: Attribution) -> dict[str, Any]:
    """One attribution as a flat CSV row."""
    sp = a.speaker
    return {
        "article_id": article.id, "kind": a.kind, "type": a.type,
        "speaker": sp.name if sp else "", "speaker_id": sp.id if sp else "",
        "speaker_type": sp.type if sp else "", "resolved_by": sp.resolved_by if sp else "",
        "source": a.source.text if a.source else "", "cue": a.cue.text if a.cue else "",
        "content": a.content.text,
        "content_start": _piece(a.content, 0), "content_end": _piece(a.content, 1),
        "source_start": _piece(a.source, 0), "source_end": _piece(a.source, 1),
        "cue_start": _piece(a.cue, 0), "cue_end": _piece(a.cue, 1),
        "confidence": round(a.confidence, 3),
        "title": article.title or "", "url": article.url or "",
        "published": article.published or "",
    }


class CsvSink:
    """One attribution per row, with its article's id and metadata."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def write(self, article: Article) -> None:
        """Write one row per attribution of the article."""
        for a in article.attributions:
            self.writer.writerow(csv_row(article, a))

    def close(self) -> None:
        """Flush the stream."""
        self.out.flush()


def trim(text: str, width: int = 160) -> str:
    """Text on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def resolution(a: Attribution) -> str:
    """How the source was resolved: 'he → Putin (pronoun)'."""
    source = trim(a.source.text, 40) if a.source else "—"
    if a.speaker is None:
        return source
    if a.source and a.speaker.name == a.source.text:
        return f"{source} ({a.speaker.resolved_by})"
    return f"{source} → {a.speaker.name} ({a.speaker.resolved_by})"


class TableSink:
    """A rich table per article, titled with its id: speaker, kind, type, quote, source."""

    def __init__(self, out: IO[str], width: int | None = None) -> None:
        from rich.console import Console

        self.out = out
        terminal = out.isatty() if hasattr(out, "isatty") else False
        self.console = Console(file=out, width=width or (None if terminal else 120),
                               force_terminal=terminal, highlight=False)

    def write(self, article: Article) -> None:
        """Print one article's attributions as a table (one line when it has none)."""
        from rich.table import Table
        from rich.text import Text

        heading = f"{article.id}" + (f" — {trim(article.title, 80)}" if article.title else "")
        if not article.attributions:
            self.console.print(Text(f"{heading}: no attributions", style="dim"))
            return
        table = Table(title=Text(heading, style="bold"), title_justify="left", expand=False,
                      show_lines=False, header_style="bold")
        table.add_column("speaker", style="cyan", max_width=24)
        table.add_column("kind")
        table.add_column("type")
        table.add_column("quote", ratio=1)
        table.add_column("source → speaker", max_width=32)
        for a in article.attributions:
            table.add_row(a.speaker.name if a.speaker else "?", a.kind, a.type,
                          trim(a.content.text, QUOTE_WIDTH), resolution(a))
        self.console.print(table)

    def close(self) -> None:
        """Flush the stream."""
        self.out.flush()


QUOTE_WIDTH = 110  # table quotes are cut to this many characters

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _file_name(article_id: str) -> str:
    """An article id as a safe file name stem."""
    return _UNSAFE.sub("_", article_id).strip("._") or "article"


def brat_pieces(text: str, spans: Offsets) -> Offsets:
    """Spans cut at line breaks and trimmed of whitespace, as brat annotations expect."""
    pieces = []
    for s, e in spans:
        pos = s
        for part in re.split(r"(\n)", text[s:e]):
            lead = len(part) - len(part.lstrip())
            core = part.strip()
            if part != "\n" and core:
                pieces.append((pos + lead, pos + lead + len(core)))
            pos += len(part)
    return tuple(pieces)


def brat_lines(article: Article) -> list[str]:
    """The .ann lines of an article: T lines for Source, Cue, Content and trigger, one E each."""
    lines: list[str] = []
    counter = {"T": 0, "E": 0}

    def bound(label: str, spans: Offsets) -> str | None:
        pieces = brat_pieces(article.text, spans)
        if not pieces:
            return None
        counter["T"] += 1
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        quoted = " ".join(article.text[s:e] for s, e in pieces)
        lines.append(f"T{counter['T']}\t{label} {offsets}\t{quoted}")
        return f"T{counter['T']}"

    for a in article.attributions:
        content = bound("Content", a.content.spans)
        if content is None:
            continue
        source = bound("Source", a.source.spans) if a.source else None
        cue = bound("Cue", a.cue.spans) if a.cue else None
        event = "Attribution" if source else "Attribution-no-source"
        trigger = bound(event, a.cue.spans if a.cue and cue else a.content.spans)
        counter["E"] += 1
        args = [f"{event}:{trigger}", f"Content:{content}"]
        args += [f"Cue:{cue}"] if cue else []
        args += [f"Source:{source}"] if source else []
        lines.append(f"E{counter['E']}\t" + " ".join(args))
    return lines


class BratSink:
    """brat standoff: NAME.txt and NAME.ann per article in a directory, as in PolNeAR."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise ValueError(f"brat output must be a directory, and {directory} is a file")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()

    def name_for(self, article: Article) -> str:
        """A file stem unique within this output."""
        base = _file_name(article.id)
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        return name

    def write(self, article: Article) -> None:
        """Write NAME.txt (the text, unchanged) and NAME.ann."""
        name = self.name_for(article)
        (self.directory / f"{name}.txt").write_text(article.text, encoding="utf-8", newline="")
        lines = brat_lines(article)
        (self.directory / f"{name}.ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", newline="")

    def close(self) -> None:
        """Nothing to finish: every article is written whole."""


class ParquetSink:
    """RECORD_SCHEMA rows, written in bounded row groups as articles stream in."""

    def __init__(self, path: str | Path) -> None:
        import pyarrow.parquet as pq

        self.writer = pq.ParquetWriter(str(path), RECORD_SCHEMA, compression="zstd")
        self.rows: list[dict[str, Any]] = []
        self.chars = 0

    def write(self, article: Article) -> None:
        """Buffer one article; flush a row group when the buffer is full."""
        self.rows.append(article.to_dict())
        self.chars += len(article.text)
        if len(self.rows) >= ROW_GROUP_ARTICLES or self.chars >= ROW_GROUP_CHARS:
            self.flush()

    def flush(self) -> None:
        """Write buffered articles as one row group."""
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=RECORD_SCHEMA))
            self.rows, self.chars = [], 0

    def close(self) -> None:
        """Write the last row group and the footer."""
        self.flush()
        self.writer.close()


class _Closing:
    """A sink that also closes the file it writes to."""

    def __init__(self, sink: Sink, fh: IO[str]) -> None:
        self.sink, self.fh = sink, fh

    def write(self, article: Article) -> None:
        """Write through to the sink."""
        self.sink.write(article)

    def close(self) -> None:
        """Close the sink, then the file."""
        try:
            self.sink.close()
        finally:
            self.fh.close()


def open_sink(fmt: str, output: str = "-") -> Sink:
    """A sink for format `fmt` writing to `output` (a file, a directory for brat, - for stdout)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    to_stdout = output in ("-", "")
    if to_stdout and fmt in DIRECTORY_FORMATS + BINARY_FORMATS:
        need = "a directory" if fmt in DIRECTORY_FORMATS else "a file"
        raise ValueError(f"{fmt} output needs {need}: give it with -o")
    if fmt == "brat":
        return BratSink(output)
    if fmt == "parquet":
        return ParquetSink(output)
    fh = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="")
    sink: Sink
    if fmt == "jsonl":
        sink = JsonlSink(fh)
    elif fmt == "csv":
        sink = CsvSink(fh)
    else:
        sink = TableSink(fh)
    return sink if to_stdout else _Closing(sink, fh)


def format_for(output: str) -> str | None:
    """The format an output file name implies (.jsonl, .csv, .parquet, .txt), else None."""
    suffix = Path(output).suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
            ".parquet": "parquet", ".txt": "table"}.get(suffix)

