"""`quiz add`: cards asked for one by one, checked with quiz check's rules, appended in place."""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect

from quiz.decks.file import check_path, load_path
from quiz.decks.model import Entry, entry_id

from cli_helpers import run_quiz, spawn_quiz

DECK = """\
# My deck: comments stay.
title: Mine
id: mine
sources:
  atlas: {title: The atlas}
cards:
  - id: first
    question: Capital of France?   # a comment
    answer: Paris
"""
DOWN = "\x1b[B"


def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_plain_add_writes_each_kind(tmp_path: Path) -> None:
    deck = deck_file(tmp_path)
    lines = [
        "Capital of Spain?", "1", "Madrid", "Madrid, Spain; madrid city", "2", "Spain is in Europe.", "geo; europe",
        "Which river flows through Basel?", "multiple choice", "Rhine", "", "Danube; Rhone", "1", "",
        "Is water wet?", "3", "1", "1", "",
        "The OAS expelled Cuba in {{1962}}.", "", "", "", "",
        "{{Paris}} is the capital of {{France}}.", "1", "",
        "",
    ]
    ran = run_quiz(tmp_path, "add", str(deck), input="\n".join(lines) + "\n")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.count("Added card") == 5 and f"{deck}: 5 card(s) added." in ran.stdout
    text = deck.read_text(encoding="utf-8")
    assert text.startswith(DECK)  # the deck as it was, comments and all, then the new cards
    entries = load_path(deck).entries
    assert entries[1] == Entry(
        id=entry_id("mine", Entry(question="Capital of Spain?")), question="Capital of Spain?", answer="Madrid",
        accept=("Madrid, Spain", "madrid city"), source="atlas", quote="Spain is in Europe.", tags=("geo", "europe"),
    )
    assert (entries[2].answer, entries[2].choices, entries[2].tags) == ("Rhine", ("Danube", "Rhone"), ())
    assert (entries[3].question, entries[3].answer, entries[3].source) == ("Is water wet?", "true", None)
    assert (entries[4].cloze, entries[4].accept, entries[4].choices) == ("The OAS expelled Cuba in {{1962}}.", (), ())
    assert entries[5].cloze == "{{Paris}} is the capital of {{France}}." and entries[5].source is None
    assert not check_path(deck, verify_sources=True).problems  # every card has an id


def test_a_card_check_refuses_is_not_written(tmp_path: Path) -> None:
    deck = deck_file(tmp_path)
    lines = ["Capital of Spain?", "1", "Madrid", "", "1", "",
             "capital of spain", "1", "Madrid", "", "1", "",  # the same text key, so the same id
             "Which?", "2", "A", "", "a; B", "1", "",  # choices holding the answer
             "No answer?", "1", "", "", "1", "",
             ""]
    ran = run_quiz(tmp_path, "add", str(deck), input="\n".join(lines) + "\n")
    assert ran.returncode == 0
    card_id = entry_id("mine", Entry(question="Capital of Spain?"))
    assert f"duplicate card id '{card_id}' as the card at line 10" in ran.stderr
    assert "choices contain the answer 'a'; list only wrong options" in ran.stderr
    assert "empty answer" in ran.stderr
    assert ran.stderr.count("Not added") == 3 and ran.stdout.count("Added card") == 1
    assert [e.question for e in load_path(deck).entries] == ["Capital of France?", "Capital of Spain?"]


def test_add_refuses_a_deck_with_errors(tmp_path: Path) -> None:
    deck = tmp_path / "bad.yaml"
    deck.write_text("title: T\ncards:\n  - question: Q\n", encoding="utf-8")
    ran = run_quiz(tmp_path, "add", str(deck), input="Q2\n1\nA\n\n\n\n")
    assert ran.returncode == 1
    assert f"{deck}:3:5: the card has no 'answer'" in ran.stderr and "fix them first" in ran.stderr
    assert deck.read_text(encoding="utf-8") == "title: T\ncards:\n  - question: Q\n"


def test_end_of_input_keeps_what_was_added(tmp_path: Path) -> None:
    deck = deck_file(tmp_path)
    ran = run_quiz(tmp_path, "add", str(deck), input="Q one?\n1\nA\n\n1\n\nQ two?\n1\n")
    assert ran.returncode == 0 and f"{deck}: 1 card(s) added." in ran.stdout
    assert [e.question for e in load_path(deck).entries] == ["Capital of France?", "Q one?"]


def test_interactive_add_in_a_terminal(tmp_path: Path) -> None:
    deck = deck_file(tmp_path)
    child = spawn_quiz(tmp_path, "add", str(deck))
    child.expect("sentence with")
    child.sendline("Which river flows through Basel?")
    child.expect("Kind of card")
    child.send(DOWN + "\r")  # multiple choice
    child.expect("Answer")
    child.sendline("Rhine")
    child.expect("Other accepted answers")
    child.sendline("Rhein")
    child.expect("Wrong options")
    child.sendline("Danube; Rhone")
    child.expect("Source")
    child.send(DOWN + "\r")  # atlas
    child.expect("sentence of the source")
    child.sendline("The Rhine flows through Basel.")
    child.expect("Tags")
    child.sendline("rivers")
    child.expect("Added card")
    child.expect("sentence with")
    child.sendline("The {{Danube}} flows through Vienna.")
    child.expect("Other accepted answers for the gap")
    child.send("\x03")  # Ctrl-C: stop, keeping the card added
    child.expect("1 card\\(s\\) added")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    added = load_path(deck).entries[-1]
    assert (added.question, added.answer, added.accept, added.choices) == ("Which river flows through Basel?", "Rhine", ("Rhein",), ("Danube", "Rhone"))
    assert (added.source, added.quote, added.tags) == ("atlas", "The Rhine flows through Basel.", ("rivers",))
    assert len(load_path(deck).entries) == 2


def test_an_interrupt_signal_at_a_menu_stops_adding(tmp_path: Path) -> None:
    # Ctrl-C typed just before a menu takes the terminal arrives as SIGINT, not as a key.
    deck = deck_file(tmp_path)
    child = spawn_quiz(tmp_path, "add", str(deck))
    child.expect("sentence with")
    child.sendline("Which river flows through Basel?")
    child.expect("Kind of card")
    child.expect(r"\x1b\[\?7h")  # the menu is drawn and reading keys
    child.kill(signal.SIGINT)
    child.expect("0 card\\(s\\) added")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert deck.read_text(encoding="utf-8") == DECK
