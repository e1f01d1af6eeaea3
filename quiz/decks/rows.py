"""The rows of a parsed-deck cache (quiz/decks/cache.py): a deck's header, entries and cards as
JSON text, and back.

A card is a row of its fields (a cloze's text by number: its cards share it). An entry is not
written out when its first card gives it back (`given_back`): a deck read cleanly expands each
entry to cards that hold every field of it, so an entry costs a flag (whether its id was
written) rather than a second copy of the deck.
"""

from __future__ import annotations

import json
import operator
from array import array
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from quiz.decks.model import DECK_HEADER, ENTRY_KEYS, LIST_KEYS, Card, Deck, Entry, Kind, Source

if TYPE_CHECKING:
    from quiz.decks.reader import ReadCard

# One encoder for every row: json.dumps with options builds a new one per call, a third of a write.
encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _refuse(value: object) -> object:
    raise TypeError(f"{type(value).__name__} is not JSON")


def _row_encoder() -> Any:
    """`encode` for a card's row, twice as fast: the C encoder that JSONEncoder.encode makes
    anew on every call, made once (JSONEncoder itself when the C accelerator is missing)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - depends on how Python was built
        return encode
    encoder = make(None, _refuse, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda row: "".join(encoder(row, 0))


encode_row = _row_encoder()
# An entry's fields in ENTRY_KEYS order, in one call (a getattr per field was a fifth of a write).
_ENTRY_FIELDS = operator.attrgetter(*ENTRY_KEYS)
_NOWHERE = (0, 0)
_LIST_FIELDS = tuple(index for index, key in enumerate(ENTRY_KEYS) if key in LIST_KEYS)


def header(deck: Deck, cards: int) -> dict[str, Any]:
    """What a cache keeps of the deck but its entries and cards."""
    fields: dict[str, Any] = {name: getattr(deck, name) for name in DECK_HEADER}
    fields["sources"] = {
        name: {**vars(source), "published": source.published.isoformat() if source.published else None}
        for name, source in deck.sources.items()
    }
    fields["exam"] = deck.exam.isoformat() if deck.exam else None
    fields["cards"] = cards
    return fields


def source_of(fields: dict[str, Any]) -> Source:
    published = fields.get("published")
    return Source(**{**fields, "published": date.fromisoformat(published) if published else None})


def chunk_row(read: ReadCard, line: int) -> tuple[int, ...]:
    """Where the card of a chunk starting on `line`, its source and its quote are in the chunk:
    line and column each, from 1 (0: no source, no quote), as chunks.Stored reads them."""
    source, quote = read.source_at or _NOWHERE, read.quote_at or _NOWHERE
    return (read.at[0] - line, read.at[1], _up(source[0], line), source[1], _up(quote[0], line), quote[1])


def _up(at: int, lines: int) -> int:
    return at and at - lines


def card_row(card: Card, texts: dict[str, int], first: int = 0) -> tuple[str, int | None]:
    """The card as a row, and the number of a cloze card's text: its row in `texts` (numbered from `first`)."""
    text: str | int = card.text if card.gap is None else texts.setdefault(card.text, first + len(texts))
    # kind: a StrEnum, which JSON writes as its text
    row = [card.id, card.kind, text, card.answer, card.accept, card.choices, card.source, card.quote, card.tags, card.note, card.gap]
    return encode_row(row), None if card.gap is None else texts[card.text]


def card_of(deck_id: str, row: str, text_of: Callable[[int], str]) -> Card:
    """A card read back from its row (`text_of`: a cloze's text by number)."""
    card_id, kind, text, answer, accept, choices, source, quote, tags, note, gap = json.loads(row)
    if gap is not None:
        text = text_of(text)
    return Card(deck_id, card_id, Kind(kind), text, answer, tuple(accept), tuple(choices), source, quote, tuple(tags), note, gap)


def first_cards(cards: list[Card]) -> array[int]:
    """The position of each entry's first card: an entry's cards are one card, or a cloze's
    cards gap 0, 1, ... in order."""
    return array("I", (position for position, card in enumerate(cards) if not card.gap))


def given_back(card: Card, cards: int, named: bool) -> Entry:
    """The entry whose first of `cards` cards is `card`, if it was expanded as a clean read's
    entries are (its question or cloze, answer and lists as the card has them; a multi-gap
    cloze's card ids are its id, ':' and the gap's key, which holds no ':'), with the id it is
    known by when `named` (written in the deck) and none otherwise."""
    if card.gap is None:
        return Entry(card.id if named else None, card.text, None, card.answer, card.accept, card.choices, card.source, card.quote, card.tags, card.note)
    key = card.id if cards == 1 else card.id.rpartition(":")[0]
    return Entry(key if named else None, None, card.text, None, card.accept, card.choices, card.source, card.quote, card.tags, card.note)


def entry_columns(entry: Entry, first: Card | None, cards: int) -> tuple[int, str | None]:
    """An entry's row (whether its id is written, and its fields unless its first card gives it
    back; None: there are no first cards to go by)."""
    named = entry.id is not None
    if first is not None and given_back(first, cards, named) == entry:
        return named, None
    return named, encode_row(_ENTRY_FIELDS(entry))


def entries(query: Callable[[str], list[Any]]) -> list[Entry]:
    """The entries of a cache, in order (`query`: its rows for a query)."""
    ((firsts, fields),) = query("SELECT firsts, header FROM deck")
    written = query("SELECT named, fields FROM entries ORDER BY number")
    if firsts is None:
        return [entry_of(json.loads(row)) for _, row in written]
    head = json.loads(fields)
    bounds = array("I")
    bounds.frombytes(firsts)
    bounds.append(head["cards"])
    if len(bounds) != len(written) + 1:
        raise ValueError("the entries and their first cards do not line up")
    texts = dict(query("SELECT number, text FROM texts"))
    cards = query("SELECT card FROM cards ORDER BY position")
    return [
        entry_of(json.loads(row)) if row is not None else given_back(card_of(head["id"], cards[start][0], texts.__getitem__), stop - start, bool(named))
        for (named, row), start, stop in zip(written, bounds, bounds[1:])
    ]


def entry_of(row: list[Any]) -> Entry:
    """An entry read back from its fields."""
    if len(row) != len(ENTRY_KEYS):
        raise ValueError(f"an entry of {len(row)} fields, not {len(ENTRY_KEYS)}")
    # By position: building a dict of keywords per entry was most of reading 100,000 entries back.
    for index in _LIST_FIELDS:
        row[index] = tuple(row[index])
    return Entry(*row)
