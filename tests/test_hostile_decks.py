"""Decks written to attack: files that never end, cited files outside the deck's folder, and
input that made checks take quadratic time (issue 11, items 3 and 7)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz import normalise as normalise_steps
from quiz.decks import sources as sourcefiles
from quiz.decks.file import check_path, check_text
from quiz.study.answers import check

from cli_helpers import run_quiz
from conftest import watchdog

DECK = "title: Talks\nid: talks\nsources:\n  s: {{title: Article, file: '{file}'}}\ncards:\n  - {{id: a, question: Who?, answer: Bush, source: s, quote: {quote}}}\n"
ARTICLE = "The talks were suspended by President Bush in 2003.\n"


def deck_citing(folder: Path, file: str, quote: str = "The talks were suspended by President Bush") -> Path:
    path = folder / "deck.yaml"
    path.write_text(DECK.format(file=file, quote=quote), encoding="utf-8")
    return path


def warnings(path: Path, root: Path | None = None) -> list[str]:
    result = check_path(path, verify_sources=True, source_root=root)
    assert result.deck is not None, result.problems
    return [p.message for p in result.warnings]


# -- item 3: reads that never end, and files outside the deck's folder -------------------------


def test_a_deck_that_is_a_pipe_or_a_device_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    with watchdog(10):  # a pipe with no writer blocks forever; /dev/zero never ends
        for path in (fifo, zero):
            result = check_path(path)
            assert result.deck is None
            assert [str(p) for p in result.problems] == [
                f"{path}:1:1: is not a regular file (a device or a pipe?); a deck must be a regular file"
            ]


def test_studying_a_link_to_a_device_is_a_clear_error(tmp_path: Path) -> None:
    zero = tmp_path / "d.yaml"
    zero.symlink_to("/dev/zero")
    with watchdog(20):
        result = run_quiz(tmp_path, "study", str(zero), "--plain")
    assert result.returncode == 1
    assert "is not a regular file" in result.stderr and "Traceback" not in result.stderr


def test_a_cited_pipe_or_device_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    unusable = "is unusable: is not a regular file (a device or a pipe?); a source file must be a regular file"
    with watchdog(10):
        assert warnings(deck_citing(tmp_path, "pipe.txt")) == [f"source file 'pipe.txt' {unusable}"]
        # /dev/zero is outside the deck's folder; allowed there, it is still not read.
        assert warnings(deck_citing(tmp_path, "zero.txt"), root=Path("/")) == [f"source file 'zero.txt' {unusable}"]


def test_cited_files_outside_the_decks_folder_are_not_read_unless_allowed(tmp_path: Path) -> None:
    decks, elsewhere = tmp_path / "decks", tmp_path / "elsewhere"
    decks.mkdir()
    elsewhere.mkdir()
    (elsewhere / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (decks / "inside.txt").symlink_to(elsewhere / "article.txt")
    outside = "is outside the deck's folder, so it is not read; `quiz check --source-root DIR` allows files anywhere under DIR"
    # Whether the quote is there or not, nothing tells: the file is never opened.
    for file in ("../elsewhere/article.txt", str(elsewhere / "article.txt"), "inside.txt", "/etc/passwd"):
        for quote in ("The talks were suspended", "not in the article"):
            assert warnings(deck_citing(decks, file, quote)) == [f"source file '{file}' {outside}"]
    # The person allows a wider root: files under it are read and quotes checked.
    assert warnings(deck_citing(decks, "../elsewhere/article.txt"), root=tmp_path) == []
    assert warnings(deck_citing(decks, "inside.txt", "not in the article"), root=tmp_path) == [
        "quote not found in 'inside.txt'"
    ]
    assert warnings(deck_citing(decks, "/etc/passwd"), root=tmp_path) == [
        f"source file '/etc/passwd' is outside the source root {tmp_path.resolve()}, so it is not read;"
        " `quiz check --source-root DIR` allows files anywhere under DIR"
    ]


def test_the_check_command_takes_a_source_root(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "decks").mkdir()
    deck = deck_citing(tmp_path / "decks", "../articles/a.txt")
    refused = run_quiz(tmp_path, "check", str(deck))
    assert refused.returncode == 0 and "is outside the deck's folder" in refused.stdout
    allowed = run_quiz(tmp_path, "check", "--source-root", str(tmp_path), str(deck))
    assert allowed.returncode == 0 and allowed.stdout == f"{deck}: ok — deck 'talks', 1 cards from 1 entries\n"


def test_cited_files_are_read_within_a_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(sourcefiles, "MAX_BYTES", 10)
    assert warnings(deck_citing(tmp_path, "a.txt")) == [
        f"source file 'a.txt' is unusable: source file is {len(ARTICLE)} bytes; the limit is 10"
    ]


def test_quote_searches_stop_at_their_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cards = "".join(f"  - {{id: c{n}, question: Q{n}?, answer: A, source: s, quote: quote {n}}}\n" for n in range(5))
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK.format(file="a.txt", quote="The talks").split("cards:")[0] + "cards:\n" + cards, encoding="utf-8")
    monkeypatch.setattr(sourcefiles, "SCAN_BUDGET", 3 * len(ARTICLE.strip()))
    assert warnings(deck) == [
        f"2 quote(s) not checked: quote searches stop after {3 * len(ARTICLE.strip()):,} characters of source text",
        "quote not found in 'a.txt'", "quote not found in 'a.txt'", "quote not found in 'a.txt'",
    ]


# -- item 7: no check or answer takes more than linear time ------------------------------------
# Each body takes well under a second; before the fixes each took minutes.


def test_an_unclosed_cloze_is_reported_in_linear_time() -> None:
    text = "title: T\nid: t\ncards:\n  - {id: c, cloze: '" + "{{" * 50_000 + "'}\n"
    with watchdog(20):
        problems = [p.message for p in check_text(text).errors]
    assert problems == ["malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest"]


def test_a_cloze_of_many_gaps_is_checked_and_expanded_in_linear_time() -> None:
    cloze = " and ".join(f"{{{{gap {n}}}}}" for n in range(20_000))
    with watchdog(20):
        deck = check_text(f"title: T\nid: t\ncards:\n  - id: c\n    cloze: '{cloze}'\n").deck
        assert deck is not None
        cards = deck.cards()
        assert len(cards) == 20_000 and len({card.id for card in cards}) == 20_000
        assert cards[-1].prompt.endswith("gap 19997 and gap 19998 and _____")


@pytest.mark.parametrize("typed", ["the " * 200_000, "Mr " * 200_000])
def test_long_typed_answers_are_checked_in_linear_time(typed: str) -> None:
    # Leading articles and titles were dropped one at a time, each copying the rest.
    with watchdog(30):
        assert not check(typed, "Paris").correct


def test_runs_of_initials_and_digit_groups_are_joined_in_linear_time() -> None:
    # The steps themselves, at a size where the rest of normalising would take long: each
    # added to a growing string and took quadratic time (a minute for 800,000 words).
    with watchdog(20):
        assert normalise_steps._join_initials(["a"] * 2_000_000) == ["a" * 2_000_000]
        assert normalise_steps._merge_digit_groups(["1", *["000"] * 2_000_000, "x"]) == ["1" + "000" * 2_000_000, "x"]


def test_a_long_answer_with_one_slip_is_checked_in_linear_time() -> None:
    answer = "x" + "ab" * 400_000 + "y"
    middle = len(answer) // 2
    with watchdog(20):
        assert not check("z" + "ab" * 400_000 + "w", answer).correct  # two slips, at both ends
        swapped = check(answer[:middle] + answer[middle + 1] + answer[middle] + answer[middle + 2 :], answer)
        assert swapped.correct and swapped.typo
        spaced = check(answer[:middle] + " " + answer[middle:], answer)
        assert spaced.correct and spaced.typo


def test_many_bad_names_among_many_sources_are_checked_in_linear_time() -> None:
    sources = "".join(f"  s{n}: {{title: Article {n}}}\n" for n in range(20_000))
    cards = "".join(f"  - {{id: c{n}, question: Q{n}?, answer: A, source: t{n}}}\n" for n in range(4_000))
    with watchdog(60):
        problems = check_text(f"title: T\nid: t\nsources:\n{sources}cards:\n{cards}").errors
    assert len(problems) == 4_000 and problems[0].message == "unknown source 't0'"


def test_did_you_mean_hints_stop_after_a_hundred_words() -> None:
    cards = "".join(f"  - {{id: c{n}, questio{n}: Q?, answer: A}}\n" for n in range(150))
    messages = [p.message for p in check_text(f"title: T\nid: t\ncards:\n{cards}").errors if "unknown key" in p.message]
    assert messages[0] == "unknown key 'questio0' in a card (did you mean 'question'?)"
    assert sum("did you mean" in m for m in messages) == 100 and len(messages) == 150


def test_the_deck_cache_holds_a_clozes_text_once_however_many_gaps_it_has(tmp_path: Path) -> None:
    from quiz.decks import cache

    cloze = " and ".join(f"{{{{gap {n}}}}}" for n in range(2_000))
    path = tmp_path / "d.yaml"
    path.write_text(f"title: T\nid: t\ncards:\n  - id: c\n    cloze: '{cloze}'\n", encoding="utf-8")
    deck = check_path(path).deck
    assert deck is not None
    cache.write(tmp_path / "cache", path, deck)
    (written,) = (tmp_path / "cache").iterdir()
    # Each card's prompt written out would be 2,000 times the text: 50 MB here.
    assert written.stat().st_size < 40 * path.stat().st_size
    cached = cache.read(tmp_path / "cache", path)
    assert cached is not None and cached.cards() == deck.cards()
    assert cached.cards_with_ids(["c:gap-1999"])[0].prompt == deck.cards()[-1].prompt


# -- item 5: a deck folder that cannot be read ----------------------------------------------------


@pytest.fixture
def unreadable_decks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The data folder's decks/ at mode 000, holding a deck. Root reads it all the same, so there
    listing it fails as it would for anyone else: with EACCES from the OS call."""
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "mine.yaml").write_text("title: Mine\ncards:\n  - {id: a, question: Capital of Cuba?, answer: Havana}\n", encoding="utf-8")
    folder.chmod(0)
    try:
        os.listdir(folder)
    except PermissionError:
        pass
    else:
        listdir, scandir = os.listdir, os.scandir

        def refuse(call: Callable[[Any], Any]) -> Callable[[Any], Any]:
            def refusing(path: Any = ".") -> Any:
                if Path(os.fsdecode(path)).resolve() == folder:
                    raise PermissionError(errno.EACCES, "Permission denied", str(path))
                return call(path)

            return refusing

        monkeypatch.setattr(os, "listdir", refuse(listdir))
        monkeypatch.setattr(os, "scandir", refuse(scandir))
    yield folder
    folder.chmod(0o755)


@pytest.mark.parametrize("command", [[], ["stats"], ["study", "--plain"], ["decks"]])
def test_an_unreadable_deck_folder_is_warned_about_and_passed_over(tmp_path: Path, unreadable_decks: Path, command: list[str]) -> None:
    done = run_quiz(tmp_path, *command, input="\n")
    assert done.returncode == 0, done.stderr
    assert f"quiz: warning: cannot read the deck folder {unreadable_decks}: Permission denied; its decks are left out" in done.stderr
    assert done.stdout.strip()  # and it went on with the other decks (the bundled ones)


def test_studying_an_unreadable_deck_folder_by_name_is_a_clear_error(tmp_path: Path, unreadable_decks: Path) -> None:
    done = run_quiz(tmp_path, "study", str(unreadable_decks), "--plain")
    assert done.returncode == 1
    assert done.stderr == f"quiz: cannot read the deck folder {unreadable_decks}: Permission denied\n"


@pytest.mark.parametrize("file", ["the " * 1000, "a\x00b.txt", "x" * 300 + ".txt"])
def test_a_cited_file_name_the_os_cannot_use_is_a_warning(tmp_path: Path, file: str) -> None:
    """Found by bench/fuzz.py: a 4,000-character `file:` was an OSError (File name too long)
    traceback in quiz check."""
    deck = tmp_path / "d.yaml"
    deck.write_text(f'title: T\nid: d\nsources:\n  s: {{file: "{file}"}}\ncards:\n  - {{question: Q?, answer: A, source: s, quote: The talks}}\n'.replace("\x00", "\\0"))
    (problem,) = [w for w in warnings(deck) if "source file" in w]
    assert "not a usable file name" in problem or "not found" in problem
    assert len(problem) < 300
    ran = run_quiz(tmp_path, "check", str(deck))
    assert ran.returncode in (0, 1) and "Traceback" not in ran.stderr


def test_many_gaps_of_one_text_are_keyed_by_counting() -> None:
    """Found by bench/fuzz.py: a cloze of 20,000 gaps '{{x}}' took 90 s in quiz study, as each
    gap's key was searched for from #2 up (n²). The keys are the same as before."""
    from quiz.decks.model import gap_keys

    def searched(gaps: list[str]) -> list[str]:  # the rule as it was written, on small input
        keys: list[str] = []
        for key in (each.split("#")[0] for each in gap_keys(gaps)):
            unique, n = key, 1
            while unique in keys:
                n += 1
                unique = f"{key}#{n}"
            keys.append(unique)
        return keys

    blank = gap_keys([""])[0]
    gaps = ["x", "Y", "x", "x!", "y", "", "", "Fidel Castro", "x"]
    assert gap_keys(gaps) == searched(gaps) == ["x", "y", "x#2", "x#3", "y#2", blank, f"{blank}#2", "fidel-castro", "x#4"]
    keys = gap_keys(["Fidel Castro"] * 30_000)
    assert keys[0] == "fidel-castro" and keys[-1] == "fidel-castro#30000" and len(set(keys)) == 30_000
