"""Acronyms a card would show bare although the article spells them out: after "the Board of
Tide Records (BTR)", a later "the BTR in Ruritania confirmed …" reads "the Board of Tide Records in
Ruritania confirmed …", since a card is read without the paragraph that glossed it. Only a gloss
whose words give the acronym's letters counts, so an acronym the article never writes out stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from quiz.generate.references import Replacements

ACRONYM = re.compile(r"^[A-Z]{2,6}$")
MINOR = frozenset("of and the for on in to".split())  # may give their letter ("MOH") or not ("IPC")
MAX_WORDS = 8  # a longer gloss would make the card a paragraph
# Acronyms every reader knows better than their spelling: written out they only lengthen the card.
KNOWN = frozenset("NASA NATO UN EU US USA UK FBI CIA WHO UNESCO UNICEF".split())


def glosses(docs: list[Doc]) -> dict[str, str]:
    """Acronym -> the words before its bracket that spell it ("Harbor Trust (HT)"), with "the"
    in front when the article wrote it so; the first gloss of each acronym wins."""
    found: dict[str, str] = {}
    for doc in docs:
        for token in doc[1:-2]:
            acronym = doc[token.i + 1].text
            if token.text != "(" or doc[token.i + 2].text != ")" or not ACRONYM.match(acronym) or acronym in found or acronym in KNOWN:
                continue
            start = _spelling_start(doc[max(0, token.i - MAX_WORDS) : token.i], acronym)
            if start is None:
                continue
            words = doc[start : token.i].text
            # "the Office of …", and "the Governor's Office of …": a name written with "the" or an owner
            found[acronym] = ("the " + words) if start > 0 and (doc[start - 1].lower_ == "the" or doc[start - 1].tag_ == "POS") else words
    return found


def _spelling_start(words: Span, acronym: str) -> int | None:
    """Index of the first word of the shortest run ending before the bracket whose initials spell
    the acronym: a capitalised word gives its capitals ("U.S." gives "US"), any other its first
    letter, a minor word its letter or none."""

    def match(position: int, letters: str) -> int | None:
        if not letters:
            return words[position + 1].i if position + 1 < len(words) and words[position + 1].lower_ not in MINOR else None
        if position < 0:
            return None
        word = words[position]
        if word.is_punct and word.text != "&":
            return None
        given = "".join(c for c in word.text if c.isupper()) if word.text[:1].isupper() else word.text[:1].upper()
        if word.lower_ in MINOR and (found := match(position - 1, letters)) is not None:
            return found
        return match(position - 1, letters[: -len(given)]) if given and letters.endswith(given) else None

    return match(len(words) - 1, acronym)


def spell_out(span: Span, written: dict[str, str], done: Replacements) -> Replacements:
    """Each glossed acronym of the sentence shown as its spelt-out words, unless the sentence glosses
    or spells it itself, the acronym only starts a longer name ("the ABC Jobs App"), or another
    resolver already shows it otherwise (`done`; a name shown as written may still be spelt out)."""
    shown = dict(done)
    result: list[tuple[int, str]] = []
    for token in span:
        words = written.get(token.text)
        if words is None or shown.get(token.i, token.text) != token.text or _named(token) or _spelt_here(token, span, words):
            continue
        bare = words.removeprefix("the ")
        if words != bare and (_determined(token) or token.dep_ == "compound"):
            words = bare  # "The ABC has …", "a $5 million ABC grant"
        if token.i == span.start:
            words = words[:1].upper() + words[1:]
        result.append((token.i, words))
    return tuple(result)


def _named(token: Token) -> bool:
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and (following.text in ("-", "–") or following.tag_ == "NNP" and token.head.i == following.head.i)


def _determined(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return any(c.dep_ == "det" for c in token.children) or before is not None and before.lower_ in ("the", "a", "an")


def _spelt_here(token: Token, span: Span, words: str) -> bool:
    text = span.text
    return words.removeprefix("the ").lower() in text.lower() or f"({token.text})" in text
