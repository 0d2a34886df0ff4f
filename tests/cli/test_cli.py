"""cli.py: --help and --version are fast (no spaCy import), every command has a handler."""

from __future__ import annotations

import subprocess
import sys

import pytest

from saidwhat import cli


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "saidwhat", *args], capture_output=True, text=True, timeout=60
    )


def test_build_parser_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from saidwhat.cli import build_parser\n"
        "build_parser().format_help()\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_help() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    for command in cli.HANDLERS:
        assert command in done.stdout


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("saidwhat ")


def test_every_command_parses_and_has_a_handler() -> None:
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) == set(cli.HANDLERS)  # type: ignore[attr-defined]
    args = parser.parse_args(["extract", "a.txt", "-f", "jsonl"])
    assert args.command == "extract" and args.paths == ["a.txt"] and args.format == "jsonl"


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["frobnicate"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_missing_file_is_one_line_not_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = run_cli("extract", "-q", "-f", "jsonl", str(tmp_path / "missing.txt"))
    assert "Traceback" not in done.stderr
    assert "missing.txt" in done.stderr


@pytest.mark.parametrize("command", [
    ["extract", "x.txt"], ["index", "x.txt"], ["quotes", "--speaker", "Lee"], ["search", "tax"],
    ["evaluate", "gold"],
])
def test_min_confidence_is_an_option_of_extract_index_quotes_and_search(command: list[str]) -> None:
    args = cli.build_parser().parse_args([*command, "--min-confidence", "0.8"])
    assert args.min_confidence == 0.8


def test_min_confidence_outside_0_to_1_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["extract", "x.txt", "--min-confidence", "2"])
    assert "not a number from 0 to 1" in capsys.readouterr().err


def test_min_confidence_reaches_the_engine_settings() -> None:
    settings = cli._with_min_confidence(None, 0.7)
    assert settings is not None and settings.scorer.min_confidence == 0.7
    assert cli._with_min_confidence(None, None) is None
