"""Import and export of a large Anki collection: time and peak memory of whole `quiz` processes.

Builds, with Anki's own library (the test extra), a collection of N notes (Basic, reversed and
cloze in turn, HTML in the fields) with R revlog rows spread over two years, exports it in the
current (anki21b) and legacy (anki21) layouts, then times `quiz import` of each into a fresh
QUIZ_HOME, a second import of the same package (nothing to add), and `quiz export
--with-history` of the imported deck.

    python bench/interop.py --notes 10000 --reviews 100000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build(folder: Path, notes: int, reviews: int) -> None:
    from anki.collection import Collection, ExportAnkiPackageOptions

    col = Collection(str(folder / "collection.anki2"))
    kinds = [col.models.by_name(name) for name in ("Basic", "Basic (and reversed card)", "Cloze")]
    deck = col.decks.id("Bench::Words")
    for n in range(notes):
        kind = kinds[n % 3]
        note = col.new_note(kind)
        if kind["name"] == "Cloze":
            note["Text"] = f"Fact <b>{n}</b>: {{{{c1::answer {n}}}}} and {{{{c2::other {n}}}}}."
        else:
            note["Front"], note["Back"] = f"Question <i>{n}</i>&nbsp;?", f"Answer {n}<br>line two"
        note.tags = [f"t{n % 7}"]
        col.add_note(note, deck)
    card_ids = col.db.list("SELECT id FROM cards")
    rng = random.Random(1)
    start = int(time.time() * 1000) - 2 * 365 * 86_400_000
    rows = sorted(start + rng.randrange(2 * 365 * 86_400_000) for _ in range(reviews))
    col.db.executemany(
        "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, -1, ?, 1, 0, 2500, ?, 1)",
        [(at + i, rng.choice(card_ids), rng.choice((1, 3, 3, 3, 4)), rng.randrange(2000, 20000)) for i, at in enumerate(rows)],
    )
    for name, legacy in (("anki21b", False), ("anki21", True)):
        col.export_anki_package(out_path=str(folder / f"bench-{name}.apkg"), limit=None, options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=False, legacy=legacy))
    col.close()


def timed(args: list[str], home: Path, cwd: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one `quiz ARGS` process."""
    env = {**os.environ, "QUIZ_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "quiz", *args], env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
    seconds = time.perf_counter() - began
    errors = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"quiz {' '.join(args)} failed:\n{errors}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.build:
        build(options.build, options.notes, options.reviews)
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        # Built in a child: a measured process forked from one that loaded Anki would report
        # Anki's memory as its own peak.
        subprocess.run([sys.executable, __file__, "--build", str(root), "--notes", str(options.notes), "--reviews", str(options.reviews)],
                       check=True, capture_output=True)
        packages = {name: root / f"bench-{name}.apkg" for name in ("anki21b", "anki21")}
        print(f"{options.notes:,} notes, {options.reviews:,} revlog rows; medians of {options.runs} runs")
        print("| step | seconds | peak MiB |\n|---|---|---|")
        for layout, package in packages.items():
            results: dict[str, list[tuple[float, float]]] = {}
            for run in range(options.runs):
                home = root / f"home-{layout}-{run}"
                home.mkdir()
                steps = {
                    f"import {layout}": ["import", str(package), "-o", "deck.yaml"],
                    f"import {layout} again": ["import", str(package), "-o", "deck.yaml"],
                    "export --with-history": ["export", "deck.yaml", "-o", "out.apkg", "--with-history", "--force"],
                }
                for name, args in steps.items():
                    results.setdefault(name, []).append(timed(args, home, home))
            for name, values in results.items():
                print(f"| {name} | {statistics.median(v[0] for v in values):.2f} | {statistics.median(v[1] for v in values):.0f} |")


if __name__ == "__main__":
    main()
