"""Exams: the seeded, recall-weighted draw, marking and scores, the sitting over a real store, the
history of scores, and `quiz exam` / `quiz scores` from the command line."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.decks.model import Card, Entry, Kind, Source
from quiz.figures.scores import by_deck
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store
from quiz.study.exam import Ending, draw, kinds_from_text, rating
from quiz.study.prompts import Paint, exam_report
from quiz.study.session import Question, Quit
from quiz.study.sitting import Sitting

from cli_helpers import reviews, run_quiz
from conftest import T0, Clock, make_deck

STEADY = Scheduler(Settings(fuzz=False))
DECK = make_deck(
    Entry(id="capital", question="What is the capital of Cuba?", answer="Havana", quote="Havana is the capital.", source="atlas"),
    Entry(id="year", question="In what year did the OAS expel Cuba?", answer="1962"),
    Entry(id="president", question="Which president?", answer="Bush", choices=("Obama", "Clinton")),
    Entry(id="oas", question="True or false: Cuba rejoined the OAS.", answer="false"),
    Entry(id="gap", cloze="The talks resumed in {{2009}}."),
    id="cuba",
    title="Cuba",
)


def cards() -> list[Card]:
    return DECK.cards()


# -- drawing and marking -------------------------------------------------------------------------


@given(st.integers(0, 10**6), st.integers(1, 5))
def test_the_draw_is_seeded_without_repeats(seed: int, n: int) -> None:
    first = draw(cards(), lambda card: 0.5, n, seed)
    assert first == draw(cards(), lambda card: 0.5, n, seed)
    assert len(first) == n and len({card.id for card in first}) == n


def test_the_draw_favours_what_is_least_recalled() -> None:
    recall = {"capital": 0.99, "year": 0.99, "president": 0.99, "oas": 0.99, "gap": 0.0}.__getitem__
    counts = Counter(card.id for seed in range(2000) for card in draw(cards(), lambda c: recall(c.id), 1, seed))
    assert counts["gap"] > 0.7 * 2000  # weight 1.05 against four of 0.06
    assert all(counts[card] > 0 for card in ("capital", "year", "president", "oas"))  # none is ruled out


def test_the_draw_keeps_to_kinds_and_stops_at_what_there_is() -> None:
    assert {card.kind for card in draw(cards(), lambda c: 0.0, 5, 1, frozenset({Kind.CHOICE, Kind.TRUE_FALSE}))} == {Kind.CHOICE, Kind.TRUE_FALSE}
    assert len(draw(cards(), lambda c: 0.0, 50, 1)) == 5
    assert kinds_from_text("typed, Cloze") == {Kind.TYPED, Kind.CLOZE}
    with pytest.raises(ValueError, match="unknown kind 'essay'; kinds are typed, choice, truefalse, cloze"):
        kinds_from_text("typed,essay")


def test_right_is_good_and_wrong_is_again() -> None:
    from quiz.study.answers import check

    assert rating(check("havana", "Havana")) == Rating.GOOD
    assert rating(check("havanna", "Havana")) == Rating.GOOD  # a typo is still right, no Hard
    assert rating(check("Lima", "Havana")) == Rating.AGAIN


# -- sitting an exam -------------------------------------------------------------------------------


@dataclass
class Candidate:
    """Answers from a list; None stops; then says what to do about handing in."""

    clock: Clock
    answers: list[str | None]
    hand_ins: list[bool | None] = field(default_factory=lambda: [True])
    questions: list[Question] = field(default_factory=list)

    def ask(self, question: Question) -> str:
        self.questions.append(question)
        given = self.answers.pop(0) if self.answers else None
        if given is None:
            raise Quit
        self.clock.tick(4)
        return given

    def hand_in(self, answered: int, questions: int) -> bool | None:
        return self.hand_ins.pop(0)


def sit(store: Store, answers: list[str | None], practice: bool = False, hand_ins: list[bool | None] | None = None,
        drawn: list[Card] | None = None) -> tuple[Sitting, Candidate]:
    clock = Clock()
    store.sync_decks([(DECK.id, DECK.title, None, 5)], clock())
    candidate = Candidate(clock, list(answers), hand_ins if hand_ins is not None else [True])
    sitting = Sitting(store, {DECK.id: DECK}, STEADY, candidate, clock, seed=7, practice=practice, timer=lambda: clock().timestamp())
    return sitting, candidate


def test_an_exam_saves_each_answer_as_a_review_and_scores_at_the_end(store: Store) -> None:
    drawn = cards()[:3]
    sitting, candidate = sit(store, ["havana", "1963", "Bush"])
    result = sitting.run(drawn, {})
    assert [q.position for q in candidate.questions] == [1, 2, 3] and all(q.exam for q in candidate.questions)
    assert (result.score.right, result.score.answered, result.score.questions) == (2, 3, 3)
    assert result.ending == Ending.HANDED_IN and [m.card.id for m in result.wrong] == ["year"]
    saved = store.db.execute("SELECT card_id, correct, rating, practice, session_id FROM reviews ORDER BY id").fetchall()
    assert saved == [("capital", 1, 3, 0, None), ("year", 0, 1, 0, None), ("president", 1, 3, 0, None)]
    assert store.memory(DECK.id, "capital") == STEADY.review(None, Rating.GOOD, T0 + timedelta(seconds=4))
    rows = store.db.execute("SELECT position, card_id, given, correct, review_id IS NOT NULL FROM exam_questions ORDER BY position").fetchall()
    assert rows == [(1, "capital", "havana", 1, 1), (2, "year", "1963", 0, 1), (3, "president", "Bush", 1, 1)]
    assert store.db.execute("SELECT handed_in, ended_ms IS NOT NULL, seed FROM exams").fetchone() == (1, 1, 7)


def test_a_practice_exam_leaves_the_schedule_alone(store: Store) -> None:
    sitting, _ = sit(store, ["havana", "1963"], practice=True)
    sitting.run(cards()[:2], {})
    assert store.studied([DECK.id]) == set()
    assert [row[0] for row in store.db.execute("SELECT practice FROM reviews")] == [1, 1]
    assert by_deck(store.exam_scores(), {})[0].exams[0].practice


def test_stopping_early_hands_in_goes_back_or_leaves(store: Store) -> None:
    # Handed in after one answer: the other questions count as wrong.
    sitting, _ = sit(store, ["havana", None])
    result = sitting.run(cards()[:4], {})
    assert (result.score.right, result.score.answered, result.score.questions, result.score.share) == (1, 1, 4, 0.25)
    # "Go back" asks the same question again; then leaving keeps the answers but gives no score.
    sitting, candidate = sit(store, ["havana", None, "1962", None], hand_ins=[False, None])
    result = sitting.run(cards()[:4], {})
    assert [q.card.id for q in candidate.questions] == ["capital", "year", "year", "president"]
    assert result.ending == Ending.LEFT and len(result.marked) == 2
    assert [score.questions for score in store.exam_scores()] == [4]  # only the first was handed in
    assert len(reviews_in(store)) == 3


def reviews_in(store: Store) -> list[tuple]:
    return store.db.execute("SELECT card_id FROM reviews").fetchall()


def test_an_exam_answer_can_make_a_leech(store: Store) -> None:
    store.sync_decks([(DECK.id, DECK.title, None, 5)], T0)
    learnt = Memory(State.REVIEW, None, 5.0, 6.0, T0 - timedelta(days=1), T0 - timedelta(days=6), 7)
    store.record(Answer(None, DECK.id, "capital", "x", True, Rating.GOOD, 1000, T0 - timedelta(days=6), learnt))
    sitting, _ = sit(store, ["Lima"])
    sitting.run(cards()[:1], store.memories([DECK.id]))
    assert store.held([DECK.id], T0) == {(DECK.id, "capital")}
    assert store.db.execute("SELECT interval_days FROM reviews ORDER BY id DESC").fetchone()[0] == pytest.approx(5.0)


def test_the_report_reviews_every_wrong_and_unanswered_question(store: Store) -> None:
    deck = make_deck(*DECK.entries, id="cuba", title="Cuba", sources={"atlas": Source(title="Atlas")})
    clock = Clock()
    store.sync_decks([(deck.id, deck.title, None, 5)], clock())
    candidate = Candidate(clock, ["Lima", "1962", None])
    result = Sitting(store, {deck.id: deck}, STEADY, candidate, clock, seed=7, timer=lambda: clock().timestamp()).run(deck.cards()[:3], {})
    text = "\n".join(exam_report(result, {deck.id: deck.sources}, Paint(False)))
    assert "Score: 1 of 3 right (33%)" in text and "1 question(s) left unanswered count as wrong" in text
    assert "1. What is the capital of Cuba?\n✗ The answer is: Havana (you said: Lima)\n  “Havana is the capital.” — Atlas" in text
    assert "Not answered\n3. Which president?\n✗ The answer is: Bush" in text
    assert "In what year" not in text  # right answers are not reviewed


# -- the history of scores ---------------------------------------------------------------------------


def test_scores_per_deck_with_best_latest_mean_and_trend(store: Store) -> None:
    other = make_deck(Entry(id="x", question="X?", answer="x"), id="other", title="Other")
    store.sync_decks([(DECK.id, DECK.title, None, 5), ("other", "Other", None, 1)], T0)
    for answers in (["Lima", "1963"], ["havana", "1963"], ["havana", "1962"]):
        sitting, _ = sit(store, [*answers, "x"])
        sitting.decks["other"] = other
        sitting.run([*cards()[:2], other.cards()[0]], {})
    history = by_deck(store.exam_scores(), store.deck_titles())
    assert [deck.deck_id for deck in history] == ["cuba", "other"]
    cuba = history[0]
    assert cuba.shares == [0.0, 0.5, 1.0] and (cuba.best, cuba.latest, cuba.mean) == (1.0, 1.0, 0.5)
    assert cuba.trend == pytest.approx(0.5)
    assert history[1].shares == [1.0, 1.0, 1.0] and history[1].trend == pytest.approx(0.0)
    assert [deck.deck_id for deck in by_deck(store.exam_scores(["other"]), {})] == ["other"]
    data = cuba.to_json()
    assert data["title"] == "Cuba" and data["exams"][1]["right"] == 1 and data["trend_per_exam"] == 0.5


# -- from the command line ---------------------------------------------------------------------------


def test_an_exam_on_the_bundled_deck_gives_a_score_that_scores_json_shows(tmp_path: Path) -> None:
    ran = run_quiz(tmp_path, "exam", "--plain", "-n", "4", "--seed", "11", input="Bush\n1962\nHavana\nx\n")
    assert ran.returncode == 0, ran.stderr
    assert "Exam: 4 question(s) from U.S.–Cuba migration talks. Seed 11" in ran.stdout
    assert "of 4 right" in ran.stdout
    shown = json.loads(run_quiz(tmp_path, "scores", "--json").stdout)
    exams = shown["decks"][0]["exams"]
    assert shown["decks"][0]["id"] == "us-cuba-migration" and len(exams) == 1
    assert exams[0]["questions"] == 4 and exams[0]["answered"] == 4
    assert f"Score: {exams[0]['right']} of 4 right" in ran.stdout
    assert len(reviews(tmp_path)) == 4
    table = run_quiz(tmp_path, "scores")
    assert "U.S.–Cuba migration talks" in table.stdout and f"{exams[0]['right']}/4" in table.stdout and "best " in table.stdout


def test_the_same_seed_over_the_same_history_draws_the_same_exam(tmp_path: Path) -> None:
    def questions(seed: str) -> list[str]:
        ran = run_quiz(tmp_path, "exam", "-n", "5", "--seed", seed, "--practice", input="\n" * 5)
        lines = ran.stdout.splitlines()
        return [lines[n + 1] for n, line in enumerate(lines) if line.startswith("Exam · question")]

    first = questions("5")
    assert len(first) == 5 and questions("5") == first  # practice changes no memory
    assert questions("6") != first


def test_exam_errors_are_clear(tmp_path: Path) -> None:
    ran = run_quiz(tmp_path, "exam", "--kinds", "essay", input="")
    assert ran.returncode == 1 and "quiz: --kinds: unknown kind 'essay'" in ran.stderr
    ran = run_quiz(tmp_path, "exam", "--tag", "no-such-tag", input="")
    assert ran.returncode == 1 and "quiz: no cards to ask" in ran.stderr
    assert run_quiz(tmp_path, "scores").stdout.startswith("No exams yet.")
