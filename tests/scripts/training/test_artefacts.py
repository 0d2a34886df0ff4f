"""A data folder's learned files make the engine each training step reads."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))

from training import artefacts  # noqa: E402


def test_a_missing_file_names_the_step_that_writes_it(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="cue_model.json: missing; the 'cue_model' step"):
        artefacts.needed(tmp_path, artefacts.CUE_MODEL)


def test_settings_name_only_the_files_present(tmp_path: Path) -> None:
    shutil.copy(artefacts.SHIPPED / artefacts.CUES, tmp_path)
    s = artefacts.settings(tmp_path)
    assert s.cues.lexicon_file == str(tmp_path / artefacts.CUES)
    assert (s.cues.model_file, s.scorer.weights_file, s.speakers.resolver_file) == ("", "", "")


def test_the_engine_reads_the_folder_not_the_package(tmp_path: Path) -> None:
    for name in (artefacts.CUES, artefacts.CUE_MODEL):
        shutil.copy(artefacts.SHIPPED / name, tmp_path)
    engine = artefacts.engine(tmp_path, with_scorer=False, with_resolver=False)
    assert engine.scorer is None and engine.resolver is None
    assert engine.lexicon.model is not None and engine.lexicon.p("say") > 0.5
    with pytest.raises(SystemExit, match="scorer.json: missing"):
        artefacts.engine(tmp_path, with_resolver=False)
    raw = tmp_path / "raw.json"
    shutil.copy(artefacts.SHIPPED / artefacts.SCORER, raw)
    assert artefacts.engine(tmp_path, scorer=raw, with_resolver=False).scorer is not None
