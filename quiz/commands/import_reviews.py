"""`quiz import-reviews`: bring a review log (fsrs-optimizer / py-fsrs CSV) into the scores database."""

from __future__ import annotations

from pathlib import Path

import typer

from quiz.commands.common import fail, load_settings, now, open_store, read_text

IMPORTED_DECK = "imported"


def import_reviews(
    file: Path = typer.Argument(..., metavar="FILE.csv", help="A review log: card_id, review_time, review_rating[, review_state, review_duration].", show_default=False),
    deck: str = typer.Option(IMPORTED_DECK, "--deck", help="The deck id the log's cards belong to."),
) -> None:
    """Import a history of reviews so `quiz optimize` can fit the memory model to it.

    FILE.csv is a review log in the fsrs-optimizer / py-fsrs schema: a header row, then one
    review per row with card_id, review_time (milliseconds since 1970, or ISO-8601 with a UTC
    offset), review_rating (1 Again, 2 Hard, 3 Good, 4 Easy) and optionally review_state
    (0 New, 1 Learning, 2 Review, 3 Relearning) and review_duration (milliseconds).

    The cards are kept under --deck (default `imported`, a deck with no file): give the id of
    your deck file instead when the log's card ids are that deck's. Each card's memory is
    replayed from its whole history. A bad row stops the import with its line number and
    nothing is written; importing the same log twice adds nothing.
    """
    from quiz.interop.revlog_csv import parse
    from quiz.memory.scheduler import Scheduler
    from quiz.store import PastReview

    text = read_text(file, "a review log is a CSV file")
    logged = parse(text, str(file))
    if not logged:
        fail(f"{file}: no reviews after the header row")
    reviews = [PastReview(deck, review.card_id, review.at, review.rating, review.duration_ms, review.state) for review in logged]
    settings = load_settings()
    store = open_store()
    # Each card's memory is replayed with the settings (and weights) of its deck.
    scheduler = Scheduler(settings.for_deck(deck).scheduler)
    result = store.import_reviews(reviews, lambda _deck: scheduler, now(), titles={deck: f"Reviews imported from {file.name}"})
    already = f"; {result.already_there} were already there" if result.already_there else ""
    typer.echo(f"Imported {result.added} review(s) of {result.cards} card(s) into deck {deck!r}{already}.")
    typer.echo("Next: `quiz optimize` fits the memory model to your reviews.")
