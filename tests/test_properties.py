"""Property-based fuzzing of every stage: for any text, each finder returns without an
exception, in bounded time, and everything it reports points into the text it was given.

The examples are arbitrary Unicode, and text put together from what the rules look for
("Council", "£250", "Mr X", "within one month", "22 011 513", headings, list markers, table
separators): fragments in any order, documents of headings, paragraphs, list items and table
rows, and short patterns repeated. So the rules actually fire, and their offset arithmetic
(look-backs, extended spans, stripped markers) meets inputs no one wrote.

CI runs a small, reproducible budget (derandomized). To hunt for bugs with a bigger random one:

    DP_FUZZ_EXAMPLES=500 python -m pytest -q -p no:cacheprovider tests/test_properties.py
"""

from __future__ import annotations

import math
import os
import re
import time
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

import decision_parser
from decision_parser.clean import clean
from decision_parser.document import CleanText, Document
from decision_parser.errors import InputError
from decision_parser.find.dates import PLAUSIBLE_YEARS, find_dates
from decision_parser.find.deadlines import find_deadlines
from decision_parser.find.document_type import find_category, find_document_type
from decision_parser.find.money import find_amounts
from decision_parser.find.outcome import find_outcome
from decision_parser.find.parties import (
    choose_complainant,
    find_organisations,
    find_pseudonyms,
    normalise_pseudonym,
)
from decision_parser.find.recommendations import find_recommendations
from decision_parser.find.references import find_other_references, find_references
from decision_parser.find.remedies import find_remedies
from decision_parser.models import Action, Decision, DocumentType, OutcomeDecision, Status
from decision_parser.nlp import rules_pipeline, run_rules, trained_pipeline
from decision_parser.read.text import text_pages
from decision_parser.structure import MAX_SENTENCE, build_structure, split_sentences

# --- budget ---------------------------------------------------------------------------------

# A generous per-example limit: the inputs are at most a few thousand characters, which the
# parser reads in milliseconds. An example that takes seconds is a super-linear scan, and on a
# 2,000-page report that is a hang.
DEADLINE_MS = 2000
_BIG_BUDGET = os.environ.get("DP_FUZZ_EXAMPLES")
settings.register_profile(
    "decision-parser-ci",
    max_examples=40,
    derandomize=True,  # the same examples on every run: CI fails only when the code changes
    deadline=DEADLINE_MS,
    database=None,  # write nothing into the checkout
    # The examples are built from lists of fragments, so generating one costs a little; the
    # check is about the parser, not the generator.
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "decision-parser-fuzz",
    parent=settings.get_profile("decision-parser-ci"),
    max_examples=int(_BIG_BUDGET or 0) or 500,
    derandomize=False,
)
FUZZ = settings.get_profile("decision-parser-fuzz" if _BIG_BUDGET else "decision-parser-ci")

# --- what the text is made of ---------------------------------------------------------------

FRAGMENTS = [
    # bodies and people
    "Council", "the Council", "Kent County Council", "London Borough of Harrow", "Ltd",
    "Oakview Care Homes Limited", "Bournemouth, Christchurch and Poole Council",
    "Mr X", "Mrs Y", "Ms M;s", "Mr and Mrs Z", "Miss B's", "Mr. X", "complains", "says",
    "I have called the complainant", "a complaint from",
    # references
    "22 011 513", "23006024", "230005792", "22 03 403", "17 002 402b", "99 999 999",
    "reference", "Ombudsman", "LGSCO", "Housing Ombudsman", "CS/22/07", "Case",
    # money
    "£250", "£1.5k", "£2 million", "£16,400", "£75.11", "£", "£0", "£1,", "a month",
    "per hour", "weekly", "for four months", "32 weeks at", "a total of", "wants",
    # dates and deadlines
    "22nd July 2024", "27 Mar 2025", "Thursday 6 January 2025", "December 2024", "On 13th April",
    "03/02/2025", "within one month", "within 20 working days", "of the final decision",
    "of the report", "by 31 March 2025", "no later than", "within a fortnight", "One month from",
    # findings and outcome
    "fault", "no fault", "injustice", "maladministration", "not upheld", "Upheld",
    "We found fault causing injustice.", "There was no fault", "if there has been fault",
    "We will not investigate", "Decision : Upheld", "Decision :", "Closed after initial enquiries",
    # remedies
    "The Council agreed to", "the Council has agreed to:", "apologise", "pay", "review its procedures",
    "provide", "The Ombudsman recommended", "should", "will", "Status: Complete", "In progress",
    # structure
    "Final decision", "Agreed action", "Summary:", "The complaint", "What I found",
    "Recommendations", "Category : Housing > Allocations", "Decision date : 27 Mar 2025",
    "The Ombudsman's final decision:", "RESOLVED", "Minutes:", "Back to top", "1.", "2.3",
    "a)", "(i)", "#", "## ", "- ", "* ", "• ",
    # punctuation and layout
    "(", ")", "**", "-", "|", " | ", ":", ";", ".", ",", "'", "’", "\t", "\n", "\n\n", "\f",
    "<b>", "</b>", "[", "](", "_", "\\", "&amp;", "\u00a0", "\u00ad",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "\n", ". ", ", ", "\t", " - "]
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),  # twice: mostly domain words, some noise
    st.text(max_size=6),
)

# Phrases that make sentences the rules read: who, what they did, to whom, when.
SUBJECTS = ["The Council", "the Council", "Kent County Council", "It", "We", "I", "Mr X", "Mrs Y",
            "The Ombudsman", "Mr and Mrs Z", "The Committee", "She"]  # fmt: skip
VERBS = ["agreed to", "has agreed to", "will", "should", "must", "recommended that the Council",
         "found", "complains that the Council failed to", "says it will", "did not", "has",
         "is recommended to", "wants the Council to", "may"]  # fmt: skip
OBJECTS = ["apologise to Mrs Y", "pay Mr X £250", "pay her £600 a month for four months",
           "review its procedures", "provide a written apology", "fault causing injustice",
           "no fault", "remind staff of the policy", "reconsider the assessment",
           "make a payment of £1.5k to the family", "consider the report", "note the report",
           "maladministration", "send us evidence it has done so", "refund £75.11 weekly"]  # fmt: skip
TAILS = ["", "", "within one month of the final decision", "within 20 working days",
         "by 31 March 2025", "on 22nd July 2024", "(reference 22 011 513)", "in December 2024",
         "on Thursday 6 January 2025", "within three months of the report", "; and",
         "and pay £2,400 (£600 for four months)", "from LGSCO case 23006024"]  # fmt: skip
HEADINGS = ["Final decision", "Agreed action", "Summary", "The complaint", "What I found",
            "Recommendations", "The Ombudsman's role and powers", "Analysis", "Background",
            "How I considered this complaint", "Minutes:", "RESOLVED", "1. Introduction",
            "Decision : Upheld", "Decision : Not upheld", "Category : Housing > Allocations",
            "Decision date : 27 Mar 2025", "The Ombudsman's final decision:",
            "Ashgrove District Council (24 003 118)", "Back to top", "## Agreed action"]  # fmt: skip
MARKERS = ["- ", "* ", "• ", "1. ", "2.3 ", "a) ", "(i) ", "(2) ", ""]

sentence = st.builds(
    lambda who, verb, what, tail, end: f"{who} {verb} {what} {tail}".rstrip() + end,
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from(TAILS),
    st.sampled_from([".", ".", ":", "", ";", ". Status: Complete"]),
)
line = st.one_of(
    st.sampled_from(HEADINGS),
    st.lists(sentence, min_size=1, max_size=3).map(" ".join),  # a paragraph
    st.tuples(st.sampled_from(MARKERS), sentence).map("".join),  # a list item
    st.lists(st.one_of(sentence, st.sampled_from(["Complete", "In progress", "Status"])),
             min_size=2, max_size=4).map(lambda cells: "\t".join(cells)),  # a table row
    st.lists(st.one_of(sentence, st.sampled_from(["Complete", "Outstanding", "On track"])),
             min_size=2, max_size=4).map(lambda cells: "| " + " | ".join(cells) + " |"),
    st.lists(fragment, max_size=8).map(" ".join),  # noise
)  # fmt: skip
# A document: lines of headings, paragraphs, list items and table rows, in any order.
document_text = st.lists(
    st.tuples(line, st.sampled_from(["\n", "\n", "\n\n", " ", "\f"])), min_size=1, max_size=25
).map(lambda parts: "".join(f + s for f, s in parts))

# Fragments in any order: the rules' edges (a "£" with no figure, "within" at the end of text).
domain_text = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(f + s for f, s in parts)
)
# A short pattern repeated: the shape of the inputs that once made a scan quadratic.
unit_text = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), min_size=1, max_size=6).map(
    lambda parts: "".join(f + s for f, s in parts)
)
# The bug hunt repeats further: a scan that is quadratic shows itself sooner.
MAX_REPEATS = 1000 if _BIG_BUDGET else 200
repeated_text = st.tuples(unit_text, st.integers(2, MAX_REPEATS)).map(
    lambda pair: pair[0] * pair[1]
)
any_text = st.one_of(
    st.text(max_size=400), domain_text, document_text, document_text, repeated_text
)

# How the text becomes a CleanText: as the unit tests build one (a block a line), or through the
# text reader and clean(), which make headings, list items and table rows.
builders = st.sampled_from(["string", "cleaned"])


def clean_text(text: str, builder: str) -> CleanText:
    if builder == "string":
        return CleanText.from_string(text)
    document = Document(path=None, sha256="0" * 64, media_type="text/plain", pages=text_pages(text))
    return clean(document)


def stage(text: str, builder: str):
    """The CleanText and the rules' entities, as parse() makes them."""
    ct = clean_text(text, builder)
    began = time.perf_counter()
    matches = run_rules(ct.text)
    steer(time.perf_counter() - began, "rules seconds")
    return ct, matches


def steer(seconds: float, label: str) -> None:
    """In the bug hunt, steer the search towards slow inputs, so that the deadline catches a
    quadratic scan. Not in CI: a score that depends on timing would make the examples vary."""
    if _BIG_BUDGET:
        target(seconds, label=label)


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Load spaCy, the trained model and dateparser once, before any example is timed."""
    rules_pipeline()
    trained_pipeline()
    decision_parser.parse_text("Decision date : 27 Mar 2025\nThe Council agreed to pay Mr X £250.")


# --- checks ---------------------------------------------------------------------------------


def assert_span(text: str, start: int, end: int, *, empty: bool = False) -> str:
    """Offsets inside the text, in order; returns the text they point at."""
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    if not empty:
        assert start < end, f"empty span at {start}"
    return text[start:end]


def squeeze(text: str) -> str:
    return " ".join(text.split())


# --- finders --------------------------------------------------------------------------------


@FUZZ
@given(text=any_text, builder=builders)
def test_references_point_at_what_they_quote(text, builder):
    # raw is "exactly as printed": the JSON's raw and evidence quote must be the same characters,
    # and the canonical form is only claimed for eight digits.
    ct, doc = stage(text, builder)
    for finding in find_references(ct, doc):
        assert assert_span(ct.text, finding.start, finding.end) == finding.raw
        assert finding.digits == re.sub(r"\D", "", finding.raw)
        if finding.standard_format:
            assert re.fullmatch(r"\d{2} \d{3} \d{3}[a-z]?", finding.reference)
        else:
            assert finding.reference == finding.raw
    for raw, start, end in find_other_references(doc):
        assert assert_span(ct.text, start, end) == raw


@FUZZ
@given(text=any_text, builder=builders)
def test_names_point_at_what_they_quote(text, builder):
    # An organisation's name is the text at its offsets (a label prefix and sentence words are
    # cut by moving the offsets, not by editing the name); a pseudonym is the text at its offsets
    # normalised ("Mrs. X" -> "Mrs X"), and the complainant is one of them or a joined group.
    ct, doc = stage(text, builder)
    for finding in find_organisations(ct, doc):
        assert assert_span(ct.text, finding.start, finding.end) == finding.name
        assert finding.kind in ("council", "company")
    pseudonyms = find_pseudonyms(ct, doc)
    for finding in pseudonyms:
        quote = assert_span(ct.text, finding.start, finding.end)
        assert finding.name == normalise_pseudonym(quote)
    complainant = choose_complainant(ct, pseudonyms)
    if pseudonyms:
        assert complainant is not None
        quote = assert_span(ct.text, complainant.start, complainant.end)
        assert complainant.name == normalise_pseudonym(quote)
    else:
        assert complainant is None


@FUZZ
@given(text=any_text, builder=builders)
def test_dates_and_deadlines_point_at_what_they_quote(text, builder):
    # A date's text is "as printed" and must be what the evidence shows; a year outside the
    # plausible range is a typo, never a value. A deadline's text may run past the rules' span
    # to take in its anchor ("of the final decision"): it is still the text at its offsets.
    ct, doc = stage(text, builder)
    for finding in find_dates(ct, doc):
        assert assert_span(ct.text, finding.start, finding.end) == finding.text
        assert finding.date.year in PLAUSIBLE_YEARS
        assert finding.precision in ("day", "month")
        assert finding.weekday_matches in (None, True, False)
    for finding in find_deadlines(ct, doc):
        assert assert_span(ct.text, finding.start, finding.end) == finding.text
        if finding.duration is not None:
            assert re.fullmatch(r"P\d+[DWMY]", finding.duration)
        if finding.by is not None:
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", finding.by)
        assert finding.anchor in (None, "final_decision", "report", "meeting", "complaint")
        assert finding.duration is not None or finding.by is not None


@FUZZ
@given(text=any_text, builder=builders)
def test_amounts_point_at_what_they_quote(text, builder):
    # An amount's text, extended over "a month for four months", is still the text at its
    # offsets and still starts with the pound sign; its value is a finite sum of money.
    ct, doc = stage(text, builder)
    for finding in find_amounts(ct, doc):
        assert assert_span(ct.text, finding.start, finding.end) == finding.text
        assert finding.text.startswith("£")
        assert math.isfinite(finding.value) and finding.value >= 0
        assert finding.count is None or finding.count >= 0
        assert finding.breakdown_of is None or math.isfinite(finding.breakdown_of)


@FUZZ
@given(text=any_text, builder=builders)
def test_structure_covers_the_text(text, builder):
    # Every finder reads the document through the structure: a sentence that is not the text at
    # its offsets, or that leaves its block, would shift every finding's evidence.
    ct = clean_text(text, builder)
    structure = build_structure(ct)
    assert len(structure.block_roles) == len(ct.blocks)
    for block in ct.blocks:
        assert_span(ct.text, block.start, block.end)
    for section in structure.sections:
        assert_span(ct.text, section.start, section.end, empty=True)
    for sentence in structure.sentences():
        block = ct.blocks[sentence.block]
        assert assert_span(ct.text, sentence.start, sentence.end) == sentence.text
        assert block.start <= sentence.start and sentence.end <= block.end
        assert sentence.role == structure.block_roles[sentence.block]
    spans = split_sentences(text)
    for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        assert end <= next_start
    for s, e in spans:
        assert_span(text, s, e)
        assert e - s <= MAX_SENTENCE  # the bound that keeps every per-sentence scan linear


@FUZZ
@given(text=any_text, builder=builders)
def test_outcome_points_into_the_text(text, builder):
    # The outcome's evidence is the label and the cues that decided it: each must be a real,
    # non-empty piece of the text, and the decision one the schema allows.
    ct = clean_text(text, builder)
    document_type, _ = find_document_type(ct)
    assert document_type in get_args(DocumentType)
    found = find_outcome(ct, build_structure(ct), document_type)
    assert found.decision is None or found.decision in get_args(OutcomeDecision)
    for start, end in found.spans:
        assert_span(ct.text, start, end)
    if found.label is not None:
        label_start, label_end = found.spans[0]
        assert found.label in ct.text[label_start:label_end]
    category = find_category(ct)
    if category is not None:
        name, start, end = category
        assert squeeze(name.replace(">", " ")) == squeeze(
            assert_span(ct.text, start, end).replace(">", " ")
        )


@FUZZ
@given(text=any_text, builder=builders, document_type=st.sampled_from(get_args(DocumentType)))
def test_recommendations_point_at_what_they_quote(text, builder, document_type):
    # A recommendation's text drops its list marker and joins its lines, so it is the text at its
    # offsets up to whitespace, never words from elsewhere; the span a deadline is read from
    # lies in the text too.
    ct = clean_text(text, builder)
    for keep_actionless in (False, True):
        found = find_recommendations(
            ct, keep_actionless=keep_actionless, document_type=document_type
        )
        for finding in found:
            quote = assert_span(ct.text, finding.start, finding.end)
            assert squeeze(finding.text) in squeeze(quote)
            assert set(finding.actions) <= set(get_args(Action))
            assert finding.status is None or finding.status in get_args(Status)
            if finding.deadline_span is not None:
                assert_span(ct.text, *finding.deadline_span)


@FUZZ
@given(text=any_text, builder=builders, document_type=st.sampled_from(get_args(DocumentType)))
def test_remedies_point_at_their_sentence_and_cue(text, builder, document_type):
    # A remedy's evidence is the sentence that states it, and the cue that names its kind lies
    # inside that sentence: a reader checks one against the other.
    ct = clean_text(text, builder)
    for finding in find_remedies(build_structure(ct), document_type):
        assert finding.action in get_args(Action)
        assert_span(ct.text, finding.start, finding.end)
        assert finding.start <= finding.cue[0] < finding.cue[1] <= finding.end


# --- the whole parser -----------------------------------------------------------------------


def all_evidence(node):
    if isinstance(node, dict):
        if {"page", "start", "end", "quote"} <= node.keys():
            yield node
        for value in node.values():
            yield from all_evidence(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_evidence(item)


@FUZZ
@given(text=any_text)
def test_parse_text_evidence_is_the_text_at_its_offsets(text):
    # The output contract: every evidence quote is the cleaned text between its offsets, on a
    # page the document has, and the JSON reads back as a Decision. The only failure allowed is
    # an InputError the user can act on (empty, no text, binary, a PDF header in the text); the
    # text or HTML reader's own exception, wrapped as "could not read", is a bug.
    began = time.perf_counter()
    try:
        decision = decision_parser.parse_text(text, with_text=True)
    except InputError as error:
        assert not error.message.startswith(("could not read text", "could not read HTML"))
        return
    steer(time.perf_counter() - began, "parse seconds")
    assert decision.text is not None
    for evidence in all_evidence(decision.model_dump()):
        assert assert_span(decision.text, evidence["start"], evidence["end"]) == evidence["quote"]
        assert 1 <= evidence["page"] <= decision.source.pages
    assert Decision.model_validate_json(decision.model_dump_json()) == decision
