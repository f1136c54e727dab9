"""Who: the organisation complained about, and the pseudonyms the document uses for people."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..document import CleanText
from ..matches import RuleMatches

LEXICON = json.loads((Path(__file__).parents[1] / "patterns" / "lexicon.json").read_text())
SENTENCE_STARTERS = set(LEXICON["sentence_starters"])
# Councils and other public bodies (fire and rescue services, police and crime commissioners,
# combined authorities) are the bodies the Ombudsman investigates; companies are care providers.
COUNCIL = re.compile(r"\b(Council|Borough of|Corporation|Authority|Commissioner|Fire)\b")
# Words that can stand inside a name but not at its end: "Kensington and" is cut back.
TRAILING = {"and", "&", "upon", "on", "in", "le", "by", "the", "-", ","}
# "Annex A - Cotswold District Council", "Appendix 2: Harlow Council": a label, then the name.
LABEL_PREFIX = re.compile(
    r"^(Annex|Appendix|Agenda\s+item|Item)\s+\w{1,4}\s*[-–—:.]\s*"
    # "from Democratic Services Medway Council, Gun Wharf": a department's address line.
    r"|^(Democratic|Legal|Committee|Members?|Corporate|Customer|Governance)\s+Services\s+(?=\S)",
    re.I,
)
# "Bournemouth, Christchurch and Poole Council" lists places; "Yesterday, Harlow Council" does not.
LISTED_PLACES = re.compile(r",\s+[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+)*\s+(and|&)\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class NameFinding:
    name: str
    start: int
    end: int
    kind: str  # council, company, pseudonym


def find_organisations(ct: CleanText, doc: RuleMatches) -> list[NameFinding]:
    found = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        tokens = list(ent)
        # "Since Cambridgeshire County Council": sentence words are not part of the name.
        while tokens and tokens[0].lower_ in SENTENCE_STARTERS:
            tokens = tokens[1:]
        while tokens and tokens[-1].lower_ in TRAILING:
            tokens = tokens[:-1]
        if "," in [t.text for t in tokens] and not LISTED_PLACES.search(
            ct.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
        ):
            comma = max(i for i, t in enumerate(tokens) if t.text == ",")
            tokens = tokens[comma + 1 :]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        prefix = LABEL_PREFIX.match(ct.text[start:end])
        if prefix:
            start += prefix.end()
        name = ct.text[start:end]
        if len(name.split()) < 2:
            continue
        kind = "council" if COUNCIL.search(name) else "company"
        found.append(NameFinding(name, start, end, kind))
    return found


def normalise_pseudonym(text: str) -> str:
    """'Ms M;s' -> 'Ms M', 'Mrs. X' -> 'Mrs X', 'Mr  and Mrs Y' -> 'Mr and Mrs Y'."""
    text = re.sub(r"(;s|'s|’s)$", "", text.strip())
    text = text.replace(".", "")
    return re.sub(r"\s+", " ", text)


def find_pseudonyms(ct: CleanText, doc: RuleMatches) -> list[NameFinding]:
    return [
        NameFinding(normalise_pseudonym(ent.text), ent.start_char, ent.end_char, "pseudonym")
        for ent in doc.ents
        if ent.label_ == "PSEUDONYM"
    ]


# "I have called the complainant 'Miss X'", "Mr and Mrs X complain", "a complaint from Mr Y".
COMPLAINANT_CUES = [
    re.compile(r"call(ed)?\s+(the\s+)?complainants?,?\s+[‘'\"“]?$", re.I),
    re.compile(
        r"refer\s+to\s+(here\s+)?(the\s+complainants?\s+|him\s+|her\s+|them\s+)?(here\s+)?as\s+[‘'\"“]?$",
        re.I,
    ),
    # "The complainant, I shall call Mr X, says"; not "her mother, whom I call Mrs Z".
    re.compile(r"complainants?,?\s+(who(m)?\s+)?(I|we)\s+(shall\s+|will\s+)?call\s+[‘'\"“]?$", re.I),
    re.compile(r"\bcomplaint\s+(from|by|made\s+by)\s+$", re.I),
]
COMPLAINS_AFTER = re.compile(
    r"^[’']?,?\s*(complain|complains|complained|says|said)\b|^['’]s\s+complaint\b", re.I
)
# "Mr W and Mr D complain", "Mr & Mrs X and Mrs Y, complain": joint complainants.
JOINED = re.compile(r"^\s*(and|&)\s*$")


# Older reports gave complainants invented surnames ("Mr Oak", "Mrs Birch"), which no pattern
# can tell from a real name. A council paper that pays or apologises to a titled person names
# the complainant that way; only where no pseudonym is found at all.
NAMED_PAYEE = re.compile(
    r"\b(pay|pays|paid|payment\s+(of\s+£[\d,.]+\s+)?to|apologise\s+to|apology\s+to|compensate)\s+"
    r"(?P<name>(Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(-[A-Z][a-z]+)?"
    r"(\s+(and|&)\s+(Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(-[A-Z][a-z]+)?)?)\b"
)


def named_payee(ct: CleanText) -> NameFinding | None:
    """The titled person a council paper pays or apologises to, as a complainant's name."""
    match = NAMED_PAYEE.search(ct.text)
    if not match:
        return None
    start, end = match.span("name")
    return NameFinding(normalise_pseudonym(ct.text[start:end]), start, end, "pseudonym")


def most_mentioned(findings: list[NameFinding]) -> NameFinding:
    """The first mention of the name mentioned most often (ties go to the earliest)."""
    counts = Counter(f.name for f in findings)
    best = max(counts, key=lambda name: counts[name])
    return next(f for f in findings if f.name == best)


# Joint complainants are two or three people; a longer chain of names is a list.
MAX_JOINED = 3


def _joined_group(ct: CleanText, pseudonyms: list[NameFinding], i: int) -> NameFinding:
    """The pseudonym at i with the ones joined to it by "and": "Mr W and Mr D"."""
    last = i
    while (
        last + 1 < len(pseudonyms)
        and last - i + 1 < MAX_JOINED
        and JOINED.match(ct.text[pseudonyms[last].end : pseudonyms[last + 1].start])
    ):
        last += 1
    if last == i:
        return pseudonyms[i]
    start, end = pseudonyms[i].start, pseudonyms[last].end
    return NameFinding(normalise_pseudonym(ct.text[start:end]), start, end, "pseudonym")


def choose_complainant(ct: CleanText, pseudonyms: list[NameFinding]) -> NameFinding | None:
    if not pseudonyms:
        return None
    for i, finding in enumerate(pseudonyms):
        before = ct.text[max(0, finding.start - 60) : finding.start]
        if any(cue.search(before) for cue in COMPLAINANT_CUES):
            return _joined_group(ct, pseudonyms, i)
    for i, _ in enumerate(pseudonyms):
        # Joint complainants: each name joined to the next by "and", the last one complains.
        group = _joined_group(ct, pseudonyms, i)
        if COMPLAINS_AFTER.match(ct.text[group.end : group.end + 20]):
            return group
    return most_mentioned(pseudonyms)
