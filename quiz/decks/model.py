"""The deck model: sources, card entries as written, and the study cards they expand to.

A deck file's `cards:` list holds *entries*. Most entries are one study card; a cloze entry
is one card per `{{gap}}`. Card identity (`Card.id`) is the entry's `id` when it has one,
else a hash of the deck id and the normalised question text, so editing an answer, accept
list or choices keeps a card's study history. The cards of a cloze with several gaps add the
gap's own text to that (`ENTRY:1962`), so a gap's history follows it when gaps move; see
quiz/decks/history.py for history carried over when ids change.

Cloze text is split by `split_cloze`, in time linear in the text, and a cloze card's prompt is
built only when it is asked for: a cloze of n gaps makes n cards, and n prompts built up front
would take time and memory growing as n times the text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from functools import cached_property

# For the generator's own short texts; deck text is split by `split_cloze`, which stays linear
# where this regex is quadratic (a long text with a '{{' and no '}}').
CLOZE_GAP = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
# A gap's part of a card id is at most this long (its text's identity, cut).
GAP_KEY_LENGTH = 40
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
    text: str  # the question, or the whole cloze text as written
    answer: str
    accept: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    source: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    gap: int | None = None  # a cloze card: the number (from 0) of the gap it blanks

    @property
    def prompt(self) -> str:
        """What is asked: the question, or the cloze text with this card's gap blanked."""
        return self.text if self.gap is None else cloze_prompt(self.text, self.gap)


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

    def positions(self, ids: Collection[str]) -> dict[str, int]:
        """Where each of these card ids stands in deck order (from 0); unknown ids are left out."""
        return {card_id: self._positions[card_id] for card_id in ids if card_id in self._positions}

    def card(self, card_id: str) -> Card:
        """The card with this id (KeyError if the deck has none)."""
        return self._cards[self._positions[card_id]]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {card.id: position for position, card in enumerate(self._cards)}

    @cached_property
    def _cards(self) -> tuple[Card, ...]:
        return tuple(card for entry in self.entries for card in expand(self.id, entry))

    def keep_cards(self, cards: tuple[Card, ...]) -> None:
        """Hold `cards`, which must be what the entries expand to, instead of expanding them again
        when asked (the deck reader has expanded them to check their ids)."""
        vars(self)["_cards"] = cards  # where the cached property keeps its value


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
    """The id an entry's cards are known by (before a multi-gap cloze adds its gaps' keys)."""
    return entry.id or text_key(deck_id, entry)


def text_key(deck_id: str, entry: Entry) -> str:
    """The id the entry would have without an `id`: from its question text."""
    if entry.cloze is not None:
        # Gap contents are answers: leave them out so editing one keeps history.
        return derived_id(deck_id, "{{}}".join(split_cloze(entry.cloze)[0]))
    return derived_id(deck_id, entry.question or "")


def split_cloze(text: str) -> tuple[list[str], list[str]]:
    """The text around the gaps and the gaps as written: "a {{b}} c" -> (["a ", " c"], ["b"]).

    The same split as CLOZE_GAP, in linear time: a '{{' with no '}}' after it ends the gaps.
    """
    around: list[str] = []
    gaps: list[str] = []
    start = 0
    while (opening := text.find("{{", start)) >= 0 and (closing := text.find("}}", opening + 2)) >= 0:
        around.append(text[start:opening])
        gaps.append(text[opening + 2 : closing])
        start = closing + 2
    around.append(text[start:])
    return around, gaps


def cloze_gaps(text: str) -> list[str]:
    return [gap.strip() for gap in split_cloze(text)[1]]


def cloze_prompt(text: str, gap_index: int) -> str:
    """The cloze sentence with gap `gap_index` blanked and the others filled in."""
    around, gaps = split_cloze(text)
    shown = [BLANK if n == gap_index else gap.strip() for n, gap in enumerate(gaps)]
    return "".join(part for pair in zip(around, [*shown, ""]) for part in pair)


def gap_keys(gaps: list[str]) -> list[str]:
    """What each gap of a multi-gap cloze is known by: its text's identity ("Fidel Castro" ->
    "fidel-castro"), cut short, numbered when two gaps would share one ("#2")."""
    keys: list[str] = []
    # A key never holds '#' (identity text is words, the fallback hex), so the nth gap of one key
    # is simply key#n: counted, not searched for (20,000 gaps "{{x}}" took 90 s that way).
    seen: dict[str, int] = {}
    for gap in gaps:
        words = identity_text(gap).split()
        key = "-".join(words)[:GAP_KEY_LENGTH].strip("-") or "h" + hashlib.sha1(gap.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        n = seen[key] = seen.get(key, 0) + 1
        keys.append(key if n == 1 else f"{key}#{n}")
    return keys


def is_true_false(answer: str) -> bool:
    return answer.strip().casefold() in TRUE_FALSE


def expand(deck_id: str, entry: Entry) -> list[Card]:
    base = entry_id(deck_id, entry)

    def card(card_id: str, kind: Kind, text: str, answer: str, gap: int | None = None) -> Card:
        return Card(deck_id, card_id, kind, text, answer, entry.accept, entry.choices,
                    entry.source, entry.quote, entry.tags, entry.note, gap)

    if entry.cloze is not None:
        gaps = cloze_gaps(entry.cloze)
        # The loader allows accept and choices only on single-gap clozes.
        kind = Kind.CHOICE if entry.choices else Kind.CLOZE
        if len(gaps) == 1:
            return [card(base, kind, entry.cloze, gaps[0], 0)]
        return [card(f"{base}:{key}", kind, entry.cloze, gap, n) for n, (gap, key) in enumerate(zip(gaps, gap_keys(gaps)))]
    answer = entry.answer or ""
    if entry.choices:
        kind = Kind.CHOICE
    elif is_true_false(answer):
        kind = Kind.TRUE_FALSE
    else:
        kind = Kind.TYPED
    return [card(base, kind, entry.question or "", answer)]
