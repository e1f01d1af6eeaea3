"""Cards whose answer is loose: other words fit the gap or the question as well, though the card
names no other.

"Who did the captain order to withdraw? Marines" asks for a label of a group of people, which the
story's own "his men" or "the troops" answer as well. "In what year did the glacier continue its
retreat? 2019" asks when a state went on, which is true of the years around it too. "Major Ann Lee,
{{Royal Air Force}}, for …" asks for the service label written after a rank and a name, which the
rank already tells. "{{Thousands}} of sailors and hundreds of clerks" asks which order of size
goes first. (One of a set, "{{Tidal power}} is one renewable source of energy", is instances.py's.)
"the rising {{militarism}} of the decade" asks a word that nationalism or aggression would fit, and "Which
governor was in a quandary?" one of many who were.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.decks.model import CLOZE_GAP
from quiz.generate.clauses import lemma
from quiz.generate.types import DATE_TYPES, NAMED_TYPES, PLACE_TYPES, QUESTION_KINDS, AnswerType, Candidate
from quiz.generate.words import CATEGORY_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of going on or staying as before: the state they tell is tied to no one moment.
CONTINUING = frozenset("continue remain persist keep stay linger endure".split())
# Prepositions that pin a moment to a continuing state: it went on "until 1990" or "from 1990".
BOUNDS = frozenset("until till through to from since after before by".split())
# Ranks of the armed services: the service written after "Colonel Ann Lee," is the rank's.
RANKS = frozenset(
    """private corporal sergeant specialist lieutenant captain major colonel general brigadier admiral commodore
    commander ensign marshal""".split()
)
NAME_ENDS = frozenset("jr. jr sr. sr ii iii".split())
# A name or a number anywhere but the card's first word: what pins an answer down.
INFORMATIVE = re.compile(r"(?<!^)(?<![.!?:;] )\b[A-Z][\w’'.-]*|\d")
# Counts told only as an order of size: "thousands of sailors".
ROUGH_COUNTS = frozenset("dozens scores hundreds thousands millions billions".split())


def reason(candidate: Candidate) -> str:
    """Why the card's answer is loose; empty when it is not."""
    if _group_label(candidate):
        return "a label of a group of people, which other words name as well"
    if _continuing_date(candidate):
        return "when a state went on: the years around it fit as well"
    if _rank_service(candidate):
        return "the service of a rank written before the name"
    if _rough_count_beside(candidate):
        return "a rough count set against another: only its order is asked"
    if _vague_state(candidate):
        return "who is in a state the card names nothing else of: many are"
    if _lone_doctrine(candidate):
        return "a lone word for a doctrine or a trend: others of its kind fit as well"
    return ""


def _group_label(candidate: Candidate) -> bool:
    """ "Who did the captain order to withdraw? Marines", "the captain ordered the {{Marines}} to
    withdraw": one plural word the sentence writes as "the Marines", asked by "who" or as a gap on
    someone who acts, names a kind of people, and "his men" or "the troops" fit as well."""
    mention = candidate.mention
    if mention.type == AnswerType.PERSON or mention.type in PLACE_TYPES or candidate.kind in QUESTION_KINDS and not _asks_who(candidate.text):
        return False
    doc = candidate.sentence.span.doc
    words = doc[mention.start : mention.end]
    if len(words) != 1 or words[0].tag_ not in ("NNPS", "NNS") or not words[0].text[:1].isupper():
        return False
    if candidate.kind not in QUESTION_KINDS and not _acting(words[0]):
        return False  # not "across the {{Cascades}}"
    if words[0].lower_.removesuffix("s") in CATEGORY_NOUNS:
        return False  # "signed the {{Accords}}": a kind of thing, which trivial.py judges
    return mention.start > 0 and doc[mention.start - 1].lower_ == "the"


def _acting(word: Token) -> bool:
    """The doer of a verb or its object ("ordered the Fusiliers to withdraw", "led the Fusiliers"),
    as people are; a place is mostly where they go ("spread across the Cascades")."""
    return word.dep_ in ("nsubj", "nsubjpass", "dobj")


def _asks_who(text: str) -> bool:
    return text.startswith(("Who ", "Whom ")) or ", who " in text or ", whom " in text


def _continuing_date(candidate: Candidate) -> bool:
    """A date or year told of a verb of going on ("sea walls remained in use in 1990", "the strike
    continued into 2011"): the state held before and after it, so the date is no answer of its own.
    A bound ("remained in office until 1990") pins it and stays."""
    mention = candidate.mention
    if mention.type not in DATE_TYPES:
        return False
    doc = candidate.sentence.span.doc
    root = doc[mention.start : mention.end].root
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in BOUNDS:
        return False
    verb = _verb_of(prep if prep is not None else root)
    return verb is not None and lemma(verb) in CONTINUING


def _verb_of(token: Token) -> Token | None:
    head = token.head
    if token.dep_ in ("prep", "npadvmod", "pobj", "nmod") and head.tag_.startswith("VB"):
        return head
    return None


def _rough_count_beside(candidate: Candidate) -> bool:
    """ "{{Thousands}} of sailors and hundreds of clerks worked on the fleet": a count told only as an
    order of size, beside another, asks which order goes first, and the other gives it."""
    answer = candidate.mention.text.casefold()
    if answer not in ROUGH_COUNTS:
        return False
    rest = CLOZE_GAP.sub(" ", candidate.text) if candidate.kind not in QUESTION_KINDS else candidate.text
    return any(word.casefold() in ROUGH_COUNTS for word in rest.split())


def _vague_state(candidate: Candidate) -> bool:
    """ "Which governor was at a loss?", "Governor {{Ada Byrne}} was at a loss.": the subject
    of "be" with no noun after it ("was the first to …" names what sets it apart), on a card whose
    other words name nothing and count nothing, was in a state that many were in."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES:
        return False
    root = candidate.sentence.span.doc[mention.start : mention.end].root
    verb = root.head
    if root.dep_ != "nsubj" or lemma(verb) != "be" or any(c.dep_ == "attr" for c in verb.children):
        return False
    if candidate.kind in QUESTION_KINDS:
        rest = re.sub(r"\b(?i:who|what|which)\b(?:\s+[a-z]+)?", "", candidate.text, count=1)
    else:
        rest = CLOZE_GAP.sub("", candidate.text)
    return not INFORMATIVE.search(rest.strip())


def _lone_doctrine(candidate: Candidate) -> bool:
    """ "slowing the spreading {{romanticism}} of the poets", "a hymn to the {{idealism}} of its
    writers": one word for a doctrine or a trend (an "-ism") is a word of the sentence, not a fact of
    it; nationalism or aggression fit the gap as well. A named one ("European mercantilism") and one
the sentence defines stay."""
    mention = candidate.mention
    if mention.type != AnswerType.TERM or " " in mention.text or not mention.text.islower() or not mention.text.endswith("ism"):
        return False
    word = candidate.sentence.span.doc[mention.start]
    return not (word.dep_ in ("nsubj", "attr") and lemma(word.head) == "be")  # "Isolationism is the policy of …" defines it


def _rank_service(candidate: Candidate) -> bool:
    """ "awarded to Colonel Ann Lee, Jr., {{Royal Air Force}}": an organisation in apposition after a
    ranked officer's name is the officer's service, which the rank already says."""
    mention = candidate.mention
    if mention.type != AnswerType.ORGANIZATION:
        return False
    doc = candidate.sentence.span.doc
    index = mention.start - 1
    if index < 3:
        return False
    if doc[index].lower_ == "the":
        index -= 1
    if index < 1 or doc[index].text != ",":
        return False
    index -= 1
    if doc[index].lower_ in NAME_ENDS and index > 1 and doc[index - 1].text == ",":
        index -= 2
    person = doc[index]
    if person.ent_type_ != "PERSON":
        return False
    while index > 0 and doc[index - 1].ent_type_ == "PERSON" and doc[index - 1].lower_ not in RANKS:
        index -= 1
    return index > 0 and doc[index - 1].lower_ in RANKS
