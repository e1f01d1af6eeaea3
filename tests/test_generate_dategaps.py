"""Date gaps whose slot does not pin a date (quiz/generate/dategaps.py): the ends of a range
that share one year are asked as one span."""

from __future__ import annotations

import pytest
from generate_cards import made, problems

MEETING = (
    "The river board held its talks at Oakmere Hall in Leeds in August and September 1931. "
    "The engineers chose a site near the old mill for the first lock. "
    "Work on the lock began in 1933 and cost the board £40,000. "
    "The lock keeper, Tom Radley, lived in a cottage beside the gates for thirty years. "
    "Barges carried coal and wool through the lock to the mills of Bradford. "
    "The canal company sold the lock to the county council in 1962. "
    "A museum about the canal opened in the old mill in 1988."
)


pytestmark = pytest.mark.usefixtures("every_card")  # conftest.py: no card budget


def test_a_range_of_months_is_asked_whole() -> None:
    cards = made(MEETING, max_cards=20)
    spans = [c for c in cards if c.answer == "August and September 1931"]
    assert spans, [c.text for c in cards]
    assert all(not problems(c) for c in spans)
    assert any(c.kind == "when" and c.text.startswith("When did the river board hold its talks") for c in spans)


def test_no_gap_on_one_end_of_a_range_of_months() -> None:
    cards = made(MEETING, max_cards=20)
    assert cards
    assert not any(c.answer in ("August", "September 1931") for c in cards)


def test_a_torn_range_is_mended() -> None:
    text = "Prices in the valley rose steadily between 1995 and 2020 in most towns, the survey found. The survey covered forty towns."
    cards = made(text, max_cards=20)
    assert not any(c.answer.endswith(" and") or "{{between 1995 and}}" in c.text for c in cards)
    assert any(c.answer == "between 1995 and 2020" for c in cards), [c.text for c in cards]


def test_a_day_near_the_end_of_its_month_gets_date_options() -> None:
    text = (
        "The harbour commission opened the new ferry terminal in Brancaster on December 30, 1958. "
        "The terminal cost the commission £2 million and served four ferry lines. "
        "Its architect, Lena Marsh, had designed the town library in 1949."
    )
    dated = [c for c in made(text, max_cards=20) if c.answer == "December 30, 1958"]
    assert dated, [c.text for c in made(text, max_cards=20)]
    assert all(len(c.choices) == 3 for c in dated), [(c.text, c.choices) for c in dated]
    assert all(c.choices and all(o.startswith("December ") and o.endswith(", 1958") for o in c.choices) for c in dated)


SPEECHES = (
    "In his May 3, 1910, speech to the council, Mayor Tom Hale proposed a new bridge over the river Wend. "
    "In her June 4, 1961, speech to the assembly, Governor Ada Brook outlined a plan for new ferries. "
    "The board set a March 1, 1963 deadline for retiring the old boats of the Wend Ferry Company."
)


def test_a_date_modifying_a_noun_is_asked_with_the_phrase_kept() -> None:
    cards = made(SPEECHES, max_cards=20)
    asked = {c.text: c for c in cards if c.kind == "when"}
    assert "When did Mayor Tom Hale propose a new bridge over the river Wend in his speech to the council?" in asked, [c.text for c in cards]
    assert asked["When did Mayor Tom Hale propose a new bridge over the river Wend in his speech to the council?"].answer == "May 3, 1910"
    assert all(not problems(c) for c in asked.values())


def test_a_date_modifying_a_noun_is_no_gap_without_its_noun_or_options() -> None:
    cards = made(SPEECHES, max_cards=20)
    dated = [c for c in cards if c.kind == "cloze" and c.type in ("day", "date")]
    assert any(c.answer == "March 1, 1963" for c in dated)  # "a ___ deadline" with date options beside it
    assert all(c.choices for c in dated), [c.text for c in dated]
    assert not any("{{her " in c.text or "{{his " in c.text for c in cards)
    assert not any(c.answer == "June 4, 1961" and c.kind == "cloze" and "speech" not in c.text for c in cards)


def test_a_date_set_off_by_its_comma_modifies_no_noun() -> None:
    from quiz.generate.dategaps import modified_noun
    from quiz.generate.nlp import load_model
    from quiz.generate.types import AnswerType, Mention

    nlp = load_model()
    for sentence, (start, end), noun in (
        ("By the 1930s, trade along the coast had doubled.", (2, 3), None),
        ("In his May 3, 1910, speech to the council, the mayor spoke of a bridge.", (2, 6), "speech"),
        ("The board set a March 1, 1963 deadline for the old boats.", (4, 8), "deadline"),
    ):
        doc = nlp(sentence)
        mention = Mention(start, end, doc[start:end].text, AnswerType.DATE, doc[start:end].text, ())
        found = modified_noun(doc[:], mention)
        assert (found.text if found is not None else None) == noun, (sentence, found)
