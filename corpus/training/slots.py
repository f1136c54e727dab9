"""Slot fillers for the generator, written for this project.

Every pool comes in two halves: ``A`` feeds the train and dev splits, ``B`` only the held-out
split. Held-out sentences therefore name bodies, places, pseudonym letters and remedy wordings
that training never saw, so held-out scores measure generalisation rather than memory.
All names are invented; the naming *patterns* follow real English councils and providers.
"""

from __future__ import annotations

# --- places -------------------------------------------------------------------------------
PLACES = {
    "A": [
        "Eastmoor", "Harlow Vale", "Northfield", "Ashcombe", "Brackenridge", "Coldwater",
        "Dunmere", "Fairhaven", "Greystone", "Hollowmere", "Langmoor", "Marshgate", "Netherby",
        "Oakhurst", "Pennington Vale", "Queensmere", "Redcliffe Hill", "Saltmarsh", "Upperwick",
        "Westbrook", "South Eastmoor", "North Langmoor", "West Saltmarsh", "St Aldhelm",
        "Kings Barrow", "Upper Fenmoor", "Stoke-upon-Wyre", "Ravensholme", "Carrowdale",
        "Beckford Moor", "Thornleigh", "Mistley Cross",
    ],
    "B": [
        "Brinsworth Vale", "Calder Mead", "Dunholme Cross", "Everleigh", "Foxhollow",
        "Glenmarsh", "Hartwell Down", "Juniper Heath", "Larkspur", "Millbeck", "Norrow",
        "Pellingham", "Rookwood", "Stanmere", "Tillbrook", "Wrenfield", "Yarrowby", "St Edric",
        "East Hartwell", "Newton-on-Ouseby", "Cragmoor",
    ],
}

SURNAMES = {
    "A": [
        "Ashdown", "Bellamy", "Carrow", "Denholm", "Ellery", "Fairclough", "Garside",
        "Hawthorne", "Ingleby", "Jessop", "Kendrick", "Lowther", "Mayhew", "Pendle",
    ],
    "B": ["Lomax", "Marchant", "Nettleton", "Oldroyd", "Penrose", "Quayle", "Rushworth", "Sowerby"],
}

# Naming patterns. Shared ones appear on both sides; a few rarer shapes are held out.
COUNCIL_PATTERNS = {
    "A": [
        "{P} District Council", "{P} County Council", "{P} City Council", "{P} Borough Council",
        "London Borough of {P}", "{P} Council", "{P} Metropolitan Borough Council",
        "Royal Borough of {P}", "{P} and {P2} Council", "{P} Metropolitan District Council",
    ],
    "B": [
        "{P} District Council", "{P} County Council", "{P} Borough Council",
        "London Borough of {P}", "{P} Council", "City of {P} Council",
        "{P}, {P2} and {P3} Council", "{P} City Council",
    ],
}
PROVIDER_PATTERNS = {
    "A": [
        "{P} Care Homes Limited", "{S} Healthcare Ltd", "{S} Care Group", "{P} Living Limited",
        "{S} & {S2} Care Services Ltd", "{P} Homecare Limited", "{S} Care (UK) Limited",
    ],
    "B": [
        "{S} Care Limited", "{P} Nursing Homes Ltd", "{S} Homecare Services Limited",
        "The {S} Care Home Limited", "{S} Residential Care Ltd",
    ],
}
OTHER_BODY_PATTERNS = {
    "A": [
        "{P} Children's Trust", "{P} Integrated Care Board", "{P} Combined Authority",
        "{S} Enforcement Services Limited", "{P} Children's Services Trust",
    ],
    "B": [
        "{P} Fire and Rescue Authority", "{P} National Park Authority",
        "{S} Enforcement Agents Ltd", "{P} Children's Trust",
    ],
}

# Generic references: never labelled ORG (the organisation field wants a name).
GENERIC_ORG = {
    "A": ["the Council", "the Council", "the Council", "the council", "the Local Authority",
          "the Authority", "the local authority"],
    "B": ["the Council", "the Council", "the council", "the Local Authority", "the Authority"],
}
GENERIC_PROVIDER = ["the Care Provider", "the care provider", "the Provider"]

# Establishments, committees, regulators and officers: capitalised, never ORG or PARTY.
NOT_ORG = {
    "A": [
        "Hillside Academy", "St Mary's Primary School", "Meadowbank Care Home",
        "the Department for Education", "Ofsted", "the Care Quality Commission",
        "the First-tier Tribunal", "the Valuation Tribunal", "the Planning Inspectorate",
        "the Children and Young People Committee", "the Health and Adult Social Care Scrutiny "
        "Committee", "the Cabinet", "the Audit and Governance Committee",
        "the SEND Sub-Committee", "the Local Government and Social Care Ombudsman",
        "the Ombudsman", "the Director of Children's Services", "the Monitoring Officer",
    ],
    "B": [
        "Riverside Nursing Home", "Oak Tree Lodge", "Beacon Free School",
        "the Department of Health and Social Care", "the SEND Tribunal",
        "the Overview and Scrutiny Committee", "the Housing Panel",
        "the Corporate Director of Adult Services", "the Local Government Ombudsman",
        "the Standards Committee", "the Executive",
    ],
}
COUNCILLORS = {
    "A": ["Councillor Adeyemi", "Councillor Brooks", "Councillor Hart", "Councillor Patel",
          "Councillor Mrs Okafor", "Councillor Wilde", "Councillor Fenn"],
    "B": ["Councillor Grant", "Councillor Moss", "Councillor Ruiz", "Councillor Mrs Dale"],
}
OFFICERS = {
    "A": ["Helen Marsh", "David Okoro", "Priya Shah", "Tom Reeves", "Alison Byrne"],
    "B": ["Graham Tully", "Nadia Rahman", "Sue Whitlock"],
}
COMMITTEES = {
    "A": ["Cabinet", "Children and Young People Committee", "Adults and Health Committee",
          "Corporate Governance Committee", "Housing Scrutiny Panel", "Full Council",
          "Audit and Standards Committee"],
    "B": ["Executive", "Children's Services Scrutiny Board", "Place Overview Committee",
          "Resources Committee"],
}

# --- parties ------------------------------------------------------------------------------
TITLES = {"A": ["Mr", "Mrs", "Ms", "Miss"], "B": ["Mr", "Mrs", "Ms", "Miss", "Dr"]}
LETTERS = {
    "A": list("XYZBCDFGHJLMPRST"),
    # Held-out pseudonyms mostly use letters training never sees.
    "B": list("KNQWKNQWXYB"),
}
FEMALE_TITLES = {"Mrs", "Ms", "Miss"}
CHILD_NOUNS = {
    "A": ["son", "daughter", "child", "grandson", "stepson"],
    "B": ["granddaughter", "child", "son", "foster child"],
}
RELATIVE_NOUNS = {
    "A": ["mother", "father", "late mother", "husband", "wife", "brother"],
    "B": ["late father", "aunt", "partner", "sister"],
}
GENERIC_PARTY = {
    "A": ["the parent", "the parents", "the family", "the complainant", "the tenant",
          "the resident"],
    "B": ["the young person", "the applicant", "the claimant", "the carer"],
}

# --- money, time --------------------------------------------------------------------------
AMOUNTS = [100, 150, 200, 250, 300, 350, 400, 500, 600, 750, 800, 900, 1000, 1200, 1250,
           1500, 1800, 2000, 2400, 2500, 3000, 3250, 4000, 4800, 5500, 6650, 16400]
DEADLINES = {
    "A": [
        "Within one month of the final decision", "Within one month of our final decision",
        "Within four weeks of the final decision", "Within one month of the date of this decision",
        "Within three months of the final decision", "Within two months of our final decision",
        "Within one month of my final decision",
    ],
    "B": [
        "Within 20 working days of the final decision", "Within six weeks of my decision",
        "No later than one month after the final decision", "Within eight weeks of this decision",
        "By the end of March 2025",
    ],
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November", "December"]

# --- remedies -----------------------------------------------------------------------------
# (actions, area, base-form phrase). The whole phrase becomes one REMEDY span. Slots:
# {p} the person remedied ("Mrs X", "the family"), {obj} a pronoun ("her"), {pos} possessive
# ("her", "Mrs X's"), {child} the child ("Y"), {cpos} the child's possessive, {amt} money.
# area: any, edu, care, housing, planning, tax, highways, children.
REMEDIES = {
    "A": [
        ("apology", "any", "apologise to {p}"),
        ("apology", "any", "apologise in writing to {p}"),
        ("apology", "any", "send {p} a written apology"),
        ("apology", "any", "provide {p} with a written apology"),
        ("apology", "any", "make a written apology to {p}"),
        ("apology", "any", "write to {p} to apologise"),
        ("apology", "any", "give {p} a meaningful apology"),
        ("apology", "any", "apologise"),
        ("apology", "any", "apologise to {p} and {child}"),
        ("payment", "any", "pay {p} {amt}"),
        ("payment", "any", "pay {obj} {amt}"),
        ("payment", "any", "pay {amt} to {p}"),
        ("payment", "any", "make a symbolic payment of {amt} to {p}"),
        ("payment", "any", "make a payment of {amt} to {p}"),
        ("payment", "any", "offer {p} a symbolic payment of {amt}"),
        ("payment", "any", "make a payment to {p}"),
        ("payment", "any", "pay {p} a further {amt}"),
        ("payment", "any", "pay the family"),
        ("payment", "any", "pay an additional sum"),
        ("payment", "tax", "write off {amt} of council tax arrears"),
        ("payment", "tax", "refund the enforcement fees of {amt} charged to {pos} account"),
        ("payment", "care", "refund {p} {amt}"),
        ("payment", "care", "waive the outstanding care charges of {amt}"),
        ("payment", "care", "reimburse {p} for the care fees paid since {month}"),
        ("payment", "edu", "reimburse {p} for the cost of the private educational psychologist "
                           "report"),
        ("payment", "housing", "reimburse {p} for the cost of storing {pos} belongings"),
        ("payment", "edu", "pay {p} {amt} for each term of missed provision"),
        ("provision", "edu", "arrange alternative provision for {child}"),
        ("provision", "edu", "issue {child} a final EHC plan with the amendments"),
        ("provision", "edu", "issue a final EHC plan"),
        ("provision", "edu", "make sure {child} receives everything in section F of {cpos} plan"),
        ("provision", "edu", "secure a suitable school place for {child}"),
        ("provision", "edu", "arrange one-to-one tuition for {child}"),
        ("provision", "edu", "prepare a plan setting out how {child} will get back into "
                          "education"),
        ("provision", "edu", "name a suitable school in section I of {cpos} plan"),
        ("provision", "edu", "provide home-to-school transport for {child}"),
        ("provision", "housing", "offer {p} suitable temporary accommodation"),
        ("provision", "housing", "issue {p} with a personalised housing plan"),
        ("provision", "housing", "carry out the outstanding repairs to {pos} home"),
        ("provision", "care", "put in place a care package that meets {pos} needs"),
        ("provision", "care", "arrange respite care for {p}"),
        ("provision", "care", "provide {p} with a copy of the care and support plan"),
        ("provision", "care", "provide {p} with a breakdown of the charges"),
        ("provision", "children", "provide the short breaks set out in {cpos} plan"),
        ("provision", "children", "arrange the support set out in the special guardianship "
                                  "support plan"),
        ("provision", "highways", "carry out the drainage works it agreed with {p}"),
        ("provision", "highways", "write to {p} explaining what it will do to resolve the "
                                  "flooding"),
        ("provision", "planning", "give {p} a written explanation of how it considered the "
                                  "impact on {pos} home"),
        ("review", "any", "review {pos} case"),
        ("review", "housing", "reconsider {pos} housing application"),
        ("review", "any", "reconsider its decision to refuse {pos} application"),
        ("review", "care", "carry out a new assessment of {pos} care needs"),
        ("review", "housing", "reassess {pos} priority banding"),
        ("review", "edu", "ask an officer who has not worked on the case to oversee "
                          "what happens next"),
        ("review", "edu", "arrange an annual review of {cpos} EHC plan"),
        ("review", "children", "review the support it provides to {p}"),
        ("review", "care", "reconsider {pos} request for direct payments"),
        ("review", "tax", "review the charges applied to {pos} account"),
        ("review", "housing", "carry out a fresh review of the suitability of {pos} "
                              "accommodation"),
        ("review", "care", "complete a financial assessment for {p}"),
        ("review", "planning", "reconsider whether enforcement action is expedient"),
        ("service_improvement", "edu", "remind staff of the statutory timescales for issuing EHC "
                                       "plans"),
        ("service_improvement", "any", "remind officers of the need to keep proper records of "
                                       "decisions"),
        ("service_improvement", "housing", "review its procedures for handling homelessness "
                                           "applications"),
        ("service_improvement", "any", "provide training to relevant staff on complaint "
                                       "handling"),
        ("service_improvement", "any", "share the learning from this complaint with relevant "
                                       "staff"),
        ("service_improvement", "care", "issue guidance to social workers on explaining charges "
                                        "before care starts"),
        ("service_improvement", "care", "review its policy on charging for respite care"),
        ("service_improvement", "care", "update its website so the information about care fees "
                                        "is consistent"),
        ("service_improvement", "edu", "review how the SEND team handles our requests for information"),
        ("service_improvement", "edu", "keep a note of every placement panel decision"),
        ("service_improvement", "any", "amend its complaints procedure so that stage two "
                                       "responses are sent on time"),
        ("service_improvement", "edu", "remind elective home education officers to consider "
                                       "school attendance orders"),
        ("service_improvement", "edu", "develop an action plan to reduce delays in obtaining "
                                       "educational psychology advice"),
        ("service_improvement", "planning", "remind planning officers to record site visits"),
        ("service_improvement", "highways", "review how it prioritises reported highway "
                                            "defects"),
        ("service_improvement", "tax", "remind its enforcement agents of the need to respond to "
                                       "complaints"),
        ("report", "any", "consider the report at a meeting of its {committee}"),
        ("report", "any", "present this report to the {committee}"),
        ("report", "any", "report back to the Ombudsman on the action it has taken"),
        ("report", "any", "let us know within three months what it has done or means to do"),
        ("report", "any", "tell us what steps it will take to prevent this happening again"),
        ("report", "any", "place a public notice about this report in local newspapers"),
        ("report", "any", "consider this report and confirm the action it proposes to take"),
        ("apology+payment", "any", "apologise to {p} and make a symbolic payment of {amt}"),
        ("apology", "any", "apologise to {p} for the way it handled the complaint"),
        ("apology", "any", "send a letter of apology to {p}"),
        ("apology", "any", "arrange for the Director to write to {p} with an apology"),
        ("apology", "any", "acknowledge its faults and apologise to {p}"),
        ("apology", "any", "provide an apology to {p}"),
        ("apology", "any", "make a meaningful apology"),
        ("payment", "any", "make a financial payment of {amt} to {p}"),
        ("payment", "any", "pay {p} {amt} in recognition of the distress"),
        ("payment", "any", "make a time and trouble payment of {amt}"),
        ("payment", "any", "pay {obj} a further sum of {amt}"),
        ("payment", "care", "refund the charges {p} paid for the period of the delay"),
        ("payment", "care", "cancel the invoice for {amt}"),
        ("payment", "tax", "remove the court costs of {amt} from {pos} account"),
        ("payment", "tax", "cancel the penalty charge and refund the {amt} paid"),
        ("payment", "housing", "pay {p} {amt} for each month spent in unsuitable accommodation"),
        ("payment", "edu", "pay {p} {amt} for the education {child} missed"),
        ("payment", "children", "pay the special guardianship allowance arrears of {amt}"),
        ("payment", "children", "make a backdated payment of {amt} to {p}"),
        ("payment", "highways", "meet the cost of the repairs to {pos} driveway"),
        ("payment", "planning", "repay the planning application fee of {amt}"),
        ("provision", "edu", "provide {child} with a tutor for ten hours a week"),
        ("provision", "edu", "complete the EHC needs assessment for {child}"),
        ("provision", "edu", "finalise {cpos} EHC plan"),
        ("provision", "edu", "put the speech and language therapy in {cpos} plan in place"),
        ("provision", "housing", "make {p} an offer of suitable accommodation"),
        ("provision", "housing", "move {p} to accommodation suitable for a wheelchair user"),
        ("provision", "housing", "complete the adaptations to {pos} bathroom"),
        ("provision", "care", "arrange a carer's assessment for {p}"),
        ("provision", "care", "reinstate {pos} care package"),
        ("provision", "care", "send {p} a copy of the safeguarding outcome"),
        ("provision", "children", "give {p} a copy of the child and family assessment"),
        ("provision", "children", "provide {p} with a support plan"),
        ("provision", "highways", "repair the defect in the footway outside {pos} home"),
        ("provision", "highways", "clear the blocked gully on {pos} road"),
        ("provision", "planning", "take the enforcement action it decided on in {month}"),
        ("provision", "tax", "correct {pos} council tax account"),
        ("provision", "tax", "send {p} a corrected council tax bill"),
        ("review", "any", "reconsider {pos} complaint at stage two"),
        ("review", "edu", "review whether {child} needs a specialist placement"),
        ("review", "edu", "reconsider {pos} request for an EHC needs assessment"),
        ("review", "care", "review {pos} care and support plan"),
        ("review", "care", "carry out a fresh financial assessment"),
        ("review", "housing", "review the suitability of the temporary accommodation"),
        ("review", "housing", "reconsider whether it owes {p} the main housing duty"),
        ("review", "children", "reconsider {pos} request for financial support"),
        ("review", "children", "carry out a new assessment of {cpos} needs"),
        ("review", "tax", "reconsider {pos} claim for council tax support"),
        ("review", "highways", "reinspect the road outside {pos} home"),
        ("review", "planning", "review the planning conditions on the site"),
        ("service_improvement", "any", "remind staff to respond to complaints within the "
                                       "published timescales"),
        ("service_improvement", "any", "give training to its complaints officers"),
        ("service_improvement", "any", "review its complaints procedure"),
        ("service_improvement", "any", "remind officers to keep records of telephone calls"),
        ("service_improvement", "edu", "review its processes so EHC plans are issued within 20 "
                                       "weeks"),
        ("service_improvement", "edu", "remind caseworkers to consider its section 19 duty"),
        ("service_improvement", "edu", "provide guidance to schools on reduced timetables"),
        ("service_improvement", "care", "remind social workers to give people clear information "
                                        "about charges"),
        ("service_improvement", "care", "review its guidance on deprivation of liberty "
                                        "authorisations"),
        ("service_improvement", "housing", "remind housing officers to issue personalised housing "
                                           "plans"),
        ("service_improvement", "housing", "train staff on the suitability of interim "
                                           "accommodation"),
        ("service_improvement", "children", "review its special guardianship allowance policy"),
        ("service_improvement", "tax", "review how it checks accounts before passing them to "
                                       "enforcement agents"),
        ("service_improvement", "highways", "remind inspectors of its highway safety policy"),
        ("service_improvement", "planning", "remind officers to put up site notices where "
                                            "neighbours can see them"),
        ("service_improvement", "any", "create an action plan to improve its response times"),
        ("service_improvement", "any", "monitor the new procedure for six months"),
        ("report", "any", "report to the Ombudsman on the outcome of its review"),
        ("report", "any", "provide the Ombudsman with an update on the service improvements"),
        ("report", "any", "present the Ombudsman's report to its {committee}"),
        ("report", "any", "take this report to the {committee}"),
        ("report", "any", "give us details of the action it has taken to improve its service"),
        ("report", "any", "confirm to the Ombudsman the action it has taken"),
    ],
    "B": [
        ("apology", "any", "offer {p} a full apology"),
        ("apology", "any", "issue a formal apology to {p}"),
        ("apology", "any", "apologise personally to {p}"),
        ("apology", "any", "arrange for a senior manager to apologise to {p}"),
        ("payment", "any", "award {p} {amt}"),
        ("payment", "tax", "remit {amt} of the arrears on {pos} account"),
        ("payment", "children", "backdate {pos} allowance to {month} and pay the arrears"),
        ("payment", "care", "repay the {amt} deposit to {p}"),
        ("payment", "housing", "credit {amt} to {pos} rent account"),
        ("payment", "any", "offer {p} {amt}"),
        ("payment", "edu", "compensate {p} with {amt} for the missed tuition"),
        ("provision", "edu", "find a specialist placement for {child}"),
        ("provision", "edu", "provide {child} with full-time education"),
        ("provision", "housing", "secure interim accommodation for {p}"),
        ("provision", "care", "restore {pos} direct payments"),
        ("provision", "care", "fit the adaptations recommended by the occupational therapist"),
        ("provision", "children", "allocate a social worker to {child}"),
        ("provision", "highways", "resurface the footway outside {pos} home"),
        ("review", "any", "look again at {pos} request"),
        ("review", "children", "reassess the allowance it pays to {p}"),
        ("review", "planning", "re-open its enforcement investigation"),
        ("review", "edu", "hold an early annual review"),
        ("review", "care", "carry out a new carer's assessment for {p}"),
        ("review", "tax", "reconsider {pos} application for a discretionary reduction"),
        ("service_improvement", "any", "introduce a tracker to monitor complaint deadlines"),
        ("service_improvement", "edu", "audit a sample of recent EHC plans to check they are "
                                       "issued on time"),
        ("service_improvement", "any", "circulate a briefing note to frontline staff"),
        ("service_improvement", "edu", "recruit additional caseworkers to reduce the backlog"),
        ("service_improvement", "housing", "revise its template letters so they explain review "
                                           "rights"),
        ("service_improvement", "care", "train its staff on the Care Act charging rules"),
        ("report", "any", "bring this report to the attention of its {committee}"),
        ("report", "any", "send us a copy of its improvement plan"),
        ("report", "any", "publish a notice about this report on its website"),
        ("report", "any", "update the Ombudsman on its progress"),
    ],
}

# Noun-phrase remedies ("an apology and a symbolic payment").
NOMINAL_REMEDIES = {
    "A": [
        ("apology", "an apology"), ("apology", "a written apology to {p}"),
        ("apology", "an apology to {p}"), ("payment", "a symbolic payment of {amt}"),
        ("payment", "a payment of {amt} to {p}"), ("payment", "a financial remedy"),
        ("payment", "a payment to reflect the upset caused"), ("payment", "{amt}"),
        ("review", "a fresh assessment"), ("review", "a review of {pos} case"),
        ("service_improvement", "service improvements"),
        ("service_improvement", "staff training"),
        ("service_improvement", "reminders to staff"),
        ("service_improvement", "a review of its procedures"),
        ("provision", "alternative provision for {child}"),
        ("provision", "a suitable offer of accommodation"),
        ("report", "a report to its {committee}"),
    ],
    "B": [
        ("apology", "a formal apology"), ("payment", "compensation of {amt}"),
        ("payment", "a refund of the charges"), ("review", "a reassessment of {pos} needs"),
        ("service_improvement", "officer training"),
        ("service_improvement", "changes to its practice"),
        ("provision", "a tutor for {child}"),
        ("report", "an update to the Ombudsman"),
    ],
}

# Unlabelled tails that follow a remedy: purpose, reason, manner.
TAILS = {
    "apology": {
        "A": ["for the faults identified", "for the distress caused",
              "for the delay in dealing with {pos} complaint", "for the impact on the family",
              "for the poor communication"],
        "B": ["for the avoidable uncertainty", "for the failings set out in this statement"],
    },
    "payment": {
        "A": ["to acknowledge the avoidable distress caused", "for the time and trouble",
              "to recognise the lost education", "for the frustration caused by the delay",
              "in recognition of the uncertainty", "to reflect the impact on the family"],
        "B": ["to recognise the injustice", "as a symbolic remedy for the distress"],
    },
    "provision": {
        "A": ["without further delay", "in line with the statutory guidance",
              "and tell {p} when this will happen"],
        "B": ["as soon as possible", "by the end of next term"],
    },
    "review": {
        "A": ["and tell {p} the outcome", "and explain its decision in writing",
              "taking account of the new evidence"],
        "B": ["and give reasons for its decision", "within the statutory timescale"],
    },
    "service_improvement": {
        "A": ["so this does not happen again", "to prevent a recurrence",
              "and tell us what it has done"],
        "B": ["to stop similar faults happening", "so that others are not affected"],
    },
    "report": {
        "A": ["within three months", "and send us the minutes"],
        "B": ["within 12 weeks", "once it has been agreed"],
    },
}

HARMS = {
    "A": ["distress", "frustration", "uncertainty", "time and trouble", "a loss of education",
          "avoidable stress", "a financial loss"],
    "B": ["worry", "inconvenience", "lost opportunity", "avoidable upset"],
}

# Document furniture: headings, teams and labels in Title Case that are not ORG.
TITLE_CASE_UNITS = {
    "A": ["Democratic Services", "Inclusive Learning Services", "Customer Complaints Team",
          "Children's Services Department", "High Cost Placement Panel", "Fair Access Panel",
          "SEND Casework Team", "Housing Options Service", "Adult Social Care Finance Team",
          "Highways Inspection Team", "Development Management"],
    "B": ["Legal Services", "Early Help Hub", "Revenues and Benefits Service",
          "Quality Assurance Unit", "Placement Review Group", "Business Support"],
}
HEADINGS = {
    "A": ["Financial Implications", "Legal Implications", "Reasons for Recommendations",
          "Equality Impact and Considerations", "What Was Learnt / Changes To Procedure",
          "Background Documents", "Alignment with Corporate Priorities", "Summary",
          "Contact Details", "Risk Management", "Recommendation(s)", "Introduction",
          "Actions on the Recommendations", "Links with the Corporate Priorities"],
    "B": ["Resource Implications", "Consultation", "Appendices", "Purpose of the Report",
          "Environmental Impact", "Next Steps", "Governance"],
}
