"""The history of exam scores per deck: every exam handed in, the best, the latest, the mean and
the trend (the least-squares slope of the scores, in points per exam). Pure: no I/O."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from quiz.figures.progress import trend
from quiz.store.exams import ExamScore


@dataclass(frozen=True)
class DeckScores:
    deck_id: str
    title: str
    exams: list[ExamScore]  # oldest first

    @property
    def shares(self) -> list[float]:
        return [exam.share for exam in self.exams]

    @property
    def best(self) -> float:
        return max(self.shares)

    @property
    def latest(self) -> float:
        return self.shares[-1]

    @property
    def mean(self) -> float:
        return sum(self.shares) / len(self.shares)

    @property
    def trend(self) -> float | None:
        """Change in score per exam, as a share (0.05 is five points per exam)."""
        return trend(self.shares)

    def to_json(self) -> dict[str, Any]:
        slope = self.trend
        return {
            "id": self.deck_id,
            "title": self.title,
            "exams": [
                {"exam": exam.exam_id, "date": exam.started.astimezone().isoformat(timespec="seconds"), "right": exam.right,
                 "questions": exam.questions, "answered": exam.answered, "score": round(exam.share, 4),
                 "seconds": round(exam.seconds, 1), "practice": exam.practice}
                for exam in self.exams
            ],
            "best": round(self.best, 4),
            "latest": round(self.latest, 4),
            "mean": round(self.mean, 4),
            "trend_per_exam": None if slope is None else round(slope, 4),
        }


def by_deck(scores: list[ExamScore], titles: dict[str, str]) -> list[DeckScores]:
    """Scores grouped by deck, decks in the order of their first exam."""
    grouped: dict[str, list[ExamScore]] = defaultdict(list)
    for score in scores:
        grouped[score.deck_id].append(score)
    return [DeckScores(deck, titles.get(deck, deck), exams) for deck, exams in grouped.items()]
