"""Ranking and selection: which candidates become cards, within the per-sentence cap and the budget."""

from __future__ import annotations

from collections import Counter

from generate_cards import made

RICH = (
    "In March 1998, the engineer Maria Lopez opened a bridge of 1,200 metres across the Tagus River "
    "for $40 million, with 3,000 workers from Portugal and Spain."
)
FILLER = (
    " The river was wide and the crossing was slow for many people who lived on the southern bank."
    " Ferries carried people and goods across the water every day for a long time before that."
    " Traders and farmers waited for hours at the quays in the wind and the rain of the long winter."
)


def test_a_rich_sentence_gives_up_to_three_cards() -> None:
    cards = made(RICH + FILLER)
    per_sentence = Counter(c.quote for c in cards)
    assert per_sentence[RICH] == 3  # a date, a name, an amount: more than two facts worth asking
    assert max(per_sentence.values()) <= 3


def test_the_budget_still_bounds_a_rich_sentence() -> None:
    cards = made(RICH + FILLER, max_cards=1)
    assert len(cards) == 1 and cards[0].quote == RICH
