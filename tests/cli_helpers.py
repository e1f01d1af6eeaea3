"""Running `quiz` in tests against a throwaway data directory: in-process with typer's CliRunner
where no terminal is needed (fast), or as a real process of this checkout's own code."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from quiz.cli import app

REPO = Path(__file__).resolve().parent.parent
BUNDLED_DECK = REPO / "decks" / "us-cuba-migration.yaml"
# `python -m quiz` with the checkout first on the path: never some other `quiz` on PATH.
QUIZ = [sys.executable, "-m", "quiz"]


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def quiz_env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QUIZ_")}
    env.update(QUIZ_HOME=str(home), NO_COLOR="1", COLUMNS="120", PYTHONPATH=str(REPO), **extra)
    return env


def run_quiz(home: Path, *args: str, input: str | None = None, cwd: Path | None = None, columns: int = 120) -> Ran:
    """`quiz ARGS` in this process, with stdin from `input` (so never a terminal), in a terminal
    `columns` wide."""
    with pytest.MonkeyPatch.context() as patch:
        for key in [key for key in os.environ if key.startswith("QUIZ_")]:
            patch.delenv(key)
        for key, value in {"QUIZ_HOME": str(home), "NO_COLOR": "1", "COLUMNS": str(columns)}.items():
            patch.setenv(key, value)
        patch.chdir(cwd or home)
        result = CliRunner().invoke(app, list(args), input=input, prog_name="quiz")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_process(home: Path, *args: str, input: str | None = None, cwd: Path | None = None) -> Ran:
    """`quiz ARGS` as a separate process of this checkout's code."""
    done = subprocess.run(
        [*QUIZ, *args], input=input, capture_output=True, text=True, env=quiz_env(home), cwd=cwd or home, timeout=60, check=False
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def reviews(home: Path) -> list[sqlite3.Row]:
    db = sqlite3.connect(home / "quiz.db")
    db.row_factory = sqlite3.Row
    try:
        return db.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    finally:
        db.close()


def spawn_quiz(home: Path, *args: str) -> pexpect.spawn:
    """`quiz ARGS` in a pseudo-terminal 120 columns wide, for the interactive prompts."""
    return pexpect.spawn(QUIZ[0], [*QUIZ[1:], *args], env=quiz_env(home), cwd=str(home), encoding="utf-8", timeout=20, dimensions=(40, 120))


def finish(child: pexpect.spawn) -> int:
    """Wait for the process to end; its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus)
