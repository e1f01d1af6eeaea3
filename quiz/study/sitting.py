"""Sitting an exam: ask every drawn question with no feedback, save each answer as it is given
(the exam question and, unless it is practice, the review that schedules the card), and hand in.

The sitting talks to the person through an `ExamPrompter` (the study prompts' `ask`, and a
question whether to hand in when they stop early), so it runs the same in tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from quiz.decks.model import Card, CardKey, Deck, key_of
from quiz.memory.leech import suspends
from quiz.memory.scheduler import Scheduler
from quiz.memory.state import Memory
from quiz.store import Answer, Store
from quiz.study.exam import Ending, ExamResult, Marked, rating
from quiz.study.session import Question, Quit, judge, next_memory, options_for


class ExamPrompter(Protocol):
    def ask(self, question: Question) -> str:
        """The answer given; raises Quit."""
        ...

    def hand_in(self, answered: int, questions: int) -> bool | None:
        """Asked when the person stops early: True hands in, False goes back to the exam, None
        leaves without a score."""
        ...


@dataclass
class Sitting:
    store: Store
    decks: dict[str, Deck]
    scheduler: Scheduler
    prompter: ExamPrompter
    clock: Callable[[], datetime]
    seed: int
    practice: bool = False  # answers leave the schedule alone
    deck_schedulers: Mapping[str, Scheduler] = field(default_factory=dict)
    exams: Mapping[str, datetime] = field(default_factory=dict)  # deck id -> exam date ahead (the scheduling rule)
    timer: Callable[[], float] = time.monotonic

    def run(self, cards: list[Card], memories: Mapping[CardKey, Memory]) -> ExamResult:
        started, begun = self.clock(), self.timer()
        questions = [(card.deck_id, card.id, card.prompt, card.answer) for card in cards]
        exam_id = self.store.start_exam(sorted({card.deck_id for card in cards}), questions, self.seed, self.practice, started)
        marked: list[Marked] = []
        ending = Ending.HANDED_IN
        position = 0
        while position < len(cards):
            card = cards[position]
            question = self._question(card, position, len(cards))
            asked = self.timer()
            try:
                given = self.prompter.ask(question)
            except (Quit, KeyboardInterrupt, EOFError):
                choice = self.prompter.hand_in(len(marked), len(cards))
                if choice is False:
                    continue
                ending = Ending.HANDED_IN if choice else Ending.LEFT
                break
            seconds = max(0.0, self.timer() - asked)
            marked.append(self._save(exam_id, position + 1, question, given, seconds, memories.get(key_of(card))))
            position += 1
        self.store.end_exam(exam_id, ending == Ending.HANDED_IN, self.clock())
        return ExamResult(exam_id, self.seed, self.practice, cards, marked, max(0.0, self.timer() - begun), ending)

    def _question(self, card: Card, position: int, total: int) -> Question:
        deck = self.decks[card.deck_id]
        source = deck.sources.get(card.source) if card.source else None
        return Question(card, deck.title, source, options_for(card, self.seed), position + 1, total, 0, 0, exam=True)

    def _save(self, exam_id: int, position: int, question: Question, given: str, seconds: float, before: Memory | None) -> Marked:
        card, at = question.card, self.clock()
        verdict = judge(question, given)
        grade = rating(verdict)
        after = None
        if not self.practice:
            before = before if before is not None else self.store.memory(*key_of(card))
            scheduler = self.deck_schedulers.get(card.deck_id, self.scheduler)
            after = next_memory(scheduler, before, grade, at, self.exams.get(card.deck_id))
        leech = after is not None and suspends(before.lapses if before else 0, after.lapses)
        interval = before.interval_days() if before else None
        answer = Answer(None, card.deck_id, card.id, given, verdict.correct, grade, int(seconds * 1000), at, after, interval, suspend=leech)
        self.store.answer_exam(exam_id, position, answer)
        return Marked(position, card, given, verdict, seconds)
