"""`quiz exam` end to end in a pseudo-terminal: no feedback while sitting it, Ctrl-C asks whether
to hand in (or go back, or leave), and the score with a review of the wrong answers at the end."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from quiz.decks.file import load_path
from quiz.study.exam import draw
from quiz.study.session import options_for

from cli_helpers import finish, reviews, run_quiz, spawn_quiz

DECK = """\
title: Exam deck
id: examdeck
cards:
  - id: capital
    question: What is the capital of Cuba?
    answer: Havana
    quote: Havana is the capital of Cuba.
  - id: year
    question: In what year did the OAS expel Cuba?
    answer: "1962"
  - id: president
    question: Which president suspended the talks in 2003?
    answer: Bush
    choices: [Obama, Clinton, Trump]
"""
SEED = 4


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "examdeck.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def answer(child: pexpect.spawn, card_id: str, right: bool, deck: Path) -> None:
    """Answer the question about `card_id`, right or wrong, by typing or from the menu."""
    card = {card.id: card for card in load_path(deck).cards()}[card_id]
    child.expect(card.prompt.split("?")[0])
    options = options_for(card, SEED)
    if options:
        wanted = card.answer if right else next(option for option in options if option != card.answer)
        child.send("\x1b[B" * options.index(wanted) + "\r")
    else:
        child.sendline(card.answer if right else "no idea")


def test_ctrl_c_asks_to_hand_in_and_the_score_reviews_the_wrong_answers(tmp_path: Path, deck: Path) -> None:
    order = [card.id for card in draw(load_path(deck).cards(), lambda card: 0.0, 3, SEED)]
    child = spawn_quiz(tmp_path, "exam", str(deck), "--seed", str(SEED))
    child.expect("Exam: 3 question")
    child.expect("question 1 of 3")
    answer(child, order[0], right=False, deck=deck)
    child.expect("question 2 of 3")
    shown = child.before or ""
    assert "The answer is" not in shown and "Right" not in shown and "Enter keeps it" not in shown  # no feedback
    child.sendcontrol("c")
    child.expect("Hand in your 1 of 3 answers\\? y hands in · n goes back to the exam · q leaves without a score")
    child.send("n")  # back to the same question
    child.expect("question 2 of 3")
    answer(child, order[1], right=True, deck=deck)
    child.expect("question 3 of 3")
    child.sendcontrol("c")
    child.expect("Hand in your 2 of 3 answers")
    child.send("y")
    child.expect("Score: 1 of 3 right \\(33%\\)")
    child.expect("1 question\\(s\\) left unanswered count as wrong")
    child.expect("Wrong answers")
    child.expect("The answer is")
    child.expect("Not answered")
    assert finish(child) == 0
    saved = [(row["card_id"], row["correct"], row["rating"]) for row in reviews(tmp_path)]
    assert saved == [(order[0], 0, 1), (order[1], 1, 3)]
    scores = run_quiz(tmp_path, "scores", "--json").stdout
    assert '"right": 1' in scores and '"questions": 3' in scores and '"answered": 2' in scores


def test_leaving_without_a_score_keeps_the_answers(tmp_path: Path, deck: Path) -> None:
    order = [card.id for card in draw(load_path(deck).cards(), lambda card: 0.0, 3, SEED)]
    child = spawn_quiz(tmp_path, "exam", str(deck), "--seed", str(SEED), "--practice")
    answer(child, order[0], right=True, deck=deck)
    child.expect("question 2 of 3")
    child.sendcontrol("c")
    child.expect("Hand in your 1 of 3")
    child.send("q")
    child.expect("Left without a score; the 1 answer\\(s\\) given are kept")
    assert finish(child) == 0
    assert [(row["card_id"], row["practice"]) for row in reviews(tmp_path)] == [(order[0], 1)]
    assert run_quiz(tmp_path, "scores").stdout.startswith("No exams yet")
