"""`quiz check`: validate deck files, every problem as FILE:LINE:COL."""

from __future__ import annotations

from pathlib import Path

import typer


def check(
    decks: list[Path] = typer.Argument(..., metavar="DECK...", help="Deck files to validate.", show_default=False),
) -> None:
    """Validate deck files: every problem as FILE:LINE:COL: message; exit 1 on any error.

    Also checks that cited source files exist and that quotes appear in them (warnings).
    The deck format is described in the README.

    Example: quiz check decks/*.yaml
    """
    from quiz.decks.file import check_path

    failed = 0
    for path in decks:
        result = check_path(path, verify_sources=True)
        for problem in result.problems:
            typer.echo(str(problem), err=not problem.warning)
        if result.deck is None:
            failed += 1
            typer.echo(f"{path}: {len(result.errors)} error(s)", err=True)
        else:
            cards = result.deck.cards()
            typer.echo(
                f"{path}: ok — deck '{result.deck.id}', {len(cards)} cards from {len(result.deck.entries)} entries"
                + (f", {len(result.warnings)} warning(s)" if result.warnings else "")
            )
    if failed:
        raise typer.Exit(1)
