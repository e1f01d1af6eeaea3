"""Acronyms the article spells out once, shown spelt out in later cards ("the BTR" -> "the Board of Tide Records")."""

from __future__ import annotations

from generate_cards import made, offered, well_formed

TEXT = (
    "In 2019 the Ministry of Fisheries (MOF) in Valdoria reported a sharp fall in the herring catch. "
    "In March 2020, the MOF in Valdoria closed the northern banks to trawlers for three years. "
    "Later that year the Coastal Survey Office (CSO) counted 4,000 seals on the Karsk skerries."
)


def _cards_with(word: str) -> list[str]:
    cards = [c for c in made(TEXT) if word in c.text]
    assert cards and all(well_formed(c) for c in cards)  # positive control: the sentences make cards
    return [c.text for c in cards]


def test_a_glossed_acronym_is_spelt_out_in_a_later_card() -> None:
    texts = _cards_with("Ministry of Fisheries in Valdoria clos")
    assert all("MOF" not in t for t in texts)


def test_no_card_asks_for_the_acronym_it_spells_out() -> None:
    cards = made(TEXT)
    assert cards and not any(c.answer in ("MOF", "CSO") or "{{Ministry of Fisheries}}" in c.text for c in cards)


def test_an_acronym_never_spelt_out_stays_as_written() -> None:
    text = (
        "The QRT office in Valdoria opened in 1998. "
        "In March 2020, the QRT in Valdoria closed the northern banks to trawlers for three years."
    )
    cards = [c for c in made(text) if "the northern banks" in c.text]
    assert cards and all("QRT" in c.text for c in cards)


def test_an_owned_glossed_name_is_spelt_out_with_the() -> None:
    text = (
        "In 2011 the Valdorian navy's Office of Coastal Defence (OCD) mapped the Karsk skerries. "
        "OCD proposed a ban on trawling near the skerries in March 2014."
    )
    cards = [c for c in offered(text) if "ban on trawling" in c.text and c.answer != "OCD"]
    assert cards and all("the office of coastal defence propose" in c.text.lower() for c in cards)
