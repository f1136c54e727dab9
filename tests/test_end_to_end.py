"""End to end: documents in, scores against hand-checked gold out.

The thresholds are floors under today's scores, so a change that loses accuracy fails here.
The seed bars come from the v1 issue: every case reference and amount found, organisation,
dates and outcome right wherever the gold states them, recommendations recall >= 0.8.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decision_parser import parse
from decision_parser.evaluate import Report, evaluate, find_document, score_document
from tests.helpers import CORPUS, shared_or_skip

# field -> (metric, floor)
CORPUS_FLOORS = {
    "document_type": ("f1", 1.0),
    "case_references.primary": ("f1", 1.0),
    "case_references.all": ("recall", 1.0),
    "organisation": ("f1", 0.95),
    "category": ("f1", 0.95),
    "complainant": ("f1", 0.95),
    "decision_date": ("f1", 0.95),
    "meeting_date": ("f1", 0.95),
    "outcome.decision": ("f1", 1.0),
    "outcome.fault": ("f1", 0.95),
    "outcome.injustice": ("f1", 0.9),
    "amounts": ("recall", 1.0),
    "remedy_actions": ("f1", 0.9),
    "recommendations": ("recall", 0.95),
    "recommendations.actions": ("f1", 0.95),
    "recommendations.amounts": ("f1", 0.95),
    "recommendations.deadline": ("f1", 0.95),
    "recommendations.status": ("f1", 0.95),
    "recommendations.payee": ("f1", 0.95),
}
SEED_FLOORS = {
    "document_type": ("f1", 1.0),
    "case_references.primary": ("f1", 1.0),
    "case_references.all": ("recall", 1.0),
    "organisation": ("f1", 1.0),
    "meeting_date": ("f1", 1.0),
    "decision_date": ("f1", 1.0),
    "outcome.decision": ("f1", 1.0),
    "outcome.fault": ("f1", 1.0),
    "outcome.injustice": ("f1", 1.0),
    "outcome.maladministration": ("f1", 1.0),
    "amounts": ("recall", 1.0),
    "recommendations": ("recall", 0.9),
    "recommendations.actions": ("f1", 0.95),
    "recommendations.amounts": ("f1", 0.95),
    "recommendations.deadline": ("f1", 0.95),
    "recommendations.status": ("f1", 0.95),
}


def check_floors(report: Report, floors: dict[str, tuple[str, float]]) -> None:
    assert not report.errors, report.errors
    failures = []
    for name, (metric, floor) in floors.items():
        score = report.scores.get(name)
        if score is None:
            failures.append(f"{name}: not scored at all")
            continue
        value = getattr(score, metric)
        if value is None or value < floor:
            failures.append(f"{name}: {metric} {value} < {floor}")
    misses = "\n".join(
        f"  {m.file} | {m.field} | {m.expected!r} | {m.got!r}" for m in report.misses
    )
    assert not failures, "\n".join(failures) + "\nmisses:\n" + misses


@pytest.mark.parametrize("folder", ["pdf", "sources"])
def test_corpus_against_gold(folder):
    report = evaluate(CORPUS / "gold", CORPUS / folder)
    assert report.documents == len(list((CORPUS / "gold").glob("*.json")))
    check_floors(report, CORPUS_FLOORS)


def test_corpus_text_pages_against_gold():
    """The documents the corpus also prints as text: a decision page saved as text, a mirror
    copy without the header, council meeting pages and a report summary."""
    pages = sorted((CORPUS / "text").glob("*.txt"))
    assert len(pages) >= 5, "corpus/build.py writes text versions of some documents"
    report = evaluate(CORPUS / "gold", CORPUS / "text", skip_missing=True)
    assert report.documents == len(pages)
    floors = {k: v for k, v in CORPUS_FLOORS.items() if k in report.scores}
    check_floors(report, floors)


def test_corpus_html_pages_against_gold():
    report = Report()
    pages = sorted((CORPUS / "html").glob("*.html"))
    assert pages, "the corpus builder writes some decisions as saved web pages"
    for page in pages:
        gold = json.loads((CORPUS / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))
        score_document(report, page.name, gold, parse(page))
        report.documents += 1
    floors = {k: v for k, v in CORPUS_FLOORS.items() if k in report.scores}
    check_floors(report, floors)


def test_seeds_against_shared_gold():
    gold = shared_or_skip("gold", "seeds")
    seeds = shared_or_skip("seeds")
    report = evaluate(gold, seeds)
    assert report.documents == 5
    check_floors(report, SEED_FLOORS)


def test_every_evidence_quote_is_the_text_at_its_offsets():
    for path in sorted((CORPUS / "pdf").glob("*.pdf")):
        decision = parse(path, with_text=True)
        text = decision.text
        page_count = decision.source.pages
        for evidence in _all_evidence(decision.model_dump()):
            assert text[evidence["start"] : evidence["end"]] == evidence["quote"], path.name
            assert 1 <= evidence["page"] <= page_count


def _all_evidence(node):
    if isinstance(node, dict):
        if {"page", "start", "end", "quote"} <= node.keys():
            yield node
        for value in node.values():
            yield from _all_evidence(value)
    elif isinstance(node, list):
        for item in node:
            yield from _all_evidence(item)


def test_gold_files_name_documents_that_exist():
    for gold in (CORPUS / "gold").glob("*.json"):
        name = json.loads(gold.read_text(encoding="utf-8"))["file"]
        assert find_document(CORPUS / "pdf", name) == CORPUS / "pdf" / name
        assert Path(CORPUS / "sources" / f"{Path(name).stem}.md").is_file()
