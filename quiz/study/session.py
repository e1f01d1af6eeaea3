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
from typing import Protocol

from quiz.days import start_of_day
from quiz.decks.model import Card, CardKey, Deck, Kind, Source, key_of
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler
from quiz.memory.settings import SettingsFile
from quiz.memory.state import Memory
from quiz.store import Answer, Store, StoreError
from quiz.study.answers import Verdict, check
from quiz.study.grading import auto_rating
from quiz.study.queue import LEARN_AHEAD, StudyQueue, build


class Quit(Exception):
    """The person asked to stop (q, Ctrl-C, Ctrl-D or end of input)."""


@dataclass(frozen=True)
class Question:
    card: Card
    deck_title: str
    source: Source | None
    options: tuple[str, ...]  # display order, for multiple choice and true/false
    position: int  # 1-based number of this card in the session
    total: int  # cards answered + this one + still queued
    due: int
    new: int


@dataclass(frozen=True)
class Result:
    question: Question
    given: str
    verdict: Verdict
    rating: Rating
    seconds: float
    intervals: dict[Rating, timedelta]


class Prompter(Protocol):
    def ask(self, question: Question) -> str:
        """The answer given; raises Quit."""
        ...

    def confirm(self, result: Result) -> Rating:
        """Show the result; return the grade to keep (the automatic one or an override); raises Quit."""
        ...


@dataclass
class Summary:
    started: datetime
    ended: datetime | None = None
    answered: int = 0
    correct: int = 0
    ratings: Counter[Rating] = field(default_factory=Counter)
    next_due: datetime | None = None
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


def judge(question: Question, given: str) -> Verdict:
    """A picked menu option is right only if it is the answer; typed text is checked leniently."""
    card = question.card
    if card.kind == Kind.CHOICE and given in question.options:
        right = given == card.answer
        return Verdict(correct=right, typo=False, matched=card.answer if right else None)
    return check(given, card.answer, card.accept)


def plan(
    decks: list[Deck], store: Store, now: datetime, new_limit: int | None = None, settings: SettingsFile | None = None
) -> tuple[StudyQueue, dict[CardKey, Memory]]:
    """The queue for studying `decks` now, and the memory of the cards in it.

    New cards: at most `new_limit` today in all (counting earlier sessions) when given (`--new`),
    else each deck's `new_per_day` setting, counting that deck's new cards earlier today.
    Only the cards the queue can hold are read: those due within the learn-ahead window (with
    their memory) and the first unseen ones up to the allowance, so the first question does not
    wait on the other ten thousands.
    """
    ids = [deck.id for deck in decks]
    store.sync_decks([(deck.id, deck.title, deck.path, deck.card_count()) for deck in decks], now)
    memories = store.memories(ids, due_by=now + LEARN_AHEAD)
    allowance: int | dict[str, int]
    if new_limit is not None:
        allowance = max(0, new_limit - store.new_cards_since(start_of_day(now)))
    else:
        settings = settings or SettingsFile({}, {})
        today = store.new_cards_by_deck(start_of_day(now))
        allowance = {deck: max(0, settings.for_deck(deck).new_per_day - today.get(deck, 0)) for deck in ids}
    cards: list[Card] = []
    left = allowance if isinstance(allowance, int) else 0
    for deck in decks:
        new = unseen(deck, store, left if isinstance(allowance, int) else allowance[deck.id])
        left -= len(new)
        due = {card for deck_id, card in memories if deck_id == deck.id}
        cards += deck.cards_with_ids(due | set(new))
    return build(cards, memories, now, allowance), memories


def unseen(deck: Deck, store: Store, wanted: int) -> list[str]:
    """The ids of the deck's first `wanted` cards never studied, in deck order."""
    found: list[str] = []
    start, size = 0, 64
    while len(found) < wanted and start < deck.card_count():
        # Batches grow, so a deck studied far into its cards is crossed in a few queries.
        batch = deck.card_ids_between(start, start + size)
        studied = store.studied_among(deck.id, batch)
        found += [card for card in batch if card not in studied]
        start, size = start + size, size * 2
    return found[:wanted]


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
        given = self.prompter.ask(question)
        seconds = max(0.0, self.timer() - started)
        answered_at = self.clock()
        verdict = judge(question, given)
        rating = auto_rating(card, verdict.correct, verdict.typo, seconds)
        key = key_of(card)
        scheduler = self.deck_schedulers.get(card.deck_id, self.scheduler)
        before = self.memories[key] if key in self.memories else self.store.memory(*key)
        after = scheduler.review(before, rating, answered_at)
        review_id = self.store.record(
            Answer(session_id, card.deck_id, card.id, given, verdict.correct, rating, int(seconds * 1000), answered_at, after)
        )
        summary.answered += 1
        summary.correct += verdict.correct
        summary.ratings[rating] += 1
        intervals = scheduler.preview(before, answered_at)
        chosen = self.prompter.confirm(Result(question, given, verdict, rating, seconds, intervals))
        if chosen != rating:
            after = scheduler.review(before, chosen, answered_at)
            self.store.regrade(review_id, card.deck_id, card.id, chosen, after)
            summary.ratings[rating] -= 1
            summary.ratings[chosen] += 1
        self.memories[key] = after
        self.queue.answered(card, after, answered_at)

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
        )
