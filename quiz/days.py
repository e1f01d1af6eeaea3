"""Local calendar days: where today starts, with each moment's own UTC offset (DST changes by day)."""

from __future__ import annotations

from datetime import date, datetime, time


def midnight(day: date) -> datetime:
    """Local midnight starting `day`, with that moment's own UTC offset."""
    return datetime.combine(day, time()).astimezone()


def start_of_day(now: datetime) -> datetime:
    return midnight(now.astimezone().date())
