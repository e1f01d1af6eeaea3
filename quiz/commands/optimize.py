"""`quiz optimize`: fit the memory model's weights to the learner's reviews, or (--retention)
compare the workload of each desired retention."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from quiz.commands.common import deck_ids, fail, load_settings, now, open_store, warn

if TYPE_CHECKING:
    from quiz.memory.metrics import Scores
    from quiz.memory.optimizer import Fit
    from quiz.memory.replay import Event
    from quiz.store import Store


def optimize(
    decks: list[str] | None = typer.Argument(None, metavar="[DECK]...", help="Deck ids or files whose reviews to use; their settings get the result. Default: every review, into the global settings.", show_default=False),
    retention: bool = typer.Option(False, "--retention", help="Instead of fitting, simulate a year of study at desired retention 0.70 to 0.95 and recommend one."),
    cards: int | None = typer.Option(None, "--cards", min=1, help="With --retention: how many cards to simulate. Default: the decks' cards.", show_default=False),
) -> None:
    """Fit FSRS to your own reviews, or see what each desired retention would cost you.

    quiz optimize fits the 21 FSRS-6 weights to your review history (fsrs-rs, Anki's engine;
    install it with pip install 'quiz[optimize]'). It needs 400 reviews that came a day or more
    after the card's previous one. It fits on the first 80 % of your reviews in time, scores the
    default and the fitted weights on the last 20 % (log loss, RMSE(bins), AUC: lower, lower,
    higher is better), and keeps the fitted weights, dated, in settings.toml only when they
    predict better. Import years of history first with `quiz import-reviews FILE.csv`.

    quiz optimize --retention simulates a year of study at each desired retention from 0.70 to
    0.95 with your weights and answer times, and recommends the one that costs the fewest
    minutes per card remembered.
    """
    from quiz.memory.optimizer import require_engine

    require_engine()
    store = open_store()
    ids = deck_ids(decks, store) if decks else None
    histories = store.histories(ids)
    if not histories:
        scope = f" of {', '.join(ids)}" if ids else ""
        fail(f"no reviews{scope} yet: study some cards, or bring your history in with `quiz import-reviews FILE.csv`")
    if retention:
        _workload(store, ids, histories, cards)
    else:
        _fit(store, ids, histories)


def _fit(store: Store, ids: list[str] | None, histories: dict[tuple[str, str], list[Event]]) -> None:
    from quiz.memory.optimizer import optimize as fit_weights
    from quiz.memory.scheduler import Scheduler
    from quiz.memory.settings import change, show
    from quiz.paths import settings_path

    settings = load_settings().for_deck(ids[0] if ids else None)
    fit = fit_weights(histories, settings.scheduler)
    for line in report(fit, settings.scheduler.parameters is not None):
        typer.echo(line)
    if fit.parameters is None:
        return
    today = now().astimezone().date()
    scopes: list[str | None] = list(ids) if ids else [None]
    for deck in scopes:
        saved = change(settings_path(), deck, {"parameters": fit.parameters, "parameters_fitted_on": today})
    where = f"the settings of {', '.join(ids)}" if ids else "the global settings"
    typer.echo(f"Saved in {where} ({settings_path()}), dated {today}: {show(fit.parameters)}")
    # Decks with weights of their own keep them: each card is replayed with its deck's weights now in force.
    schedulers = {deck: Scheduler(saved.for_deck(deck).scheduler) for deck in {deck for deck, _ in histories}}
    cards = store.refit_memories(schedulers.__getitem__, ids)
    typer.echo(f"Stability and difficulty of {cards:,} card(s) recomputed from their history; due dates stay.")
    typer.echo("`quiz settings` shows the weights; `quiz study` schedules with them from now on.")


def report(fit: Fit, had_own: bool) -> list[str]:
    split = fit.split
    lines = [f"Reviews used: {split.reviews:,} of {split.cards:,} card(s); {split.scored:,} came a day or more after the card's previous review."]
    if fit.default is None or fit.fitted is None or split.at is None:
        return [*lines, f"Not fitted: {fit.reason}"]
    lines.append(f"Time split at {split.at:%Y-%m-%d %H:%M} UTC (80 % of reviews before it): fitted on the {split.train:,} scored"
                 f" reviews before, scored on the {split.test:,} after.")
    lines.append(f"  {'weights':<18}{'log loss':>10}{'RMSE(bins)':>12}{'AUC':>8}")
    rows: list[tuple[str, Scores]] = [("FSRS-6 defaults", fit.default)]
    if fit.current is not None:
        rows.append(("in use" if had_own else "current", fit.current))
    rows.append(("fitted", fit.fitted))
    for name, scores in rows:
        auc = f"{scores.auc:.3f}" if scores.auc is not None else "—"
        lines.append(f"  {name:<18}{scores.log_loss:>10.4f}{scores.rmse_bins:>12.4f}{auc:>8}")
    lines.append(f"Fitting took {fit.seconds:.2f} s. {'Kept' if fit.parameters else 'Not kept'}: {fit.reason}")
    return lines


def _workload(store: Store, ids: list[str] | None, histories: dict[tuple[str, str], list[Event]], cards: int | None) -> None:
    from quiz.memory.workload import DAYS, chart, habits, recommend, simulate

    deck_settings = load_settings().for_deck(ids[0] if ids else None)
    count = cards or _card_count(store, ids)
    workloads = simulate(deck_settings.scheduler, count, deck_settings.new_per_day, habits(histories.values()))
    weights = f"weights fitted on {deck_settings.parameters_fitted_on}" if deck_settings.parameters_fitted_on else (
        "your own weights" if deck_settings.scheduler.parameters else "FSRS-6's default weights")
    typer.echo(f"A year ({DAYS} days) of study simulated: {count:,} card(s), {deck_settings.new_per_day} new a day, {weights},"
               " your ratings and answer times.")
    typer.echo(f"  {'retention':<10}{'reviews/day':>12}{'minutes/day':>13}{'remembered':>12}{'min/card':>10}")
    for workload in workloads:
        typer.echo(f"  {workload.retention:<10.2f}{workload.reviews_per_day:>12.1f}{workload.minutes_per_day:>13.1f}"
                   f"{workload.remembered:>12.0f}{workload.minutes_per_card:>10.2f}")
    typer.echo("Minutes of study per card remembered at the end of the year:")
    for line in chart(workloads):
        typer.echo(f"  {line}")
    best = recommend(workloads)
    scope = f"{ids[0]} " if ids and len(ids) == 1 else ""
    typer.echo(f"Recommended: desired retention {best.retention:.2f}, the fewest minutes per card remembered"
               f" (now {deck_settings.scheduler.desired_retention:g}). Set it with `quiz settings {scope}desired_retention {best.retention:.2f}`.")


def _card_count(store: Store, ids: list[str] | None) -> int:
    """The cards of the scope: those studied or imported, and the decks' new ones."""
    from quiz.decks.catalog import known_decks
    from quiz.decks.model import key_of

    decks = [deck for deck in known_decks(warn) if ids is None or deck.id in ids]
    keys = {key_of(card) for deck in decks for card in deck.cards()}
    return len(keys | store.studied(ids if ids is not None else sorted(store.deck_ids())))
