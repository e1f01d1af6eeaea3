"""A place the article keeps naming is no answer.

A history of a country's foreign policy names that country in sentence after sentence; a report
on an outbreak names the stricken country in every other line. Asked "Which country voted for
…?" or "a plan to invade ___", the reader puts that name without having learnt anything: the
article made it the default guess. A place named in at least HOME_MIN of an article's sentences,
and in at least HOME_SHARE of them, is such a place (its other ways of writing, "U.S." for
"United States", count as one: nlp.key). A place named a few times in a long article stays.
filters.dominant_name does the same for the one name far ahead of all others, of any kind.
"""

from __future__ import annotations

from collections import Counter

from quiz.generate.nlp import key
from quiz.generate.types import PLACE_TYPES, Candidate

HOME_MIN = 4
HOME_SHARE = 0.15  # about one sentence in seven


def home_place(candidate: Candidate, mentioned: Counter[str], sentences: int) -> bool:
    """The answer is a place named in many of the article's sentences (`mentioned` counts the
    sentences naming each answer, of `sentences` in all)."""
    if candidate.mention.type not in PLACE_TYPES or not sentences:
        return False
    count = mentioned[key(candidate.mention.answer)]
    return count >= HOME_MIN and count >= HOME_SHARE * sentences
