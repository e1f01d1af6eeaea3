"""Leeches: cards forgotten so often that more reviews waste the learner's time (Anki's rule).

A card becomes a leech at its 8th lapse and is suspended then; if the learner brings it back, it is
suspended again every 4 lapses after that (12, 16, ...).
"""

from __future__ import annotations

LEECH_LAPSES = 8
AGAIN_EVERY = 4


def is_leech(lapses: int) -> bool:
    return lapses >= LEECH_LAPSES


def suspends(lapses_before: int, lapses_after: int) -> bool:
    """Whether the answer that took the card from `lapses_before` to `lapses_after` suspends it."""
    return lapses_after > lapses_before and is_leech(lapses_after) and (lapses_after - LEECH_LAPSES) % AGAIN_EVERY == 0
