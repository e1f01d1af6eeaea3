"""Our one door to py-fsrs: the scheduler that turns a rating into a card's next memory.

py-fsrs does the maths; this module pins our settings (py-fsrs defaults: desired retention
0.9, learning steps 1 and 10 minutes, relearning step 10 minutes, fuzz on) and converts
between its `Card` and our plain `Memory` record, so fitted parameters and user settings can
later be passed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from quiz.memory.rating import Rating
from quiz.memory.recall import Curve
from quiz.memory.state import Memory, State

if TYPE_CHECKING:
    import fsrs


@dataclass(frozen=True)
class Settings:
    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    fuzz: bool = True
    parameters: tuple[float, ...] | None = None


class Scheduler:
    """py-fsrs is imported on first use, so a study session shows its first question sooner."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings

    @cached_property
    def _fsrs(self) -> fsrs.Scheduler:
        return _fsrs_scheduler(self.settings)

    @cached_property
    def _preview(self) -> fsrs.Scheduler:
        # Previews show the unfuzzed interval so the numbers are steady on screen.
        return _fsrs_scheduler(replace(self.settings, fuzz=False))

    @cached_property
    def curve(self) -> Curve:
        """The forgetting curve these parameters give, for figures over many cards."""
        return Curve(self.settings.parameters[20]) if self.settings.parameters else Curve()

    def review(self, memory: Memory | None, rating: Rating, now: datetime) -> Memory:
        """The card's memory after being answered with `rating` at `now` (aware datetime)."""
        import fsrs

        card, _ = self._fsrs.review_card(_to_fsrs(memory), fsrs.Rating(int(rating)), review_datetime=now)
        lapses = memory.lapses if memory else 0
        lapsed = memory is not None and memory.state == State.REVIEW and rating == Rating.AGAIN
        return _from_fsrs(card, lapses + lapsed)

    def preview(self, memory: Memory | None, now: datetime) -> dict[Rating, timedelta]:
        """How long until the card is due again after each rating."""
        import fsrs

        result = {}
        for rating in Rating:
            card, _ = self._preview.review_card(_to_fsrs(memory), fsrs.Rating(int(rating)), review_datetime=now)
            result[rating] = card.due - now
        return result

    def retrievability(self, memory: Memory, now: datetime) -> float:
        """Probability of recall at `now`, from 0 to 1."""
        return self._fsrs.get_card_retrievability(_to_fsrs(memory), now)


def load_fsrs() -> None:
    """Import py-fsrs now (~12 ms): a study session does it while its first question is read, so
    that the first answer is saved as fast as the others."""
    import fsrs  # noqa: F401


def _fsrs_scheduler(settings: Settings) -> fsrs.Scheduler:
    import fsrs

    extra = {"parameters": settings.parameters} if settings.parameters else {}
    return fsrs.Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps,
        relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval_days,
        enable_fuzzing=settings.fuzz,
        **extra,
    )


def _to_fsrs(memory: Memory | None) -> fsrs.Card:
    import fsrs

    # card_id is ours to keep; passing one stops py-fsrs minting (and sleeping for) its own.
    if memory is None:
        return fsrs.Card(card_id=0)
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(int(memory.state)),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=memory.due,
        last_review=memory.last_review,
    )


def _from_fsrs(card: fsrs.Card, lapses: int) -> Memory:
    return Memory(
        state=State(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        lapses=lapses,
    )
