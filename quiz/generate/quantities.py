"""Numbers, amounts and lengths of time as answers: where a count, a measure or a length starts
and ends ("over the past {{nine days}}", "{{€20,000}}", "a {{90-inch}} lens", "{{three times}}"),
which numbers the tagger missed, and which numbers name rather than count ("the two countries")
or are half a fact (one end of a score or a range). Which entities are mentions is extract.py's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.generate.answertypes import DURATION, ORDINAL, answer_type
from quiz.generate.types import AnswerType, Mention
from quiz.generate.words import APPROXIMATORS, NUMBER_PHRASE_WORDS, SCALES, TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COUNTED = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")


def how_often(tokens: list[Token]) -> Token | None:
    """The "times" after a count of how often something happened ("three times"), not of a
    multiplier ("three times as large", "three times more")."""
    doc = tokens[-1].doc
    after = tokens[-1].i + 1
    if after >= len(doc) or doc[after].lower_ != "times":
        return None
    following = doc[after + 1] if after + 1 < len(doc) else None
    if following is not None and (following.lower_ in ("as", "the", "that") or following.tag_ in ("JJR", "RBR")):
        return None
    return doc[after]


# Words before a length of time that bound it or tie it to now: "the past 12 billion years",
# "under six hours", "only three decades". The length itself is the fact.
BOUNDING_WORDS = frozenset("past last next previous first coming less more than over under about nearly almost just some around roughly within at least up to".split())
UNIT = re.compile(
    rf"^(?:{'|'.join(TIME_UNITS)}|inch(?:es)?|foot|feet|yards?|miles?|met(?:er|re)s?|kilomet(?:er|re)s?|acres?|hectares?|pounds?|tons?|tonnes?|gallons?|lit(?:er|re)s?|degrees?)$",
    re.IGNORECASE,
)


def within(tokens: list[Token]) -> list[Token] | None:
    """The length of time in a date or time expression that only bounds it: "12 billion years" of
    "the past 12 billion years"; None when there is none, or nothing bounds it."""
    first = next((n for n, t in enumerate(tokens) if t.like_num), None)
    if not first or not all(t.lower_ in BOUNDING_WORDS for t in tokens[:first]):
        return None
    rest = tokens[first:]
    return rest if DURATION.match(" ".join(t.text for t in rest)) else None


def measure_mentions(sent: Span, found: list[Mention]) -> list[Mention]:
    """Amounts with a unit that the tagger left out of every entity: "12 billion years", "a
    200-inch mirror", "every 2.5 seconds". The number is written in digits; scale words and a
    hyphen may come between it and the unit."""
    taken = {i for m in found for i in range(m.start, m.end)}
    doc = sent.doc
    result = []
    for token in sent:
        if token.i in taken or token.tag_ != "CD" or not any(c.isdigit() for c in token.text) or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        end = token.i + 1
        while end < sent.end and doc[end].lower_ in SCALES:
            end += 1
        if end < sent.end - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            end += 1
        if end >= sent.end or not UNIT.match(doc[end].text) or any(i in taken for i in range(token.i, end + 1)):
            continue
        span = doc[token.i : end + 1]
        kind = answer_type(span.text, "QUANTITY")
        if kind is None or names_a_kind(span) or range_start(span) or score(span) or kind == "number" and definite(span) and not MEASURE_WORD.search(span.text):
            continue
        result.append(Mention(start=span.start, end=span.end, text=span.text, type=kind, answer=span.text, accept=(), approximator=approximator(span, [])))
        taken.update(range(span.start, span.end))
    return result


TALLY_NOUNS = frozenset(("vote", "votes", "margin", "tally"))


def tally_mentions(sent: Span, found: list[Mention]) -> list[Mention]:
    """A vote's whole tally, which score() keeps from being asked by halves: "by a margin of {{12 to
    3}}", "a tally of {{6-3}}"."""
    taken = {i for m in found for i in range(m.start, m.end)}
    doc = sent.doc
    result = []
    for token in sent:
        if token.lower_ not in TALLY_NOUNS or token.i + 4 >= sent.end or doc[token.i + 1].lower_ != "of":
            continue
        first = doc[token.i + 2]
        if SCORE.match(first.text) and first.tag_ == "CD":
            span = doc[first.i : first.i + 1]
        elif first.tag_ == "CD" and first.text.isdigit() and doc[first.i + 1].lower_ in PAIR_WORDS and doc[first.i + 2].text.isdigit():
            span = doc[first.i : first.i + 3]
        else:
            continue
        if not any(i in taken for i in range(span.start, span.end)):
            result.append(Mention(start=span.start, end=span.end, text=span.text, type=AnswerType.NUMBER, answer=span.text, accept=()))
    return result


def hedge(tokens: list[Token]) -> list[Token]:
    """Leading words of a number entity that only hedge it: "An estimated" in "An estimated 650
    million". The quantity is the answer; the hedge stays in the text."""
    lead = []
    for token in tokens:
        if token.tag_ in ("CD", "$") or token.lower_ in NUMBER_PHRASE_WORDS or token.lower_ in ("a", "half") and token is not tokens[0]:
            break
        if token.tag_ not in ("DT", "JJ", "JJR", "JJS", "RB", "RBR", "IN", "VBN"):
            break
        lead.append(token)
    return lead if len(lead) < len(tokens) else []


def with_currency(tokens: list[Token]) -> list[Token]:
    """A currency sign written just before the number: "€20,000", not "€{{20,000}}"."""
    if tokens and tokens[0].i > 0:
        before = tokens[0].doc[tokens[0].i - 1]
        if before.tag_ == "$" and not before.whitespace_:
            return [before, *tokens]
    return tokens


ROUND_PLURALS = frozenset("dozens hundreds thousands millions billions".split())


def orphan_numbers(sent: Span, found: list[Mention]) -> list[Mention]:
    """Counts written in digits that the tagger folded into a wrong entity ("February 26 to 1,300")
    or left out: a number heading its own noun phrase; and ordinals it left out ("the 27th country")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    result = []
    for token in sent:
        if token.i in taken:
            continue
        if ORDINAL.match(token.text) and token.dep_ in ("amod", "nummod", "attr", "pobj") and token.tag_ in ("JJ", "CD", "NN", "RB"):
            result.append(Mention(start=token.i, end=token.i + 1, text=token.text, type=AnswerType.ORDINAL, answer=token.text, accept=()))
            continue
        if token.lower_ in ROUND_PLURALS and token.dep_ in ("pobj", "dobj", "nsubj", "attr") and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            result.append(Mention(start=token.i, end=token.i + 1, text=token.text, type=AnswerType.NUMBER, answer=token.text, accept=()))
            continue  # "{{thousands}} of pilgrims came": the count the text gives, in its words
        if token.tag_ != "CD" or token.dep_ not in ("pobj", "dobj", "nsubj", "attr"):
            continue
        span = token.doc[token.i : token.i + 1]
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+\.\d+", token.text) and not definite(span) and not range_start(span) and not score(span):
            result.append(Mention(
                start=token.i, end=token.i + 1, text=token.text, type=AnswerType.NUMBER, answer=token.text, accept=(), approximator=approximator(span, []),
            ))
    return result


def range_start(span: Span) -> bool:
    """ "600" in "rose from 600 to 1,300": the fact is where it ended."""
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ == "from" and any(c.dep_ == "prep" and c.lower_ == "to" for c in prep.head.children)


SCORE = re.compile(r"^\d+[–-]\d+$")
PAIR_WORDS = frozenset(("to", "-", "–", "—"))


def score(span: Span) -> bool:
    """Half of a score or a vote ("a vote of 6 to 3", "won 3–1"), or the lower end of "between
    7,000 and 9,000": a gap on it asks for half a fact, and a same-size distractor can make an
    impossible pair. The upper end of a range stays (see range_start)."""
    doc = span.doc
    if SCORE.match(span.text):
        return True
    before = doc[span.start - 2 : span.start]
    after = doc[span.end : span.end + 2]
    if len(after) == 2 and _count(after[1]) and (after[0].lower_ in PAIR_WORDS or after[0].lower_ == "and" and _between(span)):
        return not (after[0].lower_ == "to" and _from(span))  # "from 600 to 1,300" is range_start's
    if len(before) == 2 and _count(before[0]) and before[1].lower_ in PAIR_WORDS:
        return not _from(doc[before[0].i : before[0].i + 1])
    return False


def _count(token: Token) -> bool:
    """A number standing alone, not the day of a date ("February 26 to 1,300")."""
    return token.like_num and token.ent_type_ not in ("DATE", "TIME")


def _between(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "between"


def _from(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "from"


# A number joined to its unit ("a 12-mile zone", "14-year terms") measures, even after "a".
MEASURE_WORD = re.compile(r"\d-[^\W\d]")
AGE_PHRASE = re.compile(r"^(?:the )?age of (\d{1,3})$", re.IGNORECASE)
MEASURES = (AnswerType.NUMBER, AnswerType.DURATION)


def names_a_kind(span: Span) -> bool:
    """A measure made an adjective of a person's title names a kind, not an amount: "Moreira, a
    former {{5,000-metre}} champion". Of a thing it is the fact: "a 10-mile zone", "14-year terms"."""
    if not re.search(r"\d-[^\W\d]", span.text):
        return False
    noun = span.root.head if span.root.head.i != span.root.i else span.root
    while noun.dep_ in ("amod", "compound", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ in ("appos", "attr") and noun.head.ent_type_ == "PERSON" or noun.ent_type_ == "PERSON"


def definite(span: Span) -> bool:
    """ "the two countries", "a two-track approach": a number that names rather than counts. "some
    3,000 works" hedges a count, and a number in figures before a hyphen ("an 18-member council")
    counts what the compound measures."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.text == "-":
        return not any(c.isdigit() for c in span.text)  # "an 18-member": the article goes with the compound
    return before is not None and before.tag_ in ("DT", "PRP$", "POS") and before.lower_ not in ("all", "some")


def approximator(span: Span, lead: list[Token]) -> str:
    """ "About" for "approximately 20,000", "At least" for "at least 20,000"."""
    words = [t.lower_ for t in lead] + [c.lower_ for t in span for c in t.children if c.dep_ in ("quantmod", "advmod") and c.i < span.start]
    return next((APPROXIMATORS[w] for w in reversed(words) if w in APPROXIMATORS), "")
