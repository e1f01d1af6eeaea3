"""Study controls in the session and its plan: undo, suspend, bury, leeches, cram, studying ahead,
tags, and the exam date (with the property that no studied card is below the target on the day)."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.days import start_of_tomorrow
from quiz.decks.model import Deck, Entry
from quiz.memory.examdate import bring_forward, exam_moment
from quiz.memory.rating import Rating
from quiz.memory.recall import Curve
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.settings import SettingsFile
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store
from quiz.study.planning import Controls, plan
from quiz.study.queue import LEARN_AHEAD
from quiz.study.session import Action, Question, Quit, Result, Session, Summary, Undo

from conftest import T0, Clock, make_deck

STEADY = Scheduler(Settings(fuzz=False))
DECK = make_deck(*(Entry(id=f"c{n}", question=f"Question {n}?", answer=f"answer{n}", tags=("odd",) if n % 2 else ()) for n in range(1, 5)))


@dataclass
class Step:
    answer: str | None  # None: quit
    then: Rating | Action | None = None  # at the grade prompt; None keeps the grade
    undo_first: bool = False  # at the question, ask to undo the answer before it


@dataclass
class Scripted:
    clock: Clock
    script: list[Step]
    questions: list[Question] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)

    def ask(self, question: Question) -> str:
        self.questions.append(question)
        if not self.script or self.script[0].answer is None:
            raise Quit
        if self.script[0].undo_first:
            self.script[0].undo_first = False
            raise Undo
        self.clock.tick(7)
        return self.script[0].answer  # type: ignore[return-value]

    def confirm(self, result: Result) -> Rating | Action:
        self.results.append(result)
        step = self.script.pop(0)
        self.clock.tick(1)
        return step.then or result.rating


def run(store: Store, script: list[Step], decks: list[Deck] | None = None, clock: Clock | None = None,
        controls: Controls = Controls(), scheduler: Scheduler = STEADY, limit: int | None = None) -> tuple[Summary, Scripted]:
    decks = decks or [DECK]
    clock = clock or Clock()
    planned = plan(decks, store, clock(), 20, controls=controls)
    prompter = Scripted(clock, list(script))
    session = Session(planned.queue, planned.memories, store, scheduler, prompter, {d.id: d for d in decks}, clock, limit,
                      timer=lambda: clock().timestamp(), practice=planned.practice, exams=planned.exams)
    return session.run(), prompter


def asked(prompter: Scripted) -> list[str]:
    return [question.card.id for question in prompter.questions]


def rows(store: Store) -> list[tuple]:
    return store.db.execute("SELECT card_id, correct, rating, practice, undone_ms IS NOT NULL FROM reviews ORDER BY id").fetchall()


# -- undo -------------------------------------------------------------------------------------------


def test_undo_at_the_grade_prompt_takes_the_answer_back_and_asks_again(store: Store) -> None:
    summary, prompter = run(store, [Step("answer1"), Step("wrong", then=Action.UNDO), Step("answer2"), Step(None)])
    assert asked(prompter)[:4] == ["c1", "c2", "c2", "c3"]
    assert rows(store) == [("c1", 1, 3, 0, 0), ("c2", 0, 1, 0, 1), ("c2", 1, 3, 0, 0)]
    assert (summary.answered, summary.correct, summary.undone) == (2, 2, 1)
    assert prompter.questions[2].can_undo and not prompter.questions[0].can_undo
    assert store.db.execute("SELECT answered, correct FROM sessions").fetchone() == (2, 2)


def test_undo_at_the_next_question_restores_the_memory_before_the_answer(store: Store) -> None:
    clock = Clock()
    run(store, [Step("answer1", then=Rating.EASY)], clock=clock, limit=1)
    before = store.memory(DECK.id, "c1")
    clock.tick(days=30)
    # The undo step's answer goes to the card asked after the undo.
    summary, prompter = run(store, [Step("wrong"), Step("answer1", undo_first=True), Step("answer2"), Step(None)], clock=clock)
    # c1 (due) answered wrong; at c2 the person undoes: c1 is asked again, then c2.
    assert asked(prompter)[:4] == ["c1", "c2", "c1", "c2"]
    undone = store.db.execute("SELECT card_id FROM reviews WHERE undone_ms IS NOT NULL").fetchall()
    assert undone == [("c1",)]
    assert summary.answered == 2 and summary.undone == 1
    # The wrong answer never counted: c1's lapse is gone and its memory grew from `before`.
    memory = store.memory(DECK.id, "c1")
    assert before is not None and memory is not None and memory.lapses == 0 and memory.state == State.REVIEW
    assert memory.stability is not None and before.stability is not None and memory.stability > before.stability


def test_undoing_a_first_answer_makes_the_card_new_again(store: Store) -> None:
    run(store, [Step("answer1", then=Action.UNDO), Step(None)])
    assert store.memory(DECK.id, "c1") is None and store.studied([DECK.id]) == set()
    _, prompter = run(store, [Step(None)])
    assert prompter.questions[0].card.id == "c1" and prompter.questions[0].new == 3  # new again, first in deck order


def test_nothing_to_undo_at_the_first_question(store: Store) -> None:
    summary, prompter = run(store, [Step("answer1", undo_first=True), Step(None)])
    assert asked(prompter)[:2] == ["c1", "c1"] and summary.undone == 0 and rows(store) == [("c1", 1, 3, 0, 0)]


# -- suspend, bury, leeches ------------------------------------------------------------------------


def test_suspend_and_bury_at_the_grade_prompt(store: Store) -> None:
    clock = Clock()
    # Wrong answers would bring both back in a minute; suspended and buried, they do not come back.
    summary, prompter = run(store, [Step("x", then=Action.SUSPEND), Step("x", then=Action.BURY), Step("answer3"), Step("answer4"), Step(None)], clock=clock)
    assert asked(prompter)[:4] == ["c1", "c2", "c3", "c4"]
    assert [card.id for card in summary.suspended] == ["c1"] and [card.id for card in summary.buried] == ["c2"]
    assert rows(store)[:2] == [("c1", 0, 1, 0, 0), ("c2", 0, 1, 0, 0)]  # the answers stand
    records = store.records([DECK.id])
    assert records[(DECK.id, "c1")].suspended
    assert records[(DECK.id, "c2")].buried_until == start_of_tomorrow(clock())
    clock.tick(hours=2)
    assert {key[1] for key in store.held([DECK.id], clock())} == {"c1", "c2"}
    tomorrow = start_of_tomorrow(clock()) + timedelta(hours=1)
    _, later = run(store, [Step(None)], clock=Clock(tomorrow))
    assert later.questions[0].card.id == "c2"  # buried no more; c1 stays suspended
    assert "c1" not in asked(run(store, [Step("answer2"), Step("answer3"), Step("answer4"), Step(None)], clock=Clock(tomorrow))[1])


def lapsed(store: Store, lapses: int) -> None:
    """c1 learnt, due now, with `lapses` lapses behind it."""
    memory = Memory(State.REVIEW, None, 5.0, 7.0, T0 - timedelta(hours=1), T0 - timedelta(days=5), lapses)
    store.sync_decks([(DECK.id, DECK.title, None, 4)], T0)
    store.record(Answer(None, DECK.id, "c1", "x", True, Rating.GOOD, 1000, T0 - timedelta(days=5), memory))


def test_the_eighth_lapse_suspends_a_leech_and_says_so(store: Store) -> None:
    lapsed(store, 7)
    summary, prompter = run(store, [Step("wrong"), Step("answer2"), Step(None)])
    assert prompter.results[0].leech and not prompter.results[1].leech
    assert [card.id for card in summary.suspended] == ["c1"]
    assert store.records([DECK.id])[(DECK.id, "c1")].suspended
    assert store.leeches([DECK.id], 8) == {(DECK.id, "c1")}
    assert "c1" not in asked(prompter)[1:]  # relearning, but suspended: not back this session
    # `--tag leech` finds it (suspended cards stay out of study, but the browser lists them).
    assert store.memory(DECK.id, "c1").lapses == 8  # type: ignore[union-attr]


def test_undoing_the_leech_answer_lifts_the_suspension(store: Store) -> None:
    lapsed(store, 7)
    summary, _ = run(store, [Step("wrong", then=Action.UNDO), Step("answer1"), Step(None)])
    assert summary.suspended == [] and store.held([DECK.id], T0) == set()
    assert store.memory(DECK.id, "c1").lapses == 7  # type: ignore[union-attr]


def test_overriding_the_grade_of_a_leech_answer_lifts_it_too(store: Store) -> None:
    lapsed(store, 7)
    summary, _ = run(store, [Step("wrong", then=Rating.GOOD), Step(None)])
    assert summary.suspended == [] and store.held([DECK.id], T0) == set()
    assert store.memory(DECK.id, "c1").lapses == 7  # type: ignore[union-attr]


def test_review_intervals_are_recorded_for_true_retention(store: Store) -> None:
    lapsed(store, 0)
    run(store, [Step("answer1"), Step(None)])
    intervals = store.db.execute("SELECT interval_days FROM reviews ORDER BY id").fetchall()
    assert intervals[-1][0] == pytest.approx(5 - 1 / 24)


# -- cram, ahead, tags -----------------------------------------------------------------------------


def test_cram_drills_any_cards_without_scheduling_them(store: Store) -> None:
    lapsed(store, 0)
    before = store.memory(DECK.id, "c1")
    script = [Step("wrong"), Step("answer3"), Step("answer4"), Step("answer1"), Step("answer2"), Step(None)]
    summary, prompter = run(store, script, controls=Controls(cram=True))
    # The new cards come first (recall 0), c1 last; c2 was wrong and comes back.
    assert asked(prompter)[:5] == ["c2", "c3", "c4", "c1", "c2"]
    assert all(result.intervals == {} for result in prompter.results)
    assert store.memory(DECK.id, "c1") == before and store.studied([DECK.id]) == {(DECK.id, "c1")}
    assert {row[3] for row in rows(store)[1:]} == {1} and summary.answered == 5


def test_cram_by_tag(store: Store) -> None:
    _, prompter = run(store, [Step("answer1"), Step("answer3"), Step(None)], controls=Controls(tags=("ODD",), cram=True))
    assert asked(prompter) == ["c1", "c3"]


def test_study_by_tag_and_held_cards_left_out(store: Store) -> None:
    store.sync_decks([(DECK.id, DECK.title, None, 4)], T0)
    store.suspend([(DECK.id, "c3")])
    _, prompter = run(store, [Step("answer1"), Step(None)], controls=Controls(tags=("odd",)))
    assert prompter.questions[0].total == 1 and set(asked(prompter)) == {"c1"}  # c3 is suspended
    _, prompter = run(store, [Step("answer2"), Step("answer4"), Step(None)])
    assert asked(prompter)[:2] == ["c2", "c4"]


def test_ahead_studies_the_soonest_when_nothing_is_due(store: Store) -> None:
    clock = Clock()
    run(store, [Step(f"answer{n}", then=Rating.EASY) for n in range(1, 5)], clock=clock)
    assert not len(plan([DECK], store, clock(), 0).queue)
    planned = plan([DECK], store, clock(), 0, controls=Controls(ahead=2))
    assert planned.ahead and len(planned.queue) == 2
    soonest = sorted(store.memories([DECK.id]).items(), key=lambda item: item[1].due)[:2]
    assert [planned.queue.next(clock()).id for _ in range(2)] == [key[1] for key, _ in soonest]  # type: ignore[union-attr]


# -- the exam date -----------------------------------------------------------------------------------

CURVE = Curve()


def memory(stability: float, last: datetime, due: datetime) -> Memory:
    return Memory(State.REVIEW, None, stability, 5.0, due, last)


def test_bring_forward_moves_a_card_that_would_be_forgotten_by_the_exam(local_tz: None) -> None:
    exam = exam_moment(date(2024, 3, 20))
    last = T0 - timedelta(days=1)
    late = memory(4.0, last, last + timedelta(days=40))  # scheduled as at a lower retention
    early = bring_forward(late, T0, exam, 0.9, CURVE)
    assert early.due < exam and CURVE.recall(4.0, (early.due - last).days) >= 0.9
    assert early.due == datetime.fromisoformat("2024-03-08T05:00:00+00:00")  # start of the 4th day after, local
    # Due before the exam: from the start of its day, so that a day's study at any hour finds it.
    soon = memory(4.0, last, T0 + timedelta(days=3))
    assert bring_forward(soon, T0, exam, 0.9, CURVE).due == datetime.fromisoformat("2024-03-08T05:00:00+00:00")
    # Remembered on the day, learning, or the exam past: unchanged.
    strong = memory(400.0, last, last + timedelta(days=40))
    assert bring_forward(strong, T0, exam, 0.9, CURVE) == strong
    assert bring_forward(replace(late, state=State.RELEARNING), T0, exam, 0.9, CURVE).due == late.due
    assert bring_forward(late, exam + timedelta(hours=1), exam, 0.9, CURVE) == late


def test_a_card_reviewed_today_is_not_brought_to_today(local_tz: None) -> None:
    exam = exam_moment(date(2024, 3, 20))
    weak = memory(0.5, T0, T0 + timedelta(days=30))
    assert bring_forward(weak, T0, exam, 0.9, CURVE).due == start_of_tomorrow(T0)


def test_the_plan_brings_forward_cards_of_a_deck_with_an_exam(store: Store, local_tz: None) -> None:
    store.sync_decks([(DECK.id, DECK.title, None, 4)], T0)
    last = T0 - timedelta(days=10)
    store.record(Answer(None, DECK.id, "c1", "x", True, Rating.GOOD, 1000, last, memory(4.0, last, T0 + timedelta(days=20))))
    assert "c1" not in [card_id for _, card_id in plan([DECK], store, T0, 0).queue.reviews]
    with_exam = replace(DECK, exam=date(2024, 3, 15))
    planned = plan([with_exam], store, T0, 0)
    assert [card_id for _, card_id in planned.queue.reviews] == ["c1"] and planned.exams == {DECK.id: exam_moment(date(2024, 3, 15))}
    # --exam-date applies to every deck; an exam in the past changes nothing.
    assert [card_id for _, card_id in plan([DECK], store, T0, 0, controls=Controls(exam_date=date(2024, 3, 15))).queue.reviews] == ["c1"]
    assert plan([replace(DECK, exam=date(2024, 3, 1))], store, T0, 0).exams == {}


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(
    days=st.integers(2, 40),
    study_hour=st.integers(6, 22),
    seed=st.integers(0, 10_000),
    forget=st.floats(0.0, 0.4),
    fuzz=st.booleans(),
    retention=st.sampled_from([0.8, 0.9, 0.95]),
)
def test_daily_study_leaves_no_studied_card_below_the_target_on_the_exam_day(
    days: int, study_hour: int, seed: int, forget: float, fuzz: bool, retention: float
) -> None:
    """A learner who studies every day (at a set hour, until nothing is left) until the exam, with
    answers wrong at random, ends with every studied card at or above the target on the day."""
    for start in range(2):  # the same run, starting from old history scheduled at a lower retention
        store = Store(sqlite3.connect(":memory:"))
        store.migrate()
        deck = replace(make_deck(*(Entry(id=f"c{n}", question=f"Q{n}?", answer="x") for n in range(8)), id="exam"),
                       exam=(T0 + timedelta(days=days)).date())
        rng = random.Random(seed)
        first = T0.replace(hour=study_hour)
        if start:
            for n in range(4):
                last = first - timedelta(days=rng.randint(1, 30))
                old = Memory(State.REVIEW, None, rng.uniform(1, 40), 5.0, last + timedelta(days=rng.randint(30, 200)), last)
                store.sync_decks([("exam", "Exam", None, 8)], first)
                store.record(Answer(None, "exam", f"c{n}", "x", True, Rating.GOOD, 1000, last, old))
        chosen = SettingsFile({"desired_retention": retention, "fuzz": fuzz}, {})
        scheduler = Scheduler(chosen.for_deck(None).scheduler)
        day = first
        while day < exam_moment(deck.exam):  # type: ignore[arg-type]
            clock = Clock(day)
            planned = plan([deck], store, clock(), 4, chosen)
            prompter = RandomLearner(clock, rng, forget)
            Session(planned.queue, planned.memories, store, scheduler, prompter, {deck.id: deck}, clock,
                    timer=lambda clock=clock: clock().timestamp(), exams=planned.exams).run()  # type: ignore[misc]
            day += timedelta(days=1)
        exam = exam_moment(deck.exam)  # type: ignore[arg-type]
        # Leeches suspended on the way are not studied, so the promise is not theirs.
        held = store.held(["exam"], exam)
        recalls = {key: scheduler.curve.recall_at(m, exam) for key, m in store.memories(["exam"]).items() if key not in held}
        assert store.studied(["exam"]) and all(recall >= retention - 1e-9 for recall in recalls.values()), recalls
        store.close()


@settings(max_examples=150)
@given(
    cards=st.lists(
        st.tuples(st.sampled_from(list(State)), st.floats(0.05, 40), st.integers(0, 40 * 24),
                  st.integers(-2 * 24, 2 * 24) | st.integers(-2 * 24, 60 * 24)),  # hours: due around tomorrow, often
        max_size=12,
    ),
    exam_days=st.integers(0, 30),
    hour=st.integers(0, 23),
    retention=st.sampled_from([0.7, 0.9, 0.97]),
)
def test_the_plan_finds_every_card_the_exam_rule_makes_due(
    cards: list[tuple[State, float, int, int]], exam_days: int, hour: int, retention: float
) -> None:
    """The plan's queue holds the due cards and those that bring_forward makes due now, as if
    every studied card of the deck had been put through the rule (the database picks candidates)."""
    store = Store(sqlite3.connect(":memory:"))
    store.migrate()
    deck = replace(DECK, exam=(T0 + timedelta(days=exam_days)).date())
    now = T0.replace(hour=hour)
    store.sync_decks([(deck.id, deck.title, None, 4)], now)
    for n, (state, stability, hours_ago, due_in_hours) in enumerate(cards, 1):
        last = now - timedelta(hours=hours_ago)
        store.record(Answer(None, deck.id, f"c{n}", "x", True, Rating.GOOD, 1000, last,
                            Memory(state, None, stability, 5.0, now + timedelta(hours=due_in_hours), last)))
    chosen = SettingsFile({"desired_retention": retention}, {})
    curve = Scheduler(chosen.for_deck(None).scheduler).curve
    exam, soon = exam_moment(deck.exam), now + LEARN_AHEAD  # type: ignore[arg-type]
    expected, moved = {}, {}
    for key, stored in store.memories([deck.id]).items():
        early = stored if stored.due <= soon or now >= exam else bring_forward(stored, now, exam, retention, curve)
        if early.due <= soon:
            expected[key] = early
            if early != stored:
                moved[key] = early
    planned = plan([deck], store, now, 0, chosen)
    # The plan carries the memories the rule changed; the session reads the others from the store.
    assert planned.memories == moved
    in_deck = deck.card_ids()
    queued = {key[1] for key, early in expected.items() if key[1] in in_deck and (early.due <= now or early.state != State.REVIEW)}
    asked = set()
    while (card := planned.queue.next(now)) is not None:
        asked.add(card.id)
    assert asked == queued


@dataclass
class RandomLearner:
    clock: Clock
    rng: random.Random
    forget: float

    def ask(self, question: Question) -> str:
        self.clock.tick(5)
        return "wrong" if self.rng.random() < self.forget else question.card.answer

    def confirm(self, result: Result) -> Rating:
        self.clock.tick(1)
        return result.rating
