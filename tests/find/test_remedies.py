"""Remedy kinds, wherever a document states them. Every text here is written for these tests,
in the phrasing classes seen on published pages (summaries, prose remedy sections, minutes)."""

import pytest

from decision_parser.document import CleanText
from decision_parser.find.remedies import find_remedies, kinds_in
from decision_parser.structure import build_structure


def kinds(text: str, document_type: str = "lgsco_decision") -> list[str]:
    ct = CleanText.from_string(text)
    found = find_remedies(build_structure(ct), document_type)
    for finding in found:  # evidence points at the sentence that names the kind
        assert finding.start <= finding.cue[0] < finding.cue[1] <= finding.end
    return sorted({f.action for f in found})


# (text, document type, expected kinds)
CASES = [
    # Summaries: every kind the sentence names, not only the first.
    (
        "Summary: We found fault. The Council has agreed to make a payment to Mr N and to "
        "send him a written apology.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    (
        "Summary: The Council was at fault. It should apologise and pay Ms J £250.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    (
        "Summary: There was fault. The remedy comprises an apology and a symbolic payment.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    (
        "Summary: We recommended the Council apologises, reconsiders its decision on Mrs G's "
        "allowance and acts to prevent recurrence.",
        "lgsco_decision",
        ["apology", "review", "service_improvement"],
    ),
    (
        "Summary: The Council agreed to reassess the charges and give its staff training on "
        "financial assessments.",
        "lgsco_decision",
        ["review", "service_improvement"],
    ),
    (
        "Summary: To remedy the injustice, the Council will arrange a new assessment of Mr H's "
        "care needs.",
        "lgsco_decision",
        ["provision"],
    ),
    # Remedies already made count; remedies only asked for, refused or missed do not.
    (
        "Summary: We will not investigate. The Council has already apologised and refunded "
        "the fee.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    (
        "Summary: Mrs D complains the Council refused to pay for her taxi fares. She wants an "
        "apology.",
        "lgsco_decision",
        [],
    ),
    (
        "Summary: The Council failed to provide the support in the plan and did not apologise "
        "when it should have done.",
        "lgsco_decision",
        [],
    ),
    (
        "Summary: If the Council had reviewed the case sooner, it might have paid the grant.",
        "lgsco_decision",
        [],
    ),
    (
        "Summary: We will not investigate this complaint about a parking fine. Mr T could "
        "appeal to the tribunal.",
        "lgsco_decision",
        [],
    ),
    # The legal boilerplate names remedies in every decision; it is not one.
    (
        "The Ombudsman's role and powers\nIf there has been fault which has caused an "
        "injustice, we may suggest a remedy such as an apology or a payment.",
        "lgsco_decision",
        [],
    ),
    # Prose under a bare "Action" heading, and a list under a framed lead-in.
    (
        "Action\nWithin four weeks the Council will write to Miss P to say sorry and refund the "
        "£80 she paid.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    (
        "Summary: We found fault.\nThe complaint\nMr B says the Council was slow.\n"
        "Agreed action\nThe Council will:\n- review how it logs repair requests;\n"
        "- remind call handlers to record each report.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    # "review its procedure" is a service improvement, "review its decision" a review.
    (
        "Summary: The Council will review its procedure for home visits and review its "
        "decision on Mr O's application.",
        "lgsco_decision",
        ["review", "service_improvement"],
    ),
    # A committee paper about one case records what was done in its own words.
    (
        "Minutes:\nThe officer reported that a cheque for compensation had been sent to Ms F "
        "and that staff had been briefed on the lessons learnt.",
        "committee_minutes",
        ["payment", "service_improvement"],
    ),
    (
        "Decision:\nResolved: That the Cabinet considered the Ombudsman's report under "
        "section 31 of the Local Government Act 1974.",
        "committee_minutes",
        ["report"],
    ),
    # An annual review paper is about many cases and none: it needs a frame.
    (
        "Annual review letter 2024\nThe Committee received the Ombudsman's annual review "
        "letter. The letter provided a summary of the complaints decided.",
        "committee_report",
        [],
    ),
    # Wider action stated as 'take action to address its failings', and writing to others.
    (
        "Summary: The Council agreed to say sorry to Mrs P in writing, take action to address "
        "the failings in its repairs service and contact all other tenants awaiting repairs "
        "about their options.",
        "lgsco_decision",
        ["apology", "service_improvement"],
    ),
    # Answering a query is information for the complainant now.
    (
        "Summary: We recommended the Council answers the outstanding questions about Mr D's "
        "rent account.",
        "lgsco_decision",
        ["provision"],
    ),
    # A remedy already made, and relief awarded on a bill, which is a financial remedy.
    (
        "Summary: The injustice to Ms R has already been remedied by the Council's later "
        "actions, including an apology. It has also awarded backdated council tax relief.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    # A paper that itself gives details, or copies of itself to members, provides nothing.
    (
        "Meeting: 3 March 2025 - Cabinet (Item 7)\nDecision:\nThis report provides details of a "
        "complaint the Ombudsman upheld. Members will be provided in confidence with a copy of "
        "the Ombudsman's report.",
        "committee_minutes",
        [],
    ),
    # Policies that were reviewed are a wider change, not a review of the complainant's case.
    (
        "Minutes:\nThe Leader said the Council had paid Mr W £900 after the Ombudsman's "
        "decision, and its policies had been reviewed so that it would not happen again.",
        "committee_minutes",
        ["payment", "service_improvement"],
    ),
    # Spellings: 'reoccurrence' and 'recurrence', 're-consider'.
    (
        "Summary: The Council will say sorry to Mr Q and act to prevent reoccurrence.",
        "lgsco_decision",
        ["apology", "service_improvement"],
    ),
    (
        "Summary: We have agreed a remedy to re-consider Ms U's application for a permit, and "
        "the Council will take steps to prevent a recurrence.",
        "lgsco_decision",
        ["review", "service_improvement"],
    ),
    # A complaint dealt with again is a review of the case; checking other children is wider.
    (
        "Summary: The Council has agreed to complete a new stage two investigation of Mr K's "
        "complaint and to carry out an audit of children missing education in its area.",
        "lgsco_decision",
        ["review", "service_improvement"],
    ),
    # Minutes record that the committee considered or noted the Ombudsman's report (the
    # statutory duty), in the passive.
    (
        "Minutes:\nRESOLVED: That the Ombudsman's report on the housing complaint and the "
        "officers' response be noted.",
        "committee_minutes",
        ["report"],
    ),
    (
        "Minutes:\nThe report of the Local Government Ombudsman was considered by the panel "
        "with the Director's reply.",
        "committee_minutes",
        ["report"],
    ),
    # What a paper's readers did, what the law requires and what was missed provide nothing.
    (
        "Minutes:\nMembers asked questions and provided comments on the Ombudsman's findings. The "
        "failings "
        "meant missed opportunities to provide support, and the Council has a statutory duty "
        "to provide transport to such learners.",
        "committee_minutes",
        [],
    ),
    # A new decision is a review, not a service; the Ombudsman's remedies guidance is boilerplate.
    (
        "Summary: The Council should reconsider the application, providing a new decision and "
        "fresh appeal rights. We publish guidance on remedies which sets out how organisations "
        "should apologise and improve their services.",
        "lgsco_decision",
        ["review"],
    ),
    # A review of what earlier investigations led to is a wider change; 'under close review'
    # is watching, not a remedy; an updated assessment of needs is a re-assessment.
    (
        "Minutes:\nRESOLVED: that officers commission a review of the agreed actions arising "
        "from the previous Ombudsman investigations, and keep homelessness cases under close "
        "review.",
        "committee_minutes",
        ["service_improvement"],
    ),
    (
        "Summary: The Council has agreed to complete an updated assessment of Z's needs.",
        "lgsco_decision",
        ["review"],
    ),
    # A fresh assessment of what the person is due is a review of the decision.
    (
        "Summary: The Council agreed to say sorry, pay Mr B £150 and assess his correct "
        "housing benefit entitlement.",
        "lgsco_decision",
        ["apology", "payment", "review"],
    ),
    (
        "Summary: The Council invited Mrs D to make a fresh application, and it has now "
        "backdated the payments.",
        "lgsco_decision",
        ["payment", "review"],
    ),
    # The Ombudsman's recommendation after a finding in the same sentence.
    (
        "Summary: The Ombudsman finds fault in the handling of the grant and recommends it "
        "apologises and pays Ms T £350.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    # A review named as a document is not a review of the case.
    (
        "Summary: The Council should apologise and show it has acted on the findings of the "
        "Safeguarding Adults Review.",
        "lgsco_decision",
        ["apology"],
    ),
    # Finalising a scheme of works or a plan for the person is providing it.
    (
        "Summary: The Council has agreed to finalise the adaptations scheme for Mr R's "
        "bathroom within six weeks.",
        "lgsco_decision",
        ["provision"],
    ),
    # What the apology was for is not a remedy of its own.
    (
        "Summary: There was fault. The Council has since apologised for ending the payments.",
        "lgsco_decision",
        ["apology"],
    ),
    # Steps already taken, after other things already done.
    (
        "Summary: We will not investigate. The Council has already accepted the complaint, "
        "apologised and taken steps to improve its communications.",
        "lgsco_decision",
        ["apology", "service_improvement"],
    ),
    # Two bodies as the subject.
    (
        "Summary: The organisations have agreed to apologise to Mrs W and pay her £300.",
        "lgsco_decision",
        ["apology", "payment"],
    ),
    # "Without delay" negates nothing.
    (
        "Summary: The Council has agreed to fix the roof without delay and make a payment to "
        "Mr E.",
        "lgsco_decision",
        ["payment"],
    ),
    # Restoring a service for everyone is a wider change; something provided to the
    # complainant is provision.
    (
        "Summary: The Council has since apologised, provided the missed collection to Ms V "
        "and taken steps to resume its bulky waste service.",
        "lgsco_decision",
        ["apology", "provision", "service_improvement"],
    ),
    # A new panel for the appeal is the review, not a service provided.
    (
        "Summary: The Council has agreed to arrange a fresh panel to hear Mr L's appeal.",
        "lgsco_decision",
        ["review"],
    ),
    # What a procedure is for is not a remedy of its own.
    (
        "Summary: The Council will review its procedures for arranging transport to school.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    # Doing or carrying out assessments for the person is providing them.
    (
        "Summary: The Council will look at the application again and do a home-based "
        "occupational therapy assessment.",
        "lgsco_decision",
        ["provision", "review"],
    ),
    (
        "Summary: The Council agreed to carry out the outstanding carer's assessments now.",
        "lgsco_decision",
        ["provision"],
    ),
    (
        "Summary: The Council has agreed to invite the family to take part in a further "
        "assessment.",
        "lgsco_decision",
        ["review"],
    ),
    # A second verb with its own auxiliary: the earlier "not" does not reach it.
    (
        "Summary: We will not investigate. The Council accepts the sessions were not "
        "delivered and has now arranged catch-up sessions.",
        "lgsco_decision",
        ["provision"],
    ),
    # An audit "to check if there has been fault" elsewhere is not the Act's test.
    (
        "Summary: The Council will train its officers and audit its files to check if there "
        "has been fault in other applications.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    (
        "Summary: We find fault. The agreed actions of an apology, £200 and tighter checks on "
        "repairs are a suitable remedy.",
        "lgsco_decision",
        ["apology", "payment", "service_improvement"],
    ),
    (
        "Summary: The Council has agreed to meet part of the removal costs for Mrs U.",
        "lgsco_decision",
        ["payment"],
    ),
    # A request to the Council, after which the remedies are listed with gerunds.
    (
        "Summary: We will not investigate. We asked the Council to consider remedying the "
        "injustice by issuing its stage two response within a month and paying Mr Z £100.",
        "lgsco_decision",
        ["payment", "provision"],
    ),
    (
        "Summary: The Council should send Ms P's appeal to the First-tier Tribunal now.",
        "lgsco_decision",
        ["provision"],
    ),
    # What the Council provides for the person; a right of review; training for all staff.
    (
        "Summary: The Council will provide a taxi for K to the school named in the plan.",
        "lgsco_decision",
        ["provision"],
    ),
    (
        "Summary: The Council has agreed to provide a right of review of the suitability "
        "decision.",
        "lgsco_decision",
        ["review"],
    ),
    (
        "Summary: The Council agreed that refresher training is provided jointly for all "
        "officers in the team.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    # Reinstating a relief or discount is money owed, not a service.
    (
        "Summary: It agreed to reinstate the small business rate relief and refund the "
        "difference.",
        "lgsco_decision",
        ["payment"],
    ),
    # What the Council pays as a matter of course is not a payment remedy.
    (
        "Summary: The Council has agreed to carry out a further reassessment of the allowance it "
        "pays to Mrs F.",
        "lgsco_decision",
        ["review"],
    ),
    # Considering again is a review; meeting someone's needs is not a meeting.
    (
        "Summary: The Council will remedy this by apologising and considering again what help "
        "it can give Mr O to meet his assessed needs.",
        "lgsco_decision",
        ["apology", "review"],
    ),
    # A prediction about the Ombudsman's own work frames nothing.
    (
        "Summary: We will not investigate. This is because the Council has investigated the "
        "complaint and it is unlikely further investigation by us will achieve more.",
        "lgsco_decision",
        [],
    ),
    # The Ombudsman's guidance is not the Council's; procedural recommendations are.
    (
        "Summary: The Council agreed to pay Ms N £400, in line with our published guidance on "
        "remedies, and accepted our procedural recommendations.",
        "lgsco_decision",
        ["payment", "service_improvement"],
    ),
    # What a wider change is for is part of it.
    (
        "Summary: The Council will review its procedures to ensure reviews of placements happen "
        "on time.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    (
        "Summary: The Council will remind staff of the rules so that payments are made on time, "
        "and pay Mr A £100.",
        "lgsco_decision",
        ["payment", "service_improvement"],
    ),
    # Finishing its own investigation and telling the person the outcome; completing the
    # person's support plan.
    (
        "Summary: The Council will also complete its investigation and inform Mr G of the "
        "outcome.",
        "lgsco_decision",
        ["provision"],
    ),
    (
        "Summary: The Council has agreed to complete Mrs B's care plan within a month.",
        "lgsco_decision",
        ["provision"],
    ),
    # Everyone affected; how often a service is done; steps it needs to take; procedures
    # revised without a determiner.
    (
        "Summary: The Council will refund the shortfall for all carers affected.",
        "lgsco_decision",
        ["payment", "service_improvement"],
    ),
    (
        "Summary: The Council should consider how often the drains need clearing.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    (
        "Summary: It will consider what steps it needs to take to reduce waiting times.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    (
        "Summary: The Council apologised and revised procedures before we became involved.",
        "lgsco_decision",
        ["apology", "service_improvement"],
    ),
    # A new internal appeal, a rehearing, a complaint considered further: reviews.
    (
        "Summary: We will not investigate, because the Council agreed to hold a new internal "
        "appeal.",
        "lgsco_decision",
        ["review"],
    ),
    (
        "Summary: The Council agreed to arrange a rehearing of Mr W's appeal before a new "
        "panel.",
        "lgsco_decision",
        ["review"],
    ),
    (
        "Summary: The Council has agreed to consider her complaint further at stage two.",
        "lgsco_decision",
        ["review"],
    ),
    # What a party told the Council, with an aside, is not a remedy.
    (
        "Summary: We upheld the complaint.\nWhat I found\nMr T, who has a heart condition, told "
        "the Council the flat it had provided was unsuitable and asked it to carry out a "
        "review.",
        "lgsco_decision",
        [],
    ),
    # Improving future service; monitoring the person's collections or service.
    (
        "Summary: The Council has accepted fault, apologised, and explained how it will "
        "improve future service.",
        "lgsco_decision",
        ["apology", "service_improvement"],
    ),
    (
        "Summary: The Council agreed to carry out monitoring to ensure it completes Mr L's "
        "collections, and further monitoring of Mrs J's service.",
        "lgsco_decision",
        ["provision"],
    ),
    # "review/create a procedure" is one wider change.
    (
        "Summary: It also agreed to review/create a procedure for large families.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    # When the apology was made is narrative; what the complainant chose to do is not a remedy.
    (
        "Summary: There was fault. The Council apologised to Ms C when it responded to her "
        "complaint.",
        "lgsco_decision",
        ["apology"],
    ),
    (
        "Summary: After his decision to arrange private tuition, the Council agreed to refund "
        "Mr H's costs.",
        "lgsco_decision",
        ["payment"],
    ),
    # What a wider change is about is part of it.
    (
        "Summary: It will review its guidance on home visits, arranging translators and "
        "recording decisions.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    # Clearing waste for the person; a copy of the notes; how it worked out the amount.
    (
        "Summary: The Council agreed to remove the dumped rubbish from the verge and monitor "
        "the site.",
        "lgsco_decision",
        ["provision"],
    ),
    (
        "Summary: The Council has agreed to provide an apology and a copy of the notes of the "
        "meeting.",
        "lgsco_decision",
        ["apology", "provision"],
    ),
    (
        "Summary: It should also confirm in writing how it has calculated the allowance.",
        "lgsco_decision",
        ["provision"],
    ),
    # A recommendation continued in the next sentence; delays addressed for everyone.
    (
        "Summary: We recommended the Council apologise to Mr B. Further, that it review its "
        "current practice.",
        "lgsco_decision",
        ["apology", "service_improvement"],
    ),
    (
        "Summary: The Council has agreed our recommendation to address the delays.",
        "lgsco_decision",
        ["service_improvement"],
    ),
    # Minutes: a decision presented to cabinet; the monitoring officer's duty to report.
    (
        "Minutes:\nTo present to Cabinet a recent Local Government Ombudsman decision about "
        "a parking complaint. Cabinet noted the decision.",
        "committee_minutes",
        ["report"],
    ),
]


@pytest.mark.parametrize("text, document_type, expected", CASES)
def test_remedy_kinds(text, document_type, expected):
    assert kinds(text, document_type) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "apologise, pay £300 and review its policy",
            ["apology", "payment", "service_improvement"],
        ),
        ("reconsider its duty to arrange alternative provision", ["review"]),
        ("provide Mrs X with an apology", ["apology"]),
        ("the Council failed to provide a place", []),
    ],
)
def test_kinds_in_a_framed_sentence(sentence, expected):
    assert sorted(kind for kind, _, _ in kinds_in(sentence)) == sorted(expected)
