"""Terms as answers: what a text defines or names that is not a name, date or number.

Science and history texts teach terms: "Soil erosion is the main threat to the farms of the valley",
"a cycle that farmers called rotation with rest", "the coast's oldest enemy – salt water". A term
is a noun phrase of common nouns and their describing words ("crop rotation", "soil
erosion"), without determiners, numbers or vague adjectives. Only terms the sentence teaches
are answers: one it names ("called X", "known as X", "enemy – X", "the principle of X",
"an example of … is X"), of any length; or one it defines ("X is a Y", either side; "X became a
Y"; "to define X"; "conceived of as X") made of two words or more that classify rather than judge
("thermal radiometer", "soil erosion", not "international effort" or "rare
features"); or a doctrine or policy named by its "-ism" ("isolationism", "French absolutism"),
or a disease ("malaria", "trench fever"), wherever it stands. Any other noun phrase is a loose gap a strict reader rejects ("the end of {{rare
features}}", "coming under the {{heavy enemy fire}}").
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.nlp import sentence_bounds
from quiz.generate.types import AnswerType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

HEAD_DEPS = frozenset("nsubj nsubjpass dobj pobj attr appos conj oprd".split())
MODIFIER_DEPS = frozenset("compound amod nmod".split())
_PHRASE_DEPS = MODIFIER_DEPS | {"punct"}
MODIFIER_TAGS = frozenset("NN NNS JJ VBN VBG NNP HYPH".split())
NAMING_VERBS = frozenset("called call calls named name names termed term known referred dubbed".split())
# Nouns whose "of" phrase names an instance: "the principle of X", "the theory of X".
NAMING_NOUNS = frozenset("principle principles doctrine theory theories concept concepts notion".split())
# Verbs that file a thing under a term ("conceived of as X", "classified as X"): the term defines it
# when it classifies (two words or more), as in "X is a Y".
FILING_VERBS = frozenset("conceived regarded classified described defined characterized characterised categorized viewed".split())
# Adjectives that qualify without naming: "a new report", "other rare plants", "several actions".
VAGUE = frozenset(
    """new old other such same several many various different certain major main key important additional further
    own particular specific general entire whole recent current ongoing former latter previous following next last first inaugural
    second significant large small big great good best better high low long short full real possible potential
    total overall initial final early late more most less least much few little numerous multiple similar""".split()
)
# Nouns too general to be a term on their own or at a phrase's head: "the area", "a set of rules".
GENERAL_NOUNS = frozenset(
    """thing things part parts way ways area areas number numbers amount lot set kind kinds type types form forms
    time times year years day days people person world place places case cases fact facts example examples
    effort efforts work use uses range level levels role roles need needs point points side sides end
    group groups member members order result results issue issues matter matters""".split()
)
MAX_TERM_WORDS = 4
# Class nouns written before the name of one of their kind: "the drug X", "the element X".
CLASS_NOUNS = frozenset("drug medicine disease virus bacterium element mineral compound protein enzyme hormone gene species genus".split())
# Adjectives that classify a noun (a kind of erosion, of radiometer) end like these; those
# that judge or rank it ("unique", "innovative", "heavy", "elaborate") do not.
CLASSIFYING = re.compile(r"(?:ic|ical|al|ar|ary|ine|ian|ese|like)$")
# Common adjectives with a classifying ending that still only judge or rank.
JUDGING = frozenset(
    """actual several total final original general usual typical potential critical essential crucial special official
    initial natural normal local international vital central principal ideal minimal maximal formal real""".split()
)
DEFINING_MARKS = frozenset(("–", "—", "-", ":", "--"))


def term_mentions(sent: Span, taken: set[int]) -> list[Mention]:
    """The sentence's terms that overlap no name, date or number (`taken` holds their tokens)."""
    found = []
    used = set(taken)
    for token in sent:
        if token.i in used or not head_noun(token):
            continue
        tokens = [token] if classed(token) else phrase(token)
        is_named = named(token)  # once: it walks the phrase again
        if not is_named and doctrine(token):
            tokens = [t for t in tokens[:-1] if t.ent_type_ == "NORP" or t.text.istitle() and t.i > sent.start] + [token]  # "Russian absolutism", not "growing isolationism"
            tokens = tokens if all(t.i + 1 == u.i for t, u in pairwise(tokens)) else [token]
        if is_named and (whole_quote := quoted(token)):
            tokens = whole_quote  # "as “the harbour guards”": the name as the quotation marks set it off
        if is_named and len(tokens) > 1 and _pointed(tokens[0]):
            tokens = tokens[1:]  # "called this cycle | rotation with rest": the object, then its name
        if is_named and len(tokens + (tail := named_tail(token))) <= MAX_TERM_WORDS:
            tokens += tail  # "rotation with rest"; "shared powers (of the national government)" stops at its head
        if any(t.i in used for t in tokens) or len(tokens) > MAX_TERM_WORDS or name_tail(tokens[0]) or torn(tokens):
            continue
        if token.lower_ in GENERAL_NOUNS or not (is_named or doctrine(token) or disease(tokens) or defined(token) and classifies(tokens)):
            continue
        span = sent.doc[tokens[0].i : tokens[-1].i + 1]
        found.append(Mention(start=span.start, end=span.end, text=span.text, type=AnswerType.TERM, answer=span.text, accept=()))
        used.update(t.i for t in tokens)
    return found


# Nouns in "-ism" that name no doctrine, movement or policy: things, processes and virtues.
NOT_DOCTRINES = frozenset("mechanism mechanisms organism organisms metabolism prism tourism heroism criticism baptism".split())


def doctrine(head: Token) -> bool:
    """A doctrine, movement or policy named by its "-ism" ("isolationism", "Russian absolutism"):
    the term a history or economics text teaches, whatever the verb around it."""
    return head.tag_ == "NN" and head.lower_.endswith("ism") and len(head.text) > 6 and head.lower_ not in NOT_DOCTRINES


# Diseases, by their own names or by a head noun that says so ("swine flu", "chicken pox"); a
# text naming one teaches it.
DISEASES = frozenset("malaria cholera typhus typhoid smallpox measles tuberculosis influenza polio leprosy scurvy dysentery".split())
DISEASE_HEADS = frozenset("fever flu pox".split())


def acting_term(text: str) -> bool:
    """A term that can act as a clause's subject or agent: a doctrine ("French absolutism") or a
    disease ("trench fever"), not a process or a feature ("soil erosion")."""
    words = text.lower().split()
    return bool(words) and (words[-1].endswith("ism") or words[-1] in DISEASES or words[-1] in DISEASE_HEADS and len(words) == 2)


def disease(tokens: list[Token]) -> bool:
    """A disease's name: a word of DISEASES, or two words ending in a DISEASE_HEADS noun."""
    head = tokens[-1].lower_
    return head in DISEASES or head in DISEASE_HEADS and len(tokens) == 2


def _pointed(first: Token) -> bool:
    """A common noun right after "this" or "these": what the demonstrative points back to, which
    the parser ran together with the name given to it."""
    return first.tag_ in ("NN", "NNS") and first.i > sentence_bounds(first.doc, first.i)[0] and first.nbor(-1).lower_ in ("this", "these", "that", "those")


def name_tail(first: Token) -> bool:
    """A phrase opening inside a name: "V rocket garden" of "the Vega V rocket garden"."""
    return first.text[:1].isupper() and first.i > sentence_bounds(first.doc, first.i)[0] and first.nbor(-1).tag_ in ("NNP", "NNPS")


def torn(tokens: list[Token]) -> bool:
    """Part of a hyphened word the tokenizer split: "alignment" of "non-alignment"."""
    doc, first, last = tokens[0].doc, tokens[0].i, tokens[-1].i
    before = first > 0 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_
    after = last + 1 < len(doc) and doc[last + 1].text == "-" and not tokens[-1].whitespace_
    return before or after


def head_noun(token: Token) -> bool:
    # classed() walks the children: last
    return token.dep_ in HEAD_DEPS and not token.ent_type_ and token.is_alpha and len(token.text) > 2 and (token.tag_ in ("NN", "NNS") or classed(token))


def classed(token: Token) -> bool:
    """A word its class noun names: "the mineral olivine", "the enzyme lactase" (the tagger may
    not know the word, and call it anything)."""
    children = list(token.children)
    return token.text.islower() and any(
        c.dep_ == "compound" and c.lower_ in CLASS_NOUNS and c.i == token.i - 1 and any(d.dep_ == "det" and d.i == c.i - 1 for d in children)
        for c in children
    )


def phrase(head: Token) -> list[Token]:
    """The head noun with the describing words just before it: "crop rotation", "star-shaped leaves"."""
    doc = head.doc
    tokens = [head]
    index = head.i - 1
    start = sentence_bounds(doc, head.i)[0]
    while index >= start:
        token = doc[index]
        if token.tag_ not in MODIFIER_TAGS or token.dep_ not in _PHRASE_DEPS or token.ent_type_ not in ("", "NORP"):
            break
        if token.tag_ == "HYPH" and (token.whitespace_ or doc[index - 1].whitespace_):
            break
        if token.head.i not in {t.i for t in tokens} and token.tag_ != "HYPH" and doc[index + 1].tag_ != "HYPH":
            break
        tokens.insert(0, token)
        index -= 1
    while tokens and (tokens[0].lower_ in VAGUE or tokens[0].tag_ == "HYPH" or tokens[0].tag_ in ("JJR", "JJS")):
        tokens = tokens[1:]
    return tokens if tokens and tokens[-1] is head else [head]


def named_tail(head: Token) -> list[Token]:
    """What a named term goes on with after its head noun: "with rest" of "called rotation
    with rest", "of the seasons" of "known as “balance of the seasons”"."""
    after = [*head.rights, *(t for t in head.head.rights if head.dep_ in ("dobj", "oprd"))]  # "called rotation | with rest": the parser may hang it on the verb
    for child in after:
        if child.dep_ == "prep" and child.i == head.i + 1 and child.lower_ in ("of", "with", "for", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            # up to the preposition's object: "for autonomy (from the crown)"
            tail = [t for t in child.subtree if not objects or t.i <= objects[0].i]
            if all(t.tag_ in ("IN", "DT", "JJ", "JJS", "NN", "NNS", "VBG", "VBN") for t in tail) and tail[-1].tag_ in ("NN", "NNS", "JJS"):
                return tail
    return []


def named(head: Token) -> bool:
    """The sentence names the term: "called X", "known as X", "the principle of X", "an example of …
    is X", or X set off by a dash or colon after what it names ("the coast's oldest enemy –
    X"); an apposition after a comma describes ("Akers, former director of …") rather than names."""
    verb = head.head
    if head.dep_ in ("dobj", "oprd", "attr") and verb.lower_ in NAMING_VERBS:
        return not any(c.dep_ == "prep" and c.lower_ in ("for", "after") for c in verb.children)  # "named the park for X": the park gets a name
    if head.dep_ == "pobj" and verb.lower_ == "as" and (verb.head.lower_ in NAMING_VERBS and verb.head.tag_.startswith("VB") or quoted(head)):
        return True  # "known as X", not "a term as treasurer"; a role set off in quotation marks ("as “the harbour guards”")
    if head.dep_ == "pobj" and verb.lower_ == "as" and any(c.lower_ == "such" for c in verb.children):
        # "such as X", an example of what it follows: a phrase of its own ("the Flemish campaign of
        # protest"), as one word ("such as hammers") is one of many equally good answers
        return len(phrase(head)) + len(named_tail(head)) >= 2
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ in NAMING_NOUNS and verb.head.dep_ != "compound":
        return True  # "the principle of shared powers", "the theory of plate tectonics"
    if head.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in ("example", "examples") for c in verb.children):
        return True  # "An example of such a hand tool is the hammer"
    if classed(head):
        return True  # "the mineral olivine"
    first = next(iter(phrase(head)))
    return head.dep_ == "appos" and first.i > 0 and head.doc[first.i - 1].text in DEFINING_MARKS


def quoted(head: Token) -> list[Token]:
    """The words of the head's phrase when quotation marks enclose just that phrase ("as “the harbour
    guards.”"), its article aside; else nothing."""
    doc = head.doc
    first, last = head.left_edge.i, head.right_edge.i
    if first == 0 or doc[first - 1].text not in ("“", '"'):
        return []
    after = last + 2 if last + 2 < len(doc) and doc[last + 1].text in (".", ",") else last + 1
    if after >= len(doc) or doc[after].text not in ("”", '"'):
        return []
    words = [t for t in doc[first : last + 1] if t.dep_ != "det"]
    return words if 0 < len(words) <= MAX_TERM_WORDS and all(t.is_alpha or t.text == "-" for t in words) else []


def defined(head: Token) -> bool:
    """The sentence defines the term: "X is a Y", either side, "X became a Y" (the Y), "… is
    conceived of as X", or "to define X"."""
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.lower_ in FILING_VERBS or head.dep_ == "dobj" and verb.lower_ in ("define", "defines", "defined"):
        return True
    if describing_clause(head):
        return True  # "salt marshes, which store and release water"
    if head.dep_ == "attr" and verb.lower_ in ("become", "becomes", "became"):
        return any(c.dep_ == "nsubj" for c in verb.children)  # "X became a regional customs union": what it became, not what it was
    if head.dep_ in ("nsubj", "attr") and verb.lower_ in ("is", "are", "was", "were", "be"):
        return any(c.dep_ == "attr" for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children)
    return False


def describing_clause(head: Token) -> bool:
    """A relative clause right after a bare noun says what a kind of thing is or does: "salt
    marshes, which store water". With an article or owner the noun is one thing of the text ("their
    old orchards, which …"), and the clause tells more about it."""
    if any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    doc = head.doc
    after = head.i + 2 if head.i + 1 < len(doc) and doc[head.i + 1].text == "," else head.i + 1
    return after < len(doc) and doc[after].lower_ in ("which", "where") and doc[after].head.dep_ == "relcl" and doc[after].head.head.i == head.i


def classifies(tokens: list[Token]) -> bool:
    """Two words or more whose modifiers classify the head: nouns, hyphenated words, and adjectives
    of kind ("thermal", "coastal"), not of judgement ("unique", "innovative")."""
    return len(tokens) >= 2 and all(
        t.tag_.startswith("NN") or t.tag_ == "HYPH" or "-" in t.text
        or t.tag_ in ("JJ", "VBN") and CLASSIFYING.search(t.lower_) is not None and t.lower_ not in JUDGING
        for t in tokens[:-1]
    )
