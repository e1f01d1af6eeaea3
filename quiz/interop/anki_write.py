"""Writing an Anki package (.apkg): the legacy layout, `collection.anki21` (schema 11), which every
Anki since 2.1 imports, built with sqlite3 and zipped with zipfile.

The package holds one deck, quiz's two note types, one note per card entry and its cards, and
with history the revlog and each card's scheduling. Ids of the deck, note types, notes and
cards derive from quiz's ids, so exporting again gives the same ids and Anki updates what it
imported before instead of adding copies.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from quiz.decks.model import CardKey, Deck
from quiz.interop.anki_history import RevlogRow, Schedule, replayer, revlog_rows, schedule
from quiz.interop.anki_notes import BASIC, CLOZE, NoteOut, QuizNoteType, to_notes
from quiz.interop.anki_package import FIELD_SEPARATOR
from quiz.interop.html import to_text
from quiz.memory.scheduler import Settings
from quiz.store import CardRecord, PastReview

SCHEMA = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
"""
DECK_CONFIG_ID = 1
ROLLOVER_HOUR = 4


@dataclass(frozen=True)
class CardOut:
    """A card to write: its note's card number, and (with history) its scheduling and revlog."""

    ord: int
    schedule: Schedule
    revlog: Sequence[RevlogRow] = ()


def stable_id(*parts: str) -> int:
    """A positive id that fits Anki's (and JavaScript's) integers, the same for the same parts."""
    digest = hashlib.sha1("\n".join(parts).encode()).digest()
    return 1_000_000_000_000 + int.from_bytes(digest[:6], "big") % 9_000_000_000_000


def package_bytes(title: str, description: str, deck_key: str, notes: list[tuple[NoteOut, list[CardOut]]], day_start: datetime) -> bytes:
    """The .apkg file: `notes` with their cards; `day_start` is when the collection's day 0 began."""
    with tempfile.TemporaryDirectory(prefix="quiz-anki-") as folder:
        database = Path(folder) / "collection.anki21"
        db = sqlite3.connect(database)
        try:
            _fill(db, title, description, deck_key, notes, int(day_start.timestamp()))
            db.commit()
        finally:
            db.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki21")
            archive.writestr("media", "{}")
        return buffer.getvalue()


def _fill(db: sqlite3.Connection, title: str, description: str, deck_key: str, notes: list[tuple[NoteOut, list[CardOut]]], crt: int) -> None:
    db.executescript(SCHEMA)
    deck_id = stable_id("deck", deck_key)
    now = crt
    models = {str(kind.id): _notetype(kind, deck_id) for kind in (BASIC, CLOZE)}
    decks = {"1": _deck(1, "Default", ""), str(deck_id): _deck(deck_id, title or deck_key, description)}
    db.execute(
        "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
        (crt, now * 1000, now * 1000, json.dumps({"schedVer": 2, "sched2021": True, "curDeck": deck_id, "activeDecks": [deck_id]}),
         json.dumps(models), json.dumps(decks), json.dumps({"1": _deck_config()})),
    )
    revlog_ids: set[int] = set()
    # Note and card ids count up from the deck's own base, so Anki (and quiz, reading the package
    # back) lists the notes in the deck's order; Anki recognises notes it has by their guid.
    note_ids, card_ids = stable_id("notes", deck_key), stable_id("cards", deck_key)
    for position, (note, cards) in enumerate(notes):
        note_id = note_ids + position
        sort_field = to_text(note.fields[0]).text
        checksum = int(hashlib.sha1(sort_field.encode()).hexdigest()[:8], 16)
        db.execute(
            "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
            (note_id, note.guid, note.notetype.id, now, f" {' '.join(note.tags)} " if note.tags else "",
             FIELD_SEPARATOR.join(note.fields), sort_field, checksum),
        )
        for card in cards:
            card_id, card_ids = card_ids, card_ids + 1
            s = card.schedule
            db.execute(
                "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
                (card_id, note_id, deck_id, card.ord, now, s.type, s.queue, s.due, s.interval, s.factor, s.reps, s.lapses, s.left, s.data),
            )
            for row in card.revlog:
                # Revlog ids are unique times: of two rows in one millisecond, an answer moves
                # later and a manual entry (a reset, placed just before its answer) earlier.
                at, step = row.id, 1 if row.ease else -1
                while at in revlog_ids:
                    at += step
                revlog_ids.add(at)
                db.execute("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                           (at, card_id, row.ease, row.interval, row.last_interval, row.factor, row.time_ms, row.kind))


def _notetype(kind: QuizNoteType, deck_id: int) -> dict[str, object]:
    return {
        "id": kind.id, "name": kind.name, "type": 1 if kind is CLOZE else 0, "mod": 0, "usn": 0, "sortf": 0, "did": deck_id,
        "tmpls": [{"name": "Cloze" if kind is CLOZE else "Card 1", "ord": 0, "qfmt": kind.question, "afmt": kind.answer,
                   "bqfmt": "", "bafmt": "", "did": None, "bfont": "", "bsize": 0}],
        "flds": [{"name": name, "ord": n, "sticky": False, "rtl": False, "font": "Arial", "size": 20, "description": "",
                  "plainText": False, "collapsed": False, "excludeFromSearch": False} for n, name in enumerate(kind.fields)],
        "css": ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n"
               ".cloze { font-weight: bold; color: blue; }\n",
        "latexPre": "", "latexPost": "", "latexsvg": False,
        "req": [[0, "any", [0]]],
        "tags": [], "vers": [],
    }


def _deck(deck_id: int, name: str, description: str) -> dict[str, object]:
    return {
        "id": deck_id, "name": name, "desc": description, "mod": 0, "usn": -1, "dyn": 0, "conf": DECK_CONFIG_ID,
        "collapsed": False, "browserCollapsed": False, "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
    }


def _deck_config() -> dict[str, object]:
    return {
        "id": DECK_CONFIG_ID, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": True, "timer": 0, "replayq": True,
        "dyn": False,
        "new": {"bury": False, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20},
        "rev": {"bury": False, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
    }


def deck_package(deck: Deck, now: datetime, records: dict[CardKey, CardRecord] | None = None,
                 history: dict[CardKey, list[PastReview]] | None = None, settings: Settings = Settings()) -> bytes:
    """The deck as an .apkg; with `records` and `history` (from the store), its scheduling and
    review log too, as the deck's scheduler `settings` give them."""
    # Anki's day starts at 4 in the morning, local time.
    local = now.astimezone()
    day_start = (local - timedelta(hours=ROLLOVER_HOUR)).replace(hour=ROLLOVER_HOUR, minute=0, second=0, microsecond=0)
    notes = []
    position = 0
    scheduler = replayer(settings)
    for note in to_notes(deck):
        cards = []
        for ord_, card_id in enumerate(note.card_ids):
            position += 1
            key = (deck.id, card_id)
            reviews = (history or {}).get(key, [])
            record = (records or {}).get(key) if records is not None else None
            cards.append(CardOut(ord_, schedule(record, len(reviews), position, day_start, settings), revlog_rows(reviews, scheduler)))
        notes.append((note, cards))
    return package_bytes(deck.title, deck.description or "", deck.id, notes, day_start)
