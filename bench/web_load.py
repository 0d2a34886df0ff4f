"""Load and abuse `saidwhat serve`: 20 concurrent clients for 30 s on a generated 600-article
index, on 127.0.0.1 only; latency percentiles, status counts, errors and logged tracebacks.

    python bench/web_load.py [--clients 20] [--seconds 30] [--articles 600] [--json]

The index is generated (bench/synthetic_index.py: invented words, seeded). The server is the
real command (`saidwhat serve --host 127.0.0.1`) in its own process. Each client loops over a
mix of ordinary pages (home, listings at random pages, speaker and article pages, searches,
quote groups, JSON twins) and one abusive request in five (huge or negative paging, huge ids,
NUL, FTS syntax, a 100 KB query, unknown methods, a forged Host header). An error is a 5xx, a
dropped connection, an abusive request answered 2xx where a 4xx is due, or a link built from
the forged Host. The target (issue 14): p99 under 1 s, no errors, no traceback in the log.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synthetic_index  # noqa: E402

HUGE = "99999999999999999999"
ABUSE: list[tuple[str, str, int | None]] = [  # method, path, expected status (None: any < 500)
    ("GET", f"/quotes?page={HUGE}", 400), ("GET", f"/speakers?size={HUGE}", 400),
    ("GET", f"/quotes/groups/{HUGE}", 404), ("GET", f"/quotes/{HUGE}", 404),
    ("GET", "/quotes?page=-3", None), ("GET", f"/quotes?after={HUGE}", 400),
    ("GET", "/search?q=a%00b", 400), ("GET", "/search?q=%22", None),
    ("GET", "/search?q=NEAR(", None), ("GET", "/search?q=*", None), ("GET", "/search?q=col:", None),
    ("GET", "/search?q=" + "a" * 100_000, None), ("GET", "/articles/%00", 400),
    ("POST", "/quotes", 405), ("PUT", "/", 405), ("DELETE", "/search", 405),
    ("GET", "/static/../../etc/passwd", 404),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_ids(db: Path) -> tuple[list[str], list[str], list[int], list[str]]:
    """Article ids, speaker ids, quote group ids and search words to ask for."""
    conn = sqlite3.connect(db)
    articles = [r[0] for r in conn.execute("SELECT id FROM articles")]
    speakers = [r[0] for r in conn.execute("SELECT id FROM speakers LIMIT 300")]
    groups = [r[0] for r in conn.execute("SELECT id FROM quote_groups WHERE articles >= 2")]
    conn.close()
    return articles, speakers, groups or [1], synthetic_index.WORDS[:60]


def ordinary(rnd: random.Random, ids: tuple[list[str], list[str], list[int], list[str]]
             ) -> str:
    """One ordinary page a reader might ask for."""
    articles, speakers, groups, words = ids
    twin = ".json" if rnd.random() < 0.3 else ""
    return rnd.choice([
        "/" if not twin else "/.json",
        f"/quotes{twin}?page={rnd.randint(1, 60)}",
        f"/speakers{twin}?page={rnd.randint(1, 4)}",
        f"/speakers/{rnd.choice(speakers)}{twin}",
        f"/articles/{rnd.choice(articles)}{twin}",
        f"/search{twin}?q={rnd.choice(words)}+{rnd.choice(words)}",
        f"/search{twin}?q={rnd.choice(words)}*",
        f"/quotes/groups{twin}", f"/quotes/groups/{rnd.choice(groups)}{twin}",
        f"/articles{twin}?page={rnd.randint(1, 12)}",
    ])


def client(base: str, seconds: float, seed: int, ids: tuple, out: list, lock: threading.Lock
           ) -> None:
    """One client: requests back to back until time is up; (latency, status, error) each."""
    rnd = random.Random(seed)
    results = []
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=30) as http:
        while time.monotonic() < deadline:
            abusive = rnd.random() < 0.2
            method, path, expect = rnd.choice(ABUSE) if abusive else ("GET", ordinary(rnd, ids),
                                                                      200)
            headers = {"Host": "evil.example"} if rnd.random() < 0.05 else {}
            start = time.perf_counter()
            error = ""
            try:
                r = _send(http, base, method, path, headers)
                status, body = r
            except (httpx.HTTPError, OSError) as exc:
                status, body, error = 0, "", f"{type(exc).__name__}: {exc}"
            took = time.perf_counter() - start
            if not error:
                if status >= 500:
                    error = f"{status} on {method} {path[:80]}"
                elif expect is not None and status != expect and not (
                        expect == 200 and status == 404):
                    error = f"{status} (wanted {expect}) on {method} {path[:80]}"
                elif "evil.example" in body:
                    error = f"Host header reflected on {path[:80]}"
            results.append((took, status, error, abusive))
    with lock:
        out.extend(results)


def _send(http: httpx.Client, base: str, method: str, path: str, headers: dict[str, str]
          ) -> tuple[int, str]:
    """One request; a URL too long for httpx goes over a raw socket."""
    if len(path) > 60_000:
        return _raw(base, method, path)
    r = http.request(method, path, headers=headers)
    return r.status_code, r.text


def _raw(base: str, method: str, path: str) -> tuple[int, str]:
    """A request written by hand (for URLs longer than httpx allows)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
                  .encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head = data.split(b"\r\n", 1)[0].split()
    return (int(head[1]) if len(head) > 1 else 0), ""


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> int:
    """Build the index, serve it, load it, report; 1 if the target is missed."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--articles", type=int, default=600)
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="saidwhat-load-"))
    db = folder / "load.db"
    synthetic_index.build(db, a.articles, 10)
    ids = sample_ids(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(folder / "serve.log", "w+")  # noqa: SIM115 - read back at the end
    server = subprocess.Popen(
        [sys.executable, "-m", "saidwhat", "serve", "--db", str(db), "--host", "127.0.0.1",
         "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        out: list = []
        lock = threading.Lock()
        threads = [threading.Thread(target=client, args=(base, a.seconds, n, ids, out, lock))
                   for n in range(a.clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(10)
    log.seek(0)
    logged = log.read()
    latencies = [r[0] for r in out]
    ordinary_ms = [r[0] for r in out if not r[3]]
    errors = [r[2] for r in out if r[2]]
    statuses: dict[str, int] = {}
    for r in out:
        statuses[str(r[1])] = statuses.get(str(r[1]), 0) + 1
    report = {
        "clients": a.clients, "seconds": round(elapsed, 1), "articles": a.articles,
        "requests": len(out), "per_second": round(len(out) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p90_ms": round(percentile(latencies, 90) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "ordinary_p99_ms": round(percentile(ordinary_ms, 99) * 1000, 1),
        "abusive": sum(r[3] for r in out), "statuses": dict(sorted(statuses.items())),
        "errors": len(errors), "error_examples": sorted(set(errors))[:10],
        "tracebacks_logged": logged.count("Traceback"),
    }
    if a.json:
        print(json.dumps(report, indent=1))
    else:
        for k, v in report.items():
            print(f"{k:18} {v}")
    ok = report["p99_ms"] < 1000 and not errors and not report["tracebacks_logged"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
