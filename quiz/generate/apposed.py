"""Questions typed by what an object's apposition says it is: "The council created the Harbor
Light Fund, a grant scheme for fishermen" -> "Which grant scheme did the council create?"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.clauses import Clause, fronted, inverted
from quiz.generate.types import NAMED_TYPES, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


def typed_object_question(clause: Clause, mention: Mention, child: Token) -> str | None:
    """The name as the verb's object, asked for by the kind of thing its apposition calls it (its
    noun and the nouns before it; adjectives such as "vital" only praise and are left out)."""
    if child.dep_ != "dobj" or child.head != clause.verb or mention.type not in NAMED_TYPES:
        return None
    kinds = [c for c in child.children if c.dep_ == "appos" and c.tag_ == "NN" and not c.ent_type_]
    if len(kinds) != 1:
        return None
    kind = kinds[0]
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kind.children):
        return None  # "X, the program that …" may be the one of its kind the reader is meant to know
    typed = {t.i for t in kind.subtree}
    name = [t for t in child.subtree if t.i not in typed and not t.is_punct]
    if not mention.covers(name):
        return None
    nouns = [c for c in kind.children if c.dep_ == "compound" and c.i < kind.i and c.tag_.startswith("NN") and not list(c.children)]
    if any(mention.start <= t.i < mention.end or t.lower_ in mention.answer.lower().split() for t in (*nouns, kind)):
        return None  # "the Teal Program, a training program": "Which training program" half names it
    body = inverted(clause, {t.i for t in child.subtree})
    wh = "Which " + " ".join(t.text for t in (*nouns, kind))
    return f"{fronted(clause, wh)} {body}" if body else None
