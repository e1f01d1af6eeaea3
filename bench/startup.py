"""Start-up benchmark: `quiz --help` against `import typer`, and time to the first question
on a generated 10,000-card deck with 100,000 review rows.

    python bench/startup.py [--runs 15] [--cards 10000] [--reviews 100000]

Prints medians (and min) in milliseconds. Targets: `quiz --help` ≤ 1.5 × `python -c "import
typer"`; first question < 300 ms at 10k cards.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect

from quiz.decks.file import dump
from quiz.decks.model import Deck, Entry
from quiz.memory.state import Memory, State
from quiz.store import Store, to_ms

CARDS = 10_000
REVIEWS = 100_000
QUIZ = str(Path(sys.executable).parent / "quiz") if (Path(sys.executable).parent / "quiz").exists() else shutil.which("quiz")


def make_deck(folder: Path, cards: int = CARDS) -> Path:
    rng = random.Random(7)
    entries = []
    for n in range(cards):
        if n % 4 == 0:
            entries.append(Entry(id=f"c{n}", cloze=f"Fact {n}: the treaty was signed in {{{{{1800 + n % 200}}}}} in city {n}."))
        else:
            entries.append(Entry(id=f"c{n}", question=f"Question number {n} about topic {rng.randint(1, 999)}?",
                                 answer=f"answer {n}", accept=(f"alt {n}",),
                                 choices=(f"wrong {n}a", f"wrong {n}b", f"wrong {n}c") if n % 4 == 1 else (),
                                 quote=f"A sentence that states answer {n}.", tags=("bench",)))
    path = folder / "big.yaml"
    path.write_text(dump(Deck(id="big", title="Benchmark deck", entries=tuple(entries))), encoding="utf-8")
    return path


def make_history(home: Path, cards: int = CARDS, reviews: int = REVIEWS) -> None:
    """Half the cards studied, the reviews spread over a year, a few percent due now."""
    now = datetime.now(UTC)
    store = Store.open(home / "quiz.db")
    store.sync_decks([("big", "Benchmark deck", None, cards)], now)
    rng = random.Random(11)
    studied = [f"c{n}" for n in range(0, cards, 2)]
    with store.db:
        session = store.db.execute("INSERT INTO sessions (started_ms, decks) VALUES (?, '[\"big\"]')", (to_ms(now),)).lastrowid
        memories = []
        for card_id in studied:
            due = now + timedelta(days=rng.uniform(-3, 60))
            memory = Memory(State.REVIEW, None, rng.uniform(1, 100), rng.uniform(1, 10), due, now - timedelta(days=3))
            memories.append(("big", card_id, int(memory.state), None, memory.stability, memory.difficulty,
                             to_ms(due), to_ms(memory.last_review), to_ms(now - timedelta(days=365))))
        store.db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", memories)
        start = to_ms(now - timedelta(days=365))
        store.db.executemany(
            "INSERT INTO reviews (session_id, deck_id, card_id, reviewed_ms, answer, correct, rating, auto_rating,"
            " duration_ms) VALUES (?, 'big', ?, ?, 'x', 1, 3, 3, 4000)",
            ((session, rng.choice(studied), start + n * 300_000) for n in range(reviews)),
        )
    store.close()


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def first_question_plain(deck: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen([QUIZ, "study", str(deck), "--plain"], env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    seen = b""
    while not seen.endswith(b"> "):
        chunk = child.stdout.read1(4096)
        if not chunk:
            raise RuntimeError("quiz ended before asking a question")
        seen += chunk
    elapsed = (time.perf_counter() - start) * 1000
    child.kill()
    child.wait()
    return elapsed


def first_question_interactive(deck: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(QUIZ, ["study", str(deck)], env=env, timeout=30, dimensions=(40, 120))
    child.expect(r"Question number|Fact ")
    child.expect(r"\?|_____")  # the prompt line itself, drawn by questionary
    elapsed = (time.perf_counter() - start) * 1000
    child.terminate(force=True)
    return elapsed


def report(name: str, samples: list[float]) -> float:
    median = statistics.median(samples)
    print(f"{name:<45} median {median:7.1f} ms   min {min(samples):7.1f} ms   (n={len(samples)})")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cards", type=int, default=CARDS)
    parser.add_argument("--reviews", type=int, default=REVIEWS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        deck = make_deck(folder, args.cards)
        make_history(folder, args.cards, args.reviews)
        # Bytecode caching on, as on any normal install (some sandboxes set PYTHONDONTWRITEBYTECODE,
        # which would make every run recompile quiz's own modules from source).
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env.update(QUIZ_HOME=str(folder), NO_COLOR="1")
        size = deck.stat().st_size
        print(f"deck: {args.cards:,} cards, {size / 1e6:.1f} MB; database: {args.reviews:,} reviews; {os.cpu_count()} cores")
        timed([QUIZ, "--help"], env)  # warm the file cache
        first_question_plain(deck, env)  # and write the bytecode of every module a session imports
        first_question_interactive(deck, env)
        typer_ms = report('python -c "import typer"', [timed([sys.executable, "-c", "import typer"], env) for _ in range(args.runs)])
        help_ms = report("quiz --help", [timed([QUIZ, "--help"], env) for _ in range(args.runs)])
        print(f"{'  ratio quiz --help / import typer':<45} {help_ms / typer_ms:.2f} (target ≤ 1.5)")
        report("first question, --plain", [first_question_plain(deck, env) for _ in range(args.runs)])
        report("first question, interactive", [first_question_interactive(deck, env) for _ in range(args.runs)])


if __name__ == "__main__":
    main()
