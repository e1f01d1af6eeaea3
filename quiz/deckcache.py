"""A cache of parsed decks, so a study session does not re-parse a large deck's YAML.

Parsing YAML is slow (about 1 s for 10,000 cards even with libyaml); reading the same deck back
as JSON takes a few tens of milliseconds. An entry is used only while the deck file's size and
modification time are what they were when it was written, by the same quiz version. Only
decks without errors are cached, so problems are always reported afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import astuple
from datetime import date
from pathlib import Path
from typing import Any

from quiz import __version__
from quiz.deck import Deck, Entry, Source


def _cache_file(cache_dir: Path, deck_path: Path) -> Path:
    digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:20]
    return cache_dir / f"{digest}.json"


def _stamp(deck_path: Path) -> list[Any]:
    info = deck_path.stat()
    return [__version__, str(deck_path.resolve()), info.st_size, info.st_mtime_ns]


def read(cache_dir: Path, deck_path: Path) -> Deck | None:
    """The cached deck, or None when there is none or the file has changed since."""
    try:
        data = json.loads(_cache_file(cache_dir, deck_path).read_text(encoding="utf-8"))
        if data["stamp"] != _stamp(deck_path):
            return None
        return _decode(data["deck"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(cache_dir: Path, deck_path: Path, deck: Deck) -> None:
    """Store the deck; a cache that cannot be written is skipped silently (it is only a cache)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"stamp": _stamp(deck_path), "deck": _encode(deck)}, ensure_ascii=False)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(payload)
        os.replace(temporary, _cache_file(cache_dir, deck_path))
    except OSError:
        pass


def _encode(deck: Deck) -> dict[str, Any]:
    return {
        "id": deck.id,
        "title": deck.title,
        "description": deck.description,
        "path": deck.path,
        "sources": {
            name: [s.title, s.published.isoformat() if s.published else None, s.file] for name, s in deck.sources.items()
        },
        "entries": [astuple(entry) for entry in deck.entries],
    }


def _decode(data: dict[str, Any]) -> Deck:
    return Deck(
        id=data["id"],
        title=data["title"],
        description=data["description"],
        sources={
            name: Source(title, date.fromisoformat(published) if published else None, file)
            for name, (title, published, file) in data["sources"].items()
        },
        entries=tuple(_entry(row) for row in data["entries"]),
        path=data["path"],
    )


def _entry(row: list[Any]) -> Entry:
    question, cloze, answer, id_, accept, choices, source, quote, tags, note = row
    return Entry(question, cloze, answer, id_, tuple(accept), tuple(choices), source, quote, tuple(tags), note)
