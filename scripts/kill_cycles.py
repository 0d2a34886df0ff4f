"""kill -9 `saidwhat index` (and `extract`) again and again: no worker may outlive its parent,
the index must stay sound, and resuming must lose nothing.

    python scripts/kill_cycles.py [--cycles 15] [--articles 400] [--workers 2] [--json]

Each cycle starts `saidwhat index --workers N` on a generated JSONL stream (invented text),
waits until its workers are up and busy (a random 2-6 s more), kills the command with SIGKILL
and counts its descendants still alive 5 s later (orphans). Every third cycle kills
`saidwhat extract --workers N` instead. Afterwards one last `saidwhat index` runs to the end:
the index must pass SQLite's integrity check and hold every generated article exactly once.
Linux only (reads /proc). Orphans found are reported, then killed by their process id.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def descendants(pid: int) -> list[int]:
    """All descendants of a process (not the process itself)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def alive(pid: int) -> bool:
    """Whether pid is a living (not zombie) process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stream(path: Path, n: int) -> None:
    """n generated articles, one per JSONL line, each with its own text."""
    rnd = random.Random(7)
    words = "ferry harbour council budget strike vote plan road school hospital tax".split()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(
                f"“The {' '.join(rnd.choice(words) for _ in range(8))} is number {i}-{j},” "
                f"{rnd.choice(['Mary Jones', 'Omar Haddad', 'Lena Berg'])} said."
                for j in range(12))
            fh.write(json.dumps({"id": f"gen-{i}", "title": f"Item {i}", "text": body}) + "\n")


def run(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "saidwhat", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def cycle(command: list[str], workers: int, rnd: random.Random) -> dict[str, object]:
    """Start, wait for the workers, kill -9, count survivors after 5 s."""
    proc = run(command)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(descendants(proc.pid)) < workers:
        time.sleep(0.1)
    time.sleep(rnd.uniform(2, 6))
    family = descendants(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(5)
    orphans = [p for p in family if alive(p)]
    for p in orphans:  # ours: started by this cycle
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return {"command": command[0], "children": len(family), "orphans": len(orphans)}


def main(argv: list[str] | None = None) -> int:
    """Run the cycles and the final check; 1 if anything was left behind or lost."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cycles", type=int, default=15)
    p.add_argument("--articles", type=int, default=400)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="saidwhat-kill-"))
    data, db = folder / "stream.jsonl", folder / "index.db"
    stream(data, a.articles)
    rnd = random.Random(14)
    rows = []
    for n in range(a.cycles):
        if n % 3 == 2:
            command = ["extract", "-q", "--workers", str(a.workers), "-f", "jsonl", "-o",
                       str(folder / "out.jsonl"), str(data)]
        else:
            command = ["index", "-q", "--workers", str(a.workers), "--db", str(db), str(data)]
        rows.append(cycle(command, a.workers, rnd))
        if not a.json:
            r = rows[-1]
            print(f"cycle {n + 1:2}: kill -9 {r['command']:7} with {r['children']} children "
                  f"-> {r['orphans']} orphans", flush=True)
    before = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    final = subprocess.run([sys.executable, "-m", "saidwhat", "index", "-q", "--workers",
                            str(a.workers), "--db", str(db), str(data)], capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    conn = sqlite3.connect(db)
    report = {
        "cycles": a.cycles, "articles": a.articles, "workers": a.workers,
        "orphans": sum(int(r["orphans"]) for r in rows),  # type: ignore[call-overload]
        "indexed_before_final_run": before,
        "final_run": final.stderr.strip().splitlines()[-1] if final.stderr.strip() else "",
        "final_exit": final.returncode,
        "articles_in_index": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        "distinct_ids": conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
    }
    if a.json:
        print(json.dumps({"cycles": rows, **report}, indent=1))
    else:
        for k, v in report.items():
            print(f"{k:26} {v}")
    ok = (report["orphans"] == 0 and report["articles_in_index"] == a.articles
          and report["distinct_ids"] == a.articles and report["integrity"] == "ok"
          and report["final_exit"] == 0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
