"""Study history kept when card ids change (issue 11, item 13): a card given an id, a cloze whose
gaps move or change, databases from before gap ids, and decks that look renamed."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.decks.history import DeckRecord, carried_over, renamed
from quiz.decks.model import Deck, Entry, text_key
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import State
from quiz.store import Answer, Store
from quiz.study.planning import plan
from quiz.study.session import Question, Result, Session

from cli_helpers import reviews, run_quiz
from conftest import Clock, make_deck, qa

QUESTION = "What is the capital of Cuba?"
CLOZE = "The OAS expelled Cuba in {{1962}} after {{Fidel Castro}} moved to join the Communist bloc."


def moves(deck: Deck, *stored: str) -> dict[str, str]:
    return carried_over(deck, set(stored))


def test_a_card_given_an_id_takes_over_the_history_of_its_question() -> None:
    before = text_key("t", qa(QUESTION, "Havana"))
    assert moves(make_deck(qa(QUESTION, "Havana", id="capital")), before) == {before: "capital"}
    # Not when the card has history of its own, nor when the deck has no orphan at all.
    assert moves(make_deck(qa(QUESTION, "Havana", id="capital")), before, "capital") == {}
    assert moves(make_deck(qa(QUESTION, "Havana")), before) == {}


def test_an_orphan_two_cards_would_take_stays_where_it_is() -> None:
    before = text_key("t", qa(QUESTION, "Havana"))
    twins = make_deck(qa(QUESTION, "Havana", id="one"), qa(QUESTION, "Havana", id="two"))
    assert moves(twins, before) == {}


def test_gap_ids_follow_the_gap_so_moving_gaps_moves_nothing() -> None:
    deck = make_deck(Entry(id="oas", cloze=CLOZE))
    swapped = make_deck(Entry(id="oas", cloze="The OAS expelled Cuba in {{Fidel Castro}} after {{1962}} moved."))
    assert {c.id for c in deck.cards()} == {c.id for c in swapped.cards()} == {"oas:1962", "oas:fidel-castro"}
    assert {c.id: c.answer for c in swapped.cards()} == {"oas:1962": "1962", "oas:fidel-castro": "Fidel Castro"}
    assert moves(swapped, "oas:1962", "oas:fidel-castro") == {}


def test_positional_ids_of_an_older_quiz_are_taken_over_by_position_once() -> None:
    deck = make_deck(Entry(cloze=CLOZE))
    base = text_key("t", Entry(cloze=CLOZE))
    assert moves(deck, f"{base}.1", f"{base}.2") == {f"{base}.1": f"{base}:1962", f"{base}.2": f"{base}:fidel-castro"}
    # ... and those of a cloze given an id at the same time.
    with_id = make_deck(Entry(id="oas", cloze=CLOZE))
    assert moves(with_id, f"{base}.1", f"{base}.2") == {f"{base}.1": "oas:1962", f"{base}.2": "oas:fidel-castro"}
    assert moves(make_deck(Entry(id="oas", cloze=CLOZE)), "oas.1", "oas.2") == {"oas.1": "oas:1962", "oas.2": "oas:fidel-castro"}


def test_an_edited_gap_keeps_its_history_when_it_is_the_only_one() -> None:
    edited = make_deck(Entry(id="oas", cloze=CLOZE.replace("Fidel Castro", "Castro")))
    assert moves(edited, "oas:1962", "oas:fidel-castro") == {"oas:fidel-castro": "oas:castro"}
    both = make_deck(Entry(id="oas", cloze=CLOZE.replace("Fidel Castro", "Castro").replace("1962", "1963")))
    assert moves(both, "oas:1962", "oas:fidel-castro") == {}


def test_a_cloze_cut_to_one_gap_keeps_that_gaps_history() -> None:
    one = make_deck(Entry(id="oas", cloze="The OAS expelled Cuba in {{1962}}."))
    assert moves(one, "oas:1962", "oas:fidel-castro") == {"oas:1962": "oas"}


def test_renaming_moves_every_row_of_the_card_and_keeps_every_review(store: Store) -> None:
    clock = Clock()
    store.sync_decks([("t", "T", None, 1)], clock())
    session = store.start_session(["t"], clock())
    memory = Scheduler(Settings(fuzz=False)).review(None, Rating.GOOD, clock())
    for _ in range(2):
        store.record(Answer(session, "t", "old", "Havana", True, Rating.GOOD, 900, clock(), memory))
    # A table another feature keeps by card moves with it.
    store.db.execute("CREATE TABLE notes (deck_id TEXT, card_id TEXT, text TEXT)")
    store.db.execute("INSERT INTO notes VALUES ('t', 'old', 'mine')")
    store.db.commit()
    store.rename_cards("t", {"old": "new"}, "v1")
    assert store.studied(["t"]) == {("t", "new")}
    assert [row[0] for row in store.db.execute("SELECT card_id FROM reviews")] == ["new", "new"]
    assert store.db.execute("SELECT card_id FROM notes").fetchall() == [("new",)]
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.checked_versions(["t", "other"]) == {"t": "v1"}


class Typist:
    """Answers each card with what `answers` says for its answer (right, wrong...)."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers

    def ask(self, question: Question) -> str:
        return self.answers[question.card.answer]

    def confirm(self, result: Result) -> Rating:
        return result.rating


def study(store: Store, deck: Deck, clock: Clock, answers: dict[str, str]) -> None:
    planned = plan([deck], store, clock(), 20)
    queue, memories = planned.queue, planned.memories
    prompter = Typist(answers)
    Session(queue, memories, store, Scheduler(Settings(fuzz=False)), prompter, {deck.id: deck}, clock, limit=len(deck.cards())).run()


def test_swapping_gap_contents_keeps_each_gaps_own_history(store: Store) -> None:
    clock = Clock()
    study(store, make_deck(Entry(id="oas", cloze=CLOZE)), clock, {"1962": "1962", "Fidel Castro": "no idea"})
    swapped = make_deck(Entry(id="oas", cloze="The OAS expelled Cuba in {{Fidel Castro}} after {{1962}} moved."))
    clock.tick(hours=1)
    planned = plan([swapped], store, clock(), 20)
    queue, memories = planned.queue, planned.memories
    by_answer = {card.answer: memories.get(("t", card.id)) or store.memory("t", card.id) for card in swapped.cards()}
    assert by_answer["1962"] is not None and by_answer["1962"].state == State.REVIEW  # right at once
    assert by_answer["Fidel Castro"] is not None and by_answer["Fidel Castro"].state == State.LEARNING  # wrong
    card = queue.next(clock())
    assert card is not None and card.answer == "Fidel Castro"


def test_a_database_of_positional_gap_ids_is_taken_over(tmp_path: Path) -> None:
    clock = Clock()
    deck = make_deck(Entry(id="oas", cloze=CLOZE))
    store = Store.open(tmp_path / "q.db")
    store.sync_decks([("t", "T", None, 2)], clock())
    session = store.start_session(["t"], clock())
    memory = Scheduler(Settings(fuzz=False)).review(None, Rating.EASY, clock())
    for old in ("oas.1", "oas.2"):  # what an older quiz stored
        store.record(Answer(session, "t", old, "x", True, Rating.EASY, 900, clock(), memory))
    queue = plan([deck], store, clock(), 20).queue
    assert store.studied(["t"]) == {("t", "oas:1962"), ("t", "oas:fidel-castro")}
    assert len(queue) == 0  # both known, neither due
    store.close()


DECK_FILE = "title: Capitals\ncards:\n  - {question: What is the capital of Cuba?, answer: Havana}\n"


def test_adding_an_id_as_check_asks_keeps_the_cards_history(tmp_path: Path) -> None:
    deck = tmp_path / "capitals.yaml"
    deck.write_text(DECK_FILE, encoding="utf-8")
    assert run_quiz(tmp_path, "study", str(deck), "--plain", input="Havana\n").returncode == 0
    deck.write_text(DECK_FILE.replace("{question", "{id: cuba, question"), encoding="utf-8")
    again = run_quiz(tmp_path, "study", str(deck), "--plain", input="Havana\n")
    assert again.returncode == 0 and again.stdout.startswith("Nothing to study now.")
    assert [row["card_id"] for row in reviews(tmp_path)] == ["cuba"]


def test_a_renamed_deck_is_pointed_out_with_the_way_to_keep_its_history(tmp_path: Path) -> None:
    old = tmp_path / "capitals.yaml"
    old.write_text(DECK_FILE, encoding="utf-8")
    assert run_quiz(tmp_path, "study", str(old), "--plain", input="Havana\n").returncode == 0
    new = tmp_path / "world-capitals.yaml"
    old.rename(new)
    result = run_quiz(tmp_path, "study", str(new), "--plain", input="")
    assert (
        f"quiz: warning: {new} has the title of deck 'capitals', last read from {old}, which is gone;"
        " if it is that deck renamed, add `id: capitals` to it to keep that deck's history"
    ) in result.stderr
    new.write_text("id: capitals\n" + DECK_FILE, encoding="utf-8")
    kept = run_quiz(tmp_path, "study", str(new), "--plain", input="Havana\n")
    assert kept.stdout.startswith("Nothing to study now.") and "warning" not in kept.stderr


def test_renamed_needs_the_same_title_a_gone_file_and_no_history_of_its_own(tmp_path: Path) -> None:
    here = tmp_path / "here.yaml"
    here.write_text("x", encoding="utf-8")
    deck = Deck(id="new", title="Capitals", path=str(tmp_path / "new.yaml"))
    gone = DeckRecord("old", "Capitals", str(tmp_path / "old.yaml"), studied=True)
    assert len(renamed([deck], [gone])) == 1
    assert renamed([deck], [DeckRecord("old", "Capitals", str(here), studied=True)]) == []  # the old file is there
    assert renamed([deck], [DeckRecord("old", "Other", str(tmp_path / "old.yaml"), studied=True)]) == []
    assert renamed([deck], [DeckRecord("old", "Capitals", str(tmp_path / "old.yaml"), studied=False)]) == []
    assert renamed([deck], [gone, DeckRecord("new", "Capitals", deck.path, studied=True)]) == []


def test_check_says_how_to_keep_a_decks_history_across_a_rename(tmp_path: Path) -> None:
    deck = tmp_path / "capitals.yaml"
    deck.write_text(DECK_FILE.replace("{question", "{id: cuba, question"), encoding="utf-8")
    result = run_quiz(tmp_path, "check", str(deck))
    assert result.stdout.splitlines()[0] == (
        f"{deck}:1:1: warning: the deck's id comes from its file name ('capitals'), so renaming the file"
        " hides its history; add `id: capitals` to keep it"
    )



def test_ids_are_compared_once_per_version_of_the_deck_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "capitals.yaml"
    path.write_text("id: capitals\n" + DECK_FILE, encoding="utf-8")
    assert run_quiz(tmp_path, "study", str(path), "--plain", input="Havana\n").returncode == 0
    compared: list[str] = []
    real = Store.kept_ids
    monkeypatch.setattr(Store, "kept_ids", lambda self, deck_id: compared.append(deck_id) or real(self, deck_id))
    assert run_quiz(tmp_path, "study", str(path), "--plain", input="").returncode == 0
    assert compared == []  # the file is as it was when its ids were last compared
    path.write_text("id: capitals\n" + DECK_FILE.replace("{question", "{id: cuba, question"), encoding="utf-8")
    assert run_quiz(tmp_path, "study", str(path), "--plain", input="").returncode == 0
    assert compared == ["capitals"] and [row["card_id"] for row in reviews(tmp_path)] == ["cuba"]
