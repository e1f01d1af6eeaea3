"""Building and reading Anki collections and packages with Anki's own library (the `anki`
package from PyPI), for the import and export tests."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler.v3 import CardAnswer

RATINGS = {1: CardAnswer.AGAIN, 2: CardAnswer.HARD, 3: CardAnswer.GOOD, 4: CardAnswer.EASY}


@contextmanager
def collection(folder: Path) -> Iterator[Collection]:
    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def add_note(col: Collection, notetype: str, fields: dict[str, str], tags: tuple[str, ...] = (), deck: str = "Default") -> Any:
    note = col.new_note(col.models.by_name(notetype))
    for name, value in fields.items():
        note[name] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note


def answer(col: Collection, card_id: int, rating: int) -> None:
    """Answer one card with Anki's own scheduler (v3), as the app does."""
    card = col.get_card(card_id)
    card.start_timer()
    states = col._backend.get_scheduling_states(card.id)
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=RATINGS[rating]))


def export_package(col: Collection, path: Path, legacy: bool) -> Path:
    col.export_anki_package(out_path=str(path), limit=None, options=ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy))
    return path


def as_anki2_only(package: Path, target: Path) -> Path:
    """The legacy package as Anki 2.0 wrote it: its schema-11 collection as collection.anki2 alone."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(target, "w") as out:
        out.writestr("collection.anki2", source.read("collection.anki21"))
        out.writestr("media", source.read("media"))
    return target


def import_package(col: Collection, path: Path) -> Any:
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions(
        with_scheduling=True, merge_notetypes=False, update_notes=1, update_notetypes=1))
    return col.import_anki_package(request)


def revlog(col: Collection) -> list[tuple[int, int, int, int, int]]:
    """(time ms, card id, ease, time taken ms, kind) of every answer."""
    return [tuple(row) for row in col.db.all("SELECT id, cid, ease, time, type FROM revlog ORDER BY id")]


def cards_of(col: Collection, note_id: int) -> list[Any]:
    return sorted(col.get_note(note_id).cards(), key=lambda c: c.ord)
