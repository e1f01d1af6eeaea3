"""Date gaps whose slot does not pin a date: one end of a range of months or days that borrows
its year from the other end, and a date written as a noun's modifier.

"In his {{May 3, 1910}}, speech to the council" reads "In his ___ speech": "annual" or "first" fills
it as well, so such a gap is a card only with date options beside it, and never once the cut has
dropped the noun it modifies ("In his {{May 3, 1910}} the mayor …"). The date is asked instead with
the phrase kept without it: "When did the mayor propose a bridge in his speech to the council?"

"met in {{March}} and April 1952" or "in March and {{April 1952}}": the end shown gives the other
away (the next month, the same year), so the two ends are one answer, the span. A range the tagger
tore ("{{between 1995 and}} 2020") is mended the same way. Two years ("from 1961 until 1970") are
left alone: each end is a fact of its own (spans.py asks them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.answertypes import answer_type
from quiz.generate.clauses import Clause, fronted, inverted, render
from quiz.generate.types import DATE_TYPES, QUESTION_KINDS, Candidate, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OWNERS = frozenset("his her its their our my your".split())
MODIFIER_DEPS = frozenset(("nmod", "nummod", "compound", "amod"))
RANGE_JOINERS = frozenset("and to through until till – - —".split())
YEAR = re.compile(r"\b\d{4}s?\b")


def whole_dates(span: Span, found: list[Mention]) -> list[Mention]:
    """The mentions with each date freed of an owner the tagger took into it ("{{her June 4,
    1961}}") and each range made one (joined_dates)."""
    return joined_dates(span, [_unowned(span, m) for m in found])


def _unowned(span: Span, mention: Mention) -> Mention:
    doc = span.doc
    if mention.type not in DATE_TYPES or mention.end - mention.start < 2 or doc[mention.start].lower_ not in OWNERS:
        return mention
    text = doc[mention.start + 1 : mention.end].text
    return replace(mention, start=mention.start + 1, text=text, answer=text)


def joined_dates(span: Span, found: list[Mention]) -> list[Mention]:
    """The mentions with each range of two dates, whose first end lacks the year the second gives
    ("March and April 1952", "May 5 to June 9, 2020"), or whose first part ends on the joiner
    ("between 1995 and" + "2020"), made one mention of the whole span."""
    doc = span.doc
    dates = sorted((m for m in found if m.type in DATE_TYPES and not m.pair), key=lambda m: m.start)
    joined: dict[Mention, Mention] = {}
    for first, second in pairwise(dates):
        if first in joined:
            continue
        between = [t.text.lower() for t in doc[first.end : second.start]]
        torn = not between and first.text.split()[-1].lower() in RANGE_JOINERS
        borrowed = len(between) == 1 and between[0] in RANGE_JOINERS and not YEAR.search(first.text) and YEAR.search(second.text)
        if not (torn or borrowed):
            continue
        text = doc[first.start : second.end].text
        kind = answer_type(text, "DATE")
        if kind is None:
            continue
        whole = Mention(start=first.start, end=second.end, text=text, type=kind, answer=text, accept=())
        joined[first] = joined[second] = whole
    if not joined:
        return found
    result = []
    for mention in found:
        kept = joined.get(mention, mention)
        if kept not in result:
            result.append(kept)
    return result


def modifier_gap(candidate: Candidate) -> bool:
    """A cloze whose gap is a date modifying the noun after it ("a {{March 1, 1963}} deadline", "in
    her {{June 4, 1961}}, speech"), so only options tell the reader a date goes there."""
    mention = candidate.mention
    if candidate.kind in QUESTION_KINDS or mention.type not in DATE_TYPES:
        return False
    return modified_noun(candidate.sentence.span, mention) is not None


def modified_noun(span: Span, mention: Mention) -> Token | None:
    """The common noun the date modifies: the parser hangs the date on a noun after it, or an owner
    or article stands before the date and a noun follows it, a comma aside ("his May 3, 1910, speech")."""
    doc = span.doc
    start = mention.start
    after = mention.end + (1 if mention.end < span.end and doc[mention.end].text == "," else 0)
    noun = doc[after] if after < span.end and doc[after].tag_ in ("NN", "NNS") else None
    if noun is None:
        return None
    root = doc[start : mention.end].root
    if root.dep_ in MODIFIER_DEPS and root.head.i == noun.i:
        return noun
    before = doc[start - 1] if start > span.start else None
    # "the 1930s, trade …" sets a time off with its comma: "the" or "a" counts only with no comma between.
    owned = before is not None and (before.tag_ in ("PRP$", "POS") or (before.lower_ in ("a", "an", "the") and after == mention.end))
    return noun if owned else None


def noun_shown(candidate: Candidate) -> bool:
    """The modified noun is still in the cloze the cut made."""
    noun = modified_noun(candidate.sentence.span, candidate.mention)
    return noun is not None and re.search(rf"}}}}[, ]*{re.escape(noun.text)}\b", candidate.text) is not None


def modifier_question(clause: Clause, mention: Mention, phrase: tuple[Token, ...]) -> Iterator[tuple[str, str | None]]:
    """ "In his May 3, 1910, speech to the council, the mayor proposed …" -> "When did the mayor
    propose … in his speech to the council?": `phrase` is the fronted phrase holding the date (the
    clause no longer holds it)."""
    noun = modified_noun(clause.verb.doc[phrase[0].i : phrase[-1].i + 1], mention) if phrase else None
    if mention.type not in DATE_TYPES or noun is None or not all(phrase[0].i <= i <= phrase[-1].i for i in (mention.start, mention.end - 1)):
        return
    comma = mention.end if noun.i == mention.end + 1 else None
    kept = tuple(t for t in phrase if not mention.start <= t.i < mention.end and t.i != comma)
    body = inverted(clause, set())
    if body:
        words = render(kept, shown=clause.shown)
        yield "when", f"{fronted(clause, 'When')} {body} {words[:1].lower()}{words[1:]}"
