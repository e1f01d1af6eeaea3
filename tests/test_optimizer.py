"""Fitting FSRS to a learner: training items, the metrics, the minimum history, the keep-only-if-
better rule, the workload simulation, and `quiz optimize` end to end up to the next study session."""

from __future__ import annotations

import itertools
import math
import sqlite3
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import fsrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.memory import workload
from quiz.memory.metrics import auc, log_loss, rmse_bins, scores
from quiz.memory.optimizer import MIN_SCORED, OptimizerMissing, items, optimize
from quiz.memory.rating import Rating
from quiz.memory.replay import Event, Prediction, memory_after
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.settings import load
from quiz.store import Store

from cli_helpers import run_quiz
from conftest import T0
from learner import as_csv, review_log

DAY = timedelta(days=1)
# A forgetful learner: low first stabilities, slow growth, a flatter forgetting curve than FSRS-6's defaults.
FORGETFUL = list(fsrs.scheduler.DEFAULT_PARAMETERS)
FORGETFUL[0:4], FORGETFUL[8], FORGETFUL[20] = [0.1, 0.3, 0.8, 2.5], 1.2, 0.4


def histories(log: list[tuple[str, datetime, Rating]]) -> dict[tuple[str, str], list[Event]]:
    result: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for card, at, rating in log:
        result[("d", card)].append(Event(at, rating, duration_ms=8000))
    return dict(result)


@pytest.fixture(scope="module")
def forgetful() -> dict[tuple[str, str], list[Event]]:
    return histories(review_log(tuple(FORGETFUL), cards=150, seed=2))


def prediction(r: float, recalled: bool, days: int = 3, before: int = 1, lapses: int = 0) -> Prediction:
    return Prediction(T0, days, r, recalled, before, lapses)


# -- items and metrics -----------------------------------------------------------------------


def test_items_are_the_scored_reviews_with_their_history_in_whole_days() -> None:
    history = [Event(T0, Rating.AGAIN), Event(T0 + timedelta(minutes=5), Rating.GOOD), Event(T0 + timedelta(hours=30), Rating.GOOD),
               Event(T0 + 6 * DAY, Rating.AGAIN), Event(T0 + 40 * DAY, Rating.GOOD, fresh=True), Event(T0 + 43 * DAY, Rating.EASY)]
    found = items([history])
    assert [item.reviews for item in found] == [
        ((1, 0), (3, 0), (3, 1)),
        ((1, 0), (3, 0), (3, 1), (1, 4)),
        ((3, 0), (4, 3)),  # a reset starts a new history
    ]
    assert [item.at for item in found] == [T0 + timedelta(hours=30), T0 + 6 * DAY, T0 + 43 * DAY]


def test_metrics_on_hand_worked_cases() -> None:
    two = [prediction(0.8, True), prediction(0.4, False)]
    assert log_loss(two) == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2)
    assert auc(two) == 1.0
    assert auc([prediction(0.8, False), prediction(0.4, True)]) == 0.0
    assert auc([prediction(0.5, True), prediction(0.5, False)]) == 0.5
    assert auc([prediction(0.5, True)]) is None
    # One bin (same days, count and lapses): mean 0.6 predicted, 0.5 observed.
    assert rmse_bins(two) == pytest.approx(0.1)
    # Different elapsed days fall in different bins, each judged alone.
    assert rmse_bins([prediction(0.8, True, days=1), prediction(0.4, False, days=30)]) == pytest.approx(math.sqrt((0.2**2 + 0.4**2) / 2))
    assert log_loss([prediction(1.0, False)]) < 20  # clipped, not infinite


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans(), st.integers(1, 400), st.integers(0, 30), st.integers(0, 8)), min_size=1, max_size=60))
def test_metrics_stay_in_their_ranges(rows: list[tuple[float, bool, int, int, int]]) -> None:
    predictions = [prediction(r, y, days, before, min(lapses, before)) for r, y, days, before, lapses in rows]
    result = scores(predictions)
    assert result.log_loss >= 0 and 0 <= result.rmse_bins <= 1 and result.count == len(rows)
    assert result.auc is None or 0 <= result.auc <= 1
    # Predicting exactly the observed rate in every bin scores a perfect RMSE(bins) of 0.
    honest = [prediction(float(y), y, days, before, min(lapses, before)) for _, y, days, before, lapses in rows]
    assert rmse_bins(honest) == 0


# -- fitting ---------------------------------------------------------------------------------


def test_the_fit_of_a_forgetful_learner_predicts_better_and_is_kept(forgetful: dict[tuple[str, str], list[Event]]) -> None:
    fit = optimize(forgetful, Settings())
    assert fit.split.scored >= MIN_SCORED and fit.split.train + fit.split.test == fit.split.scored
    assert fit.default is not None and fit.fitted is not None and fit.current is None
    assert fit.fitted.log_loss < fit.default.log_loss and fit.fitted.rmse_bins < fit.default.rmse_bins
    assert fit.parameters is not None and len(fit.parameters) == 21
    assert fit.parameters[:4] < tuple(fsrs.scheduler.DEFAULT_PARAMETERS[:4])  # it learnt the learner forgets sooner
    assert all(round(w, 4) == w for w in fit.parameters)
    fsrs.Scheduler(parameters=fit.parameters)  # py-fsrs accepts them
    assert fit.seconds < 30  # a generous ceiling; the real figure is in BENCHMARKS.md


def test_weights_in_use_that_predict_as_well_stay(forgetful: dict[tuple[str, str], list[Event]]) -> None:
    # The truth itself is in use: a fit cannot beat it by much, and must beat it to be kept.
    fit = optimize(forgetful, Settings(parameters=tuple(FORGETFUL)))
    assert fit.current is not None and fit.fitted is not None and fit.default is not None
    assert fit.current.log_loss < fit.default.log_loss
    assert (fit.parameters is not None) == (fit.fitted.log_loss < fit.current.log_loss)


def test_below_the_minimum_history_nothing_is_fitted() -> None:
    few = histories(review_log(tuple(FORGETFUL), cards=20, days=60, seed=3))
    fit = optimize(few, Settings())
    assert fit.split.scored < MIN_SCORED
    assert fit.parameters is None and fit.fitted is None and fit.default is None
    assert f"fitting needs {MIN_SCORED}" in fit.reason and "The weights in use stay." in fit.reason


def test_without_the_engine_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)
    with pytest.raises(OptimizerMissing, match=r"pip install 'quiz\[optimize\]'"):
        optimize({}, Settings())
    done = run_quiz(tmp_path, "optimize")
    assert done.returncode == 1
    assert done.stderr == "quiz: quiz optimize needs the optional FSRS optimizer: pip install 'quiz[optimize]' (it adds fsrs-rs-python, a small wheel)\n"


# -- workload --------------------------------------------------------------------------------


def test_habits_come_from_the_history_where_it_says_enough() -> None:
    history = [[Event(T0 + i * DAY, Rating.AGAIN if i == 0 else Rating.GOOD, duration_ms=4000 + 1000 * (i == 0)) for i in range(3)]
               for _ in range(25)]
    learner = workload.habits(history)
    assert learner.first_rating == (1.0, 0.0, 0.0, 0.0)
    assert learner.seconds[(0, 0)] == 5.0  # new cards answered Again, 5 s each
    assert learner.recall_rating is None or learner.recall_rating == (0.0, 1.0, 0.0)
    assert workload.habits([history[0]]) == workload.Habits(None, None, {})


def test_more_retention_costs_more_reviews_and_remembers_more() -> None:
    result = workload.simulate(Settings(), cards=300, new_per_day=10, learner=workload.Habits(None, None, {}))
    assert [w.retention for w in result] == list(workload.RETENTIONS)
    assert all(a.reviews_per_day < b.reviews_per_day and a.remembered < b.remembered for a, b in itertools.pairwise(result))
    best = workload.recommend(result)
    assert best.minutes_per_card == min(w.minutes_per_card for w in result)
    lines = workload.chart(result)
    assert len(lines) == 6 and sum("◀ recommended" in line for line in lines) == 1
    assert f"{best.retention:.2f}" in next(line for line in lines if "recommended" in line)


# -- the command, from import to the next study session -------------------------------------


def due_dates(home: Path) -> list[tuple[str, int]]:
    db = sqlite3.connect(home / "quiz.db")
    try:
        return db.execute("SELECT card_id, due_ms FROM cards ORDER BY card_id").fetchall()
    finally:
        db.close()


def card_interval(home: Path) -> timedelta:
    db = sqlite3.connect(home / "quiz.db")
    due, last = db.execute("SELECT due_ms, last_review_ms FROM cards WHERE deck_id = 'us-cuba-migration'").fetchone()
    db.close()
    return timedelta(milliseconds=due - last)


def test_optimize_fits_saves_and_the_next_study_schedules_with_the_fit(tmp_path: Path) -> None:
    fitted_home, default_home = tmp_path / "fitted", tmp_path / "default"
    log = tmp_path / "log.csv"
    log.write_text(as_csv(review_log(tuple(FORGETFUL), cards=150, seed=2)), encoding="utf-8")
    for home in (fitted_home, default_home):
        home.mkdir()
        assert run_quiz(home, "import-reviews", str(log)).returncode == 0
        assert run_quiz(home, "settings", "fuzz", "off").returncode == 0
    dues = due_dates(fitted_home)
    done = run_quiz(fitted_home, "optimize")
    assert done.returncode == 0, done.stderr
    assert due_dates(fitted_home) == dues  # fitting does not reschedule
    assert "Kept: the fitted weights predict better" in done.stdout and "FSRS-6 defaults" in done.stdout
    settings = load(fitted_home / "settings.toml").for_deck(None)
    weights = settings.scheduler.parameters
    assert weights is not None and settings.parameters_fitted_on is not None
    assert date.today() - settings.parameters_fitted_on <= timedelta(days=1)
    assert "parameters         fitted on " in run_quiz(fitted_home, "settings").stdout
    assert "Stability and difficulty of 150 card(s) recomputed from their history; due dates stay." in done.stdout
    store = Store.open(fitted_home / "quiz.db")
    replayed = Scheduler(Settings(parameters=weights))
    for (deck, card), events in list(store.histories().items())[:20]:
        stored, again = store.memory(deck, card), memory_after(replayed, events)
        assert stored is not None and again is not None
        assert (stored.stability, stored.difficulty) == (pytest.approx(again.stability), pytest.approx(again.difficulty))
    store.close()
    # The first answer to a new card, right and fast (Easy), graduates at once: its interval comes from the weights.
    for home in (fitted_home, default_home):
        studied = run_quiz(home, "study", "us-cuba-migration", "--plain", "--limit", "1", input="Bush\n")
        assert studied.returncode == 0, studied.stderr
    fitted, default = card_interval(fitted_home), card_interval(default_home)
    expected = Scheduler(Settings(parameters=weights, fuzz=False)).review(None, Rating.EASY, T0).due - T0
    assert fitted == expected and default != fitted
    assert default == Scheduler(Settings(fuzz=False)).review(None, Rating.EASY, T0).due - T0


def test_optimize_one_deck_and_too_little_history(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(as_csv(review_log(tuple(FORGETFUL), cards=150, seed=2)), encoding="utf-8")
    run_quiz(tmp_path, "import-reviews", str(log), "--deck", "mine")
    done = run_quiz(tmp_path, "optimize", "mine")
    assert done.returncode == 0 and "Saved in the settings of mine" in done.stdout
    settings = load(tmp_path / "settings.toml")
    assert settings.value("parameters", "mine")[1] == "deck" and settings.value("parameters")[1] == "default"
    small = tmp_path / "small"
    small.mkdir()
    (small / "log.csv").write_text(as_csv(review_log(tuple(FORGETFUL), cards=10, days=30)), encoding="utf-8")
    run_quiz(small, "import-reviews", str(small / "log.csv"))
    few = run_quiz(small, "optimize")
    assert few.returncode == 0 and "Not fitted: " in few.stdout and "fitting needs 400" in few.stdout
    assert not (small / "settings.toml").exists()
    assert run_quiz(tmp_path / "small", "optimize", "nosuchdeck").returncode == 1


def test_optimize_with_no_reviews_says_how_to_get_some(tmp_path: Path) -> None:
    done = run_quiz(tmp_path, "optimize")
    assert done.returncode == 1 and "quiz import-reviews FILE.csv" in done.stderr


def test_retention_prints_the_workload_table_and_a_recommendation(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(as_csv(review_log(tuple(FORGETFUL), cards=60, days=120)), encoding="utf-8")
    run_quiz(tmp_path, "import-reviews", str(log))
    done = run_quiz(tmp_path, "optimize", "--retention", "--cards", "200")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "200 card(s), 20 new a day, FSRS-6's default weights" in out
    assert "retention  reviews/day  minutes/day  remembered  min/card" in out
    rows = [line.split() for line in out.splitlines() if line.strip()[:4] in {"0.70", "0.75", "0.80", "0.85", "0.90", "0.95"} and "min/card" not in line]
    assert [row[0] for row in rows] == ["0.70", "0.75", "0.80", "0.85", "0.90", "0.95"]
    per_card = {row[0]: float(row[4]) for row in rows}
    best = min(per_card, key=per_card.__getitem__)
    assert f"Recommended: desired retention {best}" in out and f"`quiz settings desired_retention {best}`" in out
    assert out.count("◀ recommended") == 1
