"""The `quiz` command line: the typer app, with one command per module of quiz/commands/."""

from __future__ import annotations

import typer

from quiz.commands import (
    add,
    cards,
    check,
    dashboard,
    decks,
    exam,
    export,
    generate,
    import_,
    import_reviews,
    new,
    optimize,
    schema,
    scores,
    settings,
    stats,
    study,
    suspend,
    unsuspend,
)
from quiz.commands.common import guarded

app = typer.Typer(
    help="Offline quizzes and flashcards with FSRS spaced repetition.\n\n"
    "Run `quiz` alone for a dashboard, `quiz study` to study every known deck, "
    "`quiz COMMAND --help` for a command's options. Scores live in one SQLite file in your "
    "data folder (set QUIZ_HOME to use another directory).",
    add_completion=False,
    rich_markup_mode=None,
)
app.callback(invoke_without_command=True)(guarded(dashboard.dashboard))
app.command()(guarded(study.study))
app.command()(guarded(check.check))
app.command("decks")(guarded(decks.list_decks))
app.command()(guarded(stats.stats))
app.command()(guarded(exam.exam))
app.command()(guarded(scores.scores))
app.command()(guarded(cards.cards))
app.command()(guarded(suspend.suspend))
app.command()(guarded(unsuspend.unsuspend))
app.command()(guarded(generate.generate))
app.command("import-reviews")(guarded(import_reviews.import_reviews))
app.command()(guarded(new.new))
app.command()(guarded(add.add))
app.command("import")(guarded(import_.import_deck))
app.command()(guarded(export.export))
app.command()(guarded(schema.schema))
app.command()(guarded(settings.settings))
app.command()(guarded(optimize.optimize))


def main() -> None:
    app(prog_name="quiz")
