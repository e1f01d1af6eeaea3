"""Clauses whose subject the parser took for a clause of its own: in "Reports by Ross and Lane
describing the new method were shown in 1931 to the Harbor Board", it makes "describing" a
verb with "Reports" its subject and leaves "were shown" with none, so `clauses` finds no clause and
the date and the board go unasked. The -ing phrase standing before the verb is its subject: "In
what year were reports by Ross and Lane describing the new method shown to the Harbor Board?".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.clauses import SUBJECT_DEPS, Clause, cut_aside, trim_edges

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def gerund_subject_clauses(sent: Span) -> list[Clause]:
    """The sentence's clauses whose subject is an -ing phrase the parser hung on the verb as a clause."""
    found = []
    for verb in sent:
        clause = _clause(verb, sent)
        if clause is not None:
            found.append(clause)
    return found


def _clause(verb: Token, sent: Span) -> Clause | None:
    if not verb.tag_.startswith("VB") or verb.dep_ != "ROOT" or any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj", "csubjpass") for c in verb.children):
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries or auxiliaries[0].tag_ not in ("VBD", "VBZ", "VBP", "MD"):
        return None  # a tensed verb: "were read", "has been shown"
    phrases = [c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.tag_ == "VBG" and c.i < verb.i]
    if len(phrases) != 1:
        return None
    phrase = phrases[0]
    owners = [c for c in phrase.children if c.dep_ == "nsubj"]
    subject = tuple(phrase.subtree)
    if len(owners) != 1 or owners[0].i > phrase.i or subject[0].i != sent.start or not owners[0].tag_.startswith("NN"):
        return None  # the -ing phrase opens the sentence with its noun first: "Reports … describing …"
    between = sent.doc[subject[-1].i + 1 : verb.i]
    if any(t.dep_ not in ("aux", "auxpass", "advmod", "neg") or t.head.i != verb.i for t in between):
        return None  # only the verb's auxiliaries between the phrase and the verb
    after = [t for t in verb.subtree if t.i > verb.i and sent.start <= t.i < sent.end]
    rest = cut_aside(after)
    if rest is None:
        return None
    return Clause(verb=verb, subject=subject, front=(), middle=tuple(between), rest=trim_edges(tuple(rest)))
