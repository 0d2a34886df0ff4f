"""Shared fixtures: the spaCy model, loaded once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.language import Language

from saidwhat.run.nlp import load

# Tests live in folders mirroring the package; their shared builders (factories.py) live here.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default spaCy pipeline (cached by saidwhat.run.nlp.load)."""
    return load()
