"""Cutting a long sentence to a cloze that fits: the clause holding the gap, its droppable
parts (asides, subordinate and coordinated clauses, trailing phrases) left out until it is at
most MAX_CLOZE_WORDS, never inside a name or leaving a bare noun or verb behind.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.generate.clauses import CONNECTIVES, antecedent_tokens, disagrees, finite, noun_only
from quiz.generate.clozetext import joined, without_optional
from quiz.generate.nlp import sentence_bounds
from quiz.generate.sanity import stranded_verb
from quiz.generate.shorten import aside, compares, holds, list_goes_on, list_tail, paired, partner, scopes_count, subtree_ids
from quiz.generate.types import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


BACKDROP_MARKS = frozenset(("as", "if", "unless", "whether"))
EXAMPLE_OPENERS = frozenset(("such", "including", "like"))
MAX_CLOZE_WORDS = 30
LONG_CLOZE_WORDS = 36  # only where no shorter cut keeps the card whole


def shortened(tokens: list[Token], mention: Mention, limit: int = MAX_CLOZE_WORDS) -> list[Token]:
    """A cloze of more than `limit` words cut to the smallest clause holding the gap that has a
    subject of its own (a relative clause gets its antecedent: "the policy, which under the 1966
    act made …" -> "the policy under the 1966 act made …"), without subordinate clauses and
    comma-set-off phrases that do not hold the gap, then without trailing phrases until it fits.
    When nothing fits MAX_CLOZE_WORDS without a cut that breaks it ("making it feasible." of
    "making it feasible for farmers to lure otters"), up to LONG_CLOZE_WORDS; else nothing."""
    if _words(tokens) <= limit:
        return tokens
    inside = {t.i for t in tokens}
    depths = _depths(tokens)
    top = min(tokens, key=lambda t: depths[t.i])
    whole = _clause_part(top, mention, inside)  # the sentence's own clause without its subordinate parts
    if whole and 6 <= _words(whole) <= limit and whole[0].i <= mention.start and mention.end - 1 <= whole[-1].i:
        return whole
    node = tokens[0].doc[mention.start]
    while True:
        part = _clause_part(node, mention, inside)
        if part is not None:
            part = _fit(part, mention, limit)
            if _words(part) >= 6 and part[0].i <= mention.start and mention.end - 1 <= part[-1].i:
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
        part = _fit(without_optional(subject, mention) + phrase, mention, limit)
        while part and part[-1].is_punct:
            part = part[:-1]
        if _words(part) >= 6 and part[0].i <= mention.start and mention.end - 1 <= part[-1].i:
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


def _words(tokens: list[Token]) -> int:
    """Words as a reader counts them: "Admiralty’s" is one."""
    return sum(1 for t in tokens if not t.is_punct and t.tag_ != "POS")


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
        return None  # "… than a forest wherein one species makes up …": no clause of its own
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
            and _separable(token, base) and not compares(token) and not _extraposed(token) or _after_comma(token) and (aside(token) or _comma_bounded(token))
        )
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


def _inside_name(doc: Doc, cut: set[int]) -> bool:
    """The cut opens between two capitalised words of one name: "the Rivers (in Focus Summit)"."""
    first = min(cut)
    return 0 < first < len(doc) - 1 and doc[first].tag_ == "IN" and doc[first - 1].tag_ in ("NNP", "NNPS") and doc[first + 1].tag_ in ("NNP", "NNPS") and doc[first + 1].text[:1].isupper() and doc[first + 1].ent_type_ not in ("GPE", "LOC", "DATE")


def _bare_noun_left(part: list[Token], cut: set[int]) -> bool:
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


def _names_end(token: Token) -> bool:
    """The "of the Kings" of "Valley of the Kings": a phrase between capitalised words is part of a name."""
    return token.dep_ == "prep" and token.head.tag_ in ("NNP", "NNPS") and any(c.dep_ == "pobj" and c.text[:1].isupper() for c in token.children)


def _one_name(token: Token, other: Token) -> bool:
    """Both tokens inside one entity ("Sea and Sky" of "Harbor Sea and Sky Museum")."""
    return any(ent.start <= token.i < ent.end and ent.start <= other.i < ent.end for ent in token.doc.ents)


def _extraposed(token: Token) -> bool:
    """The clause an "it" stands for ("making it feasible for farmers to lure otters")."""
    heads = (token.head, token.head.head)
    return any(c.lower_ == "it" and c.dep_ in ("nsubj", "dobj", "expl", "nsubjpass") for head in heads for c in head.children)


def _after_comma(token: Token) -> bool:
    """The token's phrase follows a comma: what an aside and a comma-bounded phrase both need, and
    cheap to test first, as most phrases follow none."""
    edge = token.left_edge.i
    return edge > 0 and token.doc[edge - 1].text == ","


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


def _fit(part: list[Token], mention: Mention, limit: int = MAX_CLOZE_WORDS) -> list[Token]:
    """The part with trailing phrases that do not hold the gap removed until it fits: of those
    ending where the part ends, the smallest whose removal is enough, else the largest."""
    while _words(part) > limit:
        kept = {t.i for t in part}
        if bracket := _bracketed(part, mention):  # an aside in brackets goes first: "(a French engineer who …)"
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
        # Not a phrase an "it" or a verb needs: "making it feasible [for farmers to lure otters]".
        trailing = [r for r in trailing if not stranded_verb(kept_part := [t for t in part if t.i not in r]) and not _open_complement(kept_part)]
        if not trailing:  # then a phrase leading the clause, set off by a comma: "As part of …, today X will …"
            trailing = _leading(part, mention)
        if not trailing:  # then phrases qualifying a noun anywhere: "the backlog (of paperwork)"
            trailing = [region_ for token in part if (region_ := _qualifier(token, part, kept, mention))]
        trailing = [r for r in trailing if not _bare_verb_left(part, r) and not _inside_name(part[0].doc, r) and not _bare_noun_left(part, r)]
        if not trailing:
            return []
        enough = [r for r in trailing if _words([t for t in part if t.i not in r]) <= limit]
        cut = min(enough, key=len) if enough else max(trailing, key=len)
        part = [t for t in part if t.i not in cut]
        while part and (part[-1].is_punct or part[-1].dep_ == "cc"):
            part = part[:-1]
    return part


def _bracketed(part: list[Token], mention: Mention) -> set[int]:
    """The first bracketed phrase of the part, with its brackets; empty when there is none or the
    gap is itself in brackets (the others are its parallels: "the Food Office (June 1943), the
    Bank ({{May 1944}}), …")."""
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
    """A contrast closing the part after the gap ("… makes up 95 percent of the trees rather than
    them being equally spread"), whatever the parse makes of it: it says what is not the case."""
    for n in range(len(part) - 1):
        if part[n].i >= mention.end and (part[n].lower_, part[n + 1].lower_) in CONTRASTS:
            return [{t.i for t in part[n:]}]
    return []


def _compared(noun: Token) -> bool:
    """The subject of a comparison ("X is more diverse than Y") or what it is compared with."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "than":
        return True
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and any(
        (c.tag_ in ("JJR", "RBR") or any(g.lower_ in ("more", "less") for g in c.children)) and any(g.lower_ == "than" for g in c.children)
        for c in verb.children
    )


def _open_complement(kept: list[Token]) -> bool:
    """A "that" or "whether" left with no tensed verb after it: "They reasoned that calves with
    inherited traits." of a clause the cut took the verb of."""
    words = [t for t in kept if not t.is_punct]
    for n, token in enumerate(words):
        if token.lower_ in ("that", "whether") and token.tag_ == "IN":
            return not any(t.tag_ in FINITE_VERB_TAGS or t.tag_ == "MD" for t in words[n + 1 :])
    return False


@lru_cache(maxsize=8192)  # the same for every mention and every round of _fit
def _tail_phrase(token: Token) -> bool:
    """A phrase _fit may cut from the end, whatever the gap: not a comparison's clause, what
    bounds a count, the end of a name, a restrictive relative clause, or half of a pair (but for
    one half of "from … to …", which goes with its partner)."""
    return token.dep_ in ("prep", "dative", "npadvmod", "advmod", "conj", "appos", "acl", "advcl", "relcl", "xcomp") and not compares(token) and not scopes_count(token) and not _names_end(token) and not restrictive(token) and (not paired(token) or partner(token) is not None) and not _listed(token)


def _listed(token: Token) -> bool:
    """The last of nouns joined by "and"/"or" ("pressured Britain and France"): cut, the card
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
    "selection as a Fellow"), not one
    whose examples follow (", such as …") and not one holding the gap; empty when there is none."""
    if token.dep_ != "prep" or token.lower_ in ("of", "as") or not token.head.tag_.startswith("NN") or token.head.i not in kept or holds(token, mention) or scopes_count(token) or paired(token):
        return set()
    if _compared(token.head):
        return set()  # "a forest (with 10 common species) is more diverse than …": what is compared
    region_ = set(subtree_ids(token) & kept)
    if any(t.dep_ == "conj" and t.tag_ in ("NNP", "NNPS") and not _one_name(t, t.head) for t in token.subtree):
        return set()  # "in Ohio and Maine State University": names coordinated, maybe hung on the wrong word
    following = [t for t in part if t.i > max(region_)]
    if len(following) > 1 and following[0].text == "," and following[1].lower_ in EXAMPLE_OPENERS:
        return set()  # "involvement in the affairs of Europe, such as …": the examples are of what it names
    if not following or following[0].is_punct or following[0].dep_ in ("prep", "cc", "agent"):
        return region_
    return region_ if following[0].tag_.startswith(("VB", "MD")) and following[0].dep_ not in ("amod", "compound") else set()
