"""Spans and moments of time as people read them: "8d", "in 3h (2026-12-02 14:00)"."""

from __future__ import annotations

from datetime import datetime, timedelta


def duration(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    for unit, size in (("y", 365 * 86400), ("mo", 30 * 86400), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            value = seconds / size
            return f"{value:.1f}{unit}" if value < 10 and unit in ("y", "mo") else f"{round(value)}{unit}"
    return f"{seconds}s"


def when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    if moment <= now:
        return "now"
    local = moment.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"in {duration(moment - now)} ({local})"
