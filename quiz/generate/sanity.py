"""Last checks on a card's text: cuts that tore a name apart, and text no careful writer leaves.

Shortening drops parse subtrees; when the parse is wrong the cut can leave half a name behind
("after about {{35 kilometres}} do Comércio 48 seconds ahead …"). A card is dropped when it keeps
only part of a name the sentence writes, its brackets or quotation marks do not pair up, a word
is written twice in a row, it opens on a subordinator cut loose from its clause ("When, who …"), or
a cut kept "a week" of "a week after …" without the "after". A count of "more" without "than"
("built dozens more") leans on another sentence and goes too. So do cuts that leave a seam (";,",
"drafted by:", a comma between subject and verb, a question's wh-word after a dash), a verb or
an "it" without what it needs ("the council is creating.", "making it possible."), two names run
together ("X Keane Dr. Y"), a list's last item without its "and", a list cut before its last
item, and a gap joined by "and" to
the rest of its name ("East and {{Central Africa}}") or running on into it with no
joiner ("the {{Comet}} V engine", "the Kessel Guild of {{Tyrol}}").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.decks.model import CLOZE_GAP
from quiz.generate.words import OFFICE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"))
PAIRS = (("(", ")"), ("[", "]"))
QUOTE_MARKS = re.compile(r"[“”\"]")  # counted together: sources mix curly and straight marks
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
LOOSE_OPENING = re.compile(r"^(?:When|While|If|Because|Although|Though|After|Before|Since|Until|Unless|As|Where|Who|What|Which),\s", re.IGNORECASE)

# Two names run together where a cut dropped the "and" between them: "Mayor Ruth Keane Dr. Oscar Keane".
RUN_TOGETHER = re.compile(r"\b[A-Z][a-z]+ (?:Dr|Mr|Mrs|Ms|Prof)\. [A-Z]")
LAST_ITEM = re.compile(r", (and|or) ([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)")
SEAM = re.compile(r"[;:—–]\s*,|,\s*[;:]|\b(?:of|by|to|for|with|from|in|on|at|as)\s*:")  # "drafted by: X" of "drafted by two engineers: X"
WH_WORD = re.compile(r"\b(?i:who|whom|whose|what|when|where|which|how)\b")
BREAKS = re.compile(r"[;:—–]|--")
JOINERS = frozenset((",", "and", "&"))
BARE = frozenset(("aux", "auxpass", "nsubj", "nsubjpass", "cc", "conj", "punct", "neg", "advmod", "advcl"))
OBJECTS = frozenset(("dobj", "conj", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd"))
# "Laos has built dozens more": more than what another sentence counted.
COUNTED_MORE = re.compile(r"\b(?:dozens|hundreds|thousands|scores|several|\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten) more\b(?!.*\bthan\b)", re.IGNORECASE)


def torn_name(sent: Span, kept: Iterable[Token], left_out: range = range(0)) -> bool:
    """True when the kept tokens hold some words of a name in the sentence but not all of them.
    Tokens in `left_out` (the answer a question replaces by its wh-phrase) count as kept;
    determiners and punctuation are no part of the test."""
    present = {t.i for t in kept} | set(left_out)
    for words in _name_words(sent):
        inside = sum(1 for i in words if i in present)
        if 0 < inside < len(words):
            return True
    return False


@lru_cache(maxsize=512)  # the same for every cut of the sentence
def _name_words(sent: Span) -> tuple[tuple[int, ...], ...]:
    """The word indexes of each name in the sentence. Dates and amounts are left out: relative
    time ("Next year's race") is cut on purpose."""
    return tuple(
        tuple(t.i for t in ent if not t.is_punct and t.tag_ not in ("DT", "POS")) for ent in sent.ents if ent.label_ in NAME_LABELS
    )


def stranded_lead(kept: Iterable[Token]) -> bool:
    """True when a measure leading a subordinate clause stays but the clause's conjunction went:
    "a week after X awarded …" cut to "A week X awarded …"."""
    present = {t.i for t in kept}
    for token in (t for t in kept if t.dep_ == "npadvmod"):
        if any(c.dep_ == "mark" and c.i > token.i and c.i not in present for c in token.head.children):
            return True
    return False


def stranded_verb(kept: list[Token] | tuple[Token, ...]) -> bool:
    """A cut that ends on a verb whose object went ("the Trust is building." of "is building and
    running flood training"), keeps a verb without the coordinated verb carrying its object, or
    two verbs without their "and", or keeps an "it" standing for a clause it cut ("are making it
    feasible." of "… feasible for farmers to lure otters")."""
    present = {t.i for t in kept}
    words = [t for t in kept if not t.is_punct]
    if not words:
        return False
    last = words[-1]
    if last.tag_.startswith("VB") and any(c.dep_ in OBJECTS and c.i > last.i and c.i not in present for c in last.children):
        return True
    for verb in (t for t in words if t.tag_.startswith("VB")):
        children = list(verb.children)  # once: each walk makes new spaCy tokens
        joined = [c for c in children if c.dep_ == "conj" and c.tag_.startswith("VB") and c.i > verb.i]
        own = any(c.dep_ not in BARE for c in children if c.i in present)
        if any(c.i not in present for c in joined) and not own:
            return True  # "is building, mobilizing staff …" of "is building and running training, mobilizing staff …"
        links = [c for c in children if c.dep_ == "cc"]
        if any(c.i in present for c in joined) and links and not any(c.i in present for c in links):
            return True  # "is building running training": the "and" went
    for token in words:
        if token.lower_ == "it" and token.dep_ in ("dobj", "nsubj", "nsubjpass", "expl"):
            head = token.head
            complements = [head, *(c for c in head.children if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp"))]
            clauses = [g for c in complements for g in c.children if g.dep_ in ("ccomp", "xcomp", "advcl", "csubj") and g.i > token.i]
            if any(c.i not in present for c in clauses):
                return True
    return False


def comma_before_verb(kept: list[Token] | tuple[Token, ...]) -> bool:
    """A cut that leaves a comma between a subject and its verb ("The council, has selected …" of "The council,
    speaking for the Trust, has selected …")."""
    ordered = sorted(kept, key=lambda t: t.i)
    for before, comma, after in zip(ordered, ordered[1:], ordered[2:]):
        if comma.text != "," or before.i + 1 == comma.i and comma.i + 1 == after.i:
            continue
        verb = after if after.tag_.startswith(("VB", "MD")) else None
        if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.right_edge.i == before.i for c in (verb.head, *verb.head.children, *verb.children)):
            return True
    return False


def cut_badly(sent: Span, kept: list[Token] | tuple[Token, ...], left_out: range = range(0)) -> bool:
    """A cut that tore a name apart, stranded a clause's leading measure, left a verb or an "it"
    without what they need, or a comma between a subject and its verb."""
    return torn_name(sent, kept, left_out) or stranded_lead(kept) or stranded_verb(kept) or comma_before_verb(kept) or proper_nouns_met(kept, left_out)


def proper_nouns_met(kept: list[Token] | tuple[Token, ...], left_out: range = range(0)) -> bool:
    """Two proper nouns the cut brought together where words stood between them: "Major Ann Reed
    Royal Navy" of "Major Ann Reed, Jr., Royal Navy, Retired" reads as one name. A comma alone
    between them is the card's to keep or drop, and the answer a question leaves out (`left_out`)
    stands where it stood."""
    ordered = sorted(kept, key=lambda t: t.i)
    return any(
        a.tag_ in ("NNP", "NNPS") and b.tag_ in ("NNP", "NNPS") and any(not t.is_punct and t.i not in left_out for t in a.doc[a.i + 1 : b.i])
        for a, b in pairwise(ordered)
    )


@lru_cache(maxsize=4096)  # a cloze and its true/false statement share their text
def garbled(text: str, question: bool = False, quote: str = "") -> bool:
    """True when the text has unpaired brackets or quotation marks, a doubled word, a leading
    subordinator with nothing of its clause left, "dozens more" with no "than", two marks where
    words were cut (";,"), or a question whose wh-word comes after a dash, colon or semicolon (a
    clause or aside of its own left in front: "Byrne played a role …;, when did the board act?").
    Two names run together ("Ana Keane Dr. Lea Keane") count only where `quote`, the source
    sentence, does not write them so."""
    body = CLOZE_GAP.sub(r"\1", text)
    if any(_unpaired(body, left, right) for left, right in PAIRS) or len(QUOTE_MARKS.findall(body)) % 2:
        return True
    if question and (front := WH_WORD.search(body)) is not None and BREAKS.search(body[: front.start()]):
        return True
    if DOUBLED.search(body) or LOOSE_OPENING.match(body) or COUNTED_MORE.search(body) or SEAM.search(body):
        return True
    # Names run together, unless the source writes them so ("Adviser to the Mayor Dr. Lea Stone").
    return any(match.group() not in quote for match in RUN_TOGETHER.finditer(body))


def joiner_dropped(text: str, quote: str) -> bool:
    """A list cut that kept its last item but not the "and" before it ("the Tull Guild, Marrow
    Company, Orren Society." of "…, Marrow Company, and Orren Society"): the card reads as a broken list."""
    body = CLOZE_GAP.sub(r"\1", text)
    for match in LAST_ITEM.finditer(quote):
        item = match.group(2)
        if f", {item}" in body and f" {match.group(1)} {item}" not in body:
            return True
    return False


ARTICLES = ("a", "an", "the")
# More names of a list after where a card stops, up to the sentence's end: ", the Tull Brotherhood, and the Marrow Band of Esk.",
# each maybe with a bracket ("the Harbor Fund (May 1950)"), one maybe with commas of its own ("Arts, Crafts, and Design").
_NAME = r"(?:(?:the|a|an) )?[A-Z][\w’'.-]*(?: (?:of|the|and|[A-Z][\w’'.-]*))*(?: \([^()]*\))?"
NAMES_GO_ON = re.compile(rf", {_NAME}(?:,(?: and)? {_NAME})*,? (?:and|or) {_NAME}[.;]?$")


def list_cut(text: str, quote: str) -> bool:
    """A list cut after an item before its last, its "and" gone with the rest ("a strip of land, a
    yearly fee." of "…, a yearly fee, and a pier"), or a card ending where the sentence goes on
    with more names of its list: the card reads as a broken or shortened list and drops part of
    what the sentence says."""
    body = CLOZE_GAP.sub(r"\1", text).rstrip(".?! ")
    ending = " ".join(body.split()[-4:])
    if ending and (at := quote.rfind(ending)) >= 0 and NAMES_GO_ON.match(quote[at + len(ending) :]):
        return True  # "… and the Veska Confederacy." of "… and the Veska Confederacy, the Tull Brotherhood, and the Marrow Band."
    if ", " not in body:
        return False
    last = body.rsplit(", ", 1)[1]
    if last.split(" ", 1)[0].lower() not in ARTICLES:
        return False  # items of one kind open alike: "a strip …, a fee …, and a pier"; an aside does not
    return re.search(re.escape(f", {last}, ") + r"(?:and|or) (?:a|an|the) ", quote) is not None


CAPITALISED_PAIR = re.compile(r"(?=\b([A-Z][\w’'.&-]*) ([A-Z][\w’'.&-]*))")
WORDS_BETWEEN = 2  # a suffix dropped between two names ("Ana Ruiz, Jr., Harbor Police") still reads


def names_joined(text: str, quote: str, shown: tuple[str, ...] = ()) -> bool:
    """Two capitalised words side by side in the card that the source sentence writes apart, with a
    phrase of two words or more between them: a cut dropped what stood between two names ("Okafor
    and Mensah Lina Berg finished …" of "… Mensah, Chief Engineer Lina Berg finished …"), and the card
    reads them as one name. The card's first word is capitalised as its first, and `shown` holds
    the words the card shows for a reference (a resolved "she"), which the source lacks."""
    body = CLOZE_GAP.sub(r"\1", text)
    if " " not in body:
        return False
    written = " ".join(quote.split()).casefold()
    extra = " ".join(shown).casefold()
    for match in CAPITALISED_PAIR.finditer(body):
        first, second = match.group(1), match.group(2)
        if match.start() == 0:
            continue
        if second.endswith(".") and second.count(".") == 1:
            second = second[:-1]  # the card's full stop, where the source goes on: "… Board." of "… Board, which …"
        pair = f"{first} {second}".casefold()
        if pair in written or pair in extra:
            continue
        apart = re.search(rf"(?<!\w){re.escape(first.casefold())}(.*?)(?<!\w){re.escape(second.casefold())}", written)
        if apart is not None and len(re.findall(r"\w+", apart.group(1))) >= WORDS_BETWEEN:
            return True
    return False


def _unpaired(body: str, left: str, right: str) -> bool:
    """A bracket closed before it opens, or left open: a cut joining list items can pair one
    item's "(" with a later ")" ("the Pilot Board (May 1911) ), the Ferry Board … (1915."), which a
    count of each alone misses."""
    depth = 0
    for char in body:
        depth += (char == left) - (char == right)
        if depth < 0:
            return True
    return depth != 0


def beside_name(sent: Span, start: int, end: int) -> bool:
    """The answer's words are joined by "and", "&" or a comma to capitalised words that are part of
    the same name, in no name or in the same one: "North and {{South Dakota}}", "{{Office of
    Roads}}, Bridges, and Harbors" — the gap tears a longer name. ("Chile, Peru and
    {{Bolivia}}" joins three names: a list.)"""
    doc = sent.doc
    if _name_goes_on(sent, start, end):
        return True
    index = start - 1
    while index >= sent.start and doc[index].lower_ in JOINERS:
        index -= 1
    if _joined(doc[index + 1 : start]) and index >= sent.start and _same_name(doc[index], doc[start], sent):
        return True
    index = end
    while index < sent.end and doc[index].lower_ in JOINERS:
        index += 1
    if not end < index < sent.end or not _same_name(doc[index], doc[end - 1], sent):
        return False
    # ", Bridges, and Harbors": the words after go on to an "and" within the name.
    return _joined(doc[end:index]) or any(t.lower_ in ("and", "&") for t in doc[index + 1 : min(sent.end, index + 3)])


def _name_goes_on(sent: Span, start: int, end: int) -> bool:
    """The gap is the head or the tail of a longer name written without a joiner: a capitalised
    word of no other name right after it, or after its possessive ("the {{Vega}} V rocket", "{{Harbor
    Users}}’ Association"; also an owner of a named thing, "{{Vega}}’s Aster-2 satellite"),
    or an "of" right before it that ends a capitalised name ("the Kessel Guild of {{Tyrol}}",
    "University of {{Leeds}}"). An office before the "of" is no name ("President of {{Chile}}")."""
    doc = sent.doc
    after = end + 1 if end < sent.end and doc[end].tag_ == "POS" else end
    if after < sent.end and _continues(doc[after], doc[end - 1]):
        return True
    if start - 2 < sent.start or doc[start - 1].lower_ != "of":
        return False
    owner = doc[start - 2]
    return owner.tag_ in ("NNP", "NNPS") and not owner.is_sent_start and owner.lower_.rstrip(".") not in OFFICE_WORDS


def _continues(word: Token, last: Token) -> bool:
    """A capitalised proper noun in no name, or in the name holding the gap's last word."""
    if not word.text[:1].isupper() or word.tag_ not in ("NNP", "NNPS") and not word.text.isupper():
        return False  # "V" of "Vega V" is tagged a common noun
    return not word.ent_type_ or (word.ent_iob_ == "I" and last.ent_type_ == word.ent_type_)


def _joined(tokens: Span) -> bool:
    return any(t.lower_ in ("and", "&") for t in tokens)


def _same_name(word: Token, inside: Token, sent: Span) -> bool:
    """A capitalised word inside the sentence that no name holds and no title of a person, or one in
    the name holding `inside`, or one a name cut short holds ("North and" tagged
    apart from "South Dakota"). "Akers and Minister of Trade Stone": "Minister" belongs
    to the next name."""
    if not word.text[:1].isupper() or word.is_sent_start:
        return False
    if not word.ent_type_:
        return word.tag_ in ("NNP", "NNPS") and word.lower_.rstrip(".") not in OFFICE_WORDS
    if not inside.ent_type_ and inside.tag_ in ("NNP", "NNPS"):
        return True  # "Customs and {{Border Protection}}": the tagger ended the name at "Customs"
    return any(
        ent.start <= word.i < ent.end and (ent.start <= inside.i < ent.end or ent[-1].lower_ in JOINERS or ent[0].lower_ in JOINERS)
        for ent in sent.ents
    )
