"""Questions on the date of a hold taken on what a first verb named: "The Vale Company bought the
Harwell Mill in 1901 and took control in 1903" -> "In what year did the Vale Company take control
of the Harwell Mill?".

A second verb sharing the subject is asked by `clauses`, but not one whose object is a hold
("possession", "control", "custody") with no "of" phrase: of what, only the first verb's object
says. The question gives it that object, and nothing else of the second verb but its date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.clauses import OF_NOUNS, SUBJECT_DEPS, inflect, render
from quiz.generate.participles import dates, described, noun_phrase, when_phrase
from quiz.generate.pointers import has_bad_reference
from quiz.generate.types import DATE_TYPES, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def holding_questions(sent: Span, mention: Mention, resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """(kind, question) for the mention as the date of a second verb taking hold of the first's object."""
    if mention.type not in DATE_TYPES:
        return
    for verb in sent:
        first = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or first.dep_ != "ROOT" or first.tag_ != "VBD" or first.i > verb.i:
            continue
        if any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass", "neg") for c in verb.children):
            continue  # a clause of its own subject, or not a plain past act
        held = [c for c in verb.children if c.dep_ == "dobj"]
        if len(held) != 1 or held[0].lower_ not in OF_NOUNS or any(c.dep_ in ("prep", "det", "poss") for c in held[0].children):
            continue
        if len([c for c in verb.children if dates(c, mention)]) != 1:
            continue
        taker, taken = _one(first, SUBJECT_DEPS), _one(first, ("dobj",))
        if taker is None or taken is None:
            continue
        subject, thing = described(taker), described(taken)
        if subject is None or thing is None or has_bad_reference(subject, resolved) or has_bad_reference(thing, resolved):
            continue  # "the land": which land only the sentences before say
        hold = render(tuple(held[0].subtree))
        yield QuestionKind.WHEN, f"{when_phrase(mention)} did {noun_phrase(subject)} {inflect(verb, 'VB')} {hold} of {noun_phrase(thing)}?"


def _one(verb: Token, deps: tuple[str, ...]) -> Token | None:
    found = [c for c in verb.children if c.dep_ in deps]
    return found[0] if len(found) == 1 else None
