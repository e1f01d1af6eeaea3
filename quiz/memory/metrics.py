"""How well predicted recall matches what happened: log loss, RMSE(bins) and AUC, as the
open-spaced-repetition srs-benchmark defines them.

Each prediction is a probability of recall and whether the card was recalled. RMSE(bins) groups
reviews by elapsed days, review count and lapses (each on a geometric scale), compares the mean
prediction with the mean outcome in each group, and weighs each group by its size, so that a
model cannot look good by being right on average while wrong for long intervals or hard cards.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.memory.replay import Prediction

EPSILON = 1e-7  # predictions are clipped away from 0 and 1, so one confident miss stays finite


@dataclass(frozen=True)
class Scores:
    log_loss: float
    rmse_bins: float
    auc: float | None  # None when every review had the same outcome
    count: int


def scores(predictions: Sequence[Prediction]) -> Scores:
    return Scores(log_loss(predictions), rmse_bins(predictions), auc(predictions), len(predictions))


def log_loss(predictions: Sequence[Prediction]) -> float:
    total = 0.0
    for p in predictions:
        r = min(max(p.retrievability, EPSILON), 1 - EPSILON)
        total -= math.log(r) if p.recalled else math.log(1 - r)
    return total / len(predictions)


def _bin(value: float, base: float, scale: float, digits: int) -> float:
    return round(scale * base ** math.floor(math.log(value) / math.log(base)), digits)


def rmse_bins(predictions: Sequence[Prediction]) -> float:
    groups: dict[tuple[float, float, float], list[Prediction]] = defaultdict(list)
    for p in predictions:
        key = (
            _bin(p.elapsed_days, 3.62, 2.48, 2),
            _bin(p.reviews_before + 1, 1.89, 1.99, 0),
            _bin(p.lapses_before, 1.73, 1.65, 0) if p.lapses_before else 0.0,
        )
        groups[key].append(p)
    squared = 0.0
    for group in groups.values():
        predicted = sum(p.retrievability for p in group) / len(group)
        observed = sum(p.recalled for p in group) / len(group)
        squared += len(group) * (predicted - observed) ** 2
    return math.sqrt(squared / len(predictions))


def auc(predictions: Sequence[Prediction]) -> float | None:
    """The chance that a recalled review was given a higher prediction than a forgotten one."""
    ranked = sorted(predictions, key=lambda p: p.retrievability)
    recalled = sum(p.recalled for p in ranked)
    forgotten = len(ranked) - recalled
    if not recalled or not forgotten:
        return None
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end].retrievability == ranked[index].retrievability:
            end += 1
        mean_rank = (index + 1 + end) / 2  # ties share their average rank
        rank_sum += mean_rank * sum(p.recalled for p in ranked[index:end])
        index = end
    return (rank_sum - recalled * (recalled + 1) / 2) / (recalled * forgotten)
