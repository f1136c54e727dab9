"""A tiny inline markup for annotated sentences: ``[apologise to Mrs X](REMEDY)``.

Templates and hand-written sentences are easier to write and review with labels inline than
with character offsets. `parse` turns markup into plain text plus spans. Markup may nest;
spaCy's NER cannot hold overlapping entities, so an inner span inside an outer one is dropped
(a party named inside a remedy is part of the remedy, see README.md).
"""

from __future__ import annotations

import re

LABELS = ("ORG", "PARTY", "REMEDY")
_CLOSE = re.compile(r"\]\((" + "|".join(LABELS) + r")\)")


def parse(markup: str) -> tuple[str, list[dict]]:
    """Return (text, spans) with spans as {"start", "end", "label"}, outermost spans only."""
    out: list[str] = []
    pos = 0  # length of the plain text written so far
    stack: list[int] = []
    spans: list[tuple[int, int, str, int]] = []  # start, end, label, depth
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "[":
            stack.append(pos)
            i += 1
            continue
        if ch == "]":
            m = _CLOSE.match(markup, i)
            if not m or not stack:
                raise ValueError(f"unbalanced markup at {i}: {markup!r}")
            start = stack.pop()
            spans.append((start, pos, m.group(1), len(stack)))
            i = m.end()
            continue
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise ValueError(f"unclosed '[' in {markup!r}")
    text = "".join(out)
    outer = [s for s in spans if s[3] == 0]
    result = []
    for start, end, label, _ in sorted(outer):
        # Spans never start or end on whitespace: trim so the tokenizer can align them.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append({"start": start, "end": end, "label": label})
    return text, result


def strip(markup: str) -> str:
    """The plain text of some markup."""
    return parse(markup)[0]
