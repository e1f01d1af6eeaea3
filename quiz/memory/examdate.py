"""Exam dates: scheduling so that cards are still remembered on the day of an exam.

The exam is taken at the start of its day (local midnight). Until then, for a learnt card (in the
review state) after each review:

- a next review that falls before the exam day is moved to the start of its day, so that a day's
  study at any hour finds it;
- a next review on or after the exam day stays, unless the card's predicted recall on the exam day
  would then be below the target (the desired retention): then it is brought forward to the start
  of the last day on which its recall is still at the target (but not to the day it was just
  reviewed while a later day before the exam will do). On that day it is reviewed, and the rule
  applies again to the new interval.

From the exam day on, nothing changes. ALGORITHM.md explains why this keeps every studied card at
or above the target on the exam day, given daily study.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from quiz.days import midnight, start_of_day, start_of_tomorrow
from quiz.memory.recall import Curve
from quiz.memory.state import Memory, State


def exam_moment(day: date) -> datetime:
    """When an exam on `day` is taken, for the forgetting curve: that day's local midnight."""
    return midnight(day)


def bring_forward(memory: Memory, now: datetime, exam: datetime, target: float, curve: Curve) -> Memory:
    """The memory with its due time moved by the exam rule, when it applies."""
    if now >= exam or memory.state != State.REVIEW or memory.stability is None or memory.last_review is None:
        return memory
    day_after = start_of_tomorrow(memory.last_review)
    if memory.due < exam:
        due = max(start_of_day(memory.due), day_after)
        return replace(memory, due=min(due, memory.due).astimezone(UTC))
    if curve.recall_at(memory, exam) >= target:
        return memory
    # The last whole day after the review on which recall is still at the target; it lies before
    # the exam, since recall on the exam day is below it. (The epsilon keeps a whole number of
    # days, such as S at a target of 0.9, from rounding down.)
    days = math.floor(curve.days_until(memory.stability, target) + 1e-9)
    due = start_of_day(memory.last_review + timedelta(days=days))
    return replace(memory, due=(max(due, day_after) if day_after < exam else due).astimezone(UTC))
