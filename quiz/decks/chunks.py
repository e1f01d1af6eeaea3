"""Incremental re-parsing: a changed deck file is read again only where it changed.

A deck is mostly its top-level `cards:` block sequence. `cut` splits the text at that list's
items (the lines that start with `- ` at column 0) into *chunks*, one card each, and keeps the
rest, the *header*, with the card list's lines left blank (so the header's lines keep their
numbers). Each chunk is composed alone, as a one-item sequence at the depth the cards list has,
and read by the deck schema; the parsed-deck cache (quiz/decks/cache.py) keeps what a chunk
read cleanly gave under a hash of its text, so the next time only chunks it does not know are
composed. Lines are counted from the chunk's first, so every FILE:LINE:COL is the one a whole
parse gives.

Why a chunk read alone is the item the whole file gives: libyaml reads the chunk's characters as
it reads them within the file, provided the file is in block context, outside any scalar, at
the chunk's first line. Only a quoted scalar or a flow collection (`[...]`, `{...}`) can run
across a line that starts with `- ` at column 0 (a plain or block scalar of a card ends at the
first line not indented), and then the chunk before it, read alone, ends inside it: an error,
so the whole file is parsed instead. The rest of a chunk's lines are indented, comments or
blank, so nothing in it can close the card list early.

What the cut cannot prove safe is parsed whole, as before (`read` gives None): tabs, line breaks
other than `\\n` (libyaml counts `\\r`, NEL, LS and PS as line breaks too), a byte order mark
inside the text, directives and document markers (`%`, `---`, `...` at column 0: a directive
could give tags another meaning), a card list that is not the first `cards:` key of the top-level
mapping with its items at column 0, an anchor or alias in a card (it could refer across
chunks), and any chunk or header that does not compose alone as exactly one item (a YAML error
is always reported by the whole parse, with its own position and message). Checks over the
whole deck (duplicate ids, sources, the deck's own keys) always run over every card.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from quiz.decks.compose import NULL_TAG, SEQ_TAG, Composer, Refused
from quiz.decks.model import Entry
from quiz.decks.reader import Position, ReadCard, SchemaReader

# Characters that make libyaml count lines or columns otherwise than by "\n", or indent by tab.
_UNSAFE = ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")
# Searched from a line break ("^" with re.M tries every position: several times slower).
_MARKERS = re.compile(r"\n(?:---|\.\.\.|%)")
# The top-level `cards:` key (a comment may follow), blank or comment lines, and its first item.
_CARDS = re.compile(r"^cards:(?:[ ]+(?:#.*)?)?\n(?:[ ]*(?:#.*)?\n)*(?=-(?: |$))", re.M)
# The first line after the list's first item that starts at column 0 and is not an item, a
# comment or blank: the list's end.
_LIST_END = re.compile(r"\n(?:[^ #\n-]|-[^ \n])")
DIGEST_SIZE = 16
# Unknown chunks that are always composed alone, however few are known (`mostly_new`).
FEW = 100
# About how many characters of the card list are encoded at a time (Cut.bodies).
_BLOCK = 1 << 20
# Numbers kept of where a card is in its chunk (Stored).
POSITIONS = 6


@dataclass(frozen=True, slots=True)
class Records:
    """The chunks of a deck that read cleanly, for the cache: what the header is known by
    (`Cut.head`), and each chunk in order: its digest, its card and the line it starts on."""

    head: bytes
    cards: list[tuple[bytes, ReadCard, int]]


class Known(Protocol):
    """Chunks known to read cleanly alone, by digest."""

    def __len__(self) -> int: ...

    def __contains__(self, digest: object) -> bool: ...

    def card(self, digest: bytes, lines: int) -> ReadCard | None:
        """The card that the chunk gave, `lines` down the file (None: not known)."""


class Remembered:
    """Known chunks: those of a reading's records (`CheckResult.chunks`)."""

    def __init__(self, records: Records | None = None) -> None:
        self._cards = {digest: read.shifted(-line) for digest, read, line in records.cards} if records else {}

    def __len__(self) -> int:
        return len(self._cards)

    def __contains__(self, digest: object) -> bool:
        return digest in self._cards

    def card(self, digest: bytes, lines: int) -> ReadCard | None:
        read = self._cards.get(digest)
        return None if read is None else read.shifted(lines)


class Stored:
    """Known chunks as the parsed-deck cache keeps them: their digests, and their entries and
    positions in order (six numbers an entry: the line, column of the card, its source and its
    quote in the chunk, from 1; 0 when none, see quiz/decks/rows.py), read by `load` when a card
    is first asked for (a deck mostly changed is parsed whole without them; None: unreadable,
    so nothing is known)."""

    def __init__(self, digests: bytes, load: Callable[[], tuple[Sequence[Entry], Sequence[int]] | None]) -> None:
        self._index = {digests[start : start + DIGEST_SIZE]: number for number, start in enumerate(range(0, len(digests), DIGEST_SIZE))}
        self._load: Callable[[], tuple[Sequence[Entry], Sequence[int]] | None] | None = load
        self._entries: Sequence[Entry] = ()
        self._positions: Sequence[int] = ()

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, digest: object) -> bool:
        return digest in self._index

    def card(self, digest: bytes, lines: int) -> ReadCard | None:
        if self._load is not None:
            loaded, self._load = self._load(), None
            self._entries, self._positions = loaded or ((), ())
            if not len(self._entries) == len(self._index) == len(self._positions) // POSITIONS:
                self._index = {}
        number = self._index.get(digest)
        if number is None:
            return None
        start = POSITIONS * number
        line, column, source_line, source_column, quote_line, quote_column = self._positions[start : start + POSITIONS]
        return ReadCard(self._entries[number], (line + lines, column), 0, _at(source_line, source_column, lines), _at(quote_line, quote_column, lines), shaped=True)


def _at(line: int, column: int, lines: int) -> Position | None:
    return None if not line else (line + lines, column)


@dataclass(frozen=True, slots=True)
class Cut:
    """A deck's text cut at its cards (offsets in the text; lines counted from 0)."""

    text: str
    header: str  # the text with the card list's lines blank
    cards_line: int  # the line of the `cards:` key
    first: int  # where the card list starts (its first '- ')
    end: int  # where the card list ends
    first_line: int  # the card list's first line
    end_line: int  # the line after its last
    to_end: bool  # whether the card list runs to the end of the text

    def count(self) -> int:
        """How many chunks there are."""
        return self.text.count("\n-", self.first, self.end) + 1

    def chunks(self) -> Iterator[tuple[str, int]]:
        """Each chunk and the line it starts on, cut as asked for (all at once are the file's size again)."""
        text, line, start = self.text, self.first_line, self.first
        while start < self.end:
            stop = text.find("\n-", start, self.end) + 1 or self.end
            chunk = text[start:stop]
            yield chunk, line
            line += chunk.count("\n")
            start = stop

    def head(self, escapes: bool) -> bytes:
        """What the cache knows the header by: its text but the card list (whatever its length)."""
        text = self.text
        return _hash(b"h" + _person(escapes), (text[: self.first] + "\0" + text[self.end :]).encode("utf-8", "surrogatepass"))

    def bodies(self) -> Iterator[bytes]:
        """Each chunk's body, in order: the chunk but its '-' and its final line break, as bytes.
        The card list is encoded and split a block of about a megabyte at a time (one split of
        it all was the file's size twice over beside the deck being read, 26 MiB at 100k cards),
        not a slice and an encoding per chunk (a fifth of re-reading a 100,000-card deck)."""
        text, end, start = self.text, self.end, self.first
        while start < end:
            # A block ends where a chunk starts (after its "\n", at its '-'), or where the list does.
            stop = text.find("\n-", min(start + _BLOCK, end), end) + 1 or end
            block = text[start + 1 : stop].encode("utf-8", "surrogatepass")
            yield from (block[:-1] if block.endswith(b"\n") else block).split(b"\n-")
            start = stop

    @property
    def broken(self) -> bool:
        """Whether the last chunk has no final line break (a file without one)."""
        return not self.text.endswith("\n", self.first, self.end)

    def digests(self, escapes: bool, bodies: Iterable[bytes] | None = None) -> list[bytes]:
        """`digest` of each chunk, in order (from its `bodies`, when they are at hand)."""
        base = hashlib.blake2b(digest_size=DIGEST_SIZE, person=_person(escapes))
        digests = []
        body = b""
        for body in self.bodies() if bodies is None else bodies:
            hashed = base.copy()
            hashed.update(body)
            digests.append(hashed.digest())
        if self.broken:
            digests[-1] = _hash(_person(escapes) + b"e", body)
        return digests

    def chunk(self, body: bytes, last: bool) -> str:
        """The chunk of a body (`bodies`), the last one or not."""
        return "-" + body.decode("utf-8", "surrogatepass") + ("" if last and self.broken else "\n")


def cut(text: str) -> Cut | None:
    """The text cut at its top-level cards, or None when it cannot be (see the module's doc)."""
    if any(character in text for character in _UNSAFE) or _MARKERS.search(text) or text.startswith(("---", "...", "%")):
        return None
    cards = _CARDS.search(text)
    if cards is None:
        return None
    first = cards.end()
    ends = _LIST_END.search(text, first)
    end = len(text) if ends is None else ends.start() + 1
    first_line, end_line = text.count("\n", 0, first), text.count("\n", 0, end)
    header = text[:first] + "\n" * (end_line - first_line) + text[end:]
    return Cut(text, header, text.count("\n", 0, cards.start()), first, end, first_line, end_line, end == len(text))


def digest(chunk: str, escapes: bool) -> bytes:
    """What the cache knows a chunk by: its text, and whether the deck's text is cleaned of
    escaped control characters (SchemaReader's `escapes`, which depends on the whole file).
    A chunk is '-', a body and a line break, hashed as its body (see `Cut.digests`); the last
    chunk of a file without a final line break is told apart."""
    if chunk.endswith("\n"):
        return _hash(_person(escapes), chunk[1:-1].encode("utf-8", "surrogatepass"))
    return _hash(_person(escapes) + b"e", chunk[1:].encode("utf-8", "surrogatepass"))


def _person(escapes: bool) -> bytes:
    return b"1" if escapes else b"0"


def _hash(person: bytes, data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE, person=person).digest()


def read(text: str, reader: SchemaReader, known: Known, loader: type[Any]) -> tuple[yaml.Node, Records | None] | None:
    """The deck's root node, its cards read into `reader` chunk by chunk (those in `known` not
    composed again), and the chunks' records for the cache (None unless every card read
    cleanly). None when the text cannot be read so: `reader` is then spoilt, parse it whole."""
    pieces = cut(text)
    if pieces is None:
        return None
    header = compose_header(pieces, reader, loader)
    if header is None:
        return None
    root, index = header
    digests = pieces.digests(reader.escapes)
    if len(known) and mostly_new(sum(key not in known for key in digests), len(digests)):
        return None
    alone = SchemaReader(reader.filename, None, reader.escapes, defer_hints=True)
    cards: list[tuple[bytes, ReadCard, int]] | None = []
    for (chunk, line), key in zip(pieces.chunks(), digests, strict=True):
        card = known.card(key, line)
        if card is not None:
            reader.add_clean(card)
            if cards is not None:
                cards.append((key, card, line))
            continue
        item = compose_alone(chunk, loader)
        if item is None:
            return None
        reading = alone.read_alone(item)
        placed = reader.add(reading, line)
        if cards is not None and reading.clean and placed is not None:
            cards.append((key, placed, line))
        else:
            cards = None
    empty_cards(root, index, reader.filename, pieces.first_line)
    return root, None if cards is None else Records(pieces.head(reader.escapes), cards)


def empty_cards(root: yaml.MappingNode, index: int, filename: str, line: int) -> None:
    """The header's cards key given the card list as the whole parse gives it: a list that held
    items, handed over as they came (so it holds none), starting on `line`."""
    mark = yaml.Mark(filename, 0, line, 0, None, 0)
    root.value[index] = (root.value[index][0], yaml.SequenceNode(SEQ_TAG, [], mark, mark, flow_style=False))


def mostly_new(unknown: int, chunks: int) -> bool:
    """Whether so many chunks are unknown that a whole parse costs less: composing a chunk alone
    costs about twice its share of a whole parse (19 s against 9 s for 100,000 cards), as when a
    deck's first backslash changes every chunk's digest. A few (FEW) cost milliseconds either way."""
    return 2 * unknown > chunks and unknown > FEW


def compose_header(pieces: Cut, reader: SchemaReader, loader: type[Any]) -> tuple[yaml.MappingNode, int] | None:
    """The header composed alone (`reader` reads what it holds of the deck's cards: nothing),
    and the index of the cards key in it; None unless the cards key the whole parse streams is
    the one cut at, with nothing else after it."""
    keys: list[yaml.Node] = []

    def streamed(key: yaml.Node) -> bool:
        if reader.is_cards_key(key):
            keys.append(key)
            return True
        return False

    try:
        root = Composer(pieces.header, loader, streamed, reader.card).document()
    except (yaml.YAMLError, Refused):
        return None
    if not keys or (keys[0].start_mark.line, keys[0].start_mark.column) != (pieces.cards_line, 0):
        return None
    assert isinstance(root, yaml.MappingNode)  # only a mapping's keys are streamed
    index = next(n for n, (key, _) in enumerate(root.value) if key is keys[0])
    value = root.value[index][1]
    if not (type(value) is yaml.ScalarNode and value.tag == NULL_TAG and value.value == ""):
        return None
    return root, index


def compose_alone(chunk: str, loader: type[Any]) -> yaml.Node | None:
    """A chunk's one item, composed alone; None when it is not exactly one item without anchors."""
    composer = Composer(chunk, loader, _never, _ignore)
    try:
        items = composer.items(1)
    except (yaml.YAMLError, Refused):
        return None
    if items is None or len(items) != 1 or composer.anchored:
        return None
    return items[0]


class Witness:
    """Watches a whole parse's card list, to tell the chunks the cache may keep from it: those
    that read alone as they read in the file (`records`)."""

    def __init__(self, reader: SchemaReader) -> None:
        self._reader = reader
        self._key: yaml.Node | None = None
        # Each item's start and end, line and column (from 0): four numbers, not tuples, for 100,000 items.
        self._items = array("q")
        self.anchored = True  # until the composer says otherwise

    def streamed(self, key: yaml.Node) -> bool:
        if self._reader.is_cards_key(key):
            self._key = key
            return True
        return False

    def item(self, node: yaml.Node) -> None:
        start, end = node.start_mark, node.end_mark
        self._items.extend((start.line, start.column, end.line, end.column))
        self._reader.card(node)

    def records(self, text: str, root: yaml.Node | None) -> Records | None:
        """The chunks of a deck that read cleanly, if every item of its card list began on a
        chunk's first line (after its '- ') and ended by the next chunk's (None otherwise).

        Items begin only after a '- ' at column 0 and every such line of the list is a chunk's
        first, so n items within n chunks make every chunk's first line an item's: libyaml was
        outside any scalar there, and the chunk read alone is the same characters read in the
        same state, to an end where the file's next item (or key) begins.
        """
        pieces = cut(text)
        reads = self._reader.cards_read
        key = self._key
        if pieces is None or key is None or self.anchored or not isinstance(root, yaml.MappingNode):
            return None
        if (key.start_mark.line, key.start_mark.column) != (pieces.cards_line, 0):
            return None
        if not len(self._items) == 4 * pieces.count() == 4 * len(reads):
            return None
        if pieces.to_end:
            last = (pieces.end_line + 1, 0)
        else:
            keys = [pair[0] for pair in root.value]
            after = keys.index(key) + 1
            last = (pieces.end_line, 0)
            if after == len(keys) or (keys[after].start_mark.line, keys[after].start_mark.column) != last:
                return None
        cards: list[tuple[bytes, ReadCard, int]] = []
        escapes = self._reader.escapes
        ended: Position = (0, 0)  # where the item before ended
        marks = iter(self._items)
        digests = pieces.digests(escapes)
        for (_, line), chunk_key, start_line, start_column, end_line, end_column, read in zip(pieces.chunks(), digests, marks, marks, marks, marks, reads, strict=True):
            if not (ended <= (line, 0) and (line, 1) <= (start_line, start_column) and read.shaped and not read.errors):
                return None
            cards.append((chunk_key, read, line))
            ended = (end_line, end_column)
        return Records(pieces.head(escapes), cards) if ended <= last else None


def _never(_: yaml.Node) -> bool:
    return False


def _ignore(_: yaml.Node) -> None:
    pass
