"""A named person's intention asked on its own: "… ended with Ada Byrne's plans to open a mill in the
valley" gives "Who planned to open a mill in the valley?", which needs neither what ended nor the
sentence before (the subject may be a shell noun, shells.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.pointers import has_bad_reference
from quiz.generate.shells import leans_on_shell
from quiz.generate.types import AnswerType, Mention, QuestionKind

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span

# An owner's intention and the verb saying it ("Byrne's plans to …" -> "Byrne planned to …").
INTENTIONS = {
    "plan": ("planned", "plans"), "plans": ("planned", "plans"), "decision": ("decided", "decides"), "attempt": ("attempted", "attempts"),
    "proposal": ("proposed", "proposes"), "intention": ("intended", "intends"), "refusal": ("refused", "refuses"),
    "promise": ("promised", "promises"), "bid": ("sought", "seeks"), "effort": ("tried", "tries"), "efforts": ("tried", "tries"),
}
MAX_QUESTION_WORDS = 20


def intention_questions(sent: Span, mention: Mention, resolved: dict[int, str]) -> Iterator[tuple[QuestionKind, str]]:
    """ "Who planned to VP?" for a person whose plan, decision or attempt to VP the sentence names."""
    if mention.type != AnswerType.PERSON:
        return
    last = sent.doc[mention.end - 1]
    if last.tag_ == "POS" and mention.end - 1 > mention.start:
        last = sent.doc[mention.end - 2]  # the name's entity may hold its "'s"
    doc = sent.doc
    if last.i + 4 >= sent.end or doc[last.i + 1].tag_ != "POS" or mention.start != min(t.i for t in last.subtree if t.i <= last.i):
        return
    # Read by position, not by the parse, which may take "plans" for a verb: "X's plans to VP".
    noun, to, verb = doc[last.i + 2], doc[last.i + 3], doc[last.i + 4]
    if noun.lower_ not in INTENTIONS or to.lower_ != "to" or verb.tag_ != "VB":
        return
    words = [t for t in verb.subtree if t.i >= verb.i]
    if not words or words[-1].i + 1 - words[0].i != len(words) or has_bad_reference(words, resolved) or leans_on_shell(words, resolved):
        return
    past, present = INTENTIONS[noun.lower_]
    said = past if sent.root.tag_ in ("VBD", "VBN") else present
    phrase = "".join(t.text_with_ws for t in words).strip().rstrip(",;:")
    if len(phrase.split()) + 3 > MAX_QUESTION_WORDS:
        return
    yield QuestionKind.WHO, f"Who {said} to {phrase}?"
