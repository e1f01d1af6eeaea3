"""Exams: which questions to draw, how they are marked, and the score. Pure: no I/O.

An exam draws `n` cards without replacement, each with weight 1 − R + 0.05 (R its predicted recall
now, 0 for a card never studied), so what is least likely remembered is most likely asked and
nothing is ruled out. The draw is seeded (Efraimidis–Spirakis keys u^(1/w)): the same seed over the
same cards and memories draws the same exam. Answers are checked as in study and marked right or
wrong; as reviews they are Good or Again. Unanswered questions of an exam handed in early count as
wrong in the score.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from quiz.decks.model import Card, Kind
from quiz.memory.rating import Rating
from quiz.study.answers import Verdict

FLOOR = 0.05  # even a card surely remembered has some chance of being asked
KIND_NAMES = tuple(kind.value for kind in Kind)


def kinds_from_text(text: str) -> frozenset[Kind]:
    """`typed,choice` → those kinds; ValueError naming the allowed ones otherwise."""
    names = [name.strip().casefold() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in KIND_NAMES]
    if unknown or not names:
        raise ValueError(f"unknown kind '{unknown[0] if unknown else text}'; kinds are {', '.join(KIND_NAMES)}")
    return frozenset(Kind(name) for name in names)


def draw(cards: Iterable[Card], recall: Callable[[Card], float], n: int, seed: int, kinds: frozenset[Kind] | None = None) -> list[Card]:
    """Up to `n` of the cards (of `kinds`, if given), weighted towards low recall, in the order asked."""
    rng = random.Random(seed)
    keyed = []
    for order, card in enumerate(cards):
        if kinds is not None and card.kind not in kinds:
            continue
        weight = 1.0 - recall(card) + FLOOR
        keyed.append((rng.random() ** (1.0 / weight), order, card))
    keyed.sort(key=lambda item: (-item[0], item[1]))
    return [card for _, _, card in keyed[:n]]


def rating(verdict: Verdict) -> Rating:
    """An exam answer as a review: right is Good, wrong is Again (no speed or typo grades)."""
    return Rating.GOOD if verdict.correct else Rating.AGAIN


class Ending(Enum):
    HANDED_IN = "handed in"  # all answered, or handed in early
    LEFT = "left"  # left without a score; the answers given are kept as reviews


@dataclass(frozen=True)
class Marked:
    """One answered exam question."""

    position: int
    card: Card
    given: str
    verdict: Verdict
    seconds: float


@dataclass(frozen=True)
class Score:
    right: int
    answered: int
    questions: int
    seconds: float

    @property
    def share(self) -> float:
        return self.right / self.questions if self.questions else 0.0


def score(marked: Sequence[Marked], questions: int, seconds: float) -> Score:
    return Score(sum(m.verdict.correct for m in marked), len(marked), questions, seconds)


@dataclass(frozen=True)
class ExamResult:
    exam_id: int
    seed: int
    practice: bool
    questions: list[Card]
    marked: list[Marked]
    seconds: float
    ending: Ending

    @property
    def score(self) -> Score:
        return score(self.marked, len(self.questions), self.seconds)

    @property
    def wrong(self) -> list[Marked]:
        return [m for m in self.marked if not m.verdict.correct]
