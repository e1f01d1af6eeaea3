"""`quiz stats`: progress figures, as tables and charts or JSON."""

from __future__ import annotations

import typer

from quiz.commands.common import choose_decks, load_settings, now, open_store


def stats(
    deck: str | None = typer.Argument(None, metavar="[DECK]", help="A deck file or id; default: every known deck.", show_default=False),
    tags: list[str] | None = typer.Option(None, "--tag", metavar="TAG", help="Only cards with this tag (repeat for several; `leech` finds leeches).", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with every figure instead of tables and charts."),
) -> None:
    """Show progress: today's reviews, streak, what is due, mastery per deck, a heatmap of reviews
    over the last year, cards due in the next 30 days, true retention (young and mature cards,
    today, 7 days, 30 days and all time, beside the desired retention), time per day, the hardest
    cards, and for a deck with an exam date the share of it predicted to be recalled on the day.

    With --json, one object: reviews_total, reviews_today, correct_today, accuracy_today, due_now,
    due_tomorrow, new_available, streak_days, decks, heatmap, longest_streak_days, forecast,
    retention, time_per_day, mean_seconds_per_study_day, hardest and exams.
    """
    import json

    from quiz.figures.stats import progress, report
    from quiz.memory.scheduler import Scheduler

    chosen = choose_decks([deck] if deck else None)
    # One deck's own settings, or the global ones for several decks.
    scheduler = Scheduler(load_settings().for_deck(chosen[0].id if len(chosen) == 1 else None).scheduler)
    store = open_store(chosen)
    moment = now()
    picked = tuple(tags or ())
    result = report(store, chosen, moment, picked)
    figures = progress(store, chosen, moment, scheduler.settings.desired_retention, scheduler.curve, picked)
    if as_json:
        typer.echo(json.dumps({**result.to_json(), **figures.to_json()}, indent=2, ensure_ascii=False))
        return
    from quiz.terminal import charts
    from quiz.terminal.draw import Text
    from quiz.terminal.render import mastery_table, screen, stats_table

    out = screen()
    out.print(stats_table(result))
    out.print(mastery_table(result))
    for line in charts.exams(figures):
        out.print(line)
    out.print()
    out.print(Text("Reviews in the last year", "bold"))
    out.print(charts.heatmap(figures.heatmap, out.width))
    out.print(f"Streak {result.streak_days} day(s) · longest {figures.longest_streak}")
    out.print()
    out.print(charts.forecast(figures))
    out.print()
    out.print(charts.retention(figures))
    out.print(Text(charts.RETENTION_NOTE, "dim"))
    out.print()
    out.print(charts.time_per_day(figures))
    if figures.hardest:
        out.print()
        out.print(charts.hardest(figures, out.width))
