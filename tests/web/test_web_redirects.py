"""A merged speaker's old id: the web page answers 308 to the merged speaker, and
`saidwhat quotes --speaker OLD` finds them."""

from pathlib import Path

import pytest
from factories import quote_article
from fastapi.testclient import TestClient

from saidwhat.cli import main
from saidwhat.index import store
from saidwhat.web.app import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index where "Biden" (id biden) merged into a much-quoted "Joe Biden" on a later run."""
    path = tmp_path_factory.mktemp("redirects") / "index.db"
    conn = store.connect(path)
    for n, name in enumerate(("Biden", "Joe Biden", "Jill Biden")):
        store.add_article(conn, quote_article(f"a{n}", f"Quote number {n} of some length", name))
    store.rebuild_speakers(conn)
    for n in range(3, 8):
        store.add_article(conn, quote_article(f"a{n}", f"Joe said thing {n} of some length",
                                              "Joe Biden"))
    store.rebuild_speakers(conn)
    conn.close()
    return path


def test_the_old_page_redirects_permanently_to_the_merged_speaker(db: Path) -> None:
    client = TestClient(create_app(db))
    r = client.get("/speakers/biden?sort=date", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == "/speakers/joe-biden?sort=date"
    assert client.get("/speakers/biden.json", follow_redirects=False).headers["location"] == (
        "/speakers/joe-biden.json")
    assert client.get("/speakers/biden").status_code == 200
    assert client.get("/speakers/nobody", follow_redirects=False).status_code == 404


def test_quotes_by_an_old_id_reach_the_merged_speaker(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--speaker", "biden", "--db", str(db), "-f", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 7 and "Joe said thing 3" in out  # Joe 6 + the bare Biden 1
