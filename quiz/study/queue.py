"""The study queue: which card comes next.

Order: learning cards whose short step is due, then due reviews (most overdue first), then new
cards (deck order, up to the day's allowance). When nothing else is left, learning cards due
within the learn-ahead window (20 minutes, as in Anki) are shown early.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from quiz.decks.model import Card, CardKey, key_of
from quiz.memory.state import Memory, State

LEARN_AHEAD = timedelta(minutes=20)
@dataclass
class StudyQueue:
    reviews: deque[Card]
    new: deque[Card]
    # (due, insertion order, card): the order number keeps heap comparisons off Card.
    learning: list[tuple[datetime, int, Card]] = field(default_factory=list)
    learn_ahead: timedelta = LEARN_AHEAD
    # Cards to ask before anything else: those whose answer was just undone.
    first: deque[Card] = field(default_factory=deque)
    _order: int = 0

    def next(self, now: datetime) -> Card | None:
        """Take the next card to show at `now`, or None when the session is over."""
        if self.first:
            return self.first.popleft()
        if self.learning and self.learning[0][0] <= now:
            return heapq.heappop(self.learning)[2]
        if self.reviews:
            return self.reviews.popleft()
        if self.new:
            return self.new.popleft()
        if self.learning and self.learning[0][0] <= now + self.learn_ahead:
            return heapq.heappop(self.learning)[2]
        return None

    def answered(self, card: Card, memory: Memory, now: datetime) -> None:
        """Bring the card back this session if it is still in a short (re)learning step."""
        if memory.state != State.REVIEW or memory.due <= now + self.learn_ahead:
            self._order += 1
            heapq.heappush(self.learning, (memory.due, self._order, card))

    def again(self, card: Card, at: datetime) -> None:
        """Bring the card back at `at` (a practice card answered wrong)."""
        self._order += 1
        heapq.heappush(self.learning, (at, self._order, card))

    def put_back(self, card: Card) -> None:
        """Make the card the next one asked (the card of an undone answer)."""
        kept = [item for item in self.learning if item[2] is not card]
        if len(kept) != len(self.learning):
            self.learning[:] = kept
            heapq.heapify(self.learning)
        self.first.appendleft(card)

    def counts(self, now: datetime) -> tuple[int, int, int]:
        """(due now, new, waiting in learning) still in the queue."""
        due_learning = sum(1 for due, _, _ in self.learning if due <= now)
        return len(self.first) + len(self.reviews) + due_learning, len(self.new), len(self.learning) - due_learning

    def __len__(self) -> int:
        return len(self.first) + len(self.reviews) + len(self.new) + len(self.learning)


def build(
    cards: Iterable[Card],
    memories: dict[CardKey, Memory],
    now: datetime,
    new_allowance: int | Mapping[str, int],
    studied: set[CardKey] | None = None,
) -> StudyQueue:
    """A queue of the cards due at `now` plus up to `new_allowance` unseen cards, in all or by deck id.

    `memories` must hold at least every card due within the learn-ahead window; `studied` names
    every card seen before (by default, those in `memories`), so the rest count as new.
    """
    seen = memories.keys() if studied is None else studied
    per_deck: dict[str, int] | None = None
    if isinstance(new_allowance, Mapping):
        per_deck = dict(new_allowance)
        new_allowance = sum(per_deck.values())
    due: list[tuple[datetime, int, Card]] = []
    learning: list[tuple[datetime, int, Card]] = []
    new: deque[Card] = deque()
    order = 0
    for order, card in enumerate(cards):
        key = key_of(card)
        memory = memories.get(key)
        if key not in seen:
            if len(new) < new_allowance and (per_deck is None or per_deck.get(card.deck_id, 0) > 0):
                new.append(card)
                if per_deck is not None:
                    per_deck[card.deck_id] -= 1
        elif memory is None:
            continue  # studied, not due soon
        elif memory.due <= now:
            due.append((memory.due, order, card))
        elif memory.state != State.REVIEW and memory.due <= now + LEARN_AHEAD:
            learning.append((memory.due, order, card))
    due.sort(key=lambda item: (item[0], item[1]))
    heapq.heapify(learning)
    return StudyQueue(reviews=deque(card for _, _, card in due), new=new, learning=learning, _order=order + 1)
