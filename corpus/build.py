"""Render the corpus sources (corpus/sources/*.md) into PDF and HTML.

    python corpus/build.py            rebuild corpus/pdf/*.pdf, corpus/html/*.html, corpus/text/*.txt
    python corpus/build.py --check    rebuild into a temporary directory and compare bytes
                                      with the committed files; exit 1 on any drift
    python corpus/build.py NAME...    rebuild only the named sources (e.g. 001_harlow_vale_send)

The source format is a small Markdown subset, described in corpus/README.md. Per-document
settings (running header, footer, which documents also get an HTML page) live in
corpus/manifest.json so that the .md files contain nothing but document text.

Output is deterministic: reportlab runs with invariant=1 (fixed dates and document ID), only
the 14 standard PDF fonts are used (nothing embedded), and the HTML is plain string assembly.
"""

from __future__ import annotations

import argparse
import filecmp
import html
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
MANIFEST = HERE / "manifest.json"

# --------------------------------------------------------------------------------------------
# Parsing the Markdown subset into blocks
# --------------------------------------------------------------------------------------------

# "1.1 text", "2.2.1 text", "12. text", "a) text", "(b) text"
NUMBERED = re.compile(r"^(\d+\.\d+(?:\.\d+)*|\d+\.|\(?[a-z]\))\s+(.*)$")
BULLET = re.compile(r"^( *)- (.*)$")


@dataclass
class Block:
    kind: str  # title, h2, h3, para, numbered, bullet, table
    text: str = ""
    label: str = ""  # the number of a numbered paragraph
    level: int = 0  # bullet nesting: 0 or 1
    rows: list[list[str]] = field(default_factory=list)


def parse(source: str) -> list[Block]:
    blocks: list[Block] = []
    lines = source.splitlines()
    i = 0
    current: Block | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            current.text = current.text.strip()
            blocks.append(current)
            current = None

    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.strip():
            flush()
            continue
        if line.startswith("|"):
            flush()
            rows = []
            while True:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                if i < len(lines) and lines[i].startswith("|"):
                    line = lines[i].rstrip()
                    i += 1
                else:
                    break
            blocks.append(Block("table", rows=rows))
            continue
        if line.startswith("### "):
            flush()
            blocks.append(Block("h3", line[4:].strip()))
            continue
        if line.startswith("## "):
            flush()
            blocks.append(Block("h2", line[3:].strip()))
            continue
        if line.startswith("# "):
            flush()
            blocks.append(Block("title", line[2:].strip()))
            continue
        m = BULLET.match(line)
        if m:
            flush()
            current = Block("bullet", m.group(2), level=1 if len(m.group(1)) >= 2 else 0)
            continue
        m = NUMBERED.match(line)
        if m and not line.startswith(" "):
            flush()
            current = Block("numbered", m.group(2), label=m.group(1))
            continue
        if current is None:
            current = Block("para", "")
        sep = "" if not current.text or current.text.endswith("\n") else " "
        text = line.strip()
        if text.endswith("\\") and not text.endswith("\\-"):
            text = text[:-1].rstrip() + "\n"  # hard line break
        current.text += sep + text
    flush()
    return blocks


# --------------------------------------------------------------------------------------------
# Inline markup
# --------------------------------------------------------------------------------------------

SUP = re.compile(r"&lt;sup&gt;(.*?)&lt;/sup&gt;")
BOLD = re.compile(r"\*\*(.+?)\*\*")
SOFT = re.compile(r"(\w+)\\-(\w+)")


def inline_pdf(text: str, sup: str = "tight") -> str:
    """Source text to reportlab paragraph markup.

    Superscripts are drawn raised and smaller. "tight" sits close to the digits, so text
    extraction reads "13th"; "gap" leaves a hair space first, so extractors read "13 th", as
    they do for many word-processor PDFs.
    """
    s = html.escape(text, quote=False)
    if sup == "gap":
        s = SUP.sub(r"<super rise='4' size='7'><font size='3'> </font>\1</super>", s)
    else:
        s = SUP.sub(r"<super rise='3.5' size='7'>\1</super>", s)
    s = BOLD.sub(r"<b>\1</b>", s)
    # an explicit soft hyphen: always break the line there, with a hyphen
    s = SOFT.sub(r"\1-<br/>\2", s)
    s = s.replace("\n", "<br/>")
    return s


def inline_html(text: str) -> str:
    s = html.escape(text, quote=False)
    s = SUP.sub(r"<sup>\1</sup>", s)
    s = BOLD.sub(r"<strong>\1</strong>", s)
    s = SOFT.sub(r"\1&shy;\2", s)
    s = s.replace("\n", "<br>")
    return s


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------

BASE = ParagraphStyle(
    "base", fontName="Helvetica", fontSize=10.5, leading=14.5, spaceAfter=6, alignment=TA_LEFT
)
STYLES = {
    "title": ParagraphStyle(
        "title", parent=BASE, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=10
    ),
    "h2": ParagraphStyle(
        "h2",
        parent=BASE,
        fontName="Helvetica-Bold",
        fontSize=12,
        leading=16,
        spaceBefore=8,
        spaceAfter=5,
    ),
    "h3": ParagraphStyle(
        "h3",
        parent=BASE,
        fontName="Helvetica-Bold",
        fontSize=10.5,
        leading=14.5,
        spaceBefore=4,
        spaceAfter=4,
    ),
    "para": BASE,
    "numbered": ParagraphStyle("numbered", parent=BASE, leftIndent=12 * mm, bulletIndent=0),
    # the bullet glyph comes from Symbol: Helvetica's bullet is written as code 127, which
    # text extractors cannot map back to a character
    "bullet0": ParagraphStyle(
        "bullet0",
        parent=BASE,
        leftIndent=8 * mm,
        bulletIndent=3 * mm,
        spaceAfter=3,
        bulletFontName="Symbol",
    ),
    "bullet1": ParagraphStyle(
        "bullet1", parent=BASE, leftIndent=14 * mm, bulletIndent=9 * mm, spaceAfter=3
    ),
    "cell": ParagraphStyle("cell", parent=BASE, fontSize=9.5, leading=12, spaceAfter=0),
    "cellhead": ParagraphStyle(
        "cellhead", parent=BASE, fontName="Helvetica-Bold", fontSize=9.5, leading=12, spaceAfter=0
    ),
}
MARGIN_X = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm


def make_canvas_class(settings: dict):
    """A canvas that knows the page count, so every page can say 'Page N of M'."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont("Helvetica", 8.5)
            self.setFillColor(colors.HexColor("#333333"))
            top = height - 14 * mm
            if settings.get("header_left"):
                self.drawString(MARGIN_X, top, settings["header_left"])
            if settings.get("header_right"):
                self.drawRightString(width - MARGIN_X, top, settings["header_right"])
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
            bottom = 12 * mm
            if settings.get("footer_left"):
                self.drawString(MARGIN_X, bottom, settings["footer_left"])
            page_format = settings.get("page_format", "Page {n} of {total}")
            self.drawRightString(
                width - MARGIN_X, bottom, page_format.format(n=self._pageNumber, total=total)
            )
            self.restoreState()

    return NumberedCanvas


def table_flowable(rows: list[list[str]], sup: str) -> Table:
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    avail = A4[0] - 2 * MARGIN_X
    # width per column from the longest cell, damped so short columns still get room
    weights = [max(len(r[c]) for r in rows) ** 0.5 + 4 for c in range(ncols)]
    total = sum(weights)
    widths = [avail * w / total for w in weights]
    data = []
    for n, r in enumerate(rows):
        style = STYLES["cellhead"] if n == 0 else STYLES["cell"]
        data.append([Paragraph(inline_pdf(c, sup), style) for c in r])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return t


def build_pdf(blocks: list[Block], settings: dict, out: Path) -> None:
    story = []
    pending_heading = None
    sup = settings.get("sup", "tight")
    for b in blocks:
        if b.kind in ("title", "h2", "h3"):
            flow = Paragraph(inline_pdf(b.text, sup), STYLES[b.kind])
        elif b.kind == "para":
            flow = Paragraph(inline_pdf(b.text, sup), STYLES["para"])
        elif b.kind == "numbered":
            flow = Paragraph(inline_pdf(b.text, sup), STYLES["numbered"], bulletText=b.label)
        elif b.kind == "bullet":
            bullet = "\u2022" if b.level == 0 else "\u2013"
            flow = Paragraph(inline_pdf(b.text, sup), STYLES[f"bullet{b.level}"], bulletText=bullet)
        elif b.kind == "table":
            story.append(Spacer(1, 2 * mm))
            flow = table_flowable(b.rows, sup)
        else:  # pragma: no cover
            raise ValueError(b.kind)
        if pending_heading is not None:  # keep a heading with what follows it
            story.append(KeepTogether([pending_heading, flow]))
            pending_heading = None
        elif b.kind in ("h2", "h3"):
            pending_heading = flow
        else:
            story.append(flow)
        if b.kind == "table":
            story.append(Spacer(1, 3 * mm))
    if pending_heading is not None:
        story.append(pending_heading)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=settings.get("title", ""),
        author=settings.get("author", ""),
        subject="decision-parser test corpus (synthetic document)",
        creator="decision-parser corpus/build.py",
        invariant=1,
    )
    doc.build(story, canvasmaker=make_canvas_class(settings))


# --------------------------------------------------------------------------------------------
# HTML (shaped like a saved LGSCO decision page)
# --------------------------------------------------------------------------------------------

HTML_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Local Government and Social Care Ombudsman</title>
<link rel="stylesheet" href="/css/site.css">
</head>
<body>
<div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookie settings">
<p>We use required cookies to make this website work. We would also like to set analytical
cookies to help us understand how the site is used. These will be set only if you accept.</p>
<button type="button" class="btn">Accept analytical cookies</button>
<button type="button" class="btn">Reject analytical cookies</button>
<a href="/cookies">Review cookie settings</a>
</div>
<header class="site-header">
<a class="skip-link" href="#main">Skip to main content</a>
<a class="logo" href="/">Local Government &amp; Social Care Ombudsman</a>
<nav class="main-nav" aria-label="Main">
<ul>
<li><a href="/make-a-complaint">Make a complaint</a></li>
<li><a href="/decisions">Decisions</a></li>
<li><a href="/news">News</a></li>
<li><a href="/information-centre">Information centre</a></li>
<li><a href="/contact-us">Contact us</a></li>
</ul>
</nav>
<form class="site-search" action="/search"><label for="q">Search</label>
<input id="q" name="q" type="text"><button type="submit">Search</button></form>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/decisions">Decisions</a>
&gt; {crumb}</div>
<main id="main">
<article class="decision">
"""

HTML_FOOT = """</article>
<aside class="share">
<p>Print this page | Share this decision</p>
</aside>
</main>
<footer class="site-footer">
<ul>
<li><a href="/accessibility">Accessibility</a></li>
<li><a href="/privacy">Privacy notice</a></li>
<li><a href="/cookies">Cookies</a></li>
<li><a href="/terms">Terms and conditions</a></li>
</ul>
<p>This page is a synthetic test fixture made for the decision-parser project. The council
named in it is invented.</p>
</footer>
</body>
</html>
"""


def build_html(blocks: list[Block], settings: dict) -> str:
    title = next((b.text for b in blocks if b.kind == "title"), "Decision")
    crumb = html.escape(settings.get("crumb", "Decision"))
    out = [HTML_HEAD.format(title=html.escape(title), crumb=crumb)]
    open_list: str | None = None  # "ol" or "ul"
    li_open = False  # an <li> of the <ol> is open (a bullet list may nest inside it)
    nested_ul = False
    sub_ul = False

    def close_item() -> None:
        """Close the open <li> of a numbered list, with any bullet lists inside it."""
        nonlocal li_open, nested_ul, sub_ul
        if sub_ul:
            out.append("</ul>\n")
            sub_ul = False
        if nested_ul:
            out.append("</ul>\n")
            nested_ul = False
        if li_open:
            out.append("</li>\n")
            li_open = False

    def close_all() -> None:
        nonlocal open_list
        close_item()
        if open_list:
            out.append(f"</{open_list}>\n")
            open_list = None

    for b in blocks:
        if b.kind == "numbered":
            close_item()
            if open_list != "ol":
                close_all()
                start = b.label.rstrip(".").split(".")[0]
                if start.isdigit():
                    out.append(f'<ol start="{start}">\n')
                else:
                    out.append('<ol type="a">\n')
                open_list = "ol"
            out.append(f"<li>{inline_html(b.text)}")
            li_open = True
            continue
        if b.kind == "bullet":
            if open_list == "ol" and li_open:
                if not nested_ul:
                    out.append("\n<ul>\n")
                    nested_ul = True
            elif open_list != "ul":
                close_all()
                out.append("<ul>\n")
                open_list = "ul"
            if b.level == 1 and not sub_ul:
                out.append("<ul>\n")
                sub_ul = True
            elif b.level == 0 and sub_ul:
                out.append("</ul>\n")
                sub_ul = False
            out.append(f"<li>{inline_html(b.text)}</li>\n")
            continue
        close_all()
        if b.kind == "title":
            out.append(f"<h1>{inline_html(b.text)}</h1>\n")
        elif b.kind in ("h2", "h3"):
            out.append(f"<{b.kind}>{inline_html(b.text)}</{b.kind}>\n")
        elif b.kind == "para":
            m = re.match(r"^(Category|Decision|Decision date) : (.*)$", b.text)
            if m:
                cls = m.group(1).lower().replace(" ", "-")
                out.append(
                    f'<p class="{cls}"><strong>{m.group(1)}</strong> : '
                    f"{inline_html(m.group(2))}</p>\n"
                )
            else:
                out.append(f"<p>{inline_html(b.text)}</p>\n")
        elif b.kind == "table":
            out.append("<table>\n")
            for n, row in enumerate(b.rows):
                tag = "th" if n == 0 else "td"
                cells = "".join(f"<{tag}>{inline_html(c)}</{tag}>" for c in row)
                out.append(f"<tr>{cells}</tr>\n")
            out.append("</table>\n")
    close_all()
    out.append(HTML_FOOT)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Text (a web page saved as text, or copied from a mirror site)
# --------------------------------------------------------------------------------------------

FIELD = re.compile(r"^(Category|Decision|Decision date) : ")


def plain_inline(text: str) -> str:
    """Inline markup as a browser's 'save as text' leaves it: words only."""
    text = re.sub(r"</?sup>", "", text).replace("**", "")
    return SOFT.sub(r"\1\2", text)


def build_text(blocks: list[Block], settings: dict) -> str:
    """Three shapes of text, each seen on real pages:

    - "page": the Ombudsman's decision page saved as text: title, the header fields each on
      a line, headings, indented numbered paragraphs and bullets, and a "Back to top" line
      closing each section;
    - "mirror": a third-party copy that drops the title and the header fields and prints its
      own header (`text_header` in the manifest) before the body;
    - "plain": the document as written, one block a paragraph (a council's meeting page).
    """
    layout = settings["text"]
    out: list[str] = list(settings.get("text_header", []))
    seen_section = False
    for b in blocks:
        text = plain_inline(b.text)
        if layout == "mirror" and (b.kind == "title" or (b.kind == "para" and FIELD.match(text))):
            continue
        if b.kind in ("h2", "h3"):
            if layout == "page" and seen_section and b.kind == "h2":
                out.append("Back to top")
            seen_section = seen_section or b.kind == "h2"
            out.append(text)
        elif b.kind == "numbered":
            indent = "  " if layout != "plain" else ""
            out.append(f"{indent}{b.label} {text}")
        elif b.kind == "bullet":
            indent = "  " * (b.level + (1 if layout != "plain" else 0))
            out.append(f"{indent}\u2022 {text}")
        elif b.kind == "table":
            out.extend("\t".join(plain_inline(c) for c in row) for row in b.rows)
        else:
            out.append(text)
    if layout == "page" and seen_section:
        out.append("Back to top")
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def build_all(
    pdf_dir: Path, html_dir: Path, only: list[str] | None = None, text_dir: Path | None = None
) -> list[Path]:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    text_dir = text_dir or pdf_dir.parent / "text"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    html_dir.mkdir(parents=True, exist_ok=True)
    text_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sorted(SOURCES.glob("*.md")):
        if only and src.stem not in only:
            continue
        settings = manifest.get(src.name)
        if settings is None:
            raise SystemExit(f"{src.name} is missing from {MANIFEST.name}")
        blocks = parse(src.read_text(encoding="utf-8"))
        settings.setdefault("title", next((b.text for b in blocks if b.kind == "title"), ""))
        pdf = pdf_dir / f"{src.stem}.pdf"
        build_pdf(blocks, settings, pdf)
        written.append(pdf)
        if settings.get("html"):
            page = html_dir / f"{src.stem}.html"
            page.write_text(build_html(blocks, settings), encoding="utf-8", newline="\n")
            written.append(page)
        if settings.get("text"):
            saved = text_dir / f"{src.stem}.txt"
            saved.write_text(build_text(blocks, settings), encoding="utf-8", newline="\n")
            written.append(saved)
    return written


def plain(text: str) -> str:
    """Source text as a reader sees it: markup removed, spacing collapsed, lower case."""
    s = re.sub(r"</?sup>", "", text)
    s = s.replace("**", "").replace("\\-", "")
    return re.sub(r"\s+", " ", s).lower()


MONEY = re.compile(r"£(\d[\d,]*(?:\.\d+)?)(\s*million)?")


def check_gold() -> list[str]:
    """Cross-check each gold file against its source: a gold value that the text does not
    contain is a gold error (keys, references, amounts), and so is a sum the text states that
    the gold leaves out."""
    problems = []
    gold_dir = HERE / "gold"
    stems = {p.stem for p in SOURCES.glob("*.md")}
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        where = f"gold/{g.name}"
        if g.stem not in stems:
            problems.append(f"{where}: no source {g.stem}.md")
            continue
        if gold.get("file") != f"{g.stem}.pdf":
            problems.append(f"{where}: file should be {g.stem}.pdf")
        raw = (SOURCES / f"{g.stem}.md").read_text(encoding="utf-8")
        text = plain(raw)
        refs = gold["case_references"]
        for ref in refs["all"] + ([refs["primary"]] if refs.get("primary") else []):
            if ref.lower() not in text:
                problems.append(f"{where}: reference {ref!r} not in text")
        if refs.get("primary") and refs["primary"] not in refs["all"]:
            problems.append(f"{where}: primary reference not in all")
        for code in gold.get("other_references", []):
            if code.lower() not in text:
                problems.append(f"{where}: other reference {code!r} not in text")
        if gold.get("organisation") and gold["organisation"].lower() not in text:
            problems.append(f"{where}: organisation not in text")
        if gold.get("complainant") and gold["complainant"].lower() not in text:
            problems.append(f"{where}: complainant not in text")
        stated = []
        for m in MONEY.finditer(raw):
            v = float(m.group(1).replace(",", ""))
            if m.group(2):
                v = round(v * 1_000_000)
            if v not in stated:
                stated.append(v)
        if [float(a) for a in gold["amounts_gbp"]] != stated:
            problems.append(f"{where}: amounts_gbp {gold['amounts_gbp']} != stated {stated}")
        for rec in gold.get("recommendations", []):
            key = re.sub(r"\s+", " ", rec["key"]).lower()
            if key not in text:
                problems.append(f"{where}: key not in text: {rec['key']!r}")
            for a in rec.get("amounts_gbp", []):
                if float(a) not in stated:
                    problems.append(f"{where}: recommendation amount {a} not stated")
    return problems


def check() -> int:
    problems = check_gold()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_pdf, tmp_html = Path(tmp) / "pdf", Path(tmp) / "html"
        fresh = build_all(tmp_pdf, tmp_html, text_dir=Path(tmp) / "text")
        for f in fresh:
            committed = HERE / f.parent.name / f.name
            if not committed.exists():
                problems.append(f"missing: {committed.relative_to(HERE.parent)}")
            elif not filecmp.cmp(f, committed, shallow=False):
                problems.append(f"differs: {committed.relative_to(HERE.parent)}")
        expected = {(f.parent.name, f.name) for f in fresh}
        for sub, pattern in (("pdf", "*.pdf"), ("html", "*.html"), ("text", "*.txt")):
            for committed in sorted((HERE / sub).glob(pattern)):
                if (sub, committed.name) not in expected:
                    problems.append(f"stale (no source): {committed.relative_to(HERE.parent)}")
    for p in problems:
        print(p)
    if problems:
        print(f"corpus drift: {len(problems)} file(s); run python corpus/build.py")
        return 1
    print(f"corpus up to date: {len(fresh)} files")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare a fresh build with the repo")
    ap.add_argument("names", nargs="*", help="source stems to build (default: all)")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    for f in build_all(HERE / "pdf", HERE / "html", args.names or None):
        print(f.relative_to(HERE.parent), f.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
