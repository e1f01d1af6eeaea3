"""`quiz import`: a deck from an Anki package, a spreadsheet, a Quizlet or an Anki text export."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import typer

from quiz.commands.common import fail, load_settings, now, open_store, read_text

ANKI_SUFFIXES = (".apkg", ".colpkg")
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


def import_deck(
    file: Path = typer.Argument(..., metavar="FILE", help="An .apkg or .colpkg (Anki), or a .csv, .tsv or .txt table.", show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="The deck file to write. Default: FILE's name, .yaml, here."),
    force: bool = typer.Option(False, "--force", help="Replace the deck file instead of adding the new cards to it."),
    separator: str | None = typer.Option(None, "--separator", help="A table's column separator: tab, comma, semicolon, pipe, or the text itself (' - ')."),
    history: bool = typer.Option(True, "--history/--no-history", help="Anki: bring the review log in as quiz reviews."),
) -> None:
    """Make a deck from Anki or a spreadsheet.

    Anki packages (.apkg, .colpkg; old and current layouts): Basic notes and their reversed
    cards become typed cards, cloze notes clozes; HTML becomes text; images and sounds are left
    out (counted). The review log becomes quiz reviews, so `quiz stats` and `quiz optimize` see
    your history. Card ids come from Anki's note ids.

    Tables: Quizlet's export (term TAB definition), Anki's text export (its #separator:,
    #columns:, #tags: headers) or a spreadsheet whose first row names the columns (question,
    answer, cloze, accept, choices, tags, source, quote, note, id; or term/definition,
    front/back). Lists are separated by ';'. A bad row stops everything with FILE:LINE.

    An existing deck file is never replaced without --force: the cards it does not have yet
    are added to it, so importing the same file twice adds nothing (and keeps your edits).

    Example: quiz import ~/Downloads/Spanish.apkg -o decks/spanish.yaml
    """
    suffix = file.suffix.casefold()
    if suffix not in ANKI_SUFFIXES + TABLE_SUFFIXES:
        fail(f"{file}: quiz imports .apkg and .colpkg (Anki), .csv, .tsv and .txt (tables)")
    target = output or Path(f"{file.stem}.yaml")
    if target.suffix not in (".yaml", ".yml"):
        fail(f"{target}: a deck file ends in .yaml")
    from quiz.decks.update import DeckEditError

    try:
        if suffix in ANKI_SUFFIXES:
            _import_anki(file, target, force, history)
        else:
            _import_table(file, target, force, separator)
    except DeckEditError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        fail(str(exc))


def _import_anki(file: Path, target: Path, force: bool, with_history: bool) -> None:
    from quiz.decks.imported import default_deck_id, write_deck
    from quiz.decks.model import Deck
    from quiz.interop.anki_history import reviews_from
    from quiz.interop.anki_notes import from_package
    from quiz.interop.anki_package import read_package

    package = read_package(file)
    notes = from_package(package)
    if not notes.entries:
        fail(f"{file}: no card quiz can study ({_counts(notes.skipped) or 'the package has no notes'})")
    title = notes.title or _title_of(file)
    deck = Deck(id=notes.deck_id or default_deck_id(target), title=title, sources=notes.sources, entries=tuple(notes.entries))
    written = write_deck(target, deck, _header(file), force)
    _report(target, written.deck.id, written.added, written.already, written.created, [msg for _, msg in written.refused])
    if notes.skipped or notes.media:
        media = f"{notes.media} image(s) and sound(s) left out" if notes.media else ""
        typer.echo("Skipped: " + "; ".join(part for part in (_counts(notes.skipped), media) if part) + ".")
    if not with_history or not package.reviews:
        return
    kept = {card.id for card in written.deck.cards()}
    card_ids = {anki: card for anki, card in notes.card_ids.items() if card in kept}
    reviews, left_out = reviews_from(package, card_ids, written.deck.id)
    if reviews:
        from quiz.memory.scheduler import Scheduler

        # The deck's memory is replayed with the settings it is studied with (settings.toml).
        scheduler = Scheduler(load_settings().for_deck(written.deck.id).scheduler)
        result = open_store().import_reviews(reviews, lambda _deck: scheduler, now(), titles={written.deck.id: written.deck.title})
        already = f"; {result.already_there} were already there" if result.already_there else ""
        typer.echo(f"Imported {result.added} review(s) of {result.cards} card(s){already}.")
    if left_out:
        typer.echo(f"Reviews left out: {_counts(left_out)}.")


def _import_table(file: Path, target: Path, force: bool, separator: str | None) -> None:
    from quiz.decks.imported import default_deck_id, write_deck
    from quiz.decks.model import Deck
    from quiz.interop.table import SEPARATORS, read_table

    text = read_text(file, "a table of cards is a text file")
    sep = SEPARATORS.get(separator.casefold(), separator) if separator else None
    table = read_table(text, str(file), sep)
    if not table.entries:
        fail(f"{file}: no cards in it")
    deck = Deck(id=default_deck_id(target), title=_title_of(file), sources=table.sources, entries=tuple(table.entries))
    written = write_deck(target, deck, _header(file), force)
    _report(target, written.deck.id, written.added, written.already, written.created, [msg for _, msg in written.refused])
    if table.media:
        typer.echo(f"Skipped: {table.media} image(s) and sound(s) left out.")


def _title_of(file: Path) -> str:
    return file.stem.replace("_", " ").replace("-", " ").strip() or "Imported cards"


def _header(file: Path) -> str:
    day = datetime.now(UTC).date().isoformat()
    return f"Imported from {file.name} by `quiz import` on {day}.\n`quiz check` checks it; importing {file.name} again adds only new cards."


def _report(target: Path, deck_id: str, added: int, already: int, created: bool, refused: list[str]) -> None:
    if created:
        typer.echo(f"{target}: new deck '{deck_id}' with {added} card entr{'y' if added == 1 else 'ies'}.")
    else:
        typer.echo(f"{target}: {added} new card entr{'y' if added == 1 else 'ies'} added to deck '{deck_id}'; {already} already there.")
    for reason, count in Counter(refused).most_common():
        typer.echo(f"Left out {count} card(s) quiz check refuses: {reason}", err=True)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{count} note(s) {reason}" for reason, count in counter.most_common())
