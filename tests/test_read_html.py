"""read/html.py: furniture dropped, block elements as hinted Lines, tables as rows."""

from __future__ import annotations

import pytest

from decision_parser.clean import clean
from decision_parser.read import read

PAGE = """<!DOCTYPE html><html><head><title>A Council (21 000 001) - Ombudsman</title>
<script>var tracking = 1;</script><style>p {{}}</style></head><body>
<div id="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; Decisions</div>
<main>{body}<aside class="share"><p>Share this page</p></aside></main>
<footer class="site-footer"><p>Privacy notice</p></footer></body></html>"""


def lines(body: str) -> list[tuple[str | None, int | None, str]]:
    document = read(PAGE.format(body=body).encode(), name="page.html")
    assert document.media_type == "text/html"
    return [(line.kind, line.level, line.text) for line in document.pages[0].lines]


CASES = [
    pytest.param(
        "<h1>A Council (21 000 001)</h1><p><strong>Decision</strong> : Upheld</p>",
        [("heading", 0, "A Council (21 000 001)"), ("paragraph", None, "Decision : Upheld")],
        id="heading-and-field",
    ),
    pytest.param(
        '<h2>Agreed action</h2><ol start="19"><li>Within one month the Council will:<ul>'
        "<li>apologise;</li><li>pay Mrs X &pound;300.</li></ul></li><li>Next.</li></ol>",
        [
            ("heading", 1, "Agreed action"),
            ("item", 0, "19. Within one month the Council will:"),
            ("item", 1, "• apologise;"),
            ("item", 1, "• pay Mrs X £300."),
            ("item", 0, "20. Next."),
        ],
        id="numbered-paragraphs-and-nested-bullets",
    ),
    pytest.param(
        '<ol type="a"><li>first</li><li value="4">fourth</li></ol>'
        "<ol><li>1. Already numbered</li></ol>",
        [("item", 0, "a. first"), ("item", 0, "d. fourth"), ("item", 0, "1. Already numbered")],
        id="list-types-values-and-printed-numbers",
    ),
    pytest.param(
        "<p>On 13<sup>th</sup> April the\n   Council   wrote.<br>New line</p>",
        [("paragraph", None, "On 13th April the Council wrote."), ("paragraph", None, "New line")],
        id="inline-markup-whitespace-and-br",
    ),
    pytest.param(
        "<table><tr><th>Action</th><th>Status</th></tr>"
        "<tr><td><p>Apologise</p></td><td>Complete</td></tr><tr><td></td><td></td></tr></table>",
        [("row", None, "Action\tStatus"), ("row", None, "Apologise\tComplete")],
        id="data-table-rows",
    ),
    pytest.param(
        "<table><tr><td><h2>Report</h2><p>Body text.</p></td></tr></table>",
        [("heading", 1, "Report"), ("paragraph", None, "Body text.")],
        id="layout-table-walked-as-content",
    ),
    pytest.param(
        '<p hidden>Secret</p><p style="display: none">Gone</p><!-- note --><p>Kept</p>',
        [("paragraph", None, "Kept")],
        id="hidden-and-comments-dropped",
    ),
    pytest.param(
        '<ol type="i" start="3999"><li>last roman</li><li>past roman</li></ol>'
        '<ol type="i" start="99999999999999999999"><li>huge</li></ol>',
        [("item", 0, "mmmcmxcix. last roman"), ("item", 0, "4000. past roman"),
         ("item", 0, "99999999999999999999. huge")],
        id="roman-numerals-stop-at-3999",
    ),
    pytest.param(
        "<table><thead><tr><th>Case</th><th>Amount</th></tr></thead><tbody>"
        "<tr><td>A</td><td>£1</td></tr></tbody></table>"
        "<table><tr><td><table><tr><td>inner</td><td>x</td></tr></table></td></tr></table>",
        [("row", None, "Case\tAmount"), ("row", None, "A\t£1"), ("row", None, "inner\tx")],
        id="rows-in-sections-and-nested-tables-counted-once",
    ),
    pytest.param(
        "<article><header><p>Article header</p></header><p>Body</p></article>",
        [("paragraph", None, "Article header"), ("paragraph", None, "Body")],
        id="an-articles-own-header-is-content",
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_html_lines(body: str, expected: list[tuple[str | None, int | None, str]]) -> None:
    assert lines(body) == expected


def test_html_title_and_furniture() -> None:
    document = read(PAGE.format(body="<p>Text.</p>").encode())
    assert document.metadata["title"] == "A Council (21 000 001) - Ombudsman"
    texts = " ".join(line.text for line in document.pages[0].lines)
    for junk in ("cookies", "Home", "Share", "Privacy", "tracking"):
        assert junk not in texts


def test_html_without_main_uses_body() -> None:
    markup = b"<html><body><h1>Cabinet report</h1><p>1.1 The Council agreed.</p></body></html>"
    cleaned = clean(read(markup))
    assert [(b.kind, b.marker) for b in cleaned.blocks] == [("heading", None), ("item", "1.1")]


def test_html_soft_hyphen_and_entities_cleaned() -> None:
    cleaned = clean(
        read(PAGE.format(body="<p>The recom&shy;mendations &amp; remedy.</p>").encode())
    )
    assert cleaned.text == "The recommendations & remedy."


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<div>", "</div>"), ("<span>", "</span>"), ("<table><tr><td>", "</td></tr></table>"),
     ("<ul><li>", "</li></ul>"), ("<header>", "</header>")],
    ids=["div", "span", "table", "list", "header"],
)
def test_deep_nesting_is_read_not_a_recursion_error(opening: str, closing: str) -> None:
    # 5,000 levels: past Python's recursion limit, and past MAX_DEPTH, where the rest of the
    # subtree is read as inline text. The words inside must still come out, once. (Inside an
    # article, so that nested headers are the article's own, not page furniture.)
    depth = 5_000
    markup = f"<html><body><article>{opening * depth}Mrs X{closing * depth}</article></body></html>"
    document = read(markup.encode(), name="deep.html")
    text = " ".join(line.text for line in document.pages[0].lines)
    assert text.count("Mrs X") == 1
