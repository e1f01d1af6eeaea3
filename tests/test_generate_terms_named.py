"""A named term the parser ran together with the word before it (quiz/generate/terms.py): the
object a demonstrative points to is not part of the name.
Sentences written for these tests."""

from __future__ import annotations

from quiz.generate.nlp import load_model
from quiz.generate.terms import term_mentions


def terms(sentence: str) -> list[str]:
    doc = load_model()(sentence)
    return [m.text for m in term_mentions(doc[:], set())]


def test_the_pointed_object_is_not_part_of_the_name() -> None:
    found = terms("Farmers name this practice rotation with rest.")
    assert "rotation with rest" in found  # positive control: the name is the term
    assert not any(t.startswith("practice") for t in found)


def test_the_pointed_object_before_an_adjective_is_not_part_of_the_name() -> None:
    found = terms("Town planners call this habit social sorting.")
    assert "social sorting" in found
    assert "habit social sorting" not in found


def test_the_noun_term_before_as_names_nothing() -> None:
    assert "treasurer" not in terms("In 1931 the council elected Ana Ruiz for a second term as treasurer of the harbor board.")
    assert "tidal engine" in terms("The machine became known as the tidal engine.")  # control: the verb "known as" names it
