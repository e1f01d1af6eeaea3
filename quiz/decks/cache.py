"""A cache of parsed decks, so a study session does not re-parse a large deck's YAML.

Parsing YAML is slow (about 1 s for 10,000 cards even with libyaml); reading the same deck back
as JSON takes a few tens of milliseconds. An entry is used only while the deck file's size and
modification time are what they were when it was written, by the same quiz version. Only
decks without errors are cached, so problems are always reported afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from quiz import __version__
from quiz.decks.model import ENTRY_KEYS, LIST_KEYS, Deck, Entry, Source

# Bumped whenever the encoding below changes, so an old entry is never misread.
FORMAT = 3
# A temporary file this old was left by a process that died while writing it.
STALE_SECONDS = 3600


def _cache_file(cache_dir: Path, deck_path: Path) -> Path:
    digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:20]
    return cache_dir / f"{digest}.json"


def _stamp(deck_path: Path) -> list[Any]:
    info = deck_path.stat()
    return [__version__, FORMAT, str(deck_path.resolve()), info.st_size, info.st_mtime_ns]


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
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
            os.replace(temporary, _cache_file(cache_dir, deck_path))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _remove_stale(cache_dir)
    except OSError:
        pass


def _remove_stale(cache_dir: Path) -> None:
    """Delete temporary files that a crashed or killed process left behind."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in cache_dir.glob("*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _encode(deck: Deck) -> dict[str, Any]:
    return {
        "id": deck.id,
        "title": deck.title,
        "description": deck.description,
        "exam": deck.exam.isoformat() if deck.exam else None,
        "path": deck.path,
        "sources": {
            name: {**vars(source), "published": source.published.isoformat() if source.published else None}
            for name, source in deck.sources.items()
        },
        "entries": [[getattr(entry, key) for key in ENTRY_KEYS] for entry in deck.entries],
    }


def _decode(data: dict[str, Any]) -> Deck:
    return Deck(
        id=data["id"],
        title=data["title"],
        description=data["description"],
        exam=date.fromisoformat(data["exam"]) if data["exam"] else None,
        sources={name: _source(fields) for name, fields in data["sources"].items()},
        entries=tuple(_entry(row) for row in data["entries"]),
        path=data["path"],
    )


def _source(fields: dict[str, Any]) -> Source:
    published = fields.get("published")
    return Source(**{**fields, "published": date.fromisoformat(published) if published else None})


def _entry(row: list[Any]) -> Entry:
    values: dict[str, Any] = {
        key: tuple(value) if key in LIST_KEYS else value for key, value in zip(ENTRY_KEYS, row, strict=True)
    }
    return Entry(**values)
