"""Document -> CleanText: the one string that every finding's offsets point into.

What clean does, in order:
1. drop page furniture: running headers and footers (lines that repeat at the top or bottom of
   pages, digits ignored so "Page 2 of 7" matches "Page 3 of 7") and lone page numbers;
2. group lines into blocks (heading, paragraph, list item, table row): by geometry for PDFs
   (vertical gaps, indentation, font size, list markers), by blank lines and hints for text and
   HTML; a paragraph that runs on across a blank line or a page break is joined back, and a
   sentence left unfinished carries on into a lower-case line even when that line is set in
   bold ("Status: In" / "progress"), so run-ons win over heading detection;
3. join the lines of a block with single spaces, rejoining words hyphenated at a line end
   ("recom-" + "mendation") but keeping real compounds ("post-16", "follow-up");
4. normalise characters: no-break and odd spaces, ligatures, split superscript ordinals
   ("13 th April" -> "13th April").

The output text is the blocks joined by "\\n", one block per line. Markers ("1.1", "a)", "-")
stay in the text and are recorded on the Block.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Block, BlockKind, CleanText, CleanWarning, Document, Line, Page
from .geometry import cluster_positions

# --- characters ---------------------------------------------------------------------------

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_TAB = re.compile(r" *\t *")
# "10.The Council": a list number wider than its hanging indent runs into the text, with no
# space in between in the PDF's text.
_GLUED_NUMBER = re.compile(r"^(\(?\d{1,2}(?:\.\d{1,2}){1,3}\.?|\(?\d{1,2}[.)])(?=[A-Z][a-z])")
# "13 th April": a superscript pulled apart from its number by extraction.
_SPLIT_ORDINAL = re.compile(r"\b(\d{1,2}) (st|nd|rd|th)\b")


def _ordinal_suffix(number: int) -> str:
    if 11 <= number % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _rejoin_ordinal(match: re.Match[str]) -> str:
    number, suffix = match.group(1), match.group(2)
    # Only the suffix the number takes, so "2 th" (not an ordinal) is left as printed.
    if _ordinal_suffix(int(number)) == suffix:
        return number + suffix
    return match.group(0)


def normalise_line(text: str) -> str:
    """One line's characters made plain; tabs (cell separators) survive."""
    text = text.translate(_LIGATURES)
    # pdfium reports a hyphen it judged to be a line-end break as U+0002.
    if text.endswith("\x02"):
        text = text[:-1] + "-"
    text = _ODD_SPACES.sub(" ", text)
    # A soft hyphen inside a line is invisible; at the end it marks a hyphenation break.
    soft_end = text.rstrip(" ").endswith("\u00ad")
    text = text.replace("\u00ad", "")
    text = _INVISIBLE.sub("", text)
    text = _SPACE_RUN.sub(" ", text)
    if "\t" in text:
        text = _SPACE_AROUND_TAB.sub("\t", text)
    text = text.strip(" ")
    if text[:1].isdigit() or text[:1] == "(":
        text = _GLUED_NUMBER.sub(r"\1 ", text)
    if " th" in text or " st" in text or " nd" in text or " rd" in text:
        text = _SPLIT_ORDINAL.sub(_rejoin_ordinal, text)
    return text + "\u00ad" if soft_end else text


# --- markers ------------------------------------------------------------------------------

# Bullets as printed, Word's Symbol and Wingdings glyphs (private-use code points) among them,
# and the "o" Word uses for a second-level bullet.
_BULLET = re.compile(
    r"^(?:[-*+•–—▪●◦○■□➢►✓·◆❖➔→✔▶➤❑\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf071\uf0e8]|o(?=[ \t]))\s+"
)
# "1.", "1.1", "2.2.1", "1)", "(1)"; a bare "1" only counts for headings (see below).
# Section numbers, not times or amounts: "5.00 pm" and "2.50 per hour" are not markers.
_NUMBER_MARKER = re.compile(
    r"^(\(?\d{1,2}(?:\.(?:0|[1-9]\d?)){1,3}\.?|\(?\d{1,2}[.)]|\(\d{1,2}\))\s+"
    r"(?!(?:am|pm|a\.m\.|p\.m\.|per|percent|%)(?:\W|$))"
)
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=[A-Z])")
_ROMAN = "i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii"
_LETTER_MARKER = re.compile(
    rf"^(\((?:{_ROMAN}|[a-zA-Z])\)|(?:{_ROMAN}|[a-zA-Z])\)|(?:{_ROMAN}|[a-z])\.)\s+(?=\S)"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUMBER_ONLY = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?$")
_STARTS_WITH_MONTH = re.compile(rf"^(?:{_MONTHS})\b", re.IGNORECASE)


@dataclass(slots=True)
class Marker:
    text: str  # as printed, bullets as "-"
    strip: int  # characters before the marker's text: a bullet (before a number or words)
    bulleted: bool  # the line started with a bullet


def find_marker(text: str) -> Marker | None:
    """The list marker a line starts with, if any.

    A bullet before a number ("- 1.1 That the Board...") is a conversion artefact: the number
    is the marker and the bullet is dropped from the text.
    """
    bullet = _BULLET.match(text)
    rest = text[bullet.end() :] if bullet else text
    number = _NUMBER_MARKER.match(rest) or _LETTER_MARKER.match(rest)
    if number:
        strip = bullet.end() if bullet else 0
        return Marker(number.group(1), strip, bullet is not None)
    if bullet:
        return Marker("-", bullet.end(), True)
    return None


def _heading_marker(text: str) -> str | None:
    """A section number before a heading, including a bare "4" ("4 Legal implications")."""
    marker = find_marker(text)
    if marker and marker.text != "-" and not marker.bulleted:
        return marker.text
    bare = _BARE_NUMBER.match(text)
    if bare and not _STARTS_WITH_MONTH.match(text[bare.end() :]):
        return bare.group(1)
    return None


# --- hyphenation --------------------------------------------------------------------------

# Left halves that make real compounds when a line breaks after their hyphen. Short words
# that also begin ordinary words ("in-", "re-", "pre-") are left to the document's vocabulary.
_COMPOUND_PREFIXES = frozenset(
    {
        "post", "non", "self", "well", "cross", "multi", "anti", "semi", "mid", "half",
        "follow", "long", "short", "high", "low", "full", "part", "year", "week", "month",
        "child", "young", "decision", "problem", "case", "cost", "day", "time",
    }
)  # fmt: skip
# Right halves that are usually the second part of a compound ("follow-up", "evidence-based").
_COMPOUND_SUFFIXES = frozenset(
    {
        "up", "based", "led", "related", "specific", "wide", "term", "making", "level",
        "scale", "focused", "centred", "friendly", "owned", "funded", "aged", "free",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


_UNICODE_HYPHENS = ("\u2010", "\u2011")


class Joiner:
    """Joins the lines of one block, deciding what a line-end hyphen means.

    The document itself is the best dictionary: "recom-" + "mendation" joins because
    "recommendation" is used elsewhere, "follow-" + "up" keeps its hyphen because "follow-up"
    is. Without evidence either way, a prefix/suffix list of common compounds decides.
    """

    def __init__(self, texts: list[str]):
        words: set[str] = set()
        for text in texts:
            words.update(w.lower() for w in _WORD.findall(text))
        self.words = words

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """True when "left-" at a line end and "right" on the next are a hyphenated compound."""
        if not right[:1].islower() or not left[-1:].isalpha():
            return True  # "post-" + "16", "Anglo-" + "Saxon", "2020-" + "21"
        left_word = re.search(r"[A-Za-z]+$", left)
        right_word = re.match(r"[A-Za-z]+", right)
        if not left_word or not right_word:
            return True
        head, tail = left_word.group(0).lower(), right_word.group(0).lower()
        if head + tail in self.words:
            return False
        if f"{head}-{tail}" in self.words:
            return True
        return head in _COMPOUND_PREFIXES or tail in _COMPOUND_SUFFIXES

    def join(self, left: str, right: str) -> tuple[str, str]:
        """(left as kept, separator) so that the joined text is kept + separator + right."""
        if left.endswith("\u00ad"):
            return left[:-1], ""
        if left[-1:] in _UNICODE_HYPHENS:
            # Some producers print the line-end hyphen as U+2010 or U+2011: read it as "-".
            left = left[:-1] + "-"
        if len(left) >= 2 and left.endswith("-") and left[-2] not in " -":
            if self.keeps_hyphen(left[:-1], right):
                return left, ""
            return left[:-1], ""
        if not left or not right:
            return left, ""
        return left, " "


# --- page furniture -----------------------------------------------------------------------

# Lines that are only a page number: "3", "- 3 -", "Page 3", "Page 3 of 7", "3 of 7", "3/7".
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?)$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# The share of a page's height that counts as its top or bottom band.
_BAND = 0.12
# Without geometry, the first and last few lines of a page stand in for the bands.
_BAND_LINES = 2


def _furniture_key(page: Page, index: int) -> tuple[str, float]:
    """What a running header or footer keeps from page to page: its words (digits ignored)
    and where it sits (its top in points, or its line position in text files)."""
    line = page.lines[index]
    words = _DIGITS.sub("#", " ".join(normalise_line(line.text).lower().split()))
    if line.top is not None and page.height:
        return words, line.top
    from_end = len(page.lines) - index
    return words, index if index < _BAND_LINES else -from_end


# How far (points) a running header or footer may move from page to page in a PDF; in text,
# it keeps its line position exactly.
_FURNITURE_DRIFT = 4.0


def _band_lines(page: Page) -> list[int]:
    """Indexes of the lines in a page's top and bottom bands."""
    lines = page.lines
    if page.height and all(line.top is not None for line in lines):
        top_limit = page.height * _BAND
        bottom_limit = page.height * (1 - _BAND)
        return [
            i
            for i, line in enumerate(lines)
            if line.bottom is not None and (line.bottom <= top_limit or line.top >= bottom_limit)
        ]
    count = len(lines)
    head = list(range(min(_BAND_LINES, count)))
    tail = list(range(max(len(head), count - _BAND_LINES), count))
    return head + tail


def _furniture(pages: list[Page]) -> set[tuple[int, int]]:
    """(page index, line index) of running headers, footers and lone page numbers."""
    bands = [_band_lines(page) for page in pages]
    # words -> (position, page index) of each band line that reads so
    placed: dict[str, list[tuple[float, int]]] = {}
    for p, (page, band) in enumerate(zip(pages, bands, strict=True)):
        for i in band:
            words, position = _furniture_key(page, i)
            placed.setdefault(words, []).append((position, p))

    drift = _FURNITURE_DRIFT if any(page.height for page in pages) else 0.0
    for spots in placed.values():
        spots.sort()
    counted: dict[tuple[str, float], int] = {}

    def pages_with(key: tuple[str, float]) -> int:
        # A running header is the same key on every page: count it once, over only the spots
        # within the drift (bisect), or a 2,000-page pack costs 2,000 x 2,000 comparisons.
        if key not in counted:
            words, position = key
            spots = placed[words]
            lo = bisect.bisect_left(spots, (position - drift, -1))
            hi = bisect.bisect_right(spots, (position + drift, len(pages)))
            counted[key] = len({p for _, p in spots[lo:hi]})
        return counted[key]

    # Repeated on at least two pages, and on at least a third of them in long documents.
    needed = max(2, len(pages) // 3)
    drop: set[tuple[int, int]] = set()
    for p, (page, band) in enumerate(zip(pages, bands, strict=True)):
        if len(pages) < 2 and page.height is None:
            continue  # one page of text: its first and last lines are content
        for i in band:
            is_number = bool(_PAGE_NUMBER.match(normalise_line(page.lines[i].text)))
            repeated = len(pages) > 1 and pages_with(_furniture_key(page, i)) >= needed
            if is_number or repeated:
                drop.add((p, i))
    return drop


# --- blocks -------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
# Headings run to a dozen words; a numbered one set in bold may wrap to twice that.
_HEADING_WORDS = 12


@dataclass
class _Draft:
    """A block being built: the lines that make it, before they are joined."""

    kind: BlockKind
    page: int
    marker: str | None = None
    level: int = 0
    parts: list[tuple[str, int]] = field(default_factory=list)  # (text, page)
    cells: list[str] | None = None  # rows only
    bold: bool = False
    bulleted: bool = False  # a bullet was typed before the marker ("- 1.1 ...")
    # Every line so far is set like a heading (bold or large): a numbered heading, maybe
    # wrapped, that is an item only until _finish_kinds decides.
    styled: bool = False
    last: Line | None = None  # the latest source line, for geometry decisions
    first: Line | None = None  # the first source line

    @property
    def tail(self) -> str:
        return self.parts[-1][0] if self.parts else ""


def _runs_on(previous: _Draft, text: str) -> bool:
    """A line that plainly continues the block before: no full stop there, lower case here."""
    if previous.kind not in ("paragraph", "item") or not previous.parts:
        return False
    tail = previous.tail.rstrip("\u00ad")
    return bool(tail) and not _TERMINAL.search(tail) and text[:1].islower()


def _row_runs_on(previous: _Draft, cells: list[str]) -> bool:
    """A table line that is the wrapped rest of the row above, not a row of its own.

    Either its first cell is empty (the label column did not wrap), or the label column
    wrapped too ("Legal and" / "Governance:") and the other cells carry on in lower case.
    """
    if previous.kind != "row" or previous.cells is None:
        return False
    if not cells[0]:
        return True
    label = previous.cells[0]
    rest = [c for c in cells[1:] if c]
    if not rest:  # only the first column: its cell wrapped
        return cells[0][:1].islower()
    return (
        bool(label)
        and not label.endswith(":")
        and bool(rest)
        and all(c[:1].islower() for c in rest)
    )


def _merge_cells(joiner: Joiner, cells: list[str], more: list[str]) -> list[str]:
    merged = list(cells) + [""] * max(0, len(more) - len(cells))
    for i, text in enumerate(more):
        if text:
            if merged[i]:
                kept, sep = joiner.join(merged[i], text)
                merged[i] = kept + sep + text
            else:
                merged[i] = text
    return merged


def _is_field(text: str) -> bool:
    """A "Label: value" line ("Report to: Cabinet"), not a numbered heading with a colon."""
    label, colon, value = text.partition(":")
    return bool(colon and value.strip()) and _heading_marker(text) is None


def _looks_like_heading(draft: _Draft, text: str) -> bool:
    """A short, unpunctuated, numbered or bold block: "2. Background", or a numbered heading
    set in bold that wraps ("34. Public interest report of the ... Social Care" / "Ombudsman:
    special guardianship allowances")."""
    words = text.split()
    most = _HEADING_WORDS * (2 if draft.styled else 1)
    if not words or len(words) > most or draft.bulleted or re.search(r"[.,;]$", text):
        return False
    if text.endswith(":"):  # "2.2 The findings were:" introduces a list
        return False
    if draft.styled and draft.marker is not None:
        return True  # numbered and set like a heading: "74. Ombudsman decision: transport"
    if draft.bold and (draft.last is None or draft.last.gap_before or draft.last.top is not None):
        # "Label: value" lines in bold are fields of a cover sheet, not headings.
        return not _is_field(text)
    marker = _heading_marker(text)
    if marker is None or (draft.marker is None and not marker.isdigit()):
        return False
    rest = text[len(marker) :].strip()
    return bool(rest) and rest[:1].isupper() and len(rest.split()) <= 10


class _Grouper:
    """Turns the body lines of a document into draft blocks."""

    def __init__(self, joiner: Joiner, geometry: _Geometry | None):
        self.joiner = joiner
        self.geometry = geometry
        self.drafts: list[_Draft] = []

    def add(self, page: int, line: Line, text: str) -> None:
        previous = self.drafts[-1] if self.drafts else None
        if line.kind == "row" or (line.kind is None and "\t" in text):
            self._add_row(previous, page, line, text)
            return
        if line.kind == "heading":
            self._start("heading", page, line, text, level=line.level or 0)
            return
        marker = find_marker(text)
        if self.geometry is not None and not marker and self.geometry.is_heading(line, text):
            # Bold or large, but carrying on the block before: a lower-case word after an
            # unfinished sentence ("Status: In" / "progress", even over a page break), or a
            # line at a list item's hanging indent ("Status: Complete" in bold). Else, a
            # heading, which may itself wrap onto this line.
            if previous is not None and (
                _runs_on(previous, text)
                or self.geometry.at_item_indent(previous, line, page)
                or (
                    (previous.kind == "heading" or previous.styled)
                    and self.geometry.same_block(previous, line, page)
                )
            ):
                previous.parts.append((text, page))
                previous.last = line
                return
            self._start("heading", page, line, text)
            return
        if marker:
            # Bullets of every shape print as "- " so the text reads like its marker.
            body = text[marker.strip :]
            if marker.text == "-":
                body = "- " + body
            self._start("item", page, line, body, marker=marker.text, level=self._level(line))
            self.drafts[-1].bulleted = marker.bulleted
            self.drafts[-1].styled = self.geometry is not None and self.geometry.is_heading(
                line, text
            )
            return
        if previous is not None and self._continues(previous, line, text, page):
            previous.parts.append((text, page))
            previous.last = line
            return
        self._start("paragraph", page, line, text, level=self._level(line))

    def _level(self, line: Line) -> int:
        if line.level is not None:
            return line.level
        if self.geometry is not None:
            return self.geometry.level(line)
        return 0

    def _start(
        self,
        kind: BlockKind,
        page: int,
        line: Line,
        text: str,
        *,
        marker: str | None = None,
        level: int = 0,
    ) -> None:
        self.drafts.append(
            _Draft(
                kind,
                page,
                marker=marker,
                level=level,
                parts=[(text, page)],
                bold=line.bold,
                last=line,
                first=line,
            )
        )

    def _add_row(self, previous: _Draft | None, page: int, line: Line, text: str) -> None:
        cells = text.split("\t")
        if previous is not None and not line.gap_before and _row_runs_on(previous, cells):
            assert previous.cells is not None
            previous.cells = _merge_cells(self.joiner, previous.cells, cells)
            previous.last = line
            return
        draft = _Draft("row", page, parts=[(text, page)], cells=cells, last=line)
        self.drafts.append(draft)

    def _continues(self, previous: _Draft, line: Line, text: str, page: int) -> bool:
        if previous.kind == "heading":
            # A heading wrapped over two lines in a PDF: same size and weight, no gap.
            return self.geometry is not None and self.geometry.same_block(previous, line, page)
        if previous.kind == "row":
            return False
        if _runs_on(previous, text):
            return True
        if self.geometry is not None:
            return self.geometry.same_block(previous, line, page)
        return not line.gap_before and self.hard_wrapped_continues(previous, line)

    hard_wrapped = False
    wrap_width = 0

    def hard_wrapped_continues(self, previous: _Draft, line: Line) -> bool:
        """In hard-wrapped text, consecutive lines join unless the one before stopped short."""
        if not self.hard_wrapped or previous.last is None:
            return False
        return len(previous.tail) >= 0.6 * self.wrap_width


class _Geometry:
    """What a PDF's layout says about where blocks begin.

    Measured once per document: the body font size, the usual distance from one baseline to
    the next, the right edge that full lines reach, and the indents that list markers use.
    """

    def __init__(self, pages: list[Page]):
        sizes: Counter[float] = Counter()
        for page in pages:
            for line in page.lines:
                if line.size:
                    sizes[round(line.size, 1)] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 10.0
        body = [
            (page.number, line)
            for page in pages
            for line in page.lines
            if line.size and abs(line.size - self.body_size) < 0.6 and line.kind != "row"
        ]
        # Baseline to baseline, as near as a box tells: bottoms, since one bold or italic
        # word can give a line a taller box and so move its top.
        pitches = [
            b.bottom - a.bottom
            for (pa, a), (pb, b) in zip(body, body[1:], strict=False)
            if pa == pb and a.bottom is not None and b.bottom is not None
            and 0 < b.bottom - a.bottom < 2.5 * self.body_size
        ]  # fmt: skip
        pitches.sort()
        # Low in the range, not the median: in a paper of one-line paragraphs ("Name of
        # Officer: ...") most steps from line to line are paragraph gaps.
        self.pitch = pitches[len(pitches) // 4] if pitches else 1.2 * self.body_size
        rights = sorted(line.x1 for _, line in body if line.x1 is not None)
        widths = sorted(page.width for page in pages if page.width)
        # Where full lines end. When every line is short (a sparse page) the right margin
        # cannot be read off the lines; assume text could have run most of the page's width.
        self.right = max(
            rights[int(len(rights) * 0.9)] if rights else 0.0,
            0.7 * widths[len(widths) // 2] if widths else 0.0,
        )
        marker_x0s = [
            line.x0
            for page in pages
            for line in page.lines
            if line.x0 is not None and line.kind != "row" and find_marker(line.text)
        ]
        self.indents = cluster_positions(marker_x0s, 4.0)

    def level(self, line: Line) -> int:
        if line.x0 is None or not self.indents or not find_marker(line.text):
            return 0
        return min(range(len(self.indents)), key=lambda i: abs(self.indents[i] - line.x0))

    def is_heading(self, line: Line, text: str) -> bool:
        """Bold or larger than the body, short, and not a sentence."""
        if line.size is None or line.size < self.body_size - 0.6:
            return False
        if not (line.bold or line.size >= 1.15 * self.body_size):
            return False
        if _NUMBER_ONLY.match(text):
            return True  # "6." set apart from its title, which follows
        if line.size < 1.15 * self.body_size and _is_field(text):
            return False  # "Key decision: No" in bold is a cover sheet's field
        return len(text.split()) <= 15 and not re.search(r"[.,;]$", text)

    def at_item_indent(self, previous: _Draft, line: Line, page: int) -> bool:
        """`line` sits at the hanging indent of the list item before it, at the item's line
        spacing: the item's next line, whatever its weight."""
        first, last = previous.first, previous.last
        if (
            previous.kind != "item"
            or first is None
            or last is None
            or page != previous.parts[-1][1]
        ):
            return False
        if first.x0 is None or line.x0 is None or last.bottom is None or line.bottom is None:
            return False
        size = line.size or self.body_size
        indent = last.x0 if len(previous.parts) > 1 and last.x0 is not None else line.x0
        return (
            line.x0 > first.x0 + 0.5 * self.body_size
            and abs(line.x0 - indent) <= 2
            and 0 < line.bottom - last.bottom <= 1.25 * self.pitch * size / self.body_size
            and abs((last.size or 0) - (line.size or 0)) <= 0.6
        )

    def _full(self, line: Line, following: Line) -> bool:
        """The line ran to the margin: the next line's first word would not have fitted."""
        if line.x1 is None:
            return False
        size = line.size or self.body_size
        text = following.text.strip()
        first_word = text.split(" ", 1)[0]
        # The width of a character where the next line shows it; else a little over half an
        # em, generous, since capitals and "m"s are wide.
        per_char = 0.55 * size
        if following.x0 is not None and following.x1 is not None and text:
            per_char = max(per_char, (following.x1 - following.x0) / len(text))
        return line.x1 + (len(first_word) + 1) * per_char >= self.right - 2

    def same_block(self, previous: _Draft, line: Line, page: int) -> bool:
        """Whether `line` carries on the block `previous`, judged by layout alone."""
        last = previous.last
        if last is None or last.bottom is None or line.bottom is None or line.x0 is None:
            return False
        # A change of size starts a new block; bold alone does not ("Status: Complete" in bold
        # at the end of an item), since bold headings were caught before this point.
        if abs((last.size or 0) - (line.size or 0)) > 0.6:
            return False
        heading = previous.kind == "heading" or previous.styled
        if heading and last.bold != line.bold:
            return False
        if page != previous.parts[-1][1]:
            # Across a page break: the last line ran to the margin without a full stop, or a
            # numbered paragraph carries on at its own indent (not at the marker's).
            if previous.kind == "item" and previous.first is not None:
                first = previous.first
                if (
                    first.x0 is not None
                    and line.x0 > first.x0 + 0.5 * self.body_size
                    and abs(line.x0 - (last.x0 or 0)) <= 2
                ):
                    return True
            return self._full(last, line) and not _TERMINAL.search(previous.tail)
        size = line.size or self.body_size
        pitch = line.bottom - last.bottom
        if pitch <= 0 or pitch > 1.25 * self.pitch * size / self.body_size:
            return False
        if heading and _centred_together(last, line):
            return True  # a centred title that wraps
        if not self._full(last, line):
            return False  # the previous line stopped short: its paragraph ended there
        if len(previous.parts) >= 2 and last.x0 is not None:
            # Past the first line, a paragraph keeps its left edge; a step in or out is new.
            return abs(line.x0 - last.x0) <= 0.8 * size
        return True


def _centred_together(above: Line, below: Line) -> bool:
    """Two lines centred on one axis, not merely starting at the same left edge."""
    if None in (above.x0, above.x1, below.x0, below.x1):
        return False
    assert above.x0 is not None and above.x1 is not None
    assert below.x0 is not None and below.x1 is not None
    middle_above, middle_below = (above.x0 + above.x1) / 2, (below.x0 + below.x1) / 2
    return abs(middle_above - middle_below) <= 2 and abs(above.x0 - below.x0) > 4


def _is_hard_wrapped(lines: list[Line]) -> tuple[bool, int]:
    """Whether plain lines look wrapped at a fixed width (email, pdftotext), and that width."""
    lengths = sorted(len(line.text) for line in lines if line.kind is None)
    if len(lengths) < 5:
        return False, 0
    width = lengths[int(len(lengths) * 0.9)]
    # One paragraph a line (web pages saved as text) has lines far longer than any wrap width,
    # list items among them; wrapped text has none.
    if any(len(line.text) > max(width, 60) * 1.5 for line in lines if line.kind != "row"):
        return False, width
    runs = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if a.kind is None and b.kind is None and not b.gap_before
    )
    return width <= 100 and runs >= 3, width


# --- assembly -----------------------------------------------------------------------------


def _finish_kinds(drafts: list[_Draft]) -> list[_Draft]:
    """Promote short numbered or bold one-liners to headings; record heading markers."""
    for draft in drafts:
        if draft.kind == "heading":
            if draft.marker is None:
                draft.marker = _heading_marker(draft.parts[0][0])
            continue
        if draft.kind == "row" or (len(draft.parts) != 1 and not draft.styled):
            continue
        text = " ".join(part for part, _ in draft.parts)
        if _looks_like_heading(draft, text):
            draft.kind = "heading"
            draft.marker = _heading_marker(text)
            draft.level = 0
    return _merge_lone_section_numbers(drafts)


def _merge_lone_section_numbers(drafts: list[_Draft]) -> list[_Draft]:
    """A heading that is only its number ("6.") joins the heading printed after it."""
    kept: list[_Draft] = []
    for draft in drafts:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.kind == "heading"
            and draft.kind == "heading"
            and len(previous.parts) == 1
            and _NUMBER_ONLY.match(previous.parts[0][0])
            and not _NUMBER_ONLY.match(draft.parts[0][0])
        ):
            previous.parts.extend(draft.parts)
            previous.marker = previous.parts[0][0]
            previous.level = draft.level
            continue
        kept.append(draft)
    return kept


def _assemble(
    drafts: list[_Draft], page_count: int, joiner: Joiner
) -> tuple[str, list[int], list[Block]]:
    pieces: list[str] = []
    blocks: list[Block] = []
    page_starts = [0]
    offset = 0

    def reach_page(page: int, at: int) -> None:
        while len(page_starts) < page:
            page_starts.append(at)

    for draft in drafts:
        if pieces:
            offset += 1  # the "\n" between blocks
        start = offset
        reach_page(draft.page, start)
        if draft.kind == "row" and draft.cells is not None:
            text = "\t".join(draft.cells).rstrip("\t")
        else:
            text = ""
            for part, page in draft.parts:
                if text:
                    text, sep = joiner.join(text, part)
                    text += sep
                reach_page(page, start + len(text))
                text += part
            text = text.replace("\u00ad", "")
        pieces.append(text)
        offset += len(text)
        blocks.append(Block(draft.kind, start, offset, draft.page, draft.marker, draft.level))
    reach_page(page_count, offset)
    return "\n".join(pieces), page_starts[: max(page_count, 1)], blocks


def clean(document: Document) -> CleanText:
    """The cleaned, block-structured text of a document."""
    pages = document.pages
    warnings = [
        CleanWarning(
            "no_text_layer",
            f"page {page.number} has no text layer (a scanned image?); its text is missing",
            page.number,
        )
        for page in pages
        if not page.has_text_layer
    ]
    drop = _furniture(pages)
    body: list[tuple[int, Line, str]] = []
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if (p, i) in drop:
                continue
            text = normalise_line(line.text)
            if text.strip("\t\u00ad"):
                body.append((page.number, line, text))

    joiner = Joiner([text for _, _, text in body])
    has_geometry = any(line.top is not None for _, line, _ in body)
    grouper = _Grouper(joiner, _Geometry(pages) if has_geometry else None)
    if not has_geometry:
        grouper.hard_wrapped, grouper.wrap_width = _is_hard_wrapped([line for _, line, _ in body])
    for page_number, line, text in body:
        grouper.add(page_number, line, text)

    drafts = _finish_kinds(grouper.drafts)
    text, page_starts, blocks = _assemble(drafts, len(pages), joiner)
    return CleanText(text=text, page_starts=page_starts, blocks=blocks, warnings=warnings)
