"""Automatic grades, as the table in quiz/study/grading.py's docstring sets them out."""

from __future__ import annotations

import pytest

from quiz.decks.model import Card, Entry, Kind
from quiz.memory.rating import Rating
from quiz.study.grading import RATING_KEYS, auto_rating, thresholds

from conftest import make_deck, qa

TYPED, CHOICE, TRUE_FALSE, CLOZE = make_deck(
    qa("Which president suspended the migration talks in 2003?", "Bush"),  # 4 letters
    qa("Before 2009, talks rotated between Havana and which U.S. city?", "New York", choices=("Miami", "Boston")),
    qa("True or false: Cuba was readmitted to the OAS in 1962.", "false"),
    Entry(cloze="The OAS expelled Cuba in {{1962}} after Fidel Castro moved to join the Communist bloc."),
).cards()


def test_the_cards_are_of_each_kind() -> None:
    assert [c.kind for c in (TYPED, CHOICE, TRUE_FALSE, CLOZE)] == [Kind.TYPED, Kind.CHOICE, Kind.TRUE_FALSE, Kind.CLOZE]


@pytest.mark.parametrize(
    ("card", "fast", "slow"),
    [
        (TYPED, 4 + 0.25 * 4, 15 + 0.5 * 4),  # "Bush"
        (CLOZE, 4 + 0.25 * 4, 15 + 0.5 * 4),  # "1962"
        (CHOICE, 3.0, 12.0),
        (TRUE_FALSE, 3.0, 12.0),
    ],
)
def test_thresholds_table(card: Card, fast: float, slow: float) -> None:
    limits = thresholds(card)
    assert (limits.fast_seconds, limits.slow_seconds) == (fast, slow)
    assert auto_rating(card, True, False, 0.0) == Rating.EASY
    assert auto_rating(card, True, False, fast) == Rating.EASY  # "at most"
    assert auto_rating(card, True, False, fast + 0.01) == Rating.GOOD
    assert auto_rating(card, True, False, slow) == Rating.GOOD
    assert auto_rating(card, True, False, slow + 0.01) == Rating.HARD  # "over"
    assert auto_rating(card, True, False, 3600) == Rating.HARD


def test_longer_typed_answers_allow_more_time() -> None:
    long = make_deck(qa("Where was the fifth Summit of the Americas?", "Trinidad and Tobago")).cards()[0]
    assert thresholds(long).fast_seconds == 4 + 0.25 * len("Trinidad and Tobago")
    assert thresholds(long).slow_seconds == 15 + 0.5 * len("Trinidad and Tobago")
    assert auto_rating(long, True, False, 8.0) == Rating.EASY
    assert auto_rating(TYPED, True, False, 8.0) == Rating.GOOD
    # Options to pick from take no typing: the choice limits do not grow.
    assert thresholds(CHOICE) == thresholds(make_deck(qa("q", "A much longer answer text", choices=("x",))).cards()[0])


@pytest.mark.parametrize("card", [TYPED, CHOICE, TRUE_FALSE, CLOZE])
@pytest.mark.parametrize("seconds", [0.0, 5.0, 1000.0])
def test_wrong_is_again_whatever_the_speed(card: Card, seconds: float) -> None:
    assert auto_rating(card, False, False, seconds) == Rating.AGAIN


@pytest.mark.parametrize("seconds", [0.0, 5.0, 16.0, 1000.0])
def test_a_typo_is_hard_however_fast(seconds: float) -> None:
    assert auto_rating(TYPED, True, True, seconds) == Rating.HARD


def test_override_keys() -> None:
    assert RATING_KEYS == {
        "1": Rating.AGAIN, "a": Rating.AGAIN,
        "2": Rating.HARD, "h": Rating.HARD,
        "3": Rating.GOOD, "g": Rating.GOOD,
        "4": Rating.EASY, "e": Rating.EASY,
    }
