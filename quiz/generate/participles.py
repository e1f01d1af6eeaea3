"""Questions from a participle that modifies a noun: "the Baltic report, published in 2019, …" ->
"In what year was the Baltic report published?", "the flood model built by Vienna University" ->
"Which university built the flood model?". The participle states a fact about its noun that no tensed clause of the
sentence holds, so `clauses` never sees it.

The noun phrase is asked as written with "the" for "a" ("a Nile reservoir built in 1964" -> "the
Nile reservoir"), without its asides; it must hold a name, or "the report" alone could be any report.
What a noun is also known as is asked by name ("By what name is soil salinization also known?").
A noun that is the complement of "be" ("The accord was a treaty signed in 1921") is asked by the
subject it describes ("When was the accord signed?").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.answertypes import one_day, which
from quiz.generate.clauses import inflect, lemma, lower_first
from quiz.generate.pointers import has_bad_reference
from quiz.generate.types import DATE_TYPES, NAMED_TYPES, AnswerType, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Modifiers of the noun a question can do without: asides, clauses, appositions, brackets.
LEFT_OUT = frozenset(("acl", "relcl", "appos", "punct", "advcl", "parataxis"))


def participle_questions(sent: Span, mention: Mention, family: str, resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """(kind, question) for the mention as the date or the agent of a participle modifying a noun."""
    for verb in sent:
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or not verb.head.tag_.startswith("NN") or lemma(verb) == "be":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children):
            continue
        for child in verb.children:
            asked = _asked(child, mention)
            if asked is None:
                continue
            noun = _described(verb.head, named=asked != "name")
            if noun is None or any(mention.start <= t.i < mention.end for t in noun) or has_bad_reference(noun, resolved):
                continue
            phrase = _phrase(noun)
            if not phrase:
                continue
            if asked == "name":
                adverbs = [c.lower_ for c in verb.children if c.dep_ == "advmod" and c.i < verb.i]
                be = "was" if "formerly" in adverbs else "are" if _head(noun).tag_ == "NNS" else "is"
                yield QuestionKind.WHAT, " ".join(("By what name", be, phrase, *adverbs, "known?"))
            elif asked == "agent":
                wh = which(mention.type, mention.text, family)
                if wh in ("What", "Where"):
                    continue
                yield (QuestionKind.WHO if mention.type == AnswerType.PERSON else QuestionKind.WHAT), f"{wh} {inflect(verb, 'VBD')} {phrase}?"
            else:
                be = "were" if _head(noun).tag_ == "NNS" else "was"
                # "On what date" for a day: "When was the pact signed?" is too short to say enough.
                wh = "In what year" if mention.type == AnswerType.YEAR else "On what date" if one_day(mention.answer) else "When"
                yield QuestionKind.WHEN, f"{wh} {be} {phrase} {verb.lower_}?"


def _asked(child: Token, mention: Mention) -> str | None:
    """ "date" for the participle's date ("published in 2019", "founded March 1921"), "agent"
    for its "by" phrase, when the mention is all of it."""
    if mention.type in DATE_TYPES:
        if child.dep_ == "npadvmod" and mention.covers(tuple(child.subtree)):
            return "date"
        if child.dep_ == "prep" and child.lower_ in ("in", "on"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if len(objects) == 1 and mention.covers(tuple(objects[0].subtree)):
                return "date"
    if (mention.type in NAMED_TYPES or mention.type == AnswerType.TERM) and child.dep_ == "prep" and child.lower_ == "as" and lemma(child.head) == "know":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if len(objects) == 1 and mention.covers(tuple(t for t in objects[0].subtree if not t.is_punct)):
            return "name"  # "Nordic Rail, now known as Baltia": "By what name is Nordic Rail now known?"
    if mention.type in NAMED_TYPES and child.dep_ == "agent":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if len(objects) == 1 and mention.covers(tuple(objects[0].subtree)):
            return "agent"
    return None


def _described(noun: Token, named: bool = True) -> tuple[Token, ...] | None:
    """The noun phrase the participle tells of: the noun's own words, or, for the complement of
    "be", the subject it describes. None when it names nothing in particular: no name in it, or
    (for what it is `known as`, when not `named`) fewer than two words of its own."""
    if noun.dep_ == "attr" and lemma(noun.head) == "be":
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return None
        noun = subjects[0]
    if noun.dep_ in ("conj", "appos", "compound") or noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return None  # "a list of tools built by …", "X and a tool built by …": which noun the participle tells of is unclear
    kept = _kept(noun)
    if any(t.tag_ in ("NNP", "NNPS") for t in kept) or not named and len([t for t in kept if t.tag_.startswith(("NN", "JJ"))]) >= 2:
        return kept
    return None


def _kept(noun: Token) -> tuple[Token, ...]:
    left_out: set[int] = set()
    for child in noun.children:
        if child.dep_ in LEFT_OUT:
            left_out |= {t.i for t in child.subtree}
    kept, depth = [], 0
    for token in noun.subtree:
        depth += token.text == "("
        if token.i not in left_out and not depth:
            kept.append(token)  # a bracketed short form ("the model (DFM)") goes with its brackets
        depth -= token.text == ")" and depth > 0
    return tuple(kept)


def _head(tokens: tuple[Token, ...]) -> Token:
    ids = {t.i for t in tokens}
    return next(t for t in tokens if t.head.i not in ids or t.head.i == t.i)


def _phrase(noun: tuple[Token, ...]) -> str:
    if noun[0].lower_ in ("a", "an"):
        return "the " + lower_first(noun[1:])
    return lower_first(noun)
