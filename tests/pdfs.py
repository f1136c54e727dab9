"""Small PDFs built with reportlab, for tests and benchmarks: each one exercises a trap.

    from tests.pdfs import decision_pdf
    decision_pdf(tmp_path / "d.pdf")

Every builder writes to `path` and returns it. The text is invented, in the style of an
Ombudsman decision; nothing here is copied from a published document.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
LEFT = 72.0
RIGHT = WIDTH - 72.0
TOP = 90.0  # first body baseline, from the top
BOTTOM = 80.0  # lowest body baseline, from the bottom
BODY = ("Helvetica", 10.5)
BOLD = ("Helvetica-Bold", 12.0)
LEADING = 14.0

# Pieces of text the tests look for after reading and cleaning.
HEADER = "Final decision 21 004 417"
HYPHEN_LEFT, HYPHEN_RIGHT = "recom-", "mendations"
ORDINAL_DAY, ORDINAL_SUFFIX, ORDINAL_REST = "13", "th", " April 2024 the Council wrote again."
TABLE = [
    ("Action", "Deadline", "Status"),
    ("Apologise to Mrs B for the delay in reviewing the plan", "One month", "Complete"),
    ("Pay Mrs B £750 for the lost provision", "Two months from the final decision", "In progress"),
    ("Remind staff of the review timescales", "Three months", "Outstanding"),
]


def wrap(text: str, font: tuple[str, float], width: float) -> list[str]:
    """Greedy word wrap to `width` points."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, *font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


Draw = Callable[[canvas.Canvas], None]


@dataclass
class Layout:
    """Lays out lines top to bottom over as many pages as it needs, then draws them all.

    Drawing is deferred so the running footer can say "Page N of M".
    """

    header: str | None = HEADER
    footer: bool = True
    bare_pages: frozenset[int] = frozenset()  # 1-based pages drawn without header and footer
    pages: list[list[Draw]] = field(default_factory=lambda: [[]])
    y: float = TOP  # next baseline, from the top

    def _room(self, height: float) -> None:
        if self.y + height > HEIGHT - BOTTOM:
            self.pages.append([])
            self.y = TOP

    def _at(self, draw: Callable[[canvas.Canvas, float], None], height: float) -> None:
        self._room(height)
        baseline = HEIGHT - self.y
        self.pages[-1].append(lambda c: draw(c, baseline))
        self.y += height

    def page_break(self) -> None:
        self.pages.append([])
        self.y = TOP

    def gap(self, points: float = 8.0) -> None:
        self.y += points

    def line(self, text: str, *, x: float = LEFT, font: tuple[str, float] = BODY) -> None:
        def draw(c: canvas.Canvas, baseline: float) -> None:
            c.setFont(*font)
            c.drawString(x, baseline, text)

        self._at(draw, LEADING if font == BODY else font[1] + 6)

    def heading(self, text: str) -> None:
        self.gap(6)
        self.line(text, font=BOLD)
        self.gap(2)

    def paragraph(self, text: str, *, marker: str | None = None, indent: float = 0.0) -> None:
        """A paragraph, optionally with a hanging marker ("1.", "•")."""
        x = LEFT + indent
        body_x = x + (18 if marker else 0)
        for i, line in enumerate(wrap(text, BODY, RIGHT - body_x)):
            if i == 0 and marker:
                self.marked_line(marker, line, x, body_x)
            else:
                self.line(line, x=body_x)
        self.gap()

    def marked_line(self, marker: str, text: str, x: float, body_x: float) -> None:
        def draw(c: canvas.Canvas, baseline: float) -> None:
            c.setFont(*BODY)
            c.drawString(x, baseline, marker)
            c.drawString(body_x, baseline, text)

        self._at(draw, LEADING)

    def superscript_line(self, before: str, number: str, suffix: str, after: str) -> None:
        """`before number` + a raised, smaller `suffix` + `after`, as word processors print it."""

        def draw(c: canvas.Canvas, baseline: float) -> None:
            c.setFont(*BODY)
            c.drawString(LEFT, baseline, before + number)
            x = LEFT + stringWidth(before + number, *BODY)
            c.setFont(BODY[0], BODY[1] * 0.6)
            c.drawString(x, baseline + 4, suffix)
            x += stringWidth(suffix, BODY[0], BODY[1] * 0.6)
            c.setFont(*BODY)
            c.drawString(x, baseline, after)

        self._at(draw, LEADING)

    def table(self, rows: list[tuple[str, ...]], widths: tuple[float, ...]) -> None:
        """A ruled table; cells wrap within their column, rows grow to fit."""
        for row in rows:
            cells = [wrap(text, BODY, w - 8) for text, w in zip(row, widths, strict=True)]
            height = max(len(c) for c in cells) * LEADING + 6

            def draw(c: canvas.Canvas, baseline: float, cells=cells, height=height) -> None:
                top = baseline + LEADING - 2
                c.setLineWidth(0.5)
                c.line(LEFT, top, LEFT + sum(widths), top)
                c.line(LEFT, top - height, LEFT + sum(widths), top - height)
                x = LEFT
                for width, lines in zip(widths, cells, strict=True):
                    c.line(x, top, x, top - height)
                    c.setFont(*BODY)
                    for i, text in enumerate(lines):
                        c.drawString(x + 4, baseline - i * LEADING, text)
                    x += width
                c.line(x, top, x, top - height)

            self._at(draw, height)
        self.gap()

    def save(self, path: Path, **canvas_options: object) -> Path:
        c = canvas.Canvas(str(path), pagesize=A4, **canvas_options)
        c.setTitle("Test decision")
        total = len(self.pages)
        for number, draws in enumerate(self.pages, start=1):
            if number in self.bare_pages:
                pass
            elif self.header:
                c.setFont("Helvetica", 9)
                c.drawString(LEFT, HEIGHT - 40, self.header)
                c.drawRightString(RIGHT, HEIGHT - 40, "Local Government Ombudsman")
            if self.footer and number not in self.bare_pages:
                c.setFont("Helvetica", 9)
                c.drawCentredString(WIDTH / 2, 40, f"Page {number} of {total}")
            for draw in draws:
                draw(c)
            c.showPage()
        c.save()
        return path


FILLER = (
    "The Council accepted that it should have acted sooner once it knew the child was not "
    "attending school, and that it did not keep the family informed about what it was doing. "
    "It has since changed how officers record contact with families and how cases are checked "
    "by a manager each month."
)


def decision_layout(pages: int = 3) -> Layout:
    """A decision-like document with every trap the cleaner handles."""
    doc = Layout()
    doc.line("Harlow Fen District Council (21 004 417)", font=("Helvetica-Bold", 15))
    doc.gap(6)
    doc.heading("The complaint")
    doc.paragraph(
        "Mrs B complains the Council took too long to review her son's plan and did not "
        "arrange the support it promised.",
        marker="1.",
    )
    doc.line("2. The investigator made two " + HYPHEN_LEFT)
    doc.line(x=LEFT + 18, text=HYPHEN_RIGHT + " which the Council accepted without delay.")
    doc.gap()
    doc.superscript_line("3. On the ", ORDINAL_DAY, ORDINAL_SUFFIX, ORDINAL_REST)
    doc.gap()
    doc.heading("Agreed action")
    doc.paragraph("Within one month of my final decision the Council will:", marker="4.")
    doc.paragraph("apologise to Mrs B in writing;", marker="•", indent=18)
    doc.paragraph("pay Mrs B £750 for the lost provision; and", marker="•", indent=18)
    doc.paragraph("arrange a follow-up meeting with the school.", marker="•", indent=18)
    doc.table(TABLE, (210.0, 140.0, 90.0))
    number = 5
    while len(doc.pages) < pages:
        doc.paragraph(FILLER, marker=f"{number}.")
        number += 1
    return doc


def decision_pdf(path: Path, pages: int = 3) -> Path:
    """Multi-page decision: running header, "Page N of M" footer, numbered paragraphs,
    bullets, a ruled table with wrapped cells, a hyphenated line end, a superscript ordinal."""
    return decision_layout(pages).save(path)


def page_break_pdf(path: Path) -> Path:
    """A paragraph that runs from the foot of page 1 onto page 2 mid-sentence."""
    doc = Layout()
    while doc.y + 3 * LEADING <= HEIGHT - BOTTOM:
        doc.line("Filler line that ends with a full stop.")
        doc.gap(6)
    doc.line("The Council agreed to review the way it handles these")
    doc.page_break()
    doc.line("cases and to report back within three months.")
    return doc.save(path)


def encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A decision that needs a password to open."""
    return decision_layout(1).save(path, encrypt=password)


def _png_bytes() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (200, 100), (180, 180, 180))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _draw_image(c: canvas.Canvas) -> None:
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(io.BytesIO(_png_bytes())), LEFT, HEIGHT / 2, width=400, height=200)


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are only images: no text layer at all."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        _draw_image(c)
        c.showPage()
    c.save()
    return path


def mixed_pdf(path: Path) -> Path:
    """A text page, then a page that is only an image (a scanned letter in an appendix)."""
    doc = decision_layout(1)
    doc.pages.append([_draw_image])
    doc.bare_pages = frozenset({len(doc.pages)})
    return doc.save(path)


def blank_page_pdf(path: Path) -> Path:
    """A text page, then a page left blank (a converter's empty first or last page)."""
    doc = decision_layout(1)
    doc.pages.append([])
    doc.bare_pages = frozenset({len(doc.pages)})
    return doc.save(path)


def truncated_pdf(path: Path) -> Path:
    """A decision cut off half-way through the file, like a failed download."""
    data = decision_layout(2).save(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def long_pdf(path: Path, pages: int = 20) -> Path:
    """A long, text-heavy decision for benchmarks."""
    return decision_pdf(path, pages=pages)


def rotated_pdf(path: Path) -> Path:
    """A page turned by /Rotate 90 whose text is drawn turned the other way, so that it reads
    upright on screen (as print drivers produce); in user space the text runs up the page."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    c.rotate(90)  # now x runs along the displayed page and -y down it
    lines = [
        ("Helvetica-Bold", 14, "Landscape action plan"),
        ("Helvetica", 10.5, "1. The Council will review its policy by March."),
        ("Helvetica", 10.5, "2. The Council will train its staff."),
    ]
    for i, (font, size, text) in enumerate(lines):
        c.setFont(font, size)
        c.drawString(LEFT, -(90 + 24 * i), text)
    c.showPage()
    c.save()
    return path


def scaled_pdf(path: Path, scale: float = 0.6) -> Path:
    """Text set large and drawn scaled down, as HTML-to-PDF printers do (16 "px" at 0.6)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.scale(scale, scale)
    c.setFont("Helvetica-Bold", 28)
    c.drawString(LEFT / scale, (HEIGHT - 90) / scale, "Final decision")
    c.setFont("Helvetica", 16)
    c.drawString(LEFT / scale, (HEIGHT - 120) / scale, "The Council agreed to apologise.")
    c.showPage()
    c.save()
    return path
