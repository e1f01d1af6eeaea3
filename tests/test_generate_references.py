"""References resolved only to a compatible antecedent, and the fault classes found on the unseen
articles chip_exports.txt, health_study.txt, court_ruling.txt and river_delta.txt: one test per
class on a real sentence."""

from __future__ import annotations

import re
from pathlib import Path

from generate_cards import made, offered, well_formed
from spacy.tokens import Span

from quiz.generate.nlp import load_model
from quiz.generate.references import _role_before, resolve_it, unlinked

DATA = Path(__file__).resolve().parent / "data" / "generate"
COMPANY = (
    "AMSTERDAM (Reuters) - The Dutch government said on Friday it would require export licences for some of ASML's most "
    "advanced lithography machines. ASML, which is based in Veldhoven, is the world's only maker of extreme ultraviolet "
    "lithography systems. China bought roughly 14 percent of ASML's machines in 2022, according to the company's annual report. "
    "Its chief executive, Peter Wennink, warned in January that strict controls could push Chinese firms to develop their own "
    "technology. The company employs more than 39,000 people and reported sales of 21.2 billion euros last year."
)



def shown(text: str, **options: object) -> dict[str, str]:
    """Card text -> answer; a GenerateError fails the test (its positive control)."""
    return {c.text: c.answer for c in made(text, **options)}


def test_possessive_goes_to_the_one_antecedent_that_can_own_the_role() -> None:
    texts = {c.text for c in offered(COMPANY)}
    assert not any(t.startswith(("China's chief", "Its chief")) for t in texts)
    assert "ASML's chief executive, {{Peter Wennink}}, warned in January that strict controls could push Chinese firms to develop their own technology." in texts


def test_possessive_with_two_compatible_antecedents_is_no_card() -> None:
    text = (
        "Apple signed a supply deal with Samsung Electronics in 2019 after a long dispute. "
        "Its chief executive, Tim Cook, said the agreement would last until 2025."
    )
    found = shown(text)
    assert not any(re.match(r"(?:Its|Apple's|Samsung Electronics's) chief", t) for t in found) and found


def test_his_with_two_people_before_is_no_card() -> None:
    text = "Michael Faraday worked for Humphry Davy at the Royal Institution in London. His father, James Faraday, was a blacksmith in 1791."
    found = shown(text)
    assert not any(t.startswith(("His ", "Michael Faraday's father", "Humphry Davy's father")) for t in found) and found


def test_the_company_stands_for_the_articles_one_company() -> None:
    texts = shown(COMPANY)
    assert texts.get("More than how many people does ASML employ?") == "39,000"
    assert not any("the company" in t and "ASML" not in t.split("the company")[0] for t in texts)  # named before it, or replaced


def test_the_company_without_a_clear_name_is_no_card() -> None:
    found = shown("The company employs more than 39,000 people and opened a plant in Ohio in 1998. The Lakeside plant makes glass for phones in Ohio.")
    assert not any("company" in t for t in found) and found


def test_role_title_starting_the_sentence_is_lower_case_in_the_question() -> None:
    text = "Trade minister Liesje Schreinemacher told parliament in a letter that the rules would take effect on September 1."
    assert "Which trade minister told parliament in a letter that the rules would take effect on September 1?" in shown(text)


def test_counts_win_a_place_in_a_short_article() -> None:
    answers = set(shown((DATA / "chip_exports.txt").read_text()).values())
    assert {"39,000", "2.5 percent", "23"} <= answers


def test_defining_relative_clause_on_a_bare_plural_makes_no_question() -> None:
    text = "Adults who walk at least 7,000 steps a day have a markedly lower risk of heart disease than those who walk less, according to a study published in 2021."
    found = shown("The study followed 2,110 adults in Britain for eleven years. " + text)
    assert not any(t.startswith("At least how many steps do adults") for t in found) and found


def test_recommended_action_is_no_fact() -> None:
    text = "The World Health Organization recommends that adults do at least 150 minutes of moderate physical activity each week."
    found = shown(text)
    assert not any("do adults do" in t for t in found) and found


def test_honorific_is_no_role() -> None:
    text = "Dr. Thomas Yates, a professor with the University of Leicester, called the results of the 2021 study encouraging."
    found = shown(text)
    assert not any(re.search(r"Which dr\.?", t, re.IGNORECASE) for t in found) and found


def test_sentence_initial_common_noun_is_no_organisation() -> None:
    text = "The river carries far less sediment than it did in 1990. Dams built upstream trap much of the sand. China has built 11 dams on the river."
    found = set(shown(text).values())
    assert "Dams" not in found and found & {"1990", "11", "China"}


def test_its_after_a_list_of_places_goes_to_the_subject() -> None:
    text = (
        "The Mekong River runs for about 4,900 kilometres from the Tibetan Plateau through China, Myanmar, Laos and Cambodia. "
        "Its delta covers roughly 40,000 square kilometres and is home to about 17 million people."
    )
    texts = shown(text)
    assert any(t.startswith("The Mekong River's delta") or "the Mekong River's delta" in t for t in texts)


def test_measure_used_as_adjective_is_no_count() -> None:
    text = "Moreira, a former 5,000-metre champion, was cheered by thousands of spectators along the Avenida da Liberdade in 2023."
    found = set(shown(text).values())
    assert "5,000-metre" not in found and found


def test_a_pronoun_whose_antecedent_the_card_holds_does_not_block_it() -> None:
    text = "In his first year as mayor, Tomas Ekberg opened 14 public libraries across the city of Uppsala."
    assert any("{{14}}" in c.text and c.text.startswith("In his first year") for c in offered(text))


def test_a_root_subject_it_needs_its_antecedent_but_an_expletive_it_does_not() -> None:
    vague = "During the winter, it is managed by a committee of twelve volunteers chosen every spring."
    assert not any("it is managed" in c.text for c in offered("The museum trust was founded in Leeds in 1921. " + vague))
    clear = "When the storm reached the coast in 1953, it became clear that the old sea walls were too low."
    assert any("{{1953}}" in c.text for c in offered(clear))


def test_a_leading_demonstrative_reads_as_the_in_a_cloze() -> None:
    text = "The treaty opened the river to trade in 1815. This arrangement was challenged by the Austrian delegation in 1822."
    clozes = [c.text for c in offered(text) if c.kind == "cloze" and "1822" in c.text]
    assert clozes and all(t.startswith("The arrangement was challenged") for t in clozes)


def test_a_noun_modifying_another_is_no_description() -> None:
    text = "Alvarez, a former champion, won the city race in Seville in 2022 after a late sprint."
    assert {"Seville", "2022"} & {c.answer for c in offered(text)}


def test_linking_adverbs_are_left_out() -> None:
    texts = [c.text for c in offered(
        "The treaty was signed in Paris in 1856. By March 1857, however, the trade between Britain and France had doubled. "
        "Moreover, the Senate of Belgium approved the treaty on July 28, 1858. Marlowe also studied the birds of Borneo in 1859."
    )]
    assert any(t.startswith("By {{March 1857}}, the trade between") for t in texts)  # the card, without "however"
    assert any("Marlowe studied the birds of" in t for t in texts)
    assert not any(re.search(r"\b(?:however|moreover|also)\b", t, re.IGNORECASE) for t in texts)


def test_a_pronoun_anywhere_in_the_sentence_is_the_person_meant_so_far() -> None:
    text = (
        "Maria Lopez joined the Royal Navy in 1990 after studying engineering in Glasgow. "
        "The navy was short of engineers at the time. "
        "In 1995, she was given command of the frigate Valiant for a tour of the Pacific."
    )
    found = [c for c in offered(text) if "1995" in c.quote]
    assert any(c.answer == "1995" and c.kind == "when" and "Maria Lopez" in c.text and well_formed(c) for c in found), found
    assert all(" she " not in f" {c.text} " for c in found) and any(c.kind == "cloze" and c.text.startswith("In {{1995}}, Maria Lopez was") for c in found)


def test_a_pronoun_after_two_people_is_not_resolved() -> None:
    text = (
        "Maria Lopez and Tom Reed joined the Royal Navy in 1990 after studying engineering in Glasgow. "
        "In 1995, she was given command of the frigate Valiant for a tour of the Pacific."
    )
    found = offered(text)
    assert not any("1995" in c.quote and "Lopez" in c.text for c in found)
    assert any(c.answer == "1990" for c in found)  # the first sentence still gives cards


def test_a_linking_adverb_between_commas_takes_the_comma_before_it() -> None:
    doc = load_model()("Given the support of the town, however, the mayor signed the plan in 1901.")
    dropped = {i for i, text in unlinked(doc[:]) if text == ""}
    assert [doc[i].text for i in sorted(dropped)] == [",", "however"]  # the comma after stays for any cut before it
    doc = load_model()("However, the mayor signed the plan in 1901.")
    assert [doc[i].text for i, _ in unlinked(doc[:])] == ["However", ","]  # opening: the comma after goes


def test_it_after_a_sentence_whose_subject_is_a_name_is_that_name() -> None:
    cards = made(
        "The Esk Rowing Club belongs to its members. "
        "In winter, it is managed by a committee of twelve volunteers chosen by the rowers every spring."
    )
    assert any(c.text.startswith("In winter, the Esk Rowing Club is managed by a committee of") for c in cards)
    texts = [c.text for c in made(
        "Tidefinder went live at the county archive in 2019. At present, it’s driving the Marsh Records App, which lets readers "
        "order maps. The archive keeps old maps, letters and photographs of the town and its harbor in a dry cellar."
    )]
    assert "At present, Tidefinder is driving the {{Marsh Records App}}." in texts


def test_it_is_left_alone_after_a_person_a_phrase_or_as_an_expletive() -> None:
    doc = load_model()("Edith Marlowe opened the dock in 1931. Later it was sold to the county for a small sum.")
    first, second = list(doc.sents)
    assert resolve_it(second, first) == ()  # a person is no "it"
    doc = load_model()("The Esk Rowing Club belongs to its members. It is clear that the town needs it.")
    first, second = list(doc.sents)
    assert resolve_it(second, first) == ()  # "It is clear that …" stands for the clause
    doc = load_model()("The Esk Rowing Club belongs to its members. It is managed by a committee of twelve volunteers.")
    first, second = list(doc.sents)
    assert [text for _, text in resolve_it(second, first)] == ["The Esk Rowing Club"]  # positive control


def test_the_trio_after_a_sentence_naming_three_people_is_those_three() -> None:
    three = "The sailors Ann Reed, Tom Keane and Maria Lopez left the port of Dover in the spring of 1901. "
    rest = "The trio reached the island of Vell in May 1902 after a long voyage."
    texts = [c.text for c in made(three + rest)]
    assert any("Ann Reed, Tom Keane and Maria Lopez reach" in t for t in texts)
    texts = [c.text for c in made("The sailors Ann Reed and Maria Lopez left the port of Dover in the spring of 1901. " + rest)]
    assert texts and not any("reached" in t for t in texts)  # two people: "the trio" is unknown


def test_a_name_after_a_role_noun_is_a_person_whatever_its_label() -> None:
    doc = load_model()("Mountain guide Ann Reed climbed to Zermatt with porter Tom Keane and the team in May.")
    doc.ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 6, 7, label="LOC"), Span(doc, 9, 11, label="LOC")]
    assert [_role_before(e) for e in doc.ents] == [True, False, True]  # "Zermatt": no role noun before it


def test_an_opening_phrase_pointing_back_goes_but_one_saying_what_it_answers_stays() -> None:
    for opener in ("As a result,", "In response,", "In the meantime,", "By contrast,"):
        doc = load_model()(f"{opener} the council of Marlow closed the old ferry in 1911.")
        dropped = [doc[i].text for i, text in unlinked(doc[:]) if text == ""]
        assert " ".join(dropped) == opener.replace(",", " ,")  # the phrase and its comma
    doc = load_model()("In response to the flood, the council of Marlow closed the old ferry in 1911.")
    assert unlinked(doc[:]) == ()  # it says what it responds to
    cards = made(
        "The river at Marlow flooded twice in the spring of 1910 and again in the autumn. "
        "As a result, the town council of Marlow closed the old ferry in 1911 and built a stone bridge instead."
    )
    asked = [c.text for c in cards if c.answer == "1911"]
    assert asked  # positive control: the year is asked
    assert not any("As a result" in t for t in asked)


def test_a_surname_the_tagger_took_for_an_organisation_gets_the_full_name() -> None:
    from spacy.tokens import Span

    from quiz.generate.nlp import build_entities, load_model, parse

    docs = parse(load_model(), ["The board hired the painter Lena Ortiz in 1990. Ortiz painted the old harbor at night."])
    doc = docs[0]
    start = next(t.i for t in doc if t.text == "Lena")
    later = [t.i for t in doc if t.text == "Ortiz"][-1]
    doc.ents = [Span(doc, start, start + 2, label="PERSON"), Span(doc, later, later + 1, label="ORG")]  # the tagger's mistake, made sure
    entities = build_entities([docs])
    assert entities.labels["ortiz"] == "PERSON"
    assert entities.full_name(0, "Ortiz") == "Lena Ortiz"
    assert entities.full_name(0, "Harbor") == "Harbor"  # control: no person, no full name


def test_thereby_is_left_out_with_the_other_linking_adverbs() -> None:
    texts = [c.text for c in offered(
        "The guild rejected the charter in 1871. The draft written by the weavers thereby became a petition to the Senate of Valdoria."
    )]
    assert any("written by the weavers became a" in t for t in texts)
    assert not any("thereby" in t for t in texts)
