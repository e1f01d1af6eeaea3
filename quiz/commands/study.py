"""`quiz study`: a study session over the chosen decks, interactive or plain."""

from __future__ import annotations

import sys

import typer

from quiz.commands.common import choose_decks, fail, load_settings, now, open_store


def study(
    decks: list[str] | None = typer.Argument(None, metavar="[DECK]...", help="Deck files, folders of decks, or deck ids. Default: every known deck.", show_default=False),
    new: int | None = typer.Option(None, "--new", min=0, help="Most new cards today in these decks altogether, counting earlier sessions. Default: each deck's new_per_day setting (20; see `quiz settings`).", show_default=False),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Stop after this many answers."),
    plain: bool = typer.Option(False, "--plain", help="One line per answer from stdin, no menus; automatic grades stand. Used when stdin is not a terminal."),
) -> None:
    """Study the cards that are due, then new ones.

    Type the answer (or pick it with the arrow keys); quiz checks it, shows the source quote and
    grades it: wrong = Again, right = Good, right but slow or with a typo = Hard, right and fast =
    Easy. Press Enter to keep the grade or 1-4 (a/h/g/e) to change it. `q`, Ctrl-C or Ctrl-D quits;
    every answer is already saved.
    """
    from quiz.memory.scheduler import Scheduler
    from quiz.study.session import Session, plan

    chosen = choose_decks(decks)
    settings = load_settings()
    store = open_store()
    moment = now()
    queue, memories = plan(chosen, store, moment, new, settings)
    if not len(queue):
        from quiz.humantime import when

        next_due = store.next_due([deck.id for deck in chosen])
        typer.echo(f"Nothing to study now. Next card {when(next_due, moment)}.")
        return
    if plain or not sys.stdin.isatty():
        from quiz.study.prompts import PlainPrompter

        prompter = PlainPrompter()
    else:
        from quiz.study.prompts import InteractivePrompter

        prompter = InteractivePrompter()  # type: ignore[assignment]
    own = {deck.id: Scheduler(settings.for_deck(deck.id).scheduler) for deck in chosen if deck.id in settings.decks}
    scheduler = Scheduler(settings.for_deck(None).scheduler)
    session = Session(queue, memories, store, scheduler, prompter, {d.id: d for d in chosen}, now, limit, deck_schedulers=own)
    summary = session.run()
    from quiz.render import console, session_summary  # rich loads after the session, not before it

    out = console()
    out.print()
    out.print(session_summary(summary))
    if summary.failure is not None:
        kept = f"the {summary.answered} answer(s) before it are saved" if summary.answered else "no answer was saved"
        fail(f"{summary.failure}; {kept}")
