"""What the rules pipeline hands the finders: its entities as plain values.

The finders read only each entity's text, label, pattern id and character offsets, so run_rules()
returns those rather than a spaCy Doc: a long document is run in pieces, and joining the
pieces' Docs back into one cost more than matching them. A spaCy Doc has the same attributes,
so a finder can also be given one directly (the tests do).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """A token of an entity, with the attributes of a spaCy Token the finders use."""

    text: str
    idx: int  # offset into the cleaned text
    lower_: str

    def __len__(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label_: str
    start_char: int  # offsets into the cleaned text
    end_char: int
    ent_id_: str  # the id of the pattern that matched
    words: tuple[Word, ...] = ()  # kept for names, which are trimmed word by word

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words)


@dataclass(frozen=True, slots=True)
class RuleMatches:
    ents: tuple[Entity, ...]
