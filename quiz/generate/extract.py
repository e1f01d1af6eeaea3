"""From parsed paragraphs to usable sentences and their answerable mentions.

Owns: verbatim quotes (dateline included), skipping sentences that are questions, commands or
direct quotations (a quotation a named person is said to have said is kept for its attribution
alone: who said it is a fact), resolving references from the sentence before (references.py) and relative
time (timeref.py), and which names, dates and numbers can be answers (where a number's answer
starts and ends: quantities.py). What each mention can be asked as is candidates.py's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.acronyms import glosses, spell_out
from quiz.generate.answertypes import DURATION, answer_type, name_family
from quiz.generate.clauses import SPEECH_VERBS, lemma
from quiz.generate.clean import Paragraph
from quiz.generate.dategaps import whole_dates
from quiz.generate.demonstratives import resolve_demonstratives
from quiz.generate.names import CODE_NAME, DOMAIN, NAMED_KINDS, name_spans
from quiz.generate.nlp import Entities, sentence_bounds, surface
from quiz.generate.periods import periods
from quiz.generate.quantities import (
    AGE_PHRASE,
    COUNTED,
    MEASURE_WORD,
    MEASURES,
    approximator,
    definite,
    hedge,
    how_often,
    measure_mentions,
    names_a_kind,
    orphan_numbers,
    range_start,
    score,
    tally_mentions,
    with_currency,
    within,
)
from quiz.generate.references import (
    describe,
    person_referent,
    resolve,
    resolve_it,
    resolve_people,
    resolve_possessive,
    resolve_post,
    salient_names,
    unlinked,
)
from quiz.generate.terms import term_mentions
from quiz.generate.timeref import relative_time
from quiz.generate.types import NAMED_TYPES, AnswerType, Mention, Sentence
from quiz.generate.words import (
    CATEGORY_NOUNS,
    HONORIFICS,
    NUMBER_MODIFIERS,
    OFFICE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OUTLET_VERBS = frozenset(("report", "note", "write"))
# Nouns a leader's name modifies to mean their government: "the X administration", "the X era".
REGIME_NOUNS = frozenset("administration government era presidency regime cabinet premiership reign years".split())
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
    written = glosses(docs)
    for paragraph, doc in zip(paragraphs, docs):
        quoted = quoted_tokens(doc)
        for number, span in enumerate(doc.sents):
            lead = paragraph.lead if number == 0 else ""
            quote = " ".join((lead + span.text).split())
            stated = usable(span, quoted)
            speaker = None if stated else attribution(span, quoted)
            if stated or speaker is not None:
                resolved = resolve(span, previous, entities, article) + resolve_possessive(span, previous, entities, article, salient)
                resolved += resolve_people(span, person, resolved) + resolve_it(span, previous) + resolve_post(span, previous)
                resolved += describe(span, salient) + relative_time(span) + unlinked(span) + acronym_glosses(span)
                resolved += resolve_demonstratives(span, previous)
                resolved += spell_out(span, written, resolved)
                if stated and (span[0].i in quoted or span[0].text in ("“", '"')):
                    resolved += tuple((t.i, "") for t in span if t.text in ("“", "”", '"'))  # a fact quoted: its marks go with the speaker
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
    text = span.text  # once: a span's text is joined anew from its tokens on every call
    if len(words) < 6 or text.rstrip().endswith("?") or BOILERPLATE.search(text):
        return False
    root = span.root
    if root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return False
    if quoted.isdisjoint(range(span.start, span.end)):
        return True  # nothing quoted: no need to look at every token again
    if span[0].i in quoted or span[0].text in ("“", '"'):
        return reported_fact(span, quoted)
    run = longest = 0
    for token in span:
        run = run + 1 if token.i in quoted and not token.is_punct else (run if token.is_punct and token.i in quoted else 0)
        longest = max(longest, run)
    return longest <= MAX_QUOTED_WORDS


# Words that make a quoted sentence the speaker's own view or act, not a fact of the story.
SPEAKER_WORDS = frozenset("i me my mine we us our ours you your yours".split())


def reported_fact(span: Span, quoted: set[int]) -> bool:
    """A sentence inside a quotation that states a fact of the story ("“In only two seasons, 30
    clubs have joined the league.”"): the quotation marks aside, it reads as the article's own
    statement. One in the first or second person ("we will explore …") is the speaker's view, and
    one with a pronoun would be read with the speaker for its antecedent."""
    words = [t for t in span if not t.is_punct]
    return (
        bool(words) and all(t.i in quoted for t in words) and not span.text.rstrip("”\"' ").endswith(("?", "!"))
        and not any(t.lower_ in SPEAKER_WORDS or t.tag_ in ("PRP", "PRP$") for t in words)  # "he" in a quotation is not its speaker
    )


ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
GLOSSED_WORDS = 8  # how far back the words an acronym abbreviates may start


def acronym_glosses(span: Span) -> tuple[tuple[int, str], ...]:
    """An acronym in brackets right after the words it abbreviates, left out of every card: "the
    Harbor Trust (HT) opened …" gives away a gap on either form, and says nothing more."""
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
        label = ent.label_ if CODE_NAME.match(ent.text) else entities.label(ent)  # "18F", a name the tagger took for a date
        tokens = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
        while tokens and (tokens[0].is_punct or tokens[-1].is_punct):
            tokens = tokens[1:] if tokens[0].is_punct else tokens[:-1]
        lead = [t for t in tokens if t.lower_ in NUMBER_MODIFIERS]
        if label in ("DATE", "TIME") and (length := within(tokens)):
            lead, tokens, label = tokens[: -len(length)], length, "QUANTITY"  # "over the past {{nine days}}", "within under {{six hours}}"
        if label in COUNTED:
            tokens = [t for t in tokens if t not in lead]
            lead += hedge(tokens)
            tokens = tokens[len(hedge(tokens)):]
            tokens = with_currency(tokens)
        if not tokens:
            continue
        if len(tokens) > 2 and tokens[-1].lower_ in ("ago", "old") and DURATION.match(" ".join(t.text for t in tokens[:-1])):
            tokens = tokens[:-1]  # "more than {{12 billion years}} old": the measure, not the age
        if label == "CARDINAL" and (times := how_often(tokens)) is not None:
            tokens = [*tokens, times]  # "swam across the wide bay {{three times}}": how often is the fact
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
        if (kind == "number" and (definite(span) and not MEASURE_WORD.search(text) or range_start(span) or score(span))) or fragment(span, label == "PERSON") or descriptive(span, kind):
            continue
        if any(sentence.resolutions.get(i) == "" for i in range(span.start, span.end)):
            continue  # inside a relative time expression that questions and gaps leave out
        if kind in NAMED_TYPES and (not proper_name(text) or common_word(span, entities) or text.split()[-1].casefold() in NAME_PARTICLES or status_word(span)):
            continue  # "the first electric motor" tagged as an organisation, "Keeper of" cut from "Keeper of Maps": no name
        answer = entities.full_name(sentence.article, text) if kind == "person" else text
        title = role(span, kind)
        if kind == "person" and (" " not in answer and not title or person_fragment(span)):
            continue  # "Moon", "Telenor", "Patrick" (of "Patrick and Catherine O'Leary"): no full name or title
        accept = [form for form in (text, *entities.aliases(sentence.article, text)) if form != answer]
        found.append(Mention(
            start=span.start, end=span.end, text=text, type=kind, answer=answer,
            accept=tuple(dict.fromkeys(accept)), approximator=approximator(span, lead), role=title,
        ))
    found = whole_dates(sentence.span, found)
    found += paired_subjects(sentence.span, found)
    found += orphan_numbers(sentence.span, found)
    found += measure_mentions(sentence.span, found)
    found = periods(sentence.span, found + tally_mentions(sentence.span, found))
    taken = {i for m in found for i in range(m.start, m.end)} | {i for i, text in sentence.resolved if text == ""}
    return [m for m in found + term_mentions(sentence.span, taken) if not sentence.quoted(m)]


PAIRED_TYPES = frozenset((AnswerType.PERSON, AnswerType.ORGANIZATION, AnswerType.THING, AnswerType.COUNTRY))


def paired_subjects(span: Span, found: list[Mention]) -> list[Mention]:
    """Two names joined by "and" as the subject of a clause ("the Harbor Board and Tamar Ferries launched
    …"): who did it is both, so the pair is an answer of its own beside each name. Only a list of
    exactly two, of one kind of name (an organisation and a thing tagged apart count as one kind)."""
    doc = span.doc
    named = sorted((m for m in found if m.type in PAIRED_TYPES), key=lambda m: m.start)
    result = []
    for first, second in pairwise(named):
        between = [t.lower_ for t in doc[first.end : second.start]]
        if between not in (["and"], ["and", "the"]):
            continue
        head, other = doc[first.start : first.end].root, doc[second.start : second.end].root
        if other.dep_ != "conj" or other.head.i != head.i or head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if sum(1 for c in head.children if c.dep_ == "conj") != 1 or any(c.dep_ == "conj" for c in other.children):
            continue  # a longer list: one of its items is no pair
        kinds = {first.type, second.type}
        if len(kinds) > 1 and not kinds <= {AnswerType.ORGANIZATION, AnswerType.THING}:
            continue
        kind = first.type if len(kinds) == 1 else AnswerType.ORGANIZATION
        text = doc[first.start : second.end].text
        result.append(Mention(start=first.start, end=second.end, text=text, type=kind, answer=text, accept=(), pair=True))
    return result


def titled_name(tokens: list[Token]) -> list[Token] | None:
    """The name of a person the tagger took with their title for an organisation: "Akers" of
    "First Lieutenant Akers". "General Electric" is a company: a title word opening the name must
    not also be an adjective."""
    offices = [n for n, t in enumerate(tokens) if t.lower_.rstrip(".") in OFFICE_WORDS | HONORIFICS and (n > 0 or t.lower_ not in ("general", "major"))]
    if not offices or offices[-1] == len(tokens) - 1:
        return None
    name = tokens[offices[-1] + 1 :]
    if not all(t.tag_ == "NNP" and t.text[:1].isupper() for t in name) or name[-1].lower_ in CATEGORY_NOUNS or name_family(name[-1].text):
        return None
    return name


PARTICLE_NAME = re.compile(r"^[A-Z][a-z]+ (?:von|van|de|da|di|del|der|den|du|bin|ibn|al|la|le) [A-Z][a-z]+$")


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


def status_word(span: Span) -> bool:
    """A participle set off after a name as its status ("Captain Ana Ruiz, Harbor Police, Retired,"):
    capitalised as part of the style, but no name."""
    word = span[0]
    if len(span) != 1 or len(word.text) < 6 or not word.text.endswith("ed"):
        return False
    if word.dep_ == "appos" and word.head.tag_ in ("NNP", "NNPS"):
        return True
    # However the parser hung it: alone between commas, right after a name.
    doc, i = word.doc, word.i
    return 1 < i < len(doc) - 1 and doc[i - 1].text == "," and doc[i + 1].text in (",", ".") and doc[i - 2].tag_ in ("NNP", "NNPS")


def proper_name(text: str) -> bool:
    """Every word capitalised apart from minor words: "Bank of England", "42nd Armoured Brigade",
    not "first electric motor"."""
    if DOMAIN.match(text):
        return True  # "tides.example.gov" is a name however it is written
    words = re.findall(r"(?<![\w'’.-])[^\W\d_][\w'’.-]*", text)  # "101st" is no lower-case word "st"
    if len(words) > 1 and words[-1] in NAMED_KINDS:
        words = words[:-1]  # "the Harlow treaty"
    return all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words)


def person_fragment(span: Span) -> bool:
    """The end of a name the tagger split: "Jenney" in "William Le Baron Jenney", where the words
    before are capitalised and belong to another person entity."""
    doc = span.doc
    first = sentence_bounds(doc, span.start)[0]
    index = span.start - 1
    while index >= first and doc[index].text[:1].isupper() and not doc[index].ent_type_ and doc[index].tag_ == "NNP":
        index -= 1
    return index < span.start - 1 and index >= first and doc[index].ent_type_ == "PERSON"


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


def fragment(span: Span, person: bool = False) -> bool:
    """Part of a longer name the tagger split: "Americas" in "the Summit of the Americas", "US" in
    "US Customs and Border Protection" or "the US-Mexico border", "Ohio Railroad" in "the
    Baltimore and Ohio Railroad"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in ("-", "–") and not span[-1].whitespace_ and not (span.root.tag_ == "CD" and span.text.isdigit()):
        return True  # "US" of "US-Mexico"; "18" of "an 18-member council" is a count
    if span.start > 0 and doc[span.start - 1].text in ("-", "–") and not doc[span.start - 1].whitespace_:
        return True  # "Mexico" in "the US-Mexico border"
    person = person or span.root.ent_type_ == "PERSON"
    if after is not None and _loose_capital(after) and (person or not _title_before_person(after)):
        return True
    next_is_org = span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "ORG"
    if after is not None and after.lower_ in ("and", "&") and next_is_org and span.root.dep_ in ("compound", "nmod", "amod"):
        return True  # "US Customs and Border Protection data": one name modifying a noun
    before = [t for t in doc[max(sentence_bounds(doc, span.start)[0], span.start - 3) : span.start] if t.lower_ != "the"]
    if len(before) >= 2 and before[-1].lower_ in ("and", "&") and before[-2].ent_type_ == "ORG" and before[-2].dep_ in ("compound", "nmod"):
        return True
    if before and before[-1].lower_ in ("of", "for", "and", "&", "de") and len(before) >= 2 and doc[span.start - 1].lower_ != "the":
        joined = before[-2]
        if _loose_capital(joined) or (before[-1].lower_ == "and" and joined.text[:1].isupper() and span[-1].lower_ in CATEGORY_NOUNS):
            return True
    return bool(before) and before[-1].i == span.start - 1 and _loose_capital(before[-1]) and not person


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
    """A name used as an adjective ("the Arctic data"): no thing to ask about."""
    return kind not in ("person", "ordinal") and all(t.tag_ in ("JJ", "JJR", "JJS") and not t.text.isupper() for t in span)


def in_title(span: Span) -> bool:
    """The office in a title written before a name: "State" in "Secretary of State Hillary Clinton"."""
    root = span.root
    title = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return title is not None and title.dep_ in ("compound", "nmod") and title.head.ent_type_ == "PERSON"


