"""Running the installed `quiz` command in tests, against a throwaway data directory."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "quiz"
QUIZ = str(BIN) if BIN.exists() else (shutil.which("quiz") or "quiz")
REPO = Path(__file__).resolve().parent.parent
BUNDLED_DECK = REPO / "decks" / "us-cuba-migration.yaml"


def quiz_env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QUIZ_")}
    env.update(QUIZ_HOME=str(home), NO_COLOR="1", COLUMNS="120", **extra)
    return env


def run_quiz(home: Path, *args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [QUIZ, *args], input=input, capture_output=True, text=True, env=quiz_env(home), cwd=cwd or home, timeout=60
    )


def reviews(home: Path) -> list[sqlite3.Row]:
    db = sqlite3.connect(home / "quiz.db")
    db.row_factory = sqlite3.Row
    try:
        return db.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    finally:
        db.close()
