"""Installation problems (a missing model, a missing module) are one line on stderr, exit 2."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from saidwhat import cli
from saidwhat.cli import environment

FIXTURES = Path(__file__).parents[1] / "fixtures"


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The single stderr line of a failed command (no traceback, nothing on stdout)."""
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("argv", [
    ["extract", "-q", "--model", "no_such_model_xyz", str(FIXTURES / "harbour-plan.txt")],
    ["index", "-q", "--model", "no_such_model_xyz", "--db", "{tmp}/i.db",
     str(FIXTURES / "harbour-plan.txt")],
    ["evaluate", "-q", "--model", "no_such_model_xyz", str(FIXTURES)],
    ["bench", "--model", "no_such_model_xyz", str(FIXTURES)],
])
def test_a_missing_model_is_one_line_before_any_work(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert cli.main(argv) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"saidwhat {argv[0]}: error: cannot load spaCy pipeline")
    assert "no_such_model_xyz" in line
    assert not (tmp_path / "i.db").exists()


def test_scoring_saved_predictions_needs_no_model() -> None:
    args = cli.build_parser().parse_args(
        ["evaluate", "gold", "--pred", "p.jsonl", "--model", "no_such_model_xyz"])
    assert environment.model_problem(args) is None


def test_a_missing_module_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it could not be imported
    status = cli.main(["extract", "-q", "--workers", "1", "-f", "jsonl",
                       str(FIXTURES / "ferry-strike.html")])
    assert status == 2
    line = one_error_line(capsys)
    assert line.startswith("saidwhat extract: error: cannot import trafilatura")
    assert "pip install --force-reinstall saidwhat" in line


def test_a_command_module_that_cannot_import_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli.HANDLERS, "search", "saidwhat.cli.no_such_module:run")
    assert cli.main(["search", "words"]) == 2
    assert "cannot import saidwhat.cli.no_such_module" in one_error_line(capsys)
