"""Wrong values a reader rules out by sense, whatever the article: a span of time longer than the
universe's age (13.8 billion years), a count of U.S. states above 50 or of the world's countries
above 195."""

from __future__ import annotations

import re

from quiz.generate.types import Mention

BILLION_YEARS = re.compile(r"\b([\d,]+(?:\.\d+)?) billion years\b")
UNIVERSE_BILLION_YEARS = 13.8
# What a count counts, written after it: "38 U.S. states", "120 countries".
COUNTED = (
    (re.compile(r"^\s+(?:U\.S\.|American|US)\s+states\b"), 50),
    (re.compile(r"^\s+(?:countries|nations)\b"), 195),
)
NUMBER = re.compile(r"^\d[\d,]*$")


def beyond_sense(option: str, mention: Mention, sentence: str) -> bool:
    """True when the wrong value could not be true of anything the card is about."""
    match = BILLION_YEARS.search(option)
    if match is not None and float(match.group(1).replace(",", "")) > UNIVERSE_BILLION_YEARS:
        return True
    cap = _cap(mention, sentence)
    return cap is not None and NUMBER.match(option) is not None and int(option.replace(",", "")) > cap


def _cap(mention: Mention, sentence: str) -> int | None:
    at = sentence.find(mention.text)
    if at < 0:
        return None
    after = sentence[at + len(mention.text) :]
    return next((cap for pattern, cap in COUNTED if pattern.match(after)), None)
