"""Where quiz keeps things: the data directory (env QUIZ_HOME overrides), its database and decks."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    home = os.environ.get("QUIZ_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs  # only needed when QUIZ_HOME is unset

    return platformdirs.user_data_path("quiz", appauthor=False)


def database_path() -> Path:
    return data_dir() / "quiz.db"


def settings_path() -> Path:
    """The learner's scheduling settings (see quiz/memory/settings.py)."""
    return data_dir() / "settings.toml"


def cache_dir() -> Path:
    """Parsed decks (see quiz/decks/cache.py); with QUIZ_HOME, kept inside it."""
    if os.environ.get("QUIZ_HOME"):
        return data_dir() / "cache"
    import platformdirs

    return platformdirs.user_cache_path("quiz", appauthor=False)


def user_decks_dir() -> Path:
    return data_dir() / "decks"


def bundled_decks_dir() -> Path | None:
    """The decks shipped with quiz: inside the installed package, or the checkout's decks/."""
    package = Path(__file__).resolve().parent
    if (package / "bundled_decks").is_dir():
        return package / "bundled_decks"
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "decks").is_dir():
        return checkout / "decks"
    return None
