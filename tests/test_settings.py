"""Settings: settings.toml read and checked, values changed in place keeping comments, `quiz
settings` on the command line, and the study session scheduling with each deck's settings."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS
from hypothesis import given
from hypothesis import strategies as st

from quiz.memory.scheduler import Settings
from quiz.memory.settings import KEYS, SettingsError, SettingsFile, change, from_text, load, parse, show
from quiz.store import Store
from quiz.study.planning import plan

from cli_helpers import reviews, run_quiz
from conftest import BUNDLED_DECK, T0, make_deck, qa

WEIGHTS = [0.1199, 0.6789, 2.2657, 6.3249, 6.5454, 0.696, 2.9704, 0.0122, 1.7455, 0.1508, 0.6765,
           1.5477, 0.0437, 0.3469, 1.7991, 0.6022, 1.8729, 0.6206, 0.2655, 0.1929, 0.3488]
FILE = f"""# mine
desired_retention = 0.85   # a little less work
learning_steps = ["30s", "5m"]
parameters = {WEIGHTS}
parameters_fitted_on = 2025-01-31

[decks.hard-deck]
desired_retention = 0.95
relearning_steps = []
parameters = {[*WEIGHTS[:20], 0.2]}

[decks."with space"]
new_per_day = 3
fuzz = false
"""


def test_global_values_and_deck_overrides() -> None:
    settings = parse(FILE, "settings.toml")
    plain = settings.for_deck("elsewhere")
    assert plain == settings.for_deck(None)
    assert plain.scheduler == Settings(desired_retention=0.85, learning_steps=(timedelta(seconds=30), timedelta(minutes=5)),
                                       parameters=tuple(WEIGHTS))
    assert (plain.new_per_day, plain.parameters_fitted_on) == (20, date(2025, 1, 31))
    hard = settings.for_deck("hard-deck")
    assert (hard.scheduler.desired_retention, hard.scheduler.relearning_steps, hard.scheduler.learning_steps) == (0.95, (), plain.scheduler.learning_steps)
    # The deck's own weights were not fitted on the global date.
    assert hard.scheduler.parameters is not None and hard.scheduler.parameters[-1] == 0.2 and hard.parameters_fitted_on is None
    spaced = settings.for_deck("with space")
    assert (spaced.new_per_day, spaced.scheduler.fuzz, spaced.scheduler.parameters) == (3, False, tuple(WEIGHTS))
    assert settings.value("desired_retention", "hard-deck") == (0.95, "deck")
    assert settings.value("desired_retention", "with space") == (0.85, "settings")
    assert settings.value("maximum_interval") == (36500, "default")


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    settings = load(tmp_path / "settings.toml")
    assert settings.for_deck("any").scheduler == Settings()
    assert settings.for_deck("any").new_per_day == 20


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("desired_retention = 0.5", "s.toml: desired_retention must be a number from 0.7 to 0.97, not 0.5"),
        ("desired_retention = true", "s.toml: desired_retention must be a number from 0.7 to 0.97, not on"),
        ("maximum_interval = 0", "s.toml: maximum_interval must be a whole number from 1 to 36500, not 0"),
        ("maximum_interval = 10.5", "s.toml: maximum_interval must be a whole number from 1 to 36500, not 10.5"),
        ("new_per_day = -1", "s.toml: new_per_day must be a whole number from 0 to 9999, not -1"),
        ('fuzz = "yes"', "s.toml: fuzz must be true or false, not yes"),
        ('learning_steps = ["2 days"]', 's.toml: learning_steps must be a list of up to 10 durations from 1s to 1d, like ["1m", "10m"] (s, m, h or d), not 2 days'),
        ('learning_steps = "1m"', "s.toml: learning_steps must be a list of up to 10 durations"),
        ('relearning_steps = ["0s"]', "s.toml: relearning_steps must be a list of up to 10 durations"),
        ("parameters = [1, 2]", "s.toml: parameters must be a list of 21 numbers (the FSRS-6 weights w0…w20)"),
        (f"parameters = {[*WEIGHTS[:3], 500.0, *WEIGHTS[4:]]}", "s.toml: parameters w3 must be from 0.001 to 100, not 500"),
        ('parameters_fitted_on = "last week"', "s.toml: parameters_fitted_on must be a date, like 2025-01-31"),
        ("desired_retension = 0.9", "s.toml: unknown setting 'desired_retension'; did you mean desired_retention? The settings are: desired_retention,"),
        ("[decks.x]\nnew_per_day = 100000", "s.toml: [decks.x] new_per_day must be a whole number from 0 to 9999, not 100000"),
        ("decks = 3", "s.toml: decks must hold one table per deck, like [decks.ID]"),
        ("desired_retention = \nfuzz = true", "s.toml: Invalid value (at line 1, column 21)"),
    ],
)
def test_each_bad_value_names_its_key_and_range(text: str, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        parse(text, "s.toml")
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("desired_retention", "0.8", 0.8),
        ("learning_steps", "1m,10m 1h", (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1))),
        ("relearning_steps", "none", ()),
        ("maximum_interval", "365", 365),
        ("new_per_day", "0", 0),
        ("fuzz", "off", False),
        ("fuzz", "Yes", True),
        ("parameters", ",".join(map(str, WEIGHTS)), tuple(WEIGHTS)),
        ("parameters", "default", None),
        ("desired_retention", "default", None),
    ],
)
def test_values_typed_on_the_command_line(key: str, text: str, value: object) -> None:
    assert from_text(key, text) == value
    if value is not None:
        assert from_text(key, show(value)) == value  # what is shown can be typed back


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("desired_retention", "high", "desired_retention must be a number from 0.7 to 0.97, not high"),
        ("new_per_day", "2.5", "new_per_day must be a whole number from 0 to 9999, not 2.5"),
        ("fuzz", "maybe", "fuzz must be true or false, not maybe"),
        ("parameters_fitted_on", "2025-01-01", "parameters_fitted_on is set by `quiz optimize`"),
        ("newperday", "3", "unknown setting 'newperday'; did you mean new_per_day?"),
    ],
)
def test_bad_values_typed_on_the_command_line(key: str, text: str, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        from_text(key, text)
    assert str(raised.value).startswith(message)


def test_changing_a_value_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(FILE, encoding="utf-8")
    change(path, None, {"desired_retention": 0.8})
    change(path, "hard-deck", {"desired_retention": None, "maximum_interval": 100})
    change(path, "with space", {"new_per_day": None, "fuzz": None})
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mine\ndesired_retention = 0.8   # a little less work\n")
    assert '"with space"' not in text  # a deck table left empty goes
    settings = load(path)
    assert settings.value("desired_retention", "hard-deck") == (0.8, "settings")
    assert settings.value("maximum_interval", "hard-deck") == (100, "deck")
    assert settings.for_deck(None).parameters_fitted_on == date(2025, 1, 31)


def test_a_broken_file_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("fuzz = 3\n# notes\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="fuzz must be true or false"):
        change(path, None, {"desired_retention": 0.8})
    assert path.read_text(encoding="utf-8") == "fuzz = 3\n# notes\n"


VALUES = {
    "desired_retention": st.floats(0.70, 0.97),
    "learning_steps": st.lists(st.sampled_from(["1s", "59s", "1m", "10m", "1h", "23h", "1d"]), max_size=10).map(tuple).map(lambda t: from_text("learning_steps", ",".join(t) or "none")),
    "maximum_interval": st.integers(1, 36500),
    "new_per_day": st.integers(0, 9999),
    "fuzz": st.booleans(),
    "parameters": st.tuples(*(st.floats(low, high).map(lambda w: round(w, 4)) for low, high in zip(LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS))),
}


@given(st.sampled_from([None, "d", "deck.with.dots", "ünï"]), st.sampled_from(sorted(VALUES)).flatmap(lambda key: st.tuples(st.just(key), VALUES[key])))
def test_whatever_is_set_reads_back(tmp_path_factory: pytest.TempPathFactory, deck: str | None, item: tuple[str, object]) -> None:
    key, value = item
    path = tmp_path_factory.mktemp("s") / "settings.toml"
    result = change(path, deck, {key: value})
    assert load(path) == result
    assert result.value(key, deck) == (pytest.approx(value) if isinstance(value, float) else value, "deck" if deck else "settings")


def test_every_key_has_a_default_that_is_its_own_value() -> None:
    defaults = SettingsFile({}, {}).for_deck(None)
    assert defaults.scheduler == Settings() and defaults.new_per_day == 20
    assert set(KEYS) >= {"desired_retention", "learning_steps", "relearning_steps", "maximum_interval", "new_per_day", "fuzz", "parameters"}


# -- the study session ------------------------------------------------------------------------


def test_each_deck_gets_its_new_per_day_and_new_wins_for_one_session(store: Store) -> None:
    one = make_deck(*(qa(f"q{i}?", "a") for i in range(10)), id="one")
    two = make_deck(*(qa(f"r{i}?", "a") for i in range(10)), id="two")
    settings = parse("new_per_day = 4\n[decks.two]\nnew_per_day = 2\n", "s.toml")
    queue = plan([one, two], store, T0, settings=settings).queue
    assert [deck_id for deck_id, _ in queue.new] == ["one"] * 4 + ["two"] * 2
    queue = plan([one, two], store, T0, 13, settings).queue
    assert len(queue.new) == 13


def test_settings_command_shows_sets_and_unsets(tmp_path: Path) -> None:
    shown = run_quiz(tmp_path, "settings")
    assert shown.returncode == 0 and "desired_retention  0.9\n" in shown.stdout and "not written yet" in shown.stdout
    assert run_quiz(tmp_path, "settings", "desired_retention", "0.85").stdout == "desired_retention = 0.85 for every deck without its own value\n"
    done = run_quiz(tmp_path, "settings", str(BUNDLED_DECK), "learning_steps", "2m")
    assert done.stdout == "learning_steps = 2m for deck us-cuba-migration\n"
    assert run_quiz(tmp_path, "settings", "us-cuba-migration", "learning_steps").stdout == "2m\n"
    deck = run_quiz(tmp_path, "settings", "us-cuba-migration").stdout
    assert "learning_steps     2m  (this deck's own)" in deck and "desired_retention  0.85  (from the global settings)" in deck
    assert "Decks with settings of their own: us-cuba-migration" in run_quiz(tmp_path, "settings").stdout
    gone = run_quiz(tmp_path, "settings", "us-cuba-migration", "learning_steps", "--unset")
    assert gone.stdout == "learning_steps unset for deck us-cuba-migration: now 1m,10m (the default)\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("desired_retention", "0.99"), "quiz: desired_retention must be a number from 0.7 to 0.97, not 0.99"),
        (("retention", "0.9"), "quiz: no setting or deck 'retention'; did you mean the setting desired_retention?"),
        (("nosuchdeck", "fuzz", "off"), "quiz: no deck file or deck id 'nosuchdeck'"),
        (("fuzz", "off", "extra"), "quiz: too many words: 'extra'"),
        (("--unset",), "quiz: --unset needs the KEY to remove"),
        (("fuzz", "off", "--unset"), "quiz: give --unset or a VALUE, not both"),
    ],
)
def test_settings_command_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    done = run_quiz(tmp_path, "settings", *args)
    assert done.returncode == 1 and done.stderr.startswith(message)
    assert not (tmp_path / "settings.toml").exists()


def test_study_schedules_with_the_deck_settings(tmp_path: Path) -> None:
    # A wrong answer (Again) to a new card waits one learning step: 3 minutes here, 1 by default.
    (tmp_path / "settings.toml").write_text('[decks.us-cuba-migration]\nlearning_steps = ["3m"]\nnew_per_day = 1\n', encoding="utf-8")
    done = run_quiz(tmp_path, "study", "us-cuba-migration", "--plain", input="no idea\n")
    assert done.returncode == 0, done.stderr
    assert [row["rating"] for row in reviews(tmp_path)] == [1]  # new_per_day = 1 held
    db = sqlite3.connect(tmp_path / "quiz.db")
    (wait,) = db.execute("SELECT due_ms - last_review_ms FROM cards").fetchone()
    db.close()
    assert wait == 3 * 60 * 1000


def test_a_broken_settings_file_stops_study_with_its_message(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("new_per_day = 'many'\n", encoding="utf-8")
    done = run_quiz(tmp_path, "study", "--plain", input="x\n")
    assert done.returncode == 1
    assert done.stderr == f"quiz: {tmp_path / 'settings.toml'}: new_per_day must be a whole number from 0 to 9999, not many\n"
