"""Ranking and selection: score candidates, cap duplicates, keep the best within the card budget.

Score = question kind + answer type + salience across articles - topic penalty (the names an
article keeps repeating, like its main country, make dull answers) - a little for late position
and for length. Selection keeps one card per answer per sentence, at most three per sentence (a
long sentence often holds a date, a name and a number worth asking), two per answer in the deck,
and one card per 20 words of article text.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from quiz.generate.answertypes import name_family
from quiz.generate.nlp import alias_forms, key
from quiz.generate.types import NAMED_TYPES, Candidate, Mention
from quiz.generate.words import OFFICE_WORDS

WORDS_PER_CARD = 20
PER_SENTENCE = 3
PER_ANSWER = 2
SECOND_CARD = 0.2
LONG_SENTENCE_WORDS = 36  # a sentence this long may hold five facts worth a card
# What a card asks for matters most; how it asks breaks ties: a question before a cloze of the same
# answer, a true/false statement last.
KIND_WEIGHT = {"who": 0.3, "howmany": 0.3, "howmuch": 0.3, "howlong": 0.3, "when": 0.3, "where": 0.3, "what": 0.3, "cloze": 0.0, "truefalse": -1.0}
# How likely an answer of each type is the fact a teacher would ask about a sentence holding it
# (amounts, days and counts most, countries least), as weights around 1.
TYPE_WEIGHT = {
    "money": 1.5, "percent": 1.5, "day": 1.4, "number": 1.4, "month": 1.3, "years": 1.25, "duration": 1.2, "year": 1.2,
    "date": 1.1, "city": 1.05, "person": 1.0, "ordinal": 1.0, "organization": 1.0, "thing": 0.9, "state": 0.7,
    "place": 1.0,  # a region, a sea, a landmark ("the Coral Archipelago"): named, as worth asking as a city
    "country": 0.3, "term": 0.8,  # only terms the sentence names or defines are answers (terms.py)
}
UNDATED = {"day": 0.2, "month": 0.4}
TOPIC_PENALTY = 0.5  # what the article is about is a weaker answer, not a forbidden one
CENTRAL_TYPES = ("country", "organization")
# A place that only says where a named organisation sits ("the Space Center in {{Truro}}", "X
# Corporation of {{Salem}}, Oregon") and a name that only modifies a common noun ("the
# {{Vega}} program", "the {{Amazon}} rainforest") are details of a phrase; its head is the fact.
DETAIL_PENALTY = 0.4
LOCATED_TYPES = ("city", "state")
# A name that says it is a treaty, a law, a war or a conference is what history and policy texts are
# about: the date or count beside it is its detail, not the other way round.
KEY_FAMILIES = ("law", "event")
KEY_NAME_BONUS = 0.2
ACTOR_BONUS = 0.5  # a country's low weight is for the setting, not for the actor
# A list's later items and a possessor ("London and {{Paris}}", "{{Oslo}}’s rebuke") are
# seldom what a sentence is about: the list's head or the thing possessed is.
LIST_PENALTY = 0.15
# A person named in full where the sentence writes the full name ("Harbor Commissioner {{Ana
# Ruiz}}") is who the reader learns; a surname or a possessive standing for them ("Ruiz’s
# plan") asks the same person again with less to go on.
FULL_NAME_BONUS = 0.3


@dataclass(frozen=True)
class Scored:
    score: float
    candidate: Candidate


def mention_counts(candidates: list[Candidate]) -> dict[int, Counter[str]]:
    """Per article, how many sentence mentions each answer has."""
    counts: defaultdict[int, Counter[str]] = defaultdict(Counter)
    seen = set()
    for candidate in candidates:
        mention, sentence = candidate.mention, candidate.sentence
        if (sentence.article, sentence.position, key(mention.answer)) not in seen:
            seen.add((sentence.article, sentence.position, key(mention.answer)))
            counts[sentence.article][key(mention.answer)] += 1
    return counts


def topics(candidates: list[Candidate], counts: dict[int, Counter[str]], titles: dict[int, str]) -> dict[int, set[str]]:
    """Per article, what it is about: names it mentions so often, or names in its title."""
    named = {key(c.mention.answer) for c in candidates if c.mention.type in NAMED_TYPES}
    # What the whole input is about: its most mentioned countries or organisations, in every article.
    overall: Counter[str] = Counter()
    for counter in counts.values():
        overall.update(counter)
    central = {key(c.mention.answer) for c in candidates if c.mention.type in CENTRAL_TYPES}
    top = max((count for name, count in overall.items() if name in central), default=0)
    whole = {name for name, count in overall.items() if name in central and count >= max(3, top / 2)}
    result = {}
    for article, counter in counts.items():
        top = max((count for name, count in counter.items() if name in named), default=0)
        title = " " + " ".join(re.sub(r"[^\w]+", " ", titles.get(article, "").casefold()).split()) + " "
        result[article] = whole | {
            name for name, count in counter.items()
            if name in named and (count >= max(3, top / 2) or any(f" {form} " in title for form in (name, *alias_forms(name))))
        }
    return result


def score(candidate: Candidate, topic: set[str], salience: int, local: int) -> float:
    """`salience`: mentions of the answer in the whole input; `local`: in this article."""
    mention = candidate.mention
    value = KIND_WEIGHT[candidate.kind] + TYPE_WEIGHT.get(mention.type, 0.5)
    if mention.type in ("day", "month") and not re.search(r"\d{4}", mention.answer):
        value -= UNDATED[mention.type]  # "June 2" or "February" without its year: weaker than a name beside it
    if key(mention.answer) in topic:
        value -= TOPIC_PENALTY
    else:
        if local <= 1:
            value += 0.3  # a detail told only here: asking elsewhere cannot cover it
        if salience > local:
            value += 0.2  # named in other articles too: it matters across the input
    if detail(candidate):
        value -= DETAIL_PENALTY
    if listed(candidate):
        value -= LIST_PENALTY
    if mention.type == "person" and mention.text == mention.answer and len(mention.answer.split()) >= 2:
        value += FULL_NAME_BONUS
    if mention.type == "country" and actor(candidate):
        value += ACTOR_BONUS
    if mention.type in NAMED_TYPES and name_family(mention.answer) in KEY_FAMILIES:
        value += KEY_NAME_BONUS
    value -= 0.01 * candidate.sentence.position
    value -= 0.03 * max(0, len(candidate.text.split()) - 22)
    return value


def actor(candidate: Candidate) -> bool:
    """The answer is a clause's subject: a country that acts ("Signs that {{Norway}} was moving its fleet
    …") is the fact, where one merely named is the article's setting."""
    mention = candidate.mention
    root = candidate.sentence.span.doc[mention.start : mention.end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.tag_.startswith("VB")


def listed(candidate: Candidate) -> bool:
    """The answer is a list item after the first, or the owner of another noun."""
    root = candidate.sentence.span.doc[candidate.mention.start : candidate.mention.end].root
    return root.dep_ in ("conj", "poss")


def detail(candidate: Candidate) -> bool:
    """The answer only qualifies another word of its phrase: a city or state giving where a named
    organisation is, or a name used as a modifier of a common noun."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    root = doc[mention.start : mention.end].root
    head = root.head
    if mention.type in LOCATED_TYPES:
        while head.dep_ == "conj" or head.dep_ == "appos" and head.head.i != head.i:
            head = head.head  # "of Salem, {{Oregon}}": the state of the city
        if root.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.tag_ in ("NNP", "NNPS") and head.head.ent_type_ in ("ORG", "FAC", ""):
            return not (mention.start <= head.head.i < mention.end)
        return False
    return (
        mention.type in NAMED_TYPES and root.dep_ in ("compound", "nmod")
        and (head.tag_ in ("NN", "NNS") or head.lower_ in OFFICE_WORDS)  # "the {{Vega}} Administrator Ada Byrne"
        and not (mention.start <= head.i < mention.end)
    )


def select(
    candidates: list[Candidate], ids: dict[int, str], budgets: dict[int, int], salience: dict[str, int], limit: int | None,
    titles: dict[int, str] | None = None, mentioned: dict[int, Counter[str]] | None = None,
) -> list[Candidate]:
    """The best candidates under the caps, in reading order. `ids` maps id(candidate) to its card id;
    `mentioned` counts, per article, the sentences naming each answer, asked about or not."""
    counts = mention_counts(candidates)
    seen = {article: counter | (mentioned or {}).get(article, Counter()) for article, counter in counts.items()}
    topic = topics(candidates, seen, titles or {})
    scored = sorted(
        (
            Scored(score(
                c, topic.get(c.sentence.article, set()), salience.get(key(c.mention.answer), 0),
                counts[c.sentence.article][key(c.mention.answer)],
            ), c)
            for c in candidates
        ),
        key=lambda s: (-s.score, ids[id(s.candidate)]),
    )
    chosen: list[Candidate] = []
    per_sentence: Counter[tuple[int, int]] = Counter()
    per_answer: Counter[str] = Counter()
    per_article: Counter[int] = Counter()
    pairs: set[tuple[int, int, str]] = set()
    spans: defaultdict[tuple[int, int], list[Mention]] = defaultdict(list)  # the chosen mentions of each sentence
    # Best first, where a sentence's next card counts SECOND_CARD less for every card it already
    # has: a rich sentence may give more cards, but a weak second one not before the other
    # sentences' best ones.
    # A fourth card of a rich sentence only from budget left over, and a fifth only in a long one.
    for cap in (PER_SENTENCE, PER_SENTENCE + 1, PER_SENTENCE + 2):
        heap = [(-item.score, ids[id(item.candidate)], index, 0) for index, item in enumerate(scored)]
        heapq.heapify(heap)
        while heap and (limit is None or len(chosen) < limit):
            negative, card, index, applied = heapq.heappop(heap)
            c = scored[index].candidate
            where = (c.sentence.article, c.sentence.position)
            answer = key(c.mention.answer)
            if (
                (*where, answer) in pairs
                or per_sentence[where] >= (cap if cap <= PER_SENTENCE + 1 or long_sentence(c) else PER_SENTENCE + 1) or per_answer[answer] >= PER_ANSWER or per_article[where[0]] >= budgets[where[0]]
            ):
                continue
            if any(_overlap(c.mention, other) for other in spans[where]):
                continue  # "{{X and Y}} launched …" and "X and {{Y}} launched …": one asks what the other does
            if per_sentence[where] > applied:
                heapq.heappush(heap, (negative + SECOND_CARD * (per_sentence[where] - applied), card, index, per_sentence[where]))
                continue
            pairs.add((*where, answer))
            spans[where].append(c.mention)
            per_sentence[where] += 1
            per_answer[answer] += 1
            per_article[where[0]] += 1
            chosen.append(c)
    return sorted(chosen, key=lambda c: (c.sentence.article, c.sentence.position, c.mention.start, ids[id(c)]))


def _overlap(one: Mention, other: Mention) -> bool:
    """A pair of names and one of its names: two gaps of one sentence on the same words."""
    return (one.pair or other.pair) and one.start < other.end and other.start < one.end


def long_sentence(candidate: Candidate) -> bool:
    return len(candidate.sentence.quote.split()) >= LONG_SENTENCE_WORDS


def budget(words: int) -> int:
    return max(1, words // WORDS_PER_CARD)
