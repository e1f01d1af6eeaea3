"""What the prompts print: feedback lines, durations and picking menu options by number."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.decks.model import Entry
from quiz.humantime import duration
from quiz.memory.rating import Rating
from quiz.study.answers import check
from quiz.study.prompts import Paint, feedback_lines, pick_option
from quiz.study.session import Question, Result

from conftest import make_deck


def result_for(entry: Entry, given: str) -> Result:
    card = make_deck(entry).cards()[0]
    question = Question(card, "deck", None, (), 1, 1, 0, 1)
    verdict = check(given, card.answer, card.accept)
    return Result(question, given, verdict, Rating.GOOD, 5.0, {r: timedelta(days=1) for r in Rating})


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("The talks were suspended by President Bush in 2003.", "“The talks were suspended by President Bush in 2003.”"),
        ("“We will talk,” the official said.", "“We will talk,” the official said."),
    ],
)
def test_feedback_quotes_a_sentence_once(quote: str, shown: str) -> None:
    lines = feedback_lines(result_for(Entry(id="x", question="Who?", answer="Bush", quote=quote), "Bush"), Paint(False))
    assert lines[0] == "✓ Right: Bush"
    assert lines[1].strip() == shown


def test_feedback_for_a_wrong_answer_and_a_typo() -> None:
    entry = Entry(id="x", question="Where?", answer="Havana", note="The capital.")
    wrong = feedback_lines(result_for(entry, "Madrid"), Paint(False))
    assert wrong == ["✗ The answer is: Havana (you said: Madrid)", "  Note: The capital."]
    assert feedback_lines(result_for(entry, "Havanna"), Paint(False))[0] == "✓ Right, with a typo: Havana"


def test_true_false_answers_are_capitalised() -> None:
    entry = Entry(id="x", question="True or false: Cuba was readmitted in 1962.", answer="false")
    assert feedback_lines(result_for(entry, "f"), Paint(False))[0] == "✓ Right: False"


@pytest.mark.parametrize(
    ("delta", "text"),
    [(timedelta(seconds=40), "40s"), (timedelta(minutes=10), "10m"), (timedelta(hours=5), "5h"),
     (timedelta(days=8), "8d"), (timedelta(days=95), "3.2mo"), (timedelta(days=800), "2.2y")],
)
def test_duration(delta: timedelta, text: str) -> None:
    assert duration(delta) == text


def test_pick_option_by_number_or_text() -> None:
    options = ("Havana", "Madrid")
    assert pick_option("2", options) == "Madrid"
    assert pick_option(" 1 ", options) == "Havana"
    assert pick_option("3", options) == "3"
    assert pick_option("madrid", options) == "madrid"
