"""The `quiz` command: parses arguments and renders. The work happens in the library modules,
which each command imports only when it runs, so `quiz --help` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer

from quiz import __version__

if TYPE_CHECKING:
    from datetime import datetime

    from quiz.deck import Deck
    from quiz.store import Store

app = typer.Typer(
    help="Offline quizzes and flashcards with FSRS spaced repetition.\n\n"
    "Run `quiz` alone for a dashboard, `quiz study` to study every known deck, "
    "`quiz COMMAND --help` for a command's options. Scores live in one SQLite file in your "
    "data folder (set QUIZ_HOME to use another directory).",
    add_completion=False,
    rich_markup_mode=None,
)


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"quiz: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"quiz: warning: {message}", err=True)


def now() -> datetime:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def open_store() -> Store:
    from quiz.paths import database_path
    from quiz.store import Store, StoreError

    try:
        return Store.open(database_path())
    except StoreError as exc:
        fail(str(exc))


def choose_decks(names: list[str] | None) -> list[Deck]:
    from quiz.catalog import CatalogError, known_decks, resolve

    try:
        decks = resolve(names, warn) if names else known_decks(warn)
    except CatalogError as exc:
        fail(str(exc))
    if not decks:
        fail("no decks found in ./decks, the data folder's decks/ or the bundled decks; name a deck file")
    return decks


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"quiz {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def dashboard(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
) -> None:
    """Offline quizzes and flashcards with FSRS spaced repetition."""
    if ctx.invoked_subcommand is not None:
        return
    from quiz.catalog import known_decks
    from quiz.render import console, dashboard as dashboard_lines
    from quiz.stats import report

    decks = known_decks(warn)
    store = open_store()
    moment = now()
    out = console()
    for line in dashboard_lines(report(store, decks, moment), store.next_due([d.id for d in decks]), moment):
        out.print(line)


@app.command()
def study(
    decks: Optional[list[str]] = typer.Argument(None, metavar="[DECK]...", help="Deck files, folders of decks, or deck ids. Default: every known deck.", show_default=False),
    new: int = typer.Option(20, "--new", min=0, help="Most new cards to introduce today (counting earlier sessions)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Stop after this many answers."),
    plain: bool = typer.Option(False, "--plain", help="One line per answer from stdin, no menus; automatic grades stand. Used when stdin is not a terminal."),
) -> None:
    """Study the cards that are due, then new ones.

    Type the answer (or pick it with the arrow keys); quiz checks it, shows the source quote and
    grades it: wrong = Again, right = Good, right but slow or with a typo = Hard, right and fast =
    Easy. Press Enter to keep the grade or 1-4 (a/h/g/e) to change it. `q`, Ctrl-C or Ctrl-D quits;
    every answer is already saved.
    """
    from quiz.scheduler import Scheduler
    from quiz.session import Session, plan

    chosen = choose_decks(decks)
    store = open_store()
    moment = now()
    queue, memories = plan(chosen, store, moment, new)
    if not len(queue):
        from quiz.render import when

        next_due = store.next_due([deck.id for deck in chosen])
        typer.echo(f"Nothing to study now. Next card {when(next_due, moment)}.")
        return
    if plain or not sys.stdin.isatty():
        from quiz.prompts import PlainPrompter

        prompter = PlainPrompter()
    else:
        from quiz.prompts import InteractivePrompter

        prompter = InteractivePrompter()  # type: ignore[assignment]
    session = Session(queue, memories, store, Scheduler(), prompter, {d.id: d for d in chosen}, now, limit)
    summary = session.run()
    from quiz.render import console, session_summary  # rich loads after the session, not before it

    out = console()
    out.print()
    out.print(session_summary(summary))


@app.command()
def check(
    decks: list[Path] = typer.Argument(..., metavar="DECK...", help="Deck files to validate.", show_default=False),
) -> None:
    """Validate deck files: every problem as FILE:LINE:COL: message; exit 1 on any error.

    Also checks that cited source files exist and that quotes appear in them (warnings).
    The deck format is described in the README.

    Example: quiz check decks/*.yaml
    """
    from quiz.deckfile import check_path

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


@app.command("decks")
def list_decks() -> None:
    """List known decks (./decks, the data folder's decks/, bundled) with cards, new, due and learned."""
    from quiz.catalog import known_decks
    from quiz.render import console, decks_table
    from quiz.stats import report

    out = console()
    out.print(decks_table(report(open_store(), known_decks(warn, default_only=False), now())))


@app.command()
def stats(
    deck: Optional[str] = typer.Argument(None, metavar="[DECK]", help="A deck file or id; default: every known deck.", show_default=False),
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


@app.command()
def generate(
    articles: list[str] = typer.Argument(..., metavar="ARTICLE...", help="Article files (.txt, .md, .html), or - for standard input.", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Deck file to write. Default: print the YAML."),
    title: Optional[str] = typer.Option(None, "--title", help="Deck title. Default: from the first article."),
    max_cards: Optional[int] = typer.Option(None, "--max", min=1, help="Keep only the best N cards."),
    kinds: Optional[str] = typer.Option(
        None, "--kinds", help="Comma-separated question kinds: who,what,when,where,howmany,cloze,truefalse (default: all)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing deck file."),
    merge: bool = typer.Option(False, "--merge", help="Add new cards to an existing deck, keeping your edits to its cards."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy English pipeline to use (default: en_core_web_sm)."),
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


def main() -> None:
    app(prog_name="quiz")
