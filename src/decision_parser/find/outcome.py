"""The Ombudsman's outcome: the decision label and whether fault, injustice and
maladministration were found.

A printed label ("Decision : Not upheld") is the Ombudsman's own word and wins over anything the
text implies: a "Not upheld" decision may still record that the council agreed to pay, and an
"Upheld" one may say the Ombudsman will not investigate further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import CleanText

LABEL_LINE = re.compile(
    r"^\s*(?:LGSCO\s+)?Decision\s*:\s*(?P<label>[A-Za-z][^\n]{2,80})$", re.M | re.I
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
]

NEG_FAULT = re.compile(
    r"\b(no|not\s+find\s+(any\s+)?|found\s+no|not\s+at)\s+fault\b|\bwas\s+not\s+(at\s+)?fault\b"
    r"|\bnot\s+(find|found)\s+(that\s+)?(the\s+council|it)\s+(was\s+)?at\s+fault",
    re.I,
)
POS_FAULT = re.compile(
    r"\b(at\s+fault|fault\s+(by|in|with|causing|which|that|and)|(found|find|finds)\s+(?!(no|not|nothing)\b)(\w+\s+){0,3}fault"
    r"|there\s+(was|were|is)\s+(?!(no|not|nothing)\b)(\w+\s+){0,2}fault|faults\s+(identified|we\s+found|I\s+found))\b",
    re.I,
)
FAILURE = re.compile(r"\b(fail(ed|ure|ures|ings)|failed\s+to)\b", re.I)
NEG_INJUSTICE = re.compile(
    r"\b(no|without)\s+(significant\s+)?injustice\b|\bdid\s+not\s+cause\s+(\w+\s+){0,2}injustice",
    re.I,
)
POS_INJUSTICE = re.compile(
    r"\b(caus(ed|ing|es)\s+(\w+\s+){0,3}injustice|injustice\s+(was|has\s+been)\s+caused"
    r"|suffered\s+(\w+\s+){0,2}injustice|and\s+injustice|injustice\s+to)\b",
    re.I,
)
NEG_MALADMIN = re.compile(r"\bno\s+maladministration\b|maladministration\s+if\b", re.I)
POS_MALADMIN = re.compile(r"\bmaladministration\b", re.I)
# "We investigate complaints about 'maladministration' and 'service failure'": the stock
# paragraph on the Ombudsman's role, present in findings of no fault too.
DEFINITION = re.compile(
    r"[‘'\"“]maladministration[’'\"”]|maladministration\W{0,3}\s+(and|or)\s+\W{0,3}service\s+failure"
    r"|complaints?\s+(about|of)\s+\W?maladministration",
    re.I,
)
NOT_INVESTIGATE = re.compile(
    r"\b(will|we\s+will|shall|did|have\s+decided|decided)\s+not\s+(to\s+)?investigate\b"
    r"|\bwill\s+not\s+investigate\b",
    re.I,
)


@dataclass(slots=True)
class OutcomeFinding:
    decision: str | None = None
    label: str | None = None
    fault: bool | None = None
    injustice: bool | None = None
    maladministration: bool | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _first(pattern: re.Pattern, text: str) -> re.Match | None:
    return pattern.search(text)


NEGATION_BEFORE = re.compile(
    r"\b(not|no|nor|never|cannot|without|neither|n't|unlikely)\b[^.;]{0,40}$"
    # "whether there was fault", "we would find fault if": a question or a hypothesis
    r"|\b(whether|if|would|could|might|may)\b[^.;]{0,20}$",
    re.I,
)


def _first_affirmed(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match that no negation before it in its sentence governs
    ("I do not find the Council was at fault" finds no fault)."""
    for match in pattern.finditer(text):
        sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()))
        if not NEGATION_BEFORE.search(text[sentence_start + 1 : match.start()]):
            return match
    return None


def find_outcome(ct: CleanText, document_type: str) -> OutcomeFinding:
    text = ct.text
    result = OutcomeFinding()
    label_match = LABEL_LINE.search(text) or QUOTED_FINDING.search(text)
    if label_match:
        label = label_match.group("label").strip().rstrip(".")
        for decision, pattern in LABELS:
            if pattern.search(label):
                result.decision, result.label = decision, label
                result.spans.append(label_match.span("label"))
                break
        if re.search(r"\bmaladministration\b", label, re.I) and not NEG_MALADMIN.search(label):
            result.maladministration = True
        if re.search(r"\binjustice\b", label, re.I) and not NEG_INJUSTICE.search(label):
            result.injustice = True

    neg_fault, pos_fault = _first(NEG_FAULT, text), _first_affirmed(POS_FAULT, text)
    if neg_fault and not pos_fault:
        result.fault = False
        result.spans.append(neg_fault.span())
    elif pos_fault:
        result.fault = True
        result.spans.append(pos_fault.span())
    elif document_type in ("committee_report", "committee_minutes"):
        # Committee papers answer findings already made: "the Council's failure to ..." is one.
        failure = _first(FAILURE, text)
        if failure:
            result.fault = True
            result.spans.append(failure.span())
    if result.decision in ("upheld",) and result.fault is None:
        result.fault = True
    if result.decision == "not_upheld" and result.fault is None:
        result.fault = False

    if result.injustice is None:
        neg, pos = _first(NEG_INJUSTICE, text), _first_affirmed(POS_INJUSTICE, text)
        if pos:
            result.injustice = True
            result.spans.append(pos.span())
        elif neg:
            result.injustice = False
            result.spans.append(neg.span())

    if result.maladministration is None:
        for pos in POS_MALADMIN.finditer(text):
            if NEG_MALADMIN.search(text[max(0, pos.start() - 10) : pos.end() + 20]):
                continue
            if DEFINITION.search(text[max(0, pos.start() - 40) : pos.end() + 40]):
                continue  # every statement explains the word; that is not a finding
            result.maladministration = True
            result.spans.append(pos.span())
            break

    if result.maladministration and result.fault is None:
        result.fault = True  # maladministration is the Act's word for fault
    if result.decision is None:
        if result.fault:
            result.decision = "upheld"
        elif document_type == "lgsco_decision" and _first(NOT_INVESTIGATE, text):
            match = _first(NOT_INVESTIGATE, text)
            result.decision = "closed_after_initial_enquiries"
            result.spans.append(match.span())
        elif result.fault is False:
            result.decision = "not_upheld"
    return result
