"""The key a case is joined on across documents, whatever way it was printed.

Kept apart from the finders so that the register (infrastructure, which reads JSON and imports
nothing of the parser) and the resolver agree on one definition.
"""

from __future__ import annotations

import re

# Before about 2012: year, the letter of the office that took the case, five digits.
OLD_REFERENCE = re.compile(r"^\s*(\d{2})\s*/\s*([A-Za-z])\s*/\s*(\d{5})\s*$")


def case_key(reference: str | None) -> str | None:
    """The eight digits a case is known by: '23 014 562', '23-014-562' and '230014562' (a
    printing with the year's separator as a 0) all give '23014562'; an older reference keeps
    its office letter ('07/A/04966' gives '07A04966'); anything else, None."""
    if not reference:
        return None
    old = OLD_REFERENCE.match(reference)
    if old:
        return f"{old[1]}{old[2].upper()}{old[3]}"
    digits = re.sub(r"\D", "", reference)
    if len(digits) == 9 and digits[2] == "0":
        digits = digits[:2] + digits[3:]
    return digits if len(digits) == 8 else None


def canonical(key: str) -> str:
    """'23014562' -> '23 014 562'; '07A04966' -> '07/A/04966'."""
    if key[2:3].isalpha():
        return f"{key[:2]}/{key[2]}/{key[3:]}"
    return f"{key[:2]} {key[2:5]} {key[5:]}"
