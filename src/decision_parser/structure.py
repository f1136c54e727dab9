"""CleanText -> Structure: the document's sections, each with its role, and their sentences.

Finders ask the structure for "the sentences of the summary and the findings" or "the items of
the remedy section" instead of scanning the whole text. That is what keeps the legal
boilerplate of "The Ombudsman's role and powers" ("if there has been fault which has caused
an injustice, we may suggest a remedy") and the complainant's side of the story ("The
complaint") from being read as findings.

Roles (patterns/sections.json names the headings of each):
- header: everything before the first section (title line, Category, Decision, Decision date,
  a committee paper's cover sheet);
- summary, complaint, role_and_powers, investigation (how the complaint was considered),
  background (law and guidance), narrative (what happened), findings, remedy (Agreed action),
  final_decision: the parts of an Ombudsman decision or report;
- recommendations, resolution (RESOLVED, Decision:, Minutes:): a committee paper's parts;
- body: a part under a heading no pattern knows ("1. Introduction");
- other: headings that are known to hold none of the above (Back to top, report furniture).

A heading that matches no role is a sub-heading, and its section keeps the role it had, in the
parts that have sub-headings (the law, the findings, what happened); elsewhere, or when it is
numbered like a top-level heading, it starts a `body` part.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .document import Block, CleanText

SectionRole = Literal[
    "header",
    "summary",
    "complaint",
    "role_and_powers",
    "investigation",
    "background",
    "narrative",
    "findings",
    "remedy",
    "final_decision",
    "recommendations",
    "resolution",
    "body",
    "other",
]

_PATTERNS = json.loads((Path(__file__).parent / "patterns" / "sections.json").read_text())
# A heading as printed: optional section number, the title, an optional colon.
_NUMBER = r"^\W*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[ivx]+\.)?\s*"
HEADING_ROLES: list[tuple[str, re.Pattern[str]]] = [
    (role, re.compile(_NUMBER + rf"(?:{pattern})\s*[:.?]?\s*$", re.I))
    for role, pattern in _PATTERNS["headings"]
]
INLINE_ROLES: list[tuple[str, re.Pattern[str]]] = [
    (role, re.compile(_NUMBER + rf"(?:{pattern})\s*(?::|[-–—]\s)\s*(?=\S)", re.I))
    for role, pattern in _PATTERNS["inline_labels"]
]
FURNITURE = re.compile(rf"^\W*(?:{_PATTERNS['furniture']})\W*$", re.I)
# A heading-like block: short, no sentence punctuation at its end.
_HEADING_SHAPE = re.compile(r"^[^.;!]{2,120}$")
_HEADING_MAX_WORDS = 12


@dataclass(slots=True)
class Sentence:
    start: int  # offsets into CleanText.text
    end: int
    text: str
    role: SectionRole
    block: int  # index into CleanText.blocks


@dataclass(slots=True)
class Section:
    role: SectionRole
    start: int
    end: int
    heading: str | None = None  # as printed; None for the header and inline-labelled parts
    blocks: list[int] = field(default_factory=list)  # indexes into CleanText.blocks


@dataclass
class Structure:
    ct: CleanText
    sections: list[Section]
    # Per block: its section's role, or None for furniture and headings themselves.
    block_roles: list[SectionRole | None]
    # Blocks that open with an inline label ("Summary: ..."): where the content starts.
    label_ends: dict[int, int] = field(default_factory=dict)

    def role_at(self, offset: int) -> SectionRole:
        starts = [s.start for s in self.sections]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.sections[i].role if self.sections else "header"

    def has(self, *roles: str) -> bool:
        return any(s.role in roles and s.blocks for s in self.sections)

    def blocks_in(self, *roles: str) -> Iterator[tuple[int, Block]]:
        for index, role in enumerate(self.block_roles):
            if role in roles:
                yield index, self.ct.blocks[index]

    def sentences(self, roles: Iterable[str] | None = None) -> Iterator[Sentence]:
        """The sentences of the blocks whose section has one of `roles` (all content when
        None), in reading order."""
        wanted = None if roles is None else set(roles)
        for index, role in enumerate(self.block_roles):
            if role is None or (wanted is not None and role not in wanted):
                continue
            block = self.ct.blocks[index]
            skip = self.label_ends.get(index, 0)
            text = self.ct.text[block.start + skip : block.end]
            for s, e in split_sentences(text):
                start = block.start + skip
                yield Sentence(start + s, start + e, text[s:e], role, index)


def heading_role(text: str) -> SectionRole | None:
    """The role a heading names, or None for a heading no pattern knows."""
    text = text.strip()
    for role, pattern in HEADING_ROLES:
        if pattern.match(text):
            return role  # type: ignore[return-value]
    return None


def inline_role(text: str) -> tuple[SectionRole, int] | None:
    """'Summary: The Council ...' -> ('summary', offset of the text after the label)."""
    for role, pattern in INLINE_ROLES:
        match = pattern.match(text)
        if match:
            return role, match.end()  # type: ignore[return-value]
    return None


def is_heading(ct: CleanText, block: Block) -> bool:
    """A block set as a heading, or a short unpunctuated line that reads like one."""
    if block.kind == "heading":
        return True
    if block.kind == "row":
        return False
    text = ct.block_text(block).strip()
    if block.kind == "item" and not re.match(r"^\d+(\.\d+)*\.?\s", text):
        return False  # a bullet, or a lettered item, is a list item
    body = re.sub(r"^\(?\d+(\.\d+)*[.)]?\s+", "", text)  # "1. Introduction" is shaped like one
    return (
        bool(_HEADING_SHAPE.match(body))
        and len(text.split()) <= _HEADING_MAX_WORDS
        and text[:1].isupper() | text[:1].isdigit()
        and not re.search(r"\s:\s*\S|:\s+\S", text)  # "Decision : Upheld" is a field
    )


# Sections whose unknown sub-headings ("The Children Act 1989", "Council tax") stay in them.
_KEEPS_SUBHEADINGS = {
    "role_and_powers",
    "background",
    "findings",
    "narrative",
    "complaint",
    "investigation",
}
_TOP_LEVEL_NUMBER = re.compile(r"^\d{1,2}\.?\s+[A-Z]")


def _starts_new_part(heading: str, current: str) -> bool:
    """An unknown heading: a new part of the document ("1. Introduction") or a sub-heading?"""
    if current == "header":
        return False
    return bool(_TOP_LEVEL_NUMBER.match(heading)) or current not in _KEEPS_SUBHEADINGS


def build_structure(ct: CleanText) -> Structure:
    sections: list[Section] = [Section("header", 0, 0)]
    block_roles: list[SectionRole | None] = []
    label_ends: dict[int, int] = {}
    for index, block in enumerate(ct.blocks):
        text = ct.block_text(block).strip()
        if FURNITURE.match(text):
            block_roles.append(None)
            continue
        heading = is_heading(ct, block)
        role = heading_role(text) if heading else None
        if role is None and text.endswith(":"):
            heading = False  # "The Council will:" leads into a list; it is not a heading
        if heading and role is None and _starts_new_part(text, sections[-1].role):
            role = "body"
        if role is not None:
            sections.append(Section(role, block.start, block.end, heading=text))
            block_roles.append(None)
            continue
        inline = inline_role(text)
        if inline is not None:
            label_ends[index] = inline[1] + (
                len(ct.block_text(block)) - len(ct.block_text(block).lstrip())
            )
        # An inline label opens a part of its own ("Summary: ...", "RESOLVED - that"). In a
        # header, "Decision : Upheld" is a field, not a resolution.
        if (
            inline is not None
            and inline[0] != sections[-1].role
            and not (sections[-1].role == "header" and inline[0] == "resolution")
        ):
            sections.append(Section(inline[0], block.start, block.end))
        current = sections[-1]
        current.blocks.append(index)
        current.end = block.end
        block_roles.append(current.role)
    return Structure(ct=ct, sections=sections, block_roles=block_roles, label_ends=label_ends)


# --- sentences ------------------------------------------------------------------------------

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
# "on 13 April", "(£600", "Mr X": full stops that do not end a sentence.
NOT_SENTENCE_END = re.compile(
    r"\b(Mr|Mrs|Ms|Dr|Miss|Mx|Cllr|Councillor|i\.e|e\.g|etc|No|no|para|paras|paragraph|St|ss?"
    r")\.[\"'”’)]*$"
)
# A list marker at the start of a block ("1.", "2.3.") is not a sentence of its own.
_MARKER_ONLY = re.compile(r"^\W*(\d+(\.\d+)*|[a-z]|[ivx]+)\.?$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one block's text. Semicolons and line breaks do not end sentences;
    a full stop after a title or an initial does not either."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        piece = text[start : match.start()]
        if NOT_SENTENCE_END.search(piece[-14:]) or _MARKER_ONLY.match(piece):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [
        piece
        for s, e in spans
        for piece in _bounded(text, s, e)
        if text[piece[0] : piece[1]].strip()
    ]


# A "sentence" longer than this (a table flattened into a line, text with no full stops) is cut
# at spaces: every finder's work per sentence stays bounded, so a long block costs linear time.
MAX_SENTENCE = 1500


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
