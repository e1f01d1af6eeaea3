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
    # The parser hangs "Ruritania" on "Hills": the rain did not declare a republic, Ruritania did
    # (lost.py). "took custody" needs the ledger the first verb names.
    found = candidate_texts("Heavy rain kept the army from the valleys of the Ardent Hills and Ruritania declared a republic on May 3, 1921.")
    assert found.get("When did Ruritania declare a republic?") == "May 3, 1921", found
    assert not [q for q in found if "rain" in q and "declare a republic" in q], found
    found = candidate_texts("The abbey bought the ledger from a bookseller in 1750 and took custody in 1752.")
    assert found.get("In what year did the abbey buy the ledger from a bookseller?") == "1750"  # the control
    assert not [q for q, a in found.items() if a == "1752" and q.endswith("?")]


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
    assert "About how many sightings of whales did the lighthouse keeper record?" in sightings, sightings  # the first asked alone


def test_how_many_of_a_count_shared_by_two_nouns_is_not_asked_of_one() -> None:
    from generate_cards import offered

    both = {c.text for c in offered("The old ferry carried 500 men and women across the strait in 1921.") if c.kind == "howmany"}
    assert not any("how many men" in text.casefold() for text in both), both  # the 500 are men and women together
    apart = {c.text for c in offered("The old ferry carried 500 sheep and a herd of 40 cattle across the strait in 1921.") if c.kind == "howmany"}
    assert any(text.startswith("How many sheep did the old ferry carry") and "cattle" not in text for text in apart), apart


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
    # "one threat" leaves others as true, for a question as for a gap (instances.py).
    found = candidate_texts("Soil salinity is one threat to rice farming in the delta.")
    assert "Soil salinity" not in found.values()  # the "main threat" above is the positive control


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
    found = candidate_texts("Within three weeks of taking office, the new mayor Ana Ruiz opened talks with the northern towns about the bridge.")
    assert found.get("Within how many weeks of taking office did the new mayor Ana Ruiz open talks with the northern towns about the bridge?") == "three weeks"
    # Without "of …" the weeks count from an event the card does not name (trivial._span_from_before).
    unanchored = candidate_texts("Within three weeks, the new mayor Ana Ruiz opened talks with the northern towns about the bridge.")
    assert not [q for q in unanchored if q.endswith("?")] and "three weeks" not in unanchored.values(), unanchored


def test_a_bounded_count_in_a_phrase_is_not_asked_as_if_exact() -> None:
    # "In how many days …? five days" would drop "less than".
    found = candidate_texts("Volunteers can repaint the whole pier in less than five days.")
    assert "five days" in found.values() and not [q for q in found if q.endswith("?")]


def test_a_place_hung_on_a_person_is_where_the_act_took_place() -> None:
    # The parser attaches "in Vienna" to the name; the meeting is what took place there.
    found = candidate_texts("The trade envoy talked with Chancellor Maria Keller in Vienna.")
    assert found.get("Where did the trade envoy talk with Chancellor Maria Keller?") == "Vienna", found
    assert found.get("With which chancellor did the trade envoy talk in Vienna?") == "Maria Keller", found
    # A common noun's place stays its own: the bridge is in Vienna, the meeting need not be.
    found = candidate_texts("The trade envoy admired the old bridge in Vienna.")
    assert not any(text.startswith("Where did") for text in found), found


def test_an_organisation_named_by_owner_and_kind_is_asked_with_who() -> None:
    found = candidate_texts("The U.S. Navy signed the salvage agreement in 1921.")
    assert found.get("Who signed the salvage agreement in 1921?") == "U.S. Navy", found
    assert not any(text.startswith("Which navy") for text in found), found


def test_each_end_of_a_span_of_two_years_is_asked_with_the_other_kept() -> None:
    found = candidate_texts("From 1961 until 1970, the old ferry company ran the night crossing to the island.")
    assert found.get("From what year until 1970 did the old ferry company run the night crossing to the island?") == "1961", found
    assert found.get("From 1961 until what year did the old ferry company run the night crossing to the island?") == "1970", found
    # An end with a word before its year ("early 1970"): the plain years only; the period is one answer (periods.py).
    found = candidate_texts("From 1961 until early 1970, the old ferry company ran the night crossing to the island.")
    assert not any(text.startswith("From what year") for text in found), found
    assert found.get("When did the old ferry company run the night crossing to the island?") == "1961 until early 1970", found


def test_an_office_set_off_after_the_subject_asks_for_the_person() -> None:
    found = candidate_texts("Lena Voss, Director of the Tamar Museum, opened the new wing in 1990.")
    assert found.get("Which Director of the Tamar Museum opened the new wing in 1990?") == "Lena Voss", found
    found = candidate_texts("Tom Akers, the chief editor of the atlas, signed the charter for the museum.")
    assert not any(text.startswith("Which chief editor") for text in found), found
    assert any("{{Tom Akers}}" in text for text in found), found


def test_a_subject_name_with_its_year_is_asked_with_the_year_kept() -> None:
    found = candidate_texts("The Harbor Act of 1907 replaced the earlier river tolls and opened the docks to foreign ships.")
    assert found.get("Which act of 1907 replaced the earlier river tolls?") == "Harbor Act", found
    assert not any(text.startswith("Which act replaced") for text in found), found  # the year says which act


def test_a_party_hung_on_the_verbs_object_is_asked_with_its_preposition() -> None:
    found = candidate_texts("The guild held long talks with Portugal about the wool tax.")
    assert found.get("With which country did the guild hold long talks about the wool tax?") == "Portugal", found
    found = candidate_texts("In 1903 the envoy signed a trade pact with Foreign Minister Lena Ruiz to open the northern ports.")
    assert found.get("In 1903, with which foreign minister did the envoy sign a trade pact to open the northern ports?") == "Lena Ruiz", found
    # "of" is no party to the act: "the history of Portugal" stays a cloze.
    found = candidate_texts("The old professor wrote a long history of Portugal in 1921.")
    assert not any(text.startswith("Of which") for text in found), found
    assert any("{{Portugal}}" in text for text in found), found


def test_a_title_the_parser_hung_on_the_opening_phrase_asks_for_the_subject() -> None:
    found = candidate_texts("After talks with Lund and Berg, Danish Minister of Veterans Affairs Jens Holm founded a hospital for sailors.")
    assert found.get("After talks with Lund and Berg, which Danish Minister of Veterans Affairs founded a hospital for sailors?") == "Jens Holm", found
    assert not any("which Affairs" in text for text in found), found  # the title's tail read as the subject's


def test_a_day_is_asked_on_what_date_where_when_would_be_too_short() -> None:
    found = candidate_texts("On May 3, 1921, Ana Ruiz was elected.")
    assert found.get("On what date was Ana Ruiz elected?") == "May 3, 1921", found
    found = candidate_texts("The Harbor Accord, signed on May 3, 1921, ended the long dispute over the fishing grounds.")
    assert found.get("On what date was the Harbor Accord signed?") == "May 3, 1921", found
    # A longer question keeps its plain "When".
    found = candidate_texts("The council of the northern province elected Ana Ruiz as its new treasurer on May 3, 1921.")
    assert not any(text.startswith("On what date") for text in found), found
    assert found.get("When did the council of the northern province elect Ana Ruiz as its new treasurer?") == "May 3, 1921", found


def test_a_number_framed_as_an_age_a_vote_or_a_count_of_times_is_asked_by_its_frame() -> None:
    found = candidate_texts("The poet Ana Lind died in Bergen in the winter of 1931 at the age of 87.")
    assert found.get("At what age did the poet Ana Lind die in Bergen in the winter of 1931?") == "87", found
    found = candidate_texts("The city council passed the harbor budget on May 4, 1962, by a vote of 61 to 9.")
    assert found.get("By what vote did the city council pass the harbor budget on May 4, 1962?") == "61 to 9", found
    found = candidate_texts("The ferry pilot circled the harbor four times before landing.")
    assert found.get("How many times did the ferry pilot circle the harbor before landing?") == "four times", found
    # A vote of a committee, not the act's margin, is no frame of the number.
    found = candidate_texts("The city council passed the harbor budget after a vote of 61 members in May 1962.")
    assert not any(text.startswith("By what vote") for text in found), found


def test_the_last_name_of_a_listed_subject_is_not_taken_for_a_lost_subject() -> None:
    found = candidate_texts("The divers Anna Lind, Per Holm and Erik Berg form the rescue team of the harbor.")
    assert not any(text.startswith(("What do", "Who makes up")) for text in found), found
    assert any("{{" in text for text in found), found


def test_a_titled_person_the_subject_comes_from_is_asked_by_the_title() -> None:
    found = candidate_texts("Letters from Governor Tom Akers reached the port in May 1921.")
    assert found.get("Letters from which governor reached the port in May 1921?") == "Tom Akers", found
    # A present verb of a plural subject would be made singular ("Letters … reaches"): not asked.
    found = candidate_texts("Letters from Governor Tom Akers reach the port every May.")
    assert not any(text.startswith("Letters from which") for text in found), found


def test_a_value_is_asked_at_how_much() -> None:
    found = candidate_texts("The old bridge over the river was valued at $2 million in 1990.")
    assert found.get("At how much was the old bridge over the river valued in 1990?") == "$2 million", found
    found = candidate_texts("The new dam project is valued at roughly $48 million.")
    assert found.get("At about how much is the new dam project valued?") == "$48 million", found


def test_the_party_of_what_a_verb_enters_into_is_asked_with_whom() -> None:
    found = candidate_texts("In 1921 the city council entered into a long lease with the Harbor Trust for the old docks.")
    assert found.get("In 1921, with whom did the city council enter into a long lease for the old docks?") == "Harbor Trust", found
    assert not any("with who " in text for text in found), found


def test_a_ship_named_as_one_is_asked_aboard_which_ship() -> None:
    found = candidate_texts("The botanist Carl Lund sailed to Java aboard H.M.S. Endeavour in 1771.")
    assert found.get("Aboard which ship did the botanist Carl Lund sail to Java in 1771?") == "H.M.S. Endeavour", found


def test_a_town_set_off_with_its_region_is_asked_where() -> None:
    found = candidate_texts("The painter Ana Ruiz died in Austin, Texas, in 1990.")
    assert found.get("Where did the painter Ana Ruiz die in 1990?") == "Austin", found
    # Set off by a comma after a named object, the town may be the object's, not the act's.
    found = candidate_texts("This week the mayor opened a clinic beside the Coral Bay Reserve, in Austin, Texas.")
    assert not any(text.startswith("Where did the mayor open") for text in found), found
    assert any("{{Austin}}" in text for text in found), found


def test_a_vote_tally_gets_no_scaled_options() -> None:
    from generate_cards import made

    text = (
        "The city council passed the harbor budget on May 4, 1962, by a vote of 61 to 9. The council met 14 times that year. "
        "The court heard 36 cases in 1946, and the senate held 120 sessions in 1947."
    )
    votes = [c for c in made(text) if c.answer == "61 to 9"]
    assert votes and all(not c.choices for c in votes), votes


def test_a_name_before_the_noun_of_what_it_names_is_asked_by_the_noun() -> None:
    found = candidate_texts("The painters' fair was held at the Grand Harbour hotel in Valletta, Malta, and drew large crowds.")
    assert found.get("At which hotel in Valletta was the painters' fair held?") == "Grand Harbour", found
    # A list of towns is no town and its region.
    found = candidate_texts("The two envoys met in Oslo, Bergen and Tromso.")
    assert not any(text.startswith("Where did the two envoys meet") for text in found), found


def test_a_common_word_opening_the_sentence_loses_its_capital_inside_the_question() -> None:
    texts = candidate_texts("Glacier ice in the northern valleys retreated sharply in 2019.")
    asked = [t for t, a in texts.items() if a == "2019" and t.endswith("?")]
    assert asked  # positive control: the year is asked
    assert all("Glacier" not in t for t in asked)
    assert any("glacier ice" in t for t in asked)


def test_a_term_its_class_noun_names_is_asked_by_the_class() -> None:
    found = candidate_texts("The enzyme lactase breaks down the sugar in milk.")
    assert found.get("Which enzyme breaks down the sugar in milk?") == "lactase", found
    plain = candidate_texts("Lactase breaks down the sugar in milk.")  # no class noun: no "Which enzyme"
    assert not [q for q in plain if q.startswith("Which enzyme")], plain


def test_a_name_with_a_relative_clause_set_off_is_asked_by_what_the_clause_says() -> None:
    found = candidate_texts("The new ferry was opened by Mayor Ana Ruiz and Governor Tom Akers, who chairs the Harbor Commission, in March 1990.")
    assert found.get("Which governor chairs the Harbor Commission?") == "Tom Akers", found
    firm = candidate_texts("The old mill was sold in 1990 to Kemper Holdings, which owns three paper factories in Ohio.")
    assert firm.get("Which company owns three paper factories in Ohio?") == "Kemper Holdings", firm


def test_a_relative_clause_naming_nothing_gives_no_question_of_its_antecedent() -> None:
    vague = candidate_texts("The rescue crew sailed in 1990 with surgeon Ida Lund, who will stay aboard the hospital ship until spring.")
    assert "Ida Lund" in vague.values() and not any("stay aboard" in text for text in vague), vague  # others may stay aboard too
    named = candidate_texts("The rescue crew sailed in 1990 with surgeon Ida Lund, who will stay aboard the hospital ship Ostrava until spring.")
    assert named.get("Which surgeon will stay aboard the hospital ship Ostrava until spring?") == "Ida Lund", named


def test_a_question_cut_between_a_verb_and_the_last_item_of_its_list_is_not_asked() -> None:
    text = (
        "In addition to the Hall of all craft guilds and a Bench of 5 elected and 4 appointed wardens, the Market Statute "
        "provided for a 12-member Price Council, a Court of Weights, a Toll Board to oversee certain old quays, and a Registry under a Chief Registrar."
    )
    found = candidate_texts(text)
    assert "Market Statute" in found.values(), found  # its cloze stays
    assert not any(", and a Registry" in q and q.endswith("?") for q in found), found


def test_a_count_in_the_object_of_consist_or_in_a_plain_collective_is_asked_how_many() -> None:
    from generate_cards import offered

    reserve = {c.text: c.answer for c in offered("The Varna Nature Reserve consists of 900 acres of pine forest.") if c.kind == "howmany"}
    assert reserve.get("Of how many acres of pine forest does the Varna Nature Reserve consist?") == "900 acres", reserve
    team = {c.text: c.answer for c in offered("The museum hired a team of six restorers in June 1978 to clean the chapel frescoes.") if c.kind == "howmany"}
    assert team.get("How many restorers did the museum hire in June 1978 to clean the chapel frescoes?") == "six", team
    initial = [c for c in offered("The museum hired an initial team of six restorers in June 1978 to clean the chapel frescoes.") if c.answer == "six"]
    assert initial and not any(c.kind == "howmany" for c in initial), initial  # "How many restorers did the museum hire?" loses "initial"


def test_a_title_keeps_the_country_written_after_the_name() -> None:
    found = candidate_texts("President Ana Ruiz of the United Republic of Tanzania opened the harbour in Tanga.")
    assert found.get("Which president of the United Republic of Tanzania opened the harbour in Tanga?") == "Ana Ruiz", found
    work = candidate_texts("“The ice is thin,” said ice scientist Ana Ruiz of the Polar Institute in Tromso.")
    assert "Ana Ruiz" in work.values() and not any("of the Polar Institute said" in q for q in work), work  # a workplace, not whose title


def test_a_demonstrative_after_the_verb_reads_the_in_a_question_as_in_a_cloze() -> None:
    found = candidate_texts("President Ana Ruiz of the United Republic of Tanzania will open this harbour in 2030.")
    assert found.get("Which president of the United Republic of Tanzania will open the harbour in 2030?") == "Ana Ruiz", found
    subject = candidate_texts("The town council met in March. This harbour was opened by Governor Tom Akers in 1990.")
    assert not any(q.endswith("?") and "harbour" in q for q in subject), subject  # the subject's own demonstrative still blocks


def test_two_titles_of_one_person_are_no_pair_of_subjects() -> None:
    found = candidate_texts("UNESCO employee and artist Ana Ruiz was tasked with designing the new ferry logo.")
    assert "Ana Ruiz" in found.values() and not any("together with" in q for q in found), found
    pair = candidate_texts("Mayor Ana Ruiz and Governor Tom Akers opened the new bridge in 1994.")
    assert pair.get("Which governor, together with Mayor Ana Ruiz, opened the new bridge in 1994?") == "Tom Akers", pair
    group = candidate_texts("The talks begin a day after Mayor Ana Ruiz and her regional peers hold a conference on ferries in Oslo.")
    assert any(q.startswith("Which mayor, together with her regional peers,") for q in group), group  # a group is a partner


def test_a_plural_title_of_a_pair_asks_for_one_of_them_in_the_singular() -> None:
    from generate_cards import offered

    asked = {c.text: c.answer for c in offered("Peace advocates Ana Ruiz and Tom Akers were part of the movement to ban whaling outright.") if c.kind == "who"}
    assert asked.get("Which peace advocate, together with Tom Akers, was part of the movement to ban whaling outright?") == "Ana Ruiz", asked
    assert not any("advocates," in q for q in asked), asked  # "Which peace advocates … was"


def test_when_a_person_held_a_post_is_asked_with_the_person_first() -> None:
    found = candidate_texts("From 1961 until early 1970, the keeper of the Tide Records was Ada Byrne.")
    assert found.get("When was Ada Byrne the keeper of the Tide Records?") == "1961 until early 1970", found
    assert not any(q.startswith("When was the keeper") for q in found), found
    named = candidate_texts("In 1990, the Harbor Board was the largest owner of land in Truro.")
    assert not any(q.startswith("In what year was the largest owner") for q in named), named  # control: no person, no swap
