"""Benchmark for `quiz generate` on the sample articles (decks/articles/*.txt).

Prints, per article and overall: gold recall against tests/data/seed_facts.yaml (a gold fact is
found when a card's answer or accepted forms match the fact's and its quote is the gold
sentence), cards per 100 words, the share of cards passing the automatic well-formedness checks,
and words per second after the model is loaded (best of three runs per article).

    python bench/generation.py [--show]   # --show also prints every card and every missed fact
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from quiz.decks.model import CLOZE_GAP, Entry, cloze_gaps
from quiz.generate import generate
from quiz.generate.filters import problems
from quiz.generate.nlp import load_model
from quiz.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "decks" / "articles"
GOLD = ROOT / "tests" / "data" / "seed_facts.yaml"
FINITE = ("VBD", "VBZ", "VBP", "MD")
TIMED_RUNS = 3


def answer_forms(entry: Entry) -> set[str]:
    answer = cloze_gaps(entry.cloze)[0] if entry.cloze else entry.answer or ""
    return {normalise(form) for form in (answer, *entry.accept)}


def same_form(answer: str, choice: str, kind: str) -> bool:
    """Choices look like the answer: years against years, numbers against numbers, words against words."""
    if kind == "year":
        return choice.strip().isdigit() and len(choice.strip()) == 4
    return any(ch.isdigit() for ch in answer) == any(ch.isdigit() for ch in choice)


def has_finite_verb(text: str, nlp) -> bool:
    """A finite verb, counting a regular past participle with no auxiliary (spelled like the past
    tense): out of context the tagger reads "talks … rotated between" as a reduced relative."""
    for token in nlp(text):
        if token.tag_ in FINITE or token.tag_ == "VBN" and token.dep_ == "ROOT":
            return True
        if token.tag_ == "VBN" and token.lower_.endswith("ed") and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
            return True
    return False


def card_problems(entry: Entry, nlp) -> list[str]:
    if entry.cloze is not None:
        gap = cloze_gaps(entry.cloze)[0]
        found = problems(entry.cloze, gap, entry.accept, entry.quote or "", question=False)
        answer, text = gap, CLOZE_GAP.sub(gap, entry.cloze)
    else:
        text = entry.question or ""
        truefalse = text.startswith("True or false: ")
        answer = entry.answer or ""
        found = [] if truefalse else problems(text, answer, entry.accept, entry.quote or "", question=True)
    if not has_finite_verb(text, nlp):
        found.append("no finite verb")
    keys = [normalise(c) for c in entry.choices]
    if len(set(keys)) != len(keys) or normalise(answer) in keys:
        found.append("choices not distinct")
    if any(not same_form(answer, c, entry.tags[1]) for c in entry.choices):
        found.append("choice of another type")
    return found


def main(show: bool = False) -> int:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    nlp = load_model()
    generate([("warmup.txt", "The committee approved the plan in 1990 after a long debate in Geneva.")])
    rows = []
    totals = {"facts": 0, "found": 0, "cards": 0, "words": 0, "ok": 0, "seconds": 0.0}
    for article in gold:
        path = ARTICLES / article["file"]
        text = path.read_text(encoding="utf-8")
        words = len(text.split())
        seconds = float("inf")
        for _ in range(TIMED_RUNS):  # best of a few: one run on a shared 2-core machine is noisy
            start = time.perf_counter()
            deck = generate([(path.name, text)])
            seconds = min(seconds, time.perf_counter() - start)
        entries = deck.entries
        found = 0
        for fact in article["facts"]:
            forms = {normalise(f) for f in (str(fact["answer"]), *map(str, fact.get("accept", [])))}
            sentence = " ".join(fact["sentence"].split())
            if any(" ".join((e.quote or "").split()) == sentence and answer_forms(e) & forms for e in entries):
                found += 1
            elif show:
                print(f"  MISSED {fact['answer']!r}: {sentence[:100]}")
        bad = {e.id: card_problems(e, nlp) for e in entries}
        ok = sum(1 for p in bad.values() if not p)
        if show:
            for e in entries:
                flag = f"  !! {bad[e.id]}" if bad[e.id] else ""
                print(f"  [{e.tags[0]:9}] {e.question or e.cloze} -> {e.answer or cloze_gaps(e.cloze or '')[0]}{flag}")
        rows.append((article["file"], found, len(article["facts"]), len(entries), words, ok, seconds))
        for name, value in zip(("found", "facts", "cards", "words", "ok", "seconds"), rows[-1][1:]):
            totals[name] += value
    print(f"{'article':48} {'recall':>12} {'cards':>6} {'/100w':>6} {'well-formed':>12} {'words/s':>8}")
    for name, found, facts, cards, words, ok, seconds in rows:
        print(f"{name:48} {found:>3}/{facts:<3} {found / facts:>5.0%} {cards:>6} {100 * cards / words:>6.1f} {ok / cards:>12.0%} {words / seconds:>8.0f}")
    t = totals
    print(
        f"{'overall':48} {t['found']:>3}/{t['facts']:<3} {t['found'] / t['facts']:>5.0%} {t['cards']:>6} "
        f"{100 * t['cards'] / t['words']:>6.1f} {t['ok'] / t['cards']:>12.0%} {t['words'] / t['seconds']:>8.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(show="--show" in sys.argv))
