"""Pages per second: decision_parser.parse() end to end versus pdfplumber's bare extract_text().

    python benchmarks/bench_parse.py                  # every PDF in corpus/pdf/
    python benchmarks/bench_parse.py some/folder --repeat 5
    python benchmarks/bench_parse.py --synthetic 40   # build PDFs with tests/pdfs.py first

The bar: parse (read + clean + spaCy rules + resolve) must manage at least as many pages per
second as pdfplumber does just extracting text from the same pages, i.e. ratio >= 1. Both are
measured warm: the one-off start-up (imports, building the spaCy pipeline) is timed separately
and left out, and each side parses one file before the clock starts. Passes alternate between
the two so that other work on a shared machine hits both alike; the median pass is reported.
Exit status 1 when the ratio is below 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def _start_parse() -> tuple[Callable[[Path], object], str, float]:
    """The function to time, what it covers, and its one-off start-up cost in seconds."""
    started = time.perf_counter()
    try:
        from decision_parser import parse
        from decision_parser.nlp import rules_pipeline

        rules_pipeline()  # build the spaCy pipeline now, not inside the first timed parse
        label = "parse, rules + model"
    except (ImportError, AttributeError):  # before parse() exists: read and clean only
        from decision_parser.clean import clean
        from decision_parser.read import read

        def parse(path: Path) -> object:  # type: ignore[misc]
            return clean(read(path))

        label = "read+clean (parse() not available)"
    return parse, label, time.perf_counter() - started


def _start_model() -> float:
    """Seconds the trained model adds to start-up (0 when it is not installed)."""
    try:
        from decision_parser.nlp import trained_pipeline
    except ImportError:
        return 0.0
    started = time.perf_counter()
    trained_pipeline()
    return time.perf_counter() - started


def _rules_only() -> Callable[[Path], object]:
    from decision_parser import parse

    return lambda path: parse(path, use_model=False)


def _start_pdfplumber() -> tuple[Callable[[Path], object], float]:
    started = time.perf_counter()
    import pdfplumber

    def extract(path: Path) -> object:
        with pdfplumber.open(str(path)) as pdf:
            return [page.extract_text() for page in pdf.pages]

    return extract, time.perf_counter() - started


def _read_clean() -> Callable[[Path], object]:
    from decision_parser.clean import clean
    from decision_parser.read import read

    return lambda path: clean(read(path))


def _timed_pass(function: Callable[[Path], object], files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        function(path)
    return time.perf_counter() - started


def _synthetic(folder: Path, count: int) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    import pdfs  # tests/pdfs.py

    for i in range(count):
        pdfs.decision_pdf(folder / f"synthetic_{i:03}.pdf", pages=2 + i % 5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO / "corpus" / "pdf")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per side")
    parser.add_argument(
        "--synthetic",
        type=int,
        default=0,
        metavar="N",
        help="benchmark N PDFs built by tests/pdfs.py",
    )
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        folder = options.folder
        if options.synthetic:
            folder = Path(scratch)
            _synthetic(folder, options.synthetic)
        files = sorted(folder.glob("*.pdf"))
        if not files:
            print(f"no PDFs in {folder}", file=sys.stderr)
            return 2
        parse, label, parse_startup = _start_parse()
        model_startup = _start_model()
        extract, plumber_startup = _start_pdfplumber()
        pages = sum(_pages_of(path) for path in files)
        read_clean = _read_clean()
        rules_only = _rules_only()
        for function in (parse, extract, read_clean, rules_only):
            function(files[0])  # warm: caches, lazy imports, first-call costs

        timings: dict[str, list[float]] = {
            "parse": [],
            "rules": [],
            "pdfplumber": [],
            "read+clean": [],
        }
        for _ in range(max(1, options.repeat)):
            timings["parse"].append(_timed_pass(parse, files))
            timings["rules"].append(_timed_pass(rules_only, files))
            timings["pdfplumber"].append(_timed_pass(extract, files))
            timings["read+clean"].append(_timed_pass(read_clean, files))

    rate = {name: pages / statistics.median(times) for name, times in timings.items()}
    ratio = rate["parse"] / rate["pdfplumber"]
    print(f"{len(files)} PDFs, {pages} pages, {options.repeat} passes each (median shown)")
    print(f"  {label:<38} {rate['parse']:8.1f} pages/s")
    print(f"  {'parse, rules only (--no-model)':<38} {rate['rules']:8.1f} pages/s")
    print(f"  {'read+clean only':<38} {rate['read+clean']:8.1f} pages/s")
    print(f"  {'pdfplumber extract_text()':<38} {rate['pdfplumber']:8.1f} pages/s")
    print(f"  ratio parse / pdfplumber               {ratio:8.2f}  (must be >= 1)")
    print(
        f"  start-up, once: parse {parse_startup:.2f} s (+ model {model_startup * 1000:.0f} ms), "
        f"pdfplumber {plumber_startup:.2f} s"
    )
    return 0 if ratio >= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
