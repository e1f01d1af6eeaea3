"""Date gaps whose slot does not pin a date: one end of a range of months or days that borrows
its year from the other end, and a date written as a noun's modifier.

"met in {{March}} and April 1952" or "in March and {{April 1952}}": the end shown gives the other
away (the next month, the same year), so the two ends are one answer, the span. A range the tagger
tore ("{{between 1995 and}} 2020") is mended the same way. Two years ("from 1961 until 1970") are
left alone: each end is a fact of its own (spans.py asks them).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.answertypes import answer_type
from quiz.generate.types import DATE_TYPES, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

RANGE_JOINERS = frozenset("and to through until till – - —".split())
YEAR = re.compile(r"\b\d{4}s?\b")


def joined_dates(span: Span, found: list[Mention]) -> list[Mention]:
    """The mentions with each range of two dates, whose first end lacks the year the second gives
    ("March and April 1952", "May 5 to June 9, 2020"), or whose first part ends on the joiner
    ("between 1995 and" + "2020"), made one mention of the whole span."""
    doc = span.doc
    dates = sorted((m for m in found if m.type in DATE_TYPES and not m.pair), key=lambda m: m.start)
    joined: dict[Mention, Mention] = {}
    for first, second in pairwise(dates):
        if first in joined:
            continue
        between = [t.text.lower() for t in doc[first.end : second.start]]
        torn = not between and first.text.split()[-1].lower() in RANGE_JOINERS
        borrowed = len(between) == 1 and between[0] in RANGE_JOINERS and not YEAR.search(first.text) and YEAR.search(second.text)
        if not (torn or borrowed):
            continue
        text = doc[first.start : second.end].text
        kind = answer_type(text, "DATE")
        if kind is None:
            continue
        whole = Mention(start=first.start, end=second.end, text=text, type=kind, answer=text, accept=())
        joined[first] = joined[second] = whole
    if not joined:
        return found
    result = []
    for mention in found:
        kept = joined.get(mention, mention)
        if kept not in result:
            result.append(kept)
    return result
