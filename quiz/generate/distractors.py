"""Distractors: plausible wrong options of the answer's type and form, drawn from the whole input.

Years near the answer year, numbers of similar size written the same way, countries against
countries and cities against cities, people by role, organisations by kind. A small curated list
fills in only for types where an article rarely offers enough (countries, cities, news outlets).
Never an alias of the answer. No options where a wrong value would also be true ("by 1957",
"more than 40": an open bound), for common-noun terms (no list of the same kind exists in the
text), or where fewer than three good ones exist: such a card stays a typed card.
Deterministic: choices depend only on the input.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from quiz.generate.answertypes import category, name_family
from quiz.generate.candidates import family_of
from quiz.generate.filters import normalise
from quiz.generate.nlp import key
from quiz.generate.types import PLACE_TYPES, AnswerType, Mention
from quiz.generate.words import MONTHS, SCALES, SMALL_NUMBERS

CHOICES = 3
FALLBACK = {
    "country": ("Mexico", "Canada", "Brazil", "Spain", "France", "Germany", "Japan", "India", "Egypt", "Argentina", "Italy", "Turkey"),
    "city": ("London", "Paris", "Madrid", "Rome", "Tokyo", "Ottawa", "Berlin", "Cairo", "Lima", "Moscow", "Beijing", "Geneva"),
    "outlet": ("Reuters", "Associated Press", "BBC", "CNN", "Bloomberg", "Agence France-Presse", "The New York Times"),
    "international": ("United Nations", "World Health Organization", "World Bank", "International Monetary Fund", "NATO", "European Union"),
}
MONTH_WORDS = [m.capitalize() for m in MONTHS]
PLACE_JOINERS = frozenset("of the de del da do du la le and upon on".split())
LEADER_ROLES = frozenset("leader president premier chancellor king queen emperor shah tsar czar dictator".split())
VALUE_TYPES = frozenset(("year", "years", "day", "month", "number", "duration", "date", "money", "percent"))
ORDINAL_NAMES = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+")  # "20" in "July 20, 1969": a comma after a number is no digit group
# Words before a value that make it a bound, not the value: "by March 1957" is as true of June.
OPEN_BOUNDS = frozenset(
    "by within before after until till since over under beyond than least most exceeding exceeded".split()
)
NUMBER_FACTORS = (0.5, 1.5, 2.0, 0.75)
# A span of time is judged against a lifetime or a career: "68 years" of marriage is never 136.
DURATION_FACTORS = (0.75, 1.25, 0.6, 1.4)
POSSESSIVE = re.compile(r"\w['’]s\b|\ws['’](?!\w)")
AGE = re.compile(r"\b(?:age|aged)\b(?: of)?$")
RANGE = re.compile(r"\s(?:to|and|through|until)\s|[-–—]\d")


@dataclass(frozen=True)
class Option:
    text: str
    type: str
    role: str  # a person's title word ("president"); "outlet" for a news organisation
    family: str  # what a named thing is: "government", "international", "law"… ("" when unknown)


def pool(mentions: list[Mention]) -> dict[str, list[Option]]:
    """Every distinct answer of the input by type, in first-seen order; a role or family any of a
    name's mentions shows is kept."""
    by_type: defaultdict[str, dict[str, Option]] = defaultdict(dict)
    for mention in mentions:
        if mention.type == "person" and name_family(mention.answer):
            continue  # "Manchester Railway" tagged as a person is no person to offer
        options = by_type[mention.type]
        name = key(mention.answer)
        seen = options.get(name)
        if seen is None or (not seen.family and family_of(mention)):
            options[name] = Option(mention.answer, mention.type, mention.role or (seen.role if seen else ""), family_of(mention))
    return {kind: list(options.values()) for kind, options in by_type.items()}


def choices(mention: Mention, options: dict[str, list[Option]], text: str = "", before: str = "") -> tuple[str, ...]:
    """Three wrong options, none shown in `text` (the question or cloze), or none. `before` is the
    sentence's text just before the answer: a bound there ("by", "more than") leaves no wrong value."""
    if mention.type == AnswerType.TERM or _bounded(mention, before):
        return ()
    if mention.type == "ordinal":
        found = _near_ordinals(mention)
    elif mention.type in VALUE_TYPES:
        digits = any(ch.isdigit() for ch in mention.answer)  # "five years" against words, "15 years" against digits
        found = [t for t in _near_values(mention, options.get(mention.type, []), before) if shape(t) == shape(mention.answer) and any(ch.isdigit() for ch in t) == digits]
    else:
        found = _same_family(mention, options.get(mention.type, []))
    shown = f" {normalise(text.replace('{{', ' ').replace('}}', ' '))} "
    picked = [t for t in _distinct(mention, found) if f" {normalise(t)} " not in shown and not (mention.type == "person" and f" {normalise(t.split()[-1])} " in shown)][:CHOICES]
    return tuple(picked) if len(picked) == CHOICES else ()


def _bounded(mention: Mention, before: str) -> bool:
    """True when the value is a bound ("within 6 months", "more than $3.5 million"), so that other
    values may be as true as the answer."""
    if mention.type not in VALUE_TYPES and mention.type != "ordinal":
        return False
    words = re.findall(r"[a-z]+", before.casefold())
    return bool(words) and (words[-1] in OPEN_BOUNDS or words[-2:] == ["up", "to"])


def _distinct(mention: Mention, texts: list[str]) -> list[str]:
    """The texts without aliases or parts of the answer's name, or of each other's."""
    forms = (mention.answer, mention.text, *mention.accept)
    taken_keys = {key(form) for form in forms} | {_initials(form) for form in forms}
    words = [set(normalise(form).split()) for form in (mention.answer, mention.text, *mention.accept)]
    result = []
    for text in texts:
        mine = set(normalise(text).split())
        if not mine or key(text) in taken_keys or _initials(text) in taken_keys - {""} or any(mine <= w or w <= mine for w in words if w):
            continue  # an alias, a part of a name already used, or a name containing one
        taken_keys.update((key(text), _initials(text)))
        words.append(mine)
        result.append(text)
    return result


def _initials(text: str) -> str:
    """ "NASA" for "National Aeronautics and Space Administration": a name and its acronym are one
    option. Short names have none (their initials would clash with real words)."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]*", text) if w[0].isupper()]
    return key("".join(w[0] for w in words)) if len(words) >= 3 else ""


def _same_family(mention: Mention, options: list[Option]) -> list[str]:
    """People by role first; organisations and things only of the same family; places by type."""
    family = family_of(mention)
    if family == "leader":
        return _leaders(mention, options)
    if mention.type == "person" and family:
        return _rotate([o.text for o in options if o.family == family and _same_length(o.text, mention.answer)], mention)
    if mention.type == "person":
        return _people(mention, options)
    if mention.type in ("organization", "thing", "place"):
        if not family:
            return []  # an unknown family of thing or organisation has no safe wrong options
        same = [o.text for o in options if o.family == family]
        # The curated list only tops up a family the article itself shows twice: "Tribal Nations"
        # read as an international body is no peer of the World Bank.
        fallback = FALLBACK.get(family, ()) if mention.type == "organization" and same else ()
        return _rotate(same, mention) + _rotate(list(fallback), mention)
    if mention.type not in PLACE_TYPES or not looks_like_place(mention.answer):
        return []  # "J.D." or "Jr." tagged as a city: no list of cities fits it
    places = [o.text for o in options if not category(o.text) and looks_like_place(o.text)]  # "Embassy" tagged as a city is no city
    return _rotate(places, mention) + _rotate(list(FALLBACK.get(mention.type, ())), mention)


def looks_like_place(text: str) -> bool:
    """Capitalised words, maybe joined by "of", "the", "de"…, with no abbreviation point or
    hyphenated adjective: "Republic of Korea" and "Karaganda", not "Ga.", "Jr." or "United Kingdom-based"."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(
        (word[:1].isupper() or word in PLACE_JOINERS) and word.replace("’", "'").replace("'", "").isalpha() for word in words
    )


def _people(mention: Mention, options: list[Option]) -> list[str]:
    """Other people written like names (a one-word "person" is often a mistagged place or thing:
    "Moon", "Telenor"): those of the answer's role first, heads of state last."""
    full = [o for o in options if looks_like_person(o.text)]
    groups = (
        [o.text for o in full if o.role == mention.role],
        [o.text for o in full if o.role != mention.role and o.role not in LEADER_ROLES],
        [o.text for o in full if o.role != mention.role and o.role in LEADER_ROLES],
    )
    short = len(mention.answer.split()) == 1  # a surname against surnames
    return [text.split()[-1] if short else text for group in groups for text in _rotate(group, mention)]


def looks_like_person(text: str) -> bool:
    """Two or more capitalised words, none a category noun and none possessive ("Gorilla Glass"
    passes, "Moon", "Marshall Space Flight Center" or "Theodore Roosevelt’s Corollary" do not)."""
    words = text.split()
    return (
        len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() and not POSSESSIVE.search(text)
        and not name_family(words[-1]) and not category(text)
    )


def _same_length(text: str, answer: str) -> bool:
    """A surname against surnames, a full name against full names."""
    return (len(text.split()) == 1) == (len(answer.split()) == 1)


def _leaders(mention: Mention, options: list[Option]) -> list[str]:
    """Other heads of government of the input, written like the answer ("Bush" against "Obama",
    a full name against full names): only they fit "the _____ administration"."""
    leaders = [o.text for o in options if o.family in LEADER_ROLES]
    if len(mention.answer.split()) == 1:
        leaders = list(dict.fromkeys(text.split()[-1] for text in leaders))
    return _rotate(leaders, mention)


def _rotate(items: list[str], mention: Mention) -> list[str]:
    """The items in an order that varies by answer but not between runs."""
    if not items:
        return items
    shift = int(hashlib.sha1(mention.answer.encode()).hexdigest(), 16) % len(items)
    return items[shift:] + items[:shift]


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


def _near_values(mention: Mention, options: list[Option], before: str = "") -> list[str]:
    text = mention.answer
    value = _first_number(text)
    month = next((m for m in MONTH_WORDS if re.search(rf"\b{m}", text)), None)
    if mention.type == "month":
        index = MONTH_WORDS.index(month) if month else 0
        return [text.replace(month, MONTH_WORDS[(index + shift) % 12]) for shift in (3, -2, 5, -4)] if month else []
    if mention.type == "day" and value is not None:
        if month is None:
            return []
        return _same_era(text, [o.text for o in options]) + [_replace_number(text, value, value + shift) for shift in (7, -5, 12, -9) if 1 <= value + shift <= 28]
    if value is None:
        return []
    if mention.type in ("year", "years", "date"):
        shifted = [_shift_years(text, shift) for shift in _rotate_ints((-2, 3, -5, 1, 4), mention)]
        if RANGE.search(text):
            return shifted  # another span of the article ("from 1967 to 1968") may be as true
        years = {o.text: number for o in options if (number := _first_number(o.text)) is not None and number != value}
        near = [t for t in sorted(years, key=lambda t: abs(years[t] - value)) if abs(years[t] - value) <= 12]
        return near + shifted
    if AGE.search(before.casefold().rstrip()):
        return [str(age) for age in _rotate_ints((value - 7, value + 4, value - 12, value + 9, value - 4), mention) if 0 < age <= max(100, value)]
    scale = [o.text for o in options if (v := _first_number(o.text)) and v != value and 1 / 3 <= v / max(value, 1e-9) <= 3 and _same_form(o.text, text)]
    if mention.type in ("number", "money") and (spelled := _scaled_values(text, mention)):
        return [t for t in scale if _scale_word(t) == _scale_word(text)] + spelled
    plural = bool(re.search(r"[a-z]s$", text))  # "three years" never becomes "one years"
    spread = DURATION_FACTORS if mention.type == "duration" else NUMBER_FACTORS
    found = scale + [_replace_number(text, value, other) for other in _rotate_ints(_nearby(value, spread), mention) if other != 1 or not plural]
    return [t for t in found if (_first_number(t) or 0) <= 100] if mention.type == "percent" else found


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
    if value <= 12:
        return tuple(v for v in (value + 1, value - 1, value + 2, value + 3, value - 2) if v > 0)  # type: ignore[misc]
    magnitude = 10 ** max(0, len(str(int(value))) - 2)
    return tuple(dict.fromkeys(int(round(value * factor / magnitude) * magnitude) for factor in spread if round(value * factor / magnitude) * magnitude != value))


def _first_number(text: str) -> int | None:
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


def swap(mention: Mention, options: dict[str, list[Option]], text: str, before: str = "") -> str | None:
    """A same-type replacement that makes a true statement false."""
    found = choices(mention, options, text, before)
    return found[0] if found else None
