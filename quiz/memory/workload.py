"""What a desired retention costs: a year of study simulated at each retention from 0.70 to 0.95
with fsrs-rs's simulator (fsrs-rs-python, imported only here), and the retention that costs
the fewest minutes per card remembered.

The simulated learner is this one where their history says enough: how they rate a new card,
how they rate a card they recall, and how long an answer takes them in each state and grade
(median seconds). Where it says too little, fsrs-rs's defaults (from many Anki users) stand.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quiz.memory.rating import Rating
from quiz.memory.replay import Event, lives
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import State

RETENTIONS = (0.70, 0.75, 0.80, 0.85, 0.90, 0.95)
DAYS = 365
SEEDS = (1, 2, 3, 4)  # each retention is the mean of these runs: steadier than one
MIN_COUNT = 20  # fewer observations than this and the default stands
_ROWS = {State.LEARNING: 0, State.REVIEW: 1, State.RELEARNING: 2}


@dataclass(frozen=True)
class Habits:
    """How the learner answers, as the simulator describes it; None where the history says too little."""

    first_rating: tuple[float, ...] | None  # chance of Again, Hard, Good, Easy on a new card
    recall_rating: tuple[float, ...] | None  # chance of Hard, Good, Easy on a recalled card in review
    seconds: dict[tuple[int, int], float]  # median answer time by (row: learning, review, relearning; rating - 1)


def habits(histories: Iterable[Sequence[Event]]) -> Habits:
    firsts: Counter[Rating] = Counter()
    recalls: Counter[Rating] = Counter()
    times: dict[tuple[int, int], list[float]] = defaultdict(list)
    scheduler = Scheduler(Settings(fuzz=False))
    for history in histories:
        for life in lives(history):
            firsts[life[0].rating] += 1
            memory = None
            for event in life:
                row = _ROWS[memory.state] if memory else 0
                if memory and memory.state == State.REVIEW and event.rating != Rating.AGAIN:
                    recalls[event.rating] += 1
                if event.duration_ms > 0:
                    times[(row, event.rating - 1)].append(event.duration_ms / 1000)
                memory = scheduler.review(memory, event.rating, event.at)
    return Habits(
        _shares(firsts, list(Rating)),
        _shares(recalls, [Rating.HARD, Rating.GOOD, Rating.EASY]),
        {cell: statistics.median(values) for cell, values in times.items() if len(values) >= MIN_COUNT},
    )


def _shares(counts: Counter[Rating], ratings: list[Rating]) -> tuple[float, ...] | None:
    total = sum(counts[rating] for rating in ratings)
    return tuple(counts[rating] / total for rating in ratings) if total >= MIN_COUNT else None


@dataclass(frozen=True)
class Workload:
    retention: float
    reviews_per_day: float  # every card shown, new ones and their learning steps included
    minutes_per_day: float
    remembered: float  # expected cards recalled at the end of the year (the sum of their recall chances)

    @property
    def minutes_per_card(self) -> float:
        return self.minutes_per_day * DAYS / self.remembered if self.remembered else float("inf")


def simulate(settings: Settings, cards: int, new_per_day: int, learner: Habits) -> list[Workload]:
    """A year of study of `cards` cards, `new_per_day` new a day, at each retention."""
    import fsrs_rs_python as fr

    config = fr.default_simulator_config()
    config.deck_size = cards
    config.learn_span = DAYS
    config.learn_limit = new_per_day
    config.max_ivl = float(settings.maximum_interval_days)
    config.max_cost_perday = 86400.0  # no daily cap: the workload itself is what is measured
    config.learning_step_count = len(settings.learning_steps)
    config.relearning_step_count = len(settings.relearning_steps)
    if learner.first_rating:
        config.first_rating_prob = list(learner.first_rating)
    if learner.recall_rating:
        config.review_rating_prob = list(learner.recall_rating)
    costs = [list(row) for row in config.state_rating_costs]
    for (row, column), seconds in learner.seconds.items():
        costs[row][column] = seconds
    config.state_rating_costs = costs
    weights = list(settings.parameters or fr.DEFAULT_PARAMETERS)
    result = []
    for retention in RETENTIONS:
        runs = [fr.simulate(weights, retention, config, seed) for seed in SEEDS]
        result.append(Workload(
            retention,
            reviews_per_day=statistics.mean((sum(r.review_cnt_per_day) + sum(r.learn_cnt_per_day)) / DAYS for r in runs),
            minutes_per_day=statistics.mean(sum(r.cost_per_day) / DAYS / 60 for r in runs),
            remembered=statistics.mean(r.memorized_cnt_per_day[-1] for r in runs),
        ))
    return result


def recommend(workloads: Sequence[Workload]) -> Workload:
    """The retention that costs the fewest minutes of study per card remembered."""
    return min(workloads, key=lambda workload: workload.minutes_per_card)


def chart(workloads: Sequence[Workload], width: int = 30) -> list[str]:
    """Minutes per card remembered as bars, one line per retention, the recommended one marked."""
    best = recommend(workloads)
    most = max(workload.minutes_per_card for workload in workloads)
    lines = []
    for workload in workloads:
        bar = "█" * max(1, round(width * workload.minutes_per_card / most))
        mark = "  ◀ recommended" if workload is best else ""
        lines.append(f"{workload.retention:.2f} {bar:<{width}} {workload.minutes_per_card:.2f} min/card{mark}")
    return lines
