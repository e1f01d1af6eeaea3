"""Relative time ("six hours later", "last year", "the next day"): expressions whose reference
point lies in another sentence, found so questions and clozes can leave them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.words import RELATIVE_ADVERBS, RELATIVE_DETERMINERS, RELATIVE_MODIFIERS, TIME_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token



def relative_time(span: Span) -> tuple[tuple[int, str], ...]:
    """Time expressions whose reference point is in another sentence ("six hours later", "later
    that year", "the next day", "then", "this year's race"), as token -> replacement pairs: ""
    drops a token, and a possessive loses its time word ("this year's race" -> "the race")."""
    drop: dict[int, str] = {}
    for token in span:
        if token.i in drop:
            continue
        if token.lower_ in RELATIVE_ADVERBS and token.dep_ == "advmod" and token.head.tag_.startswith(("VB", "MD")):
            for part in token.subtree:
                drop[part.i] = ""
        elif token.lower_ in TIME_NOUNS and _relative_noun(token):
            if token.dep_ == "poss":
                for part in token.subtree:
                    drop[part.i] = ""
                drop[token.left_edge.i] = "the"
                if token.i + 1 < len(token.doc) and token.doc[token.i + 1].tag_ == "POS":
                    drop[token.i + 1] = ""
            elif token.dep_ in ("npadvmod", "tmod"):
                # Not a noun the parser hung on the time word: "The following year (Byrne's book), …"
                # is the subject, misparsed.
                kept = {t.i for c in token.children if c.dep_ == "appos" for t in c.subtree}
                for part in token.subtree:
                    if part.i not in kept:
                        drop[part.i] = ""
            elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.tag_.startswith(("VB", "NN")):
                for part in token.head.subtree:
                    drop[part.i] = ""
    # A comma left right after a dropped opening phrase goes with it ("Later that year, …").
    for index in list(drop):
        following = index + 1
        if following < span.end and span.doc[following].text == "," and drop[index] == "" and (index == span.start or all(i in drop for i in range(span.start, index))):
            drop[following] = ""
    return tuple(sorted(drop.items()))


def _relative_noun(token: Token) -> bool:
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ in RELATIVE_DETERMINERS for c in children) or any(
        c.lower_ in RELATIVE_MODIFIERS and c.dep_ in ("amod", "advmod") or c.lower_ in ("next", "following", "previous") and c.dep_ == "amod"
        for c in children
    ) or any(c.dep_ == "amod" and c.lower_ in ("last", "next") for c in children)
