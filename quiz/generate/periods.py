"""Periods written as two dates the tagger takes apart: "in August and September 1944", "from May
to July 1921", "from 1987 until early 2006". The period is one answer ("When did the envoys
meet …?" -> "August and September 1944"): a gap on one end leaves the other beside it to give it
away ("in August and _____"), and the first end of "August and September 1944" has no year of its own.

Two bare years ("from 1961 until 1970") stay apart: `spans` asks each end with the other kept.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.types import DATE_TYPES, AnswerType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

# What joins the two ends of one period: "August and September 1944", "May to July", "1987 until 2006".
JOINERS = (["and"], ["to"], ["until"], ["till"], ["through"], ["-"], ["–"])
YEAR = re.compile(r"\b\d{4}\b")
BARE_YEAR = re.compile(r"\d{4}")


def periods(span: Span, found: list[Mention]) -> list[Mention]:
    """The mentions with each two-date period made one mention in place of its ends."""
    dated = sorted((m for m in found if m.type in DATE_TYPES), key=lambda m: m.start)
    doc = span.doc
    joined: dict[Mention, Mention] = {}
    for first, second in pairwise(dated):
        if first in joined or [t.lower_ for t in doc[first.end : second.start]] not in JOINERS:
            continue
        if not YEAR.search(second.text) or BARE_YEAR.fullmatch(first.text) and BARE_YEAR.fullmatch(second.text):
            continue  # the last end gives the year; two bare years are each asked (spans.py)
        if not YEAR.search(first.text) and doc[first.end].lower_ == "and" and first.type != second.type:
            continue  # "on May 3 and in 1922": two dates, not one period
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
