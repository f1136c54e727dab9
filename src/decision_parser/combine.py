"""What the trained model adds to the rules, and only that.

The rules come first everywhere: references, money, dates, deadlines and pseudonyms are theirs
alone. The model (models/decision-parser-ner) is asked about what the rules cannot see:
- the body complained about, when no title line or council name gives it;
- parties named by role rather than by pseudonym ("the parent", "her son", "Y");
- the actions of a listed remedy whose wording the action cues do not know.
Every value the model supplies says so (evidence method "model", actions_method "model").
"""

from __future__ import annotations

import re

from spacy.language import Language

from .document import CleanText
from .find.parties import NameFinding, normalise_pseudonym
from .find.recommendations import RecommendationFinding
from .model import actions_above, predict_many, predict_spans
from .models import NamedValue

# The model reads the opening of a document, where the body and the people are introduced;
# reading all of a long report would cost more than it finds.
OPENING_CHARS = 2500
BODY_NAME = re.compile(
    r"\b(Council|Borough of \w+|Corporation|Authority|Limited|Ltd|LLP|plc|Trust|CIC|Board|Partnership)\b"
)
PARTY_NAME = re.compile(
    r"^((Mr|Mrs|Miss|Ms|Mx|Dr)\.?( and (Mr|Mrs|Miss|Ms|Mx|Dr)\.?)? [A-Z]|[A-Z]|(the|her|his|their) [a-z]+( [a-z]+)?)$"
)
ACTION_THRESHOLD = 0.5


def _opening_spans(model: Language, ct: CleanText, label: str) -> list[tuple[int, int]]:
    text = ct.text[:OPENING_CHARS]
    return [(s.start, s.end) for s in predict_spans(model, text) if s.label == label]


def organisation(model: Language, ct: CleanText) -> NameFinding | None:
    """The first ORG span the model finds that is shaped like a body's name."""
    for start, end in _opening_spans(model, ct, "ORG"):
        name = ct.text[start:end].strip(" .,;:()")
        if BODY_NAME.search(name) and len(name.split()) >= 2:
            offset = ct.text.index(name, start)
            return NameFinding(name, offset, offset + len(name), "model")
    return None


def parties(
    ct: CleanText, pseudonyms: list[NameFinding], model: Language | None
) -> list[NamedValue]:
    """Each party once: the rules' pseudonyms, then the model's parties the rules did not see."""
    found: dict[str, NamedValue] = {}
    for finding in pseudonyms:
        found.setdefault(
            finding.name,
            NamedValue(name=finding.name, evidence=ct.evidence(finding.start, finding.end)),
        )
    if model is None:
        return list(found.values())
    taken = [(f.start, f.end) for f in pseudonyms]
    for start, end in _opening_spans(model, ct, "PARTY"):
        if any(s < end and start < e for s, e in taken):
            continue
        name = normalise_pseudonym(ct.text[start:end])
        if not PARTY_NAME.match(name):
            continue  # a model span that is not shaped like a party ("Revised High Cost ...")
        key = name.lower() if name[:1].islower() else name
        if key not in found and name not in found:
            found[key] = NamedValue(name=name, evidence=ct.evidence(start, end, method="model"))
    return list(found.values())


def fill_actions(model: Language, findings: list[RecommendationFinding]) -> list[str]:
    """Give model actions to the listed remedies the rules could not name; returns, per
    finding, who named its actions ('rules' or 'model'). A finding left with no action is the
    caller's to drop."""
    methods = ["rules"] * len(findings)
    blind = [i for i, f in enumerate(findings) if not f.actions]
    if not blind:
        return methods
    predictions = predict_many(model, [" ".join(findings[i].text.split()) for i in blind])
    for i, (_, probabilities) in zip(blind, predictions, strict=True):
        actions = actions_above(probabilities, ACTION_THRESHOLD)
        if actions:
            # Main action first, as the rules order them.
            findings[i].actions = sorted(actions, key=lambda a: -probabilities[a])
            methods[i] = "model"
    return methods
