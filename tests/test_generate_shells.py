"""Shell nouns ("the situation", "the changes") that lean on an earlier sentence, and the intention
question that asks what such a sentence says alone ("Who planned to open the mill?")."""

from __future__ import annotations

from generate_cards import offered, well_formed

TEXT = (
    "By 1880 the weavers' guild sold all the cloth made in Ostrava and Kell. "
    "This situation ended with Ada Byrne’s plans to open a mill in the northern valley."
)


def test_a_named_persons_plan_to_act_is_asked_as_who_planned_it() -> None:
    cards = [c for c in offered(TEXT) if c.kind == "who" and c.answer == "Ada Byrne"]
    assert [c.text for c in cards] == ["Who planned to open a mill in the northern valley?"]
    assert all(well_formed(c) for c in cards)


def test_no_question_leans_on_a_bare_shell_noun() -> None:
    text = (
        "In 2004 the lake lost a third of its winter ice to the warm currents. "
        "The changes were first reported by the geologist Ines Moreau in March 2005. "
        "The idea of a dam across the Tarn was proposed by Otto Berg in 1911."
    )
    cards = offered(text)
    questions = [c.text for c in cards if c.kind not in ("cloze", "truefalse")]
    assert any(c.answer == "Ines Moreau" and "changes" in c.text for c in cards)  # the sentence still makes its cloze
    assert not any("the changes" in q.lower() for q in questions)
    assert any("idea of a dam" in q for q in questions)  # positive control: a shell noun with its own content is fine


def test_a_question_does_not_lean_on_an_owners_act_it_never_says() -> None:
    from quiz.generate.nlp import load_model, parse
    from quiz.generate.shells import owned_act

    bare, said = parse(load_model(), [
        "In support of the council's order, the Harbor Board closed the western docks.",
        "In support of the council's order to close the docks, the Harbor Board hired forty guards.",
    ])
    assert owned_act(list(bare))
    assert not owned_act(list(said))  # the order says what it is
