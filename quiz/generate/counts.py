"""How-many questions: the counted noun and its modifiers asked for where the count stands: as the
object ("How many visas does X give?"), the subject ("How many nations signed …?"), the object of
the verb's preposition ("In how many countries …?"), the "of" phrase of the subject
("Choirs of how many parishes sang …?") or what "a total of" totals.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from quiz.generate.clauses import Clause, fronted, inverted, lemma, lower_first, render, trim_front
from quiz.generate.types import Mention
from quiz.generate.words import APPROXIMATORS, NUMBER_MODIFIERS

if TYPE_CHECKING:
    from spacy.tokens import Token


# What a count may be gathered in as the verb's object: "flew a total of 310 hours", "chose a group
# of eight artists" ask how many hours, how many artists.
COLLECTIVES = frozenset("total group team crew fleet set batch class delegation contingent".split())
OF_VERBS = frozenset(("consist",))  # "consists of 900 acres": its "of" phrase is its object, asked "Of how many acres …?"


def how_many_questions(clause: Clause, mention: Mention) -> Iterator[tuple[str, str | None]]:
    """ "How many visas does X give?": the counted noun and its modifiers move to the front; its
    other dependents ("between the two cities") stay where they were."""
    if mention.type not in ("number", "duration"):
        return
    for noun in [*clause.front, *clause.subject, *clause.rest]:
        counters = [c for c in noun.children if c.dep_ == "nummod" and mention.start <= c.i < mention.end]
        if not counters or not noun.tag_.startswith("NNS") or any(c.dep_ in ("det", "poss") and c.lower_ not in ("some", "a", "an") for c in noun.children):
            continue
        joined = _other_items(noun)
        if joined is None:
            continue  # "500 men and women": the count is of both
        phrase = _counted(noun, mention)
        place = _count_place(clause, noun)
        if _upto_object(clause, noun):  # "gives up to 20,000 visas": the count is the object
            phrase = tuple(t for t in clause.rest if t.i <= noun.i and (t.i >= noun.head.i - 1 and t.dep_ == "prt" or t in noun.head.subtree))
        elif place is not None and (mention.approximator or _qualified(noun, mention)):
            continue  # "Across about how many …", "in less than five days": the qualifier goes with the plain forms only
        elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass") and place is None:
            continue
        if mention.type == "duration" and place not in ("prep", "front"):
            continue  # "served 22 years" is asked "How long …?" (amounts.py)
        kept = tuple(
            t for t in phrase
            if not (mention.start <= t.i < mention.end and t.tag_ == "CD") and not _in_number(t, mention) and t.lower_ not in NUMBER_MODIFIERS and t.lower_ not in APPROXIMATORS and t.dep_ not in ("det", "quantmod")
            and not (t.i < mention.start and t.tag_ in ("JJ", "JJS", "VBN"))  # "an extraordinary 300 choirs": it qualifies the count, not the choirs
        )
        if not kept:
            continue
        prefix = f"{mention.approximator} how many" if mention.approximator else "How many"
        what = lower_first(kept, clause.shown)
        if noun.dep_ == "dobj" and noun.head == clause.verb or _upto_object(clause, noun):
            body = inverted(clause, {t.i for t in phrase} | joined)
            body = body and body.split(":", 1)[0]  # "…: wheat, rye, oats and barley" lists what is counted
            yield "howmany", body and f"{fronted(clause, f'{prefix} {what}')} {body}"
        elif noun.dep_ in ("nsubj", "nsubjpass") and noun.head == clause.verb and not clause.antecedent:
            after = tuple(t for t in clause.subject if t.i > noun.i and t not in phrase and t.i not in joined)
            yield "howmany", render(fronted(clause, f"{prefix} {what}"), after, clause.middle, (clause.verb,), clause.rest, shown=clause.shown)
        elif place == "total":  # "flew a total of 310 hours": the total is the object
            body = inverted(clause, {t.i for t in noun.head.head.subtree})
            yield "howmany", body and f"{fronted(clause, f'{prefix} {what}')} {body}"
        elif place == "prep":  # "operates in 14 countries" -> "In how many countries does … operate?"
            prep = noun.head
            body = inverted(clause, {t.i for t in prep.subtree})
            yield "howmany", body and f"{fronted(clause, f'{prep.lower_.capitalize()} how many {what}')} {body}"
        elif place == "front":  # "After two weeks, the strike ended" -> "After how many weeks did the strike end?"
            prep = noun.head
            unfronted = replace(clause, front=trim_front(tuple(t for t in clause.front if t not in prep.subtree)))
            body = inverted(unfronted, set())
            yield "howmany", body and f"{fronted(unfronted, f'{prep.lower_.capitalize()} how many {what}')} {body}"
        elif place == "owner" and not clause.antecedent:  # "Choirs of 40 parishes sang …"
            prep = noun.head
            before = tuple(t for t in clause.subject if t.i < prep.i)
            after = tuple(t for t in clause.subject if t.i > noun.i and t not in phrase and t.i not in joined)
            owner = f"{render(before, shown=clause.shown)} of how many {what}"
            yield "howmany", render(fronted(clause, owner[:1].upper() + owner[1:]), after, clause.middle, (clause.verb,), clause.rest, shown=clause.shown)


def _other_items(noun: Token) -> set[int] | None:
    """The indices of the items listed after a counted noun, left out of its question ("made
    1,200 dives and a swim of 40 miles" -> "How many dives did she make?"), when
    each item has its own determiner or count; None when one has not, as the count may be of all
    of them ("500 men and women")."""
    items = [c for c in noun.children if c.dep_ == "conj"]
    if any(not any(d.dep_ in ("det", "nummod", "poss") for d in item.children) for item in items):
        return None
    last = max((item.i for item in items), default=noun.i)
    joiners = {t.i for t in noun.children if t.dep_ in ("cc", "punct") and noun.i < t.i < last}  # ", and"
    return {t.i for item in items for t in item.subtree} | joiners


def _qualified(noun: Token, mention: Mention) -> bool:
    """A word before the count that bounds it ("less than five days", "under 40 sites")."""
    return any(t.i < mention.start and (t.lower_ in NUMBER_MODIFIERS or t.dep_ == "quantmod") for t in noun.subtree) or (
        mention.start > 0 and noun.doc[mention.start - 1].lower_ in NUMBER_MODIFIERS | {"than"}
    )


def _count_place(clause: Clause, noun: Token) -> str | None:
    """Where a counted noun that is no plain subject or object sits: "total" when "a total of 310
    hours" or "a team of eight divers" is the object, "prep" for the object of the verb's
    preposition ("in 14 countries", "consists of 900 acres"), "front" for one opening the clause
    ("Within three weeks, …"), "owner" for the "of" phrase of the subject ("choirs of 40 parishes")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    prep, owner = noun.head, noun.head.head
    if prep.head == clause.verb and (prep.lower_ not in ("of", "than", "up") or prep.lower_ == "of" and lemma(clause.verb) in OF_VERBS):
        return "prep" if prep in clause.rest else "front" if prep in clause.front else None
    if prep.lower_ != "of" or owner.head != clause.verb:
        return None
    if owner.lower_ in COLLECTIVES and owner.dep_ == "dobj" and owner in clause.rest and not any(c.dep_ in ("amod", "compound", "nummod") for c in owner.children):
        return "total"  # not "an initial team of six": asked "how many … did X hire?", it loses which team
    if owner.dep_ in ("nsubj", "nsubjpass") and owner.tag_ in ("NNS", "NN") and owner in clause.subject and not owner.ent_type_:
        return "owner"
    return None


def _in_number(token: Token, mention: Mention) -> bool:
    """Part of the number phrase however the tagger cut it: "and a half" of "two and a half"."""
    number = token
    while number.dep_ in ("conj", "cc", "quantmod", "det") and number.head.i != number.i:
        number = number.head
    return mention.start <= number.i < mention.end and number.tag_ == "CD"


def _counted(noun: Token, mention: Mention) -> tuple[Token, ...]:
    """The counted noun with its left modifiers and its "of" phrase: "How many species of trees does
    the forest have?", not "… does the forest have of trees?"; a unit inside the answer ("6,000
    miles") keeps what it measures ("of track")."""
    tokens = [t for left in noun.lefts for t in left.subtree] + [noun]
    tokens += [t for right in noun.rights if right.dep_ == "prep" and right.lower_ == "of" for t in right.subtree]
    return tuple(sorted(tokens, key=lambda t: t.i))


def _upto_object(clause: Clause, noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.head == clause.verb and prep.lower_ == "to" and prep.i > 0 and prep.nbor(-1).lower_ == "up"
