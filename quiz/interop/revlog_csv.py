"""Review logs in the CSV schema of fsrs-optimizer and py-fsrs, read into past reviews.

A header row names the columns, in any order: `card_id`, `review_time`, `review_rating`, and
optionally `review_state` (0 New, 1 Learning, 2 Review, 3 Relearning) and `review_duration`
(milliseconds). Other columns are ignored. `review_time` is milliseconds since the Unix epoch,
as the schema says, or an ISO-8601 time with its UTC offset (py-fsrs writes those). The first
bad row stops the reading with FILE:LINE and what is wrong, so nothing is half-imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from quiz.errors import QuizError
from quiz.memory.rating import Rating

REQUIRED = ("card_id", "review_time", "review_rating")
# Milliseconds below this are before 1973: such a time is a timestamp in seconds, given by mistake.
SECONDS_LOOK_ALIKE = 10**11
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class RevlogError(QuizError):
    """A review log that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class LoggedReview:
    card_id: str
    at: datetime
    rating: Rating
    state: int | None
    duration_ms: int


def parse(text: str, name: str) -> list[LoggedReview]:
    """Every review of the log, in file order."""
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if header is None:
        raise RevlogError(f"{name}: empty file; a review log starts with a header row naming {', '.join(REQUIRED)}")
    columns = {column.strip().lower().lstrip("\ufeff"): index for index, column in enumerate(header)}
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise RevlogError(f"{name}:1: no {' or '.join(missing)} column; the header must name {', '.join(REQUIRED)}"
                          " (and may name review_state, review_duration)")
    reviews = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{rows.line_num}"
        if len(row) < len(header):
            raise RevlogError(f"{where}: {len(row)} field(s) where the header has {len(header)}")
        cell = {column: row[index].strip() for column, index in columns.items()}
        reviews.append(_review(cell, where))
    return reviews


def _review(cell: dict[str, str], where: str) -> LoggedReview:
    if not cell["card_id"]:
        raise RevlogError(f"{where}: empty card_id")
    return LoggedReview(
        card_id=cell["card_id"],
        at=_time(cell["review_time"], where),
        rating=Rating(_integer(cell["review_rating"], "review_rating", range(1, 5), where, "1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")),
        state=_integer(cell["review_state"], "review_state", range(4), where, "0 (New), 1 (Learning), 2 (Review) or 3 (Relearning)")
        if cell.get("review_state") else None,
        duration_ms=_integer(cell["review_duration"], "review_duration", range(2**53), where, "a whole number of milliseconds, 0 or more")
        if cell.get("review_duration") else 0,
    )


def _integer(text: str, column: str, allowed: range, where: str, expected: str) -> int:
    try:
        value: int | None = int(text)
    except ValueError:
        value = None
    if value is None or value not in allowed:
        raise RevlogError(f"{where}: {column} must be {expected}, not {text[:40]!r}")
    return value


def _time(text: str, where: str) -> datetime:
    if text.isdigit():
        if int(text) < SECONDS_LOOK_ALIKE:
            raise RevlogError(f"{where}: review_time {text} looks like seconds since 1970; the schema wants milliseconds")
        try:
            return EPOCH + timedelta(milliseconds=int(text))
        except OverflowError:
            raise RevlogError(f"{where}: review_time {text[:40]} is out of range") from None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise RevlogError(f"{where}: review_time must be milliseconds since 1970 or an ISO-8601 time, not {text[:40]!r}") from None
    if moment.tzinfo is None:
        raise RevlogError(f"{where}: review_time {text[:40]!r} has no UTC offset; add one (+00:00 for UTC) or give milliseconds since 1970")
    return moment.astimezone(UTC)
