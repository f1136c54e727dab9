import pytest

from decision_parser.document import CleanText
from decision_parser.find.document_type import find_document_type
from decision_parser.find.outcome import find_outcome
from decision_parser.structure import build_structure

# (text, document type, (decision, fault, injustice, maladministration))
CASES = [
    (
        "Decision : Upheld\nWe found fault causing injustice.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    (
        "Decision : Not upheld\nI do not find the Council was at fault. Although there was no fault, "
        "the Council has agreed to pay Ms D £150 as a goodwill gesture.",
        "lgsco_decision",
        ("not_upheld", False, None, None),
    ),
    (
        "Decision : Closed after initial enquiries\nWe will not investigate this complaint.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, None, None),
    ),
    (
        "Decision : Upheld\nWe will not investigate further because the Council has already apologised.",
        "lgsco_decision",
        ("upheld", True, None, None),
    ),
    (
        "The LGO's finding is 'Report issued: upheld; maladministration and injustice'.",
        "committee_report",
        ("upheld", True, True, True),
    ),
    (
        "The Ombudsman found failure in the Council's handling of plans.",
        "committee_report",
        ("upheld", True, None, None),
    ),
    (
        "Summary: We will not investigate Mr X's complaint about parking fines.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, None, None),
    ),
    (
        "There is a risk of maladministration if the actions are not taken.",
        "committee_report",
        (None, None, None, None),
    ),
    # The stock paragraph on the Ombudsman's role defines the word; it is not a finding.
    (
        "We investigate complaints about 'maladministration' and 'service failure'. "
        "I have found no fault.",
        "lgsco_decision",
        ("not_upheld", False, None, None),
    ),
    (
        "We found maladministration causing injustice.",
        "lgsco_decision",
        ("upheld", True, True, True),
    ),
    # A hypothesis is not a finding.
    (
        "Decision : Closed after initial enquiries\nIt is unlikely we would find fault with how the "
        "Council made its decision.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, None, None),
    ),
    # The role-and-powers boilerplate talks of fault and injustice in every decision; only
    # the findings settle them. Headings, claims and findings written for these tests.
    (
        "Decision : Upheld\nThe Ombudsman's role and powers\nIf there was no fault in how the "
        "organisation decided, we cannot question its decision. If fault caused an injustice, we "
        "may suggest a remedy.\nWhat I found\nThe Council took five months to reply. That was "
        "fault. It caused Mr E avoidable frustration.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    (
        "Summary: Miss N says the Council failed to tell her about the charge and that this "
        "caused her distress. The Council was not at fault.",
        "lgsco_decision",
        ("not_upheld", False, None, None),
    ),
    (
        "Summary: The delay in sending the plan amounts to fault. It did not cause Mrs W a "
        "significant injustice, because the school place was kept open.",
        "lgsco_decision",
        ("upheld", True, False, None),
    ),
    (
        "Summary: There was no fault in the way the panel heard the appeal, but the Council "
        "took too long to send its letter, which was fault.",
        "lgsco_decision",
        ("upheld", True, None, None),
    ),
    (
        "Summary: We will not investigate because it is likely the Council would not be found "
        "at fault and any injustice is not significant enough.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, False, None),
    ),
    (
        "Summary: We found the Council at fault. It is not possible to say what the outcome "
        "would have been without the fault, and Mr J is left with that uncertainty.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    (
        "Minutes:\nThe officer reported the Ombudsman's finding that the council had been "
        "guilty of maladministration in its handling of the tenancy.",
        "committee_minutes",
        ("upheld", True, None, True),
    ),
    # Failings found are fault found, even beside "no fault" on another point.
    (
        "Summary: We found failings in the care Mrs K received at the home, and this caused "
        "her family avoidable distress. We did not find fault in how the Council monitored "
        "the placement.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    # A service failure caused, after "no fault" on the main points.
    (
        "Summary: We found no fault in the allocation decision. However, the Council did "
        "cause a service failure by its delay in repairing the boiler, which caused Ms G "
        "distress.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    # "..., causing him frustration": the "not" before it belongs to the fault.
    (
        "Summary: We find fault with the Council for not answering Mr N's letters, causing "
        "him frustration and time and trouble.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    # One area of fault found, beside no evidence on the rest.
    (
        "Summary: We have found one area of fault because the Council was slow to reply. "
        "This caused Mr H avoidable frustration.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    # Poor complaint handling is a fault found, whatever the main decision.
    (
        "Summary: There was no fault in the Council's decision to close the pool. Its "
        "handling of Ms R's complaint was poor, but this did not cause her a significant "
        "injustice.",
        "lgsco_decision",
        ("upheld", True, False, None),
    ),
    # A mirror site's badge after the source's name gives the decision.
    (
        "LGO (Local Government & Social Care Ombudsman) Not Upheld\nSummary: The Council "
        "properly considered Mr V's application before refusing it.",
        "lgsco_decision",
        ("not_upheld", False, None, None),
    ),
    # Fault named in other words: caused by its faults, acted with fault, delayed (with an
    # adverb between).
    (
        "Summary: The Council also significantly delayed the review. To recognise the distress "
        "caused by the Council's faults, it will pay Mr J £300.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    (
        "Summary: We have found the Council acted with fault. Because of these faults, Mrs S "
        "lived in unsuitable rooms, causing avoidable distress.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    # No injustice, in two more wordings.
    (
        "Summary: We find the Council was at fault for the delay. But we do not consider this "
        "caused Ms L an injustice.",
        "lgsco_decision",
        ("upheld", True, False, None),
    ),
    (
        "Summary: We will not investigate this complaint about a footpath order. Mr D was also "
        "not caused an injustice by the advice given to his neighbour.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, False, None),
    ),
    # A remedy "to recognise the impact" of a fault is for an injustice.
    (
        "Summary: The Council delayed deciding the claim. It will pay Ms T £150 to recognise the "
        "impact of the delay.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    # "The Ombudsman upholds the complaint" is a finding of fault.
    (
        "Summary: Mrs E complains about delays in a plan. The Ombudsman upholds the complaint.",
        "lgsco_decision",
        ("upheld", True, None, None),
    ),
    # "The complainant, Mrs X, complained the Council failed": her side, not a finding.
    (
        "Summary: The complainant, Mrs W complained the Council failed to clear a drain. We "
        "found the Council acted without fault in setting its priorities.",
        "lgsco_decision",
        ("not_upheld", False, None, None),
    ),
    # Not enough evidence that anything caused an injustice is no finding of one.
    (
        "Summary: We will not investigate. There is not enough evidence that anything the "
        "provider did caused injustice to Mr and Mrs P to warrant an investigation.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, False, None),
    ),
    # A report summary's "Finding" heading holds the finding.
    (
        "Summary: Mr K complained about reminders for his council tax.\nFinding\nThe Ombudsman "
        "upheld the complaint and found fault causing injustice.\nRecommendations\n- pay Mr K "
        "£200.",
        "lgsco_report",
        ("upheld", True, True, None),
    ),
    # "We have upheld Mr X's complaint"; "insignificant injustice".
    (
        "Summary: We have upheld Mr V's complaint about a delay. The Council has agreed to "
        "apologise.",
        "lgsco_decision",
        ("upheld", True, None, None),
    ),
    (
        "Summary: We will not investigate Ms Q's complaint about late minutes. There is "
        "insignificant injustice caused to her.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, False, None),
    ),
    # Fault found without the word: a flawed policy; unclear, contradictory responses.
    (
        "Summary: We consider the Council's charging policy is flawed, which has caused Mr U "
        "uncertainty.",
        "lgsco_decision",
        ("upheld", True, True, None),
    ),
    (
        "Summary: There was no fault in how the Council applied its scheme. However, the "
        "Council was unclear and contradictory in its replies to Ms Y's complaint.",
        "lgsco_decision",
        ("upheld", True, None, None),
    ),
    # "No sign that the fault caused an injustice" decides injustice: there was none.
    (
        "Summary: We will not investigate this complaint about a grant. There is no sign "
        "that any fault by the Council caused Mr P or his father a significant injustice.",
        "lgsco_decision",
        ("closed_after_initial_enquiries", None, False, None),
    ),
]


@pytest.mark.parametrize("text, document_type, expected", CASES)
def test_outcome(text, document_type, expected):
    ct = CleanText.from_string(text)
    found = find_outcome(ct, build_structure(ct), document_type)
    assert (found.decision, found.fault, found.injustice, found.maladministration) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Eastmoor District Council (23 004 117)\nCategory : Benefits and tax > Council tax\nDecision : Upheld\n"
            "Decision date : 27 Mar 2025\nThe Ombudsman's final decision:\nSummary: Mr X complained.",
            "lgsco_decision",
        ),
        (
            "Report to: Cabinet\nDate: 14 February 2024\nCabinet is asked to note the recommendations of the "
            "Local Government Ombudsman.",
            "committee_report",
        ),
        (
            "Agenda item\nThe Cabinet considered the Ombudsman's report.\nRESOLVED that the Report be noted.",
            "committee_minutes",
        ),
        (
            "Report by the Local Government and Social Care Ombudsman\nInvestigation into a complaint about Northfield "
            "County Council\nKey to names used\nRecommendations",
            "lgsco_report",
        ),
        # The website's summary of a report: the header block, then the outcome on its own line.
        (
            "Eastmoor District Council (16 004 117)\nCategory : Education > School transport\n"
            "Decision : Upheld\nDecision date : 02 Aug 2017\nA mother complains the council left "
            "her son without transport.\nThe complaint\nShe says he missed a term.\nThe Ombudsman "
            "upheld the complaint and found fault causing injustice.\nTo remedy the injustice "
            "caused, the council has agreed to:",
            "lgsco_report",
        ),
        # ... with a spelling slip in that line.
        (
            "Ashby Moor District Council (20 004 553)\nSummary: Ms D complained about her "
            "bill.\nFinding\nThe Ombudsman upheld the complaint and found fault causing "
            "injutice.\nRecommendations",
            "lgsco_report",
        ),
        # A copy with the decision's headings but no header block.
        (
            "Summary\nMs A complains about a neighbour's extension. The Ombudsman will not "
            "investigate.\nThe complaint\nMs A complains about the extension.\nThe Ombudsman's "
            "role and powers\nThe Ombudsman investigates complaints.",
            "lgsco_decision",
        ),
        # A meeting system's page for a report to come.
        (
            "Issue details\nCouncil response to a draft further report from the Local "
            "Government and Social Care Ombudsman\nThe Cabinet will be asked to consider it.",
            "committee_report",
        ),
        # A chapter of a report on the website: the decision's header block, a report's body.
        (
            "Fenwick Borough Council (24 003 118)\nCategory : Housing > Allocations\nDecision : Upheld\n"
            "Decision date : 2 May 2025\nThe Investigation\nThe complaint\n1. Mr T complained.\n"
            "Legal and administrative background\nThe Ombudsman's role and powers\n2. In this report, we have "
            "used the word fault for these.",
            "lgsco_report",
        ),
        # A report's web summary: the decision's header block, then its key to names.
        (
            "Ashby Moor Council (25 004 310)\nCategory : Housing > Repairs\nDecision : Upheld\n"
            "Decision date : 9 Jun 2025\nOverview:\nKey to names used\nMr S The complainant\n"
            "Summary\nMr S complained about damp.",
            "lgsco_report",
        ),
        ("A shopping list: eggs, bread and milk.", "other"),
    ],
)
def test_document_type(text, expected):
    assert find_document_type(CleanText.from_string(text))[0] == expected
