"""The ids kept for a deck that its file no longer has: recorded once per file version, brought up
to date from the card rows added since, and always what comparing every id would give."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.decks.file import dump, load_path
from quiz.decks.model import Deck
from quiz.dropped import dropped_ids
from quiz.store import Store

from conftest import T0, make_deck, qa

IDS = [f"c{n}" for n in range(8)]


def write_deck(path: Path, ids: list[str], stamp: int) -> Deck:
    path.write_text(dump(make_deck(*(qa(f"Question {card}?", "x", id=card) for card in ids), id="talks")), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))  # a new version even when the size is the same
    return load_path(path)


def keep(store: Store, card: str) -> None:
    with store.db:
        store.db.execute("INSERT OR IGNORE INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES ('talks', ?, 2, 1, 1)", (card,))


# Steps: keep a row for a card ("keep", id), rewrite the deck file with some ids ("edit", ids),
# or a row for another deck ("other", id), each followed by a look at the dropped ids.
steps = st.lists(
    st.one_of(
        st.tuples(st.just("keep"), st.sampled_from(IDS)),
        st.tuples(st.just("edit"), st.lists(st.sampled_from(IDS), min_size=1, unique=True)),
        st.tuples(st.just("other"), st.sampled_from(IDS)),
    ),
    max_size=12,
)


@settings(max_examples=60)
@given(first=st.lists(st.sampled_from(IDS), min_size=1, unique=True), steps=steps)
def test_dropped_ids_are_the_kept_ids_the_file_lacks(first: list[str], steps: list[tuple[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "talks.yaml"
        store = Store(sqlite3.connect(":memory:"))
        store.migrate()
        store.sync_decks([("talks", "Talks", str(path), 0), ("other", "Other", None, 0)], T0)
        deck = write_deck(path, first, 1_000_000_000)
        for number, (kind, what) in enumerate(steps, 2):
            if kind == "keep":
                keep(store, str(what))
            elif kind == "other":
                with store.db:
                    store.db.execute("INSERT OR IGNORE INTO cards (deck_id, card_id, state, due_ms, first_review_ms) VALUES ('other', ?, 2, 1, 1)", (what,))
            else:
                deck = write_deck(path, list(what), number * 1_000_000_000)  # type: ignore[call-overload]
            found = dropped_ids(deck, store)
            kept = store.kept_ids("talks")
            assert found & kept == kept - deck.card_ids()


def test_the_record_is_read_instead_of_every_id(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    path = tmp_path / "talks.yaml"
    store.sync_decks([("talks", "Talks", str(path), 2)], T0)
    deck = write_deck(path, ["c0", "c1"], 1_000_000_000)
    keep(store, "c0")
    keep(store, "gone")
    assert dropped_ids(deck, store) == {"gone"}
    compared: list[str] = []
    store.kept_ids = lambda deck_id: compared.append(deck_id) or set()  # type: ignore[method-assign]
    keep(store, "c1")
    keep(store, "also gone")
    assert dropped_ids(deck, store) == {"gone", "also gone"}  # from the rows added since
    assert dropped_ids(deck, store) == {"gone", "also gone"}
    assert compared == []


def test_a_read_only_or_busy_database_still_gets_its_figures(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    path = tmp_path / "talks.yaml"
    store.sync_decks([("talks", "Talks", str(path), 1)], T0)
    keep(store, "gone")
    deck = write_deck(path, ["c0"], 1_000_000_000)
    other = sqlite3.connect(tmp_path / "q.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    assert dropped_ids(deck, store) == {"gone"}
    assert store.dropped("talks") is None and store.db.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    other.execute("ROLLBACK")
    store.close()
    read_only = Store(sqlite3.connect(f"file:{tmp_path / 'q.db'}?mode=ro", uri=True), tmp_path / "q.db")
    assert dropped_ids(deck, read_only) == {"gone"}
