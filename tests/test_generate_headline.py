"""Answers the headline shown above each card gives away (quiz/generate/headline.py): each rule
with a card it drops and a like card it keeps, on sentences and titles written for these tests."""

from __future__ import annotations

from typing import cast

from generate_cards import answers, made

from quiz.generate.headline import given
from quiz.generate.types import AnswerType, Candidate, Mention, QuestionKind, Sentence


def card(text: str, answer: str, type_: AnswerType) -> Candidate:
    mention = Mention(0, 1, answer, type_, answer, ())
    sentence = Sentence(0, "article", 0, text.replace("{{", "").replace("}}", ""), cast("object", None))  # type: ignore[arg-type]
    return Candidate(QuestionKind.CLOZE, text, mention, sentence)


def test_a_name_or_number_the_title_writes_is_given_away() -> None:
    assert given(card("The museum hired painter {{Mara Lind}} in 1961.", "Mara Lind", AnswerType.PERSON), "Remembering Mara Lind, Painter")
    assert given(card("The league now counts {{12}} member towns.", "12", AnswerType.NUMBER), "Harbor League Reaches 12 Members")
    assert given(card("The town hired {{otters}} to clear the canal.", "otters", AnswerType.TERM), "Otters Clear the Old Canal")
    assert not given(card("The museum hired painter {{Mara Lind}} in 1961.", "Mara Lind", AnswerType.PERSON), "A New Wing for the Museum")
    assert not given(card("The league now counts {{12}} member towns.", "12", AnswerType.NUMBER), "Harbor League Reaches 120 Members")


def test_a_number_the_title_writes_in_another_form_is_given_away() -> None:
    title = "Harbor League Reaches 12 Members as Truro Joins"
    assert given(card("Truro became the {{12th}} town to join the league.", "12th", AnswerType.ORDINAL), title)
    assert given(card("The league now counts {{twelve}} member towns.", "twelve", AnswerType.NUMBER), title)
    assert given(card("The league spent {{$1,200}} on the port.", "$1,200", AnswerType.MONEY), "Harbor League Spends 1,200 Dollars")
    # Positive controls: another number, a number inside another, a count the title does not write.
    assert not given(card("Truro became the {{11th}} town to join the league.", "11th", AnswerType.ORDINAL), title)
    assert not given(card("The port cost {{$12.5 million}}.", "$12.5 million", AnswerType.MONEY), title)
    assert not given(card("The league met {{twelve}} times.", "twelve", AnswerType.NUMBER), "Harbor League Meets in Truro")


def test_a_person_named_by_surname_is_given_away_also_inside_a_hyphened_name() -> None:
    assert given(card("Curator {{Tove Brandt}} opened the wing.", "Tove Brandt", AnswerType.PERSON), "Remembering Tove M. Brandt")
    assert given(card("Envoy {{Paul Haller}} proposed the treaty.", "Paul Haller", AnswerType.PERSON), "The Haller-Ostrow Treaty, 1931")
    assert not given(card("Envoy {{Paul Haller}} proposed the treaty.", "Paul Haller", AnswerType.PERSON), "The Ostrow Treaty, 1931")  # control


def test_a_proper_word_of_the_name_in_the_title_gives_it_away() -> None:
    common = frozenset({"otters", "space", "canal"})
    assert given(card("Ships sailed around {{Varrica}} in May.", "Varrica", AnswerType.PLACE), "Varric Ice Near Lows", common)
    assert given(card("The ships reached the {{Tamsin Canal}} in May.", "Tamsin Canal", AnswerType.PLACE), "The Tamsin Crisis, 1931", common)
    assert given(card("Nine towns joined the {{Lorne League}} in 1931.", "Lorne League", AnswerType.ORGANIZATION), "Former Lorne Director Dies", common)
    # Positive controls: a word the article also writes in lower case, an owner's name, another name.
    assert not given(card("The ships reached the {{Space Harbour}} in May.", "Space Harbour", AnswerType.PLACE), "Space Ships Return", common)
    assert not given(card("She showed {{Lind’s First Field}} in May.", "Lind’s First Field", AnswerType.THING), "The Lind Telescope", common)
    assert not given(card("The ships reached the {{Tamsin Canal}} in May.", "Tamsin Canal", AnswerType.PLACE), "The Varric Crisis, 1931", common)


def test_a_year_the_title_writes_is_given_away_but_not_a_day() -> None:
    title = "The Lakeside Accord, 1931"
    assert given(card("The accord was signed in {{1931}}.", "1931", AnswerType.YEAR), title)
    assert given(card("Delegates met {{May-July 1931}} in Geneva.", "May-July 1931", AnswerType.MONTH), title)
    assert not given(card("The accord was signed on {{May 4, 1931}}.", "May 4, 1931", AnswerType.DATE), title)
    assert not given(card("The accord was signed in {{1931}}.", "1931", AnswerType.YEAR), "The Lakeside Accord")


def test_the_deck_has_no_card_on_its_headline_but_keeps_the_others() -> None:
    text = (
        "# The Lakeside Accord, 1931\n\n"
        "Delegates of nine towns signed the Lakeside Accord in Geneva in 1931. "
        "The accord was drafted by the jurist Paul Haller of Bern.\n\n"
        "The towns renewed the accord in 1958, after a long dispute over fishing rights. "
        "The lake lies high in the hills between the towns, and its water stays cold all year."  # room for a second card
    )
    found = answers(made(text))
    assert "1931" not in found
    assert "1958" in found  # positive control: the year the title does not write is asked
