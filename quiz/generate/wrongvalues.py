"""Wrong values for a number, date, span or ordinal answer: near the answer, written the way it
is, in its era, on the same side of the sentence's other dates, and none where the answer is a
bound ("by 1957", "more than 40") so that other values would be as true.
Deterministic: the order of the values depends only on the answer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from quiz.generate.sense import beyond_sense
from quiz.generate.types import Mention
from quiz.generate.words import MONTHS, SCALES, SMALL_NUMBERS

MONTH_WORDS = [m.capitalize() for m in MONTHS]
VALUE_TYPES = frozenset(("year", "years", "day", "month", "number", "duration", "date", "money", "percent", "ordinal"))
ORDINAL_NAMES = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+")  # "20" in "July 20, 1969": a comma after a number is no digit group
# Words before a value that make it a bound, not the value: "by March 1957" is as true of June.
OPEN_BOUNDS = frozenset(
    "by within before after until till since over under beyond than least most exceeding exceeded".split()
)
NUMBER_FACTORS = (0.5, 1.5, 2.0, 0.75)
# A span of time is judged against a lifetime or a career: "68 years" of marriage is never 136.
DURATION_FACTORS = (0.75, 1.25, 0.6, 1.4)
FUTURE_YEARS = 2
MONTH_PREFIXES = tuple(month[:3] for month in MONTHS)
MOMENT = re.compile(
    rf"\b(?P<month>{'|'.join(m.capitalize() for m in (*MONTHS, 'sept', *MONTH_PREFIXES))})(?![a-z])\.?"
    r"(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?:of\s+)?(?P<year>(?:1[0-9]|20)\d{2})\b)?"
    r"|\b(?P<year_only>(?:1[0-9]|20)\d{2})\b"
)
AGE = re.compile(r"\b(?:age|aged)\b(?: of)?$")
RANGE = re.compile(r"\s(?:to|and|through|until)\s|[-–—]\d")
# Days of the month to shift a date by, nearest first; the later ones serve a date near the
# month's start or end ("December 31", "March 2"), which the first four mostly push out of it.
DAY_SHIFTS = (7, -5, 12, -9, -14, 19, -21, 5)


def is_value(mention: Mention) -> bool:
    return mention.type in VALUE_TYPES


def latest_year(texts: Iterable[str]) -> int | None:
    return max((year for text in texts if (year := _year(text)) is not None), default=None)


def wrong_values(mention: Mention, same_type: list[str], latest: int | None, before: str, sentence: str) -> list[str]:
    """Wrong values for the answer, best first: from `same_type` (the input's values of its type)
    and made by shifting it; none when `before` makes it a bound, none years after `latest`, the
    latest year the input names."""
    if _bounded(mention, before):
        return []
    if mention.type == "ordinal":
        found = _near_ordinals(mention)
    else:
        digits = any(ch.isdigit() for ch in mention.answer)  # "five years" against words, "15 years" against digits
        found = [t for t in _near_values(mention, same_type, before) if shape(t) == shape(mention.answer) and any(ch.isdigit() for ch in t) == digits]
    return [_case_like(t, mention.answer) for t in found if _keeps_order(t, mention, sentence) and not _future(t, mention, latest) and not beyond_sense(t, mention, sentence)]


def _keeps_order(option: str, mention: Mention, sentence: str) -> bool:
    """True when the option stands before or after each other date of the sentence as the answer
    does: "On {{March 3}}, the agency passed a rule that took effect on March 5" has no wrong
    "March 9", nor "from {{2006}} until 2013" a wrong 2018."""
    answer = _moment(mention.answer)
    if answer is None:
        return True
    rest = sentence.replace(mention.text, " ", 1)
    for match in MOMENT.finditer(rest):
        other = _moment(match.group())
        side = _compare(answer, other) if other is not None else None
        if side and other is not None and _compare(_moment(option), other) != side:
            return False
    return True


def _future(option: str, mention: Mention, latest: int | None) -> bool:
    """True when the option's year is more than two years after every year the article names:
    a wrong "2027" for a launch the article reports in 2024 is no test. (The article was written
    after the latest year it names, by how much it rarely says.)"""
    year = _year(option)
    if year is None:
        return False
    return latest is not None and year > max(latest, _year(mention.answer) or 0) + FUTURE_YEARS


def _moment(text: str) -> tuple[int | None, int | None, int] | None:
    """(year, month, day) of a date or year written in the text, None for parts not given."""
    match = MOMENT.search(text)
    if not match:
        return None
    if match.group("year_only"):
        return int(match.group("year_only")), None, 0
    month = MONTH_PREFIXES.index(match.group("month")[:3].casefold()) + 1
    year = match.group("year")
    return (int(year) if year else None), month, int(match.group("day") or 0)


def _compare(a: tuple[int | None, int | None, int] | None, b: tuple[int | None, int | None, int]) -> int | None:
    """-1, 0 or 1 as moment a is before, at or after b; None when the two cannot be told apart."""
    if a is None:
        return None
    if a[0] is not None and b[0] is not None and a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    if a[1] is None or b[1] is None:
        return 0 if a[0] is not None and a[0] == b[0] else None
    first, second = (a[1], a[2]), (b[1], b[2])  # a date without a year is of the sentence's year
    return 0 if first == second else -1 if first < second else 1


def _case_like(option: str, answer: str) -> str:
    """ "seven" against "eight", "Seven" against "Eight": a number word written as the answer is."""
    if option[:1].isalpha() and answer[:1].isalpha():
        return option[:1].upper() + option[1:] if answer[:1].isupper() else option[:1].lower() + option[1:]
    return option


def _bounded(mention: Mention, before: str) -> bool:
    """True when the value is a bound ("within 6 months", "more than $4.2 million"), so that other
    values may be as true as the answer."""
    words = re.findall(r"[a-z]+", before.casefold())
    return bool(words) and (words[-1] in OPEN_BOUNDS or words[-2:] == ["up", "to"])


def _near_ordinals(mention: Mention) -> list[str]:
    """ "38th", "41st" for "40th"; "fifth", "ninth" for "seventh": written the way the answer is."""
    text = mention.answer
    if text.lower() in ORDINAL_NAMES:
        value = ORDINAL_NAMES.index(text.lower())
        return [ORDINAL_NAMES[v] for v in _rotate_ints(_nearby(value), mention) if 2 < v < len(ORDINAL_NAMES)]
    digits = re.match(r"\d+", text)
    if not digits:
        return []
    value = int(digits.group())
    return [_ordinal(v) for v in _rotate_ints(_nearby(value), mention) if v > 2]


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _near_values(mention: Mention, options: list[str], before: str = "") -> list[str]:
    text = mention.answer
    value = first_number(text)
    month = next((m for m in MONTH_WORDS if re.search(rf"\b{m}", text)), None)
    if mention.type == "month":
        index = MONTH_WORDS.index(month) if month else 0
        return [text.replace(month, MONTH_WORDS[(index + shift) % 12]) for shift in (3, -2, 5, -4)] if month else []
    if mention.type == "day" and value is not None:
        if month is None:
            return []
        return _same_era(text, options) + [_replace_number(text, value, value + shift) for shift in DAY_SHIFTS if 1 <= value + shift <= 28]
    if value is None:
        return []
    if mention.type in ("year", "years", "date"):
        shifted = [_shift_years(text, shift) for shift in _rotate_ints((-2, 3, -5, 1, 4), mention)]
        if RANGE.search(text):
            return shifted  # another span of the article ("from 1967 to 1968") may be as true
        years = {o: number for o in options if (number := first_number(o)) is not None and number != value}
        near = [t for t in sorted(years, key=lambda t: abs(years[t] - value)) if abs(years[t] - value) <= 12]
        return near + shifted
    if AGE.search(before.casefold().rstrip()):
        return [str(age) for age in _rotate_ints((value - 7, value + 4, value - 12, value + 9, value - 4), mention) if 0 < age <= max(100, value)]
    scale = [o for o in options if (v := first_number(o)) and v != value and 1 / 3 <= v / max(value, 1e-9) <= 3 and _same_form(o, text)]
    if mention.type in ("number", "money") and (spelled := _scaled_values(text, mention)):
        return [t for t in scale if _scale_word(t) == _scale_word(text)] + spelled
    plural = bool(re.search(r"[a-z]s$", text))  # "three years" never becomes "one years"
    spread = DURATION_FACTORS if mention.type == "duration" else NUMBER_FACTORS
    found = scale + [_replace_number(text, value, other) for other in _rotate_ints(_nearby(value, spread), mention) if other != 1 or not plural]
    return [t for t in found if (first_number(t) or 0) <= 100] if mention.type == "percent" else found


def _same_era(text: str, others: list[str]) -> list[str]:
    """The other dates of the input within a year of the answer's ("May 21, 2021" is no wrong
    option for an enlistment in 1943); all of them when the answer gives no year."""
    year = _year(text)
    return [o for o in others if year is None or ((other := _year(o)) is not None and abs(other - year) <= 1)]


def _year(text: str) -> int | None:
    match = re.search(r"\b(1[0-9]|20)\d{2}\b", text)
    return int(match.group()) if match else None


SCALED = re.compile(rf"(\d+(?:\.\d+)?)\s+({'|'.join(SCALES)})\b")
DECIMAL = re.compile(r"(?<![\d,.])(\d+)\.(\d+)(?![\d,])")


def _scale_word(text: str) -> str:
    match = SCALED.search(text)
    return match.group(2) if match else ""


def _scaled_values(text: str, mention: Mention) -> list[str]:
    """Wrong values for "650 million" or "21.5 kilograms" written the same way: a scale word moves
    up or down as the value grows ("1.3 billion", never "1300 million"); decimals keep their places."""
    match = SCALED.search(text)
    if match:
        value = float(match.group(1)) * SCALES[match.group(2)]
        result = []
        for factor in _rotate_floats((0.5, 1.5, 2.0, 0.75, 1.3), mention):
            result.append(text[: match.start()] + _spell_scaled(value * factor) + text[match.end():])
        return [t for t in dict.fromkeys(result) if t != text]
    match = DECIMAL.search(text)
    if match:
        places = len(match.group(2))
        value = float(match.group())
        result = []
        for factor in _rotate_floats((0.5, 1.5, 2.0, 0.75, 1.3), mention):
            written = f"{value * factor:.{places}f}"
            result.append(text[: match.start()] + written + text[match.end():])
        return [t for t in dict.fromkeys(result) if t != text]
    return []


def _spell_scaled(value: float) -> str:
    """A value written with the largest scale word that leaves at least 1, to two or three
    significant figures: 975,000,000 -> "980 million", 1,300,000,000 -> "1.3 billion"."""
    for word, size in sorted(SCALES.items(), key=lambda item: -item[1]):
        if value >= size:
            number = value / size
            digits = 2 if number >= 10 else 1
            number = float(f"{number:.{digits}g}") if number >= 100 else round(number, 1 if number < 10 else 0)
            written = f"{number:.1f}".rstrip("0").rstrip(".") if number < 10 else f"{number:,.0f}"
            return f"{written} {word}"
    return f"{value:,.0f}"


def _rotate_floats(values: tuple[float, ...], mention: Mention) -> list[float]:
    shift = int(hashlib.sha1(mention.answer.encode()).hexdigest(), 16) % len(values)
    return list(values[shift:] + values[:shift])


def shape(text: str) -> str:
    """The text with numbers, number words and month names masked: "end of 2021" reads "end of 0",
    which "between 2011 and 2013" does not, so only same-shaped values fill the same gap."""
    folded = re.sub(r"\d[\d,.]*", "0", text.casefold())
    folded = re.sub(rf"\b(?:{'|'.join(SMALL_NUMBERS)})\b", "0", folded)
    return re.sub(rf"\b(?:{'|'.join(m.casefold() for m in MONTH_WORDS)})\b", "m", folded)


def _rotate_ints(values: tuple[int, ...], mention: Mention) -> list[int]:
    shift = int(hashlib.sha1(mention.answer.encode()).hexdigest(), 16) % len(values)
    return list(values[shift:] + values[:shift])


def _nearby(value: float, spread: tuple[float, ...] = NUMBER_FACTORS) -> tuple[int, ...]:
    """Values near `value`, rounded as the answer is: an exact "6,672" among round "5,000" and
    "10,000" stands out as the one figure someone measured."""
    if value <= 12:
        return tuple(v for v in (value + 1, value - 1, value + 2, value + 3, value - 2) if v > 0)  # type: ignore[misc]
    magnitude = 10 ** min(_trailing_zeros(int(value)), max(0, len(str(int(value))) - 2))
    return tuple(dict.fromkeys(int(round(value * factor / magnitude) * magnitude) for factor in spread if round(value * factor / magnitude) * magnitude != value))


def _trailing_zeros(value: int) -> int:
    digits = str(value)
    return len(digits) - len(digits.rstrip("0"))


def first_number(text: str) -> int | None:
    match = NUMBER.search(text)
    if match:
        return int(match.group().replace(",", ""))
    word = next((w for w in re.findall(r"[a-z]+", text.lower()) if w in SMALL_NUMBERS), None)
    return SMALL_NUMBERS.index(word) if word else None


def _same_form(a: str, b: str) -> bool:
    """Written alike apart from the number: "6,000 miles" against "4,500 miles", not "4,500"."""
    return shape(a) == shape(b)


def _replace_number(text: str, old: int, new: int) -> str:
    """The text with its number changed, written the way the original was."""
    match = NUMBER.search(text)
    if match:
        written = f"{new:,}" if "," in match.group() or new >= 10000 and "," in text else str(new)
        return text[: match.start()] + written + text[match.end():]
    word = SMALL_NUMBERS[old]
    spelled = SMALL_NUMBERS[new] if 0 <= new < len(SMALL_NUMBERS) else str(new)
    return re.sub(rf"\b{word}\b", spelled, text, count=1, flags=re.IGNORECASE)


def _shift_years(text: str, shift: int) -> str:
    return re.sub(r"\b(1[0-9]|20)(\d{2})\b", lambda m: str(int(m.group()) + shift), text)


