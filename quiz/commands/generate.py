"""`quiz generate`: a deck of questions from articles."""

from __future__ import annotations

from pathlib import Path

import typer

from quiz.commands.common import fail


def generate(
    articles: list[str] = typer.Argument(..., metavar="ARTICLE...", help="Article files (.txt, .md, .html), or - for standard input.", show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="Deck file to write. Default: print the YAML."),
    title: str | None = typer.Option(None, "--title", help="Deck title. Default: from the first article."),
    max_cards: int | None = typer.Option(None, "--max", min=1, help="Keep only the best N cards."),
    kinds: str | None = typer.Option(
        None, "--kinds", help="Comma-separated question kinds: who,what,when,where,howmany,cloze,truefalse (default: all)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing deck file."),
    merge: bool = typer.Option(False, "--merge", help="Add new cards to an existing deck, keeping your edits to its cards."),
    model: str | None = typer.Option(None, "--model", help="spaCy English pipeline to use (default: en_core_web_sm)."),
) -> None:
    """Generate a question deck from articles, offline and deterministically.

    Facts in the articles become who/what/when/where/how-many questions, cloze gaps and
    true/false statements, each citing the sentence it came from, with same-type wrong options
    for multiple choice. The deck passes `quiz check`; regenerating keeps card ids stable.

    Example: quiz generate article.txt -o decks/article.yaml
    """
    from quiz.generate import KINDS, GenerateError, run_command

    chosen = [kind.strip() for kind in kinds.split(",") if kind.strip()] if kinds else None
    unknown = [kind for kind in chosen or () if kind not in KINDS]
    if unknown:
        fail(f"unknown kind(s) {', '.join(unknown)}; choose from {','.join(KINDS)}")
    if force and merge:
        fail("--force and --merge cannot be used together")
    try:
        code = run_command(articles, str(output) if output else None, title, max_cards, chosen, force, merge, model)
    except GenerateError as exc:
        fail(str(exc))
    raise typer.Exit(code)
