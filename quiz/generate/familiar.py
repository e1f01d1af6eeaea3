"""A place or body the article keeps naming is no answer.

A history of a country's foreign policy names that country in sentence after sentence; a report
on an outbreak names the stricken country, and the agency fighting it, in every other line.
Asked "Which country voted for …?", "a plan to invade ___" or "___ is supporting community
feedback", the reader puts that name without having learnt anything: the article made it the
default guess. A place or organisation named in at least FAMILIAR_MIN of an article's sentences,
and in at least FAMILIAR_SHARE of them, is such a name (its other ways of writing count as one:
nlp.key). One named a few times in a long article stays. People
are left to filters.protagonist (a stricter share): who did what is the fact a biography or a
history teaches. filters.dominant_name does the same for the one name far ahead of all others.
"""

from __future__ import annotations

from collections import Counter

from quiz.generate.nlp import key
from quiz.generate.types import PLACE_TYPES, AnswerType, Candidate

FAMILIAR_TYPES = PLACE_TYPES | {AnswerType.ORGANIZATION}
FAMILIAR_MIN = 4
FAMILIAR_SHARE = 0.15  # about one sentence in seven


def familiar(candidate: Candidate, mentioned: Counter[str], sentences: int) -> bool:
    """The answer is a place or body named in many of the article's sentences (`mentioned`
    counts the sentences naming each answer, of `sentences` in all)."""
    if candidate.mention.type not in FAMILIAR_TYPES or not sentences:
        return False
    count = mentioned[key(candidate.mention.answer)]
    return count >= FAMILIAR_MIN and count >= FAMILIAR_SHARE * sentences
