"""Terms a sentence names as an example ("such as X") or sets off in quotation marks after "as"
(quiz/generate/terms.py), and a list of names kept whole in a cloze (shorten.aside).
Sentences written for these tests."""

from __future__ import annotations

from quiz.generate.nlp import load_model
from quiz.generate.shorten import aside
from quiz.generate.terms import term_mentions, torn


def terms(sentence: str) -> list[str]:
    doc = load_model()(sentence)
    return [m.text for m in term_mentions(doc[:], set())]


def test_an_example_after_such_as_is_a_term_with_its_phrase() -> None:
    found = terms("The guild kept out of civic quarrels, such as an ongoing Flemish campaign of protest against the duke.")
    assert "Flemish campaign of protest" in found  # "ongoing" says when, not what; the tail stops at its object


def test_a_one_word_example_is_no_term() -> None:
    found = terms("The plant is valued for its many possible uses, such as medicines.")
    assert "medicines" not in found
    assert terms("The plant is valued for its many possible uses, such as herbal medicines.") == ["herbal medicines"]  # control


def test_a_quoted_role_after_as_is_a_term() -> None:
    found = terms("The three river towns would guard the valley as “the watchful sisters.”")
    assert "watchful sisters" in found
    assert terms("The three river towns would guard the valley as sisters.") == []  # unquoted, a loose word


def test_a_list_of_names_set_off_by_commas_is_no_aside() -> None:
    doc = load_model()("The United States, Brazil, Argentina, and Chile signed the accord in 1931.")
    appositions = [t for t in doc if t.dep_ == "appos"]
    assert all(not aside(t) for t in appositions)
    described = load_model()("Brasilia, the capital of Brazil, hosted the meeting in 1931.")
    assert any(aside(t) for t in described if t.dep_ == "appos")  # control: a description is an aside


def test_a_bare_kind_a_relative_clause_describes_is_a_term() -> None:
    found = terms("The drainage secret lay in clay field pipes, which carry water away from the roots.")
    assert "clay field pipes" in found


def test_one_thing_a_relative_clause_tells_more_about_is_no_term() -> None:
    found = terms("Farmers laid their clay field pipes, which carry water away from the roots.")
    assert "clay field pipes" not in found
    assert "clay field pipes" in terms("Farmers laid clay field pipes, which carry water away from the roots.")  # control


def test_part_of_a_split_hyphened_word_is_no_term() -> None:
    doc = load_model()("The league stood for non-alignment and open trade.")
    part = [t for t in doc if t.text == "alignment"]
    assert torn(part)
    assert not torn([t for t in doc if t.text in ("open", "trade")])  # control: a whole phrase


def test_a_ranking_adjective_is_no_kind() -> None:
    assert terms("In 1990, Lena Ortiz was an inaugural fellow of the Harbor Rowing Club.") == []
