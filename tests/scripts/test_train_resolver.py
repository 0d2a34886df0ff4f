"""The shipped speaker resolver is what `make train` writes on the current code, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GUM = SHARED / "data" / "gum"
NEWS = SHARED / "data" / "polnear" / "train" / "text"
SHIPPED = ROOT / "saidwhat" / "data" / "resolver.json"


@pytest.mark.slow
@pytest.mark.skipif(not (GUM.is_dir() and NEWS.is_dir()), reason="../shared GUM/PolNeAR absent")
def test_shipped_resolver_is_make_trains_output(tmp_path: Path) -> None:
    out = tmp_path / "resolver.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_resolver.py"), str(GUM),
                    "--news", str(NEWS), "--out", str(out)], check=True, cwd=ROOT,
                   capture_output=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert out.read_bytes() == SHIPPED.read_bytes(), (
        "saidwhat/data/resolver.json is stale: an engine change altered the resolver's training "
        "examples; rerun `make train` (its train_resolver.py step) and ship its output")
