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
