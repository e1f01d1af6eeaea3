"""The round trip YAML → .apkg → YAML keeps every card's question, answer, accepted answers,
wrong options, tags and history (a property over generated decks and histories)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quiz.decks.file import check_text, dump, load_text
from quiz.decks.model import Deck, Entry, Source
from quiz.interop.anki_history import reviews_from
from quiz.interop.anki_notes import from_package
from quiz.interop.anki_package import read_package
from quiz.interop.anki_write import deck_package
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler
from quiz.store import NEW, PastReview, Store

from conftest import T0

# Text as HTML leaves it: words with single spaces, nothing a cloze or a sound tag would read.
word = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), exclude_characters="{}[]"),
               min_size=1, max_size=8)
texts = st.lists(word, min_size=1, max_size=4).map(" ".join)
tags = st.lists(word, max_size=3, unique_by=str.casefold)


@st.composite
def entries(draw: st.DrawFn, n: int) -> Entry:
    kind = draw(st.sampled_from(["typed", "choice", "truefalse", "cloze", "cloze1"]))
    common = {"id": f"c{n}", "tags": tuple(draw(tags)), "note": draw(st.none() | texts), "quote": draw(st.none() | texts)}
    if kind.startswith("cloze"):
        gaps = draw(st.lists(texts, min_size=1, max_size=1 if kind == "cloze1" else 3))
        words = draw(st.lists(texts, min_size=len(gaps) + 1, max_size=len(gaps) + 1))
        cloze = words[0] + "".join(f" {{{{{gap}}}}} {after}" for gap, after in zip(gaps, words[1:]))
        extra = {"accept": tuple(draw(st.lists(texts, max_size=2))), "choices": tuple(draw(st.lists(texts, max_size=2)))}
        return Entry(cloze=cloze, **(extra if kind == "cloze1" else {}), **common)
    answer = draw(st.sampled_from(["true", "false"])) if kind == "truefalse" else draw(texts)
    choices = tuple(draw(st.lists(texts, min_size=1, max_size=3))) if kind == "choice" else ()
    return Entry(question=draw(texts), answer=answer, accept=tuple(draw(st.lists(texts, max_size=2))), choices=choices, **common)


def allowed(deck: Deck, entry: Entry) -> bool:
    """Whether quiz check takes the card (a wrong option may read as the answer, or twice)."""
    return check_text(dump(replace(deck, entries=(entry,))), default_id="deck").deck is not None


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    deck = Deck(id="deck", title=draw(texts), sources={"src": Source(title=draw(texts))})
    made = [draw(entries(n)) for n in range(draw(st.integers(1, 5)))]
    made = [replace(entry, source="src") if draw(st.booleans()) else entry for entry in made]
    kept = tuple(entry for entry in made if allowed(deck, entry))
    assume(kept)
    return replace(deck, entries=kept)


@st.composite
def histories(draw: st.DrawFn, deck: Deck) -> list[PastReview]:
    reviews = []
    at = T0
    for card in deck.cards():
        for index in range(draw(st.integers(0, 4))):
            at += timedelta(milliseconds=draw(st.integers(1000, 10**9)))  # a person answers once a second at most
            reset = index > 0 and draw(st.integers(0, 5)) == 0
            reviews.append(PastReview(deck.id, card.id, at, Rating(draw(st.integers(1, 4))), draw(st.integers(0, 600_000)), NEW if reset else None))
    return reviews


@settings(max_examples=40)
@given(st.data())
def test_yaml_to_apkg_to_yaml_keeps_cards_and_history(data: st.DataObject) -> None:
    deck = load_text(dump(data.draw(decks())), default_id="deck")  # through YAML first
    history = data.draw(histories(deck))
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "q.db")
        store.import_reviews(history, lambda _deck: Scheduler(), T0)
        package = Path(folder) / "deck.apkg"
        package.write_bytes(deck_package(deck, T0 + timedelta(days=400), store.records([deck.id]), store.past_reviews([deck.id])))
        store.close()
        read = read_package(package)
    notes = from_package(read)
    assert notes.deck_id == deck.id and notes.title == deck.title
    back = load_text(dump(Deck(id=deck.id, title=deck.title, sources=notes.sources, entries=tuple(notes.entries))), default_id="deck")
    fields = ("id", "question", "cloze", "answer", "accept", "choices", "tags", "quote", "note")
    assert [[getattr(e, f) for f in fields] for e in back.entries] == [[getattr(e, f) for f in fields] for e in deck.entries]
    assert [back.sources[e.source].title if e.source else None for e in back.entries] == \
           [deck.sources[e.source].title if e.source else None for e in deck.entries]
    imported, left_out = reviews_from(read, notes.card_ids, deck.id)
    assert not left_out

    def key(review: PastReview) -> tuple[str, int, int, int]:
        return (review.card_id, int(review.at.timestamp() * 1000), int(review.rating), review.duration_ms)

    assert sorted(map(key, imported)) == sorted(map(key, history))
    resets = {key(r) for r in history if r.state == NEW}
    firsts = {key(min((r for r in history if r.card_id == card), key=lambda r: r.at)) for card in {r.card_id for r in history}}
    assert {key(r) for r in imported if r.state == NEW} == resets | firsts
