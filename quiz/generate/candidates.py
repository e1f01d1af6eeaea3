"""Question candidates: every question, cloze and true/false statement a sentence can give.

Over-generates on purpose; `filters` and `rank` decide what survives. Wh-questions come from the
clauses of a sentence (subject, passive agent, object, date, place and number positions); every
answerable mention also gets a cloze gap and a true/false template. `candidates()` is the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from quiz.generate.amounts import amount_questions
from quiz.generate.answertypes import family_of, one_day, which
from quiz.generate.apposed import typed_object_question
from quiz.generate.attached import event_phrases, object_parties, own_subtree, without_region
from quiz.generate.clauses import (
    DEMONSTRATIVES,
    Clause,
    clauses,
    fronted,
    inverted,
    lemma,
    trim_front,
)
from quiz.generate.clozecut import shortened
from quiz.generate.clozetext import cloze_tokens, gapped
from quiz.generate.counts import how_many_questions
from quiz.generate.dated import dated_questions
from quiz.generate.dategaps import modifier_question
from quiz.generate.extract import mentions
from quiz.generate.framed import framed_questions
from quiz.generate.gerunds import gerund_subject_clauses
from quiz.generate.intentions import intention_questions
from quiz.generate.nlp import Entities
from quiz.generate.participles import participle_questions
from quiz.generate.pointers import has_bad_reference
from quiz.generate.sanity import cut_badly
from quiz.generate.shorten import MAX_QUESTION_WORDS, essential, leans_back, optional_words, partner, subtree_ids, trimmed, unfronted
from quiz.generate.spans import span_end, span_end_question
from quiz.generate.speakers import counts_speakers, speaker_candidates
from quiz.generate.subjects import (
    acting_doctrine,
    class_phrase,
    dated_subject,
    defines,
    named_complement,
    partnered_question,
    passive_agent,
    passive_question,
    possessor_question,
    role_phrase,
    source_question,
    subject_question,
    with_subject,
)
from quiz.generate.trivial import unbracketed
from quiz.generate.types import DATE_TYPES, NAMED_TYPES, PLACE_TYPES, Candidate, Mention, QuestionKind, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# A question ending on an abbreviation keeps its period before the "?": "… the case of the U.S.?"
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:Inc|Jr|Sr|Co|Corp|Ltd)\.)$")
DATE_OR_PLACE_TYPES = DATE_TYPES | PLACE_TYPES


def candidates(sentence: Sentence, entities: Entities, found: list[Mention] | None = None) -> list[Candidate]:
    """Every question the sentence gives; `found` is its mentions when already computed."""
    found = mentions(sentence, entities) if found is None else found
    found = [m for m in found if family_of(m) != "outlet" and m.role != "outlet"]  # "… told {{Reuters}}": attribution
    if not found:
        return []
    resolved = sentence.resolutions
    if sentence.speaker is not None:
        return list(speaker_candidates(sentence, found))
    result: list[Candidate] = []
    asked = definite(sentence.span, resolved)
    for clause in (*clauses(sentence.span, asked), *gerund_subject_clauses(sentence.span)):
        used = clause.front + clause.subject + clause.middle + clause.rest
        pointing = any(t.lower_ in DEMONSTRATIVES and t.dep_ == "det" for t in clause.front)
        if clause.front and (pointing or has_bad_reference(used, asked) and has_bad_reference(clause.front, asked)):
            # "Under these orders, the rebels crossed …": the rest may stand alone, and a
            # question is shorter without the plans spelt out (demonstratives.py)
            clause = replace(clause, front=())
            used = clause.subject + clause.middle + clause.rest
        if not has_bad_reference(used, asked) and not leans_back(used, sentence.span):
            result.extend(c for c in clause_questions(clause, found, sentence) if not governs(sentence.span, c.mention))
    for mention in found:
        result.extend(
            Candidate(kind, question, mention, sentence)
            for kind, question in (*participle_questions(sentence.span, mention, family_of(mention), resolved), *dated_questions(sentence.span, mention, found, resolved), *intention_questions(sentence.span, mention, resolved))
            if not governs(sentence.span, mention)
        )
    readable: dict[tuple[int, ...], bool] = {}  # most mentions of a sentence get the same cut: judged once
    for mention in found:
        if counts_speakers(sentence.span, mention) or governs(sentence.span, mention):
            continue  # "{{two}} sources said"; "officials claimed {{Washington}} has not …"
        tokens = cloze_tokens(sentence.span, mention)
        tokens = unmarked(shortened(tokens, mention))
        cut = tuple(t.i for t in tokens)
        if cut not in readable:
            readable[cut] = bool(tokens) and whole(tokens) and not cut_badly(sentence.span, tokens) and not has_bad_reference(tokens, resolved, strict=False) and not leans_back(tokens, sentence.span)
        if readable[cut]:
            result.extend(cloze_candidates(sentence, tokens, [mention], resolved))
    return result


def definite(span: Span, resolved: dict[int, str]) -> dict[int, str]:
    """The resolutions with a demonstrative determiner after the main verb read as "the", as a cloze
    reads it: "Which president will join this ceremony?" asks "… join the ceremony?". One in the
    subject or before it ("This contract is valued …", "Under these orders, …") is left to the rules
    for the subject and the opening phrase."""
    pointing = {
        t.i: "the" for t in span
        if t.lower_ in DEMONSTRATIVES and t.dep_ == "det" and t.tag_ == "DT" and t.i > span.root.i and t.i not in resolved
    }
    return {**resolved, **pointing} if pointing else resolved


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
NOUN_ROLES = frozenset(("nsubj", "nsubjpass", "dobj", "pobj"))
# Subordinators whose clause the sentence takes as true: cut loose, the clause states a fact.
FACTIVE_MARKS = frozenset("when after before as because although though since while once".split())


def unmarked(tokens: list[Token]) -> list[Token]:
    """A subordinate clause cut from its sentence without its conjunction: "When the mayor met
    the bishop in {{York}}" states that the mayor met the bishop in York. "If" and "unless" clauses
    state nothing and keep theirs (whole() then drops them)."""
    first = tokens[0] if tokens else None
    if len(tokens) > 1 and first is not None and (first.dep_ == "mark" or first.lower_ == "when" and first.dep_ == "advmod") and first.lower_ in FACTIVE_MARKS and first.head.dep_ == "advcl":
        clause = {t.i for t in first.head.subtree}
        return tokens[1:] if all(t.i in clause for t in tokens) else tokens  # the clause alone, not "When …, the two men agreed …"
    return tokens


def whole(tokens: list[Token]) -> bool:
    """The cut keeps a clause that stands alone: a subject and a tensed verb (or the sentence's main
    verb, which the tagger may take for a participle), and no relative or infinitive opening left
    from a larger sentence ("Where the {{Harbor Trust}} is focusing …", "{{Ines Moreau}}, Otto Berg, …
    and Ruth Keane.")."""
    if tokens[0].tag_ in ("WRB", "WDT", "WP", "TO") and all(t in tokens[0].head.subtree for t in tokens):
        return False  # nothing but the clause the word opens
    # A "verb" the parser hangs on another verb as its subject or object is a noun mistagged ("U.S.
    # worries about … prompted the creation"): cut from that verb, the text has none.
    verbs = [
        n for n, t in enumerate(tokens)
        if (t.tag_ in FINITE_TAGS or t.dep_ == "ROOT" and t.tag_.startswith("VB")) and t.dep_ not in NOUN_ROLES
    ]
    if not verbs:
        return False
    # A subject, or a name or noun before the verb where the parser found none ("USAID" read as an adjective).
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in tokens) or any(
        t.tag_.startswith(("NN", "PRP")) or t.ent_type_ for t in tokens[: verbs[0]]
    )


def governs(sent: Span, mention: Mention) -> bool:
    """A city as the subject of a clause stands for its government ("Managua eliminated the visa
    requirement", "officials claimed Washington has not gone far enough"): a question or a gap on
    it asks for a place where the fact is about a government."""
    return mention.type == "city" and sent.doc[mention.end - 1].dep_ in ("nsubj", "nsubjpass")


def clause_questions(clause: Clause, mentions: list[Mention], sentence: Sentence) -> Iterator[Candidate]:
    """Each mention's questions from the clause's essential parts; one that is too long is asked
    again with trailing adjuncts dropped until it fits."""
    optionals = optional_words(clause)  # the same for every mention
    for mention in mentions:
        if mention.pair:
            continue  # "Which organization joined …?" for two of them: a pair is asked by its gap alone
        current: Clause | None = essential(clause, mention, optionals)
        pending: set[str] | None = None
        while current is not None and pending != set():
            found = [(kind, _finish(q)) for kind, q in _questions_for(current, mention) if q]
            pending = {kind for kind, _ in found} if pending is None else pending
            torn: bool | None = None  # the same for every question of this clause: asked once, when needed
            for kind, question in found:
                if kind not in pending or len(question.split()) > MAX_QUESTION_WORDS or _orphaned_list(question, current.verb):
                    continue
                if torn is None:
                    torn = _torn(current, mention, sentence)
                if not torn:
                    pending.discard(kind)
                    question = unbracketed(question, mention.text)
                    yield Candidate(QuestionKind(kind), question, mention, sentence, subject=mention.covers(clause.subject))
            current = trimmed(current, mention) or unfronted(current, mention)


def _orphaned_list(question: str, verb: Token) -> bool:
    """The verb followed at once by ", and …": a cut took a list's first items with the phrase that
    held them and left its last ("What provided, and a Registry under a Chief Registrar?")."""
    return re.search(rf"\b{re.escape(verb.text)}, (?:and|or)\b", question) is not None


def _torn(clause: Clause, mention: Mention, sentence: Sentence) -> bool:
    """The clause's kept words hold part of a name but not all of it (the answer itself aside)."""
    kept = (*clause.front, *clause.subject, *clause.middle, clause.verb, *clause.rest)
    return cut_badly(sentence.span, kept, range(mention.start, mention.end))


def _questions_for(clause: Clause, mention: Mention) -> Iterator[tuple[str, str | None]]:
    if clause.negated:
        return  # "Which city has not gone far enough?" asks for an absence
    if mention.type in NAMED_TYPES and (not clause.antecedent or set_off(clause)) and (
        mention.covers(clause.subject) or role_phrase(clause.subject, mention) is not None or dated_subject(clause, mention) is not None
    ):
        yield _named_kind(mention), subject_question(clause, mention)
    if defines(clause, mention) or acting_doctrine(clause, mention):
        yield "what", with_subject(clause, "What")
    elif (classed_wh := class_phrase(clause, mention)) is not None:
        yield "what", with_subject(clause, classed_wh)  # "Which drug is derived from …?"
    if (named := named_complement(clause, mention)) is not None:
        yield _named_kind(mention), named
    if mention.type in NAMED_TYPES and not clause.antecedent and (paired := partnered_question(clause, mention)) is not None:
        yield _named_kind(mention), paired
    if (whose := possessor_question(clause, mention)) is not None:
        yield ("who" if mention.type == "person" else "what"), whose
    if (source := source_question(clause, mention)) is not None:
        yield "who", source
    agent = passive_agent(clause, mention)
    if agent is not None:
        yield _named_kind(mention), passive_question(clause, mention, agent)
    rest_ids = {t.i for t in clause.rest}  # by index: comparing spaCy tokens one by one is slow
    timed_or_placed = mention.type in DATE_OR_PLACE_TYPES
    for child in _complements(clause.verb):
        before = child.i < clause.verb.i
        if before and not (timed_or_placed and child.dep_ in ("prep", "npadvmod")):
            continue  # the subject and the like: their subtrees are not walked
        if before:
            tokens = tuple(child.subtree)
            if set(tokens) <= set(clause.front):
                # "On May 3, 1921, Byrne announced …" -> "When did Byrne announce …?"
                unfronted = replace(clause, front=trim_front(tuple(t for t in clause.front if t not in tokens)))
                yield from _adverbial_question(unfronted, mention, child, tokens)
                yield from modifier_question(unfronted, mention, tokens)  # "In his May 3, 1910, speech …"
            continue
        if child.dep_ not in ("dobj", "prep", "npadvmod") or rest_ids.isdisjoint(subtree_ids(child)):
            continue  # only an object or an adverbial phrase of the clause is asked below
        tokens = own_subtree(child) if child.head == clause.verb else tuple(child.subtree)
        if child.dep_ == "dobj" and child.head == clause.verb and mention.type in NAMED_TYPES and mention.covers(tokens):
            body = inverted(clause, {t.i for t in tokens})
            yield _named_kind(mention), body and f"{fronted(clause, which(mention.type, mention.text, family_of(mention)))} {body}"
        elif (typed := typed_object_question(clause, mention, child)) is not None:
            yield _named_kind(mention), typed
        elif (asked := _prepositional_question(clause, mention, child, tokens)) is not None:
            yield asked
        elif child.dep_ in ("prep", "npadvmod") and timed_or_placed:
            yield from _adverbial_question(clause, mention, child, tokens)
    yield from how_many_questions(clause, mention)
    yield from framed_questions(clause, mention)
    for kind, wh, body in amount_questions(clause, mention):
        yield kind, body and f"{fronted(clause, wh)} {body}"


def set_off(clause: Clause) -> bool:
    """A relative clause set off by a comma after the name it tells of ("Vice President Ana Ruiz,
    who chairs the Space Council, …"): what it says is a fact of that name, asked "Who chairs the
    Space Council?", when it names something itself (a clause saying "who will stay on board" may
    be as true of others) and the name is no one's thing ("Ruiz's Plan", tagged as a person)."""
    pronoun = next((c for c in clause.verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which")), None)
    return (
        clause.antecedent and pronoun is not None and pronoun.i > 0 and pronoun.nbor(-1).text == ","
        and any(t.tag_ in ("NNP", "NNPS") or t.like_num for t in clause.rest)
        and not any(t.tag_ == "POS" for t in clause.subject)
    )


def _complements(verb: Token) -> Iterator[Token]:
    """The verb's dependents, the place or date phrases the parser hung on a person it acts on
    (attached.py), and the dependents of its subjectless infinitives ("set to sit down in X")."""
    yield from event_phrases(verb)
    yield from object_parties(verb)
    for child in verb.children:
        yield child
        if child.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            yield from _complements(child)


def _named_kind(mention: Mention) -> str:
    return "who" if mention.type == "person" else "what"


# Prepositions whose object is a party to the act, asked for with the preposition in front:
# "With whom did Ada Byrne meet …?", "From which country did Norway buy …?".
PARTY_PREPOSITIONS = frozenset("with to from against for alongside".split())


def _prepositional_question(clause: Clause, mention: Mention, child: Token, tokens: tuple[Token, ...]) -> tuple[str, str | None] | None:
    """A person, organisation or country that is the object of a preposition of the verb."""
    noun = child.head  # attached.object_parties: the verb's object, or what it enters into
    on_object = noun.head == clause.verb and noun.dep_ == "dobj" or noun.dep_ == "pobj" and noun.head.lower_ == "into" and noun.head.head == clause.verb
    if child.dep_ != "prep" or not (child.head == clause.verb or on_object) or child.lower_ not in PARTY_PREPOSITIONS or lemma(clause.verb) == "be":
        return None
    if mention.type not in ("person", "organization", "country"):
        return None
    objects = [c for c in child.children if c.dep_ == "pobj"]
    role = role_phrase(own_subtree(objects[0]), mention) if objects else None
    if not objects or not (mention.covers(own_subtree(objects[0])) or role):
        return None
    body = inverted(clause, {t.i for t in tokens})
    wh = role[:1].lower() + role[1:] if role else "whom" if mention.type == "person" else which(mention.type, mention.text, family_of(mention)).lower()
    wh = "whom" if wh == "who" else wh  # "with whom", for a body of people as for a person
    return _named_kind(mention), body and f"{fronted(clause, f'{child.lower_.capitalize()} {wh}')} {body}"


def _adverbial_question(clause: Clause, mention: Mention, child: Token, tokens: tuple[Token, ...]) -> Iterator[tuple[str, str | None]]:
    if child.dep_ == "prep" and child.lower_ == "from" and mention.type in DATE_TYPES and mention.covers(tuple(child.subtree)[1:]):
        if _other_span(clause.verb, child) or partner(child) is not None:  # or "from 1966 until her retirement": its end apart
            return  # "sat from 1901 to 1909 … and from 1915 to 1920": "When did the judge sit?" has two answers
        prep = "span"  # "from 1851 to 1856", "from 1911-1947": the whole span is the answer
    elif (wh := span_end(child, mention)) is not None:
        if not _other_span(clause.verb, child):
            yield from span_end_question(clause, mention, child, wh)
        return
    elif child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        # ", in Salem, Ore." set off by a comma may place the noun before it, not the act: kept whole
        regional = mention.type == "city" and child.i > 0 and child.nbor(-1).text != ","
        if not objects or not mention.covers(without_region(objects[0]) if regional else tuple(objects[0].subtree)):
            return
        prep = child.lower_
    elif mention.covers(tokens):
        prep = ""
    else:
        return
    body = inverted(clause, {t.i for t in tokens})
    if not body:
        return
    if mention.type in DATE_TYPES and clause.verb.tag_ in ("VBZ", "VBP") and not clause.auxiliaries:
        return  # "When does the opening follow…" asks about a habit, not the dated event
    if mention.type == "month" and not re.search(r"\d{4}", mention.answer) and prep in ("in", ""):
        return  # "When did X happen? → February": which February only the article's date tells
    wh = None
    if mention.type in PLACE_TYPES and prep in ("in", "at"):
        kind, wh = "where", "Where"
    elif mention.type in PLACE_TYPES and prep == "from":
        kind, wh = "where", "From where"  # "sailed from Hamburg": "From where", not "from which city", as the tagger's type may be wrong
    elif mention.type == "year" and prep in ("in", ""):
        kind, wh = "when", "In what year"
    elif mention.type in DATE_TYPES and prep in ("on", "") and one_day(mention.answer) and len(body.split()) < 5:
        kind, wh = "when", "On what date"  # "When was X launched?" is too short to pin its answer; the day is asked exactly
    elif mention.type in DATE_TYPES and prep in ("in", "on", "", "span"):
        kind, wh = "when", "When"
    elif mention.type in DATE_TYPES and prep in ("since", "until", "by"):
        kind, wh = "when", f"{prep.capitalize()} when"
    if wh:
        yield kind, f"{fronted(clause, wh)} {body}"


def _other_span(verb: Token, span: Token) -> bool:
    """Another "from" phrase with a number of the same verb (not of a verb below it)."""
    for token in verb.subtree:
        if token.lower_ != "from" or token.i == span.i or not any(t.like_num for t in token.subtree):
            continue
        head = token.head
        while head.i != verb.i and not head.tag_.startswith("VB") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            return True
    return False


def _finish(question: str) -> str:
    question = question.rstrip(" ,;:")
    if not ABBREVIATION_END.search(question):
        question = question.rstrip(" .,;:")  # a sentence's period, not "the U.S." or "Inc."
    return question[:1].upper() + question[1:] + "?"


def cloze_candidates(sentence: Sentence, tokens: list[Token], mentions: list[Mention], resolved: dict[int, str]) -> Iterator[Candidate]:
    for mention in mentions:
        if tokens and tokens[0].i <= mention.start and mention.end - 1 <= tokens[-1].i:
            text = gapped(tokens, mention, resolved)
            yield Candidate(QuestionKind.CLOZE, text, mention, sentence)
            yield Candidate(QuestionKind.TRUEFALSE, text, mention, sentence)
