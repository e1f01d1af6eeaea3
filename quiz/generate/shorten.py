"""Shorter clauses for questions: the parts a question can do without.

A question keeps the clause's core (subject, verb, complements) and the answer. Subordinate
clauses ("after the regime moved to …"), comma-set-off participles, appositions and
non-restrictive relative clauses always go; when the question is still too long, trailing
adjuncts (prepositional phrases, purpose clauses) go one by one from the end.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.generate.clauses import Clause, lemma, trim_front

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from quiz.generate.types import Mention

MAX_QUESTION_WORDS = 25
BACK_REFERENCES = frozenset(("enough", "further", "such", "likewise", "either", "too", "instead", "even"))
NAMING_PARTICIPLES = frozenset(("known", "called", "named", "dubbed", "nicknamed"))
NAME_SUFFIXES = frozenset(("Jr.", "Sr.", "Jr", "Sr"))
DASHES = frozenset(("—", "–", "--"))
ADJUNCT_DEPS = ("prep", "npadvmod", "advmod", "advcl", "xcomp", "dative", "agent")
# What is asked of a token is the same for every mention of its sentence: remembered per token
# (spaCy tokens hash and compare by document and position).
TOKEN_CACHE = 8192


def essential(clause: Clause, mention: Mention, optionals: tuple[Token, ...] | None = None) -> Clause:
    """The clause without optional parts that do not hold the answer; `optionals` are the clause's
    optional words when already found (optional_words: the same for every mention)."""
    drop: set[int] = set()
    for token in optional_words(clause) if optionals is None else optionals:
        if token.i not in drop and not holds(token, mention):
            drop |= region(token)
    if not mention.covers(clause.subject):
        drop |= shared_subject_verbs(clause, mention)
    drop = joiner_kept(reclosed(drop, clause.verb.doc), clause.verb.doc)
    front = tuple(t for t in clause.front if not any(t.i in region(p) for p in opening_participles(clause, mention)))
    return _without(replace(clause, front=trim_front(front)) if front != clause.front else clause, drop)


def opening_participles(clause: Clause, mention: Mention) -> list[Token]:
    """A participle phrase opening the sentence ("Located on the coast, the town …", "Led by its
    founder, the firm …"): it describes the subject, and the question can do without it."""
    front = {t.i for t in clause.front}
    return [
        c for c in clause.verb.children
        if c.i in front and c.dep_ in ("advcl", "acl") and c.tag_ in ("VBN", "VBG") and not holds(c, mention)
        and not any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)
    ]


def unfronted(clause: Clause, mention: Mention) -> Clause | None:
    """The clause without its fronted adverbials, the last thing a question too long can lose; None
    when it has none or they hold the answer."""
    if not clause.front or any(mention.start <= t.i < mention.end for t in clause.front):
        return None
    return replace(clause, front=())


def optional_words(clause: Clause) -> tuple[Token, ...]:
    """The words of the subject and the rest that head an optional part, in order."""
    return tuple(token for token in (*clause.subject, *clause.rest) if optional(token))


def shared_subject_verbs(clause: Clause, mention: Mention) -> set[int]:
    """A second verb sharing the subject ("killed 300 people and left 100,000 homeless"): a question
    that inverts the first verb ("How many people did the fire kill") cannot carry it along."""
    drop: set[int] = set()
    for token in clause.rest:
        if token.dep_ == "conj" and token.head == clause.verb and token.tag_.startswith("VB") and not holds(token, mention):
            drop |= subtree_ids(token)
            drop |= {c.i for c in clause.verb.children if c.dep_ in ("cc", "punct") and clause.verb.i < c.i < token.i}
    return drop


def trimmed(clause: Clause, mention: Mention) -> Clause | None:
    """The clause with its last droppable adjunct removed; None when nothing more can go."""
    for token in reversed(clause.rest):
        if token.dep_ in ADJUNCT_DEPS and token.i > clause.verb.i and token.head == clause.verb and not holds(token, mention) and not scopes_count(token):  # .head last: it makes a token
            if token.dep_ == "xcomp" and not any(c.tag_ == "TO" for c in token.children) or object_control(token):
                continue  # "set to sit down", "selected the firm to build …": the verb needs it
            if paired(token):
                other = partner(token)
                if other is None or holds(other, mention):
                    continue
            return _without(clause, with_partner(token))
    return None


@lru_cache(maxsize=TOKEN_CACHE)
def optional(token: Token) -> bool:
    """Subordinate clauses, comma-set-off asides, clausal comparisons ("far more than expected") and
    examples ("ports including Bergen and Oslo", "tools such as axes")."""
    if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
        return not compares(token) and not misplaced(token)
    return aside(token) or token.dep_ == "advmod" and any(t.tag_.startswith("VB") for t in token.subtree) or examples(token)


def examples(token: Token) -> bool:
    """ "including …" or "such as …": examples, which a question can leave out."""
    if token.dep_ != "prep":
        return False
    return token.lower_ == "including" or token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such"


def scopes_count(token: Token) -> bool:
    """A phrase bounding what a number counts ("212 species of moths in the western counties") or
    what a rank is among ("the first map keeper for the Harbor Archive", "the largest port in
    Wales"): without it the count or the rank is of something else."""
    if token.dep_ != "prep":
        return False
    noun = token.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "species (of moths) (in …)"
    return any(c.dep_ == "nummod" or c.dep_ == "amod" and (c.tag_ == "JJS" or c.ent_type_ == "ORDINAL") for c in noun.children)


CONTROL_VERBS = frozenset("select choose pick hire contract commission ask tell order urge invite appoint task charge".split())


def object_control(token: Token) -> bool:
    """The "to" clause saying what someone was chosen or asked for ("selected the firm (to develop an
    instrument …)"): without it, "selected the firm" says for nothing."""
    return token.dep_ in ("xcomp", "advcl") and any(c.tag_ == "TO" for c in token.children) and lemma(token.head) in CONTROL_VERBS


RANGE_ENDS = frozenset(("to", "until", "till", "through", "into"))


@lru_cache(maxsize=TOKEN_CACHE)
def paired(token: Token) -> bool:
    """One half of a pair that says nothing alone: the "from X" or the "to Y" of "from X to Y"
    (hung on the same word, or the "to" on the "from"), or the "and Y" of "between X and Y".
    Cut alone, it leaves "the transfer of files to the archive to the court" or "a break between
    the north." A pair hung on one word may go together (partner)."""
    head = token.head
    if token.dep_ == "prep" and token.lower_ in RANGE_ENDS and (head.lower_ == "from" or head.dep_ == "pobj" and head.head.lower_ == "from"):
        return True
    if token.dep_ in ("conj", "cc"):
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return first.dep_ == "pobj" and first.head.lower_ == "between"
    return partner(token) is not None


@lru_cache(maxsize=TOKEN_CACHE)
def partner(token: Token) -> Token | None:
    """The other half of "from X to Y" hung on the same word as `token`; None when it has none."""
    if token.dep_ != "prep" or token.lower_ != "from" and token.lower_ not in RANGE_ENDS:
        return None
    for other in token.head.children:
        if other.dep_ == "prep" and (token.lower_ == "from" and other.lower_ in RANGE_ENDS and other.i > token.i or token.lower_ != "from" and other.lower_ == "from" and other.i < token.i):
            return other
    return None


def with_partner(token: Token) -> set[int]:
    """The token's region, with its partner's when it is half of a "from … to …" pair."""
    other = partner(token)
    return region(token) | region(other) if other is not None else region(token)


def compares(token: Token) -> bool:
    """The clause completes a comparison ("less willing than Byrne to sign …"): without it the
    comparative says something else."""
    return any(c.dep_ == "mark" and c.lower_ in ("than", "as") and c.i > token.head.i for c in token.children) and token.head.tag_ in ("JJ", "JJR", "RBR", "RB")


@lru_cache(maxsize=TOKEN_CACHE)
def aside(token: Token) -> bool:
    """Participles, appositions and relative clauses set off by a comma."""
    edge = token.left_edge.i
    if edge == 0 or token.doc[edge - 1].text != ",":
        return False
    after = token.right_edge.i + 1
    if after < len(token.doc) and token.doc[after].text in DASHES:
        return False  # ", eager for X—above all after Y—and also Z,": the aside runs on past the dash
    if token.dep_ == "appos" and any(c.dep_ == "nummod" for c in token.children) and any(c.dep_ == "nummod" for c in token.head.children):
        return False  # "2 hours, 5 minutes and 12 seconds": one measurement, not an aside
    if token.dep_ == "appos" and token.ent_type_ and token.ent_type_ == token.head.ent_type_ and any(
        c.dep_ == "conj" for c in (*token.children, *token.head.children)
    ):
        return False  # "Chile, Peru, Bolivia, and Ecuador": an item of a list of names, not an aside
    if token.dep_ == "relcl" and list_goes_on(token):
        return False
    if misplaced(token):
        return False
    if token.dep_ == "appos" and _title_of_next(token):
        return False
    if token.text in NAME_SUFFIXES:
        return False  # "Ann Reed, Jr.": part of the name the parser hung off it
    if token.lower_ in NAMING_PARTICIPLES and token.head.tag_ in ("NN", "NNS") and not token.head.ent_type_:
        return False  # "The proposal, called the Brenner Plan, …": the aside names what "the proposal" is
    return token.dep_ in ("relcl", "appos") or token.dep_ in ("advcl", "acl") and token.tag_ in ("VBG", "VBN")


def misplaced(token: Token) -> bool:
    """An adverbial clause the parser hung on a noun after it ("…, while leading the choir,
    2nd Parish Band", the unit read as the verb's object): cut, it leaves the noun run into
    the words before it."""
    return token.dep_ == "advcl" and token.head.i > token.i and not token.head.tag_.startswith(("VB", "MD"))


def _title_of_next(appos: Token) -> bool:
    """An "apposition" running straight into the subject's name: the title of the name after it,
    misparsed ("…, Swiss Minister of Health Anna Keller introduced …" hung on the word before the
    comma). Dropping it would run the opening phrase into the subject."""
    doc = appos.doc
    after = appos.right_edge.i + 1
    if after >= len(doc) or doc[after].tag_ != "NNP" or doc[after - 1].is_punct:
        return False  # a comma closing the aside sets it off: "…, Minister of Health, Anna Keller …"
    end = after
    while end < len(doc) and doc[end].tag_ == "NNP":
        end += 1
    return end < len(doc) and doc[end].tag_ in ("VBD", "VBZ", "VBP", "MD")  # the name, then its verb


def list_goes_on(clause: Token) -> bool:
    """A relative clause followed by a comma and a list hung on the same noun: "the Treaty, which
    gave the port a strip of land, a yearly fee, and a pier" ends on the first item of a list the
    parser split off, so dropping the clause leaves "the Treaty a yearly fee, and a pier"."""
    return bool(list_tail(clause))


def list_tail(clause: Token) -> list[Token]:
    """The rest of the list a relative clause's last item opens (list_goes_on), from the comma
    after the clause; empty when none follows."""
    doc = clause.doc
    after = clause.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return []
    follower = doc[after + 1]
    while follower.head.i != follower.i and follower.head.i > after and follower.dep_ != "appos":
        follower = follower.head
    if follower.dep_ != "appos" or follower.head.i != clause.head.i or not any(c.dep_ == "conj" for c in follower.children):
        return []
    return list(doc[after : follower.right_edge.i + 1])


def holds(token: Token, mention: Mention) -> bool:
    # The subtree lies between its edges: most tokens are far from the mention, and walking the
    # subtree is what costs.
    if mention.start <= token.i < mention.end:
        return True  # the token is in its own subtree
    if token.right_edge.i < mention.start or token.left_edge.i >= mention.end:
        return False
    return any(mention.start <= i < mention.end for i in subtree_ids(token))


@lru_cache(maxsize=TOKEN_CACHE)
def subtree_ids(token: Token) -> frozenset[int]:
    """The indices of the token's subtree: walked once, as every mention and every cut of the
    sentence asks for the same subtrees again, and each walk makes new spaCy tokens."""
    return frozenset(t.i for t in token.subtree)


def region(token: Token) -> set[int]:
    """The token's subtree with the commas around it."""
    region = set(subtree_ids(token))
    doc = token.doc
    before, after = token.left_edge.i - 1, token.right_edge.i + 1
    if before >= 0 and doc[before].text == ",":
        region.add(before)
    if after < len(doc) and doc[after].text == "," and before >= 0 and doc[before].text == ",":
        region.add(after)
    return region


def reclosed(drop: set[int], doc: Doc) -> set[int]:
    """What to drop, less the comma ending a dropped run of asides when the phrase before the run
    was itself opened by a comma that stays: "Colonel Ann Lee, Jr., Royal Navy, Retired, for …"
    reads "…, Jr., Royal Navy, for …" without "Retired", not "Royal Navy for …"."""
    kept = set(drop)
    for end in sorted(i for i in drop if doc[i].text == "," and i + 1 not in drop):
        start = end
        while start - 1 in drop:
            start -= 1
        if start == end or doc[start].text != "," or start == 0:
            continue
        aside = next((doc[i] for i in range(start + 1, end) if doc[i].head.i < start), None)
        if aside is None:
            continue
        top = aside.head
        while top.dep_ == "appos" and top.head.i < top.i:
            top = top.head  # "Tom Akers, Jr., Royal Navy": the name the apposition is of
        phrase = doc[top.left_edge.i : start]
        if any(t.text == "," and t.i not in drop for t in phrase):
            kept.discard(end)
    return kept


def joiner_kept(drop: set[int], doc: Doc) -> set[int]:
    """What to drop, less an "and"/"or" ending a dropped part when a kept word follows it: the
    parser hangs the "and" of "… of the guild, like the fee …, and never to raise …" on
    the examples, which go; the "and" joins what stays ("… of the guild and never to raise …")."""
    kept = set(drop)
    for index in sorted(drop):
        if doc[index].dep_ != "cc" or index + 1 in drop or index + 1 >= len(doc) or doc[index + 1].is_punct:
            continue
        before = index - 1
        while before in drop and doc[before].is_punct:
            before -= 1
        if before in drop:  # the dropped part runs up to the "and"
            kept.discard(index)
    return kept


def _without(clause: Clause, drop: set[int]) -> Clause:
    if not drop:
        return clause
    subject = tuple(t for t in clause.subject if t.i not in drop)
    rest = tuple(t for t in clause.rest if t.i not in drop)
    while rest and rest[-1].is_punct and rest[-1].text not in ("”", '"', ")"):
        rest = rest[:-1]
    return replace(clause, subject=subject or clause.subject, rest=rest)


def leans_back(tokens: tuple[Token, ...] | list[Token], sent: Span) -> bool:
    """A part cut from after a dropped clause that still points back at it: "but officials claimed
    X has not gone far enough" needs what was done before; "further", "such", "the same", or a
    comparative without its "than", or "even" ("but even this range …") do too."""
    if not tokens:
        return False
    first = min(t.i for t in tokens)
    before = sent.doc[sent.start : max(sent.start, min(first, sent.end))]  # the sentence's words before the part, none of it
    if not any(t.tag_.startswith(("VB", "MD")) for t in before):
        return False
    words = [t.lower_ for t in tokens]
    comparative = any(t.tag_ in ("JJR", "RBR") and t.lower_ not in ("more", "less") for t in tokens) and "than" not in words
    return comparative or bool(BACK_REFERENCES & set(words)) or "same" in words
