"""What `quiz generate` is asked to do, checked once where it is made (the command line or a
Python caller) and passed unchanged from there to the pipeline: `Options` for the deck, `Output`
for where it goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quiz.generate import GenerateError
from quiz.generate.types import QuestionKind

ALL_KINDS = frozenset(QuestionKind)
# A spaCy pipeline is an installed package (a Python name) or a folder holding one.
PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")


@dataclass(frozen=True)
class Options:
    """The deck's title, the most cards to keep, the kinds of card wanted and the spaCy pipeline.
    `parse` makes them from what a person typed; either way they are checked once, here."""

    title: str | None = None
    max_cards: int | None = None
    kinds: frozenset[QuestionKind] = field(default=ALL_KINDS)
    model: str | None = None

    def __post_init__(self) -> None:
        if self.max_cards is not None and self.max_cards < 1:
            raise GenerateError("--max must be at least 1")
        object.__setattr__(self, "kinds", parse_kinds(self.kinds))
        if self.title is not None and not self.title.strip():
            raise GenerateError("--title must not be empty")
        if self.model is not None and not (PACKAGE_NAME.match(self.model) or self.model.strip() and Path(self.model).is_dir()):
            raise GenerateError(f"--model {self.model!r}: not a spaCy pipeline (give an installed package name such as en_core_web_sm, or its folder)")

    @classmethod
    def parse(
        cls, title: str | None = None, max_cards: int | None = None, kinds: Iterable[str] | str | None = None, model: str | None = None
    ) -> Options:
        """Options from loose values: `kinds` as names or one comma-separated string, None for all."""
        return cls(title=title, max_cards=max_cards, kinds=parse_kinds(kinds), model=model)


def parse_kinds(kinds: Iterable[str] | str | None) -> frozenset[QuestionKind]:
    """Kinds from names ("who", "cloze") or one comma-separated string; every kind when none are given."""
    names = [k.strip() for k in kinds.split(",")] if isinstance(kinds, str) else [str(k).strip() for k in kinds or ()]
    names = [name for name in names if name]
    unknown = [name for name in names if name not in ALL_KINDS]
    if unknown:
        raise GenerateError(f"unknown kind(s) {', '.join(unknown)}; choose from {','.join(k.value for k in QuestionKind)}")
    return frozenset(QuestionKind(name) for name in names) or ALL_KINDS


@dataclass(frozen=True)
class Output:
    """Where the deck goes: standard output when `path` is None; `force` replaces a deck, `merge` adds to one."""

    path: Path | None = None
    force: bool = False
    merge: bool = False

    def __post_init__(self) -> None:
        if self.force and self.merge:
            raise GenerateError("use either --merge or --force, not both")
        if self.merge and self.path is None:
            raise GenerateError("--merge needs -o DECK.yaml, the deck to add cards to")
