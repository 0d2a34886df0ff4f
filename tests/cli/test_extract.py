"""`saidwhat extract` through the CLI: outputs, one-line failures, counts, exit statuses."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from saidwhat import cli
from saidwhat.cli import extract
from saidwhat.evaluation import brat
from saidwhat.io import saved

FIXTURES = Path(__file__).parents[1] / "fixtures"
SUMMARY = re.compile(
    r"saidwhat: (\d+) articles? in, (\d+) written, (\d+) failed, (\d+) attributions")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `saidwhat extract` in this process: (status, stdout, stderr)."""
    status = cli.main(["extract", "--workers", "1", "-q", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def counts(err: str) -> tuple[int, int, int, int]:
    """The numbers of the summary line; in = written + failed always."""
    m = SUMMARY.search(err)
    assert m, err
    read, written, failed, attributions = map(int, m.groups())
    assert read == written + failed
    return read, written, failed, attributions


def test_single_file_to_jsonl_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(FIXTURES / "harbour-plan.txt"))
    assert status == 0
    record = json.loads(out)
    assert record["id"] == "harbour-plan" and record["title"].startswith("Council Approves")
    assert counts(err)[:3] == (1, 1, 0)
    assert counts(err)[3] == len(record["attributions"])


def test_mixed_directory_reports_each_bad_file(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "harbour-plan.txt", tmp_path / "good.txt")
    shutil.copy(FIXTURES / "ferry-strike.html", tmp_path / "good.html")
    shutil.copy(FIXTURES / "menu-only.html", tmp_path / "menu.html")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8")
    status, out, err = run(capsys, str(tmp_path))
    assert status == 1
    assert sorted(json.loads(line)["id"] for line in out.splitlines()) == ["good", "good"]
    assert f"saidwhat: {tmp_path / 'empty.txt'}: empty file" in err
    assert f"saidwhat: {tmp_path / 'binary.txt'}: binary file, not text" in err
    assert f"saidwhat: {tmp_path / 'menu.html'}: no article text found" in err
    assert "skipped 1 file in directories (1 .jpg file)" in err
    assert counts(err)[:3] == (5, 2, 3)


def test_jsonl_input_broken_lines_named(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "wire.jsonl"
    status, out, err = run(capsys, str(path))
    assert status == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["wire-001", "wire-3"]
    assert f"saidwhat: {path}:2: not valid JSON" in err
    assert counts(err)[:3] == (5, 2, 3)


def test_missing_file_and_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "/no/such/article.txt", str(FIXTURES / "harbour-plan.txt"))
    assert status == 1
    assert "saidwhat: /no/such/article.txt: no such file or directory" in err
    assert counts(err)[:3] == (2, 1, 1)


def test_oversized_file_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.seek(50_000_000 - 1)
        fh.write(b"\n")
    status, _, err = run(capsys, str(big))
    assert status == 1
    assert "50,000,000 bytes, over the 10,000,000-byte limit (raise it with --max-bytes)" in err
    status, _, err = run(capsys, "--max-bytes", "60000000", str(big))
    assert "binary file" in err  # read once allowed: a sparse file is all NUL bytes


def test_non_utf8_noted_but_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners worried, the mayor said.\n".encode("cp1252"))
    status, out, err = run(capsys, str(path))
    assert status == 0
    assert f"saidwhat: {path}: note: not UTF-8" in err
    assert json.loads(out)["text"].startswith("Café")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Headline\n\nThe bridge will close, officials said.\n"))
    monkeypatch.setattr("sys.stdin", stdin)
    status, out, err = run(capsys, "-")
    assert status == 0 and json.loads(out)["id"] == "stdin"


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = str(FIXTURES / "harbour-plan.txt")
    for argv in (["-f", "brat", good], ["-f", "parquet", good], ["--max-bytes", "0", good]):
        status, out, err = run(capsys, *argv)
        assert status == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and err.startswith("saidwhat extract: error:")


def test_model_that_does_not_exist(capsys: pytest.CaptureFixture[str]) -> None:
    good = str(FIXTURES / "harbour-plan.txt")
    status, _, err = run(capsys, "--model", "no_such_pipeline_xyz", good)
    assert status == 2
    assert "no_such_pipeline_xyz" in err and len(err.strip().splitlines()) == 1


def test_model_failing_while_running(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> Iterator[object]:
        raise RuntimeError("worker processes could not load the model: boom")
        yield  # pragma: no cover

    monkeypatch.setattr("saidwhat.run.runners.process", broken)
    status, _, err = run(capsys, str(FIXTURES / "harbour-plan.txt"))
    assert status == 2 and "could not load the model: boom" in err


def test_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, str(tmp_path))
    assert status == 1 and "no articles found" in err


def test_output_formats_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [str(FIXTURES / "harbour-plan.txt"), str(FIXTURES / "ferry-strike.html")]
    assert run(capsys, "-o", str(tmp_path / "out.csv"), *inputs)[0] == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("article_id,kind,type")
    assert run(capsys, "-o", str(tmp_path / "out.parquet"), *inputs)[0] == 0
    assert [a.id for a, _ in saved.read_saved(tmp_path / "out.parquet")] == [
        "harbour-plan", "ferry-strike"]
    assert run(capsys, "-f", "brat", "-o", str(tmp_path / "brat"), *inputs)[0] == 0
    ann = brat.read_ann(tmp_path / "brat" / "harbour-plan.ann",
                        (tmp_path / "brat" / "harbour-plan.txt").read_text(encoding="utf-8"))
    assert ann.problems == ()
    assert run(capsys, "-f", "table", "-o", str(tmp_path / "t.txt"), *inputs)[0] == 0
    assert "harbour-plan" in (tmp_path / "t.txt").read_text(encoding="utf-8")


def test_choose_format() -> None:
    assert extract.choose_format(None, "-", stdout_is_tty=True) == "table"
    assert extract.choose_format(None, "-", stdout_is_tty=False) == "jsonl"
    assert extract.choose_format(None, "x.csv", stdout_is_tty=True) == "csv"
    assert extract.choose_format("jsonl", "x.csv", stdout_is_tty=True) == "jsonl"


def warc_record(uri: str, html: bytes, uid: str) -> bytes:
    """One WARC/1.0 response record holding an HTML page."""
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             + f"Content-Length: {len(html)}\r\n\r\n".encode() + html)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uid}>\r\n"
            f"WARC-Date: 2024-05-14T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def test_warc_input_dispatched_and_counted(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    html = (FIXTURES / "ferry-strike.html").read_bytes()
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("https://coastcourier.example/a", html, "u-1")
                     + warc_record("https://coastcourier.example/b", html, "u-2"))
    status, out, err = run(capsys, str(path))
    assert status == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["u-1", "u-2"]
    assert "2 WARC records: 2 articles" in err
    assert counts(err)[:3] == (2, 2, 0)


def test_default_workers() -> None:
    assert extract.default_workers(["a.txt", "b.html"], None) == 1
    assert extract.default_workers(["a.txt"], 3) == 3
    assert extract.default_workers(["dump.jsonl"], None) is None
    assert extract.default_workers(["-"], None) is None
    assert extract.default_workers([f"{i}.txt" for i in range(10)], None) is None
