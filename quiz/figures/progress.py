"""Progress over time, as pure functions of the store's totals: the calendar heatmap and the
longest streak, the forecast of due cards, true retention of young and mature cards, time spent per
day, the hardest cards, the outlook for an exam day, and the trend of exam scores.

True retention is Anki's: the share of reviews of learnt cards (in the review state) that passed
(graded above Again); young cards had an interval under 21 days, mature ones 21 or more. Practice
and undone reviews do not count. Days are local calendar days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from quiz.days import midnight

MATURE_DAYS = 21
PERIODS = (("today", 1), ("7 days", 7), ("30 days", 30), ("all", None))


@dataclass(slots=True)
class DayTotals:
    """One deck's reviews on one local day (YYYY-MM-DD), as the daily totals keep them."""

    deck_id: str
    day: str
    reviews: int
    correct: int
    duration_ms: int
    young: int
    young_passed: int
    mature: int
    mature_passed: int


@dataclass(slots=True)
class CardRecall:
    deck_id: str
    card_id: str
    lapses: int
    recall: float


@dataclass(slots=True)
class Share:
    reviews: int
    passed: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None

    def __add__(self, other: Share) -> Share:
        return Share(self.reviews + other.reviews, self.passed + other.passed)

    def to_json(self) -> dict[str, Any]:
        return {"reviews": self.reviews, "passed": self.passed, "rate": None if self.rate is None else round(self.rate, 4)}


@dataclass(slots=True)
class Retention:
    period: str
    young: Share
    mature: Share

    @property
    def all(self) -> Share:
        return self.young + self.mature


@dataclass  # not slotted: the quartiles are a cached_property
class Heatmap:
    """Reviews per day over whole weeks (Monday first) from `start` to the week of `today`."""

    start: date
    today: date
    counts: dict[date, int]

    @property
    def weeks(self) -> int:
        return (self.today - self.start).days // 7 + 1

    @cached_property
    def _quartiles(self) -> list[int]:
        active = sorted(value for value in self.counts.values() if value > 0) or [0]
        return [active[min(len(active) - 1, len(active) * q // 4)] for q in (1, 2, 3)]

    def level(self, count: int) -> int:
        """0 for no reviews, else 1-4 by the quartiles of the active days' counts."""
        if count <= 0:
            return 0
        return 1 + sum(count > limit for limit in self._quartiles)


@dataclass(slots=True)
class HardCard:
    deck_id: str
    card_id: str
    prompt: str
    lapses: int
    recall: float


@dataclass(slots=True)
class ExamOutlook:
    """What is predicted to be recalled of a deck on its exam day, from the memory of today."""

    deck_id: str
    title: str
    day: date
    days_left: int
    cards: int
    new: int
    recalled: float  # expected number of the deck's cards recalled; new ones count as forgotten

    @property
    def share(self) -> float:
        return self.recalled / self.cards if self.cards else 0.0


@dataclass(slots=True)
class Progress:
    today: date
    heatmap: Heatmap
    longest_streak: int
    forecast: list[tuple[date, int]]
    desired_retention: float
    retention: list[Retention]
    time: list[tuple[date, float]]
    hardest: list[HardCard] = field(default_factory=list)
    exams: list[ExamOutlook] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        active = [seconds for _, seconds in self.time if seconds]
        return {
            "heatmap": {
                "from": self.heatmap.start.isoformat(),
                "to": self.today.isoformat(),
                "days": {day.isoformat(): count for day, count in sorted(self.heatmap.counts.items()) if count},
            },
            "longest_streak_days": self.longest_streak,
            "forecast": [{"date": day.isoformat(), "due": due} for day, due in self.forecast],
            "retention": {
                "desired": self.desired_retention,
                "periods": [
                    {"period": row.period, "young": row.young.to_json(), "mature": row.mature.to_json(), "all": row.all.to_json()}
                    for row in self.retention
                ],
            },
            "time_per_day": [{"date": day.isoformat(), "seconds": round(seconds, 1)} for day, seconds in self.time],
            "mean_seconds_per_study_day": round(sum(active) / len(active), 1) if active else None,
            "hardest": [
                {"deck": card.deck_id, "card": card.card_id, "prompt": card.prompt, "lapses": card.lapses, "recall": round(card.recall, 4)}
                for card in self.hardest
            ],
            "exams": [
                {"deck": exam.deck_id, "date": exam.day.isoformat(), "days_left": exam.days_left, "cards": exam.cards,
                 "new": exam.new, "predicted_recall": round(exam.share, 4)}
                for exam in self.exams
            ],
        }


def by_day(totals: Iterable[DayTotals]) -> dict[date, DayTotals]:
    """The decks' totals added up per day."""
    days: dict[date, list[int]] = defaultdict(lambda: [0] * 7)
    for row in totals:
        sums = days[date.fromisoformat(row.day)]
        for n, value in enumerate((row.reviews, row.correct, row.duration_ms, row.young, row.young_passed, row.mature, row.mature_passed)):
            sums[n] += value
    return {day: DayTotals("", day.isoformat(), *sums) for day, sums in sorted(days.items())}


def heatmap(days: dict[date, DayTotals], today: date, weeks: int = 53) -> Heatmap:
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    return Heatmap(start, today, {day: row.reviews for day, row in days.items() if start <= day <= today})


def longest_streak(days: Iterable[date]) -> int:
    """The most consecutive days with reviews, ever."""
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def retention(days: dict[date, DayTotals], today: date) -> list[Retention]:
    rows = []
    for name, span in PERIODS:
        chosen = [row for day, row in days.items() if span is None or today - timedelta(days=span) < day <= today]
        rows.append(Retention(
            name,
            Share(sum(r.young for r in chosen), sum(r.young_passed for r in chosen)),
            Share(sum(r.mature for r in chosen), sum(r.mature_passed for r in chosen)),
        ))
    return rows


def forecast(counts: list[int], today: date) -> list[tuple[date, int]]:
    """Cards due on each day from today (today's count holds every overdue card)."""
    return [(today + timedelta(days=n), count) for n, count in enumerate(counts)]


def day_ends(today: date, days: int = 30) -> list[datetime]:
    """The local midnights that end today and each of the `days` - 1 days after it."""
    return [midnight(today + timedelta(days=n)) for n in range(1, days + 1)]


def time_per_day(days: dict[date, DayTotals], today: date, span: int = 30) -> list[tuple[date, float]]:
    """Seconds spent answering on each of the last `span` days, oldest first."""
    return [
        (day, days[day].duration_ms / 1000 if day in days else 0.0)
        for day in (today - timedelta(days=n) for n in range(span - 1, -1, -1))
    ]


def trend(values: list[float]) -> float | None:
    """The least-squares slope of the values in order (change per step); None under two."""
    if len(values) < 2:
        return None
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread
