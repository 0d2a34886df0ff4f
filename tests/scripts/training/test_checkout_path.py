"""A training script run as a file uses the saidwhat of the checkout it sits in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = (f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r}); import training, saidwhat; "
         "print(sys.path[0]); print(saidwhat.__file__)")


def test_importing_training_puts_its_checkout_first(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True,
                         text=True, check=True, env={"PATH": "/usr/bin:/bin"}).stdout.split("\n")
    assert out[0] == str(ROOT)
    assert Path(out[1]).resolve().is_relative_to(ROOT)
