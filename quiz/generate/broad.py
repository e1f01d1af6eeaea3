"""Answers too broad to be the fact a card asks for: a continent, an ocean or a world region.

Such a place is the backdrop of a story ("the firm moved its office from Truro to {{South
America}}", "the mills in {{Asia}}, Africa and …"): a reader guesses it from the rest of the card
or from what everyone knows, and the card teaches nothing. A compass word in front ("northern
Europe", "central North America") leaves the answer as broad.
"""

from __future__ import annotations

import re

from quiz.generate.words import COUNTRIES, REGIONS

COMPASS = re.compile(r"^(?:the )?(?:(?:north|south|east|west)(?:ern)?|central|(?:north|south)-?(?:east|west)(?:ern)?) ")


def region(answer: str) -> bool:
    """The answer is a continent, an ocean or a world region, with or without a compass word ("South Africa"
    is a country, not the south of one)."""
    folded = " ".join(re.sub(r"[^\w\s]", " ", answer.lower()).split())
    folded = folded.removeprefix("the ")
    return folded in REGIONS or folded not in COUNTRIES and COMPASS.sub("", folded) in REGIONS
