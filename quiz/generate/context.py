"""Cards that lean on context they do not give.

A card is read alone, weeks after the article. It cannot stand on "Both men" or "The two
countries" (who?), on an opening "Its" or "Their" (whose?), on "the trio" or "the latter", on a
date with no year ("When did X land? March 14") or on "the year" when no year is written in it.
A date that shortening cut from its year ("In her May 4, speech …") is as bad. A number whose
unit the card dropped ("at least {{15}}" for "at least 15%") is false as completed. Against the
parsed sentence (`cut_short`): a quantifier standing alone as subject ("Some argued for …"), a
subject cut from its "This year's", a comparative cut from its "than", a list cut after the
answer, a question that makes "the raid" of the "a raid which lasted two hours" it asks from, and
one that keeps "selected Marlow Works" but not the "to build the dam" it was selected for. A
card that gives its own answer away is giveaway.py's, asked last.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.decks.model import CLOZE_GAP
from quiz.generate import giveaway
from quiz.generate.clauses import lemma
from quiz.generate.types import QUESTION_KINDS, AnswerType, Candidate
from quiz.generate.words import MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "Both men", "The two countries", "All three agencies": a set named in another sentence.
QUANTIFIED = re.compile(r"^(?:Both|(?:The|All|These|Those) (?:two|three|four|five|six))\s+(?:of\s+(?:them|these|those)|men|women|people|children|[a-z]+s)\b(?!\s+of\b)")
# A sentence opening on "Its", "Their", "His" or "Her" that references.py could not resolve keeps the word
# somewhere in the card ("In what year was its main mirror cast?").
OPENING_POSSESSIVE = re.compile(r"^(?:Its|Their|His|Her)\b")
OWNER_WORD = re.compile(r"\b(?i:its|their)\b")
# A count opening the card that takes a part of a set named before: "{{Seven}} of the men spent …"
# (which men, and how many in all, another sentence says).
COUNT_OF_SET = re.compile(r"^\{\{[^}]+\}\} of (?:the|these|those) [a-z]")
# Collective references back to people or things listed before.
BACK_REFERENCE = re.compile(r"\b(?i:the) (?:trio|duo|pair|quartet|latter|former)\b")
# "the year" of an unnamed year; "the year's", "the year of 1803", "the year 1803" name it.
THE_YEAR = re.compile(r"\b(?i:the) (?:year|month|season)\b(?!['’]s|\s+(?:of|\d))")
YEAR = re.compile(r"\b(?:1[0-9]|20)\d\d\b")
_MONTH = "|".join(m.capitalize() for m in MONTHS) + r"|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec"
DAY_OF_MONTH = re.compile(rf"\b(?:{_MONTH})\.? \d{{1,2}},(?!\s*\d)")
# A date that comes back every year needs none: "ends on {{March 1}} of every odd year".
RECURRING = re.compile(r"\}\}\s+(?:of\s+)?(?:every|each)(?:\s+[\w-]+){0,2}\s+year\b")
DATE_TYPES_WITHOUT_YEAR = frozenset((AnswerType.DAY, AnswerType.DATE, AnswerType.MONTH))
UNIT_AFTER = re.compile(r"^\s*(?:%|percent\b|per cent\b)")
# "When was the Chair Ada Byrne?" (from "From 1990 until 1995, the Chair was Ada Byrne."): the role
# and the name read as one noun phrase, and the question as "when did she exist?".
ROLE_THEN_NAME = re.compile(r"^(?:When|In what year|From what year) (?:was|is|were|are) the [A-Za-z]+ [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*\?$")
# Verbs whose object is told to, chosen or sent to do something: without the "to …" the card says
# only that it was.
DIRECTING = frozenset(
    "direct order require ask urge instruct command tell force allow enable select choose hire authorize permit invite encourage pressure send".split()
)
PRONOUN_QUANTIFIERS = frozenset("some others many most several few both all each neither none".split())


def reason(candidate: Candidate) -> str:
    """Why the card cannot be read alone or gives its answer away (giveaway.py); empty when it is fine."""
    text = candidate.text
    body = CLOZE_GAP.sub(" ", text)
    mention = candidate.mention
    if QUANTIFIED.match(body) or BACK_REFERENCE.search(body) or OPENING_POSSESSIVE.match(body) or _owner_left(candidate) or COUNT_OF_SET.match(text):
        return "a set or an owner named in another sentence"
    if not YEAR.search(body) and not YEAR.search(mention.answer):
        if mention.type in DATE_TYPES_WITHOUT_YEAR and not RECURRING.search(text):
            return "a date with no year"
        if THE_YEAR.search(body):
            return "a time named in another sentence"
    elif not YEAR.search(body) and THE_YEAR.search(body):
        # "When did the lake reach its lowest level for the year? May 3, 2011": the year the card
        # speaks of is the answer's own, and a thing that happens every year has one answer a year.
        return "the year the card speaks of is only in its answer"
    if DAY_OF_MONTH.search(body) and DAY_OF_MONTH.search(candidate.sentence.quote) is None:
        return "a date cut from its year"
    if mention.type in DATE_TYPES_WITHOUT_YEAR and re.match(r"\d{1,2}\b", mention.text):
        return "a date cut from its month"  # "June 4-{{5, 1921}}"
    if _unit_dropped(candidate):
        return "a number without its unit"

    if candidate.kind in QUESTION_KINDS and ROLE_THEN_NAME.match(text):
        return "a role and a name side by side read as one: 'When was the chair Ada Byrne?'"
    return giveaway.reason(candidate)


def cut_short(candidate: Candidate) -> str:
    """Why the card, set against its parsed sentence, leaves out what it needs; empty when it
    does not: a quantifier standing for people named before, a time anchor, the "than" of a
    comparison, or the rest of a list the answer is an item of."""
    if _pronoun_subject(candidate):
        return "a quantifier standing for people named before"
    if _anchor_dropped(candidate):
        return "a time named in another sentence"
    if _comparison_cut(candidate):
        return "a comparison cut from its than"
    if _list_cut(candidate):
        return "a list cut after the answer"
    if _introduced_before(candidate):
        return "a thing the article introduced in another sentence"
    if _relative_on_indefinite(candidate):
        return "a thing the sentence brings in with \"a\", asked as \"the\""
    if _directive_cut(candidate):
        return "a verb of directing or choosing cut from what it directs or chooses for"
    return ""


def _introduced_before(candidate: Candidate) -> bool:
    """ "… launched a raid at dawn. The raid lasted two hours.": a bare "the N" subject whose noun
    an earlier sentence brought in with "a" or "an" points at that sentence, and the card alone
    does not say which raid."""
    span = candidate.sentence.span
    subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.tag_ not in ("NN", "NNS") or subject.ent_type_:
        return False
    children = list(subject.children)
    if [c.lower_ for c in children if c.dep_ == "det"] != ["the"] or any(c.dep_ not in ("det", "amod") or c.ent_type_ for c in children):
        return False
    text = CLOZE_GAP.sub(r"\1", candidate.text).casefold()
    noun = subject.lower_
    if text.count(noun) != 1 or not re.search(rf"\bthe (?:[\w-]+ )*{re.escape(noun)}\b", text):
        return False
    doc = span.doc
    return any(t.lower_ == noun and any(c.lower_ in ("a", "an") and c.dep_ == "det" for c in t.children) for t in doc[: span.start])


def _relative_on_indefinite(candidate: Candidate) -> bool:
    """ "the crew began a drill which lasted two hours" asked as "How long did the drill last?": the
    relative clause's noun comes in with "a", and the question that makes it "the drill" never says
    which drill; the cloze keeps the sentence that does."""
    if candidate.kind not in QUESTION_KINDS:
        return False
    doc = candidate.sentence.span.doc
    clause = next((t for t in doc[candidate.mention.start].ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    noun = clause.head
    if noun.tag_ not in ("NN", "NNS") or noun.ent_type_:
        return False
    before = [c for c in noun.children if c.i < noun.i]
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in before) or any(c.dep_ not in ("det", "amod") or c.ent_type_ for c in before):
        return False
    return re.search(rf"\b(?i:the)(?: [\w-]+)? {re.escape(noun.lower_)}\b", candidate.text) is not None


def _pronoun_subject(candidate: Candidate) -> bool:
    """ "Some argued for a bridge", "In what year did some argue …?": a quantifier standing alone
    as the sentence's subject means some of what another sentence named."""
    word = _quantifier_subject(candidate.sentence.span)
    if word is None:
        return False
    text = CLOZE_GAP.sub(r"\1", candidate.text)
    return bool(re.search(rf"(?<![\w’'-])(?i:{re.escape(word)})\b(?! of\b)", text))


# The sentence's parse is the same for each of its candidates: what the checks below look for in it
# is found once per sentence (walking its tokens for every candidate was a tenth of the run).
SENTENCE_CACHE = 512


@lru_cache(maxsize=SENTENCE_CACHE)
def _quantifier_subject(span: Span) -> str | None:
    """The first quantifier standing alone as the subject of the sentence's main verb."""
    for token in span:
        if token.lower_ in PRONOUN_QUANTIFIERS and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and not list(token.children):
            return str(token.text)
    return None


def _directive_cut(candidate: Candidate) -> bool:
    """ "the board is directing ships to dock at Leith" cut to "… is directing ships", "selected Marlow
    Works to build the dam" cut to "selected Marlow Works": a verb of directing, choosing or sending
    says little without its "to …", and the question keeps the verb and its object but not that.
    (A cloze cut so holds a fact of its own as often: "selected Marlow Works (formerly {{Tamar
    Yards}})".)"""
    if candidate.kind not in QUESTION_KINDS:
        return False
    text = candidate.text
    words = set(giveaway.WORD.findall(text))
    for verb, infinitive in _directed(candidate.sentence.span):
        if (verb.text in words or lemma(verb) in words) and infinitive.text not in words:
            return True
    return False


@lru_cache(maxsize=SENTENCE_CACHE)
def _directed(span: Span) -> tuple[tuple[Token, Token], ...]:
    """(verb, infinitive) for each verb of directing with an object and a "to …" of its own (the parser
    takes it for a complement or for a clause of purpose)."""
    found = []
    for token in span:
        head = token.head
        if token.dep_ not in ("xcomp", "advcl") or token.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue
        if lemma(head) in DIRECTING and any(c.dep_ == "dobj" for c in head.children):
            found.append((head, token))
    return tuple(found)


def _anchor_dropped(candidate: Candidate) -> bool:
    """ "This year’s harvest" left out before the sentence's subject ("The harvest is tied with
    …", "The Loire wine harvest is …"): which year's only another sentence or the article's date tells. (A race "first held in
    1986" is the same race every year: a time left out of an object is no loss.)"""
    sentence = candidate.sentence
    subjects = _possessed_subjects(sentence.span)
    if not subjects:
        return False  # most sentences: the card's text is not needed
    text = CLOZE_GAP.sub(r"\1", candidate.text)
    resolved = sentence.resolutions
    for owner, noun, noun_text in subjects:
        if resolved.get(owner) == "" and noun not in resolved and re.search(rf"\b(?i:the)(?: [\w’'-]+){{0,3}} {re.escape(noun_text)}\b", text):
            return True
    return False


@lru_cache(maxsize=SENTENCE_CACHE)
def _possessed_subjects(span: Span) -> tuple[tuple[int, int, str], ...]:
    """(owner, noun, noun's text) for each possessive on the subject of the sentence's main verb."""
    return tuple(
        (token.i, token.head.i, str(token.head.text)) for token in span
        if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") and token.head.head.dep_ == "ROOT"
    )


def _comparison_cut(candidate: Candidate) -> bool:
    """ "were less eager" kept, "than Holm to …" dropped: the comparison now says something else."""
    compared = _compared(candidate.sentence.span)
    if not compared:
        return False  # most sentences: the card's text is not needed
    text = CLOZE_GAP.sub(r"\1", candidate.text)
    if re.search(r"\bthan\b", text):
        return False
    return any(re.search(rf"\b{re.escape(word)}\b", text) for word in compared)


@lru_cache(maxsize=SENTENCE_CACHE)
def _compared(span: Span) -> tuple[str, ...]:
    """The comparatives of the sentence that have their "than"."""
    return tuple(
        str(token.text) for token in span
        if token.tag_ in ("JJR", "RBR") and any(t.lower_ == "than" for t in (*token.subtree, *token.head.subtree))
    )


def _list_cut(candidate: Candidate) -> bool:
    """The answer is an item of a list the card stops short of ("… the Tamar people and the
    {{Exe Tribe}}." where the sentence goes on ", the Dart Nation, and …"): the items left
    out are as right an answer."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    root = doc[mention.start: mention.end].root
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # the list's first item
    items, pending = [], [top]
    while pending:  # every item, however the parser chained them
        item = pending.pop()
        items.append(item)
        pending.extend(c for c in item.children if c.dep_ == "conj")
    later = [c for c in items if c.i >= mention.end]
    if not later:
        return False
    text = CLOZE_GAP.sub(r"\1", candidate.text)
    return any(doc[c.left_edge.i: c.i + 1].text not in text for c in later)


def _owner_left(candidate: Candidate) -> bool:
    """The sentence opens on "Its" or "Their", references.py gave it no owner ("ASML's"), and the
    card still says "its" or "their" ("In what year was its main mirror cast?")."""
    sentence = candidate.sentence
    if not OPENING_POSSESSIVE.match(sentence.quote) or any(text.endswith(("'s", "’s")) for _, text in sentence.resolved):
        return False
    return bool(OWNER_WORD.search(CLOZE_GAP.sub(" ", candidate.text)))


def _unit_dropped(candidate: Candidate) -> bool:
    """The quote writes a percent sign or "percent" right after the answer, and the card does not."""
    answer = candidate.mention.text
    quote = candidate.sentence.quote
    at = quote.find(answer)
    if at < 0 or answer.endswith(("%", "percent")) or not UNIT_AFTER.match(quote[at + len(answer):]):
        return False
    if candidate.kind in QUESTION_KINDS:
        return True
    gap = CLOZE_GAP.search(candidate.text)
    return gap is None or not UNIT_AFTER.match(candidate.text[gap.end():])


