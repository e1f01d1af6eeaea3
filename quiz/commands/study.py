"""`quiz study`: a study session over the chosen decks, interactive or plain."""

from __future__ import annotations

from datetime import datetime

import typer

from quiz.commands.common import choose_decks, fail, load_settings, now, open_store, prompter


def study(
    decks: list[str] | None = typer.Argument(None, metavar="[DECK]...", help="Deck files, folders of decks, or deck ids. Default: every known deck.", show_default=False),
    new: int | None = typer.Option(None, "--new", min=0, help="Most new cards today in these decks altogether, counting earlier sessions. Default: each deck's new_per_day setting (20; see `quiz settings`).", show_default=False),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Stop after this many answers."),
    tags: list[str] | None = typer.Option(None, "--tag", metavar="TAG", help="Only cards with this tag (repeat for several; `leech` finds leeches).", show_default=False),
    ahead: bool = typer.Option(False, "--ahead", help="When nothing is due, study the cards due soonest (20, or --limit), scheduled as usual."),
    cram: bool = typer.Option(False, "--cram", help="Drill any cards (all, or those of --tag), least recalled first, as practice: recorded, but the schedule is left alone. A card answered wrong comes back."),
    exam_date: datetime | None = typer.Option(None, "--exam-date", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Schedule for an exam on this day, instead of the decks' own `exam:` dates.", show_default=False),
    plain: bool = typer.Option(False, "--plain", help="One line per answer from stdin, no menus; automatic grades stand. Used when stdin is not a terminal."),
) -> None:
    """Study the cards that are due, then new ones.

    Type the answer (or pick it with the arrow keys); quiz checks it, shows the source quote and
    grades it: wrong = Again, right = Good, right but slow or with a typo = Hard, right and fast =
    Easy. Press Enter to keep the grade or 1-4 (a/h/g/e) to change it; `u` undoes the answer,
    `s` suspends the card, `b` buries it until tomorrow. `u` (then Enter at a text prompt) at the
    next question also undoes the last answer. `q`, Ctrl-C or Ctrl-D quits; every answer is
    already saved.

    A card forgotten 8 times is a leech: it is suspended, and the session says so.
    With an exam date (a deck's `exam:` or --exam-date), a card whose recall on the exam day
    would fall below the desired retention comes due before it (see ALGORITHM.md).
    """
    from quiz.memory.scheduler import Scheduler, load_fsrs
    from quiz.study.planning import Controls, plan
    from quiz.study.session import Session

    chosen = choose_decks(decks)
    settings = load_settings()
    store = open_store(chosen)
    moment = now()
    controls = Controls(tuple(tags or ()), (limit or 20) if ahead else 0, cram, exam_date.date() if exam_date else None)
    planned = plan(chosen, store, moment, new, settings, controls)
    if not len(planned.queue):
        from quiz.humantime import when

        next_due = store.next_due([deck.id for deck in chosen])
        hint = "" if ahead or cram else " `quiz study --ahead` studies the soonest now, `--cram` drills any."
        typer.echo(f"Nothing to study now. Next card {when(next_due, moment)}.{hint}")
        return
    asker = prompter(plain, early=True, meanwhile=load_fsrs)
    if planned.practice:
        typer.echo("Cram: practice only; your schedule stays as it was.")
    elif planned.ahead:
        typer.echo("Nothing is due: studying the cards due soonest.")
    own = {deck.id: Scheduler(settings.for_deck(deck.id).scheduler) for deck in chosen if deck.id in settings.decks}
    scheduler = Scheduler(settings.for_deck(None).scheduler)
    session = Session(planned.queue, planned.memories, store, scheduler, asker, {d.id: d for d in chosen}, now, limit,
                      deck_schedulers=own, practice=planned.practice, exams=planned.exams)
    summary = session.run()
    from quiz.terminal.render import console, session_summary  # rich loads after the session, not before it

    out = console()
    out.print()
    out.print(session_summary(summary))
    if summary.failure is not None:
        kept = f"the {summary.answered} answer(s) before it are saved" if summary.answered else "no answer was saved"
        fail(f"{summary.failure}; {kept}")
