"""Periods written as two dated ends the tagger takes apart, where one end is more than a bare
year: "from 1961 until early 1970", "from May 1921 to 1923". The period is one answer ("When was
…?" -> "1961 until early 1970"): a gap on one end leaves the other beside it, and "early 1970"
is no year a "From what year …" question can ask.

A first end that borrows its year from the second ("May and June 1921") is joined by
dategaps.joined_dates; two bare years ("from 1961 until 1970") stay apart, as spans.py asks each
end with the other kept.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.types import DATE_TYPES, AnswerType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

# What joins the two ends of one period: "1961 until early 1970", "May 1921 to 1923".
JOINERS = (["to"], ["until"], ["till"], ["through"], ["-"], ["–"])
YEAR = re.compile(r"\b\d{4}\b")
BARE_YEAR = re.compile(r"\d{4}")


def periods(span: Span, found: list[Mention]) -> list[Mention]:
    """The mentions with each period of two dated ends made one mention in place of its ends."""
    dated = sorted((m for m in found if m.type in DATE_TYPES and not m.pair), key=lambda m: m.start)
    doc = span.doc
    joined: dict[Mention, Mention] = {}
    for first, second in pairwise(dated):
        if first in joined or [t.lower_ for t in doc[first.end : second.start]] not in JOINERS:
            continue
        if not (YEAR.search(first.text) and YEAR.search(second.text)) or BARE_YEAR.fullmatch(first.text) and BARE_YEAR.fullmatch(second.text):
            continue  # a borrowed year is dategaps'; two bare years are each asked (spans.py)
        text = doc[first.start : second.end].text
        joined[first] = joined[second] = Mention(start=first.start, end=second.end, text=text, type=AnswerType.DATE, answer=text, accept=())
    if not joined:
        return found
    result, added = [], set()
    for mention in found:
        period = joined.get(mention)
        if period is None:
            result.append(mention)
        elif period not in added:
            added.add(period)
            result.append(period)
    return result
