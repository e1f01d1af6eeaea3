"""Cards that test nothing worth learning: the answer only names what the card's own words point
to, or the card gives too little to pin its answer down.

A state or country written right after a town in it ("Harlow, {{Essex}}") is geography, not the
article. A name that only modifies a common noun ("{{Earth}} observations", "{{NASA}} missions", "the
{{Amazon}} rainforest") is guessed from the noun. "Which senate approved …? U.S. Senate" asks for
a kind the question already names, told apart only by the country. A question whose answer is
its subject and whose other words name nothing ("Which organization is supporting local
outreach events?") has many answers. A body named by its kind alone ("confirmed by the
{{Senate}}", "the {{Constitution}}") is the word any reader puts there, and one item of a list of
four or more ("Chile, Peru, {{Ghana}}, Nepal and Fiji"), or of three examples ("banks such as …"),
could be any other item. The country of an
office ("the Premier of {{Norway}}", "{{U.S.}} President X") is told by the office, and the town
of an institution ("Marlow University in {{Vermont}}") is a detail of its name, and "his wife of
{{41 years}}" holds only the day it was written. Counts the card gives away are givencounts.py's,
answers other words fit as well loose.py's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.decks.model import CLOZE_GAP
from quiz.generate import givencounts, loose
from quiz.generate.answertypes import answer_type
from quiz.generate.givencounts import LISTED
from quiz.generate.loose import INFORMATIVE
from quiz.generate.shorten import NAME_SUFFIXES
from quiz.generate.types import NAMED_TYPES, PLACE_TYPES, QUESTION_KINDS, AnswerType, Candidate
from quiz.generate.words import CATEGORY_NOUNS, OFFICE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

WHICH = re.compile(r"\b(?i:which) ([a-z]+)\b")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,3}$")
MINOR = frozenset("the of".split())
LONG_LIST = 4
EXAMPLE_LIST = 3  # examples of an open set: three are already a sample, not the set
# What a list of names may be made of, between the word that opens it and the gap.
EXAMPLE_TAGS = frozenset("NNP NNPS NN NNS DT JJ , HYPH POS".split())
EXAMPLE_JOINERS = frozenset("and or of & the".split())
REGIONS = frozenset("western eastern northern southern central".split())
OFFICE_REACH = 6  # tokens from an office to the "of" of its country: "President Kim Soo - min of"
# Kinds of body and office, and the compass points a text capitalises for a region ("the West").
BARE_KINDS = CATEGORY_NOUNS | OFFICE_WORDS | frozenset("chair government west east north south".split())
# Our planet and its star: "on {{Earth}}", "orbiting the {{Sun}}" are common knowledge, never the fact.
HOME = frozenset(("earth", "sun"))
# Names of a body's seat: the place after "in" is where the body is, not where anything happened.
SEATS = frozenset("headquarters hq".split())
SPOUSES = frozenset("wife husband spouse partner".split())
# A gap with a bracket right after or around it: "{{Republic of Kiribati}} (Kiribati)", "12 miles ({{19 kilometres}})".
BRACKET_AFTER = re.compile(r"\{\{([^}]+)\}\}\s*\(([^()]+)\)")
BRACKET_AROUND = re.compile(r"(\S+(?: [^\s(]+){0,3}) \(\{\{([^}]+)\}\}\)")
# An acronym asked in the brackets after the name it stands for: "the Harbor Survey Unit ({{HSX}})"
# labels the name the card writes, however its letters were chosen.
BRACKETED_ACRONYM = re.compile(r"[A-Z][\w’'-]* \(\{\{[A-Z][A-Z0-9-]{1,7}\}\}\)")
AMOUNT = re.compile(r"^[$€£]?\d[\d,.]*(?: [A-Za-z.º°]+){0,3}$")  # only an amount: "2.4 million square miles"
# Nouns a name before them names one of ("the Vega program"), beyond the category nouns of names.
KIND_NOUNS = CATEGORY_NOUNS | frozenset(
    """hotel spacecraft satellite rocket ship vessel aircraft plane range instrument campaign initiative
    building site system series expedition operation award prize medal mountain peak glacier""".split()
)


def reason(candidate: Candidate) -> str:
    """Why the card tests nothing; empty when it does."""
    if _town_before(candidate):
        return "the town before the answer says where it is"
    if _seat_of(candidate):
        return "only where a body the card names has its seat"
    if _modifier(candidate) or _owner_of_named_body(candidate):
        return "a name modifying the noun that gives it away"
    if _kind_named(candidate):
        return "the kind asked for is the answer"
    if _vague(candidate) or _vague_gap(candidate) or _span_from_before(candidate):
        return "nothing in the card pins the answer"
    if _survivors_count(candidate):
        return "how many relatives survive someone: no fact of the story"
    if _marriage_length(candidate):
        return "how long a marriage has lasted: true only on the day of writing"
    if why := givencounts.reason(candidate):
        return why
    if _restated(candidate.text) or BRACKETED_ACRONYM.search(candidate.text):
        return "a bracket beside the gap restates the answer"
    if candidate.mention.answer in NAME_SUFFIXES:
        return "a name's suffix (\"Jr.\") is no name"
    if candidate.mention.answer.casefold().removeprefix("the ") in HOME:
        return "the planet or its star: what anyone would guess"
    if _bare_kind(candidate.mention.answer):
        return "a kind of body or office named by its kind alone: the context says which"
    if _region_of(candidate):
        return "a part of a place named by its compass point"
    if _office_country(candidate):
        return "the country of an office its holder is named with"
    if _label_of_people(candidate):
        return "a description standing as the title of the people named after it"
    if _long_list_item(candidate) or _example_item(candidate):
        return "one item of a long list: any item left out fits as well"
    return loose.reason(candidate)


def _bare_kind(answer: str) -> bool:
    """A name that is only its kind, capitalised for the one body the text means ("the {{Senate}}",
    "the {{Constitution}}", "the {{Company}}", "the {{Chair}}", "{{Embassies}}"): the sentence around it
    tells which body acts, so the gap asks a word any reader would put there."""
    words = answer.removeprefix("the ").split()
    if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
        return False
    word = words[0].lower()
    return any(form in BARE_KINDS for form in (word, word.removesuffix("s"), re.sub(r"ies$", "y", word)))


def _region_of(candidate: Candidate) -> bool:
    """A part of a place named by its compass point ("{{Northern Italy}}", "the {{Southern
    Hemisphere}}"): no place of its own, and many answers fit."""
    mention = candidate.mention
    return mention.type in PLACE_TYPES and mention.answer.split()[0].casefold() in REGIONS


def _office_country(candidate: Candidate) -> bool:
    """A country that only says whose an office is ("{{U.S.}} President Ada Byrne", "the President of
    the {{United States}}", "Premier Lea Stone of {{Norway}}"): the office and its holder tell it; the
    card asks nothing of the article. "America" alone is the country its own articles call home."""
    mention = candidate.mention
    if mention.type != AnswerType.COUNTRY:
        return False
    if mention.answer.casefold() == "america":
        return True
    doc = candidate.sentence.span.doc
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.lower_ in OFFICE_WORDS:
        return True
    before = doc[max(candidate.sentence.span.start, mention.start - OFFICE_REACH) : mention.start]
    of = next((t for t in reversed(before) if t.lower_ == "of"), None)
    if of is None or any(t.text not in ("the",) for t in doc[of.i + 1 : mention.start]):
        return False
    return any(t.text[:1].isupper() and t.lower_ in OFFICE_WORDS for t in doc[max(candidate.sentence.span.start, of.i - OFFICE_REACH) : of.i])


def _long_list_item(candidate: Candidate) -> bool:
    """The answer is one of four or more names or nouns listed together ("signatories included
    Chile, Peru, {{Ghana}}, Nepal and Fiji"): the gap could be any of the others, and which one
    went missing is no fact worth learning."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    first = doc[mention.start : mention.end].root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.tag_ in LISTED and _items(first) >= LONG_LIST


def _label_of_people(candidate: Candidate) -> bool:
    """A common-noun term written as a title before the people it describes ("{{Harbour reformers}}
    Ada Byrne and Tom Hale were …"): it says what the named people were, which many words fit, and
    is no name or fact of its own."""
    mention = candidate.mention
    if mention.type != AnswerType.TERM:
        return False
    doc = candidate.sentence.span.doc
    after = doc[mention.end] if mention.end < len(doc) else None
    return after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B"


def _example_item(candidate: Candidate) -> bool:
    """The answer is one of the examples a sentence gives of an open set: an item of a list of three
    or more after "include", "including", "such as" or "like" ("banks such as Ludlow Trust, {{Bank
    of Ayr}} and Marsh & Co."), or the one example "like" gives of a kind written with "a" ("a
    partner bank like {{Ludlow Trust}}"). Any other member of the set fits the gap as well."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    start = candidate.sentence.span.start
    index = mention.start - 1
    while index >= start and (doc[index].tag_ in EXAMPLE_TAGS or doc[index].lower_ in EXAMPLE_JOINERS) and not _introduces(doc[index]):
        index -= 1
    if index < start or not _introduces(doc[index]):
        return False
    opener = doc[index]
    if opener.lower_ == "like" and index == mention.start - 1 and index >= start + 2:
        kind = doc[index - 1]
        if kind.tag_ in ("NN", "NNS") and any(t.lower_ in ("a", "an") for t in doc[max(start, index - 4) : index]):
            return True  # "a partner bank like {{Ludlow Trust}}"
    end = index + 1
    while end < candidate.sentence.span.end and (doc[end].tag_ in EXAMPLE_TAGS or doc[end].lower_ in EXAMPLE_JOINERS):
        end += 1
    if end < mention.end:
        return False  # the list stopped before the gap: it is no item of it
    run = doc[index + 1 : end]
    separators = sum(1 for t in run if t.text == "," or t.lower_ in ("and", "or") and t.nbor(-1).text != ",")
    # A comma that closes the list before the verb ("including A, B, and C, have …") is no item.
    trailing = run[-1].text == "," if len(run) else False
    return separators - trailing + 1 >= EXAMPLE_LIST


def _introduces(token: Token) -> bool:
    """A word that opens a list of examples: "include(s, d)", "including", "like", "as" of "such as"."""
    if token.lower_ in ("include", "includes", "included", "including", "like"):
        return token.lower_ != "like" or token.tag_ == "IN"
    return token.lower_ == "as" and token.i > 0 and token.nbor(-1).lower_ == "such"


def _items(token: Token) -> int:
    """The conjuncts of a coordination, counted from its first (the parser chains them)."""
    return 1 + sum(_items(child) for child in token.children if child.dep_ == "conj" and child.tag_ in LISTED)


def _restated(text: str) -> bool:
    """The gap's neighbour in brackets says the same: a short form or acronym of the name ("the
    {{Republic of Kiribati}} (Kiribati)", "the {{Harbor Trust}} (HT)"), or the amount in another
    unit ("12 miles ({{19 kilometres}})", "{{12 miles}} (19 kilometres)"), which gives it away."""
    if "(" not in text:
        return False  # most cards: no bracket, and the patterns below are slow to fail
    for gap, bracket in BRACKET_AFTER.findall(text):
        if restates(gap, bracket):
            return True
    for before, gap in BRACKET_AROUND.findall(text) if "({{" in text else ():
        amount = re.search(r"[$€£]?\d[\d,.]*(?: [A-Za-z.º°]+){0,3}$", before)
        if amount and AMOUNT.match(gap) or restates(gap, before.split()[-1]):
            return True
    return False


def unbracketed(question: str, answer: str) -> str:
    """A question without a bracket that says its answer again ("How many square miles does the
    lake cover (311 square kilometers)?" asks nothing)."""
    def drop(match: re.Match[str]) -> str:
        return "" if restates(answer, match.group(1)) else match.group()
    return re.sub(r" \(([^()]+)\)", drop, question)


def restates(name: str, other: str) -> bool:
    """`other` is `name` again, shorter, as its initials, or in another unit when both are amounts."""
    if AMOUNT.match(name) and AMOUNT.match(other):
        return True
    words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in MINOR]
    shown = other.strip()
    initials = "".join(w[0] for w in words if w[0].isupper())
    return bool(words) and (shown.casefold() in {w.casefold() for w in words} or len(initials) > 1 and shown.replace(".", "") == initials)


def _modifier(candidate: Candidate) -> bool:
    """A name before a noun that is no kind of thing it names ("{{Earth}} observations", "the {{Port
    Harlow}} community", "{{NASA}} leaders"). A name before its own kind ("the {{Zenit KS-30}}
    spacecraft", "the {{Vega}} program") stays."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or mention.type == AnswerType.PERSON:
        return False
    doc = candidate.sentence.span.doc
    root = doc[mention.start : mention.end].root
    after = doc[mention.end] if mention.end < len(doc) else None
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.i < mention.end:
        return False
    # The noun modified, and the word right after the name: a misparse hangs "Aster-2 satellite"
    # on a later word, and "U.S. and international efforts" puts "and" between.
    nouns = [t for t in (root.head, after) if t is not None and t.tag_ in ("NN", "NNS") and t.text.islower()]
    return bool(nouns) and not any(_kind(t.lower_) for t in nouns)


def _owner_of_named_body(candidate: Candidate) -> bool:
    """The owner of a body with a name of its own ("the {{Harbour Board}}'s Office of Tolls",
    "{{Ludlow}}'s Marsh Research Centre"): the owned name belongs to one owner, which the reader
    knows with it; the card asks nothing the article teaches."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or mention.type == AnswerType.PERSON:
        return False
    doc = candidate.sentence.span.doc
    root = doc[mention.start : mention.end].root
    owned = root.head
    return root.dep_ == "poss" and owned.i >= mention.end and owned.tag_ in ("NNP", "NNPS") and owned.ent_type_ in ("ORG", "FAC") and owned.ent_iob_ != "O"


def _kind(noun: str) -> bool:
    return noun in KIND_NOUNS or noun.endswith("s") and noun[:-1] in KIND_NOUNS


def _kind_named(candidate: Candidate) -> bool:
    """ "Which senate …?" for "U.S. Senate", "Which army …?" for "U.S. Army"."""
    if candidate.kind not in QUESTION_KINDS or (asked := WHICH.search(candidate.text)) is None:
        return False
    words = [w for w in candidate.mention.answer.split() if w.lower() not in MINOR]
    if len(words) != 2 or words[-1].lower().rstrip("s") != asked.group(1).rstrip("s"):
        return False
    return bool(ABBREVIATION.match(words[0])) or any(
        t.text == words[0] and (t.ent_type_ in ("GPE", "NORP") or t.tag_ == "JJ") for t in candidate.sentence.span
    )


def _vague(candidate: Candidate) -> bool:
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or candidate.kind not in QUESTION_KINDS or not candidate.subject:
        return False
    # The wh-word and the kind it names go; a name in the words before it ("With the launch of the
    # Vega rocket, what began …?") pins the answer as one after it does.
    rest = re.sub(r"\b(?i:who|what|which)\b(?:\s+[a-z]+)?", "", candidate.text, count=1)
    return not INFORMATIVE.search(rest)


def _vague_gap(candidate: Candidate) -> bool:
    """The gap of a cloze on a subject that is no person, with no other name or number on the card
    ("{{Harbor Trust}} is supporting outreach activities"): what `_vague` says of the question "Which
    organization is supporting …?" holds of the gap that asks the same."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or mention.type == AnswerType.PERSON or candidate.kind in QUESTION_KINDS:
        return False  # a person's name is their own: "{{Ada Byrne}} wrote the dissent" is pinned by the story
    root = candidate.sentence.span.doc[mention.start : mention.end].root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return not INFORMATIVE.search(CLOZE_GAP.sub("", candidate.text).strip())


def _town_before(candidate: Candidate) -> bool:
    """A state or country right after a town of it, which the card writes ("in Tucson, {{Arizona}}",
    "Porto, {{Portugal}}"): the town tells where. A list of countries ("Spain, {{France}}") or
    of states stays, as the name before is no town."""
    mention = candidate.mention
    abbreviated = mention.type == AnswerType.CITY and re.fullmatch(r"[A-Z][a-z]{1,4}\.", mention.answer) is not None  # "Columbus, {{Ga.}}"
    if mention.type not in (AnswerType.STATE, AnswerType.COUNTRY) and not abbreviated or mention.start < 2:
        return False
    doc = candidate.sentence.span.doc
    comma, last = doc[mention.start - 1], doc[mention.start - 2]
    town = next((e for e in doc.ents if e.end == last.i + 1), None)
    if comma.text != "," or town is None or town.label_ != "GPE":
        return False
    return answer_type(town.text, town.label_) == AnswerType.CITY and town.text in candidate.text


def _seat_of(candidate: Candidate) -> bool:
    """A place right after "in" that hangs off the name of a body or site ("the Corran Institute in
    {{Leeds}}", "Marlow University in {{Vermont}}"): it says where the body sits, a detail of the name
    (often its own words) and not what the sentence tells of it."""
    mention = candidate.mention
    if mention.type not in PLACE_TYPES or mention.start < 1:
        return False
    doc = candidate.sentence.span.doc
    prep = doc[mention.start - 1]
    body = prep.head
    if prep.lower_ == "in" and mention.start >= 2 and doc[mention.start - 2].lower_ in SEATS:
        return True  # "led the Guild Headquarters in {{Leeds}}": where a seat is, whatever the act (and parse)
    if prep.lower_ != "in" or body.i >= prep.i or body.tag_ not in ("NNP", "NNPS"):
        return False
    anchor = body
    while anchor.dep_ in ("conj", "appos") and anchor.head.i != anchor.i:
        anchor = anchor.head  # "at the Corran Institute, the Mill Museum in Leeds"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "at" and anchor.head.head.dep_ not in ("acl", "amod") or anchor.dep_ == "dobj":
        # "the work takes place at the Corran Institute in Leeds", "to found a park in Utah": where
        # the act is; not "maps drawn at the Corran Institute in Leeds", a detail of a detail
        return False
    return body.ent_type_ in ("ORG", "FAC") or body.lower_ in CATEGORY_NOUNS


def _span_from_before(candidate: Candidate) -> bool:
    """An opening "Within {{six weeks}}," or "After {{two years}},": counted from an event only the
    sentence before names, so the card cannot say from when."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    start = candidate.sentence.span.start
    if mention.type != AnswerType.DURATION or mention.start != start + 1 or mention.end >= len(doc):
        return False
    return doc[start].lower_ in ("within", "after") and doc[mention.end].text == ","


def _survivors_count(candidate: Candidate) -> bool:
    """A count of the relatives someone "is survived by" ("his {{four}} grandchildren"): an obituary's
    courtesy, not a fact to learn."""
    mention = candidate.mention
    if mention.type != AnswerType.NUMBER:
        return False
    word = candidate.sentence.span.doc[mention.start]
    agent = next((a for a in word.ancestors if a.dep_ == "agent" and a.lower_ == "by"), None)
    return agent is not None and agent.head.lower_ in ("survived", "outlived")


def _marriage_length(candidate: Candidate) -> bool:
    """"his wife of {{41 years}}": an obituary's or profile's courtesy that is true only the day it
    was written, not a fact to learn."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    if mention.type not in (AnswerType.DURATION, AnswerType.NUMBER) or mention.start < 2:
        return False
    return doc[mention.start - 1].lower_ == "of" and doc[mention.start - 2].lower_ in SPOUSES
