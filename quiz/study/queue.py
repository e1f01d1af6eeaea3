"""The study queue: which card comes next.

Order: learning cards whose short step is due, then due reviews (most overdue first), then new
cards (deck order, up to the day's allowance). When nothing else is left, learning cards due
within the learn-ahead window (20 minutes, as in Anki) are shown early.

The queue holds cards by key and reads a card only when it is asked (`card_of`), so a session
over a hundred thousand cards starts without reading the thousands it may never reach.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from quiz.decks.model import Card, CardKey, key_of
from quiz.memory.state import Due, Memory, State

LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class StudyQueue:
    card_of: Callable[[CardKey], Card]
    reviews: deque[CardKey]
    new: deque[CardKey]
    # (due, insertion order, key): the order number keeps equal due times in deck order.
    learning: list[tuple[datetime, int, CardKey]] = field(default_factory=list)
    learn_ahead: timedelta = LEARN_AHEAD
    # Cards to ask before anything else: those whose answer was just undone.
    first: deque[CardKey] = field(default_factory=deque)
    _order: int = 0

    def next(self, now: datetime) -> Card | None:
        """Take the next card to show at `now`, or None when the session is over."""
        key = self._next_key(now)
        return None if key is None else self.card_of(key)

    def _next_key(self, now: datetime) -> CardKey | None:
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
            self.again(card, memory.due)

    def again(self, card: Card, at: datetime) -> None:
        """Bring the card back at `at` (a practice card answered wrong)."""
        self._order += 1
        heapq.heappush(self.learning, (at, self._order, key_of(card)))

    def put_back(self, card: Card) -> None:
        """Make the card the next one asked (the card of an undone answer)."""
        key = key_of(card)
        kept = [item for item in self.learning if item[2] != key]
        if len(kept) != len(self.learning):
            self.learning[:] = kept
            heapq.heapify(self.learning)
        self.first.appendleft(key)

    def counts(self, now: datetime) -> tuple[int, int, int]:
        """(due now, new, waiting in learning) still in the queue."""
        due_learning = sum(1 for due, _, _ in self.learning if due <= now)
        return len(self.first) + len(self.reviews) + due_learning, len(self.new), len(self.learning) - due_learning

    def __len__(self) -> int:
        return len(self.first) + len(self.reviews) + len(self.new) + len(self.learning)


def lookup(cards: Iterable[Card]) -> tuple[list[CardKey], Callable[[CardKey], Card]]:
    """Cards already read, as `build` takes them: their keys in order, and the card of a key."""
    by_key = {key_of(card): card for card in cards}
    return list(by_key), by_key.__getitem__


def build(
    keys: Iterable[CardKey],
    card_of: Callable[[CardKey], Card],
    memories: Mapping[CardKey, Memory | Due],
    now: datetime,
    new_allowance: int | Mapping[str, int],
    studied: set[CardKey] | None = None,
) -> StudyQueue:
    """A queue of the cards due at `now` plus up to `new_allowance` unseen cards, in all or by deck id.

    `keys` are the cards the queue may hold, in deck order. `memories` must hold at least every
    card due within the learn-ahead window; `studied` names every card seen before (by default,
    those in `memories`), so the rest count as new.
    """
    seen = memories.keys() if studied is None else studied
    per_deck: dict[str, int] | None = None
    if isinstance(new_allowance, Mapping):
        per_deck = dict(new_allowance)
        new_allowance = sum(per_deck.values())
    due: list[tuple[datetime, int, CardKey]] = []
    learning: list[tuple[datetime, int, CardKey]] = []
    new: deque[CardKey] = deque()
    order = 0
    for order, key in enumerate(keys):
        memory = memories.get(key)
        if key not in seen:
            deck_id = key[0]
            if len(new) < new_allowance and (per_deck is None or per_deck.get(deck_id, 0) > 0):
                new.append(key)
                if per_deck is not None:
                    per_deck[deck_id] -= 1
        elif memory is None:
            continue  # studied, not due soon
        elif memory.due <= now:
            due.append((memory.due, order, key))
        elif memory.state != State.REVIEW and memory.due <= now + LEARN_AHEAD:
            learning.append((memory.due, order, key))
    due.sort(key=lambda item: (item[0], item[1]))
    heapq.heapify(learning)
    return StudyQueue(card_of, reviews=deque(key for _, _, key in due), new=new, learning=learning, _order=order + 1)
