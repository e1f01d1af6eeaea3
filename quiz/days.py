"""Days and moments: local calendar days (each moment with its own UTC offset, as DST changes by
day), and the integer milliseconds since the epoch (UTC) that the store keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def midnight(day: date) -> datetime:
    """Local midnight starting `day`, with that moment's own UTC offset."""
    return datetime.combine(day, time()).astimezone()


def start_of_day(now: datetime) -> datetime:
    return midnight(now.astimezone().date())


def start_of_tomorrow(now: datetime) -> datetime:
    return midnight(now.astimezone().date() + timedelta(days=1))


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)
