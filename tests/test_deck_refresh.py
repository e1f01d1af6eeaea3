"""A cache miss brought up to date from the old cache (quiz/decks/refresh.py): a touched file is
not parsed, an edited one composes only its changed chunks and gives, cached, what the whole
parse gives (deck, cards, every problem at the same FILE:LINE:COL); whatever cannot be shown
clean is read as before; an interrupted update leaves the old cache as it was."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_deck_chunks import GOOD_HEADERS, HEADER, card, cards, deck, edits

from quiz.decks import cache, refresh
from quiz.decks.compose import Composer
from quiz.decks.file import check_bytes, check_text, slug
from quiz.decks.model import Deck

CLOZES = "".join(f"- id: z{n}\n  cloze: 'In {{{{{1900 + n}}}}} the {{{{treaty {n}}}}} was signed.'\n" for n in range(5))


class Stamps:
    """Writes a deck file with a new modification time each time (a stamp always tells)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.time = 1_000_000_000

    def write(self, text: str) -> None:
        self.path.write_text(text, encoding="utf-8")
        self.touch()

    def touch(self) -> None:
        self.time += 1_000_000_000
        os.utime(self.path, ns=(self.time, self.time))


def whole(path: Path) -> tuple[Deck | None, list[str]]:
    result = check_text(path.read_text(encoding="utf-8"), str(path), slug(path.stem), path=str(path.resolve()))
    return result.deck, [str(p) for p in result.errors]


def assert_same(path: Path, read: tuple[Deck | None, list[object]]) -> None:
    """What `reread` gave is what the whole parse gives, and so is the cache it left."""
    deck, errors = read
    expected, expected_errors = whole(path)
    assert [str(p) for p in errors] == expected_errors
    assert (deck is None) == (expected is None)
    if deck is None or expected is None:
        return
    hit = cache.read(path.parent / "c", path)
    assert hit is not None
    for got in (deck, hit):
        assert got == expected and got.entries == expected.entries
        assert got.cards() == expected.cards() and got.card_count() == expected.card_count()
        assert got.card_ids() == expected.card_ids()
        assert got.card_ids_between(0, 10**6) == expected.card_ids_between(0, 10**6)
        assert got.cards_with_ids(expected.card_ids()) == expected.cards()


def cache_files(folder: Path) -> list[str]:
    """The files in a cache folder but the writers' locks."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What was composed: each chunk alone, and each whole text (or header)."""
    seen: list[str] = []
    items, document = Composer.items, Composer.document

    def counting_items(self: Composer, depth: int) -> object:
        seen.append("chunk")
        return items(self, depth)

    def counting_document(self: Composer) -> object:
        seen.append("document")
        return document(self)

    monkeypatch.setattr(Composer, "items", counting_items)
    monkeypatch.setattr(Composer, "document", counting_document)
    return seen


@pytest.fixture
def exact(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files read the way a cache miss read them before (check_bytes)."""
    seen: list[Path] = []

    def counting(raw: bytes, path: Path, *args: object, **kwargs: object) -> object:
        seen.append(path)
        return check_bytes(raw, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(refresh, "check_bytes", counting)
    return seen


def test_a_touched_file_is_not_parsed_again(tmp_path: Path, composed: list[str], exact: list[Path]) -> None:
    file = Stamps(tmp_path / "d.yaml")
    file.write(deck(30))
    assert_same(file.path, refresh.reread(tmp_path / "c", file.path))
    composed.clear()
    exact.clear()
    file.touch()
    assert cache.read(tmp_path / "c", file.path) is None  # the stamp tells it changed
    read = refresh.reread(tmp_path / "c", file.path)
    assert composed == [] and exact == []
    assert_same(file.path, read)


def test_an_edit_composes_only_its_chunk_and_copies_the_rest(tmp_path: Path, composed: list[str], exact: list[Path]) -> None:
    file = Stamps(tmp_path / "d.yaml")
    text = deck(40) + CLOZES
    file.write(text)
    refresh.reread(tmp_path / "c", file.path)
    composed.clear()
    exact.clear()
    # The card edited keeps its id; one card is left out and one added: everything after moves.
    file.write(text.replace(card(7), card(7, "A new question?")).replace(card(20), "").replace(card(30), card(30) + card(99)))
    read = refresh.reread(tmp_path / "c", file.path)
    assert exact == [] and composed == ["document", "chunk", "chunk"]  # the header, cards 7 and 99
    assert_same(file.path, read)


def test_a_reader_of_the_old_cache_keeps_reading_it(tmp_path: Path) -> None:
    file = Stamps(tmp_path / "d.yaml")
    file.write(deck(10))
    refresh.reread(tmp_path / "c", file.path)
    old = cache.read(tmp_path / "c", file.path)
    assert old is not None
    before = old.cards()
    file.write(deck(10).replace(card(3), card(3, "Changed?")))
    refresh.reread(tmp_path / "c", file.path)
    assert old.cards() == before  # the old file, renamed over: still whole, still the old deck


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda text: text.replace("id: d\n", "id: e\n"), None),  # the deck's id changed: derived ids change
        (lambda text: text.replace("title: T", "title: ''"), "the deck's 'title' is empty"),
        (lambda text: text.replace("sources:\n  s: {title: S}\n", "") + card(50) + "  source: s\n", "unknown source 's'"),
        (lambda text: text + card(3), "duplicate card id"),  # a card copied
        (lambda text: text.replace(card(3), card(3).replace("answer: a3", "answr: a3")), "unknown key 'answr'"),
        (lambda text: text.replace(card(3), card(3) + "  source: nowhere\n"), "unknown source 'nowhere'"),
        (lambda text: text + card(50).replace("c50", "c4"), "duplicate card id"),  # a new card, an old id
        (lambda text: text + "- id: z1\n  cloze: 'Other {{x}}'\n", "duplicate card id"),
    ],
)
def test_what_cannot_be_shown_clean_is_read_as_before(tmp_path: Path, exact: list[Path], edit: object, message: str | None) -> None:
    file = Stamps(tmp_path / "d.yaml")
    text = deck(10) + CLOZES
    file.write(text)
    refresh.reread(tmp_path / "c", file.path)
    exact.clear()
    file.write(edit(text))  # type: ignore[operator]
    read = refresh.reread(tmp_path / "c", file.path)
    assert_same(file.path, read)
    assert exact == [file.path]
    assert (message is None) == (read[0] is not None)
    assert message is None or any(message in str(problem) for problem in read[1])


def test_a_header_edit_keeps_the_cards_cached(tmp_path: Path, exact: list[Path]) -> None:
    file = Stamps(tmp_path / "d.yaml")
    text = deck(10).replace(card(2), card(2) + "  source: s\n") + CLOZES
    file.write(text)
    refresh.reread(tmp_path / "c", file.path)
    exact.clear()
    edited = text.replace("title: T", "title: A new title\nexam: 2026-12-20").replace("  s: {title: S}", "  s: {title: S}\n  t: {title: Other}")
    file.write(edited.replace(card(3), card(3) + "  source: t\n"))
    assert_same(file.path, refresh.reread(tmp_path / "c", file.path))
    file.write(edited.replace("  s: {title: S}\n", ""))  # card 2 still names s
    read = refresh.reread(tmp_path / "c", file.path)
    assert_same(file.path, read)
    assert exact == [file.path] and any("unknown source 's'" in str(problem) for problem in read[1])


def test_an_edited_card_keeps_its_id_and_a_new_one_may_take_a_dropped_one(tmp_path: Path, exact: list[Path]) -> None:
    file = Stamps(tmp_path / "d.yaml")
    text = deck(10) + CLOZES
    file.write(text)
    refresh.reread(tmp_path / "c", file.path)
    exact.clear()
    # Card 5 deleted and a card with its id added elsewhere; a cloze gains a gap.
    file.write(text.replace(card(5), "").replace("the {{treaty 2}}", "the {{treaty 2}} in {{Paris}}") + card(5, "Moved?"))
    assert_same(file.path, refresh.reread(tmp_path / "c", file.path))
    assert exact == []


def test_an_interrupted_update_leaves_the_old_cache_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = Stamps(tmp_path / "d.yaml")
    file.write(deck(20) + CLOZES)
    refresh.reread(tmp_path / "c", file.path)
    (cached,) = (tmp_path / "c").glob("*.sqlite")
    before = cached.read_bytes()
    assert cache_files(tmp_path / "c") == [cached.name]
    file.write(deck(20).replace(card(4), card(4, "Changed?")) + CLOZES)

    def killed(_: int) -> None:  # the process dies with every row written, before it is on disk
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        refresh.reread(tmp_path / "c", file.path)
    assert cache_files(tmp_path / "c") == [cached.name] and cached.read_bytes() == before
    monkeypatch.undo()
    assert refresh.previous(tmp_path / "c", file.path) is not None
    assert_same(file.path, refresh.reread(tmp_path / "c", file.path))


def test_a_failed_update_falls_back_and_leaves_the_old_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = Stamps(tmp_path / "d.yaml")
    file.write(deck(20))
    refresh.reread(tmp_path / "c", file.path)
    (cached,) = (tmp_path / "c").glob("*.sqlite")
    before = cached.read_bytes()
    file.write(deck(20).replace(card(4), card(4, "Changed?")))
    monkeypatch.setattr(cache, "INDEXES", "CREATE INDEX broken ON nowhere(id);")  # fails with every row in
    read = refresh.reread(tmp_path / "c", file.path)
    assert read[0] == whole(file.path)[0]  # read as before; the cache, which cannot be written, is left
    assert cache_files(tmp_path / "c") == [cached.name] and cached.read_bytes() == before


def check_edit(before: str, after: str) -> None:
    """The deck read, edited and read again, then touched and read again: each time what the whole parse gives."""
    with tempfile.TemporaryDirectory() as folder:
        file = Stamps(Path(folder) / "d.yaml")
        file.write(before)
        assert_same(file.path, refresh.reread(Path(folder) / "c", file.path))
        file.write(after)
        assert_same(file.path, refresh.reread(Path(folder) / "c", file.path))
        file.touch()
        assert_same(file.path, refresh.reread(Path(folder) / "c", file.path))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_a_cache_brought_up_to_date_gives_what_the_whole_parse_gives(case: tuple[str, str]) -> None:
    check_edit(*case)


OTHER_HEADERS = ["title: U\nid: d\ncards:\n", "title: T\nid: d\nexam: 2026-12-20\nsources:\n  s: {title: S}\n  t: {title: U}\ncards:\n",
                 "title: T\nid: e\nsources:\n  s: {title: S}\ncards:\n", "title: ''\nid: d\ncards:\n"]


@st.composite
def card_edits(draw: st.DrawFn) -> tuple[str, str]:
    """A deck of cards that mostly read cleanly, its header kept: cards replaced, added, removed,
    moved or copied (the edits the new path takes, and some it must refuse)."""
    # A backslash in the deck's own keys keeps its `escapes` whatever the cards hold (otherwise a
    # card's backslash changes every chunk's digest: nothing is known).
    tails = ["", "exam: 2026-12-20\n", 'description: "a\\tb"\n']
    header, tail = draw(st.sampled_from(GOOD_HEADERS)), draw(st.sampled_from(tails))
    items = draw(st.lists(cards(("qa", "cloze")), min_size=1, max_size=12))
    before = header + "".join(items) + tail
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(items) - 1))
        action = draw(st.sampled_from(["replace", "insert", "delete", "move", "copy"]))
        new = draw(cards(("qa", "cloze")) if draw(st.integers(0, 5)) else cards())
        if action == "replace":
            items[where] = new
        elif action == "insert":
            items.insert(where, new)
        elif len(items) > 1 and action == "delete":
            del items[where]
        elif action in ("move", "copy"):
            items.insert(draw(st.integers(0, len(items))), items[where] if action == "copy" else items.pop(where))
    if draw(st.integers(0, 3)) == 0:  # the header edited too: another title, sources, an exam, another id
        header, tail = draw(st.sampled_from([*GOOD_HEADERS, *OTHER_HEADERS])), draw(st.sampled_from(tails))
    return before, header + "".join(items) + tail


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card_edits())
def test_a_cache_brought_up_to_date_after_card_edits_gives_what_the_whole_parse_gives(case: tuple[str, str]) -> None:
    check_edit(*case)


def test_a_process_that_waited_for_another_takes_the_cache_it_made(tmp_path: Path, exact: list[Path]) -> None:
    file = Stamps(tmp_path / "d.yaml")
    file.write(deck(10))
    other = refresh.reread(tmp_path / "c", file.path)[0]  # as the other process would, before the lock is free
    exact.clear()
    read = refresh.reread(tmp_path / "c", file.path)[0]
    assert isinstance(read, cache.CachedDeck) and read == other and exact == []


def test_the_generated_edits_are_mostly_brought_up_to_date_without_the_old_path(tmp_path: Path, exact: list[Path]) -> None:
    """The property above is about the new path, not only the fallback."""
    for n in range(20):
        file = Stamps(tmp_path / f"d{n}.yaml")
        file.write(HEADER + "".join(card(i) for i in range(8)))
        refresh.reread(tmp_path / "c", file.path)
        file.write(HEADER + "".join(card(i, f"Changed {n}?" if i == n % 8 else None) for i in range(8 + n % 3)))
        refresh.reread(tmp_path / "c", file.path)
    assert len(exact) == 20  # each file's first reading only
