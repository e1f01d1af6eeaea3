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
from quiz.generate.answertypes import category, name_family, which
from quiz.generate.clauses import (
    DEMONSTRATIVES,
    SPEECH_VERBS,
    Clause,
    clauses,
    has_bad_reference,
    inflect,
    inverted,
    lemma,
    lower_first,
    render,
    singular_verb,
    trim_front,
)
from quiz.generate.clozetext import cloze_tokens, shortened
from quiz.generate.extract import mentions
from quiz.generate.nlp import Entities
from quiz.generate.sanity import cut_badly
from quiz.generate.shorten import MAX_QUESTION_WORDS, essential, leans_back, optional_words, subtree_ids, trimmed
from quiz.generate.trivial import unbracketed
from quiz.generate.types import DATE_TYPES, NAMED_TYPES, PLACE_TYPES, Candidate, Mention, QuestionKind, Sentence
from quiz.generate.words import APPROXIMATORS, HONORIFICS, NUMBER_MODIFIERS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

TITLE_DEPS = ("compound", "amod", "nmod")
# A question ending on an abbreviation keeps its period before the "?": "… on behalf of the U.S.?"
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:Inc|Jr|Sr|Co|Corp|Ltd)\.)$")
DATE_OR_PLACE_TYPES = DATE_TYPES | PLACE_TYPES
# What gapped() tidies in every cloze text, compiled once.
SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:?!])")
COMMA_BEFORE_MARK = re.compile(r",(?=[,.;:])")
OPENING_JOINER = re.compile(r"^(?:and|but|or|so|yet),\s*", re.IGNORECASE)
JOINER_COMMA = re.compile(r"\b(and|but|or|yet), (?=[a-z])")
FIRST_WORD = re.compile(r"^(\W*)(\w)")
ABBREVIATION_PERIOD = re.compile(r"(?<=[A-Za-z]\.)(\}\})?\.$")
ABBREVIATION_GAP_END = re.compile(r"[A-Za-z]\.\}\}$")


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
    for clause in clauses(sentence.span, resolved):
        used = clause.front + clause.subject + clause.middle + clause.rest
        if not has_bad_reference(used, resolved) and not leans_back(used, sentence.span):
            result.extend(c for c in clause_questions(clause, found, sentence) if not governs(sentence.span, c.mention))
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


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
NOUN_ROLES = frozenset(("nsubj", "nsubjpass", "dobj", "pobj"))
# Subordinators whose clause the sentence takes as true: cut loose, the clause states a fact.
FACTIVE_MARKS = frozenset("when after before as because although though since while once".split())


def unmarked(tokens: list[Token]) -> list[Token]:
    """A subordinate clause cut from its sentence without its conjunction: "When Roosevelt met
    Stalin in {{Tehran}}" states that Roosevelt met Stalin in Tehran. "If" and "unless" clauses
    state nothing and keep theirs (whole() then drops them)."""
    first = tokens[0] if tokens else None
    if len(tokens) > 1 and first is not None and (first.dep_ == "mark" or first.lower_ == "when" and first.dep_ == "advmod") and first.lower_ in FACTIVE_MARKS and first.head.dep_ == "advcl":
        clause = {t.i for t in first.head.subtree}
        return tokens[1:] if all(t.i in clause for t in tokens) else tokens  # the clause alone, not "When …, the two men agreed …"
    return tokens


def whole(tokens: list[Token]) -> bool:
    """The cut keeps a clause that stands alone: a subject and a tensed verb (or the sentence's main
    verb, which the tagger may take for a participle), and no relative or infinitive opening left
    from a larger sentence ("Where the {{USG}} is focusing …", "{{Peter Hurd}}, George Weymouth, …
    and Mitchell Jamieson.")."""
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


def speaker_candidates(sentence: Sentence, found: list[Mention]) -> Iterator[Candidate]:
    """Gaps in a quotation's attribution, the quotation shown word for word as what was said (its
    opening mark restored when the sentence starts inside a quotation begun in the sentence before)."""
    tokens = list(sentence.span)
    for mention in found:
        text = reopened(gapped(tokens, mention, {}, verbatim=True))
        yield Candidate(QuestionKind.CLOZE, text, mention, sentence)
        yield Candidate(QuestionKind.TRUEFALSE, text, mention, sentence)


def reopened(text: str) -> str:
    """The text with the opening quotation mark it lacks: '… a buffer,” said …' -> '“… a buffer,” said …'."""
    curly = text.find("”")
    if curly != -1 and "“" not in text[:curly]:
        return "“" + text
    return '"' + text if text.count('"') % 2 and not text.startswith('"') else text


def governs(sent: Span, mention: Mention) -> bool:
    """A city as the subject of a clause stands for its government ("Managua eliminated the visa
    requirement", "officials claimed Washington has not gone far enough"): a question or a gap on
    it asks for a place where the fact is about a government."""
    return mention.type == "city" and sent.doc[mention.end - 1].dep_ in ("nsubj", "nsubjpass")


def counts_speakers(sent: Span, mention: Mention) -> bool:
    """A number counting who said something: "two sources said"."""
    if mention.type != "number":
        return False
    token = sent.doc[mention.start]
    noun = token.head
    return token.dep_ == "nummod" and noun.dep_ == "nsubj" and lemma(noun.head) in SPEECH_VERBS


def family_of(mention: Mention) -> str:
    """What a distractor must share: a person's role, an organisation's or thing's family."""
    if mention.type == "person":
        return mention.role
    if mention.role == "outlet":
        return "outlet"
    if mention.type in ("thing", "place") and (noun := category(mention.answer)):
        return noun  # an airport against airports, a treaty against treaties
    if mention.type in ("organization", "thing", "place"):
        return name_family(mention.answer, *mention.accept)
    return ""


def clause_questions(clause: Clause, mentions: list[Mention], sentence: Sentence) -> Iterator[Candidate]:
    """Each mention's questions from the clause's essential parts; one that is too long is asked
    again with trailing adjuncts dropped until it fits."""
    optionals = optional_words(clause)  # the same for every mention
    for mention in mentions:
        current: Clause | None = essential(clause, mention, optionals)
        pending: set[str] | None = None
        while current is not None and pending != set():
            found = [(kind, _finish(q)) for kind, q in _questions_for(current, mention) if q]
            pending = {kind for kind, _ in found} if pending is None else pending
            torn: bool | None = None  # the same for every question of this clause: asked once, when needed
            for kind, question in found:
                if kind not in pending or len(question.split()) > MAX_QUESTION_WORDS:
                    continue
                if torn is None:
                    torn = _torn(current, mention, sentence)
                if not torn:
                    pending.discard(kind)
                    question = unbracketed(question, mention.text)
                    yield Candidate(QuestionKind(kind), question, mention, sentence, subject=mention.covers(clause.subject))
            current = trimmed(current, mention)


def _torn(clause: Clause, mention: Mention, sentence: Sentence) -> bool:
    """The clause's kept words hold part of a name but not all of it (the answer itself aside)."""
    kept = (*clause.front, *clause.subject, *clause.middle, clause.verb, *clause.rest)
    return cut_badly(sentence.span, kept, range(mention.start, mention.end))


def _questions_for(clause: Clause, mention: Mention) -> Iterator[tuple[str, str | None]]:
    if clause.negated:
        return  # "Which city has not gone far enough?" asks for an absence
    if mention.type in NAMED_TYPES and not clause.antecedent and (
        mention.covers(clause.subject) or _role(clause.subject, mention) is not None
    ):
        yield _named_kind(mention), subject_question(clause, mention)
    if (whose := possessor_question(clause, mention)) is not None:
        yield "who", whose
    agent = _agent(clause, mention)
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
                # "On July 26, 1956, Nasser announced …" -> "When did Nasser announce …?"
                unfronted = replace(clause, front=trim_front(tuple(t for t in clause.front if t not in tokens)))
                yield from _adverbial_question(unfronted, mention, child, tokens)
            continue
        if child.dep_ not in ("dobj", "prep", "npadvmod") or rest_ids.isdisjoint(subtree_ids(child)):
            continue  # only an object or an adverbial phrase of the clause is asked below
        tokens = tuple(child.subtree)
        if child.dep_ == "dobj" and child.head == clause.verb and mention.type in NAMED_TYPES and mention.covers(tokens):
            body = inverted(clause, {t.i for t in tokens})
            yield _named_kind(mention), body and f"{fronted(clause, which(mention.type, mention.text, family_of(mention)))} {body}"
        elif (asked := _prepositional_question(clause, mention, child, tokens)) is not None:
            yield asked
        elif child.dep_ in ("prep", "npadvmod") and timed_or_placed:
            yield from _adverbial_question(clause, mention, child, tokens)
    yield from _how_many(clause, mention)
    for kind, wh, body in amount_questions(clause, mention):
        yield kind, body and f"{fronted(clause, wh)} {body}"


def _complements(verb: Token) -> Iterator[Token]:
    """The verb's dependents, and those of its subjectless infinitives ("set to sit down in X")."""
    for child in verb.children:
        yield child
        if child.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            yield from _complements(child)


def _named_kind(mention: Mention) -> str:
    return "who" if mention.type == "person" else "what"


def subject_question(clause: Clause, mention: Mention) -> str:
    wh = _role(clause.subject, mention) or which(mention.type, render(clause.subject), family_of(mention))
    if wh == "Where":
        wh = "What place"
    return _with_subject(clause, wh)


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
    return _with_subject(clause, "Whose " + render(kept).lower())


def _with_subject(clause: Clause, wh: str) -> str:
    """The clause with the wh-phrase as its subject, the verb agreeing with it."""
    auxes = clause.auxiliaries
    middle = tuple(t for t in clause.middle if not auxes or t.i != auxes[0].i)
    if auxes:
        return render(fronted(clause, wh), singular_verb(auxes[0]), middle, (clause.verb,), clause.rest, shown=clause.shown)
    return render(fronted(clause, wh), middle, singular_verb(clause.verb), clause.rest, shown=clause.shown)


def _role(tokens: tuple[Token, ...], mention: Mention) -> str | None:
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


def _agent(clause: Clause, mention: Mention) -> Token | None:
    if not clause.passive or mention.type not in NAMED_TYPES:
        return None
    for child in clause.verb.children:
        if child.dep_ == "agent" and child in clause.rest:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (mention.covers(tuple(objects[0].subtree)) or _role(tuple(objects[0].subtree), mention)):
                return child
    return None


def passive_question(clause: Clause, mention: Mention, agent: Token) -> str | None:
    """ "The talks were suspended by President Bush" -> "Which president suspended the talks"."""
    pobj = next(c for c in agent.children if c.dep_ == "pobj")
    wh = _role(tuple(pobj.subtree), mention) or which(mention.type, mention.text, family_of(mention))
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
    return render(fronted(clause, wh), others, " ".join(verbs), clause.subject_words, rest, shown=clause.shown)


# Prepositions whose object is a party to the act, asked for with the preposition in front:
# "With whom did Roosevelt meet …?", "From which country did the United States buy …?".
PARTY_PREPOSITIONS = frozenset("with to from against for alongside".split())


def _prepositional_question(clause: Clause, mention: Mention, child: Token, tokens: tuple[Token, ...]) -> tuple[str, str | None] | None:
    """A person, organisation or country that is the object of a preposition of the verb."""
    if child.dep_ != "prep" or child.head != clause.verb or child.lower_ not in PARTY_PREPOSITIONS or lemma(clause.verb) == "be":
        return None
    if mention.type not in ("person", "organization", "country"):
        return None
    objects = [c for c in child.children if c.dep_ == "pobj"]
    if not objects or not mention.covers(tuple(objects[0].subtree)):
        return None
    body = inverted(clause, {t.i for t in tokens})
    wh = "whom" if mention.type == "person" else which(mention.type, mention.text, family_of(mention)).lower()
    return _named_kind(mention), body and f"{fronted(clause, f'{child.lower_.capitalize()} {wh}')} {body}"


def _adverbial_question(clause: Clause, mention: Mention, child: Token, tokens: tuple[Token, ...]) -> Iterator[tuple[str, str | None]]:
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if not objects or not mention.covers(tuple(objects[0].subtree)):
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
    elif mention.type == "year" and prep in ("in", ""):
        kind, wh = "when", "In what year"
    elif mention.type in DATE_TYPES and prep in ("in", "on", ""):
        kind, wh = "when", "When"
    elif mention.type in DATE_TYPES and prep in ("since", "until", "by"):
        kind, wh = "when", f"{prep.capitalize()} when"
    if wh:
        yield kind, f"{fronted(clause, wh)} {body}"


def _how_many(clause: Clause, mention: Mention) -> Iterator[tuple[str, str | None]]:
    """ "How many visas does X give?": the counted noun and its modifiers move to the front; its
    other dependents ("between the two cities") stay where they were."""
    if mention.type != "number":
        return
    for noun in [*clause.subject, *clause.rest]:
        counters = [c for c in noun.children if c.dep_ == "nummod" and mention.start <= c.i < mention.end]
        if not counters or not noun.tag_.startswith("NNS") or any(c.dep_ in ("det", "poss") and c.lower_ not in ("some", "a", "an") for c in noun.children):
            continue
        phrase = _counted(noun, mention)
        if _upto_object(clause, noun):  # "gives up to 20,000 visas": the count is the object
            phrase = tuple(t for t in clause.rest if t.i <= noun.i and (t.i >= noun.head.i - 1 and t.dep_ == "prt" or t in noun.head.subtree))
        elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        kept = tuple(
            t for t in phrase
            if not (mention.start <= t.i < mention.end and t.tag_ == "CD") and not _in_number(t, mention) and t.lower_ not in NUMBER_MODIFIERS and t.lower_ not in APPROXIMATORS and t.dep_ not in ("det", "quantmod")
            and not (t.i < mention.start and t.tag_ in ("JJ", "JJS", "VBN"))  # "a remarkable 40 countries": it qualifies the count, not the countries
        )
        if not kept:
            continue
        prefix = f"{mention.approximator} how many" if mention.approximator else "How many"
        what = lower_first(kept, clause.shown)
        if noun.dep_ == "dobj" and noun.head == clause.verb or _upto_object(clause, noun):
            body = inverted(clause, {t.i for t in phrase})
            yield "howmany", body and f"{fronted(clause, f'{prefix} {what}')} {body}"
        elif noun.dep_ in ("nsubj", "nsubjpass") and noun.head == clause.verb and not clause.antecedent:
            after = tuple(t for t in clause.subject if t.i > noun.i and t not in phrase)
            yield "howmany", render(fronted(clause, f"{prefix} {what}"), after, clause.middle, (clause.verb,), clause.rest, shown=clause.shown)


def _in_number(token: Token, mention: Mention) -> bool:
    """Part of the number phrase however the tagger cut it: "and a half" of "two and a half"."""
    number = token
    while number.dep_ in ("conj", "cc", "quantmod", "det") and number.head.i != number.i:
        number = number.head
    return mention.start <= number.i < mention.end and number.tag_ == "CD"


def _counted(noun: Token, mention: Mention) -> tuple[Token, ...]:
    """The counted noun with its left modifiers; a unit inside the answer ("6,000 miles") keeps
    what it measures ("of track")."""
    tokens = [t for left in noun.lefts for t in left.subtree] + [noun]
    if mention.start <= noun.i < mention.end:
        tokens += [t for right in noun.rights if right.dep_ == "prep" and right.lower_ == "of" for t in right.subtree]
    return tuple(sorted(tokens, key=lambda t: t.i))


def _upto_object(clause: Clause, noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.head == clause.verb and prep.lower_ == "to" and prep.i > 0 and prep.nbor(-1).lower_ == "up"


def fronted(clause: Clause, wh: str) -> str:
    """The wh-phrase after the clause's fronted adverbial, if any: "On legal immigration, which country"."""
    if not clause.front:
        return wh
    return f"{render(clause.front, shown=clause.shown)}, {wh[:1].lower()}{wh[1:]}"


def _finish(question: str) -> str:
    question = question.rstrip(" ,;:")
    if not ABBREVIATION_END.search(question):
        question = question.rstrip(" .,;:")  # a sentence's period, not "the U.S." or "Inc."
    return question[:1].upper() + question[1:] + "?"



def gapped(tokens: list[Token], mention: Mention, resolved: dict[int, str], verbatim: bool = False) -> str:
    """The tokens' text with the mention as a {{gap}}, source spacing kept, resolved pronouns replaced
    (`verbatim`: every word as written, for a quotation)."""
    parts: list[str] = []
    start, last = mention.start, mention.end - 1
    for prev, token in zip([None, *tokens], tokens):
        index = token.i
        if prev is not None:
            parts.append(prev.whitespace_ if prev.i + 1 == index else " ")
        word = resolved.get(index, token.text)
        if token.lower_ in DEMONSTRATIVES and token.dep_ == "det" and index not in resolved and not verbatim:
            word = "the" if token.text.islower() else "The"  # "a motive for that absence" reads alone as "a motive for the absence"
        parts.append(("{{" if index == start else "") + word + ("}}" if index == last else ""))
    text = SPACE_BEFORE_MARK.sub(r"\1", " ".join("".join(parts).split()))  # no space left where words were dropped
    text = COMMA_BEFORE_MARK.sub("", text).lstrip(" ,;:")
    # "And earlier, the two countries…" with "earlier" dropped would start "And, the two…".
    text = OPENING_JOINER.sub("", text)
    text = JOINER_COMMA.sub(r"\1 ", text)  # "… Hall of Fame and, he served …" once an aside went
    text = FIRST_WORD.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)  # "{{two}} rounds" -> "{{Two}} rounds"
    if not verbatim and (text.endswith("”") and "“" not in text or text.endswith('"') and text.count('"') % 2):
        text = text[:-1].rstrip()  # the closing mark of a quotation the cut left out
    text = ABBREVIATION_PERIOD.sub(r"\1", text)  # "… of Outward Bound, Inc." ends on its abbreviation
    if ABBREVIATION_GAP_END.search(text):
        return text
    return text if text.endswith((".", "!", "”", '"', "’")) else text.rstrip(",;:") + "."


def cloze_candidates(sentence: Sentence, tokens: list[Token], mentions: list[Mention], resolved: dict[int, str]) -> Iterator[Candidate]:
    for mention in mentions:
        if tokens and tokens[0].i <= mention.start and mention.end - 1 <= tokens[-1].i:
            text = gapped(tokens, mention, resolved)
            yield Candidate(QuestionKind.CLOZE, text, mention, sentence)
            yield Candidate(QuestionKind.TRUEFALSE, text, mention, sentence)
