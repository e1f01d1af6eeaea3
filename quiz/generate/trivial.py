"""Cards that test nothing worth learning: the answer only names what the card's own words point
to, or the card gives too little to pin its answer down.

A state or country written right after a town in it ("Harlow, {{Essex}}") is geography, not the
article. A name that only modifies a common noun ("{{Earth}} observations", "{{NASA}} missions", "the
{{Amazon}} rainforest") is guessed from the noun. "Which senate ratified …? U.S. Senate" asks for
a kind the question already names, told apart only by the country. A question whose answer is
its subject and whose other words name nothing ("Which organization is supporting risk
communication activities?") has many answers.
"""

from __future__ import annotations

import re

from quiz.generate.answertypes import answer_type
from quiz.generate.types import NAMED_TYPES, QUESTION_KINDS, AnswerType, Candidate
from quiz.generate.words import CATEGORY_NOUNS

WHICH = re.compile(r"\b(?i:which) ([a-z]+)\b")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,3}$")
INFORMATIVE = re.compile(r"(?<!^)(?<![.!?:;] )\b[A-Z][\w’'.-]*|\d")
MINOR = frozenset("the of".split())
# Our planet and its star: "on {{Earth}}", "orbiting the {{Sun}}" are common knowledge, never the fact.
HOME = frozenset(("earth", "sun"))
# A gap with a bracket right after or around it: "{{Republic of Kiribati}} (Kiribati)", "12 miles ({{19 kilometres}})".
BRACKET_AFTER = re.compile(r"\{\{([^}]+)\}\}\s*\(([^()]+)\)")
BRACKET_AROUND = re.compile(r"(\S+(?: [^\s(]+){0,3}) \(\{\{([^}]+)\}\}\)")
AMOUNT = re.compile(r"^[$€£]?\d[\d,.]*(?: [A-Za-z.º°]+){0,3}$")  # only an amount: "1.99 million square kilometers"
# Nouns a name before them names one of ("the Mercury program"), beyond the category nouns of names.
KIND_NOUNS = CATEGORY_NOUNS | frozenset(
    """hotel spacecraft satellite rocket ship vessel aircraft plane range instrument campaign initiative
    building site system series expedition operation award prize medal mountain peak glacier""".split()
)


def reason(candidate: Candidate) -> str:
    """Why the card tests nothing; empty when it does."""
    if _town_before(candidate):
        return "the town before the answer says where it is"
    if _modifier(candidate):
        return "a name modifying the noun that gives it away"
    if _kind_named(candidate):
        return "the kind asked for is the answer"
    if _vague(candidate):
        return "nothing in the card pins the answer"
    if _restated(candidate.text):
        return "a bracket beside the gap restates the answer"
    if candidate.mention.answer.casefold().removeprefix("the ") in HOME:
        return "the planet or its star: what anyone would guess"
    return ""


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
    """A name before a noun that is no kind of thing it names ("{{Earth}} observations", "the {{El
    Paso}} community", "{{NASA}} leaders"). A name before its own kind ("the {{Soyuz MS-24}}
    spacecraft", "the {{Mercury}} program") stays."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or mention.type == AnswerType.PERSON:
        return False
    doc = candidate.sentence.span.doc
    root = doc[mention.start : mention.end].root
    after = doc[mention.end] if mention.end < len(doc) else None
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.i < mention.end:
        return False
    # The noun modified, and the word right after the name: a misparse hangs "ICESat-2 satellite"
    # on a later word, and "U.S. and international efforts" puts "and" between.
    nouns = [t for t in (root.head, after) if t is not None and t.tag_ in ("NN", "NNS") and t.text.islower()]
    return bool(nouns) and not any(_kind(t.lower_) for t in nouns)


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
    rest = re.sub(r"^.*?\b(?i:who|what|which)\b(?:\s+[a-z]+)?", "", candidate.text, count=1)
    return not INFORMATIVE.search(rest)


def _town_before(candidate: Candidate) -> bool:
    """A state or country right after a town of it, which the card writes ("in Tucson, {{Arizona}}",
    "Porto, {{Portugal}}"): the town tells where. A list of countries ("Spain, {{France}}") or
    of states stays, as the name before is no town."""
    mention = candidate.mention
    if mention.type not in (AnswerType.STATE, AnswerType.COUNTRY) or mention.start < 2:
        return False
    doc = candidate.sentence.span.doc
    comma, last = doc[mention.start - 1], doc[mention.start - 2]
    town = next((e for e in doc.ents if e.end == last.i + 1), None)
    if comma.text != "," or town is None or town.label_ != "GPE":
        return False
    return answer_type(town.text, town.label_) == AnswerType.CITY and town.text in candidate.text
