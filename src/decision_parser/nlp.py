"""The spaCy pipeline: spacy.blank("en") plus the entity rules in patterns/entity_ruler.jsonl.

Built once per process and reused: loading costs a few hundred milliseconds, parsing a page
a few. The trained component from models/ is loaded separately (trained_pipeline) and only
asked about what the rules cannot see.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex

from .matches import Entity, RuleMatches, Word

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
    # run_rules() hands the pipeline pieces of at most CHUNK_CHARS; this is a guard, not a limit
    # on the length of a document.
    nlp.max_length = 2 * CHUNK_CHARS
    patterns = [
        json.loads(line)
        for line in (PATTERNS_DIR / "entity_ruler.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "validate": True})
    ruler.add_patterns([p for p in patterns if p["label"] != "ORG"])
    names = nlp.add_pipe("decision_parser_names")
    names.add_patterns([p for p in patterns if p["label"] == "ORG"])
    return nlp


# Every name pattern ends on, or starts just before, one of these words ("Council", "Ltd",
# "Borough", ...). The name patterns run only in a window of tokens around each of them:
# a name is at most a dozen tokens, and a text full of capitalised words ("Harlow Vale and
# Harlow Vale and ...") cannot keep the matcher busy everywhere.
NAME_ANCHORS = frozenset(
    ["Council", "Corporation", "Borough", "Authority", "Commissioner", "Service", "Board", "Panel", "Limited", "Ltd", "Ltd.", "LLP", "plc", "PLC", "Trust", "CIC"]
)
NAME_BEFORE, NAME_AFTER = 15, 7


class NameMatcher:
    """Adds ORG entities found by the name patterns near their anchor words, where no other
    entity stands; the longest name wins where two overlap."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab, validate=True)

    def add_patterns(self, patterns: list[dict]) -> None:
        for pattern in patterns:
            self.matcher.add(pattern["id"], [pattern["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], int] = {}
        for start, end in _windows(doc):
            window = doc[start:end]
            for match_id, match_start, match_end in self.matcher(window):
                found[(start + match_start, start + match_end)] = match_id
        taken = [(e.start, e.end) for e in doc.ents]
        names: list[Span] = []
        for (start, end), match_id in sorted(found.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            names.append(Span(doc, start, end, label="ORG", span_id=match_id))
        if names:
            doc.ents = sorted([*doc.ents, *names], key=lambda span: span.start)
        return doc


def _windows(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges around the anchor words, overlapping ones merged (one matcher call each)."""
    windows: list[tuple[int, int]] = []
    for token in doc:
        if token.text not in NAME_ANCHORS:
            continue
        start, end = max(0, token.i - NAME_BEFORE), min(len(doc), token.i + NAME_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@Language.factory("decision_parser_names")
def _make_name_matcher(nlp: Language, name: str) -> NameMatcher:
    return NameMatcher(nlp)


# The text is run through the rules in pieces this long, cut at line ends (or spaces), and the
# pieces' entities are put back at their offsets: a 2,000-page report is never one spaCy Doc,
# memory stays flat and time grows with the length.
CHUNK_CHARS = 200_000
# A run of punctuation this long ("((((((", "-------") holds no entity, and spaCy's tokenizer
# peels affixes off a long token one at a time (quadratic). The rules see spaces there instead:
# the same number of characters, so every offset still points into the cleaned text.
_PUNCTUATION_RUN = re.compile(r"[^\w\s£]{16,}")


def masked(text: str) -> str:
    """The text the rules read: long punctuation runs blanked, length unchanged."""
    return _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group()), text)


def _pieces(text: str) -> list[str]:
    pieces, start = [], 0
    while len(text) - start > CHUNK_CHARS:
        cut = text.rfind("\n", start + CHUNK_CHARS // 2, start + CHUNK_CHARS)
        if cut < 0:
            cut = text.rfind(" ", start + CHUNK_CHARS // 2, start + CHUNK_CHARS)
        cut = cut + 1 if cut >= 0 else start + CHUNK_CHARS
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def run_rules(text: str) -> RuleMatches:
    """The rules pipeline over any length of text: its entities, with offsets into the text."""
    nlp = rules_pipeline()
    found: list[Entity] = []
    offset = 0
    pieces = _pieces(masked(text))
    for piece, doc in zip(pieces, nlp.pipe(pieces), strict=True):
        for ent in doc.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            words = ()
            if ent.label_ == "ORG":
                words = tuple(
                    Word(text[offset + t.idx : offset + t.idx + len(t)], offset + t.idx, t.lower_)
                    for t in ent
                )
            found.append(Entity(text[start:end], ent.label_, start, end, ent.ent_id_, words))
        offset += len(piece)
    return RuleMatches(tuple(found))
