"""review.py: every evidence span highlighted once, exactly over its quote, and linked from
the panel; model-made values marked; warnings shown; nothing loaded from elsewhere."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from decision_parser import parse
from decision_parser.cli import main
from decision_parser.review import evidence_items, render_review
from tests.helpers import CORPUS

DOCUMENTS = [
    CORPUS / "pdf" / "001_harlow_vale_send_upheld.pdf",  # a decision: remedies, amounts, dates
    CORPUS / "pdf" / "005_harlow_vale_cabinet_report.pdf",  # a committee report with statuses
    CORPUS / "html" / "004_westbridge_homelessness_not_upheld.html",
    CORPUS / "text" / "018_pellworth_cabinet_meeting_page.txt",
]


def highlighted(soup: BeautifulSoup, number: int) -> str:
    marks = [m for m in soup.select("mark[data-ev]") if str(number) in m["data-ev"].split()]
    return "".join(m.get_text() for m in marks)


def as_read(text: str) -> str:
    # BeautifulSoup reads a string that is only a tab (a table cell break between two marks)
    # as a space; browsers keep it. Compare with tabs as spaces on both sides.
    return text.replace("\t", " ")


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def reviewed(request):
    decision = parse(request.param, with_text=True)
    return decision, BeautifulSoup(render_review(decision), "html.parser")


def test_every_value_is_highlighted_over_its_quote(reviewed) -> None:
    decision, soup = reviewed
    items = evidence_items(decision)
    assert len(items) >= 5  # the documents have references, names, dates, amounts, remedies
    for item in items:
        assert len(soup.select(f"#ev-{item.number}")) == 1, item.field
        assert as_read(highlighted(soup, item.number)) == as_read(item.evidence.quote), item.field
        assert soup.select(f'#panel a[href="#ev-{item.number}"]'), item.field


def test_each_kind_of_evidence_is_in_the_panel(reviewed) -> None:
    decision, soup = reviewed
    fields = {cell.get_text() for cell in soup.select("#panel td.field")}
    assert decision.primary_reference is not None
    assert "case_references[0]" in fields
    for index, _ in enumerate(decision.amounts):
        assert f"amounts[{index}]" in fields
    for index, recommendation in enumerate(decision.recommendations):
        assert f"recommendations[{index}]" in fields, recommendation.text


def test_text_outside_evidence_is_kept_verbatim(reviewed) -> None:
    decision, soup = reviewed
    assert as_read(soup.select_one("#text").get_text()) == as_read(decision.text)


def test_model_values_are_marked_and_warnings_shown() -> None:
    decision = parse(CORPUS / "pdf" / "001_harlow_vale_send_upheld.pdf", with_text=True)
    model_items = [i for i in evidence_items(decision) if i.evidence.method == "model"]
    soup = BeautifulSoup(render_review(decision), "html.parser")
    for item in model_items:
        marks = [m for m in soup.select("mark.model") if str(item.number) in m["data-ev"].split()]
        assert marks, item.field
    assert len(soup.select("#panel .badge")) == len(model_items)
    assert len(soup.select(".warning")) == len(decision.warnings)


def test_the_page_loads_nothing_from_elsewhere(reviewed) -> None:
    _, soup = reviewed
    for tag in soup.find_all(True):
        for attribute in ("src", "href"):
            value = tag.get(attribute)
            assert value is None or value.startswith("#"), (tag.name, value)
    assert not soup.find("link")


def test_review_command_writes_the_page_and_fails_in_one_line(tmp_path, capsys) -> None:
    target = tmp_path / "new-folder" / "review.html"
    with pytest.raises(SystemExit) as done:
        main(["review", str(DOCUMENTS[0]), "--html", str(target)])
    assert done.value.code in (0, None)
    assert "<mark" in target.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["review", str(tmp_path / "missing.pdf"), "--html", str(tmp_path / "x.html")])
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.pdf: no such file" in err
    assert not (tmp_path / "x.html").exists()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)")
def test_the_page_renders_in_headless_chromium(tmp_path) -> None:
    """The browser's own DOM after the page's script ran: one anchor per evidence item, and
    following a panel link lights up exactly that value's quote."""
    decision = parse(DOCUMENTS[0], with_text=True)
    items = evidence_items(decision)
    page = tmp_path / "review.html"
    page.write_text(render_review(decision), encoding="utf-8")
    target = next(i for i in items if i.field.startswith("recommendations[1]"))
    dumped = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
         f"file://{page}#ev-{target.number}"],
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    soup = BeautifulSoup(dumped, "html.parser")
    assert len(soup.select("a.anchor")) == len(items)
    active = "".join(m.get_text() for m in soup.select("mark.active"))
    assert active.startswith(target.evidence.quote)
    covering = [i for i in items if i.evidence.start <= target.evidence.start < i.evidence.end]
    assert all(soup.select(f"#ev-{i.number}") for i in covering)
