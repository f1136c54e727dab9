import pytest

from decision_parser.clean import clean
from decision_parser.document import CleanText
from decision_parser.find.parties import (
    choose_complainant,
    find_organisations,
    find_pseudonyms,
    normalise_pseudonym,
)
from decision_parser.nlp import rules_pipeline
from decision_parser.read import read
from decision_parser.resolve import _organisation
from tests.helpers import run_finder

# (text, organisation names found, in order)
ORGANISATIONS = [
    ("a complaint about Kent County Council (reference 230005792)", ["Kent County Council"]),
    (
        "Since Cambridgeshire County Council must formally consider",
        ["Cambridgeshire County Council"],
    ),
    ("Westmorland and Furness Council has agreed", ["Westmorland and Furness Council"]),
    # A department's address line names the council after the department.
    ("copies from Democratic Services Eastmoor Council, Town Hall", ["Eastmoor Council"]),
    ("the London Borough of Harrow agreed", ["London Borough of Harrow"]),
    ("Stockton-on-Tees Borough Council wrote", ["Stockton-on-Tees Borough Council"]),
    ("managed by Oakview Care Homes Limited ('the Care Provider')", ["Oakview Care Homes Limited"]),
    ("The Council must consider the report at its Full Council meeting", []),
    ("the Local Government and Social Care Ombudsman found", []),
]


@pytest.mark.parametrize("text, expected", ORGANISATIONS)
def test_organisations(text, expected):
    assert [f.name for f in run_finder(find_organisations, text)] == expected


# (text, the complainant chosen)
COMPLAINANTS = [
    ("I have called the complainant 'Miss X'. Her daughter Y has needs.", "Miss X"),
    ("The complainant, whom I refer to as Mr X, complains the Council", "Mr X"),
    (
        "Mr and Mrs X complain the Council has failed to issue a plan for their son, Y.",
        "Mr and Mrs X",
    ),
    ("Ms M;s child missed out on provision. Ms M was told.", "Ms M"),
    ("The council apologised to the parent.", None),
    ("I have called the complainant Mrs X. Her son is Y.", "Mrs X"),  # a name ending a sentence
    # A party described in an aside is still telling their side.
    ("Mr T, who has a heart condition, told the Council the flat was unsuitable.", "Mr T"),
    # A business complains under a pseudonym too.
    ("Company B complained, for its client Company C, about a rates bill.", "Company B"),
]


@pytest.mark.parametrize("text, expected", COMPLAINANTS)
def test_complainant(text, expected):
    ct = CleanText.from_string(text)
    chosen = choose_complainant(ct, find_pseudonyms(ct, rules_pipeline()(text)))
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize(
    "raw, name", [("Ms M;s", "Ms M"), ("Mrs. X", "Mrs X"), ("Mr  and Mrs Y", "Mr and Mrs Y")]
)
def test_normalise_pseudonym(raw, name):
    assert normalise_pseudonym(raw) == name


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Westmorland and Furness Council (24 022 530)", "Westmorland and Furness Council"),
        ("London Borough of Haringey (19 000 635)", "London Borough of Haringey"),
        ("Oakview Care Homes Limited (23 009 985)", "Oakview Care Homes Limited"),
    ],
)
def test_organisation_from_a_decision_title(title, expected):
    document = read(f"{title}\nThe Ombudsman's final decision:\nSummary: Mr X complained.".encode())
    ct = clean(document)
    found = find_organisations(ct, rules_pipeline()(ct.text))
    assert _organisation(ct, found, document).name == expected
