"""Reading Anki packages (.apkg, .colpkg): a zip holding an SQLite collection, in either layout.

- legacy: `collection.anki2` (Anki 2.0) or `collection.anki21` (2.1 up to 2.1.49), schema 11,
  with note types and decks as JSON in the `col` row;
- current: `collection.anki21b` (2.1.50 and later), zstd-compressed, schema 18, with note types,
  fields, templates and decks in tables and their settings as protobuf messages.

A current package also holds a stub `collection.anki2` asking to update Anki: the newest layout
present is the one read. Media files are counted, never extracted. Everything comes back as the
plain records below, the same whatever the layout.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from quiz.errors import QuizError

LAYOUTS = ("collection.anki21b", "collection.anki21", "collection.anki2")
# A collection bigger than this when unpacked is refused (a zip or zstd bomb, or not a deck).
MAX_COLLECTION_BYTES = 4 * 1024**3
FIELD_SEPARATOR = "\x1f"


class PackageError(QuizError):
    """The file is not an Anki package quiz can read."""


@dataclass(frozen=True)
class Template:
    name: str
    question: str  # the front's template, e.g. "{{Front}}"
    answer: str


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    cloze: bool
    fields: tuple[str, ...]
    templates: tuple[Template, ...]


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    notetype_id: int
    fields: tuple[str, ...]  # HTML
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Card:
    id: int
    note_id: int
    deck_id: int
    ord: int  # which template (or, for a cloze, which cN - 1)


@dataclass(frozen=True)
class Review:
    """A row of Anki's revlog."""

    id: int  # when, in ms since 1970
    card_id: int
    ease: int  # 1-4; 0 for a manual change (reset, set due date)
    interval: int
    factor: int
    time_ms: int
    kind: int  # 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled


@dataclass(frozen=True)
class Package:
    layout: str
    notetypes: dict[int, NoteType]
    decks: dict[int, str]  # id → full name, subdecks joined by '::'
    notes: list[Note]
    cards: list[Card]
    reviews: list[Review]
    media: int  # media files in the package, skipped


def read_package(path: Path) -> Package:
    """Read the notes, cards and review log of an Anki package."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PackageError(f"{path}: not an Anki package (.apkg or .colpkg is a zip file): {exc}") from None
    with archive, tempfile.TemporaryDirectory(prefix="quiz-anki-") as folder:
        names = set(archive.namelist())
        layout = next((name for name in LAYOUTS if name in names), None)
        if layout is None:
            raise PackageError(f"{path}: no Anki collection inside (expected one of {', '.join(LAYOUTS)})")
        database = Path(folder) / "collection.db"
        _unpack(archive, layout, database, path)
        media = sum(1 for name in names if name.isdigit())
        with _connect(database, path) as db:
            try:
                current = _table_exists(db, "notetypes")
                notetypes = _notetypes_current(db) if current else _notetypes_legacy(db)
                decks = _decks_current(db) if current else _decks_legacy(db)
                notes = [Note(nid, guid, mid, tuple(flds.split(FIELD_SEPARATOR)), tuple(tags.split()))
                         for nid, guid, mid, flds, tags in db.execute("SELECT id, guid, mid, flds, tags FROM notes ORDER BY id")]
                cards = [Card(*row) for row in db.execute("SELECT id, nid, did, ord FROM cards ORDER BY nid, ord")]
                reviews = [Review(*row) for row in db.execute(
                    "SELECT id, cid, ease, ivl, factor, time, type FROM revlog ORDER BY id")]
            except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
                raise PackageError(f"{path}: the collection inside ({layout}) is damaged or of an unknown kind: {exc}") from None
    return Package(layout, notetypes, decks, notes, cards, reviews, media)


def _unpack(archive: zipfile.ZipFile, layout: str, target: Path, path: Path) -> None:
    info = archive.getinfo(layout)
    if info.file_size > MAX_COLLECTION_BYTES:
        raise PackageError(f"{path}: the collection inside is {info.file_size:,} bytes; quiz reads at most {MAX_COLLECTION_BYTES:,}")
    try:
        with archive.open(info) as packed, target.open("wb") as out:
            if layout.endswith("b"):
                _unzstd(packed, out, path)
            else:
                shutil.copyfileobj(packed, out)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise PackageError(f"{path}: cannot unpack {layout}: {exc}") from None


def _unzstd(packed: IO[bytes], out: IO[bytes], path: Path) -> None:
    import zstandard

    total = 0
    try:
        with zstandard.ZstdDecompressor().stream_reader(packed) as reader:
            while chunk := reader.read(1 << 20):
                total += len(chunk)
                if total > MAX_COLLECTION_BYTES:
                    raise PackageError(f"{path}: the collection inside unpacks to over {MAX_COLLECTION_BYTES:,} bytes")
                out.write(chunk)
    except zstandard.ZstdError as exc:
        raise PackageError(f"{path}: collection.anki21b is not valid zstd data: {exc}") from None


@contextlib.contextmanager
def _connect(database: Path, path: Path) -> Iterator[sqlite3.Connection]:
    try:
        # immutable: read only, and no journal or WAL files beside a copy nobody else writes.
        db = sqlite3.connect(f"{database.as_uri()}?immutable=1", uri=True)
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise PackageError(f"{path}: the collection inside is not an SQLite database: {exc}") from None
    try:
        yield db
    finally:
        db.close()


def _table_exists(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


# -- schema 11: JSON in the col row ---------------------------------------------------------


def _notetypes_legacy(db: sqlite3.Connection) -> dict[int, NoteType]:
    (models,) = db.execute("SELECT models FROM col").fetchone()
    result = {}
    for model in json.loads(models).values():
        fields = tuple(field["name"] for field in sorted(model["flds"], key=lambda f: f["ord"]))
        templates = tuple(Template(t["name"], t["qfmt"], t["afmt"]) for t in sorted(model["tmpls"], key=lambda t: t["ord"]))
        result[int(model["id"])] = NoteType(int(model["id"]), model["name"], model.get("type") == 1, fields, templates)
    return result


def _decks_legacy(db: sqlite3.Connection) -> dict[int, str]:
    (decks,) = db.execute("SELECT decks FROM col").fetchone()
    return {int(deck["id"]): deck["name"] for deck in json.loads(decks).values()}


# -- schema 18: tables, with protobuf settings ----------------------------------------------


def _notetypes_current(db: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, name in db.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(ntid, []).append(name)
    templates: dict[int, list[Template]] = {}
    for ntid, name, config in db.execute("SELECT ntid, name, config FROM templates ORDER BY ntid, ord"):
        message = protobuf_fields(config)
        templates.setdefault(ntid, []).append(Template(name, _text(message, 1), _text(message, 2)))
    result = {}
    for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes"):
        kind = protobuf_fields(config).get(1, [0])[0]  # Notetype.Config.kind: 0 normal, 1 cloze
        result[ntid] = NoteType(ntid, name, kind == 1, tuple(fields.get(ntid, ())), tuple(templates.get(ntid, ())))
    return result


def _decks_current(db: sqlite3.Connection) -> dict[int, str]:
    return {deck_id: name.replace(FIELD_SEPARATOR, "::") for deck_id, name in db.execute("SELECT id, name FROM decks")}


def _text(message: dict[int, list[int | bytes]], number: int) -> str:
    value = message.get(number, [b""])[0]
    return value.decode("utf-8") if isinstance(value, bytes) else ""


def protobuf_fields(data: bytes) -> dict[int, list[int | bytes]]:
    """The top-level fields of a protobuf message: varints as ints, everything else as bytes.

    Anki keeps note type and template settings as protobuf; quiz needs three of their fields,
    which this reads without the generated classes.
    """
    fields: dict[int, list[int | bytes]] = {}
    at = 0

    def varint() -> int:
        nonlocal at
        value = shift = 0
        while True:
            if at >= len(data):
                raise ValueError("truncated protobuf message")
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while at < len(data):
        key = varint()
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value = varint()
        elif wire == 2:
            size = varint()
            value, at = data[at : at + size], at + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, at = data[at : at + size], at + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        fields.setdefault(number, []).append(value)
    return fields
