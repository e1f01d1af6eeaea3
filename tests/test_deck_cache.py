"""The parsed-deck cache (quiz/decks/cache.py): a hit returns the same deck, any change to the
file misses, and no temporary file outlives a write."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from quiz.decks import cache
from quiz.decks.file import load_path

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
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".tmp"]
    assert not stale.exists() and fresh.exists()
