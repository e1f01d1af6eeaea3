"""Days and moments: local calendar days (each moment with its own UTC offset, as DST changes by
day), and the integer milliseconds since the epoch (UTC) that the store keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def midnight(day: date) -> datetime:
    """The first moment of the local day `day` (its midnight), with that moment's own UTC offset.

    Where the clocks go forward at midnight (Havana, 8 March 2026) 00:00 never happens and the
    day starts at 01:00; the C library maps the missing 00:00 to 23:00 the day before, so move on
    from there by what the local clock still lacks to reach the day.
    """
    start = datetime.combine(day, time())
    moment = start.astimezone()
    if moment.date() < day:
        moment = (moment + (start - moment.replace(tzinfo=None))).astimezone()
    return moment


def start_of_day(now: datetime) -> datetime:
    return midnight(now.astimezone().date())


def start_of_tomorrow(now: datetime) -> datetime:
    return midnight(now.astimezone().date() + timedelta(days=1))


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)
