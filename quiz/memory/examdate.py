"""Exam dates: scheduling so that cards are still remembered on the day of an exam.

The exam is taken at the start of its day (local midnight). Before it, a card whose next review
would fall after the exam, and whose predicted recall on the exam day would then be below the
target (the desired retention), is brought forward to the start of the last day on which its recall
is still at the target (but not to the day it was just reviewed, when a later day before the exam
will do); on that day it is reviewed, and the rule applies again to the new interval. From the exam day on, nothing changes. ALGORITHM.md explains why this
keeps every studied card at or above the target on the exam day, given daily study.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, timedelta

from quiz.days import midnight, start_of_day, start_of_tomorrow
from quiz.memory.recall import Curve
from quiz.memory.state import Memory, State


def exam_moment(day: date) -> datetime:
    """When an exam on `day` is taken, for the forgetting curve: that day's local midnight."""
    return midnight(day)


def bring_forward(memory: Memory, now: datetime, exam: datetime, target: float, curve: Curve) -> Memory:
    """The memory with its due time moved before `exam` when the exam rule asks for it."""
    if now >= exam or memory.due <= exam or memory.state != State.REVIEW:
        return memory
    if memory.stability is None or memory.last_review is None or curve.recall_at(memory, exam) >= target:
        return memory
    # The last whole day after the review on which recall is still at the target; it lies before
    # the exam, since recall on the exam day is below it.
    days = math.floor(curve.days_until(memory.stability, target))
    due = start_of_day(memory.last_review + timedelta(days=days))
    day_after = start_of_tomorrow(memory.last_review)
    return replace(memory, due=max(due, day_after) if day_after < exam else due)
