"""The progress figures: pure functions of daily totals, the store's queries behind them, and the
charts drawn from them (local time is UTC-5 in the store tests)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.figures import progress as figures
from quiz.figures.progress import DayTotals, Share
from quiz.figures.stats import progress
from quiz.memory.rating import Rating
from quiz.memory.recall import Curve
from quiz.memory.state import Memory, State
from quiz.store import Answer, Store
from quiz.terminal import charts
from quiz.terminal.draw import render

from conftest import T0, make_deck, qa

TODAY = date(2024, 3, 5)  # a Tuesday


def totals(day: date, reviews: int = 1, young: tuple[int, int] = (0, 0), mature: tuple[int, int] = (0, 0), seconds: float = 1, deck: str = "d") -> DayTotals:
    return DayTotals(deck, day.isoformat(), reviews, reviews, int(seconds * 1000), *young, *mature)


def test_by_day_adds_up_the_decks() -> None:
    days = figures.by_day([totals(TODAY, 2, deck="a"), totals(TODAY, 3, young=(2, 1), deck="b"), totals(TODAY - timedelta(days=1))])
    assert list(days) == [TODAY - timedelta(days=1), TODAY]
    assert (days[TODAY].reviews, days[TODAY].young, days[TODAY].young_passed, days[TODAY].duration_ms) == (5, 2, 1, 2000)


def test_heatmap_covers_whole_weeks_to_today() -> None:
    days = figures.by_day([totals(TODAY, 4), totals(TODAY - timedelta(days=400), 9), totals(TODAY - timedelta(days=3), 1)])
    chart = figures.heatmap(days, TODAY)
    assert chart.start == date(2023, 3, 6) and chart.start.weekday() == 0
    assert chart.weeks == 53
    assert chart.counts == {TODAY: 4, TODAY - timedelta(days=3): 1}  # 400 days ago is outside


@given(st.lists(st.integers(1, 500), min_size=1, max_size=60))
def test_heatmap_levels_rise_with_the_count(counts: list[int]) -> None:
    chart = figures.Heatmap(TODAY, TODAY, {TODAY - timedelta(days=n): c for n, c in enumerate(counts)})
    levels = [chart.level(c) for c in sorted(counts)]
    assert levels == sorted(levels) and set(levels) <= {1, 2, 3, 4}
    assert chart.level(0) == 0 and chart.level(max(counts)) == max(levels)


@pytest.mark.parametrize(
    ("offsets", "expected"), [((), 0), ((0,), 1), ((0, 1, 2, 5, 6), 3), ((9, 8, 7, 6, 0, 1), 4), ((3, 3, 3), 1)]
)
def test_longest_streak(offsets: tuple[int, ...], expected: int) -> None:
    assert figures.longest_streak(TODAY - timedelta(days=n) for n in offsets) == expected


def test_retention_by_period() -> None:
    days = figures.by_day([
        totals(TODAY, young=(4, 3), mature=(2, 2)),
        totals(TODAY - timedelta(days=6), young=(10, 5)),
        totals(TODAY - timedelta(days=7), mature=(10, 9)),  # 8 days ago counting today: not in the week
        totals(TODAY - timedelta(days=40), young=(1, 0)),
    ])
    rows = {row.period: row for row in figures.retention(days, TODAY)}
    assert list(rows) == ["today", "7 days", "30 days", "all"]
    assert (rows["today"].young, rows["today"].mature, rows["today"].all) == (Share(4, 3), Share(2, 2), Share(6, 5))
    assert rows["7 days"].young == Share(14, 8) and rows["7 days"].mature == Share(2, 2)
    assert rows["30 days"].mature == Share(12, 11)
    assert rows["all"].young == Share(15, 8)
    assert Share(0, 0).rate is None and Share(4, 3).rate == 0.75


def test_forecast_days_and_their_ends(local_tz: None) -> None:
    days = figures.forecast([5, 0, 7], TODAY)
    assert days == [(TODAY, 5), (TODAY + timedelta(days=1), 0), (TODAY + timedelta(days=2), 7)]
    ends = figures.day_ends(TODAY)
    assert len(ends) == 30 and ends[0] == datetime.fromisoformat("2024-03-06T05:00:00+00:00")
    assert ends[-1] == datetime.fromisoformat("2024-04-04T05:00:00+00:00")


def test_time_per_day_covers_the_last_30_days() -> None:
    days = figures.by_day([totals(TODAY, seconds=90), totals(TODAY - timedelta(days=29), seconds=30), totals(TODAY - timedelta(days=30), seconds=5)])
    spent = figures.time_per_day(days, TODAY)
    assert spent[0] == (TODAY - timedelta(days=29), 30.0) and spent[-1] == (TODAY, 90.0) and len(spent) == 30
    assert sum(seconds for _, seconds in spent) == 120.0


def test_trend_is_the_least_squares_slope() -> None:
    assert figures.trend([]) is None and figures.trend([0.5]) is None
    assert figures.trend([0.5, 0.6, 0.7]) == pytest.approx(0.1)
    assert figures.trend([0.9, 0.5, 0.9]) == pytest.approx(0.0)


@given(st.lists(st.floats(0, 1000), min_size=1, max_size=30))
def test_bars_are_as_tall_as_their_values(values: list[float]) -> None:
    rows = charts.bar_rows(values, height=5)
    assert len(rows) == 5 and all(len(row) == len(values) for row in rows)
    heights = [sum(charts.EIGHTHS.index(row[n]) for row in rows) for n in range(len(values))]
    for value, height in zip(values, heights):
        assert (height == 0) == (value == 0)
        if value:
            assert abs(height - value / max(values) * 40) <= 1


def test_sparkline() -> None:
    assert charts.sparkline([0.0, 0.5, 1.0]) == "▁▅█"


# -- from the store ------------------------------------------------------------------------------


@pytest.fixture
def studied(store: Store, local_tz: None) -> Store:
    """Four cards: one lapsed twice, one long unseen, one fresh, one suspended; a review a day."""
    store.sync_decks([("d", "Deck", None, 5)], T0)
    curve_state = {"a": (2, 3.0, 1), "b": (0, 2.0, 40), "c": (0, 30.0, 1), "s": (5, 1.0, 60)}
    for n, (card, (lapses, stability, days_ago)) in enumerate(curve_state.items()):
        last = T0 - timedelta(days=days_ago)
        memory = Memory(State.REVIEW, None, stability, 5.0, T0 + timedelta(days=n - 1), last, lapses)
        store.record(Answer(None, "d", card, "x", True, Rating.GOOD, 60_000, last, memory, interval_days=25.0))
    store.suspend([("d", "s")])
    return store


def test_store_figures(studied: Store) -> None:
    curve = Curve()
    days = {row.day: row.reviews for row in studied.daily_totals(["d"])}
    assert days == {"2024-03-04": 2, "2024-01-25": 1, "2024-01-05": 1}  # 07:00 local is the 5th; a day back is the 4th
    ends = figures.day_ends(TODAY)
    # a (overdue) and b today; c tomorrow; s is suspended. With keys, from those cards alone.
    assert studied.due_counts(["d"], ends) == [2, 1] + [0] * 28
    assert studied.due_counts(["d"], ends, [("d", "c"), ("d", "s")]) == [0, 1] + [0] * 28
    # Lapsed cards first, then the overdue ones by recall; c is neither.
    hardest = studied.hardest(["d"], T0, curve, 10)
    assert [(row.card_id, row.lapses) for row in hardest] == [("s", 5), ("a", 2), ("b", 0)]
    assert hardest[2].recall == pytest.approx(curve.recall(2.0, 40))
    assert [row.card_id for row in studied.hardest(["d"], T0, curve, 10, [("d", "b"), ("d", "c")])] == ["b"]
    total, count = studied.recall_sum(["d"], T0, curve)
    expected = curve.recall(3.0, 1) + curve.recall(2.0, 40) + curve.recall(30.0, 1) + curve.recall(1.0, 60)
    assert count == 4 and total == pytest.approx(expected)
    # Only the chosen cards.
    assert {row.day for row in studied.daily_totals(["d"], [("d", "b")])} == {"2024-01-25"}
    assert studied.recall_sum(["d"], T0, curve, [("d", "c")])[1] == 1


def test_progress_over_a_deck(studied: Store) -> None:
    deck = make_deck(*(qa(f"Question {card}?", "x", id=card, tags=("t",) if card in "ab" else ()) for card in "abcsn"), id="d")
    result = progress(studied, [deck], T0, 0.9, Curve())
    assert result.today == TODAY
    assert sum(result.heatmap.counts.values()) == 4
    assert [count for _, count in result.forecast][:3] == [2, 1, 0]  # overdue a, b; c; s is suspended
    assert result.retention[-1].mature == Share(4, 4)
    assert [card.card_id for card in result.hardest] == ["s", "a", "b"]  # c is not due and never lapsed
    assert result.hardest[0].prompt == "Question s?"
    tagged = progress(studied, [deck], T0, 0.9, Curve(), ("T",))
    assert [card.card_id for card in tagged.hardest] == ["a", "b"]
    assert tagged.retention[-1].mature == Share(2, 2)


def test_exam_outlook(studied: Store) -> None:
    deck = make_deck(*(qa(f"Question {card}?", "x", id=card) for card in "abcsn"), id="d")
    exam = TODAY + timedelta(days=10)
    result = progress(studied, [replace(deck, exam=exam)], T0, 0.9, Curve())
    outlook = result.exams[0]
    assert (outlook.day, outlook.days_left, outlook.cards, outlook.new) == (exam, 10, 5, 1)
    assert 0 < outlook.share < 0.8
    past = progress(studied, [replace(deck, exam=TODAY - timedelta(days=1))], T0, 0.9, Curve())
    assert past.exams == []


def test_charts_fit_60_columns_without_colour(studied: Store) -> None:
    deck = make_deck(*(qa(f"A rather long question about the card called {card} that goes on?", "x", id=card) for card in "abcs"), id="d")
    result = progress(studied, [deck], T0, 0.9, Curve())
    text = "".join(render(chart, 60) for chart in (charts.heatmap(result.heatmap, 60), charts.forecast(result), charts.retention(result),
                                                    charts.time_per_day(result), charts.hardest(result, 60)))
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "\x1b" not in text
    assert "Mon " in text and any(shade in text for shade in charts.SHADES[1:])
    assert "Lapses" in text and "Recall" in text and "Young" in text and "Mature" in text
    assert "A rather long question" in text and "…" in text



def test_a_simulated_month_of_study_fills_the_heatmap_forecast_and_retention(tmp_path: Path) -> None:
    """Thirty days of daily sessions on the bundled deck, some answers wrong, ending now; then `quiz stats`."""
    import random

    from quiz.decks.file import load_path
    from quiz.memory.scheduler import Scheduler, Settings
    from quiz.study.planning import plan
    from quiz.study.session import Question, Result, Session

    from cli_helpers import run_quiz
    from conftest import BUNDLED_DECK, Clock

    class Learner:
        def __init__(self, clock: Clock, rng: random.Random) -> None:
            self.clock, self.rng = clock, rng

        def ask(self, question: Question) -> str:
            self.clock.tick(self.rng.uniform(3, 20))
            return "no idea" if self.rng.random() < 0.15 else question.card.answer

        def confirm(self, result: Result) -> Rating:
            self.clock.tick(1)
            return result.rating

    deck = load_path(BUNDLED_DECK)
    store = Store.open(tmp_path / "quiz.db")
    rng = random.Random(3)
    today = datetime.now(UTC).replace(microsecond=0)
    for days_ago in range(30, -1, -1):
        clock = Clock(today - timedelta(days=days_ago, hours=2))
        planned = plan([deck], store, clock(), 8)
        # No fuzz: it draws from the global random state, which the tests before this one move.
        Session(planned.queue, planned.memories, store, Scheduler(Settings(fuzz=False)), Learner(clock, rng), {deck.id: deck}, clock,
                timer=lambda clock=clock: clock().timestamp()).run()  # type: ignore[misc]
    store.close()
    shown = run_quiz(tmp_path, "stats").stdout
    heatmap = shown.split("Reviews in the last year")[1].split("Streak")[0]
    assert sum(heatmap.count(shade) for shade in charts.SHADES[1:]) >= 28  # a shaded cell a day
    assert "Streak 31 day(s) · longest 31" in shown
    assert "Due in the next 30 days" in shown and "█" in shown.split("Due in the next 30 days")[1].split("True retention")[0]
    retention = shown.split("True retention (desired 90%)")[1].split("Passed reviews")[0]
    month = next(line for line in retention.splitlines() if "30 days" in line)
    assert "% of " in month  # young reviews, at least
    data = json.loads(run_quiz(tmp_path, "stats", "--json").stdout)
    assert len(data["heatmap"]["days"]) == 31 and data["longest_streak_days"] == 31
    periods = {period["period"]: period for period in data["retention"]["periods"]}
    assert periods["30 days"]["young"]["reviews"] > 20 and 0.5 < periods["30 days"]["all"]["rate"] < 1
    assert 0 < sum(day["due"] for day in data["forecast"]) <= sum(deck["cards"] - deck["new"] for deck in data["decks"])
    assert sum(day["seconds"] for day in data["time_per_day"]) > 0
