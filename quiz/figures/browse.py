"""The card browser's rows: each card with what the store knows of it — new, learning or learnt,
due date, lapses, predicted recall now, and whether it is suspended, buried or a leech. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quiz.decks.model import Card, CardKey, key_of
from quiz.memory.leech import is_leech
from quiz.memory.recall import Curve
from quiz.memory.state import State
from quiz.store import CardRecord

STATE_NAMES = {State.LEARNING: "learning", State.REVIEW: "review", State.RELEARNING: "relearning"}


@dataclass(frozen=True)
class CardRow:
    card: Card
    state: str  # new, learning, review or relearning
    due: datetime | None
    lapses: int
    recall: float | None  # None for a card never studied
    suspended: bool
    buried_until: datetime | None  # only while it lasts
    leech: bool

    @property
    def flags(self) -> list[str]:
        return [name for name, on in (("suspended", self.suspended), ("buried", self.buried_until is not None), ("leech", self.leech)) if on]

    def is_due(self, now: datetime) -> bool:
        return self.due is not None and self.due <= now and not self.suspended and self.buried_until is None

    def to_json(self) -> dict[str, Any]:
        card = self.card
        return {
            "deck": card.deck_id, "id": card.id, "kind": card.kind.value, "prompt": card.prompt, "answer": card.answer,
            "tags": list(card.tags), "state": self.state, "due": self.due.isoformat() if self.due else None,
            "lapses": self.lapses, "recall": None if self.recall is None else round(self.recall, 4),
            "suspended": self.suspended, "buried_until": self.buried_until.isoformat() if self.buried_until else None,
            "leech": self.leech,
        }


def rows(cards: Iterable[Card], records: Mapping[CardKey, CardRecord], now: datetime, curves: Mapping[str, Curve]) -> list[CardRow]:
    """One row per card, in the order given."""
    result = []
    for card in cards:
        record = records.get(key_of(card))
        memory = record.memory if record else None
        buried = record.buried_until if record and record.buried_until and record.buried_until > now else None
        result.append(CardRow(
            card=card,
            state=STATE_NAMES[memory.state] if memory else "new",
            due=memory.due if memory else None,
            lapses=record.lapses if record else 0,
            recall=curves[card.deck_id].recall_at(memory, now) if memory else None,
            suspended=bool(record and record.suspended),
            buried_until=buried,
            leech=bool(record and is_leech(record.lapses)),
        ))
    return result
