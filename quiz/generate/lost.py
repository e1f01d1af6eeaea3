"""Subjects the parser lost: "… kept the army from the valleys of the Ardent Hills and Ruritania
declared a republic" hangs "Ruritania" on "Hills" as a list item, leaving "declared" without a
subject. A name standing right before a joined verb that has none is that verb's subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NAME_ENTITIES = frozenset(("ORG", "PERSON", "GPE", "NORP"))


def lost_subject(verb: Token) -> list[Token]:
    """The name the parser joined to the words before it instead of making it the subject of the
    joined verb right after it."""
    if verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return []
    name = verb.doc[verb.i - 1]
    if name.dep_ != "conj" or name.tag_ not in ("NNP", "NNPS") or name.ent_type_ not in NAME_ENTITIES or name.ent_iob_ == "I" and name.doc[name.i - 1].dep_ != "compound":
        return []
    if verb.tag_ == "VBP":
        return []  # "A, B and C form the team": a list of names is the plural subject, not its last item
    joiner = verb.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    if joiner is None or joiner.dep_ != "cc" or any(c.dep_ not in ("compound",) for c in name.children):
        return []  # "X and Y declared": only a name after "and", with nothing of its own but its first names
    return [name]
