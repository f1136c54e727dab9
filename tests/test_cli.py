"""The command line as a user meets it: output formats, stdin, --out, and bad input.

Bad input must give one clear line on stderr (which file, what is wrong), exit code 1 (2 for
usage), no traceback, and the good files in the same run must still be written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decision_parser.cli import main
from tests import pdfs
from tests.helpers import CORPUS

SAMPLE = CORPUS / "pdf" / "001_harlow_vale_send_upheld.pdf"
SAMPLE_TEXT = CORPUS / "sources" / "003_eastmoor_council_tax_closed.md"


def run(
    argv: list[str], capsys, stdin: bytes | None = None, monkeypatch=None
) -> tuple[int, str, str]:
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the error line must contain)."""
    empty = tmp / "empty.pdf"
    empty.write_bytes(b"")
    fake = tmp / "fake.pdf"
    fake.write_text("this is a letter, not a PDF")
    directory = tmp / "folder"
    directory.mkdir()
    return {
        "empty file": (empty, "empty"),
        "non-PDF named .pdf": (fake, "not a PDF"),
        "truncated PDF": (pdfs.truncated_pdf(tmp / "truncated.pdf"), "PDF"),
        "encrypted PDF": (pdfs.encrypted_pdf(tmp / "locked.pdf"), "encrypted"),
        "image-only PDF": (pdfs.scanned_pdf(tmp / "scan.pdf"), "text layer"),
        "directory": (directory, "parse-decision batch"),
        "missing path": (tmp / "nowhere.pdf", "no such file"),
    }


BAD_NAMES = [
    "empty file",
    "non-PDF named .pdf",
    "truncated PDF",
    "encrypted PDF",
    "image-only PDF",
    "directory",
    "missing path",
]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_input_is_one_clear_line(tmp_path, capsys, name):
    path, words = bad_inputs(tmp_path)[name]
    code, out, err = run([str(path)], capsys)
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0]
    assert words.lower() in lines[0].lower()
    assert "Traceback" not in err


def test_good_files_are_written_when_others_fail(tmp_path, capsys):
    bad = bad_inputs(tmp_path)
    out_file = tmp_path / "results.jsonl"
    argv = [str(SAMPLE), str(bad["encrypted PDF"][0]), str(SAMPLE_TEXT), str(bad["empty file"][0])]
    code, out, err = run(argv + ["--format", "jsonl", "--out", str(out_file)], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 2
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [Path(r["source"]["path"]).name for r in rows] == [SAMPLE.name, SAMPLE_TEXT.name]


def test_single_file_prints_one_json_document(capsys):
    code, out, err = run([str(SAMPLE)], capsys)
    assert code == 0, err
    decision = json.loads(out)
    assert decision["schema_version"]
    assert decision["source"]["media_type"] == "application/pdf"
    assert decision["case_references"][0]["role"] == "primary"


def test_several_files_json_is_an_array_and_jsonl_is_lines(capsys):
    code, out, _ = run([str(SAMPLE), str(SAMPLE_TEXT), "--format", "json"], capsys)
    assert code == 0
    assert [d["source"]["media_type"] for d in json.loads(out)] == ["application/pdf", "text/plain"]
    code, out, _ = run([str(SAMPLE), str(SAMPLE_TEXT), "--format", "jsonl"], capsys)
    assert code == 0
    assert len(out.strip().splitlines()) == 2


def test_stdin_is_read_and_typed_by_content(capsys, monkeypatch):
    code, out, err = run(["-"], capsys, stdin=SAMPLE.read_bytes(), monkeypatch=monkeypatch)
    assert code == 0, err
    decision = json.loads(out)
    assert decision["source"]["path"] is None
    assert decision["source"]["media_type"] == "application/pdf"


def test_with_text_carries_the_text_offsets_point_into(capsys):
    code, out, _ = run([str(SAMPLE), "--with-text"], capsys)
    decision = json.loads(out)
    text = decision["text"]
    for amount in decision["amounts"]:
        evidence = amount["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    # Without --with-text there is no text key at all (not "text": null).
    _, out, _ = run([str(SAMPLE)], capsys)
    assert "text" not in json.loads(out)


@pytest.mark.parametrize("argv", [["--format", "xml", "x.pdf"], ["evaluate"], ["parse"]])
def test_usage_errors_exit_2(capsys, argv):
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [[], ["parse"], ["schema"], ["evaluate"]])
def test_help_explains_with_an_example(capsys, command):
    code, out, _ = run(command + ["--help"], capsys)
    assert code == 0
    assert "Example" in out


def test_console_script_runs_in_a_fresh_process(tmp_path):
    """The installed entry point, as a user types it, with a bad file beside a good one."""
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf")
    result = subprocess.run(
        [sys.executable, "-m", "decision_parser", str(SAMPLE), str(fake), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert result.stderr.strip().startswith("parse-decision: error:")
    assert "Traceback" not in result.stderr


# --- limits and output failures: one line, exit 1, nothing half-written ----------------------


def test_default_size_limit_is_the_readers(capsys):
    from decision_parser import cli, read

    assert cli.DEFAULT_MAX_BYTES == read.DEFAULT_MAX_BYTES


def test_over_max_bytes_is_one_line_naming_the_option(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes(SAMPLE_TEXT.read_bytes())
    code, out, err = run([str(big), "--max-bytes", "100"], capsys)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and str(big) in err and "--max-bytes" in err
    code, out, _ = run([str(big), "--max-bytes", "0"], capsys)  # 0: no limit
    assert code == 0 and json.loads(out)["source"]["path"] == str(big)


def test_a_name_that_is_not_utf8_parses_and_prints(tmp_path, capsys):
    raw = os.fsencode(tmp_path) + b"/d\xe9cision.txt"
    with open(raw, "wb") as handle:
        handle.write(SAMPLE_TEXT.read_bytes())
    code, out, err = run([os.fsdecode(raw)], capsys)
    assert code == 0, err
    assert json.loads(out)["source"]["path"].endswith("d\ufffdcision.txt")


def test_timeout_stops_one_document_and_the_next_goes_on(tmp_path, capsys, monkeypatch):
    from decision_parser import cli

    real = cli._parse_one

    def slow_for_one(path, *args):
        if path.endswith(".md"):
            time.sleep(30)
        return real(path, *args)

    monkeypatch.setattr(cli, "_parse_one", slow_for_one)
    out_file = tmp_path / "out.jsonl"
    started = time.monotonic()
    code, _, err = run(
        [str(SAMPLE_TEXT), str(SAMPLE), "--timeout", "1", "--format", "jsonl", "--out", str(out_file)],
        capsys,
    )
    assert time.monotonic() - started < 20
    assert code == 1
    assert err.strip().splitlines() == [
        f"parse-decision: error: {SAMPLE_TEXT}: took longer than the 1 s limit (--timeout)"
    ]
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [Path(r["source"]["path"]).name for r in rows] == [SAMPLE.name]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_one_line(capsys):
    code, _, err = run([str(SAMPLE_TEXT), "--out", "/dev/full"], capsys)
    assert code == 1
    assert err.strip().splitlines() == [
        "parse-decision: error: /dev/full: no space left on the device; nothing was kept"
    ]


def test_a_failed_write_leaves_no_file_behind(tmp_path, capsys, monkeypatch):
    from decision_parser import cli

    def broken(path, *args):
        raise MemoryError

    monkeypatch.setattr(cli, "_parse_one", broken)
    target = tmp_path / "out.json"
    code, _, err = run([str(SAMPLE_TEXT), "--out", str(target)], capsys)
    assert code == 1 and "ran out of memory" in err
    assert list(tmp_path.iterdir()) == []  # no output, and no temporary file


def test_memory_guard_stops_with_one_line(tmp_path):
    # 20 MB is less than the parser itself takes, so the guard must fire on any document.
    target = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "decision_parser", str(SAMPLE_TEXT), "--max-memory", "20",
         "--out", str(target)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--max-memory" in lines[0] and str(SAMPLE_TEXT) in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_help_version_and_schema_do_not_load_spacy():
    code = (
        "import sys\n"
        "from decision_parser.cli import main\n"
        "for argv in (['--help'], ['--version'], ['schema']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = [m for m in ('spacy', 'pdfplumber', 'pypdfium2') if m in sys.modules]\n"
        "sys.stderr.write(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stderr == ""


def test_a_file_named_like_a_command_gets_a_hint(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schema").write_text("The Council agreed to pay Mrs X £100.")
    code, out, err = run(["schema"], capsys)
    assert code == 0 and json.loads(out)  # the command wins
    assert "parse-decision parse schema" in err


# --- train: paths given or found, checked before spaCy loads ----------------------------------

TRAINING = CORPUS / "training"
TRAIN_CONFIG = CORPUS.parent / "models" / "config.cfg"


def _train_cases(tmp: Path) -> list[tuple[list[str], str]]:
    """(arguments, words the one error line must hold) for training that cannot start."""
    empty = tmp / "empty"
    empty.mkdir()
    a_file = tmp / "a-file"
    a_file.write_text("x")
    given = ["--config", str(TRAIN_CONFIG), "--output", str(tmp / "m")]
    return [
        (["--corpus", str(empty), *given], "missing train.jsonl, dev.jsonl, heldout.jsonl"),
        (["--corpus", str(tmp / "nowhere"), *given], "not a folder"),
        (["--corpus", str(TRAINING), "--config", str(tmp / "none.cfg"), "--output", str(tmp / "m")],
         "no spaCy training config"),
        (["--corpus", str(TRAINING), "--config", str(TRAIN_CONFIG), "--output", str(a_file)],
         "is not a folder"),
        (["--corpus", str(empty), "--regenerate", *given], "missing generate.py"),
    ]


def test_train_refuses_what_it_cannot_train_from(tmp_path, capsys):
    for arguments, words in _train_cases(tmp_path):
        code, out, err = run(["train", *arguments], capsys)
        assert code == 2, (arguments, err)
        assert err.count("\n") == 1 and words in err and "Traceback" not in err, (arguments, err)


def test_train_outside_a_checkout_asks_for_every_path(tmp_path, monkeypatch):
    from decision_parser import paths
    from decision_parser.train_cli import TrainingInputError, resolve_training_paths

    monkeypatch.setattr(paths, "CHECKOUT", None)
    with pytest.raises(TrainingInputError, match="no decision-parser checkout"):
        resolve_training_paths(tmp_path / "m", TRAIN_CONFIG, None)
    # All three given: no checkout needed.
    assert resolve_training_paths(tmp_path / "m", TRAIN_CONFIG, TRAINING) == (
        tmp_path / "m", TRAIN_CONFIG, TRAINING
    )
