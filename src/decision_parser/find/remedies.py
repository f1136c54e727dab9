"""The kinds of remedy a document states for the case, wherever it states them.

A decision says what was agreed three times: in the summary ("The Council has agreed to
apologise and pay Mrs X £300"), in the Agreed action section (itemised, with deadlines), and
perhaps in a closing paragraph; a committee paper says it again in its own words ("A cheque
for compensation has been issued"). recommendations.py lists the items; this finder answers
the simpler question a tracker asks first: which kinds of remedy (apology, payment, provision,
review, service improvement, report) did the document say were agreed, recommended or made?

A sentence states a remedy when it has a frame: the body agreed, will, should or was asked to
do something; the Ombudsman recommended it; it was done "to remedy" the injustice; or the body
has already done it ("The Council has apologised"). In a remedy section every item is framed,
as is every item after a framed lead-in ("the Council agrees:"). A committee paper's own text
about one case is framed throughout (an annual review's is not). Every kind cue in a framed sentence counts, not only the first ("make a
payment and provide a written apology" is a payment and an apology), unless its clause negates
it ("failed to provide", "refused to pay") or it is what a party asked for. The cues are data,
in patterns/remedies.json.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..structure import Sentence, Structure
from .statements import (
    SENTENCE_CACHE,
    clause_before,
    is_boilerplate,
    is_claim,
    load_patterns,
    union,
)

_PATTERNS = load_patterns("remedies.json")
FRAMES = re.compile(
    "|".join(f.replace("{subject}", _PATTERNS["subject"]) for f in _PATTERNS["frames"]), re.I
)
KINDS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.I)) for kind, pattern in _PATTERNS["kinds"]
]
NEGATED_BEFORE = union(_PATTERNS, "negated_before")
OTHER_CASES = union(_PATTERNS, "other_cases")
RELATIVE_BEFORE = union(_PATTERNS, "relative_before")
STRONG_FRAME = union(_PATTERNS, "strong_frame")
WEAK_REVIEW = union(_PATTERNS, "weak_review")
NAMED_REVIEW = union(_PATTERNS, "named_review")
PURPOSE_CLAUSE = union(_PATTERNS, "purpose_clause")
WIDER_OBJECT = union(_PATTERNS, "wider_object")
FRAME_HYPOTHESIS = re.compile(
    r"\b(if|whether|unless|would\s+have|could\s+have)\b[^.;]{0,40}$", re.I
)
# "If a council pays too much, it will usually ask ...": a rule of law, not a remedy.
CONDITIONAL = re.compile(r"^\W*(\d+\.\s+)?(if|where|when|unless|once|whenever)\b", re.I)
# "Councils are required to provide services ...": what the law asks of every council.
GENERIC = re.compile(
    r"^\W*(\d+\.\s+)?(councils|a\s+council|local\s+authorities|authorities|the\s+law|the\s+"
    r"(statutory\s+)?guidance|the\s+code|the\s+regulations?|the\s+act|schools|admission\s+authorities)\b",
    re.I,
)

# Where an Ombudsman decision or report states what was agreed or recommended.
DECISION_ROLES = (
    "summary",
    "findings",
    "final_decision",
    "remedy",
    "recommendations",
    "resolution",
    "body",
)
# Parts in which every sentence and item is a remedy: the Agreed action section, a report's
# recommendations.
REMEDY_ROLES = ("remedy", "recommendations")
# Parts that never state the remedy agreed for this case.
NEVER = ("role_and_powers", "background", "complaint", "investigation")
LEAD_IN = re.compile(r":\s*$")


@dataclass(frozen=True, slots=True)
class RemedyFinding:
    action: str
    start: int  # the sentence or item that states it: offsets into CleanText.text
    end: int
    cue: tuple[int, int]  # the words that name the kind


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def kinds_in(text: str, strict_review: bool = False) -> tuple[tuple[str, int, int], ...]:
    """Every kind of remedy a framed sentence names, each with the span of its first cue.

    Where cues overlap, the one listed first in the pattern file wins: "review its procedures"
    is a service improvement, not a review of the complainant's case. With strict_review, a
    review counts only with a person's decision or case as its object.
    """
    spans: list[tuple[int, int, str]] = []
    titles = [m.span() for m in NAMED_REVIEW.finditer(text)] if "Review" in text else []
    for kind, pattern in KINDS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in spans):
                continue
            before = clause_before(text, start)
            if NEGATED_BEFORE.search(before) or RELATIVE_BEFORE.search(before):
                continue
            if kind == "review" and strict_review and not WEAK_REVIEW.match(text, start):
                continue
            if kind == "review" and any(s <= start < e for s, e in titles):
                continue  # "the recommendations of the Learning Review": a title
            spans.append((start, end, kind))
    # "identify every family ..., recalculate and pay any arrears": the steps after a service
    # improvement that reaches other people's cases are part of it.
    reach = min(
        (
            s
            for s, e, kind in spans
            if kind == "service_improvement" and OTHER_CASES.search(text, s, e)
        ),
        default=None,
    )
    if reach is not None:
        spans = [sp for sp in spans if not (sp[2] in ("review", "payment") and sp[0] > reach)]
    # What a wider change is for ("... to ensure reviews are held") or about ("procedures on
    # assessments, arranging interpreters") belongs to it: no review, payment or provision there.
    wider = [(s, e) for s, e, kind in spans if kind == "service_improvement"]
    spans = [
        sp
        for sp in spans
        if sp[2] not in ("review", "payment", "provision")
        or not any(
            e <= sp[0]
            and (PURPOSE_CLAUSE.search(text, e, sp[0]) or WIDER_OBJECT.search(text, s, sp[0]))
            for s, e in wider
        )
    ]
    first: dict[str, tuple[int, int]] = {}
    for start, end, kind in sorted(spans):
        first.setdefault(kind, (start, end))
    return tuple((kind, s, e) for kind, (s, e) in first.items())


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _framed(sentence: str) -> bool:
    if CONDITIONAL.match(sentence) or GENERIC.match(sentence):
        return False
    for match in FRAMES.finditer(sentence):
        if not FRAME_HYPOTHESIS.search(clause_before(sentence, match.start())):
            return True
    return False


def _candidate_sentences(structure: Structure, document_type: str) -> list[Sentence]:
    if document_type in ("committee_report", "committee_minutes"):
        return [s for s in structure.sentences() if s.role not in NEVER]
    decision_parts = structure.has(*DECISION_ROLES)
    # Short old-style pages state the remedy right under "The complaint": only a strong frame
    # ("To remedy the injustice, the council has agreed to:") counts there, with the list of
    # items it leads into.
    chosen = []
    lead_block: int | None = None  # the last block of a strongly framed lead-in and its items
    remedy_started = False
    for s in structure.sentences():
        is_item = structure.ct.blocks[s.block].kind == "item"
        if lead_block is not None and not (is_item and s.block <= lead_block + 1):
            lead_block = None
        if s.role in DECISION_ROLES if decision_parts else s.role not in NEVER:
            chosen.append(s)
        elif s.role == "complaint" and STRONG_FRAME.search(s.text):
            chosen.append(s)
            lead_block = s.block if s.text.rstrip().endswith(":") else None
        elif s.role == "complaint" and lead_block is not None:
            chosen.append(s)
            lead_block = s.block
        elif s.role == "complaint" and remedy_started and not decision_parts:
            # A page with no other parts goes on from the remedy to its follow-up ("The
            # Council should send the payments ...; monitor ...") under the same heading.
            chosen.append(s)
        remedy_started = remedy_started or (
            s.role == "complaint" and bool(STRONG_FRAME.search(s.text))
        )
    return chosen


def _items_about_the_case(structure: Structure) -> set[int]:
    """The blocks of the agenda items that speak of the Ombudsman's case. Minutes cover
    several items, each under a heading of its own; a one-item page is one item."""
    ct = structure.ct
    items: list[list] = [[]]
    for section in structure.sections:
        if section.role in ("body", "other") and items[-1]:
            items.append([])
        items[-1].append(section)
    about: set[int] = set()
    for item in items:
        if any(OMBUDSMAN_CASE.search(ct.text[s.start : s.end]) for s in item):
            about.update(index for s in item for index in s.blocks)
    return about


# A committee paper about the Ombudsman's annual figures reports on many cases and on none:
# its remedies need a frame like a decision's.
ANNUAL = re.compile(
    r"\bannual\s+(review|letter|report)|\breview\s+letter\b|\bcomplaints?\s+statistics\b"
    r"|\bannual\s+complaints\b",
    re.I,
)


OMBUDSMAN_CASE = re.compile(
    r"\b(ombudsm[ae]n|lgo|lgsco|maladministration|public\s+interest\s+report)\b", re.I
)


def find_remedies(structure: Structure, document_type: str) -> list[RemedyFinding]:
    ct = structure.ct
    # A committee paper or minute about one case records what was done in its own words ("A
    # cheque for compensation has been issued"): every sentence outside the law is framed.
    one_case_paper = document_type in (
        "committee_report",
        "committee_minutes",
    ) and not ANNUAL.search(ct.text[:800])
    about_the_case = _items_about_the_case(structure) if one_case_paper else set()
    # A framed lead-in ("the Council has agreed to:") frames the list that follows it: the
    # run of blocks right after it, while they are list items.
    list_run: tuple[int, int] | None = None  # (lead-in block, last block of its list)
    claimed_run: int | None = None  # the last block of a list a party's claim leads into
    found: list[RemedyFinding] = []
    for sentence in _candidate_sentences(structure, document_type):
        block = ct.blocks[sentence.block]
        if claimed_run is not None and block.kind == "item" and sentence.block <= claimed_run + 1:
            claimed_run = sentence.block  # an item of what a party asked for
            continue
        claimed_run = None
        if is_boilerplate(sentence.text):
            continue
        if is_claim(sentence.text, officers=one_case_paper):
            if LEAD_IN.search(sentence.text):
                claimed_run = sentence.block  # "Mrs C says the Council should: ..."
            continue
        if list_run is not None and sentence.block not in (list_run[1], list_run[1] + 1):
            list_run = None
        in_list = (
            list_run is not None
            and sentence.block != list_run[0]
            and (block.kind == "item" or sentence.block == list_run[0] + 1)
        )
        if in_list:
            list_run = (list_run[0], sentence.block)
        framed = sentence.role in REMEDY_ROLES or in_list or _framed(sentence.text)
        # A committee paper about one case: its own record of what was done is framed too.
        recorded = not framed and one_case_paper and sentence.block in about_the_case
        if LEAD_IN.search(sentence.text):
            list_run = (sentence.block, sentence.block) if framed or recorded else None
        if not (framed or recorded):
            continue
        for kind, start, end in kinds_in(sentence.text, strict_review=recorded):
            found.append(
                RemedyFinding(
                    kind,
                    sentence.start,
                    sentence.end,
                    (sentence.start + start, sentence.start + end),
                )
            )
    return found
