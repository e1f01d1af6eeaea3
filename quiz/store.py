"""Local scores: the SQLite database of decks, card memory, study sessions and reviews.

Times are integer milliseconds since the Unix epoch (UTC). The schema moves forward by the
numbered scripts in MIGRATIONS (PRAGMA user_version records how many have run). Each answer
is written in one transaction; reviews are never deleted (a trigger refuses it).
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import ParamSpec, TypeVar

from quiz.errors import QuizError
from quiz.memory.rating import Rating
from quiz.memory.replay import Event, memory_after
from quiz.memory.scheduler import Scheduler
from quiz.memory.state import Memory, State

P = ParamSpec("P")
T = TypeVar("T")
C = TypeVar("C")

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE decks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        path TEXT,
        cards INTEGER NOT NULL DEFAULT 0,
        seen_ms INTEGER NOT NULL
    );
    CREATE TABLE cards (
        deck_id TEXT NOT NULL REFERENCES decks(id),
        card_id TEXT NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due_ms INTEGER NOT NULL,
        last_review_ms INTEGER,
        first_review_ms INTEGER NOT NULL,
        PRIMARY KEY (deck_id, card_id)
    );
    CREATE INDEX cards_due ON cards(due_ms);
    CREATE INDEX cards_first_review ON cards(first_review_ms);
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_ms INTEGER NOT NULL,
        ended_ms INTEGER,
        decks TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id),
        deck_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        reviewed_ms INTEGER NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        auto_rating INTEGER NOT NULL CHECK (auto_rating BETWEEN 1 AND 4),
        duration_ms INTEGER NOT NULL,
        FOREIGN KEY (deck_id, card_id) REFERENCES cards(deck_id, card_id)
    );
    CREATE INDEX reviews_time ON reviews(reviewed_ms);
    CREATE INDEX reviews_card ON reviews(deck_id, card_id);
    CREATE TRIGGER reviews_are_kept BEFORE DELETE ON reviews
    BEGIN SELECT RAISE(ABORT, 'reviews are never deleted'); END;
    """,
    # 2: the card's state at an imported review, as the review log gave it (0 New, 1 Learning,
    # 2 Review, 3 Relearning); NULL for quiz's own reviews. State New after earlier reviews
    # means the card was reset: its memory starts afresh there.
    """
    ALTER TABLE reviews ADD COLUMN state INTEGER CHECK (state BETWEEN 0 AND 3);
    """,
)


def _statements(script: str) -> list[str]:
    """A migration script's statements, one by one (a trigger body keeps its inner ';')."""
    statements: list[str] = []
    current = ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                statements.append(current.strip())
            current = ""
    return statements


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


def _memory(state: int, step: int | None, stability: float | None, difficulty: float | None, due: int, last: int | None) -> Memory:
    return Memory(State(state), step, stability, difficulty, from_ms(due), from_ms(last) if last else None)


def _event(ms: int, rating: int, state: int | None, first: bool) -> Event:
    # A review in state New after others is a reset: the memory starts afresh there.
    return Event(from_ms(ms), Rating(rating), fresh=not first and state == NEW)


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


@dataclass(frozen=True)
class Answer:
    """One answered card, as the study session hands it to the store."""

    session_id: int
    deck_id: str
    card_id: str
    given: str
    correct: bool
    rating: Rating
    duration_ms: int
    at: datetime
    memory: Memory


# A review log's state of a card at a review (fsrs-optimizer's schema; Anki's revlog maps to it).
NEW = 0


@dataclass(frozen=True)
class PastReview:
    """One review from a history kept elsewhere (a review log file, Anki's revlog), to import.

    `state` is the card's state when it was reviewed, if the log says: 0 New, 1 Learning,
    2 Review, 3 Relearning. Only New matters to the memory: a New review after others means the
    card was reset, and its memory is replayed afresh from there.
    """

    deck_id: str
    card_id: str
    at: datetime
    rating: Rating
    duration_ms: int = 0
    state: int | None = None


@dataclass(frozen=True)
class Imported:
    """What `Store.import_reviews` did."""

    added: int
    already_there: int
    cards: int  # cards that got a review
    new_decks: list[str]


class StoreError(QuizError):
    """The database cannot be opened or used, or is from a newer quiz."""


BUSY_SECONDS = 5.0


def explain(exc: sqlite3.Error | OSError, path: Path | str) -> str:
    """What a database failure means to the person, in their words."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"the scores database {path} is busy: another program held it for over {BUSY_SECONDS:.0f} s; try again when it is done"
    if "full" in text:
        return f"the disk holding the scores database {path} is full; free some space and try again"
    if "readonly" in text or "read-only" in text:
        return f"the scores database {path} is read-only; check its permissions (and those of {Path(path).name}-wal and -shm)"
    if "malformed" in text or "not a database" in text:
        return f"the scores database {path} is damaged ({text}); keep a copy and restore a backup, or move it aside to start afresh"
    return f"the scores database {path} failed: {text}"


def _translated(method: Callable[P, T]) -> Callable[P, T]:
    """Turn the SQLite errors of a store method into a StoreError that explains them."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        store = args[0]
        if isinstance(store, Store) and method.__name__ != "close":
            store._check_still_there()
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            raise StoreError(explain(exc, store.path if isinstance(store, Store) else "")) from exc

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
    """Apply `_translated` to every public method, those added later included."""
    for name, value in list(vars(cls).items()):
        if inspect.isfunction(value) and not name.startswith("_"):
            setattr(cls, name, _translated(value))
    return cls


@_every_method_translated
class Store:
    """The scores database. Every public method raises StoreError, never sqlite3.Error."""

    def __init__(self, connection: sqlite3.Connection, path: Path | str = ":memory:") -> None:
        self.db = connection
        self.path = path
        self._identity = _identity(path)

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
            db = sqlite3.connect(path, timeout=BUSY_SECONDS)
            _use_wal(db)
            db.execute("PRAGMA foreign_keys=ON")
            store = cls(db, path)
            store.migrate()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the scores database {path}: {exc}") from exc
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
                for statement in _statements(MIGRATIONS[number]):
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
        at = to_ms(answer.at)
        with self.db:
            self._save_memory(answer.deck_id, answer.card_id, answer.memory, at)
            cursor = self.db.execute(
                "INSERT INTO reviews (session_id, deck_id, card_id, reviewed_ms, answer, correct, rating,"
                " auto_rating, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer.session_id, answer.deck_id, answer.card_id, at, answer.given, int(answer.correct),
                 int(answer.rating), int(answer.rating), answer.duration_ms),
            )
            self.db.execute(
                "UPDATE sessions SET answered = answered + 1, correct = correct + ? WHERE id = ?",
                (int(answer.correct), answer.session_id),
            )
        return int(cursor.lastrowid or 0)

    def regrade(self, review_id: int, deck_id: str, card_id: str, rating: Rating, memory: Memory) -> None:
        """The user overrode the automatic grade: keep the review, change its rating and the memory."""
        with self.db:
            self.db.execute("UPDATE reviews SET rating = ? WHERE id = ?", (int(rating), review_id))
            self._save_memory(deck_id, card_id, memory, None)

    def import_reviews(
        self, reviews: Iterable[PastReview], scheduler: Callable[[str], Scheduler], now: datetime, titles: Mapping[str, str] | None = None
    ) -> Imported:
        """Add a history of past reviews in one transaction, and replay the memory of their cards.

        - Importing is idempotent: a review of the same deck and card at the same millisecond as
          one already stored (or earlier in `reviews`) is skipped.
        - A deck id the store does not know yet is recorded with no file (path NULL) and the title
          `titles[deck_id]` (else the id itself), so reviews of cards that belong to no deck file
          are kept, counted by `quiz optimize`, and join a deck file with that id and those card
          ids as soon as it exists. Known decks keep their title.
        - Cards are created as needed. Then every card that got a review has its memory replayed
          from its whole history, quiz's own reviews and the imported ones in time order, through
          `scheduler(deck_id)`: the cards table ends as if quiz had scheduled every review.
        - An imported review has no session (session_id NULL), an empty given answer, counts as
          correct when its rating is above Again, and keeps its rating as the automatic one too.
        If anything fails, nothing is written.
        """
        titles = titles or {}
        added = already = 0
        seen: set[tuple[str, str]] = set()
        touched: set[tuple[str, str]] = set()  # the cards that got a review
        new_decks: list[str] = []
        with self.db:
            for review in reviews:
                deck, card, at = review.deck_id, review.card_id, to_ms(review.at)
                if (deck, card) not in seen:
                    seen.add((deck, card))
                    if self.db.execute("SELECT 1 FROM decks WHERE id = ?", (deck,)).fetchone() is None:
                        self.db.execute("INSERT INTO decks (id, title, path, cards, seen_ms) VALUES (?, ?, NULL, 0, ?)",
                                        (deck, titles.get(deck, deck), to_ms(now)))
                        new_decks.append(deck)
                    # A placeholder the replay below overwrites; reviews need their card row first.
                    self.db.execute("INSERT OR IGNORE INTO cards (deck_id, card_id, state, due_ms, first_review_ms)"
                                    " VALUES (?, ?, ?, ?, ?)", (deck, card, int(State.LEARNING), at, at))
                cursor = self.db.execute(
                    "INSERT INTO reviews (session_id, deck_id, card_id, reviewed_ms, answer, correct, rating, auto_rating,"
                    " duration_ms, state) SELECT NULL, ?, ?, ?, '', ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    " (SELECT 1 FROM reviews WHERE deck_id = ? AND card_id = ? AND reviewed_ms = ?)",
                    (deck, card, at, int(review.rating > Rating.AGAIN), int(review.rating), int(review.rating),
                     review.duration_ms, review.state, deck, card, at),
                )
                if cursor.rowcount:
                    added += 1
                    touched.add((deck, card))
                else:
                    already += 1
            for deck, card in touched:
                self._replay(deck, card, scheduler(deck))
        return Imported(added, already, len(touched), new_decks)

    def _replay(self, deck_id: str, card_id: str, scheduler: Scheduler) -> None:
        rows = self.db.execute(
            "SELECT reviewed_ms, rating, state FROM reviews WHERE deck_id = ? AND card_id = ? ORDER BY reviewed_ms, id",
            (deck_id, card_id),
        ).fetchall()
        events = [_event(ms, rating, state, first=index == 0) for index, (ms, rating, state) in enumerate(rows)]
        memory = memory_after(scheduler, events)
        if memory is None:
            return
        self._save_memory(deck_id, card_id, memory, None)
        self.db.execute("UPDATE cards SET first_review_ms = ? WHERE deck_id = ? AND card_id = ?", (rows[0][0], deck_id, card_id))

    def end_session(self, session_id: int, now: datetime) -> None:
        with self.db:
            self.db.execute("UPDATE sessions SET ended_ms = ? WHERE id = ?", (to_ms(now), session_id))

    def _save_memory(self, deck_id: str, card_id: str, memory: Memory, first_ms: int | None) -> None:
        last = to_ms(memory.last_review) if memory.last_review else None
        self.db.execute(
            "INSERT INTO cards (deck_id, card_id, state, step, stability, difficulty, due_ms, last_review_ms,"
            " first_review_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(deck_id, card_id) DO UPDATE SET state=excluded.state, step=excluded.step,"
            " stability=excluded.stability, difficulty=excluded.difficulty, due_ms=excluded.due_ms,"
            " last_review_ms=excluded.last_review_ms",
            (deck_id, card_id, int(memory.state), memory.step, memory.stability, memory.difficulty,
             to_ms(memory.due), last, first_ms if first_ms is not None else last),
        )

    # -- reading ----------------------------------------------------------------------------

    def memories(self, deck_ids: list[str], due_by: datetime | None = None) -> dict[tuple[str, str], Memory]:
        """The memory of the decks' studied cards; with `due_by`, only of those due by then."""
        marks = ",".join("?" * len(deck_ids))
        due = " AND due_ms <= ?" if due_by else ""
        rows = self.db.execute(
            "SELECT deck_id, card_id, state, step, stability, difficulty, due_ms, last_review_ms"
            f" FROM cards WHERE deck_id IN ({marks}){due}",
            [*deck_ids, to_ms(due_by)] if due_by else deck_ids,
        )
        return {(deck, card): _memory(*row) for deck, card, *row in rows}

    def memory(self, deck_id: str, card_id: str) -> Memory | None:
        row = self.db.execute(
            "SELECT state, step, stability, difficulty, due_ms, last_review_ms FROM cards WHERE deck_id = ? AND card_id = ?",
            (deck_id, card_id),
        ).fetchone()
        return _memory(*row) if row else None

    def studied(self, deck_ids: list[str]) -> set[tuple[str, str]]:
        """(deck id, card id) of every card of the decks studied at least once."""
        marks = ",".join("?" * len(deck_ids))
        return set(self.db.execute(f"SELECT deck_id, card_id FROM cards WHERE deck_id IN ({marks})", deck_ids))

    def new_cards_since(self, since: datetime) -> int:
        """How many cards were seen for the first time since `since`."""
        return self.db.execute("SELECT COUNT(*) FROM cards WHERE first_review_ms >= ?", (to_ms(since),)).fetchone()[0]

    def review_totals(self, since: datetime | None = None, deck_ids: list[str] | None = None) -> tuple[int, int]:
        """(reviews, correct reviews), all time or since a moment; of every deck or of `deck_ids`."""
        where, args = "reviewed_ms >= ?", [to_ms(since) if since else 0, *(deck_ids or ())]
        if deck_ids is not None:
            where += f" AND deck_id IN ({','.join('?' * len(deck_ids))})"
        row = self.db.execute(f"SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM reviews WHERE {where}", args).fetchone()
        return int(row[0]), int(row[1])

    def review_days(self) -> list[str]:
        """Local dates (YYYY-MM-DD) with at least one review, newest first."""
        rows = self.db.execute(
            "SELECT DISTINCT date(reviewed_ms / 1000, 'unixepoch', 'localtime') AS day FROM reviews ORDER BY day DESC"
        )
        return [day for (day,) in rows]

    def reviews_by_deck(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT deck_id, COUNT(*) FROM reviews GROUP BY deck_id"))

    def histories(self, deck_ids: list[str] | None = None) -> dict[tuple[str, str], list[Event]]:
        """Each card's reviews as replay events in time order; of every deck or only of `deck_ids`."""
        where, args = "", list(deck_ids or ())
        if deck_ids is not None:
            where = f" WHERE deck_id IN ({','.join('?' * len(deck_ids))})"
        rows = self.db.execute(
            f"SELECT deck_id, card_id, reviewed_ms, rating, state FROM reviews{where} ORDER BY deck_id, card_id, reviewed_ms, id", args
        )
        result: dict[tuple[str, str], list[Event]] = {}
        for deck, card, ms, rating, state in rows:
            events = result.setdefault((deck, card), [])
            events.append(_event(ms, rating, state, first=not events))
        return result

    def next_due(self, deck_ids: list[str]) -> datetime | None:
        marks = ",".join("?" * len(deck_ids))
        row = self.db.execute(f"SELECT MIN(due_ms) FROM cards WHERE deck_id IN ({marks})", deck_ids).fetchone()
        return from_ms(row[0]) if row and row[0] is not None else None
