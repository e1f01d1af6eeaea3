"""Answer checking: whether a typed answer matches a card's answer.

Owns the matching rules: case, accents, punctuation and spacing never matter;
leading articles and titles are dropped; numbers compare by value however they
are written; true/false take their usual synonyms; one typo in a long word is
forgiven but flagged. Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.study import numwords


@dataclass(frozen=True)
class Verdict:
    correct: bool  # counts as right, typo or not
    typo: bool  # right only thanks to typo tolerance
    matched: str | None  # the accepted form (original text) that matched; None when wrong


_WRONG = Verdict(correct=False, typo=False, matched=None)

# Letters that carry no combining mark to strip, so NFKD leaves them alone.
_LETTER_FOLDS = {
    "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
}
# Dropped rather than spaced, so "don't" is "dont" and "1'000" is "1000".
_APOSTROPHES = str.maketrans("", "", "'`\u2018\u2019\u02bc\u2032")
_THOUSANDS_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
# Everything but letters and digits separates words; a dot survives only between digits.
_SEPARATORS = re.compile(r"(?:[^\w.]|_|(?<![0-9])\.|\.(?![0-9]))+")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_GROUP_LEAD = re.compile(r"[1-9][0-9]{0,2}")
_GROUP = re.compile(r"[0-9]{3}")

_TITLE_WORDS = (
    "the a an mr mrs ms miss mister dr doctor prof professor sir dame president senator sen rep representative"
    " gov governor secretary minister ambassador king queen prince princess pope general gen judge justice"
    " rev reverend lord lady former"
)
_TITLE_PHRASES = (
    "secretary of state", "prime minister", "foreign minister", "vice president", "attorney general",
    "chief justice", "first lady",
)
# Longest first, so "secretary of state" goes whole rather than leaving "of state".
_TITLES = tuple(
    sorted((tuple(title.split()) for title in (*_TITLE_WORDS.split(), *_TITLE_PHRASES)), key=len, reverse=True)
)
_TRUE_FALSE = {"true": frozenset({"true", "t", "yes", "y"}), "false": frozenset({"false", "f", "no", "n"})}
_MIN_TYPO_LENGTH = 5  # a one-letter slip in a shorter word is usually a different word


def normalise(text: str) -> str:
    """The form answers are compared in: "The 20,000 Cafés!" -> "20000 cafes".

    Idempotent: normalise(normalise(x)) == normalise(x).
    """
    text = _THOUSANDS_COMMA.sub("", _fold(text).translate(_APOSTROPHES))
    words = _join_initials(_SEPARATORS.sub(" ", text).split())
    # Group before canonicalising, while "20 000" still reads as a thousands group.
    words = [_canonical_number(word) for word in _merge_digit_groups(words)]
    # And again after spelling out, which can make new groups: "twelve one hundred" -> "12 100".
    words = _merge_digit_groups(_spell_numbers(words))
    return " ".join(_strip_titles(words))


def check(given: str, answer: str, accept: Sequence[str] = ()) -> Verdict:
    """Judge `given` against the answer and its accepted alternatives.

    An exact match on any form beats a typo match on an earlier one.
    """
    if not given.strip():
        return _WRONG
    got = _key(given)
    forms = [(form, _key(form)) for form in (answer, *accept)]
    for form, key in forms:
        if got == key or got in _TRUE_FALSE.get(key, ()):
            return Verdict(correct=True, typo=False, matched=form)
    for form, key in forms:
        if _one_typo(got, key):
            return Verdict(correct=True, typo=True, matched=form)
    return _WRONG


def _key(text: str) -> str:
    # Answers made only of symbols ("?", "+") normalise to nothing; compare them as typed.
    return normalise(text) or " ".join(text.casefold().split())


def _fold(text: str) -> str:
    """Caseless, accentless, ASCII digits: "Ñandú ٣" -> "nandu 3"."""
    text = unicodedata.normalize("NFD", text)
    for _ in range(2):  # Unicode's compatibility caseless match applies casefold+NFKD twice
        text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(_fold_char(ch) for ch in text if unicodedata.category(ch) != "Mn")


def _fold_char(ch: str) -> str:
    digit = unicodedata.decimal(ch, None)
    return str(digit) if digit is not None else _LETTER_FOLDS.get(ch, ch)


def _join_initials(words: list[str]) -> list[str]:
    """Runs of single letters become one word, so "U.S.A.", "U S A" and "USA" agree."""
    joined: list[str] = []
    in_run = False
    for word in words:
        initial = len(word) == 1 and word.isalpha()
        if initial and in_run:
            joined[-1] += word
        else:
            joined.append(word)
        in_run = initial
    return joined


def _merge_digit_groups(words: list[str]) -> list[str]:
    """Space-grouped thousands: "20 000" -> "20000"."""
    merged: list[str] = []
    open_group = False
    for word in words:
        if open_group and _GROUP.fullmatch(word):
            merged[-1] += word
        else:
            merged.append(word)
            open_group = bool(_GROUP_LEAD.fullmatch(word))
    return merged


def _canonical_number(word: str) -> str:
    """Digits by value: "007" -> "7", "2.50" -> "2.5"."""
    if not _NUMBER.fullmatch(word):
        return word
    whole, _, fraction = word.partition(".")
    whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def _spell_numbers(words: list[str]) -> list[str]:
    """Number words to digits: "nineteen sixty two" -> "1962"."""
    spelled: list[str] = []
    i = 0
    while i < len(words):
        found = numwords.parse(words, i)
        if found is None:
            spelled.append(words[i])
            i += 1
        else:
            spelled.append(str(found[0]))
            i = found[1]
    return spelled


def _strip_titles(words: list[str]) -> list[str]:
    """Drop leading articles and titles, but never the whole answer ("President" stays)."""
    while True:
        title = next((t for t in _TITLES if tuple(words[: len(t)]) == t), ())
        if not title or len(title) == len(words):
            return words
        words = words[len(title) :]


def _osa(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit."""
    from rapidfuzz.distance import OSA  # loaded on first use: only inexact answers need it

    return OSA.distance(a, b)


def _one_typo(got: str, want: str) -> bool:
    """Exactly one slip (insert, delete, substitute, swap) inside one long word of letters."""
    got_words, want_words = got.split(), want.split()
    if len(got_words) == len(want_words):
        differing = [(g, w) for g, w in zip(got_words, want_words) if g != w]
        return len(differing) == 1 and _typo_word(*differing[0])
    # A space typed or dropped: "alangross" for "alan gross".
    if _osa(got, want) != 1 or got.replace(" ", "") != want.replace(" ", ""):
        return False
    fewer, more = sorted((got_words, want_words), key=len)
    joined = next(f for f, m in zip(fewer, more) if f != m)
    return _is_long_word(joined)


def _typo_word(got: str, want: str) -> bool:
    return _is_long_word(want) and got.isalpha() and _osa(got, want) == 1


def _is_long_word(word: str) -> bool:
    # Letters only: a slip in a number ("1963" for "1962") is a different number.
    return len(word) >= _MIN_TYPO_LENGTH and word.isalpha()
