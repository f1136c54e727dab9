"""Pathological and hostile inputs: generate them, run parse-decision on each, report.

    python benchmarks/hostile.py                 # all cases, in a temporary folder
    python benchmarks/hostile.py --only text     # cases whose name contains "text"
    python benchmarks/hostile.py --keep DIR      # write the inputs to DIR and keep them

Each case runs `parse-decision FILE --out /dev/null` (or the batch command) in a fresh process
with a wall-clock limit and an address-space limit, and the report says, per case: the exit
code, seconds, peak memory, whether stderr held a traceback, and the one error line. The bar
(issues "Hostile and pathological inputs"): no traceback, nothing past 60 s, nothing over
2 GB, and every failure one line that names the file and says why.

The inputs are made here, by code, from classes seen in fuzzing runs: long and repetitive
text, unbalanced markup, deep HTML, files that are not regular files, odd file names, very
long PDFs and PDFs whose drawing fans out. Nothing here is a real document.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from longpdf import long_pdf  # benchmarks/ is on the path when a script here runs

TIME_LIMIT = 60.0
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space a case may map (RLIMIT_AS)
PARSE_DECISION = [sys.executable, "-m", "decision_parser"]


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the input(s), returns the command's arguments
    expect_ok: bool = False  # a document the parser should read (exit 0), not refuse
    # After the run: None when the outputs are right, else what is wrong.
    check: Callable[[Path], str | None] | None = None


def _write(path: Path, text: str | bytes) -> Path:
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)
    return path


def _text_case(name: str, body: Callable[[], str], expect_ok: bool = True) -> Case:
    def make(folder: Path) -> list[str]:
        return [str(_write(folder / f"{name}.txt", body()))]

    return Case(f"text/{name}", make, expect_ok)


SENTENCE = "The Council agreed to apologise to Mrs X and pay her £300 by 14 March 2025. "


def _cases() -> list[Case]:
    cases = [
        _text_case(
            "short-lines-100k", lambda: "Mr X said the Council failed to pay £1.\n" * 100_000
        ),
        _text_case(
            "status-lines-100k", lambda: "- Review the policy. Status: Complete\n" * 100_000
        ),
        _text_case("one-line-4mb", lambda: SENTENCE * (4_000_000 // len(SENTENCE))),
        _text_case("one-char-lines-1m", lambda: "a\n" * 1_000_000),
        _text_case("open-parens-1m", lambda: "(" * 1_000_000),
        _text_case("paren-token-25k", lambda: "The Council " + "(" * 25_000 + " agreed."),
        _text_case("emphasis-runs", lambda: "**a " * 200_000),
        _text_case("link-brackets", lambda: "[" * 100_000 + "x](y)" + "]" * 100_000),
        _text_case("dash-run", lambda: "-" * 1_000_000 + " x\n"),
        _text_case("council-names", lambda: "Harlow Vale Council and " * 4_000),
        _text_case("pseudonym-run", lambda: "Mr X and " * 200_000),
        _text_case("money-run", lambda: "£1 " * 300_000),
        _text_case("date-run", lambda: "On 3 May 2024, " * 150_000),
        _text_case("within-run", lambda: "within one month of the final decision " * 100_000),
        _text_case(
            "long-sentences", lambda: ("the Council was at fault and " * 20_000 + ".\n") * 5
        ),
        _text_case("percent-pdf-text", lambda: "This text mentions %PDF-1.7 early on.\n" * 3),
        Case(
            "html/nested-div-100k",
            lambda f: [
                str(
                    _write(
                        f / "div.html",
                        "<html><body>"
                        + "<div>" * 100_000
                        + "Mrs X"
                        + "</div>" * 100_000
                        + "</body></html>",
                    )
                )
            ],
        ),
        Case(
            "html/nested-table-3k",
            lambda f: [
                str(
                    _write(
                        f / "table.html",
                        "<html><body>"
                        + "<table><tr><td>" * 3_000
                        + "x"
                        + "</td></tr></table>" * 3_000
                        + "</body></html>",
                    )
                )
            ],
        ),
        Case(
            "html/huge-ol-start",
            lambda f: [
                str(
                    _write(
                        f / "ol.html",
                        '<html><body><ol type="i" start="99999999999999999999"><li>pay Mrs X £5</li></ol></body></html>',
                    )
                )
            ],
            True,
        ),
        Case(
            "html/entity-bomb",
            lambda f: [
                str(
                    _write(
                        f / "bomb.html",
                        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><html><body>&lol2;</body></html>',
                    )
                )
            ],
        ),
        Case("kind/fifo", _fifo),
        Case("kind/dev-zero-link", _dev_zero_link),
        Case("kind/directory", lambda f: [str(f)]),
        Case("kind/symlink-loop", _symlink_loop),
        Case("kind/non-utf8-name", _non_utf8_name, True),
        Case(
            "kind/over-max-bytes",
            lambda f: ["--max-bytes", "1000", str(_write(f / "big.txt", SENTENCE * 100))],
        ),
        Case("pdf/1000-pages", lambda f: _long_pdf(f, 1000), True),
        # Ten times longer than real packs: stopped by the single-file time limit, one line.
        Case("pdf/10000-pages", lambda f: _long_pdf(f, 10_000)),
        Case("pdf/form-xobject-fanout", _fanout_pdf),
        Case("out/dev-full", lambda f: [str(_write(f / "ok.txt", SENTENCE)), "--out", "/dev/full"]),
        Case("batch/mixed-folder", _batch_mixed),
        Case("pdf/mutants-300", _pdf_mutants, check=_one_outcome_per_mutant),
    ]
    return cases


def _fifo(folder: Path) -> list[str]:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [str(path)]


def _dev_zero_link(folder: Path) -> list[str]:
    path = folder / "zero.txt"
    path.symlink_to("/dev/zero")
    return [str(path)]


def _symlink_loop(folder: Path) -> list[str]:
    a, b = folder / "loop-a.txt", folder / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return [str(a)]


def _non_utf8_name(folder: Path) -> list[str]:
    name = os.fsencode(folder) + b"/caf\xe9-decision.txt"
    with open(name, "wb") as handle:
        handle.write(SENTENCE.encode())
    return [os.fsdecode(name)]


def _long_pdf(folder: Path, pages: int) -> list[str]:
    return [str(long_pdf(pages, folder / "long.pdf"))]


def _fanout_pdf(folder: Path) -> list[str]:
    """Form XObjects that each draw the next one 16 times, 8 levels deep: 16**8 draws."""
    depth, fan = 8, 16
    objects: list[bytes] = []
    # 1 catalog, 2 pages, 3 page, 4 content, 5.. xobjects, last: font
    font_id = 5 + depth
    for level in range(depth):
        own = 5 + level
        if level == depth - 1:
            stream = b"BT /F1 12 Tf 10 10 Td (Mrs X) Tj ET"
            resources = b"/Resources << /Font << /F1 %d 0 R >> >>" % font_id
        else:
            stream = b" ".join(b"q /X Do Q" for _ in range(fan))
            resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (own + 1)
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] %s /Length %d >>\nstream\n%s\nendstream"
            % (resources, len(stream), stream)
        )
    content = b"q /X Do Q"
    body = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        *objects,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(body, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref)
    return [str(_write(folder / "fanout.pdf", bytes(out)))]


def _batch_mixed(folder: Path) -> list[str]:
    inputs = folder / "inputs"
    inputs.mkdir()
    for n in range(3):
        _write(
            inputs / f"good-{n}.txt",
            f"Summary: The Council agreed to pay Mr {chr(65 + n)} £{n + 1}00.",
        )
    os.mkfifo(inputs / "pipe.txt")
    (inputs / "zero.txt").symlink_to("/dev/zero")
    with open(os.fsencode(inputs) + b"/bad\xff-name.txt", "wb") as handle:
        handle.write(SENTENCE.encode())
    return ["batch", str(inputs), "--out", str(folder / "results.jsonl"), "--workers", "2"]


MUTANTS = 300


def _pdf_mutants(folder: Path) -> list[str]:
    """Damaged copies of the corpus PDFs, made with a fixed seed: bytes flipped, ranges cut,
    repeated or zeroed, the cross-reference table and object numbers garbled, counts and
    lengths that lie. Each is given a final %%EOF so that most get past the truncation check
    and into the readers. Run as one batch: every mutant must get exactly one outcome."""
    import random

    rng = random.Random(11)
    sources = sorted((Path(__file__).resolve().parents[1] / "corpus" / "pdf").glob("*.pdf"))
    inputs = folder / "mutants"
    inputs.mkdir()
    for n in range(MUTANTS):
        data = bytearray(rng.choice(sources).read_bytes())
        kind = n % 8
        at = rng.randrange(len(data))
        span = rng.randrange(1, 2048)
        if kind == 0:  # flip bytes here and there
            for _ in range(rng.randrange(1, 64)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:  # cut a range out
            del data[at : at + span]
        elif kind == 2:  # repeat a range
            data[at:at] = data[at : at + span]
        elif kind == 3:  # zero a range
            data[at : at + span] = bytes(len(data[at : at + span]))
        elif kind == 4:  # garble the cross-reference table
            xref = data.rfind(b"xref")
            if xref > 0:
                data[xref : xref + 200] = bytes(
                    rng.randrange(48, 58) for _ in data[xref : xref + 200]
                )
        elif kind == 5:  # object numbers that point elsewhere
            data = bytearray(data.replace(b" 0 R", b" 9 R", rng.randrange(1, 50)))
        elif kind == 6:  # a page count and stream lengths that lie
            data = bytearray(data.replace(b"/Count ", b"/Count 99999999", 1))
            data = bytearray(data.replace(b"/Length ", b"/Length 9", rng.randrange(1, 10)))
        else:  # cut the file short
            del data[at:]
        data += b"\n%%EOF\n"
        (inputs / f"mutant_{n:03}.pdf").write_bytes(bytes(data))
    return ["batch", str(inputs), "--out", str(folder / "results.jsonl"), "--workers", "2",
            "--timeout", "20", "--progress", "none"]  # fmt: skip


def _one_outcome_per_mutant(folder: Path) -> str | None:
    import hashlib
    import json

    # Mutants that came out byte-identical are one document to the batch (parsed once).
    contents = {
        hashlib.sha256(path.read_bytes()).hexdigest() for path in (folder / "mutants").iterdir()
    }
    results = folder / "results.jsonl"
    errors = folder / "results.errors.jsonl"
    done = (
        [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    )
    failed = (
        [json.loads(line) for line in errors.read_text().splitlines()] if errors.exists() else []
    )
    outcomes = [d["source"]["sha256"] for d in done] + [r["sha256"] for r in failed]
    if sorted(outcomes) != sorted(contents):
        return f"{len(set(outcomes))} of {len(contents)} distinct mutants have one outcome"
    crashes = sum(r["error"] == "WorkerCrashed" for r in failed)
    print(
        f"     {len(contents)} distinct mutants: {len(done)} parsed, {len(failed)} refused "
        f"with one error record each ({crashes} worker crashes)"
    )
    if any("Traceback" in r.get("message", "") for r in failed):
        return "a traceback in an error message"
    return None


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(case: Case, folder: Path) -> dict:
    case_dir = folder / case.name.replace("/", "_")
    case_dir.mkdir(parents=True)
    args = case.make(case_dir)
    command = [*PARSE_DECISION, *args]
    if args and args[0] != "batch" and "--out" not in args:
        command += ["--out", os.devnull]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=TIME_LIMIT,
            preexec_fn=_limit_memory,  # noqa: PLW1509 - a fresh child, before exec
            cwd=case_dir,
        )
        code, err = done.returncode, done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as expired:
        code, err = "timeout", (expired.stderr or b"").decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    lines = [line for line in err.splitlines() if line.strip()]
    wrong = case.check(case_dir) if case.check else None
    if wrong:
        lines.insert(0, f"CHECK: {wrong}")
    return {
        "case": case.name,
        "exit": code,
        "seconds": round(seconds, 2),
        # ru_maxrss is the largest child so far, so a case shows a figure only if it set a new peak.
        "peak_mb": round(peak / 1024) if peak > before else None,
        "traceback": "Traceback" in err or "╭" in err,
        "stderr_lines": len(lines),
        "first_line": lines[0][:140] if lines else "",
        "ok": not wrong
        and (code == 0 if case.expect_ok else code not in ("timeout",) and "Traceback" not in err),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for case in _cases():
            if args.only and args.only not in case.name:
                continue
            result = run(case, folder)
            results.append(result)
            flag = "ok  " if result["ok"] and not result["traceback"] else "FAIL"
            print(
                f"{flag} {result['case']:<28} exit={result['exit']!s:<8} {result['seconds']:>7.2f}s "
                f"peak={result['peak_mb'] or '-':>5} MB  {result['first_line']}",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    failed = [r for r in results if not r["ok"] or r["traceback"] or r["seconds"] > TIME_LIMIT]
    print(
        f"\n{len(results)} cases, {len(failed)} failing the bar "
        f"(traceback, past {TIME_LIMIT:.0f} s, over {MEMORY_LIMIT // 1024**3} GB, or wrong outcome)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
