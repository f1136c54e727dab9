"""register.py: the corpus's decisions joined with the papers that answer them, against a
register written by hand from the corpus sources (not from the parser's output)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from decision_parser import parse
from decision_parser.cli import main
from decision_parser.register import build_register, join_key, match_score
from tests.helpers import CORPUS

# Three cases, each a decision or report and the papers that answer it, in other layouts:
# Harlow Vale (decision 001, cabinet report 005 of 11 Feb 2025, minutes 008), Ashcombe (public
# interest report 006, cabinet response 007 of 10 Sep 2024 that prints the case 230014562,
# minutes 014) and Northfield (decision 002, scrutiny report 013 of 24 Apr 2025).
DOCUMENTS = [
    "001_harlow_vale_send_upheld", "005_harlow_vale_cabinet_report",
    "008_harlow_vale_cabinet_minutes", "006_ashcombe_public_interest_report",
    "007_ashcombe_cabinet_response", "014_ashcombe_cabinet_minutes",
    "002_northfield_care_charging_upheld", "013_northfield_scrutiny_report",
]  # fmt: skip

# (case, number, main action, amount, due date, status, overdue) as of 1 March 2025.
EXPECTED = [
    ("24 008 117", 1, "apology", None, "2024-12-14", "complete", False),
    ("24 008 117", 2, "payment", 2400.0, "2024-12-14", "complete", False),
    ("24 008 117", 3, "payment", 300.0, "2024-12-14", "complete", False),
    ("24 008 117", 4, "provision", None, "2024-11-28", "complete", False),
    ("24 008 117", 5, "service_improvement", None, "2025-02-14", "in_progress", True),
    ("24 008 117", 6, "service_improvement", None, "2025-02-14", "on_track", True),
    ("23 014 562", 1, "report", None, "2024-09-18", "complete", False),
    ("23 014 562", 2, "apology", None, "2024-07-18", "complete", False),
    ("23 014 562", 3, "payment", 6940.25, "2024-07-18", "complete", False),
    ("23 014 562", 4, "payment", 1000.0, "2024-07-18", "complete", False),
    ("23 014 562", 5, "payment", 300.0, "2024-07-18", "complete", False),
    ("23 014 562", 6, "service_improvement", None, "2024-09-18", "in_progress", True),
    ("23 014 562", 7, "service_improvement", None, "2024-09-18", "on_track", True),
    # Publishing a notice of the report: the cabinet response does not report on it.
    ("23 014 562", 8, "report", None, None, None, False),
    # Northfield's scrutiny report met on 24 April 2025, after the as-of date: nothing known.
    ("24 011 392", 1, "apology", None, "2025-03-06", None, False),
    ("24 011 392", 2, "payment", 2403.52, "2025-03-06", None, False),
    ("24 011 392", 3, "payment", 1058.0, "2025-03-06", None, False),
    ("24 011 392", 4, "payment", 250.0, "2025-03-06", None, False),
    ("24 011 392", 5, "provision", None, "2025-03-06", None, False),
    ("24 011 392", 6, "service_improvement", None, "2025-05-06", None, False),
    ("24 011 392", 7, "service_improvement", None, "2025-05-06", None, False),
]


@pytest.fixture(scope="module")
def decisions() -> list[dict]:
    return [
        json.loads(parse(CORPUS / "pdf" / f"{name}.pdf", use_model=False).model_dump_json())
        for name in DOCUMENTS
    ]


def test_register_matches_the_hand_made_one(decisions) -> None:
    register = build_register(decisions, dt.date(2025, 3, 1))
    got = [
        (r.case_reference, r.number, r.actions.split("; ")[0], r.amount, r.due_date, r.status,
         r.overdue)
        for r in register.rows
    ]  # fmt: skip
    assert sorted(got, key=str) == sorted(EXPECTED, key=str)


def test_statuses_carry_their_paper_and_evidence(decisions) -> None:
    register = build_register(decisions, dt.date(2025, 6, 1))
    northfield = [r for r in register.rows if r.case_reference == "24 011 392"]
    assert {r.status for r in northfield} == {"complete", "on_track", "in_progress"}
    for row in register.rows:
        if row.status:
            assert row.status_path and row.status_path.endswith(".pdf")
            assert row.status_quote and row.status_page
            assert row.status_date is not None and row.status_date <= "2025-06-01"
    # The 2 service improvements due 6 May 2025 are on track / in progress: overdue by June.
    assert sum(r.overdue for r in northfield) == 2


def test_papers_unmatched_items_and_the_report_considered(decisions) -> None:
    register = build_register(decisions, dt.date(2025, 3, 1))
    by_name = {p.path.rsplit("/", 1)[-1]: p for p in register.papers}
    assert by_name["007_ashcombe_cabinet_response.pdf"].answers_decision  # printed 230014562
    assert by_name["013_northfield_scrutiny_report.pdf"].after_as_of
    assert any("evidence" in item for item in by_name["005_harlow_vale_cabinet_report.pdf"].unmatched_items)
    assert register.considered == {"23 014 562": "2024-09-10"}


def test_a_paper_for_a_case_not_in_the_input_is_listed(decisions) -> None:
    only_papers = [d for d in decisions if d["document_type"].startswith("committee")]
    register = build_register(only_papers, dt.date(2025, 3, 1))
    assert register.rows == []
    assert len(register.papers) == 5 and not any(p.answers_decision for p in register.papers)


@pytest.mark.parametrize(
    ("printed", "key"),
    [("23 014 562", "23014562"), ("230014562", "23014562"), ("23-014-562", "23014562"),
     ("21 04 117", None), (None, None), ("07/A/04966", "07A04966"), ("07 / a / 04966", "07A04966"),
     ("07/A/0496", None)],
)  # fmt: skip
def test_join_key(printed, key) -> None:
    from decision_parser.casekeys import canonical

    assert join_key(printed) == key
    if key:  # the key prints back as the reference's standard form
        assert join_key(canonical(key)) == key


@pytest.mark.parametrize(
    ("wanted", "reported", "matches"),
    [
        ({"actions": ["payment"], "amounts": [{"value": 300.0}], "text": "pay Mrs X £300"},
         {"actions": ["payment"], "amounts": [{"value": 300.0}], "text": "Paid £300 to Mrs X"}, True),
        ({"actions": ["payment"], "amounts": [{"value": 300.0}], "text": "pay Mrs X £300"},
         {"actions": ["payment"], "amounts": [{"value": 250.0}], "text": "pay Mrs X £250"}, False),
        ({"actions": ["apology"], "text": "apologise to Mrs X"},
         {"actions": ["payment"], "text": "apologise and pay Mrs X"}, False),
        ({"actions": ["service_improvement"], "text": "review how it handles top-up agreements"},
         {"actions": ["service_improvement"], "text": "Review the top-up agreements procedure"}, True),
        ({"actions": ["service_improvement"], "text": "review how it handles top-up agreements"},
         {"actions": ["service_improvement"], "text": "Train staff on the new Ofsted rules"}, False),
    ],
)  # fmt: skip
def test_match_score(wanted, reported, matches) -> None:
    assert (match_score(wanted, reported) > 0) is matches


def test_register_command_from_results_and_sqlite(tmp_path, capsys, decisions) -> None:
    from decision_parser.exports import export_sqlite

    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(d) + "\n" for d in decisions), encoding="utf-8")
    database = tmp_path / "decisions.db"
    export_sqlite(results, database)
    outputs = {}
    for source in (results, database):
        for fmt in ("csv", "json", "html"):
            target = tmp_path / f"register-{source.suffix[1:]}.{fmt}"
            with pytest.raises(SystemExit) as done:
                main(["register", str(source), "--as-of", "2025-03-01", "--format", fmt,
                      "--out", str(target)])  # fmt: skip
            assert done.value.code in (0, None)
            outputs[(source.suffix, fmt)] = target.read_text(encoding="utf-8")
    assert outputs[(".jsonl", "csv")] == outputs[(".db", "csv")]
    assert outputs[(".jsonl", "csv")].count("\n") == len(EXPECTED) + 1
    assert json.loads(outputs[(".jsonl", "json")])["as_of"] == "2025-03-01"
    page = outputs[(".jsonl", "html")]
    assert page.count("<tr class='overdue'>") == sum(e[-1] for e in EXPECTED)
    assert "http" not in page  # self-contained

    with pytest.raises(SystemExit) as done:
        main(["register", str(results), "--as-of", "1 March"])
    assert done.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
