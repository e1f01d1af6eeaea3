"""quiz generate: question decks from article facts, offline and deterministic.

Public API for the CLI. Nothing here imports spaCy at import time (study must start fast);
the pipeline modules load it when `generate` runs. Stages, one module each: clean -> nlp ->
extract (sentences, mentions) -> candidates -> filters -> rank -> distractors -> build; the data
they pass on is in types, the request in options; command does the I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.decks.model import Deck
    from quiz.generate.nlp import Progress
    from quiz.generate.options import Options, Output

class GenerateError(QuizError):
    """A user mistake or unusable input; the message names the file and is shown as is."""


def generate(
    texts: list[tuple[str, str]], options: Options | None = None, progress: Progress | None = None, **fields: object
) -> Deck:
    """A deck from (name, text) pairs; names become source ids and files. Pure apart from loading
    the model. `fields` (title, max_cards, kinds, model) make the Options when none are given."""
    from quiz.generate.options import Options
    from quiz.generate.pipeline import run

    return run(texts, options or Options.parse(**fields), progress)  # type: ignore[arg-type]


def run_command(articles: list[str], output: Output, options: Options) -> int:
    """Everything `quiz generate` does; returns the exit code, raises GenerateError for user mistakes."""
    from quiz.generate.command import main

    return main(articles, output, options)
