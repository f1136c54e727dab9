"""A compliance register across documents: for each case, the Ombudsman's recommendations and
what the council's papers later reported about each, as of a given date.

    parse-decision register results.jsonl --as-of 2025-03-01                 # CSV on stdout
    parse-decision register decisions.db --as-of 2025-03-01 --format html --out register.html

Input: a batch's results.jsonl or its SQLite export (both hold each Decision's JSON). Cases are
joined by case reference: a committee paper or minute answers a decision or report when any
reference it mentions (primary or related) is the decision's primary reference, compared on a
join key that reads a non-standard printing such as 230014562 as 23 014 562.

Each recommendation of the decision is matched to at most one recommendation of each paper
that answers it, by its action, its amount and its wording; the latest paper (by meeting date,
on or before the as-of date) that reports a status for it gives its status, with that paper
and the evidence. A
recommendation whose due date has passed on the as-of date without a `complete` status is
`overdue`. Papers that answer no decision in the input, and paper items that match no
recommendation of the decision, are listed, not dropped. For a public interest report, the
meeting that considered it (section 31) is the first answering paper with a meeting date.

Infrastructure, like exports.py: it reads Decision JSON as plain dicts and imports nothing
of the parser.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .casekeys import canonical as _canonical
from .casekeys import case_key as join_key
from .exports import (
    ExportError,
    due_date,
    due_precision,
    primary_reference,
    read_results,
    recommendation_amount,
)

OMBUDSMAN_TYPES = ("lgsco_decision", "lgsco_report")
PAPER_TYPES = ("committee_report", "committee_minutes")
# How alike two recommendations' wording must be (the share of the shorter one's words found
# in the other) to match when no amount settles it.
MIN_WORDING = 0.4
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "to",
        "of",
        "for",
        "in",
        "on",
        "by",
        "with",
        "his",
        "her",
        "their",
        "its",
        "it",
        "this",
        "that",
        "be",
        "is",
        "are",
        "was",
        "were",
        "within",
        "from",
        "as",
        "at",
        "or",
        "which",
        "who",
        "council",
        "councils",
        "mr",
        "mrs",
        "miss",
        "ms",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _amounts(recommendation: dict) -> set[float]:
    return {round(a["value"], 2) for a in recommendation.get("amounts") or [] if a.get("value")}


def match_score(wanted: dict, reported: dict) -> float:
    """How surely a paper's item reports on a decision's recommendation: 0 when it cannot."""
    actions = set(wanted.get("actions") or [])
    if not actions & set(reported.get("actions") or []):
        return 0.0
    a, b = _words(wanted.get("text", "")), _words(reported.get("text", ""))
    # Shared words over the shorter wording: a decision's item often opens with its deadline
    # ("Within 20 working days, the Council has agreed to offer ..."), a paper's does not.
    wording = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    amounts_wanted, amounts_reported = _amounts(wanted), _amounts(reported)
    if amounts_wanted and amounts_reported:
        if not amounts_wanted & amounts_reported:
            return 0.0  # both name sums and no sum agrees: another payment
        return 2.0 + wording
    if wording < MIN_WORDING:
        return 0.0
    return 1.0 + wording


def _evidence(item: dict) -> dict:
    evidence = item.get("evidence") or {}
    return {"page": evidence.get("page"), "quote": evidence.get("quote")}


@dataclass
class RegisterRow:
    """One recommendation of an Ombudsman decision or report, and what was reported on it."""

    case_reference: str
    council: str | None
    decision_path: str | None
    decision_date: str | None
    number: int
    actions: str
    amount: float | None
    payee: str | None
    due_date: str | None
    due_precision: str | None
    text: str
    evidence_page: int | None
    evidence_quote: str | None
    status: str | None = None
    status_path: str | None = None
    status_date: str | None = None
    status_page: int | None = None
    status_quote: str | None = None
    reports: int = 0  # how many papers reported on it
    overdue: bool = False


@dataclass
class PaperRow:
    """A committee paper or minute: the case it answers (if any) and its meeting date."""

    path: str | None
    document_type: str
    meeting_date: str | None
    case_reference: str | None
    answers_decision: bool
    after_as_of: bool = False  # met after the as-of date: not known then, so not counted
    unmatched_items: list[str] = field(default_factory=list)


@dataclass
class Register:
    as_of: str
    rows: list[RegisterRow]
    papers: list[PaperRow]
    considered: dict[str, str | None]  # public interest report case -> meeting that considered it

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of,
            "recommendations": [asdict(row) for row in self.rows],
            "papers": [asdict(paper) for paper in self.papers],
            "report_considered": self.considered,
        }


def _meeting(paper: dict) -> str | None:
    dates = paper.get("dates") or {}
    for name in ("meeting_date", "report_date"):
        if dates.get(name):
            return dates[name]["date"]
    return None


def build_register(decisions: Iterable[dict], as_of: dt.date) -> Register:
    documents = list(decisions)
    ombudsman: dict[str, dict] = {}
    for decision in documents:
        if decision.get("document_type") not in OMBUDSMAN_TYPES:
            continue
        key = join_key(primary_reference(decision))
        # Two printings of one decision: keep the one with more recommendations.
        if key and len(decision.get("recommendations") or []) >= len(
            (ombudsman.get(key) or {}).get("recommendations") or []
        ):
            ombudsman[key] = decision

    rows_by_case: dict[str, list[RegisterRow]] = {}
    items_by_case: dict[str, list[dict]] = {}
    for key, decision in ombudsman.items():
        rows_by_case[key], items_by_case[key] = [], decision.get("recommendations") or []
        for number, item in enumerate(items_by_case[key], start=1):
            due = due_date(item.get("deadline"))
            precision = due_precision(item.get("deadline"))
            evidence = _evidence(item)
            rows_by_case[key].append(
                RegisterRow(
                    case_reference=_canonical(key),
                    council=(decision.get("organisation") or {}).get("name"),
                    decision_path=(decision.get("source") or {}).get("path"),
                    decision_date=((decision.get("dates") or {}).get("decision_date") or {}).get(
                        "date"
                    ),
                    number=number,
                    actions="; ".join(item.get("actions") or []),
                    amount=recommendation_amount(item),
                    payee=item.get("payee"),
                    due_date=due,
                    due_precision=precision,
                    text=" ".join((item.get("text") or "").split()),
                    evidence_page=evidence["page"],
                    evidence_quote=evidence["quote"],
                )
            )

    papers: list[PaperRow] = []
    considered: dict[str, str | None] = {
        _canonical(k): None
        for k, d in ombudsman.items()
        if d.get("document_type") == "lgsco_report"
    }
    answering = [d for d in documents if d.get("document_type") in PAPER_TYPES]
    answering.sort(key=lambda d: _meeting(d) or "")  # oldest first: later reports win
    for paper in answering:
        keys = [join_key(r.get("reference")) for r in paper.get("case_references") or []]
        case = next((k for k in keys if k in ombudsman), None)
        row = PaperRow(
            path=(paper.get("source") or {}).get("path"),
            document_type=paper["document_type"],
            meeting_date=_meeting(paper),
            case_reference=_canonical(case) if case else (primary_reference(paper) or None),
            answers_decision=case is not None,
        )
        row.after_as_of = bool(row.meeting_date and row.meeting_date > as_of.isoformat())
        papers.append(row)
        if case is None or row.after_as_of:
            continue
        if _canonical(case) in considered and considered[_canonical(case)] is None:
            considered[_canonical(case)] = row.meeting_date
        _apply_statuses(rows_by_case[case], items_by_case[case], paper, row)

    rows = [row for key in ombudsman for row in rows_by_case[key]]
    for row in rows:
        row.overdue = bool(
            row.due_date and row.due_date < as_of.isoformat() and row.status != "complete"
        )
    return Register(as_of.isoformat(), rows, papers, considered)


def _apply_statuses(
    rows: list[RegisterRow], wanted: list[dict], paper: dict, paper_row: PaperRow
) -> None:
    """Match the paper's items to the decision's recommendations (best pairs first, each used
    once) and record each matched status."""
    reported = paper.get("recommendations") or []
    pairs = sorted(
        ((match_score(w, r), i, j) for i, w in enumerate(wanted) for j, r in enumerate(reported)),
        reverse=True,
    )
    used_rows: set[int] = set()
    used_items: set[int] = set()
    for score, i, j in pairs:
        if score <= 0 or i in used_rows or j in used_items:
            continue
        used_rows.add(i)
        used_items.add(j)
        row, item = rows[i], reported[j]
        row.reports += 1
        if item.get("status"):
            evidence = _evidence(item)
            row.status, row.status_path = item["status"], paper_row.path
            row.status_date, row.status_page = paper_row.meeting_date, evidence["page"]
            row.status_quote = evidence["quote"]
    paper_row.unmatched_items = [
        " ".join((item.get("text") or "").split())
        for j, item in enumerate(reported)
        if j not in used_items
    ]


# --- reading and writing -------------------------------------------------------------------


def read_decisions(path: Path) -> list[dict]:
    """Decisions from a results.jsonl or a SQLite export."""
    with open(path, "rb") as handle:
        is_sqlite = handle.read(16) == b"SQLite format 3\x00"
    if not is_sqlite:
        return [decision for decision, _ in read_results(path)]
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return [
                json.loads(line) for (line,) in db.execute("SELECT decision_json FROM documents")
            ]
    except sqlite3.Error as error:
        raise ExportError(f"{path}: not a decision-parser SQLite export ({error})") from None


CSV_COLUMNS = list(RegisterRow.__dataclass_fields__)


def to_csv(register: Register) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in register.rows:
        writer.writerow(asdict(row))
    return out.getvalue()


def to_json(register: Register) -> str:
    return json.dumps(register.as_dict(), indent=2, ensure_ascii=False) + "\n"


def to_sqlite(register: Register, database: Path) -> None:
    """Tables register_recommendations and register_papers (replaced on each run)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as db:
        db.execute("DROP TABLE IF EXISTS register_recommendations")
        db.execute("DROP TABLE IF EXISTS register_papers")
        db.execute(f"CREATE TABLE register_recommendations (as_of TEXT, {', '.join(CSV_COLUMNS)})")
        db.executemany(
            f"INSERT INTO register_recommendations VALUES ({', '.join('?' * (len(CSV_COLUMNS) + 1))})",
            [(register.as_of, *asdict(row).values()) for row in register.rows],
        )
        db.execute(
            "CREATE TABLE register_papers (path, document_type, meeting_date, case_reference, "
            "answers_decision, unmatched_items)"
        )
        db.executemany(
            "INSERT INTO register_papers VALUES (?, ?, ?, ?, ?, ?)",
            [
                (p.path, p.document_type, p.meeting_date, p.case_reference, p.answers_decision,
                 json.dumps(p.unmatched_items, ensure_ascii=False))
                for p in register.papers
            ],
        )  # fmt: skip


_HTML_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #1d1d1f; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { cursor: pointer; background: #f4f4f4; position: sticky; top: 0; }
tr.overdue td { background: #fde2e1; }
input { font: inherit; padding: 4px; width: 320px; margin-bottom: 8px; }
.quote { color: #555; font-size: 12px; }
"""

_HTML_SCRIPT = """
const table = document.getElementById('register');
document.getElementById('filter').addEventListener('input', e => {
  const words = e.target.value.toLowerCase();
  for (const row of table.tBodies[0].rows)
    row.style.display = row.textContent.toLowerCase().includes(words) ? '' : 'none';
});
table.tHead.rows[0].querySelectorAll('th').forEach((th, column) => {
  th.addEventListener('click', () => {
    const rows = Array.from(table.tBodies[0].rows);
    const up = th.dataset.order !== 'up';
    rows.sort((a, b) => a.cells[column].textContent.localeCompare(
      b.cells[column].textContent, undefined, {numeric: true}) * (up ? 1 : -1));
    th.dataset.order = up ? 'up' : 'down';
    rows.forEach(row => table.tBodies[0].appendChild(row));
  });
});
"""

_HTML_COLUMNS = [
    ("case_reference", "case"), ("council", "council"), ("number", "#"), ("actions", "actions"),
    ("amount", "amount"), ("payee", "payee"), ("due_date", "due"), ("status", "status"),
    ("status_date", "reported"), ("overdue", "overdue"), ("text", "recommendation"),
]  # fmt: skip


def to_html(register: Register) -> str:
    def cell(row: RegisterRow, name: str) -> str:
        value = getattr(row, name)
        if name == "overdue":
            return "overdue" if value else ""
        if name == "amount" and value is not None:
            return f"£{value:,.2f}"
        if name == "text":
            quote = f"p. {row.status_page}: {row.status_quote}" if row.status_quote else ""
            source = html.escape(row.status_path or "")
            return (
                f"{html.escape(value)}<div class='quote'>{html.escape(quote)}"
                f"{' (' + source + ')' if source else ''}</div>"
            )
        return html.escape("" if value is None else str(value))

    head = "".join(f"<th>{html.escape(title)}</th>" for _, title in _HTML_COLUMNS)
    body = "".join(
        f"<tr class='{'overdue' if row.overdue else ''}'>"
        + "".join(f"<td>{cell(row, name)}</td>" for name, _ in _HTML_COLUMNS)
        + "</tr>"
        for row in register.rows
    )
    unmatched = "".join(
        f"<li>{html.escape(p.path or '')} ({html.escape(p.document_type)}, "
        f"{html.escape(p.case_reference or 'no case reference')}): answers no decision here</li>"
        for p in register.papers
        if not p.answers_decision
    ) + "".join(
        f"<li>{html.escape(p.path or '')}: {html.escape(item)}</li>"
        for p in register.papers
        for item in p.unmatched_items
    )
    overdue = sum(row.overdue for row in register.rows)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Compliance register as of {register.as_of}</title><style>{_HTML_STYLE}</style>"
        f"</head><body><h1>Compliance register as of {register.as_of}</h1>"
        f"<p>{len(register.rows)} recommendations, {overdue} overdue. Click a heading to sort.</p>"
        "<input id='filter' placeholder='Filter: a case, a council, a status ...'>"
        f"<table id='register'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<h2>Not matched</h2><ul>{unmatched or '<li>Nothing.</li>'}</ul>"
        f"<script>{_HTML_SCRIPT}</script></body></html>\n"
    )
