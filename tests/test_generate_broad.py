"""Continents and world regions are no answer (quiz/generate/broad.py): the backdrop of a story,
too broad to be the fact. Sentences written for these tests, each with its positive control."""

from __future__ import annotations

from generate_cards import offered

from quiz.generate.broad import region


def gaps(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


def test_a_continent_is_no_gap() -> None:
    found = gaps("In 1899 the Harlow Shipping Company moved its main office from Truro to South America.")
    assert not any(answer == "South America" for answer in found.values()), found
    assert any(answer == "Truro" for answer in found.values()), found  # positive control: the town is asked


def test_a_continent_with_a_compass_word_is_no_gap() -> None:
    found = gaps("The lizards of the reef were close kin to a kind that lives in the forests of South America.")
    assert not found, found
    assert region("northern Europe") and region("the Americas") and region("Central Africa") and region("the Pacific")


def test_a_country_or_a_town_is_no_region() -> None:
    assert not region("Peru") and not region("South Africa") and not region("Truro") and not region("Mars")
