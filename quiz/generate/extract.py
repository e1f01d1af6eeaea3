"""From parsed paragraphs to usable sentences and their answerable mentions.

Owns: verbatim quotes (dateline included), skipping sentences that are questions, commands or
direct quotations (a quotation a named person is said to have said is kept for its attribution
alone: who said it is a fact), resolving references from the sentence before (references.py) and relative
time (timeref.py), and which names, dates and numbers can be answers. What each mention can be
asked as is candidates.py's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.generate.answertypes import DURATION, ORDINAL, answer_type, name_family
from quiz.generate.clauses import SPEECH_VERBS, lemma
from quiz.generate.clean import Paragraph
from quiz.generate.names import name_spans
from quiz.generate.nlp import Entities, surface
from quiz.generate.references import describe, person_referent, resolve, resolve_people, resolve_possessive, salient_names, unlinked
from quiz.generate.terms import term_mentions
from quiz.generate.timeref import relative_time
from quiz.generate.types import NAMED_TYPES, AnswerType, Mention, Sentence
from quiz.generate.words import (
    APPROXIMATORS,
    CATEGORY_NOUNS,
    HONORIFICS,
    NUMBER_MODIFIERS,
    NUMBER_PHRASE_WORDS,
    OFFICE_WORDS,
    SCALES,
    TIME_UNITS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OUTLET_VERBS = frozenset(("report", "note", "write"))
# Nouns a leader's name modifies to mean their government: "the X administration", "the X era".
REGIME_NOUNS = frozenset("administration government era presidency regime cabinet premiership reign years".split())
COUNTED = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
MAX_QUOTED_WORDS = 5  # longer quoted runs are direct quotations, shorter ones scare quotes
# Reporting boilerplate: who answered the reporter is no fact to study.
BOILERPLATE = re.compile(
    r"\b(?:did not|didn['’]t|could not|couldn['’]t|has not|have not|had not)\s+(?:immediately\s+)?"
    r"(?:respond|reply|return|comment)|\bdeclined to (?:comment|respond|elaborate)|\bcould not be reached|"
    r"\b(?:requests?|questions) for comment|\bno immediate comment",
    re.IGNORECASE,
)
NAME_PARTICLES = frozenset("of and the for on in to de del la le da di du von van der den bin ibn al y et & s".split())


def sentences(article: int, source: str, paragraphs: tuple[Paragraph, ...], docs: list[Doc], entities: Entities) -> list[Sentence]:
    found: list[Sentence] = []
    previous: Span | None = None
    person: str | None = None  # whom "he" or "she" means so far
    salient = salient_names(docs, entities)
    for paragraph, doc in zip(paragraphs, docs):
        quoted = quoted_tokens(doc)
        for number, span in enumerate(doc.sents):
            lead = paragraph.lead if number == 0 else ""
            quote = " ".join((lead + span.text).split())
            stated = usable(span, quoted)
            speaker = None if stated else attribution(span, quoted)
            if stated or speaker is not None:
                resolved = resolve(span, previous, entities, article) + resolve_possessive(span, previous, entities, article, salient)
                resolved += resolve_people(span, person, resolved)
                resolved += describe(span, salient) + relative_time(span) + unlinked(span) + acronym_glosses(span)
                found.append(Sentence(article=article, source=source, position=len(found), quote=quote, span=span, resolved=resolved, speaker=speaker))
            previous = span
            person = person_referent(person, span, entities, article)
    return found


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks (curly or straight)."""
    inside: set[int] = set()
    depth = 0
    for token in doc:
        mark = token.text
        if mark == "“" or (mark == '"' and depth == 0):
            depth = 1
        elif mark in ("”", '"') and depth:
            depth = 0
        elif depth:
            inside.add(token.i)
    return inside


def usable(span: Span, quoted: set[int]) -> bool:
    """Statements of fact: not questions, commands, fragments or direct quotations."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 6 or span.text.rstrip().endswith("?") or BOILERPLATE.search(span.text):
        return False
    root = span.root
    if root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return False
    if quoted.isdisjoint(range(span.start, span.end)):
        return True  # nothing quoted: no need to look at every token again
    run = longest = 0
    for token in span:
        run = run + 1 if token.i in quoted and not token.is_punct else (run if token.is_punct and token.i in quoted else 0)
        longest = max(longest, run)
    return longest <= MAX_QUOTED_WORDS and span[0].i not in quoted


ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
GLOSSED_WORDS = 8  # how far back the words an acronym abbreviates may start


def acronym_glosses(span: Span) -> tuple[tuple[int, str], ...]:
    """An acronym in brackets right after the words it abbreviates, left out of every card: "the
    U.S. Government (USG) implemented …" gives away a gap on either form, and says nothing more."""
    doc = span.doc
    dropped: list[tuple[int, str]] = []
    for token in span:
        if token.text != "(" or token.i + 2 >= span.end or doc[token.i + 2].text != ")" or not ACRONYM.match(doc[token.i + 1].text):
            continue
        letters = doc[token.i + 1].text.replace(".", "").replace("&", "")
        capitals = "".join(c for t in doc[max(span.start, token.i - GLOSSED_WORDS) : token.i] for c in t.text if c.isupper())
        if _subsequence(letters, capitals) and doc[token.i - 1].text[:1].isupper():
            dropped += [(token.i, ""), (token.i + 1, ""), (token.i + 2, "")]
    return tuple(dropped)


def _subsequence(letters: str, capitals: str) -> bool:
    """The acronym's letters in order among the capitals, starting at one of them ("NOAA" in "NOAAA")."""
    rest = iter(capitals[capitals.find(letters[0]) :] if letters and letters[0] in capitals else "")
    return bool(letters) and all(letter in rest for letter in letters)


def attribution(span: Span, quoted: set[int]) -> tuple[int, int] | None:
    """The tokens (start, end) naming who said a quotation: the named subject, outside the quotation
    marks, of a speech verb outside them ("…,” said ice scientist Ana Ruiz of the Polar Institute)."""
    if not any(t.i in quoted for t in span) or len([t for t in span if not t.is_punct]) < 6:
        return None
    for verb in span:
        if verb.i in quoted or not verb.tag_.startswith("VB") or lemma(verb) not in SPEECH_VERBS:
            continue
        for subject in verb.children:
            tokens = list(subject.subtree)
            if subject.dep_ == "nsubj" and subject.tag_ in ("NNP", "NNPS") and not any(t.i in quoted for t in tokens):
                return tokens[0].i, tokens[-1].i + 1
    return None


def mentions(sentence: Sentence, entities: Entities) -> list[Mention]:
    """The sentence's answerable names, dates, numbers and terms (of a quoted statement, only those
    of its attribution)."""
    found = []
    for ent in name_spans(sentence.span, entities):
        label = entities.label(ent)
        tokens = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
        while tokens and (tokens[0].is_punct or tokens[-1].is_punct):
            tokens = tokens[1:] if tokens[0].is_punct else tokens[:-1]
        lead = [t for t in tokens if t.lower_ in NUMBER_MODIFIERS]
        if label in ("DATE", "TIME") and (length := within(tokens)):
            lead, tokens, label = tokens[: -len(length)], length, "QUANTITY"  # "in the last {{21 days}}", "in less than {{four hours}}"
        if label in COUNTED:
            tokens = [t for t in tokens if t not in lead]
            lead += hedge(tokens)
            tokens = tokens[len(hedge(tokens)):]
            tokens = with_currency(tokens)
        if not tokens:
            continue
        if len(tokens) > 2 and tokens[-1].lower_ in ("ago", "old") and DURATION.match(" ".join(t.text for t in tokens[:-1])):
            tokens = tokens[:-1]  # "more than {{13 billion years}} old": the measure, not the age
        if label == "CARDINAL" and (times := how_often(tokens)) is not None:
            tokens = [*tokens, times]  # "ran across an open area {{three times}}": how often is the fact
        named = titled_name(tokens) if label == "ORG" else None
        if named:
            tokens, label = named, "PERSON"
        span = ent.doc[tokens[0].i : tokens[-1].i + 1]
        text = span.text if label in COUNTED or named else surface(ent)
        if label == "ORG" and PARTICLE_NAME.match(text):
            label = "PERSON"  # "Wernher von Braun": a particle between capitalised words makes a person's name
        if label == "DATE" and (age := AGE_PHRASE.match(text)):
            span, text, label = span[-1:], age.group(1), "CARDINAL"  # "at the age of {{92}}": the number is the fact
        kind = answer_type(text, label)
        if kind is None or in_title(span) or kind in MEASURES and names_a_kind(span):
            continue
        if (kind == "number" and (definite(span) and not MEASURE_WORD.search(text) or range_start(span) or score(span))) or fragment(span) or descriptive(span, kind):
            continue
        if any(sentence.resolutions.get(i) == "" for i in range(span.start, span.end)):
            continue  # inside a relative time expression that questions and gaps leave out
        if kind in NAMED_TYPES and (not proper_name(text) or common_word(span, entities) or text.split()[-1].casefold() in NAME_PARTICLES):
            continue  # "the first electric motor" tagged as an organisation, "Curator of" cut from "Curator of Painting": no name
        answer = entities.full_name(sentence.article, text) if kind == "person" else text
        title = role(span, kind)
        if kind == "person" and (" " not in answer and not title or person_fragment(span)):
            continue  # "Moon", "Telenor", "Patrick" (of "Patrick and Catherine O'Leary"): no full name or title
        accept = [form for form in (text, *entities.aliases(sentence.article, text)) if form != answer]
        found.append(Mention(
            start=span.start, end=span.end, text=text, type=kind, answer=answer,
            accept=tuple(dict.fromkeys(accept)), approximator=approximator(span, lead), role=title,
        ))
    found += orphan_numbers(sentence.span, found)
    found += measure_mentions(sentence.span, found)
    taken = {i for m in found for i in range(m.start, m.end)} | {i for i, text in sentence.resolved if text == ""}
    return [m for m in found + term_mentions(sentence.span, taken) if not sentence.quoted(m)]


def how_often(tokens: list[Token]) -> Token | None:
    """The "times" after a count of how often something happened ("three times"), not of a
    multiplier ("three times as large", "three times more")."""
    doc = tokens[-1].doc
    after = tokens[-1].i + 1
    if after >= len(doc) or doc[after].lower_ != "times":
        return None
    following = doc[after + 1] if after + 1 < len(doc) else None
    if following is not None and (following.lower_ in ("as", "the", "that") or following.tag_ in ("JJR", "RBR")):
        return None
    return doc[after]


def titled_name(tokens: list[Token]) -> list[Token] | None:
    """The name of a person the tagger took with their title for an organisation: "Puckett" of
    "First Lieutenant Puckett". "General Electric" is a company: a title word opening the name must
    not also be an adjective."""
    offices = [n for n, t in enumerate(tokens) if t.lower_.rstrip(".") in OFFICE_WORDS | HONORIFICS and (n > 0 or t.lower_ not in ("general", "major"))]
    if not offices or offices[-1] == len(tokens) - 1:
        return None
    name = tokens[offices[-1] + 1 :]
    if not all(t.tag_ == "NNP" and t.text[:1].isupper() for t in name) or name[-1].lower_ in CATEGORY_NOUNS or name_family(name[-1].text):
        return None
    return name


PARTICLE_NAME = re.compile(r"^[A-Z][a-z]+ (?:von|van|de|da|di|del|der|den|du|bin|ibn|al|la|le) [A-Z][a-z]+$")


# Words before a length of time that bound it or tie it to now: "the past 13.5 billion years",
# "less than four hours", "just four years". The length itself is the fact.
BOUNDING_WORDS = frozenset("past last next previous first coming less more than over under about nearly almost just some around roughly within at least up to".split())
UNIT = re.compile(
    rf"^(?:{'|'.join(TIME_UNITS)}|inch(?:es)?|foot|feet|yards?|miles?|met(?:er|re)s?|kilomet(?:er|re)s?|acres?|hectares?|pounds?|tons?|tonnes?|gallons?|lit(?:er|re)s?|degrees?)$",
    re.IGNORECASE,
)


def within(tokens: list[Token]) -> list[Token] | None:
    """The length of time in a date or time expression that only bounds it: "13.5 billion years" of
    "the past 13.5 billion years"; None when there is none, or nothing bounds it."""
    first = next((n for n, t in enumerate(tokens) if t.like_num), None)
    if not first or not all(t.lower_ in BOUNDING_WORDS for t in tokens[:first]):
        return None
    rest = tokens[first:]
    return rest if DURATION.match(" ".join(t.text for t in rest)) else None


def measure_mentions(sent: Span, found: list[Mention]) -> list[Mention]:
    """Amounts with a unit that the tagger left out of every entity: "13 billion years", "a
    200-inch mirror", "every 2.5 seconds". The number is written in digits; scale words and a
    hyphen may come between it and the unit."""
    taken = {i for m in found for i in range(m.start, m.end)}
    doc = sent.doc
    result = []
    for token in sent:
        if token.i in taken or token.tag_ != "CD" or not any(c.isdigit() for c in token.text) or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        end = token.i + 1
        while end < sent.end and doc[end].lower_ in SCALES:
            end += 1
        if end < sent.end - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            end += 1
        if end >= sent.end or not UNIT.match(doc[end].text) or any(i in taken for i in range(token.i, end + 1)):
            continue
        span = doc[token.i : end + 1]
        kind = answer_type(span.text, "QUANTITY")
        if kind is None or names_a_kind(span) or range_start(span) or score(span) or kind == "number" and definite(span) and not MEASURE_WORD.search(span.text):
            continue
        result.append(Mention(start=span.start, end=span.end, text=span.text, type=kind, answer=span.text, accept=(), approximator=approximator(span, [])))
        taken.update(range(span.start, span.end))
    return result


def hedge(tokens: list[Token]) -> list[Token]:
    """Leading words of a number entity that only hedge it: "An estimated" in "An estimated 650
    million". The answer is the quantity; the hedge stays in the text."""
    lead = []
    for token in tokens:
        if token.tag_ in ("CD", "$") or token.lower_ in NUMBER_PHRASE_WORDS or token.lower_ in ("a", "half") and token is not tokens[0]:
            break
        if token.tag_ not in ("DT", "JJ", "JJR", "JJS", "RB", "RBR", "IN", "VBN"):
            break
        lead.append(token)
    return lead if len(lead) < len(tokens) else []


def with_currency(tokens: list[Token]) -> list[Token]:
    """A currency sign written just before the number: "€20,000", not "€{{20,000}}"."""
    if tokens and tokens[0].i > 0:
        before = tokens[0].doc[tokens[0].i - 1]
        if before.tag_ == "$" and not before.whitespace_:
            return [before, *tokens]
    return tokens


def common_word(span: Span, entities: Entities) -> bool:
    """A capitalised word starting the sentence that the input writes in lower case elsewhere and
    never capitalised inside a sentence: "Dams built upstream trap …" names no organisation."""
    word = span[0].text
    if len(span) != 1 or not span[0].is_sent_start or word in entities.proper:
        return False
    return _word_pattern(word.lower()).search(entities.text) is not None


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """The word on its own, compiled once: the same sentence-initial words come back in every article."""
    return re.compile(rf"\b{re.escape(word)}\b")


def proper_name(text: str) -> bool:
    """Every word capitalised apart from minor words: "Bank of England", not "first electric motor"."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words)


def person_fragment(span: Span) -> bool:
    """The end of a name the tagger split: "Jenney" in "William Le Baron Jenney", where the words
    before are capitalised and belong to another person entity."""
    doc = span.doc
    index = span.start - 1
    while index >= span.sent.start and doc[index].text[:1].isupper() and not doc[index].ent_type_ and doc[index].tag_ == "NNP":
        index -= 1
    return index < span.start - 1 and index >= span.sent.start and doc[index].ent_type_ == "PERSON"


def orphan_numbers(sent: Span, found: list[Mention]) -> list[Mention]:
    """Counts written in digits that the tagger folded into a wrong entity ("February 26 to 1,300")
    or left out: a number heading its own noun phrase; and ordinals it left out ("the 27th country")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    result = []
    for token in sent:
        if token.i in taken:
            continue
        if ORDINAL.match(token.text) and token.dep_ in ("amod", "nummod", "attr", "pobj") and token.tag_ in ("JJ", "CD", "NN", "RB"):
            result.append(Mention(start=token.i, end=token.i + 1, text=token.text, type=AnswerType.ORDINAL, answer=token.text, accept=()))
            continue
        if token.tag_ != "CD" or token.dep_ not in ("pobj", "dobj", "nsubj", "attr"):
            continue
        span = token.doc[token.i : token.i + 1]
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+\.\d+", token.text) and not definite(span) and not range_start(span) and not score(span):
            result.append(Mention(
                start=token.i, end=token.i + 1, text=token.text, type=AnswerType.NUMBER, answer=token.text, accept=(), approximator=approximator(span, []),
            ))
    return result


def range_start(span: Span) -> bool:
    """ "600" in "rose from 600 to 1,300": the fact is where it ended."""
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ == "from" and any(c.dep_ == "prep" and c.lower_ == "to" for c in prep.head.children)


SCORE = re.compile(r"^\d+[–-]\d+$")
PAIR_WORDS = frozenset(("to", "-", "–", "—"))


def score(span: Span) -> bool:
    """Half of a score or a vote ("a vote of 6 to 3", "won 3–1"), or the lower end of "between
    7,000 and 9,000": a gap on it asks for half a fact, and a same-size distractor can make an
    impossible pair. The upper end of a range stays (see range_start)."""
    doc = span.doc
    if SCORE.match(span.text):
        return True
    before = doc[span.start - 2 : span.start]
    after = doc[span.end : span.end + 2]
    if len(after) == 2 and _count(after[1]) and (after[0].lower_ in PAIR_WORDS or after[0].lower_ == "and" and _between(span)):
        return not (after[0].lower_ == "to" and _from(span))  # "from 600 to 1,300" is range_start's
    if len(before) == 2 and _count(before[0]) and before[1].lower_ in PAIR_WORDS:
        return not _from(doc[before[0].i : before[0].i + 1])
    return False


def _count(token: Token) -> bool:
    """A number standing alone, not the day of a date ("February 26 to 1,300")."""
    return token.like_num and token.ent_type_ not in ("DATE", "TIME")


def _between(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "between"


def _from(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "from"


def role(span: Span, kind: str) -> str:
    """What the text says the name is: a person's title word, or "outlet" for a news source."""
    if kind == "person":
        titles = [
            t for t in span.doc[max(span.start - 4, 0) : span.start]
            if t.dep_ in ("compound", "nmod") and t.head.i >= span.start and t.lower_.rstrip(".") not in HONORIFICS
        ]
        if titles:
            return titles[-1].lower_
        governs = span.root.dep_ in ("compound", "nmod", "poss") and span.root.head.lower_ in REGIME_NOUNS
        return "leader" if governs else ""  # "the Obama administration": a head of government
    if kind == "organization":
        root = span.root
        head = root.head
        if root.dep_ == "nsubj" and lemma(head) in OUTLET_VERBS or root.dep_ == "dobj" and lemma(head) == "tell":
            return "outlet"
        if root.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and head.nbor(-1).lower_ == "according":
            return "outlet"
    return ""


# A number joined to its unit ("a 12-mile zone", "14-year terms") measures, even after "a".
MEASURE_WORD = re.compile(r"\d-[^\W\d]")
AGE_PHRASE = re.compile(r"^(?:the )?age of (\d{1,3})$", re.IGNORECASE)
MEASURES = (AnswerType.NUMBER, AnswerType.DURATION)


def names_a_kind(span: Span) -> bool:
    """A measure made an adjective of a person's title names a kind, not an amount: "Moreira, a
    former {{5,000-metre}} champion". Of a thing it is the fact: "a 10-mile zone", "14-year terms"."""
    if not re.search(r"\d-[^\W\d]", span.text):
        return False
    noun = span.root.head if span.root.head.i != span.root.i else span.root
    while noun.dep_ in ("amod", "compound", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ in ("appos", "attr") and noun.head.ent_type_ == "PERSON" or noun.ent_type_ == "PERSON"


def fragment(span: Span) -> bool:
    """Part of a longer name the tagger split: "Americas" in "the Summit of the Americas", "US" in
    "US Customs and Border Protection" or "the US-Mexico border", "Ohio Railroad" in "the
    Baltimore and Ohio Railroad"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in ("-", "–") and not span[-1].whitespace_:
        return True
    if span.start > 0 and doc[span.start - 1].text in ("-", "–") and not doc[span.start - 1].whitespace_:
        return True  # "Mexico" in "the US-Mexico border"
    if after is not None and _loose_capital(after) and (span.root.ent_type_ == "PERSON" or not _title_before_person(after)):
        return True
    next_is_org = span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "ORG"
    if after is not None and after.lower_ in ("and", "&") and next_is_org and span.root.dep_ in ("compound", "nmod", "amod"):
        return True  # "US Customs and Border Protection data": one name modifying a noun
    before = [t for t in doc[max(span.sent.start, span.start - 3) : span.start] if t.lower_ != "the"]
    if len(before) >= 2 and before[-1].lower_ in ("and", "&") and before[-2].ent_type_ == "ORG" and before[-2].dep_ in ("compound", "nmod"):
        return True
    if before and before[-1].lower_ in ("of", "for", "and", "&", "de") and len(before) >= 2:
        joined = before[-2]
        if _loose_capital(joined) or (before[-1].lower_ == "and" and joined.text[:1].isupper() and span[-1].lower_ in CATEGORY_NOUNS):
            return True
    return bool(before) and before[-1].i == span.start - 1 and _loose_capital(before[-1]) and span.root.ent_type_ != "PERSON"


def _loose_capital(token: Token) -> bool:
    """A capitalised proper-noun word outside any entity and not starting the sentence."""
    return token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper() and not token.ent_type_ and not token.is_sent_start


def _title_before_person(token: Token) -> bool:
    """ "Rep." in "Massachusetts Rep. Jim McGovern": capitalised title words leading to a person."""
    doc = token.doc
    index = token.i
    while index < len(doc) and (_loose_capital(doc[index]) or doc[index].lower_ == "of" or doc[index].is_punct and doc[index].text == "."):
        index += 1
    return index < len(doc) and doc[index].ent_type_ == "PERSON" and doc[index].ent_iob_ == "B"


def descriptive(span: Span, kind: str) -> bool:
    """A name used as an adjective ("the Antarctic data"): no thing to ask about."""
    return kind not in ("person", "ordinal") and all(t.tag_ in ("JJ", "JJR", "JJS") and not t.text.isupper() for t in span)


def definite(span: Span) -> bool:
    """ "the two countries", "a two-track approach": a number that names rather than counts."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (before is not None and before.tag_ in ("DT", "PRP$", "POS") and before.lower_ != "all") or (after is not None and after.text == "-")


def in_title(span: Span) -> bool:
    """The office in a title written before a name: "State" in "Secretary of State Hillary Clinton"."""
    root = span.root
    title = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return title is not None and title.dep_ in ("compound", "nmod") and title.head.ent_type_ == "PERSON"


def approximator(span: Span, lead: list[Token]) -> str:
    """ "About" for "approximately 20,000", "At least" for "at least 20,000"."""
    words = [t.lower_ for t in lead] + [c.lower_ for t in span for c in t.children if c.dep_ in ("quantmod", "advmod") and c.i < span.start]
    return next((APPROXIMATORS[w] for w in reversed(words) if w in APPROXIMATORS), "")
