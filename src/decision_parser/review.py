"""Decision -> a self-contained HTML review page: the cleaned text with every extracted value
highlighted where its evidence points, and a panel of the fields, each linking to its highlight.

A person checks a figure by clicking it in the panel and reading the sentence it came from.
Values the trained model supplied are marked as such, and the warnings are listed. The page
needs nothing from elsewhere: the style and the few lines of script are inline, so it can be
mailed, archived or opened offline.

The text is cut at every evidence boundary into segments; each segment is one <mark> listing
the evidence items that cover it (data-ev), so overlapping spans need no nesting, and an empty
anchor (id="ev-N") marks where item N starts.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from pydantic import BaseModel

from .models import Decision, Evidence


@dataclass(frozen=True)
class EvidenceItem:
    """One extracted value and where it was read."""

    number: int
    field: str  # where the value sits in the JSON, e.g. recommendations[2].amounts[0]
    value: str
    evidence: Evidence


# Attributes that say what a value is, in the order a reader would want them.
_DESCRIBING = ("reference", "name", "date", "action", "code", "decision", "value", "text")


def _describe(node: BaseModel) -> str:
    for attribute in _DESCRIBING:
        value = getattr(node, attribute, None)
        if value is None or value == "":
            continue
        if attribute == "value" and isinstance(value, float):
            per = getattr(node, "per", None)
            return f"£{value:,.2f}" + (f" per {per}" if per else "")
        if attribute == "decision":
            return (
                f"{value}; fault {node.fault}; injustice {node.injustice}"  # type: ignore[attr-defined]
            )
        if attribute == "text" and getattr(node, "actions", None):
            return f"{', '.join(node.actions)}: {value}"  # type: ignore[attr-defined]
        if attribute == "text" and getattr(node, "due_date", None):
            return f"{value} (due {node.due_date})"  # type: ignore[attr-defined]
        return str(getattr(value, "value", value))
    return type(node).__name__


def _field_name(path: str) -> str:
    """'amounts[3].evidence' -> 'amounts[3]'; 'outcome.evidence[1]' -> 'outcome (2)'."""
    if path.endswith(".evidence"):
        return path.removesuffix(".evidence")
    head, _, index = path.rpartition(".evidence[")
    if head and index.endswith("]") and index[:-1].isdigit():
        return f"{head} ({int(index[:-1]) + 1})"
    return path


def evidence_items(decision: Decision) -> list[EvidenceItem]:
    """Every evidence span of the decision, in the order of the JSON, with its field's path."""
    items: list[EvidenceItem] = []

    def walk(node: object, path: str, owner: BaseModel | None) -> None:
        if isinstance(node, Evidence):
            value = _describe(owner) if owner is not None else ""
            items.append(EvidenceItem(len(items) + 1, _field_name(path), value, node))
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                if name == "text" and node is decision:
                    continue
                walk(getattr(node, name), f"{path}.{name}" if path else name, node)
        elif isinstance(node, list | tuple):
            for index, element in enumerate(node):
                walk(element, f"{path}[{index}]", owner)

    walk(decision, "", None)
    return items


def _segments(length: int, items: list[EvidenceItem]) -> list[tuple[int, int, list[int]]]:
    """The text cut at every evidence boundary: (start, end, numbers of the items covering it).
    A sweep over the boundaries keeps the set of open spans, so a document with thousands of
    values costs time in proportion to them, not their square."""
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for item in items:
        if item.evidence.end > item.evidence.start:  # an empty span highlights nothing
            opening.setdefault(item.evidence.start, []).append(item.number)
            closing.setdefault(item.evidence.end, []).append(item.number)
    bounds = sorted({0, length, *opening, *closing})
    segments = []
    active: set[int] = set()
    for start, end in zip(bounds, bounds[1:], strict=False):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        segments.append((start, end, sorted(active)))
    return segments


_STYLE = """
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1d1d1f; display: flex; }
#panel { width: 40%; height: 100vh; overflow: auto; border-right: 1px solid #ccc;
         padding: 0 12px; box-sizing: border-box; }
#text { width: 60%; height: 100vh; overflow: auto; padding: 0 16px; box-sizing: border-box;
        white-space: pre-wrap; font-family: Georgia, serif; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
td, th { border-bottom: 1px solid #eee; padding: 3px 4px; vertical-align: top; text-align: left; }
td.field { font-family: ui-monospace, monospace; color: #555; }
mark { background: #fff1a8; padding: 0; }
mark.model { background: #e3d4ff; }
mark.active { background: #ffb347; outline: 2px solid #d2691e; }
.badge { font-size: 11px; padding: 0 4px; border-radius: 3px; background: #e3d4ff; }
.warning { background: #fde2e1; padding: 4px 6px; margin: 4px 0; border-radius: 3px; }
h1 { font-size: 18px; } h2 { font-size: 15px; margin-top: 18px; }
"""

# Clicking a field marks every segment of its span; the anchor already scrolls to its start.
_SCRIPT = """
function show() {
  document.querySelectorAll('mark.active').forEach(m => m.classList.remove('active'));
  const n = location.hash.replace('#ev-', '');
  if (!n) return;
  document.querySelectorAll('mark[data-ev]').forEach(m => {
    if (m.dataset.ev.split(' ').includes(n)) m.classList.add('active');
  });
}
window.addEventListener('hashchange', show);
window.addEventListener('load', show);
"""


def render_review(decision: Decision) -> str:
    """The review page of a decision parsed with its text (with_text=True)."""
    if decision.text is None:
        raise ValueError("render_review needs the decision's text: parse it with with_text=True")
    text = decision.text
    items = evidence_items(decision)
    by_number = {item.number: item for item in items}
    starts: dict[int, list[int]] = {}
    for item in items:
        starts.setdefault(item.evidence.start, []).append(item.number)

    body: list[str] = []
    for start, end, covering in _segments(len(text), items):
        for number in starts.pop(start, []):
            body.append(f'<a class="anchor" id="ev-{number}"></a>')
        piece = html.escape(text[start:end])
        if covering:
            model = any(by_number[n].evidence.method == "model" for n in covering)
            numbers = " ".join(str(n) for n in covering)
            css = ' class="model"' if model else ""
            body.append(f'<mark data-ev="{numbers}"{css}>{piece}</mark>')
        else:
            body.append(piece)
    for numbers in starts.values():  # empty spans at the very end of the text
        body.extend(f'<a class="anchor" id="ev-{number}"></a>' for number in numbers)

    rows = []
    for item in items:
        badge = ' <span class="badge">model</span>' if item.evidence.method == "model" else ""
        rows.append(
            f'<tr><td class="field">{html.escape(item.field)}</td>'
            f'<td><a href="#ev-{item.number}">{html.escape(item.value)}</a>{badge}</td>'
            f"<td>p. {item.evidence.page}</td></tr>"
        )
    warnings = "".join(
        f'<div class="warning"><b>{html.escape(w.code)}</b>: {html.escape(w.message)}</div>'
        for w in decision.warnings
    )
    reference = decision.primary_reference
    title = " – ".join(
        part
        for part in (
            reference.reference if reference else None,
            decision.organisation.name if decision.organisation else None,
            str(decision.document_type),
        )
        if part
    )
    source = decision.source.path or "<stdin>"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Review: {html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<div id="panel"><h1>{html.escape(title)}</h1>'
        f"<p>{html.escape(source)} · {decision.source.pages} page(s) · schema "
        f"{html.escape(decision.schema_version)} · parser {html.escape(decision.parser_version)}</p>"
        f"<h2>Warnings ({len(decision.warnings)})</h2>{warnings or '<p>None.</p>'}"
        f"<h2>Values ({len(items)})</h2>"
        "<table><tr><th>field</th><th>value</th><th>page</th></tr>"
        + "".join(rows)
        + '</table></div><div id="text">'
        + "".join(body)
        + f"</div><script>{_SCRIPT}</script></body></html>\n"
    )
