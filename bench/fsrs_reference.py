"""FSRS benchmark against the reference figures on a real Anki review log (shared/data/revlogs).

    python bench/fsrs_reference.py [--log ../shared/data/revlogs/pyfsrs_josh_2024.csv] [--runs 7] [--copies 10]

Imports the log into a throwaway scores database (as `quiz import-reviews` does), then:
replays every card through quiz's scheduler with FSRS-6's default weights and scores recall on
the reviews a day or more after the previous one (reference, py-fsrs 6.3.2: log loss 0.4587,
AUC 0.714 on 5,329 reviews); runs `quiz optimize`'s fit and time split (reference: default
0.4515 on 1,337 test reviews, py-fsrs's PyTorch optimizer 0.4550 in 40.8 s); times the fit
(median of --runs); and simulates the workload at each retention with the fitted weights.
With --copies N, also times importing and optimizing N copies of the log (each under other
card ids, a year later than the one before): years of history at Anki scale.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.interop.revlog_csv import LoggedReview, parse
from quiz.memory import optimizer, workload
from quiz.memory.metrics import Scores, scores
from quiz.memory.replay import predictions
from quiz.memory.scheduler import Scheduler, Settings
from quiz.store import PastReview, Store

ROOT = Path(__file__).resolve().parent.parent
SHA256 = "1cebb655825974579538877d018b5ffc8cc324bb6bb6fda9cbd5da85cfe9e445"


def line(name: str, result: Scores) -> str:
    auc = f"{result.auc:.3f}" if result.auc is not None else "—"
    return f"| {name} | {result.count:,} | {result.log_loss:.4f} | {result.rmse_bins:.4f} | {auc} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, default=ROOT.parent / "shared" / "data" / "revlogs" / "pyfsrs_josh_2024.csv")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--copies", type=int, default=0)
    args = parser.parse_args()
    data = args.log.read_bytes()
    print(f"log: {args.log} sha256 {'ok' if hashlib.sha256(data).hexdigest() == SHA256 else 'DIFFERENT'}")

    started = time.perf_counter()
    logged = parse(data.decode("utf-8-sig"), str(args.log))
    with tempfile.TemporaryDirectory() as home:
        store = Store.open(Path(home) / "quiz.db")
        scheduler = Scheduler()
        store.import_reviews([PastReview("imported", r.card_id, r.at, r.rating, r.duration_ms, r.state) for r in logged],
                             lambda _: scheduler, datetime.now(UTC))
        histories = store.histories()
        store.close()
    print(f"read and imported {len(logged):,} reviews of {len(histories):,} cards in {time.perf_counter() - started:.2f} s")

    default = Scheduler(Settings(fuzz=False))
    every = scores([p for events in histories.values() for p in predictions(default, events)])
    print("\n| weights | scored reviews | log loss | RMSE(bins) | AUC |\n|---|---|---|---|---|")
    print(line("FSRS-6 defaults, all reviews (reference 0.4587, AUC 0.714 on 5,329)", every))

    started = time.perf_counter()
    fit = optimizer.optimize(histories, Settings())
    whole = time.perf_counter() - started
    assert fit.default and fit.fitted and fit.split.at
    print(line(f"FSRS-6 defaults, after the 80 % cut at {fit.split.at:%Y-%m-%d} (reference 0.4515 on 1,337)", fit.default))
    print(line(f"fitted by fsrs-rs on the {fit.split.train:,} before the cut (py-fsrs's optimizer: 0.4550)", fit.fitted))
    print(f"\nkept: {fit.parameters is not None} ({fit.reason})")
    print(f"quiz optimize's whole decision (two fits, the replays, the metrics): {whole:.2f} s")

    train = [item for item in optimizer.items(list(histories.values())) if item.at < fit.split.at]
    everything = optimizer.items(list(histories.values()))
    for name, found in (("train part", train), ("every review", everything)):
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            optimizer.fit(found, Settings())
            times.append(time.perf_counter() - started)
        print(f"fit on the {name} ({len(found):,} items): median {statistics.median(times):.3f} s, min {min(times):.3f} s over {args.runs} runs")

    weights = replace(Settings(), parameters=fit.parameters or None)
    started = time.perf_counter()
    learner = workload.habits(histories.values())
    table = workload.simulate(weights, len(histories), 20, learner)
    print(f"\nworkload at each retention ({len(histories):,} cards, 20 new a day, fitted weights): {time.perf_counter() - started:.2f} s")
    print("| retention | reviews/day | minutes/day | remembered | min/card |\n|---|---|---|---|---|")
    for row in table:
        print(f"| {row.retention:.2f} | {row.reviews_per_day:.1f} | {row.minutes_per_day:.1f} | {row.remembered:.0f} | {row.minutes_per_card:.2f} |")
    print(f"recommended: {workload.recommend(table).retention:.2f}")
    if args.copies:
        at_scale(logged, args.copies)


def at_scale(logged: list[LoggedReview], copies: int) -> None:
    year = timedelta(days=365)
    reviews = [PastReview("imported", f"{r.card_id}-{n}", r.at + n * year, r.rating, r.duration_ms, r.state)
               for n in range(copies) for r in logged]
    with tempfile.TemporaryDirectory() as home:
        store = Store.open(Path(home) / "quiz.db")
        scheduler = Scheduler()
        started = time.perf_counter()
        store.import_reviews(reviews, lambda _: scheduler, datetime.now(UTC))
        imported = time.perf_counter() - started
        started = time.perf_counter()
        histories = store.histories()
        fit = optimizer.optimize(histories, Settings())
        decided = time.perf_counter() - started
        store.close()
    print(f"\n{copies} copies: {len(reviews):,} reviews of {len(histories):,} cards: import {imported:.1f} s;"
          f" read + optimize {decided:.1f} s (fits {fit.seconds:.2f} s), {fit.split.scored:,} scored, kept: {fit.parameters is not None}")


if __name__ == "__main__":
    main()
