"""Two versions of quiz on the same collection, run alternately: the CPU time (user + system)
and wall time of whole processes, min and median, for the warm start-up paths. Alternating
keeps a busy machine's load the same for both; the minimum is the least disturbed run.

    python bench/compare.py RUNS BEFORE_TREE BEFORE_HOME AFTER_TREE AFTER_HOME DECK

A tree is a checkout's folder (`git archive COMMIT quiz decks pyproject.toml | tar -x -C DIR`),
run with PYTHONPATH=TREE; a home is a QUIZ_HOME holding a collection bench/startup.py or
bench/stats.py built (`--keep`), one copy per version: an older version needs its database at
its own schema. DECK is the deck file whose first question is timed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

COMMANDS = {"quiz stats": ["stats"], "quiz stats --json": ["stats", "--json"], "quiz decks": ["decks"], "quiz (dashboard)": []}


def run(tree: str, home: str, args: list[str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one process; a study is timed until its first `> ` prompt."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=tree, QUIZ_HOME=home, NO_COLOR="1")
    plain = "--plain" in args
    start = time.perf_counter()
    # -P: the folder it runs in never goes on the path before PYTHONPATH (run from a checkout,
    # `-m quiz` would otherwise load that checkout's quiz for both versions).
    child = subprocess.Popen([sys.executable, "-P", "-m", "quiz", *args], env=env, stdin=subprocess.PIPE if plain else subprocess.DEVNULL,
                             stdout=subprocess.PIPE if plain else subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if plain:
        assert child.stdout is not None
        seen = b""
        while not seen.endswith(b"> "):
            chunk = child.stdout.read1(65536)
            if not chunk:
                raise RuntimeError("quiz ended before asking a question")
            seen += chunk
        wall = (time.perf_counter() - start) * 1000
        child.kill()
    _, _, usage = os.wait4(child.pid, 0)
    if not plain:
        wall = (time.perf_counter() - start) * 1000
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    runs, deck = int(sys.argv[1]), sys.argv[6]
    versions = {"before": (sys.argv[2], sys.argv[3]), "after": (sys.argv[4], sys.argv[5])}
    for name, args in {**COMMANDS, "first question --plain": ["study", deck, "--plain"]}.items():
        walls: dict[str, list[float]] = {version: [] for version in versions}
        cpus: dict[str, list[float]] = {version: [] for version in versions}
        for n in range(runs + 1):  # the first round only warms the caches
            for version, (tree, home) in versions.items():
                wall, cpu = run(tree, home, args)
                if n:
                    walls[version].append(wall)
                    cpus[version].append(cpu)
        line = " | ".join(f"{version}: CPU min {min(cpus[version]):6.1f} median {statistics.median(cpus[version]):6.1f},"
                          f" wall min {min(walls[version]):6.1f} median {statistics.median(walls[version]):6.1f}" for version in versions)
        print(f"{name:<24} {line}   (load {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    main()
