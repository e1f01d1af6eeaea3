"""Adverbials the parser hangs on a person's name: "talked with Mayor Ana Ruiz in Lisbon" attaches
"in Lisbon" to "Ruiz", but a name is not placed or dated by a phrase after it the way a common noun
is ("the bridge in Lisbon"), so the place or date is the act's own: "Where did the captain talk
with Mayor Ana Ruiz?", and "With which mayor did the captain talk in Lisbon?" asks the name without it.
Likewise the party "with" or "to" whom an act is done, hung on the verb's object.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

EVENT_PREPOSITIONS = frozenset("in at on during".split())
# Where the name stands: the verb's object, or the object of a preposition naming a party to the act.
PARTY_OBJECTS = frozenset("with to from against alongside".split())
OBJECT_PARTIES = frozenset("with to".split())


def event_phrases(verb: Token) -> Iterator[Token]:
    """The place or date phrases hung on a person the verb acts on or with."""
    for child in verb.children:
        if child.dep_ == "dobj":
            names = [child]
        elif child.dep_ == "prep" and child.lower_ in PARTY_OBJECTS:
            names = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        for name in names:
            yield from _hung(name)


def object_parties(verb: Token) -> Iterator[Token]:
    """ "signed a treaty with Portugal", "sent a letter to the mayor", "entered into a pact with
    Peru": the party of the act, which the parser hangs on the verb's object (a common noun), not
    on the verb."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.tag_ in ("NN", "NNS"):
            yield from (c for c in child.children if c.dep_ == "prep" and c.lower_ in OBJECT_PARTIES)
        elif child.dep_ == "prep" and child.lower_ == "into":  # "entered into a contract with X"
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.tag_ in ("NN", "NNS"):
                    yield from (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with")


def own_subtree(token: Token) -> tuple[Token, ...]:
    """The token's subtree without the place or date phrases hung on a name in it."""
    hung = {t.i for name in _names(token) for phrase in _hung(name) for t in phrase.subtree}
    return tuple(t for t in token.subtree if t.i not in hung)


def _names(token: Token) -> Iterator[Token]:
    yield token
    yield from (c for c in token.children if c.dep_ == "pobj")


def _hung(name: Token) -> Iterator[Token]:
    if name.ent_type_ != "PERSON" or name.tag_ != "NNP":
        return
    for phrase in name.rights:
        objects = [c for c in phrase.children if c.dep_ == "pobj"]
        if phrase.dep_ == "prep" and phrase.lower_ in EVENT_PREPOSITIONS and len(objects) == 1 and objects[0].ent_type_ in ("GPE", "LOC", "FAC", "DATE"):
            yield phrase


def without_region(token: Token) -> tuple[Token, ...]:
    """A town's subtree without the state or country set off after it ("Columbus, Ga.,",
    "Porto, Portugal"): "Where …?" asks for the town, which the region only places."""
    # The parser takes the region for an apposition, or for a list item where no "and" joins it.
    joined = any(c.dep_ == "cc" for c in token.children)
    regions = [c for c in token.children if (c.dep_ == "appos" or c.dep_ == "conj" and not joined) and c.ent_type_ == "GPE" and c.i > token.i and not list(c.children)]
    if len(regions) != 1:
        return tuple(token.subtree)
    region = regions[0].i
    return tuple(t for t in token.subtree if not (t.i == region or t.is_punct and t.head.i == token.i and token.i < t.i <= region + 1))
