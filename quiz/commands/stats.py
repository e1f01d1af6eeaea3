"""`quiz stats`: progress figures, as tables or JSON."""

from __future__ import annotations

import typer

from quiz.commands.common import choose_decks, now, open_store


def stats(
    deck: str | None = typer.Argument(None, metavar="[DECK]", help="A deck file or id; default: every known deck.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
) -> None:
    """Show progress: today's reviews and accuracy, streak, what is due, mastery per deck.

    With --json, one object with reviews_total, reviews_today, correct_today, due_now,
    due_tomorrow, new_available, streak_days and decks (id, cards, new, due, reviews, ...).
    """
    import json

    from quiz.render import console, mastery_table, stats_table
    from quiz.stats import report

    result = report(open_store(), choose_decks([deck] if deck else None), now())
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
        return
    out = console()
    out.print(stats_table(result))
    out.print(mastery_table(result))
