"""`parse-decision batch`: every good document written once, one error record per bad one,
a hung or crashing document costs only itself, and a SIGKILLed run resumes cleanly.

The worker processes here are real: faults are injected through the worker's test-only
environment variable (worker.FAULTS_ENV), not by mocking the pool.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decision_parser import parse
from decision_parser.batch import (
    BatchOptions,
    Progress,
    ResultLog,
    errors_path_for,
    expand_inputs,
    hash_file,
)
from decision_parser.batch import main as batch_main
from decision_parser.cli import main as cli_main
from decision_parser.models import Decision
from decision_parser.worker import FAULTS_ENV
from tests import pdfs
from tests.helpers import CORPUS, REPO

GOOD = [
    CORPUS / "pdf" / "001_harlow_vale_send_upheld.pdf",
    CORPUS / "pdf" / "005_harlow_vale_cabinet_report.pdf",
    CORPUS / "pdf" / "009_ashby_moor_planning_upheld_remedied.pdf",
    CORPUS / "sources" / "003_eastmoor_council_tax_closed.md",
]


def cli(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli_main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def copy_inputs(folder: Path, files: list[Path]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for file in files:
        shutil.copy(file, folder / file.name)
        copies.append(folder / file.name)
    return copies


def bad_files(folder: Path) -> dict[str, str]:
    """name -> words its error message must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    pdfs.truncated_pdf(folder / "truncated.pdf")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "not_a_pdf.pdf").write_text("Dear Sir, this is a letter, not a PDF.\n")
    return {"truncated.pdf": "truncated", "empty.pdf": "empty", "not_a_pdf.pdf": "not a PDF"}


def test_good_and_bad_files_each_get_one_line(tmp_path, capsys):
    inputs = tmp_path / "in"
    copy_inputs(inputs, GOOD)
    bad = bad_files(inputs / "bad")
    out = tmp_path / "out" / "results.jsonl"
    argv = ["batch", str(inputs), "--out", str(out), "--progress", "lines"]

    code, stdout, stderr = cli(argv + ["--progress-interval", "0"], capsys)

    assert code == 1
    results = out.read_text(encoding="utf-8").splitlines()
    assert len(results) == len(GOOD)
    decisions = [Decision.model_validate_json(line) for line in results]
    assert {d.source.sha256 for d in decisions} == {hash_file(str(p)) for p in GOOD}
    # Each line is exactly what `parse-decision FILE --format jsonl` prints for that file.
    sample = inputs / GOOD[1].name
    assert parse(str(sample)).model_dump_json() in results
    errors = read_jsonl(errors_path_for(out))
    assert sorted(Path(e["path"]).name for e in errors) == sorted(bad)
    for record in errors:
        assert record["error"] == "InputError"
        assert bad[Path(record["path"]).name] in record["message"]
        assert record["sha256"] == hash_file(record["path"])
    assert re.search(r"parsed +4\n", stdout) and re.search(r"failed +3 \(see ", stdout)
    assert f"batch: {len(GOOD) + len(bad)}/{len(GOOD) + len(bad)} documents" in stderr
    assert "Traceback" not in stderr

    # A re-run parses nothing good again and retries the failures: still one record each.
    code, stdout, _ = cli(argv, capsys)
    assert code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(GOOD)
    assert len(read_jsonl(errors_path_for(out))) == len(bad)
    assert re.search(rf"already done +{len(GOOD)} ", stdout)

    # --skip-failed leaves them alone: nothing is parsed, but they are still failing (exit 1).
    code, stdout, _ = cli(argv + ["--skip-failed"], capsys)
    assert code == 1
    assert re.search(r"skipped, failed before +3 ", stdout)
    assert len(read_jsonl(errors_path_for(out))) == len(bad)


def test_hang_and_crash_cost_one_document_each(tmp_path, monkeypatch):
    inputs = copy_inputs(tmp_path / "in", GOOD)
    hang = shutil.copy(CORPUS / "sources" / "004_westbridge_homelessness_not_upheld.md",
                       tmp_path / "in" / "hangs.md")  # fmt: skip
    crash = shutil.copy(CORPUS / "sources" / "010_calderbrook_highways_upheld.md",
                        tmp_path / "in" / "crashes.md")  # fmt: skip
    monkeypatch.setenv(FAULTS_ENV, "hang=hangs.md;crash=crashes.md")
    out = tmp_path / "results.jsonl"
    stdout = io.StringIO()
    started = time.monotonic()

    code = batch_main(
        BatchOptions([str(tmp_path / "in")], out, workers=2, time_limit=2.0, progress="none"),
        stdout=stdout,
    )

    assert code == 1
    assert time.monotonic() - started < 60
    assert {json.loads(line)["source"]["path"] for line in out.read_text().splitlines()} == {
        str(p) for p in inputs
    }
    errors = {Path(e["path"]).name: e for e in read_jsonl(errors_path_for(out))}
    assert set(errors) == {"hangs.md", "crashes.md"}
    assert errors["hangs.md"]["error"] == "TimeoutError"
    assert "2 s time limit" in errors["hangs.md"]["message"]
    assert errors["crashes.md"]["error"] == "WorkerCrashed"
    assert "exited with code 3" in errors["crashes.md"]["message"]
    assert hang and crash
    assert "peak worker memory" in stdout.getvalue()


def test_killed_run_resumes_with_each_document_once(tmp_path):
    inputs = sorted((CORPUS / "sources").glob("*.md")) + sorted((CORPUS / "pdf").glob("*.pdf"))[:5]
    folder = tmp_path / "in"
    copy_inputs(folder, inputs)
    expected = {hash_file(str(p)) for p in inputs}
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "decision_parser", "batch", str(folder), "--out", str(out)]
    command += ["--workers", "2", "--progress", "none"]
    env = {**os.environ, FAULTS_ENV: "slow=0.1", "PYTHONPATH": str(REPO / "src")}

    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and run.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    import psutil

    workers = psutil.Process(run.pid).children(recursive=True)  # fork server and workers
    run.send_signal(signal.SIGKILL)
    run.communicate()
    assert run.returncode == -signal.SIGKILL

    # Killed part-way: some results, every complete line whole.
    lines = out.read_bytes().splitlines(keepends=True)
    complete = [line for line in lines if line.endswith(b"\n")]
    assert 3 <= len(complete) < len(inputs)
    for line in complete:
        Decision.model_validate_json(line)
    # Its workers die with it rather than parse on as orphans.
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive

    # As if the kill had come in the middle of a write: a torn last line.
    with open(out, "ab") as handle:
        handle.write(b'{"schema_version":"1.0","parser_version":"0.1.0","sour')

    env.pop(FAULTS_ENV)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    assert rerun.returncode == 0, rerun.stderr
    assert "dropped a partial last line" in rerun.stderr
    final = out.read_text(encoding="utf-8").splitlines()
    shas = [Decision.model_validate_json(line).source.sha256 for line in final]
    assert len(shas) == len(set(shas)) == len(expected)
    assert set(shas) == expected


def test_same_content_is_parsed_once_whatever_its_name(tmp_path):
    folder = tmp_path / "in"
    sample = GOOD[3]
    copy_inputs(folder, [sample])
    shutil.copy(sample, folder / "copy.md")
    # The outputs sit among the inputs, and '*' reaches them: they are not documents.
    out = folder / "results.jsonl"
    everything = str(folder / "*")
    stdout = io.StringIO()

    assert batch_main(BatchOptions([everything], out, progress="none"), stdout=stdout) == 0
    assert "duplicates" in stdout.getvalue()
    assert len(out.read_text().splitlines()) == 1

    (folder / "copy.md").rename(folder / "renamed.md")
    stdout = io.StringIO()
    assert batch_main(BatchOptions([everything], out, progress="none"), stdout=stdout) == 0
    assert re.search(r"documents found +2\n", stdout.getvalue())
    assert re.search(r"already done +2 ", stdout.getvalue())  # both names, one content
    assert len(out.read_text().splitlines()) == 1
    assert errors_path_for(out).read_text() == ""


def test_inputs_expand_folders_globs_and_report_missing(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/one.pdf", "a/deep/two.HTML", "a/deep/three.txt", "a/skip.docx", "b.md"):
        (tmp_path / name).write_text("x")
    (tmp_path / "a" / ".hidden.pdf").write_text("x")
    (tmp_path / "a" / ".git").mkdir()
    (tmp_path / "a" / ".git" / "x.pdf").write_text("x")
    (tmp_path / "a" / "README.md").write_text("x")  # the folder's own notes
    (tmp_path / "a" / "deep" / "LICENSE.txt").write_text("x")

    files, missing, unmatched = expand_inputs(
        [
            str(tmp_path / "a"),
            str(tmp_path / "*.md"),
            str(tmp_path / "a" / "one.pdf"),  # named twice: once only
            str(tmp_path / "a" / "skip.docx"),  # named explicitly: taken
            str(tmp_path / "a" / "README.md"),  # named explicitly: taken
            str(tmp_path / "gone.pdf"),
            str(tmp_path / "*.nothing"),
        ]
    )

    names = [Path(f).relative_to(tmp_path).as_posix() for f in files]
    assert names == [
        "a/one.pdf", "a/deep/three.txt", "a/deep/two.HTML", "b.md", "a/skip.docx", "a/README.md"
    ]  # fmt: skip
    assert missing == [str(tmp_path / "gone.pdf")]
    assert unmatched == [str(tmp_path / "*.nothing")]


def test_missing_file_is_an_error_record_not_a_crash(tmp_path, capsys):
    out = tmp_path / "results.jsonl"
    code, _, _ = cli(["batch", str(tmp_path / "nope.pdf"), "--out", str(out)], capsys)
    assert code == 1
    [record] = read_jsonl(errors_path_for(out))
    assert record["message"] == "no such file" and record["sha256"] is None


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--workers", "0"], "--workers"),
        (["--timeout", "0"], "--timeout"),
        (["--scheduler", "nonsense"], "--scheduler"),
    ],
)
def test_usage_errors_exit_2(tmp_path, capsys, extra, words):
    code, _, stderr = cli(
        ["batch", str(GOOD[0]), "--out", str(tmp_path / "r.jsonl")] + extra, capsys
    )
    assert code == 2
    assert words in stderr and "Traceback" not in stderr


def test_no_documents_found_exits_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, stderr = cli(
        ["batch", str(tmp_path / "empty"), "--out", str(tmp_path / "r.jsonl")], capsys
    )
    assert code == 2
    assert "no documents found" in stderr


def test_a_second_run_on_the_same_output_is_refused(tmp_path, capsys):
    import fcntl

    out = tmp_path / "r.jsonl"
    with open(out, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, _, stderr = cli(["batch", str(GOOD[0]), "--out", str(out)], capsys)
    assert code == 2
    assert "another batch run" in stderr


def test_resume_state_cuts_a_partial_line(tmp_path):
    out = tmp_path / "r.jsonl"
    good = [parse(str(p)).model_dump_json() for p in GOOD[3:]]
    out.write_text("\n".join(good) + "\n" + "not json\n" + good[0][:50], encoding="utf-8")

    log = ResultLog(out).open()
    log.close()

    assert log.done == {json.loads(good[0])["source"]["sha256"]}
    assert any("partial last line" in note for note in log.notes)
    assert any("not Decision JSON" in note for note in log.notes)
    assert out.read_text(encoding="utf-8").endswith("not json\n")


def test_progress_is_a_bar_on_a_terminal(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    from decision_parser.batch import Outcome

    stream = Terminal()
    progress = Progress(2, "auto", 10.0, stream)
    progress.advance(Outcome("a.pdf", "x", line="{}", pages=3))
    progress.advance(Outcome("b.pdf", "y", error="InputError", message="empty file"))
    progress.close()
    shown = stream.getvalue()
    assert "2/2" in shown and "doc/s" in shown and "3 pages, 1 failed" in shown


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
def test_a_folder_of_odd_files_loses_no_good_document(tmp_path, capsys):
    """A FIFO, a /dev/zero link, a link loop and a name that is not UTF-8 beside good files:
    the parent stats before it hashes (nothing blocks or reads for ever), every good document
    is written, and each odd one gets one error record. Then damaged lines in the logs."""
    inputs = tmp_path / "in"
    copy_inputs(inputs, GOOD[:2])
    os.mkfifo(inputs / "pipe.txt")
    (inputs / "zero.txt").symlink_to("/dev/zero")
    (inputs / "loop-a.txt").symlink_to(inputs / "loop-b.txt")
    (inputs / "loop-b.txt").symlink_to(inputs / "loop-a.txt")
    with open(os.fsencode(inputs) + b"/caf\xe9.md", "wb") as handle:
        handle.write(GOOD[3].read_bytes())
    out = tmp_path / "results.jsonl"
    argv = ["batch", str(inputs), "--out", str(out), "--progress", "none", "--workers", "2"]

    code, _, stderr = cli(argv, capsys)

    assert code == 1 and "Traceback" not in stderr
    paths = sorted(Path(json.loads(line)["source"]["path"]).name for line in out.read_bytes().splitlines())
    assert paths == sorted([GOOD[0].name, GOOD[1].name, "caf\ufffd.md"])
    errors = {Path(r["path"]).name: r["message"] for r in read_jsonl(errors_path_for(out))}
    assert set(errors) == {"pipe.txt", "zero.txt", "loop-a.txt", "loop-b.txt"}
    assert "FIFO" in errors["pipe.txt"] and "device" in errors["zero.txt"]
    assert "loop of symbolic links" in errors["loop-a.txt"]

    # Bytes that are not UTF-8 in either log, and JSON that is not a Decision, spoil only
    # their own line: the resume and the export go on, and neither counts as a document.
    with out.open("ab") as handle:
        handle.write(b'{"source": {"sha256": "' + b"0" * 64 + b'"}}\n\xff\xfe not json\n')
    with errors_path_for(out).open("ab") as handle:
        handle.write(b"\xff\n")
    csv_dir = tmp_path / "csv"
    code, stdout, stderr = cli(argv + ["--csv", str(csv_dir)], capsys)
    assert code == 1 and "Traceback" not in stderr
    assert "2 line(s) are not Decision JSON" in stderr
    assert re.search(r"already done +3 ", stdout)
    with (csv_dir / "documents.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 3


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_out_must_be_a_regular_file(tmp_path, capsys):
    copy_inputs(tmp_path / "in", GOOD[3:])
    code, _, stderr = cli(["batch", str(tmp_path / "in"), "--out", "/dev/full"], capsys)
    assert code == 2
    assert "not a regular file" in stderr and "Traceback" not in stderr


def test_max_bytes_is_checked_before_hashing(tmp_path, capsys):
    copy_inputs(tmp_path / "in", GOOD[:1] + GOOD[3:])
    out = tmp_path / "results.jsonl"
    size = GOOD[3].stat().st_size
    argv = ["batch", str(tmp_path / "in"), "--out", str(out), "--progress", "none",
            "--max-bytes", str(size)]  # fmt: skip
    code, _, _ = cli(argv, capsys)
    assert code == 1
    assert [Path(json.loads(line)["source"]["path"]).name for line in out.read_text().splitlines()] == [GOOD[3].name]
    (record,) = read_jsonl(errors_path_for(out))
    assert record["sha256"] is None and "--max-bytes" in record["message"]


def test_a_full_disk_mid_run_is_one_line_and_keeps_what_was_written(tmp_path, capsys, monkeypatch):
    import errno

    from decision_parser import batch

    copy_inputs(tmp_path / "in", GOOD)
    out = tmp_path / "results.jsonl"
    real_write = batch._write_all
    writes = []

    def fills_up(fd, data):
        writes.append(data)
        if len(writes) > 1:  # the disk fills after the first result
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(fd, data)

    monkeypatch.setattr(batch, "_write_all", fills_up)
    argv = ["batch", str(tmp_path / "in"), "--out", str(out), "--progress", "none", "-w", "1"]
    code, stdout, stderr = cli(argv, capsys)
    assert code == 1
    assert stderr.strip().splitlines() == [
        f"parse-decision: error: {out}: cannot write: no space left on the device; what was "
        "written before is kept, and the same command resumes once there is room"
    ]
    assert len(read_jsonl(out)) == 1

    monkeypatch.setattr(batch, "_write_all", real_write)  # room again: the run resumes
    code, stdout, _ = cli(argv, capsys)
    assert code == 0
    assert re.search(r"already done +1 ", stdout)
    assert len(read_jsonl(out)) == len(GOOD)


def test_two_runs_in_one_folder_keep_their_own_error_records(tmp_path, capsys):
    inputs = tmp_path / "in"
    bad = bad_files(inputs)
    copy_inputs(tmp_path / "other", GOOD[3:])
    (tmp_path / "other" / "empty.md").write_bytes(b"")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    cli(["batch", str(inputs), "--out", str(first), "--progress", "none"], capsys)
    cli(["batch", str(tmp_path / "other"), "--out", str(second), "--progress", "none"], capsys)
    assert sorted(Path(r["path"]).name for r in read_jsonl(errors_path_for(first))) == sorted(bad)
    assert [Path(r["path"]).name for r in read_jsonl(errors_path_for(second))] == ["empty.md"]
    assert errors_path_for(first).name == "first.errors.jsonl"
