"""Our planet and its star are no answers (quiz/generate/trivial.py): "on {{Earth}}" and
"orbiting the {{Sun}}" are what anyone would guess. Sentences written for these tests."""

from __future__ import annotations

from quiz.generate.nlp import load_model
from quiz.generate.trivial import reason
from quiz.generate.types import AnswerType, Candidate, Mention, QuestionKind, Sentence


def card(sentence: str, answer: str) -> Candidate:
    doc = load_model()(sentence)
    start = next(t.i for t in doc if t.text == answer)
    mention = Mention(start, start + 1, answer, AnswerType.PLACE, answer, ())
    return Candidate(QuestionKind.CLOZE, sentence.replace(answer, "{{" + answer + "}}"), mention, Sentence(0, "article", 0, sentence, doc[:]))


def test_the_planet_or_its_star_is_no_answer() -> None:
    assert reason(card("The probe spent six years orbiting the Sun before it came back in 2015.", "Sun"))
    assert reason(card("The probe returned to Earth in 2015 after six years in orbit.", "Earth"))
    assert not reason(card("The probe returned to Lyon in 2015 after six years in orbit.", "Lyon"))  # positive control
