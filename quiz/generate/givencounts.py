"""Counts the card gives away: it lists that many items itself ("{{two}} clinics in Arden and
Brill"), says "two" in other words ("{{two}} firms issue a joint statement"), or names the pair a
"{{two}} of its allies" stands for ("... soured relations with Ardenia and Brill"), or writes
the amounts a total adds up ("4 years of building and 2 of trials, a total of {{6 years}}").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.generate.types import QUESTION_KINDS, AnswerType, Candidate
from quiz.generate.words import SMALL_NUMBERS

if TYPE_CHECKING:
    from spacy.tokens import Token

LISTED = frozenset(("NN", "NNS", "NNP", "NNPS"))
NAMES = frozenset(("NNP", "NNPS"))
# Words that make an amount the sum of others: "for a total of 9 weeks".
TOTAL_WORDS = frozenset("total totals totaling totalling combined altogether".split())
AMOUNT = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?|" + "|".join(SMALL_NUMBERS) + r") ([a-z]+)\b", re.IGNORECASE)
# Words that already say "two": "{{two}} firms issue a joint statement", "a bilateral deal".
PAIR_WORDS = frozenset("joint bilateral both mutual pair twin".split())


def reason(candidate: Candidate) -> str:
    """Why the card gives its count away; empty when it does not."""
    if _pair_implied(candidate):
        return "a count of two the sentence's own words imply"
    if _count_listed(candidate):
        return "a count the card's own list of that many items gives away"
    if _pair_named(candidate):
        return "a count of two the card's pair of names gives away"
    if _sum_given(candidate):
        return "a total of the amounts the card writes"
    return ""


def _pair_implied(candidate: Candidate) -> bool:
    """A count of two in a sentence that says "joint", "bilateral" or "both" ("{{two}} firms would
    issue a joint statement"): the word answers the gap, and "one" or "five" are no options."""
    mention = candidate.mention
    if mention.type != AnswerType.NUMBER or mention.answer.casefold() not in ("two", "2"):
        return False
    return any(t.lower_ in PAIR_WORDS for t in candidate.sentence.span)


def _count_listed(candidate: Candidate) -> bool:
    """A count the card spells out itself: it lists exactly that many coordinated items ("{{two}}
    clinics in Arden and Brill", "{{two}} sailors: Ada and Ben", "Ada, Ben and Cy formed the {{three
    musketeers}}"). A list of two must belong to the counted noun, or open right after it and a
    colon; three or more anywhere on the card give the count away."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    if mention.type not in (AnswerType.NUMBER, AnswerType.TERM):
        return False
    number = next((t for t in doc[mention.start : mention.end] if t.lower_ in SMALL_NUMBERS), None)
    if number is None or (count := SMALL_NUMBERS.index(number.lower_)) < 2:
        return False
    near = set(number.head.subtree) if number.dep_ == "nummod" else set()
    for token in candidate.sentence.span:
        spelled = _spelled_out(number, token)
        if token.tag_ not in LISTED or not spelled and (token.dep_ in ("conj", "appos") or count == 2 and token not in near):
            continue
        items = _conjuncts(token)
        if len(items) == count and all(t.text in candidate.text for t in items):
            return True
    return False


def _spelled_out(number: Token, token: Token) -> bool:
    """The list opens right after the counted noun and a colon or dash ("{{two}} sailors: Ada Byrne and
    Tom Hale"), however the parser hung it (it often takes it for an apposition of another noun)."""
    noun = number.head
    doc = token.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text not in (":", "—", "–"):
        return False
    return token.left_edge.i == noun.i + 2


def _conjuncts(token: Token) -> list[Token]:
    """The items of the coordination the token opens; the parser takes the middle item of "A, B,
    and C" for an apposition of the first, which the "and" shows it is not."""
    joined = any(child.dep_ == "conj" for child in token.children)
    inner = [c for c in token.children if c.tag_ in LISTED and (c.dep_ == "conj" or c.dep_ == "appos" and joined)]
    return [token, *(item for child in inner for item in _conjuncts(child))]


def _pair_named(candidate: Candidate) -> bool:
    """ "expulsion of {{two}} of its weavers split the workshops of Ardenia and Brill": a count of two taken
    from a set ("of its weavers"), on a card that names two things together, counts them."""
    mention = candidate.mention
    if mention.type != AnswerType.NUMBER or mention.answer.casefold() not in ("two", "2"):
        return False
    doc = candidate.sentence.span.doc
    number = doc[mention.start]
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return False
    for token in candidate.sentence.span:
        if token.tag_ in NAMES and token.dep_ != "conj":
            items = _conjuncts(token)
            if len(items) == 2 and all(t.tag_ in NAMES and t.text in candidate.text for t in items):
                return True
    return False


def _sum_given(candidate: Candidate) -> bool:
    """ "covers 4 years of dredging and two years of monitoring, for a total of {{6 years}}": the card
    writes the amounts, and the total is their sum."""
    mention = candidate.mention
    if not any(t.lower_ in TOTAL_WORDS for t in candidate.sentence.span):
        return False
    asked = AMOUNT.fullmatch(mention.text)
    if asked is None:
        return False
    rest = candidate.text.replace("{{" + mention.text + "}}", " ") if candidate.kind not in QUESTION_KINDS else candidate.text
    unit = _unit(asked.group(2))
    parts = [_value(number) for number, word in AMOUNT.findall(rest) if _unit(word) == unit]
    return len(parts) >= 2 and sum(parts) == _value(asked.group(1))


def _value(number: str) -> float:
    word = number.casefold()
    return float(SMALL_NUMBERS.index(word)) if word in SMALL_NUMBERS else float(number.replace(",", ""))


def _unit(word: str) -> str:
    return word.casefold().removesuffix("s")
