"""Whom "his" or "her" can stand for inside a card (quiz/generate/clauses.py has_bad_reference):
a name written with "the" is no person, unless it is an office. Sentences written for these tests."""

from __future__ import annotations

from quiz.generate.nlp import load_model
from quiz.generate.pointers import has_bad_reference


def bad(sentence: str) -> bool:
    doc = load_model()(sentence)
    return has_bad_reference(list(doc), {})


def test_his_with_only_an_organisation_in_the_card_points_outside_it() -> None:
    assert bad("In March 2004, with his support the Harbor Council cut the harbor fees by half.")


def test_his_or_her_with_a_person_or_an_office_in_the_card_is_fine() -> None:
    assert not bad("In March 2004, with his support Tom Reyes cut the harbor fees by half.")
    assert not bad("The governor asked the Secretary of Trade to use her authority to reopen the docks.")
