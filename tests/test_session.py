"""The study session, driven by a scripted prompter over a real store and a hand-moved clock."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.days import to_ms
from quiz.decks import cache
from quiz.decks.file import dump
from quiz.decks.model import Deck, Entry, Kind, Source
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import State
from quiz.store import Answer, Store
from quiz.study.planning import plan
from quiz.study.queue import StudyQueue
from quiz.study.session import Question, Quit, Result, Session, Summary, judge, options_for

from conftest import T0, Clock, make_deck

STEADY = Scheduler(Settings(fuzz=False))
DECK = make_deck(
    Entry(
        id="suspended",
        question="Which U.S. president suspended the U.S.–Cuba migration talks in 2003?",
        answer="Bush",
        accept=("George W. Bush",),
        source="america-gov-2009",
        quote="The talks were suspended by President Bush in 2003.",
    ),
    Entry(id="oas-year", question="In what year did the OAS expel Cuba?", answer="1962"),
    Entry(
        id="rotation",
        question="Before 2009, U.S.–Cuba talks rotated between Havana and which U.S. city?",
        answer="New York",
        choices=("Washington", "Miami", "Boston"),
    ),
    Entry(id="readmitted", question="True or false: Cuba was readmitted to the OAS in 1962.", answer="false"),
    Entry(id="resumed", cloze="After being suspended in 2003, the talks resumed in July 2009 under the {{Obama}} administration."),
    id="us-cuba-migration",
    title="U.S.–Cuba migration talks",
    sources={"america-gov-2009": Source(title="U.S., Cuba Agree to Resume Talks on Immigration, Direct Mail")},
)


@dataclass
class Step:
    """One scripted answer: what to type, how long it takes, and an optional grade override."""

    answer: str | None  # None: quit at the prompt
    seconds: float = 7.0
    override: Rating | None = None
    quit_at_confirm: bool = False


@dataclass
class Scripted:
    """A Prompter that plays a script; quits when the script runs out."""

    clock: Clock
    store: Store
    script: list[Step]
    questions: list[Question] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    saved_before_ask: list[int] = field(default_factory=list)

    def ask(self, question: Question) -> str:
        self.saved_before_ask.append(self.store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
        self.questions.append(question)
        if not self.script or self.script[0].answer is None:
            raise Quit
        step = self.script[0]
        self.clock.tick(step.seconds)
        return step.answer  # type: ignore[return-value]

    def confirm(self, result: Result) -> Rating:
        self.results.append(result)
        step = self.script.pop(0)
        if step.quit_at_confirm:
            raise Quit
        self.clock.tick(1)
        return step.override or result.rating


def run(store: Store, script: list[Step], decks: list[Deck] | None = None, clock: Clock | None = None, new: int = 20, limit: int | None = None) -> tuple[Summary, Scripted]:
    if decks is None:
        decks = [DECK]
    clock = clock or Clock()
    planned = plan(decks, store, clock(), new)
    queue, memories = planned.queue, planned.memories
    prompter = Scripted(clock, store, list(script))
    session = Session(queue, memories, store, STEADY, prompter, {d.id: d for d in decks}, clock, limit,
                      timer=lambda: clock().timestamp())
    return session.run(), prompter


def reviews(store: Store) -> list[tuple]:
    return store.db.execute("SELECT card_id, answer, correct, rating, auto_rating, duration_ms FROM reviews ORDER BY id").fetchall()


def asked(prompter: Scripted) -> list[str]:
    return [q.card.id for q in prompter.questions]


def test_answers_become_ratings_and_saved_reviews(store: Store) -> None:
    summary, prompter = run(
        store,
        [
            Step("george w bush", seconds=2),  # right and fast: Easy
            Step("1963", seconds=3),  # wrong: Again
            Step("New York", seconds=20),  # a choice, slow: Hard
            Step("False", seconds=6),  # true/false, between the limits: Good
            Step("Obamma", seconds=3),  # a typo: Hard
        ],
    )
    assert asked(prompter)[:5] == ["suspended", "oas-year", "rotation", "readmitted", "resumed"]
    assert reviews(store) == [
        ("suspended", "george w bush", 1, 4, 4, 2000),
        ("oas-year", "1963", 0, 1, 1, 3000),
        ("rotation", "New York", 1, 2, 2, 20000),
        ("readmitted", "False", 1, 3, 3, 6000),
        ("resumed", "Obamma", 1, 2, 2, 3000),
    ]
    assert [r.rating for r in prompter.results] == [Rating.EASY, Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.HARD]
    assert prompter.results[4].verdict.typo
    assert (summary.answered, summary.correct) == (5, 4)
    assert summary.ratings == Counter({Rating.HARD: 2, Rating.EASY: 1, Rating.AGAIN: 1, Rating.GOOD: 1})
    # Every answer was saved before the next card was shown.
    assert prompter.saved_before_ask[:6] == [0, 1, 2, 3, 4, 5]
    session = store.db.execute("SELECT started_ms, ended_ms, answered, correct, decks FROM sessions").fetchone()
    assert session == (to_ms(T0), to_ms(summary.ended), 5, 4, '["us-cuba-migration"]')  # type: ignore[arg-type]
    assert summary.next_due is not None and summary.next_due > T0


def test_memory_is_scheduled_from_the_answer_time(store: Store) -> None:
    run(store, [Step("Bush", seconds=9)])
    answered_at = T0 + timedelta(seconds=9)
    memory = store.memories([DECK.id])[(DECK.id, "suspended")]
    expected = STEADY.review(None, Rating.GOOD, answered_at)
    assert (memory.state, memory.step, memory.due, memory.last_review) == (expected.state, expected.step, expected.due, expected.last_review)
    assert memory.stability == pytest.approx(expected.stability)


def test_the_result_shows_intervals_for_every_grade(store: Store) -> None:
    _, prompter = run(store, [Step("Bush", seconds=9)])
    assert prompter.results[0].intervals == STEADY.preview(None, T0 + timedelta(seconds=9))
    assert prompter.results[0].seconds == 9.0


def test_override_regrades(store: Store) -> None:
    summary, prompter = run(store, [Step("Bush", seconds=9, override=Rating.EASY), Step("1962", seconds=9, override=Rating.GOOD)])
    assert [r.rating for r in prompter.results] == [Rating.GOOD, Rating.GOOD]
    assert [row[3:5] for row in reviews(store)] == [(4, 3), (3, 3)]
    memory = store.memories([DECK.id])[(DECK.id, "suspended")]
    assert memory.due == STEADY.review(None, Rating.EASY, T0 + timedelta(seconds=9)).due
    assert memory.state == State.REVIEW
    assert summary.ratings == Counter({Rating.EASY: 1, Rating.GOOD: 1})


def test_overriding_to_again_brings_the_card_back(store: Store) -> None:
    _, prompter = run(store, [Step("Bush", seconds=2, override=Rating.AGAIN)], decks=[make_deck(*DECK.entries[:1])])
    assert asked(prompter) == ["suspended", "suspended"]


def test_quit_at_a_prompt_keeps_earlier_answers(store: Store) -> None:
    summary, prompter = run(store, [Step("Bush"), Step("1962"), Step(None), Step("New York")])
    assert asked(prompter) == ["suspended", "oas-year", "rotation"]
    assert [row[0] for row in reviews(store)] == ["suspended", "oas-year"]
    assert summary.answered == 2 and summary.ended is not None
    assert store.db.execute("SELECT answered, ended_ms IS NOT NULL FROM sessions").fetchone() == (2, 1)


def test_quit_at_the_grade_keeps_the_automatic_grade(store: Store) -> None:
    summary, _ = run(store, [Step("Bush"), Step("1962", seconds=2, quit_at_confirm=True)])
    assert [(row[0], row[3]) for row in reviews(store)] == [("suspended", 3), ("oas-year", 4)]
    assert summary.answered == 2


def test_limit_stops_after_n_answers(store: Store) -> None:
    script = [Step("Bush"), Step("1962"), Step("New York"), Step("false")]
    summary, prompter = run(store, script, limit=2)
    assert summary.answered == 2 and len(prompter.questions) == 2
    assert len(reviews(store)) == 2


def test_a_learning_card_comes_back_in_the_same_session(store: Store) -> None:
    # Wrong at T0+3s, so due again at T0+63s; two other cards take the clock to T0+66s.
    script = [Step("Obama", seconds=3), Step("x", seconds=30), Step("x", seconds=30), Step("Bush", seconds=3)]
    _, prompter = run(store, script, decks=[make_deck(*DECK.entries[:4])])
    assert asked(prompter) == ["suspended", "oas-year", "rotation", "suspended", "readmitted"]
    assert prompter.questions[3].position == 4
    rows = [row for row in reviews(store) if row[0] == "suspended"]
    assert [(row[2], row[3]) for row in rows] == [(0, 1), (1, 4)]


def test_a_learning_card_is_shown_early_when_nothing_else_is_left(store: Store) -> None:
    _, prompter = run(store, [Step("Obama", seconds=3), Step("Bush", seconds=9)], decks=[make_deck(*DECK.entries[:1])])
    # Again: back in a minute; then Good: back in ten minutes; both shown early.
    assert asked(prompter) == ["suspended", "suspended", "suspended"]
    assert len(reviews(store)) == 2


def test_session_ends_when_the_queue_is_empty(store: Store) -> None:
    summary, prompter = run(store, [Step("Bush", seconds=2)], decks=[make_deck(*DECK.entries[:1])])
    assert summary.answered == 1 and len(prompter.questions) == 1  # Easy: graduated, not back today


def test_questions_carry_progress_and_context(store: Store) -> None:
    _, prompter = run(store, [Step("Bush"), Step("1962"), Step("New York")], new=3)
    first, second, third = prompter.questions[:3]
    assert (first.position, first.total, first.due, first.new) == (1, 3, 0, 2)
    # The first card, answered Good, waits ten minutes in learning: it still counts.
    assert (second.position, second.total, second.new) == (2, 4, 1)
    assert first.deck_title == "U.S.–Cuba migration talks"
    assert first.source == DECK.sources["america-gov-2009"]
    assert second.source is None
    assert third.card.kind == Kind.CHOICE and set(third.options) == {"New York", "Washington", "Miami", "Boston"}


def test_due_reviews_come_before_new_cards_and_new_cards_are_limited_per_day(store: Store, local_tz: None) -> None:
    clock = Clock()
    run(store, [Step("Bush", seconds=2), Step("1962", seconds=2)], new=2, clock=clock)
    # Later the same day: the two new cards of the day are used up.
    clock.tick(hours=1)
    _, prompter = run(store, [], new=2, clock=clock)
    assert prompter.questions == []
    # Weeks later both are due again, before any new card.
    clock.tick(days=60)
    _, prompter = run(store, [Step("Bush"), Step("1962"), Step("New York")], new=1, clock=clock)
    assert asked(prompter)[:3] == ["suspended", "oas-year", "rotation"]
    assert (prompter.questions[0].due, prompter.questions[0].new) == (1, 1)


def test_options_for() -> None:
    choice, typed, true_false = make_deck(
        Entry(id="c", question="Before 2009, talks rotated between Havana and which U.S. city?", answer="New York", choices=("Washington", "Miami", "Boston")),
        Entry(id="t", question="In what year did the OAS expel Cuba?", answer="1962"),
        Entry(id="tf", question="True or false: Cuba was readmitted to the OAS in 1962.", answer="false"),
    ).cards()
    orders = {options_for(choice, seed) for seed in range(30)}
    assert all(sorted(order) == ["Boston", "Miami", "New York", "Washington"] for order in orders)
    assert len(orders) > 1  # the order varies between showings...
    assert all(options_for(choice, seed) == options_for(choice, seed) for seed in range(30))  # ...but is stable
    assert options_for(typed, 3) == ()
    assert options_for(true_false, 3) == ("True", "False")


def test_a_picked_option_is_judged_exactly_but_typed_text_leniently() -> None:
    card = make_deck(
        Entry(id="capital", question="Capital of Cuba?", answer="Havana", choices=("Havanna", "Madrid", "Lima")),
    ).cards()[0]
    question = Question(card, "deck", None, options_for(card, 0), 1, 1, 0, 1)
    # "Havanna" is one letter from the answer: typed, it passes as a typo; picked, it is wrong.
    assert not judge(question, "Havanna").correct
    assert judge(question, "Havana").correct and not judge(question, "Havana").typo
    assert judge(question, "havanna ").typo



def studied_deck(store: Store, cards: int, studied: range, due: set[int]) -> Deck:
    """A deck of `cards` typed cards; those in `studied` seen before, those in `due` due now."""
    deck = make_deck(*(Entry(id=f"c{n}", question=f"Q{n}?", answer="x") for n in range(cards)), id="long")
    store.sync_decks([("long", "Long", None, cards)], T0)
    session = store.start_session(["long"], T0)
    for n in studied:
        memory = STEADY.review(None, Rating.EASY, T0 - timedelta(days=30))
        memory = replace(memory, due=T0 - timedelta(hours=n) if n in due else T0 + timedelta(days=30))
        store.record(Answer(session, "long", f"c{n}", "x", True, Rating.EASY, 1000, T0 - timedelta(days=30), memory))
    return deck


def queued(queue: StudyQueue) -> list[str]:
    order = []
    while (card := queue.next(T0)) is not None:
        order.append(card.id)
    return order


def test_plan_finds_new_cards_past_hundreds_studied_and_reads_no_other(store: Store, tmp_path: Path) -> None:
    deck = studied_deck(store, 700, range(0, 650), due={3, 400, 649})
    path = tmp_path / "long.yaml"
    path.write_text(dump(deck), encoding="utf-8")
    cache.write(tmp_path / "cache", path, deck)
    cached = cache.read(tmp_path / "cache", path)
    assert cached is not None
    for version in (deck, cached):
        planned = plan([version], store, T0, 20)
        queue, memories = planned.queue, planned.memories
        # No exam moved a card: the session reads each card's memory from the store as it asks it.
        assert memories == {} and len(queue) == 23
        # Due reviews, most overdue first, then the first 20 never studied, in deck order.
        assert queued(queue) == ["c649", "c400", "c3", *(f"c{n}" for n in range(650, 670))]
    queue = plan([deck, make_deck(Entry(id="o", question="O?", answer="x"), id="other")], store, T0, 60).queue
    assert queued(queue)[-1] == "o"  # the allowance left after one deck's 50 goes to the next
    assert len(queued(plan([deck], store, T0, 0).queue)) == 3
