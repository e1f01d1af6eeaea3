"""`quiz stats` on a lifetime collection: 100,000 cards and 1,000,000 reviews (issue 7's target,
≤ 300 ms), with issue 8's figures, and how the time divides between them.

    python bench/stats.py [--runs 9] [--cards 100000] [--keep DIR]

The collection is bench/startup.py's (N cards, N/2 studied, 10 N reviews over the past year),
with what issue 8's figures read made realistic: a fifth of the studied cards have lapsed (1-12
times, so some are leeches), 1 % are suspended, and the reviews of learnt cards carry the interval
they were scheduled for (a third of them mature). The deck has an exam date a month ahead, so
`quiz stats` computes its outlook too. Measured: whole `quiz stats` processes (wall and CPU, the
deck cache warm), `quiz stats --json`, and, in one process with everything imported, the median
time of `report` (today's figures, counts, mastery) and of `progress` (heatmap, forecast, true
retention, time per day, hardest cards, exam outlook).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import QUIZ, make_deck, make_history


def realistic(home: Path, cards: int) -> None:
    """Lapses, suspensions and review intervals on the benchmark's history."""
    import sqlite3

    db = sqlite3.connect(home / "quiz.db")
    rng = random.Random(5)
    studied = [f"c{n}" for n in range(0, cards, 2)]
    with db:
        db.executemany("UPDATE cards SET lapses = ? WHERE deck_id = 'big' AND card_id = ?",
                       ((rng.randint(1, 12), card) for card in rng.sample(studied, len(studied) // 5)))
        db.executemany("UPDATE cards SET suspended = 1 WHERE deck_id = 'big' AND card_id = ?", ((card,) for card in rng.sample(studied, len(studied) // 100)))
        # A third of the reviews mature, a third young, a third of cards still learning (no interval).
        db.execute("UPDATE reviews SET interval_days = CASE id % 3 WHEN 0 THEN 40.0 WHEN 1 THEN 5.0 ELSE NULL END")
    db.close()


def with_exam(deck: Path) -> None:
    text = deck.read_text(encoding="utf-8")
    exam = (date.today() + timedelta(days=30)).isoformat()
    deck.write_text(text.replace("id: big\n", f"id: big\nexam: {exam}\n", 1), encoding="utf-8")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000


def in_process(home: Path, runs: int) -> tuple[float, float]:
    """Median ms of `report` and of `progress`, imports done, the store and decks open."""
    os.environ["QUIZ_HOME"] = str(home)
    from quiz.commands.common import choose_decks
    from quiz.figures.stats import progress, report
    from quiz.memory.scheduler import Scheduler
    from quiz.paths import database_path
    from quiz.store import Store

    decks = choose_decks(None)
    store = Store.open(database_path())
    scheduler = Scheduler()
    reports, figures = [], []
    for _ in range(runs):
        now = datetime.now(UTC)
        start = time.perf_counter()
        report(store, decks, now)
        middle = time.perf_counter()
        progress(store, decks, now, scheduler.settings.desired_retention, scheduler.curve)
        reports.append((middle - start) * 1000)
        figures.append((time.perf_counter() - middle) * 1000)
    return statistics.median(reports), statistics.median(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the collection in DIR once and measure it there again on the next runs")
    args = parser.parse_args()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        home = args.keep or Path(tmp)
        env.update(QUIZ_HOME=str(home), NO_COLOR="1")
        if (home / "quiz.db").exists():
            print(f"{args.cards:,} cards, {10 * args.cards:,} reviews, kept in {home}; load average {os.getloadavg()[0]:.2f}", flush=True)
        else:
            home.mkdir(parents=True, exist_ok=True)
            deck = make_deck(home, args.cards)
            with_exam(deck)
            built = time.perf_counter()
            make_history(home, args.cards, 10 * args.cards)
            realistic(home, args.cards)
            print(f"{args.cards:,} cards, {10 * args.cards:,} reviews, built in {time.perf_counter() - built:.0f} s;"
                  f" {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
        timed([QUIZ, "stats"], env)  # parse the deck once and fill its cache
        for name, command in (("quiz stats", [QUIZ, "stats"]), ("quiz stats --json", [QUIZ, "stats", "--json"])):
            samples = [timed(command, env) for _ in range(args.runs)]
            walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
            print(f"{name:<22} wall median {statistics.median(walls):7.0f} ms (min {min(walls):5.0f})"
                  f"   CPU median {statistics.median(cpus):5.0f} ms (min {min(cpus):5.0f})   n={args.runs}", flush=True)
        reported, figured = in_process(home, args.runs)
        print(f"in one process: report {reported:.0f} ms, progress (issue 8's figures) {figured:.0f} ms;"
              f" load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
