"""The plain data that flows between stages: read -> Document -> clean -> CleanText.

Readers (read/) turn bytes into a Document: pages of lines, with geometry where the format has
it. clean.py turns a Document into a CleanText: one string that every finding's offsets point
into, cut into blocks (headings, paragraphs, list items, table rows) and mapped back to pages.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from .models import Evidence

BlockKind = Literal["heading", "paragraph", "item", "row"]


@dataclass(slots=True)
class Line:
    """One printed line. Geometry is in PDF points from the page's top-left; None for text."""

    text: str
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    size: float | None = None
    bold: bool = False
    # A hint from a reader that knows the structure (HTML tags, Markdown markers).
    kind: BlockKind | None = None
    # Readers without geometry: a blank line (or an HTML block boundary) came before this one,
    # so it starts a new paragraph unless the text plainly runs on.
    gap_before: bool = False
    # List nesting depth where the reader knows it (HTML lists, Markdown indentation); for a
    # heading hint, its rank (h1/# -> 0, h2/## -> 1, ...).
    level: int | None = None


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    lines: list[Line]
    width: float | None = None
    height: float | None = None
    has_text_layer: bool = True


@dataclass(slots=True)
class Document:
    path: str | None
    sha256: str
    media_type: str  # application/pdf, text/html, text/plain
    pages: list[Page]
    # Facts a reader found outside the body text (an HTML page's <title>, PDF metadata).
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Block:
    kind: BlockKind
    start: int  # offsets into CleanText.text
    end: int
    page: int
    marker: str | None = None  # "1.1", "-", "a)", "2.2.1" as printed (bullets become "-")
    level: int = 0  # list nesting depth, 0 for top level


@dataclass(slots=True)
class CleanWarning:
    code: str
    message: str
    page: int | None = None


@dataclass
class CleanText:
    """The cleaned text of a document: blocks separated by newlines, mapped to pages."""

    text: str
    page_starts: list[int]  # offset at which each page (1, 2, ...) begins
    blocks: list[Block]
    warnings: list[CleanWarning] = field(default_factory=list)

    @classmethod
    def from_string(cls, text: str) -> CleanText:
        """One block per non-empty line, one page: for tests and parse_text() on clean input."""
        blocks: list[Block] = []
        offset = 0
        for raw_line in text.split("\n"):
            stripped = raw_line.strip()
            if stripped:
                lead = len(raw_line) - len(raw_line.lstrip())
                start = offset + lead
                blocks.append(Block("paragraph", start, start + len(stripped), 1))
            offset += len(raw_line) + 1
        return cls(text=text, page_starts=[0], blocks=blocks)

    @property
    def page_count(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def _block_starts(self) -> list[int]:
        if getattr(self, "_starts", None) is None or len(self._starts) != len(self.blocks):
            self._starts = [b.start for b in self.blocks]  # built once, not per look-up
        return self._starts

    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts(), offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, offset + 1):
            return self.blocks[i]
        return None

    def block_after(self, offset: int) -> Block | None:
        """The first block that starts after offset."""
        i = bisect.bisect_right(self._block_starts(), offset)
        return self.blocks[i] if i < len(self.blocks) else None

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def evidence(self, start: int, end: int, method: str = "rules") -> Evidence:
        return Evidence(
            page=self.page_of(start),
            start=start,
            end=end,
            quote=self.text[start:end],
            method=method,
        )
