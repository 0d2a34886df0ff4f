"""What the training scripts (scripts/train_*.py, scripts/calibrate_scorer.py) share: texts
parsed once into a DocBin cache (`parsed`), the learned files of one data folder as an engine
(`artefacts`) and the cue classifier's cross-validated training (`cue_model`).

Dev-only: `cue_model` needs scikit-learn; the shipped package reads the JSON without it. The
scripts import it as `training` (scripts/ is on the path when they run).
"""

import sys
from pathlib import Path

CHECKOUT = str(Path(__file__).resolve().parents[2])
"""The repository these scripts sit in."""

if CHECKOUT not in sys.path[:1]:
    # A script run as a file has only scripts/ before site-packages, so an editable install of
    # another checkout would be what it trains and measures (and writes into): put this one first.
    sys.path.insert(0, CHECKOUT)
