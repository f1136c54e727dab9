import pytest

from decision_parser.document import CleanText
from decision_parser.find.recommendations import (
    classify_actions,
    classify_status,
    find_recommendations,
)

# (recommendation text, actions, main action first)
ACTIONS = [
    ("Apologise to Mr and Mrs X, and Y, for the faults identified in this report.", ["apology"]),
    (
        "to apologise to the parent and make a symbolic payment of £350 for the distress;",
        ["apology", "payment"],
    ),
    (
        "Offer a symbolic payment of £16,400 to acknowledge the impact on the child's education",
        ["payment"],
    ),
    (
        "Arrange alternative provision for Y until he can return to school. It must keep this under review.",
        ["provision"],
    ),
    (
        "Issue an amended final EHC plan for Y and advise Mr and Mrs X of their right of appeal.",
        ["provision"],
    ),
    (
        "Set a date for an annual review following the issue of this amended final EHC plan.",
        ["review"],
    ),
    (
        "Consider appointing an officer with no previous involvement to oversee the next steps.",
        ["review"],
    ),
    ("reconsider Mr B's application for a disabled facilities grant", ["review"]),
    (
        "Review how its SEND service engages with the statutory duty to cooperate.",
        ["service_improvement"],
    ),
    (
        "Remind officers that, where home schooling is unsatisfactory, it should consider whether to provide education",
        ["service_improvement"],
    ),
    (
        "Developing updated procedural guidelines to standardise recordkeeping.",
        ["service_improvement"],
    ),
    (
        "The Council must consider the report and confirm within three months the action it has taken.",
        ["report"],
    ),
    (
        "this report be presented to both the Children's committee and the SEND Sub-Committee.",
        ["report"],
    ),
    ("cancel the charges for the 46 hours of home care that did not take place", ["payment"]),
    (
        "review how it arranges top-ups, and send us a copy of its revised procedure",
        ["service_improvement"],
    ),
    ("Send the Ombudsman evidence that the actions above have been completed", ["report"]),
    ("The family have since moved out of the area.", []),
]


@pytest.mark.parametrize("text, expected", ACTIONS)
def test_actions(text, expected):
    assert classify_actions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Complete", "complete"),
        ("Status: Complete – see action below.", "complete"),
        ("This paper completes this action.", "complete"),
        ("In progress", "in_progress"),
        ("On track", "on_track"),
        ("Outstanding", "outstanding"),
        ("Not yet started", "outstanding"),
        ("To be confirmed", None),
    ],
)
def test_status(text, expected):
    assert classify_status(text) == expected


# (document lines, [(key phrase the recommendation contains, actions, status)])
DOCUMENTS = [
    (
        "Agreed action\n"
        "Within one month of the final decision, the Council has agreed to:\n"
        "- apologise to Mrs X for the delay;\n"
        "- pay Mrs X £300 for her distress; and\n"
        "- review its procedure for annual reviews.\n"
        "The Council should provide us with evidence it has complied with the above actions.",
        [
            ("apologise to Mrs X", ["apology"], None),
            ("pay Mrs X £300", ["payment"], None),
            ("review its procedure", ["service_improvement"], None),
        ],
    ),
    (
        "Recommendation: The Committee is recommended to:\n"
        "a) note the report,\n"
        "b) ask for areas of clarity",
        [],
    ),
    (
        "Progress against the recommendations is detailed below:\n"
        "- Apologise to Mr X for the faults. Status: Complete\n"
        "- Arrange a new assessment for Y. Status: In progress",
        [
            ("Apologise to Mr X", ["apology"], "complete"),
            ("Arrange a new assessment", ["provision"], "in_progress"),
        ],
    ),
    (
        "Recommendation\tDeadline\tStatus\n"
        "Pay Mrs X £2,400 for the lost education\tOne month from the final decision\tComplete\n"
        "Send the Ombudsman evidence of the changes made\tAs each action is completed\tOutstanding",
        [
            ("Pay Mrs X £2,400", ["payment"], "complete"),
            ("Send the Ombudsman evidence", ["report"], "outstanding"),
        ],
    ),
    (
        "1.3 The Ombudsman also recommended that the Council made an action plan for Y's return "
        "to school within two weeks of the final decision.",
        [("made an action plan", ["provision"], None)],
    ),
    (
        # Bullets drawn as shapes (a web page printed to PDF) leave no marker in the text.
        "The Ombudsman made final recommendations, which were as follows:\n"
        "The council apologises for the faults identified\n"
        "Offer a symbolic payment of £2,000 to acknowledge the impact\n"
        "The family have since moved out of the area.\n"
        "Review the case again.",
        [("apologises for the faults", ["apology"], None), ("symbolic payment", ["payment"], None)],
    ),
    (
        "The implementation of recommendations will support key ambitions of the strategy:\n"
        "- A better future for the children of the borough\n"
        "- A better quality of life",
        [],
    ),
]


def test_a_prohibition_in_a_remedy_section_is_not_a_remedy():
    text = (
        "Agreed action\n"
        "The Council should review its top-up procedure.\n"
        "Until then the Council must not ask Mr Y for further top-up payments."
    )
    found = find_recommendations(CleanText.from_string(text))
    assert [f.text for f in found] == ["The Council should review its top-up procedure."]


DECISION_WITH_SECTION = (
    "What I found\n"
    "I recommended the Council apologise to Mr X and pay him £100.\n"
    "Agreed action\n"
    "The Council has agreed to apologise to Mr X and pay him £100 within one month of the final decision."
)


def test_a_decision_lists_remedies_in_its_remedy_section_only():
    found = find_recommendations(
        CleanText.from_string(DECISION_WITH_SECTION), document_type="lgsco_decision"
    )
    assert [f.text for f in found] == [DECISION_WITH_SECTION.splitlines()[-1]]
    assert find_recommendations(CleanText.from_string(DECISION_WITH_SECTION)) != found


@pytest.mark.parametrize("text, expected", DOCUMENTS)
def test_find_recommendations(text, expected):
    found = find_recommendations(CleanText.from_string(text))
    assert [(f.actions, f.status) for f in found] == [(a, s) for _, a, s in expected]
    for finding, (key, _, _) in zip(found, expected, strict=True):
        assert key in finding.text
