"""The Store: the connection to the scores database, its migrations, and every write (decks seen,
sessions, answers, regrades, undo, suspend and bury, renamed cards), each in one transaction.

Its reading methods come from the mixins beside it (cards, figures, history, exams), and every
public method of all of them turns sqlite3 errors into StoreError (quiz/store/errors.py).
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ParamSpec, TypeVar, cast

from quiz.days import to_ms
from quiz.memory.rating import Rating
from quiz.memory.state import Memory
from quiz.store.cards import CardKey, CardQueries
from quiz.store.errors import BUSY_RETRIES, BUSY_SECONDS, StoreError, busy, explain, writable_scratch_files
from quiz.store.exams import ExamRecords
from quiz.store.figures import FigureQueries
from quiz.store.history import NOT_SCHEDULED, HistoryQueries
from quiz.store.migrations import MIGRATIONS, statements
from quiz.text import storable

P = ParamSpec("P")
T = TypeVar("T")
C = TypeVar("C")


def _use_wal(db: sqlite3.Connection) -> None:
    # Switching a new database to WAL does not wait for a lock: when two first runs race, retry.
    for attempt in range(100):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 99:
                raise
            time.sleep(0.05)


@dataclass(slots=True)
class Answer:
    """One answered card, as the study session (or an exam) hands it to the store."""

    session_id: int | None
    deck_id: str
    card_id: str
    given: str
    correct: bool
    rating: Rating
    duration_ms: int
    at: datetime
    # The card's new memory; None for practice (cram, practice exams), which leaves it alone.
    memory: Memory | None
    # The interval the card had been scheduled for, when it was in the review state (young < 21 d).
    interval_days: float | None = None
    # The answer made the card a leech: it is suspended in the same transaction.
    suspend: bool = False


# Pages of write-ahead log after which a commit copies them into the database (SQLite's default
# is 1,000, which an answer's ~11 pages fill every ~90 answers, and that commit then took 10-150 ms
# instead of 1-4). At 10,000 (40 MiB) a study session of several hundred answers copies them only
# when it closes the database, after its last answer.
CHECKPOINT_PAGES = 10_000


def _translated(method: Callable[P, T]) -> Callable[P, T]:
    """Turn the SQLite errors of a store method into a StoreError that explains them, running the
    method again while the database is locked by another program (up to BUSY_RETRIES times)."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        store = cast(Store, args[0])
        if method.__name__ != "close":
            store._check_still_there()
        tries = 0
        while True:
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as exc:
                tries += 1
                # Only a whole transaction runs again: inside another method's, that one does.
                if not busy(exc) or tries > BUSY_RETRIES or store.db.in_transaction:
                    raise StoreError(explain(exc, store.path)) from exc
                if store.waiting is not None:
                    store.waiting(f"the scores database {store.path} is busy (another program is writing to it); trying again")

    return run


def _identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of the database file; None in memory or when it is not there."""
    if str(path) == ":memory:":
        return None
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_dev, info.st_ino)


def _every_method_translated(cls: type[C]) -> type[C]:
    """Apply `_translated` to every public method, those added later and inherited included."""
    for name in dir(cls):
        value = inspect.getattr_static(cls, name)
        if inspect.isfunction(value) and not name.startswith("_"):
            setattr(cls, name, _translated(value))
    return cls


@_every_method_translated
class Store(CardQueries, ExamRecords, FigureQueries, HistoryQueries):
    """The scores database. Every public method raises StoreError, never sqlite3.Error."""

    def __init__(self, connection: sqlite3.Connection, path: Path | str = ":memory:") -> None:
        self.db = connection
        self.path = path
        self._identity = _identity(path)
        # Told when a locked database makes a method wait for another try (the command warns).
        self.waiting: Callable[[str], None] | None = None

    def _check_still_there(self) -> None:
        """Refuse to go on when the database file was replaced or removed since it was opened.

        SQLite would go on writing to the old file, now nameless, and lose it on close: copy it
        to a file beside the new one instead, and say where.
        """
        if self._identity is None or _identity(self.path) == self._identity:
            return
        rescued = Path(f"{self.path}.rescued-{int(time.time())}")
        try:
            self.db.execute("VACUUM INTO ?", (str(rescued),))
        except sqlite3.Error as exc:
            raise StoreError(f"the scores database {self.path} was replaced or removed while quiz was running, and its answers could not be copied: {exc}") from exc
        self._identity = None  # the copy is made; what follows is up to the person
        raise StoreError(
            f"the scores database {self.path} was replaced or removed while quiz was running;"
            f" every answer saved until now is copied to {rescued}"
        )

    @classmethod
    def open(cls, path: Path) -> Store:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                writable_scratch_files(path)
            db = sqlite3.connect(path, timeout=BUSY_SECONDS)
            _use_wal(db)
            db.execute("PRAGMA foreign_keys=ON")
            db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            store = cls(db, path)
            store.migrate()
        except OSError as exc:
            raise StoreError(f"cannot open the scores database {path}: {exc}") from exc
        except sqlite3.Error as exc:
            raise StoreError(explain(exc, path, opening=True)) from exc
        return store

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> None:
        if self._schema_version() == len(MIGRATIONS):
            return
        # Hold the write lock from reading the version to the last migration, so that two
        # first runs at once do not both create the tables.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self._schema_version()
            for number in range(version, len(MIGRATIONS)):
                for statement in statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def _schema_version(self) -> int:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(f"the database is from a newer quiz (schema {version}); upgrade quiz")
        return version

    # -- writing ----------------------------------------------------------------------------

    def sync_decks(self, decks: Iterable[tuple[str, str, str | None, int]], now: datetime) -> None:
        """Record (id, title, path, card count) of decks as they are now."""
        with self.db:
            self.db.executemany(
                "INSERT INTO decks (id, title, path, cards, seen_ms) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET title=excluded.title, path=excluded.path,"
                " cards=excluded.cards, seen_ms=excluded.seen_ms",
                [(*deck, to_ms(now)) for deck in decks],
            )

    def start_session(self, deck_ids: list[str], now: datetime) -> int:
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO sessions (started_ms, decks) VALUES (?, ?)", (to_ms(now), json.dumps(deck_ids))
            )
        return int(cursor.lastrowid or 0)

    def record(self, answer: Answer) -> int:
        """Save the card's new memory, the review and the session's tally in one transaction."""
        with self.db:
            return self._record(answer)

    def _record(self, answer: Answer) -> int:
        at = to_ms(answer.at)
        if answer.memory is None:
            self._ensure_cards([(answer.deck_id, answer.card_id)])
        else:
            self._save_memory(answer.deck_id, answer.card_id, answer.memory, at)
        if answer.suspend:
            self._set_suspended([(answer.deck_id, answer.card_id)], True)
        cursor = self.db.execute(
            "INSERT INTO reviews (session_id, deck_id, card_id, reviewed_ms, answer, correct, rating,"
            " auto_rating, duration_ms, practice, interval_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (answer.session_id, answer.deck_id, answer.card_id, at, storable(answer.given), int(answer.correct),
             int(answer.rating), int(answer.rating), answer.duration_ms, int(answer.memory is None), answer.interval_days),
        )
        self.db.execute(
            "UPDATE sessions SET answered = answered + 1, correct = correct + ? WHERE id = ?",
            (int(answer.correct), answer.session_id),
        )
        return int(cursor.lastrowid or 0)

    def regrade(self, review_id: int, deck_id: str, card_id: str, rating: Rating, memory: Memory | None, suspend: bool | None = None) -> None:
        """The user overrode the automatic grade: keep the review, change its rating and the memory
        (None: practice, left alone); `suspend` sets whether the card is now suspended as a leech."""
        with self.db:
            self.db.execute("UPDATE reviews SET rating = ? WHERE id = ?", (int(rating), review_id))
            if memory is not None:
                self._save_memory(deck_id, card_id, memory, None)
            if suspend is not None:
                self._set_suspended([(deck_id, card_id)], suspend)

    def undo(self, review_id: int, before: Memory | None, unsuspend: bool, now: datetime) -> None:
        """Mark the review undone (it is kept, and ignored by scheduling and figures) and give the card
        back the memory it had before it (`before`; None: it was new); `unsuspend` lifts the leech
        suspension that answer caused."""
        with self.db:
            row = self.db.execute(
                "SELECT deck_id, card_id, session_id, correct, practice FROM reviews WHERE id = ? AND undone_ms IS NULL", (review_id,)
            ).fetchone()
            if row is None:
                return
            deck_id, card_id, session_id, correct, practice = row
            self.db.execute("UPDATE reviews SET undone_ms = ? WHERE id = ?", (to_ms(now), review_id))
            if not practice and before is None:
                self.db.execute(
                    "UPDATE cards SET state = ?, step = NULL, stability = NULL, difficulty = NULL, due_ms = 0,"
                    " last_review_ms = NULL, first_review_ms = 0, lapses = 0 WHERE deck_id = ? AND card_id = ?",
                    (NOT_SCHEDULED, deck_id, card_id),
                )
            elif not practice and before is not None:
                self._save_memory(deck_id, card_id, before, None)
            if unsuspend:
                self._set_suspended([(deck_id, card_id)], False)
            self.db.execute("UPDATE sessions SET answered = answered - 1, correct = correct - ? WHERE id = ?", (correct, session_id))

    def suspend(self, keys: Iterable[CardKey], suspended: bool = True) -> None:
        """Suspend cards (never asked until unsuspended), or unsuspend and unbury them."""
        keys = list(keys)
        with self.db:
            self._ensure_cards(keys)
            self._set_suspended(keys, suspended)

    def bury(self, keys: Iterable[CardKey], until: datetime) -> None:
        """Hold cards back from study until `until` (the start of tomorrow)."""
        keys = list(keys)
        with self.db:
            self._ensure_cards(keys)
            self.db.executemany(
                "UPDATE cards SET buried_until_ms = ? WHERE deck_id = ? AND card_id = ?", [(to_ms(until), *key) for key in keys]
            )

    def _ensure_cards(self, keys: list[CardKey]) -> None:
        """A row for each card, unscheduled if it had none (for flags and practice reviews)."""
        self.db.executemany(
            "INSERT OR IGNORE INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES (?, ?, ?, 0, 0)",
            [(*key, NOT_SCHEDULED) for key in keys],
        )

    def _set_suspended(self, keys: list[CardKey], suspended: bool) -> None:
        # Unsuspending also unburies: the card is back in study at once.
        sql = "UPDATE cards SET suspended = 1" if suspended else "UPDATE cards SET suspended = 0, buried_until_ms = 0"
        self.db.executemany(f"{sql} WHERE deck_id = ? AND card_id = ?", keys)

    def rename_cards(self, deck_id: str, moves: dict[str, str], version: str | None = None) -> None:
        """Move the history of the deck's cards from old ids to new ones (`moves`), in every table
        that keys rows by deck and card (reviews are kept, renamed), and record `version` as the
        deck version whose ids were checked; all in one transaction."""
        tables = [
            name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if {"deck_id", "card_id"} <= {column[1] for column in self.db.execute(f'PRAGMA table_info("{name}")')}
        ] if moves else []
        with self.db:
            # The rows referring to a card move with it: its key is checked at the end, not at each step.
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                self.db.executemany(
                    f'UPDATE "{table}" SET card_id = ? WHERE deck_id = ? AND card_id = ?',
                    [(new, deck_id, old) for old, new in moves.items()],
                )
            self.db.execute("UPDATE decks SET ids_checked = ? WHERE id = ?", (version, deck_id))

    def end_session(self, session_id: int, now: datetime) -> None:
        with self.db:
            self.db.execute("UPDATE sessions SET ended_ms = ? WHERE id = ?", (to_ms(now), session_id))

    def _save_memory(self, deck_id: str, card_id: str, memory: Memory, first_ms: int | None) -> None:
        last = to_ms(memory.last_review) if memory.last_review else None
        self.db.execute(
            "INSERT INTO cards (deck_id, card_id, state, step, stability, difficulty, due_ms, last_review_ms,"
            " first_review_ms, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(deck_id, card_id) DO UPDATE SET state=excluded.state, step=excluded.step,"
            " stability=excluded.stability, difficulty=excluded.difficulty, due_ms=excluded.due_ms,"
            " last_review_ms=excluded.last_review_ms, lapses=excluded.lapses,"
            f" first_review_ms=CASE WHEN cards.state = {NOT_SCHEDULED} THEN excluded.first_review_ms ELSE cards.first_review_ms END",
            (deck_id, card_id, int(memory.state), memory.step, memory.stability, memory.difficulty,
             to_ms(memory.due), last, first_ms if first_ms is not None else last, memory.lapses),
        )

    # -- the decks' rows -----------------------------------------------------------------------

    def deck_ids(self) -> set[str]:
        """Every deck the database knows: studied, synced or holding imported reviews."""
        return {deck for (deck,) in self.db.execute("SELECT id FROM decks")}

    def checked_versions(self, deck_ids: list[str]) -> dict[str, str | None]:
        """The deck version whose card ids were last checked for history to carry over, by deck."""
        marks = ",".join("?" * len(deck_ids))
        return dict(self.db.execute(f"SELECT id, ids_checked FROM decks WHERE id IN ({marks})", deck_ids))

    def deck_records(self) -> list[tuple[str, str, str | None, bool]]:
        """(id, title, path, has history) of every deck the database has seen."""
        rows = self.db.execute(
            "SELECT id, title, path, EXISTS (SELECT 1 FROM cards WHERE cards.deck_id = decks.id) FROM decks ORDER BY id"
        )
        return [(deck, title, path, bool(studied)) for deck, title, path, studied in rows]

