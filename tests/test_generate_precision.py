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

    doc = load_model()("Concurrently, Dutch worries about the power of the Harbour Trust in the north in the aftermath of the strike prompted the creation of the Ferry Board.")
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

    doc = load_model()("From 1950 until 1961, the Chair of the Harbour Board was Ada Byrne. From 1961 until 1970, Lea Stone held the post.")
    first, second = list(doc.sents)
    (index, text), = resolve_post(second, first)
    assert doc[index].text == "post" and text == "post of the Chair of the Harbour Board"
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

    quote = "The valley was home to the Tamar people and the Exe Tribe, Dart Nation, and Fal Band of Cornwall."
    assert joiner_dropped("The valley was home to the {{Exe Tribe}}, Dart Nation, Fal Band of Cornwall.", quote)
    assert not joiner_dropped("The valley was home to the {{Exe Tribe}}, Dart Nation, and Fal Band of Cornwall.", quote)  # positive control
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


def test_a_status_set_off_after_a_name_is_no_gap() -> None:
    found = texts("In May 1931 the mayor awarded the harbor medal to Captain Ana Ruiz, Harbor Police, Retired, for rescuing forty sailors.")
    assert not any("{{Retired}}" in text for text in found), found
    assert any("{{Harbor Police}}" in text or "{{May 1931}}" in text or answer == "May 1931" for text, answer in found.items()), found  # control
