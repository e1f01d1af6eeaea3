"""Answers the article's headline gives away: `quiz study` shows each card under its article's
title, so a gap on a name, number or year the title writes tests nothing ("Treaty of Lisbon,
1921" above "In _____ the treaty was signed").

A name counts as written when the title has it in any of its forms (the full name, the short
form in the sentence, a country's aliases) or, for a person, the surname, also inside a hyphened
name ("Haller" under "The Haller-Ostrow Treaty"). It counts too when the title writes one of its
proper words, a word the article never writes in lower case ("{{Iberia}}" under "Iberian
Fishing Fleet …", "the {{Tamar Canal}}" under "The Tamar Dispute"): what else the name holds is then guessed.
A word the article also uses as a common word ("space", "otters", "government") gives nothing
away, nor does an owner's name ("{{Lind’s First Field}}" under "… Lind Telescope"). A year, or a month of a year,
counts when the title writes its year: the options differ from it by the year alone; a date
with its day still asks for the day. A number counts when the title writes its value in any form
("{{12th}}" or "{{twelve}}" under "… Reaches 12 Members").
"""

from __future__ import annotations

import re
from functools import lru_cache

from quiz.generate.nlp import alias_forms
from quiz.generate.types import DATE_TYPES, NAMED_TYPES, AnswerType, Candidate
from quiz.generate.words import SMALL_NUMBERS

YEAR = re.compile(r"\b\d{4}\b")
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
NUMBER_TYPES = frozenset((AnswerType.NUMBER, AnswerType.ORDINAL, AnswerType.MONEY, AnswerType.PERCENT, AnswerType.DURATION))
NON_WORD = re.compile(r"[^\w]+")
WORD = re.compile(r"[^\W\d_][\w’'.]*[\w’']|[^\W\d_]")  # hyphens split: "Haller-Ostrow" is two words
POSSESSIVE = re.compile(r"['’]s?$")
MIN_PROPER = 3
MAX_ENDING = 2  # "Iberia" -> "Iberian", "Otter" -> "Otters"


def given(candidate: Candidate, title: str, common: frozenset[str] = frozenset()) -> bool:
    """True when `title` writes the candidate's answer; `common` holds the words (folded) that the
    article writes in lower case somewhere."""
    if not title:
        return False
    shown = _words(title)
    mention = candidate.mention
    if mention.type in DATE_TYPES:
        years = YEAR.findall(mention.answer)
        # "On {{March 3, 1921}}" under "…, 1921" still asks for the day; "in {{1921}}" asks nothing
        return bool(years) and not re.search(r"\d", YEAR.sub("", mention.answer)) and all(f" {year} " in shown for year in years)
    if mention.type in NUMBER_TYPES and (values := _numbers(mention.answer)) and values <= _numbers(title):
        return True
    forms = {mention.text, mention.answer, *mention.accept, *alias_forms(mention.answer)}
    if any(_words(form).strip() and _words(form) in shown for form in forms):
        return True
    return mention.type in NAMED_TYPES and _shares_proper_word(mention.answer, mention.type, title, common)


def _numbers(text: str) -> frozenset[str]:
    """The values of the numbers `text` writes, in digits or as a small number word ("12", "12th",
    "1,200" and "twelve" all give their value; "one" gives none: it is mostly no count)."""
    values = {found.rstrip(",").replace(",", "") for found in DIGITS.findall(text)}
    words = {str(SMALL_NUMBERS.index(w)) for w in NON_WORD.sub(" ", text.casefold()).split() if w in SMALL_NUMBERS[2:]}
    return frozenset(values | words)


def lower_case_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case (a common word of the article, whatever the title)."""
    return frozenset(word for word in WORD.findall(text) if word.islower())


def _shares_proper_word(answer: str, kind: AnswerType, title: str, common: frozenset[str]) -> bool:
    """A proper word of the answer (a person's surname only) is a word of the title, or the title's
    word with an ending ("Iberian" of "Iberia")."""
    words = [w for w in WORD.findall(answer) if not POSSESSIVE.search(w)]
    shown = [w.casefold() for w in WORD.findall(title)]
    if kind == AnswerType.PERSON:
        # The surname alone, also inside a hyphened name of a thing ("Otis" under "The Blake-Otis
        # Act"): a reader sees the name the title gives it.
        words = words[-1:] if len(answer.split()) > 1 else []
    proper = [w.casefold() for w in words if w[:1].isupper() and len(w) >= MIN_PROPER and not _common(w.casefold(), common)]
    return any(_same_word(word, other) for word in proper for other in shown)


def _common(word: str, common: frozenset[str]) -> bool:
    """The article writes the word in lower case, or with an ending ("otters" for "Otter")."""
    return word in common or any(word + ending in common for ending in ("s", "es"))


def _same_word(one: str, other: str) -> bool:
    return one == other or _ending(one, other) or _ending(other, one)


def _ending(longer: str, shorter: str) -> bool:
    return len(shorter) >= MIN_PROPER and longer.startswith(shorter) and len(longer) - len(shorter) <= MAX_ENDING


@lru_cache(maxsize=4096)  # the title and the same names are folded again for every candidate
def _words(text: str) -> str:
    """`text` folded to its words, padded with spaces so that a lookup matches whole words only."""
    return " " + " ".join(NON_WORD.sub(" ", text.casefold()).split()) + " "
