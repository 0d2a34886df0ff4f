"""`make train` (scripts/train_all.py): the steps in their order, and the shipped learned files
are its output on the current code, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import train_all  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"
SHIPPED = ROOT / "saidwhat" / "data"
LEARNED = ("cues.json", "cue_model.json", "scorer.json", "resolver.json", "stance_model.json")


def test_steps_run_in_dependency_order() -> None:
    # the scorer needs both cue files; the resolver's sources need the scorer; which attributions
    # the calibration sees depends on the resolver's speakers; the stance model's candidates are
    # the final attributions
    assert train_all.STEPS == ("cues", "cue_model", "scorer", "resolver", "calibration",
                               "positions")
    assert train_all.chosen_steps("calibration, cues") == ["cues", "calibration"]
    with pytest.raises(SystemExit, match="unknown step"):
        train_all.chosen_steps("scorer,calibrate")


def test_every_step_reads_and_writes_the_one_data_folder(tmp_path: Path) -> None:
    every = train_all.commands(tmp_path / "shared", tmp_path / "data", tmp_path / "parsed")
    assert list(every) == list(train_all.STEPS)
    for cmd in every.values():
        assert Path(cmd[0]).is_file()
        assert cmd[cmd.index("--data") + 1] == str(tmp_path / "data")
        assert cmd[cmd.index("--parsed") + 1] == str(tmp_path / "parsed")


def test_missing_shared_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not a directory"):
        train_all.main([str(tmp_path), "--data", str(tmp_path / "data")])


def test_every_step_runs_with_one_hash_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    for d in ("polnear/train", "gum"):
        (tmp_path / "shared" / d).mkdir(parents=True)
    seen: list[dict[str, str]] = []

    def run(cmd: list[str], env: dict[str, str], check: bool) -> subprocess.CompletedProcess:
        seen.append(env)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(train_all.subprocess, "run", run)
    assert train_all.main([str(tmp_path / "shared"), "--data", str(tmp_path / "data"),
                           "--steps", "cues,scorer"]) == 0
    # set order follows string hashes; the scorer's fit moved between runs without a fixed seed
    assert [e["PYTHONHASHSEED"] for e in seen] == ["0", "0"]
    assert all(e["PYTHONPATH"].split(os.pathsep)[0] == str(ROOT) for e in seen)


@pytest.mark.slow
@pytest.mark.skipif(not ((SHARED_DATA / "polnear" / "train").is_dir()
                         and (SHARED_DATA / "gum").is_dir()),
                    reason="../shared PolNeAR train / GUM absent")
def test_shipped_learned_files_are_make_trains_output(tmp_path: Path) -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_all.py"), str(SHARED_DATA),
         "--data", str(tmp_path / "data"), "--parsed", str(tmp_path / "parsed")],
        cwd=ROOT, capture_output=True, text=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, f"scripts/train_all.py failed:\n{done.stderr[-4000:]}"
    stale = [n for n in LEARNED
             if (tmp_path / "data" / n).read_bytes() != (SHIPPED / n).read_bytes()]
    assert not stale, (
        f"saidwhat/data/{{{','.join(stale)}}} differ from what `make train` writes on this code "
        f"(an engine change moved their training examples): re-run `make train` (python "
        f"scripts/train_all.py ../shared/data) and commit saidwhat/data/; refresh baseline.json "
        f"if dev figures rise. Trained in {time.monotonic() - started:.0f} s; steps:\n"
        + "\n".join(line for line in done.stderr.splitlines() if line.startswith("==")))
