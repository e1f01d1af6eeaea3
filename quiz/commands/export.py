"""`quiz export`: a deck as an Anki package or a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import typer

from quiz.commands.common import choose_decks, fail, load_settings, now, open_store

ANKI_SUFFIXES = (".apkg",)
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


def export(
    deck: str = typer.Argument(..., metavar="DECK", help="A deck file or deck id.", show_default=False),
    output: Path = typer.Option(..., "-o", "--output", help="The file to write: .apkg (Anki), .csv, .tsv or .txt (tab-separated).", show_default=False),
    with_history: bool = typer.Option(False, "--with-history", help="Anki: also the review log and each card's scheduling."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Write a deck for Anki or a spreadsheet.

    .apkg: an Anki package, one note per card entry (typed, multiple choice and true/false as
    'Basic (quiz)' notes with the options on the front, clozes as 'Cloze (quiz)' notes), with
    tags, accepted answers, source, quote and note in fields. With --with-history, the review
    log and each card's scheduling and FSRS memory too, so Anki's FSRS picks up where quiz left
    off (in Anki, keep "Import any learning progress" ticked). Each note's guid is
    quiz/DECK/CARD: exporting again, Anki updates the notes it has instead of adding copies.

    .csv, .tsv, .txt: a header row, then one row per card entry with the columns quiz import
    reads back (lists separated by ';').

    Example: quiz export us-cuba-migration -o cuba.apkg --with-history
    """
    suffix = output.suffix.casefold()
    if suffix not in ANKI_SUFFIXES + TABLE_SUFFIXES:
        fail(f"{output}: say what to write by the file's ending: .apkg for Anki, .csv, .tsv or .txt for a spreadsheet")
    if with_history and suffix not in ANKI_SUFFIXES:
        fail("--with-history needs an Anki package (.apkg); a spreadsheet holds cards only")
    if output.exists() and not force:
        fail(f"{output} already exists; choose another name, or --force to replace it")
    chosen = choose_decks([deck])
    if len(chosen) != 1:
        fail(f"{deck} holds {len(chosen)} decks; export one deck at a time")
    from quiz.files import write_bytes, write_text

    exported = chosen[0]
    if suffix in ANKI_SUFFIXES:
        from quiz.interop.anki_write import deck_package

        records = history = None
        settings = load_settings().for_deck(exported.id).scheduler
        if with_history:
            store = open_store()
            records, history = store.records([exported.id]), store.past_reviews([exported.id])
        write_bytes(output, deck_package(exported, now(), records, history, settings), create_only=not force)
        reviews = f", {sum(len(h) for h in history.values())} review(s)" if history is not None else ""
        typer.echo(f"{output}: deck '{exported.id}', {len(exported.entries)} note(s), {len(exported.cards())} card(s){reviews}")
        return
    from quiz.interop.table import write_table

    write_text(output, write_table(exported, "," if suffix == ".csv" else "\t"), create_only=not force)
    typer.echo(f"{output}: deck '{exported.id}', {len(exported.entries)} row(s)")
