"""`quiz check`: validate deck files, every problem as FILE:LINE:COL; `--fix` adds card ids."""

from __future__ import annotations

from pathlib import Path

import typer


def check(
    decks: list[Path] = typer.Argument(..., metavar="DECK...", help="Deck files to validate.", show_default=False),
    fix: bool = typer.Option(
        False, "--fix", help="Give every card without an id the id its history is stored under, keeping the rest of the file as it is."
    ),
    source_root: Path | None = typer.Option(
        None, "--source-root", metavar="DIR", file_okay=False,
        help="Read cited source files anywhere under DIR. Default: only inside each deck's own folder.",
    ),
) -> None:
    """Validate deck files: every problem as FILE:LINE:COL: message; exit 1 on any error.

    Also checks that cited source files exist and that quotes appear in them (warnings). A
    cited file is read only inside the deck's folder (links resolved), so a deck cannot probe
    other files; --source-root DIR allows files anywhere under DIR (e.g. a shared articles
    folder beside the decks folder). The deck format is described in the README.

    With --fix, every card without an `id` gets one (the id its study history is already kept
    under), so that editing its question later keeps the history; comments, order and layout
    stay as they are, and each id added is printed. A deck with errors is not changed.

    Example: quiz check decks/*.yaml
    Example: quiz check --fix decks/mine.yaml
    Example: quiz check --source-root . decks/*.yaml
    """
    from quiz.decks.file import check_path

    failed = 0
    for path in decks:
        if fix and not _fix(path):
            failed += 1
        result = check_path(path, verify_sources=True, source_root=source_root)
        for problem in result.problems:
            typer.echo(str(problem), err=not problem.warning)
        if result.deck is None:
            failed += 1
            typer.echo(f"{path}: {len(result.errors)} error(s)" + (", so no id was added" if fix else ""), err=True)
            continue
        typer.echo(
            f"{path}: ok — deck '{result.deck.id}', {result.deck.card_count()} cards from {len(result.deck.entries)} entries"
            + (f", {len(result.warnings)} warning(s)" if result.warnings else "")
        )
    if failed:
        raise typer.Exit(1)


def _fix(path: Path) -> bool:
    """Add the missing ids and say which; False when the fix itself failed (a deck with errors
    is left to the check that follows to report)."""
    from quiz.decks.update import DeckEditError, fix_ids

    try:
        added = fix_ids(path)
    except DeckEditError as exc:
        if exc.problems:
            return True
        typer.echo(f"quiz: {exc}", err=True)
        return False
    for change in added:
        text = " ".join(change.text.split())
        typer.echo(f"{path}:{change.line}: added id '{change.card_id}' to '{text[:60]}{'…' if len(text) > 60 else ''}'")
    typer.echo(f"{path}: {len(added)} id(s) added" if added else f"{path}: every card has an id")
    return True
