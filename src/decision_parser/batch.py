"""Batch-parse a corpus: `parse-decision batch INPUT... --out results.jsonl`.

The run, in order:

1. expand the inputs (files, folders searched recursively, globs) into a list of files;
2. hash every file (SHA-256 of its bytes) and skip what results.jsonl already holds: the hash,
   not the path, is the key, so a renamed or copied file is not parsed twice;
3. parse the rest in worker processes (worker.py), each loading the pipeline once, each
   document under a time limit; a worker that overruns is killed and replaced;
4. append each result to results.jsonl as one whole line (a single write, then fsync) and each
   failure to OUT.errors.jsonl, so a run killed at any moment loses only the documents in flight
   and the next run resumes where it stopped;
5. print a summary, and write the CSV / SQLite exports if asked (exports.py).

The Dask backend (dask_backend.py) replaces step 3 and nothing else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import hashlib
import json
import os
import re
import selectors
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .errors import InputError
from .exports import decision_sha
from .read import DEFAULT_MAX_BYTES, check_file, shown_path
from .worker import STARTUP_TIMEOUT, WorkerGone, WorkerProcess

# What a folder is searched for; a file named on the command line or matched by a glob is
# taken whatever its name (the reader decides the type from the content).
DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm", ".txt", ".md", ".text")
DEFAULT_TIME_LIMIT = 120.0
# Documents sent to a worker ahead of the one it is parsing, so it never waits for the parent.
PREFETCH = 2
# A worker that dies this many times in a row before it is ready means a broken install.
MAX_START_FAILURES = 3

Emit = Callable[["Outcome"], None]
Tick = Callable[[], None]


class BatchUsageError(Exception):
    """The run cannot start as asked (bad option, no inputs, output locked): exit code 2."""


class BatchError(Exception):
    """The run cannot go on (workers cannot start, scheduler lost): exit code 1."""


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def expand_inputs(inputs: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """Files to parse (each once, in a stable order), names that do not exist, and globs that
    matched nothing."""
    files: list[str] = []
    missing: list[str] = []
    unmatched: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            files.append(path)

    for item in inputs:
        if glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                unmatched.append(item)
            for match in matches:
                if os.path.isdir(match):
                    for found in _walk(match):
                        add(found)
                else:
                    add(match)
        elif os.path.isdir(item):
            for found in _walk(item):
                add(found)
        elif os.path.exists(item):
            add(item)
        else:
            missing.append(item)
    return files, missing, unmatched


# A folder's own notes are not documents: README.md beside a corpus describes it. Named on the
# command line, such a file is still parsed.
_FOLDER_NOTES = re.compile(r"^(readme|licen[cs]e|changelog|changes|contributing|notice)\b", re.I)


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or _FOLDER_NOTES.match(name):
                continue
            if name.lower().endswith(DOCUMENT_SUFFIXES):
                found.append(os.path.join(root, name))
    return found


def hash_file(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# --------------------------------------------------------------------------------------------
# What a run produces
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    seq: int
    path: str
    sha256: str


@dataclass
class Outcome:
    """One document's result: a Decision JSON line, or an error."""

    path: str
    sha256: str | None
    line: str | None = None
    pages: int = 0
    error: str | None = None
    message: str = ""
    detail: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.line is not None

    def error_record(self) -> dict:
        record = {
            "path": shown_path(self.path),  # a name that is not UTF-8 still makes a JSON line
            "sha256": self.sha256,
            "error": self.error,
            "message": self.message,
            "seconds": round(self.seconds, 3),
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        if self.detail:
            record["detail"] = self.detail
        return record


def timeout_outcome(task: Task, limit: float, seconds: float) -> Outcome:
    return Outcome(
        task.path,
        task.sha256,
        error="TimeoutError",
        message=f"took longer than the {limit:g} s time limit; the worker was stopped",
        seconds=seconds,
    )


def crash_outcome(task: Task, why: str, seconds: float) -> Outcome:
    return Outcome(task.path, task.sha256, error="WorkerCrashed", message=why, seconds=seconds)


def reply_outcome(task: Task, reply: tuple, seconds: float) -> Outcome:
    """A worker's ("ok", ...) or ("error", ...) reply as an Outcome."""
    if reply[0] == "ok":
        _, _, sha256, line, pages, _ = reply
        return Outcome(task.path, sha256, line=line, pages=pages, seconds=seconds)
    _, _, error, message, detail, _ = reply
    return Outcome(
        task.path, task.sha256, error=error, message=message, detail=detail, seconds=seconds
    )


@dataclass
class Summary:
    found: int = 0
    already_done: int = 0
    duplicates: int = 0
    skipped_failed: int = 0
    parsed: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    workers: int = 0
    backend: str = "processes"
    peak_worker_rss: int = 0  # bytes, the largest parse worker
    peak_dask_worker_rss: int = 0  # bytes, the largest Dask worker process hosting one
    interrupted: bool = False
    export_failed: bool = False
    out: str = ""
    errors: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return (self.parsed + self.failed) / self.seconds if self.seconds else 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        mib = 1024 * 1024
        rows = [
            ("documents found", f"{self.found}"),
            ("already done", f"{self.already_done} (in {self.out}, same content hash)"),
        ]
        if self.duplicates:
            rows.append(("duplicates", f"{self.duplicates} (same content as another input)"))
        if self.skipped_failed:
            rows.append(("skipped, failed before", f"{self.skipped_failed} (--skip-failed)"))
        rows += [
            ("parsed", f"{self.parsed}"),
            ("failed", f"{self.failed}" + (f" (see {self.errors})" if self.failed else "")),
            ("pages", f"{self.pages}"),
            ("time", f"{self.seconds:.1f} s with {self.workers} worker(s), {self.backend}"),
            (
                "throughput",
                f"{self.docs_per_second:.1f} documents/s, {self.pages_per_second:.1f} pages/s",
            ),
        ]
        if self.peak_worker_rss:
            memory = f"{self.peak_worker_rss / mib:.0f} MB"
            if self.peak_dask_worker_rss:
                memory += f" (Dask worker process: {self.peak_dask_worker_rss / mib:.0f} MB)"
            rows.append(("peak worker memory", memory))
        if self.interrupted:
            rows.append(("interrupted", "yes: run the same command again to resume"))
        width = max(len(name) for name, _ in rows)
        return ["batch summary:"] + [f"  {name:<{width}}  {value}" for name, value in rows]

    def as_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "notes"}
        data["docs_per_second"] = round(self.docs_per_second, 3)
        data["pages_per_second"] = round(self.pages_per_second, 3)
        return data


# --------------------------------------------------------------------------------------------
# The two files a run appends to
# --------------------------------------------------------------------------------------------

# The hash sits near the start of every line (models.Decision puts source early), so resuming
# reads it without parsing whole documents; a line where it is not found is parsed in full.
_SHA_IN_LINE = re.compile(
    rb'^\{.{0,200}?"source":\{"path":(?:null|"(?:[^"\\]|\\.)*"),"sha256":"([0-9a-f]{64})"'
)


def _sync(fd: int) -> None:
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _append(fd: int, path: Path, data: bytes) -> None:
    """Append one whole line and sync it; a failed write (a full disk) stops the run with one
    line. A partial line it leaves is cut off by the next run, so nothing written before is
    lost and the run resumes where it stopped."""
    try:
        _write_all(fd, data)
        _sync(fd)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            why = "no space left on the device"
        else:
            why = error.strerror or str(error)
        raise BatchError(
            f"{path}: cannot write: {why}; what was written before is kept, and the same "
            "command resumes once there is room"
        ) from None


class ResultLog:
    """results.jsonl: one Decision JSON per line, append-only; also the record of what is done.

    Each result is written with one write() of a whole line, then synced, so a kill leaves at
    worst one partial last line, which the next run cuts off before appending.
    """

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None
        self.done: set[str] = set()
        self.notes: list[str] = []

    def open(self) -> ResultLog:
        if self.path.is_dir():
            raise BatchUsageError(f"{self.path}: is a folder; --out needs a file name")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as error:
            raise BatchUsageError(f"{self.path}: cannot write: {error.strerror or error}") from None
        self._lock()
        self._load()
        return self

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; one run at a time is up to the user
            return
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            self.fd = None
            raise BatchUsageError(
                f"{self.path}: another batch run is writing to this file"
            ) from None

    def _load(self) -> None:
        # Streamed: a results file of a large corpus runs to gigabytes.
        complete = 0  # bytes up to the end of the last whole line
        bad = 0
        with open(self.path, "rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break  # the partial last line of a killed run
                complete += len(raw)
                if not raw.strip():
                    continue
                sha = _line_sha(raw)
                if sha is None:
                    bad += 1
                else:
                    self.done.add(sha)
        size = os.fstat(self.fd).st_size
        if complete < size:
            os.ftruncate(self.fd, complete)
            _sync(self.fd)
            self.notes.append(
                f"{self.path}: dropped a partial last line ({size - complete} bytes) "
                "left by an interrupted run"
            )
        if bad:
            # Not ours to delete (someone edited the file?); its documents are parsed again.
            self.notes.append(
                f"{self.path}: {bad} line(s) are not Decision JSON and were ignored; "
                "their documents will be parsed again"
            )

    def append(self, line: str) -> None:
        _append(self.fd, self.path, line.encode("utf-8") + b"\n")

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # also releases the lock
            self.fd = None


def _line_sha(raw: bytes) -> str | None:
    match = _SHA_IN_LINE.match(raw)
    if match and raw.rstrip().endswith(b"}"):
        return match.group(1).decode("ascii")
    try:
        return decision_sha(json.loads(raw))
    except ValueError:  # not JSON, or not UTF-8
        return None


class ErrorLog:
    """errors.jsonl: one record per document that failed (path, sha256, error, message, ...).

    It describes the current state, not a history: when a run starts, the records of documents
    it is about to retry (or that have since succeeded) are dropped, so each failing document
    has exactly one record.
    """

    def __init__(self, path: Path):
        self.path = path
        self.records: list[dict] = []
        self.fd: int | None = None

    def load(self) -> ErrorLog:
        try:
            # Bytes that are not UTF-8 (a hand edit, a damaged disk) spoil that record only.
            text = self.path.read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            return self
        except OSError as error:
            raise BatchUsageError(f"{self.path}: cannot read: {error.strerror or error}") from None
        for line in text.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a partial last line from a killed run
            if isinstance(record, dict):
                self.records.append(record)
        return self

    def failed_hashes(self) -> set[str]:
        return {r["sha256"] for r in self.records if r.get("sha256")}

    def keep_only(self, keep: Callable[[dict], bool]) -> None:
        """Rewrite the file with the records `keep` accepts (atomically: a temp file renamed)."""
        kept = [r for r in self.records if keep(r)]
        if len(kept) == len(self.records) and self.path.exists():
            return
        self.records = kept
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "w", encoding="utf-8") as handle:
                for record in kept:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            raise BatchUsageError(f"{self.path}: cannot write: {error.strerror or error}") from None

    def append(self, record: dict) -> None:
        if self.fd is None:
            try:
                self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            except OSError as error:
                raise BatchError(f"{self.path}: cannot write: {error.strerror or error}") from None
        line = json.dumps(record, ensure_ascii=False) + "\n"
        _append(self.fd, self.path, line.encode("utf-8"))

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


# --------------------------------------------------------------------------------------------
# Progress
# --------------------------------------------------------------------------------------------


class Progress:
    """A tqdm bar on a terminal; otherwise a plain line every `interval` seconds."""

    def __init__(self, total: int, mode: str, interval: float, stream: TextIO):
        if mode == "auto":
            mode = "bar" if _isatty(stream) else "lines"
        self.mode = mode
        self.total = total
        self.interval = interval
        self.stream = stream
        self.done = self.failed = self.pages = 0
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar = None
        if mode == "bar" and total:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                unit="doc",
                file=stream,
                dynamic_ncols=True,
                mininterval=0.5,
                smoothing=0.05,
                desc="parsing",
            )

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += not outcome.ok
        self.pages += outcome.pages
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.pages} pages, {self.failed} failed", refresh=False)
            self.bar.update(1)
        else:
            self.tick()

    def tick(self) -> None:
        if self.mode != "lines" or not self.total:
            return
        now = time.monotonic()
        if now - self.last_line >= self.interval:
            self.last_line = now
            self._line(now)

    def _line(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else None
        percent = 100 * self.done / self.total
        print(
            f"batch: {self.done}/{self.total} documents ({percent:.0f}%), {self.failed} failed, "
            f"{self.pages} pages, {rate:.1f} documents/s, {self.pages / elapsed:.1f} pages/s, "
            f"ETA {_duration(eta)}",
            file=self.stream,
            flush=True,
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.mode == "lines" and self.total and self.done:
            self._line(time.monotonic())


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


# --------------------------------------------------------------------------------------------
# The local backend: a pool of worker processes
# --------------------------------------------------------------------------------------------


@dataclass
class _Slot:
    """One worker and the documents sent to it, in the order it will answer."""

    worker: WorkerProcess
    sent: deque = field(default_factory=deque)  # of (Task, time it reached the worker's head)
    served: int = 0
    start_failures: int = 0


def run_pool(
    tasks: list[Task],
    *,
    workers: int,
    time_limit: float,
    with_text: bool,
    emit: Emit,
    tick: Tick,
    max_tasks_per_worker: int = 0,
) -> int:
    """Parse `tasks` in `workers` processes, calling emit() with each Outcome as it arrives.

    Returns the peak resident memory of any worker, in bytes.
    """
    pending: deque[Task] = deque(tasks)
    selector = selectors.DefaultSelector()
    slots: list[_Slot] = []
    peak = 0

    def start(start_failures: int = 0) -> _Slot:
        slot = _Slot(WorkerProcess(die_with_parent_thread=_on_main_thread()))
        slot.start_failures = start_failures
        selector.register(slot.worker.fileno(), selectors.EVENT_READ, slot)
        slots.append(slot)
        return slot

    def retire(slot: _Slot, *, kill: bool) -> None:
        nonlocal peak
        peak = max(peak, slot.worker.peak_rss)
        selector.unregister(slot.worker.fileno())
        slots.remove(slot)
        if kill:
            slot.worker.kill()
        else:
            slot.worker.close()

    def top_up(slot: _Slot) -> None:
        """Keep PREFETCH documents queued at a ready worker."""
        limit = max_tasks_per_worker or float("inf")
        while (
            slot.worker.ready
            and pending
            and len(slot.sent) < PREFETCH
            and slot.served + len(slot.sent) < limit
        ):
            task = pending.popleft()
            try:
                slot.worker.send(("parse", task.seq, task.path, None, with_text))
            except WorkerGone:
                pending.appendleft(task)
                return  # the end-of-file on its output will reach the main loop
            slot.sent.append([task, time.monotonic() if not slot.sent else None])

    def replace(slot: _Slot, outcome_for_head: Callable[[Task, float], Outcome] | None) -> None:
        """The worker died or overran: report its current document, requeue the rest."""
        now = time.monotonic()
        started_ok = slot.worker.ready
        if slot.sent and outcome_for_head is not None:
            task, began = slot.sent.popleft()
            emit(outcome_for_head(task, now - (began or now)))
        for task, _ in reversed(slot.sent):
            pending.appendleft(task)
        slot.sent.clear()
        failures = 0 if started_ok else slot.start_failures + 1
        why = "" if started_ok else slot.worker.why_gone()
        retire(slot, kill=True)
        if failures >= MAX_START_FAILURES:
            raise BatchError(f"worker processes cannot start: {why}")
        if pending or any(s.sent for s in slots):
            start(failures)

    try:
        for _ in range(max(1, min(workers, len(tasks)))):
            start()
        while pending or any(slot.sent for slot in slots):
            if not slots:
                start()
            now = time.monotonic()
            wake = now + 1.0
            for slot in slots:
                # Seen from outside as well, at least once a second: a worker that crashes
                # (the memory guard, a native abort) never reports its own peak.
                slot.worker.observe_memory()
                if slot.sent and slot.sent[0][1] is not None:
                    wake = min(wake, slot.sent[0][1] + time_limit)
                elif not slot.worker.ready:
                    wake = min(wake, slot.worker.started + STARTUP_TIMEOUT)
            for key, _ in selector.select(max(0.0, wake - now)):
                slot: _Slot = key.data
                if slot not in slots:
                    continue
                messages, eof = slot.worker.read_available()
                for message in messages:
                    if message[0] == "ready":
                        top_up(slot)
                        continue
                    task, began = slot.sent.popleft()
                    if message[1] != task.seq:  # the protocol answers in order; never expected
                        raise BatchError(f"worker answered {message[1]} for {task.seq}")
                    arrived = time.monotonic()
                    emit(reply_outcome(task, message, arrived - began))
                    slot.served += 1
                    if slot.sent:
                        slot.sent[0][1] = arrived
                    top_up(slot)
                if eof:
                    why = slot.worker.why_gone()
                    replace(slot, lambda task, seconds, why=why: crash_outcome(task, why, seconds))
                elif max_tasks_per_worker and slot.served >= max_tasks_per_worker and not slot.sent:
                    retire(slot, kill=False)  # recycled: bounds memory that a library leaks
                    if pending:
                        start()
            now = time.monotonic()
            for slot in list(slots):
                if slot.sent and slot.sent[0][1] is not None:
                    if now - slot.sent[0][1] > time_limit:
                        replace(
                            slot,
                            lambda task, seconds: timeout_outcome(task, time_limit, seconds),
                        )
                elif not slot.worker.ready and now - slot.worker.started > STARTUP_TIMEOUT:
                    replace(slot, None)
            tick()
    finally:
        for slot in slots:  # let idle workers exit together rather than one after another
            if not slot.sent:
                slot.worker.stop_sending()
        for slot in list(slots):
            # On the normal path nothing is in flight and close() lets the worker exit; on an
            # interrupt, kill() stops the documents in flight at once.
            retire(slot, kill=bool(slot.sent))
        selector.close()
    return peak


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


@dataclass
class BatchOptions:
    inputs: list[str]
    out: Path
    errors: Path | None = None
    workers: int | None = None
    time_limit: float = DEFAULT_TIME_LIMIT
    skip_failed: bool = False
    scheduler: str | None = None  # None: local processes; "local" or "tcp://host:port": Dask
    ship_bytes: bool | None = None  # Dask: send file contents, not paths (default: for tcp://)
    with_text: bool = False
    max_tasks_per_worker: int = 0
    progress: str = "auto"  # auto, bar, lines, none
    progress_interval: float = 10.0
    csv: Path | None = None
    sqlite: Path | None = None
    max_bytes: int | None = DEFAULT_MAX_BYTES  # None: no limit

    def check(self) -> None:
        if not self.inputs:
            raise BatchUsageError("no INPUT given: name files, folders or globs")
        if self.workers is not None and self.workers < 1:
            raise BatchUsageError("--workers must be 1 or more")
        if not self.time_limit > 0:
            raise BatchUsageError("--timeout must be more than 0 seconds")
        if self.max_tasks_per_worker < 0:
            raise BatchUsageError("--max-tasks-per-worker must be 0 (never recycle) or more")
        if self.progress not in ("auto", "bar", "lines", "none"):
            raise BatchUsageError("--progress must be auto, bar, lines or none")
        if self.scheduler is not None and not (
            self.scheduler == "local" or re.match(r"^(tcp|tls|inproc|ucx)://.+", self.scheduler)
        ):
            raise BatchUsageError(
                f"--scheduler {self.scheduler!r}: give 'local' or an address like tcp://host:8786"
            )
        if self.max_bytes is not None and self.max_bytes < 1:
            raise BatchUsageError("--max-bytes must be 0 (no limit) or more")
        if self.out.exists() and not (self.out.is_file() or self.out.is_dir()):
            # /dev/full or a FIFO: the resume scan would read it forever.
            raise BatchUsageError(f"--out {self.out}: not a regular file; name a .jsonl file")
        if self.out.suffix.lower() in DOCUMENT_SUFFIXES:
            raise BatchUsageError(f"--out {self.out}: looks like an input document, not a .jsonl")


def errors_path_for(out: Path) -> Path:
    """results.jsonl -> results.errors.jsonl: each run's error records beside its results and
    named after them, so two runs writing into one folder keep their own."""
    return out.with_name(out.stem + ".errors.jsonl")


def run(options: BatchOptions, *, stderr: TextIO | None = None) -> Summary:
    """Run a batch. Raises BatchUsageError (nothing was done) or BatchError (stopped early)."""
    stderr = stderr or sys.stderr
    options.check()
    workers = options.workers or default_workers()
    files, missing, unmatched = expand_inputs(options.inputs)

    errors_path = options.errors or errors_path_for(options.out)
    # A broad glob ('*') may reach the run's own outputs; they are not documents.
    own = [options.out, errors_path, options.sqlite]
    if options.csv:
        own += [options.csv / "documents.csv", options.csv / "recommendations.csv"]
    own_paths = {os.path.abspath(p) for p in own if p}
    files = [f for f in files if os.path.abspath(f) not in own_paths]
    if not files and not missing:
        raise BatchUsageError("no documents found in: " + ", ".join(options.inputs))
    for pattern in unmatched:
        _warn(stderr, f"{pattern}: matched no files")
    summary = Summary(found=len(files) + len(missing))
    summary.out, summary.errors = str(options.out), str(errors_path)
    summary.backend = "processes" if options.scheduler is None else f"dask {options.scheduler}"

    results = ResultLog(options.out).open()
    error_log = ErrorLog(errors_path)
    try:
        for note in results.notes:
            _warn(stderr, note)
        error_log.load()
        failed_before = error_log.failed_hashes() if options.skip_failed else set()

        tasks: list[Task] = []
        immediate: list[Outcome] = []  # failures found before any parsing
        queued: set[str] = set()
        for path in files:
            try:
                # Stat before opening: a FIFO would block the parent, /dev/zero never ends.
                check_file(path, shown_path(path), options.max_bytes)
                sha = hash_file(path)
            except InputError as error:
                immediate.append(Outcome(path, None, error="InputError", message=error.message))
                continue
            except OSError as error:
                message = f"cannot read file: {error.strerror or error}"
                immediate.append(Outcome(path, None, error="InputError", message=message))
                continue
            if sha in results.done:
                summary.already_done += 1
            elif sha in queued:
                summary.duplicates += 1
            elif sha in failed_before:
                summary.skipped_failed += 1
            else:
                queued.add(sha)
                tasks.append(Task(len(tasks), path, sha))
        immediate += [Outcome(p, None, error="InputError", message="no such file") for p in missing]

        # One record per failing document: drop those about to be retried or since parsed,
        # and those without a hash (missing files are checked again on every run).
        error_log.keep_only(
            lambda r: (
                bool(r.get("sha256"))
                and r["sha256"] not in queued
                and r["sha256"] not in results.done
            )
        )

        progress = Progress(
            len(tasks) + len(immediate),
            "none" if options.progress == "none" else options.progress,
            options.progress_interval,
            stderr,
        )

        def emit(outcome: Outcome) -> None:
            if outcome.ok:
                results.append(outcome.line)
                summary.parsed += 1
                summary.pages += outcome.pages
            else:
                error_log.append(outcome.error_record())
                summary.failed += 1
            progress.advance(outcome)

        started = time.monotonic()
        try:
            with _sigterm_as_interrupt():
                for outcome in immediate:
                    emit(outcome)
                if tasks:
                    _run_backend(options, tasks, workers, summary, emit, progress.tick)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            summary.seconds = time.monotonic() - started
            progress.close()
    finally:
        results.close()
        error_log.close()

    if not summary.interrupted:
        _export(options, stderr, summary)
    return summary


def _run_backend(
    options: BatchOptions,
    tasks: list[Task],
    workers: int,
    summary: Summary,
    emit: Emit,
    tick: Tick,
) -> None:
    if options.scheduler is None:
        summary.workers = min(workers, len(tasks))
        summary.peak_worker_rss = run_pool(
            tasks,
            workers=workers,
            time_limit=options.time_limit,
            with_text=options.with_text,
            emit=emit,
            tick=tick,
            max_tasks_per_worker=options.max_tasks_per_worker,
        )
        return
    from .dask_backend import run_dask

    ship = options.ship_bytes
    if ship is None:
        ship = options.scheduler != "local"
    report = run_dask(
        tasks,
        scheduler=options.scheduler,
        workers=workers,
        time_limit=options.time_limit,
        with_text=options.with_text,
        ship_bytes=ship,
        emit=emit,
        tick=tick,
    )
    summary.workers = report.workers
    summary.peak_worker_rss = report.peak_parse_rss
    summary.peak_dask_worker_rss = report.peak_dask_rss


def _export(options: BatchOptions, stderr: TextIO, summary: Summary) -> None:
    if options.csv is None and options.sqlite is None:
        return
    from . import exports

    try:
        if options.csv is not None:
            counts = exports.export_csv(options.out, options.csv)
            summary.notes.append(
                f"csv: {counts.documents} documents, {counts.recommendations} recommendations "
                f"in {options.csv}"
            )
        if options.sqlite is not None:
            counts = exports.export_sqlite(options.out, options.sqlite)
            summary.notes.append(
                f"sqlite: {counts.documents} documents, {counts.recommendations} "
                f"recommendations in {options.sqlite}"
            )
    except exports.ExportError as error:
        summary.export_failed = True
        summary.notes.append(f"export failed: {error}")


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """`kill PID` stops a run as cleanly as Ctrl-C: workers stopped, summary printed."""
    if not _on_main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _warn(stream: TextIO, message: str) -> None:
    print(f"parse-decision: warning: {message}", file=stream, flush=True)


def main(
    options: BatchOptions, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run a batch for the CLI: print the summary, return the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        summary = run(options, stderr=stderr)
    except BatchUsageError as error:
        print(f"parse-decision: error: {error}", file=stderr)
        return 2
    except BatchError as error:
        print(f"parse-decision: error: {error}", file=stderr)
        return 1
    for line in summary.lines() + summary.notes:
        print(line, file=stdout)
    stdout.flush()
    if summary.interrupted:
        return 130
    # Documents skipped because they failed before are still failing: the run is not clean.
    return 1 if summary.failed or summary.skipped_failed or summary.export_failed else 0
