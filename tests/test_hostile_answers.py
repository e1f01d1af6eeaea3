"""Typed answers and deck text written to attack (issue 11, items 1, 2 and 12): Unicode digits,
huge numbers, bytes that are not UTF-8, surrogates, control characters and terminal escapes;
and the grade line's due date, which is the card's real one (fuzz included)."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

import pexpect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.decks.model import Entry
from quiz.humantime import duration
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store
from quiz.study.planning import plan
from quiz.study.prompts import PlainPrompter, pick_option
from quiz.study.session import Session
from quiz.text import printable, storable

from cli_helpers import QUIZ, quiz_env, reviews, run_quiz
from conftest import T0, Clock, make_deck, qa

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc80", "\udcff", "\udfff"])
# Any Unicode, lone surrogates and control characters included, with digits of other scripts.
TYPED = st.text(st.characters(codec=None) | SURROGATES | st.characters(max_codepoint=0x9F) | st.sampled_from("²①¹⁹⁶٣३"), max_size=40)
DECK = make_deck(
    qa("What is the capital of Cuba?", "Havana", id="capital"),
    qa("Which president suspended the talks?", "Bush", id="president", choices=("Obama", "Clinton", "Trump")),
    Entry(id="expelled", cloze="The OAS expelled Cuba in {{1962}} after {{Castro}} joined the bloc."),
)


def study_one(store: Store, typed: str, card_index: int) -> tuple[str, str | None]:
    """Answer the deck's card `card_index` with the line `typed`; (what was shown, what was stored)."""
    deck = make_deck(DECK.entries[card_index], id="t")
    clock = Clock()
    planned = plan([deck], store, clock(), 20)
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO(typed + "\n"), out)
    Session(planned.queue, planned.memories, store, Scheduler(Settings(fuzz=False)), prompter, {"t": deck}, clock, limit=1).run()
    row = store.db.execute("SELECT answer FROM reviews ORDER BY id DESC LIMIT 1").fetchone()
    return out.getvalue(), row[0] if row else None


@settings(max_examples=150)
@given(TYPED, st.integers(0, len(DECK.entries) - 1))
def test_any_typed_line_is_checked_saved_and_echoed_safely(typed: str, card_index: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "q.db")
        try:
            shown, saved = study_one(store, typed, card_index)
        finally:
            store.close()
    line = typed.split("\n")[0].rstrip("\r")  # the one line read
    if saved is None:
        assert printable(line).strip().casefold() in {"q", ":q"}  # it quit the session
        return
    assert storable(saved) == saved and not CONTROL.search(saved)
    assert saved in (printable(line), "Obama", "Clinton", "Trump", "Bush")  # typed, or a menu's pick
    assert not CONTROL.search(shown.replace("\n", ""))


@pytest.mark.parametrize(("typed", "picked"), [
    ("2", "b"), ("٢", "b"), ("०३", "c"), (" 1 ", "a"),  # Arabic-Indic and Devanagari digits are numbers
    ("²", "²"), ("①", "①"), ("¹⁹⁶²", "¹⁹⁶²"),  # digits int() refuses are text
    ("0", "0"), ("4", "4"), ("9" * 5000, "9" * 5000), ("0" * 5000 + "1", "a"),
])
def test_a_menu_number_in_any_script_or_size(typed: str, picked: str) -> None:
    assert pick_option(typed, ("a", "b", "c")) == picked


def run_bytes(home: Path, args: list[str], data: bytes, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*QUIZ, *args], input=data, capture_output=True, env=quiz_env(home, **env), cwd=home, timeout=60, check=False)


CHOICE_DECK = "title: T\nid: t\ncards:\n  - {id: p, question: Which president?, answer: Bush, choices: [Obama, Clinton]}\n"


@pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
@pytest.mark.parametrize("line", [b"\xff", b"\xc3", b"caf\xe9", "²".encode(), "①".encode(), "¹⁹⁶²".encode(), b"9" * 5000])
def test_the_study_command_takes_any_bytes_as_an_answer(tmp_path: Path, line: bytes, locale: str) -> None:
    (tmp_path / "d.yaml").write_text(CHOICE_DECK, encoding="utf-8")
    ran = run_bytes(tmp_path, ["study", "d.yaml", "--plain", "--limit", "1"], line + b"\n", LC_ALL=locale)
    assert ran.returncode == 0, ran.stderr.decode()
    assert b"Traceback" not in ran.stderr
    (saved,) = [row["answer"] for row in reviews(tmp_path)]
    assert saved == printable(line.decode("utf-8", "replace"))


TITLE = "\\e]0;pwned\\a Talks \\e[2J"
ESCAPING_DECK = f"""\
title: "{TITLE}"
id: t
sources:
  s: {{title: "Source \\e[31mred"}}
cards:
  - id: c
    question: "Capital of Cuba?\\e[2J\\x9b2J"
    answer: "Havana\\a"
    source: s
    quote: "Havana \\e]8;;http://x\\e\\\\is\\e]8;;\\e\\\\ the capital."
    note: "\\rnote"
"""


def test_deck_text_and_echoed_answers_send_no_terminal_escapes(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(ESCAPING_DECK, encoding="utf-8")
    ran = run_quiz(tmp_path, "study", str(deck), "--plain", input="Paris\x1b[2J\x07\n")
    assert ran.returncode == 0, ran.stderr
    assert "\x1b" not in ran.stdout and "\x07" not in ran.stdout and "\x9b" not in ran.stdout and "\r" not in ran.stdout
    assert "]0;pwned Talks [2J · card 1 of 1" in ran.stdout
    assert "✗ The answer is: Havana (you said: Paris[2J)" in ran.stdout
    assert [row["answer"] for row in reviews(tmp_path)] == ["Paris[2J"]
    for command in (["check", str(deck)], ["decks"], ["stats", str(deck)], ["cards", str(deck)]):
        shown = run_quiz(tmp_path, *command)
        assert "\x1b" not in shown.stdout + shown.stderr, command


def test_check_messages_quoting_a_deck_send_no_terminal_escapes(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text('title: T\ncards:\n  - {"\\e]0;key\\a": 1, question: "\\e[2J", answer: [x]}\n', encoding="utf-8")
    ran = run_quiz(tmp_path, "check", str(deck))
    assert ran.returncode == 1 and "unknown key ']0;key' in a card" in ran.stderr
    assert "\x1b" not in ran.stdout + ran.stderr and "\x07" not in ran.stderr


def test_the_interactive_prompts_send_no_escapes_from_the_deck(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(ESCAPING_DECK, encoding="utf-8")
    child = pexpect.spawn(QUIZ[0], [*QUIZ[1:], "study", str(deck)], env=quiz_env(tmp_path), cwd=str(tmp_path),
                          encoding="utf-8", timeout=20, dimensions=(40, 120))
    child.expect("Capital of Cuba")
    seen = child.before + child.after
    child.sendline("Paris")
    child.expect("Enter keeps it")
    seen += child.before + child.after
    child.send("q")
    child.expect(pexpect.EOF)
    seen += child.before
    child.close()
    assert "pwned" in seen and "\x1b]0;pwned" not in seen and "\x1b[2J" not in seen and "\x07" not in seen
    assert "\x1b]8;;" not in seen


def test_the_grade_line_shows_the_real_due_date_fuzz_and_all(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    deck = make_deck(*(qa(f"Question {n}?", "Havana", id=f"c{n}") for n in range(20)))
    store.sync_decks([("t", "T", None, 20)], T0)
    session = store.start_session(["t"], T0)
    for card in deck.cards():  # each learned 60 days ago and due now: the next interval is months
        learned = Memory(State.REVIEW, None, 60.0, 5.0, T0, T0 - timedelta(days=60))
        store.record(Answer(session, "t", card.id, "x", True, Rating.GOOD, 1000, T0 - timedelta(days=60), learned))
    clock = Clock(T0 + timedelta(minutes=1))
    planned = plan([deck], store, clock(), 0)
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("Havana\n" * 20), out)
    Session(planned.queue, planned.memories, store, Scheduler(Settings(fuzz=True)), prompter, {"t": deck}, clock, limit=20).run()
    shown = re.findall(r"Grade: \w+ \(again in ([^,]+),", out.getvalue())
    due = [row[0] - row[1] for row in store.db.execute("SELECT c.due_ms, r.reviewed_ms FROM reviews r JOIN cards c USING (deck_id, card_id) WHERE r.session_id != ? ORDER BY r.id", (session,))]
    store.close()
    assert len(shown) == len(due) == 20
    assert shown == [duration(timedelta(milliseconds=ms)) for ms in due]
