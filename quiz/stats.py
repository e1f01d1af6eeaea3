"""Progress figures: today's reviews, streak, what is due, and per-deck mastery.

"Mastered" cards are those in FSRS's review state (past their learning steps). Days are
local calendar days.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from quiz.days import midnight, start_of_day
from quiz.decks.model import Deck
from quiz.memory.state import State
from quiz.store import Store, to_ms


@dataclass(frozen=True)
class DeckStats:
    id: str
    title: str
    cards: int
    new: int
    due: int
    due_tomorrow: int
    learned: int
    reviews: int

    @property
    def mastery(self) -> float:
        return self.learned / self.cards if self.cards else 0.0


@dataclass(frozen=True)
class Report:
    reviews_total: int
    reviews_today: int
    correct_today: int
    due_now: int
    due_tomorrow: int
    new_available: int
    streak_days: int
    decks: list[DeckStats]

    @property
    def accuracy_today(self) -> float | None:
        return self.correct_today / self.reviews_today if self.reviews_today else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["accuracy_today"] = self.accuracy_today
        for deck, stats in zip(data["decks"], self.decks):
            deck["mastery"] = round(stats.mastery, 4)
        return data


def streak(days: list[str], today: date) -> int:
    """Consecutive days with reviews, ending today (or yesterday, if today has none yet)."""
    have = {date.fromisoformat(day) for day in days}
    day = today if today in have else today - timedelta(days=1)
    count = 0
    while day in have:
        count += 1
        day -= timedelta(days=1)
    return count


def deck_stats(deck: Deck, store: Store, now: datetime, reviews: dict[str, int]) -> DeckStats:
    now_ms, end_of_tomorrow = to_ms(now), to_ms(midnight(now.astimezone().date() + timedelta(days=2)))
    in_deck = deck.card_ids()
    # Cards studied before and since dropped from the deck file do not count.
    seen = [(state, due) for card, state, due in store.card_states(deck.id) if card in in_deck]
    return DeckStats(
        id=deck.id,
        title=deck.title,
        cards=len(in_deck),
        new=len(in_deck) - len(seen),
        due=sum(1 for _, due in seen if due <= now_ms),
        due_tomorrow=sum(1 for _, due in seen if now_ms < due <= end_of_tomorrow),
        learned=sum(1 for state, _ in seen if state == State.REVIEW),
        reviews=reviews.get(deck.id, 0),
    )


def report(store: Store, decks: list[Deck], now: datetime) -> Report:
    today = start_of_day(now)
    per_deck_reviews = store.reviews_by_deck()
    stats = [deck_stats(deck, store, now, per_deck_reviews) for deck in decks]
    # Review counts are those of the decks reported on, so they agree with the per-deck figures.
    deck_ids = [deck.id for deck in decks]
    reviews_total, _ = store.review_totals(deck_ids=deck_ids)
    reviews_today, correct_today = store.review_totals(since=today, deck_ids=deck_ids)
    return Report(
        reviews_total=reviews_total,
        reviews_today=reviews_today,
        correct_today=correct_today,
        due_now=sum(deck.due for deck in stats),
        due_tomorrow=sum(deck.due_tomorrow for deck in stats),
        new_available=sum(deck.new for deck in stats),
        streak_days=streak(store.review_days(), today.date()),
        decks=stats,
    )
