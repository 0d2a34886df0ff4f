"""Write docs/settings.md, the reference table of every setting (from saidwhat/settings.py)."""

from __future__ import annotations

from pathlib import Path

from saidwhat.settings import reference

OUT = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def main() -> None:
    """Regenerate the reference."""
    OUT.write_text(reference(), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
