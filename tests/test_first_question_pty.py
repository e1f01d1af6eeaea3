"""End to end: the first question is drawn before questionary has loaded, and what is typed
meanwhile reaches the prompt that takes over (quiz/study/early.py).

questionary's import is slowed to two seconds by a sitecustomize on the path, so every key here
is sent while the early drawing is on screen: `\\x1b[6n`, the cursor position request
prompt_toolkit sends when it starts, has not been written yet.
"""

from __future__ import annotations

import os
from pathlib import Path

import pexpect
import pytest

from quiz.decks.file import load_path
from quiz.study.session import options_for

from cli_helpers import QUIZ, finish, quiz_env, reviews

SLOW_IMPORT = """\
import sys
import time


class SlowQuestionary:
    def find_spec(self, name, path=None, target=None):
        if name == "questionary":
            time.sleep(2)
        return None


sys.meta_path.insert(0, SlowQuestionary())
"""
CPR = "\x1b[6n"
DOWN = "\x1b[B"


def spawn(home: Path, deck: str) -> pexpect.spawn:
    site = home / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SLOW_IMPORT, encoding="utf-8")
    env = quiz_env(home)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env["PYTHONPATH"]])
    return pexpect.spawn(QUIZ[0], [*QUIZ[1:], "study", deck], env=env, cwd=str(home), encoding="utf-8", timeout=20,
                         dimensions=(40, 120))


def write(home: Path, text: str) -> Path:
    path = home / "early.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def expect_early(child: pexpect.spawn, text: str) -> None:
    """Wait for `text` and check that questionary had not started drawing it."""
    child.expect_exact(text)
    assert CPR not in (child.before or "")


def test_an_answer_typed_before_questionary_loads_is_kept(tmp_path: Path) -> None:
    deck = write(tmp_path, "title: Early\ncards:\n  - id: capital\n    question: What is the capital of Cuba?\n    answer: Havana\n")
    child = spawn(tmp_path, str(deck))
    expect_early(child, "? What is the capital of Cuba?")
    child.send("Havana\r")
    child.expect("Right: Havana")
    child.expect("Enter keeps it")
    child.send("\r")
    child.expect("Session summary")
    assert finish(child) == 0
    [review] = reviews(tmp_path)
    assert review["card_id"] == "capital" and review["rating"] >= 2


def test_a_choice_picked_before_questionary_loads_is_kept(tmp_path: Path) -> None:
    deck = write(tmp_path, "title: Early\ncards:\n  - id: president\n    question: Which president suspended the talks?\n"
                           "    answer: Bush\n    choices: [Obama, Clinton, Trump]\n")
    options = options_for(load_path(deck).cards()[0], 0)
    child = spawn(tmp_path, str(deck))
    expect_early(child, "? Which president suspended the talks? (Use shortcuts or arrow keys)")
    for n, option in enumerate(options, 1):
        child.expect_exact(f"{n}) {option}")
    child.send(DOWN * options.index("Bush") + "\r")
    child.expect("Right: Bush")
    child.expect("Enter keeps it")
    child.send("4")  # Easy: not asked again in this session
    child.expect("Session summary")
    assert finish(child) == 0
    assert [row["card_id"] for row in reviews(tmp_path)] == ["president"]


@pytest.mark.parametrize("key", ["c", "d"])
def test_ctrl_c_or_d_while_questionary_loads_quits_cleanly(tmp_path: Path, key: str) -> None:
    deck = write(tmp_path, "title: Early\ncards:\n  - id: capital\n    question: What is the capital of Cuba?\n    answer: Havana\n")
    child = spawn(tmp_path, str(deck))
    expect_early(child, "? What is the capital of Cuba?")
    child.sendcontrol(key)
    child.expect("Session summary")
    output = child.before or ""
    assert finish(child) == 0
    assert "Traceback" not in output
    assert reviews(tmp_path) == []
