"""The store's exams: an exam row with one row per question drawn, each answer saved in its own
transaction with the review it also is, and the history of scores (a Store mixin)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.days import from_ms, to_ms
from quiz.text import storable

if TYPE_CHECKING:
    from quiz.store import Answer


@dataclass(slots=True)
class ExamScore:
    """One deck's part of one exam handed in: its questions, how many were answered and right."""

    exam_id: int
    started: datetime
    ended: datetime
    deck_id: str
    questions: int
    answered: int
    right: int
    seconds: float  # answering this deck's questions
    practice: bool

    @property
    def share(self) -> float:
        return self.right / self.questions if self.questions else 0.0


class ExamRecords:
    db: sqlite3.Connection

    if TYPE_CHECKING:

        def _record(self, answer: Answer) -> int: ...

    def start_exam(self, deck_ids: list[str], questions: Sequence[tuple[str, str, str, str]], seed: int, practice: bool, now: datetime) -> int:
        """A new exam of (deck id, card id, prompt, answer) questions, in the order asked."""
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO exams (started_ms, decks, seed, practice) VALUES (?, ?, ?, ?)", (to_ms(now), json.dumps(deck_ids), seed, int(practice))
            )
            exam_id = int(cursor.lastrowid or 0)
            self.db.executemany(
                "INSERT INTO exam_questions (exam_id, position, deck_id, card_id, prompt, answer) VALUES (?, ?, ?, ?, ?, ?)",
                [(exam_id, position, *question) for position, question in enumerate(questions, 1)],
            )
        return exam_id

    def answer_exam(self, exam_id: int, position: int, answer: Answer) -> int:
        """Save an exam answer: its question row, and the review (and card memory) it also is."""
        with self.db:
            review_id = self._record(answer)
            self.db.execute(
                "UPDATE exam_questions SET given = ?, correct = ?, duration_ms = ?, review_id = ? WHERE exam_id = ? AND position = ?",
                (storable(answer.given), int(answer.correct), answer.duration_ms, review_id, exam_id, position),
            )
        return review_id

    def end_exam(self, exam_id: int, handed_in: bool, now: datetime) -> None:
        with self.db:
            self.db.execute("UPDATE exams SET ended_ms = ?, handed_in = ? WHERE id = ?", (to_ms(now), int(handed_in), exam_id))

    def exam_scores(self, deck_ids: list[str] | None = None) -> list[ExamScore]:
        """Per exam handed in and per deck in it, oldest first; of every deck or of `deck_ids`."""
        where, args = "", list(deck_ids or ())
        if deck_ids is not None:
            where = f" AND q.deck_id IN ({','.join('?' * len(deck_ids))})"
        rows = self.db.execute(
            "SELECT e.id, e.started_ms, e.ended_ms, q.deck_id, COUNT(*), COUNT(q.correct), COALESCE(SUM(q.correct), 0),"
            " COALESCE(SUM(q.duration_ms), 0), e.practice FROM exams e JOIN exam_questions q ON q.exam_id = e.id"
            f" WHERE e.handed_in = 1{where} GROUP BY e.id, q.deck_id ORDER BY e.started_ms, e.id, q.deck_id",
            args,
        )
        return [
            ExamScore(exam, from_ms(started), from_ms(ended or started), deck, questions, answered, right, duration / 1000, bool(practice))
            for exam, started, ended, deck, questions, answered, right, duration, practice in rows
        ]

    def deck_titles(self) -> dict[str, str]:
        """The title of every deck the database knows, as last seen."""
        return dict(self.db.execute("SELECT id, title FROM decks"))
