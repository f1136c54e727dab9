"""The command line as a user meets it: output formats, stdin, --out, and bad input.

Bad input must give one clear line on stderr (which file, what is wrong), exit code 1 (2 for
usage), no traceback, and the good files in the same run must still be written.
"""

from __future__ import annotations

import json
import subprocess
import sys
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
        "directory": (directory, "folder"),
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
