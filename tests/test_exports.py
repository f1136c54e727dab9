"""CSV and SQLite exports of a results.jsonl: the documented columns, and re-runs that update
rather than duplicate."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from decision_parser import parse
from decision_parser.exports import (
    DOCUMENT_COLUMNS,
    RECOMMENDATION_COLUMNS,
    export_csv,
    export_sqlite,
    main,
)
from tests.helpers import CORPUS, REPO

SOURCES = [
    CORPUS / "pdf" / "001_harlow_vale_send_upheld.pdf",
    CORPUS / "pdf" / "005_harlow_vale_cabinet_report.pdf",  # statuses, a rate breakdown
    CORPUS / "sources" / "002_northfield_care_charging_upheld.md",
    CORPUS / "sources" / "008_harlow_vale_cabinet_minutes.md",  # no recommendations
]
TABLES = ("documents", "case_references", "recommendations", "amounts", "deadlines")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return [parse(str(path)).model_dump_json() for path in SOURCES]


@pytest.fixture
def results(tmp_path, lines) -> Path:
    path = tmp_path / "results.jsonl"
    # A partial last line, as a killed batch run may leave it, must not break an export.
    path.write_text("\n".join(lines) + "\n" + lines[0][:80], encoding="utf-8")
    return path


def test_csv_opens_with_the_documented_columns(results, tmp_path, lines):
    counts = export_csv(results, tmp_path / "csv")

    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        documents = list(reader)
    assert reader.fieldnames == list(DOCUMENT_COLUMNS)
    with open(tmp_path / "csv" / "recommendations.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        recommendations = list(reader)
    assert reader.fieldnames == list(RECOMMENDATION_COLUMNS)

    decisions = [json.loads(line) for line in lines]
    assert len(documents) == counts.documents == len(SOURCES)
    assert len(recommendations) == counts.recommendations
    assert counts.recommendations == sum(len(d["recommendations"]) for d in decisions)
    by_path = {Path(d["path"]).name: d for d in documents}
    report = by_path["005_harlow_vale_cabinet_report.pdf"]
    assert report["reference"] == "24 008 117"
    assert report["council"] == "London Borough of Harlow Vale"
    assert report["pages"] == "3"

    rows = [r for r in recommendations if r["sha256"] == report["sha256"]]
    assert [r["number"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert all(r["reference"] == "24 008 117" for r in rows)
    assert {r["status"] for r in rows} >= {"complete"}
    payment = next(r for r in rows if r["text"].startswith("Pay Mrs X £2,400"))
    # The £600-a-month breakdown explains the lump sum; it is not added to it.
    assert payment["amount"] == "2400"
    assert payment["action"] == "payment"
    assert payment["due_date"] == "2024-12-14"
    assert payment["deadline"] == "One month from the final decision"
    for row in recommendations:
        if row["amount"]:
            float(row["amount"])


def test_csv_rerun_rewrites_rather_than_appends(results, tmp_path):
    first = export_csv(results, tmp_path / "csv")
    second = export_csv(results, tmp_path / "csv")
    assert first == second
    text = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert len(text.splitlines()) == 1 + len(SOURCES)


def test_every_column_is_documented():
    guide = (REPO / "docs" / "batch.md").read_text(encoding="utf-8")
    for column in list(DOCUMENT_COLUMNS) + list(RECOMMENDATION_COLUMNS):
        assert f"`{column}`" in guide, f"docs/batch.md does not describe column {column}"


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_sqlite_rerun_upserts_without_duplicates(results, tmp_path, lines):
    database = tmp_path / "decisions.db"
    export_sqlite(results, database)
    first = table_counts(database)
    assert first["documents"] == len(SOURCES)
    assert first["recommendations"] > 0 and first["amounts"] > 0 and first["deadlines"] > 0

    again = export_sqlite(results, database)
    assert again.unchanged == len(SOURCES)
    assert table_counts(database) == first

    # A newer parser's result for the same content replaces the old rows, not adds to them.
    changed = json.loads(lines[1])
    changed["parser_version"] = "9.9.9"
    changed["recommendations"] = changed["recommendations"][:1]
    newer = results.with_name("newer.jsonl")
    newer.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    export_sqlite(newer, database)
    after = table_counts(database)
    assert after["documents"] == len(SOURCES)
    removed = len(json.loads(lines[1])["recommendations"]) - 1
    assert after["recommendations"] == first["recommendations"] - removed
    with sqlite3.connect(database) as db:
        sha = changed["source"]["sha256"]
        version = db.execute("SELECT parser_version FROM documents WHERE sha256 = ?", (sha,))
        assert version.fetchone() == ("9.9.9",)
        # The references view answers the question a tracker asks.
        found = db.execute(
            'SELECT DISTINCT d.path FROM "references" r JOIN documents d USING (sha256) '
            "WHERE r.reference = '24 008 117'"
        ).fetchall()
        assert len(found) >= 2


def test_spreadsheet_formulas_are_kept_as_text(tmp_path, lines):
    decision = json.loads(lines[0])
    decision["organisation"]["name"] = '=HYPERLINK("http://example.invalid","x")'
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(decision) + "\n", encoding="utf-8")
    export_csv(results, tmp_path / "csv")
    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["council"].startswith("'=HYPERLINK")


def test_exports_command(results, tmp_path, capsys):
    assert (
        main([str(results), "--csv", str(tmp_path / "c"), "--sqlite", str(tmp_path / "d.db")]) == 0
    )
    assert "csv: 4 documents" in capsys.readouterr().out
    assert main([str(tmp_path / "missing.jsonl"), "--csv", str(tmp_path / "c")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_the_guides_sql_examples_run(results, tmp_path):
    """Every ```sql block of docs/batch.md runs as written on an exported database."""
    import re

    guide = (REPO / "docs" / "batch.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", guide, flags=re.S)
    assert blocks
    database = tmp_path / "decisions.db"
    export_sqlite(results, database)
    with sqlite3.connect(database) as db:
        for block in blocks:
            for statement in (s for s in block.split(";") if s.strip()):
                db.execute(statement).fetchall()  # sqlite3.OperationalError fails the test


@pytest.mark.parametrize(
    ("deadline", "due", "precision"),
    [
        ({"due_date": "2025-03-06", "by": None}, "2025-03-06", "day"),
        ({"due_date": None, "by": "2025-02"}, "2025-02-28", "month"),
        ({"due_date": None, "by": "2024-02"}, "2024-02-29", "month"),
        ({"due_date": None, "by": "2025-07-31"}, "2025-07-31", "day"),
        ({"due_date": None, "by": None}, None, None),
        (None, None, None),
    ],
)
def test_due_dates_are_full_iso_dates_with_their_precision(deadline, due, precision):
    from decision_parser.exports import due_date, due_precision

    assert (due_date(deadline), due_precision(deadline)) == (due, precision)


def test_one_vocabulary_and_a_version_1_database_is_migrated(results, tmp_path):
    database = tmp_path / "decisions.db"
    export_sqlite(results, database)
    # Make it a version 1 file: without the columns version 2 added.
    with sqlite3.connect(database) as db:
        db.execute("DROP INDEX documents_by_case_key")
        for table, columns in (
            ("documents", ("case_key", "organisation")),
            ("recommendations", ("case_key", "organisation", "due_precision")),
            ("deadlines", ("due_precision",)),
        ):
            for column in columns:
                db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("PRAGMA user_version = 1")
    export_sqlite(results, database)
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        rows = db.execute("SELECT reference, case_key, council, organisation FROM documents").fetchall()
        assert rows and all(key == reference.replace(" ", "") for reference, key, _, _ in rows if reference)
        assert all(council == organisation for _, _, council, organisation in rows)
        # SQLite reads every due date as a date.
        dues = db.execute(
            "SELECT due_date, date(due_date), due_precision FROM recommendations WHERE due_date IS NOT NULL"
        ).fetchall()
        assert dues and all(due == parsed and precision in ("day", "month") for due, parsed, precision in dues)


def test_sqlite_tables_hold_what_the_guide_says(results, tmp_path):
    """docs/batch.md: documents and recommendations hold the CSV columns, except those named."""
    from decision_parser.exports import DOCUMENT_COLUMNS, RECOMMENDATION_COLUMNS

    database = tmp_path / "decisions.db"
    export_sqlite(results, database)
    with sqlite3.connect(database) as db:
        def columns(table):
            return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}

        missing = set(DOCUMENT_COLUMNS) - columns("documents")
        assert missing == {"related_references", "council_references", "recommendations"}
        assert set(RECOMMENDATION_COLUMNS) - columns("recommendations") == {"action", "path"}
