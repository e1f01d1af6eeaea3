"""Options of the answer's type (quiz/generate/distractors.py): a person the tagger took for an
organisation still gives a surname no place option may be."""

from __future__ import annotations

from quiz.generate.distractors import Option, choices, make_pool
from quiz.generate.types import AnswerType, Mention


def test_a_place_option_is_not_the_surname_of_a_person_tagged_as_an_organisation() -> None:
    cities = [Option(text, AnswerType.CITY, "", "") for text in ("Lyon", "Porto", "Ghent", "Castell")]
    people = [Option("Mira Castell", AnswerType.ORGANIZATION, "", "")]
    found = choices(Mention(0, 1, "Turin", AnswerType.CITY, "Turin", ()), make_pool({AnswerType.CITY: cities, AnswerType.ORGANIZATION: people}))
    assert set(found) == {"Lyon", "Porto", "Ghent"}, found


def test_an_organisation_named_like_an_institution_leaves_its_town_an_option() -> None:
    cities = [Option(text, AnswerType.CITY, "", "") for text in ("Lyon", "Porto", "Ghent")]
    bodies = [Option("University of Ghent", AnswerType.ORGANIZATION, "", "")]
    found = choices(Mention(0, 1, "Turin", AnswerType.CITY, "Turin", ()), make_pool({AnswerType.CITY: cities, AnswerType.ORGANIZATION: bodies}))
    assert set(found) == {"Lyon", "Porto", "Ghent"}, found


def country(name: str) -> Mention:
    return Mention(0, 1, name, AnswerType.COUNTRY, name, ())


def test_the_names_of_a_roll_are_no_options() -> None:
    from quiz.generate.distractors import pool

    roll = [country(name) for name in ("Norway", "Chile", "Kenya", "Peru", "Nepal", "Fiji")]
    others = [country(name) for name in ("Ghana", "Laos", "Oman")]
    found = choices(country("Tonga"), pool([roll, others, [country("Tonga")]]))
    assert set(found) == {"Ghana", "Laos", "Oman"}, found  # a list of three is no roll
    assert choices(country("Tonga"), pool([roll, [country("Tonga")]])) == ()


def test_no_span_of_time_is_offered_longer_than_the_universe_is_old() -> None:
    from quiz.generate.wrongvalues import wrong_values

    found = wrong_values(Mention(0, 1, "12.5 billion years", AnswerType.DURATION, "12.5 billion years", ()), [], None, "", "")
    assert found, found  # positive control: shorter spans are still made
    assert all(float(t.split()[0]) <= 13.8 for t in found), found
    millions = wrong_values(Mention(0, 1, "12.5 million years", AnswerType.DURATION, "12.5 million years", ()), [], None, "", "")
    assert any(float(t.split()[0]) > 13.8 for t in millions), millions  # only billions of years are bounded


def test_no_count_of_states_above_fifty_nor_of_countries_above_the_world() -> None:
    from quiz.generate.wrongvalues import wrong_values

    sentence = "Parts for the engine came from 38 U.S. states and 120 countries."
    states = wrong_values(Mention(0, 1, "38", AnswerType.NUMBER, "38", ()), [], None, "from", sentence)
    assert states and all(int(t) <= 50 for t in states), states
    lands = wrong_values(Mention(0, 1, "120", AnswerType.NUMBER, "120", ()), [], None, "and", sentence)
    assert lands and all(int(t) <= 195 for t in lands), lands
    plain = wrong_values(Mention(0, 1, "38", AnswerType.NUMBER, "38", ()), [], None, "from", "The engine had 38 parts.")
    assert any(int(t) > 50 for t in plain), plain  # only a count of states is capped
