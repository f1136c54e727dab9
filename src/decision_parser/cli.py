"""The command line: `parse-decision FILE...`, `parse-decision schema`, `parse-decision evaluate`.

Bad input never shows a traceback: each failing file gets one line on stderr
(`parse-decision: error: PATH: what is wrong`), the other files go on, and the exit code is 1.
Usage errors exit with 2.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import InputError, error_line
from .limits import DEFAULT_MAX_MEMORY_MB
from .train_cli import train_command

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=(
        "Turn LGSCO decisions, public interest reports and council committee papers into "
        "structured JSON with evidence (page, offsets, quote) for every value.\n\n"
        "Examples:\n\n"
        "  parse-decision decision.pdf\n\n"
        "  parse-decision a.pdf b.html c.txt --format jsonl --out results.jsonl\n\n"
        "  cat decision.html | parse-decision -\n\n"
        "  parse-decision schema > decision.schema.json\n\n"
        "  parse-decision evaluate corpus/gold corpus/pdf"
    ),
)
COMMANDS = {"parse", "schema", "evaluate", "batch", "train", "review", "register"}


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


# Keep in step with read.DEFAULT_MAX_BYTES (not imported: the reader is loaded only to parse).
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
# One file at a time, a person is waiting: a hostile file (a PDF of 100,000 pages) must end
# within a minute with one line, while a real 2,000-page pack (about 40 s) still parses.
SINGLE_FILE_TIME_LIMIT = 55.0
MAX_MEMORY_HELP = (
    "Stop when parsing one document takes more than this many MB of memory (default "
    f"{DEFAULT_MAX_MEMORY_MB}; real documents take a few hundred at most). 0: no limit."
)
MAX_BYTES_HELP = (
    "Refuse inputs bigger than this many bytes (default 100 MB, far above any real decision or "
    "agenda pack; it keeps memory bounded). 0: no limit."
)


def _parse_one(path: str, with_text: bool, use_model: bool, max_bytes: int | None):
    from . import parse
    from .read import shown_path

    if path == "-":
        # Read one byte past the limit so an over-long stream is refused, not read whole.
        limit = None if max_bytes is None else max_bytes + 1
        data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit)
        return parse(data, name=None, with_text=with_text, use_model=use_model, max_bytes=max_bytes)
    return parse(
        path, name=shown_path(path), with_text=with_text, use_model=use_model, max_bytes=max_bytes
    )


def write_output(out: Path | None, text: str) -> None:
    """All of text to --out (or stdout), or one error line and exit 1."""
    try:
        with Sink(out) as sink:
            sink.write(text)
            sink.commit()
    except OutputFailed as error:
        error_line(str(error))
        raise typer.Exit(1) from None


class OutputFailed(Exception):
    """Writing the results failed (disk full, pipe closed): one line, exit 1."""


class Sink:
    """Where results go: stdout, or --out written to a temporary file beside it and renamed
    into place at the end, so a failed run never leaves a half-written file that looks done.
    A --out that is not a regular file (a FIFO, /dev/stdout) is written directly."""

    def __init__(self, out: Path | None):
        self.out = out
        self.name = str(out) if out is not None else "<stdout>"
        self.temporary: Path | None = None
        self.stream = None

    def __enter__(self) -> Sink:
        if self.out is None:
            if sys.stdout is None:  # started with stdout closed (`>&-`)
                raise OutputFailed("<stdout>: is closed; use --out FILE")
            self.stream = sys.stdout
            return self
        target = self.out
        try:
            if target.exists() and not target.is_file():
                if target.is_dir():
                    raise OutputFailed(f"{target}: is a folder; --out needs a file name")
                self.stream = target.open("w", encoding="utf-8")
            else:
                target.parent.mkdir(parents=True, exist_ok=True)  # --out results/today.jsonl
                self.temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
                self.stream = self.temporary.open("w", encoding="utf-8")
        except OSError as error:
            raise OutputFailed(f"{target}: cannot write: {error.strerror or error}") from None
        return self

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except OSError as error:
            raise OutputFailed(self._why(error)) from None

    def commit(self) -> None:
        if self.out is None:
            return
        try:
            self.stream.close()
            if self.temporary is not None:
                os.replace(self.temporary, self.out)
                self.temporary = None
        except OSError as error:
            raise OutputFailed(self._why(error)) from None

    def __exit__(self, *exc) -> None:
        if self.out is None:
            return
        with contextlib.suppress(OSError):
            self.stream.close()
        if self.temporary is not None:  # not committed: nothing half-written is left
            with contextlib.suppress(OSError):
                self.temporary.unlink()

    def _why(self, error: OSError) -> str:
        if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
            if self.out is None:
                # Python would complain again when it flushes stdout at exit.
                with contextlib.suppress(OSError):
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return f"{self.name}: the reader closed the pipe before all results were written"
        if error.errno == errno.ENOSPC:
            return f"{self.name}: no space left on the device; nothing was kept"
        return f"{self.name}: cannot write: {error.strerror or error}"


NO_MODEL_HELP = "Rules only: do not load the trained model from models/."


@app.command(
    "parse",
    help=(
        "Parse one or more files (PDF with a text layer, HTML page, plain text or Markdown; '-' reads "
        "stdin) and print JSON. The type is detected from the content.\n\n"
        "Examples:\n\n"
        "  parse-decision parse decision.pdf   (same as: parse-decision decision.pdf)\n\n"
        "  parse-decision a.pdf b.pdf --format jsonl --out out.jsonl"
    ),
)
def parse_command(
    files: Annotated[list[str], typer.Argument(help="Files to parse; '-' for stdin.")],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="json (one document, or an array for several) or jsonl (one line each). Default: json for one file, jsonl for several.",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include the cleaned text the offsets point into.")
    ] = False,
    compact: Annotated[
        bool, typer.Option("--compact", help="No indentation in json output.")
    ] = False,
    no_model: Annotated[bool, typer.Option("--no-model", help=NO_MODEL_HELP)] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help=MAX_BYTES_HELP)] = DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            help="Seconds one document may take before it fails (default 55: a 2,000-page "
            "PDF takes about 40 here; 0: no limit).",
        ),
    ] = SINGLE_FILE_TIME_LIMIT,
    max_memory: Annotated[int, typer.Option("--max-memory", help=MAX_MEMORY_HELP)] = (
        DEFAULT_MAX_MEMORY_MB
    ),
) -> None:
    from .limits import TimeLimitExceeded, memory_guard, time_limit

    fmt = output_format or (OutputFormat.json if len(files) == 1 else OutputFormat.jsonl)
    if max_bytes < 0 or timeout < 0 or max_memory < 0:
        error_line("--max-bytes, --timeout and --max-memory must be 0 (no limit) or more")
        raise typer.Exit(2)
    failures = 0
    results: list[str] = []
    try:
        with Sink(out) as sink:
            for path in files:
                shown = "<stdin>" if path == "-" else path

                def stuck(shown=shown) -> None:
                    error_line(f"{shown}: took longer than the {timeout:g} s limit (--timeout)")
                    sink.__exit__()  # the process ends here: leave no temporary file

                def too_much_memory(used: int, shown=shown) -> None:
                    error_line(
                        f"{shown}: parsing it used {used // 2**20} MB, over the {max_memory} MB "
                        "limit (--max-memory); stopped. A PDF whose drawings nest and repeat "
                        "can ask for gigabytes from a few KB"
                    )
                    sink.__exit__()

                try:
                    with (
                        time_limit(timeout, stuck),
                        memory_guard(max_memory * 2**20, too_much_memory),
                    ):
                        decision = _parse_one(path, with_text, not no_model, max_bytes or None)
                        line = decision.model_dump_json(
                            indent=None if compact or fmt is OutputFormat.jsonl else 2
                        )
                except TimeLimitExceeded as error:
                    error_line(f"{shown}: {error} (--timeout)")
                    failures += 1
                    continue
                except InputError as error:
                    if path != "-" and os.path.isdir(path):
                        error_line(
                            f"{shown}: is a folder; to parse every document in it, run "
                            f"`parse-decision batch {shown} --out results.jsonl`"
                        )
                    else:
                        error_line(str(error))
                    failures += 1
                    continue
                except MemoryError:
                    error_line(f"{shown}: ran out of memory; try a smaller --max-bytes")
                    failures += 1
                    continue
                except Exception as error:  # noqa: BLE001 - one bad file must not stop the rest
                    error_line(f"{shown}: could not be parsed ({type(error).__name__}: {error})")
                    failures += 1
                    continue
                if fmt is OutputFormat.jsonl:
                    sink.write(line + "\n")
                else:
                    results.append(line)
            if fmt is OutputFormat.json and results:
                body = results[0] if len(files) == 1 else "[\n" + ",\n".join(results) + "\n]"
                sink.write(body + "\n")
            if failures < len(files):
                sink.commit()  # when every file failed, --out is left as it was

    except OutputFailed as error:
        error_line(str(error))
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


@app.command(
    "review",
    help=(
        "Write a self-contained HTML page to check a document's values by eye: the cleaned text "
        "with every extracted value highlighted where its evidence points, a panel of the "
        "fields (each linking to its highlight, model-made values marked) and the warnings.\n\n"
        "Example:\n\n  parse-decision review corpus/pdf/001_harlow_vale_send_upheld.pdf "
        "--html review.html"
    ),
)
def review_command(
    file: Annotated[str, typer.Argument(help="A PDF, HTML or text file; '-' reads stdin.")],
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write the page here (default: stdout).")
    ] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help=NO_MODEL_HELP)] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help=MAX_BYTES_HELP)] = DEFAULT_MAX_BYTES,
) -> None:
    from .review import render_review

    shown = "<stdin>" if file == "-" else file
    try:
        decision = _parse_one(file, True, not no_model, max_bytes or None)
    except InputError as error:
        error_line(str(error))
        raise typer.Exit(1) from None
    except Exception as error:  # noqa: BLE001 - one line, never a traceback
        error_line(f"{shown}: could not be parsed ({type(error).__name__}: {error})")
        raise typer.Exit(1) from None
    write_output(html_out, render_review(decision))


class RegisterFormat(StrEnum):
    csv = "csv"
    json = "json"
    html = "html"


@app.command(
    "register",
    help=(
        "Join, by case, each Ombudsman decision or report with the committee papers and minutes "
        "that answer it, and list every recommendation with its due date, the latest status a "
        "paper reported (with the paper and the evidence) and whether it is overdue on --as-of. "
        "Reads a batch's results.jsonl or its SQLite export.\n\n"
        "Example:\n\n  parse-decision batch corpus/pdf --out results.jsonl\n\n"
        "  parse-decision register results.jsonl --as-of 2025-03-01 --format html "
        "--out register.html"
    ),
)
def register_command(
    results: Annotated[Path, typer.Argument(help="results.jsonl or a SQLite export.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The date overdue is judged on (default: today).")
    ] = None,
    output_format: Annotated[
        RegisterFormat, typer.Option("--format", "-f", help="csv (default), json or html.")
    ] = RegisterFormat.csv,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
    sqlite_file: Annotated[
        Path | None,
        typer.Option("--sqlite", help="Also write tables register_recommendations and register_papers here."),
    ] = None,
) -> None:
    import datetime as dt

    from .exports import ExportError
    from .register import build_register, read_decisions, to_csv, to_html, to_json, to_sqlite

    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        error_line(f"--as-of {as_of!r}: give a date as YYYY-MM-DD")
        raise typer.Exit(2) from None
    if not results.is_file():
        error_line(f"{results}: no such file (give a batch's results.jsonl or SQLite export)")
        raise typer.Exit(1)
    try:
        register = build_register(read_decisions(results), day)
        if sqlite_file is not None:
            to_sqlite(register, sqlite_file)
    except (ExportError, OSError) as error:
        error_line(str(error))
        raise typer.Exit(1) from None
    except Exception as error:  # noqa: BLE001 - sqlite3 errors on a damaged file: one line
        error_line(f"{results}: {type(error).__name__}: {error}")
        raise typer.Exit(1) from None
    render = {"csv": to_csv, "json": to_json, "html": to_html}[output_format.value]
    write_output(out, render(register))


@app.command(
    "schema",
    help=(
        "Print the JSON Schema of the output (the same file as schema/decision.schema.json).\n\n"
        "Example:\n\n  parse-decision schema > decision.schema.json"
    ),
)
def schema_command() -> None:
    from .output import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command(
    "evaluate",
    help=(
        "Score the parser against gold files (one JSON per document, in the format of "
        "shared/gold/README.md) and print precision, recall and F1 per field, then the misses. "
        "With the trained model installed, the table shows F1 for the rules alone and for rules "
        "+ model side by side. GOLD may also be the annotated held-out split "
        "(corpus/training/heldout.jsonl), scored sentence by sentence.\n\n"
        "Examples:\n\n"
        "  parse-decision evaluate corpus/gold corpus/pdf\n\n"
        "  parse-decision evaluate ../shared/gold/seeds ../shared/seeds --format json\n\n"
        "  parse-decision evaluate corpus/training/heldout.jsonl\n\n"
        "  parse-decision evaluate corpus/gold corpus/text --skip-missing"
    ),
)
def evaluate_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of gold JSON files, or an annotated .jsonl split.")
    ],
    docs_dir: Annotated[
        Path | None,
        typer.Argument(help="Folder holding the documents the gold names (not for .jsonl)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table (default) or json.")
    ] = "table",
    no_misses: Annotated[bool, typer.Option("--no-misses", help="Print only the table.")] = False,
    no_model: Annotated[bool, typer.Option("--no-model", help=NO_MODEL_HELP)] = False,
    skip_missing: Annotated[
        bool,
        typer.Option(
            "--skip-missing",
            help="Leave out gold files whose document is not in DOCS_DIR (a folder holding some "
            "documents in one more format, such as corpus/text), instead of reporting an error.",
        ),
    ] = False,
) -> None:
    from .evaluate import evaluate, evaluate_heldout, format_comparison, format_table
    from .nlp import trained_pipeline

    heldout = gold_dir.suffix == ".jsonl"
    if heldout and not gold_dir.is_file():
        error_line(f"{gold_dir}: no such file")
        raise typer.Exit(1)
    if not heldout:
        if docs_dir is None:
            error_line("evaluate needs DOCS_DIR, the folder of documents the gold files name")
            raise typer.Exit(2)
        for folder in (gold_dir, docs_dir):
            if not folder.is_dir():
                error_line(f"{folder}: not a folder")
                raise typer.Exit(1)
    model = None if no_model else trained_pipeline()
    if not no_model and model is None:
        error_line("the trained model is not installed: scoring the rules alone")

    def score(with_model: bool):
        if heldout:
            return evaluate_heldout(gold_dir, model if with_model else None)
        return evaluate(gold_dir, docs_dir, use_model=with_model, skip_missing=skip_missing)

    rules = score(False)
    combined = score(True) if model is not None else None
    final = combined or rules
    if output_format == "json":
        body = {"rules": rules.as_dict()}
        if combined:
            body["rules+model"] = combined.as_dict()
        typer.echo(json.dumps(body, indent=2, default=str))
    else:
        typer.echo(format_table(final, show_misses=not no_misses and not heldout))
        if combined:
            typer.echo("")
            typer.echo(format_comparison(rules, combined))
    if final.errors:
        raise typer.Exit(1)


@app.command(
    "batch",
    help=(
        "Parse a whole corpus (files, folders searched recursively, globs) in parallel worker "
        "processes into one JSONL file, one Decision per line. Resumable: a re-run skips "
        "documents already in --out (by content hash). Failures go to OUT.errors.jsonl beside --out "
        "and the run goes on; exit code 1 if any document failed. See docs/batch.md.\n\n"
        "Examples:\n\n"
        "  parse-decision batch decisions/ --out results.jsonl\n\n"
        "  parse-decision batch 'papers/**/*.pdf' --out results.jsonl --csv exports/ "
        "--sqlite decisions.db\n\n"
        "  parse-decision batch decisions/ --out results.jsonl --scheduler tcp://10.0.0.5:8786"
    ),
)
def batch_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders or globs (quote globs such as '**/*.pdf').")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Results file (JSONL); appended to and resumed.")
    ],
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Error records (JSONL). Default: beside --out, named after it (results.errors.jsonl)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Worker processes. Default: the number of cores."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds one document may take before it fails.")
    ] = 120.0,
    skip_failed: Annotated[
        bool,
        typer.Option(
            "--skip-failed", help="Do not retry documents that failed before (in --errors)."
        ),
    ] = False,
    csv_dir: Annotated[
        Path | None,
        typer.Option("--csv", help="Also write documents.csv and recommendations.csv here."),
    ] = None,
    sqlite_file: Annotated[
        Path | None,
        typer.Option("--sqlite", help="Also upsert everything into this SQLite database."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Parse on Dask: 'local' (a cluster of --workers processes) or tcp://HOST:PORT.",
        ),
    ] = None,
    ship_bytes: Annotated[
        bool | None,
        typer.Option(
            "--ship-bytes/--no-ship-bytes",
            help="Dask: send file contents to the workers (default for tcp://), or only paths "
            "(workers must see the same files).",
        ),
    ] = None,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include the cleaned text in each result.")
    ] = False,
    max_tasks_per_worker: Annotated[
        int,
        typer.Option(
            "--max-tasks-per-worker", help="Restart a worker after this many documents (0: never)."
        ),
    ] = 0,
    progress: Annotated[
        str,
        typer.Option(
            "--progress",
            help="auto (a bar on a terminal, else periodic lines), bar, lines or none.",
        ),
    ] = "auto",
    progress_interval: Annotated[
        float, typer.Option("--progress-interval", help="Seconds between progress lines.")
    ] = 10.0,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help=MAX_BYTES_HELP)] = DEFAULT_MAX_BYTES,
) -> None:
    from .batch import BatchOptions
    from .batch import main as run_batch

    options = BatchOptions(
        inputs=inputs,
        out=out,
        errors=errors,
        workers=workers,
        time_limit=timeout,
        skip_failed=skip_failed,
        scheduler=scheduler,
        ship_bytes=ship_bytes,
        with_text=with_text,
        max_tasks_per_worker=max_tasks_per_worker,
        progress=progress,
        progress_interval=progress_interval,
        csv=csv_dir,
        sqlite=sqlite_file,
        max_bytes=max_bytes or None,
    )
    code = run_batch(options)
    if code:
        raise typer.Exit(code)


app.command(
    "train",
    help=(
        "Rebuild the trained model (NER for organisations, parties and remedies; a classifier "
        "for recommendation actions) from an annotated corpus with a fixed seed, and print its "
        "held-out scores. Takes about five minutes on two cores. Inside a decision-parser "
        "checkout the paths default to its corpus/training, models/config.cfg and "
        "models/decision-parser-ner; anywhere else give all three.\n\n"
        "Examples:\n\n"
        "  parse-decision train                      (in a checkout: reproduces the shipped model)\n\n"
        "  parse-decision train --output /tmp/m --max-steps 200\n\n"
        "  parse-decision train --corpus ~/dp/corpus/training --config ~/dp/models/config.cfg "
        "--output /tmp/m"
    ),
)(train_command)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"decision-parser {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version."
        ),
    ] = None,
) -> None:
    pass


def main(argv: list[str] | None = None) -> None:
    """Entry point. `parse-decision FILE` is short for `parse-decision parse FILE`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and args[0] not in ("--help", "-h", "--version"):
        args.insert(0, "parse")
    elif args and args[0] in COMMANDS and len(args) == 1 and os.path.isfile(args[0]):
        # `parse-decision schema` with a file named "schema" here: the command wins, but say how
        # to parse the file instead.
        error_line(
            f"'{args[0]}' is a command; to parse the file of that name run "
            f"`parse-decision parse {args[0]}` or `parse-decision ./{args[0]}`"
        )
    try:
        app(args=args, prog_name="parse-decision", standalone_mode=True)
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(130)
