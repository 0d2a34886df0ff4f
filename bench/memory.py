"""Run `saidwhat extract` over a stream and report the peak resident memory of every process.

    python bench/memory.py STREAM.jsonl [--workers 1] [--direct] [--interval 0.5]

Samples /proc/<pid>/status (VmRSS) of the command and all its descendants while it runs, and
prints each process's peak plus RSS at each tenth of the run (flat memory shows as a flat line).
--direct runs saidwhat.run.runners.process over the JSONL without the extract command (no sinks).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

TARGET_MB = 1024


def status_kb(pid: int, field: str = "VmRSS") -> int:
    """A memory figure of /proc/<pid>/status in KB (VmRSS now, VmHWM the peak), 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def rss_kb(pid: int) -> int:
    """Current VmRSS of a process in KB, 0 if it is gone."""
    return status_kb(pid, "VmRSS")


def descendants(pid: int) -> list[int]:
    """The process and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                pass
    return out


def direct(stream: str, workers: int) -> int:
    """Child mode: annotate the JSONL stream with the runner, counting what comes out."""
    from saidwhat.records import Article, Failure
    from saidwhat.run import runners

    def read() -> object:
        with open(stream, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    d = json.loads(line)
                    text = d["text"]
                    yield Article(id=str(d["id"]), text=text, title=d.get("title"),
                                  body=((0, len(text)),), origin=f"{stream}:{n}")
                except (ValueError, KeyError) as exc:
                    yield Failure(f"{stream}:{n}", f"bad JSONL line: {exc}")

    articles = failed = attributions = 0
    for n, item in enumerate(runners.process(read(), workers=workers), 1):  # type: ignore[arg-type]
        if isinstance(item, Failure):
            failed += 1
        else:
            articles += 1
            attributions += len(item.attributions)
        if n % 500 == 0:
            print(f"{n} done", file=sys.stderr, flush=True)
    print(f"{articles} articles, {failed} failed, {attributions} attributions", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command, sample memory, print the report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("stream")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--direct", action="store_true", help="runner only, no extract command")
    p.add_argument("--interval", type=float, default=0.5)
    p.add_argument("--output", default=os.devnull, help="where extract writes (default: discard)")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        return direct(a.stream, a.workers)
    py = str(Path(sys.executable))
    if a.direct:
        cmd = [py, __file__, a.stream, "--workers", str(a.workers), "--child"]
    else:
        cmd = [py, "-m", "saidwhat", "extract", a.stream, "--workers", str(a.workers),
               "-f", "jsonl", "-o", a.output, "-q"]
    print("$ " + " ".join(cmd), file=sys.stderr)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peaks: dict[int, int] = {}
    timeline: list[tuple[float, int]] = []
    while proc.poll() is None:
        total = 0
        for pid in descendants(proc.pid):
            kb = rss_kb(pid)
            total += kb
            peaks[pid] = max(peaks.get(pid, 0), kb)
        timeline.append((time.perf_counter() - start, total))
        if len(timeline) % max(1, int(30 / a.interval)) == 0:  # a line every 30 s
            print(f"  {timeline[-1][0]:.0f} s: total RSS {total / 1024:.0f} MB", flush=True)
        time.sleep(a.interval)
    seconds = time.perf_counter() - start
    tree_max = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"exit status {proc.returncode}; {seconds:.0f} s")
    for pid, kb in sorted(peaks.items(), key=lambda x: -x[1]):
        role = "main" if pid == proc.pid else "worker"
        print(f"  {role} pid {pid}: peak RSS {kb / 1024:.0f} MB")
    print(f"largest process peak (getrusage): {tree_max / 1024:.0f} MB (target < {TARGET_MB} MB)")
    if timeline:
        last = len(timeline) - 1
        marks = [timeline[min(last, int(len(timeline) * k / 10))] for k in range(1, 11)]
        print("total RSS at each tenth of the run (MB): "
              + " ".join(f"{kb / 1024:.0f}" for _, kb in marks))
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
