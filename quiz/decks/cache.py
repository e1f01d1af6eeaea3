"""A cache of parsed decks, so that starting quiz does not re-parse, or even read whole, a large deck.

Parsing YAML is slow (seconds for 100,000 cards even with libyaml), and so is expanding entries
into cards. Each deck file's cache is a small SQLite database holding what start-up needs: the
deck's header, its expanded cards one row each (by position and by id; a cloze's text once,
however many cards its gaps make), the ids of all of them, and the entries (read only if asked
for; see quiz/decks/rows.py). A `CachedDeck` reads cards from it as they are needed: a study
session reads the due cards and the first new ones, `quiz stats` the set of ids.

An entry is used only while the deck file's size and modification time are what they were when
it was written, by the same quiz version. Beside the entries it keeps a digest of the file's
bytes and, for a deck that was read chunk by chunk, each entry's chunk digest and positions
(quiz/decks/chunks.py): when the file changes, only the chunks that changed are parsed again
(quiz/decks/refresh.py). Only decks without errors are cached, so problems are always reported
afresh. A cache file is never changed in place: a new one is written whole beside the old one
(or copied from it and changed) and renamed over it, so a reader never sees a half-written cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import shutil
import sqlite3
import tempfile
import time
from array import array
from collections.abc import Callable, Collection, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import __version__
from quiz.decks import rows
from quiz.decks.model import DECK_HEADER, Card, Deck, Entry
from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.decks.chunks import Known, Records

# Bumped whenever the encoding below changes, so an old entry is never misread.
FORMAT = 10
# A temporary file this old was left by a process that died while writing it.
STALE_SECONDS = 3600
# deck: `file` is a digest of the deck file's bytes; `firsts` the position of each entry's first
# card (unsigned 32-bit, native); `head`, `digests` and `positions` are there when it was read
# chunk by chunk: what its header and each entry's chunk are known by, and where each entry's
# card, source and quote are in its chunk (6 unsigned 32-bit numbers each, see chunks.Stored).
# entries: whether its id is written, and its fields when its first card does not give it back
# (quiz/decks/rows.py).
# cards: `cloze` is the number of a cloze card's text in `texts`.
SCHEMA = """
CREATE TABLE deck (stamp TEXT NOT NULL, header TEXT NOT NULL, ids TEXT NOT NULL, file BLOB,
                   firsts BLOB, head BLOB, digests BLOB, positions BLOB);
CREATE TABLE entries (number INTEGER PRIMARY KEY, named INTEGER NOT NULL, fields TEXT);
CREATE TABLE cards (position INTEGER PRIMARY KEY, id TEXT NOT NULL, card TEXT NOT NULL, cloze INTEGER);
CREATE TABLE texts (number INTEGER PRIMARY KEY, text TEXT NOT NULL);
"""
# Made once the rows are in: sorting 100,000 ids once is cheaper than keeping the index in order
# through as many inserts.
INDEXES = "CREATE INDEX cards_id ON cards(id);"
# Card ids bound per query (SQLite allows 32,766 parameters).
BATCH = 500
def cache_file(cache_dir: Path, deck_path: Path) -> Path:
    """Where the deck file's cache is kept."""
    digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:20]
    return cache_dir / f"{digest}.sqlite"


def stamp(deck_path: Path) -> str:
    """What the deck file is now, for a cache entry: which quiz reads which file, its size and
    modification time (taken before the file is read: a change while it is read then misses)."""
    info = deck_path.stat()
    return json.dumps([*maker(deck_path), info.st_size, info.st_mtime_ns])


def maker(deck_path: Path) -> list[Any]:
    """The part of a stamp that chunks must share to be reused: the quiz that read them, and the file."""
    return [__version__, FORMAT, str(deck_path.resolve())]


def file_digest(data: bytes) -> bytes:
    """What the cache knows a deck file's bytes by (SHA-256: in hardware on most processors,
    twice as fast as BLAKE2 on 16 MB here)."""
    return hashlib.sha256(data).digest()


def connect(file: Path) -> sqlite3.Connection:
    """A cache file opened to read. immutable: a cache file is only ever replaced whole, never
    changed, so no locking."""
    return sqlite3.connect(f"{file.as_uri()}?mode=ro&immutable=1", uri=True)


def read(cache_dir: Path, deck_path: Path) -> Deck | None:
    """The cached deck, or None when there is none or the file has changed since."""
    try:
        now = stamp(deck_path)
        file = cache_file(cache_dir, deck_path)
        if not file.is_file():
            return None
        db = connect(file)
        row = db.execute("SELECT stamp, header FROM deck").fetchone()
        if row is None or row[0] != now:
            db.close()
            return None
        return CachedDeck(db, json.loads(row[1]), file)
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        return None


def opened(file: Path) -> Deck | None:
    """The deck in a cache file just written (None if it cannot be read)."""
    try:
        db = connect(file)
        ((header,),) = db.execute("SELECT header FROM deck").fetchall()
        return CachedDeck(db, json.loads(header), file)
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        return None


def known(cache_dir: Path, deck_path: Path) -> Known:
    """The chunks of the deck file's last version that read cleanly (whatever the file is now;
    see quiz/decks/chunks.py); none when there are none. Their entries are read when first asked
    for, from the cache file as it was opened here."""
    from quiz.decks.chunks import Remembered, Stored

    try:
        file = cache_file(cache_dir, deck_path)
        if file.is_file():
            db = connect(file)
            row = db.execute("SELECT stamp, digests, positions FROM deck").fetchone()
            if row is not None and row[1] is not None and json.loads(row[0])[:3] == maker(deck_path):
                return Stored(row[1], lambda: _chunks(db, row[2]))
            db.close()
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        pass
    return Remembered()


def _chunks(db: sqlite3.Connection, blob: bytes) -> tuple[list[Entry], array[int]] | None:
    """The known chunks' entries and positions (chunks.Stored), None when they cannot be read."""
    try:
        positions = array("I")
        positions.frombytes(blob)
        return rows.entries(lambda sql: db.execute(sql).fetchall()), positions
    except (ValueError, KeyError, TypeError, IndexError, sqlite3.Error):
        return None
    finally:
        db.close()


def write(cache_dir: Path, deck_path: Path, deck: Deck, chunks: Records | None = None, file: bytes | None = None, when: str | None = None) -> None:
    """Store the deck, with its chunks when it was read chunk by chunk (`CheckResult.chunks`),
    the digest of the file's bytes (`file_digest`) and the file's `stamp` when they are known (the
    stamp taken now otherwise); a cache that cannot be written is skipped silently (it is only a
    cache)."""
    try:
        now = when or stamp(deck_path)
        replace_whole(cache_dir, deck_path, lambda temporary: _fill(temporary, now, deck, chunks, file))
    except (OSError, sqlite3.Error):
        pass


def replace_whole(cache_dir: Path, deck_path: Path, fill: Callable[[Path], None]) -> Path:
    """The deck file's cache replaced by a new file that `fill` writes (given its path): written
    beside it, on disk, then renamed over it, so that a reader sees the old cache or the new one,
    never a half-written file, even after a crash or a power cut. Gives the cache's path."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
    target = cache_file(cache_dir, deck_path)
    try:
        fill(Path(temporary))
        os.fsync(handle)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        os.close(handle)
    _remove_stale(cache_dir)
    return target


def restamp(cache_dir: Path, deck_path: Path, when: str) -> Deck | None:
    """The cache of a deck file whose bytes are what they were (`file_digest`), with its new
    stamp: a copy of the file, the stamp changed in it, put in place as `replace_whole` does.
    None when it cannot be (nothing is changed then)."""
    old = cache_file(cache_dir, deck_path)

    def fill(temporary: Path) -> None:
        shutil.copyfile(old, temporary)
        db = sqlite3.connect(temporary)
        try:
            db.execute("PRAGMA journal_mode=OFF")  # a private copy until it is renamed into place
            with db:
                db.execute("UPDATE deck SET stamp = ?", (when,))
        finally:
            db.close()

    try:
        return opened(replace_whole(cache_dir, deck_path, fill))
    except (OSError, sqlite3.Error):
        return None


def new_cache(file: Path) -> sqlite3.Connection:
    """An empty cache file to fill, in one transaction; the caller commits."""
    db = sqlite3.connect(file.resolve().as_uri(), uri=True)  # a URI, for another cache ATTACHed read-only
    db.execute("PRAGMA journal_mode=OFF")  # a new file, renamed into place only when complete
    db.execute("PRAGMA synchronous=OFF")
    db.executescript(SCHEMA)
    return db


def _fill(file: Path, when: str, deck: Deck, chunks: Records | None, digest: bytes | None) -> None:
    cards = deck.cards()
    head = digests = positions = None
    firsts: array[int] | None = rows.first_cards(cards)
    # An entry of no cards (not from a deck that read cleanly): entries are then written out whole.
    if firsts is not None and len(firsts) != len(deck.entries):
        firsts = None
    # Each chunk is one entry, in order: kept only when they line up, as they do for a deck read cleanly.
    if chunks is not None and len(chunks.cards) == len(deck.entries) and all(
        read.entry is entry for (_, read, _), entry in zip(chunks.cards, deck.entries, strict=True)
    ):
        head, digests = chunks.head, b"".join(digest for digest, _, _ in chunks.cards)
        positions = array("I", itertools.chain.from_iterable(rows.chunk_row(read, line) for _, read, line in chunks.cards)).tobytes()
    db = new_cache(file)
    try:
        db.execute(
            "INSERT INTO deck VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (when, rows.encode(rows.header(deck, len(cards))), rows.encode([card.id for card in cards]), digest,
             None if firsts is None else firsts.tobytes(), head, digests, positions),
        )
        bounds = [None] * len(deck.entries) if firsts is None else zip(firsts, [*firsts[1:], len(cards)], strict=True)
        db.executemany(
            "INSERT INTO entries VALUES (?, ?, ?)",
            ((n, *_entry_columns(entry, cards, span)) for n, (entry, span) in enumerate(zip(deck.entries, bounds))),
        )
        # The n cards of an n-gap cloze share its text: written once, not n times.
        texts: dict[str, int] = {}
        db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?)", ((position, card.id, *rows.card_row(card, texts)) for position, card in enumerate(cards)))
        db.executemany("INSERT INTO texts VALUES (?, ?)", ((number, text) for text, number in texts.items()))
        db.execute(INDEXES)
        db.commit()
    finally:
        db.close()


def _entry_columns(entry: Entry, cards: list[Card], span: tuple[int, int] | None) -> tuple[int, str | None]:
    """`rows.entry_columns` of an entry whose cards are `cards[start:stop]` (`span`), if known."""
    if span is None:
        return rows.entry_columns(entry, None, 0)
    start, stop = span
    return rows.entry_columns(entry, cards[start], stop - start)


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
        object.__setattr__(self, "sources", {name: rows.source_of(fields) for name, fields in header["sources"].items()})
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
        try:
            return tuple(rows.entries(self._rows))
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise CacheError(f"the parsed-deck cache {self._file} is damaged ({exc}); delete it and quiz will parse {self.path} afresh") from exc

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

    def positions(self, ids: Collection[str]) -> dict[str, int]:
        wanted = list(ids)
        found: dict[str, int] = {}
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start : start + BATCH]
            found.update(self._rows(f"SELECT id, position FROM cards WHERE id IN ({','.join('?' * len(batch))})", batch))
        return found

    def card(self, card_id: str) -> Card:
        found = self._rows("SELECT card FROM cards WHERE id = ?", (card_id,))
        if not found:
            raise KeyError(card_id)
        return self._card(found[0][0])

    def _card(self, row: str) -> Card:
        return rows.card_of(self.id, row, self._text)

    def _text(self, number: int) -> str:
        """A cloze's text, read once however many of its cards are read."""
        if number not in self._texts:
            ((text,),) = self._rows("SELECT text FROM texts WHERE number = ?", (number,))
            self._texts[number] = text
        return self._texts[number]
