"""Questions from the date of a relative clause on a noun that renames a named one: "the Harlow
Institute, a charity that was founded in 1890, …" -> "In what year was the Harlow Institute
founded?", "The Vale Accord was a pact which came into force in 1921" -> "In what year did the
Vale Accord come into force?".

`clauses` asks a relative clause with its own noun as subject ("When was the charity founded?"),
which could be any charity; the name the noun stands for says which. Only a past act is asked
(one verb, no object or clause of its own left to say), without the rest of its clause: the
date, the agent, asides and what the clause goes on to say are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.clauses import inflect
from quiz.generate.participles import dates, described, head_of, noun_phrase, when_phrase
from quiz.generate.pointers import has_bad_reference
from quiz.generate.types import DATE_TYPES, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Dependents that make the clause say more than one dated act: asked without them, it would say less.
MORE_SAID = frozenset(("dobj", "dative", "attr", "acomp", "ccomp", "xcomp", "oprd", "neg", "conj", "cc"))
# Dependents a question on the date does without.
LEFT_OUT = frozenset(("nsubj", "nsubjpass", "aux", "auxpass", "agent", "punct", "advmod", "advcl", "relcl", "parataxis"))
MAX_REST_WORDS = 4  # "come into force", "begin with the navy": what the verb needs, not another fact


def relative_questions(sent: Span, mention: Mention, resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """(kind, question) for the mention as the date of a relative clause on a renaming noun."""
    if mention.type not in DATE_TYPES:
        return
    for verb in sent:
        if verb.dep_ != "relcl" or not verb.head.tag_.startswith("NN"):
            continue
        relative = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(relative) != 1 or relative[0].lower_ not in ("that", "which") or any(c.dep_ in MORE_SAID for c in verb.children):
            continue
        dated = [c for c in verb.children if dates(c, mention)]
        form = _past(verb)
        if len(dated) != 1 or form is None:
            continue
        noun = described(verb.head, act=verb)
        if noun is None or verb.head in noun or has_bad_reference(noun, resolved):
            continue  # a named noun's own clause is `clauses`'s; a bare one names nothing
        rest = _rest(verb, dated[0])
        if rest is None:
            continue
        plural = head_of(noun).tag_ in ("NNS", "NNPS")
        if form == "passive":
            body = f"{'were' if plural else 'was'} {noun_phrase(noun)} {verb.lower_}"
        else:
            body = f"did {noun_phrase(noun)} {inflect(verb, 'VB')}"
        yield QuestionKind.WHEN, " ".join((when_phrase(mention), body, *rest)) + "?"


def _past(verb: Token) -> str | None:
    """ "passive" for "was founded", "active" for "opened"; None for any other tense or mood."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and auxiliaries in (["was"], ["were"]) and any(c.dep_ == "auxpass" for c in verb.children):
        return "passive"
    if verb.tag_ == "VBD" and not auxiliaries:
        return "active"
    return None


def _rest(verb: Token, dated: Token) -> list[str] | None:
    """The words the verb needs after it ("into force", "with the navy"), or None when they are more."""
    words: list[Token] = []
    for child in verb.children:
        if child.i < verb.i or child.i == dated.i or child.dep_ in LEFT_OUT:
            continue
        if child.dep_ not in ("prt", "prep"):
            return None
        words.extend(child.subtree)
    if len(words) > MAX_REST_WORDS or any(t.is_punct or t.like_num or t.tag_ in ("PRP", "PRP$") for t in words):
        return None  # a second date or number, or a pronoun, would be another fact or an unclear one
    return [t.text for t in sorted(words, key=lambda t: t.i)]
