"""Incremental re-parsing (quiz/decks/chunks.py): a deck read chunk by chunk, reusing the chunks
of an earlier version, gives exactly what reading it whole gives (deck, cards, every problem at
the same FILE:LINE:COL), composes only the chunks that changed, and falls back to the whole
parse for what the cut cannot prove safe."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.decks import cache, catalog, chunks
from quiz.decks.compose import Composer
from quiz.decks.file import CheckResult, _Loader, check_text, load_text
from quiz.decks.reader import MAX_HINTS, SchemaReader

HEADER = "title: T\nid: d\nsources:\n  s: {title: S}\ncards:\n"


def card(n: int, question: str | None = None) -> str:
    return f"- id: c{n}\n  question: {question or f'Question {n}?'}\n  answer: a{n}\n  accept: [b{n}]\n"


def deck(n: int, tail: str = "") -> str:
    return HEADER + "".join(card(i) for i in range(n)) + tail


def known_of(text: str) -> chunks.Known:
    return chunks.Remembered(check_text(text, "d.yaml", known=chunks.Remembered()).chunks)


def same(text: str, known: chunks.Known) -> CheckResult:
    """The chunk-by-chunk result, checked equal to the whole parse's."""
    whole = check_text(text, "d.yaml")
    incremental = check_text(text, "d.yaml", known=known)
    assert [str(p) for p in incremental.problems] == [str(p) for p in whole.problems]
    assert (incremental.deck is None) == (whole.deck is None)
    if whole.deck is not None and incremental.deck is not None:
        assert incremental.deck == whole.deck
        assert incremental.deck.cards() == whole.deck.cards()
    return incremental


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The chunks composed alone, as they are composed."""
    seen: list[str] = []
    items = Composer.items

    def counting(self: Composer, depth: int) -> object:
        seen.append("chunk")
        return items(self, depth)

    monkeypatch.setattr(Composer, "items", counting)
    return seen


def test_an_error_deep_in_a_big_deck_is_where_the_whole_parse_puts_it(composed: list[str]) -> None:
    text = deck(3000)
    known = known_of(text)
    composed.clear()
    edited = text.replace(card(2500), "- id: c2500\n  question: Question 2500?\n  answr: a\n  answer: ''\n")
    result = same(edited, known)
    assert composed == ["chunk"]  # only the changed card was composed again
    line = edited[: edited.index("  answr: a")].count("\n") + 1
    assert [str(p) for p in result.problems] == [
        f"d.yaml:{line}:3: unknown key 'answr' in a card (did you mean 'answer'?)",
        f"d.yaml:{line + 1}:11: empty answer",
    ]


def test_an_edit_reparses_only_what_changed_and_keeps_the_cards(composed: list[str]) -> None:
    text = deck(50, tail="exam: 2026-12-20\n")
    known = known_of(text)
    composed.clear()
    edited = text.replace(card(7), card(7, "A new question?")).replace(card(30), "")
    result = same(edited, known)
    assert composed == ["chunk"]
    assert result.chunks is not None and len(result.chunks.cards) == 49
    assert result.deck is not None and result.deck.exam is not None


def test_duplicates_across_chunks_are_found_as_by_the_whole_parse() -> None:
    text = deck(20)
    edited = text.replace(card(15), card(3).replace("Question 3?", "Another?"))
    result = same(edited, known_of(text))
    assert any("duplicate card id 'd:c3'" in p.message or "duplicate card id 'c3'" in p.message for p in result.problems)


def test_hints_past_the_limit_are_given_in_the_deck_order() -> None:
    text = HEADER + "".join(f"- id: c{n}\n  question: q{n}\n  answer: a\n  wrong{n}: x\n" for n in range(MAX_HINTS + 20))
    same(text, chunks.Remembered())
    same(text.replace("wrong5:", "answerr:"), known_of(text))


@pytest.mark.parametrize(
    "text",
    [
        deck(3).replace("  answer: a1", "  answer:\ta1"),  # a tab
        deck(3).replace("\n", "\r\n"),  # other line breaks
        deck(3).replace("answer: a1", "answer: &x a1").replace("answer: a2", "answer: *x"),  # an anchor and its alias
        "---\n" + deck(3),  # a document marker
        HEADER + "  - id: a\n    question: q\n    answer: x\n",  # an indented card list
        "title: T\ncards: [{id: a, question: q, answer: x}]\n",  # a flow-style card list
        HEADER.replace("cards:\n", "") + "decks: []\n",  # no card list
        deck(2) + "- q: \"a quote across\n- a line\"\n  answer: x\n",  # a quoted scalar across an item line
        deck(2) + "- question: q\n  answer: x\n  accept: [a,\n- b]\n",  # a flow list across an item line
        "description: \"a quote\ncards:\n- not a card\" \ntitle: T\n" + deck(2).removeprefix(HEADER),
    ],
)
def test_what_the_cut_cannot_prove_safe_is_parsed_whole(text: str, composed: list[str]) -> None:
    same(text, known_of(deck(3)))
    assert check_text(text, "d.yaml", known=chunks.Remembered()).chunks is None
    assert chunks.read(text, SchemaReader("d.yaml", None), chunks.Remembered(), _Loader) is None


def test_a_deck_mostly_changed_is_parsed_whole(composed: list[str]) -> None:
    text = deck(2 * chunks.FEW)
    edited = text.replace("title: T", 'title: "T\\\\"')  # a backslash: every chunk's digest changes
    result = same(edited, known_of(text))
    assert composed == [] and result.chunks is not None  # parsed whole, its chunks kept for next time
    same(text.replace("Question 1?", "Changed?"), known_of(text))
    assert composed == ["chunk"]


def test_a_deck_cached_by_the_catalogue_is_read_again_chunk_by_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, composed: list[str]) -> None:
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    path = tmp_path / "d.yaml"
    path.write_text(deck(40), encoding="utf-8")
    assert catalog.read(path).deck is not None
    assert composed == []  # a new file: composed whole
    composed.clear()
    path.write_text(deck(40).replace(card(20), card(20, "Changed?")), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    read = catalog.read(path)
    assert composed == ["chunk"]
    assert read.deck == load_text(path.read_text(encoding="utf-8"), "d.yaml", "d")
    assert catalog.read(path).deck is not None and composed == ["chunk"]  # a hit: nothing parsed


def test_chunks_of_another_quiz_version_are_not_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(deck(5), encoding="utf-8")
    result = check_text(path.read_text(encoding="utf-8"), "d.yaml", known=chunks.Remembered())
    assert result.deck is not None
    cache.write(tmp_path / "c", path, result.deck, result.chunks)
    digest = chunks.digest(card(2), escapes=False)
    assert cache.known(tmp_path / "c", path).card(digest, 0) is not None
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    assert cache.known(tmp_path / "c", path).card(digest, 0) is None


# -- property: random decks and random edits --------------------------------------------------

WORD = st.text(alphabet="abcxyz019 ", min_size=1, max_size=8).map(str.strip).filter(bool)
SCALAR = st.one_of(
    WORD,
    WORD.map(lambda w: f"'{w}'"),
    WORD.map(lambda w: f'"{w}\\t"'),  # an escape: the deck's text is cleaned of control characters
    st.tuples(WORD, WORD).map(lambda p: f'"{p[0]}\n    {p[1]}"'),  # a quoted scalar over two lines
    st.tuples(WORD, WORD).map(lambda p: f"|\n    {p[0]}\n    {p[1]}"),  # a block scalar
    st.just(""),
    st.just("~"),
)
LIST = st.one_of(SCALAR, st.lists(WORD, max_size=3).map(lambda ws: "[" + ", ".join(ws) + "]"),
                 st.lists(WORD, min_size=1, max_size=2).map(lambda ws: "".join(f"\n    - {w}" for w in ws)))
KEY = st.sampled_from(["id", "question", "cloze", "answer", "accept", "choices", "source", "quote", "tags", "note", "answr", "qestion"])


@st.composite
def cards(draw: st.DrawFn, shapes: tuple[str, ...] = ("qa", "cloze", "random", "broken")) -> str:
    shape = draw(st.sampled_from(shapes))
    n = draw(st.integers(0, 10_000))
    if shape == "qa":
        lines = [f"id: k{n}", f"question: {draw(WORD)}?", f"answer: {draw(WORD)}"]
        if draw(st.booleans()):
            lines.append(f"accept: {draw(LIST)}")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["source: s", "choices: [w1, w2]", f"note: {draw(SCALAR)}"])))
    elif shape == "cloze":
        lines = [f"id: k{n}", f"cloze: 'Fact {{{{{draw(WORD)}}}}} here'", f"tags: {draw(LIST)}"]
    elif shape == "random":
        keys = draw(st.lists(KEY, min_size=0, max_size=4))
        lines = [f"{key}: {draw(LIST)}" for key in keys]
    else:
        lines = [draw(st.sampled_from(["question: 'open quote", "answer: [a,", "q: &a x", "q: *a", "- nested", "{flow: map}", "x\ty: z", "question: q\n  answer: a\n  source: nowhere"]))]
    comment = "# a comment\n" if draw(st.booleans()) else ""
    return comment + ("- " + "\n  ".join(lines) + "\n" if lines else "-\n")


GOOD_HEADERS = [HEADER, "title: T\nsources: {s: {title: S}}\ncards:   # the cards\n\n"]
DECK_HEADERS = st.sampled_from([*GOOD_HEADERS, "id: d\ncards:\n# first\n", "title: T\ntitle: U\ncards:\n"])
TAILS = st.sampled_from(["", "exam: 2026-12-20\n", "# end\n", "sources:\n  s: {title: S}\n", "cards:\n- id: z\n  question: q\n  answer: a\n"])


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str]:
    header, tail = draw(st.sampled_from(GOOD_HEADERS)), draw(TAILS)
    # Mostly a deck that reads cleanly, as the cache keeps only those: then edits of every kind.
    clean = draw(st.booleans()) or draw(st.booleans())
    items = draw(st.lists(cards(("qa", "cloze")) if clean else cards(), min_size=1, max_size=12))
    before = header + "".join(items) + tail
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.integers(0, len(items)))
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        new = draw(cards(("qa", "cloze")) if draw(st.booleans()) else cards())
        if action == "insert" or not items:
            items.insert(where, new)
        elif action == "replace":
            items[min(where, len(items) - 1)] = new
        elif len(items) > 1:
            del items[min(where, len(items) - 1)]
    if draw(st.booleans()):
        header, tail = draw(DECK_HEADERS), draw(TAILS)
    return before, header + "".join(items) + tail


def alone(text: str) -> chunks.Records | bool | None:
    """The records of every chunk composed alone (False: the cut refused the text)."""
    reader = SchemaReader("d.yaml", None, escapes="\\" in text)
    read = chunks.read(text, reader, chunks.Remembered(), _Loader)
    if read is None:
        return False
    root, records = read
    return records if reader.deck(root, "d", None) is not None and not reader.errors else None


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_reading_chunk_by_chunk_gives_what_the_whole_parse_gives(case: tuple[str, str]) -> None:
    before, after = case
    same(before, chunks.Remembered())
    same(after, known_of(before))
    # What a whole parse tells the cache is what composing each chunk alone gives.
    witnessed = check_text(after, "d.yaml", known=chunks.Remembered()).chunks
    if witnessed is not None:
        assert alone(after) == witnessed


def test_the_generated_decks_are_mostly_read_chunk_by_chunk() -> None:
    """The property above is about the chunk path, not only the fallback."""
    read = 0
    for n in range(60):
        text = deck(5 + n % 7).replace(card(2), card(2, f"Changed {n}?"))
        read += chunks.read(text, SchemaReader("d.yaml", None), known_of(deck(5)), _Loader) is not None
    assert read == 60


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(edits(), st.integers(1, 80), st.booleans())
def test_the_chunks_bodies_and_digests_by_blocks_are_each_chunks(case: tuple[str, str], block: int, escapes: bool) -> None:
    for text in (*case, case[1].rstrip("\n")):  # and a file without a final line break
        pieces = chunks.cut(text)
        if pieces is None:
            continue
        with mock.patch.object(chunks, "_BLOCK", block):
            bodies = list(pieces.bodies())
            assert pieces.digests(escapes) == pieces.digests(escapes, bodies)
        texts = [chunk for chunk, _ in pieces.chunks()]
        assert [pieces.chunk(body, number == len(bodies) - 1) for number, body in enumerate(bodies)] == texts
        assert pieces.digests(escapes, bodies) == [chunks.digest(chunk, escapes) for chunk in texts]
        assert len(set(pieces.digests(escapes))) == len(set(texts)) and pieces.count() == len(texts)
