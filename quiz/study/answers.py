"""Answer checking: whether a typed answer matches a card's answer.

Answers are compared in the form quiz/normalise.py gives them (case, accents, punctuation,
spacing, articles and titles never matter; numbers compare by value). This module adds the
rest: any accepted form counts, true/false take their usual synonyms, and one typo in a long
word is forgiven but flagged. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.normalise import answer_key


@dataclass(frozen=True)
class Verdict:
    correct: bool  # counts as right, typo or not
    typo: bool  # right only thanks to typo tolerance
    matched: str | None  # the accepted form (original text) that matched; None when wrong


_WRONG = Verdict(correct=False, typo=False, matched=None)

_TRUE_FALSE = {"true": frozenset({"true", "t", "yes", "y"}), "false": frozenset({"false", "f", "no", "n"})}
_MIN_TYPO_LENGTH = 5  # a one-letter slip in a shorter word is usually a different word


def check(given: str, answer: str, accept: Sequence[str] = ()) -> Verdict:
    """Judge `given` against the answer and its accepted alternatives.

    An exact match on any form beats a typo match on an earlier one.
    """
    if not given.strip():
        return _WRONG
    got = answer_key(given)
    forms = [(form, answer_key(form)) for form in (answer, *accept)]
    for form, key in forms:
        if got == key or got in _TRUE_FALSE.get(key, ()):
            return Verdict(correct=True, typo=False, matched=form)
    for form, key in forms:
        if _one_typo(got, key):
            return Verdict(correct=True, typo=True, matched=form)
    return _WRONG


def _one_slip(a: str, b: str) -> bool:
    """Exactly one letter inserted, dropped, changed or swapped with its neighbour (an OSA edit
    distance of 1), found in time linear in the texts."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    same = _common_prefix(a, b)
    if len(a) == len(b):
        swapped = a[same + 1 : same + 2] == b[same : same + 1] and a[same : same + 1] == b[same + 1 : same + 2]
        return a[same + 1 :] == b[same + 1 :] or (swapped and a[same + 2 :] == b[same + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[same + 1 :] == shorter[same:]


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix, by halving: comparisons of slices run at C speed."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _one_typo(got: str, want: str) -> bool:
    """Exactly one slip (insert, delete, substitute, swap) inside one long word of letters."""
    got_words, want_words = got.split(), want.split()
    if len(got_words) == len(want_words):
        differing = [(g, w) for g, w in zip(got_words, want_words) if g != w]
        return len(differing) == 1 and _typo_word(*differing[0])
    # A space typed or dropped: "alangross" for "alan gross".
    if got.replace(" ", "") != want.replace(" ", "") or not _one_slip(got, want):
        return False
    fewer, more = sorted((got_words, want_words), key=len)
    joined = next(f for f, m in zip(fewer, more) if f != m)
    return _is_long_word(joined)


def _typo_word(got: str, want: str) -> bool:
    return _is_long_word(want) and got.isalpha() and _one_slip(got, want)


def _is_long_word(word: str) -> bool:
    # Letters only: a slip in a number ("1963" for "1962") is a different number.
    return len(word) >= _MIN_TYPO_LENGTH and word.isalpha()
