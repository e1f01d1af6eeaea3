"""Cards that give their own answer away: the card writes part of the answer elsewhere (its leading
word, another of its words in lower case, its head after "the": "Which accords fit the Tamar
plan?" -> "Tamar Accords", "the board chooses …" -> "Board of Directors"), the initials beside the
gap spell it ("the {{Board of Trade}} (BOT)"), even of a part of it, a word of the card with a
suffix spells it ("International" -> "internationalism"), or the card writes the country's
adjective ("the Swedish envoy" -> "Sweden"). context.py asks this after what the card leans on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quiz.decks.model import CLOZE_GAP
from quiz.generate.types import NAMED_TYPES, QUESTION_KINDS, AnswerType, Candidate
from quiz.generate.words import CATEGORY_NOUNS

ROMAN = re.compile(r"^[IVX]+$")
GIVEAWAY_TYPES = (NAMED_TYPES - {AnswerType.PERSON}) | {AnswerType.TERM}
WORD = re.compile(r"[A-Za-z][\w’'-]*")
GLOSS = re.compile(r"\s*\(([A-Z]{2,8})\)")
# What is named for a person: the category nouns, and honours and ideas.
NAMED_FOR = CATEGORY_NOUNS | frozenset("endowment corollary prize award medal trust memorial lecture scholarship fellowship".split())
# A term that is a word of the card and one of these endings spells itself: "International" -> "internationalism".
SUFFIXES = ("ism", "ist", "ists", "ity", "ization", "isation", "ness")
DERIVED_STEM = 6
# Words too common to give anything away, and the parts of names shared by whole families of them.
FUNCTION_WORDS = frozenset(
    """a an the of and or for to in on at by with from as into over under about after before between through
    during without within its their his her our your this that these those it they he she we new old first
    second third last other same more most many much several all each every one two three four five six seven
    eight nine ten hundred thousand million billion is are was were be been being has have had do does did not
    no national international united states state north south east west northern southern eastern western
    central general great upper lower s""".split()
)


def reason(candidate: Candidate) -> str:
    """How the card gives its answer away; empty when it does not."""
    if given_away(candidate):
        return "the answer shares a word with the card"
    if _derived(candidate):
        return "the answer is a word the card writes, with a suffix"
    if _demonym(candidate):
        return "the card writes the country's adjective"
    if _glossed(candidate):
        return "the answer's initials beside the gap"
    return ""


def given_away(candidate: Candidate) -> bool:
    """The card writes part of a name's answer elsewhere: its leading word ("the county's Tamar plan"
    for "Tamar Accords"), another of its words in lower case ("fisheries" for "Fisheries Alliance")
    unless as the same kind of thing ("savings banks" beside "Harlow Savings Bank"), or its head
    after "the" ("the board chooses" for "Board of Directors"). A question's own wh-phrase ("Which
    accords …") names the answer's kind on purpose and is left out; dates and numbers are not
    checked ("10 years" beside "five years"), and people only for a thing named for them (two
    Nelsons are two people)."""
    mention = candidate.mention
    if mention.type == AnswerType.PERSON:
        return _named_for(candidate)
    if mention.type not in GIVEAWAY_TYPES:
        return False
    question = candidate.kind in QUESTION_KINDS
    words = [w for w in WORD.findall(mention.answer if question else mention.text) if not ROMAN.match(w)]
    stems = [_stem(w) for w in words]
    if not stems:
        return False
    head = stems[stems.index("of") - 1] if "of" in stems[1:] else stems[-1]
    kinds = {head} | (set(stems) & CATEGORY_NOUNS)  # "Lake Superior" is a lake as "Crimean War" is a war
    rest = re.sub(r"^.*?\b(?:[Ww]hich|[Ww]hat)\s+[\w’'-]+", " ", candidate.text, count=1) if question else CLOZE_GAP.sub(" ", candidate.text)
    written = WORD.findall(rest)
    leading = stems[0] if len(stems) > 1 and stems[0] not in kinds and stems[0] not in FUNCTION_WORDS else ""
    modifiers = set(stems) - FUNCTION_WORDS - kinds
    thing = mention.type in (AnswerType.THING, AnswerType.TERM)
    for index, word in enumerate(written):
        stem = _stem(word)
        after = written[index + 1] if index + 1 < len(written) else ""
        following = _stem(after)
        if stem == leading and not (after[:1].isupper() and following not in stems):
            return True  # not "Lake Huron" beside "Lake Erie": another name of the same kind
        if not word.islower():
            # A distinctive inner word of a longer name of a thing written as a name elsewhere in
            # the card ("won the {{Harwell Bridge Medal}} for the Bridge Survey"): the card's name points
            # to it. Bodies and places share such words by habit ("Space", "Research") and stay.
            if thing and stem in modifiers and stem != leading and len(words) > 2 and not _opening(rest, word):
                return True
            continue
        if stem in modifiers and following not in kinds:
            return True
        if stem in kinds and index and written[index - 1].lower() == "the" and stem not in FUNCTION_WORDS:
            return True
    return False


def _derived(candidate: Candidate) -> bool:
    """A one-word term made of a word the card writes and a suffix ("a fund for Maritime Studies,
    dedicated to promoting {{maritimism}}"): the card spells all but its ending."""
    mention = candidate.mention
    if mention.type != AnswerType.TERM or " " in mention.text:
        return False
    answer = mention.text.casefold()
    rest = CLOZE_GAP.sub(" ", candidate.text) if candidate.kind not in QUESTION_KINDS else candidate.text
    return any(
        len(word) >= DERIVED_STEM and answer != word.casefold() and answer.startswith(word.casefold().rstrip("e")) and answer[len(word) :].endswith(SUFFIXES)
        for word in WORD.findall(rest)
    )


def _demonym(candidate: Candidate) -> bool:
    """A country whose adjective the card writes ("the Danish envoy proposed a pact between Norway
    and {{Denmark}}"): the adjective answers the gap."""
    mention = candidate.mention
    if mention.type != AnswerType.COUNTRY:
        return False
    country = mention.answer.removeprefix("the ")
    for token in candidate.sentence.span:
        word = token.text
        if token.ent_type_ != "NORP" or not word[:1].isupper() or word in (country, mention.text) or mention.start <= token.i < mention.end or word not in candidate.text:
            continue
        if word[:4] == country[:4] or word[:2] == country[:2] and word.endswith(("ch", "sh")):
            return True
    return False


def _glossed(candidate: Candidate) -> bool:
    """ "the {{Board of Trade}} (BOT)": the initials in brackets after the gap spell the answer
    (its small words too: the "O" of "of"), or the words before "({{MOH}})" spell the gap."""
    gap = CLOZE_GAP.search(candidate.text)
    if gap is None:
        return False
    after = GLOSS.match(candidate.text[gap.end():])
    if after is not None:
        return _spells(after.group(1), candidate.mention.text) or _partly_spells(after.group(1), candidate.mention.text)
    # "the Bureau of Fisheries ({{BOF}})": the words before the bracket spell the gap. (The
    # search from every position is what costs: the cheap checks first.)
    acronym = gap.group(1)
    if not candidate.text[gap.end():].startswith(")") or not re.fullmatch(r"[A-Z]{2,8}", acronym) or not candidate.text[: gap.start()].endswith("("):
        return False
    before = re.search(r"((?:[\w’'&.-]+\s+){1,8})\($", candidate.text[: gap.start()])
    if before is None:
        return False
    words = before.group(1).split()
    return any(_spells(acronym, " ".join(words[start:])) for start in range(len(words)))


def _partly_spells(acronym: str, words: str) -> bool:
    """The initials of two or more words of the answer in a row are letters of the acronym in a row
    ("the {{Vega Harbor Survey}} (HSV) unit"): the bracket tells those words, and the gap is a guess
    at the rest."""
    initials = "".join(word[0] for word in WORD.findall(words) if word[0].isupper())
    return any(initials[start : start + 2] in acronym for start in range(len(initials) - 1))


def _spells(acronym: str, words: str) -> bool:
    """The acronym's letters, in order, are initials of the words (small words too)."""
    letters = iter("".join(word[0] for word in WORD.findall(words)).upper())
    return len(acronym) >= 2 and all(letter in letters for letter in acronym)


def _opening(text: str, word: str) -> bool:
    """`word` is written only where a capital says nothing: the card's first word."""
    return text.lstrip().startswith(word) and text.count(word) == 1


def _named_for(candidate: Candidate) -> bool:
    """A person whose surname the card writes in the name of a thing named for them ("the Byrne
    Endowment … founded by {{Ada Byrne}}", "Stone’s Rule"): the thing's name answers the gap."""
    words = candidate.mention.answer.split()
    if len(words) < 2:
        return False
    surname = words[-1]
    rest = CLOZE_GAP.sub(" ", candidate.text) if candidate.kind not in QUESTION_KINDS else candidate.text
    return any(_stem(after) in NAMED_FOR for after in re.findall(rf"(?<![\w-]){re.escape(surname)}(?:['’]s)? ([A-Z][\w’'-]*)", rest))


@lru_cache(maxsize=8192)  # the same words come back in every card of an article
def _stem(word: str) -> str:
    """A crude lemma: lower case, possessive and plural endings off ("Vaccines" -> "vaccine");
    an acronym stays whole ("FTPS" is not "FTP")."""
    if word.isupper() and len(word) > 1:
        return word.lower()
    word = re.sub(r"['’]s?$", "", word.lower())
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
