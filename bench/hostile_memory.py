"""Peak memory of `saidwhat extract` on generated worst-case inputs at (and over) the limits.

    python bench/hostile_memory.py [--workers 2] [--out DIR] [--json]

Each input runs as its own `saidwhat extract --workers N` (a pool: the article is worked on in
a worker process); the kernel's peak resident set (VmHWM) of the command and every worker is
sampled until it exits. The target (issue 14): no single input takes any process over 1.5 GB.
Inputs are generated here (no third-party text): text just under --max-chars made of dense
quotes, pronouns and many speakers (the engine's worst case), text far over it, HTML pages with
tags and nesting just under and far over --max-tags / --max-depth, and a JSONL line nested
5,000 deep.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from memory import descendants, status_kb  # bench/memory.py, beside this script

from saidwhat.io import limits

TARGET_MB = 1536
ROOT = Path(__file__).resolve().parents[1]
NAMES = ["Mary Jones", "John Smith", "Ana Lopez", "Wei Chen", "Omar Haddad", "Lena Berg",
         "the minister", "the mayor", "officials", "a spokesperson for the council"]
WORDS = ("ferry harbour council budget strike vote plan road school hospital tax rail port "
         "police court union wage water energy housing bridge tunnel airport market").split()


def prose(chars: int, seed: int = 14) -> str:
    """Generated news-like prose, dense with quotes, pronouns and speakers, `chars` long."""
    rnd = random.Random(seed)
    parts, size = [], 0
    while size < chars:
        w = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 16)))
        who, other = rnd.choice(NAMES), rnd.choice(NAMES)
        s = rnd.choice([
            f"“The {w} will not stop us,” {who} said on Monday.",
            f"{who.capitalize()} told reporters that the {w} was a mistake.",
            f"“We never agreed to the {w},” she said, “and we never will.”",
            f"He said the {w} would be ready by spring, according to {other}.",
            f"{who.capitalize()} believes the {w} is {rnd.choice(WORDS)}.",
        ])
        parts.append(s + ("\n\n" if rnd.random() < 0.3 else " "))
        size += len(parts[-1])
    return "".join(parts)[:chars]


def page(body: str) -> str:
    """An HTML page around a body."""
    return ("<html><head><title>Generated</title></head><body><article>"
            f"{body}</article></body></html>")


def cases(max_bytes: int) -> dict[str, Callable[[Path], None]]:
    """name -> writer of the input file."""
    at = limits.DEFAULT_MAX_CHARS - 1000
    tags = limits.DEFAULT_MAX_TAGS - 1000
    depth = limits.DEFAULT_MAX_DEPTH - 12
    paragraph = "<p>{}</p>"
    return {
        "text-at-max-chars.txt": lambda p: p.write_text(prose(at)),
        "text-25x-max-chars.txt": lambda p: p.write_text(prose(25 * limits.DEFAULT_MAX_CHARS)),
        "html-at-max-tags.html": lambda p: p.write_text(page("".join(
            paragraph.format(prose(40, seed=n)) for n in range(tags - 10)))),
        "html-over-max-tags.html": lambda p: p.write_text(page("<b></b>" * (
            (max_bytes - 200) // 7))),
        "html-at-max-depth.html": lambda p: p.write_text(page(
            "<div>" * depth + prose(20_000) + "</div>" * depth)),
        "html-over-max-depth.html": lambda p: p.write_text(page(
            "<div>" * 200_000 + prose(2000) + "</div>" * 200_000)),
        "jsonl-html-over-tags.jsonl": lambda p: p.write_text(json.dumps({"html": page(
            "<i>x</i>" * ((max_bytes - 500) // 12))}) + "\n"),
        "jsonl-nested-5000.jsonl": lambda p: p.write_text(
            '{"text": "x", "a": ' + "[" * 5000 + "]" * 5000 + "}\n"),
    }


def hwm_kb(pid: int) -> int:
    """A process's peak resident set so far (VmHWM) in KB, 0 if it is gone."""
    return status_kb(pid, "VmHWM")


def measure(path: Path, workers: int) -> dict[str, object]:
    """Run extract on one input; peak memory of the command and of its largest worker."""
    cmd = [sys.executable, "-m", "saidwhat", "extract", str(path), "--workers", str(workers),
           "-q", "-f", "jsonl", "-o", os.devnull]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        for pid in descendants(proc.pid):
            peaks[pid] = max(peaks.get(pid, 0), hwm_kb(pid))
        time.sleep(0.1)
    err = proc.stderr.read() if proc.stderr else ""
    worker = max((kb for pid, kb in peaks.items() if pid != proc.pid), default=0)
    outcome = [x for x in err.splitlines() if x.strip()]
    return {"input": path.name, "bytes": path.stat().st_size, "exit": proc.returncode,
            "seconds": round(time.perf_counter() - start, 1),
            "main_mb": round(peaks.get(proc.pid, 0) / 1024), "worker_mb": round(worker / 1024),
            "result": outcome[-1] if outcome else "", "first": outcome[0] if outcome else "",
            "traceback": "Traceback" in err}


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print a table (or JSON); 1 if any process passed the target."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", help="keep the generated inputs here (default: a temporary folder)")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    from saidwhat.io.kinds import DEFAULT_MAX_BYTES

    folder = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="saidwhat-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, write in cases(DEFAULT_MAX_BYTES).items():
        path = folder / name
        write(path)
        rows.append(measure(path, a.workers))
        r = rows[-1]
        if not a.json:
            print(f"{r['input']:28} {r['bytes'] / 1e6:6.2f} MB in  exit {r['exit']}  "
                  f"{r['seconds']:6.1f} s  main {r['main_mb']:5} MB  worker {r['worker_mb']:5} MB"
                  f"  {r['first'][:110]}", flush=True)
    worst = max(max(int(r["main_mb"]), int(r["worker_mb"])) for r in rows)  # type: ignore[call-overload]
    if a.json:
        print(json.dumps({"rows": rows, "worst_mb": worst, "target_mb": TARGET_MB}, indent=1))
    else:
        print(f"largest process peak: {worst} MB (target < {TARGET_MB} MB); "
              f"tracebacks: {sum(bool(r['traceback']) for r in rows)}")
    return 0 if worst < TARGET_MB and not any(r["traceback"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
