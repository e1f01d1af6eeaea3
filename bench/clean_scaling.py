"""Benchmark for `quiz generate`'s text cleaning on large input (issue 11, item 6): CPU time of
clean_article at growing sizes, for each shape of input that was quadratic or worse.

Shapes: distinct paragraphs (the generate-dev articles' paragraphs, numbered so none repeats;
read from ../shared/generate-dev, or --dev DIR), one single-line paragraph of them, the same
hard-wrapped at 70 columns with no line ending a sentence, and unclosed '<a ' tags in HTML.
`--module FILE` times another clean.py (e.g. `git show REV:quiz/generate/clean.py > old.py`) to
compare before and after.

    python bench/clean_scaling.py                          # 0.5, 1, 2, 4 MB
    python bench/clean_scaling.py --mb 0.5 1 2 --module old.py
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DEV_PLACES = (ROOT.parent / "shared" / "generate-dev", ROOT.parent.parent / "shared" / "generate-dev")


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def shapes(paragraphs: list[str]) -> dict[str, Callable[[int], str]]:
    def distinct(size: int) -> str:
        out, total, n = [], 0, 0
        while total < size:
            out.append(f"{paragraphs[n % len(paragraphs)]} This was report number {n}.")
            total += len(out[-1]) + 2
            n += 1
        return "\n\n".join(out)

    def one_line(size: int) -> str:
        words = " ".join(" ".join(paragraphs).split())
        return (words * (size // len(words) + 1))[:size].rsplit(" ", 1)[0] + "."

    def wrapped(size: int) -> str:
        words = ("the harbour was closed after a storm damaged the pier and " * (size // 59 + 1))[:size]
        return "\n".join(words[i : i + 70].strip() for i in range(0, len(words), 70)) + " cranes."

    def unclosed_tags(size: int) -> str:
        return "The council approved the budget in 2009 after a long debate. " + "<a " * (size // 3)

    return {"distinct paragraphs": distinct, "one-line paragraph": one_line, "hard-wrapped paragraph": wrapped, "unclosed <a tags": unclosed_tags}


def load(module: Path | None) -> ModuleType:
    if module is None:
        from quiz.generate import clean

        return clean
    spec = importlib.util.spec_from_file_location("clean_under_test", module)
    assert spec and spec.loader
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = loaded
    spec.loader.exec_module(loaded)
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[0.5, 1, 2, 4])
    parser.add_argument("--module", type=Path, help="a clean.py to time instead of quiz's own")
    parser.add_argument("--dev", type=Path)
    parser.add_argument("--skip", type=float, default=60.0, help="stop a shape once one size takes this many seconds")
    args = parser.parse_args()
    dev = next((place for place in ((args.dev,) if args.dev else DEV_PLACES) if place.is_dir()), None)
    if dev is None:
        sys.exit("clean_scaling.py: no generate-dev set; give --dev DIR")
    paragraphs = [p for path in sorted(dev.glob("*.txt")) for p in path.read_text().split("\n\n") if len(p.split()) > 10]
    clean = load(args.module)
    print(f"clean_article CPU seconds ({args.module or 'quiz.generate.clean'})")
    for name, make in shapes(paragraphs).items():
        cells = []
        for mb in args.mb:
            text = make(int(mb * 1_000_000))
            start = cpu()
            clean.clean_article("article.html" if "tags" in name else "article.txt", text)
            spent = cpu() - start
            cells.append(f"{mb:g} MB {spent:.2f} s")
            if spent > args.skip:
                break
        print(f"  {name:24} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
