"""component.py: the spaCy pipeline component registered as "saidwhat"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import DocBin

import saidwhat.engine.component
from saidwhat.engine.component import SaidWhat
from saidwhat.records import Attribution
from saidwhat.run.nlp import default_model_name
from saidwhat.settings import Settings
from saidwhat.settings import load as load_settings


def test_add_pipe_sets_doc_attributions() -> None:
    nlp = spacy.load(default_model_name())
    component = nlp.add_pipe("saidwhat")
    assert isinstance(component, saidwhat.engine.component.SaidWhat)
    assert nlp.pipe_names[-1] == "saidwhat"
    doc = nlp("Mayor Tom Reed spoke on Monday. “The bridge opens in May,” Reed said.")
    assert isinstance(doc._.attributions, list)
    assert len(doc._.attributions) == 1
    a = doc._.attributions[0]
    assert isinstance(a, Attribution)
    assert a.content.text == "The bridge opens in May"
    assert a.speaker is not None and a.speaker.name == "Tom Reed"
    assert doc.text[a.content.start : a.content.end] == a.content.text
    empty = nlp("The weather was mild.")
    assert empty._.attributions == []


def test_component_on_a_shared_model(nlp: Language) -> None:
    component = saidwhat.engine.component.make_saidwhat(nlp, "sw")
    assert component.name == "sw"
    doc = component(nlp("John Baker said the plan failed."))
    assert [a.content.text for a in doc._.attributions] == ["the plan failed"]


def test_factory_is_found_through_the_entry_point() -> None:
    code = (
        "import sys, spacy\n"
        "assert 'saidwhat.engine.component' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('saidwhat')\n"
        "print(nlp.pipe_names)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "saidwhat" in done.stdout


TEXT = (
    "Maria Lopez spoke on Monday. “We will balance this budget by June,” Lopez said. "
    "She added that the vote would be close. According to John Baker, it will pass."
)


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    """Two pipelines in one process: default settings, and a strict scorer threshold."""
    default = spacy.load(default_model_name())
    default.add_pipe("saidwhat")
    strict = spacy.load(default_model_name())
    strict.add_pipe("saidwhat", config={"scorer": {"threshold": 0.999}})
    return default, strict


def test_config_sets_the_component_settings(pipelines: tuple[Language, Language]) -> None:
    default, strict = pipelines
    assert default.get_pipe("saidwhat").settings == Settings()
    assert strict.get_pipe("saidwhat").settings.scorer.threshold == 0.999
    assert strict.config["components"]["saidwhat"]["scorer"]["threshold"] == 0.999
    meta = default.get_pipe_meta("saidwhat")
    assert "doc.spans" in meta.assigns and "token.dep" in meta.requires


def test_two_differently_configured_pipelines_side_by_side(
    pipelines: tuple[Language, Language]
) -> None:
    default, strict = pipelines
    first = default(TEXT)._.attributions
    assert len(strict(TEXT)._.attributions) < len(first)
    assert default(TEXT)._.attributions == first  # the strict one left no trace on the other


def test_a_bad_config_key_names_it() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match=r"scorer\.treshold: unknown setting"):
        nlp.add_pipe("saidwhat", config={"scorer": {"treshold": 0.5}})


def test_spans_groups_for_displacy(pipelines: tuple[Language, Language]) -> None:
    doc = pipelines[0](TEXT)
    found = doc._.attributions
    assert set(doc.spans) >= {"saidwhat", "saidwhat_source", "saidwhat_cue", "saidwhat_content"}
    contents = [s.text for s in doc.spans["saidwhat_content"]]
    assert contents == [a.content.text for a in found]
    assert {s.label_ for s in doc.spans["saidwhat"]} == {"SOURCE", "CUE", "CONTENT"}
    lopez = [s for s in doc.spans["saidwhat_source"] if s.text == "Lopez"]
    assert lopez and lopez[0].label_ == "Maria Lopez"
    html = displacy.render(doc, style="span", options={"spans_key": "saidwhat"})
    assert "CONTENT" in html and "SOURCE" in html and "budget" in html


def test_docbin_round_trip_keeps_attributions_and_spans(
    pipelines: tuple[Language, Language]
) -> None:
    nlp = pipelines[0]
    doc = nlp(TEXT)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert back._.attributions == doc._.attributions and back._.attributions
    for key in ("saidwhat_source", "saidwhat_cue", "saidwhat_content"):
        assert [(s.start, s.end, s.label_) for s in back.spans[key]] == [
            (s.start, s.end, s.label_) for s in doc.spans[key]]


def test_to_disk_then_spacy_load_restores_the_component(
    pipelines: tuple[Language, Language], tmp_path: Path
) -> None:
    strict = pipelines[1]
    strict.to_disk(tmp_path / "nlp")
    saved = tmp_path / "nlp" / "saidwhat"
    assert {p.name for p in saved.iterdir()} == {"settings.json", "lexicon.json", "scorer.json",
                                                  "resolver.json"}
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.get_pipe("saidwhat").settings == strict.get_pipe("saidwhat").settings
    assert loaded(TEXT)._.attributions == strict(TEXT)._.attributions
    # the saved settings.json is a settings file the command line takes
    assert load_settings(saved / "settings.json") == strict.get_pipe("saidwhat").settings


def test_from_disk_uses_the_saved_artefacts(
    pipelines: tuple[Language, Language], tmp_path: Path
) -> None:
    default = pipelines[0]
    default.get_pipe("saidwhat").to_disk(tmp_path)
    scorer = json.loads((tmp_path / "scorer.json").read_text())
    scorer["bias"] = -1000.0  # nothing passes any more, except trusted layouts
    (tmp_path / "scorer.json").write_text(json.dumps(scorer))
    component = SaidWhat(default, "probe").from_disk(tmp_path)
    assert component.engine.scorer is not None and component.engine.scorer.bias == -1000.0
    doc = component(default(TEXT))
    assert doc._.attributions == []


def test_to_bytes_round_trip(pipelines: tuple[Language, Language]) -> None:
    component = pipelines[0].get_pipe("saidwhat")
    other = SaidWhat(pipelines[0], "copy").from_bytes(component.to_bytes())
    assert other.engine == component.engine


def test_a_saved_pipeline_loads_in_a_fresh_process(
    pipelines: tuple[Language, Language], tmp_path: Path
) -> None:
    strict = pipelines[1]
    strict.to_disk(tmp_path / "nlp")
    code = (
        "import spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'nlp')!r})\n"
        f"doc = nlp({TEXT!r})\n"
        "print(len(doc._.attributions), nlp.get_pipe('saidwhat').settings.scorer.threshold)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(len(strict(TEXT)._.attributions)), "0.999"]
