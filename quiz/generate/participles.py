"""Questions from a participle that modifies a noun: "the Baltic report, published in 2019, …" ->
"In what year was the Baltic report published?", "the flood model built by Vienna University" ->
"Which university built the flood model?". The participle states a fact about its noun that no tensed clause of the
sentence holds, so `clauses` never sees it.

The noun phrase is asked as written with "the" for "a" ("a Nile reservoir built in 1964" -> "the
Nile reservoir"), without its asides; it must hold a name, or "the report" alone could be any report.
What a noun is also known as is asked by name ("By what name is soil salinization also known?").
A noun that is the complement of "be" ("The accord was a treaty signed in 1921") is asked by the
subject it describes ("When was the accord signed?"), and so is a participle opening the sentence
("Finished in 1931, the Tamar Bridge carried …" -> "In what year was the Tamar Bridge finished?").
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
        if verb.tag_ != "VBN" or lemma(verb) == "be":
            continue
        told = verb.head if verb.dep_ == "acl" and verb.head.tag_.startswith("NN") else _opened(verb)
        if told is None or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark") for c in verb.children):
            continue
        for child in verb.children:
            asked = _asked(child, mention)
            if asked is None:
                continue
            noun = described(told, named=asked != "name", act=verb)
            if noun is None or any(mention.start <= t.i < mention.end for t in noun) or has_bad_reference(noun, resolved):
                continue
            phrase = noun_phrase(noun)
            if not phrase:
                continue
            if asked == "name":
                adverbs = [c.lower_ for c in verb.children if c.dep_ == "advmod" and c.i < verb.i]
                be = "was" if "formerly" in adverbs else "are" if head_of(noun).tag_ == "NNS" else "is"
                yield QuestionKind.WHAT, " ".join(("By what name", be, phrase, *adverbs, "known?"))
            elif asked == "agent":
                wh = which(mention.type, mention.text, family)
                if wh in ("What", "Where"):
                    continue
                yield (QuestionKind.WHO if mention.type == AnswerType.PERSON else QuestionKind.WHAT), f"{wh} {inflect(verb, 'VBD')} {phrase}?"
            else:
                be = "were" if head_of(noun).tag_ == "NNS" else "was"
                yield QuestionKind.WHEN, f"{when_phrase(mention)} {be} {phrase} {verb.lower_}?"


def when_phrase(mention: Mention) -> str:
    # "On what date" for a day: "When was the pact signed?" is too short to say enough.
    return "In what year" if mention.type == AnswerType.YEAR else "On what date" if one_day(mention.answer) else "When"


def _opened(verb: Token) -> Token | None:
    """The subject a participle opening the sentence tells of: "Finished in 1931, the bridge …"."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.left_edge.i != verb.sent.start or not head.tag_.startswith(("VB", "MD")) or head.i < verb.i:
        return None
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if len(subjects) == 1 and subjects[0].i > verb.i else None


def dates(child: Token, mention: Mention) -> bool:
    """The verb's dependent is the mention as its date: "in 2019", "on May 3", "March 1921"."""
    if mention.type not in DATE_TYPES:
        return False
    if child.dep_ == "npadvmod" and mention.covers(tuple(child.subtree)):
        return True
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and child.lower_ in ("in", "on") and len(objects) == 1 and mention.covers(tuple(objects[0].subtree))


def _asked(child: Token, mention: Mention) -> str | None:
    """ "date" for the participle's date ("published in 2019", "founded March 1921"), "agent"
    for its "by" phrase, when the mention is all of it."""
    if dates(child, mention):
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


def described(noun: Token, named: bool = True, act: Token | None = None) -> tuple[Token, ...] | None:
    """The noun phrase a participle or relative clause tells of: the noun's own words, or, for the
    complement of "be" or an apposition, the name it describes. None when it names nothing in
    particular: no name in it, or (for what it is `known as`, when not `named`) fewer than two
    words of its own. `act` is the modifier's verb, when an act of instituting may tell of the
    noun a purpose phrase hangs on (`purposed`)."""
    noun = purposed(noun, act) if act is not None else noun
    if noun.dep_ == "appos" and noun.head.tag_ in ("NNP", "NNPS"):
        noun = noun.head  # "the Harlow Institute, a charity founded in 1890": the charity is the institute
    elif noun.dep_ == "attr" and lemma(noun.head) == "be":
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return None
        noun = subjects[0]
    if noun.dep_ in ("conj", "appos", "compound") or noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return None  # "a list of tools built by …", "X and a tool built by …": which noun the participle tells of is unclear
    kept = kept_words(noun)
    if any(t.tag_ in ("NNP", "NNPS") for t in kept) or not named and len([t for t in kept if t.tag_.startswith(("NN", "JJ"))]) >= 2:
        return kept
    return None


# Acts that make an institution or a document, which a bare mass noun ("whaling", "trade") cannot undergo.
INSTITUTING_VERBS = frozenset("sign found establish ratify adopt enact form create conclude charter incorporate launch".split())


def purposed(noun: Token, act: Token) -> Token:
    """The noun a purpose phrase hangs on, for a dated act of instituting the parser hung on the bare
    mass noun ending the phrase: in "a pact to ban whaling signed in 1931" and "a guild devoted
    to promoting weaving that was founded in 1890", the pact was signed and the guild founded. Any other noun is returned as it is."""
    if noun.tag_ != "NN" or noun.dep_ not in ("dobj", "pobj") or lemma(act) not in INSTITUTING_VERBS:
        return noun
    if any(c.dep_ in ("det", "poss", "nummod", "compound", "prep", "conj") for c in noun.children):
        return noun  # "the war", "trade in grain": a particular thing, which may be what the act tells of
    path = [noun.head]  # the purpose phrase's words, from the noun up to the noun it hangs on
    while not path[-1].tag_.startswith("NN") and path[-1].dep_ in ("acl", "relcl", "pcomp", "prep", "xcomp") and len(path) < 5:
        path.append(path[-1].head)
    carrier, phrase = path[-1], path[:-1]
    if carrier.tag_.startswith("NN") and carrier.dep_ in ("attr", "appos") and any(t.tag_ in ("VB", "VBG", "VBN") for t in phrase):
        return carrier
    return noun


def kept_words(noun: Token) -> tuple[Token, ...]:
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


def head_of(tokens: tuple[Token, ...]) -> Token:
    ids = {t.i for t in tokens}
    return next(t for t in tokens if t.head.i not in ids or t.head.i == t.i)


def noun_phrase(noun: tuple[Token, ...]) -> str:
    if noun[0].lower_ in ("a", "an"):
        return "the " + lower_first(noun[1:])
    return lower_first(noun)
