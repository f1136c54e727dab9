"""The output contract: what a tracker, a spreadsheet or a person reads.

These names are a promise to the people who ingest the JSON: add fields, never rename or
remove them, and bump SCHEMA_VERSION whenever the shape changes. `schema/decision.schema.json`
is generated from these models (`parse-decision schema`) and a test fails when they drift.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.3"

DocumentType = Literal[
    "lgsco_decision", "lgsco_report", "committee_report", "committee_minutes", "other"
]
OutcomeDecision = Literal[
    "upheld",
    "not_upheld",
    "closed_after_initial_enquiries",
    "no_further_action",
    "premature",
    "outside_jurisdiction",
    "withdrawn",
    "report_issued",
]
Action = Literal["apology", "payment", "provision", "review", "service_improvement", "report"]
Status = Literal["complete", "in_progress", "on_track", "outstanding"]
Method = Literal["rules", "model"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a value was read: enough for a person to check it in seconds."""

    page: int = Field(description="1-based page of the source; 1 for text inputs.")
    start: int = Field(description="Offset of the first character in the cleaned text.")
    end: int = Field(description="Offset just past the last character in the cleaned text.")
    quote: str = Field(description="The cleaned text between start and end.")
    method: Method = Field("rules", description="What produced the value: rules or the model.")


class Source(_Model):
    path: str | None = Field(description="The path given, or null for stdin.")
    sha256: str = Field(description="SHA-256 of the input bytes.")
    media_type: str = Field(
        description="Detected from the content: application/pdf, text/html, text/plain."
    )
    pages: int


class CaseReference(_Model):
    reference: str = Field(
        description="Canonical 'YY NNN NNN' where the digits allow it, else as printed."
    )
    raw: str = Field(description="Exactly as printed.")
    role: Literal["primary", "related"]
    standard_format: bool = Field(description="False for forms such as '230005792' or '22 03 403'.")
    evidence: Evidence


class NamedValue(_Model):
    """A name read from the text (organisation, complainant, category)."""

    name: str
    evidence: Evidence


class Outcome(_Model):
    decision: OutcomeDecision | None = None
    fault: bool | None = None
    injustice: bool | None = None
    maladministration: bool | None = None
    label: str | None = Field(None, description="The decision label as printed, if any.")
    evidence: list[Evidence] = Field(default_factory=list)


class DateValue(_Model):
    date: dt.date
    text: str = Field(description="The date as printed.")
    precision: Literal["day", "month"] = Field(
        "day", description="month: the text gave only month and year (date is the 1st)."
    )
    year_inferred: bool = Field(False, description="True when the text gave no year.")
    evidence: Evidence


class Dates(_Model):
    decision_date: DateValue | None = Field(None, description="The Ombudsman's decision date.")
    report_date: DateValue | None = Field(None, description="The date of an Ombudsman report.")
    meeting_date: DateValue | None = Field(None, description="The committee meeting's date.")
    events: list[DateValue] = Field(default_factory=list, description="Every other dated event.")


class Amount(_Model):
    value: float = Field(description="In pounds.")
    currency: Literal["GBP"] = "GBP"
    per: str | None = Field(None, description="week, month, hour, ... for a rate.")
    count: int | None = Field(None, description="How many periods: '£600 for four months' is 4.")
    breakdown_of: float | None = Field(
        None, description="Set when this rate explains a lump sum: '£2,400 (£600 for four months)'."
    )
    claimed: bool = Field(
        False,
        description="True for a sum the complainant asked for, not one agreed or recommended.",
    )
    text: str
    evidence: Evidence


class Deadline(_Model):
    text: str
    duration: str | None = Field(None, description="ISO 8601 duration, e.g. P1M, P2W.")
    working_days: bool = Field(False, description="True when the duration counts working days.")
    anchor: str | None = Field(
        None, description="What the duration runs from: final_decision, report, meeting, ..."
    )
    anchor_inferred: bool = Field(
        False, description="True when the text gave no anchor and the document's usual one is used."
    )
    due_date: dt.date | None = Field(None, description="Resolved when the anchor's date is known.")
    by: str | None = Field(None, description="An absolute deadline: YYYY-MM or YYYY-MM-DD.")
    evidence: Evidence


class Recommendation(_Model):
    text: str
    actions: list[Action] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    payee: str | None = None
    deadline: Deadline | None = None
    status: Status | None = Field(None, description="As a committee paper reports it.")
    actions_method: Method = Field(
        "rules",
        description="What named the actions: the rules, or the trained model when the rules saw none.",
    )
    evidence: Evidence


class RemedyAction(_Model):
    """One kind of remedy the document says was agreed, recommended or made for the case."""

    action: Action
    evidence: list[Evidence] = Field(
        default_factory=list, description="Each sentence or item that names this kind of remedy."
    )


class Warning(_Model):
    code: str = Field(description="Stable machine-readable code, e.g. nonstandard_reference.")
    message: str
    evidence: Evidence | None = None


class Decision(_Model):
    """One parsed document."""

    schema_version: str = SCHEMA_VERSION
    parser_version: str
    source: Source
    document_type: DocumentType
    case_reference: str | None = Field(
        None,
        description="The case the document is about: its primary reference, canonical "
        "'YY NNN NNN' where the digits allow it, else as printed (see case_key).",
    )
    case_key: str | None = Field(
        None,
        description="The primary reference's eight digits, the key to join documents on: "
        "'23 014 562' and the non-standard printing '230014562' both give '23014562'. A "
        "reference of the older form keeps its office letter: '07/A/04966' gives '07A04966' "
        "(since schema 1.3).",
    )
    case_references: list[CaseReference] = Field(
        default_factory=list, description="Every mention of a case reference, in order."
    )
    other_references: list[str] = Field(
        default_factory=list, description="The council's own report codes, e.g. CS/22/07."
    )
    organisation: NamedValue | None = None
    complainant: NamedValue | None = None
    parties: list[NamedValue] = Field(
        default_factory=list,
        description="The people the document names by pseudonym or role ('Mrs X', 'Y', 'the parent'), once each.",
    )
    category: NamedValue | None = None
    outcome: Outcome = Field(default_factory=Outcome)
    dates: Dates = Field(default_factory=Dates)
    amounts: list[Amount] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    remedy_actions: list[RemedyAction] = Field(
        default_factory=list,
        description="Every kind of remedy the document states for the case (summary, remedy "
        "section, minutes), once each; recommendations[] is the itemised list.",
    )
    warnings: list[Warning] = Field(default_factory=list)
    text: str | None = Field(
        None, description="The cleaned text that offsets point into (with --with-text)."
    )

    def model_dump_json(self, **kwargs) -> str:  # type: ignore[override]
        # `text` appears only when it was asked for (with_text / --with-text), not as null.
        if self.text is None:
            exclude = kwargs.get("exclude")
            if exclude is None:
                kwargs["exclude"] = {"text"}
            elif isinstance(exclude, set):
                kwargs["exclude"] = exclude | {"text"}
        return super().model_dump_json(**kwargs)

    @property
    def primary_reference(self) -> CaseReference | None:
        return next((r for r in self.case_references if r.role == "primary"), None)
