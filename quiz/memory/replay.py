"""A card's memory from its history: the reviews replayed through the scheduler in time order.

The store uses it when past reviews are imported (so a card's memory is what quiz would have
computed had it seen them), the optimizer to score what the model predicted before each review,
and the benchmarks. A review marked `fresh` is one of a card that was new again (reset in Anki,
state New in a review log): the memory starts afresh there, each stretch between resets being
one "life" of the card.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from quiz.memory.rating import Rating
from quiz.memory.state import Memory

if TYPE_CHECKING:
    from quiz.memory.scheduler import Scheduler

# Reviews at least this long after the card's previous one are the ones a memory model is
# scored on (srs-benchmark's rule; same-day repetitions are not), counted in whole 24-hour days
# as py-fsrs counts elapsed time.
SCORED_GAP = timedelta(days=1)


@dataclass(slots=True)
class Event:
    """One review in a card's history."""

    at: datetime
    rating: Rating
    fresh: bool = False
    duration_ms: int = 0  # time spent answering, 0 when unknown


@dataclass(slots=True)
class Prediction:
    """What the model said just before a scored review, and what happened."""

    at: datetime
    elapsed_days: int
    retrievability: float
    recalled: bool
    reviews_before: int  # in this life of the card
    lapses_before: int  # failed scored reviews before this one, in this life


def lives(events: Iterable[Event]) -> list[list[Event]]:
    """The history cut at every fresh start (the first review always starts one)."""
    result: list[list[Event]] = []
    for event in events:
        if event.fresh or not result:
            result.append([])
        result[-1].append(event)
    return result


def steps(scheduler: Scheduler, events: Iterable[Event]) -> Iterator[tuple[Memory | None, Memory]]:
    """The card's memory before and after each review of its history, in order."""
    memory: Memory | None = None
    for event in events:
        before = None if event.fresh else memory
        memory = scheduler.review(before, event.rating, event.at)
        yield before, memory


def memory_after(scheduler: Scheduler, events: Iterable[Event]) -> Memory | None:
    """The card's memory after its whole history, or None when it has none."""
    memory = None
    for _, after in steps(scheduler, events):
        memory = after
    return memory


def predictions(scheduler: Scheduler, events: Sequence[Event]) -> Iterator[Prediction]:
    """The retrievability the scheduler gave each scored review of the history, in order."""
    for life in lives(events):
        memory: Memory | None = None
        lapses = 0
        for index, event in enumerate(life):
            if memory is not None and memory.last_review is not None and event.at - memory.last_review >= SCORED_GAP:
                recalled = event.rating != Rating.AGAIN
                yield Prediction(
                    at=event.at,
                    elapsed_days=(event.at - memory.last_review).days,
                    retrievability=scheduler.retrievability(memory, event.at),
                    recalled=recalled,
                    reviews_before=index,
                    lapses_before=lapses,
                )
                lapses += not recalled
            memory = scheduler.review(memory, event.rating, event.at)
