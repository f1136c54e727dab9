"""The key a case is joined on across documents, whatever way it was printed.

Kept apart from the finders so that the register (infrastructure, which reads JSON and imports
nothing of the parser) and the resolver agree on one definition.
"""

from __future__ import annotations

import re


def case_key(reference: str | None) -> str | None:
    """The eight digits a case is known by: '23 014 562', '23-014-562' and '230014562' (a
    printing with the year's separator as a 0) all give '23014562'; anything else, None."""
    if not reference:
        return None
    digits = re.sub(r"\D", "", reference)
    if len(digits) == 9 and digits[2] == "0":
        digits = digits[:2] + digits[3:]
    return digits if len(digits) == 8 else None


def canonical(key: str) -> str:
    """'23014562' -> '23 014 562'."""
    return f"{key[:2]} {key[2:5]} {key[5:]}"
