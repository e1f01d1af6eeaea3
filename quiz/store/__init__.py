"""Local scores: the SQLite database of decks, card memory, study sessions, reviews and exams.

Times are integer milliseconds since the Unix epoch (UTC). `db` holds the Store and its writes,
each answer in one transaction; `cards`, `figures`, `history` and `exams` its queries, as mixins;
`migrations` the schema as numbered scripts (PRAGMA user_version records how many have run);
`errors` what a failing database means to the person. Reviews are never deleted (a trigger
refuses it).
"""

from __future__ import annotations

from quiz.store.cards import CardKey, CardRecord
from quiz.store.db import Answer, Store
from quiz.store.errors import StoreError
from quiz.store.history import NEW, Imported, PastReview

__all__ = ["NEW", "Answer", "CardKey", "CardRecord", "Imported", "PastReview", "Store", "StoreError"]
