"""Score the parser against gold files (format: ../shared/gold/README.md).

Every field is counted as true positives, false positives and false negatives, then precision,
recall and F1. A gold field that is absent or null is not scored. A scalar that is wrong counts
once as a false positive (what we said) and once as a false negative (what we missed).
Recommendations are matched to gold by their key phrase (case and spacing ignored); their
actions, amounts, deadline and status are then scored on the matched pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .models import Decision, Recommendation

DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm", ".md", ".txt")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    file: str
    field: str
    expected: object
    got: object


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0
    errors: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "fields": {
                name: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                }
                for name, s in self.scores.items()
            },
            "misses": [m.__dict__ for m in self.misses],
        }


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def digits(reference: str) -> str:
    return re.sub(r"\D", "", reference)


def find_document(docs_dir: Path, name: str) -> Path | None:
    exact = docs_dir / name
    if exact.is_file():
        return exact
    stem = Path(name).stem
    for suffix in DOCUMENT_SUFFIXES:
        candidate = docs_dir / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def evaluate(
    gold_dir: Path,
    docs_dir: Path,
    parse: Callable[[Path], Decision] | None = None,
    use_model: bool = True,
    skip_missing: bool = False,
) -> Report:
    """Score every gold file against its document in docs_dir. With skip_missing, a gold file
    whose document is not there is left out (a folder holding only some documents in one more
    format); otherwise it is reported as an error."""
    if parse is None:
        from . import parse as parse_document

        def parse(path: Path) -> Decision:
            return parse_document(path, use_model=use_model)

    report = Report()
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold.get("file", gold_path.stem)
        document = find_document(Path(docs_dir), name)
        if document is None:
            if skip_missing:
                continue
            report.errors.append(f"{gold_path.name}: no document named {name} in {docs_dir}")
            continue
        try:
            decision = parse(document)
        except InputError as error:
            report.errors.append(str(error))
            continue
        report.documents += 1
        score_document(report, name, gold, decision)
    return report


def _scalar(report: Report, file: str, name: str, expected, got) -> None:
    if expected is None:
        return
    score = report.score(name)
    if got == expected:
        score.tp += 1
        return
    score.fn += 1
    if got is not None:
        score.fp += 1
    report.misses.append(Miss(file, name, expected, got))


def _set(report: Report, file: str, name: str, expected: Iterable, got: Iterable) -> None:
    expected, got = set(expected), set(got)
    score = report.score(name)
    score.tp += len(expected & got)
    score.fp += len(got - expected)
    score.fn += len(expected - got)
    if expected != got:
        report.misses.append(
            Miss(file, name, sorted(expected - got, key=str), sorted(got - expected, key=str))
        )


def score_document(report: Report, file: str, gold: dict, decision: Decision) -> None:
    _scalar(report, file, "document_type", gold.get("document_type"), decision.document_type)

    references = gold.get("case_references") or {}
    primary = decision.primary_reference
    if references.get("primary") is not None:
        _scalar(
            report,
            file,
            "case_references.primary",
            digits(references["primary"]),
            digits(primary.raw) if primary else None,
        )
    if "all" in references:
        _set(
            report,
            file,
            "case_references.all",
            {digits(r) for r in references["all"]},
            {digits(r.raw) for r in decision.case_references},
        )
    if gold.get("other_references") is not None:
        _set(report, file, "other_references", gold["other_references"], decision.other_references)

    _scalar(
        report,
        file,
        "organisation",
        normalise(gold["organisation"]) if gold.get("organisation") else None,
        normalise(decision.organisation.name) if decision.organisation else None,
    )
    _scalar(
        report,
        file,
        "category",
        normalise(gold["category"]) if gold.get("category") else None,
        normalise(decision.category.name) if decision.category else None,
    )
    _scalar(
        report,
        file,
        "complainant",
        normalise(gold["complainant"]) if gold.get("complainant") else None,
        normalise(decision.complainant.name) if decision.complainant else None,
    )
    dates = decision.dates
    _scalar(
        report,
        file,
        "meeting_date",
        gold.get("meeting_date"),
        dates.meeting_date.date.isoformat() if dates.meeting_date else None,
    )
    decision_date = dates.decision_date or dates.report_date
    _scalar(
        report,
        file,
        "decision_date",
        gold.get("decision_date"),
        decision_date.date.isoformat() if decision_date else None,
    )
    outcome = gold.get("outcome") or {}
    for key in ("decision", "fault", "injustice", "maladministration"):
        _scalar(report, file, f"outcome.{key}", outcome.get(key), getattr(decision.outcome, key))
    if gold.get("amounts_gbp") is not None:
        _set(
            report,
            file,
            "amounts",
            {round(float(a), 2) for a in gold["amounts_gbp"]},
            {round(a.value, 2) for a in decision.amounts},
        )
    if gold.get("remedy_actions") is not None:
        # Gold [] means "no remedy": any kind we report is a false positive. A gold file
        # without the key leaves the field unscored.
        _set(
            report,
            file,
            "remedy_actions",
            gold["remedy_actions"],
            {a.action for a in decision.remedy_actions},
        )
    if gold.get("recommendations") is not None:
        _score_recommendations(report, file, gold["recommendations"], decision.recommendations)


def lump_sums(recommendation: Recommendation) -> set[float]:
    """The sums a recommendation asks for; a rate that only explains a sum is left out."""
    return {round(a.value, 2) for a in recommendation.amounts if a.breakdown_of is None}


def deadline_matches(expected: dict, recommendation: Recommendation) -> bool:
    deadline = recommendation.deadline
    if deadline is None:
        return False
    if "by" in expected:
        return (deadline.by or "")[: len(expected["by"])] == expected["by"]
    if expected.get("duration") != deadline.duration:
        return False
    if expected.get("anchor") and expected["anchor"] != deadline.anchor:
        return False
    if expected.get("due"):
        return deadline.due_date is not None and deadline.due_date.isoformat() == expected["due"]
    return True


def _score_recommendations(
    report: Report, file: str, expected: list[dict], predicted: list[Recommendation]
) -> None:
    score = report.score("recommendations")
    matched: dict[int, int] = {}
    for g, item in enumerate(expected):
        key = normalise(item["key"])
        for p, recommendation in enumerate(predicted):
            if p not in matched.values() and key in normalise(recommendation.text):
                matched[g] = p
                break
    for g, item in enumerate(expected):
        optional = item.get("optional", False)
        if g not in matched:
            if not optional:
                score.fn += 1
                report.misses.append(Miss(file, "recommendations", item["key"], None))
            continue
        if optional:
            continue
        score.tp += 1
        got = predicted[matched[g]]
        if "actions" in item:
            _scalar(
                report,
                file,
                "recommendations.actions",
                sorted(item["actions"]),
                sorted(got.actions),
            )
        if item.get("amounts_gbp") is not None:
            _scalar(
                report,
                file,
                "recommendations.amounts",
                sorted(round(float(a), 2) for a in item["amounts_gbp"]),
                sorted(lump_sums(got)),
            )
        if item.get("deadline"):
            ok = deadline_matches(item["deadline"], got)
            _scalar(
                report,
                file,
                "recommendations.deadline",
                item["deadline"],
                item["deadline"]
                if ok
                else (
                    got.deadline.model_dump(mode="json", exclude={"evidence"})
                    if got.deadline
                    else None
                ),
            )
        if item.get("payee"):
            _scalar(
                report,
                file,
                "recommendations.payee",
                normalise(item["payee"]),
                normalise(got.payee) if got.payee else None,
            )
        if item.get("status"):
            _scalar(report, file, "recommendations.status", item["status"], got.status)
    for p, recommendation in enumerate(predicted):
        if p not in matched.values():
            score.fp += 1
            report.misses.append(
                Miss(file, "recommendations (extra)", None, recommendation.text[:90])
            )


def format_table(report: Report, show_misses: bool = True) -> str:
    def pct(value: float | None) -> str:
        return "   -" if value is None else f"{value:5.2f}"

    lines = [
        f"documents scored: {report.documents}",
        f"{'field':<28} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'f1':>6}",
    ]
    for name, s in report.scores.items():
        lines.append(
            f"{name:<28} {s.tp:>4} {s.fp:>4} {s.fn:>4} {pct(s.precision):>6} "
            f"{pct(s.recall):>6} {pct(s.f1):>6}"
        )
    for error in report.errors:
        lines.append(f"error: {error}")
    if show_misses and report.misses:
        lines.append("")
        lines.append("misses (file | field | expected | got):")
        for miss in report.misses:
            lines.append(f"  {miss.file} | {miss.field} | {miss.expected!r} | {miss.got!r}")
    return "\n".join(lines)


# --- the annotated held-out split (corpus/training/heldout.jsonl) --------------------------
# One record per sentence or list item: {"text", "spans": [{start, end, label}], "cats"}.
# Scored fields: organisation (ORG spans), parties (PARTY spans), and recommendation actions
# (the action set of each remedy record). Spans must match exactly.


def evaluate_heldout(path: Path, model=None) -> Report:
    """Score the rules alone (model=None) or rules + model on annotated sentences."""
    from . import combine
    from .document import CleanText
    from .find.parties import find_organisations, find_pseudonyms
    from .find.recommendations import classify_actions
    from .model import actions_above, predict_many, read_jsonl
    from .nlp import rules_pipeline

    records = read_jsonl(path)
    report = Report(documents=len(records))
    texts = [r["text"] for r in records]
    predicted = predict_many(model, texts) if model is not None else [([], {})] * len(records)
    for record, (model_spans, probabilities) in zip(records, predicted, strict=True):
        ct = CleanText.from_string(record["text"])
        doc = rules_pipeline()(record["text"])
        rules = {
            "ORG": {(f.start, f.end) for f in find_organisations(ct, doc)},
            "PARTY": {(f.start, f.end) for f in find_pseudonyms(ct, doc)},
        }
        for label, field_name in (("ORG", "organisation"), ("PARTY", "parties")):
            got = set(rules[label])
            for span in model_spans:
                overlaps = any(s < span.end and span.start < e for s, e in got)
                if span.label == label and not overlaps:
                    got.add((span.start, span.end))
            gold = {(g["start"], g["end"]) for g in record["spans"] if g["label"] == label}
            _set(report, record["text"][:60], field_name, gold, got)
        gold_actions = {a for a, v in record["cats"].items() if v >= 0.5}
        if not gold_actions:
            continue
        actions = set(classify_actions(record["text"]))
        if not actions and model is not None:
            actions = set(actions_above(probabilities, combine.ACTION_THRESHOLD))
        _set(report, record["text"][:60], "recommendations.actions", gold_actions, actions)
    return report


def format_comparison(rules: Report, combined: Report) -> str:
    """Per-field F1 for the rules alone and for rules + model, side by side."""

    def cell(value: float | None) -> str:
        return "     -" if value is None else f"{value:6.3f}"

    lines = [
        f"documents scored: {rules.documents}",
        f"{'field':<28} {'F1 rules':>9} {'F1 rules+model':>15} {'change':>8}",
    ]
    for name in dict.fromkeys([*rules.scores, *combined.scores]):
        a = rules.scores.get(name, Score()).f1
        b = combined.scores.get(name, Score()).f1
        change = "" if a is None or b is None else f"{b - a:+.3f}"
        lines.append(f"{name:<28} {cell(a):>9} {cell(b):>15} {change:>8}")
    return "\n".join(lines)
