"""What needs several findings at once: which reference is the case, which date is the decision,
when a deadline falls due, which sums and deadlines belong to which recommendation.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.language import Language

from . import __version__, combine
from .casekeys import case_key
from .document import CleanText, Document
from .find.dates import DateFinding, find_dates
from .find.deadlines import DeadlineFinding, find_deadlines
from .find.document_type import (
    MENTIONS_OMBUDSMAN,
    TYPE_WINDOW,
    find_category,
    find_document_type,
)
from .find.money import AmountFinding, find_amounts
from .find.outcome import OutcomeFinding, find_outcome
from .find.parties import (
    NameFinding,
    choose_complainant,
    find_organisations,
    find_pseudonyms,
    most_mentioned,
    named_payee,
)
from .find.recommendations import RecommendationFinding, find_recommendations
from .find.references import ReferenceFinding, find_other_references, find_references
from .find.remedies import RemedyFinding, find_remedies, kinds_in
from .find.statements import is_boilerplate
from .matches import RuleMatches
from .models import (
    Amount,
    CaseReference,
    Dates,
    DateValue,
    Deadline,
    Decision,
    Evidence,
    NamedValue,
    Outcome,
    Recommendation,
    RemedyAction,
    Source,
    Warning,
)
from .structure import build_structure, split_sentences

# The first lines of a document: where its own header, title and cover sheet live.
HEADER_CHARS = 700
LETTERHEAD_CHARS = 120
DECISION_DATE_LINE = re.compile(
    r"(Decision\s+date|Date\s+of\s+(the\s+)?decision|\bDecided)\s*:?\s*$", re.I
)
REPORT_DATE_LINE = re.compile(
    r"(Report\s+date|Date\s+of\s+(the\s+)?report|Report\s+issued)\s*:?\s*$", re.I
)
MEETING_DATE_LINE = re.compile(
    r"(Meeting\s+date|Date\s+of\s+meeting|Meeting|(?<!publication\s)(?<!published\s)(?<!expiry\s)(?<!call-in\s)Date|To\s*:[^\n]*[–—-]|\bheld\b[^\n]{0,80}?\bon"
    # A meeting system's agenda-item page: "Meeting of Executive, Wednesday, 26th February, 2025".
    r"|\bMeeting\s+of\b[^\n]{0,120}?,(\s*(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)?)\s*:?\s*$",
    re.I,
)
COUNCIL_DECISION_LINE = re.compile(r"(Date\s+of\s+(the\s+)?decision|Decision\s+date)\s*:?\s*$", re.I)
LABEL_REACH = 200
LABEL_ONLY = re.compile(r"[^\n:]{2,40}:\s*")
# A council's decision record opens with the date and the item: "12/03/2020 - Ombudsman Complaint".
DATED_ITEM_AFTER = re.compile(r"^\s*[–—-]\s+\S")
# "On 18th June the Ombudsman issued the final report."
OMBUDSMAN_DATE_AFTER = re.compile(
    r"^\W{0,3}(the\s+)?(ombudsman|lgo|lgsco)\s+(had\s+|has\s+)?((issued|published|sent|made)\s+(its|the|a|their)\s+"
    r"(final\s+)?(report|decision|statement)|(determined|decided|upheld)\s+(a|the|this|their|her|his)\s+complaint)",
    re.I,
)
# "a report ... dated 7 April 2022", "published a final decision ... on 22nd July 2024".
OMBUDSMAN_DATE_BEFORE = re.compile(
    r"\b(dated|published(\s+\S+){0,12}?\s+on|issued(\s+\S+){0,12}?\s+on|decision\s+on|report\s+on)\s*$",
    re.I,
)
OMBUDSMAN_WORDS = re.compile(
    r"\b(Ombudsm[ae]n|LGO|LGSCO|final decision|final report|report)\b", re.I
)
ABOUT_BODY = re.compile(
    r"\b(complain\w*|investigation|findings?|fault)\s+(about|against|into|by|with)\s+(a\s+complaint\s+about\s+)?$",
    re.I,
)
PERSON = (
    r"Mr and Mrs [A-Z]\b|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.? [A-Z]\b|him|her|them|"
    r"the (?:family|parents?|complainant|estate|carer)|[A-Z]['’]s (?:mother|father|parents?|family)"
)
# "pay Mrs X £300", "refund to Miss B the £312", "a payment of £500 to the family"
PAYEE = re.compile(
    rf"\b(?i:pay|pays|paying|refund|refunds|reimburse|reimburses|repay|repays|compensate|award)"
    rf"\s+(?:to\s+)?(?P<a>{PERSON})"
    rf"|(?:(?i:payment)|£[\d,.]+(?:k)?)(?:\s+\w+){{0,6}}?\s+to\s+(?P<b>{PERSON})"
)
# Failing those, the person a financial remedy names: "write off ... Miss B does not owe it".
NAMED_PERSON = re.compile(
    r"Mr and Mrs [A-Z]\b|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.? [A-Z]\b|[A-Z]['’]s (?:mother|father|parents?)"
)
PRONOUNS = {"him", "her", "them"}
# An Ombudsman decision page is titled with the body's name and the case reference: "Oakview
# Care Homes Limited (23 009 985)", "JCoSS (21 004 185)".
HEADER_TITLE = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’&,.()\- ]{1,100}?)\s*\(\s*\d{2}[\s-]?\d{3}[\s-]?\d{3}[a-z]?\s*\)\s*$",
    re.M,
)


def build_decision(
    document: Document,
    ct: CleanText,
    doc: RuleMatches,
    *,
    with_text: bool = False,
    model: Language | None = None,
) -> Decision:
    """Everything the findings say together. `model` is the trained pipeline, asked only about
    what the rules cannot see (see combine.py); None parses with the rules alone."""
    warnings: list[Warning] = [Warning(code=w.code, message=w.message) for w in ct.warnings]
    document_type, _ = find_document_type(ct)
    structure = build_structure(ct)

    references = _case_references(ct, find_references(ct, doc), warnings)
    other_references = list(dict.fromkeys(t for t, _, _ in find_other_references(doc)))

    pseudonyms = find_pseudonyms(ct, doc)
    complainant = choose_complainant(ct, pseudonyms)
    if complainant is None and document_type in ("committee_minutes", "committee_report"):
        complainant = named_payee(ct)
    organisation = _organisation(ct, find_organisations(ct, doc), document)
    if organisation is None and model is not None:
        organisation = combine.organisation(model, ct)
    parties = combine.parties(ct, pseudonyms, model)
    category = find_category(ct)

    dates = _dates(ct, find_dates(ct, doc), document_type, warnings)
    amounts = [_amount(ct, a) for a in find_amounts(ct, doc)]
    deadline_findings = find_deadlines(ct, doc)
    deadlines = [_deadline(ct, d, dates) for d in deadline_findings]
    anchor = default_anchor(ct, document_type, deadlines)
    every_date = _all_dates(dates)
    findings = find_recommendations(
        ct, keep_actionless=model is not None, document_type=document_type, structure=structure
    )
    methods = (
        combine.fill_actions(model, findings) if model is not None else ["rules"] * len(findings)
    )
    recommendations = [
        _recommendation(ct, r, amounts, deadlines, complainant, every_date, anchor, dates, method)
        for r, method in zip(findings, methods, strict=True)
        if r.actions or r.status or r.source != "list"
    ]

    found = find_outcome(ct, structure, document_type)
    # Not a decision, a report or a council paper, and silent about the Ombudsman (a letter, a
    # news item, notes): its facts (references, sums, dates) are kept, but it makes no findings
    # and sets no remedies. A page that is 'other' but about the Ombudsman's work (a press list
    # of reports) keeps what it states.
    unrelated = document_type == "other" and not MENTIONS_OMBUDSMAN.search(ct.text[:TYPE_WINDOW])
    if unrelated:
        found = OutcomeFinding()
        recommendations = []
    outcome = Outcome(
        decision=found.decision,
        fault=found.fault,
        injustice=found.injustice,
        maladministration=found.maladministration,
        label=found.label,
        evidence=[ct.evidence(s, e) for s, e in found.spans],
    )

    remedy_actions = (
        []
        if unrelated
        else _remedy_actions(ct, find_remedies(structure, document_type), recommendations)
    )
    if outcome.fault and outcome.injustice is None:
        personal = [a for a in remedy_actions if a.action in ("apology", "payment")]
        if personal:
            # The Ombudsman recommends a personal remedy only for an injustice the fault caused.
            outcome.injustice = True
            outcome.evidence.append(personal[0].evidence[0])

    for deadline in deadlines:
        if deadline.duration and deadline.anchor and deadline.due_date is None:
            warnings.append(
                Warning(
                    code="due_date_unresolved",
                    message=f"'{deadline.text}' runs from the {deadline.anchor.replace('_', ' ')}, "
                    "whose date the document does not give",
                    evidence=deadline.evidence,
                )
            )

    primary = next((r.reference for r in references if r.role == "primary"), None)
    return Decision(
        parser_version=__version__,
        source=Source(
            path=document.path,
            sha256=document.sha256,
            media_type=document.media_type,
            pages=len(document.pages),
        ),
        document_type=document_type,
        case_reference=primary,
        case_key=case_key(primary),
        case_references=references,
        other_references=other_references,
        parties=parties,
        organisation=NamedValue(
            name=organisation.name,
            evidence=ct.evidence(
                organisation.start,
                organisation.end,
                method="model" if organisation.kind == "model" else "rules",
            ),
        )
        if organisation
        else None,
        complainant=NamedValue(
            name=complainant.name, evidence=ct.evidence(complainant.start, complainant.end)
        )
        if complainant
        else None,
        category=NamedValue(name=category[0], evidence=ct.evidence(category[1], category[2]))
        if category
        else None,
        outcome=outcome,
        dates=dates,
        amounts=amounts,
        deadlines=deadlines,
        recommendations=recommendations,
        remedy_actions=remedy_actions,
        warnings=warnings,
        text=ct.text if with_text else None,
    )


def _case_references(
    ct: CleanText, found: list[ReferenceFinding], warnings: list[Warning]
) -> list[CaseReference]:
    if not found:
        return []
    counts: dict[str, int] = {}
    for finding in found:
        counts[finding.digits] = counts.get(finding.digits, 0) + 1
    in_header = [f for f in found if f.start < HEADER_CHARS]
    # The case a document is about is named in its header, or else most often.
    primary_digits = (
        in_header[0].digits
        if in_header
        else max(counts, key=lambda d: (counts[d], -min(f.start for f in found if f.digits == d)))
    )
    references = []
    for finding in found:
        evidence = ct.evidence(finding.start, finding.end)
        references.append(
            CaseReference(
                reference=finding.reference,
                raw=finding.raw,
                role="primary" if finding.digits == primary_digits else "related",
                standard_format=finding.standard_format,
                evidence=evidence,
            )
        )
        if not finding.standard_format:
            warnings.append(
                Warning(
                    code="nonstandard_reference",
                    message=f"case reference '{finding.raw}' is not in the Ombudsman's "
                    "'YY NNN NNN' form; kept as printed",
                    evidence=evidence,
                )
            )
    return references


def _organisation(
    ct: CleanText, found: list[NameFinding], document: Document
) -> NameFinding | None:
    # A decision's title line names the body: "Westmorland and Furness Council (24 022 530)",
    # "Oakview Care Homes Limited (23 009 985)".
    title = HEADER_TITLE.search(ct.text[:HEADER_CHARS])
    if title:
        return NameFinding(title.group("name"), title.start("name"), title.end("name"), "title")
    councils = [f for f in found if f.kind == "council"]
    if not councils:
        return None
    header = [f for f in councils if f.start < 200]
    if header:
        return header[0]
    for finding in councils:
        if ABOUT_BODY.search(ct.text[max(0, finding.start - 60) : finding.start]):
            return finding
    return most_mentioned(councils)


def _whole_block(ct: CleanText, finding: DateFinding) -> bool:
    """A date printed on a line of its own under a cover sheet's title."""
    block = ct.block_at(finding.start)
    return block is not None and ct.block_text(block).strip(" *:") == finding.text


def _date_value(ct: CleanText, finding: DateFinding) -> DateValue:
    return DateValue(
        date=finding.date,
        text=finding.text,
        precision=finding.precision,
        year_inferred=finding.year_inferred,
        evidence=ct.evidence(finding.start, finding.end),
    )


def _dates(
    ct: CleanText, found: list[DateFinding], document_type: str, warnings: list[Warning]
) -> Dates:
    dates = Dates()
    roles: dict[int, str] = {}
    for index, finding in enumerate(found):
        # A label stands just before its date: looking back LABEL_REACH characters at most
        # keeps a long line's scan linear.
        reach = max(0, finding.start - LABEL_REACH)
        line_start = max(ct.text.rfind("\n", reach, finding.start) + 1, reach)
        before_on_line = ct.text[line_start : finding.start]
        if not before_on_line.strip() and line_start > 0 and ct.text[line_start - 1] == "\n":
            # "Decision date :" on a line of its own, the date on the next.
            previous_start = ct.text.rfind("\n", max(0, line_start - 1 - LABEL_REACH), line_start - 1)
            previous_line = ct.text[previous_start + 1 : line_start - 1]
            if LABEL_ONLY.fullmatch(previous_line):
                before_on_line = previous_line
        before = ct.text[max(0, finding.start - 120) : finding.start]
        if finding.precision != "day":
            continue
        committee = document_type in ("committee_report", "committee_minutes")
        if (
            DECISION_DATE_LINE.search(before_on_line)
            and "decision_date" not in roles.values()
            # A council's decision record dates its own decision: that is the meeting's date.
            and not (committee and COUNCIL_DECISION_LINE.search(before_on_line))
        ):
            roles[index] = "decision_date"
        elif (
            document_type in ("lgsco_decision", "lgsco_report")
            and "decision_date" not in roles.values()
            and finding.start < LETTERHEAD_CHARS
            and _whole_block(ct, finding)
        ):
            # The Ombudsman's letters print the date alone on the first line of the letterhead.
            roles[index] = "decision_date"
        elif REPORT_DATE_LINE.search(before_on_line) and "report_date" not in roles.values():
            roles[index] = "report_date"
        elif (
            committee
            and "meeting_date" not in roles.values()
            and (
                MEETING_DATE_LINE.search(before_on_line)
                or COUNCIL_DECISION_LINE.search(before_on_line)
                or (finding.start < HEADER_CHARS and _whole_block(ct, finding))
                or (
                    not before_on_line.strip()
                    and DATED_ITEM_AFTER.match(ct.text[finding.end : finding.end + 4])
                )
            )
            and finding.start < HEADER_CHARS * 2
        ):
            roles[index] = "meeting_date"
        elif (
            "decision_date" not in roles.values()
            and document_type != "lgsco_decision"
            and (
                (OMBUDSMAN_DATE_BEFORE.search(before) and OMBUDSMAN_WORDS.search(before))
                or OMBUDSMAN_DATE_AFTER.match(ct.text[finding.end : finding.end + 80])
            )
        ):
            roles[index] = "decision_date"
    for index, finding in enumerate(found):
        value = _date_value(ct, finding)
        role = roles.get(index)
        if role:
            setattr(dates, role, value)
        else:
            dates.events.append(value)
        if finding.weekday_matches is False:
            warnings.append(
                Warning(
                    code="weekday_mismatch",
                    message=f"'{finding.text}': {finding.date:%d %B %Y} was a "
                    f"{finding.date:%A}, not a {finding.weekday}",
                    evidence=value.evidence,
                )
            )
    if dates.decision_date is None and document_type == "lgsco_report" and dates.report_date:
        dates.decision_date = dates.report_date
    return dates


def _all_dates(dates: Dates) -> list[DateValue]:
    named = [dates.decision_date, dates.report_date, dates.meeting_date]
    return sorted([d for d in named if d] + dates.events, key=lambda d: d.evidence.start)


def _amount(ct: CleanText, finding: AmountFinding) -> Amount:
    return Amount(
        value=finding.value,
        per=finding.per,
        count=finding.count,
        breakdown_of=finding.breakdown_of,
        claimed=finding.claimed,
        text=finding.text,
        evidence=ct.evidence(finding.start, finding.end),
    )


def add_duration(start: dt.date, duration: str, working_days: bool = False) -> dt.date | None:
    match = re.fullmatch(r"P(\d+)([DWMY])", duration)
    if not match:
        return None
    n, unit = int(match.group(1)), match.group(2)
    if unit == "D" and working_days:
        day = start
        while n > 0:
            day += dt.timedelta(days=1)
            if day.weekday() < 5:
                n -= 1
        return day
    if unit == "D":
        return start + dt.timedelta(days=n)
    if unit == "W":
        return start + dt.timedelta(weeks=n)
    months = n * (12 if unit == "Y" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def due_date(
    anchor: str | None, duration: str | None, working_days: bool, dates: Dates
) -> dt.date | None:
    """When a duration that runs from `anchor` falls due, if the anchor's day is known."""
    anchor_dates = {
        "final_decision": dates.decision_date,
        "report": dates.report_date or dates.decision_date,
        "meeting": dates.meeting_date,
    }
    anchor_value = anchor_dates.get(anchor or "")
    if not (duration and anchor_value and anchor_value.precision == "day"):
        return None
    return add_duration(anchor_value.date, duration, working_days)


def _deadline(ct: CleanText, finding: DeadlineFinding, dates: Dates) -> Deadline:
    return Deadline(
        text=finding.text,
        duration=finding.duration,
        working_days=finding.working_days,
        anchor=finding.anchor,
        due_date=due_date(finding.anchor, finding.duration, finding.working_days, dates),
        by=finding.by,
        evidence=ct.evidence(finding.start, finding.end),
    )


PUBLIC_INTEREST = re.compile(r"\bpublic interest report\b|\bsection\s+31\b|\bsection\s+30\b", re.I)


def default_anchor(ct: CleanText, document_type: str, deadlines: list[Deadline]) -> str:
    """What a remedy deadline printed without an anchor runs from."""
    stated = [d.anchor for d in deadlines if d.anchor in ("final_decision", "report")]
    if stated:
        return max(set(stated), key=stated.count)
    if document_type == "lgsco_report" or PUBLIC_INTEREST.search(ct.text):
        return "report"
    return "final_decision"


def _deadline_with_anchor(deadline: Deadline, anchor: str, dates: Dates) -> Deadline:
    due = due_date(anchor, deadline.duration, deadline.working_days, dates)
    return deadline.model_copy(update={"anchor": anchor, "anchor_inferred": True, "due_date": due})


def _recommendation(
    ct: CleanText,
    finding: RecommendationFinding,
    amounts: list[Amount],
    deadlines: list[Deadline],
    complainant: NameFinding | None,
    all_dates: list[DateValue],
    anchor: str,
    dates: Dates,
    actions_method: str = "rules",
) -> Recommendation:
    def within(evidence, start: int, end: int) -> bool:
        return start <= evidence.start and evidence.end <= end + 1

    own_amounts = [
        a for a in amounts if within(a.evidence, finding.start, finding.end) and not a.claimed
    ]
    deadline = next((d for d in deadlines if within(d.evidence, finding.start, finding.end)), None)
    if deadline is None and finding.deadline_span:
        deadline = next((d for d in deadlines if within(d.evidence, *finding.deadline_span)), None)
    if deadline is None and finding.source == "table" and finding.deadline_span:
        # A date in a progress table's deadline column ("February 2025") is a "by" deadline.
        cell_date = next(
            (
                d
                for d in all_dates
                if finding.end <= d.evidence.start and within(d.evidence, *finding.deadline_span)
            ),
            None,
        )
        if cell_date:
            deadline = Deadline(
                text=cell_date.text,
                by=cell_date.date.strftime("%Y-%m")
                if cell_date.precision == "month"
                else cell_date.date.isoformat(),
                evidence=cell_date.evidence,
            )
    if deadline is not None and deadline.duration and deadline.anchor is None:
        # "Pay Mr and Mrs C £300 ..., within one month." runs from what the document's other
        # remedy deadlines run from; the output says the anchor was inferred.
        deadline = _deadline_with_anchor(deadline, anchor, dates)
    payee = None
    if "payment" in finding.actions:
        match = PAYEE.search(finding.text) or NAMED_PERSON.search(finding.text)
        if match:
            payee = match.groupdict().get("a") or match.groupdict().get("b") or match.group(0)
            if payee.lower() in PRONOUNS and complainant:
                payee = complainant.name
    return Recommendation(
        text=finding.text,
        actions=finding.actions,
        amounts=own_amounts,
        payee=payee,
        deadline=deadline,
        status=finding.status,
        actions_method=actions_method,
        evidence=ct.evidence(finding.start, finding.end),
    )


ACTION_ORDER = ("apology", "payment", "provision", "review", "service_improvement", "report")


def _remedy_actions(
    ct: CleanText, found: list[RemedyFinding], recommendations: list[Recommendation]
) -> list[RemedyAction]:
    """Each kind of remedy once, with every sentence or listed item that names it."""
    evidence: dict[str, dict[tuple[int, int], Evidence]] = {}
    for finding in found:
        evidence.setdefault(finding.action, {}).setdefault(
            (finding.start, finding.end), ct.evidence(finding.start, finding.end)
        )
    for recommendation in recommendations:
        span = (recommendation.evidence.start, recommendation.evidence.end)
        # A listed item's actions come from broad verbs ("arrange for it to be sent to every
        # member" is not a service for the complainant; "a review of the actions arising from
        # other investigations" is a wider change): an item adds the kinds the remedy patterns
        # also read in it, or, where they read none, its main action.
        text = recommendation.text
        named = {
            kind
            for start, end in split_sentences(text)
            if not is_boilerplate(text[start:end])  # an item may run on into boilerplate
            for kind, _, _ in kinds_in(text[start:end])
        }
        actions = [action for action in recommendation.actions if action in named]
        if not actions and not named:
            # The remedy patterns read nothing in it (a wording only the action cues know):
            # its main action stands alone.
            actions = recommendation.actions[:1]
        for action in actions:
            evidence.setdefault(action, {}).setdefault(span, recommendation.evidence)
    return [
        RemedyAction(action=action, evidence=sorted(evidence[action].values(), key=lambda e: e.start))
        for action in ACTION_ORDER
        if action in evidence
    ]
