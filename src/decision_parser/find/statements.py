"""What a sentence asserts: shared by the finders that read findings and remedies.

A cue ("at fault", "apologise") counts only where the document asserts it. Three kinds of
sentence look like assertions and are not:
- legal boilerplate: "If there has been fault which has caused an injustice, we may suggest a
  remedy" stands in every decision's "role and powers" section;
- a party's side of the story: "Mrs X complains the Council failed to ...", "She says this
  caused her distress", "The Council says it was not at fault";
- a condition, a question or a prediction: "whether there was fault", "we would be unlikely
  to find fault".
And within a sentence, a cue may be negated ("did not apologise") or doubted ("not enough
evidence of fault"). The word lists are data, in patterns/statements.json.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from ..structure import Sentence

PATTERNS_DIR = Path(__file__).parents[1] / "patterns"


def load_patterns(name: str) -> dict:
    return json.loads((PATTERNS_DIR / name).read_text(encoding="utf-8"))


def union(patterns: dict, name: str) -> re.Pattern[str]:
    """One regular expression from a pattern file's entry (a list is joined with '|')."""
    value = patterns[name]
    return re.compile("|".join(value) if isinstance(value, list) else value, re.I)


_PATTERNS = load_patterns("statements.json")
BOILERPLATE = union(_PATTERNS, "boilerplate")
CLAIM_SUBJECT = re.compile(_PATTERNS["claim_subject"])  # case matters: "Mrs X", not "mrs x"
CLAIM_ASIDE = re.compile(_PATTERNS["claim_aside"], re.I)
CLAIM_VERB = union(_PATTERNS, "claim_verb")
CLAIM_ANYWHERE = union(_PATTERNS, "claim_anywhere")
NEGATION_BEFORE = union(_PATTERNS, "negation_before")
HYPOTHESIS_BEFORE = union(_PATTERNS, "hypothesis_before")
DOUBT_BEFORE = union(_PATTERNS, "doubt_before")

NEGATED_CUE = re.compile(r"\b(not|no|never|nothing)\b|n['’]t\b", re.I)
# A clause starts after these: "There was no fault in X, but there was fault in Y."
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(but|however|although|though|while|whilst)\b|\bbut\b|—|–"
    r"|,\s+(?=(there|it|the\s+council|we|i|this|that|these|they)\s)"
    # "..., causing him frustration": a participle clause of its own. "... was not met and has
    # now arranged ...": a second verb with its own auxiliary starts a clause.
    r"|,\s+(?=(causing|leading|resulting|meaning)\s)"
    r"|\band\s+(?=(has|have|had|will|is|was)\s+(now|since|already|also|then)\s)",
    re.I,
)


@functools.lru_cache(maxsize=8192)
def is_boilerplate(sentence: str) -> bool:
    return bool(BOILERPLATE.search(sentence))


# In a committee's minutes "He said" and "She reported" are officers speaking, not a party.
OFFICER_SUBJECT = re.compile(r"^\W*(he|she|they|the\s+council|the\s+authority)\b", re.I)


def is_claim(sentence: str, officers: bool = False) -> bool:
    """A party's side of the story: 'Mrs X complains the Council ...', 'She says ...'. With
    officers (a committee's minutes), a pronoun subject is an officer reporting."""
    subject = CLAIM_SUBJECT.match(sentence)
    if not subject:
        return False
    rest = sentence[subject.end() :]
    aside = CLAIM_ASIDE.match(rest)
    if not CLAIM_VERB.match(rest[aside.end() :] if aside else rest):
        return False
    return not (officers and OFFICER_SUBJECT.match(sentence))


CLAUSE_REACH = 200  # characters: no cue is governed by words further back than this


def clause_before(sentence: str, position: int) -> str:
    """The words of the cue's own clause that come before it (at most CLAUSE_REACH of them,
    so a long sentence costs linear time)."""
    window = max(0, position - CLAUSE_REACH)
    # Searched past the cue too: a break may look ahead at the words the cue starts with.
    breaks = [
        b for b in CLAUSE_BREAK.finditer(sentence, window, position + 20) if b.end() <= position
    ]
    return sentence[breaks[-1].end() : position] if breaks else sentence[window:position]


def affirmed(sentence: str, match: re.Match[str], *, positive: bool) -> bool:
    """A cue that the sentence asserts: not a condition, a question or a prediction, not what a
    party said, and (for a positive cue) not negated or doubted."""
    clause = clause_before(sentence, match.start())
    if positive and NEGATED_CUE.search(match.group()):
        return False  # "was not at fault" inside a cue's own words
    if HYPOTHESIS_BEFORE.search(clause):
        return False
    if CLAIM_ANYWHERE.search(clause):
        return False
    return not (positive and (NEGATION_BEFORE.search(clause) or DOUBT_BEFORE.search(clause)))


def cues(sentence: Sentence, pattern: re.Pattern[str], positive: bool) -> list[tuple[int, int]]:
    """The spans (offsets into the cleaned text) of the cues the sentence asserts."""
    return [
        (sentence.start + start, sentence.start + end)
        for start, end in _asserted_cues(sentence.text, pattern, positive)
    ]


# Sentences repeat (boilerplate in every decision of an agenda pack, or a hostile text of one
# sentence a hundred thousand times): the answer for a sentence's text is kept, not recomputed.
SENTENCE_CACHE = 8192


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _asserted_cues(
    text: str, pattern: re.Pattern[str], positive: bool
) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in pattern.finditer(text) if affirmed(text, m, positive=positive))
