"""quiz: offline quizzes and flashcards with FSRS spaced repetition."""

from __future__ import annotations

__version__ = "0.1.0"
