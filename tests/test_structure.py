"""The structure stage: which role each part of a document plays. Texts written for the tests,
in the layouts of published decisions, report summaries and council meeting pages."""

import pytest

from decision_parser.document import CleanText
from decision_parser.structure import build_structure, heading_role, split_sentences

DECISION_PAGE = """Ashgrove District Council (24 003 118)
Category : Housing > Allocations
Decision : Upheld
Decision date : 03 Feb 2025
The Ombudsman's final decision:
Summary: The Council delayed a medical review. It has agreed to apologise.
The complaint
1. Mr S complains the Council ignored his medical evidence.
Back to top
The Ombudsman's role and powers
2. We investigate complaints about fault and may suggest a remedy.
Back to top
How I considered this complaint
3. I read the papers Mr S sent.
What I found
Relevant law
4. The scheme gives priority on medical grounds.
What happened
5. Mr S applied in March.
Analysis
6. The Council took four months. That was fault.
Agreed action
7. Within one month the Council will apologise.
Final decision
8. I have completed my investigation.
Investigator's decision on behalf of the Ombudsman"""

MEETING_PAGE = """Issue - meetings
Ombudsman finding of maladministration
Meeting: 04/03/2025 - Cabinet (Item 12)
The report complies with the statutory duty to report the finding.
Decision:
Resolved: That the report be received.
Minutes:
The officer presented the report.
1. Introduction
The council has apologised."""


def roles(text: str) -> list[tuple[str, str | None]]:
    structure = build_structure(CleanText.from_string(text))
    return [(s.role, s.heading) for s in structure.sections]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            DECISION_PAGE,
            [
                ("header", None),
                ("summary", "The Ombudsman's final decision:"),
                ("complaint", "The complaint"),
                ("role_and_powers", "The Ombudsman's role and powers"),
                ("investigation", "How I considered this complaint"),
                ("findings", "What I found"),
                ("background", "Relevant law"),
                ("narrative", "What happened"),
                ("findings", "Analysis"),
                ("remedy", "Agreed action"),
                ("final_decision", "Final decision"),
                ("other", "Investigator's decision on behalf of the Ombudsman"),
            ],
        ),
        (
            MEETING_PAGE,
            [
                ("header", None),
                ("final_decision", "Decision:"),
                ("resolution", None),
                ("resolution", "Minutes:"),
                ("body", "1. Introduction"),
            ],
        ),
        # A lead-in ending in a colon is not a heading; an unknown sub-heading in the law
        # keeps the section it is in.
        (
            "Agreed action\nThe Council will:\n- apologise to Ms V.",
            [("header", None), ("remedy", "Agreed action")],
        ),
        (
            "Legal and administrative background\nThe Housing Act 1996\nSection 188 says ...",
            [("header", None), ("background", "Legal and administrative background")],
        ),
    ],
)
def test_section_roles(text, expected):
    assert roles(text) == expected


def test_furniture_and_headings_carry_no_role():
    structure = build_structure(CleanText.from_string(DECISION_PAGE))
    texts = [structure.ct.block_text(b) for b in structure.ct.blocks]
    for text, role in zip(texts, structure.block_roles, strict=True):
        if text in ("Back to top", "The complaint", "Agreed action"):
            assert role is None
    summary = [s.text for s in structure.sentences(["summary"])]
    # The inline label is not part of the summary's first sentence.
    assert summary == ["The Council delayed a medical review.", "It has agreed to apologise."]


@pytest.mark.parametrize(
    "heading, role",
    [
        ("The Ombudsman’s role and powers", "role_and_powers"),
        ("Agred action", "remedy"),  # a typo seen in a published decision
        ("Action", "remedy"),
        ("3. Recommendations", "recommendations"),
        ("What I have and have not investigated", "investigation"),
        ("Was there fault causing injustice?", "findings"),
        ("The Children Act 1989", None),
    ],
)
def test_heading_role(heading, role):
    assert heading_role(heading) == role


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Mrs X. complained. It was late.", ["Mrs X. complained.", "It was late."]),
        ("He paid £250. The Council agreed.", ["He paid £250.", "The Council agreed."]),
        ("1. The Council agreed. It paid.", ["1. The Council agreed.", "It paid."]),
        ("See para. 4 of the report.", ["See para. 4 of the report."]),
    ],
)
def test_split_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences
