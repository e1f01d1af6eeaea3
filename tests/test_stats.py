"""Progress figures: the streak and the report over a small store (local time is UTC-5 here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from quiz.days import start_of_day
from quiz.decks.model import Deck
from quiz.figures.stats import report, streak
from quiz.memory.rating import Rating
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store

from conftest import T0, in_time_zone, make_deck, qa

TODAY = date(2024, 3, 5)


def days(*offsets: int) -> list[str]:
    return [(TODAY - timedelta(days=n)).isoformat() for n in offsets]


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ((), 0),
        ((0,), 1),
        ((0, 1, 2), 3),
        ((1, 2), 2),  # nothing yet today: the streak still stands
        ((2, 3, 4), 0),  # yesterday missed: broken
        ((0, 1, 3, 4, 5), 2),
        ((0, 2), 1),
        ((1, 3), 1),
        ((-1, 0, 1), 2),  # a day after today does not count
    ],
)
def test_streak(offsets: tuple[int, ...], expected: int) -> None:
    assert streak(days(*offsets), TODAY) == expected
    assert streak(list(reversed(days(*offsets))), TODAY) == expected


def test_start_of_day_is_local_midnight(local_tz: None) -> None:
    assert start_of_day(T0) == datetime.fromisoformat("2024-03-05T05:00:00+00:00")
    assert start_of_day(datetime.fromisoformat("2024-03-05T04:59:00+00:00")) == datetime.fromisoformat("2024-03-04T05:00:00+00:00")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(f"2024-03-{text}+00:00")


@pytest.fixture
def decks() -> tuple[Deck, Deck]:
    talks = make_deck(*(qa(f"Question {n}?", "x", id=f"c{n}") for n in range(6)), id="talks", title="Talks")
    other = make_deck(qa("First?", "x", id="o0"), qa("Second?", "x", id="o1"), id="other", title="Other")
    return talks, other


@pytest.fixture
def filled(store: Store, decks: tuple[Deck, Deck], local_tz: None) -> Store:
    """T0 is 07:00 on 5 March, local; today began at 05:00 UTC and tomorrow ends 7 March 05:00 UTC."""
    store.sync_decks([("talks", "Talks", None, 6), ("other", "Other", None, 2), ("gone", "Gone", None, 1)], T0)
    session = store.start_session(["talks", "other"], T0)

    def answer(deck: str, card: str, at: str, correct: bool, state: State, due: datetime) -> None:
        moment = utc(at)
        memory = Memory(state, None if state == State.REVIEW else 0, 2.0, 5.0, due, moment)
        rating = Rating.GOOD if correct else Rating.AGAIN
        store.record(Answer(session, deck, card, "x", correct, rating, 3000, moment, memory))

    answer("talks", "c0", "04T10:00", True, State.REVIEW, T0 - timedelta(hours=1))  # due now
    answer("talks", "c1", "05T06:00", False, State.LEARNING, T0 + timedelta(minutes=1))  # due later today
    answer("talks", "c2", "05T04:30", True, State.REVIEW, utc("07T04:59"))  # yesterday, local; due tomorrow
    answer("talks", "c3", "05T11:00", True, State.REVIEW, utc("07T05:01"))  # due the day after tomorrow
    answer("other", "o0", "05T10:00", True, State.REVIEW, T0 - timedelta(days=1))
    answer("gone", "g0", "02T12:00", True, State.REVIEW, T0)  # a deck no longer known; 2 March
    return store


def test_report(filled: Store, decks: tuple[Deck, Deck]) -> None:
    result = report(filled, list(decks), T0)
    assert (result.reviews_total, result.reviews_today, result.correct_today) == (5, 3, 2)
    assert result.accuracy_today == pytest.approx(2 / 3)
    assert (result.due_now, result.due_tomorrow, result.new_available) == (2, 2, 3)
    assert result.streak_days == 2
    talks, other = result.decks
    assert (talks.id, talks.title, talks.cards, talks.new, talks.due, talks.due_tomorrow, talks.learned, talks.reviews) == (
        "talks", "Talks", 6, 2, 1, 2, 3, 4,
    )
    assert talks.mastery == 0.5
    assert (other.cards, other.new, other.due, other.due_tomorrow, other.learned, other.reviews) == (2, 1, 1, 0, 1, 1)


def test_report_on_one_deck_counts_its_reviews_only(filled: Store, decks: tuple[Deck, Deck]) -> None:
    result = report(filled, [decks[1]], T0)
    assert (result.reviews_total, result.reviews_today, result.correct_today, result.due_now) == (1, 1, 1, 1)
    assert result.reviews_total == sum(deck.reviews for deck in result.decks)


def test_report_a_day_later(filled: Store, decks: tuple[Deck, Deck]) -> None:
    later = report(filled, list(decks), T0 + timedelta(days=1))
    assert (later.reviews_today, later.correct_today, later.accuracy_today) == (0, 0, None)
    assert later.streak_days == 2  # nothing yet today, but yesterday counts
    assert later.due_now == 3  # c0, c1 and o0; c2 (due 04:59 UTC on the 7th) not yet
    assert report(filled, list(decks), T0 + timedelta(days=3)).streak_days == 0


def test_report_json(filled: Store, decks: tuple[Deck, Deck]) -> None:
    data = json.loads(json.dumps(report(filled, list(decks), T0).to_json()))
    assert {"reviews_total", "reviews_today", "correct_today", "due_now", "streak_days", "decks"} <= set(data)
    assert data["accuracy_today"] == pytest.approx(2 / 3, abs=1e-4)
    assert [(d["id"], d["cards"], d["new"], d["due"], d["reviews"], d["mastery"]) for d in data["decks"]] == [
        ("talks", 6, 2, 1, 4, 0.5),
        ("other", 2, 1, 1, 1, 0.5),
    ]


def test_empty_report(store: Store, decks: tuple[Deck, Deck]) -> None:
    result = report(store, list(decks), T0)
    assert (result.reviews_total, result.reviews_today, result.due_now, result.new_available, result.streak_days) == (0, 0, 0, 8, 0)
    assert result.accuracy_today is None
    assert all(deck.mastery == 0 for deck in result.decks)
    assert report(store, [], T0).decks == []



@pytest.fixture
def new_york() -> Iterator[None]:
    """New York's rules: clocks went forward at 02:00 on 10 March 2024."""
    yield from in_time_zone("EST5EDT,M3.2.0,M11.1.0")


def test_days_follow_daylight_saving_time(new_york: None) -> None:
    now = datetime.fromisoformat("2024-03-10T16:00:00+00:00")
    assert start_of_day(now) == datetime.fromisoformat("2024-03-10T05:00:00+00:00")  # midnight EST
    assert start_of_day(now + timedelta(days=1)) == datetime.fromisoformat("2024-03-11T04:00:00+00:00")  # EDT


def test_due_tomorrow_ends_at_local_midnight_across_a_clock_change(store: Store, new_york: None) -> None:
    # 9 March, 12:00 local (EST); tomorrow (10 March) ends at 00:00 EDT on the 11th = 04:00 UTC.
    now = datetime.fromisoformat("2024-03-09T17:00:00+00:00")
    deck = make_deck(qa("In time?", "x", id="in"), qa("Too late?", "x", id="late"), id="talks")
    store.sync_decks([("talks", "Talks", None, 2)], now)
    session = store.start_session(["talks"], now)
    for card, due in (("in", "2024-03-11T03:59:00+00:00"), ("late", "2024-03-11T04:30:00+00:00")):
        memory = Memory(State.REVIEW, None, 2.0, 5.0, datetime.fromisoformat(due), now)
        store.record(Answer(session, "talks", card, "x", True, Rating.GOOD, 1000, now, memory))
    assert report(store, [deck], now).due_tomorrow == 1


def test_cards_dropped_from_the_deck_file_do_not_count(filled: Store, decks: tuple[Deck, Deck]) -> None:
    session = filled.start_session(["talks"], T0)
    memory = Memory(State.REVIEW, None, 2.0, 5.0, T0 - timedelta(hours=2), T0)
    filled.record(Answer(session, "talks", "dropped", "x", True, Rating.GOOD, 3000, T0, memory))
    talks = report(filled, list(decks), T0).decks[0]
    assert (talks.cards, talks.new, talks.due, talks.learned) == (6, 2, 1, 3)
    assert talks.reviews == 5  # its review still happened


@pytest.fixture
def havana() -> Iterator[None]:
    """Havana's clocks go forward at midnight: 8 March 2026 has no 00:00 and starts at 01:00."""
    yield from in_time_zone("America/Havana")


def test_a_day_whose_midnight_never_happens_starts_at_its_first_moment(havana: None) -> None:
    from quiz.days import midnight

    assert midnight(date(2026, 3, 8)) == datetime.fromisoformat("2026-03-08T05:00:00+00:00")  # 01:00 CDT
    for offset in range(400):  # every day of a year and more, both clock changes included
        day = date(2026, 1, 1) + timedelta(days=offset)
        start = midnight(day)
        assert start.astimezone().date() == day
        assert (start - timedelta(microseconds=1)).astimezone().date() == day - timedelta(days=1)


def test_the_streak_counts_a_day_whose_midnight_never_happens(store: Store, havana: None) -> None:
    deck = make_deck(qa("Yesterday?", "x", id="a"), qa("Today?", "x", id="b"), id="talks")
    now = datetime.fromisoformat("2026-03-08T16:00:00+00:00")  # noon in Havana
    store.sync_decks([("talks", "Talks", None, 2)], now)
    session = store.start_session(["talks"], now)
    for card, at in (("a", now - timedelta(days=1)), ("b", now)):
        memory = Memory(State.REVIEW, None, 2.0, 5.0, at + timedelta(days=2), at)
        store.record(Answer(session, "talks", card, "x", True, Rating.GOOD, 1000, at, memory))
    result = report(store, [deck], now)
    assert (result.reviews_today, result.streak_days) == (1, 2)
