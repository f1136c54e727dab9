import pytest

from decision_parser.find.references import find_other_references, find_references
from tests.helpers import run_finder

# (text, [(reference, raw, standard_format)])
CASES = [
    ("Ombudsman reference 23 006 024 published", [("23 006 024", "23 006 024", True)]),
    ("see LGO Case 23006024 - Final Report", [("23 006 024", "23006024", True)]),
    ("a complaint about Kent (reference 230005792)", [("230005792", "230005792", False)]),
    ("Local Government Ombudsman Case 22 03 403", [("22 03 403", "22 03 403", False)]),
    ("linked complaint 17 002 402b was closed", [("17 002 402b", "17 002 402b", True)]),
    ("Hertfordshire County Council (22 011 513)", [("22 011 513", "22 011 513", True)]),
    # The older form: year, office letter, five digits; kept as printed.
    ("the LGO's report on complaint 06/C/12345 was noted", [("06/C/12345", "06/C/12345", False)]),
    # A date is not one.
    ("the meeting of 06/12/2008", []),
    # Phone numbers and bare figures are not references.
    ("Telephone number 03000 418913", []),
    ("Tel: 01223 706398", []),
    ("the budget line 12345678 was spent", []),
    ("a total of 46 hours in 2024", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_references(text, expected):
    found = run_finder(find_references, text)
    assert [(f.reference, f.raw, f.standard_format) for f in found] == expected
    for finding in found:
        assert text[finding.start : finding.end] == finding.raw


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Report of the Director (CS/22/07) on the case", ["CS/22/07"]),
        ("Forward Plan ref: N/A", []),
        ("the decision dated 22/07/2024", []),
    ],
)
def test_other_references(text, expected):
    found = run_finder(lambda ct, doc: find_other_references(doc), text)
    assert [t for t, _, _ in found] == expected
