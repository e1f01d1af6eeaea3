"""Fuzz benchmark for hostile input (issue 11): mutated decks through `quiz check` and
`quiz study --plain`, and random answer lines through `quiz study --plain`. It reports how many
cases ended in a traceback (must be 0) and the slowest case, with its time and input size.

Each case is one command run in this process by typer's CliRunner on quiz's own app, so it goes
through the same code as the installed `quiz` after argument parsing (the ~0.3 s process start is
left out); times are the case's CPU time. QUIZ_HOME is a fresh temporary folder, and answer lines
reach study as bytes on stdin, as from a pipe (lone surrogates can only come as their UTF-8 bytes).

Seeds: the bundled decks (decks/*.yaml) and SEEDS below (every kind of card and deck key).
Mutations, 1-3 per deck: byte flips, deletions, duplications, odd bytes or Unicode inserted
(control characters, escapes, bidi marks, invalid UTF-8, YAML tags and anchors); and on the loaded
YAML: swapped keys, values of the wrong type, deep nesting, huge strings, odd Unicode, dropped,
duplicated or unknown keys.

    python bench/fuzz.py                                        # 10,000 / 1,000 / 10,000
    python bench/fuzz.py --n-check 300 --n-study 30 --n-answers 300   # a quick run
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from quiz.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    """title: Seed
id: seed
sources:
  s1: {title: An article, file: article.txt, date: 2020-01-02}
exam: 2031-05-06
cards:
  - {id: q1, question: Capital of France?, answer: Paris, accept: [paris city], source: s1, quote: Paris is the capital., tags: [geo]}
  - {question: How many legs has a spider?, answer: "8", choices: ["6", "8", "10"]}
  - {cloze: "The {{Nile}} flows through {{Egypt}}.", tags: [geo, rivers]}
  - {question: "True or false: the sun is a star.", answer: "true", note: a note}
""",
    """cards:
  - question: In what year did the war end?
    answer: 1945
  - question: Who wrote Hamlet?
    answer: William Shakespeare
    accept: [Shakespeare]
    choices: [William Shakespeare, Christopher Marlowe, Ben Jonson]
""",
]
ODD = [
    b"\x00", b"\x1b[2J", b"\x1b]0;owned\x07", "\u202e".encode(), "\ufeff".encode(), b"\xed\xa0\x80", b"\xff\xfe",
    "e\u0301\u0301\u0301".encode(), "\U0001f3f3\ufe0f\u200d\U0001f308".encode(), "\u0085\u2028\u2029".encode(), b"\r", b"\t",
    b"9" * 5000, b"&a ", b"*a ", b"!!python/object:os.system ", b"!!binary ", b"---\n", b"...\n", b"? ", b"{", b"[", b"]",
    b"%YAML 1.1\n", b"<<: *a\n", b"{{", b"}}", b"{{}}", b"\\", b'"', b"'", b"#", b": ", b"- ", b"|\n", b">-\n",
]
ODD_TEXT = ["\x00", "\x1b[2J", "\u202e", "\ufeff", "\x7f", "\u0085", "\u2028", "𝔘𝔫𝔦", "٣٤", "²", "①", "e\u0301", "{{", "}}", "{{x}}", "\\"]


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return rng.choice(ODD)
    kind = rng.randrange(4)
    at = rng.randrange(len(data))
    if kind == 0:  # flip bits in a few bytes
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        return bytes(out)
    end = min(len(data), at + rng.choice((1, 2, 5, 20, 200)))
    if kind == 1:  # delete a slice
        return data[:at] + data[end:]
    if kind == 2:  # duplicate a slice, here or elsewhere
        to = rng.randrange(len(data) + 1)
        return data[:to] + data[at:end] * rng.choice((1, 2, 50)) + data[to:]
    return data[:at] + rng.choice(ODD) + data[at:]


def odd_value(rng: random.Random) -> Any:
    choice = rng.randrange(10)
    if choice == 0:
        return rng.randint(-(10**30), 10**30)
    if choice == 1:
        return rng.choice([None, True, False, 0, -1, 1.5, float("inf"), float("nan")])
    if choice == 2:
        return [odd_value(rng) for _ in range(rng.randint(0, 3))] if rng.random() < 0.7 else []
    if choice == 3:
        return {"k": "v", 1: [2], None: None} if rng.random() < 0.5 else {}
    if choice == 4:  # deep nesting
        value: Any = "x"
        for _ in range(rng.choice((50, 200, 2000))):
            value = [value] if rng.random() < 0.5 else {"a": value}
        return value
    if choice == 5:  # huge string
        return rng.choice(("word ", "{{a}} ", "the ", "é", "9")) * rng.choice((1000, 20000, 200000))
    if choice == 6:
        return "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 20)))
    if choice == 7:
        return "{{" + "}} {{".join(str(i) for i in range(rng.choice((10, 500, 3000)))) + "}}"
    if choice == 8:
        return "".join(chr(rng.choice((rng.randrange(0x20), rng.randrange(0x80, 0x2FFFF)))) for _ in range(rng.randint(1, 40)))
    return str(10 ** rng.choice((20, 400, 4000)))


def nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += nodes(item, (*path, index))
    return found


def mutate_structure(data: bytes, rng: random.Random) -> bytes | None:
    try:
        doc = yaml.safe_load(data)
    except yaml.YAMLError:
        return None
    if not isinstance(doc, (dict, list)):
        return None
    path = rng.choice(nodes(doc))
    parent: Any = None
    target: Any = doc
    for step in path:
        parent, target = target, target[step]
    kind = rng.randrange(5)
    if kind == 0 and isinstance(target, dict) and len(target) >= 2:  # swap two keys' values
        a, b = rng.sample(list(target), 2)
        target[a], target[b] = target[b], target[a]
    elif kind == 1 and isinstance(target, dict):  # drop, duplicate under a new key, or add an unknown key
        if target and rng.random() < 0.5:
            del target[rng.choice(list(target))]
        else:
            target[rng.choice(["id", "question", "answer", "cloze", "choices", "accept", "tags", "source", "quote", "exam", "x-unknown"])] = odd_value(rng)
    elif kind == 2 and isinstance(target, list) and target:  # duplicate items
        target.extend(rng.choices(target, k=rng.choice((1, 5, 200))))
    elif parent is not None:
        parent[path[-1]] = odd_value(rng)
    else:
        return None
    try:
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**9).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, RecursionError, UnicodeError):
        return None


def mutated_deck(seeds: list[bytes], rng: random.Random) -> bytes:
    data = rng.choice(seeds)
    for _ in range(rng.randint(1, 3)):
        structured = mutate_structure(data, rng) if rng.random() < 0.5 else None
        data = structured if structured is not None else mutate_bytes(data, rng)
    return data


CODE_POINTS = [(0, 0x20), (0x7F, 0xA0), (0x20, 0x7F), (0xA0, 0x3000), (0xD800, 0xE000), (0xFE00, 0x10000), (0x10000, 0x110000)]


def answer_line(rng: random.Random) -> bytes:
    kind = rng.randrange(8)
    if kind == 0:  # any code point, surrogates and controls included, as WTF-8
        low, high = rng.choice(CODE_POINTS)
        text = "".join(chr(rng.randrange(low, high)) for _ in range(rng.randint(1, 30)))
        return text.encode("utf-8", "surrogatepass").replace(b"\n", b" ")
    if kind == 1:  # huge numbers, Unicode digits and number-like forms
        return rng.choice(["9" * rng.choice((30, 5000, 50000)), "1e999999", "-0", "²", "①", "¹⁹⁶²", "٣", "0", "-1", "3.5", "1/0", "NaN",
                           "99999999999999999999", "+1", "1,000,000", "Ⅻ", "𝟗"]).encode()
    if kind == 2:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 40))).replace(b"\n", b" ")
    if kind == 3:  # long lines
        return rng.choice((b"the ", b"a", "é".encode(), b"\x1b[2J", b"{{x}} ")) * rng.choice((1000, 100000, 250000))
    if kind == 4:
        return rng.choice([b"", b" ", b"\t", b"\r", b"\x00", b"\x1b]0;t\x07", "\u202eParis".encode(), b"Paris", b"paris ", b"8", b"1", b"2"])
    if kind == 5:
        return "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 10))).encode("utf-8", "surrogatepass").replace(b"\n", b" ")
    if kind == 6:
        return str(rng.randint(-(10**6), 10**6)).encode()
    return rng.choice([b"William Shakespeare", b"Shakespeare", b"1945", b"true", b"false", b"Nile", b"Egypt"])


@dataclass
class Tally:
    name: str
    cases: int = 0
    tracebacks: int = 0
    slowest: float = 0.0
    slowest_size: int = 0
    slowest_input: str = ""
    first_traceback: str = ""
    total: float = 0.0

    def line(self) -> str:
        return (f"{self.name}: {self.cases:,} cases, {self.tracebacks} tracebacks, {self.total:.1f} s CPU in all; slowest "
                f"{self.slowest * 1000:.0f} ms ({self.slowest_size:,} bytes: {self.slowest_input})")


def run_case(tally: Tally, args: list[str], stdin: bytes | None, size: int, shown: Callable[[], str], keep: Path | None) -> None:
    runner = CliRunner()
    start = time.process_time()
    result = runner.invoke(app, args, input=stdin, prog_name="quiz")
    spent = time.process_time() - start
    tally.cases += 1
    tally.total += spent
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        tally.tracebacks += 1
        if not tally.first_traceback:
            tally.first_traceback = (shown() + "\n" + "".join(traceback.format_exception(result.exception)))[-3000:]
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            for arg in args:
                if arg.endswith(".yaml") and Path(arg).exists():
                    (keep / f"{tally.name}-{tally.tracebacks}.yaml").write_bytes(Path(arg).read_bytes())
            if stdin is not None:
                (keep / f"{tally.name}-{tally.tracebacks}.stdin").write_bytes(stdin)
    if spent > tally.slowest:
        tally.slowest, tally.slowest_size, tally.slowest_input = spent, size, shown()


def describe(data: bytes) -> str:
    text = repr(data[:60])
    return text + ("…" if len(data) > 60 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--n-check", type=int, default=10_000)
    parser.add_argument("--n-study", type=int, default=1_000)
    parser.add_argument("--n-answers", type=int, default=10_000)
    parser.add_argument("--lines-per-session", type=int, default=10, help="answer lines fed to one study session")
    parser.add_argument("--keep", type=Path, help="keep the inputs that gave a traceback in this folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [path.read_bytes() for path in sorted((ROOT / "decks").glob("*.yaml"))] + [seed.encode() for seed in SEEDS]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["QUIZ_HOME"] = str(work / "home")
        os.environ["NO_COLOR"] = "1"
        os.chdir(work)
        (work / "article.txt").write_text("Paris is the capital.\n")
        deck = work / "deck.yaml"
        check, study, answers = Tally("quiz check"), Tally("quiz study --plain (decks)"), Tally("quiz study --plain (answers)")
        for n in range(args.n_check):
            data = mutated_deck(seeds, rng)
            deck.write_bytes(data)
            run_case(check, ["check", str(deck)], None, len(data), lambda data=data: describe(data), args.keep)
            if (n + 1) % 1000 == 0:
                print(f"  {check.line()}", file=sys.stderr, flush=True)
        for _ in range(args.n_study):
            data = mutated_deck(seeds, rng)
            deck.write_bytes(data)
            lines = b"\n".join(answer_line(rng) for _ in range(3)) + b"\n"
            run_case(study, ["study", "--plain", "--limit", "3", str(deck)], lines, len(data), lambda data=data: describe(data), args.keep)
        target = ROOT / "decks" / "us-cuba-migration.yaml"
        fed = 0
        while fed < args.n_answers:
            count = min(args.lines_per_session, args.n_answers - fed)
            batch = [answer_line(rng) for _ in range(count)]
            fed += count
            stdin = b"\n".join(batch) + b"\n"
            widest = max(batch, key=len)
            run_case(answers, ["study", "--plain", "--cram", "--limit", str(count), str(target)], stdin, len(stdin),
                     lambda widest=widest, count=count: f"{count} lines, longest {describe(widest)}", args.keep)
        answers.cases = fed  # lines, not sessions
    print(f"python bench/fuzz.py --seed {args.seed} --n-check {args.n_check} --n-study {args.n_study} --n-answers {args.n_answers}")
    for tally in (check, study, answers):
        print(tally.line())
        if tally.first_traceback:
            print(tally.first_traceback)
    return 1 if check.tracebacks + study.tracebacks + answers.tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
