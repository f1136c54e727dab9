"""Sums of money: `£16,400`, `£75.11 weekly`, `£23 per hour`, `£2,400 (£600 for four school months)`.

A figure alone is a lump sum. The words after it can make it a rate (`per`) and say how many
periods it covers (`count`); a rate in brackets just after a lump sum is that sum's breakdown.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..document import CleanText
from ..matches import RuleMatches
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
    rf"^\s*(?:for|over)\s+(?:each\s+of\s+)?(?:the\s+)?(?:(?P<n>\d+|[a-z]+)\s+)?(?:[a-z]+\s+)?(?P<unit>{UNIT_WORDS})s?\b",
    re.I,
)
CLAIMED = re.compile(
    r"\b(wants?|wanted|asks? for|asked for|seeks?|seeking|sought|claims?|claimed|requests?|"
    r"requested|demands?|demanded|is asking)\b[^.;]*$",
    re.I,
)


CLAIM_REACH = 160


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


def find_amounts(ct: CleanText, doc: RuleMatches) -> list[AmountFinding]:
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
        # The claim verb stands within a sentence's reach before the sum; looking further back
        # than that would make a long line's scan quadratic.
        window = max(0, ent.start_char - CLAIM_REACH)
        sentence_start = max(
            text.rfind(". ", window, ent.start_char), text.rfind("\n", window, ent.start_char)
        )
        start = sentence_start + 1 if sentence_start >= 0 else window
        finding.claimed = bool(CLAIMED.search(text[start : ent.start_char]))
        found.append(finding)
    _link_breakdowns(found, text)
    return found


# "32 weeks at £75.11", "the 46 hours of home care that did not take place, at £23 per hour".
COUNT_BEFORE = re.compile(rf"\b(?P<n>\d+|[a-z]+)\s+(?:[a-z]+\s+)?(?P<unit>{UNIT_WORDS})s?\b", re.I)


# How far apart (in characters) a rate and the sum it explains may be.
BREAKDOWN_REACH = 160


def _link_breakdowns(found: list[AmountFinding], text: str) -> None:
    """A rate times its count that equals a sum in the same sentence explains that sum:
    '£2,400 (£600 for four school months)', '32 weeks at £75.11 weekly, a total of £2,403.52'."""
    # Only sums within BREAKDOWN_REACH of a rate can be its total: look those up by position
    # (bisect), not by a scan of every sum for every rate, which a 2,000-page pack made slow.
    by_start = sorted(found, key=lambda finding: finding.start)
    starts = [finding.start for finding in by_start]
    for rate in found:
        if rate.per and rate.count is None:
            window = re.split(r"[;.]\s|\n", text[max(0, rate.start - 100) : rate.start])[-1]
            for before in reversed(list(COUNT_BEFORE.finditer(window))):
                number = word_to_int(before.group("n"))
                if number and UNITS[before.group("unit").lower()] == rate.per:
                    rate.count = number
                    break
        if not (rate.per and rate.count):
            continue
        first = bisect.bisect_left(starts, rate.start - BREAKDOWN_REACH)
        last = bisect.bisect_right(starts, rate.start + BREAKDOWN_REACH)
        for total in by_start[first:last]:
            if total is rate or total.per:
                continue
            lo, hi = sorted((rate.start, total.start))
            between = text[lo:hi]
            if (
                abs(rate.value * rate.count - total.value) < 0.01
                and len(between) < BREAKDOWN_REACH
                and not re.search(r"[.;]\s|\n", between)
            ):
                rate.breakdown_of = total.value
                break
