"""`quiz scores`: the history of exam scores per deck, as tables with a trend, or JSON."""

from __future__ import annotations

import typer

from quiz.commands.common import deck_ids, open_store


def scores(
    deck: str | None = typer.Argument(None, metavar="[DECK]", help="A deck file or id; default: every deck with an exam.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
) -> None:
    """Show every exam handed in, per deck: date, score (right of n; unanswered count as wrong),
    time, then the best, latest and mean score and the trend, drawn as a line.

    With --json: {"decks": [{"id", "title", "exams": [{"exam", "date", "right", "questions",
    "answered", "score", "seconds", "practice"}], "best", "latest", "mean", "trend_per_exam"}]}.
    """
    import json

    from quiz.figures.scores import by_deck

    store = open_store()
    history = by_deck(store.exam_scores(deck_ids([deck], store) if deck else None), store.deck_titles())
    if as_json:
        typer.echo(json.dumps({"decks": [scores.to_json() for scores in history]}, indent=2, ensure_ascii=False))
        return
    if not history:
        typer.echo("No exams yet. `quiz exam` sits one.")
        return
    from quiz.terminal import charts
    from quiz.terminal.render import screen

    out = screen()
    for deck_scores in history:
        for part in charts.scores(deck_scores):
            out.print(part)
        out.print()
