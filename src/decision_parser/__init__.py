"""decision-parser: LGSCO decisions and the council papers that answer them, as verifiable JSON.

    >>> import decision_parser
    >>> decision = decision_parser.parse("decision.pdf")
    >>> decision.primary_reference.reference
    '22 011 513'
"""

from __future__ import annotations

__version__ = "0.1.0"
