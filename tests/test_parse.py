"""Whole-document behaviour through the public API, on short texts: what resolve.py decides
from several findings at once (dates' roles, due dates, warnings, the primary reference)."""

from __future__ import annotations

import pytest

import decision_parser

DECISION = """Eastmoor District Council (23 004 117)
Category : Benefits and tax > Council tax
Decision : Upheld
Decision date : 27 Mar 2025
The Ombudsman's final decision:
Summary: Mrs X complained about a council tax bill. We found fault causing injustice.
Agreed action
Within one month of the final decision, the Council has agreed to:
- apologise to Mrs X; and
- pay Mrs X £150 for her time and trouble.
Within 20 working days of the final decision, the Council has agreed to:
- review its procedure for issuing reminders.
"""

COMMITTEE = """To: Cabinet Committee – Thursday 6 January 2025
Subject: LGSCO Public Decision Action
This report responds to the report on a complaint about Kent County Council (reference 230005792)
published on 22<sup>nd</sup> July 2024.
1.3 The Ombudsman also recommended that the Council made an action plan, within two weeks of the final decision.
Appendix A – Ombudsman Case 22 03 403
"""

# An old-style page: no parts but "The complaint", with the remedy list and its follow-up under
# it after the strong lead-in; the complainant's own wish before it is not read as a remedy.
OLD_STYLE = """24 001 002
Decision : Upheld
The complaint
Mrs H says she wants the council to apologise.
The Ombudsman found fault causing injustice.
To remedy the injustice the council has agreed to:
- pay Mrs H £200;
- arrange the care assessment Mrs H was owed.
The council should also train its staff on the new rules.
"""

NOT_A_DOCUMENT = """Notes for the reading group
We talked about a story in which a landlord was at fault and agreed to pay a tenant £250
and to apologise. Next week: chapter four.
"""

# A meeting system's agenda-item page, in an older case's words.
AGENDA_ITEM = """Agenda item
Ombudsman finding on a housing complaint
- Meeting of Cabinet, Tuesday, 14th March, 2006 7.00 pm (Item 9.)
Minutes:
The Cabinet noted the Local Government Ombudsman's finding of maladministration in complaint
05/B/01234 and agreed that Mrs Q be paid £400.
"""

# An older report's invented surnames, named only as the council pays them.
OLD_MINUTES = """Minutes:
The Committee considered the Local Government Ombudsman's report finding maladministration.
RESOLVED that the Council pay Mr Rowan and Mrs Hazel £900 for their time and trouble.
"""

# An officer's decision record: the decision's date, not the date it was published.
DECISION_RECORD = """Decision details
PAYMENT AFTER AN OMBUDSMAN DECISION
Decision Maker: Monitoring Officer
Decision:
To pay £800 to the complainant as the Local Government Ombudsman recommended.
Publication date: 03/02/2023
Date of decision: 12/12/2022
"""


def field(decision, path: str):
    """Follow a dotted path ('recommendations.1.payee'); dates come back as ISO strings."""
    value = decision
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else getattr(value, part)
    return value.isoformat() if hasattr(value, "isoformat") else value


# (document, dotted path into the Decision, expected value)
CASES = [
    (DECISION, "document_type", "lgsco_decision"),
    (DECISION, "organisation.name", "Eastmoor District Council"),
    (DECISION, "category.name", "Benefits and tax > Council tax"),
    (DECISION, "complainant.name", "Mrs X"),
    (DECISION, "dates.decision_date.date", "2025-03-27"),
    (DECISION, "recommendations.1.payee", "Mrs X"),
    (DECISION, "recommendations.1.deadline.due_date", "2025-04-27"),
    (DECISION, "recommendations.2.deadline.working_days", True),
    (DECISION, "recommendations.2.actions", ["service_improvement"]),
    (COMMITTEE, "document_type", "committee_report"),
    (COMMITTEE, "organisation.name", "Kent County Council"),
    (COMMITTEE, "case_references.0.reference", "230005792"),
    (COMMITTEE, "case_references.0.standard_format", False),
    (COMMITTEE, "case_references.0.role", "primary"),
    (COMMITTEE, "case_references.1.role", "related"),
    (COMMITTEE, "recommendations.0.actions", ["provision"]),
    # One case reference per document, and the key that joins a non-standard printing.
    (DECISION, "case_reference", "23 004 117"),
    (DECISION, "case_key", "23004117"),
    (COMMITTEE, "case_reference", "230005792"),
    (COMMITTEE, "case_key", "23005792"),
    ("A shopping list: eggs, bread and milk.", "case_reference", None),
    # Neither a decision nor a paper: facts kept, no findings or remedies read into it.
    (NOT_A_DOCUMENT, "document_type", "other"),
    (AGENDA_ITEM, "document_type", "committee_minutes"),
    (AGENDA_ITEM, "dates.meeting_date.date", "2006-03-14"),
    (AGENDA_ITEM, "case_reference", "05/B/01234"),
    (AGENDA_ITEM, "case_key", "05B01234"),
    (OLD_MINUTES, "complainant.name", "Mr Rowan and Mrs Hazel"),
    (DECISION_RECORD, "document_type", "committee_minutes"),
    (DECISION_RECORD, "dates.meeting_date.date", "2022-12-12"),
    # A decision names its complainant by pseudonym; a titled payee is not read as one there.
    ("Summary: The Council will pay Mr Rowan £100. We found fault.", "complainant", None),
    (NOT_A_DOCUMENT, "amounts.0.value", 250.0),
    (NOT_A_DOCUMENT, "outcome.fault", None),
    (NOT_A_DOCUMENT, "remedy_actions", []),
    (NOT_A_DOCUMENT, "recommendations", []),
]


@pytest.mark.parametrize("text, path, expected", CASES)
def test_field(text, path, expected):
    assert field(decision_parser.parse_text(text), path) == expected


def test_committee_dates_and_due_date():
    decision = decision_parser.parse_text(COMMITTEE)
    assert decision.dates.meeting_date.date.isoformat() == "2025-01-06"
    assert decision.dates.decision_date.date.isoformat() == "2024-07-22"
    assert decision.dates.decision_date.text == "22nd July 2024"  # the superscript is mended
    assert decision.recommendations[0].deadline.due_date.isoformat() == "2024-08-05"


def test_warnings_name_what_to_check():
    decision = decision_parser.parse_text(COMMITTEE)
    codes = [w.code for w in decision.warnings]
    assert codes.count("nonstandard_reference") == 2
    assert "weekday_mismatch" in codes
    weekday = next(w for w in decision.warnings if w.code == "weekday_mismatch")
    assert "Monday" in weekday.message and weekday.evidence.quote.startswith("Thursday")


def test_working_days_skip_weekends():
    decision = decision_parser.parse_text(DECISION)
    # 27 March 2025 was a Thursday; 20 working days later is Thursday 24 April.
    assert decision.recommendations[2].deadline.due_date.isoformat() == "2025-04-24"


# (a listed remedy, the payee resolve.py names)
PAYEES = [
    ("- Pay Mr and Mrs C £1,000 to acknowledge their distress;", "Mr and Mrs C"),
    ("- refund to Miss B the £312 already deducted;", "Miss B"),
    ("- make a payment of £250 to Y's mother for her time and trouble;", "Y's mother"),
    ("- write off the overpayment of £1,146.20 and confirm that Miss B does not owe it;", "Miss B"),
    ("- pay her £300 for her distress;", "Mrs X"),  # a pronoun is the complainant
]


@pytest.mark.parametrize("item, payee", PAYEES)
def test_payee(item, payee):
    text = (
        "I have called the complainant Mrs X.\nAgreed action\n"
        f"Within one month of the final decision, the Council has agreed to:\n{item}\n"
    )
    (recommendation,) = decision_parser.parse_text(text, use_model=False).recommendations
    assert "payment" in recommendation.actions
    assert recommendation.payee == payee


def test_old_style_page_remedies_under_the_complaint():
    decision = decision_parser.parse_text(OLD_STYLE)
    assert [a.action for a in decision.remedy_actions] == [
        "payment", "provision", "service_improvement"
    ]  # fmt: skip


def test_a_listed_item_gives_the_kinds_the_remedy_patterns_read_in_it():
    # The action cues call this item a review; the remedy patterns read a wider change in it,
    # and the document's remedy kinds follow them.
    text = (
        "Eastmoor District Council (23 004 117)\nDecision : Upheld\n"
        "Agreed action\nWithin three months of the final decision, the Council has agreed to:\n"
        "- commission a review of the recommendations arising from earlier complaints about "
        "its housing team.\n"
    )
    decision = decision_parser.parse_text(text)
    assert [a.action for a in decision.remedy_actions] == ["service_improvement"]
