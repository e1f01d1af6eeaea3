"""Answers asked by the phrase that frames them, where the phrase says what the answer is:
"died at the age of 87" -> "At what age did … die?", "passed it by a vote of 61 to 9" -> "By
what vote did … pass it?", "circled the harbor four times" -> "How many times did … circle the
harbor?", "is valued at $2 million" -> "At how much is … valued?", "sailed aboard H.M.S. Endeavour" ->
"Aboard which ship did … sail?", "was held at the Grand Harbour hotel" -> "At which hotel was … held?".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.attached import without_region
from quiz.generate.clauses import Clause, fronted, inverted, lemma, render
from quiz.generate.trivial import KIND_NOUNS
from quiz.generate.types import PLACE_TYPES, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

NUMBER_TYPES = ("number", "duration")
# A ship's name says it is one: "sailed aboard H.M.S. Endeavour" -> "Aboard which ship did … sail?".
SHIP_PREFIX = re.compile(r"^(?:H\.?M\.?S\.?|U\.?S\.?S\.?|R\.?M\.?S\.?|S\.?S\.?) [A-Z]")
VALUING_VERBS = frozenset("value estimate price".split())  # "is valued at $48 million"


def framed_questions(clause: Clause, mention: Mention) -> Iterator[tuple[str, str | None]]:
    """(kind, question) for a number the verb's phrase frames as an age, a vote or a count of times."""
    if clause.negated:
        return
    rest = {t.i for t in clause.rest}
    for child in clause.verb.children:
        if child.i < clause.verb.i or child.i not in rest:
            continue
        asked = _frame(child, mention)
        if asked is not None:
            kind, wh = asked
            body = inverted(clause, {t.i for t in child.subtree})
            yield kind, body and f"{fronted(clause, wh)} {body}"


def _frame(child: Token, mention: Mention) -> tuple[str, str] | None:
    if (kind := _named_kind_noun(child, mention)) is not None:
        return ("where" if mention.type in PLACE_TYPES else "what"), f"{child.lower_.capitalize()} which {kind}"
    if child.dep_ == "prep" and child.lower_ in ("on", "aboard") and SHIP_PREFIX.match(mention.answer):
        vessels = [c for c in child.children if c.dep_ == "pobj"]
        if len(vessels) == 1 and mention.covers(tuple(vessels[0].subtree)):
            return "what", f"{child.lower_.capitalize()} which ship"
        return None
    if child.dep_ == "npadvmod" and child.lower_ == "times" and mention.type in NUMBER_TYPES:
        counts = [c for c in child.children if c.dep_ == "nummod"]
        if len(counts) == 1 and mention.start == counts[0].i and mention.end in (counts[0].i + 1, child.i + 1) and len(list(child.subtree)) == 2:
            return "howmany", "How many times"
        return None
    if child.dep_ == "prep" and child.lower_ == "at" and mention.type == "money" and lemma(child.head) in VALUING_VERBS:
        values = [c for c in child.children if c.dep_ == "pobj"]
        if len(values) == 1 and mention.covers(tuple(values[0].subtree)):
            return "howmuch", f"At {mention.approximator.lower()} how much" if mention.approximator else "At how much"
        return None
    if child.dep_ != "prep" or child.lower_ not in ("at", "by"):
        return None
    nouns = [c for c in child.children if c.dep_ == "pobj"]
    if len(nouns) != 1 or (child.lower_, nouns[0].lower_) not in (("at", "age"), ("by", "vote")):
        return None
    measured = [c for c in nouns[0].children if c.dep_ == "prep" and c.lower_ == "of"]
    values = [c for c in measured[0].children if c.dep_ == "pobj"] if len(measured) == 1 else []
    if len(values) != 1 or not mention.covers(tuple(values[0].subtree)):
        return None
    return ("what", "At what age") if nouns[0].lower_ == "age" else ("what", "By what vote")


def _named_kind_noun(child: Token, mention: Mention) -> str | None:
    """ "was held at the Grand Harbour hotel": the name before a noun of what it names is asked by
    that noun ("At which hotel was … held?"); a town after the noun ("in Valletta") goes with it."""
    if child.dep_ != "prep" or child.lower_ not in ("at", "in", "on"):
        return None
    nouns = [c for c in child.children if c.dep_ == "pobj"]
    if len(nouns) != 1 or nouns[0].tag_ != "NN" or nouns[0].lower_ not in KIND_NOUNS:
        return None
    noun = nouns[0]
    named = [t for t in noun.subtree if t.i < noun.i and t.dep_ != "det"]
    if not named or not mention.covers(tuple(named)) or noun.i != mention.end or [c.lower_ for c in noun.children if c.dep_ == "det"] != ["the"]:
        return None
    places = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ == "in"]
    towns = [c for c in places[0].children if c.dep_ == "pobj"] if len(places) == 1 else []
    town = without_region(towns[0]) if len(towns) == 1 else ()  # "in Bergen, Norway": the town
    where = f"in {render(town)}" if town and all(t.ent_type_ == "GPE" for t in town) else ""
    return f"{noun.lower_} {where}".strip()  # "At which hotel in Valletta": the town narrows it
