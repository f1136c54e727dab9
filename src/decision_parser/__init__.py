"""decision-parser: LGSCO decisions and the council papers that answer them, as verifiable JSON.

    >>> import decision_parser
    >>> decision = decision_parser.parse("decision.pdf")
    >>> decision.primary_reference.reference
    '22 011 513'

The public API is parse() and parse_text(); everything else may change between versions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from .models import Decision

__all__ = ["Decision", "parse", "parse_text", "__version__"]

MODEL_MISSING = (
    "the trained model (models/decision-parser-ner) is not installed: rules only; "
    "set DECISION_PARSER_MODEL to its folder to use it"
)


def parse(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    with_text: bool = False,
    use_model: bool = True,
    max_bytes: int | None = 100 * 1024 * 1024,
) -> Decision:
    """Parse a PDF, an HTML page or a text file (a path, or the bytes of one) into a Decision.

    use_model=False parses with the rules alone. When the trained model is not installed the
    rules are used and the Decision carries a `model_missing` warning. Inputs over max_bytes
    (100 MB by default; None for no limit) are refused before they are read.
    Raises decision_parser.errors.InputError when the input cannot be read.
    """
    from .clean import clean
    from .models import Warning
    from .nlp import run_rules, trained_pipeline
    from .read import read
    from .resolve import build_decision

    document = read(source, name=name, max_bytes=max_bytes)
    cleaned = clean(document)
    doc = run_rules(cleaned.text)
    model = trained_pipeline() if use_model else None
    decision = build_decision(document, cleaned, doc, with_text=with_text, model=model)
    if use_model and model is None:
        decision.warnings.append(Warning(code="model_missing", message=MODEL_MISSING))
    return decision


def __getattr__(name: str):
    # Decision is loaded on first use: building the pydantic models takes a fifth of a second,
    # which `parse-decision --help` should not pay.
    if name == "Decision":
        from .models import Decision

        return Decision
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_text(text: str, *, with_text: bool = False, use_model: bool = True) -> Decision:
    """Parse text that is already plain (one paragraph or list item a line)."""
    return parse(text.encode("utf-8"), with_text=with_text, use_model=use_model)
