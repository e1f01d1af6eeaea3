"""A synthetic learner whose memory follows given FSRS-6 weights: a review log to fit on, for tests."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import fsrs

from quiz.memory.rating import Rating

from conftest import T0


def review_log(parameters: tuple[float, ...], cards: int = 120, days: int = 240, seed: int = 7) -> list[tuple[str, datetime, Rating]]:
    """(card id, time, rating) of every review: cards start over the first third of the period, come
    back when due give or take a few days, and are recalled with the chance the weights predict."""
    rng = random.Random(seed)
    truth = fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)
    end = T0 + timedelta(days=days)
    log = []
    for number in range(cards):
        card = fsrs.Card(card_id=number + 1)
        at = T0 + timedelta(days=rng.uniform(0, days / 3))
        while at < end:
            recalled = card.last_review is None and rng.random() < 0.6 or card.last_review is not None and rng.random() < truth.get_card_retrievability(card, at)
            rating = rng.choice([Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.EASY]) if recalled else Rating.AGAIN
            log.append((f"c{number}", at, rating))
            card, _ = truth.review_card(card, fsrs.Rating(int(rating)), review_datetime=at)
            wait = card.due - at
            at = card.due + (wait * rng.uniform(-0.3, 0.8) if wait > timedelta(days=1) else timedelta(minutes=rng.uniform(0, 5)))
    return sorted(log, key=lambda row: row[1])


def as_csv(log: list[tuple[str, datetime, Rating]]) -> str:
    lines = ["card_id,review_time,review_rating,review_duration"]
    lines += [f"{card},{int(at.timestamp() * 1000)},{int(rating)},{8000 if rating > 1 else 12000}" for card, at, rating in log]
    return "\n".join(lines) + "\n"
