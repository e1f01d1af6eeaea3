"""Loose answers (quiz/generate/loose.py): each rule with a card it drops and a like card it keeps,
on sentences written for these tests."""

from __future__ import annotations

from generate_cards import offered

from quiz.generate.loose import reason
from quiz.generate.types import AnswerType, Candidate, Mention, QuestionKind, Sentence


def test_the_service_after_a_ranked_name_is_not_asked() -> None:
    text = "On June 4, 2019, Governor Ada Byrne will present the Star of Valour to Major Tom Hale, Jr., Royal Marine Corps, for his courage at Kestrel Ridge."
    cards = offered(text)
    assert any(c.answer == "Kestrel Ridge" for c in cards), cards  # positive control
    assert not any(c.answer == "Royal Marine Corps" for c in cards), cards


def test_a_body_after_an_unranked_name_is_still_asked() -> None:
    text = "In 2019, the prize went to Ada Byrne, who founded the Harbor Survey Office in Leeds."
    assert any(c.answer == "Harbor Survey Office" for c in offered(text))


def test_a_year_a_state_went_on_in_is_not_asked() -> None:
    text = "The glacier at Kestrel Ridge continued its retreat in 2019."
    cards = offered(text)
    assert any(c.answer == "Kestrel Ridge" for c in cards), cards  # positive control
    assert not any(c.answer == "2019" for c in cards), cards


def test_a_year_a_state_went_on_until_is_still_asked() -> None:
    text = "The Harbor Survey Office remained in Leeds until 1987."
    cards = offered(text)
    assert any(c.answer == "1987" for c in cards), cards


def test_a_label_of_people_is_not_asked_by_who() -> None:
    text = (
        "Sensing the storm was near, Captain Ada Byrne ordered the Hussars to go on without her and cross "
        "Kestrel Ridge. In the end, the Hussars managed to bring back Captain Ada Byrne."
    )
    cards = offered(text)
    assert any(c.answer == "Kestrel Ridge" for c in cards), cards  # positive control
    assert not any(c.answer == "Hussars" for c in cards), cards


def test_a_plural_name_of_a_place_is_still_asked() -> None:
    text = "As the colony spread across the Cascades, the Tamar River became a route for grain."
    assert any(c.answer == "Cascades" for c in offered(text))


def test_one_of_a_set_is_not_asked() -> None:
    text = "Tidal power is one renewable source of energy that the Severn Trust studied in 1998."
    cards = offered(text)
    assert any(c.answer == "1998" for c in cards), cards  # positive control
    assert not any(c.answer.lower() == "tidal power" for c in cards), cards


def test_a_rough_count_beside_another_is_not_asked() -> None:
    text = "Thousands of sailors and hundreds of clerks worked on the Tamar fleet, along with 40 shipyards from 12 counties."
    cards = offered(text)
    assert any(c.answer == "40" for c in cards), cards  # positive control
    assert not any(c.answer.casefold() == "thousands" for c in cards), cards


def _gap_on(sentence: str, word: str) -> Candidate:
    """A cloze on one word of a parsed sentence, as the filters see it."""
    from quiz.generate.nlp import load_model

    doc = load_model()(sentence)
    token = next(t for t in doc if t.text == word)
    mention = Mention(token.i, token.i + 1, word, AnswerType.TERM, word, ())
    text = sentence.replace(word, "{{" + word + "}}", 1)
    return Candidate(QuestionKind.CLOZE, text, mention, Sentence(0, "article", 0, sentence, doc[:]))


def test_a_lone_word_for_a_doctrine_is_not_asked() -> None:
    assert reason(_gap_on("The sermons did little to slow the spreading romanticism of the young poets.", "romanticism"))
    assert not reason(_gap_on("The sermons did little to slow the spreading debts of the young poets.", "debts"))
    # A sentence that defines it teaches it.
    assert not reason(_gap_on("In the harbour towns, protectionism was the policy of taxing imported grain.", "protectionism"))


def test_who_was_in_a_state_naming_nothing_else_is_not_asked() -> None:
    text = "Governor Ada Byrne, for her part, was at a loss. In 1911, Governor Ada Byrne was the first woman to swim the Tamar estuary."
    cards = offered(text)
    assert any(c.answer == "Ada Byrne" and "swim" in c.text for c in cards), cards  # positive control: "the first woman to …"
    assert not any(c.answer == "Ada Byrne" and "loss" in c.text for c in cards), cards
