from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.normalise import normalise
from quiz.numwords import mentions_number, parse
from quiz.study.answers import check

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def below_hundred(n: int, hyphen: bool) -> str:
    if n < 20:
        return ONES[n]
    tens, unit = divmod(n, 10)
    return TENS[tens] + (("-" if hyphen else " ") + ONES[unit] if unit else "")


def below_thousand(n: int, british: bool, hyphen: bool) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [ONES[hundreds], "hundred"] if hundreds else []
    if rest:
        words += ["and"] if hundreds and british else []
        words.append(below_hundred(rest, hyphen))
    return words


def spell(n: int, british: bool = False, hyphen: bool = True) -> str:
    """n in words, US style ("one hundred five") or British ("one hundred and five")."""
    if n == 0:
        return "zero"
    words: list[str] = []
    for value, name in SCALES:
        count, n = divmod(n, value)
        if count:
            words += [*below_thousand(count, british, hyphen), name]
    if n:
        words += ["and"] if words and british and n < 100 else []
        words += below_thousand(n, british, hyphen)
    return " ".join(words)


def spell_year(n: int) -> str:
    """A year said in pairs: 1962 "nineteen sixty-two", 1905 "nineteen oh five"."""
    high, low = divmod(n, 100)
    if low == 0:
        return f"{below_hundred(high, True)} hundred"
    if low < 10:
        return f"{below_hundred(high, True)} oh {ONES[low]}"
    return f"{below_hundred(high, True)} {below_hundred(low, True)}"


def tokens(text: str) -> list[str]:
    return text.replace("-", " ").split()


def test_speller_matches_known_spellings() -> None:
    assert spell(16531) == "sixteen thousand five hundred thirty-one"
    assert spell(1_000_105, british=True) == "one million one hundred and five"
    assert spell(2005, british=True) == "two thousand and five"
    assert spell_year(1962) == "nineteen sixty-two"
    assert spell_year(1905) == "nineteen oh five"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fifteen", (15, 1)),
        ("twenty thousand", (20000, 2)),
        ("sixteen thousand five hundred thirty one", (16531, 6)),
        ("nineteen sixty two", (1962, 3)),
        ("nineteen hundred sixty two", (1962, 4)),
        ("nineteen oh five", (1905, 3)),
        ("nineteen o five", (1905, 3)),
        ("twenty twenty one", (2021, 3)),
        ("twenty five hundred", (2500, 3)),
        ("a hundred", (100, 2)),
        ("a thousand islands", (1000, 2)),
        ("one hundred and five", (105, 4)),
        ("one thousand and five", (1005, 4)),
        ("20 thousand", (20000, 2)),
        ("5 hundred", (500, 2)),
        ("two million forty thousand and one", (2_040_001, 6)),
    ],
)
def test_parse_known_phrases(text: str, expected: tuple[int, int]) -> None:
    assert parse(text.split()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one hundred and", (100, 2)),  # a dangling "and" is not part of the number
        ("fifteen years", (15, 1)),
        ("one two", (1, 1)),  # two numbers, not one
        ("five sixty", (5, 1)),  # a year's first pair is 10-99
        ("nineteen six", (19, 1)),  # and so is its second, unless led by "oh"
        ("ninety nine", (99, 2)),  # not a year
        ("one million one thousand one million", (1_001_001, 5)),  # scales must fall
        ("zero thousand", (0, 1)),
        ("two and a half", (2, 1)),  # fractions are not parsed
    ],
)
def test_parse_stops_where_the_number_ends(text: str, expected: tuple[int, int]) -> None:
    assert parse(text.split()) == expected


@pytest.mark.parametrize("text", ["", "and", "a", "a cat", "hundred", "thousand", "oh five", "20", "the one"])
def test_parse_rejects_non_numbers(text: str) -> None:
    assert parse(text.split()) is None


def test_parse_from_an_offset() -> None:
    assert parse("in nineteen sixty two".split(), 1) == (1962, 4)


@given(st.integers(0, 10**12 - 1), st.booleans(), st.booleans())
def test_spelled_numbers_parse_back(n: int, british: bool, hyphen: bool) -> None:
    words = tokens(spell(n, british, hyphen))
    assert parse(words) == (n, len(words))


@given(st.integers(1000, 9999))
def test_spelled_years_parse_back(n: int) -> None:
    words = tokens(spell_year(n))
    assert parse(words) == (n, len(words))


@given(st.integers(0, 10**9), st.booleans())
def test_spelled_number_is_accepted_for_its_digits(n: int, british: bool) -> None:
    assert normalise(spell(n, british)) == str(n)
    verdict = check(spell(n, british).capitalize(), f"{n:,}")
    assert verdict.correct and not verdict.typo


@given(st.lists(st.sampled_from([*ONES, *TENS[2:], "hundred", "thousand", "million", "a", "and", "oh", "o", "20", "007", "x", "the"]), max_size=8))
def test_a_phrase_is_found_only_where_mentions_number_says_there_may_be_one(tokens: list[str]) -> None:
    found = [parse(tokens, i) for i in range(len(tokens))]
    if not mentions_number(tokens):
        assert found == [None] * len(tokens)
