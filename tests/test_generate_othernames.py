"""Other names an article gives a name (quiz/generate/othernames.py): a card asking for either
accepts the other, in every sentence of the article."""

from __future__ import annotations

import pytest

from quiz.decks.model import Entry, cloze_gaps
from quiz.generate import generate

TEXT = (
    "In 1994, Harbor Systems, now known as Tidal Systems, opened a plant in Leeds. "
    "Harbor Systems hired 300 workers at the plant in 1996. "
    "Orbis Labs, later renamed Corvane, built the plant's first turbine in 1998. "
    "Often called the Lund Pact for the town that hosted the talks, the Treaty of Lund ended the war in 1721. "
    "The Treaty of Lund gave the island of Vendel to Denmark. "
    "Pinnacle Optics Corporation won a contract to build the lighthouse lens in 2001. "
    "The board later hired Pinnacle to repair the lamp in 2004. "
    "The old lamp had guided convoys past Vendel during the Second World War.\n\n"
    "The Vendel Tide Gauge (VTX) was fitted to the pier in 1999. "
    "Readings from VTX warned the harbour of the great surge of 2004."
)


pytestmark = pytest.mark.usefixtures("every_card")  # conftest.py: no card budget


def entries() -> list[Entry]:
    return list(generate([("article.txt", TEXT)], max_cards=60).entries)


def answer(entry: Entry) -> str:
    return cloze_gaps(entry.cloze)[0] if entry.cloze else entry.answer or ""


def accepting(found: list[Entry], name: str) -> list[Entry]:
    return [e for e in found if answer(e) == name or (e.accept and name in e.accept)]


def test_a_renamed_company_accepts_its_other_name_in_every_sentence() -> None:
    found = entries()
    hired = [e for e in found if answer(e) == "Harbor Systems" and "300 workers" in (e.cloze or e.question or "")]
    assert hired, [(e.cloze or e.question) for e in found]
    assert all(e.accept and "Tidal Systems" in e.accept for e in hired)


def test_later_renamed_and_sometimes_called_are_other_names() -> None:
    found = entries()
    built = [e for e in found if answer(e) == "Orbis Labs"]
    assert built and all(e.accept and "Corvane" in e.accept for e in built), [(e.cloze or e.question, e.accept) for e in built]
    treaty = [e for e in found if answer(e) == "Treaty of Lund" and "Vendel" in (e.cloze or e.question or "")]
    assert treaty and all(e.accept and "Lund Pact" in e.accept for e in treaty), [(e.cloze or e.question, e.accept) for e in treaty]


def test_an_other_name_shown_in_the_card_is_not_accepted() -> None:
    found = entries()
    renaming = [e for e in found if answer(e) == "Tidal Systems" and "Harbor Systems" in (e.cloze or e.question or "")]
    assert renaming, [(e.cloze or e.question) for e in found]  # "By what name is Harbor Systems now known?"
    assert not any(e.accept and "Harbor Systems" in e.accept for e in renaming)


def test_a_company_named_by_its_first_word_accepts_its_full_name() -> None:
    found = entries()
    short = [e for e in found if answer(e) == "Pinnacle"]
    assert short, [(e.cloze or e.question) for e in found]
    assert all(e.accept and "Pinnacle Optics Corporation" in e.accept for e in short)


def test_a_world_war_goes_by_both_its_names() -> None:
    found = entries()
    war = [e for e in found if answer(e) == "Second World War"]
    assert war, [(e.cloze or e.question) for e in found]
    assert all(e.accept and "World War II" in e.accept for e in war)


def test_a_name_glossed_with_a_short_form_accepts_it_whatever_its_letters() -> None:
    found = entries()
    short = [e for e in found if answer(e) == "VTX"]
    assert short, [(e.cloze or e.question) for e in found]
    assert all(e.accept and "Vendel Tide Gauge" in e.accept for e in short), [e.accept for e in short]


PACTS = (
    "The Lund-Varga Pact ended the border war between the two kingdoms in 1921. "
    "Envoys of both kingdoms signed the agreement, a pact of friendship, at the castle of Orsk. "
    "In 1925 the river Lund was opened to merchant ships under the Peace Pact. "
    "The kingdoms later joined the Deep Sea Treaty, which governs fishing beyond the shelf. "
    "Merchants of Orsk grew rich under the Peace Agreement within a decade. "
    "The sea is a source of peace and of trade for both."
)


def test_a_pact_named_by_common_words_beside_the_pact_s_name_is_no_answer() -> None:
    found = list(generate([("article.txt", PACTS)], max_cards=40).entries)
    answers = {answer(e) for e in found}
    assert "Peace Pact" not in answers and "Peace Agreement" not in answers, answers
    assert "Lund-Varga Pact" in answers or "Orsk" in answers, answers  # positive control
    assert "Deep Sea Treaty" in answers, answers  # a proper name, though of common-looking words
