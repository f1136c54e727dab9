"""clean(): blocks, markers, joins and character fixes, checked on small inputs and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_parser.clean import clean, find_marker, normalise_line
from decision_parser.document import CleanText, Document, Line, Page
from decision_parser.read import read

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def clean_text(source: str) -> CleanText:
    return clean(read(source.encode("utf-8"), name="test.txt"))


def shape(cleaned: CleanText) -> list[tuple[str, str | None, str]]:
    """(kind, marker, text) for every block: what a reader of the clean text sees."""
    return [(b.kind, b.marker, cleaned.block_text(b)) for b in cleaned.blocks]


def assert_consistent(cleaned: CleanText) -> None:
    """Blocks tile the text exactly: one per line, offsets pointing at their own line."""
    lines = cleaned.text.split("\n")
    assert len(lines) == len(cleaned.blocks)
    offset = 0
    for line, block in zip(lines, cleaned.blocks, strict=True):
        assert (block.start, block.end) == (offset, offset + len(line))
        offset += len(line) + 1
    assert cleaned.page_starts == sorted(cleaned.page_starts)
    assert cleaned.page_starts[0] == 0


TEXT_CASES = [
    pytest.param(
        "## **1. Introduction**\n\n1.1 The Council agreed.\n",
        [("heading", "1.", "1. Introduction"), ("item", "1.1", "1.1 The Council agreed.")],
        id="markdown-heading-and-numbered-paragraph",
    ),
    pytest.param(
        "Intro:\n\n- first thing\n* second thing\n• third thing\n",
        [
            ("paragraph", None, "Intro:"),
            ("item", "-", "- first thing"),
            ("item", "-", "- second thing"),
            ("item", "-", "- third thing"),
        ],
        id="bullets-normalised-to-dash",
    ),
    pytest.param(
        "- 1.1 That the Board notes it.\n- a) note the report,\n(ii) a roman item\n",
        [
            ("item", "1.1", "1.1 That the Board notes it."),
            ("item", "a)", "a) note the report,"),
            ("item", "(ii)", "(ii) a roman item"),
        ],
        id="bullet-before-number-is-dropped",
    ),
    pytest.param(
        "- The Council should now\n\nensure that staff are reminded.\n",
        [("item", "-", "- The Council should now ensure that staff are reminded.")],
        id="paragraph-runs-on-across-blank-line",
    ),
    pytest.param(
        "The Council agreed.\n\nthen a lower-case start after a full stop.\n",
        [
            ("paragraph", None, "The Council agreed."),
            ("paragraph", None, "then a lower-case start after a full stop."),
        ],
        id="full-stop-ends-paragraph",
    ),
    pytest.param(
        "On 13<sup>th</sup> April and 22<sup>nd</sup> July.\n",
        [("paragraph", None, "On 13th April and 22nd July.")],
        id="sup-ordinals",
    ),
    pytest.param(
        "<b>Term</b>\t<b>Meaning</b>\nLGO\tThe Ombudsman\t\n",
        [("row", None, "Term\tMeaning"), ("row", None, "LGO\tThe Ombudsman")],
        id="tab-rows",
    ),
    pytest.param(
        "Subject:\tFirst line of a cell\n\t(wrapped) rest\nLegal and\tThe Council must\n"
        "Governance:\tcomply with it\n",
        [
            ("row", None, "Subject:\tFirst line of a cell (wrapped) rest"),
            ("row", None, "Legal and Governance:\tThe Council must comply with it"),
        ],
        id="wrapped-cells-merge-into-row",
    ),
    pytest.param(
        "| A | B |\n|---|---|\n| 1 | 2 |\n\n---\n\nAfter the rule.\n",
        [("row", None, "A\tB"), ("row", None, "1\t2"), ("paragraph", None, "After the rule.")],
        id="pipe-table-and-rule",
    ),
    pytest.param(
        "See [the decision](https://example.org/x) and *this* and judith_nash@x.gov.uk\n",
        [("paragraph", None, "See the decision and this and judith_nash@x.gov.uk")],
        id="links-and-emphasis",
    ),
    pytest.param(
        "## 6.\n\n### Recommendation(s):\n",
        [("heading", "6.", "6. Recommendation(s):")],
        id="lone-section-number-joins-heading",
    ),
    pytest.param(
        "4 Legal implications\n\n11 November 2024\n\n2.2 The findings were:\n",
        [
            ("heading", "4", "4 Legal implications"),
            ("paragraph", None, "11 November 2024"),
            ("item", "2.2", "2.2 The findings were:"),
        ],
        id="bare-number-headings-not-dates",
    ),
    pytest.param(
        "Page one text.\fsecond page\n",
        [("paragraph", None, "Page one text."), ("paragraph", None, "second page")],
        id="form-feed-page",
    ),
]


@pytest.mark.parametrize(("source", "expected"), TEXT_CASES)
def test_text_blocks(source: str, expected: list[tuple[str, str | None, str]]) -> None:
    cleaned = clean_text(source)
    assert shape(cleaned) == expected
    assert_consistent(cleaned)


HARD_WRAPPED = "\n".join(
    [
        "The Ombudsman found fault in the way the Council",
        "handled the assessment and its decision causing",
        "injustice to the family. The Council agreed to",
        "apologise and to pay for the lost provision with",
        "some further sentences to make the wrap obvious.",
        "",
        "Short title",
        "A second paragraph begins here and carries on",
        "over more than one line of the page as well.",
    ]
)


def test_hard_wrapped_text_joins_lines() -> None:
    blocks = shape(clean_text(HARD_WRAPPED))
    assert blocks[0][2].startswith("The Ombudsman found fault in the way the Council handled")
    assert blocks[0][2].endswith("to make the wrap obvious.")
    assert [b[2] for b in blocks[1:]] == [
        "Short title",
        "A second paragraph begins here and carries on over more than one line of the page "
        "as well.",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ﬁnal ﬂow", "final flow"),
        ("a\u00a0b  c\u200bd", "a b cd"),
        ("13 th April", "13th April"),
        ("1 st and 2 nd and 23 rd", "1st and 2nd and 23rd"),
        ("2 th is not an ordinal", "2 th is not an ordinal"),
        ("cell one \t cell two", "cell one\tcell two"),
        ("10.The Council should", "10. The Council should"),
        ("4.2Review the policy", "4.2 Review the policy"),
        ("2.5MB file", "2.5MB file"),
        ("1.A reference", "1.A reference"),
    ],
)
def test_normalise_line(raw: str, expected: str) -> None:
    assert normalise_line(raw) == expected


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("1.1 The Council", "1.1"),
        ("2.2.1 The Council", "2.2.1"),
        ("1. The Council", "1."),
        ("a) note", "a)"),
        ("(i) note", "(i)"),
        ("- 1.1 That the Board", "1.1"),
        ("• Offer a payment", "-"),
        ("o Review of panel membership", "-"),  # Word's second-level bullet
        ("\uf0a7 Review of panel membership", "-"),  # Wingdings square, unmapped
        ("➤ Note the report", "-"),
        ("of the Council", None),
        ("The Council", None),
        ("23 013 127 - a reference", None),
        ("e.g. this", None),
    ],
)
def test_find_marker(line: str, marker: str | None) -> None:
    found = find_marker(line)
    assert (found.text if found else None) == marker


def geometry_page(number: int, texts: list[str], height: float = 800) -> Page:
    """A page whose lines are laid out top to bottom, with the last line in the footer band."""
    lines = []
    for i, text in enumerate(texts):
        top = 20 if i == 0 else 100 + 14 * i
        if i == len(texts) - 1:
            top = height - 30
        lines.append(Line(text, x0=72, top=top, x1=400, bottom=top + 10, size=10))
    return Page(number, lines, width=600, height=height)


def test_running_header_footer_and_page_numbers_dropped() -> None:
    pages = [
        geometry_page(n, [f"Final decision {n}", f"Body text on page {n}.", f"Page {n} of 3"])
        for n in (1, 2, 3)
    ]
    cleaned = clean(Document("x.pdf", "0" * 64, "application/pdf", pages))
    assert [cleaned.block_text(b) for b in cleaned.blocks] == [
        "Body text on page 1.",
        "Body text on page 2.",
        "Body text on page 3.",
    ]
    assert cleaned.page_starts == [0, 21, 42]
    assert [cleaned.page_of(b.start) for b in cleaned.blocks] == [1, 2, 3]


def test_page_without_text_layer_warns() -> None:
    pages = [geometry_page(1, ["x", "Some text.", "y"]), Page(2, [], has_text_layer=False)]
    cleaned = clean(Document("x.pdf", "0" * 64, "application/pdf", pages))
    assert [(w.code, w.page) for w in cleaned.warnings] == [("no_text_layer", 2)]
    assert cleaned.page_count == 2


def seed(prefix: str) -> CleanText:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return clean(read(matches[0]))


@pytest.mark.parametrize(
    ("prefix", "fragment"),
    [
        ("004", "The Council should now ensure that this aspect"),
        ("004", "on 13th April and again on 3rd May"),
        ("000", "published on 22nd July 2024"),
        ("003", "Legal and Governance:\tCouncil required"),
        ("004", "ability to operate a fair system"),
    ],
)
def test_seed_contains(prefix: str, fragment: str) -> None:
    cleaned = seed(prefix)
    assert_consistent(cleaned)
    block = cleaned.block_at(cleaned.text.index(fragment))
    assert block is not None
    assert fragment in cleaned.block_text(block)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_has_no_markup_left(prefix: str) -> None:
    cleaned = seed(prefix)
    for junk in ("<b>", "<sup>", "**", "](", "\n\n", "---"):
        assert junk not in cleaned.text


# --- PDFs -------------------------------------------------------------------------------------

pdfs = pytest.importorskip("pdfs", reason="tests/pdfs.py needs reportlab")


@pytest.fixture(scope="module")
def decision(tmp_path_factory: pytest.TempPathFactory) -> CleanText:
    return clean(read(pdfs.decision_pdf(tmp_path_factory.mktemp("pdf") / "decision.pdf")))


@pytest.mark.parametrize(
    ("kind", "marker", "text"),
    [
        ("heading", None, "The complaint"),
        ("heading", None, "Agreed action"),
        ("item", "2.", "2. The investigator made two recommendations which the Council "
                       "accepted without delay."),
        ("item", "3.", "3. On the 13th April 2024 the Council wrote again."),
        ("item", "-", "- apologise to Mrs B in writing;"),
        ("item", "-", "- arrange a follow-up meeting with the school."),
        ("row", None, "Apologise to Mrs B for the delay in reviewing the plan\tOne month\tComplete"),
    ],
)  # fmt: skip
def test_pdf_blocks(decision: CleanText, kind: str, marker: str | None, text: str) -> None:
    assert (kind, marker, text) in shape(decision)


def test_pdf_furniture_removed(decision: CleanText) -> None:
    assert_consistent(decision)
    assert pdfs.HEADER not in decision.text
    assert "Page 1 of 3" not in decision.text and "Page 3 of 3" not in decision.text
    assert decision.page_count == 3


def test_pdf_nested_bullets_have_a_level(decision: CleanText) -> None:
    levels = {decision.block_text(b)[:12]: b.level for b in decision.blocks if b.kind == "item"}
    assert levels["4. Within on"] == 0
    assert levels["- apologise "] == 1


def test_pdf_paragraph_across_page_break(tmp_path: Path) -> None:
    cleaned = clean(read(pdfs.page_break_pdf(tmp_path / "break.pdf")))
    last = cleaned.blocks[-1]
    assert cleaned.block_text(last) == (
        "The Council agreed to review the way it handles these cases and to report back "
        "within three months."
    )
    assert last.page == 1
    continued = cleaned.text.index("cases and to report")
    assert cleaned.page_of(continued) == 2
    assert cleaned.page_of(last.start) == 1


def test_unruled_table_wrapped_cells_merge() -> None:
    rows = ["Action\tStatus", "Apologise to Mrs B for\tComplete", "the delay", "\t(due May)"]
    lines = [
        Line(text, x0=72, top=100 + 14 * i, x1=400, bottom=112 + 14 * i, size=10, kind="row")
        for i, text in enumerate(rows)
    ]
    page = Page(1, lines, width=600, height=800)
    cleaned = clean(Document("t.pdf", "0" * 64, "application/pdf", [page]))
    assert [cleaned.block_text(b) for b in cleaned.blocks] == [
        "Action\tStatus",
        "Apologise to Mrs B for the delay\tComplete (due May)",
    ]


# --- PDF layouts, line by line ----------------------------------------------------------------

# (page, x0, top, x1, text, bold[, taller]): a 10-point body with a 12-point line pitch on A4;
# `taller` raises the box's top (a bold word in a font with a taller box), not its bottom.
LaidOut = tuple  # type: ignore[type-arg]


def laid_out(lines: list[LaidOut]) -> CleanText:
    """clean() of PDF-like pages built from positioned lines."""
    pages: dict[int, list[Line]] = {}
    for page, x0, top, x1, text, bold, *taller in lines:
        raised = top - (taller[0] if taller else 0.0)
        line = Line(text, x0=x0, top=raised, x1=x1, bottom=top + 10, size=10, bold=bold)
        pages.setdefault(page, []).append(line)
    document = Document(
        "t.pdf",
        "0" * 64,
        "application/pdf",
        [Page(n, pages[n], width=595, height=842) for n in sorted(pages)],
    )
    return clean(document)


FULL = 523.0  # where a full line ends
# fmt: off
LAYOUT_CASES = [
    pytest.param(
        [
            (1, 72, 100, FULL, "• Arrange alternative provision for Y until he can return to", False),
            (1, 86, 112, FULL, "school, full time unless the Council shows otherwise. Status: In", False),
            (1, 86, 124, 120, "progress", True),
            (1, 72, 148, FULL, "• Issue an amended final EHC plan for Y.", False),
        ],
        [
            ("item", "-", "- Arrange alternative provision for Y until he can return to school, "
                          "full time unless the Council shows otherwise. Status: In progress"),
            ("item", "-", "- Issue an amended final EHC plan for Y."),
        ],
        id="bold-lower-case-word-carries-on-the-item",
    ),
    pytest.param(
        [
            (1, 72, 40, 150, "Report CS/24/11", False),
            (1, 72, 100, 300, "Body text on page one.", False),
            (1, 72, 700, FULL, "• Arrange alternative provision for Y. Status: In", False),
            (1, 280, 800, 310, "Page 1 of 2", False),
            (2, 72, 40, 150, "Report CS/24/11", False),
            (2, 86, 100, 120, "progress", True),
            (2, 72, 124, 300, "Body text on page two.", False),
            (2, 280, 800, 310, "Page 2 of 2", False),
        ],
        [
            ("paragraph", None, "Body text on page one."),
            ("item", "-", "- Arrange alternative provision for Y. Status: In progress"),
            ("paragraph", None, "Body text on page two."),
        ],
        id="bold-lower-case-word-carries-on-over-a-page-break",
    ),
    pytest.param(
        [
            (1, 72, 100, FULL, "• Issue an amended final EHC plan for Y and explain the appeal.", False),
            (1, 86, 112, 180, "Status: Complete", True),
            (1, 72, 136, FULL, "• Secure the provision in the plan.", False),
        ],
        [
            ("item", "-", "- Issue an amended final EHC plan for Y and explain the appeal. "
                          "Status: Complete"),
            ("item", "-", "- Secure the provision in the plan."),
        ],
        id="bold-line-at-the-hanging-indent-is-the-item",
    ),
    pytest.param(
        [
            (1, 72, 100, FULL, "The Council accepted the findings and agreed to the remedy.", False),
            (1, 72, 130, 200, "Recommendations", True),
            (1, 72, 148, 400, "The Council should apologise.", False),
        ],
        [
            ("paragraph", None, "The Council accepted the findings and agreed to the remedy."),
            ("heading", None, "Recommendations"),
            ("paragraph", None, "The Council should apologise."),
        ],
        id="bold-line-after-a-gap-is-a-heading",
    ),
    pytest.param(
        [
            (1, 72, 40, FULL, "Minutes of the meeting of the Cabinet of the London Borough", False),
            (1, 72, 52, FULL, "of Harlow Vale held on Tuesday, 11 February 2025 at 7.00 pm", False),
            (1, 72, 64, FULL, "in Committee Room 2 of the Town Hall, with the Leader of the", False),
            (1, 72, 76, FULL, "Council in the chair and the Chief Executive and officers of", False),
            (1, 72, 88, 300, "the Council present.", False),
            (1, 72, 112, FULL, "Present: Councillor Anita Okafor (Leader); Councillors Ben Hartley,", False, 4),
            (1, 72, 124, 300, "Joanna Pryce and Tom Ellery.", False),
        ],
        [
            ("paragraph", None, "Minutes of the meeting of the Cabinet of the London Borough of "
                                "Harlow Vale held on Tuesday, 11 February 2025 at 7.00 pm in "
                                "Committee Room 2 of the Town Hall, with the Leader of the Council "
                                "in the chair and the Chief Executive and officers of the Council "
                                "present."),
            ("paragraph", None, "Present: Councillor Anita Okafor (Leader); Councillors Ben "
                                "Hartley, Joanna Pryce and Tom Ellery."),
        ],
        id="a-taller-box-on-one-line-is-not-a-gap",
    ),
    pytest.param(
        [
            (1, 72, 100, 480, "34. Public interest report of the Local Government and Social Care", True),
            (1, 72, 112, 300, "Ombudsman: special guardianship allowances", True),
            (1, 72, 136, 400, "34.1 The Cabinet considered the report.", False),
        ],
        [
            ("heading", "34.", "34. Public interest report of the Local Government and Social "
                               "Care Ombudsman: special guardianship allowances"),
            ("item", "34.1", "34.1 The Cabinet considered the report."),
        ],
        id="numbered-bold-heading-wraps",
    ),
    pytest.param(
        [
            (1, 200, 20.9, 400, "Cabinet - Report CS/24/11", False),
            (1, 72, 100, 300, "Body text on page one.", False),
            (2, 200, 21.1, 400, "Cabinet - Report CS/24/11", False),
            (2, 72, 100, 300, "Body text on page two.", False),
        ],
        [
            ("paragraph", None, "Body text on page one."),
            ("paragraph", None, "Body text on page two."),
        ],
        id="running-header-that-moves-a-little",
    ),
    pytest.param(
        [
            (1, 72, 100, 300, "Report to: Cabinet", False),
            (1, 72, 112, 160, "Key decision: No", True),
            (1, 72, 124, 190, "Exempt information: None", True),
            (1, 72, 148, 140, "Part B", True),
            (1, 72, 160, 190, "Legal implications", True),
            (1, 72, 184, 300, "The report follows.", False),
        ],
        [
            ("paragraph", None, "Report to: Cabinet"),
            ("paragraph", None, "Key decision: No"),  # a field in bold, not a heading
            ("paragraph", None, "Exempt information: None"),
            ("heading", None, "Part B"),
            ("heading", None, "Legal implications"),
            ("paragraph", None, "The report follows."),
        ],
        id="stacked-bold-lines-that-stop-short-are-not-one-heading",
    ),
    pytest.param(
        [
            (1, 72, 100, 450, "Adults and Health Scrutiny", True),
            # one long word, wider than half an em a letter, would not fit after the line above
            (1, 72, 112, 200, "Committee", True),
            (1, 190, 140, 405, "Public interest report on", True),
            (1, 200, 152, 395, "Special Guardianship Allowances", True),
            (1, 72, 176, 300, "The report follows.", False),
        ],
        [
            ("heading", None, "Adults and Health Scrutiny Committee"),
            ("heading", None, "Public interest report on Special Guardianship Allowances"),
            ("paragraph", None, "The report follows."),
        ],
        id="wrapped-and-centred-headings",
    ),
    pytest.param(
        # A cover sheet of one-line paragraphs: most steps between lines are paragraph gaps,
        # so the gap after a full line still ends its paragraph.
        [
            (1, 72, 76, FULL, "The Council accepted the findings of the Ombudsman and has put", False),
            (1, 72, 88, FULL, "in place the remedy the Ombudsman asked for, within the time", False),
            (1, 72, 100, FULL, "allowed, and it has written to the family to say so and to", False),
            (1, 72, 112, FULL, "explain what it has changed in the way that it handles cases", False),
            (1, 72, 124, 200, "like theirs.", False),
            (1, 72, 146, 300, "Name of Officer: Raj Lakshman", False),
            (1, 72, 168, 300, "Date: 5 July 2022", False),
            (1, 72, 190, 300, "Wards affected: All", False),
            (1, 72, 212, FULL, "Have any Environment and Climate Change implications been cleared?", False),
            (1, 72, 234, 160, "No implications.", False),
            (1, 72, 256, 300, "Key decision: No", False),
        ],
        [
            ("paragraph", None, "The Council accepted the findings of the Ombudsman and has put "
                                "in place the remedy the Ombudsman asked for, within the time "
                                "allowed, and it has written to the family to say so and to "
                                "explain what it has changed in the way that it handles cases "
                                "like theirs."),
            ("paragraph", None, "Name of Officer: Raj Lakshman"),
            ("paragraph", None, "Date: 5 July 2022"),
            ("paragraph", None, "Wards affected: All"),
            ("paragraph", None, "Have any Environment and Climate Change implications been "
                                "cleared?"),
            ("paragraph", None, "No implications."),
            ("paragraph", None, "Key decision: No"),
        ],
        id="one-line-paragraphs-keep-their-gaps",
    ),
    pytest.param(
        [
            (1, 72, 100, 300, "The committee's discussion is recorded.", False),
            (1, 72, 130, 90, "6.", True),
            (1, 72, 154, 180, "Recommendation(s):", True),
            (1, 72, 178, 400, "The committee is asked to note the report.", False),
        ],
        [
            ("paragraph", None, "The committee's discussion is recorded."),
            ("heading", "6.", "6. Recommendation(s):"),
            ("paragraph", None, "The committee is asked to note the report."),
        ],
        id="section-number-on-a-line-of-its-own",
    ),
    pytest.param(
        [
            (1, 72, 100, FULL, "The Council agreed to review the recom\u2010", False),
            (1, 72, 112, 300, "mendations of its panel.", False),
        ],
        [("paragraph", None, "The Council agreed to review the recommendations of its panel.")],
        id="unicode-hyphen-at-line-end-joins-the-word",
    ),
]
# fmt: on


@pytest.mark.parametrize(("lines", "expected"), LAYOUT_CASES)
def test_layout_blocks(lines: list[LaidOut], expected: list[tuple[str, str | None, str]]) -> None:
    cleaned = laid_out(lines)
    assert_consistent(cleaned)
    assert shape(cleaned) == expected
