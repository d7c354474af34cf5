"""Numbers as written in reports and newspapers: digits with separators,
scale words ("1.4 million", "£3.2m"), number words ("nine", "a third")."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}
FRACTIONS = {
    "half": 0.5, "a half": 0.5, "third": 1 / 3, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
    "two-thirds": 2 / 3, "quarter": 0.25, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
    "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "two fifths": 0.4, "a tenth": 0.1, "one tenth": 0.1,
}
MULTIPLIERS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}
SCALE_WORDS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}

NUMBER_WORD = r"(?:" + "|".join(sorted((w for w in UNITS if w not in ("a", "an", "no", "single")), key=len, reverse=True)) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|{NUMBER_WORD})"


_DIGITS_SCALED = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|bn|mn|m|k|b)?")
_WORD_SEPARATOR = re.compile(r"[- ]")


def parse_number(text: str) -> float | None:
    """'12,408' -> 12408; 'twenty-three' -> 23; 'nine' -> 9; '1.4 million' -> 1400000."""
    text = text.strip().lower().replace("£", "").replace("$", "")
    match = _DIGITS_SCALED.fullmatch(text)
    if match:
        value = float(match.group(1).replace(",", ""))
        if match.group(2):
            value *= SCALE_WORDS[match.group(2)]
        return value
    if text in FRACTIONS:
        return FRACTIONS[text]
    parts = _WORD_SEPARATOR.split(text)
    if all(p in UNITS for p in parts):
        total = 0.0
        for p in parts:
            total = total * 100 if p == "hundred" and total else total + UNITS[p]
        return total
    return None


def parse_int(text: str | None) -> int | None:
    if text is None:
        return None
    value = parse_number(text)
    return int(value) if value is not None else None
