"""The Ombudsman's outcome: the decision label and whether fault, injustice and
maladministration were found.

A printed label ("Decision : Not upheld") is the Ombudsman's own word and wins over anything the
text implies: a "Not upheld" decision may still record that the council agreed to pay, and an
"Upheld" one may say the Ombudsman will not investigate further.

Fault and injustice are read only where findings are stated: the summary, the findings, the
final decision, the remedy section, and a committee paper's own text. "The Ombudsman's role
and powers" explains what happens "if there has been fault which has caused an injustice" in
every decision; the complaint section tells the complainant's side. Neither is a finding, and
neither is a sentence that only asks whether, or predicts that, there was fault (statements.py).
The cues are data, in patterns/findings.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import CleanText
from ..structure import Sentence, Structure
from .statements import affirmed, cues, is_boilerplate, is_claim, load_patterns, union

_PATTERNS = load_patterns("findings.json")
FAULT_POSITIVE = union(_PATTERNS, "fault_positive")
FAULT_NEGATIVE = union(_PATTERNS, "fault_negative")
INJUSTICE_POSITIVE = union(_PATTERNS, "injustice_positive")
INJUSTICE_NEGATIVE = union(_PATTERNS, "injustice_negative")
INJUSTICE_UNCERTAINTY = union(_PATTERNS, "injustice_uncertainty")
NOT_INVESTIGATED = union(_PATTERNS, "not_investigated")
OMBUDSMAN_FINDS = union(_PATTERNS, "ombudsman_finds")

LABEL_LINE = re.compile(
    r"^\s*(?:LGSCO\s+|Ombudsman['’]s\s+)?Decision\s*:\s*(?P<label>[A-Za-z][^\n]{2,80})$",
    re.M | re.I,
)
# "Decision :" with its value on the next line, as some PDFs and report summaries print it.
LABEL_NEXT_LINE = re.compile(
    r"^\s*Decision\s*:?\s*\n\s*(?P<label>(?:Upheld|Not upheld|Closed after initial enquiries"
    r"|Premature|Outside jurisdiction|Withdrawn|Report issued)[^\n]{0,60})$",
    re.M | re.I,
)
# A mirror site's badge after the source's name: "LGO (Local Government & Social Care
# Ombudsman) Not Upheld".
SOURCE_BADGE = re.compile(
    r"^\s*(?:LGO|LGSCO)\b[^\n]{0,70}?\)?\s+(?P<label>Upheld|Not\s+Upheld|Closed\s+after\s+initial"
    r"\s+enquiries|Premature|Outside\s+jurisdiction|Withdrawn)\s*$",
    re.M | re.I,
)
QUOTED_FINDING = re.compile(
    r"finding\s+(?:is|was)\s+[‘'\"“](?P<label>(?:report issued|upheld|not upheld)[^’'\"”]{0,80})",
    re.I,
)
LABELS = [
    ("closed_after_initial_enquiries", re.compile(r"closed after initial enquiries", re.I)),
    ("not_upheld", re.compile(r"\bnot upheld\b", re.I)),
    ("upheld", re.compile(r"\bupheld\b", re.I)),
    ("premature", re.compile(r"\bpremature\b", re.I)),
    ("outside_jurisdiction", re.compile(r"outside (our )?jurisdiction|no jurisdiction", re.I)),
    ("withdrawn", re.compile(r"\bwithdrawn\b", re.I)),
    ("no_further_action", re.compile(r"no further action", re.I)),
    ("report_issued", re.compile(r"report issued", re.I)),
]

NEG_MALADMIN = re.compile(r"\bno\s+maladministration\b|maladministration\s+if\b", re.I)
MALADMINISTRATION = re.compile(r"\bmaladministration\b", re.I)
# "We investigate complaints about 'maladministration' and 'service failure'": the stock
# paragraph on the Ombudsman's role, present in findings of no fault too.
DEFINITION = re.compile(
    r"[‘'\"“]maladministration[’'\"”]|maladministration\W{0,3}\s+(and|or)\s+\W{0,3}service\s+failure"
    r"|complaints?\s+(about|of)\s+\W?maladministration|\bmaladministration\s+and\s+injustice\s+"
    r"(is|are|means)\b",
    re.I,
)
FAILURE = re.compile(r"\b(fail(ed|ure|ures|ings)|failed\s+to)\b", re.I)
# Where an Ombudsman decision or report states what it found.
FINDING_ROLES = ("summary", "findings", "final_decision", "remedy", "recommendations", "resolution")
# A committee paper reports the findings in its own words, anywhere but the law it quotes.
COMMITTEE_SKIP = ("role_and_powers", "background", "complaint", "investigation")
# The summary is where a closure ("We will not investigate") is announced.
CLOSURE_ROLES = ("summary", "final_decision", "header")


@dataclass(slots=True)
class OutcomeFinding:
    decision: str | None = None
    label: str | None = None
    fault: bool | None = None
    injustice: bool | None = None
    maladministration: bool | None = None
    investigated: bool = True  # False: the Ombudsman decided not to investigate
    spans: list[tuple[int, int]] = field(default_factory=list)


def _injustice_cues(sentence: Sentence) -> list[tuple[int, int]]:
    # "It is not certain what the outcome would have been": the uncertainty is the injustice,
    # and its own "not" does not negate it.
    uncertainty = [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in INJUSTICE_UNCERTAINTY.finditer(sentence.text)
        if affirmed(sentence.text, m, positive=False)
    ]
    return cues(sentence, INJUSTICE_POSITIVE, True) + uncertainty


def finding_sentences(structure: Structure, document_type: str) -> list[Sentence]:
    """The sentences that can state a finding, in reading order."""
    committee = document_type in ("committee_report", "committee_minutes", "other")
    if committee:
        sentences = [s for s in structure.sentences() if s.role not in COMMITTEE_SKIP]
    elif structure.has(*FINDING_ROLES):
        sentences = [
            s
            for s in structure.sentences()
            if s.role in FINDING_ROLES
            or (s.role == "complaint" and OMBUDSMAN_FINDS.match(s.text))
        ]
    else:
        # No section this parser knows (a mirror that prints only the text, a snippet): read
        # it all but the parts known to hold no findings.
        sentences = [s for s in structure.sentences() if s.role not in COMMITTEE_SKIP]
    return [
        s
        for s in sentences
        if not is_boilerplate(s.text) and not is_claim(s.text, officers=committee)
    ]


def _label(ct: CleanText, structure: Structure) -> tuple[str, str, tuple[int, int]] | None:
    header_end = structure.sections[1].start if len(structure.sections) > 1 else len(ct.text)
    head = ct.text[: max(header_end, 1500)]
    match = (
        LABEL_LINE.search(head)
        or LABEL_NEXT_LINE.search(head)
        or SOURCE_BADGE.search(head[:300])
        or QUOTED_FINDING.search(ct.text)
    )
    if not match:
        return None
    label = match.group("label").strip().rstrip(".")
    for decision, pattern in LABELS:
        if pattern.search(label):
            return decision, label, match.span("label")
    return None


def find_outcome(ct: CleanText, structure: Structure, document_type: str) -> OutcomeFinding:
    result = OutcomeFinding()
    label = _label(ct, structure)
    if label:
        result.decision, result.label, span = label
        result.spans.append(span)
        if MALADMINISTRATION.search(result.label) and not NEG_MALADMIN.search(result.label):
            result.maladministration = True
        if re.search(r"\binjustice\b", result.label, re.I) and not re.search(
            r"\bno\s+injustice\b", result.label, re.I
        ):
            result.injustice = True

    sentences = finding_sentences(structure, document_type)
    if document_type in ("lgsco_decision", "lgsco_report"):
        closure = next(
            (
                (s, m)
                for s in structure.sentences(CLOSURE_ROLES)
                for m in [NOT_INVESTIGATED.search(s.text)]
                if m and affirmed(s.text, m, positive=False)
            ),
            None,
        )
        if closure is not None and (result.decision in (None, "closed_after_initial_enquiries")):
            result.investigated = False
            s, m = closure
            result.spans.append((s.start + m.start(), s.start + m.end()))
    if result.decision == "closed_after_initial_enquiries":
        result.investigated = False

    fault_pos = [c for s in sentences for c in cues(s, FAULT_POSITIVE, True)]
    fault_neg = [c for s in sentences for c in cues(s, FAULT_NEGATIVE, False)]
    if not result.investigated:
        # A decision not to investigate weighs the evidence without deciding: "not enough
        # evidence of fault" is not a finding of no fault.
        fault_neg = [(a, b) for a, b in fault_neg if "evidence" not in ct.text[a:b].lower()]
    # Any fault found settles it: "no fault in X, but fault in Y" is a finding of fault.
    if fault_pos:
        result.fault = True
        result.spans.append(fault_pos[0])
    elif fault_neg:
        result.fault = False
        result.spans.append(fault_neg[0])
    elif document_type in ("committee_report", "committee_minutes"):
        # Committee papers answer findings already made: "the Council's failure to ..." is one.
        failure = next(
            (
                (s.start + m.start(), s.start + m.end())
                for s in sentences
                for m in [FAILURE.search(s.text)]
                if m and affirmed(s.text, m, positive=True)
            ),
            None,
        )
        if failure:
            result.fault = True
            result.spans.append(failure)
    if result.investigated and result.fault is None:
        if result.decision == "upheld":
            result.fault = True
        elif result.decision == "not_upheld":
            result.fault = False

    if result.injustice is None:
        pos = [c for s in sentences for c in _injustice_cues(s)]
        neg = [c for s in sentences for c in cues(s, INJUSTICE_NEGATIVE, False)]
        if pos and result.fault is not False:
            result.injustice = True
            result.spans.append(pos[0])
        elif neg:
            result.injustice = False
            result.spans.append(neg[0])

    if result.maladministration is None:
        for sentence in sentences:
            match = MALADMINISTRATION.search(sentence.text)
            if not match or NEG_MALADMIN.search(sentence.text):
                continue
            if DEFINITION.search(sentence.text) or not affirmed(
                sentence.text, match, positive=True
            ):
                continue  # every statement explains the word; that is not a finding
            result.maladministration = True
            result.spans.append((sentence.start + match.start(), sentence.start + match.end()))
            break

    if result.maladministration and result.fault is None:
        result.fault = True  # maladministration is the Act's word for fault
    if result.decision is None:
        if not result.investigated:
            result.decision = "closed_after_initial_enquiries"
        elif result.fault:
            result.decision = "upheld"
        elif result.fault is False:
            result.decision = "not_upheld"
    return result
