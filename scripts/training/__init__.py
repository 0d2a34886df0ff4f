"""What the training scripts (scripts/train_*.py, scripts/calibrate_scorer.py) share: texts
parsed once into a DocBin cache (`parsed`), the learned files of one data folder as an engine
(`artefacts`) and the cue classifier's cross-validated training (`cue_model`).

Dev-only: `cue_model` needs scikit-learn; the shipped package reads the JSON without it. The
scripts import it as `training` (scripts/ is on the path when they run).
"""
