"""Ranking and selection: which candidates become cards, within the per-sentence cap and the budget."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from generate_cards import made

from quiz.generate.candidates import candidates
from quiz.generate.clean import clean_article
from quiz.generate.extract import sentences
from quiz.generate.nlp import build_entities, load_model, parse
from quiz.generate.rank import actor, detail, listed, score
from quiz.generate.types import AnswerType, Candidate

RICH = (
    "In March 1998, the engineer Maria Lopez opened a bridge of 1,200 metres across the Tagus River "
    "for $40 million, with 3,000 workers from Portugal and Spain."
)
FILLER = (
    " The river was wide and the crossing was slow for many people who lived on the southern bank."
    " Ferries carried people and goods across the water every day for a long time before that."
    " Traders and farmers waited for hours at the quays in the wind and the rain of the long winter."
)


OTHER = " The ferry company was founded in Lisbon in 1901 by the merchant Rui Costa."


def test_a_rich_sentence_gives_no_fourth_card_while_other_sentences_have_facts() -> None:
    cards = made(RICH + FILLER + OTHER)  # a budget of four cards (one per 20 words)
    per_sentence = Counter(c.quote for c in cards)
    assert len(cards) == 4 and 2 <= per_sentence[RICH] <= 3  # a date, a name, an amount: more than two facts worth asking
    assert per_sentence[OTHER.strip()] >= 1


def test_a_fourth_card_of_a_rich_sentence_only_from_budget_left_over() -> None:
    cards = made(RICH + FILLER)  # the same budget, and no other sentence with a fact
    assert Counter(c.quote for c in cards)[RICH] == 4
    assert len(made(RICH + FILLER, max_cards=3)) == 3


def test_the_budget_still_bounds_a_rich_sentence() -> None:
    cards = made(RICH + FILLER, max_cards=1)
    assert len(cards) == 1 and cards[0].quote == RICH


DETAILS = (
    "The new telescope mirror was polished at the Harlow Optical Laboratory in Tucson over the winter."
    + FILLER
)


def test_the_city_an_organisation_sits_in_ranks_below_the_organisation() -> None:
    cards = made(DETAILS, max_cards=1)
    assert [c.answer for c in cards] == ["Harlow Optical Laboratory"]


def test_a_city_that_is_the_fact_itself_is_still_asked() -> None:
    cards = made("The new telescope mirror was polished in Tucson over the long and cold winter." + FILLER, max_cards=1)
    assert [c.answer for c in cards] == ["Tucson"]  # positive control: no organisation to yield to


def test_a_name_modifying_a_common_noun_is_a_detail_of_its_phrase() -> None:
    found = _candidates("Engineers of the Apollo program tested the Saturn engine at the Stennis Space Center in 1966.")
    assert detail(found["Apollo"]) and detail(found["Saturn"])
    assert not detail(found["Stennis Space Center"]) and not detail(found["1966"])  # positive control
    found = _candidates("In 1931 the engineers sent a long letter to Harbor Board Director Edith Marlowe about the new dock.")
    assert detail(found["Harbor Board"]) and not detail(found["Edith Marlowe"])  # the office's organisation qualifies the title


def _candidates(text: str) -> dict[str, Candidate]:
    """The first candidate for each answer of a one-paragraph text."""
    nlp = load_model()
    article = clean_article("article.txt", text)
    docs = parse(nlp, [p.text for p in article.paragraphs])
    entities = build_entities([docs])
    found: dict[str, Candidate] = {}
    for sentence in sentences(0, "article", article.paragraphs, docs, entities):
        for candidate in candidates(sentence, entities):
            found.setdefault(candidate.mention.text, candidate)
    return found


def test_a_treaty_war_or_conference_outranks_a_plain_name_in_the_same_place() -> None:
    found = _candidates("In 1850 the two kingdoms signed the Treaty of Harlow to end their long feud over the river.")
    treaty = found["Treaty of Harlow"]
    plain = replace(treaty, mention=replace(treaty.mention, text="Harlow Star", answer="Harlow Star"))
    assert score(treaty, set(), 1, 1) > score(plain, set(), 1, 1)
    year = found["1850"]
    assert score(year, set(), 1, 1) == score(replace(year, mention=replace(year.mention, answer="1851")), set(), 1, 1)  # control


def test_a_country_that_acts_is_no_mere_setting() -> None:
    found = _candidates("Signs that Norway was moving its fleet north from Bergen toward the Arctic Sea worried the council in 1901.")
    assert actor(found["Norway"]) and not actor(found["Bergen"])
    bergen = found["Bergen"].mention
    elsewhere = replace(found["Norway"], mention=replace(found["Norway"].mention, start=bergen.start, end=bergen.end))
    assert score(found["Norway"], set(), 1, 1) > score(elsewhere, set(), 1, 1)  # the same country named where Bergen is


def test_a_later_list_item_or_an_owner_is_not_what_the_sentence_is_about() -> None:
    found = _candidates("The mayor invited Ana Ruiz, Tomas Berg and Lena Ortiz to Harlow Town Hall in 1931 to plan the new dock.")
    assert not listed(found["Ana Ruiz"]) and listed(found["Lena Ortiz"])  # the list's head against its last item
    found = _candidates("Norway's navy sailed north from Bergen toward the Arctic Sea in the spring of 1901.")
    assert listed(found["Norway"]) and not listed(found["Bergen"])


def test_a_person_written_in_full_outranks_the_same_person_by_surname() -> None:
    found = _candidates("In May 1931, Harbor Commissioner Edith Marlowe opened the new dock at Harlow with a long speech.")
    full = found["Edith Marlowe"]
    assert full.mention.type == "person" and full.mention.answer == "Edith Marlowe"
    short = replace(full, mention=replace(full.mention, text="Marlowe"))  # "Marlowe" standing for her
    assert score(full, set(), 1, 1) > score(short, set(), 1, 1)
    year = found["May 1931"]
    assert score(year, set(), 1, 1) == score(replace(year, mention=replace(year.mention, answer="May 1932")), set(), 1, 1)  # control: a date gets none


def test_a_named_region_weighs_as_much_as_a_city() -> None:
    found = _candidates("In 1851 the young painter sailed from Peru to the Coral Archipelago to paint the harbor towns for the museum.")
    region = found["Coral Archipelago"]
    assert region.mention.type == "place" and region.kind == "cloze"
    as_city = replace(region, mention=replace(region.mention, type=AnswerType.CITY))
    assert abs(score(region, set(), 1, 1) - score(as_city, set(), 1, 1)) <= 0.1
    assert score(region, set(), 1, 1) > score(found["Peru"], set(), 1, 1)  # the country it sailed from is the setting


def test_a_fifth_card_only_from_a_long_sentence() -> None:
    from quiz.generate.rank import long_sentence

    found = _candidates(RICH)
    assert not long_sentence(next(iter(found.values())))  # 27 words: four cards at most
    longer = RICH[:-1] + ", and the work took 14 months under the harbor engineer Luis Duarte of the Lisbon Port Authority."
    assert long_sentence(next(iter(_candidates(longer).values())))
    assert Counter(c.quote for c in made(longer + FILLER + FILLER))[longer] == 5  # the budget left over, and facts enough
    assert Counter(c.quote for c in made(RICH + FILLER + FILLER))[RICH] == 4
