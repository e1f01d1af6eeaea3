"""Names the small model misses or cuts: runs of proper nouns taken as mentions, not NER alone.

The English pipeline's entity tagger misses many multi-word names ("Harbor Ferry App", "Tamar
Space Center"), splits some ("New" + "Caledonia"), runs others into the next word ("Corvane
Marine uses Thermex") and cuts hyphenated ones ("Kim Soo" of "Kim Soo-min"). The
part-of-speech tags are steadier: a run of proper nouns (with "of", "for", "the" inside, and
hyphenated parts such as "Aster-7") is a name. Each run is split where the parse says it holds
two phrases ("Minister of Harbour Works" | "Ines Moreau"), loses leading office words
("President"), and gets a label from its category noun ("… Center" is a facility, "… Treaty" a
law), from a title before it (a person) or from the preposition before it (a place). A tagged
name that runs on into the state or country it lies in ("… State Park in Vermont") ends
before it, and a code of digits and capitals the tagger took for a date ("18F") is a name. What
the tagger left beside a name joins it: an ordinal before it ("5th Coastal Signal Company"), a
short number or a lower-case kind after a run ("Phase 2", "the Harlow treaty"), ", Inc.", the
rest of a listed office ("Office of Roads, Bridges, and Harbors"), a day's year; a web address
is a name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.generate.answertypes import NAME_FAMILIES, category
from quiz.generate.nlp import Entities, joined_names, key, sentence_bounds
from quiz.generate.words import CATEGORY_NOUNS, COUNTRIES, HONORIFICS, MONTHS, OFFICE_WORDS, STATES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME_LABELS = frozenset("PERSON ORG GPE LOC FAC NORP EVENT LAW PRODUCT WORK_OF_ART LANGUAGE".split())
CONNECTORS = frozenset("of for on de du da del la von van der".split())
_TRAILING_CONNECTORS = CONNECTORS | {"the"}
_TITLES = OFFICE_WORDS | HONORIFICS  # built once: read for every word of every run of capitals
PLACE_PREPOSITIONS = frozenset("in at from near to into across outside inside".split())
# A category noun's family says what kind of name it ends: "… Agency" an organisation, "… River" a place.
FAMILY_LABELS = {
    "government": "ORG", "international": "ORG", "academic": "ORG", "company": "ORG", "party": "ORG", "outlet": "ORG",
    "law": "LAW", "award": "WORK_OF_ART", "event": "EVENT", "water": "LOC", "land": "LOC",
}


# A web address written as a name: "Tides.gov", "maps.harbor.gov", "data.example.org".
DOMAIN = re.compile(r"^(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:gov|com|org|edu|net|int|mil|io)$")
# A code written as digits and capitals ("18F", "3M"): a name the tagger takes for a date or a count.
CODE_NAME = re.compile(r"^(?:\d+[A-Z]+|[A-Z]+\d+)$")


def placed_end(ent: Span) -> int:
    """Where a name ends that the tagger ran on into the state or country it is in: "Willow Creek
    State Park | in Vermont"."""
    for token in ent[1:-1]:
        if token.lower_ in ("in", "at") and " ".join(ent.doc[token.i + 1 : ent.end].text.casefold().split()) in STATES | COUNTRIES:
            return token.i
    return ent.end


INITIAL = re.compile(r"^[A-Z]\.$")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def initialled(ent: Span) -> int | None:
    """Where a person's name written with an initial starts at the end of a longer name: "H.
    Edith Marlowe" after the title the tagger took with it, "Ruth K. Keane"; None when the span
    ends otherwise ("… K. Keane Center" is a place)."""
    doc = ent.doc
    for index in range(ent.start + 1, ent.end - 1):
        if not INITIAL.match(doc[index].text):
            continue
        rest = doc[index + 1 : ent.end]
        if len(rest) > 2 or not all(t.is_alpha and t.text[:1].isupper() for t in rest) or rest[-1].lower_ in CATEGORY_NOUNS:
            return None
        start = index if len(rest) == 2 else index - 1  # "T. Edith Marlowe"; "Ruth K. Keane"
        return start if start > ent.start and doc[start].text[:1].isupper() else None
    return None


def proper(token: Token) -> bool:
    if token.tag_ in ("NN", "NNS") and token.text[:1].isupper() and not token.is_sent_start and _before_proper(token):
        return True  # a word the tagger does not know, capitalised before a name's word: "M’Bele District" tagged "NN NNP"
    return token.tag_ in ("NNP", "NNPS") and (token.text[:1].isupper() or any(c.isdigit() for c in token.text))


def _before_proper(token: Token) -> bool:
    following = token.i + 1
    return following < token.sent.end and token.doc[following].tag_ in ("NNP", "NNPS") and token.doc[following].text[:1].isupper()


def runs(sent: Span) -> list[tuple[int, int]]:
    """Maximal runs of proper nouns, as (start, end) token indices: "Vega V", "Aster-2",
    "Office of Roads", "Summit of the Americas"."""
    doc = sent.doc
    found = []
    index = sent.start
    while index < sent.end:
        if not proper(doc[index]):
            index += 1
            continue
        end = index + 1
        while end < sent.end:
            token = doc[end]
            after = doc[end + 1] if end + 1 < sent.end else None
            if proper(token) or token.tag_ == "CD" and doc[end - 1].text in ("-", "–") and not doc[end - 1].whitespace_ or token.text in ("-", "–") and not doc[end - 1].whitespace_ and not token.whitespace_ and after is not None and (proper(after) or after.tag_ == "CD"):
                end += 1
            elif token.lower_ in CONNECTORS and after is not None and (proper(after) or after.lower_ == "the" and end + 2 < sent.end and proper(doc[end + 2])):
                joined = doc[end + 1] if proper(after) else doc[end + 2]
                if joined.ent_iob_ == "B" and joined.ent_type_ in ("GPE", "LOC"):
                    break  # "Ilse Varga of Austria": a place the name is from, not part of it
                if doc[end - 1].ent_type_ == "PERSON" and joined.ent_type_ != "PERSON":
                    break  # "Ana Ruiz of the Polar Institute": a person and where they work
                end += 2 if proper(after) else 3
            else:
                break
        while end - 1 > index and doc[end - 1].lower_ in _TRAILING_CONNECTORS:
            end -= 1
        end += _numbered(doc[end - 1], sent) or _lower_category(doc[end - 1], sent)
        found.append((index, end))
        index = end
    return found


# Lower-case nouns that still make a proper noun before them a name: "the Harlow treaty".
NAMED_KINDS = frozenset("treaty doctrine plan accord accords agreement pact act amendment declaration".split())


def _numbered(last: Token, sent: Span) -> int:
    """1 when a short number after the run is its number: "Phase 2", "Voyage 12" (not a date)."""
    after = last.doc[last.i + 1] if last.i + 1 < sent.end else None
    return int(
        after is not None and after.tag_ == "CD" and after.text.isdigit() and len(after.text) <= 3 and after.head == last
        and after.dep_ in ("nummod", "appos", "compound") and last.lower_ not in MONTHS and last.ent_type_ != "DATE"
    )


def _lower_category(last: Token, sent: Span) -> int:
    """1 when a lower-case noun of a named kind heads the run: "the Harlow treaty"."""
    after = last.doc[last.i + 1] if last.i + 1 < sent.end else None
    return int(after is not None and after.text in NAMED_KINDS and last.head == after and last.dep_ == "compound")


def phrases(doc_span: Span, start: int, end: int) -> list[tuple[int, int]]:
    """A run split where the parse says it holds separate phrases: each token whose head lies
    outside the run starts a phrase of the tokens that hang off it."""
    doc = doc_span.doc
    roots = [i for i in range(start, end) if not start <= doc[i].head.i < end or doc[i].head.i == i]
    if len(roots) <= 1:
        return [(start, end)]
    owner = {}
    for i in range(start, end):
        node = doc[i]
        while start <= node.head.i < end and node.head.i != node.i:
            node = node.head
        owner[i] = node.i
    pieces: list[tuple[int, int]] = []
    for i in range(start, end):
        if pieces and owner[i] == owner[pieces[-1][1] - 1]:
            pieces[-1] = (pieces[-1][0], i + 1)
        else:
            pieces.append((i, i + 1))
    return pieces


def label_for(doc_span: Span, start: int, end: int, titled: bool) -> str:
    """What a name found without the tagger is: by its category noun, a title before it, or the
    preposition before it; otherwise a named thing."""
    doc = doc_span.doc
    text = doc[start:end].text
    if (noun := category(text)) is not None:
        family = next((f for f, words in NAME_FAMILIES if noun in words.split()), "")
        return FAMILY_LABELS.get(family, "FAC")
    if titled:
        return "PERSON"
    head = doc[end - 1]
    while head.dep_ in ("compound", "flat") and head.head.i != head.i and start <= head.head.i < end:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        return "GPE"
    return "PRODUCT"


def name_spans(sent: Span, entities: Entities) -> list[Span]:
    """The sentence's entities with the tagger's misses mended: names it cut or ran on corrected,
    and runs of proper nouns it left out added. Number, date and other entities stay as tagged."""
    from spacy.tokens import Span

    doc = sent.doc
    ents = []
    for ent in dated(suffixed(listed(joined_names(sent)))):
        if ent.label_ in NAME_LABELS and any(t.tag_.startswith(("VB", "MD")) for t in ent):
            continue  # "Corvane Marine uses Thermex": the runs below give the name
        if ent.label_ in ("DATE", "CARDINAL") and len(ent) == 1 and CODE_NAME.match(ent.text):
            ent = Span(doc, ent.start, ent.end, label=label_for(sent, ent.start, ent.end, False))  # "18F" is no date
        if ent.label_ in NAME_LABELS and ent.label_ != "PERSON" and (start := initialled(ent)) is not None:
            ent = Span(doc, start, ent.end, label="PERSON")  # "Keeper of Maps | T. Edith Marlowe"
        end = placed_end(ent) if ent.label_ in NAME_LABELS else ent.end
        while ent.label_ in NAME_LABELS and end + 1 < sent.end and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Kim Soo" + "-min"
        ents.append(Span(doc, ent.start, end, label=ent.label_) if end != ent.end else ent)
    added = []
    for start, end in runs(sent):
        office_before = False  # an earlier phrase of the run holds an office: "Minister of Harbour Works | Ines Moreau"
        # A run tagged whole elsewhere in the input is one name, however this sentence parses it.
        pieces = [(start, end)] if key(doc[start:end].text) in entities.labels else phrases(sent, start, end)
        for first, last in pieces:
            offices = [i for i in range(first, last) if doc[i].lower_.rstrip(".") in _TITLES]
            titled = bool(offices) or office_before or first > sent.start and doc[first - 1].lower_.rstrip(".") in _TITLES
            office_before = office_before or bool(offices)
            person = next((e for e in ents if e.label_ == "PERSON" and e.end == last and first < e.start and len(e) >= 2), None)
            if person is not None:  # "Head of Harbor Planning | Edith Marlowe": a title before the tagger's person
                ents = [e for e in ents if not (first <= e.start and e.end == person.start and e.label_ in NAME_LABELS)]
                continue
            if offices:
                first = offices[-1] + 1  # "Danish Ambassador | Lena K. Voss"
                if first >= last or doc[first].lower_ in CONNECTORS:
                    continue  # an office ("Minister of Trade"), no name
            words = [t for t in doc[first:last] if t.text.replace("’", "").replace("'", "").isalpha() or any(c.isdigit() for c in t.text)]  # "O’Neill" is a word
            if len(words) < 2 and not any(c.isdigit() for c in doc[first:last].text):
                continue  # one-word names are the tagger's to find
            if doc[last - 1].lower_ in CATEGORY_NOUNS and last - first == 1:
                continue
            inside = [e for e in ents if e.start >= first and e.end <= last]
            if any(e.start < last and first < e.end and e not in inside for e in ents):
                continue  # crosses a tagged name: keep the tagger's reading
            if any(e.start == first and e.end == last for e in inside):
                continue
            label = label_for(sent, first, last, titled)
            if inside and all(e.label_ == "PERSON" for e in inside) and not titled and label == "PRODUCT":
                label = "PERSON"
            ents = [e for e in ents if e not in inside or e.label_ not in NAME_LABELS]
            added.append(Span(doc, first, last, label=label))
    named = {i for e in [*ents, *added] for i in range(e.start, e.end)}
    added += [Span(doc, t.i, t.i + 1, label="PRODUCT") for t in sent if t.i not in named and "." in (text := t.text) and DOMAIN.match(text)]
    return ordinals_joined(sorted([*ents, *added], key=lambda e: e.start))


COMPANY_SUFFIXES = frozenset("inc. inc ltd. ltd llc co. corp. plc".split())
DAY_OF_MONTH = re.compile(r"^[A-Z][a-z]+\.? \d{1,2}$")


def listed(spans: list[Span]) -> list[Span]:
    """An organisation named for a list the tagger cut after its first item, and any name owned by
    another, without the owner before it: "the county’s | Office of Roads, Bridges, and Harbors"."""
    from spacy.tokens import Span

    found = []
    for ent in spans:
        doc = ent.doc
        owner = next((t.i for t in ent if t.tag_ == "POS"), None)
        titled = ent.start > 0 and doc[ent.start - 1].text in ("“", '"')  # “Lind’s First Field”: a title, whole
        start = owner + 1 if owner is not None and not titled and owned_name(doc[owner + 1 : ent.end]) else ent.start
        end = ent.end
        if ent.label_ == "ORG" and ent.end - start >= 3 and doc[end - 2].lower_ == "of" and proper(doc[end - 1]):
            end = _list_end(doc, end, sentence_bounds(doc, ent.start)[1], start)
        found.append(Span(doc, start, end, label=ent.label_) if (start, end) != (ent.start, ent.end) else ent)
    return found


def owned_name(tokens: Span) -> bool:
    """What follows an owner's "’s" inside a tagged name is a name of its own: "Office of Roads",
    "Roads and Harbour Works Agency" (two words or more, capitalised but for joining words)."""
    words = [t for t in tokens if not t.is_punct]
    return len(words) >= 2 and proper(words[0]) and proper(words[-1]) and all(proper(t) or t.lower_ in ("of", "and", "for", "the", "&") for t in words)


def _list_end(doc: Doc, end: int, limit: int, start: int) -> int:
    """Where ", Bridges, and Harbors" after a name's last word ends: proper nouns joined to the name
    as conjuncts, the last after "and"; `end` itself when there is no such list."""
    index, closed = end, end
    while index < limit and doc[index].text in (",", "and"):
        item = index + 1 + (doc[index].text == "," and index + 1 < limit and doc[index + 1].lower_ == "and")
        if item >= limit or not proper(doc[item]) or doc[item].dep_ != "conj" or not start <= doc[item].head.i < item:
            break
        if doc[item - 1].lower_ == "and":
            closed = item + 1
        index = item + 1
    return closed


def suffixed(spans: list[Span]) -> list[Span]:
    """A company's name with the ", Inc." the tagger left after it: "Harbor Works, Inc."."""
    from spacy.tokens import Span

    found = []
    for ent in spans:
        doc = ent.doc
        end = ent.end
        if ent.label_ in NAME_LABELS and end + 1 < sentence_bounds(doc, ent.start)[1] and doc[end].text == "," and doc[end + 1].lower_ in COMPANY_SUFFIXES:
            ent = Span(doc, ent.start, end + 2, label="ORG")
        found.append(ent)
    return found


def dated(spans: list[Span]) -> list[Span]:
    """A day and its year the tagger took for two dates: "a May 14, 2027 target"."""
    from spacy.tokens import Span

    found: list[Span] = []
    for ent in spans:
        last = found[-1] if found else None
        if (
            last is not None and last.label_ == ent.label_ == "DATE" and DAY_OF_MONTH.match(last.text) and len(ent) == 1
            and ent.text.isdigit() and len(ent.text) == 4 and ent.start == last.end + 1 and ent.doc[last.end].text == ","
        ):
            found[-1] = Span(ent.doc, last.start, ent.end, label="DATE")
            continue
        found.append(ent)
    return found


def ordinals_joined(spans: list[Span]) -> list[Span]:
    """An ordinal the tagger left out of the name it opens: "5th | Coastal Signal Company"."""
    from spacy.tokens import Span

    found: list[Span] = []
    for ent in spans:
        doc = ent.doc
        if ent.label_ in NAME_LABELS - {"PERSON"} and ent.start > sentence_bounds(doc, ent.start)[0] and ORDINAL.match(doc[ent.start - 1].text):
            found = [e for e in found if e.end < ent.start]
            ent = Span(doc, ent.start - 1, ent.end, label=ent.label_)
        found.append(ent)
    return found
