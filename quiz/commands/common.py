"""What every command shares: error exits and warnings, the clock, the scores database, and the
decks named on the command line (or every known deck)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC
from typing import TYPE_CHECKING, NoReturn, ParamSpec, TypeVar

import typer

from quiz.errors import QuizError

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from quiz.decks.model import Card, Deck
    from quiz.memory.settings import SettingsFile
    from quiz.store import Store
    from quiz.study.prompts import InteractivePrompter, PlainPrompter


P = ParamSpec("P")
T = TypeVar("T")


def guarded(command: Callable[P, T]) -> Callable[P, T]:
    """The command, with any QuizError it raises shown as `quiz: MESSAGE` and exit status 1."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return command(*args, **kwargs)
        except QuizError as exc:
            fail(str(exc))

    return run


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"quiz: {message}", err=True)
    raise typer.Exit(code)


def read_text(file: Path, kind: str) -> str:
    """A text file the person named (`kind` says what it should be), or a clear exit."""
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{file}: not UTF-8 text; {kind}")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")


def warn(message: str) -> None:
    typer.echo(f"quiz: warning: {message}", err=True)


def now() -> datetime:
    from datetime import datetime

    return datetime.now(UTC)


def open_store(decks: list[Deck] | None = None) -> Store:
    """The scores database; with `decks`, first warn of any that looks like a studied deck renamed."""
    from quiz.paths import database_path
    from quiz.store import Store

    store = Store.open(database_path())
    store.waiting = warn
    if decks:
        from quiz.decks.history import DeckRecord, renamed

        for notice in renamed(decks, [DeckRecord(*row) for row in store.deck_records()]):
            warn(notice)
    return store


def choose_decks(names: list[str] | None) -> list[Deck]:
    from quiz.decks.catalog import CatalogError, known_decks, resolve

    try:
        decks = resolve(names, warn) if names else known_decks(warn)
    except CatalogError as exc:
        fail(str(exc))
    if not decks:
        fail("no decks found in ./decks, the data folder's decks/ or the bundled decks; name a deck file")
    return decks


def load_settings() -> SettingsFile:
    from quiz.memory.settings import load
    from quiz.paths import settings_path

    return load(settings_path())


def deck_ids(names: list[str], store: Store) -> list[str]:
    """The ids of the decks named by file, folder or id, decks known only to the scores database
    (such as imported reviews' `imported`) included."""
    from quiz.decks.catalog import CatalogError, resolve

    stored = store.deck_ids()
    ids: list[str] = []
    for name in names:
        try:
            found = [name] if name in stored else [deck.id for deck in resolve([name], warn)]
        except CatalogError as exc:
            more = f"; decks in the scores database: {', '.join(sorted(stored))}" if stored else ""
            raise QuizError(f"{exc}{more}") from None
        ids.extend(deck for deck in found if deck not in ids)
    return ids


def prompter(plain: bool, early: bool = False, meanwhile: Callable[[], object] | None = None) -> PlainPrompter | InteractivePrompter:
    """Plain lines when asked for or when standard input is not a terminal, else questionary
    (`early`: the first question is drawn before questionary loads; see quiz/study/early.py).
    `meanwhile` runs once while the first question waits for its answer."""
    import sys

    if plain or not sys.stdin.isatty():
        from quiz.study.prompts import PlainPrompter

        return PlainPrompter(meanwhile=meanwhile)
    from quiz.study.prompts import InteractivePrompter

    return InteractivePrompter(early, meanwhile)


def named_cards(names: list[str], deck: str | None, every: bool) -> tuple[list[Card], Store]:
    """The cards named by id (`ID` or `DECK/ID`) or by text in their question or answers, from
    one deck or every known deck; a text that matches several cards needs `every`."""
    from quiz.decks.select import matching

    decks = choose_decks([deck] if deck else None)
    cards = [card for chosen in decks for card in chosen.cards()]
    found: list[Card] = []
    for name in names:
        matches = matching(cards, name)
        if not matches:
            fail(f"no card matches '{name}'; `quiz cards --search TEXT` finds cards and their ids")
        if len(matches) > 1 and not every and not any(name in (c.id, f"{c.deck_id}/{c.id}") for c in matches):
            fail(f"'{name}' matches {len(matches)} cards; name one by its id (`quiz cards --search \"{name}\"` lists them) or add --all")
        found += [card for card in matches if card not in found]
    store = open_store()
    store.sync_decks([(d.id, d.title, d.path, d.card_count()) for d in decks], now())
    return found, store
