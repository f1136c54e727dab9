"""Plain text and Markdown-ish text -> Document.

Council papers and decisions often reach us as text exported from a CMS: one paragraph per line,
Markdown headings and bullets, stray inline HTML (`<b>`, `22<sup>nd</sup>`), tab-separated table
cells. This reader keeps one Line per source line, strips the markup that is not text, and
leaves hints (heading / item / row, blank line before, indentation) for clean.py, which decides
what joins to what. A form feed (\\f) starts a new page.
"""

from __future__ import annotations

import html
import re

from ..document import Line, Page

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# `---`, `***`, `___`, `===` on their own: a horizontal rule, not text.
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
# A Markdown table's alignment row (`|---|:--:|`) or a dashed row under tab-separated headers.
_TABLE_RULE_CHARS = frozenset(" \t|:+-=")


def _is_table_rule(raw: str) -> bool:
    """A Markdown table's alignment row or a dashed row under tab-separated headers: only rule
    characters, with a run of three dashes. (A set test, not a regex: linear on any line.)"""
    return "---" in raw and set(raw) <= _TABLE_RULE_CHARS

# A bullet as typed at a line start. "*" only counts when followed by a space (else emphasis).
# Word's "o" for a second-level bullet, and its Symbol/Wingdings glyphs, count too.
_BULLET = re.compile(
    r"^([-*+•–—▪●◦○■□➢►✓·o◆❖➔→✔▶➤❑\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf071\uf0e8])[ \t]+(?=\S)"
)
_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")

# Inline markup. Tags are only stripped when they look like HTML, so "<5 years" survives.
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
# Every span is bounded (markup never runs for hundreds of characters): an unbounded lazy
# match on a long line with no closing mark would make the scan quadratic.
_IMAGE = re.compile(r"!\[([^\[\]]{0,300})\]\((?:[^()\s]|\([^()]{0,300}\)){0,500}(?:\s+\"[^\"]{0,300}\")?\)")
_LINK = re.compile(r"\[([^\[\]]{1,300})\]\((?:[^()\s]|\([^()]{0,300}\)){0,500}(?:\s+\"[^\"]{0,300}\")?\)")
_STRONG = re.compile(r"(?<![\w*])\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*(?![\w*])")
_STRONG_UNDERSCORE = re.compile(r"(?<![\w_])__(?=\S)(.{1,300}?)(?<=\S)__(?![\w_])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])")
# "_" inside words (judith_nash@...) is text; only a pair at word edges is emphasis.
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_WHOLE_LINE_BOLD = re.compile(
    r"^(?:\*\*(?=\S)(.+)(?<=\S)\*\*|__(?=\S)(.+)(?<=\S)__|<(b|strong)>(.+)</\3>)$", re.IGNORECASE
)


def strip_inline_markup(text: str) -> str:
    """Drop inline HTML tags, Markdown emphasis and link targets; keep the words.

    "22<sup>nd</sup> July" -> "22nd July", "[20 013 354](#)" -> "20 013 354".
    """
    if "<" in text:
        text = _BREAK_TAG.sub(" ", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
    if "](" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        for pattern in (_STRONG, _STRONG_UNDERSCORE, _EMPHASIS, _EMPHASIS_UNDERSCORE):
            text = pattern.sub(r"\1", text)
        # An unpaired "**" left by a bold run that the source never closed.
        text = text.replace("**", "")
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return text


def _indent_width(raw: str) -> int:
    width = 0
    for char in raw:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def _is_whole_line_bold(stripped: str) -> bool:
    return bool(_WHOLE_LINE_BOLD.match(stripped))


def _row_cells(raw: str) -> list[str] | None:
    """Table cells when the line is a table row (tab-separated or a `| a | b |` pipe row)."""
    pipe = _PIPE_ROW.match(raw)
    if pipe:
        return [strip_inline_markup(c).strip() for c in pipe.group(1).split("|")]
    body = raw.rstrip()
    # Leading spaces are indentation; a leading tab is an empty first cell (a wrapped row).
    body = body.lstrip(" ")
    if "\t" not in body:
        return None
    first, _, rest = body.partition("\t")
    # An indented bullet ("\t- item") is a nested list item, not a row.
    if not first and "\t" not in rest.lstrip("\t") and _BULLET.match(rest.lstrip("\t")):
        return None
    cells = [strip_inline_markup(c).strip() for c in body.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    if not any(cells):
        return None
    if len(cells) == 1:  # "text\t" with nothing after the tab: an ordinary line
        return None
    return cells


def _line_from(raw: str, gap_before: bool) -> Line | None:
    """One source line as a Line with a structure hint, or None when it is not text."""
    if not raw.strip():
        return None
    if _RULE.match(raw) or (_is_table_rule(raw) and ("|" in raw or "\t" in raw)):
        return None

    cells = _row_cells(raw)
    if cells is not None:
        return Line("\t".join(cells), kind="row", gap_before=gap_before)

    indent = _indent_width(raw)
    stripped = raw.strip()

    heading = _HEADING.match(stripped)
    if heading:
        text = strip_inline_markup(heading.group(2)).strip()
        if not text:
            return None
        rank = len(heading.group(1)) - 1
        return Line(text, bold=True, kind="heading", gap_before=True, level=rank)

    if stripped.endswith("\\") and not stripped.endswith("\\\\"):
        stripped = stripped[:-1].rstrip()  # Markdown's hard line break
    bold = _is_whole_line_bold(stripped)
    text = strip_inline_markup(stripped).strip()
    if not text:
        return None
    if _BULLET.match(stripped):
        # Two-space indents are the common Markdown nesting step.
        return Line(text, bold=bold, kind="item", gap_before=gap_before, level=indent // 2)
    return Line(text, bold=bold, gap_before=gap_before, level=indent // 2 if indent else None)


def text_pages(text: str) -> list[Page]:
    """Split decoded text into pages (form feeds) of hinted Lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages: list[Page] = []
    for number, page_text in enumerate(text.split("\f"), start=1):
        lines: list[Line] = []
        gap = True  # a page starts a new paragraph unless clean.py sees it running on
        for raw in page_text.split("\n"):
            line = _line_from(raw, gap)
            if line is None:
                gap = True
                continue
            lines.append(line)
            gap = False
        pages.append(Page(number=number, lines=lines))
    # A trailing form feed leaves an empty last page that was never printed.
    while len(pages) > 1 and not pages[-1].lines:
        pages.pop()
    return pages
