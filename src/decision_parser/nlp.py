"""The spaCy pipeline: spacy.blank("en") plus the entity rules in patterns/entity_ruler.jsonl.

Built once per process and reused: loading costs a few hundred milliseconds, parsing a page
a few. The trained component from models/ is loaded separately (trained_pipeline) and only
asked about what the rules cannot see.
"""

from __future__ import annotations

import functools
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_suffix_regex

PATTERNS_DIR = Path(__file__).parent / "patterns"


@functools.lru_cache(maxsize=1)
def trained_pipeline() -> Language | None:
    """The trained NER + action classifier from models/, or None when it is not installed."""
    from .model import load_model

    return load_model()


@functools.lru_cache(maxsize=1)
def rules_pipeline() -> Language:
    nlp = spacy.blank("en")
    # "apologise to Mrs X." ends a sentence far more often than "X." abbreviates a name here;
    # spaCy's English rules keep "X." whole, which hides the pseudonym from the patterns.
    suffixes = [*nlp.Defaults.suffixes, r"(?<=\b[A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # The rules need nothing but the tokenizer; raising max_length keeps long reports in one Doc.
    nlp.max_length = 5_000_000
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "validate": True})
    ruler.from_disk(PATTERNS_DIR / "entity_ruler.jsonl")
    return nlp
