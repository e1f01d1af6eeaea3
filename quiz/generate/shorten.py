"""Shorter clauses for questions: the parts a question can do without.

A question keeps the clause's core (subject, verb, complements) and the answer. Subordinate
clauses ("after the regime moved to …"), comma-set-off participles, appositions and
non-restrictive relative clauses always go; when the question is still too long, trailing
adjuncts (prepositional phrases, purpose clauses) go one by one from the end.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quiz.generate.clauses import Clause, trim_front

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from quiz.generate.types import Mention

MAX_QUESTION_WORDS = 25
BACK_REFERENCES = frozenset(("enough", "further", "such", "likewise", "either", "too", "instead"))
ADJUNCT_DEPS = ("prep", "npadvmod", "advmod", "advcl", "xcomp", "dative", "agent")


def essential(clause: Clause, mention: Mention) -> Clause:
    """The clause without optional parts that do not hold the answer."""
    drop: set[int] = set()
    for token in (*clause.subject, *clause.rest):
        if token.i not in drop and optional(token) and not holds(token, mention):
            drop |= region(token)
    if not mention.covers(clause.subject):
        drop |= shared_subject_verbs(clause, mention)
    front = tuple(t for t in clause.front if not any(t.i in region(p) for p in opening_participles(clause, mention)))
    return _without(replace(clause, front=trim_front(front)) if front != clause.front else clause, drop)


def opening_participles(clause: Clause, mention: Mention) -> list[Token]:
    """A participle phrase opening the sentence ("Located on the coast, the town …", "Led by its
    founder, the firm …"): it describes the subject, and the question can do without it."""
    front = {t.i for t in clause.front}
    return [
        c for c in clause.verb.children
        if c.i in front and c.dep_ in ("advcl", "acl") and c.tag_ in ("VBN", "VBG") and not holds(c, mention)
        and not any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)
    ]


def unfronted(clause: Clause, mention: Mention) -> Clause | None:
    """The clause without its fronted adverbials, the last thing a question too long can lose; None
    when it has none or they hold the answer."""
    if not clause.front or any(mention.start <= t.i < mention.end for t in clause.front):
        return None
    return replace(clause, front=())


def shared_subject_verbs(clause: Clause, mention: Mention) -> set[int]:
    """A second verb sharing the subject ("killed 300 people and left 100,000 homeless"): a question
    that inverts the first verb ("How many people did the fire kill") cannot carry it along."""
    drop: set[int] = set()
    for token in clause.rest:
        if token.dep_ == "conj" and token.head == clause.verb and token.tag_.startswith("VB") and not holds(token, mention):
            drop |= {t.i for t in token.subtree}
            drop |= {c.i for c in clause.verb.children if c.dep_ in ("cc", "punct") and clause.verb.i < c.i < token.i}
    return drop


def trimmed(clause: Clause, mention: Mention) -> Clause | None:
    """The clause with its last droppable adjunct removed; None when nothing more can go."""
    for token in reversed(clause.rest):
        if token.head == clause.verb and token.dep_ in ADJUNCT_DEPS and token.i > clause.verb.i and not holds(token, mention) and not scopes_count(token):
            if token.dep_ == "xcomp" and not any(c.tag_ == "TO" for c in token.children):
                continue  # "set to sit down": the verb needs it
            return _without(clause, region(token))
    return None


def optional(token: Token) -> bool:
    """Subordinate clauses, comma-set-off asides, clausal comparisons ("far more than expected") and
    examples ("ports including Bergen and Oslo", "tools such as axes")."""
    if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
        return not compares(token)
    return aside(token) or token.dep_ == "advmod" and any(t.tag_.startswith("VB") for t in token.subtree) or examples(token)


def examples(token: Token) -> bool:
    """ "including …" or "such as …": examples, which a question can leave out."""
    if token.dep_ != "prep":
        return False
    return token.lower_ == "including" or token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such"


def scopes_count(token: Token) -> bool:
    """A phrase bounding what a number counts ("2078 species of birds in North America"): without
    it the count is of something else."""
    if token.dep_ != "prep":
        return False
    noun = token.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "species (of birds) (in …)"
    return any(c.dep_ == "nummod" for c in noun.children)


def compares(token: Token) -> bool:
    """The clause completes a comparison ("less eager than Briand to enter …"): without it the
    comparative says something else."""
    return any(c.dep_ == "mark" and c.lower_ in ("than", "as") and c.i > token.head.i for c in token.children) and token.head.tag_ in ("JJ", "JJR", "RBR", "RB")


def aside(token: Token) -> bool:
    """Participles, appositions and relative clauses set off by a comma."""
    edge = token.left_edge.i
    if edge == 0 or token.doc[edge - 1].text != ",":
        return False
    if token.dep_ == "appos" and any(c.dep_ == "nummod" for c in token.children) and any(c.dep_ == "nummod" for c in token.head.children):
        return False  # "2 hours, 5 minutes and 12 seconds": one measurement, not an aside
    if token.dep_ == "appos" and token.ent_type_ and token.ent_type_ == token.head.ent_type_ and any(
        c.dep_ == "conj" for c in (*token.children, *token.head.children)
    ):
        return False  # "The United States, Great Britain, Soviet Union, and China": an item of a list of names, not an aside
    return token.dep_ in ("relcl", "appos") or token.dep_ in ("advcl", "acl") and token.tag_ in ("VBG", "VBN")


def holds(token: Token, mention: Mention) -> bool:
    # The subtree lies between its edges: most tokens are far from the mention, and walking the
    # subtree is what costs.
    if mention.start <= token.i < mention.end:
        return True  # the token is in its own subtree
    if token.right_edge.i < mention.start or token.left_edge.i >= mention.end:
        return False
    return any(mention.start <= t.i < mention.end for t in token.subtree)


def region(token: Token) -> set[int]:
    """The token's subtree with the commas around it."""
    region = {t.i for t in token.subtree}
    doc = token.doc
    before, after = token.left_edge.i - 1, token.right_edge.i + 1
    if before >= 0 and doc[before].text == ",":
        region.add(before)
    if after < len(doc) and doc[after].text == "," and before >= 0 and doc[before].text == ",":
        region.add(after)
    return region


def _without(clause: Clause, drop: set[int]) -> Clause:
    if not drop:
        return clause
    subject = tuple(t for t in clause.subject if t.i not in drop)
    rest = tuple(t for t in clause.rest if t.i not in drop)
    while rest and rest[-1].is_punct and rest[-1].text not in ("”", '"', ")"):
        rest = rest[:-1]
    return replace(clause, subject=subject or clause.subject, rest=rest)


def leans_back(tokens: tuple[Token, ...] | list[Token], sent: Span) -> bool:
    """A part cut from after a dropped clause that still points back at it: "but officials claimed
    X has not gone far enough" needs what was done before; "further", "such", "the same", or a
    comparative without its "than" do too."""
    if not tokens:
        return False
    first = min(t.i for t in tokens)
    before = sent.doc[sent.start : max(sent.start, min(first, sent.end))]  # the sentence's words before the part, none of it
    if not any(t.tag_.startswith(("VB", "MD")) for t in before):
        return False
    words = [t.lower_ for t in tokens]
    comparative = any(t.tag_ in ("JJR", "RBR") and t.lower_ not in ("more", "less") for t in tokens) and "than" not in words
    return comparative or bool(BACK_REFERENCES & set(words)) or "same" in words
