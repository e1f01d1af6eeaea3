"""Offices written bare: "the Chair", "the director" read alone name no body. Where the article
writes the office with its body exactly one way ("commissioner of the Harbor Trust"), a card's bare
office gets that body ("From 2009 to 2013, who was the Commissioner of the Harbor Trust?").
"""

from __future__ import annotations

import re

from quiz.generate.filters import normalise

OFFICE_NOUNS = "chair|chairman|chairwoman|director|administrator|governor|commissioner|chancellor|curator|secretary"
WITH_BODY = re.compile(rf"\b((?i:{OFFICE_NOUNS})) of (the [A-Z][\w’'-]*(?: (?:of |and |for |the )*[A-Z][\w’'-]*)*)")
# The office may carry a word placing its holder in time ("the current Chair", "the first director").
BARE = re.compile(rf"\b([Tt]he) (?:(?:current|present|new|former|acting|first|interim) )?((?i:{OFFICE_NOUNS}))\b(?!\s+(?:of\b|[A-Z])|['’]s|-)")


def bodies(text: str) -> dict[str, str]:
    """Office noun -> the one body the text writes it with (the shortest where the longer forms
    start with it: "the Harbor Trust" of "the Harbor Trust Board of Governors")."""
    found: dict[str, set[str]] = {}
    for match in WITH_BODY.finditer(text):
        found.setdefault(match.group(1).lower(), set()).add(match.group(2))
    result = {}
    for office, named in found.items():
        shortest = min(named, key=len)
        if all(body.startswith(shortest) for body in named):
            result[office] = shortest
    return result


def completed(text: str, answer: str, offices: dict[str, str]) -> str:
    """The card text with a bare office given its body, unless the body holds the answer (it
    would give it away)."""
    def fill(match: re.Match[str]) -> str:
        body = offices.get(match.group(2).lower())
        if body is None or normalise(answer) in normalise(body):
            return match.group(0)
        return f"{match.group(0)} of {body}"

    return BARE.sub(fill, text)
