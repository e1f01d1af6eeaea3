"""The parsed-deck cache (quiz/decks/cache.py): a hit returns the same deck, any change to the
file misses, and no temporary file outlives a write."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from quiz.decks import cache
from quiz.decks.file import dump, load_path, load_text
from quiz.decks.model import Deck, Entry, Source

from conftest import BUNDLED_DECK


def test_a_cached_deck_equals_the_parsed_one(tmp_path: Path) -> None:
    deck = load_path(BUNDLED_DECK)
    cache.write(tmp_path, BUNDLED_DECK, deck)
    assert cache.read(tmp_path, BUNDLED_DECK) == deck


def test_an_exam_date_is_cached(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("title: T\nexam: 2026-12-20\ncards: [{id: a, question: q, answer: x}]\n", encoding="utf-8")
    deck = load_path(path)
    cache.write(tmp_path / "c", path, deck)
    cached = cache.read(tmp_path / "c", path)
    assert cached == deck and cached is not None and cached.exam == deck.exam is not None


def test_a_changed_file_misses(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("title: T\ncards: [{id: a, question: q, answer: x}]\n", encoding="utf-8")
    cache.write(tmp_path / "c", path, load_path(path))
    assert cache.read(tmp_path / "c", path) is not None
    path.write_text("title: U\ncards: [{id: a, question: q, answer: y}]\n", encoding="utf-8")
    assert cache.read(tmp_path / "c", path) is None


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    cache.write(tmp_path, BUNDLED_DECK, load_path(BUNDLED_DECK))  # a cache failure is silent
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_left_by_a_killed_process_are_cleared(tmp_path: Path) -> None:
    stale, fresh = tmp_path / "old.tmp", tmp_path / "new.tmp"
    stale.write_text("{")
    fresh.write_text("{")  # perhaps another process writing right now: left alone
    hour_ago = time.time() - cache.STALE_SECONDS - 1
    os.utime(stale, (hour_ago, hour_ago))
    cache.write(tmp_path, BUNDLED_DECK, load_path(BUNDLED_DECK))
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".sqlite", ".tmp"]
    assert not stale.exists() and fresh.exists()


def big_deck(cards: int) -> Deck:
    """Typed cards, multiple choice and clozes of one and two gaps, some without ids."""
    entries = []
    for n in range(cards):
        if n % 3 == 0:
            entries.append(Entry(id=f"z{n}", cloze=f"In {{{{{1900 + n}}}}} the {{{{treaty {n}}}}} was signed."))
        elif n % 3 == 1:
            entries.append(Entry(question=f"Question {n}?", answer=f"answer {n}", accept=(f"alt {n}",), choices=("a", "b"), tags=("t",)))
        else:
            entries.append(Entry(id=f"q{n}", question=f"True or false {n}?", answer="true", quote="“Quoted”", note="n"))
    return Deck(id="big", title="Big", description="d", sources={"s": Source(title="S", published=date(2020, 1, 2))}, entries=tuple(entries))


def test_a_cached_deck_answers_as_the_parsed_one(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    deck = load_text(dump(big_deck(1200)), str(path), "big")
    path.write_text(dump(deck), encoding="utf-8")
    cache.write(tmp_path / "c", path, deck)
    cached = cache.read(tmp_path / "c", path)
    assert isinstance(cached, cache.CachedDeck)
    assert (cached.id, cached.title, cached.description, cached.sources) == (deck.id, deck.title, deck.description, deck.sources)
    assert cached.card_count() == deck.card_count() == 1600
    assert cached.cards() == deck.cards()
    assert cached.card_ids() == deck.card_ids()
    for start, stop in ((0, 64), (1590, 1700), (5, 5), (2000, 2100)):
        assert cached.card_ids_between(start, stop) == deck.card_ids_between(start, stop)
    some = {card.id for card in deck.cards()[::7]} | {"not-a-card"}
    assert cached.cards_with_ids(some) == deck.cards_with_ids(some)  # in deck order, past one query's batch
    assert cached.cards_with_ids([]) == []
    assert cached.entries == deck.entries and cached == deck


def test_an_old_json_cache_is_cleared(tmp_path: Path) -> None:
    old = tmp_path / "0123456789abcdef0123.json"
    old.write_text("{}")
    cache.write(tmp_path, BUNDLED_DECK, load_path(BUNDLED_DECK))
    assert not old.exists()


def test_a_cache_damaged_after_it_was_opened_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    deck = big_deck(2000)
    path.write_text(dump(deck), encoding="utf-8")
    cache.write(tmp_path / "c", path, deck)
    cached = cache.read(tmp_path / "c", path)
    assert cached is not None
    (file,) = (tmp_path / "c").glob("*.sqlite")
    with open(file, "r+b") as damaged:  # the card pages, past the first few, become noise
        damaged.seek(8 * 4096)
        damaged.write(b"\xff" * 64 * 4096)
    with pytest.raises(cache.CacheError, match=r"parsed-deck cache .* is damaged .*delete it"):
        cached.cards()


def test_replacing_a_field_of_a_cached_deck_gives_a_plain_deck(tmp_path: Path) -> None:
    deck = load_path(BUNDLED_DECK)
    cache.write(tmp_path, BUNDLED_DECK, deck)
    cached = cache.read(tmp_path, BUNDLED_DECK)
    assert cached is not None
    changed = replace(cached, title="Another title")
    assert type(changed) is Deck and changed == replace(deck, title="Another title")
    assert changed.cards() == deck.cards()


def test_entries_their_cards_do_not_give_back_are_written_out(tmp_path: Path) -> None:
    # Not what reading a deck gives (no answer; a cloze without gaps makes no card), but a Deck can hold them.
    path = tmp_path / "d.yaml"
    path.write_text("title: T\n", encoding="utf-8")
    odd = (Entry(question="q"), Entry(id="c", question="Q?", answer="a"), Entry(id="z", cloze="{{a}} and {{b}}"))
    for entries in (odd, (*odd, Entry(cloze="no gaps"))):
        deck = Deck(id="d", title="T", entries=entries)
        cache.write(tmp_path / "c", path, deck)
        cached = cache.read(tmp_path / "c", path)
        assert cached is not None and cached.entries == deck.entries and cached.cards() == deck.cards()
