"""Spans of time written as two years, "from 1961 until 1970", where the parser or the gold takes
each year alone: each end is asked with the other end kept ("From what year until 1970 …?").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from quiz.generate.clauses import Clause, fronted, inverted, trim_front
from quiz.generate.shorten import subtree_ids
from quiz.generate.types import AnswerType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

END_WORDS = frozenset("until till to through".split())


def span_end(child: Token, mention: Mention) -> str | None:
    """The wh-phrase with the span's other end when `child` is a "from" phrase of two bare years
    and the mention is one of them alone."""
    if child.dep_ != "prep" or child.lower_ != "from" or mention.type != AnswerType.YEAR:
        return None
    starts = [c for c in child.children if c.dep_ == "pobj"]
    ends = [c for c in child.children if c.dep_ == "prep" and c.lower_ in END_WORDS]
    if len(starts) != 1 or len(ends) != 1 or len(list(child.subtree)) != 4:
        return None  # "from 1961 until early 1970" or more words: the plain years only
    finish = [c for c in ends[0].children if c.dep_ == "pobj"]
    start = starts[0]
    if len(finish) != 1 or not (_year(start) and _year(finish[0])):
        return None
    if mention.start == start.i and mention.end == start.i + 1:
        return f"From what year {ends[0].lower_} {finish[0].text}"
    if mention.start == finish[0].i and mention.end == finish[0].i + 1:
        return f"From {start.text} {ends[0].lower_} what year"
    return None


def _year(token: Token) -> bool:
    return token.tag_ == "CD" and token.text.isdigit() and len(token.text) == 4


def span_end_question(clause: Clause, mention: Mention, child: Token, wh: str) -> Iterator[tuple[str, str | None]]:
    """ "From 1961 until 1970, Ruiz led the board" -> "From what year until 1970 did Ruiz lead the
    board?" and "From 1961 until what year …?": one end of a span written as two years."""
    if clause.verb.tag_ in ("VBZ", "VBP") and not clause.auxiliaries:
        return
    front = [t for t in clause.front if t.i not in subtree_ids(child)]
    unfronted = replace(clause, front=trim_front(tuple(front))) if len(front) < len(clause.front) else clause
    body = inverted(unfronted, set(subtree_ids(child)))
    if body:
        yield "when", f"{fronted(unfronted, wh)} {body}"
