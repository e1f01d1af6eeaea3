"""Cutting a long sentence to a cloze that fits: the clause holding the gap, its droppable
parts (asides, subordinate and coordinated clauses) left out, then phrases (clozefit.fit) until
it is at most MAX_CLOZE_WORDS, never inside a name or leaving a bare noun or verb behind.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.generate.clauses import CONNECTIVES, antecedent_tokens, disagrees, finite, noun_only
from quiz.generate.clozefit import MAX_CLOZE_WORDS, after_comma, fit, words
from quiz.generate.clozetext import joined, without_optional
from quiz.generate.nlp import sentence_bounds
from quiz.generate.shorten import (
    aside,
    compares,
    holds,
    list_goes_on,
    list_tail,
    misplaced,
    object_control,
    subtree_ids,
)
from quiz.generate.types import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


BACKDROP_MARKS = frozenset(("as", "if", "unless", "whether"))
LONG_CLOZE_WORDS = 36  # only where no shorter cut keeps the card whole


def shortened(tokens: list[Token], mention: Mention, limit: int = MAX_CLOZE_WORDS) -> list[Token]:
    """A cloze of more than `limit` words cut to the smallest clause holding the gap that has a
    subject of its own (a relative clause gets its antecedent: "the policy, which under the 1966
    act made …" -> "the policy under the 1966 act made …"), without subordinate clauses and
    comma-set-off phrases that do not hold the gap, then without trailing phrases until it fits.
    When nothing fits MAX_CLOZE_WORDS without a cut that breaks it ("making it feasible." of
    "making it feasible for farmers to lure otters"), up to LONG_CLOZE_WORDS; else nothing."""
    if words(tokens) <= limit:
        return tokens
    inside = {t.i for t in tokens}
    depths = _depths(tokens)
    top = min(tokens, key=lambda t: depths[t.i])
    whole = _clause_part(top, mention, inside)  # the sentence's own clause without its subordinate parts
    if whole and 6 <= words(whole) <= limit and whole[0].i <= mention.start and mention.end - 1 <= whole[-1].i:
        return whole
    node = tokens[0].doc[mention.start]
    while True:
        part = _clause_part(node, mention, inside)
        if part is not None:
            part = fit(part, mention, limit)
            if words(part) >= 6 and part[0].i <= mention.start and mention.end - 1 <= part[-1].i:
                return part
            if limit < LONG_CLOZE_WORDS:
                return shortened(tokens, mention, LONG_CLOZE_WORDS)
            return _shared_subject(tokens, mention, inside)
        if node.head.i == node.i:
            return _shared_subject(tokens, mention, inside)
        node = _list_owner(node) or node.head


FINITE_VERB_TAGS = ("VBD", "VBZ", "VBP")


def _shared_subject(tokens: list[Token], mention: Mention, inside: set[int]) -> list[Token]:
    """The gap's verb phrase, coordinated with an earlier one, given the subject they share, when
    the sentence cannot be cut around both: "The archive, opened in 1950, holds maps of the coast,
    and includes {{a 1788 survey}}" -> "The archive includes {{a 1788 survey}}"; else nothing."""
    verb = tokens[0].doc[mention.start]
    while not (verb.dep_ == "conj" and verb.tag_ in FINITE_VERB_TAGS):
        if verb.head.i == verb.i:
            return []
        verb = verb.head
    head = verb.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not head.tag_.startswith("VB") or not finite(head) or len(subjects) != 1 or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    later = set().union(*(subtree_ids(c) for c in verb.children if c.dep_ in ("conj", "cc")))
    subject = [t for t in subjects[0].subtree if t.i in inside]
    if not subject or subject[-1].dep_ in ("cc", "punct"):
        return []  # a subject the parser split at its "and"
    phrase = [t for t in verb.subtree if t.i in inside and t.i not in later]
    for limit in (MAX_CLOZE_WORDS, LONG_CLOZE_WORDS):
        part = fit(without_optional(subject, mention) + phrase, mention, limit)
        while part and part[-1].is_punct:
            part = part[:-1]
        if words(part) >= 6 and part[0].i <= mention.start and mention.end - 1 <= part[-1].i:
            return part
    return []


def _list_owner(node: Token) -> Token | None:
    """The relative clause whose list the parser hung on the antecedent, when `node` is in it: "the
    Treaty, which gave the port a strip of land, a yearly {{fee}}, and a pier" asks within "gave"."""
    if node.dep_ != "appos":
        return None
    return next((c for c in node.head.children if c.dep_ == "relcl" and node.i in {t.i for t in list_tail(c)}), None)


def _depths(tokens: list[Token]) -> dict[int, int]:
    """How many ancestors each token has, by index: each head's count found once, as walking every
    token's ancestors again cost more than all else in the cut."""
    doc = tokens[0].doc
    depth: dict[int, int] = {}
    for token in tokens:
        path, index = [], token.i
        while index not in depth:
            head = doc[index].head.i
            if head == index:
                depth[index] = 0
                break
            path.append(index)
            index = head
        count = depth[index]
        for step in reversed(path):
            count += 1
            depth[step] = count
    return depth


def _clause_part(node: Token, mention: Mention, inside: set[int]) -> list[Token] | None:
    clause = _droppable(node, frozenset(inside))
    if clause is None:
        return None
    base, droppable = clause
    drop: set[int] = set()
    for token, joiner, separable, region_ in droppable:
        if token.i in drop:
            continue
        # Whether the token holds the gap is asked last: most tokens are no droppable part anyway.
        if (joiner == "mark" or joiner == "cc" and not _joins_kept(token, mention)) and not holds(token, mention):
            drop |= subtree_ids(token)  # "as well as" goes whole
        elif separable and not holds(token, mention):
            drop |= region_
    part = sorted((t for t in base if t.i not in drop), key=lambda t: t.i)
    while part and (part[0].is_punct or part[0].dep_ == "cc" or part[0].lower_ in CONNECTIVES):
        part = part[1:]
    while part and part[-1].is_punct:
        part = part[:-1]
    return part


# (token, "mark" or "cc" when it joins the clause, whether it is a part that can go, what goes with it)
Droppable = tuple[tuple["Token", str, bool, frozenset[int]], ...]


@lru_cache(maxsize=512)  # the same for every mention of the sentence: only what holds the gap differs
def _droppable(node: Token, inside: frozenset[int]) -> tuple[list[Token], Droppable] | None:
    """The clause `node` heads within `inside` (a relative clause with its antecedent), and the
    parts that may go from it in order; None when it is no clause with a subject of its own."""
    if not node.tag_.startswith(("VB", "MD")) or noun_only(node.lower_):
        return None  # "NASA astronauts Ann Lee, …": a plural noun the tagger took for a verb
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not finite(node) or disagrees(subjects[0], node):
        return None
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS for c in node.children):
        return None  # "As the country spread across the hills, …": a backdrop, or a condition, no fact alone
    relative = subjects[0].tag_ in ("WDT", "WP")
    if relative and node.dep_ != "relcl" or subjects[0].tag_ == "PRP" and node.dep_ != "ROOT":
        return None  # "X said that it would …": the pronoun needs the clause around it
    if node.dep_ == "conj" and not joined(node):
        return None  # "… than a band wherein one drum sets …": no clause of its own
    if node.dep_ in ("acl", "ccomp") and node.head.tag_.startswith("NN") and any(c.dep_ == "mark" for c in node.children):
        return None  # "the fear that the river might flood": what is feared or claimed, no fact
    base = [t for t in node.subtree if t.i in inside]
    if relative:
        base += [t for t in list_tail(node) if t.i in inside]  # the list the parser hung on the antecedent
        antecedent = antecedent_tokens(node)
        if not antecedent:
            return None
        base = [*antecedent, *(t for t in base if t.i != subjects[0].i)]
    droppable = []
    for token in base:
        if token.i == node.i:
            continue
        joiner = token.dep_ if token.dep_ in ("mark", "cc") and token.head == node else ""
        separable = bool(
            (token.dep_ in ("advcl", "parataxis") and token.tag_.startswith(("VB", "MD")) or token.dep_ == "conj" and token.tag_.startswith("VB") and token.head == node)
            and _separable(token, base) and not compares(token) and not _extraposed(token) or after_comma(token) and (aside(token) or _comma_bounded(token))
        ) and not misplaced(token) and not object_control(token)
        if joiner or separable:
            droppable.append((token, joiner, separable, _region_with_commas(token) if separable else frozenset()))
    return base, tuple(droppable)


def _region_with_commas(token: Token) -> frozenset[int]:
    """The token's subtree and the comma before it; one after stays to join what follows, unless
    the verb follows: "The council, speaking for the Trust, has selected" -> "The council has selected"."""
    region_ = set(subtree_ids(token))
    doc = token.doc
    if token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ",":
        region_.add(token.left_edge.i - 1)
        after = token.right_edge.i + 1
        if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].tag_.startswith(("VB", "MD")):
            region_.add(after)
    return frozenset(region_)


def _joins_kept(cc: Token, mention: Mention) -> bool:
    """The "and"/"but" before a coordinated clause that holds the gap, and so stays: dropped, it
    leaves two clauses joined by a comma."""
    return any(c.dep_ == "conj" and c.i > cc.i and holds(c, mention) for c in cc.head.children)


def _year_of_a_day(token: Token) -> bool:
    """The year inside one date the tagger took whole ("March 2, 2021"), not inside a range of them."""
    if token.ent_iob_ != "I" or token.ent_type_ != "DATE":
        return False
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i
    while end + 1 < len(token.doc) and token.doc[end + 1].ent_iob_ == "I":
        end += 1
    return not any(t.lower_ in ("to", "-", "–", "and", "until", "through") for t in token.doc[start : end + 1])


def _separable(token: Token, base: list[Token]) -> bool:
    """A clause that can be cut from inside a sentence without a seam: set off by a comma, a dash or
    a semicolon, or first or last in the part. Cut from between two words ("such as X as set out in … and
    Byrne’s stated reason"), a misparse leaves the words on either side run together."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i  # once: each is a new spaCy token
    before = left - 1
    if before >= 0 and doc[before].text in (",", ";", "—", "–", "--") or not any(t.i < left for t in base):
        return True
    return not any(t.i > right and not t.is_punct for t in base)


def _extraposed(token: Token) -> bool:
    """The clause an "it" stands for ("making it feasible for farmers to lure otters")."""
    heads = (token.head, token.head.head)
    return any(c.lower_ == "it" and c.dep_ in ("nsubj", "dobj", "expl", "nsubjpass") for head in heads for c in head.children)


def _comma_bounded(token: Token) -> bool:
    """A phrase set off by commas on both sides (or a comma and the sentence end), not a list item."""
    doc = token.doc
    before, after = token.left_edge.i - 1, token.right_edge.i + 1
    if token.dep_ in ("conj", "cc", "punct") or before < 0 or doc[before].text != "," or _year_of_a_day(token):
        return False  # a list item; no comma before; the year of "March 2, 2021"
    end = sentence_bounds(doc, token.i)[1]
    if after + 1 < end and doc[after].text == "," and doc[after + 1].lower_ in ("and", "or"):
        return False  # ", along with X, and Y": the comma goes on to the list's last item
    if token.dep_ == "relcl" and list_goes_on(token):
        return False
    return after >= end or doc[after].text in (",", ".") or bool(doc[after].is_sent_end)

