"""Issue 14, item 3: no worker outlives its parent, whatever killed the parent (kill -9)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import hostile
import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def children(pid: int) -> list[int]:
    """Living (not zombie) processes whose parent is pid."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """Whether pid is a living (not zombie) process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(check, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def workers_of(proc: subprocess.Popen[bytes], n: int, seconds: float = 120) -> list[int]:
    """Wait until proc has n worker children and they have begun; their pids."""
    assert wait_for(lambda: len(children(proc.pid)) >= n, seconds), "workers never started"
    time.sleep(1.0)  # let them get into their initializer or their first batch
    return children(proc.pid)


def start(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(hostile.ROOT)}
    return subprocess.Popen([sys.executable, "-m", "saidwhat", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("orphans") / "many.jsonl"
    path.write_bytes(hostile.jsonl([hostile.record(n) for n in range(2000)]))
    return path


@pytest.mark.parametrize("command", ["extract", "index"])
def test_kill_9_of_the_parent_ends_its_workers(many: Path, tmp_path: Path, command: str) -> None:
    out = ["-f", "jsonl", "-o", str(tmp_path / "o.jsonl")] if command == "extract" else [
        "--db", str(tmp_path / "i.db")]
    proc = start(command, "-q", "--workers", "2", *out, str(many))
    try:
        workers = workers_of(proc, 2)
        assert len(workers) >= 2
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # the kernel signal is immediate, the watchdog polls; 30 s leaves room for a loaded machine
    assert wait_for(lambda: not any(alive(w) for w in workers), 30), [
        w for w in workers if alive(w)]


WATCHED = """
import sys, time
from saidwhat.run import lifeline
lifeline.tie_to_parent(int(sys.argv[1]), kernel=False, interval=0.2)
print("tied", flush=True)
time.sleep(600)
"""
MIDDLE = """
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1], str(os.getpid())])
print(child.pid, flush=True)
time.sleep(600)
"""


def test_watchdog_alone_ends_an_orphan() -> None:
    """The portable fallback (macOS, Windows): no kernel signal, only the watchdog thread."""
    env = {**os.environ, "PYTHONPATH": str(hostile.ROOT)}
    middle = subprocess.Popen([sys.executable, "-c", MIDDLE, WATCHED], env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        grandchild = int(middle.stdout.readline())  # type: ignore[union-attr]
        assert wait_for(lambda: alive(grandchild), 10)
        time.sleep(1.0)
        assert alive(grandchild)  # the watchdog leaves a child of a living parent alone
    finally:
        middle.send_signal(signal.SIGKILL)
        middle.wait()
    assert wait_for(lambda: not alive(grandchild), 3)


def test_parent_death_signal_is_armed_on_linux() -> None:
    from saidwhat.run import lifeline

    code = ("import ctypes, sys; from saidwhat.run import lifeline;"
            "ok = lifeline.set_parent_death_signal();"
            "libc = ctypes.CDLL(None); sig = ctypes.c_int();"
            "libc.prctl(2, ctypes.byref(sig), 0, 0, 0); print(ok, sig.value)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(hostile.ROOT)}, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    assert done.stdout.split() == ["True", str(int(signal.SIGKILL))], done.stderr
    assert lifeline.parent_alive(os.getppid())
    assert json.dumps(lifeline.ORPHAN_EXIT)
