"""Recommendations: the remedies and actions a document lists, each with what it asks for.

Where they are found, in order of trust:
1. list items under a lead-in that introduces remedies ("the Council has agreed to:",
   "The Ombudsman made final recommendations, which were as follows:");
2. table rows and list items that carry a status ("Status: Complete");
3. sentences in a remedy section ("Agreed action", "Recommendations") and, anywhere, sentences
   that say the Ombudsman recommended something.
What a committee is asked to do ("The Committee is recommended to note the report") is not a
remedy and is left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Block, CleanText
from ..structure import Structure, build_structure

LEXICON = json.loads((Path(__file__).parents[1] / "patterns" / "lexicon.json").read_text())
ACTION_CUES = [
    (action, re.compile(pattern, re.I)) for action, pattern in LEXICON["action_cues"]["cues"]
]
STATUS_CUES = [(status, re.compile(pattern, re.I)) for status, pattern in LEXICON["status_cues"]]
LEAD_IN = re.compile(LEXICON["lead_in_re"], re.I)
# "... will support key ambitions of the strategy:", "have due regard to the need to:"
NON_REMEDY_LEAD = re.compile(LEXICON["non_remedy_lead_re"], re.I)
REMEDY_HEADING = re.compile(LEXICON["remedy_heading_re"], re.I)
COMMITTEE_ADDRESSED = re.compile(LEXICON["committee_addressed_re"], re.I)
BOILERPLATE = re.compile(LEXICON["boilerplate_re"], re.I)
RECOMMEND_SENTENCE = re.compile(LEXICON["recommend_sentence_re"], re.I)
# "Although there was no fault, the Council has agreed to pay Ms D £150": a remedy wherever it
# stands, even outside an Agreed action section.
AGREED_SENTENCE = re.compile(
    r"\b(council|authority|it)\s+(has|have)\s+(also\s+)?agreed\s+to\s+\w", re.I
)

MARKER = re.compile(
    r"^\s*(?P<marker>[-•*–·▪◦●]|\(?[a-z]\)|\(?[ivx]+\)|\d+(\.\d+)*\.?(?=\s)|\(\d+\))\s*"
)
STATUS = re.compile(r"\bStatus\s*[:\-–]\s*(?P<status>[^\n]{1,80})", re.I)
OPERATIVE = re.compile(
    r"\b(should|must|will|agreed\s+to|agrees\s+to|has\s+agreed|recommend\w*"
    r"|requires?\s+(the\s+council|the\s+authority|it|them)\s+to)\b",
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
# "on 13 April", "(£600", "Mr X": full stops that do not end a sentence.
NOT_SENTENCE_END = re.compile(r"\b(Mr|Mrs|Ms|Dr|Miss|i\.e|e\.g|etc|No|para|paras|Cllr)\.$")
HEADING_LIKE = re.compile(r"^[^.:;!?]{2,90}$")
TABLE_SPLIT = re.compile(r"\t|\s\|\s")


@dataclass(slots=True)
class RecommendationFinding:
    start: int
    end: int
    text: str
    actions: list[str] = field(default_factory=list)
    status: str | None = None
    status_text: str | None = None
    # A lead-in or table cell that carried the deadline, when the item itself has none.
    deadline_span: tuple[int, int] | None = None
    source: str = "list"  # list, status, table, sentence
    group: int | None = None  # index of the lead-in block the item was listed under


EVIDENCE_TAIL = re.compile(
    r"^(send|sends|provide|provides|give|gives)\s+(us|the\s+ombudsman)\b", re.I
)


def classify_actions(text: str) -> list[str]:
    """The actions one recommendation asks for, main action first.

    The earliest cue in the operative sentence names the main action ("Remind officers that ...
    consider whether ..." is a reminder, not a review); a cue right after "and" adds another
    ("apologise to the parent and make a symbolic payment").
    """
    sentence = operative_sentence(text)
    first = _earliest_cue(sentence, 0)
    if first is None:
        return []
    actions = [first[1]]
    if first[1] == "service_improvement":
        # A systemic action's follow-on steps ("identify every family ..., recalculate and pay
        # any arrears") are part of it, not remedies of their own.
        return actions
    for conj in re.finditer(r"\b(and|also)\s+(?:to\s+)?", sentence):
        clause = sentence[conj.end() :]
        clause = re.split(r"[,;]|\band\b", clause, maxsplit=1)[0]
        if EVIDENCE_TAIL.match(clause):
            continue  # "..., and send us a copy of its revised procedure" proves, not adds
        cue = _earliest_cue(clause, 0)
        # Only a cue among the first few words is the coordinated verb's own.
        if cue and cue[0] <= _word_offset(clause, 3) and cue[1] not in actions:
            actions.append(cue[1])
    return actions


def _earliest_cue(text: str, offset: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for action, pattern in ACTION_CUES:
        match = pattern.search(text, offset)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), action)
    return best


def _word_offset(text: str, words: int) -> int:
    match = re.match(r"\s*(\S+\s+){0,%d}" % words, text)  # noqa: UP031 - braces are regex syntax
    return match.end() if match else 0


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if NOT_SENTENCE_END.search(text[start : match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def operative_sentence(text: str) -> str:
    """The sentence that says what is to be done.

    An item that opens with its verb ("Arrange alternative provision ...") is read from its
    first sentence; one that opens with background ("the policy says ... The Council should now
    ensure ...") from the first sentence that carries an operative word.
    """
    sentences = [text[s:e] for s, e in split_sentences(text)]
    if not sentences:
        return text
    first = strip_lead(sentences[0])
    if _earliest_cue(first, 0) is not None and _earliest_cue(first, 0)[0] <= _word_offset(first, 2):
        return first
    for sentence in sentences:
        if OPERATIVE.search(sentence) and _earliest_cue(sentence, 0):
            return sentence
    return first


def strip_lead(text: str) -> str:
    """Drop the marker and 'to' / 'The Council has agreed to' that precede the verb."""
    text = MARKER.sub("", text, count=1)
    text = re.sub(
        r"^(that\s+)?(the\s+)?(council|authority|local authority|it)\s+(has\s+|have\s+)?"
        r"(agreed|agrees|should|must|will|is\s+to)\s+(to\s+)?",
        "",
        text,
        flags=re.I,
    )
    return re.sub(r"^to\s+", "", text, flags=re.I)


def classify_status(text: str) -> str | None:
    for status, pattern in STATUS_CUES:
        if pattern.search(text):
            return status
    return None


def _is_item(ct: CleanText, block: Block) -> bool:
    return block.kind == "item" or bool(MARKER.match(ct.block_text(block)))


def _is_numbered(ct: CleanText, block: Block) -> bool:
    marker = block.marker or (MARKER.match(ct.block_text(block)) or {"marker": None})["marker"]
    return bool(marker and re.match(r"^\d", marker))


def _is_heading(ct: CleanText, block: Block) -> bool:
    if block.kind == "heading":
        return True
    text = MARKER.sub("", ct.block_text(block)).strip()
    return bool(HEADING_LIKE.match(text)) and len(text.split()) <= 8 and text[:1].isupper()


def _section_flags(ct: CleanText) -> list[bool]:
    """For each block: is it inside a remedy section (Agreed action, Recommendations)?"""
    flags, inside = [], False
    for block in ct.blocks:
        text = ct.block_text(block)
        if _is_heading(ct, block) and not _is_item(ct, block) or block.kind == "heading":
            inside = bool(REMEDY_HEADING.match(text))
        flags.append(inside)
    return flags


# Parts of a document that never list the remedies for the case: the law, the complaint as
# made, how it was investigated; in an Ombudsman decision, also the story of what happened.
NOT_REMEDIES = ("role_and_powers", "background", "complaint", "investigation")
NOT_REMEDIES_IN_DECISIONS = (*NOT_REMEDIES, "narrative")


def find_recommendations(
    ct: CleanText,
    keep_actionless: bool = False,
    document_type: str | None = None,
    structure: Structure | None = None,
) -> list[RecommendationFinding]:
    """Every recommendation the document lists. With keep_actionless, list items under a remedy
    lead-in whose action the rules cannot name are kept too, for the trained model to read."""
    blocks = ct.blocks
    in_remedy = _section_flags(ct)
    structure = structure or build_structure(ct)
    never = (
        NOT_REMEDIES_IN_DECISIONS
        if document_type in ("lgsco_decision", "lgsco_report")
        else NOT_REMEDIES
    )
    excluded = {i for i, role in enumerate(structure.block_roles) if role in never}
    # An Ombudsman decision or report with an "Agreed action" or "Recommendations" section
    # lists its remedies there; "I recommended the Council apologise" in the analysis or the
    # summary says the same thing again in other words.
    remedies_sectioned = document_type in ("lgsco_decision", "lgsco_report") and any(in_remedy)
    taken: set[int] = set()
    found: list[RecommendationFinding] = []
    status_column: int | None = None

    for i, block in enumerate(blocks):
        if i in taken or i in excluded:
            continue
        text = ct.block_text(block)
        is_row = block.kind == "row" or bool(TABLE_SPLIT.search(text))
        if not is_row:
            status_column = None  # a table ended

        if is_row:
            header = [n for n, cell in enumerate(_cells(text)) if STATUS_HEADER.match(cell)]
            if header:
                status_column = header[0]
                continue
            row = _table_row(ct, block, status_column)
            if row:
                found.append(row)
                taken.add(i)
                continue

        if (
            text.rstrip().endswith(":")
            and LEAD_IN.search(_last_sentence(text))
            and not NON_REMEDY_LEAD.search(text)
            and not COMMITTEE_ADDRESSED.search(MARKER.sub("", text))
        ):
            items = _collect_items(ct, i, excluded)
            for first, last in items:
                finding = _make(ct, blocks[first].start, blocks[last].end, "list")
                # A lead-in can introduce a list of aims or duties ("must have due regard to:"):
                # an item that asks for no action is not a remedy.
                if finding and (finding.actions or finding.status or keep_actionless):
                    finding.deadline_span = (block.start, block.end)
                    finding.group = i
                    found.append(finding)
                taken.update(range(first, last + 1))
            if items:
                taken.add(i)
                continue

        if STATUS.search(text) and (_is_item(ct, block) or _opens_with_action(text)):
            finding = _make(ct, block.start, block.end, "status")
            if finding:
                found.append(finding)
                taken.add(i)
                continue

        if in_remedy[i] or not remedies_sectioned:
            found.extend(_sentence_findings(ct, block, in_remedy[i]))
    _inherit_follow_up_deadlines(ct, found)
    return _dedupe(found)


def _last_sentence(text: str) -> str:
    spans = split_sentences(text)
    return text[spans[-1][0] :] if spans else text


def _collect_items(
    ct: CleanText, lead_index: int, excluded: set[int] = frozenset()
) -> list[tuple[int, int]]:
    """The list items that follow a lead-in, as (first block, last block) per item.

    A paragraph that starts in lower case continues the item before it (a page break or a
    wrapped line split it). The list ends at a heading, a plain paragraph, a new numbered
    paragraph when the items are bullets, or another lead-in.
    """
    blocks = ct.blocks
    items: list[list[int]] = []
    lead_numbered = _is_numbered(ct, blocks[lead_index])
    for j in range(lead_index + 1, len(blocks)):
        if j in excluded:
            break  # the list ran into a part that holds no remedies
        block = blocks[j]
        text = ct.block_text(block)
        stripped = MARKER.sub("", text).lstrip()
        if items and not _is_item(ct, block) and stripped[:1].islower():
            items[-1].append(j)
            continue
        if block.kind == "heading":
            break
        # A PDF printed from a web page draws its bullets as shapes, so the items arrive as
        # plain paragraphs: after a lead-in, one that opens with what is to be done is an item.
        if not _is_item(ct, block) and (
            text.rstrip().endswith(":") or not _opens_with_action(text)
        ):
            break
        if items and _is_numbered(ct, block) and not _is_numbered(ct, blocks[items[0][0]]):
            break
        # "20. ... the Council will:" then "21. Apologise ...": numbered siblings belong to the
        # list while they open with what is to be done; "2.4 On 11 April ..." does not.
        if (
            lead_numbered
            and _is_numbered(ct, block)
            and _numbered_sibling(ct, blocks[lead_index], block)
            and (text.rstrip().endswith(":") or not _opens_with_action(text))
        ):
            break
        items.append([j])
        if text.rstrip().endswith(":"):
            break
    return [(group[0], group[-1]) for group in items]


def _opens_with_action(text: str) -> bool:
    """'Apologise to ...', 'to pay ...', 'The council apologises ...', 'The Council must consider
    the report ...': the first or second word asks for a remedy. Evidence boilerplate does not
    count."""
    body = strip_lead(text)
    body = re.sub(r"^(the\s+)?(council|authority|local authority)\s+", "", body, flags=re.I)
    if BOILERPLATE.match(body) or BOILERPLATE.search(body[:40]):
        return False
    cue = _earliest_cue(body, 0)
    return cue is not None and cue[0] <= _word_offset(body, 2)


def _numbered_sibling(ct: CleanText, lead: Block, block: Block) -> bool:
    """'2.3 ... agreed to:' followed by '2.4 ...' is the next paragraph, not a sub-item."""
    lead_marker = MARKER.match(ct.block_text(lead))
    marker = MARKER.match(ct.block_text(block))
    if not (lead_marker and marker):
        return False
    return lead_marker.group("marker").count(".") == marker.group("marker").count(".")


def _make(ct: CleanText, start: int, end: int, source: str) -> RecommendationFinding | None:
    text = ct.text[start:end]
    body = MARKER.sub("", text, count=1).strip()
    if len(body.split()) < 3 or COMMITTEE_ADDRESSED.search(body):
        return None
    # "The Council should provide us with evidence it has complied" closes every Agreed action
    # section; as a row in a committee's progress table it is an action of its own. Only the
    # opening words count: "check every order ..., and tell us how many" is a remedy.
    if source == "sentence" and BOILERPLATE.search(body[:60]):
        return None
    finding = RecommendationFinding(start=start, end=end, text=_join_lines(body), source=source)
    status = STATUS.search(text)
    if status:
        finding.status_text = status.group("status").strip()
        finding.status = classify_status(finding.status_text)
        finding.text = _join_lines(MARKER.sub("", text[: status.start()], count=1).strip(" -–*"))
    finding.actions = classify_actions(finding.text)
    return finding


def _join_lines(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


STATUS_HEADER = re.compile(r"^(status|progress|rag( status)?|current status|update)$", re.I)


def _cells(text: str) -> list[str]:
    return [c.strip(" |") for c in TABLE_SPLIT.split(text.strip(" |"))]


def _table_row(
    ct: CleanText, block: Block, status_column: int | None = None
) -> RecommendationFinding | None:
    """A table row with a status cell: (recommendation, [deadline], status).

    The status is read from the column headed "Status" when the table has such a header, else
    from the last short cell that names one ("As each action is completed" in a deadline
    column is not a status).
    """
    text = ct.block_text(block)
    cells = _cells(text)
    if len([c for c in cells if c]) < 2:
        return None
    if status_column is not None and status_column < len(cells):
        candidates = [cells[status_column]]
    else:
        candidates = list(reversed(cells[1:]))
    status_cell = next(
        (c for c in candidates if c and len(c.split()) <= 8 and classify_status(c)), None
    )
    cells = [c for c in cells if c]
    first = MARKER.sub("", cells[0]).strip()
    if status_cell is None or len(first.split()) < 4 or COMMITTEE_ADDRESSED.search(first):
        return None
    start = block.start + text.find(cells[0])
    finding = RecommendationFinding(
        start=start, end=start + len(cells[0]), text=first, source="table"
    )
    finding.status_text = status_cell
    finding.status = classify_status(status_cell)
    finding.actions = classify_actions(first)
    finding.deadline_span = (block.start, block.end)
    return finding


def _sentence_findings(
    ct: CleanText, block: Block, in_remedy_section: bool
) -> list[RecommendationFinding]:
    text = ct.block_text(block)
    if re.match(r"^\W*Summary\s*:", text, re.I) or _is_heading(ct, block):
        return []
    found = []
    for s, e in split_sentences(text):
        sentence = text[s:e]
        recommend = RECOMMEND_SENTENCE.search(sentence)
        agreed = AGREED_SENTENCE.search(sentence)
        if agreed and re.search(r"\b(which|that|who)\s+(the\s+)?$", sentence[: agreed.start()]):
            agreed = None  # "a process which the Council has agreed to open" is background
        if recommend:
            start = block.start + s + recommend.end()
            inline = _inline_list(ct, block.start + s, block.start + e)
            if inline:
                found.extend(inline)
                continue
            finding = _make(ct, start, block.start + e, "sentence")
        elif (in_remedy_section and OPERATIVE.search(sentence)) or agreed:
            inline = _inline_list(ct, block.start + s, block.start + e)
            if inline:
                found.extend(inline)
                continue
            if re.search(r"\b(should|must)\s+have\b", sentence, re.I):
                continue  # "should have" describes a fault, not a remedy
            if re.search(r"\b(should|must|will)\s+not\b", sentence, re.I) and not agreed:
                continue  # "Until then the Council must not ask ..." limits a remedy; it is not one
            finding = _make(ct, block.start + s, block.start + e, "sentence")
        else:
            continue
        if finding and finding.actions:
            found.append(finding)
    return found


def _inline_list(ct: CleanText, start: int, end: int) -> list[RecommendationFinding]:
    """'the Council has agreed to: apologise to Mrs X; pay her £500; and review ...'."""
    sentence = ct.text[start:end]
    colon = sentence.find(":")
    if colon < 0 or ";" not in sentence[colon:]:
        return []
    found, offset = [], start + colon + 1
    for part in re.split(r";", ct.text[offset:end]):
        part_start = offset + len(part) - len(part.lstrip())
        part_end = offset + len(part.rstrip())
        offset += len(part) + 1
        finding = _make(ct, part_start, part_end, "sentence")
        if finding and finding.actions:
            finding.deadline_span = (start, start + colon)
            found.append(finding)
    return found


FOLLOW_UP = re.compile(
    r"\b(these|all|the above|those)\s+(actions|measures|improvements|recommendations|changes)\b",
    re.I,
)
DEADLINE_WORDS = re.compile(
    r"\bwithin\b|\b(by|before|no later than)\s+(the\s+end\s+of\s+)?\w+", re.I
)


def _inherit_follow_up_deadlines(ct: CleanText, found: list[RecommendationFinding]) -> None:
    """'The aim is to have these actions fully implemented by December 2024', just after a list,
    gives that deadline to the list's items that have none of their own."""
    groups: dict[int, list[RecommendationFinding]] = {}
    for finding in found:
        if finding.group is not None:
            groups.setdefault(finding.group, []).append(finding)
    for items in groups.values():
        last_end = max(f.end for f in items)
        following = ct.block_after(last_end)
        if following is None:
            continue
        text = ct.block_text(following)
        if not (FOLLOW_UP.search(text) and DEADLINE_WORDS.search(text)):
            continue
        for finding in items:
            own = ct.text[finding.start : finding.end]
            lead = ct.text[slice(*finding.deadline_span)] if finding.deadline_span else ""
            if not DEADLINE_WORDS.search(own) and not re.search(r"\bwithin\b", lead, re.I):
                finding.deadline_span = (following.start, following.end)


def _dedupe(found: list[RecommendationFinding]) -> list[RecommendationFinding]:
    """Drop overlapping findings and repeats: a public interest report states the section 31
    duty in its summary and again in its recommendations."""
    seen_spans: set[tuple[int, int]] = set()
    seen_texts: set[str] = set()
    unique = []
    for finding in sorted(found, key=lambda f: f.start):
        if any(s <= finding.start < e for s, e in seen_spans):
            continue
        first_sentence = re.sub(r"\W+", " ", finding.text.split(". ")[0]).strip().lower()
        if first_sentence in seen_texts:
            continue
        seen_spans.add((finding.start, finding.end))
        seen_texts.add(first_sentence)
        unique.append(finding)
    return unique
