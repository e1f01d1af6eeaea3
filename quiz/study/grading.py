"""Automatic grading: how an answer's correctness, typo and speed become an FSRS rating.

wrong → Again; right with a typo or slow → Hard; right and fast → Easy; otherwise Good.
"Fast" and "slow" allow for reading the prompt and, for typed answers, typing the answer:

| card kind            | fast (Easy) at most             | slow (Hard) over                 |
|----------------------|---------------------------------|----------------------------------|
| typed, cloze         | 4 s + 0.25 s per answer letter  | 15 s + 0.5 s per answer letter   |
| multiple choice, t/f | 3 s                             | 12 s                             |
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.decks.model import Card, Kind
from quiz.memory.rating import Rating


@dataclass(frozen=True)
class Thresholds:
    fast_seconds: float
    slow_seconds: float


def thresholds(card: Card) -> Thresholds:
    if card.kind in (Kind.CHOICE, Kind.TRUE_FALSE):
        return Thresholds(3.0, 12.0)
    letters = len(card.answer)
    return Thresholds(4.0 + 0.25 * letters, 15.0 + 0.5 * letters)


def auto_rating(card: Card, correct: bool, typo: bool, seconds: float) -> Rating:
    if not correct:
        return Rating.AGAIN
    limits = thresholds(card)
    if typo or seconds > limits.slow_seconds:
        return Rating.HARD
    if seconds <= limits.fast_seconds:
        return Rating.EASY
    return Rating.GOOD


# One key overrides the automatic grade (number or initial, as in Anki).
RATING_KEYS: dict[str, Rating] = {
    "1": Rating.AGAIN, "a": Rating.AGAIN,
    "2": Rating.HARD, "h": Rating.HARD,
    "3": Rating.GOOD, "g": Rating.GOOD,
    "4": Rating.EASY, "e": Rating.EASY,
}
