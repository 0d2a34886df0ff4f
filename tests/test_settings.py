"""settings.py: one typed settings object, read from TOML/JSON files, bad keys one-line errors."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import saidwhat
from saidwhat.cli import main
from saidwhat.settings import (
    ScorerSettings,
    Settings,
    SettingsError,
    as_settings,
    documented,
    load,
    reference,
)

TEXT = (
    "Maria Lopez spoke on Monday. “We will balance this budget by June,” Lopez said. "
    "She added that the vote would be close. According to John Baker, it will pass."
)


def test_defaults_round_trip_through_a_plain_dict() -> None:
    assert Settings.from_dict({}) == Settings()
    assert Settings.from_dict(Settings().to_dict()) == Settings()
    assert json.loads(json.dumps(Settings().to_dict())) == Settings().to_dict()


def test_every_setting_has_a_one_line_doc() -> None:
    rows = documented()
    assert len(rows) >= 60
    for key, _default, doc in rows:
        assert doc and "\n" not in doc, key


def test_a_toml_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[scorer]\nthreshold = 0.7\n\n[speakers]\ndistance_points = [9, 3]\n")
    s = load(path)
    assert s.scorer.threshold == 0.7
    assert s.speakers.distance_points == (9, 3)
    assert s.cues == Settings().cues
    assert s == Settings.from_dict({"scorer": {"threshold": 0.7},
                                    "speakers": {"distance_points": [9, 3]}})


def test_a_json_file_and_an_int_where_a_float_goes(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"scorer": {"threshold": 1, "enabled": False}}))
    s = load(path)
    assert s.scorer == ScorerSettings(enabled=False, threshold=1.0)
    assert isinstance(s.scorer.threshold, float)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("[scorer]\ntreshold = 0.7\n",
         "scorer.treshold: unknown setting (did you mean 'threshold'?)"),
        ("[scorr]\nthreshold = 0.7\n", "unknown section 'scorr' (did you mean 'scorer'?)"),
        ("[scorer]\nthreshold = 'high'\n", "scorer.threshold: expected a number, got str 'high'"),
        ("[scorer]\nenabled = 1\n", "scorer.enabled: expected true or false"),
        ("scorer = 3\n", "scorer: expected a table of settings"),
        ("[scorer\n", "not valid TOML"),
    ],
)
def test_bad_files_are_one_line_errors_naming_file_and_key(
    tmp_path: Path, body: str, expected: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(SettingsError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(str(path)) and expected in message and "\n" not in message


def test_a_missing_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read settings"):
        load(tmp_path / "nope.toml")


def test_as_settings_takes_objects_mappings_and_paths(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"quotes": {"max_quote_chars": 10}}')
    assert as_settings(None) is None
    assert as_settings(Settings()) == Settings()
    assert as_settings({"quotes": {"max_quote_chars": 10}}) == as_settings(path)
    assert as_settings(str(path)).quotes.max_quote_chars == 10  # type: ignore[union-attr]


def test_the_scorer_threshold_changes_what_is_found() -> None:
    default = saidwhat.extract(TEXT).attributions
    strict = saidwhat.extract(TEXT, settings={"scorer": {"threshold": 0.999}}).attributions
    unscored = saidwhat.extract(TEXT, settings={"scorer": {"enabled": False}}).attributions
    assert len(default) >= 2
    assert len(strict) < len(default)
    assert len(unscored) >= len(default)
    assert all(a.confidence == 1.0 for a in unscored)
    assert saidwhat.extract(TEXT, settings=Settings()).attributions == default


def test_a_salience_weight_reaches_speaker_resolution() -> None:
    text = ("Maria Lopez met John Baker on Monday. Baker spoke first. "
            "Lopez answered him. “It will pass,” she said.")
    default = saidwhat.extract(text).attributions
    assert default[-1].speaker is not None and default[-1].speaker.name == "Maria Lopez"
    blind = saidwhat.extract(text, settings={"speakers": {"learned": False,
                                                          "distance_points": [0]}})
    # with the hand-set salience (learned resolver off), a zero-length look-back leaves only
    # the sentence of the pronoun: nobody named there
    assert blind.attributions[-1].speaker is not None
    assert blind.attributions[-1].speaker.resolved_by == "none"


def test_cli_bad_key_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[scorer]\ntreshold = 0.5\n")
    text = tmp_path / "a.txt"
    text.write_text(TEXT)
    for argv in (["extract", str(text)], ["index", str(text), "--db", str(tmp_path / "x.db")],
                 ["evaluate", str(tmp_path)], ["bench", str(tmp_path)],
                 ["spark", str(text), str(tmp_path / "out")],
                 ["evaluate-pages", str(tmp_path), "--pages", str(tmp_path)],
                 ["evaluate-speakers", "--shared", str(tmp_path)]):
        assert main([*argv, "--settings", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert f"saidwhat {argv[0]}: error: {bad}: scorer.treshold: unknown setting" in err


def test_cli_settings_file_changes_extract_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text(TEXT)
    strict = tmp_path / "strict.toml"
    strict.write_text("[scorer]\nthreshold = 0.999\n")
    assert main(["extract", str(text), "-f", "jsonl", "-q"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert main(["extract", str(text), "-f", "jsonl", "-q", "--settings", str(strict)]) == 0
    tuned = json.loads(capsys.readouterr().out)
    assert len(tuned["attributions"]) < len(default["attributions"])


def test_position_settings_reach_position_finding() -> None:
    text = (Path(__file__).resolve().parent.parent / "examples" / "steelworks-closure.txt"
            ).read_text(encoding="utf-8")
    default = saidwhat.extract(text).positions
    strict = saidwhat.extract(text, settings={"positions": {"min_valence": 100.0}}).positions
    assert len(strict) < len(default)


def test_no_thresholds_live_outside_the_settings() -> None:
    """The engine and run layers hold no module-level numbers (OS constants aside)."""
    package = Path(__file__).resolve().parent.parent / "saidwhat"
    allowed = {"PR_SET_PDEATHSIG", "ORPHAN_EXIT"}  # values fixed by the kernel and the runners
    found = []
    for path in sorted([*package.glob("engine/**/*.py"), *package.glob("run/*.py")]):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and _numeric(node.value):
                names = [t.id for t in getattr(node, "targets", [getattr(node, "target", None)])
                         if isinstance(t, ast.Name)]
                if not set(names) <= allowed:
                    found.append(f"{path.name}: {ast.unparse(node)}")
    assert found == []


def _numeric(value: ast.expr | None) -> bool:
    """A number, a negated number, or a tuple/list of them."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, int | float) and not isinstance(value.value, bool)
    if isinstance(value, ast.UnaryOp):
        return _numeric(value.operand)
    if isinstance(value, ast.Tuple | ast.List):
        return bool(value.elts) and all(_numeric(e) for e in value.elts)
    return False


def test_every_setting_is_read_somewhere() -> None:
    """No dead settings: each field is read as `.name` by some module of the package."""
    package = Path(__file__).resolve().parent.parent / "saidwhat"
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py")
                       if p.name != "settings.py")
    unused = [key for key, _, _ in documented() if f".{key.split('.')[1]}" not in source]
    assert unused == []


def test_the_settings_reference_is_current() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "settings.md"
    assert doc.read_text(encoding="utf-8") == reference(), "run scripts/settings_reference.py"
