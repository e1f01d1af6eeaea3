"""The scores database failing under a session, injected for real: another connection holding
the write lock past the busy timeout, and a full database. Each ends in a clear message, keeps
every answer saved before it, and exits non-zero."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.decks.model import Deck
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.store import Store, StoreError
from quiz.store import db as store_module
from quiz.study.planning import plan
from quiz.study.prompts import PlainPrompter
from quiz.study.session import Question, Result, Session

from cli_helpers import QUIZ, quiz_env, reviews, run_process, run_quiz
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


# -- the study command on a full disk, a read-only database and a damaged one ----------------------

LONG_ANSWERS = "".join("x" * 3000 + "\n" for _ in range(40))


def study_deck(folder: Path) -> Path:
    deck = folder / "d.yaml"
    cards = "".join(f"  - {{id: c{n}, question: Question {n}?, answer: a{n}}}\n" for n in range(40))
    deck.write_text(f"title: D\ncards:\n{cards}", encoding="utf-8")
    return deck


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 1 MiB tmpfs to fill, where this process may mount one (root); else None."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True, check=False).returncode == 0
    yield disk if mounted else None
    if mounted:  # lazily: a connection the in-process run left for the collector may hold it open
        subprocess.run(["umount", "--lazy", str(disk)], check=True)


def test_study_on_a_full_disk_keeps_every_earlier_answer_and_exits_non_zero(tmp_path: Path, small_disk: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    home = small_disk / "home" if small_disk else tmp_path / "home"
    home.mkdir()
    deck = study_deck(tmp_path)
    # A process of its own, which closes the database (SQLite then removes quiz.db-wal and -shm).
    assert run_process(home, "study", str(deck), "--plain", "--limit", "1", input="first\n").returncode == 0
    if small_disk:
        free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
        (small_disk / "filler").write_bytes(b"\0" * free)
        # Without room for quiz.db-shm SQLite says "disk I/O error" when it opens: a full disk all the same.
        full = f"quiz: the disk holding the scores database {home / 'quiz.db'} is full; free some space and try again"
        assert run_process(home, "stats").stderr == f"{full}\n"
        os.truncate(small_disk / "filler", free - 250_000)  # room for a few answers
    else:  # SQLite's own "database or disk is full", a few pages on
        connect = sqlite3.connect

        def nearly_full(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            db = connect(*args, **kwargs)
            db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0] + 3}")
            return db

        monkeypatch.setattr(store_module.sqlite3, "connect", nearly_full)
    result = run_quiz(home, "study", str(deck), "--plain", "--limit", "40", input=LONG_ANSWERS)
    monkeypatch.undo()
    if small_disk:
        (small_disk / "filler").unlink()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = re.fullmatch(
        rf"quiz: the disk holding the scores database {re.escape(str(home / 'quiz.db'))} is full; free some space and try again;"
        r" the (\d+) answer\(s\) before it are saved\n", result.stderr)
    assert found, result.stderr
    assert len(reviews(home)) == 1 + int(found[1]) > 1


def without_root_powers() -> list[str]:
    """A prefix that runs a command as root without root's power to write any file (or nothing,
    for anyone else): file modes then hold for quiz as they would for the person."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file modes, and setpriv is not there to drop that power")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]


def test_a_read_only_database_is_explained_and_made_usable_again_by_chmod(tmp_path: Path) -> None:
    deck = study_deck(tmp_path)

    def study(answer: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*without_root_powers(), *QUIZ, "study", str(deck), "--plain", "--limit", "1"], input=f"{answer}\n",
                              capture_output=True, text=True, env=quiz_env(tmp_path), cwd=tmp_path, timeout=60, check=False)

    assert study("first").returncode == 0
    database = tmp_path / "quiz.db"
    database.chmod(0o444)
    done = study("second")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"quiz: the scores database {database} is read-only ({database}"), done.stderr
    assert f"make it writable: chmod u+w {database}" in done.stderr
    # SQLite made quiz.db-shm with the database's mode: 0444, which outlives the chmod below.
    assert stat.S_IMODE(Path(f"{database}-shm").stat().st_mode) == 0o444
    database.chmod(0o644)
    done = study("third")
    assert done.returncode == 0, done.stderr
    assert [row["answer"] for row in reviews(tmp_path)] == ["first", "third"]


def test_a_damaged_database_is_a_clear_error_for_every_command(tmp_path: Path) -> None:
    deck = study_deck(tmp_path)
    assert run_quiz(tmp_path, "study", str(deck), "--plain", "--limit", "2", input="one\ntwo\n").returncode == 0
    database = tmp_path / "quiz.db"
    db = sqlite3.connect(database)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = dict(db.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0"))
    db.close()
    with database.open("r+b") as file:  # garbage over the reviews table's page
        file.seek((pages["reviews"] - 1) * page_size)
        file.write(b"\xa5" * 200)
    for command in ([], ["stats"], ["study", str(deck), "--plain"]):
        done = run_quiz(tmp_path, *command, input="three\n")
        assert done.returncode == 1, (command, done.stdout)
        assert done.stderr.splitlines()[-1].startswith(
            f"quiz: the scores database {database} is damaged (database disk image is malformed); keep a copy and restore a backup"), done.stderr
    with database.open("r+b") as file:  # and over its header: it no longer opens
        file.seek(100)
        file.write(b"\xa5" * 200)
    done = run_quiz(tmp_path, "stats")
    assert done.returncode == 1
    assert done.stderr.startswith(f"quiz: the scores database {database} is damaged"), done.stderr
