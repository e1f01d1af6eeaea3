"""Shared test helpers: a tiny deck builder, a settable clock and a fresh scores database."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings

from quiz.decks.model import Deck, Entry, Source
from quiz.store import Store

# No per-example deadline: CI shares a 2-core machine, and a slow example is not a failure.
settings.register_profile("quiz", deadline=None)
settings.load_profile("quiz")

# A test run started in the background of a shell without job control ignores SIGINT, and the
# quiz processes the pty tests spawn would inherit that: Ctrl-C typed before a prompt takes the
# terminal (arriving as SIGINT) would then do nothing. Give them the default.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DECK = ROOT / "decks" / "us-cuba-migration.yaml"
T0 = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def make_deck(*entries: Entry, id: str = "t", title: str = "Test deck", sources: dict[str, Source] | None = None) -> Deck:
    return Deck(id=id, title=title, sources=sources or {}, entries=entries)


def qa(question: str, answer: str, **fields: object) -> Entry:
    return Entry(question=question, answer=answer, **fields)  # type: ignore[arg-type]


class Clock:
    """A clock the test moves by hand; always UTC, as the scheduler wants."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float = 0, **kwargs: float) -> None:
        self.now += timedelta(seconds=seconds, **kwargs)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "q.db")
    yield opened
    opened.close()


def in_time_zone(tz: str) -> Iterator[None]:
    """Run with local time set to `tz`, for Python and SQLite's 'localtime' alike."""
    patch = pytest.MonkeyPatch()
    patch.setenv("TZ", tz)
    time.tzset()
    yield
    patch.undo()
    time.tzset()


@pytest.fixture
def every_card(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every card the generator's filters keep, not the few a short text's card budget lets through."""
    import quiz.generate.pipeline

    monkeypatch.setattr(quiz.generate.pipeline, "budget", lambda words: 100)


@pytest.fixture
def local_tz() -> Iterator[None]:
    """Local time five hours behind UTC, no DST."""
    yield from in_time_zone("EST+05")


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, when the body runs past `seconds`.

    For work that must take time linear in its input: the limit is far above what the linear
    code needs (tens of times), and far below what quadratic code or an endless read would
    take, so it tells the two apart without timing anything precisely.
    """

    def expire(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
