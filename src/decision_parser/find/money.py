"""Sums of money: `£16,400`, `£75.11 weekly`, `£23 per hour`, `£2,400 (£600 for four school months)`.

A figure alone is a lump sum. The words after it can make it a rate (`per`) and say how many
periods it covers (`count`); a rate in brackets just after a lump sum is that sum's breakdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..document import CleanText
from .numbers import word_to_int

UNITS = {
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "night": "night",
    "week": "week",
    "fortnight": "fortnight",
    "month": "month",
    "year": "year",
    "annum": "year",
    "term": "term",
    "session": "session",
    "visit": "visit",
}
ADVERB_UNITS = {
    "hourly": "hour",
    "daily": "day",
    "nightly": "night",
    "weekly": "week",
    "fortnightly": "fortnight",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
}
# "per week", "a month", "each hour", "weekly"; then optionally "for four (school) months".
UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
RATE = re.compile(
    rf"^\s*(?:(?:per|a|an|each|every)\s+(?P<unit>{UNIT_WORDS})s?\b"
    rf"|(?P<adverb>{'|'.join(ADVERB_UNITS)})\b)",
    re.I,
)
COUNT = re.compile(
    rf"^\s*(?:for|over)\s+(?:the\s+)?(?:(?P<n>\d+|[a-z]+)\s+)?(?:[a-z]+\s+)?(?P<unit>{UNIT_WORDS})s?\b",
    re.I,
)
CLAIMED = re.compile(
    r"\b(wants?|wanted|asks? for|asked for|seeks?|seeking|sought|claims?|claimed|requests?|"
    r"requested|demands?|demanded|is asking)\b[^.;]*$",
    re.I,
)


@dataclass(slots=True)
class AmountFinding:
    value: float
    text: str
    start: int
    end: int
    per: str | None = None
    count: int | None = None
    breakdown_of: float | None = None
    claimed: bool = False


def parse_value(text: str) -> float:
    """'£16,400' -> 16400.0, '£1.5k' -> 1500.0, '£2 million' -> 2000000.0."""
    body = text.replace("£", "").replace(",", "").strip().lower()
    multiplier = 1
    for word, factor in (
        ("million", 1_000_000),
        ("thousand", 1_000),
        ("m", 1_000_000),
        ("k", 1_000),
    ):
        if body.endswith(word):
            body = body[: -len(word)].strip()
            multiplier = factor
            break
    return round(float(body) * multiplier, 2)


def find_amounts(ct: CleanText, doc: Doc) -> list[AmountFinding]:
    text = ct.text
    found: list[AmountFinding] = []
    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        finding = AmountFinding(parse_value(ent.text), ent.text, ent.start_char, ent.end_char)
        end = ent.end_char
        rest = text[end : end + 60]
        rate = RATE.match(rest)
        if rate:
            finding.per = UNITS.get((rate.group("unit") or "").lower()) or ADVERB_UNITS.get(
                (rate.group("adverb") or "").lower()
            )
            end += rate.end()
            rest = text[end : end + 60]
        count = COUNT.match(rest)
        if count:
            n = count.group("n")
            number = int(n) if n and n.isdigit() else word_to_int(n) if n else 1
            if number is not None:
                finding.per = finding.per or UNITS[count.group("unit").lower()]
                finding.count = number
                end += count.end()
        finding.end = end
        finding.text = text[finding.start : end]
        sentence_start = max(
            text.rfind(". ", 0, ent.start_char), text.rfind("\n", 0, ent.start_char)
        )
        finding.claimed = bool(CLAIMED.search(text[sentence_start + 1 : ent.start_char]))
        found.append(finding)
    _link_breakdowns(found, text)
    return found


def _link_breakdowns(found: list[AmountFinding], text: str) -> None:
    """'£2,400 (£600 for four school months)': the rate in brackets explains the sum before it."""
    for previous, current in zip(found, found[1:], strict=False):
        between = text[previous.end : current.start]
        # The bracket may come a few words later: "£2,400 to the parent (£600 for four months)".
        if (
            current.count
            and re.search(r"\(\s*$", between)
            and len(between) < 100
            and not re.search(r"[;.]\s", between)
            and abs(current.value * current.count - previous.value) < 0.01
        ):
            current.breakdown_of = previous.value
