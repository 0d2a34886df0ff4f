"""The learned files of one data folder (the shipped saidwhat/data, or a scratch folder a test
trains into) and the engine they make, so every step reads what the steps before it wrote."""

from __future__ import annotations

from pathlib import Path

from saidwhat.engine.engine import Engine
from saidwhat.engine.lexicon import load_lexicon
from saidwhat.engine.scorer import load_scorer
from saidwhat.engine.speakers.ranker import load_ranker
from saidwhat.settings import Settings

SHIPPED = Path(__file__).resolve().parents[2] / "saidwhat" / "data"
CUES = "cues.json"
CUE_MODEL = "cue_model.json"
SCORER = "scorer.json"
RESOLVER = "resolver.json"
# which step of scripts/train_all.py writes each file (named in errors)
MADE_BY = {CUES: "cues", CUE_MODEL: "cue_model", SCORER: "scorer", RESOLVER: "resolver"}


def needed(data: Path, name: str) -> Path:
    """The file `name` in the data folder; a clear error naming the step that writes it when
    it is missing."""
    path = data / name
    if not path.is_file():
        raise SystemExit(f"{path}: missing; the '{MADE_BY[name]}' step of "
                         f"scripts/train_all.py writes it (run that step first)")
    return path


def settings(data: Path, scorer: Path | None = None) -> Settings:
    """Default settings whose cue lexicon, cue classifier, scorer (`scorer`, else the folder's)
    and resolver are the folder's files (those present)."""
    files = {"cues": {"lexicon_file": data / CUES, "model_file": data / CUE_MODEL},
             "scorer": {"weights_file": scorer or data / SCORER},
             "speakers": {"resolver_file": data / RESOLVER}}
    return Settings().updated({section: {k: str(p) for k, p in keys.items() if p.is_file()}
                               for section, keys in files.items()})


def engine(data: Path, *, scorer: Path | None = None, with_scorer: bool = True,
           with_resolver: bool = True) -> Engine:
    """The engine of the folder's files: its lexicon and cue classifier always, its scorer
    (or `scorer`) and resolver when asked for (each must then be there)."""
    needed(data, CUES)
    needed(data, CUE_MODEL)
    if with_scorer and scorer is None:
        needed(data, SCORER)
    if with_resolver:
        needed(data, RESOLVER)
    s = settings(data, scorer)
    return Engine(s, load_lexicon(s.cues), load_scorer(s.scorer) if with_scorer else None,
                  load_ranker(s.speakers) if with_resolver else None)
