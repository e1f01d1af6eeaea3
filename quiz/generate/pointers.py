"""Words that point outside the text a card shows: pronouns and demonstratives with no antecedent
in it ("he" with no person named, "those talks", "our"). A resolved reference, a pronoun bound by
the subject of the clause it hangs off, and one whose antecedent the text itself holds are fine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.clauses import DEMONSTRATIVES, PERSONAL_PRONOUNS, SUBJECT_DEPS, lemma
from quiz.generate.shells import leans_on_shell, owned_act
from quiz.generate.words import OFFICE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token


def has_bad_reference(tokens: list[Token] | tuple[Token, ...], resolved: dict[int, str], strict: bool = True) -> bool:
    """Pronouns and demonstratives that point outside the text ("he" with no person in it, "those
    talks"). Resolved pronouns, pronouns bound by the subject of the same sentence ("X said it
    would"), and pronouns whose antecedent the text itself holds ("Lind said her orchids …", "In
    her first term, Haller-Ostrow …") are fine; `strict=False` (a cloze, where "this situation"
    reads "the situation") lets demonstrative determiners through."""
    for position, token in enumerate(tokens):
        word = token.lower_
        if word not in REFERENCE_WORDS or token.i in resolved or bound(token):
            continue  # most words refer to nothing: tested first, as bound() walks the parse
        if word in PERSON_WORDS and any(resolved.get(t.i) and t.lower_ in PERSON_WORDS for t in tokens[:position]):
            continue  # "… as he plans to" after "He leaves …" read "Akers leaves …"
        if strict and word in WRITERS:
            return True
        if token.tag_ in ("PRP", "PRP$") and word in PERSONAL_PRONOUNS | POSSESSIVES and not has_antecedent(token, tokens, position):
            return True
        if word in DEMONSTRATIVES and token.tag_ == "DT" and (strict or token.dep_ != "det"):
            return True  # "those talks" in a question; "This is …" anywhere
    return strict and (leans_on_shell(tokens, resolved) or owned_act(tokens))  # "Who threatened the situation?"


PERSON_WORDS = frozenset("he him his she her hers".split())
PLURAL_WORDS = frozenset("they them their theirs".split())
POSSESSIVES = frozenset("his her its their".split())
WRITERS = frozenset("our my your".split())  # "our national wealth": a question cannot speak as the writer
REFERENCE_WORDS = PERSON_WORDS | WRITERS | PERSONAL_PRONOUNS | POSSESSIVES | DEMONSTRATIVES


def has_antecedent(pronoun: Token, tokens: list[Token] | tuple[Token, ...], position: int) -> bool:
    """The text names what the pronoun stands for: a person for "he" or "his" (a possessive may come
    first: "In her first term, Haller-Ostrow …"), a plural or a pair for "they", a noun for "it"."""
    word = pronoun.lower_
    before = tokens[:position]
    if word in PERSON_WORDS:
        around = tokens if pronoun.tag_ == "PRP$" else before
        # A proper-noun subject counts whatever the tagger took it for ("Haller-Ostrow" as an
        # organisation), unless it takes "the": no person does ("with his support the Council …").
        return any(
            t.ent_type_ == "PERSON" or t.tag_ == "NNP" and (t.ent_type_ in ("", "PERSON") or t.dep_ in SUBJECT_DEPS) and not _determined(t)
            for t in around
        )
    if word in PLURAL_WORDS:
        # A plural noun or a pair ("Molina and Rowland"), not the plural word of a name ("Academy of Sciences").
        return any(t.tag_ in ("NNS", "NNPS") and not t.ent_type_ or t.dep_ == "conj" and t.tag_.startswith("NN") for t in before)
    if word in ("it", "its"):
        if word == "it" and pronoun.dep_ in SUBJECT_DEPS and pronoun.head.dep_ == "ROOT":
            return expletive(pronoun)  # "In winter, it is managed by …": what is, another sentence says
        around = tokens if word == "its" else before  # "In its first year the railway carried …"
        return any(t.tag_ in ("NN", "NNP") and t.i != pronoun.i for t in around)
    return False  # "we", "you", "I": the writer or the reader, never a name in the text


def _determined(noun: Token) -> bool:
    """A name written with "the" that is no office ("the Council", not "the Secretary of Labor")."""
    office = noun.lower_ in OFFICE_WORDS or any(t.lower_ in OFFICE_WORDS for t in noun.lefts)
    return not office and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def expletive(pronoun: Token) -> bool:
    """ "it" standing for a clause that follows: "it became clear that …", "it is hard to say" (the
    parser may hang the clause on the adjective: "it is useful | to define …")."""
    verb = pronoun.head
    if lemma(verb) not in ("be", "become", "seem", "appear", "remain"):
        return False
    complements = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > pronoun.i)]
    return any(c.dep_ in ("ccomp", "xcomp") for word in complements for c in word.children)


def bound(pronoun: Token) -> bool:
    """A reported or subordinate clause's subject pronoun whose antecedent is the subject of the
    clause it hangs off: "X said it would …", "The river runs … before it reaches the sea"."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ not in ("ccomp", "advcl"):
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.tag_ != "PRP" and c.i < pronoun.i for c in verb.head.children)
