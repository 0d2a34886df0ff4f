"""Generated hostile inputs (no third-party text): each class with how many records it holds
and how many of them must be written and how many must fail."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quote(n: int, who: str = "Mary Jones") -> str:
    """A short generated article text with one attribution."""
    return f"Item {n}\n\n“Ferry number {n} will run again on Monday,” {who} said at the harbour."


def record(n: int, **extra: object) -> dict[str, object]:
    """A JSONL input record."""
    return {"id": f"r{n}", "text": quote(n), **extra}


def jsonl(records: Sequence[object], eol: bytes = b"\n") -> bytes:
    """Records as JSON lines (a str element is written as is)."""
    return b"".join((r if isinstance(r, str) else json.dumps(r)).encode() + eol for r in records)


@dataclass(frozen=True)
class Case:
    """A generated input: file name (bytes: may not be UTF-8), what to write, expected counts."""

    name: bytes
    write: Callable[[Path], None]
    written: int
    failed: int


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def _parquet_with_bad_row(path: Path) -> None:
    """Ten saved records (extract's own Parquet output), row 6 malformed (its text missing)."""
    import pyarrow.parquet as pq

    from saidwhat.io import sinks
    from saidwhat.records import Article

    sink = sinks.open_sink("parquet", str(path))
    for n in range(10):
        sink.write(Article(id=f"p{n}", text=quote(100 + n), body=((0, len(quote(100 + n))),)))
    sink.close()
    table = pq.read_table(path)
    columns = table.to_pydict()
    columns["text"][5] = None
    pq.write_table(table.from_pydict(columns, schema=table.schema), path)


DEEP = 5000


def cases() -> list[Case]:
    """Every hostile input class of issue 14, items 1 and 2."""
    deep = '{"text": "x", "a": ' + "[" * DEEP + "]" * DEEP + "}"
    return [
        Case(b"deep.jsonl", _bytes(jsonl([record(20), deep, record(21)])), 2, 1),
        Case(b"cr-only.jsonl", _bytes(jsonl([record(n) for n in range(3)], b"\r")), 3, 0),
        Case(b"mixed-eol.jsonl", _bytes(jsonl([record(3)], b"\r\n") + jsonl([record(4)], b"\r")
                                        + jsonl([record(5)]) + jsonl([record(6)], b"")), 4, 0),
        Case(b"bom.jsonl", _bytes(b"\xef\xbb\xbf" + jsonl([record(7), record(8)])), 2, 0),
        Case(b"surrogates.jsonl", _bytes(
            b'{"id": "\\ud800x", "title": "\\udc00t", "url": "https://x.example/\\udfff",'
            b' "text": "\\ud83d ' + json.dumps(quote(9))[1:-1].encode() + b'"}\n'), 1, 0),
        Case(b"not-utf8-\xff-name.txt", _bytes(quote(10).encode()), 1, 0),
        Case(b"new\nline\x1b[31mred.txt", _bytes(quote(11).encode()), 1, 0),
        Case(b"escape\x1b]0;title\x07.jsonl", _bytes(b"{oops\n" + jsonl([record(12)])), 1, 1),
        Case(b"saved.parquet", _parquet_with_bad_row, 9, 1),
    ]


def write_cases(folder: Path, selected: Sequence[Case] | None = None) -> list[Case]:
    """Write the cases into folder; those the file system cannot name are left out."""
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for case in selected if selected is not None else cases():
        try:
            case.write(Path(os.fsdecode(os.path.join(os.fsencode(folder), case.name))))
        except (OSError, UnicodeError):
            continue
        done.append(case)
    return done


def unprivileged() -> list[str] | None:
    """A command prefix under which file permissions bind (root loses CAP_DAC_OVERRIDE), or None
    when that cannot be had."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def saidwhat(*args: str, prefix: Sequence[str] = (), timeout: float = 300,
             cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the saidwhat command in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "saidwhat", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=cwd,
                          errors="backslashreplace")


def warc_response(uri: str, html: str, uid: str) -> bytes:
    """One WARC/1.0 response record holding an HTML page, written by hand."""
    payload = html.encode()
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uid}>\r\n"
            f"WARC-Date: 2024-05-14T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def news_page(n: int, inner: str = "") -> str:
    """A small generated news page (its article optionally wrapped in `inner` markup)."""
    body = "".join(f"<p>{quote(n * 10 + k)}</p>" for k in range(4))
    return (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"{inner.replace('BODY', body) if inner else body}</article></body></html>")
