"""Progress as plain lines (--progress when stderr is a pipe or a log), singular and plural."""

from __future__ import annotations

import io

from saidwhat.records import Article, Failure
from saidwhat.run import progress


def test_plural():
    assert progress.plural(1, "article") == "1 article"
    assert progress.plural(0, "article") == "0 articles"
    assert progress.plural(1200, "article") == "1,200 articles"


def test_track_lines_passes_items_and_reports_at_the_end():
    out = io.StringIO()
    items = [Article(id="a", text="x")]
    assert list(progress.track_lines(iter(items), out=out)) == items
    (line,) = out.getvalue().splitlines()
    assert line.startswith("saidwhat: 1 article, ") and line.endswith("0 failed")


def test_track_lines_reports_along_the_way():
    out = io.StringIO()
    items = [Article(id=str(i), text="x") for i in range(3)] + [Failure("f", "bad")]
    list(progress.track_lines(iter(items), total=4, every=0, out=out))
    lines = out.getvalue().splitlines()
    assert len(lines) == 5 and lines[-1].startswith("saidwhat: 4/4 articles")
    assert lines[-1].endswith("1 failed")


def test_runner_prints_lines_when_asked_and_stderr_is_not_a_terminal(capsys):
    from saidwhat.run import runners

    out = list(runners.process(iter([Failure("x", "bad")]), workers=1, progress="always"))
    assert len(out) == 1
    assert "saidwhat: 1 article" in capsys.readouterr().err
