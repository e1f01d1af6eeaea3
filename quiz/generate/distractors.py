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
REGION_WORDS = frozenset("western eastern northern southern".split())  # not "South": South Africa
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
POSSESSIVE_END = re.compile(r"(?<=\w)['’](?:s\b|(?!\w))")
FUTURE_YEARS = 2
MONTH_PREFIXES = tuple(month[:3] for month in MONTHS)
MOMENT = re.compile(
    rf"\b(?P<month>{'|'.join(m.capitalize() for m in (*MONTHS, 'sept', *MONTH_PREFIXES))})(?![a-z])\.?"
    r"(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?:of\s+)?(?P<year>(?:1[0-9]|20)\d{2})\b)?"
    r"|\b(?P<year_only>(?:1[0-9]|20)\d{2})\b"
)
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


def choices(
    mention: Mention, options: dict[str, list[Option]], text: str = "", before: str = "", sentence: str = ""
) -> tuple[str, ...]:
    """Three wrong options, none shown in `text` (the question or cloze) nor named in `sentence`
    (the source sentence), or none. `before` is the sentence's text just before the answer: a bound
    there ("by", "more than") leaves no wrong value."""
    if mention.type == AnswerType.TERM or _bounded(mention, before):
        return ()
    if mention.type == "ordinal":
        found = _near_ordinals(mention)
    elif mention.type in VALUE_TYPES:
        digits = any(ch.isdigit() for ch in mention.answer)  # "five years" against words, "15 years" against digits
        found = [t for t in _near_values(mention, options.get(mention.type, []), before) if shape(t) == shape(mention.answer) and any(ch.isdigit() for ch in t) == digits]
    else:
        people = {key(o.text.split()[-1]) for o in options.get(AnswerType.PERSON, [])}
        found = _same_family(mention, options.get(mention.type, []), people)
    if mention.type in VALUE_TYPES or mention.type == "ordinal":
        found = [_case_like(t, mention.answer) for t in found if _keeps_order(t, mention, sentence) and not _future(t, mention, options)]
    shown = _words(text.replace("{{", " ").replace("}}", " "))
    # A name of the source sentence is either given away by the card or also true of it: "NASA,
    # ESA and CSA released …", "under Eden’s successor, {{Harold Macmillan}}" against "Anthony Eden".
    named = _words(sentence) if mention.type not in VALUE_TYPES and mention.type != "ordinal" else " "
    picked = [t for t in _distinct(mention, found) if not _named(t, mention, shown) and not _named(t, mention, named)][:CHOICES]
    return tuple(picked) if len(picked) == CHOICES else ()


def _keeps_order(option: str, mention: Mention, sentence: str) -> bool:
    """True when the option stands before or after each other date of the sentence as the answer
    does: "On {{March 2}}, CDC issued an order that went into effect on March 4" has no wrong
    "March 9", nor "from {{2006}} until 2014" a wrong 2018."""
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


def _future(option: str, mention: Mention, options: dict[str, list[Option]]) -> bool:
    """True when the option's year is more than two years after every year the article names:
    a wrong "2027" for a launch the article reports in 2024 is no test. (The article was written
    after the latest year it names, by how much it rarely says.)"""
    year = _year(option)
    if year is None:
        return False
    latest = max((y for group in options.values() for o in group if (y := _year(o.text)) is not None), default=None)
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


def _words(text: str) -> str:
    """The text normalised for a word search, possessives dropped ("Eden’s" is "Eden")."""
    return f" {normalise(POSSESSIVE_END.sub('', text))} "


def _named(option: str, mention: Mention, words: str) -> bool:
    """True when the option, or a person's surname, is among the words."""
    if f" {normalise(option)} " in words:
        return True
    return mention.type == "person" and f" {normalise(option.split()[-1])} " in words


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


def _same_family(mention: Mention, options: list[Option], people: set[str]) -> list[str]:
    """People by role first; organisations and things only of the same family; places by type,
    none that is a person's surname (`people`)."""
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
        same = [o.text for o in options if o.family == family and key(o.text) != key(mention.answer)]
        # The curated list only tops up a family the article itself shows twice: "Tribal Nations"
        # read as an international body is no peer of the World Bank.
        fallback = FALLBACK.get(family, ()) if mention.type == "organization" and same else ()
        return _rotate(same, mention) + _rotate(list(fallback), mention)
    if mention.type not in PLACE_TYPES or not looks_like_place(mention.answer) or _region(mention.answer):
        return []  # "J.D." or "Jr." tagged as a city, "Western United States": no list of cities fits it
    places = [  # "Embassy" or "Briand" tagged as a city is no city
        o.text for o in options if not category(o.text) and looks_like_place(o.text) and not _region(o.text) and key(o.text) not in people
    ]
    return _rotate(places, mention) + _rotate(_fallback_places(mention), mention)


def _region(text: str) -> bool:
    """ "Western United States", "Northern Europe": a part of a place, no town or country."""
    return text.split()[0].casefold() in REGION_WORDS


def _fallback_places(mention: Mention) -> list[str]:
    """Countries against well-known countries; a capital against capitals, but a small town
    against the world's capitals would be no test ("Columbus" against "Paris" and "Rome")."""
    known = FALLBACK.get(mention.type, ())
    if mention.type == AnswerType.CITY and key(mention.answer) not in {key(city) for city in known}:
        return []
    return list(known)


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


def swap(mention: Mention, options: dict[str, list[Option]], text: str, before: str = "", sentence: str = "") -> str | None:
    """A same-type replacement that makes a true statement false."""
    found = choices(mention, options, text, before, sentence)
    return found[0] if found else None
