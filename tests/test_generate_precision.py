"""Cards a strict reader rejects as telling nothing (quiz/generate/trivial.py, candidates.whole,
the linking adverbs of words.py): one item of a long list, a body named by its kind alone, a cut
whose only "verb" is a noun the tagger misread, an opening "Separately,". Sentences written for
these tests, each with the good card of the same text as its positive control."""

from __future__ import annotations

from generate_cards import offered


def texts(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


def test_one_item_of_a_long_list_is_no_gap() -> None:
    found = texts("In 1921 the ferry treaty was signed in Lisbon by Chile, Peru, Ghana, Nepal and Fiji.")
    assert not any(f"{{{{{name}}}}}" in text for text in found for name in ("Chile", "Peru", "Ghana", "Nepal", "Fiji")), found
    assert any("{{Lisbon}}" in text or "{{1921}}" in text for text in found), found  # positive control: the rest is asked
    short = texts("In 1921 the ferry treaty was signed in Lisbon by Chile and Peru.")
    assert any("{{Peru}}" in text for text in short), short  # two names are no long list


def test_a_body_named_by_its_kind_alone_is_no_gap() -> None:
    found = texts("Judge Ada Byrne of Truro was confirmed by the Senate in March 1921 after a long debate.")
    assert not any("{{Senate}}" in text for text in found), found
    assert any("{{March 1921}}" in text or answer == "March 1921" for text, answer in found.items()), found  # positive control
    named = texts("Judge Ada Byrne of Truro was confirmed by the Tamar Assembly in March 1921 after a long debate.")
    assert any("{{Tamar Assembly}}" in text for text in named), named  # a body with a name of its own is asked


def test_a_cut_whose_only_verb_is_a_misread_noun_is_no_card() -> None:
    from quiz.generate.candidates import whole
    from quiz.generate.nlp import load_model

    doc = load_model()("Concurrently, Dutch worries about the power of the Harbour Trust in the north after the end of the strike spurred the founding of the Ferry Board.")
    worries = next(t for t in doc if t.text == "worries")
    if worries.tag_ == "VBZ" and worries.dep_ == "nsubj":  # the misparse this guards against
        assert not whole([t for t in doc if t.i < 19])
    assert whole(list(doc))  # positive control: with its verb the sentence stands


def test_an_opening_separately_goes() -> None:
    found = texts("The first ferry sailed from Truro in May 1921. Separately, the harbour board bought a dredger from Lisbon in June 1922.")
    assert "The harbour board bought a dredger from {{Lisbon}} in June 1922." in found or any(
        text.startswith("The harbour board") or text.startswith("When did the harbour board") for text in found
    ), found  # positive control: the card exists, without the opener
    assert not any("Separately" in text for text in found), found


def test_the_country_of_an_office_is_no_gap() -> None:
    found = texts("In May 1921, President Ada Byrne of Norway opened the new ferry terminal in Truro after three years of work.")
    assert not any("{{Norway}}" in text for text in found), found
    assert any("{{Truro}}" in text or answer == "Truro" for text, answer in found.items()), found  # positive control
    alone = texts("In May 1921, the ferry company of Norway opened a new terminal in Truro after three years of work.")
    assert any("{{Norway}}" in text for text in alone), alone  # a country no office is asked


def test_a_gap_on_part_of_a_name_written_without_a_joiner_is_no_card() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.sanity import beside_name

    doc = load_model()("In 1921 the board named the Tamar Tribe of Oregon and the Aurora V rocket park after the mayor of Truro.")
    span = doc[:]
    at = {t.text: t.i for t in doc}
    assert beside_name(span, at["Oregon"], at["Oregon"] + 1)  # the tail of "Tamar Tribe of Oregon"
    assert beside_name(span, at["Aurora"], at["Aurora"] + 1)  # the head of "Aurora V"
    assert not beside_name(span, at["Truro"], at["Truro"] + 1)  # positive control: "the mayor of Truro" is no name


def test_a_part_of_a_place_named_by_its_compass_point_is_no_gap() -> None:
    found = texts("In May 1921 the drought spread across the Western United States and reached the town of Truro.")
    assert not any("{{Western United States}}" in text for text in found), found
    alone = texts("In May 1921 the drought spread across the United States and reached the town of Truro.")
    assert any("{{United States}}" in text or "{{Truro}}" in text for text in alone), alone  # positive control


def test_the_post_someone_held_is_the_office_named_just_before() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.references import resolve_post

    doc = load_model()("From 1950 until 1961, the Commissioner of the Harbour Board was Ada Byrne. From 1961 until 1970, Lea Stone held the post.")
    first, second = list(doc.sents)
    (index, text), = resolve_post(second, first)
    assert doc[index].text == "post" and text == "post of the Commissioner of the Harbour Board"
    other = load_model()("From 1950 until 1961, the harbour grew fast in Truro. From 1961 until 1970, Lea Stone held the post.")
    assert resolve_post(*reversed(list(other.sents))) == ()  # positive control: no office before, nothing to resolve


def test_an_opening_but_or_in_exchange_goes() -> None:
    found = texts("The first ferry sailed from Truro in May 1921. But the harbour board bought a dredger from Lisbon in June 1922.")
    assert any(text.startswith(("The harbour board", "When did the harbour board", "From which")) for text in found), found  # positive control
    assert not any(text.startswith("But") for text in found), found
    swapped = texts("The town gave up its ferry in 1921. In exchange, the harbour board bought a dredger from Lisbon in June 1922.")
    assert swapped and not any("In exchange" in text for text in swapped), swapped


def test_a_list_cut_without_its_and_or_two_names_run_together_are_garbled() -> None:
    from quiz.generate.sanity import garbled, joiner_dropped

    quote = "The valley sheltered the Tamar people and the Exe Tribe, Dart Nation, and Fal Band of Cornwall."
    assert joiner_dropped("The valley sheltered the {{Exe Tribe}}, Dart Nation, Fal Band of Cornwall.", quote)
    assert not joiner_dropped("The valley sheltered the {{Exe Tribe}}, Dart Nation, and Fal Band of Cornwall.", quote)  # positive control
    assert garbled("The mayor was briefed by Harbour Master {{Ada Byrne}} Dr. Lea Stone.")
    assert not garbled("The mayor was briefed by Harbour Master {{Ada Byrne}} and Dr. Lea Stone.")  # positive control
    quote = "The mayor was briefed by Ada Byrne, Adviser to the Mayor Dr. Lea Stone, and three engineers."
    assert not garbled("The mayor was briefed by {{Ada Byrne}}, Adviser to the Mayor Dr. Lea Stone.", quote=quote)  # written so
    assert garbled("The mayor was briefed by Harbour Master {{Ada Byrne}} Dr. Lea Stone.", quote=quote)


def test_a_person_the_card_names_a_thing_for_is_given_away() -> None:
    found = texts("The Byrne Endowment for Harbour Studies was founded in 1921 in Truro by the shipowner Ada Byrne.")
    assert not any("{{Ada Byrne}}" in text or answer == "Ada Byrne" for text, answer in found.items()), found
    other = texts("The Harbour Endowment for Sea Studies was founded in 1921 in Truro by the shipowner Ada Byrne.")
    assert any("{{Ada Byrne}}" in text or answer == "Ada Byrne" for text, answer in other.items()), other  # positive control


def test_an_acronym_in_the_brackets_after_its_name_is_no_gap() -> None:
    from quiz.generate.trivial import BRACKETED_ACRONYM

    assert BRACKETED_ACRONYM.search("The Harbor Survey Unit ({{HSX}}) instrument maps the bay.")
    assert not BRACKETED_ACRONYM.search("The {{Harbor Survey Unit}} (HSX) instrument maps the bay.")  # positive control: the name is asked
    found = texts("In 1921 the Harbor Survey Unit (HSX) instrument mapped the bay of Truro in nine weeks.")
    assert not any("{{HSX}}" in text for text in found), found
    assert any("{{1921}}" in text or answer == "1921" or "{{Truro}}" in text for text, answer in found.items()), found


def test_a_count_of_a_set_named_before_is_no_gap() -> None:
    found = texts("Nine sailors joined the crew in 1921. Seven of the men spent the winter mapping the bay of Truro.")
    assert not any(text.startswith("{{Seven}}") for text in found), found
    assert any("{{Nine}}" in text or answer == "Nine" or "{{1921}}" in text for text, answer in found.items()), found  # positive control


def test_a_description_its_own_relative_clause_pins_down_is_no_loose_reference() -> None:
    found = texts("Named the Accord of Harlow after the city where the envoys drafted it, the Tamar Compact ended the long river feud in 1851.")
    assert any("{{Accord of Harlow}}" in text for text in found), found  # "the city where …" says which city
    loose = texts("Named the Accord of Harlow after the city, the Tamar Compact ended the long river feud in 1851.")
    assert not any("{{Accord of Harlow}}" in text for text in loose), loose  # "the city" alone leans on another sentence


def test_an_example_of_an_open_set_is_no_gap() -> None:
    listed = texts("The large ferry companies of the coast include the Ludlow Line, the Marsh Ferry Company, and the Ayr Shipping Company, which carried 2 million passengers in 1921.")
    assert not any(f"{{{{{name}}}}}" in text for text in listed for name in ("Ludlow Line", "Marsh Ferry Company", "Ayr Shipping Company")), listed
    assert any("{{1921}}" in text for text in listed), listed  # positive control: the rest is asked
    single = texts("Passenger lists are never shared with a partner company like Ludlow Shipping unless the passenger agrees in writing, the Tamar harbour board said in 1921.")
    assert not any("{{Ludlow Shipping}}" in text for text in single), single
    assert any("{{1921}}" in text for text in single), single
    pair = texts("The board included Ada Byrne and Tom Hale.")
    assert any("{{Tom Hale}}" in text for text in pair), pair  # two named members are no sample of a set


def test_a_list_the_parser_hung_on_a_relative_clause_antecedent_is_asked_whole() -> None:
    found = texts(
        "In his new role, Tom Hale negotiated the Ludlow Treaty of 1911, which gave the harbour board a 5-mile wide strip of land for the port,"
        " a one-time $2 million payment to the board, and an annual fee of $150,000."
    )
    assert any(text.startswith("The Ludlow Treaty of 1911 gave") and text.endswith("an annual fee of {{$150,000}}.") for text in found), found
    assert not any("1911 a one-time" in text or "1911, a one-time" in text for text in found), found  # never the clause cut out of its list


def test_a_list_cut_before_its_last_item_is_garbled() -> None:
    from quiz.generate.sanity import list_cut

    quote = "The treaty gave the board a strip of land, a one-time payment to the town, and an annual fee of $150,000."
    assert list_cut("The treaty gave the board a strip of land, a one-time {{payment}} to the town.", quote)
    assert not list_cut("The treaty gave the board a strip of land, a one-time payment to the town, and an annual fee of {{$150,000}}.", quote)
    assert not list_cut("The board bought {{Marsh Star}}, the ferry.", "The board bought Marsh Star, the ferry, and it sailed at once.")  # no list of like items
    names = "Before the Dutch Navy used the harbour, the bay was home to the Ludlow peoples and the Tamar Nation, the Ayr Tribe, and the Kessel Tribe of Norland."
    assert list_cut("Before the {{Dutch Navy}} used the harbour, the bay was home to the Ludlow peoples and the Tamar Nation.", names)
    assert not list_cut("The bay was home to the Ludlow peoples and the Tamar Nation, the {{Ayr Tribe}}, and the Kessel Tribe of Norland.", names)
    assert not list_cut("The board met in {{Truro}}.", "The board met in Truro, and it voted at once.")  # a clause follows, not names


def test_she_means_a_person_not_a_thing_the_tagger_took_for_one() -> None:
    text = (
        "Cosmonaut Ivan Petrov landed in Kazakhstan in May 1921 with astronaut Ada McAllister. Supporting the ferry program,"
        " McAllister’s voyage helped prepare for exploration of the Moon. She completed approximately 1,264 orbits of the Earth during the flight."
    )
    found = texts(text)
    assert any("McAllister completed approximately {{1,264}} orbits" in t for t in found), found
    assert not any("Moon completed" in t or "did Moon" in t for t in found), found


def test_she_after_a_sentence_about_an_untagged_owner_means_the_owner() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.references import _subject_owner

    doc = load_model()("Supporting the lunar program, O’Dowd’s mission helped prepare for exploration of the Moon.")
    owner = next(t for t in doc if t.text == "O’Dowd")
    if owner.ent_type_ == "" and owner.dep_ == "poss":  # the tagger's miss this guards against
        assert _subject_owner(doc[:]) == "O’Dowd"
    assert _subject_owner(load_model()("The ferry sailed from Truro in May 1921.")[:]) is None  # no owner, no new referent


def test_a_status_set_off_after_a_name_is_no_gap() -> None:
    found = texts("In May 1931 the mayor awarded the harbor medal to Captain Ana Ruiz, Harbor Police, Retired, for rescuing forty sailors.")
    assert not any("{{Retired}}" in text for text in found), found
    assert any("{{Harbor Police}}" in text or "{{May 1931}}" in text or answer == "May 1931" for text, answer in found.items()), found  # control


def test_a_dash_aside_closing_an_opening_phrase_stays() -> None:
    found = texts("Led by Tom Hale—the builder of the harbour wall in Truro—the Dutch began dredging the bay in 1880.")
    assert any(text.startswith("Led by Tom Hale—the builder") and "{{1880}}" in text for text in found), found
    assert not any("Hale the Dutch" in text for text in found), found  # never the phrase run into the subject
    plain = texts("Tom Hale—the builder of the harbour wall in Truro—began dredging the bay in 1880.")
    assert "Tom Hale began dredging the bay in {{1880}}." in plain, plain  # an aside after the subject still goes


def test_an_aside_naming_a_bare_noun_stays_and_little_noted_is_no_question() -> None:
    found = texts("The statement, known as the Ludlow Charter, was little noted by the Great Councils of the North, but eventually became a tenet of Tamar policy.")
    assert "The statement, known as the Ludlow Charter, was little noted by the {{Great Councils of the North}}." in found, found
    assert not any(text.startswith("The statement was") for text in found), found  # never "the statement" without its name
    assert not any("little noted the" in text for text in found), found


BIOGRAPHY = (
    "Captain Mira Olsen was born in Bergen in 1931. Olsen joined the Norwegian Navy in 1950. "
    "In 1953, Captain Olsen commanded the Norwegian Navy frigate Tromsø during a storm off Iceland. "
    "To save the crew, Captain Olsen steered the frigate into the harbour of Reykjavik. "
    "Olsen received the War Cross in 1954 from the Norwegian Navy. "
    "In 1960, Olsen founded the Bergen Sea School with the Norwegian Navy. "
    "Olsen retired from the Norwegian Navy in 1975 and died in Oslo in 2001."
)


def test_the_person_an_article_is_about_is_no_answer() -> None:
    from collections import Counter

    from generate_cards import made

    from quiz.generate.filters import protagonist

    cards = made(BIOGRAPHY, kinds="who,cloze")
    assert not any(c.answer in ("Mira Olsen", "Olsen") for c in cards), [c.text for c in cards]
    assert any(c.answer == "1953" for c in cards), [c.text for c in cards]  # positive control: the facts about her stay
    shared = BIOGRAPHY.replace("In 1960, Olsen founded", "In 1960, Per Dahl founded").replace("Olsen retired", "Per Dahl retired")
    with_dahl = made(shared, kinds="who")
    assert any(c.answer == "Mira Olsen" for c in with_dahl), [c.text for c in with_dahl]  # another person in the story: asked
    assert protagonist(Counter({"mira olsen": 7, "haakon": 1})) == "mira olsen"
    assert protagonist(Counter({"mira olsen": 7, "per dahl": 2})) is None
    assert protagonist(Counter({"mira olsen": 5})) is None  # too few sentences to call her the subject


def test_an_abbreviated_state_after_its_town_is_no_gap() -> None:
    found = texts("Still very active in veterans affairs and his local community, Hale lives in Macon, Ga., with his wife of 40 years.")
    assert not any("{{Ga.}}" in text for text in found), found
    assert any("{{Macon}}" in text for text in found), found  # positive control (how long a marriage lasted is not asked)


def test_a_description_written_as_the_title_of_named_people_is_no_gap() -> None:
    found = texts("Others started a movement to ban tolls. Toll critics Ada Byrne and James T. Hale were part of this movement.")
    assert not any(text.startswith("{{Toll critics}}") for text in found), found
    assert any("{{James T. Hale}}" in text for text in found), found  # positive control: the people are asked


def test_a_title_misread_as_an_apposition_stays_with_its_name() -> None:
    found = texts(
        "With the influence and assistance of Byrne and Hale, Dutch Minister of Foreign Affairs Pieter Visser proposed a ferry pact"
        " as a bilateral agreement between Norway and Denmark to ban tolls between them."
    )
    assert any("Byrne and Hale, Dutch Minister of Foreign Affairs {{Pieter Visser}} proposed" in text for text in found), found
    assert not any("Hale Pieter Visser" in text or "Hale {{Pieter Visser}}" in text for text in found), found
    aside = texts("The ferry was built by Tom Hale, a shipwright from Truro, in 1921.")
    assert "The ferry was built by {{Tom Hale}} in 1921." in aside, aside  # a true apposition still goes


def test_an_as_clause_is_no_statement_of_its_own() -> None:
    found = texts(
        "As the Dutch Republic spread across the Ardennes, the river Meuse became an increasingly important road for the wool of the"
        " Republic’s South (which at that time referred to the land between the Ardennes and the Meuse)."
    )
    assert "The Dutch Republic spread across the {{Ardennes}}." not in found, found
    assert any(text.startswith("As the Dutch Republic spread across the {{Ardennes}}, the river Meuse became") for text in found), found


def test_the_owner_of_a_named_body_is_no_gap() -> None:
    found = texts("Today, the Harbour Board's Office of Tolls and Fees finalized a single-fare standard for all public ferries in Truro.")
    assert not any("{{Harbour Board}}" in text for text in found), found
    assert any("{{Office of Tolls and Fees}}" in text for text in found), found  # positive control: the body itself is asked
