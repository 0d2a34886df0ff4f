"""Issue 14, items 1-2 end to end: `extract` and `index` over every hostile input class at once
(plus a directory the user cannot read): counts in = written + failed, one escaped line each."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import hostile
import pytest


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """Every hostile class in one folder, a locked subfolder and an unreadable file;
    (folder, written, failed)."""
    root = tmp_path_factory.mktemp("hostile")
    cases = hostile.write_cases(root)
    written = sum(c.written for c in cases)
    failed = sum(c.failed for c in cases)
    prefix = hostile.unprivileged()
    if prefix is not None:
        locked = root / "locked"
        locked.mkdir()
        (locked / "hidden.txt").write_text(hostile.quote(99))
        locked.chmod(0)
        secret = root / "secret.txt"
        secret.write_text(hostile.quote(98))
        secret.chmod(0)
        failed += 2
    return root, written, failed


def check_stderr(stderr: str) -> list[str]:
    """stderr lines: no traceback, no raw escape or bell codes reach the terminal."""
    assert "Traceback" not in stderr, stderr
    assert "\x1b" not in stderr and "\x07" not in stderr, stderr
    return stderr.splitlines()


def test_extract_counts(folder: tuple[Path, int, int], tmp_path: Path) -> None:
    root, written, failed = folder
    out = tmp_path / "out.jsonl"
    done = hostile.saidwhat("extract", "-q", "--workers", "1", "-f", "jsonl", "-o", str(out),
                            str(root), prefix=hostile.unprivileged() or [])
    lines = check_stderr(done.stderr)
    assert done.returncode == 1
    assert lines[-1].startswith(f"saidwhat: {written + failed} articles in, {written} written, "
                                f"{failed} failed"), lines
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == written
    failures = [x for x in lines if re.search(r": (not valid JSON|not a saidwhat|cannot read)", x)]
    assert len(failures) == failed, lines
    assert any("escape\\x1b]0;title\\x07.jsonl:1: not valid JSON" in x for x in failures)


def test_index_counts(folder: tuple[Path, int, int], tmp_path: Path) -> None:
    root, written, failed = folder
    db = tmp_path / "i.db"
    done = hostile.saidwhat("index", "-q", "--workers", "1", "--db", str(db), str(root),
                            prefix=hostile.unprivileged() or [])
    lines = check_stderr(done.stderr)
    assert done.returncode == 1
    assert lines[-1].startswith(f"{written + failed} in, {written} indexed, 0 already indexed, "
                                f"{failed} failed"), lines
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == written
    assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == failed
