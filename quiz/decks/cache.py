"""A cache of parsed decks, so that starting quiz does not re-parse, or even read whole, a large deck.

Parsing YAML is slow (seconds for 100,000 cards even with libyaml), and so is expanding entries
into cards. Each deck file's cache is a small SQLite database holding what start-up needs: the
deck's header, its expanded cards one row each (by position and by id; a cloze's text once,
however many cards its gaps make), the ids of all of them, and the entries as written (one row
each, read only if asked for). A `CachedDeck` reads cards from it as they are needed: a study
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
import operator
import os
import shutil
import sqlite3
import tempfile
import time
from array import array
from collections.abc import Callable, Collection, Iterable, Sequence
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
FORMAT = 8
# A temporary file this old was left by a process that died while writing it.
STALE_SECONDS = 3600
# deck: `file` is a digest of the deck file's bytes; `head`, `digests` and `firsts` are there when
# it was read chunk by chunk: what its header and each entry's chunk are known by
# (quiz/decks/chunks.py), and the position of each entry's first card (unsigned 32-bit, native).
# entries: `at` is where the entry's card, source and quote are in its chunk (with `digests`).
# cards: `cloze` is the number of a cloze card's text in `texts`.
SCHEMA = """
CREATE TABLE deck (stamp TEXT NOT NULL, header TEXT NOT NULL, ids TEXT NOT NULL, file BLOB,
                   head BLOB, digests BLOB, firsts BLOB);
CREATE TABLE entries (number INTEGER PRIMARY KEY, fields TEXT NOT NULL, at TEXT);
CREATE TABLE cards (position INTEGER PRIMARY KEY, id TEXT NOT NULL, card TEXT NOT NULL, cloze INTEGER);
CREATE TABLE texts (number INTEGER PRIMARY KEY, text TEXT NOT NULL);
"""
# Made once the rows are in: sorting 100,000 ids once is cheaper than keeping the index in order
# through as many inserts.
INDEXES = "CREATE INDEX cards_id ON cards(id);"
# Card ids bound per query (SQLite allows 32,766 parameters).
BATCH = 500
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
_NOWHERE = (None, None)
_LIST_FIELDS = tuple(index for index, key in enumerate(ENTRY_KEYS) if key in LIST_KEYS)


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
    """What the cache knows a deck file's bytes by."""
    return hashlib.blake2b(data, digest_size=16).digest()


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
    see quiz/decks/chunks.py); none when there are none."""
    from quiz.decks.chunks import Remembered, Stored

    try:
        file = cache_file(cache_dir, deck_path)
        if file.is_file():
            db = connect(file)
            try:
                row = db.execute("SELECT stamp, digests FROM deck").fetchone()
                if row is not None and row[1] is not None and json.loads(row[0])[:3] == maker(deck_path):
                    rows = db.execute("SELECT fields, at FROM entries ORDER BY number").fetchall()
                    return Stored(row[1], [_entry(json.loads(fields)) for fields, _ in rows], [json.loads(at) for _, at in rows])
            finally:
                db.close()
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        pass
    return Remembered()


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
    head = digests = firsts = None
    at: Iterable[str | None] = itertools.repeat(None)
    # Each chunk is one entry, in order: kept only when they line up, as they do for a deck read cleanly.
    if chunks is not None and len(chunks.cards) == len(deck.entries) and all(
        read.entry is entry for (_, read, _), entry in zip(chunks.cards, deck.entries, strict=True)
    ):
        head, digests = chunks.head, b"".join(digest for digest, _, _ in chunks.cards)
        firsts = first_cards(cards).tobytes()
        at = (encode_row(chunk_row(read, line)) for _, read, line in chunks.cards)
    db = new_cache(file)
    try:
        db.execute(
            "INSERT INTO deck VALUES (?, ?, ?, ?, ?, ?, ?)",
            (when, encode(header(deck, len(cards))), encode([card.id for card in cards]), digest, head, digests, firsts),
        )
        db.executemany("INSERT INTO entries VALUES (?, ?, ?)", ((n, entry_row(entry), where) for n, (entry, where) in enumerate(zip(deck.entries, at))))
        # The n cards of an n-gap cloze share its text: written once, not n times.
        texts: dict[str, int] = {}
        db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?)", ((position, card.id, *card_row(card, texts)) for position, card in enumerate(cards)))
        db.executemany("INSERT INTO texts VALUES (?, ?)", ((number, text) for text, number in texts.items()))
        db.execute(INDEXES)
        db.commit()
    finally:
        db.close()


def first_cards(cards: Sequence[Card]) -> array[int]:
    """The position of each entry's first card: an entry's cards are one card, or a cloze's
    cards gap 0, 1, ... in order."""
    return array("I", (position for position, card in enumerate(cards) if not card.gap))


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


def chunk_row(read: ReadCard, line: int) -> tuple[int | None, ...]:
    """Where the card of a chunk starting on `line`, its source and its quote are in the chunk."""
    source, quote = read.source_at or _NOWHERE, read.quote_at or _NOWHERE
    return (read.at[0] - line, read.at[1], _up(source[0], line), source[1], _up(quote[0], line), quote[1])


def _up(at: int | None, lines: int) -> int | None:
    return None if at is None else at - lines


def entry_row(entry: Entry) -> str:
    """An entry's row: its fields in ENTRY_KEYS order."""
    return encode_row(_ENTRY_FIELDS(entry))


def card_row(card: Card, texts: dict[str, int], first: int = 0) -> tuple[str, int | None]:
    """The card as a row, and the number of a cloze card's text: its row in `texts` (numbered from `first`)."""
    text: str | int = card.text if card.gap is None else texts.setdefault(card.text, first + len(texts))
    # kind: a StrEnum, which JSON writes as its text
    row = [card.id, card.kind, text, card.answer, card.accept, card.choices, card.source, card.quote, card.tags, card.note, card.gap]
    return encode_row(row), None if card.gap is None else texts[card.text]


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
        return tuple(_entry(json.loads(fields)) for (fields,) in self._rows("SELECT fields FROM entries ORDER BY number"))

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
