"""Bringing a changed deck file's parsed-deck cache up to date, doing only what changed.

`reread` is what a cache miss does (quiz/decks/catalog.py). When the file's bytes are the ones
the cache was made from (the file was touched, or saved unchanged), the cache is kept with the
file's new stamp: nothing is parsed. When the deck was read chunk by chunk before
(quiz/decks/chunks.py), only the chunks that the cache does not know are composed, and the new
cache is made from the old one inside SQLite: the unchanged entries' rows are copied by ranges,
never decoded, checked or encoded again. That is taken only when the deck is shown to read
without a problem, from what the old cache holds and what the new chunks give:

- the old cache holds a deck that read cleanly (only those are cached), by the same quiz, of the
  same file; a chunk's digest is of its text and of the deck's `escapes`, so a known chunk reads
  alone as it did, and a chunk read alone reads as the whole parse reads it there (chunks.py),
  the header composing alone as it is checked to here;
- the header (the text but the card list) composes alone as chunks.py checks it to; when it
  changed, it reads cleanly alone (the card list streamed, as the whole parse streams it), and
  keeps the deck's id, which the ids of cards without one are made from; no old card names a
  source it no longer has (the other reading of a card against its header: a quote is checked
  against its source's file only by `quiz check`);
- each new chunk reads cleanly alone and names only sources the deck has;
- no two entries share an id and no two cards do (the checks over the whole deck): each known
  entry is used at most once, and no new entry's id or card ids are among the others'.

Anything else (a problem, a new deck id, a chunk copied, a text the cut refuses, an old cache
without chunks) is read by `check_bytes` as before, with the chunks the cache knows, so problems
are the whole parse's, at the same FILE:LINE:COL.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.decks import cache, chunks, rows
from quiz.decks.file import MAX_BYTES, _Loader, check_bytes, slug
from quiz.decks.model import Card, Deck, Entry, entry_id, expand
from quiz.decks.reader import Problem, SchemaReader


@dataclass(frozen=True, slots=True)
class Previous:
    """What the deck file's cache holds of its last version."""

    file: Path
    header: dict[str, Any]
    digest: bytes | None  # of the file's bytes
    firsts: bytes | None  # see cache.SCHEMA; the rest when the deck was read chunk by chunk
    head: bytes | None
    digests: bytes | None
    positions: bytes | None


@dataclass(frozen=True, slots=True)
class Fresh:
    """An entry of a chunk that the cache did not know, read alone."""

    entry: Entry
    at: tuple[int, ...]  # where its card, source and quote are in the chunk (rows.chunk_row)
    cards: list[Card]


@dataclass(slots=True)
class Layout:
    """The new cache made of the old one's rows and fresh entries: ranges of old rows with what
    to add to their numbers (shift, start, stop), and each entry's first card."""

    entry_runs: list[tuple[int, int, int]]
    card_runs: list[tuple[int, int, int]]
    firsts: array[int]
    positions: array[int]
    ids: list[str]


def reread(cache_dir: Path, path: Path) -> tuple[Deck | None, list[Problem]]:
    """The deck file read after its cache missed, and its cache brought up to date: the deck,
    or None and the errors. One process at a time does it for a file (a lock beside its cache),
    so that the old cache read is the one replaced, whole."""
    from quiz.files import FileError, locked

    with contextlib.ExitStack() as held:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            held.enter_context(locked(cache.cache_file(cache_dir, path)))
        except (OSError, FileError):
            pass  # the cache cannot be written there: read the file as if there were none
        # Another process may have brought it up to date while this one waited.
        hit = cache.read(cache_dir, path)
        return (hit, []) if hit is not None else _reread(cache_dir, path)


def _reread(cache_dir: Path, path: Path) -> tuple[Deck | None, list[Problem]]:
    from quiz.files import FileError, read_bytes

    try:
        when: str | None = cache.stamp(path)
    except OSError:
        when = None
    try:
        raw = read_bytes(path, MAX_BYTES, "deck")
    except FileError as exc:
        return None, [Problem(str(path), 1, 1, exc.reason)]
    digest = cache.file_digest(raw)
    old = previous(cache_dir, path) if when is not None else None
    if old is not None and when is not None:
        same = old.digest == digest
        deck = cache.restamp(cache_dir, path, when) if same else update(cache_dir, path, old, raw, when, digest)
        if deck is not None:
            return deck, []
    result = check_bytes(raw, path, known=cache.known(cache_dir, path))
    if result.deck is not None:
        cache.write(cache_dir, path, result.deck, result.chunks, digest, when)
    return result.deck, result.errors


def previous(cache_dir: Path, path: Path) -> Previous | None:
    """What the cache holds of the file's last version, read by this quiz (None: nothing)."""
    file = cache.cache_file(cache_dir, path)
    try:
        db = cache.connect(file)
        try:
            row = db.execute("SELECT stamp, header, file, firsts, head, digests, positions FROM deck").fetchone()
        finally:
            db.close()
        if row is None or json.loads(row[0])[:3] != cache.maker(path):
            return None
        return Previous(file, json.loads(row[1]), *row[2:])
    except (OSError, ValueError, TypeError, sqlite3.Error):
        return None


def update(cache_dir: Path, path: Path, old: Previous, raw: bytes, when: str, digest: bytes) -> Deck | None:
    """The deck of the file's bytes `raw`, cached anew from the old cache and the chunks it does
    not know; None unless it reads without a problem (see the module's doc) and is cached."""
    known = old.digests
    if old.head is None or known is None or old.firsts is None or old.positions is None:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    pieces = chunks.cut(text)
    if pieces is None:
        return None
    escapes = "\\" in text
    head = pieces.head(escapes)
    if head == old.head:
        # The header cached (its text but the card list): composed alone all the same, as chunks.read does (7 ms).
        header = old.header if chunks.compose_header(pieces, SchemaReader(str(path), None, escapes), _Loader) else None
    else:
        header = _header(pieces, path, escapes, old.header["id"])
    if header is None:
        return None
    bodies = list(pieces.bodies())
    digests = pieces.digests(escapes, bodies)
    numbers = _match(known, digests)
    if numbers is None or chunks.mostly_new(numbers.count(-1), len(numbers)):
        return None
    fresh = _read_fresh(pieces, bodies, numbers, str(path), escapes, header)
    del bodies, pieces, text
    if fresh is None:
        return None
    try:
        db = cache.connect(old.file)
        try:
            ((ids,),) = db.execute("SELECT ids FROM deck").fetchall()
            if not _sources_kept(db, old.header, header):
                return None
        finally:
            db.close()
        old_ids: list[str] = json.loads(ids)
        firsts, positions = array("I"), array("I")
        firsts.frombytes(old.firsts)
        positions.frombytes(old.positions)
        entries = len(firsts)
        if not len(digests) or entries * chunks.DIGEST_SIZE != len(known) or entries * chunks.POSITIONS != len(positions) or old.header["cards"] != len(old_ids):
            return None
        bounds = [*firsts, len(old_ids)]
        if not _distinct(old.header["id"], old_ids, bounds, numbers, fresh):
            return None
        layout = _layout(old_ids, bounds, positions, numbers, fresh)
        del old_ids, bounds
        header = {**header, "cards": len(layout.ids)}
        return cache.opened(cache.replace_whole(cache_dir, path, lambda temporary: _fill(temporary, old.file, when, header, digest, head, digests, layout, fresh)))
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        return None


def _header(pieces: chunks.Cut, path: Path, escapes: bool, deck_id: str) -> dict[str, Any] | None:
    """The deck's header, changed since it was cached, read alone (its card list streamed, as a
    whole parse streams it); None unless it reads without a problem and keeps the deck's id
    (which the ids of cards without one are made from)."""
    reader = SchemaReader(str(path), None, escapes)
    composed = chunks.compose_header(pieces, reader, _Loader)
    if composed is None:
        return None
    root, index = composed
    chunks.empty_cards(root, index, reader.filename, pieces.first_line)
    reader.items = pieces.count()  # the card list's items, read elsewhere: it is not empty
    deck = reader.deck(root, slug(path.stem), str(path.resolve()))
    if deck is None or reader.errors or deck.id != deck_id:
        return None
    return rows.header(deck, 0)


def _sources_kept(db: sqlite3.Connection, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether no card of the old cache names a source the deck no longer has (its cards read
    cleanly, so they named only sources it had then)."""
    gone = sorted(set(old["sources"]) - set(new["sources"]))
    if not gone:
        return True
    # A card's row is [id, kind, text, answer, accept, choices, source, ...] (rows.card_row).
    found = db.execute(f"SELECT 1 FROM cards WHERE json_extract(card, '$[6]') IN ({','.join('?' * len(gone))}) LIMIT 1", gone)
    return found.fetchone() is None


def _match(known: bytes, digests: list[bytes]) -> list[int] | None:
    """Each chunk's entry in the old cache (-1: not known); None when an old entry is used twice
    (a chunk copied: a duplicate, for the whole parse to report)."""
    size = chunks.DIGEST_SIZE
    keys = map(known.__getitem__, map(slice, range(0, len(known), size), range(size, len(known) + size, size)))
    index = dict(zip(keys, range(len(known) // size)))
    numbers = list(map(index.get, digests, itertools.repeat(-1)))
    fresh = numbers.count(-1)
    return numbers if len(set(numbers)) == len(numbers) - fresh + (fresh > 0) else None


def _read_fresh(pieces: chunks.Cut, bodies: list[bytes], numbers: list[int], filename: str, escapes: bool, header: dict[str, Any]) -> dict[int, Fresh] | None:
    """The chunks not known, by number, each composed and read alone; None unless each reads
    without a problem and names only the deck's sources."""
    reader = SchemaReader(filename, None, escapes, defer_hints=True)
    fresh: dict[int, Fresh] = {}
    for number, known in enumerate(numbers):
        if known >= 0:
            continue
        item = chunks.compose_alone(pieces.chunk(bodies[number], number == len(bodies) - 1), _Loader)
        if item is None:
            return None
        reading = reader.read_alone(item)
        read = reading.read
        if read is None or not reading.clean or (read.entry.source is not None and read.entry.source not in header["sources"]):
            return None
        fresh[number] = Fresh(read.entry, rows.chunk_row(read, 0), expand(header["id"], read.entry))
    return fresh


def _distinct(deck_id: str, old_ids: list[str], bounds: list[int], numbers: list[int], fresh: dict[int, Fresh]) -> bool:
    """Whether no fresh entry's id or card ids are another entry's id or card ids. The known
    entries' are distinct (their deck read cleanly); an entry's id is its card's, or the part of
    a multi-gap cloze's card ids before the last ':' (gap keys hold none). Conservative: a card
    id equal to another entry's id is refused too (the whole parse then decides)."""
    if not fresh:
        return True
    dropped = set(range(len(bounds) - 1)).difference(numbers)  # -1 is none of them
    taken = set(old_ids)
    for number in dropped:
        taken.difference_update(old_ids[bounds[number] : bounds[number + 1]])
    taken.update(
        old_ids[start].rpartition(":")[0]
        for number, (start, stop) in enumerate(itertools.pairwise(bounds))
        if stop - start > 1 and number not in dropped
    )
    for entry in fresh.values():
        names = {entry_id(deck_id, entry.entry), *(card.id for card in entry.cards)}
        if not taken.isdisjoint(names):
            return False
        taken.update(names)
    return True


def _layout(old_ids: list[str], bounds: list[int], positions: array[int], numbers: list[int], fresh: dict[int, Fresh]) -> Layout:
    """Where the known entries' rows go in the new cache, and its card ids in order."""
    # Where runs of old entries, in order, begin (and each fresh entry): a few, for an edit.
    starts = []
    previous = -2
    for number, known in enumerate(numbers):
        if known != previous + 1 or known < 0:
            starts.append(number)
        previous = known if known >= 0 else -2
    layout = Layout([], [], array("I"), array("I"), [])
    position = 0
    for start, stop in itertools.pairwise([*starts, len(numbers)]):
        known = numbers[start]
        if known < 0:
            cards = fresh[start].cards
            layout.firsts.append(position)
            layout.positions.extend(fresh[start].at)
            layout.ids.extend(card.id for card in cards)
            position += len(cards)
            continue
        first, last = bounds[known], bounds[known + stop - start]
        layout.entry_runs.append((start - known, known, known + stop - start))
        layout.card_runs.append((position - first, first, last))
        layout.firsts.extend(map((position - first).__add__, bounds[known : known + stop - start]))
        layout.positions.extend(positions[chunks.POSITIONS * known : chunks.POSITIONS * (known + stop - start)])
        layout.ids += old_ids[first:last]
        position += last - first
    return layout


def _fill(temporary: Path, old: Path, when: str, header: dict[str, Any], digest: bytes, head: bytes, digests: list[bytes], layout: Layout, fresh: dict[int, Fresh]) -> None:
    db = cache.new_cache(temporary)
    try:
        db.execute("ATTACH DATABASE ? AS old", (f"{old.resolve().as_uri()}?mode=ro&immutable=1",))
        db.execute(
            "INSERT INTO deck VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (when, rows.encode(header), rows.encode(layout.ids), digest, layout.firsts.tobytes(), head, b"".join(digests), layout.positions.tobytes()),
        )
        db.executemany("INSERT INTO entries SELECT number + ?, named, fields FROM old.entries WHERE number >= ? AND number < ?", layout.entry_runs)
        db.executemany("INSERT INTO cards SELECT position + ?, id, card, cloze FROM old.cards WHERE position >= ? AND position < ?", layout.card_runs)
        # The old texts still used, under their numbers; the fresh ones after them.
        db.execute("INSERT INTO texts SELECT number, text FROM old.texts WHERE number IN (SELECT cloze FROM cards)")
        ((after,),) = db.execute("SELECT coalesce(max(number) + 1, 0) FROM old.texts").fetchall()
        texts: dict[str, int] = {}
        db.executemany("INSERT INTO entries VALUES (?, ?, ?)", ((number, *rows.entry_columns(new.entry, new.cards[0], len(new.cards))) for number, new in fresh.items()))
        db.executemany(
            "INSERT INTO cards VALUES (?, ?, ?, ?)",
            ((layout.firsts[number] + gap, card.id, *rows.card_row(card, texts, after)) for number, new in fresh.items() for gap, card in enumerate(new.cards)),
        )
        db.executemany("INSERT INTO texts VALUES (?, ?)", ((number, text) for text, number in texts.items()))
        db.execute(cache.INDEXES)
        db.commit()
    finally:
        db.close()
