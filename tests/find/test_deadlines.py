import pytest

from decision_parser.find.deadlines import find_deadlines
from tests.helpers import run_finder

# (text, [(duration, working_days, anchor, by)])
CASES = [
    (
        "Within one month of the final decision, the Council has agreed to:",
        [("P1M", False, "final_decision", None)],
    ),
    ("confirm within three months the action it has taken", [("P3M", False, None, None)]),
    (
        "The Council must consider the report and confirm within three months the action",
        [("P3M", False, "report", None)],
    ),
    (
        "sends them a copy, within two weeks of the final decision.",
        [("P2W", False, "final_decision", None)],
    ),
    ("within 20 working days of our final decision", [("P20D", True, "final_decision", None)]),
    ("within three months of receiving this report", [("P3M", False, "report", None)]),
    (
        "within one month of publication (March 2023) of the final statement",
        [("P1M", False, "final_decision", None)],
    ),
    (
        "One month from the final decision (14 December 2024)",
        [("P1M", False, "final_decision", None)],
    ),
    ("fully implemented by December 2024.", [(None, False, None, "2024-12")]),
    ("no later than 31 March 2025", [(None, False, None, "2025-03-31")]),
    # The wordings of the Ombudsman's letters: "my" decision, calendar months, a fortnight.
    (
        "Within one month of the date of my final decision, the Council will write to Mr P.",
        [("P1M", False, "final_decision", None)],
    ),
    ("The Council will, within one calendar month, refund the fee.", [("P1M", False, None, None)]),
    (
        "within a fortnight of receiving my final decision it will call Ms W",
        [("P2W", False, "final_decision", None)],
    ),
    ("within six clear days of my report", [("P6D", False, "report", None)]),
    # A span of time in a narrative is not a deadline.
    ("Two weeks after the meeting she wrote again.", []),
    ("Y was out of school for two years", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_deadlines(text, expected):
    found = run_finder(find_deadlines, text)
    assert [(f.duration, f.working_days, f.anchor, f.by) for f in found] == expected
    for finding in found:
        assert text[finding.start : finding.end] == finding.text
