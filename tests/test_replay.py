"""Replaying a real review log through quiz (import → store → replay) gives py-fsrs's own
retrievabilities for the same parameters, on a slice of a real Anki history."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import datetime, timedelta

import fsrs
import pytest

from quiz.memory.rating import Rating
from quiz.memory.replay import Event, lives, predictions
from quiz.memory.scheduler import Scheduler, Settings
from quiz.store import PastReview, Store

from conftest import ROOT, T0

SLICE = ROOT / "tests" / "data" / "revlogs" / "josh_slice.csv"
# Some parameters other than the defaults, within py-fsrs's bounds (a fit to one learner's log).
OTHER = (0.1199, 0.6789, 2.2657, 6.3249, 6.5454, 0.696, 2.9704, 0.0122, 1.7455, 0.1508, 0.6765,
         1.5477, 0.0437, 0.3469, 1.7991, 0.6022, 1.8729, 0.6206, 0.2655, 0.1929, 0.3488)


def py_fsrs_replay(parameters: tuple[float, ...]) -> dict[str, list[tuple[datetime, float]]]:
    """Each card's retrievability before every review a day or more after its previous one, by py-fsrs alone."""
    scheduler = fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)
    by_card: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    with SLICE.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            by_card[row["card_id"]].append((datetime.fromisoformat(row["review_time"]), int(row["review_rating"])))
    result: dict[str, list[tuple[datetime, float]]] = {}
    for card_id, history in by_card.items():
        card, previous, scored = fsrs.Card(card_id=0), None, []
        for at, rating in sorted(history):
            if previous is not None and (at - previous).days >= 1:
                scored.append((at, scheduler.get_card_retrievability(card, at)))
            card, _ = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=at)
            previous = at
        result[card_id] = scored
    return result


@pytest.fixture
def imported(store: Store) -> Store:
    from quiz.interop.revlog_csv import parse

    logged = parse(SLICE.read_text(encoding="utf-8"), str(SLICE))
    scheduler = Scheduler()
    store.import_reviews([PastReview("imported", r.card_id, r.at, r.rating, r.duration_ms, r.state) for r in logged], lambda _: scheduler, T0)
    return store


@pytest.mark.parametrize("parameters", [tuple(fsrs.scheduler.DEFAULT_PARAMETERS), OTHER], ids=["default", "fitted"])
def test_quiz_replay_gives_py_fsrs_retrievabilities(imported: Store, parameters: tuple[float, ...]) -> None:
    scheduler = Scheduler(Settings(parameters=parameters))
    reference = py_fsrs_replay(parameters)
    histories = imported.histories()
    assert len(histories) == len(reference) == 61
    scored = 0
    for (_, card_id), events in histories.items():
        ours = [(p.at, p.retrievability) for p in predictions(scheduler, events)]
        theirs = reference[card_id]
        assert [at for at, _ in ours] == [at for at, _ in theirs]
        assert [r for _, r in ours] == pytest.approx([r for _, r in theirs], abs=1e-9)
        scored += len(ours)
    assert scored > 200  # the slice has long-term reviews to compare, not only same-day steps


def test_the_two_parameter_sets_predict_differently(imported: Store) -> None:
    histories = imported.histories()
    default, other = (
        [p.retrievability for events in histories.values() for p in predictions(Scheduler(Settings(parameters=params)), events)]
        for params in (None, OTHER)
    )
    assert len(default) == len(other) and max(abs(a - b) for a, b in zip(default, other)) > 0.05


def test_predictions_count_reviews_and_lapses_within_a_life() -> None:
    day = timedelta(days=1)
    events = [Event(T0, Rating.GOOD), Event(T0 + 2 * day, Rating.AGAIN), Event(T0 + 2 * day + timedelta(minutes=10), Rating.GOOD),
              Event(T0 + 5 * day, Rating.GOOD), Event(T0 + 40 * day, Rating.GOOD, fresh=True), Event(T0 + 45 * day, Rating.AGAIN)]
    assert [len(life) for life in lives(events)] == [4, 2]
    got = [(p.elapsed_days, p.recalled, p.reviews_before, p.lapses_before) for p in predictions(Scheduler(), events)]
    assert got == [(2, False, 1, 0), (2, True, 3, 1), (5, False, 1, 0)]
