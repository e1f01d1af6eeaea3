"""quiz generate: question decks from article facts, offline and deterministic.

Public API for the CLI. Nothing here imports spaCy at import time (study must start fast);
the pipeline modules load it when `generate` runs. Stages, one module each: clean -> nlp ->
extract (clauses, candidates) -> filters -> rank -> distractors -> build; command does the I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.decks.model import Deck

KINDS = ("who", "what", "when", "where", "howmany", "cloze", "truefalse")


class GenerateError(Exception):
    """A user mistake or unusable input; the message names the file and is shown as is."""


def generate(
    texts: list[tuple[str, str]],
    title: str | None = None,
    max_cards: int | None = None,
    kinds: list[str] | None = None,
    model: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Deck:
    """A deck from (name, text) pairs; names become source ids and files. Pure apart from loading the model."""
    from quiz.generate.pipeline import run

    return run(texts, title=title, max_cards=max_cards, kinds=kinds, model=model, progress=progress)


def run_command(
    articles: list[str],
    output: str | None,
    title: str | None,
    max_cards: int | None,
    kinds: list[str] | None,
    force: bool,
    merge: bool,
    model: str | None,
) -> int:
    """Everything `quiz generate` does; returns the exit code, raises GenerateError for user mistakes."""
    from quiz.generate.command import main

    return main(articles, output=output, title=title, max_cards=max_cards, kinds=kinds, force=force, merge=merge, model=model)
