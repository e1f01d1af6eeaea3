"""`quiz generate`: a deck of questions from articles."""

from __future__ import annotations

from pathlib import Path

import typer


def generate(
    articles: list[str] = typer.Argument(..., metavar="ARTICLE...", help="Article files (.txt, .md, .html), or - for standard input.", show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="Deck file to write. Default: print the YAML."),
    title: str | None = typer.Option(None, "--title", help="Deck title. Default: from the first article."),
    max_cards: int | None = typer.Option(None, "--max", min=1, help="Keep only the best N cards."),
    kinds: str | None = typer.Option(
        None, "--kinds", help="Comma-separated question kinds: who,what,when,where,howmany,howmuch,howlong,cloze,truefalse (default: all)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing deck file."),
    merge: bool = typer.Option(False, "--merge", help="Add new cards to an existing deck, keeping your edits to its cards."),
    model: str | None = typer.Option(None, "--model", help="spaCy English pipeline to use: a package name or its folder (default: en_core_web_sm)."),
) -> None:
    """Generate a question deck from articles, offline and deterministically.

    Facts in the articles become who/what/when/where/how-many questions, cloze gaps and
    true/false statements, each citing the sentence it came from, with same-type wrong options
    for multiple choice. The deck passes `quiz check`; regenerating keeps card ids stable.

    At most 100,000 words of article text per run (all articles together), files of at most
    20 MB; more is an error and nothing is written. Long input reports progress on stderr.

    Example: quiz generate article.txt -o decks/article.yaml
    """
    from quiz.generate import run_command
    from quiz.generate.options import Options, Output

    options = Options.parse(title=title, max_cards=max_cards, kinds=kinds, model=model)
    raise typer.Exit(run_command(articles, Output(output, force=force, merge=merge), options))
