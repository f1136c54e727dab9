"""One parse worker: a child process that loads the pipeline once, then parses what it is sent.

The batch runner (batch.py) drives several of these at once; the Dask backend runs one inside
each Dask worker thread. Each worker is a process of its own, spoken to over two pipes with
length-prefixed pickles, because a document that hangs must cost one worker, not the run: the
parent kills exactly that process (SIGKILL) and starts another; the others never notice.

How a worker starts:

- normally it is forked from multiprocessing's fork server, which imports the parser once
  (PRELOAD) for every worker of the session, so a worker is ready in a fraction of a second and
  replacing a killed one is cheap. The fork server is single-threaded, so forking it is safe,
  unlike forking a parent that runs a progress bar or Dask's threads;
- inside a daemonic process (a Dask worker), which multiprocessing refuses to give children, or
  where there is no fork server (Windows), it is a fresh `python -c` subprocess instead.

Messages, parent to worker: ("parse", seq, path, data | None, with_text).
Worker to parent: ("ready", pid, rss), then per document, in the order sent:
("ok", seq, sha256, json_line, pages, rss) or ("error", seq, error_type, message, detail, rss).
`rss` is the worker's peak resident memory so far, in bytes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import selectors
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .limits import peak_rss  # dask_backend imports it from here too

FRAME = struct.Struct("!I")
PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])
# Imported once by the fork server; every worker forked from it starts with them loaded.
PRELOAD = [
    "decision_parser.worker",
    "decision_parser.nlp",
    "decision_parser.clean",
    "decision_parser.resolve",
    "decision_parser.read",
    "decision_parser.read.pdf",
]
# Test-only fault injection: "hang=NAME;crash=NAME;slow=SECONDS" makes a document whose path
# contains NAME hang forever or kill its worker, and every document take at least SECONDS. It
# is how the tests prove that the watchdog and resume work with real processes. Read by the
# parent when it starts a worker (a fork server started earlier would not see a later change).
FAULTS_ENV = "_DECISION_PARSER_TEST_FAULTS"
# Far more than a worker needs to get ready (under 3 s); only a broken install gets near it.
STARTUP_TIMEOUT = 120.0


class WorkerGone(Exception):
    """The worker process exited (crashed, was killed, or failed to start)."""


# --------------------------------------------------------------------------------------------
# The child side
# --------------------------------------------------------------------------------------------


def serve(die_with_parent_thread: bool = False) -> None:
    """Entry point of a `python -c` worker: requests on stdin, replies on stdout."""
    replies = os.dup(1)
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the replies
    _serve(0, replies, os.environ.get(FAULTS_ENV, ""), die_with_parent_thread)


def _serve_forked(requests, replies, log_path: str, faults: str) -> None:
    """Entry point of a forked worker (requests, replies: multiprocessing Connections)."""
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    # The fork server forked us from its main thread, which lives as long as it does.
    _serve(requests.fileno(), replies.fileno(), faults, True)


def _serve(read_fd: int, write_fd: int, faults_spec: str, death_signal: bool) -> None:
    """Warm up, say ready, then parse until the request pipe closes."""
    requests = os.fdopen(read_fd, "rb", closefd=False)
    replies = os.fdopen(write_fd, "wb", closefd=False)
    _exit_with_parent(death_signal)
    faults = _faults(faults_spec)
    try:
        _warm_up()
        _send(replies, ("ready", os.getpid(), peak_rss()))
        while (request := _read_frame(requests)) is not None:
            _, seq, path, data, with_text = request
            _inject(faults, path)
            _send(replies, _parse(seq, path, data, with_text))
    except (KeyboardInterrupt, BrokenPipeError):
        pass  # the parent is stopping the run; it knows what was in flight


def _warm_up() -> None:
    """Load the pipeline and every lazily imported reader before the first real document, so
    that the first document's time limit measures parsing, not imports."""
    from . import parse_text
    from .read import pdf  # noqa: F401

    parse_text(
        "Final decision 24 008 117\n"
        "Decision date: 3 April 2024\n"
        "Within one month of my final decision the Council should pay Mrs B £300."
    )


def _parse(seq: int, path: str, data: bytes | None, with_text: bool) -> tuple:
    from .limits import DEFAULT_MAX_MEMORY_MB, memory_guard

    def too_much_memory(used: int) -> None:
        # The worker ends here; the parent reports the last line of its stderr with the crash.
        sys.stderr.write(
            f"{path}: parsing it used {used // 2**20} MB, over the {DEFAULT_MAX_MEMORY_MB} MB "
            "memory guard; stopped\n"
        )
        sys.stderr.flush()

    with memory_guard(DEFAULT_MAX_MEMORY_MB * 2**20, too_much_memory):
        return _parse_guarded(seq, path, data, with_text)


def _parse_guarded(seq: int, path: str, data: bytes | None, with_text: bool) -> tuple:
    from . import parse
    from .errors import InputError

    try:
        # No size limit here: the batch's parent checked each file against --max-bytes before
        # hashing it, and a limit the user raised must not be undone by the default.
        if data is None:
            decision = parse(path, with_text=with_text, max_bytes=None)
        else:
            decision = parse(data, name=path, with_text=with_text, max_bytes=None)
        line = decision.model_dump_json()
        return ("ok", seq, decision.source.sha256, line, decision.source.pages, peak_rss())
    except InputError as error:
        return ("error", seq, "InputError", error.message, None, peak_rss())
    except Exception as error:  # noqa: BLE001 - a parser bug in one document must not stop the rest
        import traceback

        detail = "".join(traceback.format_exception(error)[-3:]).strip()
        return ("error", seq, type(error).__name__, str(error), detail, peak_rss())


def _exit_with_parent(death_signal: bool) -> None:
    """Die with the parent even while stuck in a document: a SIGKILLed run leaves no orphans.

    Linux's parent-death signal is the sure way, but it fires when the parent *thread* that
    started the worker ends, so only a parent that starts workers from its main thread asks
    for it (the batch runner; not Dask, whose task threads come and go).
    """
    parent = os.getppid()
    if death_signal and sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    # Everywhere, as well: poll for the parent. Stuck C code holding the GIL defeats this one.
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _faults(spec: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in spec.split(";") if "=" in part)


def _inject(faults: dict[str, str], path: str) -> None:
    if not faults:
        return
    if "slow" in faults:
        time.sleep(float(faults["slow"]))
    if faults.get("hang") and faults["hang"] in path:
        while True:
            time.sleep(3600)
    if faults.get("crash") and faults["crash"] in path:
        os._exit(3)


def _send(stream, message: tuple) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(FRAME.pack(len(body)) + body)
    stream.flush()


def _read_frame(stream) -> tuple | None:
    header = stream.read(FRAME.size)
    if len(header) < FRAME.size:
        return None
    (size,) = FRAME.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        return None
    return pickle.loads(body)


# --------------------------------------------------------------------------------------------
# The parent side
# --------------------------------------------------------------------------------------------


class WorkerProcess:
    """A running worker, seen from the parent. Not thread-safe: one owner at a time."""

    def __init__(self, die_with_parent_thread: bool = False) -> None:
        faults = os.environ.get(FAULTS_ENV, "")
        self._buffer = bytearray()
        self.ready = False
        self.peak_rss = 0
        self.started = time.monotonic()
        # A file, not a pipe: nobody has to drain it, and after a crash its tail says why. Its
        # name is removed as soon as the worker has it open (we keep a descriptor to read it),
        # so even a run killed with SIGKILL leaves no log files behind.
        handle, self._log_path = tempfile.mkstemp(prefix="decision-parser-worker-", suffix=".log")
        os.close(handle)
        self._log_fd = os.open(self._log_path, os.O_RDONLY)
        context = _fork_server()
        if context is not None:
            self._start_forked(context, faults)
        else:
            self._start_subprocess(faults, die_with_parent_thread)
        os.set_blocking(self._read_fd, False)

    def _start_forked(self, context, faults: str) -> None:
        requests_in, requests_out = context.Pipe(duplex=False)
        replies_in, replies_out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve_forked,
            args=(requests_in, replies_out, self._log_path, faults),
            name="decision-parser-worker",
            daemon=True,
        )
        self._process.start()
        requests_in.close()
        replies_out.close()
        self._keep = (requests_out, replies_in)  # the Connections own the descriptors
        self._write_fd, self._read_fd = requests_out.fileno(), replies_in.fileno()
        self.pid = self._process.pid

    def _start_subprocess(self, faults: str, die_with_parent_thread: bool) -> None:
        env = dict(os.environ)
        # The child must import this very package, wherever the parent found it.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_ROOT, env.get("PYTHONPATH")]))
        env[FAULTS_ENV] = faults
        with open(self._log_path, "ab") as log:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from decision_parser.worker import serve; "
                    f"serve(die_with_parent_thread={die_with_parent_thread!r})",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env=env,
                close_fds=True,
            )
        self._unlink_log()  # the child has inherited the open file
        self._keep = (self._process.stdin, self._process.stdout)
        self._write_fd = self._process.stdin.fileno()
        self._read_fd = self._process.stdout.fileno()
        self.pid = self._process.pid

    def fileno(self) -> int:
        return self._read_fd

    def exit_code(self) -> int | None:
        """None while running; negative: killed by that signal."""
        if isinstance(self._process, subprocess.Popen):
            return self._process.poll()
        return self._process.exitcode

    def send(self, message: tuple) -> None:
        body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        data = memoryview(FRAME.pack(len(body)) + body)
        try:
            while data:
                data = data[os.write(self._write_fd, data) :]
        except OSError as error:
            raise WorkerGone(self.why_gone()) from error

    def read_available(self) -> tuple[list[tuple], bool]:
        """Every complete message that has arrived, and whether the worker has closed its end.

        Call when the descriptor is readable; never blocks.
        """
        eof = False
        while True:
            try:
                chunk = os.read(self._read_fd, 1 << 20)
            except BlockingIOError:
                break
            if not chunk:
                eof = True
                break
            self._buffer += chunk
        messages = []
        while len(self._buffer) >= FRAME.size:
            (size,) = FRAME.unpack_from(self._buffer)
            if len(self._buffer) < FRAME.size + size:
                break
            body = bytes(self._buffer[FRAME.size : FRAME.size + size])
            del self._buffer[: FRAME.size + size]
            message = pickle.loads(body)
            self._note(message)
            messages.append(message)
        return messages, eof

    def receive(self, timeout: float | None) -> tuple | None:
        """The next message, waiting at most `timeout` seconds (None: no limit).

        Returns None on timeout; raises WorkerGone if the worker exits first. For callers that
        send one request at a time.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self._read_fd, selectors.EVENT_READ)
            while True:
                messages, eof = self.read_available()
                if len(messages) > 1:
                    raise RuntimeError("worker sent more replies than requests")
                if messages:
                    return messages[0]
                if eof:
                    raise WorkerGone(self.why_gone())
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return None
                selector.select(left)

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT) -> None:
        message = self.receive(timeout)
        if message is None:
            self.kill()
            raise WorkerGone(f"the worker did not start within {timeout:.0f} s")

    def _note(self, message: tuple) -> None:
        if message[0] == "ready":
            self.ready = True
            self._unlink_log()  # a forked worker opens it before it says ready
        self.peak_rss = max(self.peak_rss, message[-1])

    def observe_memory(self) -> None:
        """Read the worker's peak resident memory from /proc (Linux; elsewhere its replies
        are the only source)."""
        try:
            with open(f"/proc/{self.pid}/status", "rb") as status:
                for line in status:
                    if line.startswith(b"VmHWM:"):
                        self.peak_rss = max(self.peak_rss, int(line.split()[1]) * 1024)
                        return
        except (OSError, ValueError, IndexError):
            pass

    def why_gone(self) -> str:
        """The exit status and the last lines the worker wrote to stderr."""
        code = self._wait(2.0)
        if code is None:
            what = "the worker stopped answering"
        elif code < 0:
            what = f"the worker process was killed by signal {-code}"
        else:
            what = f"the worker process exited with code {code}"
        tail = self.stderr_tail()
        return f"{what}: {tail}" if tail else what

    def stderr_tail(self, lines: int = 3) -> str:
        if self._log_fd < 0:
            return ""
        try:
            size = os.fstat(self._log_fd).st_size
            start = max(0, size - 16384)
            text = os.pread(self._log_fd, size - start, start).decode("utf-8", errors="replace")
        except OSError:
            return ""
        kept = [line.strip() for line in text.splitlines() if line.strip()][-lines:]
        return " | ".join(kept)

    def _wait(self, timeout: float) -> int | None:
        if isinstance(self._process, subprocess.Popen):
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=timeout)
        else:
            self._process.join(timeout)
        return self.exit_code()

    def kill(self) -> None:
        if self.exit_code() is None:
            with contextlib.suppress(OSError):
                self._process.kill()
        self._release()

    def stop_sending(self) -> None:
        """Close the request pipe: the worker finishes what it has and exits."""
        with contextlib.suppress(OSError):
            self._keep[0].close()

    def close(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop, and kill it if it does not."""
        self.stop_sending()
        if self._wait(timeout) is None:
            with contextlib.suppress(OSError):
                self._process.kill()
        self._release()

    def _release(self) -> None:
        self._wait(5.0)
        for stream in self._keep:
            with contextlib.suppress(OSError):
                stream.close()
        if not isinstance(self._process, subprocess.Popen):
            with contextlib.suppress(ValueError):
                self._process.close()
        self._unlink_log()
        if self._log_fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._log_fd)
            self._log_fd = -1

    def _unlink_log(self) -> None:
        if self._log_path:
            with contextlib.suppress(OSError):
                os.unlink(self._log_path)
            self._log_path = None


def _fork_server():
    """multiprocessing's fork-server context with the parser preloaded, or None where workers
    must be fresh subprocesses (no fork server, or we are a daemonic process)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    if multiprocessing.current_process().daemon:
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context
