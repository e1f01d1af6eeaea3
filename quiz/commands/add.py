"""`quiz add`: add cards to a deck file by answering questions, each card checked before it is written."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import typer

from quiz.commands.common import fail


def add(
    deck: Path = typer.Argument(..., metavar="DECK.yaml", help="The deck file to add cards to (`quiz new` makes one).", show_default=False),
    plain: bool = typer.Option(False, "--plain", help="Read one line per question from stdin, no menus. Used when stdin is not a terminal."),
) -> None:
    """Add cards to a deck, one question at a time; an empty question ends.

    Type a question (or a sentence with {{gaps}} for a cloze), choose its kind (typed answer,
    multiple choice, true or false), then the answer, other accepted answers and wrong options
    (several separated by ';'), its source and quote when the deck has sources, and tags.

    Each card is checked with `quiz check`'s rules before it is written: a card with an error
    is shown with the error and not written. Written cards get a stable id and go at the end of
    the deck, laid out like the cards before them; the rest of the file (comments, order,
    formatting) is left exactly as it was. Ctrl-C or Ctrl-D stops; cards added are kept.

    Example: quiz add decks/spanish.yaml
    """
    from quiz.decks.authoring import Stop, ask_card
    from quiz.decks.update import DeckEditError, add_card, deck_of

    try:
        current = deck_of(deck)
    except DeckEditError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        fail(str(exc))
    asker = PlainAsker() if plain or not sys.stdin.isatty() else QuestionaryAsker()
    added, kind = 0, None
    while True:
        try:
            made = ask_card(asker, current, kind)
        except Stop:
            break
        if made is None:
            break
        entry, kind = made
        problems = add_card(deck, entry)
        for problem in problems:  # positions would point into text that was not written
            typer.echo(("warning: " if problem.warning else "") + problem.message, err=not problem.warning)
        if any(not p.warning for p in problems):
            typer.echo("Not added: fix what is said above and type the card again.", err=True)
            continue
        added += 1
        typer.echo(f"Added card '{entry.id}'.")
        current = deck_of(deck)
    typer.echo(f"{deck}: {added} card(s) added.")


class PlainAsker:
    """One line of standard input per question; a menu answer is its number or its text."""

    def text(self, prompt: str) -> str:
        from quiz.decks.authoring import Stop

        typer.echo(f"{prompt}: ", nl=False)
        line = sys.stdin.readline()
        if not sys.stdin.isatty():
            typer.echo()
        if not line:
            raise Stop
        return line.rstrip("\r\n")

    def choose(self, prompt: str, options: Sequence[str], default: str | None = None) -> str:
        listed = "  ".join(f"{n}) {option}" for n, option in enumerate(options, 1))
        while True:
            given = self.text(f"{prompt} [{listed}]").strip()
            if not given and default in options:
                return str(default)
            from quiz.study.prompts import pick_option

            picked = pick_option(given, tuple(options))  # an option's number, in any script's digits
            for option in options:
                if picked.casefold() == option.casefold():
                    return option
            typer.echo(f"Choose a number from 1 to {len(options)}.", err=True)


class QuestionaryAsker:
    """questionary prompts (imported only here, so other commands start fast)."""

    def text(self, prompt: str) -> str:
        import questionary

        return self._ask(questionary.text(prompt))

    def choose(self, prompt: str, options: Sequence[str], default: str | None = None) -> str:
        import questionary

        return self._ask(questionary.select(prompt, choices=list(options), default=default if default in options else None))

    def _ask(self, question: object) -> str:
        from quiz.decks.authoring import Stop
        from quiz.study.prompts import interruptible

        interruptible(question)
        try:
            answer = question.unsafe_ask()  # type: ignore[attr-defined]
        except (KeyboardInterrupt, EOFError):
            raise Stop from None
        if answer is None:
            raise Stop
        return str(answer)
