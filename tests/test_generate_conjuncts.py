"""Gaps on one member of a list of names (quiz/generate/conjuncts.py): a place of a list, one of
three names or more, or one of two names the article has already named together. Sentences
written for these tests, each with the card the same text still makes as its positive control."""

from __future__ import annotations

from generate_cards import made, offered

from quiz.generate import conjuncts
from quiz.generate.candidates import candidates
from quiz.generate.clean import clean_article
from quiz.generate.extract import mentions, sentences
from quiz.generate.nlp import build_entities, load_model, parse
from quiz.generate.types import Candidate, Mention


def gaps(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


def clozes(text: str) -> list[tuple[Candidate, list[Mention]]]:
    """Every cloze candidate of the text, unfiltered, with the names of its sentence."""
    docs = parse(load_model(), [text])
    entities = build_entities([docs])
    found = []
    for sentence in sentences(0, "article", clean_article("article.txt", text).paragraphs, docs, entities):
        names = mentions(sentence, entities)
        found += [(c, names) for c in candidates(sentence, entities, names) if c.kind == "cloze"]
    return found


def listed(candidate: Candidate, names: list[Mention]) -> bool:
    return conjuncts.one_of_list(candidate) or conjuncts.list_member(candidate, names, [])


def test_a_written_list_the_parser_did_not_join_is_a_list() -> None:
    found = {c.mention.text: listed(c, names) for c, names in clozes("The regiment fought in the Crimean War, the Boer War, and the Great War before it was disbanded in 1922.")}
    assert found == {"Crimean War": True, "Boer War": True, "Great War": True, "1922": False}, found


def test_places_in_the_same_slot_of_two_joined_phrases_are_a_list() -> None:
    text = "In 1898 the navy sent two cruisers to Port Ada (on the Baltic Sea) and Brill (on the Black Sea) to guard the new cable."
    found = {c.mention.text: listed(c, names) for c, names in clozes(text)}
    assert found.get("Baltic Sea") is True and found.get("Black Sea") is True, found  # "(on the ___) and Brill (on the Black Sea)"
    assert found.get("1898") is False, found


def test_a_place_ending_a_clause_and_the_person_opening_the_next_are_no_list() -> None:
    text = "Consul Tom Weir came to the launch in Bergen to talk for Norway, and Ada Byrne, the fishing minister of Sweden, named the ship in 1921."
    found = {c.mention.text: listed(c, names) for c, names in clozes(text)}
    assert found.get("Norway") is False and found.get("Bergen") is False, found


def test_a_town_and_its_country_are_no_list() -> None:
    found = {c.mention.text: listed(c, names) for c, names in clozes("The wedding was held at the Harbor Hotel in Bergen, Norway, in 1921.")}
    assert found.get("Bergen") is False and found.get("1921") is False, found


def test_a_place_of_a_list_is_no_answer() -> None:
    found = gaps("Months of tension between Norway, Sweden and Finland ended with a fishing treaty signed in Bergen in 1921.")
    assert not any(answer in ("Norway", "Sweden", "Finland") for answer in found.values()), found
    assert "Bergen" in found.values(), found  # positive control: the place the sentence sets apart is asked
    pair = gaps("In 1921 the ferry treaty was signed in Lisbon by Chile and Peru.")
    assert not any(answer in ("Chile", "Peru") for answer in pair.values()), pair  # "by ___ and Peru": the other points to it
    assert "Lisbon" in pair.values(), pair


def test_one_of_three_names_is_no_answer() -> None:
    found = gaps("The museum bought paintings by Ada Byrne, Tom Weir and Lena Cole for its new wing in 1921.")
    assert not any(answer in ("Ada Byrne", "Tom Weir", "Lena Cole") for answer in found.values()), found
    assert "1921" in found.values(), found


def test_a_name_at_the_end_of_a_list_of_three_nouns_is_no_answer() -> None:
    found = {c.mention.text: listed(c, names) for c, names in clozes("The new charter honored nurses, teachers, and the Harbor Guild in 1921.")}
    assert found.get("Harbor Guild") is True and found.get("1921") is False, found  # any group fits "nurses, teachers, and ___"
    opening = {c.mention.text: listed(c, names) for c, names in clozes("In the wake of the Tamar Flood, officials and citizens rebuilt the old bridge in 1921.")}
    assert opening.get("Tamar Flood") is False, opening  # an opening phrase the parser may chain to the subjects is no list


def test_two_people_named_together_first_are_asked() -> None:
    found = gaps("In 1921 the ferry treaty was signed in Lisbon by Ada Byrne and Tom Weir.")
    assert "Tom Weir" in found.values(), found  # who signed with Byrne is worth learning


def test_a_pair_named_together_before_is_no_answer_again() -> None:
    text = (
        "Peace advocates Ada Byrne and Tom Weir led the long campaign against the ferry tolls on the western coast. "
        "With the help of Weir and Byrne, the campaign won over the mayors of the harbor towns on the western coast."
    )
    assert any("With the help of" in card for card in gaps(text)), "the filters alone keep the second sentence's gap"
    cards = made(text, kinds=["cloze"])
    assert not any(card.text.startswith("With the help of") for card in cards), cards
    assert any(card.answer in ("Ada Byrne", "Tom Weir") and card.text.startswith("Peace advocates") for card in cards), cards
