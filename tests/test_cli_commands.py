"""The command line's commands, built only when named: every help text, usage error and
suggestion is what typer gives when it builds every command up front."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quiz.cli import COMMANDS, LazyGroup, app
from quiz.commands import dashboard
from quiz.commands.common import guarded

from cli_helpers import run_process


def eager() -> typer.Typer:
    """The app as typer makes it with every command registered at import."""
    reference = typer.Typer(help=app.info.help, add_completion=False, rich_markup_mode=None)
    reference.callback(invoke_without_command=True)(guarded(dashboard.dashboard))
    for name, (module, function) in COMMANDS.items():
        reference.command(name)(guarded(getattr(importlib.import_module(f"quiz.commands.{module}"), function)))
    return reference


ARGS = [["--help"], ["--version"], ["bogus"], ["stat"], ["imprt", "x"], ["--bogus"], ["stats", "--bogus"],
        ["stats", "a", "b"], ["study", "--new", "-1"], ["exam", "-n"], ["suspend"],
        *([name, "--help"] for name in COMMANDS)]


@pytest.mark.parametrize("args", ARGS, ids=" ".join)
def test_lazy_commands_answer_as_eager_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "100")
    lazy, reference = (CliRunner().invoke(one, args, prog_name="quiz") for one in (app, eager()))
    assert (lazy.exit_code, lazy.stdout, lazy.stderr) == (reference.exit_code, reference.stdout, reference.stderr)


def test_help_lists_every_command_in_order(tmp_path: Path) -> None:
    shown = run_process(tmp_path, "--help").stdout.split("Commands:\n")[1]
    assert [line.split()[0] for line in shown.splitlines()] == list(COMMANDS)


def test_each_command_help_as_a_process(tmp_path: Path) -> None:
    for name in COMMANDS:
        ran = run_process(tmp_path, name, "--help")
        assert ran.returncode == 0 and ran.stdout.startswith(f"Usage: quiz {name} ") and not ran.stderr, name


def test_an_unknown_command_fails_with_a_suggestion(tmp_path: Path) -> None:
    ran = run_process(tmp_path, "stat")
    assert ran.returncode == 2 and not ran.stdout
    assert ran.stderr.endswith("Error: No such command 'stat'. Did you mean 'stats'?\n")


def test_a_command_is_built_only_when_named() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, LazyGroup)
    assert group.get_command(typer.Context(group), "stats") is not None
    assert list(group.commands.built) == ["stats"]  # type: ignore[attr-defined]
    assert group.get_command(typer.Context(group), "bogus") is None
    assert list(group.commands) == list(COMMANDS) and len(group.commands) == len(COMMANDS)
