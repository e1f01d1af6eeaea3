"""`quiz cards`: the card browser, a table or JSON of cards with their state."""

from __future__ import annotations

import typer

from quiz.commands.common import choose_decks, load_settings, now, open_store


def cards(
    deck: str | None = typer.Argument(None, metavar="[DECK]", help="A deck file or id; default: every known deck.", show_default=False),
    search: str | None = typer.Option(None, "--search", metavar="TEXT", help="Only cards with this id, or this text in the question or answers.", show_default=False),
    tags: list[str] | None = typer.Option(None, "--tag", metavar="TAG", help="Only cards with this tag (repeat for several; `leech` finds leeches).", show_default=False),
    due: bool = typer.Option(False, "--due", help="Only cards due now, soonest first."),
    leeches: bool = typer.Option(False, "--leeches", help="Only leeches (forgotten 8 times or more), most lapses first."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
) -> None:
    """List cards with their state: new, learning, review or relearning, when due, lapses,
    predicted recall now, and whether suspended, buried or a leech — to find a card to fix,
    suspend or unsuspend (by the id shown).

    With --json, one object per card: deck, id, kind, prompt, answer, tags, state, due, lapses,
    recall, suspended, buried_until and leech.
    """
    import json

    from quiz.decks.select import matching
    from quiz.figures.browse import rows
    from quiz.figures.stats import chosen_cards
    from quiz.memory.scheduler import Scheduler

    chosen = choose_decks([deck] if deck else None)
    store = open_store()
    moment = now()
    settings = load_settings()
    picked = chosen_cards(store, chosen, tuple(tags or ()))
    found = [card for listed in picked.values() for card in listed] if picked is not None else [c for d in chosen for c in d.cards()]
    if search is not None:
        found = matching(found, search)
    curves = {d.id: Scheduler(settings.for_deck(d.id).scheduler).curve for d in chosen}
    listed = rows(found, store.records([d.id for d in chosen]), moment, curves)
    if due:
        listed = sorted((row for row in listed if row.is_due(moment)), key=lambda row: row.due or moment)
    if leeches:
        listed = sorted((row for row in listed if row.leech), key=lambda row: -row.lapses)
    if as_json:
        typer.echo(json.dumps([row.to_json() for row in listed], indent=2, ensure_ascii=False))
        return
    from quiz.terminal.render import cards_table, console

    out = console()
    if not listed:
        out.print("No cards match.")
        return
    out.print(cards_table(listed, moment, out.width, several_decks=len(chosen) > 1))
