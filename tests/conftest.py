"""Shared fixtures: the spaCy model, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat.nlp import load


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default spaCy pipeline (cached by saidwhat.nlp.load)."""
    return load()
