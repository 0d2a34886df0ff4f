"""Time the web app's pages on an index (default: a generated one of 10,000 articles).

    python bench/web_pages.py [--db INDEX.db] [--articles 10000] [--runs 5] [--json]

Builds the index with bench/synthetic_index.py when no --db is given (cached under /tmp), then
asks each page `--runs` times in-process (FastAPI's TestClient: no network in the figures) and
prints the median and worst time per page. The target is every page under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_S = 0.3
PAGES = [
    "/", "/speakers", "/speakers/ann-lee", "/speakers/ann-lee?outlet=daily.example&kind=direct",
    "/speakers/ann-lee?sort=confidence", "/speakers/ann-lee?sort=outlets", "/quotes",
    "/quotes?page=200", "/quotes?sort=oldest",
    "/quotes?outlet=wire.example&since=2024-01&until=2024-03", "/quotes?sort=outlets",
    "/quotes?sort=speaker&min_confidence=0.9", "/quotes?kind=mixed&type=thought",
    "/search?q=tax", "/search?q=tax*+-budget", '/search?q="small+farms"',
    "/search?q=harbour&outlet=daily.example&sort=date", "/articles", "/articles/gen-005000",
    "/quotes/groups", "/quotes/groups/5", "/quotes/50000", "/quotes.json?speaker=ann-lee",
    "/positions", "/positions?page=200", "/positions?topic=the+wind+farm&relation=oppose",
    "/positions?speaker=ann-lee&since=2024-01&until=2024-03", "/speakers/ann-lee/vs/bo-lee",
    "/positions/network.json", "/positions/network.json?topic=the+rail+plan",
    "/positions/network.json?since=2024-01&until=2024-03", "/positions/network?speaker=ann-lee",
]


def time_pages(db: Path, runs: int) -> list[dict]:
    """Median and worst seconds per page."""
    import warnings

    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    client = TestClient(create_app(db))
    out = []
    for url in PAGES:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            r = client.get(url)
            times.append(time.perf_counter() - t)
            if r.status_code != 200:
                raise SystemExit(f"{url}: HTTP {r.status_code}: {r.text[:200]}")
        out.append({"url": url, "median_s": round(statistics.median(times), 4),
                    "max_s": round(max(times), 4)})
    return out


def main() -> int:
    """Build or open the index, time every page, print a table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    db = args.db
    if db is None:
        import synthetic_index

        from saidwhat.index.guard import SCHEMA_VERSION

        db = Path(f"/tmp/saidwhat-bench-{args.articles}-v{SCHEMA_VERSION}.db")  # per schema
        if not db.exists():
            synthetic_index.build(db, args.articles, 10)
    rows = time_pages(db, args.runs)
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            flag = "" if r["max_s"] < TARGET_S else "  <-- over target"
            print(f"{r['median_s'] * 1000:7.1f} ms  (worst {r['max_s'] * 1000:6.1f})  "
                  f"{r['url']}{flag}")
    return 0 if all(r["max_s"] < TARGET_S for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
