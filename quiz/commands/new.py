"""`quiz new`: write the skeleton of a new deck."""

from __future__ import annotations

from pathlib import Path

import typer

from quiz.commands.common import fail


def new(
    path: Path = typer.Argument(..., metavar="FILE.yaml", help="The deck file to create.", show_default=False),
    title: str | None = typer.Option(None, "--title", help="The deck's title. Default: from the file name."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Create a deck file to fill in: two example cards, comments explaining every key, and a
    `yaml-language-server` line so editors validate and complete it against the deck schema.

    The deck id (what its history is stored under) comes from the file name. Then add cards
    with `quiz add FILE.yaml` or an editor, and check them with `quiz check FILE.yaml`.

    Example: quiz new decks/spanish.yaml --title "Spanish verbs"
    """
    from quiz.decks.file import slug
    from quiz.decks.schema import SCHEMA_FILE
    from quiz.decks.template import new_deck
    from quiz.files import write_text

    stem = path.stem if path.suffix in (".yaml", ".yml") else path.name
    deck_title = title if title and title.strip() else stem.replace("-", " ").replace("_", " ").strip().capitalize() or "New deck"
    deck_id = slug(stem)
    if path.exists() and not force:
        fail(f"{path} already exists; choose another name, or --force to replace it")
    write_text(path, new_deck(deck_title, deck_id, SCHEMA_FILE.resolve().as_uri()), create_only=not force)
    typer.echo(f"{path}: new deck '{deck_id}' with two example cards; `quiz add {path}` adds more")
