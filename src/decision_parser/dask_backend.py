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
import threading
import time
import warnings
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from .batch import (
    BatchError,
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
        running: dict = {}  # future -> Task

        def capacity() -> int:
            threads = sum(client.nthreads().values())
            report.workers = max(report.workers, threads)
            return max(TASKS_PER_THREAD, TASKS_PER_THREAD * threads)

        def submit() -> None:
            limit = capacity()
            while queue and len(running) < limit:
                task = queue.popleft()
                data = None
                if ship_bytes:
                    try:
                        data = Path(task.path).read_bytes()
                    except OSError as error:
                        message = f"cannot read file: {error.strerror or error}"
                        emit(Outcome(task.path, task.sha256, error="InputError", message=message))
                        continue
                future = client.submit(
                    parse_on_dask_worker,
                    task.path,
                    os.path.abspath(task.path),
                    data,
                    with_text,
                    time_limit,
                    pure=False,
                )
                running[future] = task

        try:
            submit()
            while running:
                try:
                    done, _ = wait(list(running), timeout=1.0, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    task = running.pop(future)
                    emit(_outcome(task, future, time_limit, report))
                submit()
                tick()
        except BaseException:
            for future in running:
                future.cancel()
            raise
    if tasks and not report.workers:
        raise BatchError(f"the Dask cluster at {scheduler} has no workers")
    return report


def _outcome(task: Task, future, time_limit: float, report: DaskReport) -> Outcome:
    try:
        kind, payload, seconds, parse_rss, dask_rss = future.result()
    except Exception as error:  # noqa: BLE001 - e.g. KilledWorker: Dask gave up on the task
        return Outcome(
            task.path, task.sha256, error=type(error).__name__, message=str(error) or repr(error)
        )
    report.peak_parse_rss = max(report.peak_parse_rss, parse_rss)
    report.peak_dask_rss = max(report.peak_dask_rss, dask_rss)
    if kind == "timeout":
        return timeout_outcome(task, time_limit, seconds)
    if kind == "crash":
        return crash_outcome(task, payload, seconds)
    return reply_outcome(task, payload, seconds)


# --------------------------------------------------------------------------------------------
# On the Dask worker
# --------------------------------------------------------------------------------------------

_thread = threading.local()


def parse_on_dask_worker(
    path: str, absolute: str, data: bytes | None, with_text: bool, time_limit: float
) -> tuple:
    """A Dask task: parse one document in this thread's parse worker process.

    Returns (kind, payload, seconds, parse worker peak RSS, Dask worker peak RSS) with kind
    "reply" (payload: the worker's reply), "timeout" or "crash" (payload: why).
    """
    from .worker import WorkerGone, peak_rss

    if data is None:
        # Read here, then parse the bytes under the name given on the command line, so that
        # source.path is the same as with the local pool whatever this worker's directory.
        try:
            data = Path(absolute).read_bytes()
        except OSError as error:
            reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
            message = f"{reason} on Dask worker {socket.gethostname()}: {absolute}"
            return ("reply", ("error", 0, "InputError", message, None, 0), 0.0, 0, peak_rss())
    worker = _parse_worker()
    started = time.monotonic()
    try:
        worker.send(("parse", 0, path, data, with_text))
        reply = worker.receive(time_limit)
    except WorkerGone as gone:
        _drop_parse_worker(kill=True)
        return ("crash", str(gone), time.monotonic() - started, worker.peak_rss, peak_rss())
    seconds = time.monotonic() - started
    if reply is None:
        _drop_parse_worker(kill=True)
        return ("timeout", None, seconds, worker.peak_rss, peak_rss())
    return ("reply", reply, seconds, worker.peak_rss, peak_rss())


def _parse_worker():
    """This thread's parse worker, started (and warmed up) on first use or after a loss."""
    from .worker import WorkerProcess

    worker = getattr(_thread, "worker", None)
    if worker is not None and worker.exit_code() is not None:
        _drop_parse_worker(kill=True)  # died while idle, e.g. killed from outside
        worker = None
    if worker is None:
        worker = WorkerProcess()
        worker.wait_ready()
        _thread.worker = worker
    return worker


def _drop_parse_worker(*, kill: bool) -> None:
    worker = getattr(_thread, "worker", None)
    _thread.worker = None
    if worker is not None:
        worker.kill() if kill else worker.close()
