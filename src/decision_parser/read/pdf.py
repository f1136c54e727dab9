"""PDF bytes -> pages of Lines with geometry (x0/top/x1/bottom in points from the top-left).

Two libraries, each where it earns its place:

- pypdfium2 (PDFium, the C++ engine in Chrome) does the reading: words, their loose boxes,
  font sizes and weights, and the ruling lines of tables. It is several times faster than
  pdfminer, and speed is a requirement: a whole parse must beat pdfplumber's bare
  `extract_text()` in pages per second. To keep the Python/C round trips down it is asked about
  words, not characters: the box of a word's first and last characters and its font.
- pdfplumber (pdfminer.six) is the fallback when PDFium refuses a file it can still make sense
  of (damaged cross-reference tables, odd encodings). It yields the same words, so everything
  after word extraction is shared.

From words this module builds printed lines (words that overlap vertically, superscripts
included, in x order), splits lines into cells at wide gaps or vertical rules, and turns tables
into one Line per row with "\\t" between cells, so a cell that wraps over several lines stays in
its row: ruled tables split at their rules; tables without rules (HTML printed to PDF) at
"rivers", gaps that no line of the table crosses, and into rows at gaps across every column.

Producers differ in ways this has to absorb: sizes are printed sizes (font size times the
drawing scale), and a bullet drawn as a small shape left of a line (HTML printers, some word
processors) becomes a "•" word like a bullet printed as text.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Line, Page
from ..errors import InputError
from ..geometry import cluster_positions

# A gap between words wider than this many ems separates table cells, not words.
CELL_GAP_EMS = 1.0
# pdfplumber: a gap wider than this many ems between characters is a space. Not its fixed
# 3 points: producers that draw each word on its own write no spaces at all, and at 11 points
# a space is under 3 points wide.
WORD_GAP_EMS = 0.15
# Below this share of the line's font size a word is a superscript (or subscript).
SUPERSCRIPT_SIZE = 0.8
# Rules and boxes thinner than this (points) are lines, not shapes.
RULE_THICKNESS = 2.5
# A filled box over this share of the page is a background, not a table cell.
BACKGROUND_SHARE = 0.5
# Drawn bullets: a shape this size (points) and about as wide as tall...
MARK_SIZE = (1.5, 9.0)
# ... no taller than this share of the text row it sits on ...
MARK_HEIGHT = 0.75
# ... and before the row's first word by at most this many row heights.
MARK_REACH = 3.0


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    space_before: bool = True  # the source had whitespace before this word


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class Rules:
    """Ruling lines on a page: horizontal (y, x0, x1) and vertical (x, top, bottom)."""

    horizontal: list[tuple[float, float, float]]
    vertical: list[tuple[float, float, float]]


def read_pdf(data: bytes, path: str | None) -> tuple[list[Page], dict[str, str]]:
    """Pages of lines from PDF bytes; InputError for encrypted, truncated or image-only files."""
    _refuse_truncated(data, path)
    try:
        pages, metadata = _read_with_pdfium(data, path)
    except InputError:
        raise
    except Exception as pdfium_error:
        try:
            with _quiet_pdfminer():
                pages, metadata = _read_with_pdfplumber(data, path)
        except InputError:
            raise
        except Exception:
            reason = str(pdfium_error).removeprefix("Failed to load document ").strip("(). ")
            if not reason or reason.endswith("Success"):  # PDFium set no error code
                reason = "neither PDFium nor pdfminer could open its structure"
            raise InputError(path, f"corrupt PDF, cannot be read ({reason})") from pdfium_error
    if pages and not any(page.has_text_layer for page in pages):
        raise InputError(path, "no text layer on any page (scanned image?); OCR is not supported")
    return pages, metadata


def _refuse_truncated(data: bytes, path: str | None) -> None:
    # Every complete PDF ends with %%EOF (give or take trailing whitespace or junk). A cut-off
    # download usually still opens, with pages silently missing; say so instead.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "truncated PDF: the file ends before its %%EOF marker")


# --- PDFium -------------------------------------------------------------------------------


def _read_with_pdfium(data: bytes, path: str | None) -> tuple[list[Page], dict[str, str]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise InputError(path, "encrypted PDF: it needs a password to open") from error
        if getattr(error, "err_code", None) == raw.FPDF_ERR_SECURITY:
            raise InputError(path, "encrypted PDF with an unsupported security handler") from error
        raise
    try:
        metadata = _pdfium_metadata(document)
        pages = []
        for index in range(len(document)):
            page = document[index]
            try:
                pages.append(_pdfium_page(page, index + 1, raw))
            finally:
                page.close()
        return pages, metadata
    finally:
        document.close()


def _pdfium_metadata(document: object) -> dict[str, str]:
    try:
        found = document.get_metadata_dict(skip_empty=True)  # type: ignore[attr-defined]
    except Exception:
        return {}
    return {key.lower(): str(value) for key, value in found.items() if str(value).strip()}


@dataclass(frozen=True, slots=True)
class _Frame:
    """Maps PDF user space (y up, from the media box) to the page as displayed: y down from
    the top-left, after the page's /Rotate. Landscape tables are often rotated pages."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int  # clockwise degrees: 0, 90, 180 or 270

    @property
    def size(self) -> tuple[float, float]:
        width, height = self.right - self.left, self.top - self.bottom
        return (height, width) if self.rotation in (90, 270) else (width, height)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        a = self._point(x0, y0)
        b = self._point(x1, y1)
        return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])

    def _point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y


def _pdfium_page(page: object, number: int, raw: object) -> Page:
    # The visible box (media box cut by the crop box). Not get_mediabox(): PDFium does not
    # inherit a /MediaBox from the page tree there, and fpdf2, among others, puts it there.
    left, bottom, right, top = page.get_bbox()  # type: ignore[attr-defined]
    rotation = page.get_rotation() % 360  # type: ignore[attr-defined]
    frame = _Frame(left, bottom, right, top, rotation if rotation in (90, 180, 270) else 0)
    width, height = frame.size
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        words = _pdfium_words(textpage, raw, frame)
    finally:
        textpage.close()
    if not words:
        # A page that draws nothing at all was left blank; one with an image (or a form
        # that may hold one) is probably a scan, and the reader should hear about it.
        drawn = {
            raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, i))
            for i in range(raw.FPDFPage_CountObjects(page))
        }
        scanned = bool(drawn & {raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM})
        return Page(number, [], width=width, height=height, has_text_layer=not scanned)
    rules, marks = _pdfium_shapes(page, raw, frame)
    if marks:
        words = with_drawn_bullets(words, marks)
    return Page(number, build_lines(words, rules), width=width, height=height)


def _pdfium_words(textpage: object, raw: object, frame: _Frame) -> list[Word]:
    """Words in PDFium's text order, each measured at its first and last character."""
    count = textpage.count_chars()  # type: ignore[attr-defined]
    if count <= 0:
        return []
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    # The raw handle: passing the helper object to each raw call costs a property lookup.
    textpage = textpage.raw  # type: ignore[attr-defined]
    if len(text) != count:  # characters outside the BMP: fall back to one call per character
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    font_name = ctypes.create_string_buffer(128)
    style_of_object: dict[int | None, tuple[bool, float]] = {}

    def style(index: int) -> tuple[bool, float]:
        """(bold, printed size) of the character's text object, worked out once per object:
        a font has one weight, and one text object one size and one drawing scale."""
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        key = ctypes.cast(text_object, ctypes.c_void_p).value
        found = style_of_object.get(key)
        if found is None:
            bold = False
            font = raw.FPDFTextObj_GetFont(text_object) if key else None
            if font:
                raw.FPDFFont_GetBaseFontName(font, font_name, len(font_name))
                name = font_name.value.decode("latin-1").lower()
                bold = "bold" in name or "black" in name or raw.FPDFFont_GetWeight(font) >= 600
            # The font size as set, times the scale the text is drawn at: HTML printers set
            # 16 and draw it at 0.58, and every size-relative measure needs the printed size.
            raw.FPDFText_GetMatrix(textpage, index, matrix)
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
            found = (bold, (raw.FPDFText_GetFontSize(textpage, index) or 0.0) * scale)
            if key:
                style_of_object[key] = found
        return found

    upright = frame.rotation == 0
    left, top = frame.left, frame.top

    def measure(first: int, last: int, space_before: bool) -> Word:
        raw.FPDFText_GetLooseCharBox(textpage, first, box)
        if upright:  # the common case, kept free of calls: this runs once per word
            x0, y0, x1, y1 = box.left - left, top - box.top, box.right - left, top - box.bottom
            if last != first:
                raw.FPDFText_GetLooseCharBox(textpage, last, box)
                x1 = max(x1, box.right - left)
                y0, y1 = min(y0, top - box.top), max(y1, top - box.bottom)
        else:
            x0, y0, x1, y1 = frame.box(box.left, box.bottom, box.right, box.top)
            if last != first:
                raw.FPDFText_GetLooseCharBox(textpage, last, box)
                a0, b0, a1, b1 = frame.box(box.left, box.bottom, box.right, box.top)
                x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
        bold, size = style(first)
        return Word(
            text=_word_text(text[first : last + 1]),
            x0=x0,
            x1=x1,
            top=y0,
            bottom=y1,
            size=size,
            bold=bold,
            space_before=space_before,
        )

    def split_by_line(first: int, last: int, space_before: bool) -> list[Word]:
        """A run that PDFium joined across lines (a soft hyphen): one word per line."""
        pieces: list[Word] = []
        piece_start = first
        raw.FPDFText_GetLooseCharBox(textpage, first, box)
        _, piece_top, _, piece_bottom = frame.box(box.left, box.bottom, box.right, box.top)
        for i in range(first + 1, last + 1):
            raw.FPDFText_GetLooseCharBox(textpage, i, box)
            _, char_top, _, char_bottom = frame.box(box.left, box.bottom, box.right, box.top)
            if not piece_top <= (char_top + char_bottom) / 2 <= piece_bottom:
                pieces.append(measure(piece_start, i - 1, space_before))
                piece_start, space_before = i, True
                piece_top, piece_bottom = char_top, char_bottom
        pieces.append(measure(piece_start, last, space_before))
        return pieces

    words: list[Word] = []
    start = None
    space_before = True
    for i in range(count + 1):
        char = text[i] if i < count else " "
        if not char.isspace():
            if start is None:
                start = i
            continue
        if start is None:
            space_before = True
            continue
        word = measure(start, i - 1, space_before)
        height = word.bottom - word.top
        if i - 1 > start and height > 1.6 * (word.size or height):
            words.extend(split_by_line(start, i - 1, space_before))
        else:
            words.append(word)
        start = None
        space_before = True
    return words


def _word_text(word: str) -> str:
    """A word as PDFium extracted it, with its marks made plain."""
    # PDFium marks a hyphen it judges to be a line-end break as U+0002 or U+FFFE.
    if "\x02" in word or "\ufffe" in word:
        return word.replace("\x02", "-").replace("\ufffe", "-")
    if len(word) == 1 and _is_symbol_glyph(word):
        return "•"
    return word


def _is_symbol_glyph(char: str) -> bool:
    """A lone glyph with no real character behind it: a symbol font's private-use code, a
    replacement character, or DEL (Helvetica's bullet, code 127, when a PDF does not map it).
    Alone, as a word, it is nearly always a bullet; pdfminer's "(cid:127)" is treated alike."""
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or code in (0x7F, 0xFFFD)


def _pdfium_shapes(page: object, raw: object, frame: _Frame) -> tuple[Rules, list[Box]]:
    """Ruling lines and bullet-sized marks from the page's path and image objects.

    Thin paths are rules and boxes give their four edges; small roughly square paths and
    images are candidate bullets (HTML-to-PDF printers draw list discs as shapes, not text).
    """
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    marks: list[Box] = []
    width, height = frame.size
    box_left, box_bottom, box_right, box_top = (ctypes.c_float() for _ in range(4))
    path_type, image_type = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE
    handle = page.raw  # type: ignore[attr-defined]
    get_object, get_type = raw.FPDFPage_GetObject, raw.FPDFPageObj_GetType
    for index in range(raw.FPDFPage_CountObjects(handle)):
        item = get_object(handle, index)
        kind = get_type(item)
        if kind != path_type and kind != image_type:
            continue
        if not raw.FPDFPageObj_GetBounds(item, box_left, box_bottom, box_right, box_top):
            continue
        x0, y_top, x1, y_bottom = frame.box(
            box_left.value, box_bottom.value, box_right.value, box_top.value
        )
        if _is_mark_sized(x1 - x0, y_bottom - y_top):
            marks.append((x0, y_top, x1, y_bottom))
        elif kind == path_type:
            _add_rule(horizontal, vertical, x0, y_top, x1, y_bottom, width, height)
    return Rules(horizontal, vertical), marks


def _add_rule(
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
    x0: float,
    y_top: float,
    x1: float,
    y_bottom: float,
    width: float,
    height: float,
) -> None:
    w, h = x1 - x0, y_bottom - y_top
    if w * h >= BACKGROUND_SHARE * width * height:
        return  # a page background, or a fill behind the whole text area
    if h <= RULE_THICKNESS and w > 10:
        horizontal.append(((y_top + y_bottom) / 2, x0, x1))
    elif w <= RULE_THICKNESS and h > 5:
        vertical.append(((x0 + x1) / 2, y_top, y_bottom))
    elif w > 10 and h > 5:  # a cell box or a shaded row: its edges rule the table
        horizontal.extend([(y_top, x0, x1), (y_bottom, x0, x1)])
        vertical.extend([(x0, y_top, y_bottom), (x1, y_top, y_bottom)])


def _is_mark_sized(w: float, h: float) -> bool:
    low, high = MARK_SIZE
    return low <= w <= high and low <= h <= high and 0.6 * h <= w <= 1.6 * h


def with_drawn_bullets(words: list[Word], marks: list[Box]) -> list[Word]:
    """Words with a "•" word added for each bullet drawn as a shape.

    A mark is a bullet when it sits just left of a row's first word, centred on that row and
    smaller than its text; the "•" takes the word's row box so it groups into that line, and
    from there it is a bullet like any printed one. Marks elsewhere (inside a line, in a
    drawing, beside nothing) are left alone.
    """
    added: list[Word] = []
    for x0, top, x1, bottom in marks:
        middle = (top + bottom) / 2
        row = [w for w in words if w.top <= middle <= w.bottom]
        after = [
            w
            for w in row
            if w.x0 >= x1 - 0.5
            and w.x0 - x1 <= MARK_REACH * (w.bottom - w.top)
            and bottom - top <= MARK_HEIGHT * (w.bottom - w.top)
        ]
        if not after:
            continue
        first = min(after, key=lambda w: w.x0)
        height = first.bottom - first.top
        # Text just before the mark means it is inside a line (a separator), not a bullet.
        if any(x0 - MARK_REACH * height <= w.x1 <= x0 + 0.5 for w in row):
            continue
        added.append(
            Word("•", x0, x1, first.top, first.bottom, first.size, False, space_before=True)
        )
    return words + added if added else words


# --- pdfplumber fallback --------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs each oddity of a damaged file as a warning; this reader reports the one
    outcome that matters (a reading, or one error line), so the log is held back meanwhile."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_with_pdfplumber(data: bytes, path: str | None) -> tuple[list[Page], dict[str, str]]:
    import io

    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:
        if "password" in type(error).__name__.lower() or "encrypt" in str(error).lower():
            raise InputError(path, "encrypted PDF: it needs a password to open") from error
        raise
    with pdf:
        metadata = {
            k.lower(): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str)
        }
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            words = [
                Word(
                    text=_without_cids(w["text"]),
                    x0=w["x0"],
                    x1=w["x1"],
                    top=w["top"],
                    bottom=w["bottom"],
                    size=float(w.get("size") or 0.0),
                    bold="bold" in str(w.get("fontname", "")).lower(),
                )
                for w in page.extract_words(
                    extra_attrs=["size", "fontname"], x_tolerance_ratio=WORD_GAP_EMS
                )
            ]
            if not words:
                scanned = bool(page.images)  # a blank page is not a scan
                pages.append(Page(number, [], page.width, page.height, has_text_layer=not scanned))
                continue
            horizontal, vertical = [], []
            marks: list[Box] = []
            for shape in page.lines + page.rects + page.curves + page.images:
                box = (shape["x0"], shape["top"], shape["x1"], shape["bottom"])
                if _is_mark_sized(box[2] - box[0], box[3] - box[1]):
                    marks.append(box)
                elif shape["object_type"] != "image":
                    _add_rule(horizontal, vertical, *box, page.width, page.height)
            if marks:
                words = with_drawn_bullets(words, marks)
            lines = build_lines(words, Rules(horizontal, vertical))
            pages.append(Page(number, lines, width=page.width, height=page.height))
        return pages, metadata


_CID = re.compile(r"\(cid:\d+\)")


def _without_cids(text: str) -> str:
    """pdfminer's "(cid:127)" for a glyph it cannot map; alone, it is nearly always a bullet."""
    if "(cid:" not in text:
        return text
    stripped = _CID.sub("", text)
    return stripped or "•"


# --- words -> lines -------------------------------------------------------------------------


@dataclass(slots=True)
class _Printed:
    """One printed line: its words in x order."""

    words: list[Word]
    top: float
    bottom: float
    _size: float | None = None  # cached: asked for often, changes only when words are added

    @property
    def size(self) -> float:
        if self._size is None:
            self._size = _main_size(self.words)
        return self._size

    def add(self, words: list[Word]) -> None:
        self.words.extend(words)
        self._size = None


def _main_size(words: list[Word]) -> float:
    """The font size most of the characters are set in."""
    if len(words) == 1 or all(w.size == words[0].size for w in words):
        return round(words[0].size, 1) if words else 0.0
    sizes: dict[float, int] = {}
    for word in words:
        key = round(word.size, 1)
        sizes[key] = sizes.get(key, 0) + len(word.text)
    return max(sizes, key=sizes.__getitem__)


def _group_into_lines(words: list[Word]) -> list[_Printed]:
    """Words that overlap vertically form a line; a raised superscript joins its line."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[_Printed] = []
    for word in ordered:
        height = max(word.bottom - word.top, 0.1)
        line = lines[-1] if lines else None
        if line is not None:
            overlap = min(line.bottom, word.bottom) - max(line.top, word.top)
            line_height = line.bottom - line.top
            if overlap >= 0.5 * min(height, line_height):
                line.add([word])
                line.bottom = max(line.bottom, word.bottom)
                continue
        lines.append(_Printed([word], word.top, word.bottom))
    _attach_lone_superscripts(lines)
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _attach_lone_superscripts(lines: list[_Printed]) -> None:
    """A line of only small words sitting on the next line's top ("th" over "13 April")."""
    i = 0
    while i < len(lines) - 1:
        small, below = lines[i], lines[i + 1]
        small_size, below_size = small.size, below.size
        if (
            below_size
            and small_size < SUPERSCRIPT_SIZE * below_size
            and small.bottom > below.top - 0.3 * below_size
            and len(small.words) <= 3
        ):
            below.add(small.words)
            below.top = min(below.top, small.top)
            del lines[i]
            continue
        i += 1


def _segments(line: _Printed, rules: Rules) -> list[list[Word]]:
    """Runs of words separated by a gap wider than a cell gap or by a vertical rule."""
    size = line.size or 10.0
    body = [w for w in line.words if not _is_superscript(w, size)]
    baseline_size = _main_size(body) if body else size
    segments: list[list[Word]] = [[line.words[0]]]
    for previous, word in zip(line.words, line.words[1:], strict=False):
        gap = word.x0 - previous.x1
        ruled = any(
            previous.x1 - 1 <= x <= word.x0 + 1 and top <= line.bottom and bottom >= line.top
            for x, top, bottom in rules.vertical
        )
        # A list marker before a tab stop ("1." or "•" then a wide gap) is not a cell.
        marker = len(segments) == 1 and len(segments[0]) == 1 and _MARKER.match(previous.text)
        if (gap > CELL_GAP_EMS * baseline_size or ruled) and not marker:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


_MARKER = re.compile(
    r"^(?:[-–—*•●▪◦○■□➢►✓·o◆❖➔→✔▶➤❑\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf071\uf0e8]|\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?"
    r"|\(?[a-zA-Z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|[a-z]\.)$"
)


def _is_superscript(word: Word, size: float) -> bool:
    return bool(size) and word.size < SUPERSCRIPT_SIZE * size


def _words_text(words: list[Word], size: float) -> str:
    parts: list[str] = []
    previous: Word | None = None
    for word in words:
        if previous is not None:
            gap = word.x0 - previous.x1
            # A superscript hugs its number ("13" + "th"); elsewhere trust the source's spaces,
            # and the gap when words came from different places in the content stream.
            tight = gap < 0.12 * (size or 10.0)
            if not (_is_superscript(word, size) and gap < 0.3 * size) and not (
                tight and not word.space_before
            ):
                parts.append(" ")
        parts.append(word.text)
        previous = word
    return "".join(parts)


def _make_line(words: list[Word], text: str, kind: str | None = None) -> Line:
    size = _main_size(words)
    body = [w for w in words if not _is_superscript(w, size)] or words
    bold_chars = sum(len(w.text) for w in body if w.bold)
    return Line(
        text=text,
        x0=round(min(w.x0 for w in words), 2),
        top=round(min(w.top for w in body), 2),
        x1=round(max(w.x1 for w in words), 2),
        bottom=round(max(w.bottom for w in body), 2),
        size=size,
        bold=bold_chars >= 0.8 * sum(len(w.text) for w in body),
        kind=kind,  # type: ignore[arg-type]
    )


def build_lines(words: list[Word], rules: Rules) -> list[Line]:
    """Printed lines, top to bottom, with tables as rows of tab-separated cells."""
    printed = _group_into_lines(words)
    split = [_segments(line, rules) for line in printed]
    ruled = {table.first: table for table in _ruled_tables(printed, split, rules)}
    in_ruled = {i for table in ruled.values() for i in range(table.first, table.last + 1)}
    unruled = {
        table.first: table
        for table in _unruled_tables(printed, split, in_ruled, _line_gap(printed))
    }
    out: list[Line] = []
    i = 0
    while i < len(printed):
        if i in ruled:
            out.extend(ruled[i].rows(printed))
            i = ruled[i].last + 1
            continue
        if i in unruled:
            out.extend(unruled[i].rows(printed))
            i = unruled[i].end
            continue
        line = printed[i]
        out.append(_make_line(line.words, " ".join(_words_text(s, line.size) for s in split[i])))
        i += 1
    return out


def _line_gap(printed: list[_Printed]) -> float:
    """The usual space between the boxes of one paragraph's lines on this page: low in the
    range of gaps, since those between table rows or list items are wider."""
    gaps = sorted(
        b.top - a.bottom
        for a, b in zip(printed, printed[1:], strict=False)
        if abs(a.size - b.size) < 0.6 and -0.3 * b.size <= b.top - a.bottom <= 0.8 * b.size
    )
    if not gaps:
        return 0.2 * (printed[0].size if printed else 10.0)
    return max(0.0, gaps[len(gaps) // 4])


# --- tables without rules -------------------------------------------------------------------

# A column gap is a "river": a band of x that no word on any line of the table crosses. Below
# this width (in ems) it could be word spaces that happen to line up; HTML printers leave
# columns as little as half an em apart.
RIVER_EMS = 0.35
# Lines of one table sit at most this many ems apart, box to box (cell padding included).
TABLE_GAP_EMS = 2.0
# Rows are told apart by a gap across every column wider than the page's usual line gap by
# this many ems (at least a point): cell padding, or space after a cell's paragraph.
ROW_GAP_EMS = 0.15


@dataclass(slots=True)
class _Unruled:
    """Printed lines first..end-1 form a table without rules, its columns split at rivers."""

    first: int
    end: int
    rivers: list[tuple[float, float]]  # (x0, x1) of each gap between columns, left to right
    row_gap: float  # a band of empty space taller than this separates rows

    def column_of(self, word: Word) -> int:
        return sum(1 for _, right in self.rivers if word.x0 >= right - 1)

    def rows(self, printed: list[_Printed]) -> list[Line]:
        lines = printed[self.first : self.end]
        bands = self._bands(lines)
        if bands is None:
            return [self._row([line]) for line in lines]
        return [self._row(band) for band in bands]

    def _cell_lines(self, lines: list[_Printed]) -> list[_Printed]:
        """Each column's lines on their own: cells set middle-aligned sit between the lines
        of their neighbours, so one printed line can hold parts of two rows."""
        columns: list[list[Word]] = [[] for _ in range(len(self.rivers) + 1)]
        for line in lines:
            for word in line.words:
                columns[self.column_of(word)].append(word)
        return sorted(
            (cell_line for words in columns if words for cell_line in _group_into_lines(words)),
            key=lambda cell_line: cell_line.top,
        )

    def _bands(self, lines: list[_Printed]) -> list[list[_Printed]] | None:
        """Cell lines grouped into rows at horizontal gaps that cross every column; None when
        the gaps do not tell rows apart (rows as close as the lines within a cell)."""
        bands: list[list[_Printed]] = []
        bottom = 0.0
        for cell_line in self._cell_lines(lines):
            if bands and cell_line.top <= bottom + self.row_gap:
                bands[-1].append(cell_line)
                bottom = max(bottom, cell_line.bottom)
            else:
                bands.append([cell_line])
                bottom = cell_line.bottom
        if len(bands) < 2:
            return None
        multi = sum(1 for band in bands if len({self._column(b) for b in band}) > 1)
        deepest = max(
            Counter(self._column(cell_line) for cell_line in band).most_common(1)[0][1]
            for band in bands
        )
        # Two bands could be a header and every row run together; three rows of cells, or
        # bands no deeper than a wrapped cell, are rows.
        if multi >= 3 or deepest <= 3:
            return bands
        return None

    def _column(self, cell_line: _Printed) -> int:
        return self.column_of(cell_line.words[0])

    def _row(self, lines: list[_Printed]) -> Line:
        cells: list[list[str]] = [[] for _ in range(len(self.rivers) + 1)]
        words: list[Word] = []
        for line in sorted(lines, key=lambda line: line.top):
            chunks: dict[int, list[Word]] = {}
            for word in line.words:
                chunks.setdefault(self.column_of(word), []).append(word)
            for column, chunk in chunks.items():
                cells[column].append(_words_text(chunk, line.size))
            words.extend(line.words)
        texts = [_join_cell_lines(parts) for parts in cells]
        while texts and not texts[-1]:
            texts.pop()
        return _make_line(words, "\t".join(texts), "row")


def _unruled_tables(
    printed: list[_Printed], split: list[list[list[Word]]], ruled: set[int], line_gap: float
) -> list[_Unruled]:
    """Tables without rules: each grown from a line with a cell gap (a gap over an em), up and
    down through the lines that leave its column gaps clear."""
    tables: list[_Unruled] = []
    floor = 0
    i = 0
    while i < len(printed):
        if i in ruled or len(split[i]) < 2 or _stretched(printed[i]):
            i += 1
            continue
        table = _grow_table(printed, split, i, floor, ruled, line_gap)
        if table is None:
            i += 1
            continue
        tables.append(table)
        floor = i = table.end
    return tables


def _stretched(line: _Printed) -> bool:
    """A justified line of a narrow column: every space stretched alike, some past an em.
    A table row has its wide gaps between cells and ordinary spaces within them."""
    gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:], strict=False)]
    return len(gaps) >= 3 and min(gaps) >= 0.7 * max(gaps)


def _free_span(
    river: tuple[float, float], words: list[Word], least: float
) -> tuple[float, float] | None:
    """The widest part of `river` that no word covers, if at least `least` wide."""
    left, right = river
    best: tuple[float, float] | None = None
    for word in words:
        if word.x1 <= left or word.x0 >= right:
            continue
        if word.x0 - left >= least and (best is None or word.x0 - left > best[1] - best[0]):
            best = (left, word.x0)
        left = max(left, word.x1)
    if right - left >= least and (best is None or right - left > best[1] - best[0]):
        best = (left, right)
    return best


def _grow_table(
    printed: list[_Printed],
    split: list[list[list[Word]]],
    trigger: int,
    floor: int,
    ruled: set[int],
    line_gap: float,
) -> _Unruled | None:
    size = printed[trigger].size or 10.0
    least = RIVER_EMS * size
    segments = split[trigger]
    rivers = [(a[-1].x1, b[0].x0) for a, b in zip(segments, segments[1:], strict=False)]

    def narrowed(line: _Printed, drop_dead: bool) -> list[tuple[float, float]] | None:
        kept = []
        for river in rivers:
            span = _free_span(river, line.words, least)
            if span is not None:
                kept.append(span)
            elif not drop_dead:
                return None
        return kept or None

    end = trigger + 1
    while end < len(printed) and end not in ruled:
        line = printed[end]
        if line.top - printed[end - 1].bottom > TABLE_GAP_EMS * size:
            break
        # The line after the one that started the table may show that one of its gaps was
        # a wide space, not a column; past that, a line across a column gap ends the table.
        kept = narrowed(line, drop_dead=end == trigger + 1)
        if kept is None:
            break
        rivers = kept
        end += 1
    first = trigger
    while first - 1 >= floor and first - 1 not in ruled:
        line = printed[first - 1]
        if printed[first].top - line.bottom > TABLE_GAP_EMS * size:
            break
        # Above, only lines that start right of the first column: a middle-aligned cell
        # printed before its row's first line. A short line in the first column is more
        # likely the end of the paragraph before.
        if line.words[0].x0 < rivers[0][1] - 1:
            break
        kept = narrowed(line, drop_dead=False)
        if kept is None:
            break
        rivers = kept
        first -= 1
    table = _Unruled(first, end, rivers, line_gap + max(1.0, ROW_GAP_EMS * size))

    def columns_used(index: int) -> set[int]:
        return {table.column_of(word) for word in printed[index].words}

    # Trailing lines in the first column alone belong to what follows, unless they plainly
    # continue a cell (lower case).
    while table.end - 1 > trigger and columns_used(table.end - 1) == {0}:
        if printed[table.end - 1].words[0].text[:1].islower():
            break
        table.end -= 1
    multi = sum(1 for i in range(table.first, table.end) if len(columns_used(i)) > 1)
    if multi < 2 or not _columns_aligned(printed, table):
        return None
    return table


def _columns_aligned(printed: list[_Printed], table: _Unruled) -> bool:
    """Whether the text in each column after the first lines up, as a table's cells do, at
    their left edges, centres or right edges (short of the text's right margin, where every
    justified line ends). Words that happen to sit right of a chance gap in justified prose
    start wherever the gap left them."""
    margin = max(line.words[-1].x1 for line in printed)
    lines = printed[table.first : table.end]
    for column in range(1, len(table.rivers) + 1):
        spans = []
        for line in lines:
            words = [w for w in line.words if table.column_of(w) == column]
            if words:
                spans.append((words[0].x0, words[-1].x1))
        if len(spans) < 2:
            continue
        edges = (
            [x0 for x0, _ in spans],
            [(x0 + x1) / 2 for x0, x1 in spans],
            [x1 for _, x1 in spans if x1 < margin - 2],
        )
        if not any(_most_within(values, 2.0) >= 0.6 * len(spans) for values in edges):
            return False
    return True


def _most_within(values: list[float], tolerance: float) -> int:
    """The most values that lie within `tolerance` of one of them."""
    ordered = sorted(values)
    most = 0
    low = 0
    for high, value in enumerate(ordered):
        while value - ordered[low] > 2 * tolerance:
            low += 1
        most = max(most, high - low + 1)
    return most


@dataclass(slots=True)
class _Table:
    """Printed lines first..last lie inside a ruled table; rows split at horizontal rules."""

    first: int
    last: int
    row_edges: list[float]  # y of each horizontal rule, top to bottom
    column_edges: list[float]  # x where each column starts, left to right

    def rows(self, printed: list[_Printed]) -> list[Line]:
        rows: list[Line] = []
        for top, bottom in zip(self.row_edges, self.row_edges[1:], strict=False):
            inside = [
                line
                for line in printed[self.first : self.last + 1]
                if top - 1 <= (line.top + line.bottom) / 2 <= bottom + 1
            ]
            if not inside:
                continue
            cells: list[list[str]] = [[] for _ in self.column_edges]
            words: list[Word] = []
            for line in inside:
                for column, chunk in self._by_column(line.words):
                    cells[column].append(_words_text(chunk, line.size))
                words.extend(line.words)
            texts = [_join_cell_lines(parts) for parts in cells]
            while texts and not texts[-1]:
                texts.pop()
            rows.append(_make_line(words, "\t".join(texts), "row"))
        return rows

    def _by_column(self, words: list[Word]) -> list[tuple[int, list[Word]]]:
        chunks: list[tuple[int, list[Word]]] = []
        for word in words:
            column = max(
                (i for i, edge in enumerate(self.column_edges) if word.x0 >= edge - 2), default=0
            )
            if chunks and chunks[-1][0] == column:
                chunks[-1][1].append(word)
            else:
                chunks.append((column, [word]))
        return chunks


def _join_cell_lines(parts: list[str]) -> str:
    """The lines of one cell as one string; a line-end hyphen before a lower-case word goes."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}"
    return text


def _ruled_tables(
    printed: list[_Printed], split: list[list[list[Word]]], rules: Rules
) -> list[_Table]:
    """Tables drawn with rules: runs of bands between horizontal rules where each band is
    crossed by a vertical rule or holds cells (lines split at a wide gap)."""
    if len(rules.horizontal) < 2 or not printed:
        return []
    edges = cluster_positions([y for y, _, _ in rules.horizontal], 1.5)
    centres = [(line.top + line.bottom) / 2 for line in printed]

    def lines_in(top: float, bottom: float) -> list[int]:
        return [i for i, y in enumerate(centres) if top - 1 <= y <= bottom + 1]

    def tabular(top: float, bottom: float) -> bool:
        inside = lines_in(top, bottom)
        if not inside:
            return False
        if any(t <= top + 2 and b >= bottom - 2 for _, t, b in rules.vertical):
            return True
        multi = sum(1 for i in inside if len(split[i]) > 1)
        # A long run of prose between two rules (a header rule, a boxed note) is not a row.
        return multi > 0 and (len(inside) <= 8 or multi >= len(inside) / 2)

    tables: list[_Table] = []
    run: list[float] = []
    for top, bottom in [*zip(edges, edges[1:], strict=False), (None, None)]:
        if top is not None and bottom is not None and tabular(top, bottom):
            run = run or [top]
            run.append(bottom)
            continue
        if len(run) >= 2:
            table = _table_from(run, printed, split, rules, lines_in(run[0], run[-1]))
            if table is not None:
                tables.append(table)
        run = []
    return tables


def _table_from(
    edges: list[float],
    printed: list[_Printed],
    split: list[list[list[Word]]],
    rules: Rules,
    members: list[int],
) -> _Table | None:
    top, bottom = edges[0], edges[-1]
    spans = [(x0, x1) for y, x0, x1 in rules.horizontal if top - 2 <= y <= bottom + 2]
    left = min(x0 for x0, _ in spans)
    right = max(x1 for _, x1 in spans)
    members = [
        i
        for i in members
        if printed[i].words[0].x0 >= left - 2 and printed[i].words[-1].x1 <= right + 2
    ]
    if not members:
        return None
    columns = _column_edges(members, split, rules, top, bottom, left, right)
    if len(columns) < 2:
        return None
    return _Table(members[0], members[-1], edges, columns)


def _column_edges(
    members: list[int],
    split: list[list[list[Word]]],
    rules: Rules,
    top: float,
    bottom: float,
    left: float,
    right: float,
) -> list[float]:
    """Where columns start: at vertical rules inside the table, else where cells start."""
    ruled = [
        x
        for x, rule_top, rule_bottom in rules.vertical
        if left - 2 <= x <= right + 2 and rule_top <= bottom and rule_bottom >= top
    ]
    inner = [x for x in cluster_positions(ruled, 3.0) if x < right - 8]
    if len(inner) >= 2:
        return inner
    starts = [segment[0].x0 for i in members for segment in split[i][1:]]
    multi = sum(1 for i in members if len(split[i]) > 1)
    counted = Counter(round(x / 3) for x in starts)
    edges = [left] + [k * 3.0 for k, n in counted.items() if n >= max(1, multi // 3)]
    return cluster_positions(edges, 6.0)
