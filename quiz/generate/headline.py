"""Answers the article's headline gives away: `quiz study` shows each card under its article's
title, so a gap on a name, number or year the title writes tests nothing ("Treaty of Lisbon,
1921" above "In _____ the treaty was signed").

A name counts as written when the title has it in any of its forms (the full name, the short
form in the sentence, a country's aliases) or, for a person, the surname. A year, or a month of a year,
counts when the title writes its year: the options differ from it by the year alone; a date
with its day still asks for the day.
"""

from __future__ import annotations

import re

from quiz.generate.nlp import alias_forms
from quiz.generate.types import DATE_TYPES, AnswerType, Candidate

YEAR = re.compile(r"\b\d{4}\b")
NON_WORD = re.compile(r"[^\w]+")


def given(candidate: Candidate, title: str) -> bool:
    """True when `title` writes the candidate's answer."""
    if not title:
        return False
    shown = _words(title)
    mention = candidate.mention
    if mention.type in DATE_TYPES:
        years = YEAR.findall(mention.answer)
        # "On {{March 3, 1921}}" under "…, 1921" still asks for the day; "in {{1921}}" asks nothing
        return bool(years) and not re.search(r"\d", YEAR.sub("", mention.answer)) and all(f" {year} " in shown for year in years)
    forms = {mention.text, mention.answer, *mention.accept, *alias_forms(mention.answer)}
    return any(_words(form).strip() and _words(form) in shown for form in forms) or _surname(mention.answer, mention.type, title)


def _surname(answer: str, kind: AnswerType, title: str) -> bool:
    """A person the title names by surname ("Ada Blake" under "Remembering Ada R. Blake"); not a
    surname inside a hyphened name of a thing ("the Blake-Otis Act"), which leaves who is who."""
    words = answer.split()
    if kind != AnswerType.PERSON or len(words) < 2:
        return False
    return re.search(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", title, re.IGNORECASE) is not None


def _words(text: str) -> str:
    """`text` folded to its words, padded with spaces so that a lookup matches whole words only."""
    return " " + " ".join(NON_WORD.sub(" ", text.casefold()).split()) + " "
