"""Issue 14, items 5-7: a damaged index is detected and never trusted, another application's
database is never touched, and an index on read-only media can be read by every command."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import hostile
import pytest
from factories import quote_article

from saidwhat.index import guard, queries, store

ARTICLES = 60


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index of generated articles, built with the store (no model needed)."""
    path = tmp_path_factory.mktemp("db") / "index.db"
    conn = store.connect(path)
    for n in range(ARTICLES):
        store.add_article(conn, quote_article(
            f"a{n}", f"The ferry number {n} will run again on Monday morning",
            f"Mary Jones {n % 7}",
            url=f"https://news.example/{n}", published=f"2024-05-{1 + n % 28:02d}"))
    store.rebuild_speakers(conn)
    store.finish(conn)
    conn.close()
    return path


@pytest.fixture(scope="module")
def article_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "new.txt"
    path.write_text(hostile.quote(1))
    return path


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of a folder with the sha256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def one_error(done, *words: str) -> str:  # type: ignore[no-untyped-def]
    """The single stderr line of a command that must fail cleanly."""
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def damage(path: Path, pages: range, seed: int = 14) -> None:
    """Overwrite whole pages of a database file with random bytes."""
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    rnd = random.Random(seed)
    with open(path, "r+b") as fh:
        for page in pages:
            fh.seek(page * size)
            fh.write(bytes(rnd.randrange(256) for _ in range(size)))


# ------------------------------------------------------------------ 5. damaged index


@pytest.fixture()
def damaged(index: Path, tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    shutil.copy(index, path)
    pages = path.stat().st_size // sqlite3.connect(index).execute("PRAGMA page_size").fetchone()[0]
    damage(path, range(pages // 3, pages // 3 + 4))
    return path


def test_damaged_index_detected_on_open(damaged: Path) -> None:
    with pytest.raises(guard.DamagedIndex, match="--rebuild"):
        queries.open_readonly(damaged)
    with pytest.raises(guard.DamagedIndex):
        store.connect(damaged)


@pytest.mark.parametrize("command", [["speakers"], ["quotes", "--speaker", "Mary Jones 1"],
                                     ["search", "ferry"], ["serve", "--port", "1"]])
def test_damaged_index_one_line_for_every_reader(damaged: Path, command: list[str]) -> None:
    before = fingerprint(damaged.parent)
    done = hostile.saidwhat(command[0], "--db", str(damaged), *command[1:])
    one_error(done, str(damaged), "damaged", "saidwhat index --rebuild")
    assert fingerprint(damaged.parent) == before


def test_damaged_index_refused_by_index_then_rebuilt(damaged: Path, article_file: Path) -> None:
    before = fingerprint(damaged.parent)
    done = hostile.saidwhat("index", "-q", "--workers", "1", "--db", str(damaged),
                            str(article_file))
    one_error(done, "damaged", "--rebuild")
    assert fingerprint(damaged.parent) == before  # not trusted, not written
    done = hostile.saidwhat("index", "-q", "--workers", "1", "--rebuild", "--db", str(damaged),
                            str(article_file))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "set aside as" in done.stderr
    assert [p.name for p in damaged.parent.glob("damaged.db.*.bak")]
    conn = queries.open_readonly(damaged)
    assert queries.counts(conn).articles == 1


def test_newer_schema_refused(index: Path, tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    shutil.copy(index, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    one_error(hostile.saidwhat("speakers", "--db", str(path)), "newer saidwhat", "schema 99")


def test_index_carries_application_id_and_version(index: Path) -> None:
    conn = sqlite3.connect(index)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == guard.APPLICATION_ID
    assert guard.schema_version(conn) == guard.SCHEMA_VERSION


def test_legacy_index_without_application_id_is_adopted(index: Path, tmp_path: Path) -> None:
    path = tmp_path / "legacy.db"
    shutil.copy(index, path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id = 0")
    assert queries.counts(queries.open_readonly(path)).articles == ARTICLES
    store.connect(path).close()
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == (
        guard.APPLICATION_ID)


# ------------------------------------------------------------------ 6. someone else's database


def other_app(path: Path, app_id: int = 0) -> Path:
    """Another application's database that happens to have an `articles` table."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    conn.executemany("INSERT INTO articles (title, body) VALUES (?, ?)",
                     [(f"t{n}", "b" * 500) for n in range(50)])
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["articles-table", "other-app-id", "not-sqlite", "meta-only"])
def test_foreign_database_refused_untouched(tmp_path: Path, article_file: Path, kind: str
                                            ) -> None:
    path = tmp_path / "theirs.db"
    if kind == "articles-table":
        other_app(path)
    elif kind == "other-app-id":
        other_app(path, app_id=0x12345678)
    elif kind == "not-sqlite":
        path.write_bytes(b"SQLite format 2\x00 but not really, " * 100)
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    before = fingerprint(tmp_path)
    for command in (["index", "-q", "--workers", "1", str(article_file)], ["speakers"],
                    ["search", "ferry"], ["quotes", "--speaker", "x"],
                    ["index", "-q", "--rebuild", "--workers", "1", str(article_file)]):
        done = hostile.saidwhat(command[0], "--db", str(path), *command[1:])
        one_error(done, str(path), "not a saidwhat index")
        assert fingerprint(tmp_path) == before, command  # not a byte changed, no -wal, no -shm


def test_empty_file_is_not_an_index_for_readers(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    one_error(hostile.saidwhat("speakers", "--db", str(path)), "empty file")
    assert path.stat().st_size == 0


# ------------------------------------------------------------------ 7. read-only media


@pytest.fixture(params=["rollback", "wal"])
def read_only(index: Path, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The index (as `saidwhat index` leaves it, or still in WAL mode) in a folder neither it nor
    the folder writable; the command prefix that makes the permissions bind (root loses
    CAP_DAC_OVERRIDE)."""
    prefix = hostile.unprivileged()
    if prefix is None:
        pytest.skip("cannot drop the privilege that overrides file permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(index, folder / "index.db")
    if request.param == "wal":  # a WAL database needs a -shm file SQLite cannot create here
        conn = sqlite3.connect(folder / "index.db")
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        conn.close()
    (folder / "index.db").chmod(0o444)
    folder.chmod(0o555)
    yield folder / "index.db", prefix
    folder.chmod(0o755)


@pytest.mark.parametrize("command", [["speakers"], ["quotes", "--speaker", "Mary Jones 3"],
                                     ["search", "ferry"]])
def test_read_only_index_is_read(read_only, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    path, prefix = read_only
    before = fingerprint(path.parent)
    done = hostile.saidwhat(command[0], "--db", str(path), "-f", "jsonl", *command[1:],
                            prefix=prefix)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stdout.splitlines()) >= 1
    assert fingerprint(path.parent) == before  # no -wal, no -shm, the file unchanged


SERVE = """
import sys
from fastapi.testclient import TestClient
from saidwhat.web.app import create_app
client = TestClient(create_app(sys.argv[1]))
print(*[client.get(u).status_code for u in ("/", "/search?q=ferry", "/speakers", "/articles/a1")])
"""


def test_read_only_index_is_served(read_only) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    path, prefix = read_only
    before = fingerprint(path.parent)
    done = subprocess.run([*prefix, sys.executable, "-c", SERVE, str(path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(
                              hostile.ROOT)})
    assert done.stdout.split() == ["200"] * 4, done.stderr
    assert fingerprint(path.parent) == before


def test_writing_to_a_read_only_index_is_one_line(read_only, article_file: Path) -> None:  # type: ignore[no-untyped-def]
    path, prefix = read_only
    done = hostile.saidwhat("index", "-q", "--workers", "1", "--db", str(path), str(article_file),
                            prefix=prefix)
    one_error(done, str(path))


def test_read_only_uri_never_writes(index: Path, tmp_path: Path) -> None:
    """Even where writing is possible, readers open mode=ro: a write through them fails."""
    conn = queries.open_readonly(index)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")


@pytest.mark.parametrize("command", [["index", "-q", "--workers", "1"], ["speakers"],
                                     ["search", "ferry"], ["serve", "--port", "1"]])
def test_a_folder_named_as_the_database_is_one_line(tmp_path: Path, article_file: Path,
                                                    command: list[str]) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    extra = [str(article_file)] if command[0] == "index" else []
    done = hostile.saidwhat(command[0], "--db", str(folder), *command[1:], *extra)
    one_error(done, str(folder))


def test_serve_refuses_a_bad_base_url(index: Path) -> None:
    done = hostile.saidwhat("serve", "--db", str(index), "--base-url", "javascript:alert(1)")
    one_error(done, "--base-url")


def test_search_too_long_is_one_line(index: Path) -> None:
    one_error(hostile.saidwhat("search", "--db", str(index), "word " * 400), "at most 1,000")
