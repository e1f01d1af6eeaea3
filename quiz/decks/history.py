"""Study history kept across changes of card ids, and decks that look renamed.

History is stored under (deck id, card id). When a deck is studied, a card with no history of
its own takes over the history of an id the deck no longer has (an *orphan*) that one of these
rules names for it, in this order:

1. its text key: a card given an `id` keeps the history it had under its question text;
2. an older quiz's id: multi-gap cloze cards were `ENTRY.1`, `ENTRY.2`, by position; each takes
   over the id of the position it has now (once: after that its own id has the history);
3. the same gap: a cloze cut down to one gap keeps that gap's history (`ENTRY:gap` -> `ENTRY`);
4. the edited gap: when one card of a cloze is left without history and the cloze has one
   orphan left, that gap was edited, and keeps its history.

An orphan that two cards would take stays where it is. Pure: the store carries out the moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quiz.decks.model import Deck, Entry, cloze_gaps, entry_id, gap_keys, text_key

DERIVED_PREFIX = "q-"  # ids made from question text (model.derived_id) start so


def carried_over(deck: Deck, stored: set[str]) -> dict[str, str]:
    """Orphan id -> new id, for each card of the deck that takes over an orphan's history;
    `stored` holds the ids the database keeps rows for."""
    orphans = stored - deck.card_ids()
    return _moves(deck, stored, orphans) if orphans else {}


def _moves(deck: Deck, stored: set[str], orphans: set[str]) -> dict[str, str]:
    families = _families(orphans)
    # Text keys cost a hash per entry: work them out only when an orphan could be one.
    text_keys = any(base.startswith(DERIVED_PREFIX) for base in families)
    claims: dict[str, list[str]] = {}
    for entry in deck.entries:
        bases = [entry_id(deck.id, entry)]
        if entry.id and text_keys:
            bases.append(text_key(deck.id, entry))
        family = {orphan for base in bases for orphan in families.get(base, ())}
        if family:
            _claim(entry, bases, stored, family, claims)
    return {old: new[0] for old, new in claims.items() if len(new) == 1}


def _families(orphans: set[str]) -> dict[str, list[str]]:
    """Orphans by the entry id they may have come from: `E`, `E:gap` and `E.N` are all E's."""
    families: dict[str, list[str]] = {}
    for orphan in orphans:
        families.setdefault(orphan, []).append(orphan)
        base, colon, _ = orphan.rpartition(":")
        if colon:
            families.setdefault(base, []).append(orphan)
        base, dot, number = orphan.rpartition(".")
        if dot and number.isdigit():
            families.setdefault(base, []).append(orphan)
    return families


def _claim(entry: Entry, bases: list[str], stored: set[str], family: set[str], claims: dict[str, list[str]]) -> None:
    """Record which orphan of the entry's family each of its cards without history would take."""
    gaps = cloze_gaps(entry.cloze) if entry.cloze is not None else []
    keys = gap_keys(gaps)
    if len(gaps) > 1:
        cards = [(f"{bases[0]}:{key}", [c for base in bases for c in (f"{base}:{key}", f"{base}.{n}")]) for n, key in enumerate(keys, 1)]
    else:
        cards = [(bases[0], [c for base in bases for c in (base, *(f"{base}:{key}" for key in keys))])]
    wanting = [(card_id, candidates) for card_id, candidates in cards if card_id not in stored]
    taken: set[str] = set()
    unmatched = []
    for card_id, candidates in wanting:
        orphan = next((c for c in candidates if c in family), None)
        if orphan is None:
            unmatched.append(card_id)
        else:
            claims.setdefault(orphan, []).append(card_id)
            taken.add(orphan)
    left = family - taken
    if entry.cloze is not None and len(unmatched) == 1 and len(left) == 1:
        claims.setdefault(left.pop(), []).append(unmatched[0])


@dataclass(frozen=True)
class DeckRecord:
    """A deck as the scores database last saw it."""

    id: str
    title: str
    path: str | None
    studied: bool  # has history


def renamed(decks: Iterable[Deck], records: list[DeckRecord]) -> list[str]:
    """Warnings for decks without history that look like a studied deck renamed: the same title,
    while the file that deck was read from is gone and no deck has its id."""
    loaded = {deck.id for deck in decks}
    mine = {record.id: record for record in records}
    gone: dict[str, DeckRecord] = {}
    for record in records:
        if record.studied and record.id not in loaded and record.path and not Path(record.path).exists():
            gone.setdefault(record.title, record)
    notices = []
    for deck in decks:
        own = mine.get(deck.id)
        was = gone.get(deck.title)
        if was is not None and (own is None or not own.studied):
            notices.append(
                f"{deck.path or deck.id} has the title of deck '{was.id}', last read from {was.path}, which is gone;"
                f" if it is that deck renamed, add `id: {was.id}` to it to keep that deck's history"
            )
    return notices
