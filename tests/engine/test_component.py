"""component.py: the spaCy pipeline component registered as "saidwhat"."""

from __future__ import annotations

import subprocess
import sys

import spacy
from spacy.language import Language

import saidwhat.engine.component
from saidwhat.records import Attribution
from saidwhat.run.nlp import default_model_name


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
