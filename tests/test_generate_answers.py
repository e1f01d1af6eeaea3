"""Which words of a sentence can be answers: names, dates, counts, measures, ordinals and terms.
Each test is a sentence written for it; a card must ask for the answer and read as a whole card."""

from __future__ import annotations

import pytest
from generate_cards import asked, made, offered, problems, well_formed


def gaps(text: str) -> dict[str, str]:
    """Answer -> a cloze candidate asking for it (before ranking and the card budget)."""
    return {c.answer: c.text for c in offered(text) if c.kind == "cloze" and well_formed(c)}


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Portugal became the 27th country to ratify the fisheries treaty in Lisbon, officials in Brussels confirmed.", "27th"),
        ("The harbour master retired in Bristol in 2019 at the age of 81 after a long career at sea.", "81"),
        ("Seventeen schools in the valley closed their doors during the winter storms of the year before.", "Seventeen"),
        ("The probe sends a signal back to the ground station in Madrid every 2.5 seconds while it is in orbit.", "2.5 seconds"),
        ("The oldest stars in the cluster formed more than 12 billion years ago, the survey of the sky found.", "12 billion years"),
        ("The council created a 12-mile zone around the lake in which no motor boats may be used at all.", "12-mile"),
        ("The Hubble telescope has been watching the dust clouds of Orion over the past 9.5 billion years.", "9.5 billion years"),
        ("Volunteers in Leeds tested the new app and most finished the setup in less than three hours last spring.", "three hours"),
        ("The old quarry near Bristol covers 2,400 acres of land that the council bought from a mining firm in 1998.", "2,400 acres"),
        ("The lifeboat crew from Whitby crossed the flooded estuary three times to reach the stranded ferry in 1954.", "three times"),
    ],
)
def test_counts_measures_ordinals_and_ages_are_answers(text: str, answer: str) -> None:
    found = gaps(text)
    assert answer in found, [(c.text, c.answer, problems(c)) for c in offered(text)]


def test_a_measure_naming_a_persons_title_is_no_answer() -> None:
    text = "Alvarez, a former 10,000-metre champion, won the city race in Seville in 2022 after a late sprint."
    found = offered(text)
    assert not asked(found, "10,000-metre") and found


def test_first_is_too_easy_an_ordinal_and_ordinal_choices_keep_their_form() -> None:
    text = (
        "The Danube was the first river in Europe to be surveyed from the air, in 1921. Austria became the 14th state to join "
        "the river commission in 1925, and Hungary the 15th state in 1926."
    )
    cards = made(text, kinds=["cloze"])
    assert not asked(cards, "first")
    for card in asked(cards, "14th") + asked(cards, "15th"):
        assert card.choices and all(choice[:-2].isdigit() and choice[-2:] in ("st", "nd", "rd", "th") for choice in card.choices)


@pytest.mark.parametrize(
    ("text", "answer", "type_"),
    [
        ("The samples were analysed at the Marston Space Research Center in Ohio in 2019 by a team of chemists.", "Marston Space Research Center", "organization"),
        ("The treaty was signed in Geneva by Trade Commissioner Ilse Varga of Austria in 1998.", "Ilse Varga", "person"),
        ("The satellite Aster-7 was launched from a base in Kenya in 2014 to map the glaciers.", "Aster-7", "thing"),
        ("President Ahn Ji-woo opened the new harbour in Busan in 2017 in front of a large crowd.", "Ahn Ji-woo", "person"),
    ],
)
def test_names_the_tagger_misses_are_answers(text: str, answer: str, type_: str) -> None:
    found = [c for c in offered(text) if c.answer == answer]
    assert found and all(c.type == type_ for c in found), [(c.text, c.answer, c.type) for c in offered(text)]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Soil erosion is the main threat to the farms of the valley, the report of the ministry found.", "Soil erosion"),
        ("Farmers in Kent grow wheat and beans in turn, a practice known as crop rotation that keeps the soil rich.", "crop rotation"),
        ("Over the following decades the fields met the oldest enemy of the coast – salt water from the rising sea.", "salt water"),
        ("The new instrument on the ship is a thermal radiometer that records heat from the surface of the sea.", "thermal radiometer"),
    ],
)
def test_terms_a_sentence_defines_or_names_are_answers(text: str, answer: str) -> None:
    assert answer in gaps(text), [(c.text, c.answer) for c in offered(text)]


def test_a_vague_or_general_noun_is_no_term() -> None:
    text = (
        "The new program covers a large area of the coast and several other parts of the bay near Hull. "
        "The draining of the marsh means the end of rare features and of heavy enemy fire, the team said in 2004. "
        "The program is an international effort of six nations. Hull is the home of a practice known as crop rotation."
    )
    found = {c.answer for c in offered(text)}
    assert "crop rotation" in found  # what the text names is still a term
    assert not {"area", "large area", "new program", "program", "other parts", "parts", "rare features", "heavy enemy fire", "international effort"} & found


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Economists in Vienna described the pattern, known as the law of diminishing returns, in a study of farms in Austria in 1911.", "law of diminishing returns"),
        ("The rule, known as “balance of the seasons,” was first written down by Otto Berg in Bergen in 1864.", "balance of the seasons"),
    ],
)
def test_a_named_term_keeps_the_phrase_after_its_head(text: str, term: str) -> None:
    found = gaps(text)
    assert term in found and term.split()[0] not in found, found
