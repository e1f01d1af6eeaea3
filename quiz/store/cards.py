"""The cards' rows read back: each card's memory, its flags (suspended, buried, leech), which cards
were ever studied, and what is due next (a Store mixin)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from quiz.days import from_ms, to_ms
from quiz.memory.state import Due, Memory, State
from quiz.store.figures import BATCH
from quiz.store.history import NOT_SCHEDULED

CardKey = tuple[str, str]  # (deck id, card id), as quiz.decks.model names it
DAY_MS = 86_400_000
MEMORY_COLUMNS = "state, step, stability, difficulty, due_ms, last_review_ms, lapses"
# The states by their stored numbers: a lookup, where calling the enum takes ~1 µs a card row.
STATES = {int(state): state for state in State}


def memory_of(state: int, step: int | None, stability: float | None, difficulty: float | None, due: int, last: int | None, lapses: int = 0) -> Memory:
    return Memory(STATES[state], step, stability, difficulty, from_ms(due), from_ms(last) if last else None, lapses)


@dataclass(slots=True)
class CardRecord:
    """A card's row: its memory (None until scheduled), lapses, and whether it is held back."""

    memory: Memory | None
    lapses: int
    suspended: bool
    buried_until: datetime | None


class CardQueries:
    db: sqlite3.Connection

    def memories(self, deck_ids: list[str], due_by: datetime | None = None) -> dict[tuple[str, str], Memory]:
        """The memory of the decks' studied cards; with `due_by`, only of those due by then."""
        marks = ",".join("?" * len(deck_ids))
        due = " AND due_ms <= ?" if due_by else ""
        rows = self.db.execute(
            f"SELECT deck_id, card_id, {MEMORY_COLUMNS} FROM cards WHERE deck_id IN ({marks}){due} AND state > {NOT_SCHEDULED}",
            [*deck_ids, to_ms(due_by)] if due_by else deck_ids,
        )
        return {(deck, card): memory_of(*row) for deck, card, *row in rows}

    def due_states(self, deck_ids: list[str], due_by: datetime) -> dict[CardKey, Due]:
        """When each studied card of the decks due by `due_by` is due, and its state: what a study
        queue is ordered by, without building every due card's whole memory."""
        marks = ",".join("?" * len(deck_ids))
        rows = self.db.execute(
            f"SELECT deck_id, card_id, due_ms, state FROM cards WHERE deck_id IN ({marks}) AND due_ms <= ? AND state > {NOT_SCHEDULED}",
            [*deck_ids, to_ms(due_by)],
        )
        return {(deck, card): Due(from_ms(due), STATES[state]) for deck, card, due, state in rows}

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
        return {(deck_id, card): memory_of(*row) for card, *row in rows}

    def memory(self, deck_id: str, card_id: str) -> Memory | None:
        row = self.db.execute(
            f"SELECT {MEMORY_COLUMNS} FROM cards WHERE deck_id = ? AND card_id = ? AND state > {NOT_SCHEDULED}",
            (deck_id, card_id),
        ).fetchone()
        return memory_of(*row) if row else None

    def soonest(self, deck_ids: list[str], now: datetime) -> Iterator[tuple[CardKey, Memory]]:
        """Studied cards that are not held back, soonest due first (for studying ahead)."""
        marks = ",".join("?" * len(deck_ids))
        rows = self.db.execute(
            f"SELECT deck_id, card_id, {MEMORY_COLUMNS} FROM cards WHERE deck_id IN ({marks})"
            f" AND state > {NOT_SCHEDULED} AND suspended = 0 AND buried_until_ms <= ? ORDER BY due_ms",
            [*deck_ids, to_ms(now)],
        )
        return (((deck, card), memory_of(*row)) for deck, card, *row in rows)

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
                memory_of(state, step, stability, difficulty, due, last, lapses) if state > NOT_SCHEDULED else None,
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

    def kept_ids(self, deck_id: str) -> set[str]:
        """The ids of the deck's cards the database keeps anything for (history, suspension)."""
        (ids,) = self.db.execute("SELECT json_group_array(card_id) FROM cards WHERE deck_id = ?", (deck_id,)).fetchone()
        return set(json.loads(ids))

    def next_due(self, deck_ids: list[str]) -> datetime | None:
        marks = ",".join("?" * len(deck_ids))
        row = self.db.execute(
            f"SELECT MIN(due_ms) FROM cards WHERE deck_id IN ({marks}) AND state > {NOT_SCHEDULED} AND suspended = 0", deck_ids
        ).fetchone()
        return from_ms(row[0]) if row and row[0] is not None else None
