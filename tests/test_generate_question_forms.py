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
    found = candidate_texts("Engineer Lena Voss built the first steel mill in the U.S.")
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


def test_a_second_verb_sharing_the_subject_is_asked_for() -> None:
    found = candidate_texts("The railway company closed the old station and sold the land in 1974.")
    assert found.get("In what year did the railway company sell the land?") == "1974"


def test_a_second_verb_whose_own_subject_was_lost_or_whose_object_is_elsewhere_is_not() -> None:
    # The parser hangs "Ostravia" on "Coast": the fog did not proclaim a constitution. "took
    # control" needs the hall the first verb names.
    found = candidate_texts("Thick fog kept the fleet from the harbours of the Verran Coast and Ostravia proclaimed a new constitution on June 8, 1877.")
    assert "June 8, 1877" in found.values() and not [q for q in found if "proclaim a new constitution" in q]
    found = candidate_texts("The guild rented the hall from the bishop in 1620 and took control in 1623.")
    assert found.get("In what year did the guild rent the hall from the bishop?") == "1620"  # the control
    assert not [q for q, a in found.items() if a == "1623" and q.endswith("?")]


def test_who_said_a_whole_quotation_is_asked() -> None:
    found = candidate_texts("“The river has never been this low in August,” said hydrologist Marta Quist. The dam opened in 1961.")
    assert found.get("Which hydrologist said, “The river has never been this low in August”?") == "Marta Quist"
    # A quotation begun in the sentence before, or a speaker who says more after it, is only a cloze.
    found = candidate_texts("“The river is low. It has never been this low in August,” said hydrologist Marta Quist, adding that the boats cannot pass.")
    assert "Marta Quist" in found.values() and not [q for q in found if q.endswith("?")]


def test_an_opening_participle_or_a_long_opening_is_left_out_of_the_question() -> None:
    found = candidate_texts("Founded by a baker from the coast of Brittany, the small bakery opened a second shop in 1987.")
    assert found.get("In what year did the small bakery open a second shop?") == "1987"
    found = candidate_texts(
        "With the steady support of the three largest banks of the northern provinces and of the old merchant families of the coast, "
        "Piet Vermeer bought the shipyard from its founders in 1887."
    )
    assert found.get("In what year did Piet Vermeer buy the shipyard?") == "1887"


def test_an_opening_holding_a_whole_relative_clause_still_gives_questions() -> None:
    found = candidate_texts(
        "In the long and bitter winter that followed the failed harvest of the previous autumn, the Tallinn Grain Company bought wheat from farmers in Canada."
    )
    assert found.get("In the long and bitter winter that followed the failed harvest, which company bought wheat from farmers in Canada?") == "Tallinn Grain Company"


def test_an_opening_that_points_elsewhere_is_left_out_and_the_rest_asked() -> None:
    # "Under these orders" points at an earlier sentence; the clause after it does not.
    found = candidate_texts("Under these rules, the night trains left the capital on April 9, 1932.")
    assert found.get("When did the night trains leave the capital?") == "April 9, 1932"


def test_a_past_tense_tagged_as_a_participle_is_asked_with_did() -> None:
    # The tagger reads "advanced" here as a participle (VBN) with no auxiliary.
    found = candidate_texts("Under these orders, cavalry units advanced along the southern coast on April 9, 1932, reaching two harbours.")
    assert found.get("When did cavalry units advance along the southern coast?") == "April 9, 1932"


def test_one_of_two_joined_subjects_is_asked_with_the_other_beside_it() -> None:
    found = candidate_texts("Mayor Ana Ruiz and Governor Tom Hale opened the new bridge over the river.")
    assert found.get("Which mayor, together with Governor Tom Hale, opened the new bridge over the river?") == "Ana Ruiz"
    assert found.get("Which governor, together with Mayor Ana Ruiz, opened the new bridge over the river?") == "Tom Hale"
    # Three or more subjects would need the rest listed: only the date is asked.
    found = candidate_texts("Portugal, Spain and France signed a treaty of friendship in Lisbon in 1668.")
    assert found.get("In what year did Portugal, Spain and France sign a treaty of friendship in Lisbon?") == "1668"
    assert not [q for q in found if "together with" in q]


def test_how_many_keeps_the_counted_nouns_of_phrase_and_drops_a_list_of_what_is_counted() -> None:
    from generate_cards import offered

    species = {c.text for c in offered("The old harbour of Truro has 14 species of gulls.") if c.kind == "howmany"}
    assert "How many species of gulls does the old harbour of Truro have?" in species, species
    grains = {c.text for c in offered("In 1884, the abbot named four kinds of grain: wheat, rye, oats and barley.") if c.kind == "howmany"}
    assert "In 1884, how many kinds of grain did the abbot name?" in grains, grains
    sightings = {c.text for c in offered("The lighthouse keeper recorded about 2,700 sightings of whales and a flight of more than 500 geese.") if c.kind == "howmany"}
    assert not any("and a flight" in text for text in sightings), sightings  # a count of the first of two nouns is no question of both


def test_a_temperature_is_asked_as_one() -> None:
    from generate_cards import offered

    asked = {c.text: c.answer for c in offered("The ovens of the bakery can reach 300º C, so the bakers start work before dawn.") if c.kind != "truefalse"}
    assert asked.get("What temperature can the ovens of the bakery reach?") == "300º C", asked
    assert "What can the ovens of the bakery reach?" not in asked, asked


def test_a_participle_modifying_a_noun_is_asked_for_its_date_or_its_agent() -> None:
    found = candidate_texts("The Harwell Bridge survey, completed in 2011, found cracks in two of its piers.")
    assert found.get("In what year was the Harwell Bridge survey completed?") == "2011"
    found = candidate_texts("The Danube Flood Model built by the Vienna Institute of Hydrology warns towns of rising water.")
    assert found.get("Which institute built the Danube Flood Model?") == "Vienna Institute of Hydrology"
    found = candidate_texts("Farmers now draw water from a Nile Delta reservoir built in 1964.")
    assert found.get("In what year was the Nile Delta reservoir built?") == "1964"


def test_a_participle_of_a_noun_naming_nothing_in_particular_gives_no_question() -> None:
    found = candidate_texts("The survey, completed in 2011, found cracks in two piers of the old bridge at Harwell.")
    assert "2011" in found.values() and not [q for q in found if q.endswith("?") and "survey" in q]


def test_a_count_in_a_phrase_is_asked_how_many_or_how_long() -> None:
    found = candidate_texts("The pilot Ida Holm flew a total of 310 hours over the desert in two summers.")
    assert found.get("How long did the pilot Ida Holm fly over the desert in two summers?") == "310 hours"
    found = candidate_texts("The bakery chain now sells its bread in 14 countries across Europe.")
    assert found.get("In how many countries does the bakery chain now sell its bread across Europe?") == "14"
    found = candidate_texts("Choirs of 40 parishes sang in the cathedral at the jubilee of 1935.")
    assert found.get("Choirs of how many parishes sang in the cathedral at the jubilee of 1935?") == "40"


def test_a_qualified_count_in_a_phrase_stays_a_cloze() -> None:
    found = candidate_texts("The bakery chain now sells its bread in about 14 countries across Europe.")
    assert "14" in found.values() and not [q for q in found if q.endswith("?")]


def test_a_span_from_one_date_to_another_is_asked_when() -> None:
    found = candidate_texts("From 1851 to 1856, the painter Emil Kraus taught drawing at the academy in Prague.")
    assert found.get("When did the painter Emil Kraus teach drawing at the academy in Prague?") == "1851 to 1856"
    found = candidate_texts("The ferry carried mail between the two islands from 1911-1947.")
    assert found.get("When did the ferry carry mail between the two islands?") == "1911-1947"


def test_a_span_beside_another_span_of_the_same_verb_is_not_asked() -> None:
    # "When did the judge sit on the high court?" would have two answers.
    found = candidate_texts("The judge sat on the high court from 1901 to 1909, during the first reform, and from 1915 to 1920, during the second.")
    assert "1901 to 1909" in found.values() and not [q for q in found if q.endswith("?")]


def test_a_term_defined_by_the_one_thing_it_is_is_asked_what() -> None:
    found = candidate_texts("Soil salinity is the main threat to rice farming in the delta.")
    assert found.get("What is the main threat to rice farming in the delta?") == "Soil salinity"
    # "one threat" leaves others as true: only the cloze.
    found = candidate_texts("Soil salinity is one threat to rice farming in the delta.")
    assert "Soil salinity" in found.values() and not [q for q in found if q.endswith("?")]


def test_a_dash_inside_a_name_is_no_aside_to_cut() -> None:
    found = candidate_texts("The Baltic Survey is the successor to the Harbour Watch – B (HW-B) Programme.")
    assert found.get("Which institution is the successor to the Harbour Watch – B (HW-B) Programme?") == "Baltic Survey"


def test_the_name_a_definite_subject_is_is_asked_for() -> None:
    found = candidate_texts("The museum has had several curators. During the war years, the curator of the museum was Ruth Adler.")
    assert found.get("During the war years, who was the curator of the museum?") == "Ruth Adler"
    # "A trustee … was X" leaves the other trustees: only the cloze.
    found = candidate_texts("During the war years, a trustee of the museum was Ruth Adler.")
    assert "Ruth Adler" in found.values() and not [q for q, a in found.items() if a == "Ruth Adler" and q.endswith("?")]


def test_what_a_named_noun_is_known_as_is_asked_by_name() -> None:
    found = candidate_texts("In 1908, the glass firm Hollin Works, now known as Vetra Glass, opened a furnace in the old docks.")
    assert found.get("By what name is the glass firm Hollin Works now known?") == "Vetra Glass"
    found = candidate_texts("Frost heaving, also known as “ground lift,” is the main cause of cracked roads in the north.")
    assert found.get("By what name is frost heaving also known?") == "ground lift"
    # "the device" alone could be any device: no question.
    found = candidate_texts("The device, known as the Harrow Valve, cut water losses by half.")
    assert "Harrow Valve" in found.values() and not [q for q in found if q.startswith("By what name")]


def test_an_opening_participle_of_a_past_sentence_is_asked_with_its_subject() -> None:
    found = candidate_texts("Leaving the navy in 1919, the young officer founded a shipping company in Bergen.")
    assert found.get("In what year did the young officer leave the navy?") == "1919"
    # Before a future, the participle's time is not the past: no "did".
    found = candidate_texts("Leaving the navy in 1919, the young officer will found a shipping company in Bergen.")
    assert "1919" in found.values() and not [q for q in found if "leave the navy" in q]


def test_examples_after_including_are_left_out_of_the_question() -> None:
    found = candidate_texts(
        "The archive keeps 300 medieval charters including royal grants, town laws and guild rules, "
        "as well as a few maps of the old roads along the coast."
    )
    assert found.get("How many medieval charters does the archive keep?") == "300"


def test_a_place_after_from_is_asked_from_where() -> None:
    found = candidate_texts("The research ship sailed from Hamburg in March 1998 with a crew of forty.")
    assert found.get("From where did the research ship sail in March 1998 with a crew of forty?") == "Hamburg"


def test_a_count_opening_the_clause_is_asked_with_its_preposition() -> None:
    found = candidate_texts("Within two years, the beekeepers of the valley doubled their honey harvest.")
    assert found.get("Within how many years did the beekeepers of the valley double their honey harvest?") == "two years"


def test_a_bounded_count_in_a_phrase_is_not_asked_as_if_exact() -> None:
    # "In how many days …? five days" would drop "less than".
    found = candidate_texts("Volunteers can repaint the whole pier in less than five days.")
    assert "five days" in found.values() and not [q for q in found if q.endswith("?")]
