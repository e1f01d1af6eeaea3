"""Wrong options of multiple-choice cards: of the answer's type and era, never also true, never an
alias of the answer or of each other, three or none. Pools and sentences are written for each test."""

from __future__ import annotations

import re

import pytest
from generate_cards import made

from quiz.generate.answertypes import answer_type
from quiz.generate.distractors import Option, Pool, choices, make_pool
from quiz.generate.distractors import pool as pool_of
from quiz.generate.types import AnswerType, Mention


def mention(answer: str, type_: AnswerType, role: str = "") -> Mention:
    return Mention(0, 1, answer, type_, answer, (), role=role)


def pool(type_: AnswerType, *texts: str, family: str = "", role: str = "") -> Pool:
    return make_pool({type_: [Option(text, type_, role, family or role) for text in texts]})


def test_a_term_has_no_options_but_a_year_has() -> None:
    terms = pool(AnswerType.TERM, "tidal energy", "wind farms", "solar panels", "heat pumps")
    assert choices(mention("geothermal power", AnswerType.TERM), terms) == ()
    years = pool(AnswerType.YEAR, "1998", "2004", "2007")
    assert len(choices(mention("2001", AnswerType.YEAR), years)) == 3


@pytest.mark.parametrize("before", ["By", "the work was done within", "a trip of more than", "at least", "up to", "no later than"])
def test_a_bounded_value_has_no_options(before: str) -> None:
    values = pool(AnswerType.NUMBER, "30", "45", "60")
    assert choices(mention("40", AnswerType.NUMBER), values, before=before) == ()


@pytest.mark.parametrize("before", ["", "in", "a total of", "about"])
def test_an_exact_value_has_options(before: str) -> None:
    values = pool(AnswerType.NUMBER, "30", "45", "60")
    assert len(choices(mention("40", AnswerType.NUMBER), values, before=before)) == 3


def test_wrong_ages_are_near_and_possible() -> None:
    found = choices(mention("92", AnswerType.NUMBER), make_pool({}), before="she died, aged")
    assert len(found) == 3
    assert all(60 <= int(age) <= 100 and age != "92" for age in found), found


def test_wrong_numbers_are_rounded_as_the_answer_is() -> None:
    exact = choices(mention("6,672 acres", AnswerType.NUMBER), make_pool({}))
    assert len(exact) == 3 and not any(option.split()[0].endswith("00") for option in exact), exact
    rounded = choices(mention("3,000 works", AnswerType.NUMBER), make_pool({}))
    assert len(rounded) == 3 and all(option.split()[0].endswith("00") for option in rounded), rounded  # control: round stays round


def test_long_spans_of_time_stay_within_a_lifetime() -> None:
    found = choices(mention("68 years", AnswerType.DURATION), make_pool({}))
    assert len(found) == 3
    assert all(34 < int(option.split()[0]) < 100 for option in found), found


def test_other_days_of_the_article_are_options_only_from_the_same_era() -> None:
    days = pool(AnswerType.DAY, "March 3, 1951", "June 9, 1950", "May 21, 2019", "April 2, 1988")
    found = choices(mention("August 26, 1950", AnswerType.DAY), days)
    assert len(found) == 3 and all(re.search(r"\b195[01]\b", option) for option in found), found
    assert "June 9, 1950" in found and "March 3, 1951" in found


def test_a_span_is_offered_only_shifted_spans() -> None:
    spans = pool(AnswerType.DATE, "1967 to 1968", "1940 to 1941")
    found = choices(mention("1950 to 1953", AnswerType.DATE), spans)
    assert len(found) == 3 and not set(found) & {"1967 to 1968", "1940 to 1941"}, found
    assert all(re.fullmatch(r"19\d\d to 19\d\d", option) for option in found)


def test_a_name_and_its_acronym_are_one_option() -> None:
    pair = ("European Maritime Safety Agency", "EMSA")
    answer = mention("Baltic Ports Agency", AnswerType.ORGANIZATION)
    assert choices(answer, pool(AnswerType.ORGANIZATION, *pair, "Baltic Fisheries Agency", family="government")) == ()
    found = choices(answer, pool(AnswerType.ORGANIZATION, *pair, "Baltic Fisheries Agency", "Nordic Energy Agency", family="government"))
    assert len(found) == 3 and len(set(found) & set(pair)) == 1, found


def test_an_organisation_is_offered_only_organisations_of_its_kind() -> None:
    government = pool(AnswerType.ORGANIZATION, "Moreau Administration", "Polar Agency", "Coastal Agency", "Forest Agency", "Mining Agency", family="government")
    assert choices(mention("Reed Administration", AnswerType.ORGANIZATION), government) == ()  # agencies are no administration
    assert choices(mention("Coastal Rowing Hall of Honour", AnswerType.ORGANIZATION), government) == ()  # a name showing no kind
    found = choices(mention("Fishing Agency", AnswerType.ORGANIZATION), government)
    assert len(found) == 3 and "Moreau Administration" not in found, found


def test_a_name_with_a_number_is_offered_names_with_numbers() -> None:
    companies = pool(AnswerType.ORGANIZATION, "8th Marine Company", "Delta Supply Company", "Harbor Freight Company", "Pine Lumber Company", family="company")
    found = choices(mention("Atlas Mining Company", AnswerType.ORGANIZATION), companies)
    assert len(found) == 3 and "8th Marine Company" not in found, found
    units = pool(AnswerType.ORGANIZATION, "8th Marine Company", "2nd Signal Company", "5th Supply Company", "Pine Lumber Company", family="company")
    assert set(choices(mention("3rd Marine Company", AnswerType.ORGANIZATION), units)) == {"8th Marine Company", "2nd Signal Company", "5th Supply Company"}


def test_fewer_than_three_good_options_leave_a_typed_card() -> None:
    senator = mention("Ada Byrne", AnswerType.PERSON, role="senator")
    assert choices(senator, pool(AnswerType.PERSON, "Ines Moreau", "Tom Akers", role="senator")) == ()
    assert len(choices(senator, pool(AnswerType.PERSON, "Ines Moreau", "Tom Akers", "Lea Stone", role="senator"))) == 3


def test_a_person_is_offered_only_people_of_the_same_title() -> None:
    senators = pool(AnswerType.PERSON, "Ines Moreau", "Tom Akers", "Lea Stone", role="senator")
    # No title: the article's other people may be a chair's predecessors or an investor quoted once.
    assert choices(mention("Ada Byrne", AnswerType.PERSON), senators) == ()
    assert choices(mention("Ada Byrne", AnswerType.PERSON, role="governor"), senators) == ()
    assert len(choices(mention("Ada Byrne", AnswerType.PERSON, role="senator"), senators)) == 3


def test_what_is_no_place_gets_no_list_of_cities() -> None:
    cities = pool(AnswerType.CITY, "Lyon", "Porto", "Ghent", "Ga.", "Jr.", "Texas-based")
    assert choices(mention("Jr.", AnswerType.CITY), cities) == ()
    found = choices(mention("Turin", AnswerType.CITY), cities)
    assert len(found) == 3 and not set(found) & {"Ga.", "Jr.", "Texas-based"}, found


def test_a_possessive_name_is_no_person_to_offer() -> None:
    people = pool(AnswerType.PERSON, "Harold Finch’s Doctrine", "Maria Lind", "Otto Berg", "Ruth Keane", role="senator")
    found = choices(mention("Anna Vogel", AnswerType.PERSON, role="senator"), people)
    assert set(found) == {"Maria Lind", "Otto Berg", "Ruth Keane"}


@pytest.mark.parametrize("name", ["Great Britain", "Republic of Korea", "the Cooperative Republic of Guyana", "the Republic of the Philippines", "Kingdom of Spain"])
def test_a_country_in_its_style_is_a_country(name: str) -> None:
    assert answer_type(name, "GPE") == AnswerType.COUNTRY
    assert answer_type("Lisbon", "GPE") == AnswerType.CITY  # positive control: a city stays a city


def test_generated_cards_with_a_bound_are_typed_and_exact_values_have_choices() -> None:
    text = (
        "The Harwick lighthouse was built in 1871 on the northern cape. By 1890, the keepers had moved to the new tower. "
        "The old tower was restored in 1954 by the county council. The beam could be seen from 30 miles away."
    )
    cards = made(text, kinds=["cloze"])
    bounded = [c for c in cards if c.answer == "1890"]
    exact = [c for c in cards if c.answer in ("1871", "1954")]
    assert exact and all(c.choices for c in exact), cards
    assert all(not c.choices for c in bounded), bounded


def test_no_option_is_a_name_of_the_source_sentence() -> None:
    people = pool(AnswerType.PERSON, "Anthony Wells", "Maria Lind", "Otto Berg", "Ruth Keane", role="engineer")
    sentence = "The bridge was finished in 1960 by Wells’s pupil, Greta Moor."
    found = choices(mention("Greta Moor", AnswerType.PERSON, role="engineer"), people, "The bridge was finished in 1960 by {{Greta Moor}}.", sentence=sentence)
    assert set(found) == {"Maria Lind", "Otto Berg", "Ruth Keane"}, found  # Wells is named, if only as "Wells’s"
    agencies = pool(AnswerType.ORGANIZATION, "Polar Agency", "Coastal Agency", "Forest Agency", "Mining Agency", family="government")
    co_actors = "The Polar Agency, the Coastal Agency and the Forest Agency released the survey."
    assert choices(mention("Polar Agency", AnswerType.ORGANIZATION), agencies, sentence=co_actors) == ()  # two would also be true
    assert len(choices(mention("Polar Agency", AnswerType.ORGANIZATION), agencies, sentence="The Polar Agency released it.")) == 3


def test_a_wrong_date_keeps_its_place_among_the_other_dates_of_the_sentence() -> None:
    days = pool(AnswerType.DAY, "March 9, 2021", "February 7, 2021", "February 14, 2021", "February 25, 2021")
    sentence = "On March 3, 2021, the agency passed a rule that took effect on March 5."
    found = choices(mention("March 3, 2021", AnswerType.DAY), days, sentence=sentence)
    assert len(found) == 3 and "March 9, 2021" not in found, found  # issued after it took effect
    years = pool(AnswerType.YEAR, "2001", "2004", "2009", "2016", "2018")
    found = choices(mention("2006", AnswerType.YEAR), years, sentence="Ruth Keane ran the mill from 2006 to 2013.")
    assert len(found) == 3 and all(int(year) < 2013 for year in found), found
    later = pool(AnswerType.YEAR, "2014", "2015", "2016", "2017")  # the article's nearest years all lie after the end
    found = choices(mention("2006", AnswerType.YEAR), later, sentence="Ruth Keane ran the mill from 2006 to 2013.")
    assert len(found) == 3 and all(int(year) < 2013 for year in found), found
    found = choices(mention("2006", AnswerType.YEAR), years, sentence="In 2006 Ruth Keane took over the mill.")
    assert "2016" not in found and len(found) == 3  # positive control: near years, no order to keep


def test_no_wrong_year_lies_well_after_every_year_the_article_names() -> None:
    years = pool(AnswerType.YEAR, "2021", "2022", "2023")
    for answer in ("2021", "2022", "2023"):
        found = choices(mention(answer, AnswerType.YEAR), years)
        assert len(found) == 3 and all(int(year) <= 2025 for year in found), (answer, found)


def test_an_international_body_is_offered_the_article_s_alone() -> None:
    # A list of the world's bodies would offer ones founded decades later ("an organisation
    # founded in 1943": NATO, the European Union).
    peers = pool(AnswerType.ORGANIZATION, "Hill Peace Alliance", "Atlantic Trade Union", family="international")
    assert choices(mention("Hill Peace Alliance", AnswerType.ORGANIZATION), peers) == ()
    alliances = pool(AnswerType.ORGANIZATION, "Hill Peace Alliance", "Nordic Defence Alliance", "Pacific Fishing Alliance", "Baltic Grain Alliance", family="international")
    assert set(choices(mention("Hill Peace Alliance", AnswerType.ORGANIZATION), alliances)) == {"Nordic Defence Alliance", "Pacific Fishing Alliance", "Baltic Grain Alliance"}


def test_a_town_gets_the_article_places_not_the_world_capitals() -> None:
    assert choices(mention("Harrow", AnswerType.CITY), pool(AnswerType.CITY, "Ashford")) == ()
    capital = choices(mention("Madrid", AnswerType.CITY), pool(AnswerType.CITY, "Ashford"))
    assert len(capital) == 3 and "Madrid" not in capital, capital  # a capital against capitals
    cities = pool(AnswerType.CITY, "Western United States", "Lyon", "Porto", "Ghent")
    assert choices(mention("Northern Europe", AnswerType.CITY), cities) == ()
    assert set(choices(mention("Turin", AnswerType.CITY), cities)) == {"Lyon", "Porto", "Ghent"}


def test_a_place_option_is_never_a_person_of_the_article() -> None:
    found = choices(mention("Turin", AnswerType.CITY), make_pool({**pool(AnswerType.CITY, "Lyon", "Porto", "Ghent", "Corbin").by_type, **pool(AnswerType.PERSON, "Ellis Corbin").by_type}))
    assert set(found) == {"Lyon", "Porto", "Ghent"}, found


def test_a_town_gets_no_land_tagged_as_a_city() -> None:
    cities = pool(AnswerType.CITY, "Lyon", "Porto", "Valdoria", "Ghent", "Norway")
    assert set(choices(mention("Turin", AnswerType.CITY), cities)) == {"Lyon", "Porto", "Ghent"}  # positive control: three left
    assert choices(mention("Turin", AnswerType.CITY), pool(AnswerType.CITY, "Lyon", "Porto", "Valdoria")) == ()


def test_number_words_are_written_in_the_answer_s_case() -> None:
    found = choices(mention("Seven", AnswerType.NUMBER), pool(AnswerType.NUMBER, "eight"))
    assert len(found) == 3 and all(option[0].isupper() for option in found), found


def test_a_name_listed_with_the_answer_in_another_sentence_is_no_option() -> None:
    def country(name: str) -> Mention:
        return mention(name, AnswerType.COUNTRY)

    listed = [country("Norway"), country("Chile"), country("Kenya")]  # "Signatories included Norway, Chile and Kenya."
    alone = [country("Peru")], [country("Ghana")], [country("Laos")], [country("Fiji")]
    wrong = pool_of([listed, *alone])
    found = choices(country("Norway"), wrong, "Which country signed the pact?")
    assert len(found) == 3 and not {"Chile", "Kenya"} & set(found), found
    assert {"Chile", "Kenya"} & set(choices(country("Peru"), wrong, "Which country signed the pact?"))  # positive control


def test_countries_come_from_the_article_alone() -> None:
    assert choices(mention("Ghana", AnswerType.COUNTRY), pool(AnswerType.COUNTRY, "Ghana", "Togo")) == ()  # no "Argentina" to fill in
    found = choices(mention("Ghana", AnswerType.COUNTRY), pool(AnswerType.COUNTRY, "Ghana", "Togo", "Burkina Faso", "Niger"))
    assert set(found) == {"Togo", "Burkina Faso", "Niger"}, found


def test_a_count_of_a_plural_noun_has_no_option_one() -> None:
    text = (
        "The Orlena valley museum opened in 1962 beside the old mill. In 1965 the museum divided its collection into two separate wings "
        "after a long debate among the trustees. The museum's founder, Vera Holm, had collected clocks since 1931."
    )
    counts = [c for c in made(text) if c.answer == "two" and c.choices]
    assert counts, made(text)
    for card in counts:
        assert not {"one", "zero"} & set(card.choices), card  # "one separate wings" is no option


def test_a_date_gap_before_its_noun_leaves_no_stray_comma() -> None:
    text = "In her May 3, 1910, address to the guild, Warden Ida Holm set out her plan for a lighthouse on the cape."
    dated = [c for c in made(text, kinds=["cloze"]) if c.answer == "May 3, 1910"]
    assert dated, made(text, kinds=["cloze"])
    assert all("}}," not in c.text and "}} address" in c.text for c in dated), dated
