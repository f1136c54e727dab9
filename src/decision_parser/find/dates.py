"""Dates as printed: `22nd July 2024`, `Thursday 6 January 2025`, `27 Mar 2025`, `On 13th April`.

spaCy's rules find the spans; dateparser turns each into a date (day before month, English
only). dateparser never sees whole documents: its free-text search reads "£600 a month" as a
date. A date printed without a year takes the year of the nearest dated mention before it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

import dateparser

from ..document import CleanText
from ..matches import RuleMatches

DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"^\s*(?P<day>(mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,?\s+", re.I)
ORDINAL = re.compile(r"(?<=\d)\s*(st|nd|rd|th)\b", re.I)
# A year far from the document's other years is more likely a typo than a fact.
PLAUSIBLE_YEARS = range(1990, 2100)


@dataclass(slots=True)
class DateFinding:
    date: dt.date
    text: str
    start: int
    end: int
    precision: Literal["day", "month"] = "day"
    year_inferred: bool = False
    weekday: str | None = None  # as printed, when printed

    @property
    def weekday_matches(self) -> bool | None:
        if self.weekday is None or self.precision != "day":
            return None
        return WEEKDAYS[self.date.weekday()].startswith(self.weekday.lower()[:3])


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> dt.date | None:
    parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    if parsed is None or parsed.year not in PLAUSIBLE_YEARS:
        return None
    return parsed.date()


def parse_date(text: str, default_year: int | None = None) -> tuple[dt.date, str] | None:
    """Parse one printed date. Returns (date, precision) or None.

    With no year in the text, default_year is used (None: give up).
    """
    body = WEEKDAY.sub("", " ".join(text.split()))
    body = ORDINAL.sub("", body).replace(" of ", " ").replace(",", " ").strip()
    body = re.sub(r"^the\s+", "", body, flags=re.I)
    has_year = bool(re.search(r"\b(19|20)\d{2}\b|\d{1,2}[/.]\d{1,2}[/.]\d{2}\b", body))
    has_day = bool(re.search(r"(^|\s)\d{1,2}(\s|$)", body)) or "/" in body or "." in body
    if not has_year:
        if default_year is None:
            return None
        body = f"{body} {default_year}"
    parsed = _parse(body)
    if parsed is None:
        return None
    return parsed, "day" if has_day else "month"


def find_dates(ct: CleanText, doc: RuleMatches) -> list[DateFinding]:
    found: list[DateFinding] = []
    pending: list = []  # spans without a year, resolved once the years around them are known
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        weekday = WEEKDAY.match(ent.text)
        weekday_text = weekday.group("day") if weekday else None
        result = parse_date(ent.text)
        if result is None:
            if ent.ent_id_ in ("day_month", "day_split_suffix_month"):
                pending.append((ent, weekday_text, len(found)))
                found.append(None)  # placeholder keeps reading order
            continue
        date, precision = result
        found.append(
            DateFinding(
                date, ent.text, ent.start_char, ent.end_char, precision, False, weekday_text
            )
        )
    for ent, weekday_text, index in pending:
        year = _context_year(found, index)
        result = parse_date(ent.text, default_year=year) if year else None
        if result is not None:
            found[index] = DateFinding(
                result[0], ent.text, ent.start_char, ent.end_char, "day", True, weekday_text
            )
    return [f for f in found if f is not None]


def _context_year(found: list[DateFinding | None], index: int) -> int | None:
    """The year of the nearest dated mention before this one, else the nearest after it."""
    for finding in reversed(found[:index]):
        if finding is not None and not finding.year_inferred:
            return finding.date.year
    for finding in found[index + 1 :]:
        if finding is not None and not finding.year_inferred:
            return finding.date.year
    return None
