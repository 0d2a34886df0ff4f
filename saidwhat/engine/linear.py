"""What the learned linear parts (candidate scorer, cue classifier, speaker ranker) share: the
logistic function and reading their weights from a file or from the package."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Any


def logistic(z: float, clip: float = 30.0) -> float:
    """1 / (1 + e^-z), z clipped to ±clip so that no weight sum overflows."""
    return 1.0 / (1.0 + math.exp(-max(-clip, min(clip, z))))


def weights_json(shipped: str, path: str = "") -> Any | None:
    """The JSON in `path` when given (a missing file raises), else the package's `shipped`
    file in saidwhat/data; None when the package holds no such file."""
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        raw = resources.files("saidwhat.data").joinpath(shipped).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return json.loads(raw)
