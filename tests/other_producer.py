"""A second PDF producer for the corpus: fpdf2, laid out unlike corpus/build.py (reportlab).

The parser is judged on PDFs from producers other than ours, so this renders the same
sources (corpus/sources/*.md) another way, for a test that nothing depends on how reportlab
writes a PDF:

- Times, not Helvetica: 11 points on 15-point lines, justified, with other margins;
- a running header centred in italics over a rule, and "Page N of M" centred at the foot;
- bullets drawn as shapes (a filled disc; a small square when nested), with no bullet
  character in the text, as HTML printers and some word processors draw them;
- numbered paragraphs with the number as text and the body at a hanging indent;
- pipe tables as a grid of ruled cells (fpdf2's own tables), cells vertically centred;
- superscripts set smaller and raised, touching their number ("13th");
- a "\\-" in the source breaks the line there with a hyphen ("recom-" / "mendation").

    from tests.other_producer import render_corpus
    render_corpus(tmp_path)  # -> the PDFs, named like corpus/pdf/

It reads the small Markdown subset described in corpus/README.md with its own parser, so a
change to the corpus builder cannot hide a problem from this test.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Layout, in points on A4 (595 x 842).
LEFT, RIGHT, TOP, BOTTOM = 70.0, 57.0, 85.0, 72.0
BODY_SIZE, LEADING = 11.0, 15.0
HEADING_SIZES = {"title": 16.0, "h2": 13.0, "h3": 11.0}
CELL_SIZE = 9.5
NUMBER_INDENT = 30.0  # body of a numbered paragraph, from the number
BULLET_X = (10.0, 34.0)  # where the drawn bullet sits, by nesting level
BULLET_BODY = (22.0, 44.0)  # where the bullet's text starts
SUPERSCRIPT = (0.65, 0.38)  # size and rise, as shares of the body size

# The core Times font covers Latin-1; map the few typographic marks that it lacks.
_LATIN1 = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'",
                         "\u201c": '"', "\u201d": '"', "\u2022": "-"})  # fmt: skip


# --- the Markdown subset ---------------------------------------------------------------------

_NUMBERED = re.compile(r"^(\d+\.\d+(?:\.\d+)*|\d+\.|\(?[a-z]\))\s+(.*)$")
_BULLET = re.compile(r"^( *)- (.*)$")
_RULE_ROW = re.compile(r":?-{3,}:?")


@dataclass
class Block:
    kind: str  # title, h2, h3, para, numbered, bullet, table
    text: str = ""
    label: str = ""  # a numbered paragraph's number
    level: int = 0  # bullet nesting
    rows: list[list[str]] = field(default_factory=list)


def parse_markdown(source: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for raw in [*source.splitlines(), ""]:
        line = raw.rstrip()
        if current is not None and current.kind == "table" and not line.startswith("|"):
            blocks.append(current)
            current = None
        if not line.strip():
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if line.startswith("|"):
            if current is None or current.kind != "table":
                if current is not None:
                    blocks.append(current)
                current = Block("table")
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(_RULE_ROW.fullmatch(cell) for cell in cells):
                current.rows.append(cells)
            continue
        heading = re.match(r"^(#{1,3}) (.*)$", line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line) if not line.startswith(" ") else None
        if heading or bullet or numbered:
            if current is not None:
                blocks.append(current)
            if heading:
                kind = {1: "title", 2: "h2", 3: "h3"}[len(heading.group(1))]
                blocks.append(Block(kind, heading.group(2).strip()))
                current = None
            elif bullet:
                current = Block("bullet", bullet.group(2), level=min(len(bullet.group(1)) // 2, 1))
            else:
                assert numbered is not None
                current = Block("numbered", numbered.group(2), label=numbered.group(1))
            continue
        current = current or Block("para")
        text = line.strip()
        if text.endswith("\\") and not text.endswith("\\-"):
            text = text[:-1].rstrip() + "\n"  # a hard line break
        joiner = "" if not current.text or current.text.endswith("\n") else " "
        current.text += joiner + text
    return blocks


# --- inline text: words made of styled pieces ------------------------------------------------


@dataclass
class Piece:
    text: str
    bold: bool = False
    superscript: bool = False


@dataclass
class Word:
    pieces: list[Piece]
    break_after: bool = False  # a hard line break ("\\" line end, or a "\\-" hyphen)


_INLINE = re.compile(r"(\*\*|<sup>|</sup>|\\-|\n| +)")


def words_of(text: str) -> list[Word]:
    """Words with their bold and superscript pieces; "13<sup>th</sup>" is one word."""
    words: list[Word] = []
    current: list[Piece] = []
    bold = superscript = False

    def finish(break_after: bool = False) -> None:
        nonlocal current
        if current:
            words.append(Word(current, break_after))
        elif break_after and words:
            words[-1].break_after = True
        current = []

    for token in _INLINE.split(text.translate(_LATIN1)):
        if token == "**":
            bold = not bold
        elif token == "<sup>":
            superscript = True
        elif token == "</sup>":
            superscript = False
        elif token == "\\-":
            current.append(Piece("-", bold, superscript))
            finish(break_after=True)
        elif token == "\n":
            finish(break_after=True)
        elif token.startswith(" "):
            finish()
        elif token:
            current.append(Piece(token, bold, superscript))
    finish()
    return words


def plain(text: str) -> str:
    """Cell text: markup dropped, "\\-" joined up."""
    text = text.replace("\\-", "").replace("**", "")
    return re.sub(r"</?sup>", "", text).translate(_LATIN1)


# --- the PDF ---------------------------------------------------------------------------------


class Document(FPDF):
    def __init__(self, header: str) -> None:
        super().__init__(unit="pt", format="A4")
        self.running_header = header
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(False)
        self.set_title("Other producer")
        self.y_next = TOP  # the next baseline

    def header(self) -> None:
        self.set_font("Times", "I", 9)
        width = self.get_string_width(self.running_header)
        self.text((self.w - width) / 2, 42, self.running_header)
        self.set_line_width(0.4)
        self.line(LEFT, 48, self.w - RIGHT, 48)

    def footer(self) -> None:
        self.set_font("Times", "", 9)
        self.set_xy(0, self.h - 46)
        # fpdf2 puts the page count in for "{nb}" when it writes cell text.
        self.cell(self.w, 12, f"Page {self.page_no()} of {{nb}}", align="C")

    # Pages and room.

    def start(self) -> None:
        self.add_page()
        self.y_next = TOP

    def room(self, height: float) -> None:
        if self.y_next + height > self.h - BOTTOM:
            self.start()

    # Text.

    def _font(self, piece: Piece, size: float, base_bold: bool = False) -> None:
        style = "B" if piece.bold or base_bold else ""
        self.set_font("Times", style, size * SUPERSCRIPT[0] if piece.superscript else size)

    def _width(self, word: Word, size: float, bold: bool) -> float:
        total = 0.0
        for piece in word.pieces:
            self._font(piece, size, bold)
            total += self.get_string_width(piece.text)
        return total

    def _draw_word(self, word: Word, x: float, baseline: float, size: float, bold: bool) -> float:
        for piece in word.pieces:
            self._font(piece, size, bold)
            rise = size * SUPERSCRIPT[1] if piece.superscript else 0.0
            self.text(x, baseline - rise, piece.text)
            x += self.get_string_width(piece.text)
        return x

    def flow(
        self,
        text: str,
        *,
        first_x: float,
        rest_x: float,
        size: float = BODY_SIZE,
        leading: float = LEADING,
        bold: bool = False,
        justify: bool = True,
        on_first_line=None,  # called with the first line's baseline (numbers, bullets)
    ) -> None:
        """Wrap `text` between its indent and the right margin, a line at a time."""
        words = words_of(text)
        self.set_font("Times", "B" if bold else "", size)
        space = self.get_string_width(" ")
        right = self.w - RIGHT
        first = True
        while words:
            x0 = first_x if first else rest_x
            line: list[Word] = []
            width = 0.0
            while words:
                word_width = self._width(words[0], size, bold)
                if line and x0 + width + space + word_width > right:
                    break
                width += (space if line else 0.0) + word_width
                line.append(words.pop(0))
                if line[-1].break_after:
                    break
            self.room(leading)
            baseline = self.y_next + size
            if first and on_first_line is not None:
                on_first_line(baseline)
            gap = space
            ends_paragraph = not words or line[-1].break_after
            if justify and not ends_paragraph and len(line) > 1:
                gap = space + (right - x0 - width) / (len(line) - 1)
            x = x0
            for word in line:
                x = self._draw_word(word, x, baseline, size, bold) + gap
            self.y_next += leading
            first = False

    # Blocks.

    def heading(self, kind: str, text: str) -> None:
        size = HEADING_SIZES[kind]
        self.y_next += 0 if kind == "title" else 10
        self.room(size * 1.3 + 3 * LEADING)  # keep a heading with the start of what follows
        self.flow(text, first_x=LEFT, rest_x=LEFT, size=size, leading=size * 1.3, bold=True,
                  justify=False)  # fmt: skip
        self.y_next += 5

    def paragraph(self, text: str) -> None:
        self.flow(text, first_x=LEFT, rest_x=LEFT)
        self.y_next += 6

    def numbered(self, label: str, text: str) -> None:
        def number(baseline: float) -> None:
            self.set_font("Times", "", BODY_SIZE)
            self.text(LEFT, baseline, label)

        body = LEFT + NUMBER_INDENT
        self.flow(text, first_x=body, rest_x=body, on_first_line=number)
        self.y_next += 6

    def bullet(self, level: int, text: str) -> None:
        def mark(baseline: float) -> None:
            middle = baseline - 0.3 * BODY_SIZE  # half way up a lower-case letter
            x = LEFT + BULLET_X[level]
            if level == 0:
                self.ellipse(x, middle - 1.8, 3.6, 3.6, style="F")
            else:
                self.rect(x, middle - 1.5, 3.0, 3.0, style="F")

        body = LEFT + BULLET_BODY[level]
        self.flow(text, first_x=body, rest_x=body, justify=False, on_first_line=mark)
        self.y_next += 3

    def table(self, rows: list[list[str]]) -> None:
        columns = max(len(row) for row in rows)
        rows = [row + [""] * (columns - len(row)) for row in rows]
        weights = [max(len(row[c]) for row in rows) ** 0.5 + 3 for c in range(columns)]
        self.y_next += 4
        self.room(4 * LEADING)
        self.set_xy(LEFT, self.y_next)
        self.set_font("Times", "", CELL_SIZE)
        self.set_auto_page_break(True, margin=BOTTOM)
        with super().table(
            col_widths=weights,
            width=self.w - LEFT - RIGHT,
            line_height=CELL_SIZE * 1.3,
            padding=3,
            text_align="LEFT",
        ) as grid:
            for row in rows:
                cells = grid.row()
                for text in row:
                    cells.cell(plain(text))
        self.set_auto_page_break(False)
        self.y_next = self.get_y() + 10


def render(source: Path, out: Path, header: str) -> Path:
    """One corpus source as an fpdf2 PDF at `out`."""
    pdf = Document(header)
    pdf.start()
    for block in parse_markdown(source.read_text(encoding="utf-8")):
        if block.kind in HEADING_SIZES:
            pdf.heading(block.kind, block.text)
        elif block.kind == "para":
            pdf.paragraph(block.text)
        elif block.kind == "numbered":
            pdf.numbered(block.label, block.text)
        elif block.kind == "bullet":
            pdf.bullet(block.level, block.text)
        elif block.kind == "table":
            pdf.table(block.rows)
    pdf.output(str(out))
    return out


def running_header(stem: str) -> str:
    """The header line for a corpus document: its builder's two header texts as one."""
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    settings = manifest.get(f"{stem}.md", {})
    parts = [settings.get("header_left", ""), settings.get("header_right", "")]
    return (" - ".join(part for part in parts if part) or stem).translate(_LATIN1)


def render_corpus(out_dir: Path) -> list[Path]:
    """Every corpus source rendered into `out_dir`, named like its PDF in corpus/pdf/."""
    return [
        render(source, out_dir / f"{source.stem}.pdf", running_header(source.stem))
        for source in sorted((CORPUS / "sources").glob("*.md"))
    ]
