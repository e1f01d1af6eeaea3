"""The `quiz` command line: the typer app, with one command per module of quiz/commands/.

Commands are built lazily: a command's module is imported, and typer turns its function into a
click command, only when that command is looked up. `quiz stats` builds `stats` alone (building
all nineteen took ~17 ms of every start); `quiz --help`, completion and the "did you mean"
of a mistyped name see every command, in this order.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer
from typer.core import TyperGroup

from quiz.commands import dashboard
from quiz.commands.common import guarded

# Command name: (module in quiz.commands, function), in the order `quiz --help` lists them.
COMMANDS = {
    "study": ("study", "study"),
    "check": ("check", "check"),
    "decks": ("decks", "list_decks"),
    "stats": ("stats", "stats"),
    "exam": ("exam", "exam"),
    "scores": ("scores", "scores"),
    "cards": ("cards", "cards"),
    "suspend": ("suspend", "suspend"),
    "unsuspend": ("unsuspend", "unsuspend"),
    "generate": ("generate", "generate"),
    "import-reviews": ("import_reviews", "import_reviews"),
    "new": ("new", "new"),
    "add": ("add", "add"),
    "import": ("import_", "import_deck"),
    "export": ("export", "export"),
    "schema": ("schema", "schema"),
    "settings": ("settings", "settings"),
    "optimize": ("optimize", "optimize"),
}


def build(name: str) -> typer.core.TyperCommand:
    """One command, made by typer from its function exactly as `app.command(name)` would."""
    module, function = COMMANDS[name]
    single = typer.Typer(add_completion=False, rich_markup_mode=None)
    single.command(name)(guarded(getattr(importlib.import_module(f"quiz.commands.{module}"), function)))
    command = typer.main.get_command(single)
    assert isinstance(command, typer.core.TyperCommand)
    return command


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands by name: every name is known at once, each command built when first
    looked up (a command added by hand is kept as it is)."""

    def __init__(self) -> None:
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            if name not in COMMANDS:
                raise KeyError(name)
            self.built[name] = build(name)
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        raise TypeError("quiz's commands cannot be removed")

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self.built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self.built)


class LazyGroup(TyperGroup):
    """typer's group, with its commands in a LazyCommands instead of a dict built up front."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands()


app = typer.Typer(
    cls=LazyGroup,
    help="Offline quizzes and flashcards with FSRS spaced repetition.\n\n"
    "Run `quiz` alone for a dashboard, `quiz study` to study every known deck, "
    "`quiz COMMAND --help` for a command's options. Scores live in one SQLite file in your "
    "data folder (set QUIZ_HOME to use another directory).",
    add_completion=False,
    rich_markup_mode=None,
)
app.callback(invoke_without_command=True)(guarded(dashboard.dashboard))


def main() -> None:
    app(prog_name="quiz")
