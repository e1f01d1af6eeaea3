"""Cards a strict reader rejects for what the cut left out or tore (context.cut_short, sanity's
seams and torn names, clozetext's shortening, options beside nationalities): each rule on
sentences written for these tests, with the good card of the same text as its positive control."""

from __future__ import annotations

from dataclasses import replace

from generate_cards import made, offered

from quiz.generate import trivial
from quiz.generate.candidates import candidates
from quiz.generate.clean import clean_article
from quiz.generate.context import cut_short
from quiz.generate.extract import sentences
from quiz.generate.nlp import build_entities, load_model, parse
from quiz.generate.sanity import garbled
from quiz.generate.types import Candidate, QuestionKind


def texts(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


def parsed(text: str) -> list[Candidate]:
    """The candidates of a text before the filters, as parsed (for cards rewritten by hand)."""
    from quiz.generate.candidates import candidates
    from quiz.generate.clean import clean_article
    from quiz.generate.extract import sentences
    from quiz.generate.nlp import build_entities, load_model, parse

    article = clean_article("article.txt", text)
    docs = parse(load_model(), [p.text for p in article.paragraphs])
    entities = build_entities([docs])
    return [c for s in sentences(0, "article", article.paragraphs, docs, entities) for c in candidates(s, entities)]


def test_a_quantifier_standing_for_people_named_before_is_no_card() -> None:
    assert not texts("Some argued for a new bridge across the Tamar River in 1921.")
    found = texts("Some of the delegates argued for a new bridge across the Tamar River in 1921.")
    assert "Some of the delegates argued for a new bridge across the Tamar River in {{1921}}." in found  # positive control


def test_a_subject_cut_from_its_time_anchor_is_no_card() -> None:
    # "This year's harvest" is dropped as relative time: "The harvest is tied with 2019 …" of no year.
    found = texts(
        "This year's harvest is tied with the harvest of 2019 for the second largest crop in the Tamar Valley since 1950, "
        "and the growers in Cornwall sold it at the market in Truro."
    )
    assert found and not any("harvest" in text for text in found), found  # the other clause still gives cards


def test_a_modified_subject_cut_from_its_time_anchor_is_no_card() -> None:
    found = texts(
        "This year's Loire wine harvest is the 12th smallest on record, "
        "and the growers in Anjou sold it at the market in Saumur."
    )
    assert found and not any("harvest" in text for text in found), found


def test_a_comparison_cut_from_its_than_is_no_card() -> None:
    text = "Chancellor Tom Akers and Minister of Trade Lea Stone were less willing than Governor Ada Byrne to sign a fishing pact with Norway."
    whole = [c for c in parsed(text) if c.kind == QuestionKind.CLOZE and c.mention.text == "Lea Stone"]
    assert whole and not cut_short(whole[0])  # positive control: the card keeps "than Governor Ada Byrne"
    cut = replace(whole[0], text="Chancellor Tom Akers and Minister of Trade {{Lea Stone}} were less willing.")
    assert cut_short(cut) == "a comparison cut from its than"


def test_a_list_cut_after_the_answer_is_no_card() -> None:
    text = "The valley sheltered the Tamar people, the Exe Tribe, and the Dart Nation until 1850."
    whole = [c for c in parsed(text) if c.kind == QuestionKind.CLOZE and c.mention.text == "Exe Tribe"]
    assert whole and not cut_short(whole[0])  # positive control: the whole list is shown
    cut = replace(whole[0], text="The valley sheltered the Tamar people, the {{Exe Tribe}}.")
    assert cut_short(cut) == "a list cut after the answer"
    chained = "Statements came from the Harbor Board, the Tamar Guild, the Exeter Society, the Devon Trust, and the Truro Club."
    first = [c for c in parsed(chained) if c.kind == QuestionKind.CLOZE and c.mention.text == "Harbor Board"]
    assert first and not cut_short(first[0])
    shown = replace(first[0], text="Statements came from the {{Harbor Board}}, the Tamar Guild, the Exeter Society.")
    assert cut_short(shown) == "a list cut after the answer"  # items chained on items still count


def test_a_gap_joined_by_and_to_the_rest_of_a_name_is_no_card() -> None:
    found = texts("Swallows breed across North and South Dakota every summer, according to the Audubon Survey of 1988.")
    assert not any("{{South Dakota}}" in text for text in found) and any("{{1988}}" in text for text in found), found
    listed = texts("Ada Byrne and Tom Weir signed the harbour treaty in Oslo in 1956.")
    assert "Ada Byrne and {{Tom Weir}} signed the harbour treaty in Oslo in 1956." in listed  # a list of names is no torn name


def test_two_marks_where_words_were_cut_and_an_aside_before_the_question_are_garbled() -> None:
    assert garbled("Byrne led the council;, under her lead, the {{harbour}} grew.")
    assert garbled("Led by Ada Byrne—the mayor of Truro, in what year did the council meet?", question=True)
    assert not garbled("Led by Ada Byrne, in what year did the council meet?", question=True)  # positive control
    assert not garbled("Byrne is no engineer—she has a degree from {{Exeter College}}.")


def test_a_linking_adverb_after_the_subject_leaves_no_comma_before_the_verb() -> None:
    found = texts("Governor Ada Byrne, however, strongly opposed the harbour plan of the Northern Shipping League.")
    assert "Governor {{Ada Byrne}} strongly opposed the harbour plan of the Northern Shipping League." in found, found
    fronted = texts("In June 1962, however, the council had approved the harbour plan of the Northern Shipping League.")
    assert any(text.startswith("In June 1962, the council") for text in fronted), fronted  # the comma after a fronted date stays


def test_a_long_cloze_loses_its_opening_phrase_not_the_of_of_a_name() -> None:
    found = texts(
        "As a first part of the Northern Rail Company’s long effort to restore, rebuild and reopen the old lines of the county for "
        "the good of later travellers, today Governor Ada Byrne will open a new station at Bodmin in Cornwall."
    )
    assert "Today Governor Ada Byrne will open a new station at {{Bodmin}}." in found or any(
        text.startswith("Today Governor Ada Byrne will open") and "{{Bodmin}}" in text for text in found
    ), found
    assert not any(text.startswith("As a first part,") for text in found)


def test_a_country_beside_nationalities_gets_no_options() -> None:
    from quiz.generate.build import entry
    from quiz.generate.distractors import pool

    text = (
        "In those same weeks, the Danish and Swedish envoys held secret talks with Norway about the northern harbour. "
        "In 1956 the council sent a trade delegation to Norway. Finland joined the talks in 1957. "
        "Estonia sent observers to the talks in 1957. Latvia signed the final accord in 1958. Iceland signed it in 1959."
    )
    found = parsed(text)
    wrong = pool([[c.mention for c in found if c.sentence.position == n] for n in range(6)])
    norway = [c for c in found if c.kind == QuestionKind.CLOZE and c.mention.text == "Norway"]
    beside, alone = norway[0], norway[-1]
    assert "Danish" in beside.text and "Danish" not in alone.text
    assert entry(alone, wrong).choices  # positive control: countries of the article against a country
    assert entry(beside, wrong).choices == ()  # "Denmark" or "Sweden" would be offered beside "the Danish and Swedish"


def test_a_name_modifying_a_noun_it_does_not_name_is_no_gap() -> None:
    found = texts("The new camera will improve Oslo Observatory data on polar ice from 2026.")
    assert found and not any("{{Oslo Observatory}}" in text for text in found), found
    owned = texts("The camera of the Oslo Observatory will improve data on polar ice from 2026.")
    assert "The camera of the {{Oslo Observatory}} will improve data on polar ice from 2026." in owned  # positive control
    kind = texts("The Zenit KS-30 spacecraft landed near Tarbes in France in April 2024.")
    assert "The {{Zenit KS-30}} spacecraft landed near Tarbes in France in April 2024." in kind  # a name before its own kind


def test_which_x_for_a_country_s_x_is_no_question() -> None:
    found = texts("The Norwegian Senate approved the harbour treaty with 71 votes to 9 in 1934.")
    assert not any(text.startswith("Which senate") for text in found), found
    assert "The {{Norwegian Senate}} approved the harbour treaty with 71 votes to 9 in 1934." in found
    named = texts("The Harbor Senate approved the harbour treaty with 71 votes to 9 in 1934.")
    assert named.get("Which senate approved the harbour treaty with 71 votes to 9 in 1934?") == "Harbor Senate"


def test_a_subject_question_naming_nothing_else_is_no_card() -> None:
    vague = texts("The Harbor Trust is supporting local outreach and neighbourhood training events.")
    assert not vague, vague  # nor a cloze: nothing else on the card is a name or a number (trivial.py)
    pinned = texts("The Harbor Trust is supporting outreach activities in Truro since 1995.")
    assert pinned.get("Who is supporting outreach activities in Truro since 1995?") == "Harbor Trust"
    fronted = texts("With the closing of the Varna Mill in Lodz, the Harbor Trust began a training programme.")
    assert any(text.startswith("With the closing of the Varna Mill in Lodz, wh") and answer == "Harbor Trust" for text, answer in fronted.items()), fronted  # the names before the wh-word pin it


def test_a_comparison_keeps_its_than_clause_when_shortened() -> None:
    found = texts(
        "Though the proposal had the warm support of many members of the Cornish fishing guild, Chancellor Tom Akers "
        "and Minister of Trade Lea Stone were much less eager than Governor Ada Byrne to enter into any trade agreement."
    )
    assert any("{{Lea Stone}}" in text and "much less eager than Governor Ada Byrne" in text for text in found), found
    assert not any(text.endswith("less eager.") for text in found)


def test_a_possessive_ending_is_no_word_of_its_own() -> None:
    # 30 words with "Admiralty’s" counted once: the whole clause fits a cloze, its "of" phrase kept.
    found = texts(
        "Byrne worked as the head of the Truro Map Office from 1951 to 1966, before moving to be the first "
        "map keeper for the Admiralty’s National Harbor Archive from 1966 until her death in 1979."
    )
    # The museum is a name of its own, its owner shown before the gap (names.owned_name).
    assert any("head of the Truro Map Office" in text and "Admiralty’s {{National Harbor Archive}}" in text for text in found), found


def test_a_verb_or_an_it_left_without_what_it_needs_is_no_card() -> None:
    found = texts(
        "The Harbor Trust is building and running flood training for the towns of Devon, posting rescue crews "
        "across the county, and engaging Truro, Bodmin, and Penzance to be ready for storms."
    )
    assert not any("is building," in text or "building running" in text for text in found), found
    it = texts(
        "Using state grants, two programs from Exeter College in Devon and Plymouth College in Cornwall are making it "
        "feasible for farmers to lure otters to streams that need them."
    )
    assert it and not any(text.rstrip("?.").endswith("making it feasible") for text in it), it  # the clause "it" stands for stays


def test_a_phrase_bounding_a_count_is_kept() -> None:
    found = texts(
        "The Cornish Bird Society lists 212 species of moths in the western counties of Devon and Cornwall, the largest "
        "count of any society in the kingdom since the great survey of 1950."
    )
    assert "The Cornish Bird Society lists {{212}} species of moths in the western counties of Devon and Cornwall." in found, found


def test_a_gap_spelled_by_the_initials_beside_it_is_no_card() -> None:
    found = texts("In 1961 the Bureau of Fisheries (BOF) in the young Republic of Cornwall announced a ban on trawling in the Tamar River.")
    assert not any("{{BOF}}" in text or "{{Bureau of Fisheries}}" in text for text in found), found
    assert any("{{Republic of Cornwall}}" in text for text in found)  # positive control


def test_a_name_the_sentence_says_the_answer_now_has_is_accepted() -> None:
    from quiz.generate.build import entry
    from quiz.generate.distractors import pool

    text = "In the 1990s, Harbor Systems, now known as Tidal Systems, bought the exclusive rights to the Plymouth patent from Ada Byrne."
    found = [c for c in parsed(text) if c.mention.text == "Harbor Systems" and c.kind != QuestionKind.TRUEFALSE]
    assert found
    for candidate in found:
        assert "Tidal Systems" in entry(candidate, pool([])).accept
    others = [c for c in parsed(text) if c.mention.text == "Ada Byrne"]
    assert others and "Tidal Systems" not in entry(others[0], pool([])).accept  # positive control: only the renamed name


def test_a_dropped_aside_takes_the_comma_before_the_verb_with_it() -> None:
    found = texts(
        "The council, in support of the Tamar Valley Trust and the Exeter harbour guild and many other local groups of the "
        "county, has selected Harbor Systems of Plymouth to design the new bridge over the river."
    )
    assert "The council has selected {{Harbor Systems}} of Plymouth to design the new bridge over the river." in found, found
    assert not any(text.startswith("The council, has") for text in found)


def test_an_opening_to_that_end_goes_and_a_gap_opening_the_card_is_capitalised() -> None:
    found = texts("To that end, the council and the Exeter guild signed the Tamar River Treaty in 1878.")
    assert found and not any(text.startswith("To the end") for text in found), found
    example = texts("For example, between 1987 and 1996, the mayor of Truro was Ada Byrne.")
    assert example and all(not text.startswith("For example") for text in example), example
    counted = texts("During that storm, two fishing boats sank in Governor Ada Byrne’s harbour at Truro.")
    assert "{{Two}} fishing boats sank in Governor Ada Byrne’s harbour at Truro." in counted, counted


def test_the_forms_of_the_article_s_own_name_count_together() -> None:
    from collections import Counter
    from typing import cast

    from quiz.generate.filters import dominant, dominant_name
    from quiz.generate.types import AnswerType, Mention, Sentence

    def asking(answer: str) -> Candidate:
        sentence = Sentence(0, "article", 0, answer, cast("object", None))  # type: ignore[arg-type]
        return Candidate(QuestionKind.CLOZE, "{{" + answer + "}} met.", Mention(0, 1, answer, AnswerType.ORGANIZATION, answer, ()), sentence)

    # "Harbor Reserve" alone is named as often as the mayor; with "Harbor Reserve System" and the
    # clipped "Harb" it is what the article is about.
    counts = Counter({"harbor reserve": 3, "harbor reserve system": 2, "harb": 2, "ada byrne": 3, "truro": 1})
    assert dominant(asking("Harbor Reserve System"), dominant_name(counts))
    assert dominant(asking("Harbor Reserve"), dominant_name(counts))
    assert not dominant(asking("Ada Byrne"), dominant_name(counts))  # positive control: the other names still make cards
    assert not dominant(asking("Harbor Reserve"), dominant_name(Counter({"harbor reserve": 3, "ada byrne": 3, "truro": 1})))


def test_a_long_cloze_that_cannot_be_cut_whole_to_30_words_may_run_to_36() -> None:
    found = texts(
        "Using state grants from the county council, two open programs from Exeter College in Devon and Plymouth College "
        "in Cornwall are making it feasible for farmers, farm estate managers, charities, and others to lure otters to "
        "streams that need their care."
    )
    whole = [text for text in found if "{{Exeter College}}" in text]
    assert whole and all("making it feasible for farmers" in text for text in whole), found


def test_a_date_cut_from_its_month_is_no_card() -> None:
    from quiz.generate.context import reason
    from quiz.generate.types import AnswerType

    text = "The storm struck Truro on November 25, 1950, and flooded the harbour."
    dates = [c for c in parsed(text) if c.mention.type in (AnswerType.DATE, AnswerType.DAY) and c.kind == QuestionKind.CLOZE]
    assert dates and not reason(dates[0])  # positive control: the whole date
    torn = replace(dates[0], mention=replace(dates[0].mention, text="25, 1950", answer="25, 1950"), text="The storm struck Truro on November {{25, 1950}}.")
    assert reason(torn) == "a date cut from its month"


def test_a_bare_office_gets_the_one_body_the_article_names_it_with() -> None:
    from quiz.generate.offices import bodies, completed

    article = (
        "In 2018 the council made Ada Byrne commissioner of the Harbor Trust. She had been commissioner of the Harbor Trust Board of "
        "Governors before. Tom Akers was director of the Tamar Museum, and Lea Stone was director of the Exeter Library."
    )
    offices = bodies(article)
    assert offices == {"commissioner": "the Harbor Trust"}  # two directors' bodies: which one a bare "the director" means is unknown
    assert completed("From 2009 to 2013, who was the Commissioner?", "Ada Byrne", offices) == "From 2009 to 2013, who was the Commissioner of the Harbor Trust?"
    assert completed("The director was {{Tom Akers}}.", "Tom Akers", offices) == "The director was {{Tom Akers}}."
    assert completed("The Commissioner of the Harbor Trust is {{Ada Byrne}}.", "Ada Byrne", offices) == "The Commissioner of the Harbor Trust is {{Ada Byrne}}."
    assert completed("The commissioner reports to the {{Harbor Trust}}.", "Harbor Trust", offices) == "The commissioner reports to the {{Harbor Trust}}."  # would give it away


def test_a_question_of_fewer_than_six_words_is_no_card() -> None:
    from quiz.generate.filters import problems

    assert problems("Who signed the Accords?", "Ada Byrne", (), "Ada Byrne signed the Accords on the harbour.", question=True)
    found = texts("Ada Byrne signed the Tamar Accords in Truro in 1990.")
    assert found.get("Who signed the Tamar Accords in Truro in 1990?") == "Ada Byrne"  # positive control


def test_a_shared_agent_keeps_both_verbs_and_a_preposition_before_a_colon_is_a_seam() -> None:
    found = texts("In the nineteenth century, the harbour plan was first drafted and later revised by two engineers: Ada Byrne and Tom Akers.")
    assert any("drafted and revised by two engineers" in text and "{{Tom Akers}}" in text for text in found), found
    assert garbled("The harbour plan was first drafted of: Ada Byrne and {{Tom Akers}}.")


def test_an_acronym_glossed_with_its_small_words_is_spelled_out() -> None:
    from quiz.generate.filters import spelled_out

    text = "The Board of Trade (BOT) announced a tariff. Later the BOT confirmed a second tariff in Truro."
    assert "BOT" in spelled_out(text, {})
    assert "NHS" not in spelled_out("The NHS announced a case in Truro.", {})  # positive control: no gloss, no spelling out


def test_a_state_or_country_right_after_its_town_is_no_gap() -> None:
    found = texts("The new ferry terminal opened in Salem, Oregon, in May 2019 after three years of work.")
    assert "The new ferry terminal opened in {{Salem}} in May 2019 after three years of work." in found  # positive control
    assert not any("{{Oregon}}" in text for text in found), found
    abroad = texts("The new ferry terminal opened in Porto, Portugal, in May 2019 after three years of work.")
    assert abroad and not any("{{Portugal}}" in text for text in abroad), abroad
    alone = texts("The new ferry terminal opened in Oregon in May 2019 after three years of work.")
    assert "The new ferry terminal opened in {{Oregon}} in May 2019 after three years of work." in alone  # no town: asked
    text = "The treaty was signed by Spain, France and Portugal in Lisbon in 1921."
    docs = parse(load_model(), [text])
    entities = build_entities([docs])
    (sentence,) = sentences(0, "article", clean_article("article.txt", text).paragraphs, docs, entities)
    listed = [c for c in candidates(sentence, entities) if c.mention.text == "France"]
    assert listed and not any(trivial.reason(c) for c in listed)  # a list, no town before (conjuncts.py drops it as a list item)


def test_brackets_paired_out_of_order_are_garbled() -> None:
    assert garbled("The {{Pilot Board}} (May 1911) ), the Ferry Board and the Salvage Board (July 1914.")
    assert not garbled("The {{Pilot Board}} (May 1911) and the Ferry Board (July 1914) opened.")  # positive control
    found = texts(
        "The harbour grew fast after 1900. Meanwhile harbour officials created a string of single-purpose boards: the Pilot "
        "Board (May 1911), the Dock Commission of the Northern Port (June 1912), the Light and Buoy Board of the Western "
        "Coast (April 1914), the Ferry Board and the Salvage Board (July 1914), and the Harbour Police Board (November 1915)."
    )
    assert "The harbour grew fast after {{1900}}." in found  # positive control: the article gives cards
    assert not any(") )" in text or text.count("(") != text.count(")") for text in found), found


def test_an_office_placed_in_time_gets_its_body_before_the_length_is_judged() -> None:
    from quiz.generate.offices import completed

    offices = {"commissioner": "the Harbor Trust"}
    assert completed("Who is the current Commissioner?", "Ada Byrne", offices) == "Who is the current Commissioner of the Harbor Trust?"
    article = (
        "In 2018 the council made Ada Byrne commissioner of the Harbor Trust, which runs the docks of the old port. "
        "The current Commissioner is Lena Voss."
    )
    cards = [c for c in made(article) if c.answer == "Lena Voss"]
    assert any(c.text == "Who is the current Commissioner of the Harbor Trust?" for c in cards), cards
