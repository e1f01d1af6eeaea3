"""The deck model: sources, card entries as written, and the study cards they expand to.

A deck file's `cards:` list holds *entries*. Most entries are one study card; a cloze entry
is one card per `{{gap}}`. Card identity (`Card.id`) is the entry's `id` when it has one,
else a hash of the deck id and the normalised question text, so editing an answer, accept
list or choices keeps a card's study history.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from functools import cached_property

CLOZE_GAP = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
BLANK = "_____"
TRUE_FALSE = ("true", "false")


class Kind(StrEnum):
    TYPED = "typed"
    CHOICE = "choice"
    TRUE_FALSE = "truefalse"
    CLOZE = "cloze"


@dataclass(frozen=True)
class Source:
    """A document that cards cite; `file` is relative to the deck file."""

    title: str | None = None
    published: date | None = None
    file: str | None = None


# Entry and Card are built by the ten thousand at start-up, and a frozen dataclass takes about
# seven times as long to build; they are not frozen, but nothing changes them once built.
@dataclass(slots=True)
class Entry:
    """One item of a deck's `cards:` list, as written; the fields are the YAML keys, in the
    order decks are written."""

    id: str | None = None
    question: str | None = None
    cloze: str | None = None
    answer: str | None = None
    accept: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    source: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None


@dataclass(slots=True)
class Card:
    """One thing to study: a prompt and what answers it."""

    deck_id: str
    id: str
    kind: Kind
    prompt: str
    answer: str
    accept: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    source: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None


# The YAML keys of a card entry and of a source, and which entry keys hold lists.
ENTRY_KEYS = tuple(f.name for f in fields(Entry))
LIST_KEYS = tuple(f.name for f in fields(Entry) if f.default == ())
SOURCE_KEYS = tuple(f.name for f in fields(Source))

CardKey = tuple[str, str]


def key_of(card: Card) -> CardKey:
    """What a card's history is stored under: (deck id, card id)."""
    return (card.deck_id, card.id)


# Not compared by dataclass's __eq__, which would tell a Deck from the CachedDeck of the same file.
@dataclass(frozen=True, eq=False)
class Deck:
    """A deck as written (`entries`) and the study cards they expand to.

    Commands ask for cards through the methods below, so that a deck read from the parsed-deck
    cache (quiz/decks/cache.py) can answer from disk without building a hundred thousand cards.
    """

    id: str
    title: str
    description: str | None = None
    # The day of the learner's exam: until then, scheduling keeps every card remembered on it.
    exam: date | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()
    # Where the deck was read from; not part of its value.
    path: str | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Deck):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in DECK_VALUE)

    def cards(self) -> list[Card]:
        return list(self._cards)

    def card_count(self) -> int:
        return len(self._cards)

    def card_ids(self) -> frozenset[str]:
        return frozenset(card.id for card in self._cards)

    def card_ids_between(self, start: int, stop: int) -> list[str]:
        """The ids of cards number `start` up to `stop` (from 0), in deck order."""
        return [card.id for card in self._cards[start:stop]]

    def cards_with_ids(self, ids: Collection[str]) -> list[Card]:
        """The deck's cards with these ids, in deck order."""
        return [card for card in self._cards if card.id in ids]

    @cached_property
    def _cards(self) -> tuple[Card, ...]:
        return tuple(card for entry in self.entries for card in expand(self.id, entry))


# What a deck's value is made of (where it was read from is not), and what its header holds.
DECK_VALUE = tuple(f.name for f in fields(Deck) if f.name != "path")
DECK_HEADER = tuple(f.name for f in fields(Deck) if f.name != "entries")


def identity_text(text: str) -> str:
    """Question text reduced to what identifies it: case, punctuation and spacing dropped."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def derived_id(deck_id: str, text: str) -> str:
    digest = hashlib.sha1(f"{deck_id}\n{identity_text(text)}".encode()).hexdigest()
    return f"q-{digest[:12]}"


def entry_id(deck_id: str, entry: Entry) -> str:
    """The id an entry's cards are known by (before a cloze adds its gap number)."""
    if entry.id:
        return entry.id
    if entry.cloze is not None:
        # Gap contents are answers: leave them out so editing one keeps history.
        return derived_id(deck_id, CLOZE_GAP.sub("{{}}", entry.cloze))
    return derived_id(deck_id, entry.question or "")


def cloze_gaps(text: str) -> list[str]:
    return [gap.strip() for gap in CLOZE_GAP.findall(text)]


def cloze_prompt(text: str, gap_index: int) -> str:
    """The cloze sentence with gap `gap_index` blanked and the others filled in."""
    counter = iter(range(len(text)))

    def fill(match: re.Match[str]) -> str:
        return BLANK if next(counter) == gap_index else match.group(1).strip()

    return CLOZE_GAP.sub(fill, text)


def is_true_false(answer: str) -> bool:
    return answer.strip().casefold() in TRUE_FALSE


def expand(deck_id: str, entry: Entry) -> list[Card]:
    base = entry_id(deck_id, entry)

    def card(card_id: str, kind: Kind, prompt: str, answer: str) -> Card:
        return Card(deck_id, card_id, kind, prompt, answer, entry.accept, entry.choices,
                    entry.source, entry.quote, entry.tags, entry.note)

    if entry.cloze is not None:
        gaps = cloze_gaps(entry.cloze)
        # The loader allows accept and choices only on single-gap clozes.
        kind = Kind.CHOICE if entry.choices else Kind.CLOZE
        if len(gaps) == 1:
            return [card(base, kind, cloze_prompt(entry.cloze, 0), gaps[0])]
        return [card(f"{base}.{n + 1}", kind, cloze_prompt(entry.cloze, n), gap) for n, gap in enumerate(gaps)]
    answer = entry.answer or ""
    if entry.choices:
        kind = Kind.CHOICE
    elif is_true_false(answer):
        kind = Kind.TRUE_FALSE
    else:
        kind = Kind.TYPED
    return [card(base, kind, entry.question or "", answer)]
