"""Questions that ask who or what acts: the subject of a clause ("Which secretary of state signed
…?"), one of two joined subjects ("Which mayor, together with Governor X, opened …?"), the owner
of the subject ("Whose regime …?"), the agent of a passive ("Which president suspended …?"), the
name a definite subject is ("Who was the chair …?"), the term a clause defines ("What is the
main threat …?") and a doctrine that acts ("What shaped the court …?"). Titles written before a name ask for it ("Which president …").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from lemminflect import getLemma

from quiz.generate.answertypes import family_of, which
from quiz.generate.clauses import Clause, fronted, inflect, inverted, lemma, lower_first, render, singular_verb, trim_edges, trim_front
from quiz.generate.terms import CLASS_NOUNS, acting_term, classed
from quiz.generate.types import NAMED_TYPES, AnswerType, Mention
from quiz.generate.words import HONORIFICS, OFFICE_WORDS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLE_DEPS = ("compound", "amod", "nmod")


def subject_question(clause: Clause, mention: Mention) -> str:
    if (title := stray_title(clause, mention)) is not None:
        kept = tuple(t for t in clause.front if t.i < title.left_edge.i)
        words = (*title.subtree, *(t for t in clause.subject if t.i < mention.start))
        return with_subject(replace(clause, front=trim_front(kept)), "Which " + render(words))
    wh = role_phrase(clause.subject, mention) or apposed_role(clause, mention) or which(mention.type, render(clause.subject), family_of(mention))
    if wh == "Where":
        wh = "What place"
    elif mention.type == "organization" and _kind_given(wh, mention, clause):
        wh = "Who"  # "Which navy patrols …?" for "the Ruritanian Navy" names its answer; "Who" does not
    if (year := dated_subject(clause, mention)) is not None:
        if not wh.startswith("Which "):
            return ""  # "What of 1907 …" cannot be said, and a bare "What …" loses which one
        wh = f"{wh} of {year}"
    return with_subject(clause, wh)


def _kind_given(wh: str, mention: Mention, clause: Clause) -> bool:
    """The wh-phrase's noun is the answer's last word and the word before it only says whose it is
    (an abbreviation or a nationality): "Which senate" for "U.S. Senate"."""
    words = [w for w in mention.answer.split() if w.lower() not in ("the", "of")]
    if not wh.startswith("Which ") or len(words) != 2 or words[1].lower() != wh.split()[-1].lower():
        return False
    owner = words[0]
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}", owner)) or any(
        t.text == owner and (t.ent_type_ in ("GPE", "NORP") or t.tag_ == "JJ") for t in clause.verb.sent
    )


def dated_subject(clause: Clause, mention: Mention) -> str | None:
    """The year the subject's name carries ("The Treaty of Lisbon of 1907 replaced …"), kept
    beside the wh-phrase ("Which treaty of 1907 replaced …?") as it tells which one is meant."""
    if mention.type not in NAMED_TYPES:
        return None
    dated = [t for t in clause.subject if t.dep_ == "prep" and t.lower_ == "of" and mention.start <= t.head.i < mention.end and t.i >= mention.end]
    if len(dated) != 1 or [t.text for t in dated[0].subtree][1:] != [t.text for t in dated[0].children if t.dep_ == "pobj"]:
        return None
    year = next(dated[0].children)
    dropped = {t.i for t in dated[0].subtree}
    plain = year.tag_ == "CD" and len(year.text) == 4 and year.text.isdigit()
    return year.text if plain and mention.covers([t for t in clause.subject if t.i not in dropped]) else None


def defines(clause: Clause, mention: Mention) -> bool:
    """A term the clause defines by the one thing it is: "Soil salinity is the main threat to rice
    farming" -> "What is the main threat to rice farming?". "is one concept of …" or "is a
    source of …" leaves others as true, so only a complement with "the" is asked."""
    if mention.type != "term" or clause.antecedent or not mention.covers(clause.subject) or lemma(clause.verb) != "be":
        return False
    complements = [c for c in clause.verb.children if c.dep_ == "attr" and c in clause.rest]
    return len(complements) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in complements[0].children) and not complements[0].tag_.startswith(("JJ", "RB"))


def acting_doctrine(clause: Clause, mention: Mention) -> bool:
    """A doctrine or a disease as the whole subject of an act: "French absolutism shaped the court"
    -> "What shaped the court?" (terms.py takes such words for terms wherever they stand)."""
    return (
        mention.type == "term" and not clause.antecedent and mention.covers(clause.subject)
        and lemma(clause.verb) != "be" and acting_term(mention.text)
    )


def named_complement(clause: Clause, mention: Mention) -> str | None:
    """The name a definite subject is said to be: "The present head of the guild is Ana
    Ruiz" -> "Who is the present head of the guild?"."""
    if mention.type not in NAMED_TYPES or clause.antecedent or lemma(clause.verb) != "be" or not clause.subject:
        return None
    complements = [c for c in clause.verb.children if c.dep_ == "attr" and c in clause.rest]
    if len(complements) != 1 or not mention.covers(tuple(complements[0].subtree)):
        return None
    if clause.subject[0].lower_ != "the" or any(mention.start <= t.i < mention.end for t in clause.subject):
        return None  # "One of the wardens is X" leaves other wardens
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
        if bare_title(partner):
            continue  # "Agency employee and artist Ana Ruiz": two titles of one person, no partner
        if mention.covers(asked) or role_phrase(asked, mention) is not None:
            wh = role_phrase(asked, mention) or which(mention.type, render(asked), family_of(mention))
            if wh in ("Where", "What"):
                return None  # "What, together with the agency, launched …?" names no kind
            return with_subject(clause, f"{wh}, together with {lower_first(partner, clause.shown)},")
    return None


def bare_title(tokens: tuple[Token, ...]) -> bool:
    """A common noun with neither a determiner nor an owner ("agency employee"), not a name ("Spain")
    nor a group ("his regional peers", "the council"): the title of the name it is joined to."""
    heads = [t for t in tokens if t.head not in tokens or t.head.i == t.i]
    return len(heads) == 1 and heads[0].tag_ in ("NN", "NNS") and not any(c.dep_ in ("det", "poss") for c in heads[0].children)


def possessor_question(clause: Clause, mention: Mention) -> str | None:
    """ "The regime of Fidel Castro moved to join …" -> "Whose regime moved to join …"; an
    organisation's is asked by its kind ("Which company's survey found …?"), "whose" being for people."""
    if mention.type not in ("person", "organization") or clause.antecedent:
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
    kept = tuple(t for t in clause.subject if t.i not in owned and not (t.dep_ == "det" and t.head == noun))
    if mention.type == "person":
        if any(t.i > noun.i for t in kept) or any(t.ent_type_ for t in kept):
            return None
        return with_subject(clause, "Whose " + render(kept).lower())
    wh = which(mention.type, mention.text, family_of(mention))
    wh = "Which organization" if wh == "Who" else wh  # "Who's research" would be wrong: the kind is named
    if owners[0].dep_ != "poss" or not wh.startswith("Which ") or any(t.ent_type_ for t in kept if t.i <= noun.i):
        return None  # "Which agency's …" for "the survey of the agency" would reword the sentence
    # what follows the noun ("work for the Navy") is kept as written, names and all
    return with_subject(clause, f"{wh}'s {render(kept)[:1].lower()}{render(kept)[1:]}")


def source_question(clause: Clause, mention: Mention) -> str | None:
    """ "Letters from Governor Tom Akers reached the port" -> "Letters from which governor reached
    the port?": a titled person the subject's noun comes from, asked by the title."""
    if mention.type != "person" or clause.antecedent or clause.auxiliaries or clause.verb.tag_ != "VBD":
        return None  # a plural subject's present verb would be made singular by with_subject
    nouns = [t for t in clause.subject if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NN", "NNS") and t.head == clause.verb]
    if not nouns or clause.subject[-1].i != mention.end - 1:
        return None
    noun = nouns[0]
    sources = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
    objects = [o for c in sources for o in c.children if o.dep_ == "pobj"]
    role = role_phrase(tuple(objects[0].subtree), mention) if len(objects) == 1 else None
    if role is None:
        return None
    kept = tuple(t for t in clause.subject if t.i <= sources[0].i)
    if any(t.ent_type_ for t in kept):
        return None
    return render(fronted(clause, f"{render(kept)} {role[:1].lower()}{role[1:]}"), clause.middle, (clause.verb,), clause.rest, shown=clause.shown)


def with_subject(clause: Clause, wh: str) -> str:
    """The clause with the wh-phrase as its subject, the verb agreeing with it."""
    auxes = clause.auxiliaries
    middle = tuple(t for t in clause.middle if not auxes or t.i != auxes[0].i)
    if auxes:
        return render(fronted(clause, wh), singular_verb(auxes[0]), middle, (clause.verb,), clause.rest, shown=clause.shown)
    return render(fronted(clause, wh), middle, singular_verb(clause.verb), clause.rest, shown=clause.shown)


def class_phrase(clause: Clause, mention: Mention) -> str | None:
    """ "Which drug" for a subject "the drug warfarin": a term its class noun names is asked by
    that class, as a title asks for a person."""
    subject = [t for t in clause.subject if not t.is_punct]
    if mention.type != AnswerType.TERM or clause.antecedent or len(subject) < 3 or not mention.covers(subject[2:]):
        return None
    article, noun = subject[0], subject[1]
    if article.lower_ != "the" or noun.lower_ not in CLASS_NOUNS or not classed(subject[-1]):
        return None
    return f"Which {noun.lower_}"


def role_phrase(tokens: tuple[Token, ...], mention: Mention) -> str | None:
    """ "Which president" for "President Bush": titles written before a person's name."""
    if mention.type != "person":
        return None
    before = [t for t in tokens if t.i < mention.start and t.lower_ != "the"]
    after = [t for t in tokens if t.i >= mention.end]
    whose = _title_owner(after, mention) if before and before[-1].lower_ in OFFICE_WORDS else None
    if not before or whose is None and tokens[-1].i != mention.end - 1 or any(t.lower_.rstrip(".") in HONORIFICS for t in before):
        return None
    if not all(_title_word(t, before[0].i) for t in before):
        return None
    words = [t.text if _proper_word(t) else t.lower_ for t in before]
    if before[-1].tag_ == "NNS" and before[-1].dep_ == "compound" and (single := getLemma(before[-1].lower_, upos="NOUN")):
        words[-1] = single[0]  # "Peace advocates Ruiz and Akers": one of them is asked, "Which peace advocate"
    wh = "Which " + " ".join(words)
    return f"{wh} {whose}" if whose else wh


def _title_owner(after: list[Token], mention: Mention) -> str | None:
    """The "of" phrase naming the country of an office, written after the name ("President Ana Ruiz
    of the United Republic of Tanzania"): kept with the title, "Which president of the United
    Republic of Tanzania", as it tells which president."""
    if not after or after[0].lower_ != "of" or after[0].dep_ != "prep" or not mention.start <= after[0].head.i < mention.end:
        return None
    phrase = list(after[0].subtree)
    if [t.i for t in phrase] != [t.i for t in after] or not all(t.ent_type_ == "GPE" or t.lower_ in ("the", "of") for t in phrase[1:]):
        return None  # a country, not a workplace ("ice scientist Ana Ruiz of the Polar Institute")
    return render(phrase)


def stray_title(clause: Clause, mention: Mention) -> Token | None:
    """The subject's title, which the parser hung as an apposition on the opening phrase ("After
    talks with Lund and Berg, Danish Minister of Veterans Affairs Jens Holm founded …"): the title
    is the subject's, asked as "Which Danish Minister of Veterans Affairs founded …?"."""
    if mention.type not in ("person", "organization") or not clause.subject or not clause.front:
        return None
    # The title's last words may have been read into the subject ("… Veterans | Affairs Jens Holm").
    rest = [t for t in clause.subject if t.i < mention.start]
    if not mention.covers([t for t in clause.subject if t.i >= mention.start]) or any(t.tag_ not in ("NNP", "NNPS") or t.ent_type_ == "PERSON" for t in rest):
        return None
    before = clause.verb.doc[clause.subject[0].i - 1]
    title = before
    while title.dep_ != "appos" and title.head.i != title.i and title.head.i < clause.subject[0].i and title.head.i >= clause.front[0].i:
        title = title.head
    if title.dep_ != "appos" or title.lower_ not in OFFICE_WORDS or title.right_edge.i != before.i or title not in clause.front:
        return None
    words = list(title.subtree)
    if words[0].i == 0 or words[0].nbor(-1).text != "," or any(not (t.text[:1].isupper() or t.lower_ in ("of", "and", "for")) for t in words):
        return None
    return title


def apposed_role(clause: Clause, mention: Mention) -> str | None:
    """ "Lena Voss, Danish Minister of Culture, signed the charter" -> "Which Danish Minister of
    Culture signed the charter?": an office set off after the subject's name, written as a title
    (no article, capitalised), asks for the person better than a bare "Who"."""
    # The tagger may take a foreign name for an organisation's; an office apposed to it says it is a person's.
    if mention.type not in ("person", "organization") or not clause.subject or not mention.covers(clause.subject):
        return None
    name = clause.verb.doc[mention.end - 1]
    apposed = [c for c in name.children if c.dep_ == "appos" and c.i > name.i]
    if len(apposed) != 1 or apposed[0].lower_ not in OFFICE_WORDS:
        return None
    words = list(apposed[0].subtree)
    if len(words) > 8 or any(not (t.text[:1].isupper() or t.lower_ in ("of", "and", "for", "the") and t.i > words[0].i) or t.ent_type_ == "PERSON" for t in words):
        return None  # "the chief editor of the atlas", or a name inside the title
    return "Which " + " ".join(t.text for t in words)


def _title_word(token: Token, start: int) -> bool:
    """A word of a title before a name: a modifier ("Foreign Minister", "Danish Premier",
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
        return True  # "Danish", "U.S.": a nationality or a country keeps its capital anywhere
    return token.text.isupper() and len(token.text) > 1 or bool(token.ent_type_) and not token.is_sent_start and token.lower_ not in TITLE_WORDS


def passive_agent(clause: Clause, mention: Mention) -> Token | None:
    if not clause.passive or not (mention.type in NAMED_TYPES or mention.type == "term" and acting_term(mention.text)):
        return None
    for child in (*(c for c in clause.verb.children if c.dep_ == "agent"), *_misplaced_agents(clause.verb)):
        if child in clause.rest:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (mention.covers(tuple(objects[0].subtree)) or role_phrase(tuple(objects[0].subtree), mention)):
                return child
    return None


def _misplaced_agents(verb: Token) -> list[Token]:
    """ "was proposed for a seat on the bench by Governor X": the parser hangs the "by" phrase on the noun
    of the verb's own phrase; with no agent of its own, the passive verb's agent is that phrase."""
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    return [
        by for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
        for noun in prep.children if noun.dep_ == "pobj" and not noun.ent_type_  # "at 8:30 a.m. by X": a time is no act's noun
        for by in noun.children if by.dep_ == "prep" and by.lower_ == "by"
    ]


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
