"""Fitting the 21 FSRS-6 weights to the learner's own reviews, and keeping them only when they
predict the learner's future better than the weights in use.

The fit is fsrs-rs's (fsrs-rs-python, the Rust engine Anki uses), imported only here. Its
training items count elapsed time in whole 24-hour days, exactly as py-fsrs (quiz's scheduler)
does, so the fitted weights are the best for the model that will schedule with them. The
verdict comes from quiz's own scheduler: each card's history is replayed and its predicted
recall before every review a day or more after the previous one is scored (quiz/memory/metrics.py).

Time-series split: reviews are ordered in time and cut at the 80 % point; weights are fitted on
the scored reviews before the cut and both sets of weights are scored on those after it (the
replay still sees the whole history before each review). Fitted weights that win are fitted
again on every review before they are kept.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from quiz.errors import QuizError
from quiz.memory.metrics import Scores, scores
from quiz.memory.replay import SCORED_GAP, Event, lives, predictions
from quiz.memory.scheduler import Scheduler, Settings

# Below this many scored reviews (a day or more after the card's previous one) a fit is mostly
# noise: on a real log, fits to the first 100-400 such reviews predicted the rest worse than the
# defaults did. The split must also leave enough reviews after the cut to judge the fit by.
MIN_SCORED = 400
MIN_TEST = 80
TRAIN_SHARE = 0.8
INSTALL = "pip install 'quiz[optimize]'"


class OptimizerMissing(QuizError):
    """fsrs-rs-python is not installed."""


def require_engine() -> None:
    """OptimizerMissing, saying exactly what to install, unless fsrs-rs-python can be imported."""
    try:
        import fsrs_rs_python  # noqa: F401
    except ImportError:
        raise OptimizerMissing(
            f"quiz optimize needs the optional FSRS optimizer: {INSTALL} (it adds fsrs-rs-python, a small wheel)"
        ) from None


@dataclass(frozen=True)
class Item:
    """One scored review with the card's history up to it: (rating, whole days since the previous review)."""

    at: datetime
    reviews: tuple[tuple[int, int], ...]


def items(histories: Sequence[Sequence[Event]]) -> list[Item]:
    """fsrs-rs's training items: one per scored review, in time order."""
    result = []
    for history in histories:
        for life in lives(history):
            steps: list[tuple[int, int]] = []
            for previous, event in zip([None, *life], life):
                gap = event.at - previous.at if previous else None
                steps.append((int(event.rating), gap.days if gap else 0))
                if gap is not None and gap >= SCORED_GAP:
                    result.append(Item(event.at, tuple(steps)))
    return sorted(result, key=lambda item: item.at)


@dataclass(frozen=True)
class Split:
    """The reviews used, and where the time-series split cut them."""

    reviews: int
    cards: int
    scored: int  # reviews a day or more after the card's previous one
    train: int  # scored reviews before the cut
    test: int  # scored reviews after it
    at: datetime | None


@dataclass(frozen=True)
class Fit:
    """What `optimize` found and decided."""

    split: Split
    reason: str
    default: Scores | None = None  # FSRS-6's weights, on the reviews after the cut
    current: Scores | None = None  # the weights in use, when they are not the defaults
    fitted: Scores | None = None
    parameters: tuple[float, ...] | None = None  # the weights to keep (fitted on every review), or None
    seconds: float = 0.0  # time spent fitting


def optimize(histories: Mapping[tuple[str, str], Sequence[Event]], settings: Settings) -> Fit:
    """Fit weights to `histories` and decide whether they beat `settings.parameters` (or the defaults)."""
    require_engine()
    every = list(histories.values())
    reviews = sorted(event.at for history in every for event in history)
    found = items(every)
    cut = reviews[int(len(reviews) * TRAIN_SHARE)] if reviews else None
    train = [item for item in found if cut and item.at < cut]
    split = Split(len(reviews), len(every), len(found), len(train), len(found) - len(train), cut)
    if cut is None or split.scored < MIN_SCORED or split.test < MIN_TEST:
        return Fit(split, f"{split.scored} review(s) came a day or more after the card's previous one, {split.test} of them in the"
                          f" last 20 %; fitting needs {MIN_SCORED}, with {MIN_TEST} in the last 20 % to judge the fit by."
                          " The weights in use stay.")
    started = time.perf_counter()
    fitted = fit(train, settings)
    seconds = time.perf_counter() - started

    recent = [history for history in every if history and history[-1].at >= cut]  # only they have reviews to judge by

    def judged(parameters: tuple[float, ...] | None) -> Scores:
        scheduler = Scheduler(replace(settings, parameters=parameters, fuzz=False))
        return scores([p for history in recent for p in predictions(scheduler, history) if p.at >= cut])

    default, fitted_scores = judged(None), judged(fitted)
    current = judged(settings.parameters) if settings.parameters else None
    if fitted_scores.log_loss >= (current or default).log_loss:
        which = "in use" if current else "of FSRS-6"
        return Fit(split, f"the fitted weights predict no better than the weights {which}, which stay.",
                   default, current, fitted_scores, None, seconds)
    started = time.perf_counter()
    final = fit(found, settings)
    seconds += time.perf_counter() - started
    return Fit(split, "the fitted weights predict better; fitted again on every review, they are kept.",
               default, current, fitted_scores, final, seconds)


def fit(found: Sequence[Item], settings: Settings) -> tuple[float, ...]:
    import fsrs_rs_python as fr
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    training = [fr.FSRSItem([fr.FSRSReview(rating, days) for rating, days in item.reviews]) for item in found]
    weights = fr.FSRS(fr.DEFAULT_PARAMETERS).compute_parameters(
        training, enable_short_term=True, num_relearning_steps=len(settings.relearning_steps)
    )
    # Four decimals, as Anki shows them; clipped to the ranges py-fsrs accepts.
    return tuple(round(min(max(w, low), high), 4) for w, low, high in zip(weights, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS))
