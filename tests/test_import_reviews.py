"""Importing a history of reviews: one transaction, idempotent, orphan cards kept, memory replayed;
and `quiz import-reviews` end to end."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.days import to_ms
from quiz.memory.rating import Rating
from quiz.memory.replay import Event, memory_after
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import State
from quiz.store import Answer, PastReview, Store, StoreError

from cli_helpers import reviews, run_quiz
from conftest import ROOT, T0

STEADY = Scheduler(Settings(fuzz=False))
SLICE = ROOT / "tests" / "data" / "revlogs" / "josh_slice.csv"
DAY = timedelta(days=1)


def steady(_deck: str) -> Scheduler:
    return STEADY


def past(card: str, days: float, rating: Rating = Rating.GOOD, deck: str = "imported", state: int | None = None) -> PastReview:
    return PastReview(deck, card, T0 + timedelta(days=days), rating, 5000, state)


def count(store: Store, sql: str) -> int:
    return int(store.db.execute(sql).fetchone()[0])


def test_reviews_of_cards_in_no_deck_are_kept_under_a_deck_without_file(store: Store) -> None:
    history = [past("a", 0, Rating.AGAIN), past("a", 0.01), past("a", 2), past("b", 1, Rating.EASY)]
    result = store.import_reviews(history, steady, T0 + 9 * DAY, titles={"imported": "From a log"})
    assert (result.added, result.already_there, result.cards, result.new_decks) == (4, 0, 2, ["imported"])
    assert store.db.execute("SELECT title, path, cards FROM decks WHERE id = 'imported'").fetchone() == ("From a log", None, 0)
    rows = store.db.execute("SELECT session_id, answer, correct, rating, auto_rating, duration_ms, state FROM reviews ORDER BY id").fetchall()
    assert rows[0] == (None, "", 0, 1, 1, 5000, None)
    assert [row[2] for row in rows] == [0, 1, 1, 1]


def test_the_card_memory_is_the_replay_of_its_history(store: Store) -> None:
    history = [past("a", 0, Rating.AGAIN), past("a", 0.01), past("a", 0.02), past("a", 3, Rating.HARD), past("a", 9)]
    store.import_reviews(reversed(history), steady, T0 + 20 * DAY)  # the order given does not matter
    expected = memory_after(STEADY, [Event(review.at, review.rating) for review in history])
    assert store.memory("imported", "a") == expected
    first, last = store.db.execute("SELECT first_review_ms, last_review_ms FROM cards").fetchone()
    assert (first, last) == (to_ms(history[0].at), to_ms(history[-1].at))


def test_importing_twice_adds_nothing(store: Store) -> None:
    history = [past("a", 0), past("a", 2), past("a", 2)]  # the same review twice in the log, too
    assert store.import_reviews(history, steady, T0).added == 2
    again = store.import_reviews(history, steady, T0)
    assert (again.added, again.already_there, again.cards) == (0, 3, 0)
    assert count(store, "SELECT COUNT(*) FROM reviews") == 2


def test_imported_reviews_merge_with_quiz_own_in_time_order(store: Store) -> None:
    store.sync_decks([("d", "Deck", "/d.yaml", 3)], T0)
    session = store.start_session(["d"], T0)
    at = T0 + 10 * DAY
    own = STEADY.review(None, Rating.GOOD, at)
    store.record(Answer(session, "d", "c", "x", True, Rating.GOOD, 3000, at, own))
    older = [past("c", 0, deck="d"), past("c", 4, deck="d")]
    result = store.import_reviews(older, steady, at)
    assert result.new_decks == []
    assert store.db.execute("SELECT title, path FROM decks WHERE id = 'd'").fetchone() == ("Deck", "/d.yaml")
    expected = memory_after(STEADY, [Event(T0, Rating.GOOD), Event(T0 + 4 * DAY, Rating.GOOD), Event(at, Rating.GOOD)])
    assert store.memory("d", "c") == expected
    assert expected is not None and expected.stability != own.stability
    assert count(store, "SELECT first_review_ms FROM cards") == to_ms(T0)


def test_a_review_in_state_new_after_others_starts_the_memory_afresh(store: Store) -> None:
    history = [past("a", 0, state=0), past("a", 5, state=2), past("a", 30, Rating.AGAIN, state=0), past("a", 30.01, state=1)]
    store.import_reviews(history, steady, T0 + 40 * DAY)
    fresh = memory_after(STEADY, [Event(history[2].at, Rating.AGAIN), Event(history[3].at, Rating.GOOD)])
    assert store.memory("imported", "a") == fresh
    assert store.histories()[("imported", "a")][2].fresh
    assert [event.fresh for event in store.histories()[("imported", "a")]] == [False, False, True, False]


def test_a_failing_review_leaves_nothing_written(store: Store) -> None:
    history = [past("a", 0), past("b", 1), past("c", 2, state=9)]  # state 9 breaks the schema's CHECK
    with pytest.raises(StoreError) as raised:
        store.import_reviews(history, steady, T0)
    assert isinstance(raised.value.__cause__, sqlite3.IntegrityError)
    for table in ("decks", "cards", "reviews"):
        assert count(store, f"SELECT COUNT(*) FROM {table}") == 0


def test_histories_by_deck(store: Store) -> None:
    store.import_reviews([past("a", 0), past("a", 1, Rating.AGAIN), past("b", 0, deck="other")], steady, T0)
    assert store.histories(["imported"]) == {("imported", "a"): [Event(T0, Rating.GOOD, duration_ms=5000), Event(T0 + DAY, Rating.AGAIN, duration_ms=5000)]}
    assert set(store.histories()) == {("imported", "a"), ("other", "b")}


def test_import_reviews_command(tmp_path: Path) -> None:
    done = run_quiz(tmp_path, "import-reviews", str(SLICE))
    assert done.returncode == 0, done.stderr
    assert "Imported 579 review(s) of 61 card(s) into deck 'imported'." in done.stdout
    assert "quiz optimize" in done.stdout
    rows = reviews(tmp_path)
    assert len(rows) == 579 and {row["deck_id"] for row in rows} == {"imported"}
    again = run_quiz(tmp_path, "import-reviews", str(SLICE), "--deck", "imported")
    assert "Imported 0 review(s) of 0 card(s) into deck 'imported'; 579 were already there." in again.stdout
    db = sqlite3.connect(tmp_path / "quiz.db")
    states = {state for (state,) in db.execute("SELECT state FROM cards")}
    db.close()
    assert states <= {int(state) for state in State} and int(State.REVIEW) in states


def test_a_bad_row_is_reported_and_nothing_is_imported(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("card_id,review_time,review_rating\n1,1711744352250,3\n1,1711744452250,3\n2,1711744552250,7\n", encoding="utf-8")
    done = run_quiz(tmp_path, "import-reviews", str(log))
    assert done.returncode == 1
    assert done.stderr.strip() == f"quiz: {log}:4: review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not '7'"
    assert not (tmp_path / "quiz.db").exists() or reviews(tmp_path) == []


@pytest.mark.parametrize(("content", "message"), [(b"card_id,review_time,review_rating\n", "no reviews after the header row"), (b"\xff\xfe\x00", "not UTF-8 text")])
def test_empty_or_binary_logs(tmp_path: Path, content: bytes, message: str) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(content)
    done = run_quiz(tmp_path, "import-reviews", str(log))
    assert done.returncode == 1 and message in done.stderr


def test_a_missing_log(tmp_path: Path) -> None:
    done = run_quiz(tmp_path, "import-reviews", str(tmp_path / "nope.csv"))
    assert done.returncode == 1 and "cannot read" in done.stderr and "nope.csv" in done.stderr


def test_each_imported_review_keeps_the_interval_it_came_at(store: Store) -> None:
    history = [past("a", 0, Rating.EASY), past("a", 10), past("a", 40), past("a", 41, Rating.AGAIN)]
    store.import_reviews(history, steady, T0 + 50 * DAY)
    intervals = [row[0] for row in store.db.execute("SELECT interval_days FROM reviews ORDER BY reviewed_ms")]
    first = STEADY.review(None, Rating.EASY, history[0].at)
    second = STEADY.review(first, Rating.GOOD, history[1].at)
    assert intervals[0] is None and intervals[1:3] == [first.interval_days(), second.interval_days()]
    young, mature = store.db.execute("SELECT SUM(young), SUM(mature) FROM daily_reviews").fetchone()
    assert (young, mature) == (sum(0 < (i or 0) < 21 for i in intervals), sum((i or 0) >= 21 for i in intervals))


# One review per card and moment: the same card at the same millisecond is one review (the first one given).
HISTORY = st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 400 * 24), st.sampled_from(list(Rating)), st.sampled_from([None, 0, 1, 2])),
                   max_size=25, unique_by=lambda row: (row[0], row[1]))


@given(HISTORY, st.integers(0, 25), st.booleans())
def test_importing_in_two_parts_in_any_order_is_importing_once(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, int, Rating, int | None]], cut: int, backwards: bool
) -> None:
    reviews = [PastReview("imported", card, T0 + timedelta(hours=hours), rating, 1000, state) for card, hours, rating, state in rows]
    if not backwards:
        reviews.sort(key=lambda review: review.at)  # the second part comes later: intervals agree too
    parts = [reviews[:cut], reviews[cut:]]
    results = []
    for order in (parts[::-1] if backwards else parts, [reviews]):
        store = Store.open(tmp_path_factory.mktemp("s") / "q.db")
        for part in order:
            store.import_reviews(part, steady, T0)
        results.append((
            store.db.execute("SELECT card_id, state, step, stability, difficulty, due_ms, last_review_ms, first_review_ms, lapses"
                             " FROM cards ORDER BY card_id").fetchall(),
            store.db.execute("SELECT card_id, reviewed_ms, rating, interval_days FROM reviews ORDER BY card_id, reviewed_ms").fetchall(),
        ))
        store.close()
    (cards, reviewed), (once_cards, once_reviewed) = results
    assert cards == once_cards
    # A review keeps the interval it came at given what was stored when it was imported: older
    # reviews imported afterwards do not revise it (its day's young/mature totals are counted).
    assert [row[:3] for row in reviewed] == [row[:3] for row in once_reviewed]
    if not backwards:
        assert reviewed == once_reviewed
