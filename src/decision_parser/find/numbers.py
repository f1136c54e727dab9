"""Number words as printed in decisions: 'four school months', 'twenty working days'."""

from __future__ import annotations

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "twenty-one": 21,
    "twenty-eight": 28,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}


def word_to_int(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
