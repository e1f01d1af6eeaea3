"""Amount questions: "How much did the agency commit in aid?" for a sum of money, "How long did the
attack last?" for a duration, asked from the clause that holds the amount as its object or as
the verb's "for" phrase.

"A total of 62 days" is asked as the amount it totals.

An amount qualified in the sentence ("more than $4.2 million", "about six hours") is left to the
cloze, which keeps the qualifier beside the gap: "How much …? $3.5 million" would state less than
the text. So is an amount the verb does not govern ("a $20 million contribution"), whose question
would need a rewording rather than a gap.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.clauses import Clause, inverted
from quiz.generate.types import AnswerType, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Token

WH = {AnswerType.MONEY: ("How much", QuestionKind.HOWMUCH), AnswerType.DURATION: ("How long", QuestionKind.HOWLONG)}
# Objects that are an amount of the verb itself, not a thing acted on: "cost $5", "lasted an hour".
OBJECT_DEPS = ("dobj", "npadvmod")


def amount_questions(clause: Clause, mention: Mention) -> Iterator[tuple[QuestionKind, str, str | None]]:
    """(kind, wh-phrase, question body) for the clause's money or duration mention, if the verb
    governs it plainly; the caller puts the wh-phrase after any fronted adverbial."""
    asked = WH.get(mention.type)
    if asked is None or mention.approximator or clause.negated:
        return
    wh, kind = asked
    for child in clause.verb.children:
        tokens = tuple(child.subtree)
        if child.i < clause.verb.i or not set(tokens) <= set(clause.rest):
            continue
        paid = _for_phrase(child, mention)
        if child.dep_ in OBJECT_DEPS and (mention.covers(tokens) or _total(child, mention)) or paid:
            # "bought X for $15 million": "For how much …?"; "served for 22 years": "How long …?"
            phrase = "For how much" if paid and kind is QuestionKind.HOWMUCH else wh
            yield kind, phrase, inverted(clause, {t.i for t in tokens})
            return


def _total(child: Token, mention: Mention) -> bool:
    """ "a total of 62 days": the amount is the whole of what the total is of."""
    if child.lower_ != "total" or any(c.dep_ not in ("det", "prep") for c in child.children):
        return False
    phrases = [c for c in child.children if c.dep_ == "prep"]
    objects = [c for c in phrases[0].children if c.dep_ == "pobj"] if len(phrases) == 1 and phrases[0].lower_ == "of" else []
    return len(objects) == 1 and mention.covers(tuple(objects[0].subtree))


def _for_phrase(child: Token, mention: Mention) -> bool:
    """ "for $15 million", "for 22 years": the amount is the whole object of "for"."""
    if child.dep_ != "prep" or child.lower_ != "for":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return len(objects) == 1 and mention.covers(tuple(objects[0].subtree))
