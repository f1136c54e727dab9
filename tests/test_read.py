"""read(): media type from content, hashing, text decoding, and bad inputs as InputError."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from decision_parser.errors import InputError
from decision_parser.read import read, sniff


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html"),
        (b"  <html lang='en'><head><title>t</title></head></html>", "text/html"),
        (b"<p>A paragraph</p>", "text/html"),
        (b"<b>Classification:</b> Open\tOther", "text/plain"),
        (b"On 13<sup>th</sup> April", "text/plain"),
        (b"Plain words.", "text/plain"),
    ],
)
def test_sniff(data: bytes, media_type: str) -> None:
    assert sniff(data) == media_type


@pytest.mark.parametrize(
    ("data", "first_line"),
    [
        ("Caf\u00e9 \u2013 \u00a3350".encode(), "Caf\u00e9 \u2013 \u00a3350"),
        ("\ufeffWith a BOM".encode(), "With a BOM"),
        ("Windows \u2013 \u00a3350".encode("cp1252"), "Windows \u2013 \u00a3350"),
        ("UTF-16 text".encode("utf-16"), "UTF-16 text"),
        (b"# Heading\n\nBody", "Heading"),
    ],
)
def test_text_decoding(data: bytes, first_line: str) -> None:
    document = read(data)
    assert document.media_type == "text/plain"
    assert document.path is None
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.pages[0].lines[0].text == first_line


@pytest.mark.parametrize(
    ("source", "kind", "level", "gap"),
    [
        ("## Title", "heading", 1, True),
        ("- item", "item", 0, True),
        ("    - nested item", "item", 2, True),
        ("a\tb", "row", None, True),
        ("words", None, None, True),
    ],
)
def test_text_line_hints(source: str, kind: str | None, level: int | None, gap: bool) -> None:
    line = read(source.encode()).pages[0].lines[0]
    assert (line.kind, line.level, line.gap_before) == (kind, level, gap)


def test_text_pages_split_on_form_feed() -> None:
    document = read(b"one\fTwo\f")
    assert [p.number for p in document.pages] == [1, 2]
    assert [[line.text for line in p.lines] for p in document.pages] == [["one"], ["Two"]]


def test_path_name_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(b"Text.")
    document = read(path)
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(b"Text.").hexdigest()


def _write(tmp_path: Path, name: str, data: bytes | None) -> Path:
    path = tmp_path / name
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", "absent", "no such file"),
        ("folder", None, "is a directory"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "no text found"),
        (
            "fake.pdf",
            b"Hello, not a PDF",
            "named .pdf but is not a PDF (starts with 'Hello, not a')",
        ),
        ("fake.pdf", b"<!DOCTYPE html><p>Not found</p>", "named .pdf but is not a PDF"),
        ("blob.bin", bytes(range(256)) * 4, "binary content"),
        ("doc.txt", b"PK\x03\x04rest of a zip", "ZIP archive"),
        ("scan.txt", b"\x89PNG\r\n\x1a\nrest", "PNG image"),
    ],
)
def test_bad_inputs(tmp_path: Path, name: str, data: bytes | str | None, message: str) -> None:
    path = tmp_path / name if data == "absent" else _write(tmp_path, name, data)  # type: ignore[arg-type]
    with pytest.raises(InputError) as caught:
        read(path)
    assert message in caught.value.message
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_stdin_error_names_stdin() -> None:
    with pytest.raises(InputError) as caught:
        read(b"")
    assert str(caught.value) == "<stdin>: empty file"


# --- PDFs -------------------------------------------------------------------------------------

pdfs = pytest.importorskip("pdfs", reason="tests/pdfs.py needs reportlab")


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdfs")
    pdfs.decision_pdf(folder / "decision.pdf")
    pdfs.encrypted_pdf(folder / "encrypted.pdf")
    pdfs.scanned_pdf(folder / "scanned.pdf")
    pdfs.truncated_pdf(folder / "truncated.pdf")
    return folder


def test_pdf_pages_lines_and_metadata(pdf_dir: Path) -> None:
    document = read(pdf_dir / "decision.pdf")
    assert document.media_type == "application/pdf"
    assert len(document.pages) == 3
    assert document.metadata["title"] == "Test decision"
    first = document.pages[0]
    assert first.width and first.height and first.has_text_layer
    assert all(line.x0 is not None and line.size for line in first.lines)
    assert first.lines == sorted(first.lines, key=lambda line: line.top or 0)


def _line(document, starts: str):  # type: ignore[no-untyped-def]
    return next(line for p in document.pages for line in p.lines if line.text.startswith(starts))


@pytest.mark.parametrize(
    ("starts", "text", "kind", "bold"),
    [
        ("The complaint", "The complaint", None, True),
        ("3. On the", "3. On the 13th April 2024 the Council wrote again.", None, False),
        ("2. The investigator", "2. The investigator made two recom-", None, False),
        ("• pay", "• pay Mrs B £750 for the lost provision; and", None, False),
        ("Action", "Action\tDeadline\tStatus", "row", False),
        (
            "Pay Mrs B",
            "Pay Mrs B £750 for the lost provision\tTwo months from the final decision\tIn progress",
            "row",
            False,
        ),
    ],
)
def test_pdf_lines(pdf_dir: Path, starts: str, text: str, kind: str | None, bold: bool) -> None:
    line = _line(read(pdf_dir / "decision.pdf"), starts)
    assert (line.text, line.kind, line.bold) == (text, kind, bold)


def test_pdf_detected_by_content_and_from_bytes(pdf_dir: Path, tmp_path: Path) -> None:
    data = (pdf_dir / "decision.pdf").read_bytes()
    renamed = tmp_path / "decision.txt"
    renamed.write_bytes(data)
    assert read(renamed).media_type == "application/pdf"
    from_stdin = read(data)
    assert from_stdin.path is None
    assert from_stdin.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("builder", "text_layers"),
    [
        ("mixed_pdf", [True, False]),  # an image and no text: a scan, worth a warning
        ("blank_page_pdf", [True, True]),  # nothing drawn at all: blank, not a scan
    ],
)
def test_pdf_page_without_text(tmp_path: Path, builder: str, text_layers: list[bool]) -> None:
    document = read(getattr(pdfs, builder)(tmp_path / f"{builder}.pdf"))
    assert [page.has_text_layer for page in document.pages] == text_layers
    assert document.pages[1].lines == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("encrypted.pdf", "encrypted PDF: it needs a password to open"),
        ("scanned.pdf", "no text layer on any page (scanned image?); OCR is not supported"),
        ("truncated.pdf", "truncated PDF"),
    ],
)
def test_bad_pdfs(pdf_dir: Path, name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(pdf_dir / name)
    assert caught.value.message == message or caught.value.message.startswith(message)


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.message.startswith("corrupt PDF, cannot be read")


def _other_producer_pdf(folder: Path) -> Path:
    """A corpus decision from fpdf2: each word drawn on its own (no space characters), bullets
    drawn as shapes, a ruled table."""
    pytest.importorskip("fpdf", reason="tests/other_producer.py needs fpdf2")
    from tests.other_producer import CORPUS, render, running_header

    stem = "001_harlow_vale_send_upheld"
    return render(CORPUS / "sources" / f"{stem}.md", folder / "other.pdf", running_header(stem))


@pytest.mark.parametrize("producer", ["reportlab", "fpdf2"])
def test_pdfplumber_fallback_reads_the_same_lines(
    pdf_dir: Path, tmp_path: Path, producer: str
) -> None:
    from decision_parser.read import pdf

    path = pdf_dir / "decision.pdf" if producer == "reportlab" else _other_producer_pdf(tmp_path)
    data = path.read_bytes()
    by_pdfium, _ = pdf._read_with_pdfium(data, path.name)
    by_pdfplumber, metadata = pdf._read_with_pdfplumber(data, path.name)
    assert metadata["title"] in ("Test decision", "Other producer")
    for one, other in zip(by_pdfium, by_pdfplumber, strict=True):
        assert [line.text for line in one.lines] == [line.text for line in other.lines]


# --- words -> lines (layout rules, without a PDF) ---------------------------------------------


def _words(top: float, *cells: tuple[float, str], size: float = 10.0) -> list:  # type: ignore[type-arg]
    """Words of one printed line: each cell's words from x, 5 points a character."""
    from decision_parser.read.pdf import Word

    words = []
    for x, text in cells:
        for word in text.split():
            words.append(Word(word, x, x + 5 * len(word), top, top + 1.2 * size, size, False))
            x += 5 * len(word) + 3
    return words


def _spaced(top: float, x: float, words: list[str], gap: float) -> list:  # type: ignore[type-arg]
    """Words of one line `gap` points apart: a justified line's stretched spaces."""
    from decision_parser.read.pdf import Word

    placed = []
    for word in words:
        placed.append(Word(word, x, x + 5 * len(word), top, top + 12, 10.0, False))
        x += 5 * len(word) + gap
    return placed


def _superscript(x: float, text: str, top: float) -> list:  # type: ignore[type-arg]
    from decision_parser.read.pdf import Word

    # Set at 6 points and raised: its box sits above the line's.
    return [Word(text, x, x + 3 * len(text), top - 7, top + 0.5, 6.0, False)]


LAYOUTS = [
    pytest.param(
        [*_words(100, (72, "On 13")), *_superscript(97, "th", 100), *_words(100, (109, "April"))],
        [(None, "On 13th April")],
        id="raised-superscript-on-its-own-line",
    ),
    pytest.param(
        _words(100, (72, "1."), (100, "The Council agreed.")),
        [(None, "1. The Council agreed.")],
        id="marker-at-a-tab-stop-is-not-a-cell",
    ),
    pytest.param(
        _words(100, (72, "Report to:"), (200, "Cabinet")),
        [(None, "Report to: Cabinet")],
        id="one-line-with-a-gap-is-not-a-table",
    ),
    pytest.param(
        [
            *_words(100, (72, "Action"), (300, "Status")),
            *_words(114, (72, "Apologise to Mrs B for"), (300, "Complete")),
            *_words(128, (72, "the delay")),
            *_words(142, (72, "Pay Mrs B"), (300, "In progress")),
            *_words(156, (300, "(due May)")),
            *_words(190, (72, "A paragraph after the table.")),
        ],
        [
            ("row", "Action\tStatus"),
            ("row", "Apologise to Mrs B for\tComplete"),
            ("row", "the delay"),
            ("row", "Pay Mrs B\tIn progress"),
            ("row", "\t(due May)"),
            (None, "A paragraph after the table."),
        ],
        id="table-without-rules",
    ),
    pytest.param(
        # As HTML printers lay out a borderless table: headers centred, cells middle-aligned
        # (a one-line cell sits between the two lines of its neighbour), columns only half an
        # em apart, and a little padding between rows.
        [
            *_words(60, (72, "The table below lists the actions the Council agreed to.")),
            *_words(74, (72, "Deadlines run from the final decision.")),
            *_words(100, (100, "Action"), (200, "Deadline"), (300, "Status")),
            *_words(120, (72, "Apologise to Mrs B for")),
            *_words(126, (180, "One month"), (258, "Complete")),
            *_words(132, (72, "the delay")),
            *_words(152, (180, "Two months from")),
            *_words(158, (72, "Pay Mrs B £750"), (258, "In progress")),
            *_words(164, (180, "the decision")),
            *_words(190, (72, "A paragraph after the table.")),
        ],
        [
            (None, "The table below lists the actions the Council agreed to."),
            (None, "Deadlines run from the final decision."),
            ("row", "Action\tDeadline\tStatus"),
            ("row", "Apologise to Mrs B for the delay\tOne month\tComplete"),
            ("row", "Pay Mrs B £750\tTwo months from the decision\tIn progress"),
            (None, "A paragraph after the table."),
        ],
        id="borderless-html-table",
    ),
    pytest.param(
        # A narrow justified column: spaces stretched past an em, and some happen to overlap
        # from one line to the next; still prose.
        [
            *_spaced(100, 72, ["extension.", "The", "Council", "accepts", "this"], 14),
            *_spaced(114, 72, ["happened.", "It", "was", "an", "error,", "but"], 11),
            *_spaced(128, 72, ["Council", "has", "apologised", "to", "Miss", "B."], 3),
        ],
        [
            (None, "extension. The Council accepts this"),
            (None, "happened. It was an error, but"),
            (None, "Council has apologised to Miss B."),
        ],
        id="justified-narrow-column-is-not-a-table",
    ),
]


@pytest.mark.parametrize(("words", "expected"), LAYOUTS)
def test_build_lines(words: list, expected: list[tuple[str | None, str]]) -> None:  # type: ignore[type-arg]
    from decision_parser.read.pdf import Rules, build_lines

    assert [(line.kind, line.text) for line in build_lines(words, Rules([], []))] == expected


def test_rotated_page_reads_upright(tmp_path: Path) -> None:
    document = read(pdfs.rotated_pdf(tmp_path / "rotated.pdf"))
    page = document.pages[0]
    # reportlab lays the media box on its side; /Rotate 90 turns it back to portrait.
    assert (page.width, page.height) == pytest.approx((pdfs.WIDTH, pdfs.HEIGHT), abs=1)
    assert [line.text for line in page.lines] == [
        "Landscape action plan",
        "1. The Council will review its policy by March.",
        "2. The Council will train its staff.",
    ]
    assert page.lines[0].bold and page.lines[0].x0 == pytest.approx(pdfs.LEFT, abs=1)


# --- bullets drawn as shapes ------------------------------------------------------------------

DISC = (60.0, 103.5, 64.0, 107.5)  # a 4-point disc centred on the row at top=100 (12 high)

DRAWN_BULLETS = [
    pytest.param(
        _words(100, (72, "pay Mrs B £750")),
        [DISC],
        ["• pay Mrs B £750"],
        id="disc-left-of-a-line",
    ),
    pytest.param(
        _words(100, (72, "1.1 This report")),
        [DISC],
        ["• 1.1 This report"],
        id="disc-before-printed-number",
    ),
    pytest.param(
        _words(100, (72, "pay Mrs B £750")),
        [(60.0, 130.0, 64.0, 134.0)],
        ["pay Mrs B £750"],
        id="mark-below-the-row-is-not-a-bullet",
    ),
    pytest.param(
        _words(100, (20, "Status"), (72, "pay Mrs B")),
        [DISC],
        ["Status pay Mrs B"],
        id="mark-between-words-is-not-a-bullet",
    ),
    pytest.param(
        _words(100, (72, "pay Mrs B")),
        [(60.0, 100.0, 64.0, 112.0)],
        ["pay Mrs B"],
        id="mark-as-tall-as-the-text-is-not-a-bullet",
    ),
    pytest.param(
        _words(100, (120, "pay Mrs B")),
        [DISC],
        ["pay Mrs B"],
        id="mark-far-from-the-text-is-not-a-bullet",
    ),
]


@pytest.mark.parametrize(("words", "marks", "expected"), DRAWN_BULLETS)
def test_drawn_bullets(words: list, marks: list, expected: list[str]) -> None:  # type: ignore[type-arg]
    from decision_parser.read.pdf import Rules, build_lines, with_drawn_bullets

    lines = build_lines(with_drawn_bullets(words, marks), Rules([], []))
    assert [line.text for line in lines] == expected


# --- path boxes: rules, cells, backgrounds ----------------------------------------------------

BOXES = [
    pytest.param((72, 100, 500, 100.5), ([100.25], []), id="thin-horizontal-rule"),
    pytest.param((72, 100, 72.5, 300), ([], [72.25]), id="thin-vertical-rule"),
    pytest.param((72, 100, 300, 130), ([100, 130], [72, 300]), id="cell-box-gives-its-edges"),
    pytest.param((0, 0, 595, 842), ([], []), id="page-background"),
    # wkhtmltopdf fills the text area of a short last page: a box, but not a table.
    pytest.param((10, 10, 584, 735), ([], []), id="fill-behind-the-text-area"),
]


@pytest.mark.parametrize(("box", "expected"), BOXES)
def test_path_boxes(box: tuple[float, float, float, float], expected: tuple) -> None:  # type: ignore[type-arg]
    from decision_parser.read.pdf import _add_rule

    horizontal: list = []  # type: ignore[type-arg]
    vertical: list = []  # type: ignore[type-arg]
    _add_rule(horizontal, vertical, *box, 595.0, 842.0)
    assert ([y for y, _, _ in horizontal], [x for x, _, _ in vertical]) == expected


def test_scaled_text_has_its_printed_size(tmp_path: Path) -> None:
    document = read(pdfs.scaled_pdf(tmp_path / "scaled.pdf", scale=0.6))
    sizes = [(line.text, line.size) for line in document.pages[0].lines]
    assert sizes == [
        ("Final decision", pytest.approx(16.8, abs=0.05)),
        ("The Council agreed to apologise.", pytest.approx(9.6, abs=0.05)),
    ]


def test_page_box_inherited_from_the_page_tree(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 writes /MediaBox on the page tree")
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Times", size=12)
    pdf.text(72, 100, "The Council agreed to apologise.")
    path = tmp_path / "inherited.pdf"
    pdf.output(str(path))
    page = read(path).pages[0]
    assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.5)
    # Baseline at 100 from the top: the box sits just above it, not 50 points off (Letter).
    line = page.lines[0]
    assert line.top == pytest.approx(89, abs=3) and line.bottom == pytest.approx(103, abs=3)


@pytest.mark.parametrize(
    ("extracted", "word"),
    [
        ("\uf0a7", "•"),  # a Wingdings bullet, private use
        ("\x7f", "•"),  # Helvetica's bullet where a PDF does not map it
        ("\ufffd", "•"),
        ("recom\x02", "recom-"),  # PDFium's mark for a hyphen at a line end
        ("a", "a"),
        ("\uf0a7x", "\uf0a7x"),  # not alone: left as it is
    ],
)
def test_pdfium_word_text(extracted: str, word: str) -> None:
    from decision_parser.read.pdf import _word_text

    assert _word_text(extracted) == word


# --- what a path is: only regular files are read, and only up to the size limit ------------


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)  # no writer: opening it would block for ever
    return path


def _device_link(tmp_path: Path) -> Path:
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")  # never ends
    return path


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    return tmp_path / "a.txt"


def _broken_link(tmp_path: Path) -> Path:
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "never-there.txt")
    return path


def _big(tmp_path: Path) -> Path:
    return _write(tmp_path, "big.txt", b"The Council agreed to pay Mrs X \xc2\xa3100.\n" * 100)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize(
    ("make", "max_bytes", "message"),
    [
        (_fifo, None, "named pipe (FIFO), not a regular file"),
        (_device_link, None, "is a device, not a regular file"),
        (_loop, None, "a loop of symbolic links"),
        (_broken_link, None, "a symbolic link to a file that does not exist"),
        (_big, 1000, "over the 1,000 bytes input limit"),
    ],
    ids=["fifo", "dev-zero-link", "symlink-loop", "broken-link", "over-max-bytes"],
)
def test_only_regular_files_within_the_limit_are_read(
    tmp_path: Path, make, max_bytes: int | None, message: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read(path, max_bytes=max_bytes)
    assert message in caught.value.message
    assert caught.value.path == str(path)


def test_the_size_limit_applies_to_bytes_and_can_be_lifted(tmp_path: Path) -> None:
    data = b"The Council agreed to pay Mrs X \xc2\xa3100.\n" * 100
    with pytest.raises(InputError, match="raise it with --max-bytes"):
        read(data, max_bytes=100)
    assert read(data, max_bytes=None).pages[0].lines
    assert read(_big(tmp_path), max_bytes=len(data)).pages[0].lines  # exactly at the limit


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"This note mentions %PDF-1.7 in its first line.\nThe Council agreed.", "text/plain"),
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "application/pdf"),
        (b"junk before\n%PDF-1.4\n1 0 obj <<>> endobj\nstartxref\n0\n%%EOF", "application/pdf"),
    ],
    ids=["mentioned-in-text", "at-the-start", "after-leading-junk"],
)
def test_pdf_header_inside_text_is_text(data: bytes, media_type: str) -> None:
    assert sniff(data) == media_type


def test_a_name_that_is_not_utf8_is_shown_readably(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(b"The Council agreed to pay Mrs X \xc2\xa3100.")
    document = read(os.fsdecode(raw))
    assert document.path.endswith("caf\ufffd.txt")
    document.path.encode("utf-8")  # printable and JSON-safe
