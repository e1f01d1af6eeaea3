"""`quiz exam`: a test over the chosen decks, marked at the end, its score kept."""

from __future__ import annotations

import typer

from quiz.commands.common import choose_decks, fail, load_settings, now, open_store, prompter


def exam(
    decks: list[str] | None = typer.Argument(None, metavar="[DECK]...", help="Deck files, folders of decks, or deck ids. Default: every known deck.", show_default=False),
    questions: int = typer.Option(20, "-n", "--questions", min=1, help="How many questions to draw (fewer if the decks have fewer cards)."),
    tags: list[str] | None = typer.Option(None, "--tag", metavar="TAG", help="Only cards with this tag (repeat for several; `leech` finds leeches).", show_default=False),
    kinds: str | None = typer.Option(None, "--kinds", metavar="KINDS", help="Only these kinds of card, comma-separated: typed,choice,truefalse,cloze.", show_default=False),
    seed: int | None = typer.Option(None, "--seed", min=0, help="Draw the exam from this seed: the same seed over the same history draws the same questions. Default: a new one, shown.", show_default=False),
    practice: bool = typer.Option(False, "--practice", help="Leave the schedule alone: answers are recorded as practice, not as reviews that schedule the cards."),
    plain: bool = typer.Option(False, "--plain", help="One line per answer from stdin, no menus; end of input hands the exam in. Used when stdin is not a terminal."),
) -> None:
    """Sit an exam, like a teacher's test: questions drawn across the decks, weighted towards the
    cards you are least likely to remember (suspended and buried cards are left out), checked
    as in study, with no feedback and no grade changes until the end. Then the score (right of n,
    percent, time) and every wrong answer with the right one, its quote and source.

    Every exam is kept (`quiz scores` shows the history), each answer saved as it is given. Exam
    answers are real recall evidence, so they are also written as reviews that schedule the cards
    (right = Good, wrong = Again); with --practice the schedule is left alone.

    `q` (then Enter at a text prompt), Ctrl-C or Ctrl-D stops early and asks whether to hand in
    what was answered (unanswered questions count as wrong) or to leave without a score.
    """
    import secrets

    from quiz.memory.scheduler import Scheduler
    from quiz.study.exam import Ending, draw, kinds_from_text
    from quiz.study.planning import available, exams_ahead, recall_now
    from quiz.study.sitting import Sitting

    try:
        chosen_kinds = kinds_from_text(kinds) if kinds is not None else None
    except ValueError as exc:
        fail(f"--kinds: {exc}")
    chosen = choose_decks(decks)
    settings = load_settings()
    store = open_store()
    moment = now()
    store.sync_decks([(deck.id, deck.title, deck.path, deck.card_count()) for deck in chosen], moment)
    memories = store.memories([deck.id for deck in chosen])
    seed = seed if seed is not None else secrets.randbelow(1_000_000)
    drawn = draw(available(chosen, store, moment, tuple(tags or ())), recall_now(chosen, memories, moment, settings), questions, seed, chosen_kinds)
    if not drawn:
        fail("no cards to ask: the decks have none of those tags or kinds, or all are suspended")
    names = ", ".join(deck.title for deck in chosen if any(card.deck_id == deck.id for card in drawn))
    typer.echo(f"Exam: {len(drawn)} question(s) from {names}. Seed {seed} (`--seed {seed}` draws it again).")
    typer.echo("No feedback until you hand in; q or Ctrl-C stops and asks whether to hand in." + (" Practice: the schedule stays as it was." if practice else ""))
    own = {deck.id: Scheduler(settings.for_deck(deck.id).scheduler) for deck in chosen if deck.id in settings.decks}
    sitting = Sitting(store, {deck.id: deck for deck in chosen}, Scheduler(settings.for_deck(None).scheduler), prompter(plain), now, seed,
                      practice, own, exams_ahead(chosen, moment))
    result = sitting.run(drawn, memories)
    if result.ending == Ending.LEFT:
        typer.echo(f"Left without a score; the {len(result.marked)} answer(s) given are kept.")
        return
    import sys

    from quiz.study.prompts import Paint, exam_report, use_colour

    paint = Paint(use_colour(sys.stdout))
    typer.echo()
    for line in exam_report(result, {deck.id: deck.sources for deck in chosen}, paint):
        typer.echo(line)
    typer.echo()
    typer.echo("`quiz scores` shows every exam's score.")
