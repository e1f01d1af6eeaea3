"""Questions on each of two periods one act is given in parallel phrases: "Ada Byrne sailed to Peru
from 1901 to 1905 and to Chile from 1907 to 1910" -> "When did Ada Byrne sail to Peru?" and "When
did Ada Byrne sail to Chile?".

`candidates` asks no "from" span of a verb that has two ("When did Ada Byrne sail?" has two
answers), and the parser seldom hangs the second phrase where it belongs. The sentence is read
in order instead: subject, past verb, what goes with the first period, "and", what goes with the
second; each period is asked with the words of its own phrase (the first phrase's words before its
period are shared when the second has none: "sang in Vienna from … as a soloist with the Court Opera
and from … as a soloist with the City Choir").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.generate.clauses import SUBJECT_DEPS, inflect, lower_first, render
from quiz.generate.pointers import has_bad_reference
from quiz.generate.types import DATE_TYPES, Mention, QuestionKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_QUESTION_WORDS = 25


def parallel_questions(sent: Span, mention: Mention, found: list[Mention], resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """(kind, question) for the mention as one of the two periods of a parallel sentence."""
    if mention.type not in DATE_TYPES:
        return
    doc = sent.doc
    starts = [t for t in sent if t.lower_ == "from"]
    periods = [next((m for m in found if m.type in DATE_TYPES and m.start == t.i + 1 and " to " in m.text), None) for t in starts]
    if len(starts) != 2 or None in periods:
        return
    first, second = periods  # each is "X to Y", the whole span one mention
    assert first is not None and second is not None
    verb = sent.root
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.tag_ != "VBD" or len(subjects) != 1 or any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return
    subject = tuple(subjects[0].subtree)
    if subject[0].i != sent.start or subject[-1].i + 1 != verb.i or not any(t.tag_ in ("NNP", "NNPS") for t in subject):
        return
    joints = [t for t in doc[first.end : starts[1].i] if t.dep_ == "cc" or t.lower_ == "and"]
    if len(joints) != 1 or joints[0].lower_ != "and":
        return
    end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
    before_first = list(doc[verb.i + 1 : starts[0].i])
    after_first = list(doc[first.end : joints[0].i])
    before_second = list(doc[joints[0].i + 1 : starts[1].i])
    after_second = list(doc[second.end : end])
    if any(t.tag_.startswith(("VB", "MD")) for t in after_first + before_second + after_second):
        return  # a verb of its own in a phrase: not one act in two parallel phrases
    if any(t.tag_.startswith(("VB", "MD")) and not _nonfinite(t) for t in before_first):
        return
    if mention == first:
        words = before_first + after_first
    elif mention == second:
        words = (before_second or before_first) + after_second
    else:
        return
    words = [t for t in words if t.text not in (",", "—", "–")]
    if not words or has_bad_reference(tuple(words) + subject, resolved):
        return
    question = f"When did {lower_first(subject)} {inflect(verb, 'VB')} {render(tuple(words))}?"
    if len(question.split()) <= MAX_QUESTION_WORDS:
        yield QuestionKind.WHEN, question


def _nonfinite(token: Token) -> bool:
    """ "to collect", "collecting": a purpose or manner the act goes with, not an act of its own."""
    return token.tag_ == "VBG" or token.tag_ == "VB" and any(c.tag_ == "TO" for c in token.children)
