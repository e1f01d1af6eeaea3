"""A bracket that says the answer again gives it away (quiz/generate/trivial.py, clozetext.py):
the card drops it, or, when the bracket is the answer, is no card. Sentences written for these tests."""

from __future__ import annotations

from generate_cards import made

from quiz.generate.trivial import restates, unbracketed

TEXT = (
    "The Harbor Survey mapped Lake Vennor in 2019. "
    "The lake covers 120 square miles (311 square kilometers) of the northern valley, the survey found.\n\n"
    "Fishing boats from the Republic of Tarvos (Tarvos) have worked the lake since 1950, when the first dock opened at Kell Point."
)


def test_a_short_form_an_acronym_or_another_unit_restates() -> None:
    assert restates("Republic of Tarvos", "Tarvos")
    assert restates("Harbor Trust", "HT")
    assert restates("120 square miles", "311 square kilometers")
    assert not restates("Harbor Trust", "founded 1920")
    assert not restates("$5 million", "$3 million in 2019")


def test_a_question_loses_the_bracket_that_restates_its_answer() -> None:
    asked = "How many square miles does the lake cover (311 square kilometers)?"
    assert unbracketed(asked, "120 square miles") == "How many square miles does the lake cover?"
    kept = "Who founded the Harbor Trust (HT)?"
    assert unbracketed(kept, "Ada Lind") == kept


def test_no_card_shows_the_bracket_beside_its_answer() -> None:
    cards = made(TEXT)
    amounts = [c for c in cards if c.answer == "120 square miles"]
    assert amounts  # positive control: the amount is still asked
    assert not any("311" in c.text for c in amounts)
    assert not any(c.answer == "311 square kilometers" for c in cards)
