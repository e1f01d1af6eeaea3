"""The `quiz` command line, run in-process: check, plain study, stats, dashboard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import quiz

from cli_helpers import BUNDLED_DECK, REPO, quiz_env, reviews, run_process, run_quiz

BROKEN = """\
title: Broken
cards:
  - question: Who?
    answr: Bush
  - question: When?
    answer: ""
  - cloze: The OAS expelled Cuba in {{1962.
"""

SMALL = """\
title: Small deck
id: small
cards:
  - id: capital
    question: What is the capital of Cuba?
    answer: Havana
  - id: oas-year
    question: In what year did the OAS expel Cuba?
    answer: 1962
  - id: president
    question: Which president suspended the talks?
    answer: Bush
    choices: [Obama, Clinton, Trump]
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_version(tmp_path: Path) -> None:
    result = run_quiz(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout == f"quiz {quiz.__version__}\n"


def test_the_tests_run_this_checkouts_quiz(tmp_path: Path) -> None:
    assert Path(quiz.__file__).resolve().is_relative_to(REPO / "quiz")
    found = subprocess.run(
        [sys.executable, "-c", "import quiz; print(quiz.__file__)"],
        capture_output=True, text=True, env=quiz_env(tmp_path), cwd=tmp_path, check=True,
    )
    assert Path(found.stdout.strip()).resolve().is_relative_to(REPO / "quiz")
    result = run_process(tmp_path, "--version")
    assert (result.returncode, result.stdout) == (0, f"quiz {quiz.__version__}\n")


def test_check_reports_every_error_with_position(tmp_path: Path) -> None:
    deck = write(tmp_path / "broken.yaml", BROKEN)
    result = run_quiz(tmp_path, "check", str(deck))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(deck) + ":") and "error(s)" not in line]
    assert f"{deck}:4:5: unknown key 'answr' in a card (did you mean 'answer'?)" in errors
    assert f"{deck}:6:13: empty answer" in errors
    assert any(line.startswith(f"{deck}:7:12: malformed cloze") for line in errors)
    assert "Traceback" not in result.stderr


def test_check_valid_deck_prints_one_line_summary(tmp_path: Path) -> None:
    result = run_quiz(tmp_path, "check", str(BUNDLED_DECK))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "ok" in result.stdout and "us-cuba-migration" in result.stdout


def test_check_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_quiz(tmp_path, "check", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1
    assert "cannot read deck" in result.stderr
    assert "Traceback" not in result.stderr


def test_plain_study_records_review_reported_by_stats(tmp_path: Path) -> None:
    # The acceptance command: printf 'Bush\n' | quiz study --plain --limit 1
    result = run_quiz(tmp_path, "study", "--plain", "--limit", "1", input="Bush\n")
    assert result.returncode == 0, result.stderr
    assert "Right: Bush" in result.stdout
    saved = reviews(tmp_path)
    assert len(saved) == 1 and saved[0]["answer"] == "Bush" and saved[0]["correct"] == 1
    stats = json.loads(run_quiz(tmp_path, "stats", "--json").stdout)
    assert stats["reviews_total"] == 1
    assert stats["reviews_today"] == 1
    assert stats["correct_today"] == 1
    assert stats["streak_days"] == 1
    deck = next(d for d in stats["decks"] if d["id"] == "us-cuba-migration")
    assert deck["reviews"] == 1
    assert deck["new"] == deck["cards"] - 1
    assert {"reviews_total", "reviews_today", "correct_today", "due_now", "streak_days", "decks"} <= stats.keys()


def test_plain_study_reads_one_line_per_card_and_choices_by_number(tmp_path: Path) -> None:
    deck = write(tmp_path / "small.yaml", SMALL)
    result = run_quiz(tmp_path, "study", str(deck), "--plain", input="havana\nnineteen sixty-two\n")
    assert result.returncode == 0, result.stderr
    saved = reviews(tmp_path)
    # Two lines answered two cards; EOF at the third ended the session normally.
    assert [row["card_id"] for row in saved] == ["capital", "oas-year"]
    assert all(row["correct"] == 1 for row in saved)
    assert "Session summary" in result.stdout


def test_plain_multiple_choice_by_number(tmp_path: Path) -> None:
    deck = write(tmp_path / "small.yaml", SMALL)
    first = run_quiz(tmp_path, "study", str(deck), "--plain", "--limit", "2", input="x\ny\n")
    assert first.returncode == 0
    shown = run_quiz(tmp_path, "study", str(deck), "--plain", "--limit", "1", input="")
    options = [line.split(") ", 1)[1] for line in shown.stdout.splitlines() if line.startswith("  ") and ") " in line]
    assert sorted(options) == ["Bush", "Clinton", "Obama", "Trump"]
    number = options.index("Bush") + 1
    run_quiz(tmp_path, "study", str(deck), "--plain", "--limit", "1", input=f"{number}\n")
    last = reviews(tmp_path)[-1]
    assert last["card_id"] == "president" and last["answer"] == "Bush" and last["correct"] == 1


def test_wrong_answer_is_again_and_comes_back(tmp_path: Path) -> None:
    deck = write(tmp_path / "small.yaml", SMALL)
    result = run_quiz(tmp_path, "study", str(deck), "--plain", "--new", "1", input="Madrid\nHavana\n")
    assert "The answer is: Havana" in result.stdout
    saved = reviews(tmp_path)
    # With one new card allowed, the failed card is the one that comes back (learn-ahead).
    assert next((row["card_id"], row["rating"]) for row in saved) == ("capital", 1)
    assert [row["card_id"] for row in saved] == ["capital", "capital"]


def test_new_limit_counts_earlier_sessions_today(tmp_path: Path) -> None:
    deck = write(tmp_path / "small.yaml", SMALL)
    run_quiz(tmp_path, "study", str(deck), "--plain", "--new", "1", "--limit", "1", input="Havana\n")
    result = run_quiz(tmp_path, "study", str(deck), "--plain", "--new", "1", input="")
    assert "Nothing to study now" in result.stdout


def test_unknown_deck_name_is_a_clear_error(tmp_path: Path) -> None:
    result = run_quiz(tmp_path, "study", "no-such-deck", "--plain")
    assert result.returncode == 1
    assert "no deck file or deck id 'no-such-deck'" in result.stderr
    assert "us-cuba-migration" in result.stderr


def test_study_broken_deck_exits_1_with_positions(tmp_path: Path) -> None:
    deck = write(tmp_path / "broken.yaml", BROKEN)
    result = run_quiz(tmp_path, "study", str(deck), "--plain")
    assert result.returncode == 1
    assert f"{deck}:4:5:" in result.stderr
    assert not (tmp_path / "quiz.db").exists() or reviews(tmp_path) == []


def test_deck_id_resolves_bundled_deck(tmp_path: Path) -> None:
    result = run_quiz(tmp_path, "study", "us-cuba-migration", "--plain", "--limit", "1", input="Bush\n")
    assert result.returncode == 0, result.stderr
    assert reviews(tmp_path)[0]["deck_id"] == "us-cuba-migration"


def test_dashboard_and_decks_table(tmp_path: Path) -> None:
    dashboard = run_quiz(tmp_path, )
    assert dashboard.returncode == 0, dashboard.stderr
    assert "due now" in dashboard.stdout and "quiz study" in dashboard.stdout
    listing = run_quiz(tmp_path, "decks")
    assert listing.returncode == 0
    assert "us-cuba-migration" in listing.stdout


def test_stats_for_one_deck_as_tables(tmp_path: Path) -> None:
    run_quiz(tmp_path, "study", "--plain", "--limit", "1", input="Bush\n")
    result = run_quiz(tmp_path, "stats", "us-cuba-migration")
    assert result.returncode == 0, result.stderr
    assert "Reviews today" in result.stdout and "1 (100% correct)" in result.stdout
    assert "Mastery by deck" in result.stdout


def test_generated_deck_stands_aside_while_hand_written_one_exists(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    write(decks / "small.yaml", SMALL)
    write(decks / "small-generated.yaml", SMALL.replace("id: small", "id: small-generated"))
    stats = json.loads(run_quiz(tmp_path, "stats", "--json").stdout)
    ids = {deck["id"] for deck in stats["decks"]}
    assert "small" in ids and "small-generated" not in ids
    listing = run_quiz(tmp_path, "decks").stdout
    assert "small-generated" in listing
    # Still studyable by name.
    result = run_quiz(tmp_path, "study", "small-generated", "--plain", "--limit", "1", input="Havana\n")
    assert result.returncode == 0, result.stderr
    assert reviews(tmp_path)[0]["deck_id"] == "small-generated"


def test_bundled_generated_deck_is_known_but_not_in_the_default_set(tmp_path: Path) -> None:
    stats = json.loads(run_quiz(tmp_path, "stats", "--json").stdout)
    assert [deck["id"] for deck in stats["decks"]] == ["us-cuba-migration"]
    assert "us-cuba-migration-generated" in run_quiz(tmp_path, "decks").stdout


def test_a_folder_names_every_deck_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder / "small.yaml", SMALL)
    write(folder / "other.yaml", SMALL.replace("id: small", "id: other"))
    result = run_quiz(tmp_path, "study", str(folder), "--plain", "--limit", "1", input="Havana\n")
    assert result.returncode == 0, result.stderr
    assert reviews(tmp_path)[0]["deck_id"] in {"small", "other"}
    empty = tmp_path / "empty"
    empty.mkdir()
    failed = run_quiz(tmp_path, "study", str(empty), "--plain")
    assert failed.returncode == 1 and "no deck files" in failed.stderr
