"""Local scores: the SQLite database of decks, card memory, study sessions and reviews.

Times are integer milliseconds since the Unix epoch (UTC). The schema moves forward by the
numbered scripts in quiz/store_migrations.py (PRAGMA user_version records how many have run). Each answer
is written in one transaction; reviews are never deleted (a trigger refuses it).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ParamSpec, TypeVar, cast

from quiz.days import from_ms, to_ms
from quiz.errors import QuizError
from quiz.memory.rating import Rating
from quiz.memory.state import Memory, State
from quiz.store_exams import ExamRecords
from quiz.store_figures import BATCH, FigureQueries
from quiz.store_history import NEW as NEW
from quiz.store_history import NOT_SCHEDULED, HistoryQueries
from quiz.store_history import Imported as Imported
from quiz.store_history import PastReview as PastReview
from quiz.store_migrations import MIGRATIONS, statements
from quiz.text import storable

CardKey = tuple[str, str]  # (deck id, card id), as quiz.decks.model names it
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


MEMORY_COLUMNS = "state, step, stability, difficulty, due_ms, last_review_ms, lapses"
# The states by their stored numbers: a lookup, where calling the enum takes ~1 µs a card row.
STATES = {int(state): state for state in State}


def _memory(state: int, step: int | None, stability: float | None, difficulty: float | None, due: int, last: int | None, lapses: int = 0) -> Memory:
    return Memory(STATES[state], step, stability, difficulty, from_ms(due), from_ms(last) if last else None, lapses)


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


@dataclass(slots=True)
class CardRecord:
    """A card's row: its memory (None until scheduled), lapses, and whether it is held back."""

    memory: Memory | None
    lapses: int
    suspended: bool
    buried_until: datetime | None


class StoreError(QuizError):
    """The database cannot be opened or used, or is from a newer quiz."""


BUSY_SECONDS = 5.0
# A method whose transaction found the database locked past BUSY_SECONDS runs again this many
# times (the answer in progress is saved once the other program lets go); then it gives up.
BUSY_RETRIES = 3
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
DAY_MS = 86_400_000
# Pages of write-ahead log after which a commit copies them into the database (SQLite's default
# is 1,000, which an answer's ~11 pages fill every ~90 answers, and that commit then took 10-150 ms
# instead of 1-4). At 10,000 (40 MiB) a study session of several hundred answers copies them only
# when it closes the database, after its last answer.
CHECKPOINT_PAGES = 10_000


def explain(exc: sqlite3.Error | OSError, path: Path | str, opening: bool = False) -> str:
    """What a database failure means to the person, in their words."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        held = BUSY_SECONDS * (BUSY_RETRIES + 1)
        return f"the scores database {path} is busy: another program held it for over {held:.0f} s; try again when it is done"
    # A full disk can also show as an I/O error: SQLite cannot grow quiz.db-shm.
    if "full" in text or "disk I/O error" in text and _disk_nearly_full(path):
        return f"the disk holding the scores database {path} is full; free some space and try again"
    if "readonly" in text or "read-only" in text:
        stuck = [str(file) for file in _files(path) if file.exists() and not os.access(file, os.W_OK)]
        if stuck:
            return f"the scores database {path} is read-only ({', '.join(stuck)}); make it writable: chmod u+w {' '.join(stuck)}"
        return f"the scores database {path} is read-only; check its permissions (and those of {Path(path).name}-wal and -shm)"
    if "malformed" in text or "not a database" in text:
        return f"the scores database {path} is damaged ({text}); keep a copy and restore a backup, or move it aside to start afresh"
    return f"cannot open the scores database {path}: {text}" if opening else f"the scores database {path} failed: {text}"


LOW_SPACE = 1 << 20  # bytes free below which a disk I/O error is taken for a full disk


def _disk_nearly_full(path: Path | str) -> bool:
    try:
        space = os.statvfs(Path(path).parent)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < LOW_SPACE


def _files(path: Path | str) -> list[Path]:
    """The database and the log and shared-memory files SQLite keeps beside it in WAL mode."""
    return [Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")]


def _writable_scratch_files(path: Path) -> None:
    """SQLite makes quiz.db-wal and -shm with the database's mode, so a read-only quiz.db leaves
    them read-only, and they stay so once quiz.db is writable again: every write would still
    fail. Give them the database's mode back when it is writable (they hold nothing of their own
    that another reader could be kept from)."""
    if not os.access(path, os.W_OK):
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    for scratch in _files(path)[1:]:
        if scratch.exists() and not os.access(scratch, os.W_OK):
            with contextlib.suppress(OSError):
                os.chmod(scratch, mode)


def _busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


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
                if not _busy(exc) or tries > BUSY_RETRIES or store.db.in_transaction:
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
class Store(ExamRecords, FigureQueries, HistoryQueries):
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
                _writable_scratch_files(path)
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

    # -- reading ----------------------------------------------------------------------------

    def memories(self, deck_ids: list[str], due_by: datetime | None = None) -> dict[tuple[str, str], Memory]:
        """The memory of the decks' studied cards; with `due_by`, only of those due by then."""
        marks = ",".join("?" * len(deck_ids))
        due = " AND due_ms <= ?" if due_by else ""
        rows = self.db.execute(
            f"SELECT deck_id, card_id, {MEMORY_COLUMNS} FROM cards WHERE deck_id IN ({marks}){due} AND state > {NOT_SCHEDULED}",
            [*deck_ids, to_ms(due_by)] if due_by else deck_ids,
        )
        return {(deck, card): _memory(*row) for deck, card, *row in rows}

    def exam_candidates(self, deck_id: str, after: datetime, before: datetime, exam: datetime, days_per_stability: float) -> dict[CardKey, Memory]:
        """The deck's learnt cards due after `after` that the exam rule could make due before
        `before` (quiz/study/planning.py decides which it does): those due before `before` and the
        exam, and those due from the exam on whose recall falls to the target before `before`, a
        day early for the rounding to whole days (`days_per_stability` days after the last review
        per day of stability)."""
        args = {"deck": deck_id, "after": to_ms(after), "before": to_ms(before), "exam": to_ms(exam), "per": days_per_stability}
        learnt = f"SELECT card_id, {MEMORY_COLUMNS} FROM cards WHERE deck_id = :deck AND +state = {int(State.REVIEW)}"
        rows = [
            # A range of the studied cards' due index, a day or so long.
            *self.db.execute(f"{learnt} AND state > 0 AND due_ms > :after AND due_ms < min(:before, :exam)", args),
            # Down the recall index (last review, stability): card rows are read for matches only.
            *self.db.execute(
                f"{learnt} AND stability > 0 AND last_review_ms < :before AND last_review_ms + (stability * :per - 1) * {DAY_MS} < :before"
                " AND +due_ms >= :exam AND +due_ms > :after",
                args,
            ),
        ]
        return {(deck_id, card): _memory(*row) for card, *row in rows}

    def memory(self, deck_id: str, card_id: str) -> Memory | None:
        row = self.db.execute(
            f"SELECT {MEMORY_COLUMNS} FROM cards WHERE deck_id = ? AND card_id = ? AND state > {NOT_SCHEDULED}",
            (deck_id, card_id),
        ).fetchone()
        return _memory(*row) if row else None

    def soonest(self, deck_ids: list[str], now: datetime) -> Iterator[tuple[CardKey, Memory]]:
        """Studied cards that are not held back, soonest due first (for studying ahead)."""
        marks = ",".join("?" * len(deck_ids))
        rows = self.db.execute(
            f"SELECT deck_id, card_id, {MEMORY_COLUMNS} FROM cards WHERE deck_id IN ({marks})"
            f" AND state > {NOT_SCHEDULED} AND suspended = 0 AND buried_until_ms <= ? ORDER BY due_ms",
            [*deck_ids, to_ms(now)],
        )
        return (((deck, card), _memory(*row)) for deck, card, *row in rows)

    def held(self, deck_ids: list[str], now: datetime) -> set[CardKey]:
        """Cards of the decks that are suspended, or buried until after `now`."""
        marks = ",".join("?" * len(deck_ids))
        rows = self.db.execute(
            f"SELECT deck_id, card_id FROM cards WHERE deck_id IN ({marks}) AND (suspended = 1 OR buried_until_ms > 0)"
            " AND (suspended = 1 OR buried_until_ms > ?)",
            [*deck_ids, to_ms(now)],
        )
        return set(rows)

    def leeches(self, deck_ids: list[str], lapses: int) -> set[CardKey]:
        """Cards of the decks that lapsed at least `lapses` times."""
        marks = ",".join("?" * len(deck_ids))
        # `+deck_id`: by the partial index of lapsed cards, not by walking the deck's every card.
        rows = self.db.execute(f"SELECT deck_id, card_id FROM cards WHERE +deck_id IN ({marks}) AND lapses > 0 AND lapses >= ?", [*deck_ids, lapses])
        return set(rows)

    def records(self, deck_ids: list[str]) -> dict[CardKey, CardRecord]:
        """Every card row of the decks: memory, lapses and flags (for the card browser)."""
        marks = ",".join("?" * len(deck_ids))
        rows = self.db.execute(
            f"SELECT deck_id, card_id, {MEMORY_COLUMNS}, suspended, buried_until_ms FROM cards WHERE deck_id IN ({marks})", deck_ids
        )
        return {
            (deck, card): CardRecord(
                _memory(state, step, stability, difficulty, due, last, lapses) if state > NOT_SCHEDULED else None,
                lapses, bool(suspended), from_ms(buried) if buried else None,
            )
            for deck, card, state, step, stability, difficulty, due, last, lapses, suspended, buried in rows
        }

    def studied(self, deck_ids: list[str]) -> set[tuple[str, str]]:
        """(deck id, card id) of every card of the decks studied at least once."""
        marks = ",".join("?" * len(deck_ids))
        return set(self.db.execute(f"SELECT deck_id, card_id FROM cards WHERE deck_id IN ({marks}) AND state > {NOT_SCHEDULED}", deck_ids))

    def studied_among(self, deck_id: str, card_ids: list[str]) -> set[str]:
        """Which of these cards of the deck were studied at least once."""
        found: set[str] = set()
        for start in range(0, len(card_ids), BATCH):
            batch = card_ids[start : start + BATCH]
            found.update(card for (card,) in self.db.execute(
                f"SELECT card_id FROM cards WHERE deck_id = ? AND card_id IN ({','.join('?' * len(batch))}) AND state > {NOT_SCHEDULED}",
                [deck_id, *batch],
            ))
        return found

    def studied_ids(self, deck_id: str) -> set[str]:
        """The ids of the deck's cards studied at least once."""
        # One JSON array from SQLite, decoded in C: a row per card costs more at 50,000 cards.
        (ids,) = self.db.execute(
            f"SELECT json_group_array(card_id) FROM cards WHERE deck_id = ? AND state > {NOT_SCHEDULED}", (deck_id,)
        ).fetchone()
        return set(json.loads(ids))

    def new_cards_since(self, since: datetime) -> int:
        """How many cards were seen for the first time since `since`."""
        return self.db.execute("SELECT COUNT(*) FROM cards WHERE first_review_ms >= ?", (to_ms(since),)).fetchone()[0]

    def new_cards_by_deck(self, since: datetime) -> dict[str, int]:
        """How many cards of each deck were seen for the first time since `since`."""
        # `+deck_id`: today's range of the first-review index, not a walk of every card in deck order.
        rows = self.db.execute("SELECT deck_id, COUNT(*) FROM cards WHERE first_review_ms >= ? GROUP BY +deck_id", (to_ms(since),))
        return dict(rows)

    def review_totals(self, since: datetime | None = None, deck_ids: list[str] | None = None) -> tuple[int, int]:
        """(reviews, correct reviews), all time or since a moment; of every deck or of `deck_ids`.
        Undone reviews do not count; all-time totals come from the daily totals."""
        decks = f" AND deck_id IN ({','.join('?' * len(deck_ids))})" if deck_ids is not None else ""
        if since is None:
            sql = f"SELECT COALESCE(SUM(reviews), 0), COALESCE(SUM(correct), 0) FROM daily_reviews WHERE 1{decks}"
            row = self.db.execute(sql, deck_ids or ()).fetchone()
        else:
            # Unary + keeps SQLite off the per-card index, which would walk every review of the decks.
            sql = f"SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM reviews WHERE reviewed_ms >= ? AND undone_ms IS NULL{decks.replace('deck_id', '+deck_id')}"
            row = self.db.execute(sql, [to_ms(since), *(deck_ids or ())]).fetchone()
        return int(row[0]), int(row[1])

    def review_days(self) -> list[str]:
        """Local dates (YYYY-MM-DD) with at least one review, newest first."""
        rows = self.db.execute("SELECT day FROM daily_reviews GROUP BY day HAVING SUM(reviews) > 0 ORDER BY day DESC")
        return [day for (day,) in rows]

    def deck_ids(self) -> set[str]:
        """Every deck the database knows: studied, synced or holding imported reviews."""
        return {deck for (deck,) in self.db.execute("SELECT id FROM decks")}

    def reviews_by_deck(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT deck_id, SUM(reviews) FROM daily_reviews GROUP BY deck_id"))

    def kept_ids(self, deck_id: str) -> set[str]:
        """The ids of the deck's cards the database keeps anything for (history, suspension)."""
        (ids,) = self.db.execute("SELECT json_group_array(card_id) FROM cards WHERE deck_id = ?", (deck_id,)).fetchone()
        return set(json.loads(ids))

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

    def next_due(self, deck_ids: list[str]) -> datetime | None:
        marks = ",".join("?" * len(deck_ids))
        row = self.db.execute(
            f"SELECT MIN(due_ms) FROM cards WHERE deck_id IN ({marks}) AND state > {NOT_SCHEDULED} AND suspended = 0", deck_ids
        ).fetchone()
        return from_ms(row[0]) if row and row[0] is not None else None
