"""Cards a strict reader rejects for what shortening a long sentence left out (quiz/generate/
clozecut.py, shorten.py): a defining relative clause, one half of a "from … to …" pair, a word
set off next to a name. Sentences written for these tests, each with the good card of the same
text as its positive control."""

from __future__ import annotations

from generate_cards import offered


def texts(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


OTTERS = (
    "Using state grants, two free tools from Exeter College in Devon and Plymouth University in Truro "
    "are making it possible for farmers, park wardens, charities, and others to {verb} otters to ponds that need their help."
)


def test_a_defining_relative_clause_is_not_cut_alone() -> None:
    found = texts(OTTERS.format(verb="attract"))
    assert not any(text.endswith("otters to ponds.") for text in found), found  # "ponds" alone: any pond
    assert "{{Truro}} are making it possible for farmers, park wardens, charities, and others to attract otters." in " ".join(found), found


def test_a_to_phrase_of_the_verb_can_go_whole() -> None:
    # The parser reads "to ponds" after "send" as the verb's own object: it goes whole with its clause.
    found = texts(OTTERS.format(verb="send"))
    assert any(text.endswith("and others to send otters.") and "{{Truro}}" in text for text in found), found


def test_a_that_clause_is_not_left_without_its_verb() -> None:
    found = texts(
        "Charles Brent and Anna Holt reasoned that calves with inherited traits which allow them to best compete for scarce grass "
        "in dry years will survive and have more calves than the animals with traits that are less able to compete. "
        "Charles Brent was born in Truro in 1890."
    )
    assert not any(text.endswith("with inherited traits.") for text in found), found
    assert any("{{1890}}" in text or answer == "1890" for text, answer in found.items()), found  # positive control
