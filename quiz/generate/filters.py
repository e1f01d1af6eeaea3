"""Filters: drop candidates a reader would reject.

A candidate goes when its answer shows in the question, it quotes someone at length, it ends
mid-phrase, it is too short or too long, or its answer is not written verbatim in the quoted
sentence. Pronouns pointing outside it are caught where it is made (candidates.py).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.decks.model import CLOZE_GAP
from quiz.generate import conjuncts, context, trivial
from quiz.generate.answertypes import generic
from quiz.generate.broad import region
from quiz.generate.instances import one_of_several
from quiz.generate.nlp import alias_forms, key, surface
from quiz.generate.references import DESCRIPTION_LABELS
from quiz.generate.sanity import beside_name, garbled, joiner_dropped, list_cut, names_joined
from quiz.generate.shorten import MAX_QUESTION_WORDS
from quiz.generate.types import NAMED_TYPES, QUESTION_KINDS, Candidate
from quiz.generate.words import RELATIVE_TIME_IN_TEXT
from quiz.normalise import normalise as _normalise

if TYPE_CHECKING:
    from spacy.tokens import Token

QUESTION_WORDS = (6, MAX_QUESTION_WORDS)  # a shorter question leaves too little to pin its answer ("Who signed the Accords?")
STATEMENT_WORDS = (6, 50)
DANGLING = frozenset("to of by with the a an and or but that which for from in on at as than its their his her".split())
QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
MAX_QUOTED_WORDS = 5
# "the company", "the government" the article could not tie to one name (references.py resolves the
# clear cases): a question or gap that leans on it cannot be answered alone.
UNRESOLVED = re.compile(rf"\b(?i:the) ({'|'.join(DESCRIPTION_LABELS)})\b(?! of\b)")
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
POSSESSIVE = re.compile(r"['’]s\b")


def problems(text: str, answer: str, accept: tuple[str, ...], quote: str, question: bool, speech: bool = False) -> list[str]:
    """Why a question or cloze text is not well formed; empty when it is. A quotation is a problem
    unless the card asks who said it (`speech`)."""
    found = []
    body = CLOZE_GAP.sub(" ", text)
    words = len(text.split())
    low, high = QUESTION_WORDS if question else STATEMENT_WORDS
    if not low <= words <= high:
        found.append(f"{words} words")
    if question and not text.endswith("?"):
        found.append('does not end with "?"')
    if _contains(body, answer, accept):
        found.append("answer in the question")
    if not speech and any(len(run.split()) > MAX_QUOTED_WORDS for run in QUOTED.findall(text)):
        found.append("direct quotation")
    last = re.findall(r"[\w’']+", CLOZE_GAP.sub(r"\1", text).rstrip("?. "))
    if not last or last[-1].lower() in DANGLING and not _particle(last):
        found.append("ends mid-phrase")
    if " ".join(answer.split()) not in quote and not any(form in quote for form in accept):
        found.append("answer not in the quote")
    return found


# Verbs whose "in" or "on" ends a phrase of their own ("guests sign in", "the crew moved on").
PARTICLE_VERBS = frozenset(
    "log logs logged sign signs signed check checks checked move moves moved plug plugged fill filled turn turned carry carried go goes went".split()
)


def _particle(words: list[str]) -> bool:
    """The last word is the particle of a phrasal verb, not a preposition missing its object."""
    return len(words) >= 2 and words[-1].lower() in ("in", "on") and words[-2].lower() in PARTICLE_VERBS


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """quiz.study.answers.normalise, remembered: the same names are compared again and again."""
    return _normalise(text)


def _contains(body: str, answer: str, accept: tuple[str, ...]) -> bool:
    """True when any form of the answer, or another way of writing the same country, is in the body."""
    if any(len(form) > 1 and _as_written(form, body) for form in (answer, *accept)):
        return True  # written out again as is: "backed {{U.N.}} plans … a U.N. force"
    forms = [normalise(form) for form in (answer, *accept, *alias_forms(answer))]
    body = POSSESSIVE.sub("", body)
    folded = re.sub(r"[^\w\s]", "", body.casefold())
    # Cheap test first: normalising the whole question is the slow part.
    if not any(form and (form.split()[0] in folded or any(ch.isdigit() for ch in form)) for form in forms):
        return False
    padded = f" {normalise(body)} "
    return any(form and f" {form} " in padded for form in forms)


def _as_written(form: str, body: str) -> bool:
    """The form as a whole word in the body (no word character either side): a string search, as
    compiling a pattern for every form cost more than the searches."""
    start = body.find(form)
    while start != -1:
        end = start + len(form)
        if not (start and _word_char(body[start - 1])) and not (end < len(body) and _word_char(body[end])):
            return True
        start = body.find(form, start + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what re's \w matches


def pseudo_name(question: str) -> bool:
    """A capitalised description standing as a name ("the Island Government blames …"): a
    question about it asks after something the reader cannot identify."""
    return any(match.start() > 0 and generic(match.group().casefold()) for match in CAPITALISED_RUN.finditer(question))


def unresolved(candidate: Candidate) -> bool:
    """A description ("the company", "the government") with nothing it can mean shown before it:
    the text names no compatible name of the sentence ahead of it (the gap does not count). A noun
    that only modifies another ("the city race") describes nothing."""
    shown = CLOZE_GAP.sub("_____", candidate.text)
    heads: set[str] | None = None  # built only for a text with a description in it: most have none
    for match in UNRESOLVED.finditer(shown):
        if heads is None:
            heads = {t.lower_ for t in candidate.sentence.span if t.dep_ not in ("compound", "amod", "nmod") and not restricted(t)}
        noun = match.group(1).lower()
        labels = DESCRIPTION_LABELS[noun]
        ahead = shown[: match.start()]
        if noun in heads and not any(ent.label_ in labels and surface(ent) in ahead for ent in candidate.sentence.span.ents):
            return True
    return False


def restricted(noun: Token) -> bool:
    """A description its own relative clause pins down ("the town where the envoys met", "the
    company that built it"): it says which one it means and leans on no earlier sentence."""
    return any(child.dep_ == "relcl" for child in noun.children)


def keep(candidate: Candidate) -> bool:
    # Reads the kind only as question or not: pipeline judges a true/false statement by its cloze.
    mention = candidate.mention
    question = candidate.kind in QUESTION_KINDS
    if question and RELATIVE_TIME_IN_TEXT.search(candidate.text):
        return False  # "Which president took office last year?" only means something on the article's date
    if unresolved(candidate):
        return False  # "More than how many people does the company employ?"
    quote = candidate.sentence.quote
    if (
        garbled(candidate.text, question, quote)
        or joiner_dropped(candidate.text, quote)
        or list_cut(candidate.text, quote)
        or names_joined(candidate.text, quote, tuple(text for _, text in candidate.sentence.resolved))
        or (mention.type in NAMED_TYPES and beside_name(candidate.sentence.span, mention.start, mention.end))
    ):
        return False  # "When, who was struck …?", unpaired brackets, a doubled word
    if question and pseudo_name(candidate.text):
        return False  # "the Island Government": a description the reader cannot identify
    if context.reason(candidate) or context.cut_short(candidate):
        return False  # "Both men were …", "When did X land? March 14", "the board chooses its {{Board of Directors}}"
    if trivial.reason(candidate):
        return False  # "{{Earth}} observations", "Which senate …? U.S. Senate"
    if region(mention.answer):
        return False  # "mills in {{Africa}}, Asia and …": the backdrop, not the fact
    if conjuncts.one_of_list(candidate):
        return False  # "between {{Norland}}, Esk and Vale": the rest of the list points to it
    if one_of_several(candidate):
        return False  # "{{Soil depth}} is one measure of fertility": any other measure fits
    answer = mention.text if not question else mention.answer
    return _well_formed(candidate.text, answer, (mention.text, *mention.accept), candidate.sentence.quote, question, candidate.sentence.speaker is not None)


@lru_cache(maxsize=4096)  # a cloze and its true/false statement share their text and answer
def _well_formed(text: str, answer: str, accept: tuple[str, ...], quote: str, question: bool, speech: bool) -> bool:
    return not problems(text, answer, accept, quote, question, speech)


DOMINANT_SHARE = 2  # named in at least twice as many sentences as the next answer
DOMINANT_MIN = 4


def dominant_name(mentioned: Counter[str]) -> str | None:
    """What the article is about ("NASA" in a NASA release, the subject of an obituary): the name
    in far more of its sentences than any other, under its shortest form, as the obvious guess it
    is no answer. Short and long forms of one name count together ("Harb", "Harbor Reserve",
    "Harbor Reserve System"). Found once per article: it is the same for all its candidates."""
    totals = _by_name(mentioned)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:2]
    if not ranked or ranked[0][1] < DOMINANT_MIN:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= DOMINANT_SHARE * second else None


PROTAGONIST_SHARE = 4  # a person named in four times as many sentences as anyone else
PROTAGONIST_MIN = 6


def protagonist(people: Counter[str]) -> str | None:
    """The person an article is about (the subject of a biography or a citation): named in far more
    of its sentences than any other person. Any card about them could answer "who?" with that one
    name, so a card asking for it ("Which first lieutenant mounted the tank?") tests nothing."""
    ranked = sorted(people.items(), key=lambda item: (-item[1], item[0]))[:2]
    if not ranked or ranked[0][1] < PROTAGONIST_MIN:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= PROTAGONIST_SHARE * second else None


def dominant(candidate: Candidate, name: str | None) -> bool:
    """The candidate's answer is a form of the article's dominant name."""
    return name is not None and _same_name(key(candidate.mention.answer), name)


def _by_name(mentioned: Counter[str]) -> dict[str, int]:
    """Sentence counts summed over the forms of each name, under its shortest form."""
    names = sorted(mentioned, key=lambda name: (len(name), name))
    totals: dict[str, int] = {}
    for name in names:
        home = next((other for other in totals if _same_name(name, other)), name)
        totals[home] = totals.get(home, 0) + mentioned[name]
    return totals


def _same_name(one: str, other: str) -> bool:
    """One form is the other's leading words ("harbor board" of "harbor board office"), or a
    clipped first word ("geo" of "geological survey")."""
    short, long = sorted((one.split(), other.split()), key=len)
    if not short or not long:
        return False
    if long[: len(short)] == short:
        return True
    return len(short) == 1 and len(short[0]) >= 3 and long[0].startswith(short[0]) and long[0] != short[0]


GLOSSED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
MINOR = frozenset("and of the for on in to".split())


def spelled_out(text: str, expansions: dict[str, str]) -> frozenset[str]:
    """The acronyms the article also writes out ("wound care and treatment (WCT)", or an
    organisation's full name beside its initials): asked bare, the written-out name is another
    right answer, so neither form makes a card with the acronym as the answer."""
    found = {acronym for acronym in re.findall(r"\b[A-Z]{2,6}\b", text) if key(acronym) in expansions}
    for match in GLOSSED_ACRONYM.finditer(text):
        acronym = match.group(1)
        before = re.findall(r"[\w’'-]+", text[: match.start()])[-2 * len(acronym) - 2 :]
        words = [w for w in before if w.lower() not in MINOR]
        if "".join(w[0] for w in words[-len(acronym) :]).upper() == acronym or "".join(w[0] for w in before[-len(acronym) :]).upper() == acronym:
            found.add(acronym)  # "wound care and treatment (WCT)", "Board of Trade (BOT)"
    return frozenset(found)
