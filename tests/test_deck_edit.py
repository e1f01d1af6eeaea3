"""Editing deck files in place (`quiz check --fix`, and the cards `quiz add` appends): only the
new text changes, every other byte stays, and no card changes its identity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.decks.edit import add_ids, append_card
from quiz.decks.file import check_text, load_path
from quiz.decks.model import Entry, entry_id, key_of
from quiz.decks.update import DeckEditError, add_card, fix_ids
from quiz.store import Store

from cli_helpers import REPO, run_quiz

ADDED_ID = re.compile(r"id: q-[0-9a-f]{12}(?:\r?\n *|, )")


def without_ids(text: str) -> str:
    """A bundled deck with its card ids taken out (the line, or the key and its value)."""
    text = re.sub(r"^( *)- id: \S+\n +", r"\1- ", text, flags=re.M)
    return re.sub(r"^ +id: \S+\n", "", text, flags=re.M)


@pytest.mark.parametrize("name", ["us-cuba-migration.yaml", "us-cuba-migration-generated.yaml"])
def test_fix_on_a_bundled_deck_adds_only_id_lines(name: str) -> None:
    original = without_ids((REPO / "decks" / name).read_text(encoding="utf-8"))
    before = check_text(original, default_id="d").deck
    assert before is not None and all(e.id is None for e in before.entries)
    fixed, added = add_ids(original, before)
    assert len(added) == len(before.entries)
    assert ADDED_ID.sub("", fixed) == original  # nothing else changed
    after = check_text(fixed, default_id="d")
    assert after.deck is not None and not after.problems
    assert [key_of(c) for c in after.deck.cards()] == [key_of(c) for c in before.cards()]
    assert [a.line for a in added] == sorted(a.line for a in added)


def test_fix_fills_null_ids_and_flow_cards_and_keeps_comments() -> None:
    text = (
        "title: T  # the title\n"
        "cards:\n"
        "  # first\n"
        "  - question: 'Capital: France?'   # keep me\n"
        "    answer: Paris\n"
        "\n"
        "  - {cloze: 'The {{a}} and {{b}}', tags: [x]}\n"
        "  - id:\n"
        "    question: Third\n"
        "    answer: x\n"
        "  - {id: ~, question: Fourth, answer: y}\n"
        "  -\n"
        "    question: Fifth\n"
        "    answer: z\n"
    )
    deck = check_text(text, default_id="t").deck
    assert deck is not None
    fixed, added = add_ids(text, deck)
    ids = [entry_id("t", e) for e in deck.entries]
    assert [a.card_id for a in added] == ids
    assert [a.line for a in added] == [4, 7, 8, 11, 13]
    assert fixed == (
        "title: T  # the title\n"
        "cards:\n"
        "  # first\n"
        f"  - id: {ids[0]}\n"
        "    question: 'Capital: France?'   # keep me\n"
        "    answer: Paris\n"
        "\n"
        f"  - {{id: {ids[1]}, cloze: 'The {{{{a}}}} and {{{{b}}}}', tags: [x]}}\n"
        f"  - id: {ids[2]}\n"
        "    question: Third\n"
        "    answer: x\n"
        f"  - {{id: {ids[3]}, question: Fourth, answer: y}}\n"
        "  -\n"
        f"    id: {ids[4]}\n"
        "    question: Fifth\n"
        "    answer: z\n"
    )


def test_fix_keeps_crlf_and_the_byte_order_mark(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_bytes(b"\xef\xbb\xbftitle: T\r\ncards:\r\n- question: Q\r\n  answer: A\r\n")
    added = fix_ids(deck)
    assert deck.read_bytes() == f"\ufefftitle: T\r\ncards:\r\n- id: {added[0].card_id}\r\n  question: Q\r\n  answer: A\r\n".encode()


def test_check_fix_end_to_end_keeps_history(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    original = "title: T\ncards:\n  - question: Capital of France?\n    answer: Paris\n  - cloze: The {{a}} and {{b}}\n"
    deck.write_text(original, encoding="utf-8")
    assert run_quiz(tmp_path, "study", str(deck), "--plain", "--limit", "1", input="Paris\n").returncode == 0
    ran = run_quiz(tmp_path, "check", "--fix", str(deck))
    assert ran.returncode == 0, ran.stderr
    keys = [key_of(c) for c in load_path(deck).cards()]
    assert ran.stdout.splitlines()[:3] == [
        f"{deck}:3: added id '{keys[0][1]}' to 'Capital of France?'",
        f"{deck}:5: added id '{keys[1][1].rpartition(':')[0]}' to 'The {{{{a}}}} and {{{{b}}}}'",
        f"{deck}: 2 id(s) added",
    ]
    assert "no 'id'" not in ran.stdout + ran.stderr
    store = Store.open(tmp_path / "quiz.db")
    assert store.studied(["d"]) == {keys[0]}  # the answer before the fix is the card's history still
    store.close()
    again = run_quiz(tmp_path, "check", "--fix", str(deck))
    assert f"{deck}: every card has an id" in again.stdout


def test_check_fix_leaves_a_broken_deck_alone(tmp_path: Path) -> None:
    deck = tmp_path / "bad.yaml"
    deck.write_text("title: T\ncards:\n  - question: Q\n", encoding="utf-8")
    ran = run_quiz(tmp_path, "check", "--fix", str(deck))
    assert ran.returncode == 1
    assert f"{deck}:3:5: the card has no 'answer'" in ran.stderr and "no id was added" in ran.stderr
    assert deck.read_text(encoding="utf-8") == "title: T\ncards:\n  - question: Q\n"


# -- appending cards ----------------------------------------------------------------------

LAYOUTS = {
    "block, indented, blank lines": "title: T\ncards:\n  - id: a\n    question: Q\n    answer: A  # c\n\n  - id: b\n    question: R\n    answer: B\n# the end\n",
    "block, not indented": "title: T\ncards:\n- id: a\n  question: Q\n  answer: A\n",
    "block, wide dash": "title: T\ncards:\n    -   id: a\n        question: Q\n        answer: A",
    "flow items": "title: T\ncards:\n  - {id: a, question: Q, answer: A}\n",
    "flow list": "title: T\ncards: [{id: a, question: Q, answer: A}]\n",
    "empty flow list": "title: T\ncards: []\n",
    "nested last value": "title: T\ncards:\n  - id: a\n    question: Q\n    answer: A\n    tags:\n      - x\n      - y\n\n\nsources: {}\n",
    "crlf": "title: T\r\ncards:\r\n  - id: a\r\n    question: Q\r\n    answer: A\r\n",
}

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(str.strip)
new_entries = st.builds(
    lambda question, answer, accept, tags, note, multiline: Entry(
        id="new", question=question + ("\nsecond line" if multiline else ""), answer=answer,
        accept=tuple(a for a in accept if a.casefold() != answer.casefold()), tags=tuple(tags), note=note,
    ),
    texts, texts, st.lists(texts, max_size=2, unique_by=str.casefold), st.lists(texts, max_size=2), st.none() | texts, st.booleans(),
)


@given(st.sampled_from(sorted(LAYOUTS)), new_entries)
def test_an_appended_card_reads_back_and_the_rest_is_untouched(layout: str, entry: Entry) -> None:
    text = LAYOUTS[layout]
    before = check_text(text).deck
    appended, line = append_card(text, entry)
    result = check_text(appended)
    if any("same question" in p.message or "choices" in p.message for p in result.errors):
        return  # a rule about the new card's content, not the edit
    assert result.deck is not None, result.errors
    assert result.deck.entries[-1] == entry
    if before is not None:
        assert result.deck.entries[:-1] == before.entries
    lines = appended.splitlines()
    assert "id: new" in lines[line - 1]
    # The old text is all there, in order, with the new card inserted in one place.
    prefix = 0
    while prefix < len(text) and text[prefix] == appended[prefix]:
        prefix += 1
    assert appended.endswith(text[prefix:])


def test_the_new_card_matches_its_neighbours() -> None:
    appended, line = append_card(LAYOUTS["block, indented, blank lines"], Entry(id="c", question="S", answer="C", tags=("t",)))
    assert appended == LAYOUTS["block, indented, blank lines"].replace(
        "    answer: B\n", "    answer: B\n\n  - id: c\n    question: S\n    answer: C\n    tags: [t]\n"
    )
    assert line == 11


def test_add_card_refuses_what_check_refuses(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    text = "title: T\ncards:\n  - id: a\n    question: Capital of France?\n    answer: Paris\n"
    deck.write_text(text, encoding="utf-8")
    problems = add_card(deck, Entry(id="b", question="capital of france", answer="Paris"))
    assert [p.message for p in problems] == []  # a different id: allowed
    problems = add_card(deck, Entry(id="a", question="Other?", answer="x"))
    assert [str(p) for p in problems] == [f"{deck}:9:5: duplicate card id 'a' as the card at line 3"]
    problems = add_card(deck, Entry(id="c", question="Q", answer="A", choices=("a",)))
    assert [p.message for p in problems] == ["choices contain the answer 'a'; list only wrong options"]
    assert load_path(deck).entries[-1].id == "b"  # the refused cards were not written
    deck.write_text("title: T\n", encoding="utf-8")
    with pytest.raises(DeckEditError, match="1 error"):
        add_card(deck, Entry(id="c", question="Q", answer="A"))
