"""Progress figures from the store: today's reviews, streak, what is due, per-deck mastery
(`report`), and the figures over time of quiz/figures/progress.py (`progress`).

"Mastered" cards are those in FSRS's review state (past their learning steps). Suspended cards
are never due. Days are local calendar days. With tags, every figure is about the tagged cards.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from quiz.days import midnight, start_of_day
from quiz.decks.model import Card, CardKey, Deck, key_of
from quiz.decks.select import LEECH_TAG, tagged
from quiz.dropped import dropped_ids
from quiz.memory.examdate import exam_moment
from quiz.memory.leech import LEECH_LAPSES
from quiz.memory.recall import Curve
from quiz.store import Store

if TYPE_CHECKING:  # loaded by progress(): quiz decks and the dashboard draw none of its figures
    from quiz.figures import progress as figures

HARDEST = 10


@dataclass(slots=True)
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


@dataclass(slots=True)
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


def chosen_cards(store: Store, decks: list[Deck], tags: tuple[str, ...]) -> dict[str, list[Card]] | None:
    """Each deck's cards with one of `tags`; None without tags (every card, never expanded)."""
    if not tags:
        return None
    leeches = store.leeches([deck.id for deck in decks], LEECH_LAPSES) if LEECH_TAG in {t.casefold() for t in tags} else set()
    return {deck.id: tagged(deck.cards(), tags, leeches) for deck in decks}


def deck_stats(deck: Deck, store: Store, now: datetime, reviews: dict[str, int], chosen: list[Card] | None = None) -> DeckStats:
    end_of_tomorrow = midnight(now.astimezone().date() + timedelta(days=2))
    if chosen is None:
        cards = deck.card_count()
        seen, due, due_tomorrow, learned = store.card_figures(deck.id, now, end_of_tomorrow, leaving_out=dropped_ids(deck, store))
    else:
        cards = len(chosen)
        in_deck = frozenset(card.id for card in chosen)
        studied = store.studied_ids(deck.id)
        counted = studied & in_deck
        # Only the tagged cards count: the database counts them by naming the fewer of them or of the others.
        if 2 * len(counted) < len(studied):
            seen, due, due_tomorrow, learned = store.card_figures(deck.id, now, end_of_tomorrow, among=counted)
        else:
            seen, due, due_tomorrow, learned = store.card_figures(deck.id, now, end_of_tomorrow, leaving_out=studied - counted)
    return DeckStats(
        id=deck.id,
        title=deck.title,
        cards=cards,
        new=cards - seen,
        due=due,
        due_tomorrow=due_tomorrow,
        learned=learned,
        reviews=reviews.get(deck.id, 0),
    )


def report(store: Store, decks: list[Deck], now: datetime, tags: tuple[str, ...] = ()) -> Report:
    today = start_of_day(now)
    cards = chosen_cards(store, decks, tags)
    deck_ids = [deck.id for deck in decks]
    if cards is not None:
        totals = store.daily_totals(deck_ids, _keys(cards))
        per_deck_reviews: dict[str, int] = {}
        for row in totals:
            per_deck_reviews[row.deck_id] = per_deck_reviews.get(row.deck_id, 0) + row.reviews
        todays = [row for row in totals if row.day == today.date().isoformat()]
        reviews_total = sum(row.reviews for row in totals)
        reviews_today, correct_today = sum(row.reviews for row in todays), sum(row.correct for row in todays)
        days = sorted({row.day for row in totals}, reverse=True)
    else:
        per_deck_reviews = store.reviews_by_deck()
        # Review counts are those of the decks reported on, so they agree with the per-deck figures.
        reviews_total, _ = store.review_totals(deck_ids=deck_ids)
        reviews_today, correct_today = store.review_totals(since=today, deck_ids=deck_ids)
        days = store.review_days()
    stats = [deck_stats(deck, store, now, per_deck_reviews, cards[deck.id] if cards is not None else None) for deck in decks]
    return Report(
        reviews_total=reviews_total,
        reviews_today=reviews_today,
        correct_today=correct_today,
        due_now=sum(deck.due for deck in stats),
        due_tomorrow=sum(deck.due_tomorrow for deck in stats),
        new_available=sum(deck.new for deck in stats),
        streak_days=streak(days, today.date()),
        decks=stats,
    )


def progress(store: Store, decks: list[Deck], now: datetime, desired: float, curve: Curve, tags: tuple[str, ...] = ()) -> figures.Progress:
    """The figures over time: heatmap, forecast, true retention, time per day, hardest cards, exams."""
    from quiz.figures import progress as figures

    today = now.astimezone().date()
    cards = chosen_cards(store, decks, tags)
    keys = _keys(cards) if cards is not None else None
    deck_ids = [deck.id for deck in decks]
    days = figures.by_day(store.daily_totals(deck_ids, keys))
    due = store.due_counts(deck_ids, figures.day_ends(today), keys)
    return figures.Progress(
        today=today,
        heatmap=figures.heatmap(days, today),
        longest_streak=figures.longest_streak(day for day, row in days.items() if row.reviews),
        forecast=figures.forecast(due, today),
        desired_retention=desired,
        retention=figures.retention(days, today),
        time=figures.time_per_day(days, today),
        hardest=_hardest(store, decks, now, curve, desired, keys),
        exams=[_outlook(store, deck, cards[deck.id] if cards is not None else None, today, curve) for deck in decks if deck.exam and deck.exam >= today],
    )


def _keys(cards: dict[str, list[Card]]) -> list[CardKey]:
    return [key_of(card) for chosen in cards.values() for card in chosen]


def _hardest(store: Store, decks: list[Deck], now: datetime, curve: Curve, desired: float, keys: list[CardKey] | None) -> list[figures.HardCard]:
    """Cards that lapsed or are likely forgotten now (recall under the desired retention)."""
    from quiz.figures import progress as figures

    found = [row for row in store.hardest([deck.id for deck in decks], now, curve, HARDEST * 3, keys) if row.lapses or row.recall < desired]
    # Cards deleted from their deck file keep their rows: more are asked for, those still there shown.
    prompts = {
        key_of(card): card.prompt
        for deck in decks
        for card in deck.cards_with_ids({row.card_id for row in found if row.deck_id == deck.id})
    }
    return [
        figures.HardCard(row.deck_id, row.card_id, prompts[(row.deck_id, row.card_id)], row.lapses, row.recall)
        for row in found if (row.deck_id, row.card_id) in prompts
    ][:HARDEST]


def _outlook(store: Store, deck: Deck, chosen: list[Card] | None, today: date, curve: Curve) -> figures.ExamOutlook:
    from quiz.figures import progress as figures

    assert deck.exam is not None
    keys = [key_of(card) for card in chosen] if chosen is not None else None
    recalled, studied = store.recall_sum([deck.id], exam_moment(deck.exam), curve, keys)
    cards = deck.card_count() if chosen is None else len(chosen)
    return figures.ExamOutlook(deck.id, deck.title, deck.exam, (deck.exam - today).days, cards, max(0, cards - studied), recalled)
