"""`quiz schema`: the JSON Schema of deck files."""

from __future__ import annotations

import typer


def schema(
    path: bool = typer.Option(False, "--path", help="Print where the installed schema file is instead."),
) -> None:
    """Print the JSON Schema (draft 7) of deck format v1, for editors and other tools.

    Editors that use yaml-language-server (VS Code's YAML extension, Neovim, Helix...) validate
    and complete a deck whose first line is `# yaml-language-server: $schema=URI`; `quiz new`
    writes that line. The schema checks a deck's shape; `quiz check` checks everything.

    Example: quiz schema > deck.schema.json
    """
    from quiz.decks.schema import SCHEMA_FILE, schema_text

    typer.echo(str(SCHEMA_FILE.resolve()) if path else schema_text(), nl=path)
