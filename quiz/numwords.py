"""English number words to integers: "sixteen thousand five hundred thirty-one".

Owns the grammar of spelled-out cardinals and spoken years over already split,
lowercased, punctuation-free tokens; folding and splitting text is the caller's
job (see quiz.study.answers). Pure: no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

_SMALL = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen"
        " fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_HUNDRED = "hundred"
_YEAR_ZERO = frozenset({"oh", "o"})  # "nineteen oh five"

Parsed = tuple[int, int]  # (value, index just past the phrase)
# Every number phrase holds at least one of these.
_WORDS = frozenset({*_SMALL, *_TENS, _HUNDRED, *_SCALES})


def parse(tokens: Sequence[str], start: int = 0) -> Parsed | None:
    """The longest number phrase beginning at tokens[start], or None if none does.

    Digit tokens count only as a multiplier ("20 thousand"); a bare "20" is left
    to the caller.
    """
    found = [p for p in (_cardinal(tokens, start), _year(tokens, start)) if p is not None]
    return max(found, key=lambda p: p[1], default=None)


def mentions_number(tokens: Sequence[str]) -> bool:
    """Whether `parse` can find a number phrase anywhere in `tokens` (a quick test)."""
    return not _WORDS.isdisjoint(tokens)


def _at(tokens: Sequence[str], i: int) -> str:
    return tokens[i] if i < len(tokens) else ""


def _below_hundred(tokens: Sequence[str], i: int) -> Parsed | None:
    """0-99: "seven", "seventeen", "seventy", "seventy seven"."""
    word = _at(tokens, i)
    if word in _SMALL:
        return _SMALL[word], i + 1
    if word not in _TENS:
        return None
    unit = _SMALL.get(_at(tokens, i + 1), 0)
    if 1 <= unit <= 9:
        return _TENS[word] + unit, i + 2
    return _TENS[word], i + 1


def _lead(tokens: Sequence[str], i: int) -> Parsed | None:
    """What a group starts with; "a" and digits only where a multiplier follows."""
    word, after = _at(tokens, i), _at(tokens, i + 1)
    if after == _HUNDRED or after in _SCALES:
        if word == "a":
            return 1, i + 1
        if word.isascii() and word.isdigit() and len(word) <= 3:
            return int(word), i + 1
    return _below_hundred(tokens, i)


def _group(tokens: Sequence[str], i: int) -> Parsed | None:
    """What may precede a scale word: "six", "a hundred and six", "nineteen hundred"."""
    lead = _lead(tokens, i)
    if lead is None:
        return None
    value, i = lead
    if _at(tokens, i) != _HUNDRED or not 1 <= value <= 99:
        return value, i
    value, i = value * 100, i + 1
    rest = _below_hundred(tokens, i + 1 if _at(tokens, i) == "and" else i)
    return (value + rest[0], rest[1]) if rest else (value, i)


def _cardinal(tokens: Sequence[str], i: int) -> Parsed | None:
    """Groups joined by strictly falling scales: "two million forty thousand and one"."""
    group = _group(tokens, i)
    total, largest = 0, math.inf
    while group is not None:
        value, i = group
        scale = _SCALES.get(_at(tokens, i), 0)
        if not value or not 0 < scale < largest:
            return total + value, i
        total, largest, i = total + value * scale, scale, i + 1
        if _at(tokens, i) == "and":  # British "one thousand and five"
            rest = _below_hundred(tokens, i + 1)
            if rest:
                return total + rest[0], rest[1]
        group = _group(tokens, i)
    return (total, i) if largest != math.inf else None


def _year(tokens: Sequence[str], i: int) -> Parsed | None:
    """Years said as two pairs: "nineteen sixty-two", "twenty twenty", "nineteen oh five"."""
    high = _below_hundred(tokens, i)
    if high is None or high[0] < 10:
        return None
    century, i = high
    unit = _SMALL.get(_at(tokens, i + 1), 0)
    if _at(tokens, i) in _YEAR_ZERO and 1 <= unit <= 9:
        return century * 100 + unit, i + 2
    low = _below_hundred(tokens, i)
    if low is None or low[0] < 10:
        return None
    return century * 100 + low[0], low[1]
