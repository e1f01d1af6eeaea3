"""One instance of a kind that the sentence itself says has others: "Soil depth is one measure of
fertility", "Lyon is one of the largest cities in France", "Basalt is another volcanic rock",
"One example of a wetland is the salt marsh". Asked for that instance ("{{Soil depth}} is one
measure of fertility", "What is one measure of fertility?"), any other instance answers as well,
so no card gaps it. "An example of X is Y" names no others and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.clauses import lemma
from quiz.generate.types import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

SIDES = ("nsubj", "attr")


def one_of_several(candidate: Candidate) -> bool:
    """The answer is one side of "is" whose other side is "one of …", "one N", "another N"."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    answer = doc[mention.start : mention.end].root
    verb = answer.head
    if answer.dep_ not in SIDES or lemma(verb) != "be":
        return False
    other = next((c for c in verb.children if c.dep_ in SIDES and c.i != answer.i), None)
    return other is not None and _several(other)


def _several(noun: Token) -> bool:
    if noun.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return True  # "one of the largest cities"
    return any(c.dep_ == "nummod" and c.lower_ == "one" or c.dep_ == "det" and c.lower_ == "another" for c in noun.children)
