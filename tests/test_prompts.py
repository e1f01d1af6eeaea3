"""What the prompts print: feedback lines, durations and picking menu options by number."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest

from quiz.decks.model import Entry, Source
from quiz.humantime import duration
from quiz.memory.rating import Rating
from quiz.study.answers import check
from quiz.study.prompts import Paint, PlainPrompter, feedback_lines, pick_option
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


def asked(deck_title: str, source: Source | None) -> list[str]:
    """The lines the plain prompter prints for one question, before the answer is typed."""
    card = make_deck(Entry(id="x", question="Who signed it?", answer="Kim", source="a")).cards()[0]
    out = StringIO()
    PlainPrompter(StringIO("Kim\n"), out).ask(Question(card, deck_title, source, (), 1, 1, 0, 1))
    return out.getvalue().splitlines()


def test_a_card_names_its_article_when_the_deck_title_does_not() -> None:
    lines = asked("Many articles", Source(title="The Treaty of Somewhere, signed"))
    assert lines[0].startswith("Many articles · card 1 of 1")
    assert lines[1:3] == ["from “The Treaty of Somewhere, signed”", "Who signed it?"]


@pytest.mark.parametrize("source", [None, Source(title=None), Source(title="  many ARTICLES ")])
def test_no_article_line_when_it_would_repeat_the_header_or_say_nothing(source: Source | None) -> None:
    assert asked("Many articles", source)[1] == "Who signed it?"


def test_meanwhile_runs_once_with_the_first_question_on_screen_before_its_answer_is_read() -> None:
    card = make_deck(Entry(id="x", question="Who signed it?", answer="Kim")).cards()[0]
    out, typed = StringIO(), StringIO("Kim\nLee\n")
    seen: list[tuple[str, int]] = []
    prompter = PlainPrompter(typed, out, meanwhile=lambda: seen.append((out.getvalue(), typed.tell())))
    answers = [prompter.ask(Question(card, "deck", None, (), n, 2, 0, 2)) for n in (1, 2)]
    assert answers == ["Kim", "Lee"]
    assert len(seen) == 1
    shown, read = seen[0]
    assert shown.endswith("Who signed it?\n> ") and read == 0
