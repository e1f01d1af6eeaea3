"""Start-up benchmark: `quiz --help` against `import typer`, and how quiz scales with the size of
a collection (cards and reviews), whole processes timed from start to what the person sees.

    python bench/startup.py [--runs 7] [--slow-runs 3] [--scales 1000,10000,100000] [--answers 300] [--keep DIR] [--misses-only]

(`--slow-runs 0` leaves out the cache misses and quiz check, which take minutes at 100k cards;
`--keep DIR` builds each scale's deck and history in DIR/N once and measures it there again on
the next run, without the minute that a million reviews take to build.)

For each scale N a synthetic deck of N cards (typed, multiple-choice and cloze; 160 bytes of
YAML a card) and a database with N/2 studied cards and 10 N reviews over a year are built in a
temporary QUIZ_HOME. Measured, as medians (and min) in milliseconds, with the peak memory
(maximum resident set) of the process:

- first question, `--plain` (until the `> ` prompt), deck cache warm;
- first question, interactive (in a pseudo-terminal, until the question is drawn: by quiz itself
  while questionary loads, see quiz/study/early.py);
- first question after the deck file changed (its parsed-deck cache is stale): touched only, one
  card edited, 1 % of the cards edited, the deck's title edited (each run edits them again), and
  a wholly new file (its cache deleted first: every card parsed); `--misses-only` measures just
  these;
- `quiz check` on the deck, beside a process that merely loads it with PyYAML's C loader;
- `quiz stats`, `quiz decks` and `quiz` (the dashboard);
- one answer, from submitting it to the next prompt (`--plain`; median and p99; the first answer
  after 0.2 s, as a person reads the question first);
- the database's size per million reviews, beside Anki's revlog table (its row layout, with
  its two indexes, filled with as many rows).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pexpect

from quiz.days import to_ms
from quiz.decks.file import dump
from quiz.decks.model import Deck, Entry
from quiz.memory.state import State
from quiz.store import Store

HERE = Path(sys.executable).parent
QUIZ = str(HERE / "quiz") if (HERE / "quiz").exists() else shutil.which("quiz") or "quiz"
DAY_MS = 86_400_000


def make_deck(folder: Path, cards: int) -> Path:
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
    path = folder / "decks" / "big.yaml"  # in QUIZ_HOME's decks/: a known deck, for stats and the dashboard
    path.parent.mkdir()
    path.write_text(dump(Deck(id="big", title="Benchmark deck", entries=tuple(entries))), encoding="utf-8")
    return path


def make_history(home: Path, cards: int, reviews: int) -> tuple[float, float]:
    """Half the cards studied, `reviews` reviews spread over the past year, a few percent due
    now; written through the store's own schema (its indexes and triggers). (Seconds, CPU seconds.)"""
    started, cpu = time.perf_counter(), time.process_time()
    now = datetime.now(UTC)
    now_ms = to_ms(now)
    store = Store.open(home / "quiz.db")
    # For this bulk load only: the indexes of a million reviews stay in memory while built, the
    # rows are valid by construction, and a crash here loses nothing but the benchmark.
    store.db.execute("PRAGMA cache_size = -262144")
    store.db.execute("PRAGMA foreign_keys = OFF")
    store.db.execute("PRAGMA synchronous = OFF")
    store.sync_decks([("big", "Benchmark deck", None, cards)], now)
    rng = random.Random(11)
    studied = [f"c{n}" for n in range(0, cards, 2)]
    start = now_ms - 365 * DAY_MS
    gap = 365 * DAY_MS // reviews
    with store.db:
        session = store.db.execute("INSERT INTO sessions (started_ms, decks) VALUES (?, '[\"big\"]')", (start,)).lastrowid
        store.db.executemany(
            "INSERT INTO cards (deck_id, card_id, state, step, stability, difficulty, due_ms, last_review_ms,"
            " first_review_ms) VALUES ('big', ?, ?, NULL, ?, ?, ?, ?, ?)",
            ((card_id, int(State.REVIEW), rng.uniform(1, 100), rng.uniform(1, 10),
              now_ms + int(rng.uniform(-3, 60) * DAY_MS), now_ms - 3 * DAY_MS, start) for card_id in studied),
        )
        store.db.executemany(
            "INSERT INTO reviews (session_id, deck_id, card_id, reviewed_ms, answer, correct, rating, auto_rating,"
            " duration_ms) VALUES (?, 'big', ?, ?, 'x', ?, ?, ?, 4000)",
            ((session, card_id, start + n * gap, n % 5 != 0, 3 if n % 5 else 1, 3 if n % 5 else 1)
             for n, card_id in enumerate(rng.choices(studied, k=reviews))),
        )
    store.close()
    return time.perf_counter() - started, time.process_time() - cpu


def anki_revlog_size(folder: Path, reviews: int) -> int:
    """Bytes of a database holding only Anki's revlog (schema 11's layout and indexes)."""
    path = folder / "anki.db"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,"
        " ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,"
        " time integer not null, type integer not null);"
        "CREATE INDEX ix_revlog_usn on revlog (usn); CREATE INDEX ix_revlog_cid on revlog (cid);"
    )
    rng = random.Random(3)
    start = to_ms(datetime.now(UTC)) - 365 * DAY_MS
    gap = 365 * DAY_MS // reviews
    with db:
        db.executemany(
            "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, 2500, 4000, 1)",
            ((start + n * gap, 1_600_000_000_000 + rng.randrange(reviews // 20), 3, rng.randrange(1, 200), rng.randrange(1, 100))
             for n in range(reviews)),
        )
    db.execute("VACUUM")
    db.close()
    size = path.stat().st_size
    path.unlink()
    return size


def database_size(home: Path) -> tuple[int, int | None]:
    """Bytes of the whole database, and of the reviews table with its indexes (when SQLite has dbstat)."""
    db = sqlite3.connect(home / "quiz.db")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        (reviews,) = db.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = 'reviews' OR name LIKE 'reviews\\_%' ESCAPE '\\'").fetchone()
    except sqlite3.OperationalError:
        reviews = None
    db.close()
    return (home / "quiz.db").stat().st_size, reviews


class Sample:
    def __init__(self) -> None:
        self.ms: list[float] = []
        self.cpu_ms: list[float] = []
        self.rss_mib: list[float] = []

    def add(self, ms: float, usage: resource.struct_rusage | None) -> None:
        self.ms.append(ms)
        if usage is not None:
            self.cpu_ms.append((usage.ru_utime + usage.ru_stime) * 1000)
            self.rss_mib.append(usage.ru_maxrss / 1024)  # KiB on Linux


def _reap(child: subprocess.Popen[bytes]) -> resource.struct_rusage:
    """Wait for a child and return its resource usage (CPU time, peak resident set)."""
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    return usage


def timed(command: list[str], env: dict[str, str], sample: Sample, ok: tuple[int, ...] = (0,)) -> None:
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in ok:
        raise RuntimeError(f"{command} exited with {child.returncode}")
    sample.add(elapsed, usage)


def _read_until_prompt(stream: object, seen: bytes = b"") -> bytes:
    while not seen.endswith(b"> "):
        chunk = stream.read1(65536)  # type: ignore[attr-defined]
        if not chunk:
            raise RuntimeError("quiz ended before asking a question")
        seen += chunk
    return seen


def first_question_plain(deck: Path, env: dict[str, str], sample: Sample, before: Callable[[], None] | None = None) -> None:
    if before is not None:
        before()
    start = time.perf_counter()
    child = subprocess.Popen([QUIZ, "study", str(deck), "--plain"], env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    _read_until_prompt(child.stdout)
    elapsed = (time.perf_counter() - start) * 1000
    child.kill()
    sample.add(elapsed, _reap(child))


def first_question_interactive(deck: Path, env: dict[str, str], sample: Sample) -> None:
    start = time.perf_counter()
    child = pexpect.spawn(QUIZ, ["study", str(deck)], env=env, timeout=60, dimensions=(40, 120))
    child.expect(r"Question number|Fact ")
    child.expect(r"\?|_____")  # the prompt line itself (drawn before questionary has loaded)
    elapsed = (time.perf_counter() - start) * 1000
    child.terminate(force=True)
    sample.add(elapsed, None)


def answer_latencies(deck: Path, env: dict[str, str], answers: int) -> list[float]:
    """Milliseconds from writing each answer to the next prompt, in one plain session."""
    child = subprocess.Popen([QUIZ, "study", str(deck), "--plain", "--new", str(answers), "--limit", str(answers + 1)],
                             env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdin is not None
    _read_until_prompt(child.stdout)
    time.sleep(0.2)  # a person reads the first question before answering (quiz loads py-fsrs meanwhile)
    latencies = []
    for n in range(answers):
        start = time.perf_counter()
        child.stdin.write(b"answer 1\n" if n % 2 else b"1\n")
        child.stdin.flush()
        _read_until_prompt(child.stdout)
        latencies.append((time.perf_counter() - start) * 1000)
    child.kill()
    child.wait()
    return latencies


def report(name: str, sample: Sample) -> float:
    median = statistics.median(sample.ms)
    used = f"   CPU {statistics.median(sample.cpu_ms):8.1f} ms   {max(sample.rss_mib):5.0f} MiB" if sample.cpu_ms else ""
    print(f"  {name:<40} median {median:8.1f} ms   min {min(sample.ms):8.1f} ms{used}   (n={len(sample.ms)})", flush=True)
    return median


_QUESTION = re.compile(r"Question number (\d+) about")


def editor(deck: Path, original: str, every: int) -> Callable[[], None]:
    """Before each run, a new text for the question of every `every`-th typed card (from card
    1: one card edited when `every` is the deck's size; none when it is 0: the deck's title
    instead), the rest as `original`."""
    runs = [0]

    def edit() -> None:
        runs[0] += 1
        def question(match: re.Match[str]) -> str:
            n = int(match.group(1))
            return f"Question number {n} edit {runs[0]} about" if n % every == 1 else match.group(0)
        if every:
            deck.write_text(_QUESTION.sub(question, original), encoding="utf-8")
        else:
            deck.write_text(original.replace("title: Benchmark deck", f"title: Benchmark deck {runs[0]}", 1), encoding="utf-8")

    return edit


def repeat(runs: int, measure: Callable[[Sample], None]) -> Sample:
    sample = Sample()
    for _ in range(runs):
        measure(sample)
    return sample


def build(folder: Path, cards: int) -> None:
    """Write the deck and the history (run in a child process, see `scale`)."""
    began = time.perf_counter()
    deck = make_deck(folder, cards)
    deck_seconds = time.perf_counter() - began
    history_seconds, history_cpu = make_history(folder, cards, 10 * cards)
    print(f"\n{cards:,} cards ({deck.stat().st_size / 1e6:.1f} MB of YAML, written in {deck_seconds:.1f} s),"
          f" {10 * cards:,} reviews (built in {history_seconds:.1f} s, {history_cpu:.1f} s of CPU);"
          f" load average {os.getloadavg()[0]:.2f}", flush=True)


def scale(cards: int, args: argparse.Namespace, base_env: dict[str, str]) -> None:
    reviews = 10 * cards
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep / str(cards) if args.keep else Path(tmp)
        if (folder / "quiz.db").exists():
            print(f"\n{cards:,} cards, {reviews:,} reviews: kept in {folder}; load average {os.getloadavg()[0]:.2f}", flush=True)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            # Built by a child: a process started from this one reports this one's peak memory as
            # its own (Linux carries ru_maxrss across exec), so this one stays small.
            subprocess.run([sys.executable, __file__, "--build", str(folder), "--scales", str(cards)], check=True)
        deck = folder / "decks" / "big.yaml"
        env = {**base_env, "QUIZ_HOME": str(folder)}
        first_question_plain(deck, env, Sample())  # fill the deck cache and write the bytecode
        runs, slow = args.runs, args.slow_runs
        if not args.misses_only:
            first_question_interactive(deck, env, Sample())
            report("first question, --plain, cache warm", repeat(runs, lambda s: first_question_plain(deck, env, s)))
            report("first question, interactive", repeat(runs, lambda s: first_question_interactive(deck, env, s)))

        def touch() -> None:
            stamp = time.time_ns()
            os.utime(deck, ns=(stamp, stamp))

        def new_file() -> None:
            for cached in (folder / "cache").glob("*.sqlite"):
                cached.unlink()

        if slow:
            report("first question, deck file changed", repeat(slow, lambda s: first_question_plain(deck, env, s, touch)))
            original = deck.read_text(encoding="utf-8")
            try:
                for name, every in (("  one card edited", cards), ("  1 % of the cards edited", 100), ("  the title edited", 0)):
                    report(name, repeat(slow, lambda s, e=editor(deck, original, every): first_question_plain(deck, env, s, e)))  # type: ignore[misc]
            finally:
                deck.write_text(original, encoding="utf-8")
            report("  a new file (no cache)", repeat(slow, lambda s: first_question_plain(deck, env, s, new_file)))
        if args.misses_only:
            return
        if slow:
            loader = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)", str(deck)]
            load = report("PyYAML CSafeLoader loading the deck", repeat(slow, lambda s: timed(loader, env, s)))
            check = report("quiz check", repeat(slow, lambda s: timed([QUIZ, "check", str(deck)], env, s)))
            print(f"  {'  ratio quiz check / PyYAML load':<40} {check / load:.2f} (target ≤ 1.5)")
        for name, command in (("quiz stats", ["stats"]), ("quiz decks", ["decks"]), ("quiz (dashboard)", [])):
            report(name, repeat(runs, lambda s, c=command: timed([QUIZ, *c], env, s)))  # type: ignore[misc]
        if args.answers:
            latencies = sorted(answer_latencies(deck, env, args.answers))
            p99 = latencies[min(len(latencies) - 1, round(0.99 * len(latencies)))]
            print(f"  {'one answer, submit to next prompt':<40} median {statistics.median(latencies):8.2f} ms"
                  f"   p99 {p99:8.2f} ms   max {latencies[-1]:8.2f} ms   (n={len(latencies)})")
        size, of_reviews = database_size(folder)
        anki = anki_revlog_size(folder, reviews)
        per_million = 1e6 / reviews / 2**20
        alone = f" (the reviews table and its indexes {of_reviews * per_million:.0f})" if of_reviews else ""
        print(f"  database {size / 2**20:.1f} MiB = {size * per_million:.0f} MiB per million reviews{alone};"
              f" Anki's revlog and its indexes {anki * per_million:.0f} MiB per million", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of each fast measurement")
    parser.add_argument("--slow-runs", type=int, default=3, help="runs of cache misses and quiz check (0: skip them)")
    parser.add_argument("--scales", default="1000,10000,100000", help="comma-separated card counts (reviews: 10 per card)")
    parser.add_argument("--answers", type=int, default=300, help="answers timed one by one (0: skip)")
    parser.add_argument("--keep", type=Path, help="build each scale in DIR/N once and keep it for the next runs")
    parser.add_argument("--misses-only", action="store_true", help="measure only the first question after the deck file changed")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args.build, int(args.scales))
        return
    # Bytecode caching on, as on any normal install (some sandboxes set PYTHONDONTWRITEBYTECODE,
    # which would make every run recompile quiz's own modules from source).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1")
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    typer = Sample()
    helps = Sample()
    for _ in range(args.runs):
        timed([sys.executable, "-c", "import typer"], env, typer)
        timed([QUIZ, "--help"], env, helps)
    typer_ms = report('python -c "import typer"', typer)
    help_ms = report("quiz --help", helps)
    print(f"  {'  ratio quiz --help / import typer':<40} {help_ms / typer_ms:.2f} (target ≤ 1.5)")
    for cards in (int(n) for n in args.scales.split(",")):
        scale(cards, args, env)


if __name__ == "__main__":
    main()
