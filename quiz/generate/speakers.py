"""Cards from a quotation and its attribution: the gaps of the attribution, shown with the
quotation word for word ("“The river has never been this low,” said hydrologist {{Ana Ruiz}}."),
and who said it ("Which hydrologist said, “…”?"); a number counting who spoke ("two sources
said") is no fact of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.clauses import SPEECH_VERBS, lemma, render
from quiz.generate.clozetext import gapped
from quiz.generate.subjects import role_phrase
from quiz.generate.types import Candidate, Mention, QuestionKind, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span


def speaker_candidates(sentence: Sentence, found: list[Mention]) -> Iterator[Candidate]:
    """Gaps in a quotation's attribution, the quotation shown word for word as what was said (its
    opening mark restored when the sentence starts inside a quotation begun in the sentence before)."""
    tokens = list(sentence.span)
    for mention in found:
        text = reopened(gapped(tokens, mention, {}, verbatim=True))
        yield Candidate(QuestionKind.CLOZE, text, mention, sentence)
        yield Candidate(QuestionKind.TRUEFALSE, text, mention, sentence)
        if (asked := said_question(sentence, mention)) is not None:
            yield Candidate(QuestionKind.WHO, asked, mention, sentence, subject=True)


def said_question(sentence: Sentence, mention: Mention) -> str | None:
    """ "“The river has never been this low,” said hydrologist Ana Ruiz." -> "Which hydrologist said,
    “The river has never been this low”?": who said a quotation the sentence gives whole, opening mark and all (one begun
    in the sentence before would be quoted in part), with nothing else said around it."""
    assert sentence.speaker is not None
    span = sentence.span
    start, end = sentence.speaker
    if mention.type != "person" or not (start <= mention.start and mention.end <= end):
        return None
    head = span.doc[start:end].root
    verb = head.head if head.dep_ == "nsubj" else None
    opening = span[0] if span[0].text in ("“", '"') else None
    if verb is None or opening is None:
        return None
    closing = next((t for t in span[1:] if t.text in ("”", '"')), None)
    if closing is None or closing.i > min(verb.i, start):
        return None
    after = [t for t in span if t.i > closing.i and not t.is_punct and t.i != verb.i and not start <= t.i < end]
    words = list(span.doc[opening.i + 1 : closing.i])
    while words and words[-1].text in (",", "—", "–", "-"):
        words.pop()
    if after or not words or words[-1].text in ("?", "!"):
        return None  # more said after the attribution; a quoted question would end "…?”?"
    speaker = tuple(span.doc[start:end])
    wh = role_phrase(speaker, mention) or "Who"
    return f"{wh} {verb.text}, “{render(words)}”?"


def reopened(text: str) -> str:
    """The text with the opening quotation mark it lacks: '… a buffer,” said …' -> '“… a buffer,” said …'."""
    curly = text.find("”")
    if curly != -1 and "“" not in text[:curly]:
        return "“" + text
    return '"' + text if text.count('"') % 2 and not text.startswith('"') else text


def counts_speakers(sent: Span, mention: Mention) -> bool:
    """A number counting who said something: "two sources said"."""
    if mention.type != "number":
        return False
    token = sent.doc[mention.start]
    noun = token.head
    return token.dep_ == "nummod" and noun.dep_ == "nsubj" and lemma(noun.head) in SPEECH_VERBS
