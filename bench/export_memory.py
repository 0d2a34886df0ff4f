"""Stream a quote list as CSV through the web app and report peak memory growth.

    python bench/export_memory.py INDEX.db [--url /quotes.csv] [--json]

Calls the ASGI app directly (no server, no client buffering): counts the rows and bytes sent
and reads the process's peak RSS (ru_maxrss) before and after. A streamed export keeps the
growth small and flat however many rows there are; loading them all would grow with the list.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def stream(app, url: str) -> tuple[int, int, int]:
    """GET `url` from the ASGI app; (status, bytes, lines) of the response body."""
    path, _, query = url.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"},
             "http_version": "1.1", "method": "GET", "scheme": "http", "path": path,
             "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"bench")], "server": ("bench", 80),
             "client": ("127.0.0.1", 9)}
    asked = False
    never = asyncio.Event()

    async def receive() -> dict:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await never.wait()
        return {"type": "http.disconnect"}

    status, size, lines = 0, 0, 0

    async def send(message: dict) -> None:
        nonlocal status, size, lines
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            size += len(body)
            lines += body.count(b"\n")

    await app(scope, receive, send)
    return status, size, lines


def measure(db: Path, url: str) -> dict:
    """Export `url` once and return rows, bytes, seconds and peak RSS growth."""
    import warnings

    warnings.filterwarnings("ignore")
    from saidwhat.web.app import create_app

    app = create_app(db)
    asyncio.run(stream(app, "/quotes.csv?since=1900-01-01&until=1900-01-01"))  # warm imports
    before = peak_mb()
    t = time.perf_counter()
    status, size, lines = asyncio.run(stream(app, url))
    return {"status": status, "rows": lines - 1, "mb_sent": round(size / 2**20, 1),
            "seconds": round(time.perf_counter() - t, 2), "peak_rss_mb": round(peak_mb(), 1),
            "rss_growth_mb": round(peak_mb() - before, 1)}


def main() -> int:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--url", default="/quotes.csv")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = measure(args.db, args.url)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.url}: HTTP {result['status']}, {result['rows']:,} rows, "
              f"{result['mb_sent']} MB in {result['seconds']} s; peak RSS grew "
              f"{result['rss_growth_mb']} MB (to {result['peak_rss_mb']} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
