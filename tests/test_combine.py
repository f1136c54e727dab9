"""Rules and the trained model together: the model only fills what the rules leave empty, says
so, measurably helps on held-out text, and never costs accuracy on the seeds."""

from __future__ import annotations

import pytest

import decision_parser
from decision_parser.evaluate import evaluate, evaluate_heldout
from decision_parser.model import CORPUS_DIR, find_model_dir
from decision_parser.nlp import trained_pipeline
from tests.helpers import shared_or_skip

needs_model = pytest.mark.skipif(
    find_model_dir() is None, reason="models/decision-parser-ner is not installed"
)

LISTED = """Agreed action
Within one month of the final decision, the Council has agreed to:
- apologise to Mrs X for the delay;
- make sure its letters explain the right of appeal; and
- pay Mrs X £200 for her time and trouble.
"""


@pytest.fixture
def no_model(monkeypatch):
    """As if models/ were absent: an empty DECISION_PARSER_MODEL means 'no model'."""
    monkeypatch.setenv("DECISION_PARSER_MODEL", "")
    trained_pipeline.cache_clear()
    yield
    trained_pipeline.cache_clear()


def test_without_the_model_the_rules_still_parse_and_say_so(no_model):
    decision = decision_parser.parse_text(LISTED)
    assert "model_missing" in [w.code for w in decision.warnings]
    assert [r.actions for r in decision.recommendations] == [["apology"], ["payment"]]


def test_rules_only_on_request_gives_no_model_values():
    decision = decision_parser.parse_text(LISTED, use_model=False)
    assert "model_missing" not in [w.code for w in decision.warnings]
    assert all(r.actions_method == "rules" for r in decision.recommendations)
    assert [p.name for p in decision.parties] == ["Mrs X"]


@needs_model
def test_model_names_the_actions_the_rules_cannot():
    decision = decision_parser.parse_text(LISTED)
    methods = [(r.actions_method, r.actions) for r in decision.recommendations]
    assert methods[0] == ("rules", ["apology"])
    assert methods[1] == ("model", ["service_improvement"])
    assert methods[2] == ("rules", ["payment"])


@needs_model
def test_heldout_rules_plus_model_beat_rules_on_org_parties_and_actions():
    rules = evaluate_heldout(CORPUS_DIR / "heldout.jsonl", None)
    combined = evaluate_heldout(CORPUS_DIR / "heldout.jsonl", trained_pipeline())
    for name in ("organisation", "parties", "recommendations.actions"):
        assert combined.scores[name].f1 > rules.scores[name].f1, name


@needs_model
def test_seeds_rules_plus_model_lose_nothing():
    gold, seeds = shared_or_skip("gold", "seeds"), shared_or_skip("seeds")
    rules = evaluate(gold, seeds, use_model=False)
    combined = evaluate(gold, seeds, use_model=True)
    for name, score in rules.scores.items():
        assert (combined.scores[name].f1 or 0) >= (score.f1 or 0), name
