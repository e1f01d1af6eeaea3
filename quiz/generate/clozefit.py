"""What a long cloze may lose and what it keeps (fit): trailing phrases that do not hold the gap,
then a leading phrase, then phrases qualifying a noun, then a date phrase; never a defining
relative clause, half of a "from … to …" or "between … and …" pair, the last of joined nouns,
what a rank or a comparison is of, or a cut that runs a name into the words before it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.generate.sanity import stranded_verb
from quiz.generate.shorten import compares, holds, object_control, paired, partner, scopes_count, subtree_ids

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from quiz.generate.types import Mention


EXAMPLE_OPENERS = frozenset(("such", "including", "like"))
MAX_CLOZE_WORDS = 30


def words(tokens: list[Token]) -> int:
    """Words as a reader counts them: "Admiralty’s" is one."""
    return sum(1 for t in tokens if not t.is_punct and t.tag_ != "POS")


def after_comma(token: Token) -> bool:
    """The token's phrase follows a comma: what an aside and a comma-bounded phrase both need, and
    cheap to test first, as most phrases follow none."""
    edge = token.left_edge.i
    return edge > 0 and token.doc[edge - 1].text == ","


def _inside_name(doc: Doc, cut: set[int]) -> bool:
    """The cut opens between two capitalised words of one name: "the Rivers (in Focus Summit)"."""
    first = min(cut)
    return 0 < first < len(doc) - 1 and doc[first].tag_ == "IN" and doc[first - 1].tag_ in ("NNP", "NNPS") and doc[first + 1].tag_ in ("NNP", "NNPS") and doc[first + 1].text[:1].isupper() and doc[first + 1].ent_type_ not in ("GPE", "LOC", "DATE")


def bare_noun_left(part: list[Token], cut: set[int]) -> bool:
    """Cutting a noun's phrase leaves the part ending on that noun: "a 1998 winner (of the Harbor
    Medal)", "selection (as a Senior Fellow)"; "the backlog (of paperwork) grew" still reads."""
    doc = part[0].doc
    first = min(cut)
    rest = [t for t in part if t.i not in cut and not t.is_punct]
    return doc[first].dep_ == "prep" and bool(rest) and rest[-1].i == doc[first].head.i and doc[first].head.tag_ in ("NN", "NNS", "CD")


def _bare_verb_left(part: list[Token], cut: set[int]) -> bool:
    """Cutting leaves the part ending on its verb: "the Statute provided (for a court)"."""
    rest = [t for t in part if t.i not in cut and not t.is_punct]
    return bool(rest) and rest[-1].tag_.startswith("VB") and rest[-1].dep_ not in ("amod", "compound")


def _names_end(token: Token) -> bool:
    """The "of the Kings" of "Valley of the Kings": a phrase between capitalised words is part of a name."""
    return token.dep_ == "prep" and token.head.tag_ in ("NNP", "NNPS") and any(c.dep_ == "pobj" and c.text[:1].isupper() for c in token.children)


def _one_name(token: Token, other: Token) -> bool:
    """Both tokens inside one entity ("Sea and Sky" of "Harbor Sea and Sky Museum")."""
    return any(ent.start <= token.i < ent.end and ent.start <= other.i < ent.end for ent in token.doc.ents)


def fit(part: list[Token], mention: Mention, limit: int = MAX_CLOZE_WORDS) -> list[Token]:
    """The part with trailing phrases that do not hold the gap removed until it fits: of those
    ending where the part ends, the smallest whose removal is enough, else the largest."""
    while words(part) > limit:
        kept = {t.i for t in part}
        if bracket := _bracketed(part, mention):  # an aside in brackets goes first: "(a Welsh potter whose …)"
            part = [t for t in part if t.i not in bracket]
            continue
        last = max(t.i for t in part if not t.is_punct)
        trailing = []
        for token in part:
            if _tail_phrase(token) and not holds(token, mention) and not holds(other := partner(token) or token, mention):
                region_ = set((subtree_ids(token) | subtree_ids(other)) & kept)  # a "from … to …" pair goes whole
                low = min(region_)
                if max(region_) >= last and low > part[0].i and all(i in region_ for i in kept if i > low):
                    trailing.append(region_)  # a whole tail: no word after it left stranded
        trailing += _contrast(part, mention)
        # Not a phrase an "it" or a verb needs: "leaving it cheap [for towns to pave roads]".
        trailing = [r for r in trailing if not stranded_verb(kept_part := [t for t in part if t.i not in r]) and not _open_complement(kept_part)]
        if not trailing:  # then a phrase leading the clause, set off by a comma: "As part of …, today X will …"
            trailing = _leading(part, mention)
        if not trailing:  # then phrases qualifying a noun anywhere: "the backlog (of paperwork)"
            trailing = [region_ for token in part if (region_ := _qualifier(token, part, kept, mention))]
        if not trailing:  # then a date phrase of a verb inside the part: "ran the mill (between 1931 and 1947), then …"
            trailing = [region_ for token in part if (region_ := _dated(token, part, kept, mention))]
        trailing = [r for r in trailing if not _bare_verb_left(part, r) and not _inside_name(part[0].doc, r) and not bare_noun_left(part, r)]
        if not trailing:
            return []
        enough = [r for r in trailing if words([t for t in part if t.i not in r]) <= limit]
        cut = min(enough, key=len) if enough else max(trailing, key=len)
        part = [t for t in part if t.i not in cut]
        while part and (part[-1].is_punct or part[-1].dep_ == "cc"):
            part = part[:-1]
    return part


def _bracketed(part: list[Token], mention: Mention) -> set[int]:
    """The first bracketed phrase of the part, with its brackets; empty when there is none or the
    gap is itself in brackets (the others are its parallels: "the Road Group (March 1861), the
    Dock Board ({{May 1862}}), …")."""
    pairs, opened = [], None
    for n, token in enumerate(part):
        if token.text == "(":
            opened = n
        elif token.text == ")" and opened is not None:
            pairs.append(part[opened : n + 1])
            opened = None
    if any(mention.start <= t.i < mention.end for inside in pairs for t in inside):
        return set()
    return {t.i for t in pairs[0]} if pairs else set()


CONTRASTS = (("rather", "than"), ("instead", "of"))


def _contrast(part: list[Token], mention: Mention) -> list[set[int]]:
    """A contrast closing the part after the gap ("… holds 70 percent of the seats instead of
    their being shared out"), whatever the parse makes of it: it says what is not the case."""
    for n in range(len(part) - 1):
        if part[n].i >= mention.end and (part[n].lower_, part[n + 1].lower_) in CONTRASTS:
            return [{t.i for t in part[n:]}]
    return []


def _compared(noun: Token) -> bool:
    """The subject of a comparison ("X is richer than Y") or what it is compared with."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "than":
        return True
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and any(
        (c.tag_ in ("JJR", "RBR") or any(g.lower_ in ("more", "less") for g in c.children)) and any(g.lower_ == "than" for g in c.children)
        for c in verb.children
    )


def _dated(token: Token, part: list[Token], kept: set[int], mention: Mention) -> set[int]:
    """A phrase of a verb giving only a date or a span of dates ("in 1812", "from 1931 to 1947"),
    with its partner, when it does not hold the gap and no phrase joined by "and" opens with its
    word (a parallel: "from 1950 to 1951 … and from 1967 to 1968 …"): the time of a fact,
    which the fact can do without; empty otherwise."""
    if token.dep_ != "prep" or not token.head.tag_.startswith("VB") or holds(token, mention):
        return set()
    other = partner(token)
    if other is not None and (holds(other, mention) or other.i < token.i):
        return set()  # the pair is taken from its "from"
    phrase = [*token.subtree, *(other.subtree if other is not None else ())]
    objects = [t for t in phrase if t.dep_ == "pobj"]
    if not objects or any(t.ent_type_ != "DATE" for t in phrase if not t.is_punct and t.dep_ != "prep"):
        return set()
    region_ = {t.i for t in phrase}
    if any(t.lower_ == token.lower_ and t.dep_ == "conj" and t.i not in region_ for t in part):
        return set()
    return region_ & kept


def _open_complement(kept: list[Token]) -> bool:
    """A "that" or "whether" left with no tensed verb after it: "They reasoned that calves with
    inherited traits." of a clause the cut took the verb of."""
    words = [t for t in kept if not t.is_punct]
    for n, token in enumerate(words):
        if token.lower_ in ("that", "whether") and token.tag_ == "IN":
            return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words[n + 1 :])
    return False


@lru_cache(maxsize=8192)  # the same for every mention and every round of fit
def _tail_phrase(token: Token) -> bool:
    """A phrase fit may cut from the end, whatever the gap: not a comparison's clause, what
    bounds a count, the end of a name, a restrictive relative clause, or half of a pair (but for
    one half of "from … to …", which goes with its partner)."""
    return token.dep_ in ("prep", "dative", "npadvmod", "advmod", "conj", "appos", "acl", "advcl", "relcl", "xcomp") and not compares(token) and not scopes_count(token) and not _names_end(token) and not restrictive(token) and (not paired(token) or partner(token) is not None) and not _listed(token) and not object_control(token)


def _listed(token: Token) -> bool:
    """The last of nouns joined by "and"/"or" ("visited Peru and Chile"): cut, the card
    says the fact of the first alone."""
    return token.dep_ == "conj" and token.head.tag_.startswith("NN") and token.tag_.startswith(("NN", "CD", "PRP"))


def restrictive(token: Token) -> bool:
    """A relative clause not set off by a comma, bracket or dash picks out which things its noun
    means ("ponds that need otters"): without it the card says something else ("ponds") or nothing."""
    if token.dep_ != "relcl":
        return False
    edge = token.left_edge.i
    return edge == 0 or token.doc[edge - 1].text not in (",", "(", "—", "–", "--")  # set off: an aside


def _leading(part: list[Token], mention: Mention) -> list[set[int]]:
    """The phrase opening the part and closed by a comma, when it modifies the part's verb and does
    not hold the gap; with its comma."""
    first = next((t for t in part if not t.is_punct), None)
    if first is None:
        return []
    for token in part:
        if token.left_edge.i != first.i or token.dep_ not in ("prep", "advcl", "npadvmod", "advmod") or holds(token, mention):
            continue
        after = token.right_edge.i + 1
        if token.head.tag_.startswith(("VB", "MD")) and after < len(token.doc) and token.doc[after].text == ",":
            return [{t.i for t in part if t.i <= after}]
    return []


def _qualifier(token: Token, part: list[Token], kept: set[int], mention: Mention) -> set[int]:
    """A prepositional phrase qualifying a noun that can go: one that ends its noun phrase (what
    follows is punctuation, another phrase or the verb, not more of a name: "Minister [of Trade]
    Lea Stone"), not an "of" or "as" phrase (a complement: "part of", "Minister of Trade",
    "selection as a Fellow"), not one whose examples follow (", such as …"), not one of what a
    comparison compares and not one holding the gap; empty when there is none."""
    if token.dep_ != "prep" or token.lower_ in ("of", "as") or not token.head.tag_.startswith("NN") or token.head.i not in kept or holds(token, mention) or scopes_count(token) or paired(token):
        return set()
    if _compared(token.head):
        return set()  # "a choir (with 30 trained voices) is louder than …": what is compared
    region_ = set(subtree_ids(token) & kept)
    if any(t.dep_ == "conj" and t.tag_ in ("NNP", "NNPS") and not _one_name(t, t.head) for t in token.subtree):
        return set()  # "in Ohio and Maine State University": names coordinated, maybe hung on the wrong word
    following = [t for t in part if t.i > max(region_)]
    if len(following) > 1 and following[0].text == "," and following[1].lower_ in EXAMPLE_OPENERS:
        return set()  # "a taste for the sports of winter, such as …": the examples are of what it names
    if not following or following[0].is_punct or following[0].dep_ in ("prep", "cc", "agent"):
        return region_
    return region_ if following[0].tag_.startswith(("VB", "MD")) and following[0].dep_ not in ("amod", "compound") else set()
