"""A name owned by another inside one tagged name is a name of its own (quiz/generate/names.py):
"the Harbor Authority’s Port Safety and Rescue Office" holds two. Sentences written for these tests."""

from __future__ import annotations

from quiz.generate.names import owned_name
from quiz.generate.nlp import load_model


def test_what_follows_an_owners_s_is_a_name_of_its_own() -> None:
    doc = load_model()("Ships report to the Port Safety and Rescue Office every morning.")
    assert owned_name(doc[4:9])  # "Port Safety and Rescue Office"


def test_one_word_or_a_common_phrase_after_the_owner_is_no_name() -> None:
    doc = load_model()("Ships report to the Theatre and the old harbour office every morning.")
    assert not owned_name(doc[4:5])  # "Theatre": one word, the owner's name goes with it
    assert not owned_name(doc[6:10])  # "the old harbour office": common words


def test_a_tagged_name_holding_an_owner_gives_both_names() -> None:
    from quiz.generate.names import name_spans
    from quiz.generate.nlp import build_entities

    doc = load_model()("In 1931 the ships reported to the Harbor Authority’s Port Safety and Rescue Office every morning.")
    assert any(e.text.endswith("Authority’s Port Safety and Rescue Office") for e in doc.ents)  # the tagger runs them together
    found = [s.text for s in name_spans(doc[:], build_entities([[doc]]))]
    assert "Port Safety and Rescue Office" in found and "Harbor Authority" in found


def test_a_capitalised_word_the_tagger_does_not_know_before_a_name_word_is_part_of_the_name() -> None:
    from spacy.tokens import Doc

    from quiz.generate.names import name_spans
    from quiz.generate.nlp import build_entities, load_model

    def spans(first: str, tag: str) -> list[str]:
        words = ["In", "2019", "the", "office", "reported", "a", "flood", "in", first, "District", "."]
        tags = ["IN", "CD", "DT", "NN", "VBD", "DT", "NN", "IN", tag, "NNP", "."]
        heads = [4, 0, 3, 4, 4, 6, 4, 6, 9, 7, 4]
        deps = ["prep", "pobj", "det", "nsubj", "ROOT", "det", "dobj", "prep", "compound", "pobj", "punct"]
        doc = Doc(load_model().vocab, words=words, tags=tags, heads=heads, deps=deps)
        return [span.text for span in name_spans(doc[:], build_entities([[doc]]))]

    assert "M’Bele District" in spans("M’Bele", "NN")  # tagged as a common noun, with an apostrophe inside
    assert "Tamale District" in spans("Tamale", "NNP")  # control: a proper noun as tagged
    assert "mountain District" not in spans("mountain", "NN")  # a lower-case word is no part of a name
