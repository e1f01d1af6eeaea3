"""The card browser (`quiz cards`) and `quiz suspend` / `quiz unsuspend`, from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.decks.model import Entry
from quiz.figures.browse import rows
from quiz.memory.rating import Rating
from quiz.memory.recall import Curve
from quiz.memory.state import Memory, State
from quiz.store import Answer, CardRecord, Store

from cli_helpers import run_quiz
from conftest import T0, make_deck

DECK = """\
title: Browser deck
id: browse
cards:
  - id: capital
    question: What is the capital of Cuba?
    answer: Havana
    tags: [geo]
  - id: year
    question: In what year did the OAS expel Cuba?
    answer: "1962"
  - id: river
    question: What is the longest river of Cuba?
    answer: Cauto
    tags: [geo]
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "browse.yaml").write_text(DECK, encoding="utf-8")
    now = datetime.now(UTC)
    store = Store.open(tmp_path / "quiz.db")
    store.sync_decks([("browse", "Browser deck", None, 3)], now)
    last = now - timedelta(days=4)
    store.record(Answer(None, "browse", "capital", "x", True, Rating.GOOD, 1000, last, Memory(State.REVIEW, None, 3.0, 5.0, now - timedelta(hours=2), last, 9)))
    store.record(Answer(None, "browse", "year", "x", True, Rating.GOOD, 1000, last, Memory(State.REVIEW, None, 30.0, 5.0, now + timedelta(days=20), last, 1)))
    store.close()
    return tmp_path


def listed(home: Path, *args: str) -> list[dict]:
    ran = run_quiz(home, "cards", "browse", "--json", *args)
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


def test_cards_lists_every_card_with_its_state(home: Path) -> None:
    cards = {card["id"]: card for card in listed(home)}
    assert list(cards) == ["capital", "year", "river"]
    assert (cards["capital"]["state"], cards["capital"]["lapses"], cards["capital"]["leech"]) == ("review", 9, True)
    assert cards["year"]["recall"] == round(Curve().recall(30.0, 4), 4)
    assert (cards["river"]["state"], cards["river"]["due"], cards["river"]["recall"]) == ("new", None, None)
    assert cards["capital"]["tags"] == ["geo"] and cards["year"]["kind"] == "typed"


def test_filters(home: Path) -> None:
    assert [card["id"] for card in listed(home, "--due")] == ["capital"]
    assert [card["id"] for card in listed(home, "--leeches")] == ["capital"]
    assert [card["id"] for card in listed(home, "--tag", "GEO")] == ["capital", "river"]
    assert [card["id"] for card in listed(home, "--tag", "leech")] == ["capital"]
    assert [card["id"] for card in listed(home, "--search", "river")] == ["river"]
    assert [card["id"] for card in listed(home, "--search", "year")] == ["year"]  # an id
    assert [card["id"] for card in listed(home, "--search", "cuba", "--tag", "geo")] == ["capital", "river"]
    assert listed(home, "--search", "nothing like it") == []


def test_the_table_reads_in_60_columns(home: Path) -> None:
    shown = run_quiz(home, "cards", "browse").stdout
    assert "3 card(s)" in shown and "capital" in shown and "leech" in shown and "due now" in shown
    assert "\x1b" not in shown
    narrow = run_quiz(home, "cards", "browse", columns=60).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60


def test_suspend_and_unsuspend_by_id_or_text(home: Path) -> None:
    ran = run_quiz(home, "suspend", "year", "longest river")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["Suspended browse/year: In what year did the OAS expel Cuba?",
                                       "Suspended browse/river: What is the longest river of Cuba?"]
    cards = {card["id"]: card for card in listed(home)}
    assert cards["year"]["suspended"] and cards["river"]["suspended"] and not cards["capital"]["suspended"]
    assert cards["river"]["state"] == "new"  # suspending a new card does not study it
    # A suspended card is never due, nor studied.
    assert [card["id"] for card in listed(home, "--due")] == ["capital"]
    ran = run_quiz(home, "unsuspend", "browse/year", "--deck", "browse")
    assert ran.stdout.startswith("Unsuspended browse/year")
    cards = {card["id"]: card for card in listed(home)}
    assert not cards["year"]["suspended"] and cards["river"]["suspended"]


def test_a_text_matching_several_cards_needs_all(home: Path) -> None:
    ran = run_quiz(home, "suspend", "Cuba", "--deck", "browse")
    assert ran.returncode == 1 and "quiz: 'Cuba' matches 3 cards; name one by its id" in ran.stderr and "--all" in ran.stderr
    assert not any(card["suspended"] for card in listed(home))
    assert run_quiz(home, "suspend", "Cuba", "--all", "--deck", "browse").returncode == 0
    assert all(card["suspended"] for card in listed(home))
    ran = run_quiz(home, "unsuspend", "no such card")
    assert ran.returncode == 1 and "quiz: no card matches 'no such card'" in ran.stderr


def test_rows_show_a_burial_only_while_it_lasts() -> None:
    deck = make_deck(Entry(id="a", question="A?", answer="x"), Entry(id="b", question="B?", answer="x"))
    records = {("t", "a"): CardRecord(None, 0, False, T0 + timedelta(hours=3)), ("t", "b"): CardRecord(None, 0, False, T0 - timedelta(hours=3))}
    first, second = rows(deck.cards(), records, T0, {"t": Curve()})
    assert first.flags == ["buried"] and not first.is_due(T0)
    assert second.flags == [] and second.buried_until is None
