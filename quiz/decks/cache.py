"""A cache of parsed decks, so that starting quiz does not re-parse, or even read whole, a large deck.

Parsing YAML is slow (seconds for 100,000 cards even with libyaml), and so is expanding entries
into cards. Each deck file's cache is a small SQLite database holding what start-up needs: the
deck's header, its expanded cards one row each (by position and by id; a cloze's text once,
however many cards its gaps make), the ids of all of them,
and the entries as written (compressed, read only if asked for). A `CachedDeck` reads cards from
it as they are needed: a study session reads the due cards and the first new ones, `quiz stats`
the set of ids.

An entry is used only while the deck file's size and modification time are what they were when
it was written, by the same quiz version. Beside the entries it keeps, for a deck that was read
chunk by chunk, each entry's chunk digest and positions (quiz/decks/chunks.py): when the file
changes, `known` gives them back, and only the chunks that changed are parsed again. Only decks without errors are cached, so problems are
always reported afresh. A cache file is never changed in place: it is written whole beside the
old one and renamed over it, so a reader never sees a half-written cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import os
import sqlite3
import tempfile
import time
import zlib
from collections.abc import Collection, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import __version__
from quiz.decks.model import DECK_HEADER, ENTRY_KEYS, LIST_KEYS, Card, Deck, Entry, Kind, Source
from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.decks.chunks import Known, Records
    from quiz.decks.reader import ReadCard

# Bumped whenever the encoding below changes, so an old entry is never misread.
FORMAT = 7
# A temporary file this old was left by a process that died while writing it.
STALE_SECONDS = 3600
SCHEMA = """
CREATE TABLE deck (stamp TEXT NOT NULL, header TEXT NOT NULL, ids TEXT NOT NULL, entries BLOB NOT NULL,
                   digests BLOB, positions BLOB);
CREATE TABLE cards (position INTEGER PRIMARY KEY, id TEXT NOT NULL, card TEXT NOT NULL);
CREATE TABLE texts (number INTEGER PRIMARY KEY, text TEXT NOT NULL);
"""
# Made once the rows are in: sorting 100,000 ids once is cheaper than keeping the index in order
# through as many inserts.
INDEXES = "CREATE INDEX cards_id ON cards(id);"
# Card ids bound per query (SQLite allows 32,766 parameters).
BATCH = 500
# One encoder for every row: json.dumps with options builds a new one per call, a third of a write.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _refuse(value: object) -> object:
    raise TypeError(f"{type(value).__name__} is not JSON")


def _row_encoder() -> Any:
    """`_ENCODE` for a card's row, twice as fast: the C encoder that JSONEncoder.encode makes
    anew on every call, made once (JSONEncoder itself when the C accelerator is missing)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - depends on how Python was built
        return _ENCODE
    encode = make(None, _refuse, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda row: "".join(encode(row, 0))


_ENCODE_ROW = _row_encoder()
# An entry's fields in ENTRY_KEYS order, in one call (a getattr per field was a fifth of a write).
_ENTRY_FIELDS = operator.attrgetter(*ENTRY_KEYS)
# A chunk's row: where its card, its source and its quote are in it (line, column each).
_NOWHERE = (None, None)
_LIST_FIELDS = tuple(index for index, key in enumerate(ENTRY_KEYS) if key in LIST_KEYS)


def _cache_file(cache_dir: Path, deck_path: Path) -> Path:
    digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:20]
    return cache_dir / f"{digest}.sqlite"


def _stamp(deck_path: Path) -> str:
    info = deck_path.stat()
    return json.dumps([*_maker(deck_path), info.st_size, info.st_mtime_ns])


def _maker(deck_path: Path) -> list[Any]:
    """The part of a stamp that chunks must share to be reused: the quiz that read them, and the file."""
    return [__version__, FORMAT, str(deck_path.resolve())]


def read(cache_dir: Path, deck_path: Path) -> Deck | None:
    """The cached deck, or None when there is none or the file has changed since."""
    try:
        stamp = _stamp(deck_path)
        file = _cache_file(cache_dir, deck_path)
        if not file.is_file():
            return None
        # immutable: a cache file is only ever replaced whole, never changed, so no locking.
        db = sqlite3.connect(f"{file.as_uri()}?mode=ro&immutable=1", uri=True)
        row = db.execute("SELECT stamp, header FROM deck").fetchone()
        if row is None or row[0] != stamp:
            db.close()
            return None
        return CachedDeck(db, json.loads(row[1]), file)
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        return None


def known(cache_dir: Path, deck_path: Path) -> Known:
    """The chunks of the deck file's last version that read cleanly (whatever the file is now;
    see quiz/decks/chunks.py); none when there are none."""
    from quiz.decks.chunks import Remembered, Stored

    try:
        file = _cache_file(cache_dir, deck_path)
        if file.is_file():
            db = sqlite3.connect(f"{file.as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                row = db.execute("SELECT stamp, entries, digests, positions FROM deck").fetchone()
            finally:
                db.close()
            if row is not None and row[2] is not None and json.loads(row[0])[:3] == _maker(deck_path):
                entries = [_entry(fields) for fields in json.loads(zlib.decompress(row[1]))]
                return Stored(row[2], entries, json.loads(zlib.decompress(row[3])))
    except (OSError, ValueError, KeyError, TypeError, zlib.error, sqlite3.Error):
        pass
    return Remembered()


def write(cache_dir: Path, deck_path: Path, deck: Deck, chunks: Records | None = None) -> None:
    """Store the deck, with its chunks when it was read chunk by chunk (`CheckResult.chunks`);
    a cache that cannot be written is skipped silently (it is only a cache)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        try:
            _fill(Path(temporary), _stamp(deck_path), deck, chunks)
            # On disk before it is renamed into place: after a power cut the cache is the old one
            # or the new one, never a half-written file that reads as valid.
            os.fsync(handle)
            os.replace(temporary, _cache_file(cache_dir, deck_path))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        finally:
            os.close(handle)
        _remove_stale(cache_dir)
    except (OSError, sqlite3.Error):
        pass


def _fill(file: Path, stamp: str, deck: Deck, chunks: Records | None) -> None:
    cards = deck.cards()
    digests = positions = None
    # Each chunk is one entry, in order: kept only when they line up, as they do for a deck read cleanly.
    if chunks is not None and len(chunks) == len(deck.entries) and all(
        read.entry is entry for (_, read, _), entry in zip(chunks, deck.entries, strict=True)
    ):
        digests = b"".join(digest for digest, _, _ in chunks)
        positions = zlib.compress(_ENCODE([_chunk_row(read, line) for _, read, line in chunks]).encode(), 1)
    db = sqlite3.connect(file)
    try:
        db.execute("PRAGMA journal_mode=OFF")  # a new file, renamed into place only when complete
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(SCHEMA)
        entries = [_ENTRY_FIELDS(entry) for entry in deck.entries]
        db.execute(
            "INSERT INTO deck VALUES (?, ?, ?, ?, ?, ?)",
            (stamp, _ENCODE(_header(deck, len(cards))), _ENCODE([card.id for card in cards]), zlib.compress(_ENCODE(entries).encode(), 1),
             digests, positions),
        )
        # The n cards of an n-gap cloze share its text: written once, not n times.
        texts: dict[str, int] = {}
        db.executemany(
            "INSERT INTO cards VALUES (?, ?, ?)",
            ((position, card.id, _ENCODE_ROW(_card_row(card, texts))) for position, card in enumerate(cards)),
        )
        db.executemany("INSERT INTO texts VALUES (?, ?)", ((number, text) for text, number in texts.items()))
        db.execute(INDEXES)
        db.commit()
    finally:
        db.close()


def _remove_stale(cache_dir: Path) -> None:
    """Delete temporary files that a crashed or killed process left behind, and caches of the
    JSON format quiz used before."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in cache_dir.glob("*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
    for old in cache_dir.glob("*.json"):
        with contextlib.suppress(OSError):
            old.unlink()


def _header(deck: Deck, cards: int) -> dict[str, Any]:
    header: dict[str, Any] = {name: getattr(deck, name) for name in DECK_HEADER}
    header["sources"] = {
        name: {**vars(source), "published": source.published.isoformat() if source.published else None}
        for name, source in deck.sources.items()
    }
    header["exam"] = deck.exam.isoformat() if deck.exam else None
    header["cards"] = cards
    return header


def _chunk_row(read: ReadCard, line: int) -> tuple[int | None, ...]:
    """Where the card of a chunk starting on `line`, its source and its quote are in the chunk."""
    source, quote = read.source_at or _NOWHERE, read.quote_at or _NOWHERE
    return (read.at[0] - line, read.at[1], _up(source[0], line), source[1], _up(quote[0], line), quote[1])


def _up(at: int | None, lines: int) -> int | None:
    return None if at is None else at - lines


def _card_row(card: Card, texts: dict[str, int]) -> list[Any]:
    """The card as a row; a cloze card's text is the number of its row in `texts`."""
    text: str | int = card.text if card.gap is None else texts.setdefault(card.text, len(texts))
    # kind: a StrEnum, which JSON writes as its text
    return [card.id, card.kind, text, card.answer, card.accept, card.choices, card.source, card.quote,
            card.tags, card.note, card.gap]


def _source(fields: dict[str, Any]) -> Source:
    published = fields.get("published")
    return Source(**{**fields, "published": date.fromisoformat(published) if published else None})


def _entry(row: list[Any]) -> Entry:
    if len(row) != len(ENTRY_KEYS):
        raise ValueError(f"an entry of {len(row)} fields, not {len(ENTRY_KEYS)}")
    # By position: building a dict of keywords per entry was most of reading 100,000 entries back.
    for index in _LIST_FIELDS:
        row[index] = tuple(row[index])
    return Entry(*row)


class CacheError(QuizError):
    """A cache file turned out damaged after it was opened."""


class CachedDeck(Deck):
    """A deck read back from its cache: cards, ids and entries are read from disk when asked for."""

    _db: sqlite3.Connection
    _count: int
    _texts: dict[int, str]
    _file: Path

    def __new__(cls, *args: Any, **fields: Any) -> Deck:  # type: ignore[misc]
        # dataclasses.replace() calls the class with every field: a changed deck is a plain one.
        if fields and not args:
            return Deck(**fields)
        return super().__new__(cls)

    def __init__(self, db: sqlite3.Connection, header: dict[str, Any], file: Path) -> None:
        # Not Deck's own __init__, which takes the entries now.
        for name in DECK_HEADER:
            object.__setattr__(self, name, header[name])
        object.__setattr__(self, "sources", {name: _source(fields) for name, fields in header["sources"].items()})
        object.__setattr__(self, "exam", date.fromisoformat(header["exam"]) if header["exam"] else None)
        object.__setattr__(self, "_db", db)
        object.__setattr__(self, "_file", file)
        object.__setattr__(self, "_count", int(header["cards"]))
        object.__setattr__(self, "_texts", {})

    def _rows(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise CacheError(f"the parsed-deck cache {self._file} is damaged ({exc}); delete it and quiz will parse {self.path} afresh") from exc

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        ((blob,),) = self._rows("SELECT entries FROM deck")
        return tuple(_entry(row) for row in json.loads(zlib.decompress(blob)))

    def cards(self) -> list[Card]:
        return [self._card(row) for (row,) in self._rows("SELECT card FROM cards ORDER BY position")]

    def card_count(self) -> int:
        return self._count

    def card_ids(self) -> frozenset[str]:
        return self._ids

    @cached_property
    def _ids(self) -> frozenset[str]:
        ((ids,),) = self._rows("SELECT ids FROM deck")
        return frozenset(json.loads(ids))

    def card_ids_between(self, start: int, stop: int) -> list[str]:
        rows = self._rows("SELECT id FROM cards WHERE position >= ? AND position < ? ORDER BY position", (start, stop))
        return [card_id for (card_id,) in rows]

    def cards_with_ids(self, ids: Collection[str]) -> list[Card]:
        wanted = list(ids)
        rows: list[tuple[int, str]] = []
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start : start + BATCH]
            rows += self._rows(f"SELECT position, card FROM cards WHERE id IN ({','.join('?' * len(batch))})", batch)
        return [self._card(row) for _, row in sorted(rows)]

    def _card(self, row: str) -> Card:
        card_id, kind, text, answer, accept, choices, source, quote, tags, note, gap = json.loads(row)
        if gap is not None:
            text = self._text(text)
        return Card(self.id, card_id, Kind(kind), text, answer, tuple(accept), tuple(choices), source, quote, tuple(tags), note, gap)

    def _text(self, number: int) -> str:
        """A cloze's text, read once however many of its cards are read."""
        if number not in self._texts:
            ((text,),) = self._rows("SELECT text FROM texts WHERE number = ?", (number,))
            self._texts[number] = text
        return self._texts[number]
