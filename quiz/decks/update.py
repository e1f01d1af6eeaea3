"""Changing deck files on disk: one writer at a time, the deck rules checked on the new text
before anything is written, and the file replaced atomically (quiz/files.py) or not at all."""

from __future__ import annotations

import codecs
from pathlib import Path

from quiz.decks.edit import IdAdded, add_ids, append_card
from quiz.decks.file import CheckResult, check_text, slug
from quiz.decks.model import Deck, Entry
from quiz.decks.reader import Problem
from quiz.errors import QuizError
from quiz.files import locked, write_text


class DeckEditError(QuizError):
    """The deck cannot be changed: it has errors (listed), or the edit would break it."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class DeckText:
    """A deck file's text, with its byte-order mark (kept when writing back)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            raw = path.read_bytes()
            self.bom = codecs.BOM_UTF8.decode() if raw.startswith(codecs.BOM_UTF8) else ""
            self.text = raw.decode("utf-8-sig")
        except OSError as exc:
            raise DeckEditError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise DeckEditError(f"{path}: not UTF-8 text (is this a deck file?)") from None

    def check(self, text: str | None = None) -> CheckResult:
        return check_text(self.text if text is None else text, str(self.path), default_id=slug(self.path.stem),
                          base_dir=self.path.parent, path=str(self.path.resolve()))

    def valid_deck(self) -> Deck:
        result = self.check()
        if result.deck is None:
            raise DeckEditError(f"{self.path} has {len(result.errors)} error(s); fix them first", result.errors)
        return result.deck

    def write(self, text: str) -> None:
        write_text(self.path, self.bom + text)


def fix_ids(path: Path) -> list[IdAdded]:
    """Give every card of the deck at `path` without an id the id its history is kept under."""
    with locked(path):
        deck_text = DeckText(path)
        deck = deck_text.valid_deck()
        text, added = add_ids(deck_text.text, deck)
        if not added:
            return []
        after = deck_text.check(text).deck
        # The ids are the cards' text keys: not one card may change its identity.
        if after is None or [c.id for c in after.cards()] != [c.id for c in deck.cards()] or any(e.id is None for e in after.entries):
            raise DeckEditError(f"{path}: adding ids would change the deck; nothing written")
        deck_text.write(text)
    return added


def add_card(path: Path, entry: Entry) -> list[Problem]:
    """Append `entry` to the deck at `path` if the deck rules allow it.

    Returns the new card's problems: when any is an error, nothing is written; warnings (a
    quote not found in its source, say) come back with the card written.
    """
    with locked(path):
        deck_text = DeckText(path)
        deck_text.valid_deck()
        text, line = append_card(deck_text.text, entry)
        result = deck_text.check(text)
        problems = [p for p in result.problems if p.line >= line or not p.warning]
        if result.deck is None:
            return problems
        deck_text.write(text)
    return problems


def deck_of(path: Path) -> Deck:
    """The deck at `path`, or DeckEditError listing its errors."""
    return DeckText(path).valid_deck()
