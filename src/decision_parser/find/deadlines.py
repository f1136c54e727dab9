"""Deadlines: a duration and what it runs from ("within one month of the final decision"), or an
absolute limit ("by December 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import CleanText
from ..matches import RuleMatches
from .dates import parse_date
from .numbers import word_to_int

UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y"}
# What a duration runs from, read in the words just after it. First match wins.
ANCHORS = [
    (
        "final_decision",
        re.compile(
            r"^\W*(of|from|after)\s+(the\s+|our\s+|this\s+|my\s+)?(date\s+of\s+(the\s+|this\s+|our\s+|my\s+)?)?"
            r"(receiving\s+|receipt\s+of\s+|issue\s+of\s+)?(the\s+|our\s+|this\s+|my\s+)?(final\s+)?(decision|statement)",
            re.I,
        ),
    ),
    (
        "final_decision",
        re.compile(
            r"^\W*(of|from|after)\s+(the\s+)?publication\b[^.;:]{0,40}\b(decision|statement)", re.I
        ),
    ),
    (
        "report",
        re.compile(
            r"^\W*(of|from|after)\s+(the\s+)?(date\s+of\s+)?(receiving|receipt\s+of|issue\s+of|publication\s+of)?\s*(the\s+|this\s+|our\s+|my\s+)?(final\s+)?report",
            re.I,
        ),
    ),
    ("meeting", re.compile(r"^\W*(of|from|after)\s+(the\s+|this\s+)?(committee\s+)?meeting", re.I)),
    (
        "complaint",
        re.compile(
            r"^\W*(of|from|after)\s+(receiving\s+|receipt\s+of\s+)?(the\s+|a\s+)?complaint", re.I
        ),
    ),
]
# Phrases before a duration that tie it to the Ombudsman's report ("consider the report and
# confirm within three months").
REPORT_CONTEXT = re.compile(r"\b(consider(ed)?|considering)\s+(the|this|our)\s+report\b", re.I)


@dataclass(slots=True)
class DeadlineFinding:
    text: str
    start: int
    end: int
    duration: str | None = None
    working_days: bool = False
    anchor: str | None = None
    anchor_text: str | None = None
    by: str | None = None  # YYYY-MM or YYYY-MM-DD


def parse_duration(text: str) -> tuple[str, bool] | None:
    """'within three months' -> ('P3M', False); 'within 20 working days' -> ('P20D', True)."""
    match = re.search(
        r"(\d+|[a-z-]+)\s+((working|calendar|clear|school)\s+)?(day|week|month|year|fortnight)s?\b",
        text.lower(),
    )
    if not match:
        return None
    number = word_to_int(match.group(1))
    if number is None:
        return None
    unit = match.group(4)
    if unit == "fortnight":  # "within a fortnight": two weeks
        number, unit = number * 2, "week"
    return f"P{number}{UNIT_CODES[unit]}", match.group(3) == "working"


def find_deadlines(ct: CleanText, doc: RuleMatches) -> list[DeadlineFinding]:
    text = ct.text
    found: list[DeadlineFinding] = []
    for ent in doc.ents:
        if ent.label_ == "DURATION":
            parsed = parse_duration(ent.text)
            if parsed is None:
                continue
            # The rules may have taken "of the" into the span ("one month from the"); the
            # anchor is read from just after the unit word.
            core = re.match(r"^.*?\b(days?|weeks?|months?|years?|fortnights?)\b", ent.text, re.I)
            core_end = ent.start_char + (core.end() if core else len(ent.text))
            finding = DeadlineFinding(
                text[ent.start_char : core_end], ent.start_char, core_end, *parsed
            )
            following = text[core_end : core_end + 120]
            for anchor, pattern in ANCHORS:
                match = pattern.match(following)
                if match:
                    finding.anchor = anchor
                    finding.anchor_text = match.group(0).strip()
                    finding.end = core_end + match.end()
                    finding.text = text[finding.start : finding.end]
                    break
            if ent.ent_id_ == "anchored" and (
                finding.anchor not in ("final_decision", "report")
                or not re.match(r"^\W*(from|of)\b", following, re.I)
            ):
                # Without "within", only "one month from the final decision" (a progress
                # table's deadline cell) is a deadline; "two weeks after the meeting" is history.
                continue
            if finding.anchor is None:
                line_start = text.rfind("\n", 0, ent.start_char) + 1
                if REPORT_CONTEXT.search(text[line_start : ent.start_char]):
                    finding.anchor = "report"
            found.append(finding)
        elif ent.label_ == "DEADLINE_BY":
            date_text = re.sub(
                r"^(by|before|no later than)(\s+the)?(\s+end)?(\s+of)?\s+", "", ent.text, flags=re.I
            )
            parsed = parse_date(date_text)
            if parsed is None:
                continue
            date, precision = parsed
            by = date.strftime("%Y-%m") if precision == "month" else date.isoformat()
            found.append(DeadlineFinding(ent.text, ent.start_char, ent.end_char, by=by))
    return found
