"""Exports of a results.jsonl that a tracker or a spreadsheet takes directly: CSV and SQLite.

    parse-decision batch corpus/ --out results.jsonl --csv exports/ --sqlite decisions.db
    python -m decision_parser.exports results.jsonl --csv exports/ --sqlite decisions.db

Both are built from results.jsonl, which stays the source of truth, and are safe to rebuild:
the CSV files are rewritten whole (atomically), and the SQLite tables are upserted by the
document's content hash, so a re-run never duplicates a row. The columns are documented in
docs/batch.md; DOCUMENT_COLUMNS and RECOMMENDATION_COLUMNS below are the single list.

The readers take the JSON as dicts, not as models.Decision, so a results file written by an
older or newer parser version (which may add fields) still exports.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import json
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .casekeys import case_key


class ExportError(Exception):
    """The export cannot be written; the message says which file and why."""


@dataclass
class ExportCounts:
    documents: int = 0
    recommendations: int = 0
    unchanged: int = 0  # SQLite: documents already there with the same JSON


# --------------------------------------------------------------------------------------------
# Reading results.jsonl
# --------------------------------------------------------------------------------------------


def decision_sha(value: object) -> str | None:
    """The source hash of a Decision read back from JSON; None for any other JSON value, so a
    foreign line in results.jsonl is neither 'done' nor a document row."""
    if not isinstance(value, dict) or "schema_version" not in value:
        return None
    source = value.get("source")
    sha = source.get("sha256") if isinstance(source, dict) else None
    return sha if isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha) else None


def read_results(path: Path) -> Iterator[tuple[dict, str]]:
    """Each Decision in a results file as (dict, its JSON line), the first of each hash only.

    Lines that are not Decision JSON (a partial last line of a killed run) are skipped.
    """
    seen: set[str] = set()
    try:
        # errors="replace": bytes that are not UTF-8 spoil their own line, not the export.
        handle = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
    except OSError as error:
        raise ExportError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            try:
                decision = json.loads(line)
            except ValueError:
                continue
            sha = decision_sha(decision)
            if sha is None:  # JSON, but not a Decision: not a document row
                continue
            if sha not in seen:
                seen.add(sha)
                yield decision, line


# --------------------------------------------------------------------------------------------
# Flattening one Decision into rows
# --------------------------------------------------------------------------------------------


def _name(value: dict | None) -> str | None:
    return value.get("name") if value else None


def _date(value: dict | None) -> str | None:
    return value.get("date") if value else None


def primary_reference(decision: dict) -> str | None:
    for ref in decision.get("case_references") or []:
        if ref.get("role") == "primary":
            return ref.get("reference")
    return None


def distinct_references(decision: dict) -> list[dict]:
    """Case references once each (a decision repeats its own many times), in order of first
    mention, with how often and where first."""
    merged: dict[str, dict] = {}
    for ref in decision.get("case_references") or []:
        key = ref.get("reference")
        if not key:
            continue
        page = (ref.get("evidence") or {}).get("page")
        if key not in merged:
            merged[key] = {
                "reference": key,
                "role": ref.get("role"),
                "raw": ref.get("raw"),
                "standard_format": ref.get("standard_format"),
                "first_page": page,
                "mentions": 0,
            }
        entry = merged[key]
        entry["mentions"] += 1
        if ref.get("role") == "primary":
            entry["role"] = "primary"
    return list(merged.values())


def recommendation_amount(recommendation: dict) -> float | None:
    """The sum a recommendation asks for: its amounts, less rates that only explain a lump sum
    ('£2,400 (£600 a month for four months)') and sums the complainant claimed."""
    values = [
        a["value"]
        for a in recommendation.get("amounts") or []
        if a.get("breakdown_of") is None and not a.get("claimed") and a.get("value") is not None
    ]
    return round(sum(values), 2) if values else None


def due_date(deadline: dict | None) -> str | None:
    """When a recommendation is due, as a full ISO date that SQLite's date() and spreadsheets
    read: the worked-out date, or an absolute 'by' deadline; 'by February 2025' is due on the
    last day of that month (due_precision says which)."""
    return _due(deadline)[0]


def due_precision(deadline: dict | None) -> str | None:
    """'day', or 'month' for a deadline printed as a month only; None without a due date."""
    return _due(deadline)[1]


def _due(deadline: dict | None) -> tuple[str | None, str | None]:
    if not deadline:
        return None, None
    if deadline.get("due_date"):
        return deadline["due_date"], "day"
    by = deadline.get("by") or ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", by):
        return by, "day"
    if re.fullmatch(r"\d{4}-\d{2}", by):
        year, month = int(by[:4]), int(by[5:])
        return f"{by}-{calendar.monthrange(year, month)[1]:02d}", "month"
    return None, None


# Column name -> what it holds. docs/batch.md repeats these; a test keeps the two in step.
DOCUMENT_COLUMNS: dict[str, str] = {
    "sha256": "SHA-256 of the file's bytes: the document's key in every export",
    "path": "the file as given to the batch run",
    "media_type": "application/pdf, text/html or text/plain",
    "pages": "number of pages (1 for HTML and text)",
    "document_type": "lgsco_decision, lgsco_report, committee_report, committee_minutes, other",
    "reference": "the primary Ombudsman case reference, 'YY NNN NNN' (JSON: case_reference)",
    "case_key": "its eight digits, the key to join documents on: 23 014 562 and 230014562 "
    "both give 23014562",
    "related_references": "other case references mentioned, separated by '; '",
    "council_references": "the council's own report codes (e.g. CS/24/11), separated by '; '",
    "council": "the organisation complained about, or the council whose paper it is",
    "organisation": "the same as council, under the JSON's name",
    "complainant": "as the document names them, e.g. 'Mrs B'",
    "category": "the service area as printed, e.g. 'Education > Special educational needs'",
    "outcome": "upheld, not_upheld, closed_after_initial_enquiries, ... (blank: not found)",
    "fault": "true, false or blank (not stated)",
    "injustice": "true, false or blank",
    "maladministration": "true, false or blank",
    "decision_date": "the Ombudsman's decision date, YYYY-MM-DD",
    "report_date": "the date of an Ombudsman report, YYYY-MM-DD",
    "meeting_date": "the committee meeting's date, YYYY-MM-DD",
    "recommendations": "how many recommendations (rows in recommendations.csv)",
    "recommended_total": "sum of the recommendations' amounts in pounds",
    "warnings": "how many warnings the parser raised (see the JSON for each)",
    "parser_version": "the decision-parser version that read the document",
}

RECOMMENDATION_COLUMNS: dict[str, str] = {
    "sha256": "the document's key (documents.csv)",
    "reference": "the document's primary case reference",
    "case_key": "its eight digits (see documents.csv)",
    "council": "the organisation that is to act",
    "organisation": "the same as council, under the JSON's name",
    "number": "1, 2, ... in the order of the document",
    "action": "apology, payment, provision, review, service_improvement, report; several "
    "separated by '; '",
    "actions": "the same as action, under the JSON's (and SQLite's) name",
    "amount": "pounds to pay (rates that break a lump sum down and claimed sums left out)",
    "payee": "who is to be paid, when stated",
    "deadline": "the deadline as printed, e.g. 'within one month of my final decision'",
    "duration": "the deadline as an ISO 8601 duration, e.g. P1M",
    "due_date": "YYYY-MM-DD when known: the worked-out date, or a 'by' deadline (a month "
    "only: its last day)",
    "due_precision": "day, or month when the document gives only a month",
    "status": "complete, in_progress, on_track, outstanding: as a council paper reports it",
    "text": "the recommendation's text",
    "page": "the page the recommendation is on",
    "path": "the file it came from",
}


def _flag(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def document_row(decision: dict) -> dict:
    source = decision.get("source") or {}
    outcome = decision.get("outcome") or {}
    dates = decision.get("dates") or {}
    primary = primary_reference(decision)
    amounts = [recommendation_amount(r) for r in decision.get("recommendations") or []]
    amounts = [a for a in amounts if a is not None]
    return {
        "sha256": source.get("sha256"),
        "path": source.get("path"),
        "media_type": source.get("media_type"),
        "pages": source.get("pages"),
        "document_type": decision.get("document_type"),
        "reference": primary,
        "case_key": case_key(primary),
        "related_references": "; ".join(
            r["reference"] for r in distinct_references(decision) if r["reference"] != primary
        ),
        "council_references": "; ".join(decision.get("other_references") or []),
        "council": _name(decision.get("organisation")),
        "organisation": _name(decision.get("organisation")),
        "complainant": _name(decision.get("complainant")),
        "category": _name(decision.get("category")),
        "outcome": outcome.get("decision"),
        "fault": _flag(outcome.get("fault")),
        "injustice": _flag(outcome.get("injustice")),
        "maladministration": _flag(outcome.get("maladministration")),
        "decision_date": _date(dates.get("decision_date")),
        "report_date": _date(dates.get("report_date")),
        "meeting_date": _date(dates.get("meeting_date")),
        "recommendations": len(decision.get("recommendations") or []),
        "recommended_total": round(sum(amounts), 2) if amounts else None,
        "warnings": len(decision.get("warnings") or []),
        "parser_version": decision.get("parser_version"),
    }


def recommendation_rows(decision: dict) -> list[dict]:
    source = decision.get("source") or {}
    rows = []
    for number, rec in enumerate(decision.get("recommendations") or [], start=1):
        deadline = rec.get("deadline") or {}
        rows.append(
            {
                "sha256": source.get("sha256"),
                "reference": primary_reference(decision),
                "case_key": case_key(primary_reference(decision)),
                "council": _name(decision.get("organisation")),
                "organisation": _name(decision.get("organisation")),
                "number": number,
                "action": "; ".join(rec.get("actions") or []),
                "actions": "; ".join(rec.get("actions") or []),
                "amount": recommendation_amount(rec),
                "payee": rec.get("payee"),
                "deadline": deadline.get("text"),
                "duration": deadline.get("duration"),
                "due_date": due_date(deadline),
                "due_precision": due_precision(deadline),
                "status": rec.get("status"),
                "text": rec.get("text"),
                "page": (rec.get("evidence") or {}).get("page"),
                "path": source.get("path"),
            }
        )
    return rows


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------

# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): these come from
# documents we did not write, so such text is kept as text with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_csv(results: Path, folder: Path) -> ExportCounts:
    """Write documents.csv and recommendations.csv into `folder` (UTF-8, comma-separated,
    one header row). Existing files are replaced whole."""
    counts = ExportCounts()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{folder}: cannot create: {error.strerror or error}") from None
    documents_path = folder / "documents.csv"
    recommendations_path = folder / "recommendations.csv"
    documents_tmp = documents_path.with_name(documents_path.name + ".tmp")
    recommendations_tmp = recommendations_path.with_name(recommendations_path.name + ".tmp")
    try:
        with (
            open(documents_tmp, "w", encoding="utf-8", newline="") as documents_file,
            open(recommendations_tmp, "w", encoding="utf-8", newline="") as recs_file,
        ):
            documents = csv.DictWriter(documents_file, fieldnames=list(DOCUMENT_COLUMNS))
            recommendations = csv.DictWriter(recs_file, fieldnames=list(RECOMMENDATION_COLUMNS))
            documents.writeheader()
            recommendations.writeheader()
            for decision, _ in read_results(results):
                documents.writerow({k: _cell(v) for k, v in document_row(decision).items()})
                counts.documents += 1
                for row in recommendation_rows(decision):
                    recommendations.writerow({k: _cell(v) for k, v in row.items()})
                    counts.recommendations += 1
        os.replace(documents_tmp, documents_path)
        os.replace(recommendations_tmp, recommendations_path)
    except OSError as error:
        raise ExportError(f"{folder}: cannot write: {error.strerror or error}") from None
    finally:
        for leftover in (documents_tmp, recommendations_tmp):
            leftover.unlink(missing_ok=True)
    return counts


# --------------------------------------------------------------------------------------------
# SQLite
# --------------------------------------------------------------------------------------------

SQLITE_VERSION = 2  # PRAGMA user_version of the schema below
# Columns version 2 added to a version 1 file (ALTER TABLE), and then every row is rewritten.
SQLITE_ADDED = {
    "documents": ("case_key TEXT", "organisation TEXT"),
    "recommendations": ("case_key TEXT", "organisation TEXT", "due_precision TEXT"),
    "deadlines": ("due_precision TEXT",),
}

# The references table is case_references because REFERENCES is an SQL keyword (a table of
# that name must be quoted in every query); the view "references" is there for those who look
# for the name.
SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    path TEXT,
    media_type TEXT,
    pages INTEGER,
    document_type TEXT,
    reference TEXT,
    case_key TEXT,
    council TEXT,
    organisation TEXT,
    complainant TEXT,
    category TEXT,
    outcome TEXT,
    fault INTEGER,
    injustice INTEGER,
    maladministration INTEGER,
    decision_date TEXT,
    report_date TEXT,
    meeting_date TEXT,
    recommended_total REAL,
    warnings INTEGER,
    schema_version TEXT,
    parser_version TEXT,
    decision_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_reference ON documents (reference);
CREATE INDEX IF NOT EXISTS documents_by_council ON documents (council);
CREATE INDEX IF NOT EXISTS documents_by_case_key ON documents (case_key);

CREATE TABLE IF NOT EXISTS case_references (
    sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    reference TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    raw TEXT,
    standard_format INTEGER,
    first_page INTEGER,
    mentions INTEGER,
    PRIMARY KEY (sha256, kind, reference)
);
CREATE INDEX IF NOT EXISTS case_references_by_reference ON case_references (reference);
CREATE VIEW IF NOT EXISTS "references" AS SELECT * FROM case_references;

CREATE TABLE IF NOT EXISTS recommendations (
    sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    reference TEXT,
    case_key TEXT,
    council TEXT,
    organisation TEXT,
    actions TEXT,
    amount REAL,
    payee TEXT,
    deadline TEXT,
    duration TEXT,
    working_days INTEGER,
    anchor TEXT,
    due_date TEXT,
    due_precision TEXT,
    status TEXT,
    text TEXT,
    page INTEGER,
    start_offset INTEGER,
    end_offset INTEGER,
    PRIMARY KEY (sha256, number)
);

CREATE TABLE IF NOT EXISTS amounts (
    sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    value REAL,
    per TEXT,
    count INTEGER,
    breakdown_of REAL,
    claimed INTEGER,
    text TEXT,
    page INTEGER,
    start_offset INTEGER,
    end_offset INTEGER,
    PRIMARY KEY (sha256, number)
);

CREATE TABLE IF NOT EXISTS deadlines (
    sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT,
    duration TEXT,
    working_days INTEGER,
    anchor TEXT,
    due_date TEXT,
    due_precision TEXT,
    by_date TEXT,
    page INTEGER,
    start_offset INTEGER,
    end_offset INTEGER,
    PRIMARY KEY (sha256, number)
);
"""

CHILD_TABLES = ("case_references", "recommendations", "amounts", "deadlines")
# Commit every so many documents: a big export keeps its progress if interrupted.
COMMIT_EVERY = 1000


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return found.fetchone() is not None


def _bool(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _evidence(item: dict) -> tuple:
    evidence = item.get("evidence") or {}
    return evidence.get("page"), evidence.get("start"), evidence.get("end")


def _insert(db: sqlite3.Connection, table: str, row: dict) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def _upsert_document(db: sqlite3.Connection, decision: dict, line: str) -> None:
    flat = document_row(decision)
    row = {
        "sha256": flat["sha256"],
        "path": flat["path"],
        "media_type": flat["media_type"],
        "pages": flat["pages"],
        "document_type": flat["document_type"],
        "reference": flat["reference"],
        "case_key": flat["case_key"],
        "council": flat["council"],
        "organisation": flat["organisation"],
        "complainant": flat["complainant"],
        "category": flat["category"],
        "outcome": flat["outcome"],
        "fault": _bool((decision.get("outcome") or {}).get("fault")),
        "injustice": _bool((decision.get("outcome") or {}).get("injustice")),
        "maladministration": _bool((decision.get("outcome") or {}).get("maladministration")),
        "decision_date": flat["decision_date"],
        "report_date": flat["report_date"],
        "meeting_date": flat["meeting_date"],
        "recommended_total": flat["recommended_total"],
        "warnings": flat["warnings"],
        "schema_version": decision.get("schema_version"),
        "parser_version": decision.get("parser_version"),
        "decision_json": line,
        "updated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "sha256")
    db.execute(
        f"INSERT INTO documents ({columns}) VALUES ({marks}) "
        f"ON CONFLICT (sha256) DO UPDATE SET {updates}",
        list(row.values()),
    )
    sha = row["sha256"]
    # Children are replaced whole: simpler than diffing, and the keys make duplicates impossible.
    for table in CHILD_TABLES:
        db.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))
    for ref in distinct_references(decision):
        ref = {**ref, "standard_format": _bool(ref["standard_format"])}
        _insert(db, "case_references", {"sha256": sha, "kind": "ombudsman", **ref})
    for code in dict.fromkeys(decision.get("other_references") or []):
        _insert(db, "case_references", {"sha256": sha, "kind": "council", "reference": code})
    reference, council, key = flat["reference"], flat["council"], flat["case_key"]
    for number, rec in enumerate(decision.get("recommendations") or [], start=1):
        deadline = rec.get("deadline") or {}
        page, start, end = _evidence(rec)
        _insert(
            db,
            "recommendations",
            {
                "sha256": sha,
                "number": number,
                "reference": reference,
                "case_key": key,
                "council": council,
                "organisation": council,
                "actions": "; ".join(rec.get("actions") or []),
                "amount": recommendation_amount(rec),
                "payee": rec.get("payee"),
                "deadline": deadline.get("text"),
                "duration": deadline.get("duration"),
                "working_days": _bool(deadline.get("working_days")) if deadline else None,
                "anchor": deadline.get("anchor"),
                "due_date": due_date(deadline),
                "due_precision": due_precision(deadline),
                "status": rec.get("status"),
                "text": rec.get("text"),
                "page": page,
                "start_offset": start,
                "end_offset": end,
            },
        )
    for number, amount in enumerate(decision.get("amounts") or [], start=1):
        page, start, end = _evidence(amount)
        _insert(
            db,
            "amounts",
            {
                "sha256": sha,
                "number": number,
                "value": amount.get("value"),
                "per": amount.get("per"),
                "count": amount.get("count"),
                "breakdown_of": amount.get("breakdown_of"),
                "claimed": _bool(amount.get("claimed")),
                "text": amount.get("text"),
                "page": page,
                "start_offset": start,
                "end_offset": end,
            },
        )
    for number, deadline in enumerate(decision.get("deadlines") or [], start=1):
        page, start, end = _evidence(deadline)
        _insert(
            db,
            "deadlines",
            {
                "sha256": sha,
                "number": number,
                "text": deadline.get("text"),
                "duration": deadline.get("duration"),
                "working_days": _bool(deadline.get("working_days")),
                "anchor": deadline.get("anchor"),
                "due_date": due_date(deadline),
                "due_precision": due_precision(deadline),
                "by_date": deadline.get("by"),
                "page": page,
                "start_offset": start,
                "end_offset": end,
            },
        )


def export_sqlite(results: Path, database: Path) -> ExportCounts:
    """Upsert every Decision in `results` into `database` (created if need be), keyed by the
    content hash: a document already there with the same JSON is left alone, one whose JSON
    changed (a newer parser) replaces its rows."""
    counts = ExportCounts()
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: the transactions below are explicit.
        db = sqlite3.connect(database, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise ExportError(f"{database}: cannot open: {error}") from None
    try:
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SQLITE_VERSION:
            raise ExportError(
                f"{database}: written by a newer decision-parser (schema {version}); "
                "use a new file or upgrade"
            )
        migrate = 0 < version < SQLITE_VERSION and _has_table(db, "documents")
        if migrate:
            db.execute("BEGIN")
            for table, columns in SQLITE_ADDED.items():
                for column in columns:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
            db.execute("COMMIT")
        db.executescript(f"BEGIN; {SQLITE_SCHEMA}; PRAGMA user_version = {SQLITE_VERSION}; COMMIT;")
        stored = db.execute("SELECT sha256, decision_json FROM documents")
        # After a migration every row is rewritten, so the new columns are filled in.
        current = {} if migrate else {sha: line for sha, line in stored}
        pending = 0
        db.execute("BEGIN")
        for decision, line in read_results(results):
            counts.documents += 1
            counts.recommendations += len(decision.get("recommendations") or [])
            if current.get(decision["source"]["sha256"]) == line:
                counts.unchanged += 1
                continue
            _upsert_document(db, decision, line)
            pending += 1
            if pending >= COMMIT_EVERY:
                db.execute("COMMIT")
                db.execute("BEGIN")
                pending = 0
        db.execute("COMMIT")
    except sqlite3.Error as error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise ExportError(f"{database}: {error}") from None
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        db.close()
    return counts


# --------------------------------------------------------------------------------------------
# python -m decision_parser.exports
# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m decision_parser.exports",
        description="Export a results.jsonl (from parse-decision batch) to CSV and/or SQLite.",
    )
    parser.add_argument("results", type=Path, help="the results.jsonl of a batch run")
    parser.add_argument("--csv", type=Path, help="folder for documents.csv, recommendations.csv")
    parser.add_argument("--sqlite", type=Path, help="SQLite file to create or update")
    args = parser.parse_args(argv)
    if args.csv is None and args.sqlite is None:
        parser.error("give --csv DIR, --sqlite FILE or both")
    try:
        if args.csv is not None:
            counts = export_csv(args.results, args.csv)
            print(f"csv: {counts.documents} documents, {counts.recommendations} recommendations")
        if args.sqlite is not None:
            counts = export_sqlite(args.results, args.sqlite)
            print(
                f"sqlite: {counts.documents} documents ({counts.unchanged} unchanged), "
                f"{counts.recommendations} recommendations"
            )
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
