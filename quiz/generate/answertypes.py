"""What kind of thing an answer is: its type (for distractors) and the wh-phrase that asks for it.

Types: person, organization, country, state, city, place, year, day, month, duration,
date, number, money, percent, thing. The word lists are general English and geography, never
names taken from any particular article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.generate.types import AnswerType

if TYPE_CHECKING:
    from quiz.generate.types import Mention
from quiz.generate.words import (
    CATEGORY_NOUNS,
    COUNT_WORDS,
    COUNTRIES,
    MONTHS,
    NUMBER_PHRASE_WORDS,
    ORDINAL_WORDS,
    RELATIVE_DATE,
    SCALES,
    STATES,
    TIME_UNITS,
    WEEKDAYS,
)

YEAR = re.compile(r"^(?:1[0-9]|20)\d{2}$")
DAY = re.compile(rf"^(?:(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{'|'.join(MONTHS)})(?:\s+\d{{4}})?)$", re.IGNORECASE)
MONTH = re.compile(rf"^(?:{'|'.join(MONTHS)})(?:\s+(?:of\s+)?\d{{4}})?$", re.IGNORECASE)
DURATION = re.compile(
    rf"^(?:about |some |nearly |more than |less than |over |under )?(?:\d[\d,.]*|{'|'.join(NUMBER_PHRASE_WORDS)})(?: (?:{'|'.join(SCALES)}))?[- ](?:{'|'.join(TIME_UNITS)})$",
    re.IGNORECASE,
)
# "Great Britain", "Republic of Korea", "the Cooperative Republic of Guyana": a country's style
# around its name.
COUNTRY_STYLE = re.compile(r"^(?:the )?(?:great |(?:[a-z']+ )?(?:republic|kingdom|federation|commonwealth|state) of (?:the )?)")
ORDINAL = re.compile(rf"^(?:\d+(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)})$", re.IGNORECASE)


@lru_cache(maxsize=8192)  # the same names come back in sentence after sentence
def answer_type(text: str, label: str) -> AnswerType | None:
    """The answer's type, or None when the text makes a poor answer: relative dates ("last year")
    and weekdays, which only mean something next to the article's date."""
    folded = " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())
    if label == "PERSON" and re.search(r"\d", text):
        return AnswerType.THING  # "Aurora X2": a product, not a person
    if label == "PERSON":
        last = folded.split()[-1] if folded.split() else ""
        return AnswerType.ORGANIZATION if name_family(last) and last not in SURNAME_LIKE else AnswerType.PERSON
    if label == "GPE":
        if folded in COUNTRIES or COUNTRY_STYLE.sub("", folded) in COUNTRIES:
            return AnswerType.COUNTRY
        return AnswerType.STATE if folded in STATES else AnswerType.CITY
    if label == "ORG" and generic(folded):
        return None
    if label in ("ORG", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"):
        return AnswerType.ORGANIZATION if label == "ORG" else AnswerType.PLACE if label in ("LOC", "FAC") else AnswerType.THING
    if label == "DATE":
        return date_type(text, folded)
    if label in ("CARDINAL", "QUANTITY"):
        if DURATION.match(text):
            return AnswerType.DURATION
        vague = re.search(r"\b(?:hundreds|thousands|millions|billions|dozens|tens)\b", folded)
        return AnswerType.NUMBER if not vague and (re.search(r"\d", text) or folded.split()[0] in COUNT_WORDS) else None
    if label in ("MONEY", "PERCENT"):
        return AnswerType(label.lower())
    if label == "ORDINAL":
        return AnswerType.ORDINAL if ORDINAL.match(text) else None
    if label == "TIME":
        return AnswerType.DURATION if DURATION.match(text) else None  # "four hours", not "11:54 p.m."
    return None


def generic(folded: str) -> bool:
    """A capitalised description rather than a name: "the Island Government" is made only of
    category words, where "Fisheries Department" has a word of its own."""
    words = folded.split()
    return len(words) >= 2 and all(w in _GENERIC_WORDS or w in ("of", "and", "the") for w in words)


def date_type(text: str, folded: str) -> AnswerType | None:
    if YEAR.match(text):
        return AnswerType.YEAR
    if folded in WEEKDAYS or RELATIVE_DATE.search(text):
        return None
    if DAY.match(text):
        return AnswerType.DAY
    if MONTH.match(text):
        return AnswerType.MONTH
    if DURATION.match(text):
        return AnswerType.DURATION
    if re.fullmatch(r"\d{4} and \d{4}|(?:the )?(?:early |late |mid-)?(?:1[0-9]|20)\d0s", folded):
        return AnswerType.YEARS
    return AnswerType.DATE if re.search(r"\d{4}", text) else None


# Families of organisations and things, so distractors are of the same family: a news outlet against
# news outlets, a government agency against agencies, a treaty against laws and treaties. The
# first group whose words appear in a name (or its spelled-out alias) decides.
NAME_FAMILIES = (
    ("outlet", "news newspaper herald times post journal tribune gazette telegraph press chronicle magazine radio television broadcasting wire"),
    ("international", "nations international world global league alliance union organization organisation"),
    ("academic", "university college institute academy school laboratory survey observatory museum society"),
    ("government", "department ministry agency bureau administration commission customs treasury police army navy"
     " congress senate parliament court government office service house cabinet"),
    ("company", "inc corp corporation company co ltd llc plc group holdings airlines airline motors technologies"
     " semiconductor semiconductors bank systems industries pharmaceuticals"),
    ("party", "party democrats republicans"),
    ("law", "act acts law treaty protocol accord accords agreement convention amendment bill declaration constitution charter"),
    ("award", "prize award medal"),
    ("event", "war revolution summit olympics games conference crisis election expedition battle trials trial contest"
     " race championship championships tournament cup exhibition fair festival"),
    ("water", "ocean sea gulf bay river lake strait straits channel canal"),
    ("land", "mountain mountains desert valley peninsula island islands coast forest plain plains"),
)

_FAMILY_WORDS = tuple((family, frozenset(words.split())) for family, words in NAME_FAMILIES)
_GENERIC_WORDS = CATEGORY_NOUNS | {w for _, group in NAME_FAMILIES for w in group.split()}  # what generic() reads: built once

# Category nouns too vague to ask with ("Which house said…"), and wh-phrases by family instead.
VAGUE_CATEGORIES = frozenset("house times post office front mission union network service port plant square exchange fund journal".split())
FAMILY_WH = {
    "government": "Which government body", "international": "Which international organization",
    "academic": "Which institution", "company": "Which company", "party": "Which party", "event": "Which event",
}
# Words of a name that say it is international; "union", "league" or "alliance" alone do not.
WORLD_WORDS = frozenset("nations international world global intergovernmental".split())
NEWSPAPER_WORDS = frozenset("herald times post tribune gazette journal chronicle daily telegraph".split())
# Kind words that are also surnames: a person called "Post" or "House" stays a person.
SURNAME_LIKE = frozenset("post house bank press court law bill wire service party union group".split())


def name_family(*forms: str) -> str:
    """The family of an organisation or thing ("government", "outlet", "law"…), "" when unknown."""
    return _family(forms)


@lru_cache(maxsize=65536)
def _family(forms: tuple[str, ...]) -> str:
    words = [set(re.findall(r"[a-z]+", form.casefold())) for form in forms]
    for family, vocabulary in _FAMILY_WORDS:
        if any(found & vocabulary for found in words):
            return family
    return ""


def category(text: str) -> str | None:
    """The category noun a name carries ("Treasury Department" -> "department"), if any."""
    words = [w.casefold() for w in re.findall(r"[\w’'-]+", text)]
    if "of" in words[1:]:  # "Gulf of Mexico", "Secretary of State": the head comes first
        head = words[: words.index("of", 1)][-1]
        if head in CATEGORY_NOUNS:
            return head
    if words and words[-1] in CATEGORY_NOUNS:
        return words[-1]
    return None


# Words only an organisation's name carries, beside the category nouns ("Harbor Reserve System").
DOCUMENT_WORDS = frozenset("pact charter protocol statute covenant resolution proclamation compact".split())
ORGANISATION_WORDS = frozenset("board headquarters corps group system systems reserve technologies inc ltd llc co authority forces".split())


def organisation_like(text: str) -> bool:
    """The name reads as an organisation's: an acronym ("HMRC"), or a word such as "Agency", "Bank",
    "Board" in it. A person ("Garibaldi"), an office ("Chair") or a pact the tagger took for one
    does not, and "Which organization …?" would ask for the wrong kind of thing (`which` asks
"Who" or "What" instead)."""
    words = re.findall(r"[\w’'-]+", text)
    if len(words) == 1 and text.replace(".", "").isupper() and len(text) >= 2:
        return True
    return any(w.casefold() in CATEGORY_NOUNS or w.casefold() in ORGANISATION_WORDS for w in words)


TEMPERATURE = re.compile(r"^-?\d[\d,.]*\s*(?:[º°]|degrees?\b)")


def which(type_: str, text: str, family: str = "") -> str:
    """The wh-phrase for a named answer: "Who", "Which country", "Which airport", "Which newspaper".
    `text` may carry a category noun the answer lacks ("the Treasury department"); `family` is the
    answer's from `name_family`, or "outlet"."""
    if type_ == AnswerType.PERSON:
        return "Who"
    if TEMPERATURE.match(text):
        return "What temperature"  # "120º F", which the tagger may take for a name
    if (noun := category(text)) and noun not in VAGUE_CATEGORIES:
        return f"Which {noun}"
    if family == "outlet":
        words = set(re.findall(r"[a-z]+", text.casefold()))
        return "Which newspaper" if words & NEWSPAPER_WORDS else "Which news organization"
    if family == "international" and type_ == AnswerType.ORGANIZATION and not set(re.findall(r"[a-z]+", text.casefold())) & WORLD_WORDS:
        return "Which organization"  # a "Union" or an "Alliance" may be one country's: the name must say so
    if family in FAMILY_WH and type_ == AnswerType.ORGANIZATION:
        return FAMILY_WH[family]
    if type_ == AnswerType.ORGANIZATION and not organisation_like(text):
        # The tagger's "organisation" without an organisation's name: a pact or a charter is a what,
        # anything else a person or a body of people ("Garibaldi", "the Pilots").
        return "What" if text.casefold().split()[-1:] and text.casefold().split()[-1] in DOCUMENT_WORDS else "Who"
    return {
        "country": "Which country", "state": "Which state", "city": "Which city",
        "organization": "Which organization", "place": "Where",
    }.get(type_, "What")


def family_of(mention: Mention) -> str:
    """What a distractor must share: a person's role, an organisation's or thing's family."""
    if mention.type == "person":
        return mention.role
    if mention.role == "outlet":
        return "outlet"
    if mention.type in ("thing", "place") and (noun := category(mention.answer)):
        return noun  # an airport against airports, a treaty against treaties
    if mention.type in ("organization", "thing", "place"):
        return name_family(mention.answer, *mention.accept)
    return ""


DAY_OF_MONTH = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?$")


def one_day(answer: str) -> bool:
    """The answer is a day of a month ("May 3, 1921", "Sept. 15", "3 May 1921"): asked "On what date"."""
    return DAY_OF_MONTH.match(answer) is not None
