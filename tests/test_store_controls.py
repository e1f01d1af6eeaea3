"""The store's study controls: undone reviews, practice reviews, suspended and buried cards, leech
suspension, and the daily totals the triggers keep (local time is UTC-5 here)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.days import to_ms
from quiz.memory.rating import Rating
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store
from quiz.store.migrations import MIGRATIONS

from conftest import T0

DECK = "talks"


def memory(at: datetime, days: float = 2, lapses: int = 0, state: State = State.REVIEW) -> Memory:
    return Memory(state, None, 3.0, 5.0, at + timedelta(days=days), at, lapses)


def answer(session: int | None, card: str, at: datetime, correct: bool = True, mem: Memory | None = None, **extra: object) -> Answer:
    rating = Rating.GOOD if correct else Rating.AGAIN
    return Answer(session, DECK, card, "x", correct, rating, 2000, at, mem, **extra)  # type: ignore[arg-type]


@pytest.fixture
def synced(store: Store, local_tz: None) -> Store:
    store.sync_decks([(DECK, "Talks", None, 10), ("other", "Other", None, 2)], T0)
    return store


def daily(store: Store) -> list[tuple]:
    return store.db.execute(
        "SELECT deck_id, day, reviews, correct, duration_ms, young, young_passed, mature, mature_passed FROM daily_reviews ORDER BY 1, 2"
    ).fetchall()


def test_undoing_a_first_answer_makes_the_card_new_again(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    review = synced.record(answer(session, "a", T0, mem=memory(T0)))
    synced.undo(review, None, unsuspend=False, now=T0 + timedelta(seconds=5))
    assert synced.memories([DECK]) == {} and synced.memory(DECK, "a") is None
    assert synced.studied([DECK]) == set() and synced.next_due([DECK]) is None
    assert synced.new_cards_since(T0 - timedelta(days=1)) == 0
    row = synced.db.execute("SELECT undone_ms, card_id FROM reviews WHERE id = ?", (review,)).fetchone()
    assert row == (to_ms(T0 + timedelta(seconds=5)), "a")  # kept, marked
    assert synced.review_totals() == (0, 0) and synced.review_totals(since=T0) == (0, 0)
    assert synced.review_days() == [] and synced.reviews_by_deck() == {DECK: 0}
    assert synced.db.execute("SELECT answered, correct FROM sessions").fetchone() == (0, 0)
    # Answered again, it is a new card of today once more, first seen at the new time.
    later = T0 + timedelta(minutes=1)
    synced.record(answer(session, "a", later, mem=memory(later)))
    assert synced.db.execute("SELECT first_review_ms FROM cards").fetchone() == (to_ms(later),)
    assert synced.new_cards_since(T0) == 1


def test_undoing_a_later_answer_restores_the_earlier_memory(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    first = memory(T0)
    synced.record(answer(session, "a", T0, mem=first))
    later = T0 + timedelta(days=2)
    review = synced.record(answer(session, "a", later, correct=False, mem=memory(later, days=0.01, lapses=1), interval_days=2.0))
    synced.undo(review, first, unsuspend=False, now=later)
    assert synced.memory(DECK, "a") == first
    assert synced.review_totals() == (1, 1)
    # Undoing twice changes nothing more.
    synced.undo(review, None, unsuspend=False, now=later)
    assert synced.memory(DECK, "a") == first and synced.review_totals() == (1, 1)


def test_undone_reviews_are_never_deleted(synced: Store) -> None:
    review = synced.record(answer(None, "a", T0, mem=memory(T0)))
    synced.undo(review, None, unsuspend=False, now=T0)
    with pytest.raises(sqlite3.IntegrityError), synced.db:
        synced.db.execute("DELETE FROM reviews")
    assert synced.db.execute("SELECT COUNT(*) FROM reviews").fetchone() == (1,)


def test_lapses_round_trip_and_a_leech_answer_suspends_in_the_same_transaction(synced: Store) -> None:
    before = memory(T0, lapses=7)
    synced.record(answer(None, "a", T0, mem=before))
    later = T0 + timedelta(days=2)
    review = synced.record(answer(None, "a", later, correct=False, mem=memory(later, lapses=8), suspend=True))
    assert synced.memory(DECK, "a") == memory(later, lapses=8)
    assert synced.held([DECK], later) == {(DECK, "a")}
    synced.undo(review, before, unsuspend=True, now=later)
    assert synced.held([DECK], later) == set()
    assert synced.memory(DECK, "a") == before


def test_practice_reviews_leave_the_schedule_alone(synced: Store) -> None:
    studied = memory(T0)
    synced.record(answer(None, "a", T0, mem=studied))
    synced.record(answer(None, "a", T0 + timedelta(hours=1), correct=False))
    synced.record(answer(None, "new", T0 + timedelta(hours=1)))  # a card never studied
    assert synced.memories([DECK]) == {(DECK, "a"): studied}
    assert synced.studied([DECK]) == {(DECK, "a")}
    practice = synced.db.execute("SELECT card_id, practice FROM reviews ORDER BY id").fetchall()
    assert practice == [("a", 0), ("a", 1), ("new", 1)]
    assert synced.review_totals() == (3, 2)  # practice is still activity


def test_suspend_bury_and_unsuspend(synced: Store) -> None:
    synced.record(answer(None, "a", T0, mem=memory(T0, days=-1)))  # due
    synced.suspend([(DECK, "a"), (DECK, "new")])
    assert synced.held([DECK], T0) == {(DECK, "a"), (DECK, "new")}
    assert synced.studied([DECK]) == {(DECK, "a")}  # suspending a new card does not study it
    assert synced.next_due([DECK]) is None  # a suspended card is never due
    tomorrow = T0 + timedelta(hours=17)
    synced.bury([("other", "b")], tomorrow)
    assert synced.held(["other"], T0) == {("other", "b")}
    assert synced.held(["other"], tomorrow) == set()
    synced.suspend([(DECK, "a")], suspended=False)
    assert synced.held([DECK, "other"], T0) == {(DECK, "new"), ("other", "b")}
    records = synced.records([DECK])
    assert records[(DECK, "a")].memory == memory(T0, days=-1) and not records[(DECK, "a")].suspended
    assert records[(DECK, "new")].memory is None and records[(DECK, "new")].suspended
    assert synced.records(["other"])[("other", "b")].buried_until == tomorrow


def test_soonest_lists_studied_cards_not_held_back_soonest_first(synced: Store) -> None:
    for card, days in (("late", 9), ("soon", 1), ("mid", 4), ("held", 0.5)):
        synced.record(answer(None, card, T0, mem=memory(T0, days=days)))
    synced.suspend([(DECK, "held")])
    synced.suspend([(DECK, "unseen")])
    assert [key[1] for key, _ in synced.soonest([DECK], T0)] == ["soon", "mid", "late"]


def test_daily_totals_follow_inserts_undos_and_regrades(synced: Store) -> None:
    # 23:00 local on the 4th, then the 5th: a young review passed, a mature one failed, a practice one.
    synced.record(answer(None, "a", T0 - timedelta(hours=13), mem=memory(T0), interval_days=3.0))
    mature = synced.record(answer(None, "b", T0, correct=False, mem=memory(T0), interval_days=30.0))
    synced.record(answer(None, "c", T0, interval_days=30.0))
    learning = synced.record(answer(None, "d", T0, mem=memory(T0, state=State.LEARNING)))
    assert daily(synced) == [(DECK, "2024-03-04", 1, 1, 2000, 1, 1, 0, 0), (DECK, "2024-03-05", 3, 2, 6000, 0, 0, 1, 0)]
    synced.regrade(mature, DECK, "b", Rating.HARD, memory(T0))
    assert daily(synced)[1] == (DECK, "2024-03-05", 3, 2, 6000, 0, 0, 1, 1)
    synced.undo(mature, None, unsuspend=False, now=T0)
    synced.undo(learning, None, unsuspend=False, now=T0)
    assert daily(synced)[1] == (DECK, "2024-03-05", 1, 1, 2000, 0, 0, 0, 0)


@given(st.lists(st.tuples(st.integers(0, 3), st.booleans(), st.sampled_from([None, 3.0, 21.0, 40.0]), st.booleans(), st.integers(-40, 40)), max_size=25))
def test_daily_totals_always_equal_a_count_of_the_reviews(steps: list[tuple[int, bool, float | None, bool, int]]) -> None:
    store = Store(sqlite3.connect(":memory:"))
    store.migrate()
    store.sync_decks([(DECK, "Talks", None, 4)], T0)
    ids = []
    for card, correct, interval, undo, hours in steps:
        at = T0 + timedelta(hours=hours)
        ids.append(store.record(answer(None, f"c{card}", at, correct, memory(at) if interval else None, interval_days=interval)))
        if undo:
            store.undo(ids[len(ids) // 2], None, unsuspend=False, now=at)
    expected = store.db.execute(
        "SELECT deck_id, date(reviewed_ms / 1000, 'unixepoch', 'localtime') AS day, COUNT(*), SUM(correct), SUM(duration_ms),"
        " SUM(NOT practice AND interval_days < 21), SUM(NOT practice AND interval_days < 21 AND rating > 1),"
        " SUM(NOT practice AND interval_days >= 21), SUM(NOT practice AND interval_days >= 21 AND rating > 1)"
        " FROM reviews WHERE undone_ms IS NULL GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    assert [row for row in daily(store) if row[2]] == [tuple(v or 0 for v in row) for row in expected]
    store.close()


def test_an_old_database_gets_its_daily_totals_from_its_reviews(tmp_path: Path, local_tz: None) -> None:
    path = tmp_path / "q.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO decks VALUES ('talks', 'Talks', NULL, 1, 0)")
    db.execute("INSERT INTO cards VALUES ('talks', 'a', 2, NULL, 3.0, 5.0, 0, 0, 0)")
    for hours, correct in ((0, 1), (1, 0), (30, 1)):
        db.execute(
            "INSERT INTO reviews (deck_id, card_id, reviewed_ms, answer, correct, rating, auto_rating, duration_ms)"
            " VALUES ('talks', 'a', ?, 'x', ?, 3, 3, 1000)",
            (to_ms(T0 + timedelta(hours=hours)), correct),
        )
    db.commit()
    db.close()
    store = Store.open(path)
    assert daily(store) == [(DECK, "2024-03-05", 2, 1, 2000, 0, 0, 0, 0), (DECK, "2024-03-06", 1, 1, 1000, 0, 0, 0, 0)]
    old = store.memory(DECK, "a")
    assert old is not None and (old.state, old.stability, old.lapses) == (State.REVIEW, 3.0, 0)
    store.close()
