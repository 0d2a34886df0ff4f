"""Copy hand-made page gold into gold/pages/, keeping only names and offsets (no page text).

    python scripts/copy_page_gold.py /work/gold/pages gold/pages
"""

import json
import sys
from pathlib import Path

KEEP = ("page", "text_sha256", "chars", "body", "attributions")
KEEP_ATTRIBUTION = ("speaker", "speaker_type", "source", "cue", "content", "kind", "type")


def main(src: str, dst: str) -> None:
    """Rewrite every NAME.json of src into dst without its free-text notes."""
    out = Path(dst)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(Path(src).glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        kept = {k: d[k] for k in KEEP if k in d}
        kept["attributions"] = [{k: a.get(k) for k in KEEP_ATTRIBUTION}
                                for a in d.get("attributions", [])]
        (out / path.name).write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
