"""Writing a card by answering questions (`quiz add`): what is asked, in which order, and the
entry the answers make. The asking itself is a port (`Asker`): questionary menus in a terminal,
plain lines otherwise, a script in tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from quiz.decks.model import CLOZE_GAP, Deck, Entry, entry_id

TYPED, CHOICE, TRUE_FALSE = "typed answer", "multiple choice", "true or false"
KINDS = (TYPED, CHOICE, TRUE_FALSE)
NO_SOURCE = "(none)"
SEPARATOR = ";"


class Stop(Exception):
    """The person stopped (Ctrl-C, Ctrl-D, end of input)."""


class Asker(Protocol):
    def text(self, prompt: str) -> str:
        """A line of text; raises Stop."""
        ...

    def choose(self, prompt: str, options: Sequence[str], default: str | None = None) -> str:
        """One of `options`; raises Stop."""
        ...


def split(text: str) -> tuple[str, ...]:
    """'a; b ;; c' → ('a', 'b', 'c')."""
    return tuple(part.strip() for part in text.split(SEPARATOR) if part.strip())


def ask_card(asker: Asker, deck: Deck, last_kind: str | None = None) -> tuple[Entry, str] | None:
    """Ask for one card; None when the question is left empty. Returns the entry (with the id
    its text gives it, so later edits keep its history) and the kind, to offer first next time."""
    text = asker.text("Question, or a sentence with {{gaps}} for a cloze (empty to finish)").strip()
    if not text:
        return None
    if CLOZE_GAP.search(text):
        entry, kind = _cloze(asker, text), last_kind
    else:
        kind = asker.choose("Kind of card", KINDS, default=last_kind)
        entry = _question(asker, text, kind)
    entry = _source(asker, deck, entry)
    entry = replace(entry, tags=split(asker.text(f"Tags, separated by '{SEPARATOR}' (empty for none)")))
    return replace(entry, id=entry_id(deck.id, entry)), kind or TYPED


def _question(asker: Asker, question: str, kind: str) -> Entry:
    if kind == TRUE_FALSE:
        return Entry(question=question, answer=asker.choose("Answer", ("true", "false")))
    answer = asker.text("Answer").strip()
    accept = split(asker.text(f"Other accepted answers, separated by '{SEPARATOR}' (empty for none)"))
    choices = split(asker.text(f"Wrong options, separated by '{SEPARATOR}'")) if kind == CHOICE else ()
    return Entry(question=question, answer=answer, accept=accept, choices=choices)


def _cloze(asker: Asker, text: str) -> Entry:
    if len(CLOZE_GAP.findall(text)) > 1:
        return Entry(cloze=text)
    accept = split(asker.text(f"Other accepted answers for the gap, separated by '{SEPARATOR}' (empty for none)"))
    choices = split(asker.text(f"Wrong options for a menu, separated by '{SEPARATOR}' (empty for a typed answer)"))
    return Entry(cloze=text, accept=accept, choices=choices)


def _source(asker: Asker, deck: Deck, entry: Entry) -> Entry:
    if not deck.sources:
        return entry
    source = asker.choose("Source", (NO_SOURCE, *deck.sources), default=NO_SOURCE)
    if source == NO_SOURCE:
        return entry
    quote = asker.text("The sentence of the source it comes from (empty for none)").strip()
    return replace(entry, source=source, quote=quote or None)
