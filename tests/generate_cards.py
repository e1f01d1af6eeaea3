"""Helpers for the generator's tests: generated cards as plain records, and a well-formedness
check written from the card text alone (not the generator's own filters).

`made` never turns a GenerateError into an empty result: a test that asserts a bad card is
absent also needs the generator to have produced something (its positive control).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.decks.model import CLOZE_GAP, Entry, cloze_gaps
from quiz.generate import generate
from quiz.normalise import normalise

TRUE_FALSE = "True or false: "
WH = re.compile(r"\b(?:who|whom|whose|what|when|where|which|how)\b", re.IGNORECASE)
DANGLING = frozenset("to of by with the a an and or but that which for from in on at as than".split())


@dataclass(frozen=True)
class Made:
    """One generated card: its text as written (a question, or a cloze with its {{gap}}), answer and kind."""

    text: str
    answer: str
    kind: str
    quote: str
    choices: tuple[str, ...]
    type: str

    @property
    def filled(self) -> str:
        """What the card says with the answer in place."""
        return CLOZE_GAP.sub(lambda m: m.group(1), self.text)


def record(entry: Entry) -> Made:
    answer = cloze_gaps(entry.cloze)[0] if entry.cloze else entry.answer or ""
    return Made(entry.question or entry.cloze or "", answer, entry.tags[0], entry.quote or "", entry.choices, entry.tags[1])


def made(text: str, **options: object) -> list[Made]:
    """The cards generated from one article text (a GenerateError is raised, never swallowed)."""
    deck = generate([("article.txt", text)], **options)  # type: ignore[arg-type]
    return [record(e) for e in deck.entries]


def answers(cards: list[Made]) -> set[str]:
    return {c.answer for c in cards}


def asked(cards: list[Made], answer: str, kind: str | None = None) -> list[Made]:
    """The cards asking for `answer` (of `kind` when given)."""
    return [c for c in cards if c.answer == answer and (kind is None or c.kind == kind)]


def problems(card: Made) -> list[str]:
    """Why a reader would reject the card on sight; empty when it reads as a whole card."""
    found = []
    question = card.kind not in ("cloze", "truefalse")
    shown = card.filled.removeprefix(TRUE_FALSE)
    if question:
        if not shown.endswith("?") or not WH.search(shown):
            found.append("not a wh-question")
        if f" {normalise(card.answer)} " in f" {normalise(shown)} ":
            found.append("answer in the question")
    elif card.kind == "cloze" and len(cloze_gaps(card.text)) != 1:
        found.append("not one gap")
    if not shown[:1].isupper() and not shown[:1].isdigit() and shown[:1] not in "“\"$€£":
        found.append("no capital")
    last = re.findall(r"[\w’']+", shown.rstrip("?.! "))
    if not last or last[-1].lower() in DANGLING:
        found.append("ends mid-phrase")
    if shown.count("(") != shown.count(")") or re.search(r"\b(\w+)\s+\1\b", shown, re.IGNORECASE):
        found.append("unpaired brackets or doubled word")
    if normalise(card.answer) not in normalise(card.quote) and normalise(card.answer.split()[-1]) not in normalise(card.quote):
        found.append("answer not in the quote")
    if normalise(card.answer) in {normalise(c) for c in card.choices}:
        found.append("answer among the wrong options")
    return found


def well_formed(card: Made) -> bool:
    return not problems(card)


def offered(text: str) -> list[Made]:
    """Every candidate card of the text that passes the filters, before ranking and the card budget."""
    from quiz.generate.candidates import candidates
    from quiz.generate.clean import clean_article
    from quiz.generate.extract import sentences
    from quiz.generate.filters import keep
    from quiz.generate.nlp import build_entities, load_model, parse

    article = clean_article("article.txt", text)
    docs = parse(load_model(), [p.text for p in article.paragraphs])
    entities = build_entities([docs])
    return [
        Made(c.text, c.mention.answer if c.kind not in ("cloze", "truefalse") else c.mention.text, c.kind.value, c.sentence.quote, (), c.mention.type.value)
        for sentence in sentences(0, "article", article.paragraphs, docs, entities)
        for c in candidates(sentence, entities)
        if keep(c)
    ]
