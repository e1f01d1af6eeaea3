"""The date questions no clause of the sentence holds, gathered for `candidates`: a relative clause
on a noun renaming a name (relatives), a hold a second verb takes (holdings), an event a noun names
(events), and two periods in parallel phrases (parallels)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.events import event_questions
from quiz.generate.holdings import holding_questions
from quiz.generate.parallels import parallel_questions
from quiz.generate.relatives import relative_questions
from quiz.generate.types import DATE_TYPES, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Span


def dated_questions(sent: Span, mention: Mention, found: list[Mention], resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """(kind, question) for a date mention from every maker above."""
    if mention.type not in DATE_TYPES:
        return
    yield from relative_questions(sent, mention, resolved)
    yield from holding_questions(sent, mention, resolved)
    yield from event_questions(sent, mention, resolved)
    yield from parallel_questions(sent, mention, found, resolved)
