"""Worker processes that never outlive their parent: killed with it, however it died.

On Linux the kernel sends the worker SIGKILL the moment its parent dies (prctl
PR_SET_PDEATHSIG, set through ctypes); everywhere (macOS, Windows, and Linux as a second line)
a daemon thread checks every `settings.run.orphan_watch_seconds` that the parent is still
alive and ends the worker when it is not. `tie_to_parent` is called first thing in a worker's
initializer.

PR_SET_PDEATHSIG fires when the *thread* that started the worker ends: the pool must be started
from a thread that lives as long as the pool does (the runners start it from the caller's).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

from saidwhat.settings import RunSettings

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
ORPHAN_EXIT = 70  # a worker's exit status when it ends because its parent is gone


def tie_to_parent(parent_pid: int, *, kernel: bool = True,
                  interval: float = RunSettings.orphan_watch_seconds) -> None:
    """Make this process end when `parent_pid` ends: the kernel's parent-death signal on Linux
    (unless `kernel` is False), and a watchdog thread everywhere."""
    if kernel:
        set_parent_death_signal()
    if not parent_alive(parent_pid):  # the parent died before the signal was armed
        os._exit(ORPHAN_EXIT)
    watch = threading.Thread(target=_watch, args=(parent_pid, interval),
                             name="saidwhat-parent-watch", daemon=True)
    watch.start()


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask Linux to send `sig` to this process when its parent dies; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int, interval: float) -> None:
    """The watchdog: end this process as soon as the parent is gone."""
    while True:
        time.sleep(interval)
        if not parent_alive(parent_pid):
            os._exit(ORPHAN_EXIT)


def parent_alive(parent_pid: int) -> bool:
    """Whether `parent_pid` is still this process's living parent."""
    if os.name == "nt":
        return _windows_alive(parent_pid)
    if os.getppid() == parent_pid:
        return True
    try:  # not our direct parent (e.g. a fork server between us): is it alive at all?
        os.kill(parent_pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return os.getppid() != 1  # re-parented to init: our parent died


def _windows_alive(pid: int) -> bool:
    """Whether a Windows process is still running (OpenProcess + GetExitCodeProcess)."""
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
