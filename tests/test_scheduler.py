"""The scheduler wrapper: py-fsrs with our settings, checked by properties over rating histories."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import Memory, State

from conftest import T0

FUZZED = Scheduler()
STEADY = Scheduler(Settings(fuzz=False))

RATINGS = st.sampled_from(list(Rating))
# Gaps between reviews: seconds (learning steps), hours, and up to years (long-overdue reviews).
GAPS = st.one_of(
    st.integers(0, 3600).map(lambda s: timedelta(seconds=s)),
    st.integers(0, 72).map(lambda h: timedelta(hours=h)),
    st.integers(0, 3 * 365).map(lambda d: timedelta(days=d)),
)
HISTORIES = st.lists(st.tuples(RATINGS, GAPS), max_size=12)


def replay(scheduler: Scheduler, history: list[tuple[Rating, timedelta]]) -> tuple[Memory | None, datetime]:
    """The memory after answering with each rating, each after its gap; and the last review time."""
    memory, now = None, T0
    for rating, gap in history:
        now += gap
        memory = scheduler.review(memory, rating, now)
    return memory, now


def interval(scheduler: Scheduler, memory: Memory | None, rating: Rating, now: datetime) -> timedelta:
    return scheduler.review(memory, rating, now).due - now


@settings(max_examples=150, deadline=None)
@given(HISTORIES, st.booleans())
def test_never_due_before_the_review(history: list[tuple[Rating, timedelta]], fuzz: bool) -> None:
    scheduler = FUZZED if fuzz else STEADY
    memory, now = None, T0
    for rating, gap in history:
        now += gap
        memory = scheduler.review(memory, rating, now)
        assert memory.due > now
        assert memory.last_review == now
        assert memory.stability is not None and memory.stability > 0
        assert memory.difficulty is not None and 1 <= memory.difficulty <= 10
        assert (memory.step is None) == (memory.state == State.REVIEW)


@settings(max_examples=150, deadline=None)
@given(HISTORIES, GAPS)
def test_again_is_never_longer_than_good(history: list[tuple[Rating, timedelta]], wait: timedelta) -> None:
    memory, last = replay(FUZZED, history)
    now = last + wait
    assert interval(FUZZED, memory, Rating.AGAIN, now) <= interval(FUZZED, memory, Rating.GOOD, now)


@settings(max_examples=150, deadline=None)
@given(HISTORIES, GAPS)
def test_unfuzzed_intervals_grow_with_the_rating(history: list[tuple[Rating, timedelta]], wait: timedelta) -> None:
    memory, last = replay(STEADY, history)
    now = last + wait
    again, hard, good, easy = (interval(STEADY, memory, rating, now) for rating in Rating)
    assert again <= hard <= good <= easy


@settings(max_examples=100, deadline=None)
@given(HISTORIES, GAPS, st.booleans())
def test_preview_agrees_with_unfuzzed_review(history: list[tuple[Rating, timedelta]], wait: timedelta, fuzz: bool) -> None:
    # Whatever the scheduler's fuzz, its preview shows the steady (unfuzzed) intervals.
    memory, last = replay(STEADY, history)
    now = last + wait
    preview = (FUZZED if fuzz else STEADY).preview(memory, now)
    assert preview == {rating: interval(STEADY, memory, rating, now) for rating in Rating}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(RATINGS, GAPS), min_size=1, max_size=12), GAPS, GAPS)
def test_retrievability_is_a_probability_that_fades(history: list[tuple[Rating, timedelta]], wait: timedelta, more: timedelta) -> None:
    memory, last = replay(FUZZED, history)
    assert memory is not None
    sooner = FUZZED.retrievability(memory, last + wait)
    later = FUZZED.retrievability(memory, last + wait + more)
    assert 0.0 <= later <= sooner <= 1.0


def test_fuzz_varies_long_intervals_only_when_on() -> None:
    # A well-known card reviewed on time: py-fsrs fuzzes intervals of a few days or more.
    memory, now = replay(STEADY, [(Rating.EASY, timedelta()), (Rating.EASY, timedelta(days=20))])
    assert memory is not None
    now = memory.due
    steady = {interval(STEADY, memory, Rating.GOOD, now) for _ in range(20)}
    fuzzed = {interval(FUZZED, memory, Rating.GOOD, now) for _ in range(40)}
    assert len(steady) == 1
    assert len(fuzzed) > 1
    (exact,) = steady
    assert all(abs(f - exact) <= exact * 0.25 for f in fuzzed)


def test_new_card_follows_the_default_learning_steps() -> None:
    assert STEADY.preview(None, T0) == {
        Rating.AGAIN: timedelta(minutes=1),
        Rating.HARD: timedelta(minutes=5, seconds=30),
        Rating.GOOD: timedelta(minutes=10),
        Rating.EASY: interval(STEADY, None, Rating.EASY, T0),
    }
    first = STEADY.review(None, Rating.GOOD, T0)
    assert (first.state, first.step) == (State.LEARNING, 1)
    second = STEADY.review(first, Rating.GOOD, first.due)
    assert second.state == State.REVIEW and second.step is None
    assert second.due - first.due >= timedelta(days=1)
    easy = STEADY.review(None, Rating.EASY, T0)
    assert easy.state == State.REVIEW and easy.due - T0 >= timedelta(days=1)


def test_a_lapse_relearns_in_ten_minutes() -> None:
    learned, _now = replay(STEADY, [(Rating.EASY, timedelta()), (Rating.GOOD, timedelta(days=10))])
    assert learned is not None and learned.state == State.REVIEW
    lapse = STEADY.review(learned, Rating.AGAIN, learned.due)
    assert (lapse.state, lapse.due - learned.due) == (State.RELEARNING, timedelta(minutes=10))
    assert lapse.stability is not None and learned.stability is not None and lapse.stability < learned.stability


def test_settings_defaults_are_py_fsrs_defaults() -> None:
    assert Settings() == Settings(
        desired_retention=0.9,
        learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
        relearning_steps=(timedelta(minutes=10),),
        fuzz=True,
    )


def test_settings_reach_py_fsrs() -> None:
    quick = Scheduler(Settings(learning_steps=(timedelta(minutes=3),), fuzz=False))
    assert quick.preview(None, T0)[Rating.AGAIN] == timedelta(minutes=3)
    eager = Scheduler(Settings(desired_retention=0.97, fuzz=False))
    assert interval(eager, None, Rating.EASY, T0) < interval(STEADY, None, Rating.EASY, T0)


def test_times_must_be_utc() -> None:
    with pytest.raises(ValueError):
        STEADY.review(None, Rating.GOOD, T0.replace(tzinfo=None))
