"""Anki packages in and out, checked against Anki's own library: packages it builds are imported
into quiz and compared; packages quiz writes are opened with it and compared."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.days import from_ms
from quiz.decks.file import load_path
from quiz.decks.model import key_of
from quiz.interop.html import to_html
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler
from quiz.store import NEW, PastReview, Store

from anki_helpers import add_note, answer, as_anki2_only, cards_of, collection, export_package, import_package, revlog
from cli_helpers import BUNDLED_DECK, reviews, run_quiz
from conftest import T0

LAYOUTS = ["anki21b", "anki21", "anki2", "colpkg"]


def build(folder: Path, layout: str) -> tuple[Path, dict[str, int]]:
    """A package of every kind of note, some answered, in `layout`; and the note ids by name."""
    with collection(folder / "collection") as col:
        col.media.write_data("paris.jpg", b"\xff\xd8 not really a jpeg")
        notes = {
            "basic": add_note(col, "Basic", {"Front": "Capital of <b>France</b>?&nbsp;", "Back": 'Paris<br><img src="paris.jpg">'},
                              ("geo", "europe::west"), deck="Atlas::Europe"),
            "reversed": add_note(col, "Basic (and reversed card)", {"Front": "perro", "Back": "dog"}, ("es",)),
            "optional": add_note(col, "Basic (optional reversed card)", {"Front": "gato", "Back": "cat", "Add Reverse": ""}),
            "optional2": add_note(col, "Basic (optional reversed card)", {"Front": "casa", "Back": "house", "Add Reverse": "y"}),
            "typed": add_note(col, "Basic (type in the answer)", {"Front": "2 + 2 =", "Back": "4"}),
            "cloze": add_note(col, "Cloze", {"Text": "{{c1::Havana}} is the capital of {{c2::Cuba::country}}.", "Back Extra": "Since 1607."}),
            "unicode": add_note(col, "Basic", {"Front": "日本の首都は？", "Back": "東京 — Tōkyō"}),
            "media only": add_note(col, "Basic", {"Front": '<img src="paris.jpg">', "Back": "Paris"}),
        }
        basic = cards_of(col, notes["basic"].id)[0].id
        for rating in (3, 1, 3):
            answer(col, basic, rating)
        answer(col, cards_of(col, notes["cloze"].id)[1].id, 4)
        col.sched.schedule_cards_as_new([basic])  # a reset: the next answer starts afresh
        answer(col, basic, 2)
        ids = {name: note.id for name, note in notes.items()}
        if layout == "colpkg":
            path = folder / "all.colpkg"
            col.export_collection_package(str(path), include_media=True, legacy=False)
        else:
            path = export_package(col, folder / "deck.apkg", legacy=layout != "anki21b")
    if layout == "anki2":
        path = as_anki2_only(path, folder / "old.apkg")
    return path, ids


@pytest.mark.parametrize("layout", LAYOUTS)
def test_import_every_kind_of_note(tmp_path: Path, layout: str) -> None:
    package, ids = build(tmp_path / "anki", layout)
    with zipfile.ZipFile(package) as archive:
        assert f"collection.{'anki21b' if layout == 'colpkg' else layout}" in archive.namelist()
    ran = run_quiz(tmp_path, "import", str(package), "-o", "atlas.yaml")
    assert ran.returncode == 0, ran.stderr
    deck = load_path(tmp_path / "atlas.yaml")
    assert deck.id == "atlas" and deck.title == "Atlas::Europe"
    by_id = {entry.id: entry for entry in deck.entries}
    n = {name: f"anki-{note_id}" for name, note_id in ids.items()}
    assert (by_id[n["basic"]].question, by_id[n["basic"]].answer) == ("Capital of France?", "Paris")
    assert sorted(by_id[n["basic"]].tags) == ["europe::west", "geo"]
    assert (by_id[n["reversed"]].question, by_id[n["reversed"]].answer) == ("perro", "dog")
    assert (by_id[n["reversed"] + "-2"].question, by_id[n["reversed"] + "-2"].answer) == ("dog", "perro")
    assert n["optional"] + "-2" not in by_id and by_id[n["optional2"] + "-2"].question == "house"
    assert (by_id[n["typed"]].question, by_id[n["typed"]].answer) == ("2 + 2 =", "4")
    assert (by_id[n["cloze"]].cloze, by_id[n["cloze"]].note) == ("{{Havana}} is the capital of {{Cuba}}.", "Since 1607.")
    assert (by_id[n["unicode"]].question, by_id[n["unicode"]].answer) == ("日本の首都は？", "東京 — Tōkyō")
    assert n["media only"] not in by_id
    assert "1 note(s) with nothing but media (or nothing) on a side" in ran.stdout
    media_files = 0 if layout == "anki2" else 1  # the Anki 2.0 stand-in keeps the media list, not the file
    assert f"{media_files + 2} image(s) and sound(s) left out" in ran.stdout
    assert run_quiz(tmp_path, "check", "atlas.yaml").returncode == 0


@pytest.mark.parametrize("layout", ["anki21b", "anki21"])
def test_the_revlog_becomes_quiz_reviews(tmp_path: Path, layout: str) -> None:
    package, ids = build(tmp_path / "anki", layout)
    with collection(tmp_path / "copy") as col:
        import_package(col, package)
        logged = revlog(col)
        card_of = {card.id: (card.nid, card.ord) for nid in col.find_notes("") for card in cards_of(col, nid)}
    ran = run_quiz(tmp_path, "import", str(package), "-o", "atlas.yaml")
    assert ran.returncode == 0, ran.stderr
    answers = [row for row in logged if row[2] > 0]
    assert f"Imported {len(answers)} review(s) of 2 card(s)." in ran.stdout
    quiz_card = {(ids["basic"], 0): f"anki-{ids['basic']}", (ids["cloze"], 1): f"anki-{ids['cloze']}:cuba"}  # the gap 'Cuba'
    got = [(r["card_id"], r["reviewed_ms"], r["rating"], r["duration_ms"], r["state"]) for r in reviews(tmp_path)]
    expected_states = {0: NEW}  # the first answer, and the first after the reset, start afresh
    want = []
    seen: dict[str, int] = {}
    for when, card, ease, taken, kind in answers:
        quiz_id = quiz_card[card_of[card]]
        index = seen.get(quiz_id, 0)
        seen[quiz_id] = index + 1
        state = expected_states.get(index, {0: 1, 1: 2, 2: 3}[kind])
        if quiz_id == f"anki-{ids['basic']}" and index == 3:
            state = NEW
        want.append((quiz_id, when, ease, taken, state))
    assert sorted(got) == sorted(want)
    basic = f"anki-{ids['basic']}"
    store = Store.open(tmp_path / "quiz.db")
    memory = store.memory("atlas", basic)
    store.close()
    # After the reset only the last answer (Hard) counts: the memory is that of a new card.
    fresh = Scheduler().review(None, Rating.HARD, from_ms(max(r[1] for r in want if r[0] == basic)))
    assert memory is not None and memory.stability == pytest.approx(fresh.stability)
    again = run_quiz(tmp_path, "import", str(package), "-o", "atlas.yaml")
    assert "0 new card entries added" in again.stdout and f"{len(answers)} were already there" in again.stdout
    assert len(reviews(tmp_path)) == len(answers)


def test_reimport_keeps_edits_and_force_replaces(tmp_path: Path) -> None:
    package, _ids = build(tmp_path / "anki", "anki21b")
    deck = tmp_path / "atlas.yaml"
    assert run_quiz(tmp_path, "import", str(package), "-o", str(deck), "--no-history").returncode == 0
    edited = deck.read_text(encoding="utf-8").replace("answer: dog\n", "answer: dog  # my note\n  accept: [hound]\n", 1)
    deck.write_text(edited, encoding="utf-8")
    ran = run_quiz(tmp_path, "import", str(package), "-o", str(deck), "--no-history")
    assert ran.returncode == 0 and "0 new card entries added" in ran.stdout
    assert deck.read_text(encoding="utf-8") == edited
    assert not (tmp_path / "quiz.db").exists() or reviews(tmp_path) == []
    forced = run_quiz(tmp_path, "import", str(package), "-o", str(deck), "--no-history", "--force")
    assert forced.returncode == 0 and "my note" not in deck.read_text(encoding="utf-8")


def test_a_deck_with_errors_is_not_touched(tmp_path: Path) -> None:
    package, _ids = build(tmp_path / "anki", "anki21")
    deck = tmp_path / "atlas.yaml"
    deck.write_text("title: Mine\ncards:\n  - question: Q\n", encoding="utf-8")
    ran = run_quiz(tmp_path, "import", str(package), "-o", str(deck))
    assert ran.returncode == 1 and "exists and has errors" in ran.stderr and "--force" in ran.stderr
    assert f"{deck}:3:5: the card has no 'answer'" in ran.stderr
    assert deck.read_text(encoding="utf-8") == "title: Mine\ncards:\n  - question: Q\n"
    assert not (tmp_path / "quiz.db").exists() or reviews(tmp_path) == []


@pytest.mark.parametrize(("content", "message"), [
    (b"not a zip", "not an Anki package"),
    (None, "no Anki collection inside"),
    (b"garbage", "not an SQLite database"),
])
def test_bad_packages_are_clear_errors(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bad.apkg"
    if content == b"not a zip":
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("media", "{}")
            if content is not None:
                archive.writestr("collection.anki21", content)
    ran = run_quiz(tmp_path, "import", str(path))
    assert ran.returncode == 1 and message in ran.stderr and "Traceback" not in ran.stderr
    assert not (tmp_path / "bad.yaml").exists()


# -- export -------------------------------------------------------------------------------


def test_export_opens_in_anki_note_for_note(tmp_path: Path) -> None:
    deck = load_path(BUNDLED_DECK)
    ran = run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", "cuba.apkg")
    assert ran.returncode == 0, ran.stderr
    with collection(tmp_path / "anki") as col:
        import_package(col, tmp_path / "cuba.apkg")
        notes = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
        assert len(notes) == len(deck.entries)
        assert col.card_count() == len(deck.cards())
        for entry in deck.entries:
            note = notes[f"quiz/{deck.id}/{entry.id}"]
            assert note["Accept"] == "<br>".join(to_html(a) for a in entry.accept)
            assert sorted(note.tags) == sorted(tag.replace(" ", "_") for tag in entry.tags)
            if entry.cloze is not None:
                assert note.note_type()["name"] == "Cloze (quiz)"
                assert len(note.cards()) == entry.cloze.count("{{")
                continue
            assert note.note_type()["name"] == "Basic (quiz)"
            assert (note["Front"], note["Back"]) == (to_html(entry.question or ""), to_html(entry.answer or ""))
            front = note.cards()[0].question()
            for choice in entry.choices:
                assert choice in front  # multiple choice: the options are on the front
    again = run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", "cuba.apkg")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_export_with_history_gives_anki_the_revlog_and_the_schedule(tmp_path: Path) -> None:
    deck = load_path(BUNDLED_DECK)
    cards = deck.cards()
    history = [
        PastReview(deck.id, cards[0].id, T0, Rating.GOOD, 4_200),
        PastReview(deck.id, cards[0].id, T0 + timedelta(minutes=10), Rating.GOOD, 3_100),
        PastReview(deck.id, cards[0].id, T0 + timedelta(days=2), Rating.AGAIN, 9_000),
        PastReview(deck.id, cards[1].id, T0 + timedelta(hours=1), Rating.EASY, 2_000),
    ]
    store = Store.open(tmp_path / "quiz.db")
    store.import_reviews(history, lambda _deck: Scheduler(), T0)
    records = store.records([deck.id])
    store.close()
    ran = run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", "cuba.apkg", "--with-history")
    assert ran.returncode == 0 and "4 review(s)" in ran.stdout, ran.stderr
    with collection(tmp_path / "anki") as col:
        import_package(col, tmp_path / "cuba.apkg")
        by_guid = {col.get_note(nid).guid: cards_of(col, nid) for nid in col.find_notes("")}
        first = by_guid[f"quiz/{deck.id}/{cards[0].id}"][0]
        second = by_guid[f"quiz/{deck.id}/{cards[1].id}"][0]
        rows = revlog(col)
        assert [(when, ease, taken) for when, card, ease, taken, _ in rows if card == first.id] == [
            (int(r.at.timestamp() * 1000), int(r.rating), r.duration_ms) for r in history[:3]]
        assert [kind for _, card, _, _, kind in rows if card == first.id] == [0, 0, 1]  # learn, learn, review
        memory = records[key_of(cards[0])].memory
        assert memory is not None and first.memory_state is not None
        assert first.memory_state.stability == pytest.approx(memory.stability, abs=1e-3)
        assert first.memory_state.difficulty == pytest.approx(memory.difficulty, abs=1e-3)
        assert (first.type, first.lapses, first.reps) == (3, 1, 3)  # relearning after the lapse
        assert (second.type, second.queue) == (2, 2) and second.ivl >= 1
        untouched = by_guid[f"quiz/{deck.id}/{cards[2].id}"][0]
        assert (untouched.type, untouched.queue, untouched.reps) == (0, 0, 0)


def test_export_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    assert "by the file's ending" in run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", "x.pdf").stderr
    assert "needs an Anki package" in run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", "x.csv", "--with-history").stderr


def test_a_round_trip_through_anki_keeps_cards_and_history(tmp_path: Path) -> None:
    deck = load_path(BUNDLED_DECK)
    cards = deck.cards()
    history = [PastReview(deck.id, card.id, T0 + timedelta(days=n, minutes=n), Rating(1 + n % 4), 1000 + n) for n, card in enumerate(cards[:12])]
    history += [PastReview(deck.id, cards[0].id, T0 + timedelta(days=30), Rating.GOOD, 777)]
    store = Store.open(tmp_path / "quiz.db")
    store.import_reviews(history, lambda _deck: Scheduler(), T0)
    store.close()
    assert run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", "out.apkg", "--with-history").returncode == 0
    with collection(tmp_path / "anki") as col:
        import_package(col, tmp_path / "out.apkg")
        export_package(col, tmp_path / "from-anki.apkg", legacy=False)
    home = tmp_path / "elsewhere"
    home.mkdir()
    ran = run_quiz(home, "import", str(tmp_path / "from-anki.apkg"), "-o", "back.yaml")
    assert ran.returncode == 0, ran.stderr
    back = load_path(home / "back.yaml")
    assert back.id == deck.id
    fields = ("id", "question", "cloze", "answer", "accept", "choices", "quote", "note")
    assert [[getattr(e, f) for f in fields] for e in back.entries] == [[getattr(e, f) for f in fields] for e in deck.entries]
    assert [sorted(e.tags) for e in back.entries] == [sorted(e.tags) for e in deck.entries]  # Anki sorts tags
    db = sqlite3.connect(home / "quiz.db")
    got = sorted(db.execute("SELECT card_id, reviewed_ms, rating, duration_ms FROM reviews"))
    db.close()
    assert got == sorted((r.card_id, int(r.at.timestamp() * 1000), int(r.rating), r.duration_ms) for r in history)
