"""Shared test helpers: run one finder over a snippet of text, find the shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_parser.document import CleanText
from decision_parser.nlp import rules_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"


def run_finder(finder, text: str):
    """Clean `text` as one block a line, run the rules, and return what `finder` finds."""
    ct = CleanText.from_string(text)
    return finder(ct, rules_pipeline()(ct.text))


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared seeds and gold live beside the repository")
    return path
