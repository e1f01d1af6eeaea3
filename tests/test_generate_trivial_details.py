"""Details that test nothing: the town of a named body, a span counted from an event the card leaves out."""

from __future__ import annotations

from generate_cards import offered


def test_the_town_of_an_institution_is_not_asked() -> None:
    text = (
        "In 1987, the Marlow Institute of Technology in Vermont signed a contract with the Harbor Survey Office "
        "to map the shoals of the northern coast."
    )
    cards = offered(text)
    assert cards  # positive control: the sentence makes cards
    assert not any(c.answer == "Vermont" for c in cards)


def test_where_the_work_takes_place_is_still_asked() -> None:
    text = "The building of the ferry will take place at the Corran Shipyard in Dundee, said the council in March 2021."
    assert any(c.answer == "Dundee" for c in offered(text))


def test_a_span_counted_from_the_sentence_before_is_not_asked() -> None:
    text = "The dockers struck in Hull in March 1911. Within six weeks, the port authority agreed to a new wage scale for the Hull docks."
    cards = offered(text)
    assert any(c.answer == "March 1911" for c in cards)  # positive control
    assert not any(c.answer == "six weeks" for c in cards)


def test_a_concession_makes_no_question_of_its_own() -> None:
    text = "Although Norway had ratified the Bergen Accord, a long strike at the shipyards kept the fleet in port until 1923."
    cards = offered(text)
    assert any(c.answer == "1923" for c in cards)  # positive control
    assert not any(c.kind not in ("cloze", "truefalse") and c.answer == "Norway" for c in cards)


def test_the_town_of_a_body_where_a_described_thing_was_made_is_not_asked() -> None:
    text = "The flood model of the Ouse Trust uses charts drawn at the Corran Survey Institute in Leeds to find fields that flood."
    cards = offered(text)
    assert cards  # positive control
    assert not any(c.answer == "Leeds" for c in cards)


def test_a_name_suffix_stays_with_its_name_and_is_never_an_answer() -> None:
    text = "The guild gave its gold medal to the sculptor Tomas Varga, Jr., a native of Pecs, for the bronze doors of the Szeged cathedral in 1931."
    cards = offered(text)
    assert any(c.answer == "Pecs" and "Varga, Jr., a native of" in c.text for c in cards)
    assert not any("Varga a native" in c.text for c in cards)
    assert not any(c.answer == "Jr." for c in cards)


def test_a_cut_that_runs_two_names_together_is_bad() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.sanity import proper_nouns_met

    doc = load_model()("The prize went to Lena Voss, the painter, Dresden Academy of Arts, in 1931.")
    tokens = list(doc)
    without_aside = [t for t in tokens if t.i not in range(6, 10)]  # ", the painter," left out
    assert proper_nouns_met(without_aside)
    assert not proper_nouns_met(tokens)
    assert not proper_nouns_met([t for t in tokens if t.text != ","])  # only commas between: the card's to mend


def test_in_that_as_a_conjunction_is_not_shown_as_in_the() -> None:
    from quiz.generate.clozetext import without_reason
    from quiz.generate.nlp import load_model
    from quiz.generate.types import AnswerType, Mention

    nlp = load_model()
    doc = nlp("The lottery acted as a tax in that households with low incomes spend more of their money on tickets.")
    gap = Mention(start=4, end=6, text="a tax", type=AnswerType.THING, answer="tax", accept=())
    assert doc[7].lower_ == "that" and doc[7].dep_ == "det"  # the parser reads "in that households"
    assert [t.text for t in without_reason(list(doc), gap)][-2:] == ["a", "tax"]
    plain = nlp("The tax on salt in that province rose in 1790 and fell in 1799.")
    tax = Mention(start=0, end=2, text="The tax", type=AnswerType.THING, answer="tax", accept=())
    assert without_reason(list(plain), tax) == list(plain)  # "in that province": a real determiner


def test_how_many_relatives_survive_someone_is_not_asked() -> None:
    text = "Okafor, who ran the Lagos ferry company from 1971 to 1985, was survived by her husband, four sons and nine grandchildren."
    cards = offered(text)
    assert any(c.answer == "1971" or "1971" in c.answer for c in cards)  # positive control
    assert not any(c.answer in ("four", "nine") for c in cards)


def test_a_count_of_two_a_joint_act_implies_is_not_asked() -> None:
    text = "In 1907 the mayor of Tromsø proposed that two ferry companies publish a joint timetable for the northern fjords."
    cards = offered(text)
    assert any(c.answer == "1907" for c in cards)  # positive control
    assert not any(c.answer == "two" for c in cards)


def test_a_count_of_two_with_nothing_implying_it_is_still_asked() -> None:
    text = "In 1907 the mayor of Tromsø proposed that two ferry companies publish a new timetable for the northern fjords."
    assert any(c.answer == "two" for c in offered(text))


def test_the_town_of_a_headquarters_is_not_asked_whatever_the_verb() -> None:
    text = "From 1990 to 1994, Okoro led the Weavers Guild Headquarters in Leeds, serving on its wage board."
    cards = offered(text)
    assert any(c.answer == "Okoro" or "1990" in c.answer for c in cards)  # positive control
    assert not any(c.answer == "Leeds" for c in cards)


def test_how_long_a_marriage_has_lasted_is_not_asked() -> None:
    text = "After retiring from the Dundee shipyard in 1988, Okafor moved to Perth with her husband of 41 years, a former harbour pilot."
    cards = offered(text)
    assert any(c.answer in ("1988", "Perth") for c in cards)  # positive control
    assert not any("41" in c.answer for c in cards)


def test_a_count_the_card_lists_itself_is_not_asked() -> None:
    listed = "Two new clinics in Arden and Brill opened in 1970 with money from the county."
    assert any(c.answer == "1970" for c in offered(listed))  # positive control
    assert not any(c.answer.casefold() == "two" for c in offered(listed))  # "Arden and Brill" are the two
    unlisted = "Two new clinics opened in 1970 with money from the county."
    assert any(c.answer.casefold() == "two" for c in offered(unlisted))
    named = "Ada Perle, Ben Lusk, and Cy Tarn would rule the guild as “the three wardens.”"
    assert not any("three" in c.answer.casefold() for c in offered(named))


def test_a_count_the_names_after_its_colon_spell_out_is_not_asked() -> None:
    text = "In the spring of 1911, the harbour was charted by two surveyors: Ada Byrne and Tom Hale."
    cards = offered(text)
    assert any(c.answer == "Ada Byrne" for c in cards), cards  # positive control
    assert not any(c.answer == "two" for c in cards), cards


def test_a_body_doing_what_any_body_might_is_no_gap() -> None:
    text = "The Harbor Trust is supporting outreach activities. The Harbor Trust opened a clinic in Leeds in 2019."
    cards = offered(text)
    assert any(c.answer == "Leeds" for c in cards), cards  # positive control
    assert not any(c.answer == "Harbor Trust" and "outreach" in c.text for c in cards), cards


def test_a_count_of_two_from_a_set_the_card_names_as_a_pair_is_not_asked() -> None:
    text = "In 1911, the guild's expulsion of two of its founding weavers split the workshops of Ardenia and Brill for a decade."
    cards = offered(text)
    assert any(c.answer == "1911" for c in cards), cards  # positive control
    assert not any(c.answer == "two" for c in cards), cards


def test_a_total_of_the_amounts_the_card_writes_is_not_asked() -> None:
    text = "The Tamar ferry lease, signed in 2019, runs 4 years for the old quay and two years for the new pier, for a total of 6 years."
    cards = offered(text)
    assert any(c.answer == "4 years" for c in cards), cards  # positive control
    assert not any(c.answer == "6 years" for c in cards), cards
