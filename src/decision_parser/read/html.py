"""HTML -> Document: a decision page saved from the Ombudsman's website, or a council paper.

The page's furniture (cookie banner, navigation, breadcrumbs, share links, footer, scripts) is
dropped and the main content is walked in document order. Each block element becomes a Line
with a hint: h1-h6 -> heading (level = rank), li -> item (the number or bullet a browser would
draw is written into the text, so "paragraph 12" in HTML reads as it does in the PDF),
p -> paragraph, tr -> row (cells joined by "\\t"). Inline markup is flattened, so
"13<sup>th</sup>" reads "13th". The <title> goes into metadata["title"].
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag
from bs4.element import CData, Declaration, ProcessingInstruction

from ..document import Line, Page

_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "form", "button", "input", "select", "textarea", "nav", "aside", "dialog", "head",
)  # fmt: skip
# Class or id words that mark site furniture rather than content.
_FURNITURE = re.compile(
    r"cookie|consent|banner|breadcrumb|skip|share|social|site-header|site-footer|masthead"
    r"|navbar|menu|sidebar|feedback|pagination|print-link|back-to-top",
    re.IGNORECASE,
)
_HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "blockquote", "address",
        "dd", "dt", "dl", "figure", "figcaption", "center", "details", "summary", "fieldset",
        "caption", "pre", "hr",
    }
)  # fmt: skip
# Elements nested deeper than this are read as inline text (see _Walker.walk).
MAX_DEPTH = 400
_DONE = object()
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_ALREADY_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z]\)|[•·\-–])\s")


def html_pages(markup: str) -> tuple[list[Page], dict[str, str]]:
    """One page of hinted Lines from an HTML document, and its title."""
    with warnings.catch_warnings():
        # bs4 warns about markup that looks like a file name or like XML; the page is read
        # as HTML either way, and the command line's stderr is for one error line.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "lxml")
    metadata: dict[str, str] = {}
    if soup.title and soup.title.get_text(strip=True):
        metadata["title"] = _collapse(soup.title.get_text())
    _drop_furniture(soup)
    for root in _content_roots(soup):
        walker = _Walker()
        walker.walk(root)
        walker.flush()
        if walker.lines:
            return [Page(1, walker.lines)], metadata
    return [Page(1, [])], metadata


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _drop_furniture(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    in_article: dict[int, bool] = {}
    for tag in soup.find_all(True):
        # Not tag.decomposed: on a Tag an unknown attribute is a search of its subtree, so
        # asking each of 100,000 nested divs was quadratic. A decomposed tag's dict is cleared.
        if tag.__dict__.get("_decomposed") or "attrs" not in tag.__dict__:
            continue
        hidden = (
            tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true"
            or re.search(r"display\s*:\s*none", str(tag.get("style", "")), re.IGNORECASE)
        )
        names = " ".join([str(tag.get("id", "")), *tag.get("class", [])])
        if hidden or (names.strip() and _FURNITURE.search(names)):
            tag.decompose()
            continue
        # A page's own header and footer, not an article's.
        if tag.name in ("header", "footer") and not _inside_article(tag, in_article):
            tag.decompose()


def _inside_article(tag: Tag, known: dict[int, bool]) -> bool:
    """Whether an <article> encloses tag; answers are kept by id, so a walk up stops at the
    first ancestor already answered and nested headers cost linear time, not quadratic."""
    path: list[Tag] = []
    node = tag.parent
    answer = False
    while node is not None and not isinstance(node, BeautifulSoup):
        if id(node) in known:
            answer = known[id(node)]
            break
        if node.name == "article":
            answer = True
            break
        path.append(node)
        node = node.parent
    for step in path:
        known[id(step)] = answer
    return answer


def _content_roots(soup: BeautifulSoup) -> list[Tag | BeautifulSoup]:
    """Where the content is, best guess first; the whole document as a last resort."""
    roots: list[Tag | BeautifulSoup] = []
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    articles = soup.find_all("article")
    if len(articles) == 1:
        roots.append(articles[0])
    if isinstance(main, Tag):
        roots.append(main)
    for key in ("content", "main-content", "maincontent"):
        found = soup.find(id=key) or soup.find(class_=key)
        if isinstance(found, Tag):
            roots.append(found)
    if soup.body:
        roots.append(soup.body)
    roots.append(soup)
    return roots


def _list_marker(kind: str, number: int) -> str:
    if kind == "a":
        return f"{chr(ord('a') + (number - 1) % 26)}."
    if kind == "A":
        return f"{chr(ord('A') + (number - 1) % 26)}."
    if kind in ("i", "I") and 0 < number < 4000:  # Roman numerals stop at 3999
        roman = _roman(number)
        return f"{roman if kind == 'I' else roman.lower()}."
    return f"{number}."


def _roman(number: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


class _Walker:
    """Walks the content in order, collecting inline text until a block boundary."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.kind: str | None = None
        self.level: int | None = None
        self.bold = False
        self.prefix = ""
        self.gap = True
        self.list_depth = 0

    def flush(self) -> None:
        text = _collapse("".join(self.buffer))
        self.buffer = []
        if text and text != self.prefix.strip():
            self.lines.append(
                Line(
                    text,
                    bold=self.bold,
                    kind=self.kind,  # type: ignore[arg-type]
                    gap_before=self.gap,
                    level=self.level,
                )
            )
            self.gap = True
        # What follows in the same element is a continuation paragraph, not the item again.
        self.kind, self.level, self.bold, self.prefix = None, None, False, ""

    def start(self, kind: str | None, level: int | None, prefix: str = "") -> None:
        self.flush()
        self.kind, self.level, self.prefix = kind, level, prefix
        self.gap = True
        if prefix:
            self.buffer.append(prefix)

    def walk(self, root: Tag | BeautifulSoup) -> None:
        """Walk the tree in document order without recursion: each element's handler is a
        generator that yields the children it wants walked, and a stack of them stands in for
        the call stack, so 100,000 nested divs are as easy as one. Below MAX_DEPTH an element
        is read as inline text: no real page nests that deep, and a hostile one gains nothing."""
        stack = [self._children(root)]
        while stack:
            child = next(stack[-1], _DONE)
            if child is _DONE:
                stack.pop()
            elif len(stack) >= MAX_DEPTH:
                self.buffer.append(" " + child.get_text(" ") + " ")
            else:
                stack.append(self._element(child))

    def _children(self, element: Tag | BeautifulSoup) -> Iterator[Tag]:
        """Text joins the current line; tags are yielded to be walked."""
        for child in element.children:
            if isinstance(child, Comment | Doctype | Declaration | ProcessingInstruction | CData):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
            elif isinstance(child, Tag):
                yield child

    def _element(self, child: Tag) -> Iterator[Tag]:
        name = child.name
        if name == "br":
            kind, level = self.kind, self.level
            self.flush()
            self.kind, self.level, self.gap = kind, level, False
        elif name in _HEADINGS:
            self.start("heading", _HEADINGS[name])
            self.bold = True
            yield from self._children(child)
            self.flush()
        elif name in ("ul", "ol", "menu"):
            yield from self.list(child)
        elif name == "li":  # a stray item outside a list
            self.start("item", self.list_depth, "• ")
            yield from self._children(child)
            self.flush()
        elif name == "table":
            yield from self.table(child)
        elif name == "pre":
            self.flush()
            for raw in child.get_text().splitlines():
                if raw.strip():
                    self.lines.append(Line(raw.strip(), gap_before=self.gap))
                    self.gap = False
            self.gap = True
        elif name in _BLOCKS:
            self.start("paragraph" if name == "p" else None, None)
            self.bold = name == "p" and _is_all_bold(child)
            yield from self._children(child)
            self.flush()
        else:
            yield from self._children(child)  # inline: its text joins the current line

    def list(self, element: Tag) -> Iterator[Tag]:
        self.flush()
        ordered = element.name == "ol"
        number = _int(element.get("start"), 1)
        style = str(element.get("type", "1"))
        if element.has_attr("reversed"):
            number = _int(element.get("start"), len(element.find_all("li", recursive=False)))
        level = self.list_depth
        self.list_depth += 1
        for child in element.children:
            if not isinstance(child, Tag):
                continue
            if child.name != "li":
                yield child  # a nested list or junk directly inside the list
                continue
            number = _int(child.get("value"), number)
            prefix = (_list_marker(style, number) + " ") if ordered else "• "
            # Some sites print the number themselves and hide the list's own.
            if _ALREADY_NUMBERED.match(child.get_text()):
                prefix = ""
            self.start("item", level, prefix)
            yield from self._children(child)
            self.flush()
            number += -1 if element.has_attr("reversed") else 1
        self.list_depth -= 1

    def table(self, element: Tag) -> Iterator[Tag]:
        self.flush()
        rows = _own_rows(element)
        if _is_layout_table(rows):
            for row in rows:
                for cell in row.find_all(("td", "th"), recursive=False):
                    self.start(None, None)
                    yield from self._children(cell)
                    self.flush()
            return
        caption = element.find("caption")
        if isinstance(caption, Tag) and caption.get_text(strip=True):
            self.lines.append(Line(_collapse(caption.get_text(" ")), gap_before=True))
        for row in rows:
            cells = [
                _collapse(cell.get_text(" "))
                for cell in row.find_all(("td", "th"), recursive=False)
            ]
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                bold = all(
                    cell.name == "th" for cell in row.find_all(("td", "th"), recursive=False)
                )
                self.lines.append(Line("\t".join(cells), kind="row", bold=bold, gap_before=True))
        self.gap = True


def _own_rows(table: Tag) -> list[Tag]:
    """The table's rows in order, not those of tables inside it. A search of the table's own
    region (never entering a nested table) keeps 3,000 nested tables linear."""
    rows: list[Tag] = []
    pending = [child for child in reversed(table.contents) if isinstance(child, Tag)]
    while pending:
        tag = pending.pop()
        if tag.name == "tr":
            rows.append(tag)
        elif tag.name != "table":
            pending.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return rows


def _is_all_bold(element: Tag) -> bool:
    text = _collapse(element.get_text())
    if not text:
        return False
    bold = _collapse(" ".join(b.get_text() for b in element.find_all(("b", "strong"))))
    return bold == text


def _is_layout_table(rows: list[Tag]) -> bool:
    """A table used to lay out a page (one column, or cells holding headings, lists or
    other tables) is walked as content; a table of data becomes rows."""
    if not rows:
        return True
    widths = [len(row.find_all(("td", "th"), recursive=False)) for row in rows]
    if max(widths) < 2:
        return True
    for row in rows:
        for cell in row.find_all(("td", "th"), recursive=False):
            if cell.find(("table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol")):
                return True
    return False
