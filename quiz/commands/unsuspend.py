"""`quiz unsuspend`: bring suspended (or buried) cards back into study."""

from __future__ import annotations

import typer

from quiz.commands.common import named_cards


def unsuspend(
    cards: list[str] = typer.Argument(..., metavar="CARD...", help="Card ids (ID or DECK/ID), or text found in a card's question or answers.", show_default=False),
    deck: str | None = typer.Option(None, "--deck", metavar="DECK", help="Look only in this deck (file or id). Default: every known deck.", show_default=False),
    every: bool = typer.Option(False, "--all", help="When a text matches several cards, unsuspend them all."),
) -> None:
    """Bring suspended cards back into study (leeches included; a leech is suspended again after 4
    more lapses), and unbury buried ones. Their schedule is what it was."""
    from quiz.decks.model import key_of

    found, store = named_cards(cards, deck, every)
    store.suspend([key_of(card) for card in found], suspended=False)
    for card in found:
        typer.echo(f"Unsuspended {card.deck_id}/{card.id}: {card.prompt}")
