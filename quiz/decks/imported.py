"""Writing the cards of an import (Anki, spreadsheets) to a deck file.

- A new file gets the whole deck. An existing deck is never replaced (unless asked): it gets
  the cards whose ids it does not have yet, appended in place with the sources they cite, so
  importing the same file twice adds nothing and edits made to imported cards are kept.
- Cards quiz check would refuse are left out, each with the reason, before anything is
  written; the file is written atomically, under the deck's lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from quiz.decks.edit import add_sources, append_cards
from quiz.decks.file import check_text, dump, slug
from quiz.decks.model import Deck, Entry, Source, entry_id
from quiz.decks.update import DeckEditError, DeckText
from quiz.files import locked, write_text


@dataclass
class Written:
    deck: Deck  # the deck as written
    added: int
    already: int  # cards the deck had already
    created: bool
    refused: list[tuple[Entry, str]] = field(default_factory=list)


def checked(deck: Deck) -> tuple[Deck, list[tuple[Entry, str]]]:
    """The deck without the entries quiz check refuses, and those entries with the first reason."""
    refused: list[tuple[Entry, str]] = []
    entries = list(deck.entries)
    while entries:
        text = dump(replace(deck, entries=tuple(entries)))
        result = check_text(text, default_id=deck.id)
        errors = result.errors
        if not errors:
            break
        lines = [item.start_mark.line + 1 for item in _card_nodes(text)]
        bad: dict[int, str] = {}
        for problem in errors:
            index = max((n for n, line in enumerate(lines) if line <= problem.line), default=None)
            if index is None:
                raise DeckEditError(f"the imported deck is not valid: {problem.message}")
            bad.setdefault(index, problem.message)
        refused += [(entries[n], message) for n, message in sorted(bad.items())]
        entries = [entry for n, entry in enumerate(entries) if n not in bad]
    used = {entry.source for entry in entries}
    sources = {name: source for name, source in deck.sources.items() if name in used}
    return replace(deck, entries=tuple(entries), sources=sources), refused


def _card_nodes(text: str) -> list[yaml.Node]:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode)  # a deck quiz dumped
    cards = next(value for key, value in root.value if key.value == "cards")
    return list(cards.value)


def write_deck(path: Path, deck: Deck, header: str, force: bool = False) -> Written:
    """Write the imported `deck` to `path`: a new file (or, with `force`, replacing one), or the
    new cards merged into the deck already there. Entries without an id get the one their text
    gives them in the deck written. `header` is a comment for a new file."""
    with locked(path):
        if path.exists() and not force:
            return _merge(path, deck)
        good, refused = checked(_with_ids(deck))
        if not good.entries:
            raise DeckEditError(f"{path}: none of the cards can be written, so nothing was")
        comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
        write_text(path, comment + dump(good))
    return Written(good, len(good.entries), 0, True, refused)


def _with_ids(deck: Deck) -> Deck:
    return replace(deck, entries=tuple(entry if entry.id else replace(entry, id=entry_id(deck.id, entry)) for entry in deck.entries))


def _merge(path: Path, deck: Deck) -> Written:
    deck_text = DeckText(path)
    try:
        existing = deck_text.valid_deck()
    except DeckEditError as exc:
        raise DeckEditError(f"{path} exists and has errors, so nothing was imported into it; fix them, or --force replaces the file",
                            exc.problems) from None
    imported = _with_ids(replace(deck, id=existing.id))
    known = {entry_id(existing.id, entry) for entry in existing.entries}
    fresh = [entry for entry in imported.entries if entry.id not in known]
    entries, sources = _cite(fresh, imported.sources, existing.sources)
    good, refused = checked(replace(imported, entries=tuple(entries), sources={**existing.sources, **sources}))
    if good.entries:
        added_sources = {name: source for name, source in good.sources.items() if name not in existing.sources}
        text, _line = append_cards(add_sources(deck_text.text, added_sources), list(good.entries))
        result = deck_text.check(text)
        if result.deck is None:
            raise DeckEditError(f"{path}: adding the imported cards would break the deck; nothing written", result.errors)
        deck_text.write(text)
        existing = result.deck
    return Written(existing, len(good.entries), len(imported.entries) - len(fresh), False, refused)


def _cite(entries: list[Entry], imported: dict[str, Source], existing: dict[str, Source]) -> tuple[list[Entry], dict[str, Source]]:
    """The entries citing the existing deck's source of the same title, or else a name free in
    it; and the sources to add under those names."""
    names: dict[str, str] = {}
    added: dict[str, Source] = {}
    for name, source in imported.items():
        same = next((key for key, known in existing.items() if known.title == source.title), None)
        if same is not None:
            names[name] = same
            continue
        key, n = name, 1
        while key in existing or key in added:
            n += 1
            key = f"{name}-{n}"
        names[name], added[key] = key, source
    return [replace(entry, source=names.get(entry.source)) if entry.source else entry for entry in entries], added


def default_deck_id(path: Path) -> str:
    return slug(path.stem)
