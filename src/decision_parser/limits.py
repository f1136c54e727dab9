"""Per-document limits on time and memory, for the command line's single-file mode and the
batch workers (whose parent also kills a worker that overruns its time).

The limit is an interval timer whose signal raises TimeLimitExceeded in the parsing thread, so
the next file still runs. A BaseException, like KeyboardInterrupt, so that no `except Exception`
around a library call can swallow it. Signals reach Python only between bytecodes; a watchdog
thread covers a C call that never returns by ending the process with the message it is given.

The memory guard is a thread that watches the process's resident memory while a document is
parsed and ends the process with one line when it passes the limit. A guard and not an
allocation limit (RLIMIT_AS), because PDFium aborts the process when an allocation fails, and
a PDF whose form XObjects draw each other 16 times over, 8 levels deep, asks for gigabytes
from a few kilobytes of file. The C code holds no lock that stops the thread: ctypes releases
the GIL during a call into PDFium.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator

# Time a stuck C call gets after the limit before the watchdog gives up on it.
WATCHDOG_GRACE = 3.0
# Resident memory a single document may take: far above a real one (a 1,000-page PDF parses
# in a few hundred MB), below the 2 GB a batch of several workers can afford each.
DEFAULT_MAX_MEMORY_MB = 1536
# How often the memory guard looks: PDFium can allocate a few hundred MB a second.
MEMORY_POLL_SECONDS = 0.02


class TimeLimitExceeded(BaseException):
    def __init__(self, seconds: float):
        super().__init__(f"took longer than the {seconds:g} s limit")
        self.seconds = seconds


@contextlib.contextmanager
def time_limit(seconds: float | None, on_stuck: Callable[[], None]) -> Iterator[None]:
    """Raise TimeLimitExceeded in this block after `seconds`; call `on_stuck` and exit(1) if
    the block is still running WATCHDOG_GRACE seconds later. No limit when seconds is falsy or
    this is not the main thread (where signals are delivered)."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def alarm(signum, frame):
        raise TimeLimitExceeded(seconds)

    finished = threading.Event()

    def watchdog() -> None:
        if not finished.wait(seconds + WATCHDOG_GRACE):
            on_stuck()
            os._exit(1)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    threading.Thread(target=watchdog, name="time-limit-watchdog", daemon=True).start()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        finished.set()


def resident_bytes() -> int | None:
    """This process's resident memory now (Linux), else its peak so far; None if unknown."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        return peak_rss()
    except ImportError:  # Windows: no resource module
        return None


def peak_rss() -> int:
    """This process's peak resident memory in bytes (ru_maxrss is KiB on Linux, bytes on macOS)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@contextlib.contextmanager
def memory_guard(limit_bytes: int | None, on_exceeded: Callable[[int], None]) -> Iterator[None]:
    """While the block runs, call on_exceeded(resident bytes) and exit(1) if the process's
    resident memory passes limit_bytes. No guard when the limit is falsy or memory cannot be
    read on this platform."""
    if not limit_bytes or resident_bytes() is None:
        yield
        return
    finished = threading.Event()

    def watch() -> None:
        while not finished.wait(MEMORY_POLL_SECONDS):
            used = resident_bytes() or 0
            if used > limit_bytes and not finished.is_set():
                on_exceeded(used)
                os._exit(1)

    watcher = threading.Thread(target=watch, name="memory-guard", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        finished.set()
        watcher.join()
