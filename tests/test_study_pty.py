"""End to end: the installed `quiz study` in a pseudo-terminal, through real questionary prompts."""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from quiz.decks.file import load_path
from quiz.study.session import options_for

from cli_helpers import QUIZ, quiz_env, reviews

DECK = """\
title: PTY deck
id: pty
cards:
  - id: capital
    question: What is the capital of Cuba?
    answer: Havana
    quote: Havana is the capital of Cuba.
  - id: president
    question: Which president suspended the talks in 2003?
    answer: Bush
    choices: [Obama, Clinton, Trump]
  - id: oas
    question: "True or false: Cuba was readmitted to the OAS in 1962."
    answer: false
  - cloze: The OAS expelled Cuba in {{1962}}.
    id: expelled
"""
DOWN = "\x1b[B"


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "pty.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def spawn(home: Path, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(QUIZ[0], [*QUIZ[1:], "study", *args], env=quiz_env(home), cwd=str(home), encoding="utf-8",
                          timeout=20, dimensions=(40, 120))
    return child


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def answer_first_card(child: pexpect.spawn) -> None:
    """Answer the first card right, keep its grade, and wait for the second card."""
    child.expect("capital of Cuba")
    child.sendline("Havana")
    child.expect("Enter keeps it")
    child.send("\r")
    child.expect("suspended the talks")


def pick(child: pexpect.spawn, options: tuple[str, ...], wanted: str) -> None:
    child.send(DOWN * options.index(wanted) + "\r")


def test_type_pick_override_and_quit(tmp_path: Path, deck: Path) -> None:
    cards = {card.id: card for card in load_path(deck).cards()}
    child = spawn(tmp_path, str(deck))
    child.expect("card 1 of 4")
    child.expect("capital of Cuba")
    child.sendline("havana")
    child.expect("Right: Havana")
    child.expect("Havana is the capital of Cuba.")
    child.expect("Enter keeps it")
    child.send("1")  # override to Again with one key
    child.expect("Grade changed to Again")

    child.expect("card 2 of")
    child.expect("suspended the talks")
    pick(child, options_for(cards["president"], 1), "Bush")
    child.expect("Right: Bush")
    child.expect("Enter keeps it")
    child.send("\r")

    child.expect("card 3 of")
    child.expect("True or false")
    pick(child, ("True", "False"), "False")
    child.expect("Right: False")
    child.expect("Enter keeps it")
    child.send("q")
    child.expect("Session summary")
    assert finish(child) == 0

    saved = reviews(tmp_path)
    assert [row["card_id"] for row in saved] == ["capital", "president", "oas"]
    assert saved[0]["rating"] == 1 and saved[0]["auto_rating"] != 1
    assert saved[1]["answer"] == "Bush" and saved[1]["rating"] == saved[1]["auto_rating"]
    assert all(row["correct"] == 1 for row in saved)


def test_q_at_a_text_prompt_quits_without_saving_that_card(tmp_path: Path, deck: Path) -> None:
    child = spawn(tmp_path, str(deck))
    child.expect("capital of Cuba")
    child.sendline("q")
    child.expect("Session summary")
    assert finish(child) == 0
    assert reviews(tmp_path) == []


@pytest.mark.parametrize("key", ["c", "d"])
def test_ctrl_c_and_ctrl_d_quit_cleanly(tmp_path: Path, deck: Path, key: str) -> None:
    child = spawn(tmp_path, str(deck))
    answer_first_card(child)
    child.sendcontrol(key)
    child.expect("Session summary")
    output = child.before or ""
    assert finish(child) == 0
    assert "Traceback" not in output
    assert len(reviews(tmp_path)) == 1


@pytest.mark.parametrize("menu", [True, False])
def test_an_interrupt_signal_at_a_prompt_quits(tmp_path: Path, deck: Path, menu: bool) -> None:
    # Ctrl-C typed in the instant before a prompt takes the terminal arrives as SIGINT, not as a
    # key; sent with kill it arrives so whenever the prompt is up. A menu used to ignore it.
    child = spawn(tmp_path, str(deck))
    if menu:
        answer_first_card(child)
    else:
        child.expect("capital of Cuba")
    child.expect(r"\x1b\[\?7h")  # prompt_toolkit has drawn the prompt and is reading keys
    child.kill(signal.SIGINT)
    child.expect("Session summary")
    output = child.before or ""
    assert finish(child) == 0
    assert "Traceback" not in output
    assert len(reviews(tmp_path)) == (1 if menu else 0)


def test_cloze_prompt_shows_a_blank(tmp_path: Path, deck: Path) -> None:
    child = spawn(tmp_path, str(deck), "--limit", "4")
    for prompt, keys in (("capital of Cuba", "Havana\r"), ("suspended the talks", "\r"), ("True or false", "\r")):
        child.expect(prompt)
        child.send(keys)
        child.expect("Enter keeps it")
        child.send("\r")
    child.expect("Fill the blank: The OAS expelled Cuba in _____.")
    child.sendline("1962")
    child.expect("Right: 1962")
    child.send("\r")
    child.expect("Session summary")
    assert finish(child) == 0
    assert len(reviews(tmp_path)) == 4


def test_killing_the_process_keeps_every_answer(tmp_path: Path, deck: Path) -> None:
    child = spawn(tmp_path, str(deck))
    answer_first_card(child)
    child.send("\r")  # picks the first option, right or wrong
    child.expect("Enter keeps it")
    # Killed while the grade prompt is up: the answer was saved before it was shown.
    child.kill(signal.SIGKILL)
    child.close(force=True)
    saved = reviews(tmp_path)
    assert [row["card_id"] for row in saved] == ["capital", "president"]
