"""Card ids a deck file no longer has while the database keeps rows for them (cards deleted from
the file, or whose history has not moved to their new id yet): a deck's figures leave them out.

Comparing every kept id with every id of the file reads 50,000 and 100,000 ids at a lifetime
collection's size, so it is done once per version of the deck file (`deck_version`, which also
decides when quiz/study/planning.py carries history over to renamed cards) and recorded; the card
rows added since (rowids above the recorded mark) are the only ones checked after that. A stale
id in the record is harmless: the figures subtract only cards that have rows.
"""

from __future__ import annotations

import contextlib
import os

from quiz import __version__
from quiz.decks.model import Deck
from quiz.store import Store, StoreError
from quiz.store.figures import Dropped


def deck_version(deck: Deck) -> str | None:
    """What changes when the deck's card ids may have: the quiz version and the file's size and
    modification time (None for a deck not read from a file)."""
    try:
        info = os.stat(deck.path) if deck.path else None
    except OSError:
        return None
    return f"{__version__}:{info.st_size}:{info.st_mtime_ns}" if info else None


def dropped_ids(deck: Deck, store: Store) -> frozenset[str]:
    """The ids the database keeps rows for under the deck that its file does not have."""
    version = deck_version(deck)
    mark = store.card_mark()  # before reading the rows: one added meanwhile is checked next time
    record = store.dropped(deck.id) if version else None
    if record is not None and record.version == version and record.mark <= mark:
        if record.mark == mark:
            return record.ids
        added = store.kept_since(deck.id, record.mark)
        ids = record.ids | (added - {card.id for card in deck.cards_with_ids(added)})
    else:
        ids = frozenset(store.kept_ids(deck.id) - deck.card_ids())
    if version is not None:
        # Read-only or busy: the figures are right all the same, and worked out again next time.
        with contextlib.suppress(StoreError):
            store.keep_dropped(deck.id, Dropped(version, mark, ids))
    return ids
