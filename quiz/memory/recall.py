"""The forgetting curve: predicted recall (FSRS-6 retrievability) in plain floats.

R(t) = (1 + F·t/S)^(−w20), with F chosen so that R(S) = 0.9, and t the whole days since the last
review, as py-fsrs counts them. Figures over thousands of cards use this (or the same formula in
SQL) rather than building a py-fsrs card for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.memory.state import Memory

DAY_SECONDS = 86400
# FSRS-6's default w20 (py-fsrs' FSRS_DEFAULT_DECAY); a test checks the two agree.
DEFAULT_DECAY = 0.1542


@dataclass(frozen=True)
class Curve:
    decay: float = DEFAULT_DECAY  # w20

    @property
    def factor(self) -> float:
        return 0.9 ** (-1 / self.decay) - 1

    def recall(self, stability: float, elapsed_days: float) -> float:
        return float((1 + self.factor * max(0.0, elapsed_days) / stability) ** -self.decay)

    def days_until(self, stability: float, target: float) -> float:
        """Days after a review at which recall falls to `target`."""
        return stability / self.factor * (target ** (-1 / self.decay) - 1)

    def recall_at(self, memory: Memory | None, moment: datetime) -> float:
        """Predicted recall of the card at `moment`; 0 for a card never studied."""
        if memory is None or memory.stability is None or memory.last_review is None:
            return 0.0
        return self.recall(memory.stability, elapsed_days(memory.last_review, moment))


def elapsed_days(since: datetime, moment: datetime) -> int:
    """Whole days from `since` to `moment` (none before it), as py-fsrs counts them."""
    return max(0, (moment - since).days)
