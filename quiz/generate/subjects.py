"""Questions that ask who or what acts: the subject of a clause ("Which secretary of state signed
…?"), one of two joined subjects ("Which mayor, together with Governor X, opened …?"), the owner
of the subject ("Whose regime …?"), the agent of a passive ("Which president suspended …?"), the
name a definite subject is ("Who was the chair …?") and the term a clause defines ("What is the
main threat …?"). Titles written before a name ask for it ("Which president …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.answertypes import family_of, which
from quiz.generate.clauses import Clause, fronted, inflect, inverted, lemma, lower_first, render, singular_verb, trim_edges
from quiz.generate.types import NAMED_TYPES, Mention
from quiz.generate.words import HONORIFICS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLE_DEPS = ("compound", "amod", "nmod")


def subject_question(clause: Clause, mention: Mention) -> str:
    wh = role_phrase(clause.subject, mention) or which(mention.type, render(clause.subject), family_of(mention))
    if wh == "Where":
        wh = "What place"
    return with_subject(clause, wh)


def defines(clause: Clause, mention: Mention) -> bool:
    """A term the clause defines by the one thing it is: "Soil salinity is the main threat to rice
    farming" -> "What is the main threat to rice farming?". "is one concept of …" or "is a
    source of …" leaves others as true, so only a complement with "the" is asked."""
    if mention.type != "term" or clause.antecedent or not mention.covers(clause.subject) or lemma(clause.verb) != "be":
        return False
    complements = [c for c in clause.verb.children if c.dep_ == "attr" and c in clause.rest]
    return len(complements) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in complements[0].children) and not complements[0].tag_.startswith(("JJ", "RB"))


def named_complement(clause: Clause, mention: Mention) -> str | None:
    """The name a definite subject is said to be: "The present head of the guild is Ana
    Ruiz" -> "Who is the present head of the guild?"."""
    if mention.type not in NAMED_TYPES or clause.antecedent or lemma(clause.verb) != "be" or not clause.subject:
        return None
    complements = [c for c in clause.verb.children if c.dep_ == "attr" and c in clause.rest]
    if len(complements) != 1 or not mention.covers(tuple(complements[0].subtree)):
        return None
    if clause.subject[0].lower_ != "the" or any(mention.start <= t.i < mention.end for t in clause.subject):
        return None  # "A member of the board is X" leaves other members
    body = inverted(clause, {t.i for t in complements[0].subtree})
    wh = which(mention.type, mention.text, family_of(mention))
    return None if body is None or wh in ("Where", "What") else f"{fronted(clause, wh)} {body}"


def partnered_question(clause: Clause, mention: Mention) -> str | None:
    """One of two subjects joined by "and", asked with the other beside it: "Portugal and Spain
    signed the treaty" -> "Which country, together with Spain, signed the treaty?"."""
    heads = [t for t in clause.subject if t.head == clause.verb and t.dep_ in ("nsubj", "nsubjpass")]
    if len(heads) != 1:
        return None
    head = heads[0]
    joined = [c for c in head.children if c.dep_ == "conj"]
    joiners = [c for c in head.children if c.dep_ in ("cc", "preconj")]
    if len(joined) != 1 or [c.lower_ for c in joiners] != ["and"] or any(c.dep_ == "conj" for c in joined[0].children):
        return None
    second = tuple(joined[0].subtree)
    dropped = {t.i for t in second} | {joiners[0].i}
    first = trim_edges(tuple(t for t in clause.subject if t.i not in dropped))
    if not first or not set(first) | set(second) | {joiners[0]} >= {t for t in clause.subject if not t.is_punct}:
        return None
    for asked, partner in ((first, second), (second, first)):
        if mention.covers(asked) or role_phrase(asked, mention) is not None:
            wh = role_phrase(asked, mention) or which(mention.type, render(asked), family_of(mention))
            if wh in ("Where", "What"):
                return None  # "What, together with the agency, launched …?" names no kind
            return with_subject(clause, f"{wh}, together with {lower_first(partner, clause.shown)},")
    return None


def possessor_question(clause: Clause, mention: Mention) -> str | None:
    """ "The regime of Fidel Castro moved to join …" -> "Whose regime moved to join …"."""
    if mention.type != "person" or clause.antecedent:
        return None
    nouns = [t for t in clause.subject if t.dep_ in ("nsubj", "nsubjpass") and t.tag_.startswith("NN") and t.head == clause.verb]
    if not nouns:
        return None
    noun = nouns[0]
    owners = [
        c for c in noun.children
        if c.dep_ == "poss" and mention.covers(tuple(c.subtree))
        or c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and mention.covers(tuple(o.subtree)) for o in c.children)
    ]
    if not owners:
        return None
    owned = {t.i for t in owners[0].subtree}
    kept = tuple(t for t in clause.subject if t.i not in owned and t.dep_ != "det")
    if any(t.i > noun.i for t in kept) or any(t.ent_type_ for t in kept):
        return None
    return with_subject(clause, "Whose " + render(kept).lower())


def with_subject(clause: Clause, wh: str) -> str:
    """The clause with the wh-phrase as its subject, the verb agreeing with it."""
    auxes = clause.auxiliaries
    middle = tuple(t for t in clause.middle if not auxes or t.i != auxes[0].i)
    if auxes:
        return render(fronted(clause, wh), singular_verb(auxes[0]), middle, (clause.verb,), clause.rest, shown=clause.shown)
    return render(fronted(clause, wh), middle, singular_verb(clause.verb), clause.rest, shown=clause.shown)


def role_phrase(tokens: tuple[Token, ...], mention: Mention) -> str | None:
    """ "Which president" for "President Bush": titles written before a person's name."""
    if mention.type != "person":
        return None
    before = [t for t in tokens if t.i < mention.start and t.lower_ != "the"]
    after = [t for t in tokens if t.i >= mention.end]
    if not before or after or tokens[-1].i != mention.end - 1 or any(t.lower_.rstrip(".") in HONORIFICS for t in before):
        return None
    if not all(_title_word(t, before[0].i) for t in before):
        return None
    return "Which " + " ".join(t.text if _proper_word(t) else t.lower_ for t in before)


def _title_word(token: Token, start: int) -> bool:
    """A word of a title before a name: a modifier ("Foreign Minister", "Egyptian President",
    "U.S. Ambassador") or an "of" phrase of the title ("Secretary of State"), within the title."""
    if token.head.i < start or token.ent_type_ == "PERSON":
        return False
    if token.dep_ in TITLE_DEPS:
        return True
    return token.dep_ == "prep" and token.lower_ == "of" or token.dep_ == "pobj" and token.head.lower_ == "of" and token.tag_ in ("NNP", "NNPS")


def _proper_word(token: Token) -> bool:
    """A title word that keeps its capital in "Which … ?": an acronym ("NASA") or part of a name
    written mid-sentence ("Apple"), never a capital that only starts the sentence ("Trade minister")."""
    if token.ent_type_ in ("NORP", "GPE"):
        return True  # "Egyptian", "U.S.": a nationality or a country keeps its capital anywhere
    return token.text.isupper() and len(token.text) > 1 or bool(token.ent_type_) and not token.is_sent_start and token.lower_ not in TITLE_WORDS


def passive_agent(clause: Clause, mention: Mention) -> Token | None:
    if not clause.passive or mention.type not in NAMED_TYPES:
        return None
    for child in clause.verb.children:
        if child.dep_ == "agent" and child in clause.rest:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (mention.covers(tuple(objects[0].subtree)) or role_phrase(tuple(objects[0].subtree), mention)):
                return child
    return None


def passive_question(clause: Clause, mention: Mention, agent: Token) -> str | None:
    """ "The talks were suspended by President Bush" -> "Which president suspended the talks"."""
    pobj = next(c for c in agent.children if c.dep_ == "pobj")
    wh = role_phrase(tuple(pobj.subtree), mention) or which(mention.type, mention.text, family_of(mention))
    if wh == "Where" or clause.negated:
        return None
    auxes = [t for t in clause.auxiliaries if t.dep_ == "aux"]
    passive = [t for t in clause.auxiliaries if t.dep_ == "auxpass"]
    if auxes:
        last = auxes[-1].lower_
        tag = "VB" if auxes[-1].tag_ == "MD" or last in ("do", "does", "did") else "VBG" if last in ("is", "are", "was", "were", "be") else "VBN"
        verbs = [singular_verb(auxes[0]), *[t.text for t in auxes[1:]], inflect(clause.verb, tag)]
    elif passive:
        verbs = [inflect(clause.verb, "VBD" if passive[0].tag_ == "VBD" else "VBZ")]
    else:
        return None
    agent_ids = {a.i for a in agent.subtree}
    rest = tuple(t for t in clause.rest if t.i not in agent_ids)
    others = tuple(t for t in clause.middle if t.dep_ not in ("aux", "auxpass"))
    if any(t.lower_ in ("little", "hardly", "scarcely") for t in others):
        return None  # "was hardly discussed by X" -> "Who hardly discussed …?" does not read as English
    return render(fronted(clause, wh), others, " ".join(verbs), clause.subject_words, rest, shown=clause.shown)
