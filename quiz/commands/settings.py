"""`quiz settings`: show and change the scheduling settings, globally or for one deck."""

from __future__ import annotations

import typer

from quiz.commands.common import deck_ids, fail, load_settings, open_store


def settings(
    words: list[str] | None = typer.Argument(None, metavar="[DECK] [KEY [VALUE]]", help="A deck id or file, a setting's name, a new value.", show_default=False),
    unset: bool = typer.Option(False, "--unset", help="Remove KEY's value (for DECK, or for every deck): back to the global value or the default."),
) -> None:
    """Show or change the scheduling settings, kept in settings.toml in the data folder.

    `quiz settings` shows every setting and where its value comes from; `quiz settings DECK`
    shows one deck's; `quiz settings [DECK] KEY` prints one value; `quiz settings [DECK] KEY VALUE`
    sets it for every deck (or only DECK); `--unset` removes it again; VALUE `default` does too.

    \b
    desired_retention   0.70 to 0.97 (0.9): the chance of recall each card is scheduled for
    learning_steps      up to 10 durations, 1s to 1d (1m,10m): steps of a new card; `none` for none
    relearning_steps    the same (10m): steps after a lapse
    maximum_interval    1 to 36500 days (36500): the longest interval
    new_per_day         0 to 9999 (20): new cards a day in each deck; `quiz study --new N` wins for one session
    fuzz                on or off (on): spread intervals a little at random
    parameters          21 numbers, w0..w20 (FSRS-6's defaults): set by `quiz optimize`
    """
    import difflib

    from quiz.errors import QuizError
    from quiz.memory.settings import KEYS, SettingsError, from_text, require_key, show

    words = words or []
    deck = None
    if words and words[0] not in KEYS:
        try:
            deck = deck_ids([words[0]], open_store())[0]
        except QuizError as exc:
            close = difflib.get_close_matches(words[0], KEYS, n=1)
            if close:
                raise SettingsError(f"no setting or deck {words[0]!r}; did you mean the setting {close[0]}?") from None
            raise exc
        words = words[1:]
    if len(words) > 2:
        fail(f"too many words: {' '.join(words[2:])!r}; give [DECK] [KEY [VALUE]] (quote a VALUE with spaces)")
    current = load_settings()
    if not words:
        if unset:
            fail("--unset needs the KEY to remove")
        _show_all(deck)
        return
    key = words[0]
    if len(words) == 1 and not unset:
        require_key(key)
        typer.echo(show(current.value(key, deck)[0]))
        return
    if unset and len(words) == 2:
        fail("give --unset or a VALUE, not both")
    value = None if unset else from_text(key, words[1])
    _change(deck, key, value)


def _change(deck: str | None, key: str, value: object) -> None:
    from quiz.memory.settings import change, show
    from quiz.paths import settings_path

    # Hand-set weights are not the fitted ones: their fitting date goes with them.
    changes = {key: value, **({"parameters_fitted_on": None} if key == "parameters" else {})}
    result = change(settings_path(), deck, changes)
    shown, source = result.value(key, deck)
    scope = f"deck {deck}" if deck else "every deck"
    if value is None:
        typer.echo(f"{key} unset for {scope}: now {show(shown)} ({_origin(source)})")
    else:
        typer.echo(f"{key} = {show(shown)} for {scope}{'' if deck else ' without its own value'}")


def _origin(source: str) -> str:
    return {"deck": "this deck's own", "settings": "from the global settings", "default": "the default"}[source]


def _show_all(deck: str | None) -> None:
    from quiz.memory.settings import KEYS, show
    from quiz.paths import settings_path

    current = load_settings()
    path = settings_path()
    typer.echo(f"Settings for {'deck ' + deck if deck else 'every deck'} ({path}{'' if path.exists() else ', not written yet'}):")
    for key in KEYS:
        if key == "parameters_fitted_on":
            continue
        value, source = current.value(key, deck)
        text = show(value)
        if key == "parameters":
            fitted = current.for_deck(deck).parameters_fitted_on
            text = f"fitted on {fitted}: {text}" if fitted else ("FSRS-6 defaults" if value is None else f"set by hand: {text}")
        typer.echo(f"  {key:<18} {text}  ({_origin(source)})" if source != "default" else f"  {key:<18} {text}")
    if deck is None and current.decks:
        typer.echo(f"Decks with settings of their own: {', '.join(sorted(current.decks))} (see `quiz settings DECK`)")
