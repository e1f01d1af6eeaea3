"""Demonstratives resolved to what the sentence before says ("this campaign", "this decision")."""

from __future__ import annotations

from generate_cards import offered, well_formed


def _clozes(text: str, answer: str) -> list[str]:
    cards = [c for c in offered(text) if c.kind == "cloze" and c.answer == answer]
    assert cards and all(well_formed(c) for c in cards)  # positive control: the sentence makes cards
    return [c.text for c in cards]


def test_this_noun_takes_the_words_the_sentence_before_describes_it_with() -> None:
    text = (
        "In 1871 the silk weavers of Lyon began a campaign to ban child labour in the mills. "
        "By 1875 the guild of dyers in Vienne had also joined this campaign."
    )
    clozes = _clozes(text, "Vienne")
    assert all("joined the campaign to ban child labour in the mills" in t for t in clozes)


def test_this_decision_is_the_decision_of_the_one_who_decided() -> None:
    text = (
        "Facing a drought in 1932, Governor Halvorsen decided to close the northern canals to barges. "
        "This decision ruined the grain merchants of Oakmere within two years."
    )
    clozes = _clozes(text, "Oakmere")
    assert clozes and all(t.startswith("Governor Halvorsen's decision to close the northern canals to barges ruined") for t in clozes)


def test_a_decision_too_long_to_restate_keeps_its_owner_alone() -> None:
    text = (
        "Facing a drought in 1932, Governor Halvorsen decided to close every one of the northern canals and locks of the valley to barges. "
        "This decision ruined the grain merchants of Oakmere within two years."
    )
    clozes = _clozes(text, "Oakmere")
    assert clozes and all(t.startswith("Governor Halvorsen's decision ruined") for t in clozes)


def test_a_demonstrative_after_another_clause_is_not_sent_to_the_sentence_before() -> None:
    text = (
        "In 1990 the board named Mirela Stan as its treasurer. "
        "In 1996 Stan was elected chair by the members; this election was confirmed by the court in Tarnow."
    )
    clozes = [c.text for c in offered(text) if c.kind == "cloze" and "Tarnow" in c.text]
    assert not any("Mirela" in t.split(";")[-1] for t in clozes)


def test_a_bare_antecedent_leaves_the_demonstrative_as_the() -> None:
    text = "The river council drafted a plan in 1950. This plan was approved by the mayor of Lindau in 1953."
    clozes = [c.text for c in offered(text) if c.kind == "cloze" and "1953" in c.text]
    assert clozes and all(t.startswith("The plan was approved") for t in clozes)


def test_of_a_plural_and_a_singular_the_noun_of_its_own_number_is_meant() -> None:
    text = (
        "In 1911 the guild printed the first of its maps: the oldest surviving map of the Tamar estuary. "
        "This map shows more than 40 mills along the river."
    )
    clozes = _clozes(text, "40")
    assert all(t.startswith("The oldest surviving map of the Tamar estuary shows") for t in clozes)


def test_a_complementizer_read_as_a_determiner_stays_that() -> None:
    from quiz.generate.clozetext import gapped
    from quiz.generate.nlp import load_model
    from quiz.generate.types import AnswerType, Mention

    doc = load_model()("Telford reasoned that bridges with iron frames would last longer.")
    gap = Mention(start=0, end=1, text="Telford", type=AnswerType.PERSON, answer="Telford", accept=())
    doc[2].dep_, doc[2].head, doc[2].tag_ = "det", doc[3], "IN"  # as the parser may read "argued that X with … would …"
    assert gapped(list(doc), gap, {}).startswith("{{Telford}} reasoned that bridges")
    doc[2].tag_ = "DT"  # a determiner: "that bridge" reads alone as "the bridge"
    assert gapped(list(doc), gap, {}).startswith("{{Telford}} reasoned the bridges")
