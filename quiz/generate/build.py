"""Cards to a deck: entries with stable ids, answers, accepted forms, choices, sources and tags.

A card's id hashes its normalised source sentence, kind and answer, so regenerating after an
edit elsewhere in the article keeps the ids (and study history) of unchanged sentences.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from quiz.decks.model import Deck, Entry, Source, identity_text
from quiz.generate.clean import Article
from quiz.generate.distractors import Pool, choices, swap
from quiz.generate.filters import normalise
from quiz.generate.othernames import accepted, other_names
from quiz.generate.types import PLACE_TYPES, AnswerType, Candidate

TRUE_FALSE_PREFIX = "True or false: "
YEAR_END = re.compile(r"\b\d{4}$")


@dataclass(frozen=True)
class Named:
    """An article with the source id and file the deck cites it by."""

    source: str
    file: str | None
    article: Article


def card_id(candidate: Candidate) -> str:
    basis = f"{_quote_identity(candidate.sentence.quote)}\n{candidate.kind}\n{normalise(candidate.mention.answer)}"
    return "g-" + hashlib.sha1(basis.encode()).hexdigest()[:12]


@lru_cache(maxsize=1024)  # the same for every candidate of the sentence
def _quote_identity(quote: str) -> str:
    return identity_text(quote)


def source_ids(names: list[str]) -> list[str]:
    """Slugs of the file names, date prefixes kept, made unique in order."""
    ids: list[str] = []
    for name in names:
        stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.replace("\\", "/").rsplit("/", 1)[-1]) if name != "-" else "stdin"
        base = re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-") or "article"
        slug, number = base, 2
        while slug in ids:
            slug, number = f"{base}-{number}", number + 1
        ids.append(slug)
    return ids


def entry(candidate: Candidate, options: Pool, names: dict[str, tuple[str, ...]] | None = None) -> Entry:
    """The deck entry for a candidate; `names` are the other names its article gives names (othernames.py)."""
    candidate = _without_modifier_comma(candidate)
    mention = candidate.mention
    common = {
        "id": card_id(candidate), "source": candidate.sentence.source, "quote": candidate.sentence.quote,
        "tags": (candidate.kind.value, mention.type.value),
    }
    before = _before(candidate)
    if candidate.kind == "truefalse":
        wrong = swap(mention, options, candidate.text, before, candidate.sentence.quote, _counts_plural(candidate))
        false = wrong is not None and int(common["id"][-1], 16) % 2 == 1
        statement = candidate.text.replace("{{" + mention.text + "}}", wrong if wrong is not None and false else mention.text, 1)
        return Entry(question=TRUE_FALSE_PREFIX + statement, answer="false" if false else "true", **common)  # type: ignore[arg-type]
    wrong_options = () if _nationality_named(candidate) else choices(mention, options, candidate.text, before, candidate.sentence.quote, _counts_plural(candidate))
    # Without the article's names, those its own sentence gives ("X, now known as Y").
    renamed = accepted(candidate, names if names is not None else other_names(candidate.sentence.quote, [mention]))
    if candidate.kind == "cloze":
        accept = tuple(form for form in dict.fromkeys((mention.answer, *mention.accept, *renamed)) if form != mention.text)
        return Entry(cloze=candidate.text, accept=accept, choices=wrong_options, **common)  # type: ignore[arg-type]
    accept = tuple(form for form in dict.fromkeys((*mention.accept, *renamed)) if form != mention.answer)
    return Entry(question=candidate.text, answer=mention.answer, accept=accept, choices=wrong_options, **common)  # type: ignore[arg-type]


def _without_modifier_comma(candidate: Candidate) -> Candidate:
    """A full date written as a modifier keeps its closing comma only while it is there: "in his
    {{May 3, 1910}}, speech" reads as a stray comma once the date is a gap, so the comma goes."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    if mention.type not in (AnswerType.DAY, AnswerType.DATE) or mention.start < 1 or mention.end + 1 >= len(doc) or not YEAR_END.search(mention.text):
        return candidate
    opener, comma, noun = doc[mention.start - 1], doc[mention.end], doc[mention.end + 1]
    if opener.tag_ not in ("PRP$", "DT", "POS") or comma.text != "," or noun.tag_ not in ("NN", "NNS"):
        return candidate
    gap = "{{" + mention.text + "}}"
    return replace(candidate, text=candidate.text.replace(gap + ", ", gap + " ", 1))


def _counts_plural(candidate: Candidate) -> bool:
    """True when the answer is a bare count of a plural noun ("{{two}} separate zones"): the noun
    says there are at least two, so "one" is no option."""
    mention = candidate.mention
    if mention.type != AnswerType.NUMBER:
        return False
    last = candidate.sentence.span.doc[mention.end - 1]
    return last.dep_ == "nummod" and last.head.tag_ in ("NNS", "NNPS") and not mention.start <= last.head.i < mention.end


def _nationality_named(candidate: Candidate) -> bool:
    """A place asked in a sentence naming nationalities ("the Danish and Swedish envoys held talks with
    {{Norway}}"): the countries those words stand for would be offered as wrong options, though
    the card already names them."""
    return candidate.mention.type in PLACE_TYPES and any(ent.label_ == "NORP" for ent in candidate.sentence.span.ents)


def _before(candidate: Candidate) -> str:
    """The three words of the source sentence before the answer: what bounds it ("by", "more than")."""
    span = candidate.sentence.span
    return span.doc[max(span.start, candidate.mention.start - 3): candidate.mention.start].text


def deck(named: list[Named], entries: list[Entry], title: str | None) -> Deck:
    single = named[0].article.title or _title_from_name(named[0].source)
    deck_title = title or (single if len(named) == 1 else f"Questions from {len(named)} articles")
    sources = {
        n.source: Source(title=n.article.title or _title_from_name(n.source), published=n.article.published, file=n.file)
        for n in named
    }
    unique: dict[str, Entry] = {}
    for item in entries:
        unique.setdefault(item.id or "", item)
    deck_id = re.sub(r"[^a-z0-9]+", "-", deck_title.casefold()).strip("-")[:60].strip("-") or "generated"
    description = "Generated by quiz generate from " + ", ".join(sources) + "."
    return Deck(id=deck_id, title=deck_title, description=description, sources=sources, entries=tuple(unique.values()))


def _title_from_name(source: str) -> str:
    words = re.sub(r"^\d{4}(?:-\d{2}){0,2}-", "", source).replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else source
