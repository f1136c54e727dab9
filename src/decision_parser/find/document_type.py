"""What kind of document this is: an Ombudsman decision or report, or a committee paper.

Each type has cue phrases with weights; the highest total wins. Cues are counted once each, so
one long quotation cannot outvote the document's own furniture (cover sheet, headings).
"""

from __future__ import annotations

import re

from ..document import CleanText

CUES: dict[str, list[tuple[str, int]]] = {
    "lgsco_decision": [
        (r"^\s*The Ombudsman[’']s final decision", 5),
        (r"^\s*Decision date\s*:", 4),
        (r"^\s*Decision\s*:\s*(upheld|not upheld|closed)", 4),
        (r"^\s*Category\s*:", 2),
        (r"^\s*Agreed action\s*$", 3),
        (r"^\s*Final decision\s*$", 2),
        (r"^\s*What I found\s*$", 2),
        (r"^\s*Summary\s*:", 1),
        (r"\bI have called the complainant\b", 1),
        (r"\bIn this statement,?\s+(I|we)\s+(have\s+)?used\s+the\s+word\b", 2),
        (r"^\s*Complaint (reference|against)\s*:", 3),
        # A copy that keeps the section headings but not the header block. Reports carry the
        # same heading (and count it too), so it only decides between a decision and nothing
        # (a tie goes to the decision, the first type listed).
        (r"^\s*The Ombudsman[’']s role and powers\s*$", 3),
    ],
    "lgsco_report": [
        (r"^\s*Report by the Local Government and Social Care Ombudsman\s*$", 4),
        (r"^\s*Investigation into a complaint\b", 3),
        (r"^\s*(Report|Date of report|Report date)\s*:?\s*\d", 2),
        (r"\bsection 30\b.*\bnotice", 2),
        (r"^\s*Recommendations\s*$", 1),
        # Only reports name their people in a key; a report's web summary also carries the
        # decision's header block (Category, Decision, Decision date), which this outweighs.
        (r"^\s*Key to names used\s*$", 11),
        (r"\bpublic interest report\b", 1),
        (r"^\s*(The Ombudsman[’']s|Our) (final )?(decision|findings)\s*$", 1),
        (r"\bIn this report,?\s+(I|we)\s+(have\s+)?used\s+the\s+word\b", 4),
        (r"^\s*The Investigation\s*$", 2),
        # A report's own heading; a chapter page of a report on the website carries the same
        # header block (Category, Decision, Decision date) as a decision, so this must outweigh it.
        (r"^\s*Legal and administrative background\s*$", 6),
        # The web summary of a public report.
        (r"^\s*Report summary\s*$", 8),
        (r"^\s*Finding\s*$", 2),
        (r"^\s*Fault found causing injustice and recommendations made\b", 2),
        (r"^\s*The Ombudsman[’']s role and powers\s*$", 3),
        # The website's summary of a report (2016-2018 pages): the outcome stated on a line of
        # its own, where a decision statement has "The Ombudsman's final decision: Summary:".
        (r"^\s*The Ombudsman upheld the complaint and found fault causing inj\w+\.?\s*$", 11),
    ],
    "committee_report": [
        (r"^\s*(Report to|To)\s*:", 3),
        (r"^\s*Report to\b", 3),
        (r"^\s*(Meeting Date|Date of meeting)\s*:", 3),
        (r"\b(Cabinet|Committee|Scrutiny Board|Board) is (asked|recommended) to\b", 3),
        (r"^\s*(Report Author|Officer contact|Contact Officer|Report of)\b", 2),
        (r"^\s*(Classification|Electoral division|Key decision|Decision Type|Forward Plan)", 2),
        (r"^\s*(\d+(\.\d+)*\s+)?(Financial|Legal|Equality) (Implications|Impact)", 2),
        (r"^\s*(\d+\s+)?Background Papers?\b", 1),
        (r"^\s*(\d+\.?\s+)?Recommendations?(\(s\))?\s*:?\s*$", 1),
        # A meeting system's page for a report still to come before a meeting.
        (r"^\s*Issue\s+details\s*$", 3),
    ],
    "committee_minutes": [
        (r"^\s*RESOLVED\b", 5),
        (r"\bIt was MOVED\b|\bSECONDED by\b", 3),
        (r"^\s*(Present|Apologies( for absence)?)\s*:?", 2),
        (r"^\s*Minutes of\b|\bminutes of the meeting\b", 2),
        (r"^\s*Agenda item\b", 1),
        (r"^\s*Agenda item\s*$", 1),
        # A council's web page for a meeting item or a decision (ModernGov and the like).
        (r"^\s*Issue\s*[-–]\s*(meetings|decisions)\b", 4),
        (r"^\s*Meeting\s*:\s*\d{1,2}/\d{1,2}/\d{2,4}\b", 4),
        (r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*[-–]\s*\S", 3),
        (r"^\s*Minutes\s*:?\s*$", 3),
        (r"^\s*Decision\s*:\s*$", 2),
        (r"^\s*(Reasons? for (the )?decision|Other options considered|Alternative options considered"
         r"|Conflicts? of interest|Decision Maker|Decision status)\b", 2),
        (r"\b(Cabinet|Committee|Executive|Council|Board|Panel|Members)\s+(received|considered|noted|agreed|resolved)\b", 3),
        (r"\bthat\s+the\s+[^.\n]{0,160}?\bbe\s+(noted|received|approved|agreed|accepted|endorsed|affirmed)\b", 2),
        (r"\bThe\s+(Leader|Chair(man)?|Mayor|Portfolio Holder|Cabinet Member)\b[^.\n]{0,40}\b(proposed|moved|introduced|presented)\b", 2),
    ],
}
COMPILED = {kind: [(re.compile(p, re.I | re.M), w) for p, w in cues] for kind, cues in CUES.items()}
MENTIONS_OMBUDSMAN = re.compile(r"\b(Ombudsm[ae]n|LGO|LGSCO|LGCSO)\b")


# A document says what it is in its first pages; reading 2,000 pages of an agenda pack for
# that costs time and only adds noise from the papers bound in after it.
TYPE_WINDOW = 150_000


def find_document_type(ct: CleanText) -> tuple[str, dict[str, int]]:
    head = ct.text[:TYPE_WINDOW]
    scores = {
        kind: sum(weight for pattern, weight in cues if pattern.search(head))
        for kind, cues in COMPILED.items()
    }
    best = max(scores, key=lambda kind: scores[kind])
    if scores[best] < 3 and not MENTIONS_OMBUDSMAN.search(head):
        return "other", scores
    if scores[best] == 0:
        return "other", scores
    return best, scores


CATEGORY = re.compile(r"^[ \t]*Category[ \t]*:[ \t]*(?P<category>[^\n]{3,120})$", re.M)
# A report summary page prints the value under the label, a level to a line:
# "Category :" / "Education" / ">" / "School transport".
CATEGORY_BELOW = re.compile(
    r"^\s*Category\s*:?\s*\n(?P<category>[^\n:]{2,60}(?:\n\s*>\s*\n[^\n:]{2,60}){1,3})\s*$", re.M
)


def find_category(ct: CleanText) -> tuple[str, int, int] | None:
    """The category as printed after "Category :": (name, start, end). Where the page split it
    over lines, the name has its parts joined with " > " and the offsets span them all."""
    match = CATEGORY.search(ct.text) or CATEGORY_BELOW.search(ct.text)
    if not match:
        return None
    name = " > ".join(part.strip() for part in match.group("category").split(">"))
    name = re.sub(r"\s+", " ", name).strip()
    return name, match.start("category"), match.end("category")
