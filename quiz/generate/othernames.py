"""Other names an article gives one name, so that a card asking for either accepts the other.

A renaming or an alias in the text: "Harbor Systems, now known as Tidal Systems", "Vega Labs
(formerly Kestrel Optics)", "Orbis, later renamed Corvane", "the Treaty of Lund, also called the
Lund Pact", "Sometimes called the Lund Pact, the Treaty of Lund …", "the Vega Imaging Array (VIX)".
It holds for the whole article,
not only the sentence that says it. An organisation the article names by its first word after its
full name ("Kestrel" for "Kestrel Optical Instruments Corporation") accepts the full name too, and
the world wars go by both their names ("World War I", "the First World War"). A pact named by
common words ("the Peace Pact", "the Peace Agreement") in an article that names a pact or treaty
properly ("the Lund-Varga Pact") is most likely another name of it, and asked alone it has that
name as an equally right answer: no card.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from quiz.generate.nlp import key
from quiz.generate.types import AnswerType, Candidate, Mention

WORD = r"[A-Z][\w&.’'-]*"
NAME = rf"((?:the\s+)?{WORD}(?:\s+(?:of|and|for|the|&|{WORD}))*)"
CALLED = r"(?:known as|called|named|renamed)"
# "X, now known as Y", "X (formerly Y)", "X, later renamed Y", "X, also called Y"
AFTER = re.compile(rf"{NAME}\s*[,(]\s*(?:now|formerly|later|previously|originally|also|sometimes|often)\s+(?:{CALLED}\s+)?{NAME}")
# "X (XY)": a name and the short form it is glossed with, whatever its letters
GLOSSED = re.compile(rf"{NAME}\s+\(([A-Z][A-Za-z]?[A-Z]{{1,5}})\)")
# "Sometimes called Y for the city …, X was …"
BEFORE = re.compile(rf"(?:^|(?<=[.!?]\s))(?:Sometimes|Also|Often|Formerly|Originally) {CALLED} {NAME}(?: for [^,.]*)?, {NAME}")
MINOR = frozenset("the of and for &".split())
LAW_HEADS = frozenset("pact treaty agreement accord accords convention charter protocol".split())
WARS = (("World War I", "First World War"), ("World War II", "Second World War"))


def other_names(text: str, mentions: Iterable[Mention]) -> dict[str, tuple[str, ...]]:
    """Name key -> the other names the article text gives it; `mentions` are the article's."""
    mentions = list(mentions)
    named = {key(form) for m in mentions for form in (m.answer, m.text)}
    found: defaultdict[str, list[str]] = defaultdict(list)
    for pattern in (AFTER, BEFORE, GLOSSED):
        for match in pattern.finditer(text):
            one, other = _bare(_named(_bare(match.group(1)), named)), _bare(_named(_bare(match.group(2)), named))
            if one and other and key(one) != key(other):
                found[key(one)].append(other)
                found[key(other)].append(one)
    for short, full in _short_forms(mentions).items():
        found[short].append(full)
    for one, other in WARS:
        found[key(one)].append(other)
        found[key(other)].append(one)
    return {name: tuple(dict.fromkeys(forms)) for name, forms in found.items()}


def accepted(candidate: Candidate, names: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The other names of the candidate's answer that its own text does not show."""
    mention = candidate.mention
    forms = [*names.get(key(mention.answer), ()), *names.get(key(mention.text), ())]
    shown = key(candidate.text.replace("{{", " ").replace("}}", " "))
    return tuple(form for form in dict.fromkeys(forms) if f" {key(form)} " not in f" {shown} ")


def _bare(name: str) -> str:
    """The name without "the" in front or a joining word left at its end, and without what a
    sentence before it left in the match ("Florida. The Vega Array")."""
    words = re.split(r"[.!?]\s+(?=[A-Z])", name)[-1].split()
    while words and words[0].lower() == "the":
        words = words[1:]
    while words and words[-1].lower() in MINOR:
        words = words[:-1]
    return " ".join(words)


def _named(name: str, named: set[str]) -> str:
    """The longest tail of the name that the article has as a mention ("Gateway Labs" of "Today
    Gateway Labs", a capitalised opening word caught with it), else the name."""
    words = name.split()
    return next((" ".join(words[n:]) for n in range(len(words)) if key(" ".join(words[n:])) in named), name)


def _short_forms(mentions: Iterable[Mention]) -> dict[str, str]:
    """One-word organisation names that open exactly one longer organisation name of the article."""
    names = {m.answer for m in mentions if m.type == AnswerType.ORGANIZATION}
    result = {}
    for short in names:
        if " " in short:
            continue
        longer = [n for n in names if n.split()[0] == short and " " in n]
        if len(longer) == 1:
            result[key(short)] = longer[0]
    return result


def descriptive_law(candidate: Candidate, common: frozenset[str], mentions: Iterable[Mention]) -> bool:
    """The answer is a pact or treaty named only by words the article writes in lower case ("Peace
    Pact"), and the article names a pact or treaty properly (by a word it never writes so)."""
    words = candidate.mention.answer.split()
    heads = {w.lower() for w in words} & LAW_HEADS
    if not heads or not all(w.lower() in common for w in words):
        return False
    proper = (m.answer for m in mentions if m.answer != candidate.mention.answer)
    return any({w.lower() for w in name.split()} & LAW_HEADS and any(w.lower() not in common for w in name.split()) for name in proper)
