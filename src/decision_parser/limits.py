"""A per-document time limit for the command line's single-file mode (batch workers have their
own: the parent kills a worker that overruns).

The limit is an interval timer whose signal raises TimeLimitExceeded in the parsing thread, so
the next file still runs. A BaseException, like KeyboardInterrupt, so that no `except Exception`
around a library call can swallow it. Signals reach Python only between bytecodes; a watchdog
thread covers a C call that never returns by ending the process with the message it is given.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator

# Time a stuck C call gets after the limit before the watchdog gives up on it.
WATCHDOG_GRACE = 10.0


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
