"""A place or body the article keeps naming is no answer (quiz/generate/familiar.py): on invented
histories of two countries and of two companies, each named in four of ten sentences, with the
cards the same text still makes as the positive control."""

from __future__ import annotations

from generate_cards import answers, made

HISTORY = (
    "Norway signed its first fishing treaty with Sweden in 1921 after years of disputes over the northern banks. "
    "The treaty gave Norway the right to fish within ten miles of the western coast. "
    "Sweden kept the right to fish in the eastern straits for another decade. "
    "In 1935 a new fleet sailed from Bergen to the northern banks for the first time. "
    "The fleet was led by Captain Ada Byrne, who had served in the navy for twenty years. "
    "During the war, Norway lost more than half of its fishing boats to mines and storms. "
    "Sweden stayed neutral and sold grain to both sides until the winter of 1944. "
    "After the war, the government of Norway rebuilt the fleet with loans from the Harbor Bank. "
    "By 1955 the catch had grown to 900,000 tons a year. "
    "In 1960 Sweden joined the North Sea Fisheries Council as its eighth member."
)


def test_a_place_named_in_many_sentences_is_no_answer() -> None:
    found = answers(made(HISTORY, kinds=["what"]))
    assert not found & {"Norway", "Sweden"}, found  # "Which country joined …?" in a history of two countries
    assert "North Sea Fisheries Council" in found, found  # positive control: the council is asked


def test_a_place_named_once_is_asked() -> None:
    found = answers(made(HISTORY, kinds=["what", "where"]))
    assert "Bergen" in found, found


FERRIES = (
    "The Harbor Board opened its first ferry line with the Marsh Company in 1921 after years of disputes over the piers. "
    "The deal gave the Harbor Board the right to set fares on the western crossing. "
    "The Marsh Company kept the right to run the night boats for another decade. "
    "In 1935 a new ferry sailed from Arden to the island of Tull for the first time. "
    "The ferry was run by Captain Ada Byrne, who had served in the navy for twenty years. "
    "During the war, the Harbor Board lost more than half of its boats to mines and storms. "
    "The Marsh Company stayed open and carried grain to the islands until the winter of 1944. "
    "After the war, the Harbor Board rebuilt the fleet with loans from the Tamar Bank. "
    "By 1955 the ferries carried 900,000 passengers a year. "
    "In 1960 the Marsh Company joined the Coastal Transport Council as its eighth member."
)


def test_a_body_named_in_many_sentences_is_no_answer() -> None:
    found = answers(made(FERRIES, kinds=["what"]))
    assert not found & {"Harbor Board", "Marsh Company"}, found
    assert "Coastal Transport Council" in found, found  # positive control: the body named once is asked
