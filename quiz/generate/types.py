"""The generator's data: what a card can ask (question kinds), what an answer is (answer types),
and the three records every stage passes on — a usable Sentence, an answerable Mention in it, and
a Candidate card asking for that mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from quiz.generate.words import CATEGORY_NOUNS, NUMBER_MODIFIERS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class QuestionKind(StrEnum):
    """What a candidate card asks: a wh-question, a cloze gap, or a true/false statement."""

    WHO = "who"
    WHAT = "what"
    WHEN = "when"
    WHERE = "where"
    HOWMANY = "howmany"
    HOWMUCH = "howmuch"  # a sum of money
    HOWLONG = "howlong"  # a duration
    CLOZE = "cloze"
    TRUEFALSE = "truefalse"


QUESTION_KINDS = (
    QuestionKind.WHO, QuestionKind.WHAT, QuestionKind.WHEN, QuestionKind.WHERE, QuestionKind.HOWMANY, QuestionKind.HOWMUCH, QuestionKind.HOWLONG,
)
GAP_KINDS = (QuestionKind.CLOZE, QuestionKind.TRUEFALSE)


class AnswerType(StrEnum):
    """What an answer is, for wh-phrases and for wrong options of the same type."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    STATE = "state"
    CITY = "city"
    PLACE = "place"
    THING = "thing"
    YEAR = "year"
    YEARS = "years"  # "the 1990s", "1994 and 1995"
    DAY = "day"
    MONTH = "month"
    DATE = "date"
    DURATION = "duration"
    NUMBER = "number"
    ORDINAL = "ordinal"  # "the 27th country"
    MONEY = "money"
    PERCENT = "percent"
    TERM = "term"  # a common-noun phrase the text defines or names: "yellow fever", "genetic diversity"


DATE_TYPES = frozenset((AnswerType.YEAR, AnswerType.DAY, AnswerType.MONTH, AnswerType.DATE, AnswerType.YEARS))
PLACE_TYPES = frozenset((AnswerType.COUNTRY, AnswerType.STATE, AnswerType.CITY, AnswerType.PLACE))
NAMED_TYPES = PLACE_TYPES | {AnswerType.PERSON, AnswerType.ORGANIZATION, AnswerType.THING}


@dataclass(frozen=True)
class Mention:
    """An answerable name, date or number in a sentence."""

    start: int  # token indices in the sentence's doc, "the" and possessive 's excluded
    end: int
    text: str  # as written in the sentence
    type: AnswerType
    answer: str  # the full name when the text is a short form
    accept: tuple[str, ...]
    approximator: str = ""  # "About" for "approximately 20,000"
    role: str = ""  # "president" for "President Bush"; "outlet" for a news organisation
    pair: bool = False  # two names joined by "and" that act together ("X and Y launched …"): asked as one answer

    def covers(self, tokens: tuple[Token, ...] | list[Token]) -> bool:
        """True when the tokens are exactly this mention, maybe with "the" and titles around it."""
        inside = [t for t in tokens if self.start <= t.i < self.end]
        outside = [t for t in tokens if not self.start <= t.i < self.end]
        return len(inside) == self.end - self.start and all(
            t.lower_ == "the" or t.tag_ == "POS" or t.text in NUMBER_MODIFIERS
            or (t.i == self.end and t.lower_ in CATEGORY_NOUNS and self.type == AnswerType.ORGANIZATION)
            for t in outside
        )


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article that states a fact, with the references resolved in it."""

    article: int
    source: str
    position: int  # index of the sentence within its article
    quote: str  # the verbatim source sentence, dateline included
    span: Span
    resolved: tuple[tuple[int, str], ...] = ()  # token index -> text shown instead ("" drops it)
    speaker: tuple[int, int] | None = None  # a quoted statement's attribution ("said X of Y"): only it is asked

    def quoted(self, mention: Mention) -> bool:
        """In a quoted statement, any mention but the person who said it: the quotation is an opinion,
        not a fact, and the speaker's title and workplace are details beside who said it."""
        return self.speaker is not None and not (
            mention.type == AnswerType.PERSON and self.speaker[0] <= mention.start and mention.end <= self.speaker[1]
        )

    @cached_property  # read for every token of every mention: built once (callers never change it)
    def resolutions(self) -> dict[int, str]:
        return dict(self.resolved)


@dataclass(frozen=True)
class Candidate:
    """One possible card: its kind, its text, and the mention it asks for."""

    kind: QuestionKind
    text: str  # a question; or, for cloze and truefalse, the sentence with a {{gap}} on the answer
    mention: Mention
    sentence: Sentence
    subject: bool = False  # the answer is its clause's subject ("Which country faces …?")
