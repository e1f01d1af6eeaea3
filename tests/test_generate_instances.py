"""One instance of a kind the sentence says has others (quiz/generate/instances.py) is no answer."""

from __future__ import annotations

import pytest
from generate_cards import made

TEXT = (
    "Soil depth is one alternate measure of fertility in the Varga Basin. "
    "The Danube is one of the longest rivers in Europe. "
    "Copper sulfate is one common treatment for the blight. "
    "Basalt is another rock of volcanic origin on the Orlan Plateau. "
    "A good example of a drained wetland in Europe is the Fenland marsh. "
    "The Orlan Plateau rose about 40 million years ago."
)


pytestmark = pytest.mark.usefixtures("every_card")  # conftest.py: no card budget


def test_one_of_several_is_no_answer() -> None:
    cards = made(TEXT, max_cards=30)
    assert not any(c.answer in ("Soil depth", "Danube", "Basalt", "Copper sulfate") for c in cards), [(c.text, c.answer) for c in cards]


def test_the_rest_of_the_sentence_is_still_asked() -> None:
    cards = made(TEXT, max_cards=30)
    answers = {c.answer for c in cards}
    assert "Varga Basin" in answers, [(c.text, c.answer) for c in cards]
