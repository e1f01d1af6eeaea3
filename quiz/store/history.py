"""The store's side of review histories: importing past reviews from elsewhere (a review log,
Anki's revlog) and reading each card's history back for replays and the optimizer.

`Store` (quiz/store/db.py) inherits these methods; their sqlite3 errors become StoreError there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.days import from_ms, to_ms
from quiz.memory.rating import Rating
from quiz.memory.replay import Event, memory_after, steps
from quiz.memory.state import Memory

if TYPE_CHECKING:
    from quiz.memory.scheduler import Scheduler

# The reviews a memory is made of: undone answers and practice (cram, practice exams) are not.
SHAPED_MEMORY = "undone_ms IS NULL AND practice = 0"
NOT_SCHEDULED = 0  # cards.state of a card row that has no memory yet


# A review log's state of a card at a review (fsrs-optimizer's schema; Anki's revlog maps to it).
NEW = 0


@dataclass(slots=True)
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


@dataclass(slots=True)
class Imported:
    """What `Store.import_reviews` did."""

    added: int
    already_there: int
    cards: int  # cards that got a review
    new_decks: list[str]


def _event(ms: int, rating: int, state: int | None, first: bool, duration_ms: int = 0) -> Event:
    # A review in state New after others is a reset: the memory starts afresh there.
    return Event(from_ms(ms), Rating(rating), fresh=not first and state == NEW, duration_ms=duration_ms)



class HistoryQueries:
    db: sqlite3.Connection
    _save_memory: Callable[[str, str, Memory, int | None], None]  # Store's: one card's memory row

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
          Its `interval_days` is the interval the replay had scheduled the card for (young/mature
          figures); reviews stored before keep theirs, even if older reviews arrive later.
        If anything fails, nothing is written.
        """
        titles = titles or {}
        by_card: dict[tuple[str, str], list[PastReview]] = {}
        for review in reviews:
            by_card.setdefault((review.deck_id, review.card_id), []).append(review)
        added = already = cards = 0
        new_decks: list[str] = []
        with self.db:
            known = {deck for (deck,) in self.db.execute("SELECT id FROM decks")}
            for (deck, card), incoming in by_card.items():
                if deck not in known:
                    self.db.execute("INSERT INTO decks (id, title, path, cards, seen_ms) VALUES (?, ?, NULL, 0, ?)",
                                    (deck, titles.get(deck, deck), to_ms(now)))
                    known.add(deck)
                    new_decks.append(deck)
                stored = {ms for (ms,) in self.db.execute("SELECT reviewed_ms FROM reviews WHERE deck_id = ? AND card_id = ?", (deck, card))}
                fresh: dict[int, PastReview] = {}
                for review in incoming:
                    fresh.setdefault(to_ms(review.at), review)
                new = {ms: review for ms, review in fresh.items() if ms not in stored}
                already += len(incoming) - len(new)
                if new:
                    self._merge(deck, card, new, scheduler(deck))
                    added += len(new)
                    cards += 1
        return Imported(added, already, cards, new_decks)

    def _merge(self, deck_id: str, card_id: str, new: Mapping[int, PastReview], scheduler: Scheduler) -> None:
        """Insert one card's new reviews among its stored ones, replaying its memory through them all:
        each new review gets the interval the card was scheduled for then (young/mature figures)."""
        # A placeholder row first (reviews need it), replaced by the replayed memory below.
        first = min(new)
        self.db.execute("INSERT OR IGNORE INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES (?, ?, ?, ?, ?)",
                        (deck_id, card_id, NOT_SCHEDULED, first, first))
        stored = self.db.execute(
            f"SELECT reviewed_ms, rating, state FROM reviews WHERE deck_id = ? AND card_id = ? AND {SHAPED_MEMORY} ORDER BY reviewed_ms, id",
            (deck_id, card_id),
        ).fetchall()
        timeline = sorted([*stored, *((ms, int(review.rating), review.state) for ms, review in new.items())], key=lambda row: row[0])
        events = [_event(ms, rating, state, first=index == 0) for index, (ms, rating, state) in enumerate(timeline)]
        memory = None
        for (ms, _, _), (before, after) in zip(timeline, steps(scheduler, events)):
            memory = after
            review = new.get(ms)
            if review is not None:
                self.db.execute(
                    "INSERT INTO reviews (session_id, deck_id, card_id, reviewed_ms, answer, correct, rating, auto_rating,"
                    " duration_ms, state, interval_days) VALUES (NULL, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)",
                    (deck_id, card_id, ms, int(review.rating > Rating.AGAIN), int(review.rating), int(review.rating),
                     review.duration_ms, review.state, before.interval_days() if before else None),
                )
        if memory is not None:
            self._save_memory(deck_id, card_id, memory, None)
            self.db.execute("UPDATE cards SET first_review_ms = ? WHERE deck_id = ? AND card_id = ?", (timeline[0][0], deck_id, card_id))

    def refit_memories(self, scheduler: Callable[[str], Scheduler], deck_ids: list[str] | None = None) -> int:
        """After new weights: recompute each studied card's stability and difficulty from its whole
        history with `scheduler(deck_id)`, in one transaction. States, steps and due dates stay (as
        in Anki, fitting does not reschedule). Returns how many cards changed."""
        changed = 0
        with self.db:
            for (deck, card), events in self.histories(deck_ids).items():
                memory = memory_after(scheduler(deck), events)
                if memory is not None:
                    cursor = self.db.execute(
                        f"UPDATE cards SET stability = ?, difficulty = ? WHERE deck_id = ? AND card_id = ? AND state > {NOT_SCHEDULED}"
                        " AND (stability IS NOT ? OR difficulty IS NOT ?)",
                        (memory.stability, memory.difficulty, deck, card, memory.stability, memory.difficulty),
                    )
                    changed += cursor.rowcount
        return changed

    def histories(self, deck_ids: list[str] | None = None) -> dict[tuple[str, str], list[Event]]:
        """Each card's scheduled reviews as replay events in time order; of every deck or only of `deck_ids`."""
        where, args = f" WHERE {SHAPED_MEMORY}", list(deck_ids or ())
        if deck_ids is not None:
            where += f" AND deck_id IN ({','.join('?' * len(deck_ids))})"
        rows = self.db.execute(
            f"SELECT deck_id, card_id, reviewed_ms, rating, state, duration_ms FROM reviews{where} ORDER BY deck_id, card_id, reviewed_ms, id",
            args,
        )
        result: dict[tuple[str, str], list[Event]] = {}
        for deck, card, ms, rating, state, duration in rows:
            events = result.setdefault((deck, card), [])
            events.append(_event(ms, rating, state, first=not events, duration_ms=duration))
        return result

    def past_reviews(self, deck_ids: list[str]) -> dict[tuple[str, str], list[PastReview]]:
        """Each card's scheduled reviews in time order, as the records `import_reviews` takes
        (for handing a history to another program: the Anki export)."""
        marks = ",".join("?" * len(deck_ids))
        rows = self.db.execute(
            "SELECT deck_id, card_id, reviewed_ms, rating, duration_ms, state FROM reviews"
            f" WHERE deck_id IN ({marks}) AND {SHAPED_MEMORY} ORDER BY deck_id, card_id, reviewed_ms, id",
            deck_ids,
        )
        result: dict[tuple[str, str], list[PastReview]] = {}
        for deck, card, ms, rating, duration, state in rows:
            result.setdefault((deck, card), []).append(PastReview(deck, card, from_ms(ms), Rating(rating), duration, state))
        return result
