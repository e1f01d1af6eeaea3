"""The forgetting curve and the lapse count agree with py-fsrs; the leech rule."""

from __future__ import annotations

from datetime import timedelta

import fsrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.memory.leech import is_leech, suspends
from quiz.memory.rating import Rating
from quiz.memory.recall import DEFAULT_DECAY, Curve
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import State

from conftest import T0

STEADY = Scheduler(Settings(fuzz=False))


def test_the_default_decay_is_py_fsrs_default() -> None:
    assert fsrs.scheduler.FSRS_DEFAULT_DECAY == DEFAULT_DECAY
    assert fsrs.Scheduler().parameters[20] == DEFAULT_DECAY


@given(st.lists(st.sampled_from(list(Rating)), min_size=1, max_size=8), st.floats(0, 400))
def test_recall_matches_py_fsrs_retrievability(ratings: list[Rating], days: float) -> None:
    memory = None
    at = T0
    for rating in ratings:
        memory = STEADY.review(memory, rating, at)
        at = memory.due
    assert memory is not None
    moment = at + timedelta(days=days)
    assert STEADY.curve.recall_at(memory, moment) == pytest.approx(STEADY.retrievability(memory, moment))


def test_fitted_parameters_give_their_own_curve() -> None:
    parameters = list(fsrs.Scheduler().parameters)
    parameters[20] = 0.3
    scheduler = Scheduler(Settings(parameters=tuple(parameters), fuzz=False))
    memory = scheduler.review(scheduler.review(None, Rating.GOOD, T0), Rating.GOOD, T0 + timedelta(days=2))
    moment = memory.due + timedelta(days=5)
    assert scheduler.curve.decay == 0.3
    assert scheduler.curve.recall_at(memory, moment) == pytest.approx(scheduler.retrievability(memory, moment))


@given(st.floats(0.1, 3000), st.floats(0.7, 0.97))
def test_days_until_is_where_recall_reaches_the_target(stability: float, target: float) -> None:
    curve = Curve()
    assert curve.recall(stability, curve.days_until(stability, target)) == pytest.approx(target)
    assert curve.days_until(stability, 0.9) == pytest.approx(stability)


def test_never_studied_recalls_nothing() -> None:
    assert Curve().recall_at(None, T0) == 0.0


def test_a_lapse_is_again_on_a_learnt_card() -> None:
    learning = STEADY.review(None, Rating.AGAIN, T0)
    assert learning.lapses == 0  # Again while learning is not a lapse
    learnt = STEADY.review(learning, Rating.EASY, T0 + timedelta(minutes=1))
    assert learnt.state == State.REVIEW and learnt.lapses == 0
    lapsed = STEADY.review(learnt, Rating.AGAIN, learnt.due)
    assert lapsed.state == State.RELEARNING and lapsed.lapses == 1
    relearning_again = STEADY.review(lapsed, Rating.AGAIN, lapsed.due)
    assert relearning_again.lapses == 1
    back = STEADY.review(relearning_again, Rating.GOOD, relearning_again.due)
    assert STEADY.review(back, Rating.GOOD, back.due).lapses == 1


def test_leeches_are_suspended_at_8_lapses_then_every_4() -> None:
    assert [n for n in range(1, 25) if suspends(n - 1, n)] == [8, 12, 16, 20, 24]
    assert not suspends(8, 8)  # no new lapse: nothing happens
    assert not is_leech(7) and is_leech(8) and is_leech(9)
