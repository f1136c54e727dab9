"""Ombudsman case references: `23 006 024`, `23006024`, `230005792`, `22 03 403`, `17 002 402b`,
and the older `07/A/04966`.

The Ombudsman prints references as two digits of year and six of sequence (`YY NNN NNN`).
Papers that quote them drop spaces or digits; those forms are kept as printed and flagged.
Until about 2012 a reference was the year, the letter of the office that took the case and a
five-digit number (`07/A/04966`); council papers of those years quote them so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import CleanText
from ..matches import RuleMatches

# Words that make a bare run of digits a case reference rather than a phone or account number.
CONTEXT = re.compile(
    r"\b(ombudsm[ae]n|lgo|lgsco|lgsco's|reference|ref|case|complaint|decision|report)\b", re.I
)
CONTEXT_WINDOW = 80
# Other ombudsmen number their cases too; a reference they gave is not this Ombudsman's.
OTHER_OMBUDSMAN = re.compile(
    r"\bHousing\s+Ombudsman|\bParliamentary\s+and\s+Health\s+Service\s+Ombudsman|\bPHSO\b"
    r"|\bFinancial\s+Ombudsman|\bPensions\s+Ombudsman",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ReferenceFinding:
    reference: str  # canonical where the digits allow, else as printed
    raw: str
    digits: str  # for grouping mentions of one case
    standard_format: bool
    start: int
    end: int


def canonical(raw: str) -> tuple[str, bool]:
    """Return (reference, standard_format) for a printed reference."""
    suffix_match = re.search(r"[a-zA-Z]$", raw)
    suffix = suffix_match.group(0).lower() if suffix_match else ""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 8:
        return f"{digits[:2]} {digits[2:5]} {digits[5:]}{suffix}", True
    return raw, False


def find_references(ct: CleanText, doc: RuleMatches) -> list[ReferenceFinding]:
    found: list[ReferenceFinding] = []
    for ent in doc.ents:
        if ent.label_ != "CASE_REF":
            continue
        raw = ent.text
        reference, standard = canonical(raw)
        spaced = ent.ent_id_ in ("spaced", "dashed_split")
        if not (spaced and standard) and not _has_context(ct.text, ent.start_char, ent.end_char):
            continue
        if ent.ent_id_ != "lgo_old" and not _plausible_year(raw):
            continue
        if OTHER_OMBUDSMAN.search(ct.text[max(0, ent.start_char - CONTEXT_WINDOW) : ent.start_char]):
            continue
        found.append(
            ReferenceFinding(
                reference=reference,
                raw=raw,
                digits=re.sub(r"\D", "", raw),
                standard_format=standard,
                start=ent.start_char,
                end=ent.end_char,
            )
        )
    return found


def _has_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - CONTEXT_WINDOW) : start]
    after = text[end : end + 20]
    return bool(CONTEXT.search(before) or CONTEXT.search(after))


def _plausible_year(raw: str) -> bool:
    # The Ombudsman's numbering began in the 1990s; "00"-"09" and "90"-"99" years are too rare
    # to outweigh the phone and account numbers of that shape.
    year = int(raw[:2])
    return 10 <= year <= 40


OTHER_REFERENCE = re.compile(r"^[A-Z]{1,6}/\d{2,4}/\d{1,4}[A-Za-z]?$")


def find_other_references(doc: RuleMatches) -> list[tuple[str, int, int]]:
    """The council's own report codes (`CS/22/07`)."""
    return [
        (ent.text, ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "OTHER_REF"
    ]
