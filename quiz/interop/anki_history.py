"""Study history between Anki and quiz: Anki's revlog as quiz reviews, and quiz's reviews and
card memory as a revlog and card scheduling Anki's FSRS picks up from.

Into quiz: every answer (ease 1-4) of a card quiz imported becomes a review with its time,
rating and duration; the card's state at the review comes from the revlog's kind (learn,
review, relearn), and a reset ("Forget": a manual entry with no ease factor) makes the next
answer start the card afresh, as Anki does. Manual entries (set due date) are not answers.

Out of quiz: each review becomes a revlog row whose kind and intervals come from replaying the
card's history through quiz's scheduler; each studied card gets Anki's type, queue, due,
interval, repetitions, lapses and its FSRS memory (stability, difficulty) in `data`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from quiz.days import from_ms
from quiz.interop.anki_package import Package
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import Memory, State
from quiz.store import NEW, CardRecord, PastReview

MANUAL_KINDS = (4, 5)  # manual, rescheduled
# revlog kind → the card's state at the review (fsrs-optimizer's numbering).
STATE_OF_KIND = {0: 1, 1: 2, 2: 3, 3: 2}
DAY = timedelta(days=1)


def reviews_from(package: Package, card_ids: dict[int, str], deck_id: str) -> tuple[list[PastReview], Counter[str]]:
    """The revlog's answers of the cards in `card_ids` (Anki card id → quiz card id), and what was left out."""
    reviews: list[PastReview] = []
    left_out: Counter[str] = Counter()
    fresh: set[int] = set()  # cards whose next answer starts afresh
    answered: set[int] = set()
    for row in sorted(package.reviews, key=lambda r: r.id):
        if row.ease == 0:
            if row.kind in MANUAL_KINDS and row.factor == 0:
                fresh.add(row.card_id)
            continue
        card = card_ids.get(row.card_id)
        if card is None:
            left_out["of cards not imported"] += 1
            continue
        if not 1 <= row.ease <= 4:
            left_out["with an unknown answer button"] += 1
            continue
        first = row.card_id not in answered
        state = NEW if first or row.card_id in fresh else STATE_OF_KIND.get(row.kind, 2)
        fresh.discard(row.card_id)
        answered.add(row.card_id)
        reviews.append(PastReview(deck_id, card, from_ms(row.id), Rating(row.ease), max(0, row.time_ms), state))
    return reviews, left_out


@dataclass(frozen=True)
class RevlogRow:
    id: int  # ms
    ease: int
    interval: int  # days, or negative seconds while learning
    last_interval: int
    factor: int
    time_ms: int
    kind: int


@dataclass(frozen=True)
class Schedule:
    """A card's columns in Anki's cards table."""

    type: int
    queue: int
    due: int
    interval: int
    factor: int
    reps: int
    lapses: int
    left: int
    data: str


def _anki_interval(memory: Memory, at: datetime) -> int:
    span = memory.due - at
    return max(1, round(span / DAY)) if span >= DAY else -max(1, int(span.total_seconds()))


def replayer(settings: Settings = Settings()) -> Scheduler:
    """The scheduler `revlog_rows` replays with: without fuzz, so a history always gives the same rows."""
    return Scheduler(replace(settings, fuzz=False))


def revlog_rows(history: list[PastReview], scheduler: Scheduler) -> list[RevlogRow]:
    """A card's reviews as Anki revlog rows, kinds and intervals from a replay through `scheduler`."""
    rows: list[RevlogRow] = []
    memory: Memory | None = None
    last = 0
    for index, review in enumerate(history):
        if index and review.state == NEW:
            # The card was reset: say so as Anki does ("Forget", a manual entry), just before.
            memory = None
            rows.append(RevlogRow(int(review.at.timestamp() * 1000) - 1, 0, 0, last, 0, 0, 4))
            last = 0
        kind = {None: 0, State.LEARNING: 0, State.REVIEW: 1, State.RELEARNING: 2}[memory.state if memory else None]
        memory = scheduler.review(memory, review.rating, review.at)
        interval = _anki_interval(memory, review.at)
        factor = round((memory.difficulty or 0) * 100 + 100) if memory.difficulty else 0
        rows.append(RevlogRow(int(review.at.timestamp() * 1000), int(review.rating), interval, last, factor, review.duration_ms, kind))
        last = interval
    return rows


def schedule(record: CardRecord | None, reps: int, position: int, day_start: datetime, settings: Settings = Settings()) -> Schedule:
    """A card's Anki scheduling from its quiz memory; `day_start` is when the collection's day 0
    began (review cards are due on a day number), `position` orders new cards."""
    memory = record.memory if record else None
    if memory is None:
        return Schedule(0, 0, position, 0, 0, 0, 0, 0, "{}")
    suspended = record is not None and record.suspended
    data = {"s": round(memory.stability or 0, 4), "d": round(memory.difficulty or 0, 4), "dr": settings.desired_retention}
    if memory.last_review:
        data["lrt"] = int(memory.last_review.timestamp())
    lapses = record.lapses if record else memory.lapses
    if memory.state == State.REVIEW:
        interval = max(1, round((memory.due - memory.last_review) / DAY)) if memory.last_review else 1
        due = (memory.due - day_start) // DAY
        return Schedule(2, -1 if suspended else 2, due, interval, 2500, reps, lapses, 0, json.dumps(data))
    steps = settings.learning_steps if memory.state == State.LEARNING else settings.relearning_steps
    left = max(1, len(steps) - (memory.step or 0))
    card_type = 1 if memory.state == State.LEARNING else 3
    due = int(memory.due.timestamp())
    return Schedule(card_type, -1 if suspended else 1, due, 0, 2500, reps, lapses, left, json.dumps(data))
