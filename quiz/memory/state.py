"""What is remembered of a studied card: its FSRS learning state, stability, difficulty, due time
and how often it lapsed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import NamedTuple


class State(IntEnum):
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class Memory:
    """What the scheduler knows of a card that has been studied at least once."""

    state: State
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    # Times the card was forgotten once learnt (Again in the review state), as Anki counts them.
    lapses: int = 0

    def interval_days(self) -> float | None:
        """The interval a card in the review state was scheduled for, in days (else None)."""
        if self.state != State.REVIEW or self.last_review is None:
            return None
        return (self.due - self.last_review).total_seconds() / 86400


class Due(NamedTuple):
    """When a studied card is due, and in which state: all a study queue needs to order it."""

    due: datetime
    state: State
