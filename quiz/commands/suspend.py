"""`quiz suspend`: hold cards back from study until they are unsuspended."""

from __future__ import annotations

import typer

from quiz.commands.common import named_cards


def suspend(
    cards: list[str] = typer.Argument(..., metavar="CARD...", help="Card ids (ID or DECK/ID), or text found in a card's question or answers.", show_default=False),
    deck: str | None = typer.Option(None, "--deck", metavar="DECK", help="Look only in this deck (file or id). Default: every known deck.", show_default=False),
    every: bool = typer.Option(False, "--all", help="When a text matches several cards, suspend them all."),
) -> None:
    """Suspend cards: they are never asked (in study, cram or exams) until `quiz unsuspend`.
    Their history stays. `s` at the grade prompt does the same for the card just answered."""
    from quiz.decks.model import key_of

    found, store = named_cards(cards, deck, every)
    store.suspend([key_of(card) for card in found])
    for card in found:
        typer.echo(f"Suspended {card.deck_id}/{card.id}: {card.prompt}")
