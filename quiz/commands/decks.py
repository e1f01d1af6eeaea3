"""`quiz decks`: a table of the known decks."""

from __future__ import annotations

from quiz.commands.common import now, open_store, warn


def list_decks() -> None:
    """List known decks (./decks, the data folder's decks/, bundled) with cards, new, due and learned."""
    from quiz.decks.catalog import known_decks
    from quiz.figures.stats import report
    from quiz.terminal.render import decks_table, screen

    out = screen()
    out.print(decks_table(report(open_store(), known_decks(warn, default_only=False), now())))
