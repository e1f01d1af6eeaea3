"""End to end in a pseudo-terminal: undo, leeches, suspend and bury, cram, and the exam date, through
the real questionary prompts of `quiz study`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pexpect
import pytest

from quiz.decks.file import load_path
from quiz.memory.rating import Rating
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store
from quiz.study.session import options_for

from cli_helpers import finish, reviews, run_quiz, spawn_quiz

DECK = """\
title: Controls deck
id: controls
cards:
  - id: capital
    question: What is the capital of Cuba?
    answer: Havana
    tags: [geo]
  - id: year
    question: In what year did the OAS expel Cuba?
    answer: "1962"
  - id: president
    question: Which president suspended the talks in 2003?
    answer: Bush
    choices: [Obama, Clinton, Trump]
  - id: river
    question: What is the longest river of Cuba?
    answer: Cauto
    tags: [geo]
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "controls.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def answer(child: pexpect.spawn, question: str, text: str) -> None:
    child.expect(question)
    child.sendline(text)
    child.expect("Enter keeps it")


def db(home: Path) -> Store:
    return Store.open(home / "quiz.db")


def learnt(home: Path, card: str, lapses: int, due: datetime, stability: float = 5.0, last: datetime | None = None) -> None:
    """The card learnt earlier, with `lapses` lapses, due at `due`."""
    store = db(home)
    last = last or datetime.now(UTC) - timedelta(days=5)
    store.sync_decks([("controls", "Controls deck", None, 4)], last)
    store.record(Answer(None, "controls", card, "x", True, Rating.GOOD, 1000, last, Memory(State.REVIEW, None, stability, 6.0, due, last, lapses)))
    store.close()


def test_undo_at_the_grade_prompt_and_at_the_next_questions(tmp_path: Path, deck: Path) -> None:
    president = {card.id: card for card in load_path(deck).cards()}["president"]
    child = spawn_quiz(tmp_path, "study", str(deck))
    answer(child, "capital of Cuba", "Lima")
    child.send("u")  # at the grade prompt
    child.expect("Undone: the card comes again")
    answer(child, "capital of Cuba", "Havana")
    child.send("\r")
    child.expect("u undoes the last answer")
    child.expect("OAS expel Cuba")
    child.sendline("u")  # at the next question, a text prompt: `u` and Enter
    answer(child, "capital of Cuba", "havana")
    child.send("\r")
    answer(child, "OAS expel Cuba", "1962")
    child.send("\r")
    child.expect("suspended the talks")
    child.send("u")  # at a menu, `u` alone
    answer(child, "OAS expel Cuba", "1962")
    child.send("\r")
    child.expect("suspended the talks")
    options = options_for(president, 2)  # seeded by the answers before it: capital, year
    child.send("\x1b[B" * options.index("Bush") + "\r")
    child.expect("Right: Bush")
    child.send("q")
    child.expect("Session summary")
    output = child.before or ""
    assert finish(child) == 0
    assert "Traceback" not in output
    saved = [(row["card_id"], row["answer"], row["undone_ms"] is not None) for row in reviews(tmp_path)]
    assert saved == [("capital", "Lima", True), ("capital", "Havana", True), ("capital", "havana", False),
                     ("year", "1962", True), ("year", "1962", False), ("president", "Bush", False)]
    store = db(tmp_path)
    assert store.review_totals() == (3, 3)  # undone answers do not count
    store.close()


def test_a_leech_is_suspended_and_the_session_says_so(tmp_path: Path, deck: Path) -> None:
    learnt(tmp_path, "capital", lapses=7, due=datetime.now(UTC) - timedelta(hours=1))
    child = spawn_quiz(tmp_path, "study", str(deck))
    child.expect("capital of Cuba")
    child.sendline("Lima")
    child.expect("Leech: this card has been forgotten 8 times or more, so it is suspended")
    child.expect("quiz unsuspend capital")
    child.expect("Enter keeps it")
    child.send("\r")
    answer(child, "OAS expel Cuba", "1962")
    child.send("q")
    child.expect("Suspended")
    assert finish(child) == 0
    store = db(tmp_path)
    assert store.held(["controls"], datetime.now(UTC)) == {("controls", "capital")}
    assert store.leeches(["controls"], 8) == {("controls", "capital")}
    store.close()
    # `quiz cards --leeches` lists it; suspended, no session asks it, not even a cram of leeches.
    leeches = json.loads(run_quiz(tmp_path, "cards", str(deck), "--leeches", "--json").stdout)
    assert [(card["id"], card["lapses"], card["suspended"]) for card in leeches] == [("capital", 8, True)]
    child = spawn_quiz(tmp_path, "study", str(deck), "--tag", "leech", "--cram")
    child.expect("Nothing to study now")
    assert finish(child) == 0


def test_suspend_and_bury_at_the_grade_prompt(tmp_path: Path, deck: Path) -> None:
    child = spawn_quiz(tmp_path, "study", str(deck))
    answer(child, "capital of Cuba", "Havana")
    child.send("s")
    child.expect("Suspended: `quiz unsuspend` brings it back")
    answer(child, "OAS expel Cuba", "1962")
    child.send("b")
    child.expect("Buried until tomorrow")
    child.expect("suspended the talks")
    child.send("q")
    child.expect("Session summary")
    assert finish(child) == 0
    store = db(tmp_path)
    records = store.records(["controls"])
    store.close()
    assert records[("controls", "capital")].suspended and records[("controls", "year")].buried_until is not None
    # The next session starts with what is left: neither comes back today.
    child = spawn_quiz(tmp_path, "study", str(deck))
    child.expect("suspended the talks|longest river")
    child.sendcontrol("c")
    child.expect("Session summary")
    assert "capital of Cuba" not in (child.before or "") and finish(child) == 0
    # `quiz unsuspend` brings it back: due now, it is asked first.
    assert run_quiz(tmp_path, "unsuspend", "capital", "--deck", str(deck)).returncode == 0
    learnt(tmp_path, "capital", lapses=0, due=datetime.now(UTC) - timedelta(minutes=1))
    child = spawn_quiz(tmp_path, "study", str(deck))
    child.expect("capital of Cuba")
    child.sendcontrol("c")
    assert finish(child) == 0


def test_cram_by_tag_is_practice_that_leaves_the_schedule_alone(tmp_path: Path, deck: Path) -> None:
    due = datetime.now(UTC) + timedelta(days=30)
    learnt(tmp_path, "capital", lapses=0, due=due)
    child = spawn_quiz(tmp_path, "study", str(deck), "--cram", "--tag", "geo")
    child.expect("Cram: practice only")
    answer(child, "longest river", "Nile")  # never studied: recall 0, first
    assert "practice: the schedule stays as it was" in (child.before or "")
    child.send("\r")
    answer(child, "capital of Cuba", "Havana")
    child.send("\r")
    answer(child, "longest river", "Cauto")  # wrong before: back again
    child.send("\r")
    child.expect("Session summary")
    assert finish(child) == 0
    saved = [(row["card_id"], row["practice"]) for row in reviews(tmp_path)]
    assert saved[1:] == [("river", 1), ("capital", 1), ("river", 1)]
    store = db(tmp_path)
    memory = store.memory("controls", "capital")
    assert memory is not None and memory.due == due.replace(microsecond=due.microsecond // 1000 * 1000)
    assert store.studied(["controls"]) == {("controls", "capital")}
    store.close()


def test_an_exam_date_brings_forward_what_would_be_forgotten(tmp_path: Path, deck: Path) -> None:
    now = datetime.now(UTC)
    # Learnt ten days ago, weakly, and scheduled for months ahead: not due, but forgotten by the exam.
    learnt(tmp_path, "river", lapses=0, due=now + timedelta(days=90), stability=3.0, last=now - timedelta(days=10))
    for card in ("capital", "year", "president"):
        learnt(tmp_path, card, lapses=0, due=now + timedelta(days=90), stability=900.0)
    child = spawn_quiz(tmp_path, "study", str(deck))
    child.expect("Nothing to study now")
    assert finish(child) == 0
    exam = (date.today() + timedelta(days=14)).isoformat()
    child = spawn_quiz(tmp_path, "study", str(deck), "--exam-date", exam)
    answer(child, "longest river", "Cauto")
    child.send("\r")
    child.expect("Session summary")
    assert finish(child) == 0
    # With the date in the deck, stats shows what is predicted to be recalled on the day.
    deck.write_text(DECK.replace("id: controls\n", f"id: controls\nexam: {exam}\n"), encoding="utf-8")
    shown = run_quiz(tmp_path, "stats", str(deck))
    assert f"Exam {exam} (in 14 days) · Controls deck" in shown.stdout
    assert "of 4 cards predicted recalled" in shown.stdout
