"""Output formats of one Decision: JSON (pydantic) and its JSON Schema."""

from __future__ import annotations

from .models import SCHEMA_VERSION, Decision

SCHEMA_ID = "https://decision-parser.invalid/schema/decision.schema.json"


def json_schema() -> dict:
    """The JSON Schema of the output, as committed in schema/decision.schema.json."""
    schema = Decision.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "decision-parser output",
        "description": f"One parsed document. schema_version {SCHEMA_VERSION}.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
