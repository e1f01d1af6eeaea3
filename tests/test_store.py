"""The SQLite store: schema migrations, pragmas, one transaction per answer, reviews kept."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.days import from_ms, to_ms
from quiz.memory.rating import Rating
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store, StoreError
from quiz.store import db as store_module
from quiz.store.migrations import MIGRATIONS

from conftest import T0

DECK = "us-cuba-migration"


def memory(due: datetime, state: State = State.REVIEW, last: datetime | None = None) -> Memory:
    return Memory(state, None if state == State.REVIEW else 0, 3.25, 5.5, due, last or due - timedelta(days=3))


def answer(session: int, card: str, at: datetime, correct: bool = True, rating: Rating = Rating.GOOD, deck: str = DECK) -> Answer:
    return Answer(session, deck, card, "Bush" if correct else "Obama", correct, rating, 4200, at, memory(at + timedelta(days=2), last=at))


@pytest.fixture
def synced(store: Store) -> Store:
    store.sync_decks([(DECK, "U.S.–Cuba migration talks", "/decks/us-cuba-migration.yaml", 48), ("other", "Other", None, 3)], T0)
    return store


def one(store: Store, sql: str, *args: object) -> tuple:
    return store.db.execute(sql, args).fetchone()


def test_migrations_set_user_version_and_pragmas(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "nested" / "dir" / "q.db")
    assert one(store, "PRAGMA user_version") == (len(MIGRATIONS),)
    assert one(store, "PRAGMA journal_mode") == ("wal",)
    assert one(store, "PRAGMA foreign_keys") == (1,)
    assert one(store, "PRAGMA synchronous") == (2,)  # FULL: each answer's commit reaches the disk
    assert one(store, "PRAGMA wal_autocheckpoint") == (10_000,)
    tables = {name for (name,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"decks", "cards", "reviews", "sessions"} <= tables
    store.close()


def test_foreign_keys_are_enforced(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    for bad in (answer(session, "talks-suspended-by", T0, deck="never-synced"), answer(session + 99, "talks-suspended-by", T0)):
        with pytest.raises(StoreError, match="FOREIGN KEY") as raised:
            synced.record(bad)
        assert isinstance(raised.value.__cause__, sqlite3.IntegrityError)
    # Nothing of a failed answer was written: one transaction each.
    assert one(synced, "SELECT COUNT(*) FROM cards") == (0,)
    assert one(synced, "SELECT COUNT(*) FROM reviews") == (0,)
    assert one(synced, "SELECT answered FROM sessions WHERE id = ?", session) == (0,)


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    store = Store.open(path)
    store.sync_decks([(DECK, "Talks", None, 48)], T0)
    store.record(answer(store.start_session([DECK], T0), "talks-suspended-by", T0))
    store.close()
    for _ in range(2):
        again = Store.open(path)
        assert one(again, "PRAGMA user_version") == (len(MIGRATIONS),)
        assert one(again, "SELECT COUNT(*) FROM reviews") == (1,)
        assert set(again.memories([DECK])) == {(DECK, "talks-suspended-by")}
        again.close()


def test_forward_migrations_run_once_each_and_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "q.db"
    Store.open(path).close()
    broken = "CREATE TABLE extra (a INTEGER); CREATE TABLE extra (a INTEGER);"
    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError, match="already exists"):
        Store.open(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").fetchone() == (0,)
    db.close()
    added = "CREATE TABLE extra (a INTEGER); CREATE TRIGGER extra_kept BEFORE DELETE ON extra BEGIN SELECT RAISE(ABORT, 'no; never'); END;"
    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, added))
    for _ in range(2):
        upgraded = Store.open(path)
        assert one(upgraded, "PRAGMA user_version") == (len(MIGRATIONS) + 1,)
        upgraded.close()
    upgraded = Store.open(path)
    upgraded.db.execute("INSERT INTO extra VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError, match="no; never"):
        upgraded.db.execute("DELETE FROM extra")
    upgraded.close()


def test_first_runs_at_the_same_time(tmp_path: Path) -> None:
    # Several processes may open a new database at once (two terminals); none may fail.
    for attempt in range(5):
        path = tmp_path / f"q{attempt}.db"
        start = threading.Barrier(6)
        failures: list[Exception] = []

        def open_it(start: threading.Barrier = start, path: Path = path, failures: list[Exception] = failures) -> None:
            start.wait()
            try:
                Store.open(path).close()
            except StoreError as exc:
                failures.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_unopenable_database(tmp_path: Path) -> None:
    (tmp_path / "q.db").mkdir()
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(tmp_path / "q.db")
    (tmp_path / "junk.db").write_bytes(b"this is not a database file, but it is long enough to look like one" * 20)
    with pytest.raises(StoreError):
        Store.open(tmp_path / "junk.db")


def test_record_writes_card_review_and_session_tally(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    at = T0 + timedelta(seconds=30)
    first = synced.record(answer(session, "talks-suspended-by", at, correct=True, rating=Rating.EASY))
    second = synced.record(answer(session, "oas-expelled", at + timedelta(seconds=20), correct=False, rating=Rating.AGAIN))
    assert second > first
    row = one(synced, "SELECT session_id, deck_id, card_id, reviewed_ms, answer, correct, rating, auto_rating, duration_ms FROM reviews WHERE id = ?", first)
    assert row == (session, DECK, "talks-suspended-by", to_ms(at), "Bush", 1, 4, 4, 4200)
    assert one(synced, "SELECT answer, correct, rating FROM reviews WHERE id = ?", second) == ("Obama", 0, 1)
    card = one(synced, "SELECT state, step, stability, difficulty, due_ms, last_review_ms, first_review_ms FROM cards WHERE card_id = 'talks-suspended-by'")
    assert card == (2, None, 3.25, 5.5, to_ms(at + timedelta(days=2)), to_ms(at), to_ms(at))
    assert one(synced, "SELECT answered, correct, ended_ms FROM sessions WHERE id = ?", session) == (2, 1, None)
    synced.end_session(session, at + timedelta(minutes=1))
    assert one(synced, "SELECT ended_ms, decks FROM sessions WHERE id = ?", session) == (to_ms(at + timedelta(minutes=1)), f'["{DECK}"]')


def test_memories_round_trip(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    learning = Memory(State.LEARNING, 1, 2.3065, 2.1181, T0 + timedelta(minutes=10), T0)
    synced.record(Answer(session, DECK, "a", "x", True, Rating.GOOD, 1000, T0, learning))
    synced.record(Answer(session, "other", "a", "x", True, Rating.GOOD, 1000, T0, memory(T0 + timedelta(days=1), last=T0)))
    assert synced.memories([DECK]) == {(DECK, "a"): learning}
    assert set(synced.memories([DECK, "other"])) == {(DECK, "a"), ("other", "a")}
    assert synced.memories([]) == {}


def test_a_second_answer_updates_the_card(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    synced.record(answer(session, "a", T0, rating=Rating.AGAIN))
    later = T0 + timedelta(days=1)
    synced.record(answer(session, "a", later))
    assert one(synced, "SELECT COUNT(*), first_review_ms, last_review_ms FROM cards") == (1, to_ms(T0), to_ms(later))
    assert one(synced, "SELECT COUNT(*) FROM reviews") == (2,)


def test_regrade_changes_rating_and_memory_but_keeps_the_review(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    review_id = synced.record(answer(session, "talks-suspended-by", T0, rating=Rating.HARD))
    easier = memory(T0 + timedelta(days=9), last=T0)
    synced.regrade(review_id, DECK, "talks-suspended-by", Rating.EASY, easier)
    assert one(synced, "SELECT COUNT(*), rating, auto_rating FROM reviews") == (1, 4, 2)
    assert synced.memories([DECK])[(DECK, "talks-suspended-by")] == easier
    assert one(synced, "SELECT first_review_ms FROM cards") == (to_ms(T0),)
    assert one(synced, "SELECT answered, correct FROM sessions") == (1, 1)


def test_deleting_a_review_is_refused(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    review_id = synced.record(answer(session, "a", T0))
    with pytest.raises(sqlite3.IntegrityError, match="reviews are never deleted"), synced.db:
        synced.db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
    with pytest.raises(sqlite3.IntegrityError), synced.db:
        synced.db.execute("DELETE FROM reviews")
    assert one(synced, "SELECT COUNT(*) FROM reviews") == (1,)


def test_new_cards_since(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    synced.record(answer(session, "a", T0 - timedelta(days=1)))
    synced.record(answer(session, "b", T0))
    synced.record(answer(session, "c", T0 + timedelta(hours=1)))
    synced.record(answer(session, "a", T0 + timedelta(hours=2)))  # seen before: not new
    assert synced.new_cards_since(T0) == 2
    assert synced.new_cards_since(T0 + timedelta(minutes=1)) == 1
    assert synced.new_cards_since(T0 - timedelta(days=2)) == 3


def test_review_days_are_local_dates_newest_first(synced: Store, local_tz: None) -> None:
    session = synced.start_session([DECK], T0)
    moments = [
        datetime.fromisoformat("2024-03-01T12:00:00+00:00"),
        datetime.fromisoformat("2024-03-05T03:00:00+00:00"),  # 22:00 on the 4th, local
        datetime.fromisoformat("2024-03-05T04:59:00+00:00"),  # 23:59 on the 4th
        datetime.fromisoformat("2024-03-05T05:00:00+00:00"),  # midnight on the 5th
    ]
    for n, moment in enumerate(moments):
        synced.record(answer(session, f"c{n}", moment))
    assert synced.review_days() == ["2024-03-05", "2024-03-04", "2024-03-01"]


def test_review_totals_and_per_deck(synced: Store) -> None:
    session = synced.start_session([DECK, "other"], T0)
    synced.record(answer(session, "a", T0 - timedelta(days=1), correct=False, rating=Rating.AGAIN))
    synced.record(answer(session, "b", T0))
    synced.record(answer(session, "c", T0, correct=False, rating=Rating.AGAIN, deck="other"))
    assert synced.review_totals() == (3, 1)
    assert synced.review_totals(since=T0) == (2, 1)
    assert synced.review_totals(since=T0 + timedelta(seconds=1)) == (0, 0)
    assert synced.review_totals(deck_ids=["other"]) == (1, 0)
    assert synced.review_totals(since=T0, deck_ids=[DECK]) == (1, 1)
    assert synced.review_totals(deck_ids=[]) == (0, 0)
    assert synced.reviews_by_deck() == {DECK: 2, "other": 1}


def test_next_due(synced: Store) -> None:
    assert synced.next_due([DECK]) is None
    session = synced.start_session([DECK], T0)
    for card, due in (("a", T0 + timedelta(days=3)), ("b", T0 + timedelta(minutes=10))):
        synced.record(Answer(session, DECK, card, "x", True, Rating.GOOD, 1, T0, memory(due, last=T0)))
    synced.record(Answer(session, "other", "c", "x", True, Rating.GOOD, 1, T0, memory(T0 + timedelta(minutes=1), last=T0)))
    assert synced.next_due([DECK]) == T0 + timedelta(minutes=10)
    assert synced.next_due([DECK, "other"]) == T0 + timedelta(minutes=1)
    assert synced.next_due(["nothing"]) is None


def test_sync_decks_updates_in_place(synced: Store) -> None:
    synced.sync_decks([(DECK, "New title", None, 50)], T0 + timedelta(days=1))
    assert one(synced, "SELECT title, path, cards, seen_ms FROM decks WHERE id = ?", DECK) == ("New title", None, 50, to_ms(T0 + timedelta(days=1)))
    assert one(synced, "SELECT COUNT(*) FROM decks") == (2,)


def test_millisecond_times() -> None:
    moment = T0 + timedelta(milliseconds=1234)
    assert from_ms(to_ms(moment)) == moment
    assert to_ms(T0) == 1709640000000


def test_due_memories_one_memory_and_studied_ids(synced: Store) -> None:
    session = synced.start_session([DECK], T0)
    soon = memory(T0 + timedelta(minutes=5), last=T0)
    later = memory(T0 + timedelta(days=3), last=T0)
    synced.record(Answer(session, DECK, "soon", "x", True, Rating.GOOD, 1000, T0, soon))
    synced.record(Answer(session, DECK, "later", "x", True, Rating.GOOD, 1000, T0, later))
    assert synced.memories([DECK], due_by=T0 + timedelta(minutes=20)) == {(DECK, "soon"): soon}
    assert set(synced.memories([DECK])) == {(DECK, "soon"), (DECK, "later")}
    assert synced.memory(DECK, "later") == later
    assert synced.memory(DECK, "never") is None
    assert synced.studied_among(DECK, ["soon", "never", "later"]) == {"soon", "later"}
    assert synced.studied_among(DECK, [f"n{n}" for n in range(1200)] + ["later"]) == {"later"}  # past one batch
    assert synced.studied_among("other", ["soon"]) == set()
    assert synced.studied_ids(DECK) == {"soon", "later"} and synced.studied_ids("other") == set()


@settings(max_examples=30, deadline=None)
@given(
    cards=st.lists(
        st.tuples(st.sampled_from([None, *State]), st.integers(-3, 3), st.booleans(), st.integers(-1, 1)), min_size=0, max_size=12
    ),
    named=st.sets(st.integers(0, 11)),
)
def test_card_figures_count_as_the_rows_do(cards: list[tuple[State | None, int, bool, int]], named: set[int]) -> None:
    """Studied, due now, due soon and learned, counted by SQL, of some cards or all less some,
    agree with counting the rows one by one; held cards are never due, and rows of cards never
    scheduled (None: state 0, with a due time as an imported card's placeholder has) never count."""
    store = Store(sqlite3.connect(":memory:"))
    store.migrate()
    now, soon = T0, T0 + timedelta(days=2)
    rows = []
    for n, (state, days, suspended, buried) in enumerate(cards):
        due = T0 + timedelta(days=days)
        buried_until = to_ms(T0 + timedelta(days=buried)) if buried else 0
        store.db.execute(
            "INSERT INTO cards (deck_id, card_id, state, due_ms, first_review_ms, suspended, buried_until_ms) VALUES (?, ?, ?, ?, 0, ?, ?)",
            (DECK, f"c{n}", int(state or 0), to_ms(due), suspended, buried_until),
        )
        held = suspended or buried_until > to_ms(now)
        if state is not None:
            rows.append((f"c{n}", state, due, held))
    store.db.execute("INSERT INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES ('other', 'c0', 2, 0, 0)")
    names = {f"c{n}" for n in named}

    def expected(chosen: list[tuple[str, State, datetime, bool]]) -> tuple[int, int, int, int]:
        return (len(chosen), sum(due <= now and not held for _, _, due, held in chosen),
                sum(now < due <= soon and not held for _, _, due, held in chosen), sum(state == State.REVIEW for _, state, _, _ in chosen))

    assert store.card_figures(DECK, now, soon, among=names) == expected([row for row in rows if row[0] in names])
    assert store.card_figures(DECK, now, soon, leaving_out=names) == expected([row for row in rows if row[0] not in names])
    assert store.studied_ids(DECK) == {row[0] for row in rows}


def _deck_totals(store: Store) -> dict[str, tuple[int, int]]:
    return {deck: (studied, learned) for deck, studied, learned in store.db.execute("SELECT * FROM deck_cards") if studied or learned}


def _counted(store: Store) -> dict[str, tuple[int, int]]:
    rows = store.db.execute("SELECT deck_id, SUM(state > 0), SUM(state = 2) FROM cards GROUP BY deck_id")
    return {deck: (studied, learned) for deck, studied, learned in rows if studied or learned}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["insert", "save", "state", "move", "delete"]), st.integers(0, 5),
                          st.sampled_from([0, *State]), st.sampled_from([DECK, "other"])), max_size=30))
def test_running_totals_of_studied_and_learnt_cards_agree_with_the_rows(steps: list[tuple[str, int, int, str]]) -> None:
    """Whatever happens to the card rows (placeholders, memories saved by upsert, states changed,
    rows moved to another deck or deleted), each deck's running totals are the rows' counts."""
    store = Store(sqlite3.connect(":memory:"))
    store.migrate()
    store.db.execute("PRAGMA foreign_keys = OFF")
    for action, n, state, deck in steps:
        card = f"c{n}"
        if action == "insert":
            store.db.execute("INSERT OR IGNORE INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES (?, ?, ?, 0, 0)",
                             (deck, card, state))
        elif action == "save" and state:
            store._save_memory(deck, card, memory(T0, State(state)), None)
        elif action == "state":
            store.db.execute("UPDATE cards SET state = ? WHERE card_id = ?", (state, card))
        elif action == "move":
            store.db.execute("UPDATE OR IGNORE cards SET deck_id = ? WHERE card_id = ?", (deck, card))
        elif action == "delete":
            store.db.execute("DELETE FROM cards WHERE deck_id = ? AND card_id = ?", (deck, card))
        assert _deck_totals(store) == _counted(store)


def test_an_old_database_gets_its_running_totals_from_its_card_rows(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:7]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 7")
    db.execute("INSERT INTO decks (id, title, path, cards, seen_ms) VALUES ('talks', 'Talks', NULL, 4, 0)")
    for card, state in (("a", 2), ("b", 1), ("c", 0), ("d", 3)):
        db.execute("INSERT INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES ('talks', ?, ?, 0, 0)", (card, state))
    db.commit()
    db.close()
    store = Store.open(path)
    assert _deck_totals(store) == {"talks": (3, 1)}
    assert store.card_figures("talks", T0, T0)[::3] == (3, 1)
    store.close()


def test_due_cards_of_a_deck_are_read_by_the_due_index(synced: Store) -> None:
    plan = synced.db.execute(
        "EXPLAIN QUERY PLAN SELECT card_id FROM cards WHERE deck_id IN (?) AND due_ms <= ? AND state > 0", (DECK, 0)
    ).fetchall()
    assert any("cards_studied" in str(row) for row in plan)
