"""Questions on the date of an event a noun names, asked with its verb: "until her retirement in
1975" -> "In what year did Ada Byrne retire?", "the resignation of Bishop Tom Akers in March
1932" -> "When did Bishop Tom Akers resign?", "Ada Byrne's birth in 1890" -> "In what
year was Ada Byrne born?"; a named gathering is held: "after the Harwell Conference in Oslo in May
1921" -> "When was the Harwell Conference in Oslo held?".

The noun's owner says who the event befell: a named possessor, an "of" phrase, or "his"/"her"
standing for the sentence's one person, its subject. Only in a sentence told in the past: a
retirement "in 2030" is a plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.clauses import SUBJECT_DEPS
from quiz.generate.participles import dates, described, kept_words, noun_phrase, when_phrase
from quiz.generate.pointers import has_bad_reference
from quiz.generate.types import DATE_TYPES, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Nouns of an act their owner did: the verb asked with "did".
ACTS = {
    "retirement": "retire", "resignation": "resign", "death": "die", "arrival": "arrive", "graduation": "graduate",
    "abdication": "abdicate", "surrender": "surrender", "withdrawal": "withdraw", "return": "return",
}
# Nouns of what befell their owner: the participle asked with "was".
BEFALLEN = {
    "birth": "born", "election": "elected", "assassination": "assassinated", "execution": "executed", "arrest": "arrested",
    "appointment": "appointed", "inauguration": "inaugurated", "construction": "built", "completion": "completed",
    "founding": "founded", "establishment": "established",
}
# Named gatherings, which are held: "the Harwell Conference in Oslo in May 1921" -> "When was the Harwell Conference in Oslo held?".
GATHERINGS = frozenset("conference summit congress convention games olympics festival exhibition expo".split())
PAST_TAGS = ("VBD", "VBN")


def event_questions(sent: Span, mention: Mention, resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """(kind, question) for the mention as the date of an event noun of a named owner, or of a named gathering."""
    if mention.type not in DATE_TYPES or sent.root.tag_ not in PAST_TAGS:
        return
    for noun in sent:
        word = noun.lower_
        if word in GATHERINGS and noun.tag_ in ("NNP", "NNPS"):
            yield from _held(noun, mention, resolved)
            continue
        if word not in ACTS and word not in BEFALLEN or noun.tag_ != "NN":
            continue
        if len([c for c in noun.children if dates(c, mention)]) != 1:
            continue
        owner = _owner(noun, sent)
        if owner is None or has_bad_reference(owner, resolved):
            continue
        who = noun_phrase(owner)
        if word in ACTS:
            yield QuestionKind.WHEN, f"{when_phrase(mention)} did {who} {ACTS[word]}?"
        else:
            yield QuestionKind.WHEN, f"{when_phrase(mention)} was {who} {BEFALLEN[word]}?"


def _owner(noun: Token, sent: Span) -> tuple[Token, ...] | None:
    """Whose event it is: "Byrne's", "of Ada Byrne", or "his" for the sentence's only person, its subject."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in ("his", "her"):
            people = sum(1 for t in sent if t.ent_type_ == "PERSON" and t.ent_iob_ == "B")
            subject = [c for c in sent.root.children if c.dep_ in SUBJECT_DEPS]
            if len(subject) == 1 and subject[0].ent_type_ == "PERSON" and people == 1:
                return tuple(t for t in subject[0].subtree if t.ent_type_ == "PERSON")
            return None
        if child.dep_ == "poss":
            kept = described(child)
            return tuple(t for t in kept if t.tag_ != "POS") if kept else None
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if len(objects) == 1 and objects[0].ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "NORP") and objects[0].tag_ in ("NNP", "NNPS"):
                return kept_words(objects[0])
    return None


def _held(noun: Token, mention: Mention, resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    dated = [c for c in noun.children if dates(c, mention)]
    if len(dated) != 1:
        return
    left = {t.i for t in dated[0].subtree}
    words = tuple(t for t in kept_words(noun) if t.i not in left)
    if not any(t.tag_ in ("NNP", "NNPS") and t.i != noun.i for t in words) or has_bad_reference(words, resolved):
        return  # "the Conference" alone could be any
    yield QuestionKind.WHEN, f"{when_phrase(mention)} was {noun_phrase(words)} held?"
