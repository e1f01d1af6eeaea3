"""Gaps on one member of a list of names.

"Months of tension between {{Norland}}, Esk and Vale", "a treaty between {{Osten}} and Vale":
the other places of a list and the words around them point to the missing one, or, where the
article names more of the kind, leave several answers as right. A list of three names or more
is the same whatever the names: which one of "Ada Byrne, {{Tom Weir}} and Lena Cole" the card
left out is a lottery, and so is a name ending a list of three nouns or more ("honored nurses,
teachers, and the {{Harbor Guild}}": any group fits). A question asking for one member ("Which
country, with Esk and Vale, …?") is the same card. A list is read from the parse (a chain of `conj`) and, where the parser
broke it, from the sentence's names written with only commas, "and", "or" and "the" between
them, the last after "and" or "or" ("Bergen, Norway" is a town and its country, no list), or
from two places of one type in the same slot of phrases joined by "and" ("Port Ada (on the
{{Baltic Sea}}) and Brill (on the Black Sea)").

Two people or bodies named together the first time teach who worked with whom ("Peace
advocates {{Ada Byrne}} and Tom Weir led the campaign"), so that card stays; once the article
has named the two together, a later gap on one of them ("With the help of Weir and {{Byrne}},
…") is given away by the article itself. A pair acting together is asked as one answer
(extract.paired_subjects) and is no member of a list here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from quiz.generate.nlp import key
from quiz.generate.types import NAMED_TYPES, PLACE_TYPES, AnswerType, Candidate, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

NAME_TAGS = ("NNP", "NNPS")
LONG_LIST = 3
CONJUNCTIONS = frozenset(("and", "or"))
SEPARATORS = CONJUNCTIONS | {","}
JOINERS = SEPARATORS | {"the"}
SLOT = 2  # words before a name that place it in its phrase ("on the")


def one_of_list(candidate: Candidate) -> bool:
    """The answer is one item of a coordination of names that is a place or one of three
    names or more: the rest of the list gives it away or leaves it open."""
    return _given_away(candidate, len(_named_items(candidate)))


def list_member(candidate: Candidate, mentions: list[Mention], earlier: Iterable[frozenset[str]]) -> bool:
    """The answer is one of the names of the sentence (`mentions`) written as a list ("A, the B,
    and the C") where the parser did not join them, and a place or one of three or more; a place
    in the same slot as another of two joined phrases; or one of two names joined in a list that
    an earlier sentence of the article (`earlier`: the names of each) already names both of."""
    run = _run(candidate, mentions)
    if _given_away(candidate, len(run)) or candidate.mention.type in PLACE_TYPES and _parallel(candidate, mentions):
        return True
    items = _named_items(candidate)
    if len(items) == 2:
        other = next(item for item in items if not _holds(candidate.mention, item))
        partner = next((m for m in mentions if not m.pair and any(m.start <= t.i < m.end for t in other)), None)
    elif len(run) == 2:
        partner = next(m for m in run if m != candidate.mention)
    else:
        return False
    if partner is None:
        return False
    both = {key(candidate.mention.answer), key(partner.answer)}
    return any(both <= names for names in earlier)


def _parallel(candidate: Candidate, mentions: list[Mention]) -> bool:
    """Another name of the answer's type in the same slot of a coordinated phrase: the same two
    words before it and the same word after, with "and" or "or" between the two ("Port Ada (on
    the {{Baltic Sea}}) and Brill (on the Black Sea)"), the pair of a list the parser read apart."""
    mention = candidate.mention
    doc = candidate.sentence.span.doc
    start, end = candidate.sentence.span.start, candidate.sentence.span.end

    def frame(m: Mention) -> tuple[str, ...] | None:
        if m.start - SLOT < start or m.end >= end:
            return None
        return (*(t.lower_ for t in doc[m.start - SLOT : m.start]), doc[m.end].lower_)

    own = frame(mention)
    for other in mentions:
        if other == mention or other.type != mention.type or other.pair or own is None or frame(other) != own:
            continue
        first, second = sorted((mention, other), key=lambda m: m.start)
        if first.end <= second.start and {t.lower_ for t in doc[first.end : second.start]} & CONJUNCTIONS:
            return True
    return False


def _given_away(candidate: Candidate, items: int) -> bool:
    return items >= 2 and (candidate.mention.type in PLACE_TYPES or items >= LONG_LIST)


def _run(candidate: Candidate, mentions: list[Mention]) -> list[Mention]:
    """The names of one kind listed next to the answer with only commas, "and", "or" and "the"
    between them, the answer among them; empty when it stands alone."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or mention.pair:
        return []
    doc = candidate.sentence.span.doc
    named = sorted({m for m in mentions if m.type in NAMED_TYPES and not m.pair}, key=lambda m: (m.start, m.end))
    runs: list[list[Mention]] = []
    for m in named:
        between = [t.lower_ for t in doc[runs[-1][-1].end : m.start]] if runs and m.start >= runs[-1][-1].end else None
        if between and set(between) <= JOINERS and set(between) & SEPARATORS and _kind(m) == _kind(runs[-1][-1]):
            runs[-1].append(m)
        elif not runs or m.start >= runs[-1][-1].end:
            runs.append([m])
    run = next((r for r in runs if mention in r), [])
    if len(run) < 2 or not {t.lower_ for t in doc[run[-2].end : run[-1].start]} & CONJUNCTIONS:
        return []  # "Bergen, Norway", "Ada Byrne, Jr.": a list ends on "and" or "or"
    return run


def _kind(mention: Mention) -> str:
    """What a list holds: places, people, or bodies and things (the tagger tells these two apart
    loosely). A clause ending on a place and the next opening on a person ("to talk for Norway, and
    Ada Byrne named …") is no list."""
    if mention.type in PLACE_TYPES:
        return "place"
    return "person" if mention.type == AnswerType.PERSON else "body"


def _named_items(candidate: Candidate) -> list[list[Token]]:
    """The items of the coordination the answer is one item of, when another item is a name too
    or the answer ends a list of three or more; empty otherwise (or when the answer spans the
    whole coordination)."""
    mention = candidate.mention
    if mention.type not in NAMED_TYPES or mention.pair:
        return []
    doc = candidate.sentence.span.doc
    items = _items(doc[mention.start : mention.end].root)
    inside = [item for item in items if _holds(mention, item)]
    if len(items) < 2 or len(inside) != 1:
        return []
    if not any(t.tag_ in NAME_TAGS for item in items if item not in inside for t in item) and (len(items) < LONG_LIST or inside[0] is items[0]):
        return []  # "NASA and the coalition"; "In the wake of {{X}}, officials and citizens …" (a phrase the parser listed)
    return items


def _holds(mention: Mention, item: list[Token]) -> bool:
    return any(mention.start <= t.i < mention.end for t in item)


def _items(token: Token) -> list[list[Token]]:
    """Every item of the coordination the token is in, however the parser chained them. Words the
    parser joined inside one name ("Office of Roads and Bridges") are one item."""
    top = token
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    heads, pending = [], [top]
    while pending:
        item = pending.pop()
        heads.append(item)
        pending.extend(c for c in item.children if c.dep_ == "conj")
    groups: dict[int, list[Token]] = {}
    for head in sorted(heads, key=lambda t: t.i):
        groups.setdefault(_entity_start(head), []).append(head)
    return list(groups.values())


def _entity_start(token: Token) -> int:
    """Where the named entity holding the token starts; the token itself outside any."""
    i = token.i
    while token.doc[i].ent_iob_ == "I" and i > 0:
        i -= 1
    return i
