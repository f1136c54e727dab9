"""The committed JSON Schema is what trackers read: it must match the models exactly."""

import json

from decision_parser.models import SCHEMA_VERSION, Decision
from decision_parser.output import json_schema
from tests.helpers import REPO

SCHEMA_PATH = REPO / "schema" / "decision.schema.json"


def test_committed_schema_matches_models():
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "schema/decision.schema.json is stale: run `parse-decision schema > "
        "schema/decision.schema.json` and bump SCHEMA_VERSION if the shape changed"
    )


def test_contract_field_names_are_kept():
    """Trackers depend on these names: adding fields is fine, renaming is not."""
    properties = json_schema()["properties"]
    for name in (
        "schema_version",
        "parser_version",
        "source",
        "document_type",
        "case_references",
        "organisation",
        "complainant",
        "category",
        "outcome",
        "dates",
        "amounts",
        "deadlines",
        "recommendations",
        "warnings",
    ):
        assert name in properties
    definitions = json_schema()["$defs"]
    assert {"page", "start", "end", "quote"} <= set(definitions["Evidence"]["properties"])
    assert {"reference", "raw", "role", "standard_format", "evidence"} <= set(
        definitions["CaseReference"]["properties"]
    )
    assert {"text", "actions", "amounts", "payee", "deadline", "status", "evidence"} <= set(
        definitions["Recommendation"]["properties"]
    )
    assert Decision.model_fields["schema_version"].default == SCHEMA_VERSION
