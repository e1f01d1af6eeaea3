"""Wh-questions asked from plain clauses where the text allows: titled people, resolved
references, coordinated verbs, counts and places. Each test has its positive control (the
question that should exist does) beside what must not be asked. Sentences are invented."""

from __future__ import annotations

from quiz.generate import generate


def candidate_texts(text: str) -> dict[str, str]:
    """Every candidate that passes the filters, before ranking and the card budget: text -> answer."""
    from quiz.generate.candidates import candidates
    from quiz.generate.clean import clean_article
    from quiz.generate.extract import sentences
    from quiz.generate.filters import keep
    from quiz.generate.nlp import build_entities, load_model, parse

    article = clean_article("article.txt", text)
    docs = parse(load_model(), [p.text for p in article.paragraphs])
    entities = build_entities([docs])
    found = {}
    for sentence in sentences(0, "article", article.paragraphs, docs, entities):
        for candidate in candidates(sentence, entities):
            if keep(candidate):
                found[candidate.text] = candidate.mention.answer
    return found


def test_a_titled_person_is_asked_by_the_title() -> None:
    found = candidate_texts("Secretary of State Helen Marsh rejected the offer from the grain traders.")
    assert found.get("Which secretary of state rejected the offer from the grain traders?") == "Helen Marsh"


def test_a_nationality_in_the_title_keeps_its_capital() -> None:
    found = candidate_texts("Norwegian Prime Minister Erik Solbakken opened the new bridge over the fjord in 1994.")
    assert any(text.startswith("Which Norwegian prime minister opened the new bridge") for text in found), found


def test_a_question_ending_on_an_abbreviation_keeps_its_period() -> None:
    found = candidate_texts("Ambassador Lena Voss travelled to the ceremony to speak on behalf of the U.S.")
    questions = [text for text in found if text.endswith("?")]
    assert questions and all(not text.endswith("U.S?") for text in questions)
    assert any(text.endswith("U.S.?") for text in questions)


def test_a_suggestion_is_no_fact_to_ask() -> None:
    found = candidate_texts("In 1910 the trade minister Paul Ardent suggested that three ports build a shared customs house.")
    assert not any(text.startswith("How many ports") for text in found)
    assert any("{{three}}" in text for text in found)  # the cloze keeps the suggestion


RESOLVED = "Pierre Duval founded the bakery in 1921. In 1934, three fires destroyed his workshop near the river."


def test_a_resolved_reference_is_shown_in_the_question() -> None:
    found = candidate_texts(RESOLVED)
    assert found.get("In 1934, how many fires destroyed Pierre Duval's workshop near the river?") == "three", found
    assert not any(" his " in text for text in found if text.endswith("?"))


def test_deck_holds_a_question_for_a_resolved_clause() -> None:
    deck = generate([("a.txt", RESOLVED)])
    assert any(entry.question and "Pierre Duval's workshop" in entry.question for entry in deck.entries)


def test_how_many_keeps_the_counted_nouns_of_phrase_and_drops_a_list_of_what_is_counted() -> None:
    from generate_cards import offered

    species = {c.text for c in offered("The old harbour of Truro has 14 species of gulls.") if c.kind == "howmany"}
    assert "How many species of gulls does the old harbour of Truro have?" in species, species
    zones = {c.text for c in offered("In 1921, Mayor Hale outlined three separate zones of trade: the north, the south and the coast.") if c.kind == "howmany"}
    assert "In 1921, how many separate zones of trade did Mayor Hale outline?" in zones, zones
    crossings = {c.text for c in offered("The ferry completed approximately 3,100 crossings of the bay and a voyage of more than 9,000 miles.") if c.kind == "howmany"}
    assert not any("and a voyage" in text for text in crossings), crossings  # a count of the first of two nouns is no question of both


def test_a_temperature_is_asked_as_one() -> None:
    from generate_cards import offered

    asked = {c.text: c.answer for c in offered("The cabins of old ferries can reach 110º F, so ways to keep sailors cool are critical.") if c.kind != "truefalse"}
    assert asked.get("What temperature can the cabins of old ferries reach?") == "110º F", asked
    assert "What can the cabins of old ferries reach?" not in asked, asked
