"""Cards that lean on context they do not give, or give their answer away (quiz/generate/context.py):
each rule with a card it drops and a like card it keeps, on sentences written for these tests."""

from __future__ import annotations

from typing import cast

from generate_cards import made, offered

from quiz.generate.context import reason
from quiz.generate.giveaway import given_away
from quiz.generate.types import AnswerType, Candidate, Mention, QuestionKind, Sentence


def card(text: str, answer: str, type_: AnswerType, quote: str = "", kind: QuestionKind = QuestionKind.CLOZE, shown: str = "") -> Candidate:
    """A candidate as the filters see it: its text, its answer and the sentence it quotes."""
    mention = Mention(0, 1, shown or answer, type_, answer, ())
    sentence = Sentence(0, "article", 0, quote or text.replace("{{", "").replace("}}", ""), cast("object", None))  # type: ignore[arg-type]
    return Candidate(kind, text, mention, sentence)


ORG = AnswerType.ORGANIZATION


def test_a_set_named_in_another_sentence_is_no_card() -> None:
    assert reason(card("Both scientists later joined the {{Coastal Ocean Council}} in Boston.", "Coastal Ocean Council", ORG))
    assert reason(card("The two agencies share the {{Harbor Building}} in Oslo.", "Harbor Building", AnswerType.PLACE))
    assert reason(card("Both men were members of the {{Geneva Alpine Society}}.", "Geneva Alpine Society", ORG))
    assert reason(card("The trio settled in {{Portugal}} after a long voyage.", "Portugal", AnswerType.COUNTRY))
    assert not reason(card("Both Lopez and Reed later joined the {{Coastal Ocean Council}} in Boston.", "Coastal Ocean Council", ORG))


def test_an_owner_named_in_another_sentence_is_no_card() -> None:
    quote = "Its main mirror was cast by Corning Glass in Pittsburgh in 2011."
    asked = card("In what year was its main mirror cast by Corning Glass?", "2011", AnswerType.YEAR, quote, QuestionKind.WHEN)
    assert reason(asked)
    resolved = card("In what year was the Vega Camera's main mirror cast by Corning Glass?", "2011", AnswerType.YEAR, quote, QuestionKind.WHEN)
    assert not reason(resolved)
    own = card("The museum moved {{its}} collection to Denver in 2011.", "2011", AnswerType.YEAR, "The museum moved its collection to Denver in 2011.")
    assert not reason(own)  # "its" of a noun the sentence itself names


def test_a_date_or_a_year_the_card_does_not_anchor_is_no_card() -> None:
    assert reason(card("When did the Lakeside Bridge open to traffic?", "June 4", AnswerType.DAY, kind=QuestionKind.WHEN, quote="The bridge opened on June 4."))
    assert reason(card("The Lakeside Bridge opened to traffic in {{March}}.", "March", AnswerType.MONTH))
    assert reason(card("With the latest floods, the year marks the wettest on record for {{Ohio}}.", "Ohio", AnswerType.STATE))
    assert not reason(card("In 2015, the Lakeside Bridge opened to traffic on {{June 4}}.", "June 4", AnswerType.DAY))
    assert not reason(card("When did the council approve the tunnel?", "March 3, 2015", AnswerType.DATE, kind=QuestionKind.WHEN, quote="The council approved the tunnel on March 3, 2015."))
    assert not reason(card("The year 1812 was the wettest on record for {{Ohio}}.", "Ohio", AnswerType.STATE))


def test_a_date_cut_from_its_year_is_no_card() -> None:
    quote = "In his May 4, 1901, speech to the Senate, the governor proposed a canal."
    assert reason(card("In his May 4, speech to the {{Senate}}, the governor proposed a canal.", "Senate", ORG, quote))
    assert not reason(card("In his May 4, 1901, speech to the {{Senate}}, the governor proposed a canal.", "Senate", ORG, quote))


def test_a_number_keeps_its_unit() -> None:
    quote = "The reservoir held at least 40% of the region's water in 2019."
    assert reason(card("The reservoir held at least {{40}} of the region's water in 2019.", "40", AnswerType.NUMBER, quote))
    assert not reason(card("The reservoir held at least {{40}}% of the region's water in 2019.", "40", AnswerType.NUMBER, quote))
    assert not reason(card("The reservoir held at least {{40%}} of the region's water in 2019.", "40%", AnswerType.PERCENT, quote))


def test_an_answer_the_card_writes_in_part_is_given_away() -> None:
    assert given_away(card("Which pact aligns with the Helios mission of the Solar Agency?", "Helios Pact", ORG, kind=QuestionKind.WHAT))
    assert given_away(card("Each district elects a {{Board of Trustees}}, and the board chooses a director.", "Board of Trustees", ORG))
    assert given_away(card("A grant to Vax, the {{Vaccine Fund}}, paid for a stockpile of vaccines.", "Vaccine Fund", ORG))
    # Names of one kind side by side, a kind named in lower case, and the kind a question asks for.
    assert not given_away(card("The largest lakes are {{Lake Superior}}, Lake Huron and Lake Erie.", "Lake Superior", AnswerType.PLACE))
    assert not given_away(card("Savings banks include the {{Harlow Savings Bank}} and the Dover Bank.", "Harlow Savings Bank", ORG))
    assert not given_away(card("The ship served in the Crimean War and the {{Boer War}}, a long war.", "Boer War", AnswerType.THING))
    assert not given_away(card("Which pact did Norway sign in Geneva in 2012?", "Helios Pact", ORG, kind=QuestionKind.WHAT))
    assert not given_away(card("Ruth Keane met {{Oscar Keane}} in Dover.", "Oscar Keane", AnswerType.PERSON))


def test_an_inner_word_of_a_things_name_written_as_a_name_gives_it_away() -> None:
    # "Glass" of the prize's name is the name of the work it was won for.
    assert given_away(card("Which award did the sculptor win in 2004 for her Glass Garden series?", "Marlow Glass Medal", AnswerType.THING, kind=QuestionKind.WHAT))
    assert given_away(card("The sculptor won the {{Marlow Glass Medal}} for her Glass Garden series.", "Marlow Glass Medal", AnswerType.THING))
    # Bodies and places share such words by habit, and a capital opening the card says nothing.
    assert not given_away(card("Trials run at the {{Dover Ocean Test Center}} and the Hull Ocean Lab.", "Dover Ocean Test Center", ORG))
    assert not given_away(card("Glass artists may enter the {{Marlow Glass Medal}} each spring.", "Marlow Glass Medal", AnswerType.THING))
    assert not given_away(card("The sculptor won the {{Marlow Glass Medal}} for her garden series.", "Marlow Glass Medal", AnswerType.THING))


def test_the_rules_leave_whole_cards_of_an_article() -> None:
    text = (
        "Maria Lopez and Tom Reed founded the Harbor Research Institute in Portland in 1998. "
        "Both scientists later joined the Coastal Ocean Council in Boston, where they worked for nine years. "
        "The Lakeside Bridge in Springfield opened to traffic on June 4 after a long delay. "
        "The city council approved the Harbor Tunnel on March 3, 2015, after a vote."
    )
    cards = made(text)
    assert cards  # positive control: the article still gives cards
    assert not any(c.text.startswith("Both scientists") or c.answer == "June 4" for c in cards)


def test_an_opening_its_goes_to_the_proper_noun_subject_before() -> None:
    text = (
        "The Harlow Bridge was designed by the city engineers together with two Dutch firms, Dekker Steel and "
        "Van Loon Works. Its main span was cast in Rotterdam in 2011."
    )
    assert any("the Harlow Bridge's main span" in c.text for c in made(text))
    text = "The bridge was designed by the city engineers together with two Dutch firms, Dekker Steel and Van Loon Works. Its main span was cast in Rotterdam in 2011."
    cards = made(text)
    assert cards and not any("main span" in c.text for c in cards)  # no proper-noun subject: whose span is unknown


def test_both_men_after_a_sentence_naming_two_people_are_those_two() -> None:
    pair = "The climbers Maria Lopez and Tom Reed took part in this expedition. "
    rest = "Both men were members of the Geneva Alpine Society in Bern, a group that trained mountain guides."
    cards = made(pair + rest + " Its members met in the old town hall every month to plan new routes over the high passes.")  # room for two cards
    assert any(c.text.startswith("Maria Lopez and Tom Reed were members") for c in cards)
    cards = made("Climbers such as Maria Lopez took part in this expedition. " + rest)  # one person: "Both men" is unknown
    assert cards and not any("were members" in c.text for c in cards)


def test_a_date_that_comes_back_every_year_needs_no_year() -> None:
    assert not reason(card("Each license runs for four years and ends on {{March 1}} of every leap year.", "March 1", AnswerType.DAY))
    assert not reason(card("The harbour festival opens on {{June 12}} each year.", "June 12", AnswerType.DAY))
    assert reason(card("The harbour festival opened on {{June 12}} after a long wait.", "June 12", AnswerType.DAY))  # control: which year?


def test_the_year_a_card_speaks_of_only_in_its_answer_is_no_card() -> None:
    when = QuestionKind.WHEN
    assert reason(card("When did the reservoir fall to its lowest level for the year?", "May 3, 2011", AnswerType.DATE, kind=when))
    # The year written in the card, or no "the year" at all, leaves the card as it was.
    assert not reason(card("When in 2011 did the reservoir fall to its lowest level for the year?", "May 3", AnswerType.DATE, kind=when))
    assert not reason(card("When did the reservoir fall to its lowest level since records began?", "May 3, 2011", AnswerType.DATE, kind=when))


def test_a_the_noun_an_earlier_sentence_introduced_is_not_asked_alone() -> None:
    text = (
        "On the night of May 4, 1918, the garrison at Veltra Ridge beat off a raid by the northern army. "
        "The raid lasted three hours before the northern army withdrew to the river."
    )
    cards = offered(text)
    assert any(c.answer == "May 4, 1918" for c in cards), cards  # positive control
    assert not any(c.answer == "three hours" for c in cards), cards



def test_initials_of_part_of_the_answer_beside_the_gap_give_it_away() -> None:
    text = "The Tamar Coastal Survey (CSX) instrument is a sonar array that maps the shoals of the estuary."
    cards = offered(text)
    assert any(c.answer == "sonar array" for c in cards), cards  # positive control
    assert not any(c.answer == "Tamar Coastal Survey" for c in cards), cards


def test_a_term_the_card_spells_but_for_its_suffix_gives_itself_away() -> None:
    quote = "Hale was affiliated with the Marlow Institute for Federal Studies, a body dedicated to promoting federalism."
    assert reason(card("Hale was affiliated with the Marlow Institute for Federal Studies, a body dedicated to promoting {{federalism}}.", "federalism", AnswerType.TERM, quote))
    kept = "Hale was affiliated with the Marlow Institute for Coastal Studies, a body dedicated to promoting {{federalism}}."
    assert not reason(card(kept, "federalism", AnswerType.TERM, kept.replace("{{", "").replace("}}", "")))


def test_a_country_whose_adjective_the_card_writes_gives_itself_away() -> None:
    cards = offered("In 1905, the Swedish envoy Ada Byrne proposed a fishing pact to Norway.")
    assert any(c.answer == "Norway" for c in cards), cards  # positive control
    cards = offered("In 1905, the Norwegian envoy Ada Byrne proposed a fishing pact to Norway.")
    assert not any(c.answer == "Norway" for c in cards), cards


def test_a_relative_clause_on_an_a_noun_is_not_asked_as_the_noun() -> None:
    text = "On the night of May 4, 1918, the northern army launched a raid which lasted three hours."
    cards = offered(text)
    assert any(c.answer == "May 4, 1918" for c in cards), cards  # positive control
    assert not any(c.answer == "three hours" and c.kind != "cloze" and "the raid" in c.text for c in cards), cards


def test_a_question_cut_from_what_its_verb_directs_is_not_asked() -> None:
    text = (
        "In 1911, acting for the Tamar Trust, the Harbor Board hired Marlow Works of Leith to build a new "
        "breakwater that would shield the fishing fleet from winter storms."
    )
    cards = offered(text)
    assert any(c.answer == "Tamar Trust" for c in cards), cards  # positive control
    assert not any(c.kind != "cloze" and "hire" in c.text and "build" not in c.text for c in cards), cards


def test_a_when_question_setting_a_role_beside_a_name_is_no_card() -> None:
    quote = "From 1961 until early 1970, the Keeper of the Tide Records was Ada Byrne."
    assert reason(card("When was the Keeper Ada Byrne?", "1961 until early 1970", AnswerType.YEARS, quote, QuestionKind.WHEN))
    assert not reason(card("When was Ada Byrne the Keeper of the Tide Records?", "1961 until early 1970", AnswerType.YEARS, quote, QuestionKind.WHEN))
