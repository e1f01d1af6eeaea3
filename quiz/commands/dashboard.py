"""`quiz` alone: a short dashboard of decks, what is due, the streak and what to run next."""

from __future__ import annotations

import typer

from quiz import __version__
from quiz.commands.common import now, open_store, warn


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"quiz {__version__}")
        raise typer.Exit()


def dashboard(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
) -> None:
    """Offline quizzes and flashcards with FSRS spaced repetition."""
    if ctx.invoked_subcommand is not None:
        return
    from quiz.decks.catalog import known_decks
    from quiz.figures.stats import report
    from quiz.terminal.render import dashboard as dashboard_lines
    from quiz.terminal.render import screen

    decks = known_decks(warn)
    store = open_store(decks)
    moment = now()
    out = screen()
    for line in dashboard_lines(report(store, decks, moment), store.next_due([d.id for d in decks]), moment):
        out.print(line)
