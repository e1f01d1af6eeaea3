"""The scores database failing under a session, injected for real: another connection holding
the write lock past the busy timeout, and a full database. Each ends in a clear message, keeps
every answer saved before it, and exits non-zero."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from quiz import store as store_module
from quiz.decks.model import Deck
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.store import Store, StoreError
from quiz.study.planning import plan
from quiz.study.prompts import PlainPrompter
from quiz.study.session import Question, Result, Session

from cli_helpers import reviews, run_quiz
from conftest import Clock, make_deck, qa

DECK = make_deck(*(qa(f"Question {n}?", f"answer{n}", id=f"c{n}") for n in range(1, 5)))


class Sabotaging(PlainPrompter):
    """Answers every card right; before asking the third card, breaks the database."""

    def __init__(self, breaker: object) -> None:
        self.asked = 0
        self.breaker = breaker

    def ask(self, question: Question) -> str:
        self.asked += 1
        if self.asked == 3:
            self.breaker()  # type: ignore[operator]
        return question.card.answer

    def confirm(self, result: Result) -> Rating:
        return result.rating


def session(store: Store, prompter: PlainPrompter, deck: Deck = DECK) -> Session:
    clock = Clock()
    planned = plan([deck], store, clock(), 20)
    queue, memories = planned.queue, planned.memories
    return Session(queue, memories, store, Scheduler(Settings(fuzz=False)), prompter, {deck.id: deck}, clock)


def saved(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        db.close()


def test_a_lock_held_past_the_busy_timeout_ends_the_session_with_its_answers_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.2)
    store = Store.open(tmp_path / "q.db")
    holder = sqlite3.connect(tmp_path / "q.db", isolation_level=None)

    def hold_the_lock() -> None:
        holder.execute("BEGIN IMMEDIATE")

    summary = session(store, Sabotaging(hold_the_lock)).run()
    holder.execute("ROLLBACK")
    assert summary.answered == 2
    assert isinstance(summary.failure, StoreError)
    assert "is busy: another program held it" in str(summary.failure)
    assert saved(tmp_path / "q.db") == 2


def test_an_answer_that_finds_the_database_locked_is_saved_once_the_lock_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.5)
    store = Store.open(tmp_path / "q.db")
    waits: list[str] = []
    store.waiting = waits.append
    holder = sqlite3.connect(tmp_path / "q.db", isolation_level=None, check_same_thread=False)

    def hold_the_lock_a_while() -> None:
        holder.execute("BEGIN IMMEDIATE")
        # Past the first busy timeout, well before the last try gives up (after 2 s).
        threading.Timer(0.7, holder.execute, ("ROLLBACK",)).start()

    summary = session(store, Sabotaging(hold_the_lock_a_while)).run()
    assert summary.failure is None
    assert summary.answered == 4 and saved(tmp_path / "q.db") == 4
    assert waits and all("is busy (another program is writing to it); trying again" in wait for wait in waits)


def test_a_full_database_ends_the_session_with_its_answers_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")

    def fill_the_disk() -> None:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")

    # Answers long enough that the third review needs a new page.
    deck = make_deck(*(qa(f"Question {n}?", "x" * 3000, id=f"c{n}") for n in range(1, 5)))
    summary = session(store, Sabotaging(fill_the_disk), deck).run()
    assert summary.answered == 2
    assert "is full; free some space" in str(summary.failure)
    assert saved(tmp_path / "q.db") == 2


def test_the_study_command_reports_a_busy_database_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.5)
    deck = tmp_path / "d.yaml"
    deck.write_text("title: D\ncards:\n  - {id: a, question: Capital of Cuba?, answer: Havana}\n", encoding="utf-8")
    assert run_quiz(tmp_path, "study", str(deck), "--plain", "--limit", "1", input="Madrid\n").returncode == 0
    holder = sqlite3.connect(tmp_path / "quiz.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run_quiz(tmp_path, "study", str(deck), "--plain", input="Havana\n")
    finally:
        holder.execute("ROLLBACK")
    assert result.returncode == 1
    *waits, last = result.stderr.splitlines()
    assert last.startswith(f"quiz: the scores database {tmp_path / 'quiz.db'} is busy: another program held it")
    assert len(waits) == store_module.BUSY_RETRIES and all(wait.endswith("trying again") for wait in waits)
    assert "Traceback" not in result.stderr
    assert len(reviews(tmp_path)) == 1
    # Let go before the last try, and the answer is saved.
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.7, holder.execute, ("ROLLBACK",)).start()
    result = run_quiz(tmp_path, "study", str(deck), "--plain", input="Havana\n")
    holder.close()
    assert result.returncode == 0 and "trying again" in result.stderr, result.stderr
    assert [row["answer"] for row in reviews(tmp_path)] == ["Madrid", "Havana"]


def test_store_methods_raise_store_error_not_sqlite_errors(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    store.db.close()
    with pytest.raises(StoreError, match="failed"):
        store.next_due(["d"])


@pytest.mark.parametrize("how", ["replaced", "removed"])
def test_a_database_replaced_under_a_session_is_rescued_not_lost(tmp_path: Path, how: str) -> None:
    path = tmp_path / "q.db"
    store = Store.open(path)

    def swap_the_file() -> None:
        for leftover in tmp_path.glob("q.db*"):
            leftover.unlink()
        if how == "replaced":
            other = Store.open(path)  # a fresh, empty database under the same name
            other.close()

    summary = session(store, Sabotaging(swap_the_file)).run()
    assert summary.answered == 2
    assert "was replaced or removed while quiz was running" in str(summary.failure)
    rescued = list(tmp_path.glob("q.db.rescued-*"))
    assert len(rescued) == 1 and saved(rescued[0]) == 2
    if how == "replaced":
        assert saved(path) == 0
