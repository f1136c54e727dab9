"""The Dask backend: `parse-decision batch ... --scheduler tcp://HOST:PORT` (or `local`).

Only the parsing moves to the cluster. The client (the machine running `parse-decision
batch`) still expands the inputs, hashes them, skips what is done, and is the only writer of
results.jsonl and errors.jsonl, so the outputs, the resume rules and the error records are the
same as with the local process pool.

On each Dask worker, every task thread hands its documents to a parse worker process of its
own (worker.py), started on the first task and kept. A Dask task cannot be killed, but that
process can: a document that overruns the time limit kills it and the next task starts
another, so a hang costs one document, not a Dask worker.

Dask is imported only here, and only when a run asks for it (`pip install
'decision-parser[dask]'`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import threading
import time
import warnings
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from .batch import (
    BatchUsageError,
    Emit,
    Outcome,
    Task,
    Tick,
    crash_outcome,
    reply_outcome,
    timeout_outcome,
)

# Tasks queued per Dask thread: enough that no worker idles between tasks, few enough that
# the client holds little and shipped file contents do not pile up on the scheduler.
TASKS_PER_THREAD = 2
# Documents per task while the queue is long: fewer, larger tasks keep Dask's per-task cost
# (scheduling, messages, result transfer) small next to parsing.
MAX_DOCUMENTS_PER_TASK = 8
CONNECT_TIMEOUT = "30s"


@dataclass
class DaskReport:
    workers: int = 0  # Dask threads, each with a parse worker process
    peak_parse_rss: int = 0  # bytes, the largest parse worker process
    peak_dask_rss: int = 0  # bytes, the largest Dask worker process


def run_dask(
    tasks: list[Task],
    *,
    scheduler: str,
    workers: int,
    time_limit: float,
    with_text: bool,
    ship_bytes: bool,
    emit: Emit,
    tick: Tick,
) -> DaskReport:
    """Parse `tasks` on a Dask cluster, calling emit() with each Outcome as it arrives."""
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError:
        raise BatchUsageError(
            "--scheduler needs Dask: pip install 'decision-parser[dask]'"
        ) from None

    report = DaskReport()
    with contextlib.ExitStack() as stack:
        # Dask's own progress chatter would fight the progress bar; errors still show.
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("ignore", UserWarning)
        if scheduler == "local":
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as error:
                raise BatchUsageError(
                    f"--scheduler {scheduler}: cannot connect ({error})"
                ) from None
            stack.enter_context(client)

        queue: deque[Task] = deque(tasks)
        running: dict = {}  # future -> the Tasks it parses
        threads = 0
        checked = 0.0
        warned = False

        def capacity() -> tuple[int, int]:
            """(tasks to keep queued, documents per task), from the cluster's size now."""
            nonlocal threads, checked, warned
            if time.monotonic() - checked > 5.0:  # a scheduler round trip: not every loop
                threads = sum(client.nthreads().values())
                checked = time.monotonic()
                report.workers = max(report.workers, threads)
            if not threads and not warned:
                warned = True
                print(
                    f"parse-decision: waiting for Dask workers to join {scheduler}",
                    file=sys.stderr,
                    flush=True,
                )
            in_flight = TASKS_PER_THREAD * max(1, threads)
            # Big tasks while the queue is long; single documents at the tail, so that no
            # worker sits idle while another finishes a long chunk.
            size = max(1, min(MAX_DOCUMENTS_PER_TASK, len(queue) // (2 * in_flight)))
            return in_flight, size

        def submit() -> None:
            in_flight, size = capacity()
            while queue and len(running) < in_flight:
                chunk = [queue.popleft() for _ in range(min(size, len(queue)))]
                items = []
                for task in chunk:
                    data = None
                    if ship_bytes:
                        try:
                            data = Path(task.path).read_bytes()
                        except OSError as error:
                            message = f"cannot read file: {error.strerror or error}"
                            emit(
                                Outcome(task.path, task.sha256, error="InputError", message=message)
                            )
                            continue
                    items.append((task, (task.path, os.path.abspath(task.path), data)))
                if not items:
                    continue
                future = client.submit(
                    parse_on_dask_worker,
                    [item for _, item in items],
                    with_text,
                    time_limit,
                    pure=False,
                )
                running[future] = [task for task, _ in items]

        try:
            submit()
            while running:
                try:
                    done, _ = wait(list(running), timeout=1.0, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    for outcome in _outcomes(running.pop(future), future, time_limit, report):
                        emit(outcome)
                submit()
                tick()
        except BaseException:
            for future in running:
                future.cancel()
            raise
    return report


def _outcomes(chunk: list[Task], future, time_limit: float, report: DaskReport) -> list[Outcome]:
    try:
        results, parse_rss, dask_rss = future.result()
    except Exception as error:  # noqa: BLE001 - e.g. KilledWorker: Dask gave up on the task
        message = str(error) or repr(error)
        return [
            Outcome(task.path, task.sha256, error=type(error).__name__, message=message)
            for task in chunk
        ]
    report.peak_parse_rss = max(report.peak_parse_rss, parse_rss)
    report.peak_dask_rss = max(report.peak_dask_rss, dask_rss)
    outcomes = []
    for task, (kind, payload, seconds) in zip(chunk, results, strict=True):
        if kind == "timeout":
            outcomes.append(timeout_outcome(task, time_limit, seconds))
        elif kind == "crash":
            outcomes.append(crash_outcome(task, payload, seconds))
        else:
            outcomes.append(reply_outcome(task, payload, seconds))
    return outcomes


# --------------------------------------------------------------------------------------------
# On the Dask worker
# --------------------------------------------------------------------------------------------

_thread = threading.local()


def parse_on_dask_worker(
    items: list[tuple[str, str, bytes | None]], with_text: bool, time_limit: float
) -> tuple[list[tuple], int, int]:
    """A Dask task: parse documents (path, absolute path, contents or None) one after another
    in this thread's parse worker process, each under the time limit.

    Returns ([(kind, payload, seconds), ...], parse worker peak RSS, Dask worker peak RSS) with
    kind "reply" (payload: the worker's reply), "timeout" or "crash" (payload: why).
    """
    from .worker import peak_rss

    results = []
    parse_rss = 0
    for path, absolute, data in items:
        result, rss = _parse_one(path, absolute, data, with_text, time_limit)
        results.append(result)
        parse_rss = max(parse_rss, rss)
    return results, parse_rss, peak_rss()


def _parse_one(
    path: str, absolute: str, data: bytes | None, with_text: bool, time_limit: float
) -> tuple[tuple, int]:
    from .worker import WorkerGone

    if data is None:
        # Read here, then parse the bytes under the name given on the command line, so that
        # source.path is the same as with the local pool whatever this worker's directory.
        try:
            data = Path(absolute).read_bytes()
        except OSError as error:
            reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
            message = f"{reason} on Dask worker {socket.gethostname()}: {absolute}"
            return ("reply", ("error", 0, "InputError", message, None, 0), 0.0), 0
    worker = _parse_worker()
    started = time.monotonic()
    try:
        worker.send(("parse", 0, path, data, with_text))
        reply = worker.receive(time_limit)
    except WorkerGone as gone:
        _drop_parse_worker()
        return ("crash", str(gone), time.monotonic() - started), worker.peak_rss
    seconds = time.monotonic() - started
    if reply is None:
        _drop_parse_worker()  # killed: the next document gets a fresh worker
        return ("timeout", None, seconds), worker.peak_rss
    return ("reply", reply, seconds), worker.peak_rss


def _parse_worker():
    """This thread's parse worker, started (and warmed up) on first use or after a loss."""
    from .worker import WorkerProcess

    worker = getattr(_thread, "worker", None)
    if worker is not None and worker.exit_code() is not None:
        _drop_parse_worker()  # died while idle, e.g. killed from outside
        worker = None
    if worker is None:
        worker = WorkerProcess()
        worker.wait_ready()
        _thread.worker = worker
    return worker


def _drop_parse_worker() -> None:
    worker = getattr(_thread, "worker", None)
    _thread.worker = None
    if worker is not None:
        worker.kill()
