"""How fast parse-decision is, against bare PDF text extraction on the same files.

    python benchmarks/bench_parse.py                  # every PDF in corpus/pdf/
    python benchmarks/bench_parse.py some/folder --repeat 5
    python benchmarks/bench_parse.py --synthetic 40   # build PDFs with tests/pdfs.py first
    python benchmarks/bench_parse.py --scale 1,10,100,1000   # how time grows with length

One run prints three tables (issue "Speed"):

1. Warm throughput, pages per second, in this process: pypdfium2's raw text (PDFium, the
   engine the reader uses), pdfplumber's extract_text(), parse() with the rules and with the
   rules and the model, and the reader alone. Start-up is left out: each side parses a file
   before the clock starts. Passes alternate between the sides so that other work on a shared
   machine hits all alike; the median pass is reported.
2. Process level, as a user meets it: `parse-decision --help`, `--version`, a one-page text
   parsed cold, and the whole folder in one `parse-decision` process against one Python
   process that imports pdfplumber and extracts the same pages.
3. Scale: PDFs of N pages (a corpus document's pages repeated), each parsed in a fresh
   process; seconds, seconds per page and peak memory must stay flat per page.
4. Text scale: the same for plain text of 0.5 to 4 MB.

The bars the issue sets are printed beside the figures; exit status 1 when a bar is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from longpdf import long_pdf  # benchmarks/ is on the path when a script here runs

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "decision_parser"]
ONE_PAGE_TEXT = REPO / "corpus" / "sources" / "003_eastmoor_council_tax_closed.md"
SCALE_SOURCE = REPO / "corpus" / "pdf" / "001_harlow_vale_send_upheld.pdf"


def _pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


# --- the sides of the warm comparison --------------------------------------------------------


def _pypdfium2() -> Callable[[Path], object]:
    import pypdfium2 as pdfium

    def extract(path: Path) -> object:
        document = pdfium.PdfDocument(str(path))
        try:
            texts = []
            for page in document:
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            return texts
        finally:
            document.close()

    return extract


def _pdfplumber() -> Callable[[Path], object]:
    import pdfplumber

    def extract(path: Path) -> object:
        with pdfplumber.open(str(path)) as pdf:
            return [page.extract_text() for page in pdf.pages]

    return extract


def _parse(use_model: bool) -> Callable[[Path], object]:
    from decision_parser import parse

    return lambda path: parse(path, use_model=use_model)


def _read_clean() -> Callable[[Path], object]:
    from decision_parser.clean import clean
    from decision_parser.read import read

    return lambda path: clean(read(path))


def _timed_pass(function: Callable[[Path], object], files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        function(path)
    return time.perf_counter() - started


def warm(files: list[Path], pages: int, repeat: int) -> dict[str, float]:
    sides = {
        "pypdfium2 raw text": _pypdfium2(),
        "pdfplumber extract_text()": _pdfplumber(),
        "parse, rules + model": _parse(True),
        "parse, rules only (--no-model)": _parse(False),
        "read + clean only": _read_clean(),
    }
    for function in sides.values():
        function(files[0])  # caches, lazy imports, the pipelines: first-call costs
    timings: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(max(1, repeat)):
        for name, function in sides.items():
            timings[name].append(_timed_pass(function, files))
    return {name: pages / statistics.median(times) for name, times in timings.items()}


# --- process level ----------------------------------------------------------------------------


def _wall(command: list[str], repeat: int = 3) -> float:
    """Median wall-clock seconds of a fresh process running command."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def process_level(files: list[Path]) -> dict[str, float]:
    plumber = (
        "import sys, pdfplumber\n"
        "for name in sys.argv[1:]:\n"
        "    with pdfplumber.open(name) as pdf:\n"
        "        [page.extract_text() for page in pdf.pages]\n"
    )
    names = [str(path) for path in files]
    return {
        "--help": _wall([*CLI, "--help"], 5),
        "--version": _wall([*CLI, "--version"], 5),
        "one-page text, cold": _wall([*CLI, str(ONE_PAGE_TEXT), "--out", os.devnull], 3),
        "folder, parse-decision": _wall([*CLI, *names, "--format", "jsonl", "--out", os.devnull], 1),
        "folder, pdfplumber": _wall([sys.executable, "-c", plumber, *names], 1),
    }


# --- scale ------------------------------------------------------------------------------------


def _child_run(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident MB of one child process."""
    code = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "seconds = time.perf_counter() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(seconds, peak / 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr}")
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def scale(sizes: list[int], folder: Path) -> list[tuple[int, float, float]]:
    rows = []
    for pages in sizes:
        path = long_pdf(pages, folder / f"long_{pages}.pdf", SCALE_SOURCE)
        seconds, megabytes = _child_run([*CLI, str(path), "--out", os.devnull, "--timeout", "0"])
        rows.append((pages, seconds, megabytes))
    return rows


def text_scale(sizes_mb: list[float], folder: Path) -> list[tuple[float, float, float]]:
    """A corpus source repeated to each size (ordinary paragraphs, lists and headings)."""
    unit = ONE_PAGE_TEXT.read_text(encoding="utf-8") + "\n\n"
    rows = []
    for size in sizes_mb:
        path = folder / f"long_{size}mb.txt"
        path.write_text(unit * max(1, int(size * 2**20 / len(unit.encode()))), encoding="utf-8")
        seconds, megabytes = _child_run([*CLI, str(path), "--out", os.devnull, "--timeout", "0"])
        rows.append((size, seconds, megabytes))
    return rows


# --- report -----------------------------------------------------------------------------------


def _synthetic(folder: Path, count: int) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    import pdfs  # tests/pdfs.py

    for i in range(count):
        pdfs.decision_pdf(folder / f"synthetic_{i:03}.pdf", pages=2 + i % 5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO / "corpus" / "pdf")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per side")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="benchmark N PDFs built by tests/pdfs.py")  # fmt: skip
    parser.add_argument("--scale", default="1,10,100,1000",
                        help="page counts for the scale table ('' to skip)")  # fmt: skip
    parser.add_argument("--text-scale", default="0.5,1,2,4",
                        help="sizes in MB for the text scale table ('' to skip)")  # fmt: skip
    options = parser.parse_args(argv)
    missed: list[str] = []

    with tempfile.TemporaryDirectory() as scratch:
        folder = options.folder
        if options.synthetic:
            folder = Path(scratch)
            _synthetic(folder, options.synthetic)
        files = sorted(folder.glob("*.pdf"))
        if not files:
            print(f"no PDFs in {folder}", file=sys.stderr)
            return 2
        pages = sum(_pages_of(path) for path in files)

        rate = warm(files, pages, options.repeat)
        print(f"1. warm, in one process: {len(files)} PDFs, {pages} pages, "
              f"median of {options.repeat} passes")  # fmt: skip
        raw = rate["pypdfium2 raw text"]
        for name, value in rate.items():
            print(f"  {name:<34} {value:8.1f} pages/s   {value / raw:5.2f} x raw pypdfium2")
        ratio = rate["parse, rules + model"] / raw
        print(f"  bar: parse with the model >= 1/3 of raw pypdfium2: {ratio:.2f} "
              f"({'met' if ratio >= 1 / 3 else 'MISSED'})")  # fmt: skip
        if ratio < 1 / 3:
            missed.append("warm throughput")

        times = process_level(files)
        print("\n2. process level (fresh processes, median wall-clock seconds)")
        for name, seconds in times.items():
            print(f"  {name:<34} {seconds:8.2f} s")
        folder_ratio = times["folder, parse-decision"] / times["folder, pdfplumber"]
        print(f"  ratio parse-decision / pdfplumber on the folder: {folder_ratio:.2f} (bar <= 0.15: "
              f"{'met' if folder_ratio <= 0.15 else 'MISSED'})")  # fmt: skip
        for name, bar in (("--help", 0.25), ("one-page text, cold", 1.0)):
            verdict = "met" if times[name] < bar else "MISSED"
            print(f"  bar: {name} under {bar:g} s: {verdict}")
            if verdict == "MISSED":
                missed.append(name)
        if folder_ratio > 0.15:
            missed.append("process-level ratio")

        sizes = [int(n) for n in options.scale.split(",") if n.strip()]
        if sizes:
            print(f"\n3. scale: {SCALE_SOURCE.name}'s pages repeated, one fresh process each")
            print(f"  {'pages':>6} {'seconds':>9} {'ms/page':>9} {'peak MB':>9}")
            for count, seconds, megabytes in scale(sizes, Path(scratch)):
                print(f"  {count:>6} {seconds:>9.2f} {seconds * 1000 / count:>9.1f} {megabytes:>9.0f}")
        sizes_mb = [float(n) for n in options.text_scale.split(",") if n.strip()]
        if sizes_mb:
            print(f"\n4. text scale: {ONE_PAGE_TEXT.name} repeated, one fresh process each")
            print(f"  {'MB':>6} {'seconds':>9} {'s per MB':>9} {'peak MB':>9}")
            for size, seconds, megabytes in text_scale(sizes_mb, Path(scratch)):
                print(f"  {size:>6g} {seconds:>9.2f} {seconds / size:>9.2f} {megabytes:>9.0f}")
    if missed:
        print("\nbars missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
