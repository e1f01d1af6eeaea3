"""A study session: ask cards from the queue, check, grade, schedule and save each answer.

The session talks to the person through a `Prompter` (questionary or plain lines, see
quiz/study/prompts.py) and to the database through the store, so its logic runs the same in tests.
Every answer is saved in its own transaction before the next card is shown.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol

from quiz.days import start_of_tomorrow
from quiz.decks.model import Card, CardKey, Deck, Kind, Source, key_of
from quiz.memory.examdate import bring_forward
from quiz.memory.leech import suspends
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler
from quiz.memory.state import Memory
from quiz.store import Answer, Store, StoreError
from quiz.study.answers import Verdict, check
from quiz.study.grading import auto_rating
from quiz.study.queue import StudyQueue

# A card answered wrong in a cram session comes back after this long (like a learning step).
CRAM_AGAIN = timedelta(minutes=1)


class Quit(Exception):
    """The person asked to stop (q, Ctrl-C, Ctrl-D or end of input)."""


class Undo(Exception):
    """At a question, the person asked to take back the answer before it."""


class Action(Enum):
    """What the person can do at the grade prompt besides keeping or changing the grade."""

    UNDO = "undo"  # take the answer back; the card is asked again
    SUSPEND = "suspend"  # keep the answer, and never ask the card again until unsuspended
    BURY = "bury"  # keep the answer, and leave the card until tomorrow


@dataclass(slots=True)
class Question:
    card: Card
    deck_title: str
    source: Source | None
    options: tuple[str, ...]  # display order, for multiple choice and true/false
    position: int  # 1-based number of this card in the session
    total: int  # cards answered + this one + still queued
    due: int
    new: int
    can_undo: bool = False  # an answer before it can be taken back
    exam: bool = False  # a question of an exam: no feedback until the end


@dataclass(slots=True)
class Result:
    question: Question
    given: str
    verdict: Verdict
    rating: Rating
    seconds: float
    intervals: dict[Rating, timedelta]  # empty for practice, which schedules nothing
    leech: bool = False  # this answer made the card a leech, and suspended it
    next_in: timedelta | None = None  # until the card is due with `rating`, fuzz and all


class Prompter(Protocol):
    def ask(self, question: Question) -> str:
        """The answer given; raises Quit, or Undo when `question.can_undo`."""
        ...

    def confirm(self, result: Result) -> Rating | Action:
        """Show the result; return the grade to keep (the automatic one or an override) or an
        action; raises Quit."""
        ...


@dataclass
class Summary:
    started: datetime
    ended: datetime | None = None
    answered: int = 0
    correct: int = 0
    ratings: Counter[Rating] = field(default_factory=Counter)
    next_due: datetime | None = None
    undone: int = 0
    suspended: list[Card] = field(default_factory=list)  # by the person or as leeches
    buried: list[Card] = field(default_factory=list)
    # Why the session stopped early, when the database failed; every answer before it is saved.
    failure: StoreError | None = None


def options_for(card: Card, seed: int) -> tuple[str, ...]:
    """Answer options in a shuffled order that is stable for one card and seed."""
    if card.kind == Kind.TRUE_FALSE:
        return ("True", "False")
    if card.kind != Kind.CHOICE:
        return ()
    options = [card.answer, *card.choices]
    random.Random(f"{card.deck_id}/{card.id}/{seed}").shuffle(options)
    return tuple(options)


def next_memory(scheduler: Scheduler, before: Memory | None, rating: Rating, at: datetime, exam: datetime | None) -> Memory:
    """The card's memory after the answer, brought forward when its deck has an exam ahead."""
    after = scheduler.review(before, rating, at)
    return bring_forward(after, at, exam, scheduler.settings.desired_retention, scheduler.curve) if exam else after


def judge(question: Question, given: str) -> Verdict:
    """A picked menu option is right only if it is the answer; typed text is checked leniently."""
    card = question.card
    if card.kind == Kind.CHOICE and given in question.options:
        right = given == card.answer
        return Verdict(correct=right, typo=False, matched=card.answer if right else None)
    return check(given, card.answer, card.accept)


@dataclass
class Done:
    """An answer of this session, with what undoing it needs."""

    review_id: int
    card: Card
    before: Memory | None
    after: Memory | None  # None for practice
    rating: Rating
    correct: bool
    leech: bool


@dataclass
class Session:
    queue: StudyQueue
    memories: dict[CardKey, Memory]
    store: Store
    scheduler: Scheduler
    prompter: Prompter
    decks: dict[str, Deck]
    clock: Callable[[], datetime]
    limit: int | None = None
    # Answer time comes from a monotonic timer, so a jump of the wall clock cannot skew grades.
    timer: Callable[[], float] = time.monotonic
    # Decks with settings of their own schedule with their own scheduler; the rest with `scheduler`.
    deck_schedulers: Mapping[str, Scheduler] = field(default_factory=dict)
    # Cram: answers are recorded as practice and leave the schedule alone.
    practice: bool = False
    # Deck id -> exam moment still ahead: the exam rule applies to those decks' cards.
    exams: Mapping[str, datetime] = field(default_factory=dict)
    # The answers of this session that can still be taken back, the last one last.
    done: list[Done] = field(default_factory=list)

    def run(self) -> Summary:
        summary = Summary(started=self.clock())
        session_id = self.store.start_session(sorted(self.decks), summary.started)
        try:
            while self.limit is None or summary.answered < self.limit:
                card = self.queue.next(self.clock())
                if card is None:
                    break
                self._study(card, session_id, summary)
        except (Quit, KeyboardInterrupt, EOFError):
            pass  # Ctrl-C can land between prompts too; every answer so far is already saved.
        except StoreError as exc:
            summary.failure = exc
        summary.ended = self.clock()
        try:
            self.store.end_session(session_id, summary.ended)
            summary.next_due = self.store.next_due(sorted(self.decks))
        except StoreError as exc:
            summary.failure = summary.failure or exc
        return summary

    def _study(self, card: Card, session_id: int, summary: Summary) -> None:
        started = self.timer()
        question = self._question(card, self.clock(), summary.answered)
        try:
            given = self.prompter.ask(question)
        except Undo:
            self.queue.put_back(card)
            self._undo(summary)
            return
        seconds = max(0.0, self.timer() - started)
        answered_at = self.clock()
        verdict = judge(question, given)
        rating = auto_rating(card, verdict.correct, verdict.typo, seconds)
        key = key_of(card)
        scheduler = self.deck_schedulers.get(card.deck_id, self.scheduler)
        before = self.memories[key] if key in self.memories else self.store.memory(*key)
        after = None if self.practice else self._schedule(scheduler, card, before, rating, answered_at)
        leech = after is not None and suspends(before.lapses if before else 0, after.lapses)
        interval = before.interval_days() if before else None
        review_id = self.store.record(Answer(session_id, card.deck_id, card.id, given, verdict.correct, rating,
                                             int(seconds * 1000), answered_at, after, interval, suspend=leech))
        done = Done(review_id, card, before, after, rating, verdict.correct, leech)
        self.done.append(done)
        summary.answered += 1
        summary.correct += verdict.correct
        summary.ratings[rating] += 1
        intervals = {} if self.practice else scheduler.preview(before, answered_at)
        next_in = after.due - answered_at if after is not None else None
        chosen = self.prompter.confirm(Result(question, given, verdict, rating, seconds, intervals, leech, next_in))
        if chosen is Action.UNDO:
            self._undo(summary)
            return
        if isinstance(chosen, Rating) and chosen != rating:
            self._regrade(done, chosen, scheduler, answered_at, summary)
        if done.after is not None:
            self.memories[key] = done.after
        if chosen is Action.SUSPEND or done.leech:
            if chosen is Action.SUSPEND:
                self.store.suspend([key])
            summary.suspended.append(card)
        elif chosen is Action.BURY:
            self.store.bury([key], start_of_tomorrow(answered_at))
            summary.buried.append(card)
        elif done.after is not None:
            self.queue.answered(card, done.after, answered_at)
        elif not verdict.correct:
            self.queue.again(card, answered_at + CRAM_AGAIN)

    def _schedule(self, scheduler: Scheduler, card: Card, before: Memory | None, rating: Rating, at: datetime) -> Memory:
        return next_memory(scheduler, before, rating, at, self.exams.get(card.deck_id))

    def _regrade(self, done: Done, chosen: Rating, scheduler: Scheduler, at: datetime, summary: Summary) -> None:
        after = None if self.practice else self._schedule(scheduler, done.card, done.before, chosen, at)
        leech = after is not None and suspends(done.before.lapses if done.before else 0, after.lapses)
        self.store.regrade(done.review_id, done.card.deck_id, done.card.id, chosen, after, leech if leech != done.leech else None)
        summary.ratings[done.rating] -= 1
        summary.ratings[chosen] += 1
        done.rating, done.after, done.leech = chosen, after, leech

    def _undo(self, summary: Summary) -> None:
        """Take back the last answer: its review is marked undone, the card gets its memory back
        and is asked next."""
        if not self.done:
            return
        last = self.done.pop()
        key = key_of(last.card)
        self.store.undo(last.review_id, last.before, unsuspend=last.leech, now=self.clock())
        if not self.practice:
            if last.before is None:
                self.memories.pop(key, None)
            else:
                self.memories[key] = last.before
        self.queue.put_back(last.card)
        summary.answered -= 1
        summary.correct -= last.correct
        summary.ratings[last.rating] -= 1
        summary.undone += 1
        if last.leech and last.card in summary.suspended:
            summary.suspended.remove(last.card)

    def _question(self, card: Card, now: datetime, answered: int) -> Question:
        due, new, waiting = self.queue.counts(now)
        deck = self.decks[card.deck_id]
        return Question(
            card=card,
            deck_title=deck.title,
            source=deck.sources.get(card.source) if card.source else None,
            # Seeding with the position varies the option order between showings.
            options=options_for(card, answered),
            position=answered + 1,
            total=answered + 1 + due + new + waiting,
            due=due,
            new=new,
            can_undo=bool(self.done),
        )
