"""Distractors: plausible wrong options of the answer's type and form, drawn from the whole input.

Names here: countries against countries and cities against cities (no land tagged as a city,
"Valdoria", offered for a town), people only against people of
the same title, organisations only against names of the same kind noun ("… Agency" against
agencies) and digit form; values (years, numbers, dates) in `wrongvalues`. None that the source
sentence names, and none from a roll of six or more names in one sentence (signatories,
members: they fit only their role). A small curated list fills in only for capitals and news outlets; countries and
international bodies come from the article alone (a list of the world's would offer "Argentina"
for Ghana, "Spain" for Canada, NATO for a body founded in 1943).
Never an alias of the answer. No options where a wrong value would also be true ("by 1957",
"more than 40": an open bound), for common-noun terms (no list of the same kind exists in the
text), or where fewer than three good ones exist: such a card stays a typed card.
Deterministic: choices depend only on the input.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from quiz.generate.answertypes import category, family_of, name_family
from quiz.generate.filters import normalise
from quiz.generate.nlp import key
from quiz.generate.types import PLACE_TYPES, AnswerType, Mention
from quiz.generate.words import COUNTRIES, STATES
from quiz.generate.wrongvalues import first_number, is_value, latest_year, wrong_values

CHOICES = 3
ROLL = 6  # names of one type in one sentence that make a roll of members
FALLBACK = {
    "city": ("London", "Paris", "Madrid", "Rome", "Tokyo", "Ottawa", "Berlin", "Cairo", "Lima", "Moscow", "Beijing", "Geneva"),
    "outlet": ("Reuters", "Associated Press", "BBC", "CNN", "Bloomberg", "Agence France-Presse", "The New York Times"),
}
COUNTRY_ENDINGS = ("ia", "stan", "land")
REGION_WORDS = frozenset("western eastern northern southern".split())  # not "South": South Africa
PLACE_JOINERS = frozenset("of the de del da do du la le and upon on".split())
LEADER_ROLES = frozenset("leader president premier chancellor king queen emperor shah tsar czar dictator".split())
POSSESSIVE = re.compile(r"\w['’]s\b|\ws['’](?!\w)")
POSSESSIVE_END = re.compile(r"(?<=\w)['’](?:s\b|(?!\w))")


@dataclass(frozen=True)
class Option:
    text: str
    type: str
    role: str  # a person's title word ("president"); "outlet" for a news organisation
    family: str  # what a named thing is: "government", "international", "law"… ("" when unknown)


@dataclass(frozen=True)
class Pool:
    """The input's answers by type, with what every card's options are checked against."""

    by_type: dict[str, list[Option]]
    surnames: frozenset[str] = frozenset()  # of the people named: no place option is one ("Corbin" tagged as a city)
    latest_year: int | None = None  # the latest year the input names
    # The names listed with each name in some sentence ("Germany, Austria and Italy"): in the same
    # role, so as likely true of a question as the answer.
    peers: dict[str, frozenset[str]] = field(default_factory=dict)
    # The names of a roll ("Signatories included France, Ireland, Canada, …"): members of one role,
    # they fit only that role, and an answer outside it gets them as options a reader sets aside.
    rolled: frozenset[str] = frozenset()


def pool(sentences: list[list[Mention]]) -> Pool:
    """Every distinct answer of the input (its mentions sentence by sentence) by type, in
    first-seen order; a role or family any of a name's mentions shows is kept."""
    by_type: defaultdict[str, dict[str, Option]] = defaultdict(dict)
    peers: defaultdict[str, set[str]] = defaultdict(set)
    rolled: set[str] = set()
    for mentions in sentences:
        for kind in {m.type for m in mentions}:
            names = {key(m.answer) for m in mentions if m.type == kind and not is_value(m)}
            if len(names) >= ROLL:
                rolled |= names
        for mention in mentions:
            if mention.type == "person" and name_family(mention.answer) or mention.pair:
                continue  # "Manchester Railway" tagged as a person is no person to offer; two names are no one option
            options = by_type[mention.type]
            name = key(mention.answer)
            seen = options.get(name)
            if seen is None or (not seen.family and family_of(mention)):
                options[name] = Option(mention.answer, mention.type, mention.role or (seen.role if seen else ""), family_of(mention))
            peers[name].update(key(m.answer) for m in mentions if m.type == mention.type and not is_value(m))
    named = {name: frozenset(others - {name}) for name, others in peers.items()}
    return make_pool({kind: list(options.values()) for kind, options in by_type.items()}, named, frozenset(rolled))


def make_pool(by_type: dict[str, list[Option]], peers: dict[str, frozenset[str]] | None = None, rolled: frozenset[str] = frozenset()) -> Pool:
    # A name written like a person's and tagged as an organisation ("Ilse Varga") gives a surname too.
    named = [o for kind, group in by_type.items() if kind not in PLACE_TYPES for o in group if kind == AnswerType.PERSON or looks_like_person(o.text)]
    surnames = frozenset(key(o.text.split()[-1]) for o in named)
    return Pool(by_type, surnames, latest_year(o.text for group in by_type.values() for o in group), peers or {}, rolled)


TALLY = re.compile(r"^\d{1,3} ?(?:to|–|-) ?\d{1,3}$")  # "61 to 9", "40–3"

def choices(
    mention: Mention, options: Pool, text: str = "", before: str = "", sentence: str = "", plural: bool = False
) -> tuple[str, ...]:
    """Three wrong options, none shown in `text` (the question or cloze) nor named in `sentence`
    (the source sentence), or none. `before` is the sentence's text just before the answer: a bound
    there ("by", "more than") leaves no wrong value. `plural`: the answer counts a plural noun, so
    no option counts fewer than two ("one programs")."""
    if mention.type == AnswerType.TERM or mention.pair or TALLY.match(mention.answer):
        return ()  # a vote's tally: scaling one side ("122 to 9" for "61 to 9") makes an impossible vote
    if is_value(mention):
        found = wrong_values(mention, [o.text for o in options.by_type.get(mention.type, [])], options.latest_year, before, sentence)
        if plural:
            found = [t for t in found if (count := first_number(t)) is None or count >= 2]
        named = " "
    else:
        peers = options.peers.get(key(mention.answer), frozenset())
        found = [t for t in _same_family(mention, options.by_type.get(mention.type, []), options.surnames) if key(t) not in peers and key(t) not in options.rolled]
        # A name of the source sentence is either given away by the card or also true of it: "NASA,
        # ESA and CSA released …", "under Akers’s successor, {{Lea Stone}}" against "Tom Akers".
        named = _words(sentence)
    shown = _words(text.replace("{{", " ").replace("}}", " "))
    picked = [t for t in _distinct(mention, found) if not _named(t, mention, shown) and not _named(t, mention, named)][:CHOICES]
    return tuple(picked) if len(picked) == CHOICES else ()


def _words(text: str) -> str:
    """The text normalised for a word search, possessives dropped ("Akers’s" is "Akers")."""
    return f" {normalise(POSSESSIVE_END.sub('', text))} "


def _named(option: str, mention: Mention, words: str) -> bool:
    """True when the option, or a person's surname, is among the words."""
    if f" {normalise(option)} " in words:
        return True
    return mention.type == "person" and f" {normalise(option.split()[-1])} " in words


def _distinct(mention: Mention, texts: list[str]) -> list[str]:
    """The texts without aliases or parts of the answer's name, or of each other's."""
    forms = (mention.answer, mention.text, *mention.accept)
    taken_keys = {key(form) for form in forms} | {_initials(form) for form in forms}
    words = [set(normalise(form).split()) for form in (mention.answer, mention.text, *mention.accept)]
    result = []
    for text in texts:
        mine = set(normalise(text).split())
        if not mine or key(text) in taken_keys or _initials(text) in taken_keys - {""} or any(mine <= w or w <= mine for w in words if w):
            continue  # an alias, a part of a name already used, or a name containing one
        taken_keys.update((key(text), _initials(text)))
        words.append(mine)
        result.append(text)
    return result


def _initials(text: str) -> str:
    """ "HMA" for "Harbor Management Authority": a name and its acronym are one
    option. Short names have none (their initials would clash with real words)."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]*", text) if w[0].isupper()]
    return key("".join(w[0] for w in words)) if len(words) >= 3 else ""


def _same_family(mention: Mention, options: list[Option], people: frozenset[str]) -> list[str]:
    """People of the same title; organisations and things only of the same family; places by type,
    none that is a person's surname (`people`)."""
    family = family_of(mention)
    if family == "leader":
        return _leaders(mention, options)
    if mention.type == "person":
        # Only people of the answer's title ("Secretary of State X" against secretaries, written like
        # names: "Moon" tagged as a person is none). A person the text gives no title has no safe
        # wrong options: the article's other people are whoever it names (a chair's predecessors
        # beside an investor quoted once, artists of one group beside those of another), as often
        # also true as plainly wrong.
        same = [o.text for o in options if family and o.family == family and looks_like_person(o.text) and _same_length(o.text, mention.answer)]
        return _rotate(same, mention)
    if mention.type in ("organization", "thing", "place"):
        if not family:
            return []  # an unknown family of thing or organisation has no safe wrong options
        same = [o.text for o in options if o.family == family and key(o.text) != key(mention.answer) and _same_form(o.text, mention.answer)]
        if mention.type == "organization" and family != "outlet":
            # "government" holds administrations, agencies and army units: an organisation's options
            # carry its kind of name ("… Administration" against administrations), and one whose
            # name shows no kind ("… Hall of Fame") has none.
            kind = category(mention.answer)
            same = [text for text in same if kind is not None and category(text) == kind]
        # The curated list only tops up a family the article itself shows twice.
        fallback = FALLBACK.get(family, ()) if mention.type == "organization" and same else ()
        return _rotate(same, mention) + _rotate(list(fallback), mention)
    if mention.type not in PLACE_TYPES or not looks_like_place(mention.answer) or _region(mention.answer):
        return []  # "J.D." or "Jr." tagged as a city, "Western United States": no list of cities fits it
    places = [  # "Embassy" or "Corbin" tagged as a city is no city
        o.text for o in options if not category(o.text) and looks_like_place(o.text) and not _region(o.text) and key(o.text) not in people
        and (mention.type != AnswerType.CITY or _country_shaped(o.text) <= _country_shaped(mention.answer))
    ]
    return _rotate(places, mention) + _rotate(_fallback_places(mention), mention)


def _same_form(text: str, answer: str) -> bool:
    """A name with a number in it ("5th Coastal Signal Company") against names with one only."""
    return any(ch.isdigit() for ch in text) == any(ch.isdigit() for ch in answer)


def _region(text: str) -> bool:
    """ "Western United States", "Northern Europe": a part of a place, no town or country."""
    return text.split()[0].casefold() in REGION_WORDS


def _country_shaped(text: str) -> bool:
    """A name written like a country or a land, known or not ("Valdoria", "Ruritania", "Moldova",
    "Iceland"): tagged as a city, it would be offered for a town."""
    folded = text.casefold()
    return folded in COUNTRIES or folded in STATES or folded.endswith(COUNTRY_ENDINGS)


def _fallback_places(mention: Mention) -> list[str]:
    """Countries against well-known countries; a capital against capitals, but a small town
    against the world's capitals would be no test ("Columbus" against "Paris" and "Rome")."""
    known = FALLBACK.get(mention.type, ())
    if mention.type == AnswerType.CITY and key(mention.answer) not in {key(city) for city in known}:
        return []
    return list(known)


def looks_like_place(text: str) -> bool:
    """Capitalised words, maybe joined by "of", "the", "de"…, with no abbreviation point or
    hyphenated adjective: "Republic of Korea" and "Tarbes", not "Ga.", "Jr." or "Denmark-based"."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(
        (word[:1].isupper() or word in PLACE_JOINERS) and word.replace("’", "'").replace("'", "").isalpha() for word in words
    )


def looks_like_person(text: str) -> bool:
    """Two or more capitalised words, none a category noun and none possessive ("Gorilla Glass"
    passes, "Moon", "Tamar Space Center" or "Lea Stone’s Rule" do not)."""
    words = text.split()
    return (
        len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() and not POSSESSIVE.search(text)
        and not name_family(words[-1]) and not category(text)
    )


def _same_length(text: str, answer: str) -> bool:
    """A surname against surnames, a full name against full names."""
    return (len(text.split()) == 1) == (len(answer.split()) == 1)


def _leaders(mention: Mention, options: list[Option]) -> list[str]:
    """Other heads of government of the input, written like the answer ("Bush" against "Obama",
    a full name against full names): only they fit "the _____ administration"."""
    leaders = [o.text for o in options if o.family in LEADER_ROLES]
    if len(mention.answer.split()) == 1:
        leaders = list(dict.fromkeys(text.split()[-1] for text in leaders))
    return _rotate(leaders, mention)


def _rotate(items: list[str], mention: Mention) -> list[str]:
    """The items in an order that varies by answer but not between runs."""
    if not items:
        return items
    shift = int(hashlib.sha1(mention.answer.encode()).hexdigest(), 16) % len(items)
    return items[shift:] + items[:shift]


def swap(mention: Mention, options: Pool, text: str, before: str = "", sentence: str = "", plural: bool = False) -> str | None:
    """A same-type replacement that makes a true statement false."""
    found = choices(mention, options, text, before, sentence, plural)
    return found[0] if found else None
