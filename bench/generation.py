"""Benchmark for `quiz generate` on real third-party articles: the generate-dev set.

The set (24 articles with gold facts written by others, and its scorer `score.py`) lives outside
the repository, in `../shared/generate-dev/` next to the checkout (or give `--dev DIR`); this
benchmark reads it, tests never do. Each article is generated in process as
`quiz generate ARTICLE --max WORDS/20` would (the title line, then the body, as `score.py --all`
hands it over), the deck is written as YAML and scored by `score.py`'s own code.

Per article and overall it prints: gold recall; cards per 100 words; the share of wh-questions,
clozes and true/false cards, and of cards with choices (multiple choice); the share of cards
passing an independent well-formedness check (written here from the card text alone, not the
generator's filters); and words per second after the model is loaded (body words over the
process's CPU time, best of `--runs`: CPU time, as the machine is shared and wall time is not
the generator's alone).
It also checks that every run gives the same bytes.

    python bench/generation.py                 # the table
    python bench/generation.py -v              # also every card, its problems, and every missed fact
    python bench/generation.py --keep DIR      # also keep the decks, DIR/NN_slug.yaml
    python bench/generation.py --parse         # also the CPU time of cleaning and parsing alone
    python bench/generation.py --sample 40 --seed 2026 --sample-out sample.md
                                               # a seeded random sample of cards for a human reader
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from quiz.decks.file import dump
from quiz.decks.model import CLOZE_GAP, Entry, cloze_gaps
from quiz.generate import generate
from quiz.generate.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
DEV_PLACES = (ROOT.parent / "shared" / "generate-dev", ROOT.parent.parent / "shared" / "generate-dev")
WH_KINDS = ("who", "what", "when", "where", "howmany", "howmuch", "howlong")
TRUE_FALSE_PREFIX = "True or false: "
WH_WORDS = re.compile(r"\b(?:who|whom|whose|what|when|where|which|how)\b", re.IGNORECASE)
FINITE = ("VBD", "VBZ", "VBP", "MD")
DANGLING_TAGS = ("IN", "DT", "CC", "TO", "PRP$", "WDT", "POS")
POSSESSIVE = re.compile(r"['’]s\b")
LOOSE_PRONOUNS = frozenset("he she him her they them it its his their this these those".split())
STANDARD = """Acceptable only if all hold: grammatical and fluent; answerable from the article alone and
correct; unambiguous (no other equally valid answer); not trivial (answer not given away, fact
worth learning); options, if any, of the answer's type, plausible, none also correct."""


def find_dev(given: str | None) -> Path:
    places = (Path(given),) if given else DEV_PLACES
    for place in places:
        if (place / "score.py").is_file():
            return place
    sys.exit(f"generation.py: no generate-dev set (score.py) in {', '.join(map(str, places))}; give --dev DIR")


def load_scorer(dev: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_dev_score", dev / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- independent well-formedness

def shown_text(entry: Entry) -> tuple[str, str]:
    """(the text a reader sees with the answer filled in, the answer)."""
    if entry.cloze is not None:
        gap = cloze_gaps(entry.cloze)[0]
        return CLOZE_GAP.sub(lambda m: m.group(1), entry.cloze), gap
    question = entry.question or ""
    if question.startswith(TRUE_FALSE_PREFIX):
        return question[len(TRUE_FALSE_PREFIX):], entry.answer or ""
    return question, entry.answer or ""


def card_problems(entry: Entry, nlp, normalise) -> list[str]:
    """What a careful reader would reject on sight, judged from the card's own text: no finite verb,
    a reference to something outside the card, a dangling end, unpaired brackets or quotes, a
    doubled word, the answer given away or absent from the quote, bad choices. `normalise` is the
    scorer's, not the generator's."""
    found = []
    text, answer = shown_text(entry)
    question = entry.cloze is None and not (entry.question or "").startswith(TRUE_FALSE_PREFIX)
    words = len(text.split())
    if entry.cloze is not None and len(cloze_gaps(entry.cloze)) != 1:
        found.append("not one gap")
    if question:
        if not text.endswith("?"):
            found.append("no question mark")
        if not WH_WORDS.search(text):
            found.append("no wh-word")
        if not 4 <= words <= 30:
            found.append(f"{words} words")
        if f" {normalise(answer)} " in f" {normalise(text)} ":
            found.append("answer in the question")
    elif not 6 <= words <= 50:
        found.append(f"{words} words")
    if not text[:1].isupper() and not text[:1].isdigit() and text[:1] not in "“\"'$€£":
        found.append("no capital")
    written = entry.quote or ""
    quote = f" {normalise(written)} {normalise(POSSESSIVE.sub('', written))} "  # "Napoleon’s" holds "Napoleon"
    forms = (answer, *entry.accept, answer.split()[-1] if answer.split() else "")  # "Jefferson" for "Thomas Jefferson"
    if not any(f" {normalise(form)} " in quote for form in forms if normalise(form)):
        found.append("answer not in the quote")
    doc = nlp(text)
    if not any(t.tag_ in FINITE or t.tag_ == "VBN" and t.dep_ == "ROOT" for t in doc):
        found.append("no finite verb")
    named_before = False
    for token in doc:
        # A subject or object pronoun before any name, or a possessive or demonstrative opening the text.
        if token.lower_ in LOOSE_PRONOUNS and (token.tag_ == "PRP" and not named_before or token.tag_ in ("PRP$", "DT") and token.i == 0):
            found.append(f"loose reference '{token.text}'")
            break
        named_before = named_before or token.tag_ in ("NNP", "NNPS")
    body = [t for t in doc if not t.is_punct]
    if body and body[-1].tag_ in DANGLING_TAGS:
        found.append(f"ends on '{body[-1].text}'")
    if text.count("(") != text.count(")") or len(re.findall(r"[“”\"]", text)) % 2:
        found.append("unpaired brackets or quotes")
    if re.search(r"\b(\w+)\s+\1\b", text, re.IGNORECASE):
        found.append("doubled word")
    keys = [normalise(c) for c in entry.choices]
    if len(set(keys)) != len(keys) or normalise(answer) in keys:
        found.append("choices not distinct")
    if any(any(ch.isdigit() for ch in answer) != any(ch.isdigit() for ch in c) for c in entry.choices):
        found.append("choice of another form")
    return found


# ---------------------------------------------------------------- one article

@dataclass
class Row:
    name: str
    title: str  # the deck's title, which study shows above every card
    words: int
    found: int
    facts: int
    entries: list[Entry]
    seconds: float
    problems: dict[int, list[str]]
    deterministic: bool
    missed: list[str] = field(default_factory=list)

    def share(self, test) -> int:
        return sum(1 for e in self.entries if test(e))


def kind(entry: Entry) -> str:
    return entry.tags[0] if entry.tags else ""


def run_article(txt: Path, gold: Path, scorer: ModuleType, nlp, runs: int, keep: Path | None) -> Row:
    text, body = scorer.read_article(txt)
    words = len(body.split())
    maximum = words // 20
    seconds = float("inf")
    outputs = set()
    for _ in range(runs):  # best of a few: one run on a shared machine is noisy
        start = time.process_time()
        deck = generate([(txt.name, text)], max_cards=maximum)
        seconds = min(seconds, time.process_time() - start)
        outputs.add(dump(deck))
    yaml_text = min(outputs)
    with tempfile.TemporaryDirectory() as tmp:
        path = (keep or Path(tmp)) / f"{txt.stem}.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        result = scorer.score(scorer.load_deck(path), scorer.load_gold(gold))
    missed = [f"{m.fact.answer!r}: {m.fact.sentence}" for m in result.matches if m.card is None]
    problems = {n: card_problems(e, nlp, scorer.normalise) for n, e in enumerate(deck.entries)}
    return Row(txt.name, deck.title, words, result.found, result.total, list(deck.entries), seconds, problems, len(outputs) == 1, missed)


def describe(entry: Entry) -> str:
    text = entry.cloze.replace("{{", "[").replace("}}", "]") if entry.cloze else entry.question or ""
    answer = cloze_gaps(entry.cloze)[0] if entry.cloze else entry.answer
    choices = f"  (choices: {', '.join(entry.choices)})" if entry.choices else ""
    return f"[{kind(entry):9}] {text} -> {answer}{choices}"


# ---------------------------------------------------------------- report

def percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def table(rows: list[Row]) -> str:
    head = f"| article | recall | cards | cards/100 w | wh | cloze | t/f | choices | well-formed | words/s |\n|{'---|' * 10}"
    lines = [head]

    def line(name: str, found: int, facts: int, entries: list[Entry], words: int, ok: int, seconds: float) -> str:
        n = len(entries)
        wh = sum(1 for e in entries if kind(e) in WH_KINDS)
        cloze = sum(1 for e in entries if kind(e) == "cloze")
        tf = sum(1 for e in entries if kind(e) == "truefalse")
        mc = sum(1 for e in entries if e.choices)
        return (
            f"| {name} | {found}/{facts} {percent(found, facts)} | {n} | {100 * n / words:.1f} | {percent(wh, n)} | "
            f"{percent(cloze, n)} | {percent(tf, n)} | {percent(mc, n)} | {percent(ok, n)} | {words / seconds:,.0f} |"
        )

    for r in rows:
        ok = sum(1 for p in r.problems.values() if not p)
        lines.append(line(r.name.removesuffix(".txt"), r.found, r.facts, r.entries, r.words, ok, r.seconds))
    every = [e for r in rows for e in r.entries]
    ok = sum(1 for r in rows for p in r.problems.values() if not p)
    lines.append(line(
        "**overall**", sum(r.found for r in rows), sum(r.facts for r in rows), every, sum(r.words for r in rows), ok,
        sum(r.seconds for r in rows),
    ))
    return "\n".join(lines)


def write_sample(rows: list[Row], size: int, seed: int, out: Path) -> None:
    """A seeded random sample of the cards of every deck, for a reader who did not write the generator."""
    cards = [(r.name, r.title, e) for r in rows for e in r.entries]
    picked = random.Random(seed).sample(cards, min(size, len(cards)))
    lines = [
        f"# {len(picked)} cards drawn from the generate-dev decks (random.Random({seed}).sample)",
        "",
        "Read each card against its article (the `NN_slug.txt` files of generate-dev) and give a verdict",
        "(acceptable / not) and a reason. A card is shown under its deck's title, as `quiz study` shows it",
        "(for these decks, the article's headline). The standard:",
        "",
        STANDARD,
        "",
    ]
    for number, (name, title, entry) in enumerate(picked, 1):
        _, answer = shown_text(entry)
        prompt = CLOZE_GAP.sub("_____", entry.cloze) if entry.cloze else entry.question
        lines += [f"## {number}. {name}", "", f"- shown under: {title}", f"- card: {prompt}", f"- answer: {entry.answer if entry.cloze is None else answer}"]
        if entry.choices:
            lines.append(f"- wrong options: {', '.join(entry.choices)}")
        elif entry.accept:
            lines.append(f"- also accepted: {', '.join(entry.accept)}")  # a typed answer `quiz study` takes too
        lines += [f"- quote: {entry.quote}", "- verdict:", "- reason:", ""]
    out.write_text("\n".join(lines), encoding="utf-8")


def parse_alone(scorer: ModuleType, dev: Path, nlp, runs: int) -> float:
    """CPU seconds to clean and parse every article, best of `runs`: the part of the generator's time
    that is spaCy's."""
    from quiz.generate.clean import clean_article
    from quiz.generate.nlp import parse

    texts = [(txt.name, scorer.read_article(txt)[0]) for txt, _ in scorer.articles_in(dev)]
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for name, text in texts:
            parse(nlp, [p.text for p in clean_article(name, text).paragraphs])
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", help="the generate-dev folder (default: ../shared/generate-dev beside the checkout)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per article; the best counts (default 3)")
    parser.add_argument("--keep", type=Path, help="write the decks to this folder")
    parser.add_argument("--sample", type=int, default=0, help="also draw this many cards at random for a human reading")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sample-out", type=Path, default=Path("generate-sample.md"))
    parser.add_argument("--parse", action="store_true", help="also time cleaning and parsing alone, to show the generator's own share")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every card with its problems, and every missed fact")
    args = parser.parse_args(argv)
    dev = find_dev(args.dev)
    scorer = load_scorer(dev)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    nlp = load_model()
    generate([("warmup.txt", "The committee approved the plan in 1990 after a long debate in Geneva.")])
    rows = []
    for txt, gold in scorer.articles_in(dev):
        row = run_article(txt, gold, scorer, nlp, max(1, args.runs), args.keep)
        rows.append(row)
        if args.verbose:
            print(f"== {row.name}: {row.found}/{row.facts}")
            for n, entry in enumerate(row.entries):
                flag = f"   !! {', '.join(row.problems[n])}" if row.problems[n] else ""
                print(f"  {describe(entry)}{flag}")
            for missed in row.missed:
                print(f"  MISSED {missed}")
    print(table(rows))
    if args.parse:
        parse_seconds = parse_alone(scorer, dev, nlp, max(1, args.runs))
        words = sum(r.words for r in rows)
        total = sum(r.seconds for r in rows)
        print(f"\nparse alone (cleaning and spaCy): {parse_seconds:.2f} s CPU = {words / parse_seconds:,.0f} words/s; "
              f"the whole generator {total:.2f} s, so {total - parse_seconds:.2f} s after the parse")
    found, facts = sum(r.found for r in rows), sum(r.facts for r in rows)
    print(f"\noverall recall {found}/{facts} = {found / facts:.1%}; mean per-article recall {sum(r.found / r.facts for r in rows) / len(rows):.1%}")
    print("deterministic: " + ("yes" if all(r.deterministic for r in rows) else "NO: " + ", ".join(r.name for r in rows if not r.deterministic)))
    if args.sample:
        write_sample(rows, args.sample, args.seed, args.sample_out)
        print(f"wrote a sample of {min(args.sample, sum(len(r.entries) for r in rows))} cards to {args.sample_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
