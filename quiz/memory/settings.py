"""The learner's scheduling settings: `settings.toml` in the data folder, global values and
per-deck overrides, each validated against its allowed range.

    desired_retention = 0.85            # global values first
    learning_steps = ["1m", "10m"]
    parameters = [0.212, 1.2931, ...]   # 21 FSRS-6 weights, written by `quiz optimize`
    parameters_fitted_on = 2025-01-31

    [decks.us-cuba-migration]           # then one table per deck that differs
    new_per_day = 5

Reading uses tomllib (fast, at every study start); changing one value uses tomlkit, so the
person's comments and layout survive, and the file is replaced atomically under a lock.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from quiz.errors import QuizError
from quiz.memory.scheduler import Settings

Value = Any  # what a key holds once checked: float, int, bool, tuple, date


class SettingsError(QuizError):
    """A setting that is unknown or out of range; the message names the key and what is allowed."""


_DURATION = re.compile(r"(\d+)([smhd])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
MAX_STEPS = 10


def _number(low: float, high: float, whole: bool) -> Callable[[object], Value]:
    kind = "a whole number" if whole else "a number"

    def check(value: object) -> Value:
        allowed = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed) or not low <= value <= high:
            raise ValueError(f"must be {kind} from {low:g} to {high:g}")
        return value if whole else float(value)

    return check


def _steps(value: object) -> Value:
    message = f"must be a list of up to {MAX_STEPS} durations from 1s to 1d, like [\"1m\", \"10m\"] (s, m, h or d)"
    if not isinstance(value, list | tuple) or len(value) > MAX_STEPS:
        raise ValueError(message)
    steps = []
    for item in value:
        match = _DURATION.fullmatch(item.strip()) if isinstance(item, str) else None
        step = timedelta(**{_UNITS[match[2]]: int(match[1])}) if match else timedelta()
        if not timedelta(seconds=1) <= step <= timedelta(days=1):
            raise ValueError(message)
        steps.append(step)
    return tuple(steps)


def _boolean(value: object) -> Value:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _parameters(value: object) -> Value:
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    count = len(LOWER_BOUNDS_PARAMETERS)
    if not isinstance(value, list | tuple) or len(value) != count or any(isinstance(w, bool) or not isinstance(w, int | float) for w in value):
        raise ValueError(f"must be a list of {count} numbers (the FSRS-6 weights w0…w{count - 1})")
    for index, (weight, low, high) in enumerate(zip(value, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)):
        if not low <= weight <= high:
            raise ValueError(f"w{index} must be from {low:g} to {high:g}", weight)
    return tuple(float(w) for w in value)


def _date(value: object) -> Value:
    if not isinstance(value, date):
        raise ValueError("must be a date, like 2025-01-31")
    return value


@dataclass(frozen=True)
class Key:
    check: Callable[[object], Value]
    default: Value


_SCHEDULER = Settings()  # the scheduler's own defaults are the settings' defaults
KEYS: dict[str, Key] = {
    "desired_retention": Key(_number(0.70, 0.97, whole=False), _SCHEDULER.desired_retention),
    "learning_steps": Key(_steps, _SCHEDULER.learning_steps),
    "relearning_steps": Key(_steps, _SCHEDULER.relearning_steps),
    "maximum_interval": Key(_number(1, 36500, whole=True), _SCHEDULER.maximum_interval_days),
    "new_per_day": Key(_number(0, 9999, whole=True), 20),
    "fuzz": Key(_boolean, _SCHEDULER.fuzz),
    "parameters": Key(_parameters, _SCHEDULER.parameters),
    "parameters_fitted_on": Key(_date, None),
}


def require_key(key: str, where: str = "") -> None:
    """SettingsError unless `key` names a setting, with the closest one and the list of all."""
    if key not in KEYS:
        close = difflib.get_close_matches(key, KEYS, n=1)
        hint = f"; did you mean {close[0]}?" if close else "."
        raise SettingsError(f"{where}unknown setting {key!r}{hint} The settings are: {', '.join(KEYS)}")


def check(key: str, value: object, where: str = "") -> Value:
    """`value` as the setting holds it; SettingsError naming the key and the allowed range if it cannot be."""
    require_key(key, where)
    try:
        return KEYS[key].check(value)
    except ValueError as exc:
        # A checker may name the part of the value that is wrong (one weight of 21).
        message, wrong = (exc.args[0], exc.args[1]) if len(exc.args) > 1 else (exc.args[0], value)
        raise SettingsError(f"{where}{key} {message}, not {show(wrong)[:40]}") from None


def show(value: object) -> str:
    """A value as `quiz settings` prints it and accepts it back."""
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
            if seconds % size == 0:
                return f"{seconds // size}{unit}"
        return f"{seconds}s"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list | tuple):
        return ",".join(show(item) for item in value) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    return "default" if value is None else str(value)


def from_text(key: str, text: str) -> Value | None:
    """A value typed on the command line (`0.85`, `1m,10m`, `off`), checked; None for `default`."""
    require_key(key)
    if key == "parameters_fitted_on":
        raise SettingsError("parameters_fitted_on is set by `quiz optimize`, with the parameters")
    words = [word for word in re.split(r"[,\s]+", text.strip()) if word]
    if words == ["default"]:
        return None
    value: object = text
    if key in ("learning_steps", "relearning_steps"):
        value = [] if words == ["none"] else words
    elif key == "fuzz":
        value = {"on": True, "true": True, "yes": True, "off": False, "false": False, "no": False}.get(text.strip().lower(), text)
    else:
        whole = key in ("maximum_interval", "new_per_day")
        try:
            numbers = [int(word) if whole else float(word) for word in words]
        except ValueError:
            numbers = []
        if key == "parameters" and numbers:
            value = numbers
        elif len(numbers) == 1:
            value = numbers[0]
    return check(key, value)


@dataclass(frozen=True)
class DeckSettings:
    """Everything the study session needs from the settings of one deck."""

    scheduler: Settings
    new_per_day: int
    parameters_fitted_on: date | None


@dataclass(frozen=True)
class SettingsFile:
    """The checked contents of settings.toml: global values and per-deck overrides (both partial)."""

    values: Mapping[str, Value]
    decks: Mapping[str, Mapping[str, Value]]

    def value(self, key: str, deck_id: str | None = None) -> tuple[Value, str]:
        """The value in force and where it comes from: "deck", "settings" or "default"."""
        if deck_id is not None and key in self.decks.get(deck_id, {}):
            return self.decks[deck_id][key], "deck"
        if key in self.values:
            return self.values[key], "settings"
        return KEYS[key].default, "default"

    def for_deck(self, deck_id: str | None) -> DeckSettings:
        """The settings in force for a deck (or, with None, for decks without their own)."""
        value = {key: self.value(key, deck_id)[0] for key in KEYS}
        scheduler = Settings(
            desired_retention=value["desired_retention"],
            learning_steps=value["learning_steps"],
            relearning_steps=value["relearning_steps"],
            maximum_interval_days=value["maximum_interval"],
            fuzz=value["fuzz"],
            parameters=value["parameters"],
        )
        # The date belongs to the parameters it dates: a deck's own weights are not dated by the global fit.
        source = self.value("parameters", deck_id)[1]
        fitted = {"deck": self.decks.get(deck_id or "", {}), "settings": self.values}.get(source, {}).get("parameters_fitted_on")
        return DeckSettings(scheduler, value["new_per_day"], fitted)


def parse(text: str, name: str) -> SettingsFile:
    import tomllib  # only when there is a file: `quiz study` without one starts without it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{name}: {exc}") from None
    decks = data.pop("decks", {})
    if not isinstance(decks, dict) or not all(isinstance(table, dict) for table in decks.values()):
        raise SettingsError(f"{name}: decks must hold one table per deck, like [decks.ID]")
    return SettingsFile(
        values=_checked(data, f"{name}: "),
        decks={deck: _checked(table, f"{name}: [decks.{deck}] ") for deck, table in decks.items()},
    )


def _checked(table: dict[str, object], where: str) -> dict[str, Value]:
    return {key: check(key, value, where) for key, value in table.items()}


def load(path: Path) -> SettingsFile:
    """The settings in `path`; all defaults when there is no such file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SettingsFile({}, {})
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read the settings {path}: {exc}") from None
    return parse(text, str(path))


HEADER = "# quiz settings: global values, then one [decks.ID] table per deck that differs.\n# `quiz settings --help` lists the keys; `quiz settings KEY VALUE` changes one.\n"


def change(path: Path, deck_id: str | None, changes: Mapping[str, Value | None]) -> SettingsFile:
    """Set each key to its checked value (None removes it, back to the global value or default)
    for one deck or globally, keeping the rest of the file as the person wrote it."""
    import tomlkit

    from quiz.files import locked, write_text

    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        old = path.read_text(encoding="utf-8") if path.exists() else HEADER
        parse(old, str(path))  # never rewrite a file that is already wrong: say so instead
        document = tomlkit.parse(old)
        table: Any = document
        if deck_id is not None:
            decks = document.setdefault("decks", tomlkit.table(is_super_table=True))
            table = decks.setdefault(deck_id, tomlkit.table())
        for key, value in changes.items():
            if value is None:
                table.pop(key, None)
            else:
                table[key] = _toml(value)
        if deck_id is not None and not table:
            del document["decks"][deck_id]
        text = tomlkit.dumps(document)
        result = parse(text, str(path))
        write_text(path, text)
    return result


def _toml(value: Value) -> object:
    if isinstance(value, tuple):
        return [round(item, 4) if isinstance(item, float) else show(item) for item in value]
    return value
