"""Choosing cards: by tag (`--tag`), or by id or text (`quiz cards --search`, `quiz suspend`).

Tags compare without case. The tag `leech` also matches the cards the store knows as leeches,
so `--tag leech` finds them though no deck file says so.
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.decks.model import Card, CardKey, key_of
from quiz.normalise import normalise

LEECH_TAG = "leech"


def tagged(cards: Iterable[Card], tags: Iterable[str], leeches: set[CardKey] | frozenset[CardKey] = frozenset()) -> list[Card]:
    """The cards with any of `tags` (all cards when there are none)."""
    wanted = {tag.casefold() for tag in tags}
    if not wanted:
        return list(cards)
    return [
        card for card in cards
        if wanted & {tag.casefold() for tag in card.tags} or (LEECH_TAG in wanted and key_of(card) in leeches)
    ]


def matching(cards: Iterable[Card], text: str) -> list[Card]:
    """Cards whose id is `text` (or `DECK/ID`), else whose question or answers contain it."""
    cards = list(cards)
    exact = [card for card in cards if text in (card.id, f"{card.deck_id}/{card.id}")]
    if exact:
        return exact
    needle = normalise(text) or text.casefold().strip()
    if not needle:
        return []
    return [card for card in cards if any(needle in normalise(part) for part in (card.prompt, card.answer, *card.accept))]
