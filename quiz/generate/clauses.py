"""Clauses of a parsed sentence, and turning them back into text: questions need the pieces.

A `Clause` splits a verb's clause into front adverbials, subject, the words between subject and
verb (auxiliaries, "also"), the verb, and the rest. Reported speech ("X said Y") yields the
reported clause; a relative clause with "who/which" gets its antecedent as subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getInflection, getLemma

from quiz.generate.lost import lost_subject
from quiz.generate.nlp import sentence_bounds
from quiz.generate.words import OFFICE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPEECH_VERBS = frozenset(
    "say tell claim report note announce add state testify believe signal indicate explain write argue insist"
    " warn suggest confirm deny acknowledge assert contend declare".split()
)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Verbs whose clause states a wish, advice or a guess rather than a fact ("recommends that adults do …",
# "suggested that both towns build …").
DIRECTIVE_VERBS = frozenset("recommend suggest urge propose demand require request advise order hope wish fear doubt want prefer".split())
NAME_ENTITIES = frozenset("PERSON ORG GPE LOC FAC NORP EVENT WORK_OF_ART LAW PRODUCT LANGUAGE".split())
CLAUSE_DEPS = ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp")
# Sentence-initial connectives that make no sense at the front of a question.
CONNECTIVES = frozenset("and but so yet now also however meanwhile still then thus therefore".split())
PERSONAL_PRONOUNS = frozenset("i me we us you he him she her it they them one".split())
DEMONSTRATIVES = frozenset("this that these those".split())
RELATIVES = frozenset("who whom which that whose".split())
CONCESSIVE = frozenset("though although while whereas".split())
CONDITIONAL_MARKS = frozenset("if unless whether lest".split())
# Nouns that name a hold on something and need its "of" phrase to say on what.
OF_NOUNS = frozenset("possession control charge command custody ownership".split())
CONTRACTIONS = {"'ve": "have", "’ve": "have", "'re": "are", "’re": "are", "'ll": "will", "’ll": "will", "'d": "would", "’d": "would", "'s": "is", "’s": "is"}


@dataclass(frozen=True)
class Clause:
    verb: Token
    subject: tuple[Token, ...]
    front: tuple[Token, ...]
    middle: tuple[Token, ...]  # between subject and verb: auxiliaries, negation, adverbs
    rest: tuple[Token, ...]
    antecedent: bool = False  # subject stands in for a relative pronoun
    subject_text: str | None = None  # a pronoun subject resolved to its antecedent
    # Words of the front, middle and rest shown instead of a reference resolved in them ("the
    # agency" -> "NASA"): token index -> text.
    replaced: tuple[tuple[int, str], ...] = ()

    @cached_property  # read by every question made from the clause (callers never change it)
    def shown(self) -> dict[int, str]:
        return dict(self.replaced)

    @property
    def subject_words(self) -> str:
        return self.subject_text if self.subject_text is not None else lower_first(self.subject)

    @property
    def auxiliaries(self) -> list[Token]:
        return [t for t in self.middle if t.dep_ in ("aux", "auxpass") and t.head == self.verb]

    @cached_property  # asked by each question kind made from the clause
    def negated(self) -> bool:
        return any(t.dep_ == "neg" and t.head == self.verb for t in self.middle + self.rest)  # the dependency first: .head makes a token

    @cached_property
    def passive(self) -> bool:
        return any(t.dep_ == "auxpass" for t in self.middle)


def clauses(sent: Span, resolved: dict[int, str]) -> list[Clause]:
    """The sentence's tensed clauses; `resolved` maps pronoun tokens to their antecedents."""
    found = []
    for token in sent:
        if token.dep_ in CLAUSE_DEPS and token.tag_.startswith(("VB", "MD")) or (token.dep_ == "ROOT" and not token.is_punct):
            clause = make_clause(token, sent, resolved)
            if clause is not None:
                found.append(clause)
    return found


def make_clause(verb: Token, sent: Span, resolved: dict[int, str]) -> Clause | None:
    opening = opening_participle(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or misread_subject(verb) or shared_subject(verb) or opening
    if len(subjects) != 1 or not finite(verb) or verb.dep_ == "acl":
        return None
    if lemma(verb) in SPEECH_VERBS and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None  # "…, officials told Reuters": the question would lose what was said
    if shares_object(verb):
        return None  # "designed and built a bridge": a question turns one verb and leaves the other
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return None  # "… to send ships if Norway was ever attacked": a condition states nothing
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("though", "although") for c in verb.children):
        return None  # "Though Peru had ratified the fishing convention, …": asked alone, "Which country had ratified it?" has many answers
    subj = subjects[0]
    if subj.dep_ in ("nsubj", "nsubjpass") and disagrees(subj, verb):
        return None  # "Ada Byrne make up the crew": the parser took the last of a list for the subject
    antecedent = verb.dep_ == "relcl"
    if antecedent and (subj.lower_ not in RELATIVES or defining(verb) or unclear_antecedent(verb)):
        return None  # "the headway the US has managed to make": the object is missing
    if verb.dep_ == "ccomp" and lemma(verb.head) in DIRECTIVE_VERBS:
        return None  # "recommends that adults do at least 150 minutes": a wish, not a fact
    subject = antecedent_tokens(verb) if antecedent else tuple(subj.subtree)
    if not subject or subject[0].tag_ in ("WDT", "WP", "EX"):
        return None
    skipped = {subj.i} if antecedent else set()
    skipped |= {i for i, word in resolved.items() if word == ""}  # relative time expressions
    for child in verb.children:
        if child.dep_ in ("parataxis", "mark") or is_separate_clause(verb, child) or is_relative_phrase(child) or is_aside(child):
            region = {t.i for t in child.subtree}
            # The comma or "and" joining a dropped part goes with it.
            edge = min(region) - 1
            while edge >= 0 and verb.doc[edge].dep_ in ("cc", "punct") and verb.doc[edge].head == verb:
                region.add(edge)
                edge -= 1
            skipped |= region
    start, end = sent.start, sent.end
    tokens = [t for t in verb.subtree if t.i not in skipped and start <= t.i < end]
    first, last = subject[0].i, subject[-1].i
    marks = [c.i for c in verb.children if c.dep_ == "mark"]
    # "a week after X did Y": what stands before a subordinating word belongs to the main clause.
    start, subject_ids = max(marks, default=-1), {s.i for s in subject}
    front = tuple(t for t in tokens if start < t.i < first and t.i not in subject_ids)
    if any((t.tag_ in ("WDT", "WP", "WP$") or t.lower_ in RELATIVES and t.dep_ in ("dobj", "pobj", "nsubj")) and not marked_relative(t, front) for t in front):
        return None  # "… territory that the US purchased": a relative clause the parser did not mark, its object missing
    middle = tuple(t for t in tokens if last < t.i < verb.i)
    after = [t for t in tokens if t.i > verb.i]
    if opening:
        front, middle = (), ()  # the participle's words all stand before the subject it borrows
    rest = cut_aside(after)
    if rest is None or (len(rest) < len(after) and lemma(verb) in SPEECH_VERBS):
        return None  # what was said is cut short
    # A reference resolved outside the subject is shown resolved, as a cloze shows it.
    replaced = tuple((t.i, resolved[t.i]) for t in (*front, *middle, *rest) if t.i in resolved and resolved[t.i] != t.text)
    text = resolved.get(subj.i) if subject == (subj,) else None
    if text is None and any(t.i in resolved for t in subject):
        kept = tuple(t for t in subject if resolved.get(t.i) != "")
        if not kept:
            return None
        if any(resolved.get(t.i) for t in kept):  # "His father" -> "Michael Faraday's father"
            text = tidy(" ".join(resolved.get(t.i, t.text) for t in kept))
        subject = kept
    if antecedent and subject[0].lower_ in ("a", "an") and len(subject) > 1:
        text = "the " + lower_first(subject[1:])  # "a walk that lasted two hours": the walk the sentence means
    return Clause(
        verb=verb, subject=subject, front=trim_front(front), middle=middle, rest=trim_edges(tuple(rest)),
        antecedent=antecedent, subject_text=text, replaced=replaced,
    )


def marked_relative(word: Token, front: tuple[Token, ...]) -> bool:
    """A relative pronoun of a relative clause whose noun is in the same opening ("In the winter
    that followed the war, …"): the clause is whole, and not the one asked from."""
    verb = word.head
    return verb.dep_ == "relcl" and verb.head in front and verb in front


def defining(verb: Token) -> bool:
    """A relative clause that picks out a kind of people or things with no article: "Adults who walk
    at least 7,000 steps …" says nothing about adults in general, so it makes no question."""
    noun = verb.head
    comma = noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ","
    return not comma and noun.tag_ in ("NNS", "NN") and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


NAME_ENTITIES = frozenset(("ORG", "PERSON", "GPE", "NORP"))


def misread_subject(verb: Token) -> list[Token]:
    """The subject of a clause the parser found none in: a one-word name it took for a modifier,
    standing right before the verb and its auxiliaries ("UNICEF is supporting …", with "UNICEF" read
    as an adjective)."""
    before = [c for c in verb.children if c.i < verb.i]
    if not before or before[0].dep_ not in ("advmod", "amod", "npadvmod", "dep", "compound"):
        return []
    name = before[0]
    if name.ent_type_ not in NAME_ENTITIES or name.ent_iob_ != "B" or (name.i + 1 < len(name.doc) and name.doc[name.i + 1].ent_iob_ == "I"):
        return []
    between = verb.doc[name.i + 1 : verb.i]
    return [name] if all(t.dep_ in ("aux", "auxpass", "neg") for t in between) else []


def shared_subject(verb: Token) -> list[Token]:
    """The subject a second tensed verb shares with the main verb it is joined to ("The company
    closed the station and {{sold}} the land in 1974": the company sold it). Only a main clause's:
    a shared verb under "urged that …" or "if …" states no fact either."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ROOT" or not head.tag_.startswith("VB") or not finite(verb):
        return []
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if before is None or before.dep_ != "cc" or before.head != head:
        return lost_subject(verb)  # "… the harbours of the Verran Coast and Ostravia proclaimed …": the parser lost the verb's own subject
    if any(c.dep_ == "dobj" and c.lower_ in OF_NOUNS and not any(g.lower_ == "of" for g in c.children) for c in verb.children):
        return []  # "rented the hall and took control": of what, the first verb says
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    return subjects if len(subjects) == 1 and subjects[0].i < head.i else []


def finite(verb: Token) -> bool:
    """A tensed clause: a finite verb or a finite auxiliary (not "to sit", not "making")."""
    forms = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    tensed = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in forms) or misread_past(verb) or bool(opening_participle(verb))
    return tensed and not any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children)


def opening_participle(verb: Token) -> list[Token]:
    """The subject of an -ing participle opening a past-tense sentence, which it shares: "Leaving
    the navy in 1919, she founded …" says she left the navy in 1919."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.left_edge.i != verb.sent.start or head.tag_ != "VBD" or head.i < verb.i:
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass", "neg") for c in verb.children):
        return []
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    return subjects if len(subjects) == 1 and subjects[0].i > verb.i else []


def misread_past(verb: Token) -> bool:
    """A past tense the tagger took for a participle: a main verb with its own subject and no
    auxiliary ("The rebels stormed the fort", "stormed" tagged VBN), written as its past form
    ("attacked", not "come", whose past is "came")."""
    if verb.tag_ != "VBN" or verb.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False
    forms = getInflection(lemma(verb), tag="VBD")
    return bool(forms) and forms[0] == verb.lower_


def is_aside(child: Token) -> bool:
    """Attribution ("according to X") and concessions ("though …") that a question can do without."""
    if child.lower_ == "according":
        return True
    return child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONCESSIVE for m in child.children)


def is_relative_phrase(child: Token) -> bool:
    """ "by which" in a relative clause: a phrase whose object is a relative pronoun."""
    return child.dep_ == "prep" and any(c.dep_ == "pobj" and c.tag_ in ("WDT", "WP") for c in child.children)


def cut_aside(rest: list[Token]) -> list[Token] | None:
    """The rest of a clause up to a dash or semicolon, as what follows is an aside; None when the
    cut would split a construction that continues after the aside."""
    for index, token in enumerate(rest):
        if 0 < index < len(rest) - 1 and rest[index - 1].tag_ in ("NNP", "NNPS") and rest[index + 1].text[:1].isupper() and token.text != ";":
            continue  # "Marine Satellites – B Series": a dash inside a name, not before an aside
        if token.text in ("--", "—", "–", ";") or (token.text == "-" and token.whitespace_):
            kept, cut = rest[:index], {t.i for t in rest[index:]}
            return None if any(t.head.i in cut for t in kept) else kept
    return rest


def shares_object(verb: Token) -> bool:
    """The verb is joined by "and"/"or" straight to a second verb that takes the words after it."""
    doc = verb.doc
    return verb.i + 2 < len(doc) and doc[verb.i + 1].dep_ == "cc" and doc[verb.i + 2].dep_ == "conj" and doc[verb.i + 2].head == verb and doc[verb.i + 2].tag_.startswith("VB")


def is_separate_clause(verb: Token, child: Token) -> bool:
    """Children that are clauses of their own: coordinated clauses and speech tags."""
    if child.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
        return True
    if child.dep_ in ("ccomp", "advcl") and lemma(child) in SPEECH_VERBS and child.i > verb.i:
        return any(t.text == "," for t in child.doc[verb.i : child.i])
    return False


def disagrees(subject: Token, verb: Token) -> bool:
    """A subject and verb that do not agree in number: a sign the parser joined the wrong words
    ("the decision of X to close … after the first cases … were reported")."""
    forms = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]
    tensed = next((t for t in forms if t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if tensed is None:
        return False
    word = tensed.lower_
    if subject.ent_type_ == "PERSON" and subject.tag_ == "NNP" and not any(c.dep_ == "conj" for c in subject.children):
        return tensed.tag_ == "VBP" and word not in ("'m", "am")  # "Ada Byrne make up the crew": a list the parser cut short
    return subject.tag_ == "NN" and word in ("were", "are", "have", "do") or subject.tag_ == "NNS" and word in ("was", "is", "has", "does")


def unclear_antecedent(verb: Token) -> bool:
    """A "which"/"that" clause that may hang off either of two nouns ("the target of 10,000 steps,
    which was first used …"), or a relative clause whose verb does not agree with the noun the
    parser gave it. "who" leaves no doubt: "the detention of Alan Gross, who has been held …"."""
    noun = verb.head
    pronoun = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in verb.children)
    nested = pronoun and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_.startswith("NN")
    return nested or disagrees(noun, verb)


def antecedent_tokens(verb: Token) -> tuple[Token, ...]:
    """The noun phrase a relative clause hangs off, without the clause and commas."""
    noun = verb.head
    inside = {t.i for t in verb.subtree}
    tokens = [t for t in noun.subtree if t.i not in inside and t.i <= verb.i]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tuple(tokens) if tokens and not any(t.dep_ == "appos" for t in tokens) else ()


def trim_front(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    tokens = trim_edges(tokens)
    while tokens and (tokens[0].lower_ in CONNECTIVES or tokens[0].is_punct or _for_example(tokens)):
        tokens = trim_edges(tokens[2:] if _for_example(tokens) else tokens[1:])
    return tokens


def _for_example(tokens: tuple[Token, ...]) -> bool:
    """ "For example," opening a sentence: it ties the sentence to the one before."""
    return len(tokens) > 1 and tokens[0].lower_ == "for" and tokens[1].lower_ in ("example", "instance")


def trim_edges(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct and tokens[start].text not in "“\"(") or start < end and tokens[start].dep_ == "cc":
        start += 1
    while end > start and (tokens[end - 1].is_punct and tokens[end - 1].text not in "”\")") or end > start and tokens[end - 1].dep_ == "cc":
        end -= 1
    return tokens[start:end]


def render(*parts: str | tuple[Token, ...] | list[Token], shown: dict[int, str] | None = None) -> str:
    """Text of token runs and literal words, with the source spacing inside each run; `shown`
    gives the text of resolved references (a clause's `shown`)."""
    shown = shown or {}
    pieces = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
            continue
        tokens = sorted(part, key=lambda t: t.i)
        text = ""
        for prev, token in zip([None, *tokens], tokens):
            if prev is not None:
                text += prev.whitespace_ if prev.i + 1 == token.i else " "
            text += shown.get(token.i, token.text)
        pieces.append(text)
    return tidy(" ".join(p for p in pieces if p))


def tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:?!%])", r"\1", text)
    text = re.sub(r",(\s*[,.;:?!])", r"\1", text)
    text = re.sub(r"\(\s*\)|“\s*”|\"\s*\"", "", text)
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))  # words joined by spaces: "( Ghana )"
    return " ".join(text.split()).strip(" ,;:")


def lemma(verb: Token) -> str:
    lemmas = _lemmas(verb.text, "AUX" if verb.tag_ == "MD" or verb.lower_ in ("be", "is", "are", "was", "were", "been", "has", "have", "had", "do", "does", "did") else "VERB")
    return (lemmas[0] if lemmas else verb.lower_).lower()


@lru_cache(maxsize=4096)
def _lemmas(word: str, upos: str) -> tuple[str, ...]:
    """lemminflect's lemmas of a word, once per word: the same verbs come back for every candidate."""
    return tuple(getLemma(word, upos=upos))


@lru_cache(maxsize=4096)
def noun_only(word: str) -> bool:
    """A word the dictionary knows only as a noun ("astronauts"): never the verb of a clause,
    whatever the tagger says."""
    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas and not {"VERB", "AUX"} & set(lemmas)


def inflect(verb: Token, tag: str) -> str:
    forms = getInflection(lemma(verb), tag=tag)
    word = forms[0] if forms else verb.text
    return word[0].upper() + word[1:] if verb.text[:1].isupper() and verb.i > sentence_bounds(verb.doc, verb.i)[0] else word


SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does", "'re": "is", "’re": "is", "'ve": "has", "’ve": "has"}


def singular_verb(verb: Token) -> str:
    """A present plural form made to agree with a singular wh-subject ("are" -> "is")."""
    if verb.lower_ in SINGULAR:
        return SINGULAR[verb.lower_]
    if verb.tag_ == "VBP":
        return inflect(verb, "VBZ")
    return verb.text


def lower_first(tokens: tuple[Token, ...], shown: dict[int, str] | None = None) -> str:
    """The subject's text, decapitalised unless it starts with a name or "I"."""
    text = render(tokens, shown=shown)
    first = tokens[0] if tokens else None
    if first is not None and (first.tag_ == "DT" or first.tag_ not in ("NNP", "NNPS") and first.ent_type_ not in NAME_ENTITIES or _capital_of_start(first)) and not text.startswith("I ") and not re.match(r"[A-Z]{2}|[A-Z]\.", text):
        return text[:1].lower() + text[1:]
    return text


def _capital_of_start(token: Token) -> bool:
    """A sentence's first word the parser calls a name only for its capital: no entity, and a
    common noun after it ("Lake ice thinned", "Glacier ice retreated")."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return bool(token.is_sent_start) and not token.ent_type_ and after is not None and after.tag_ in ("NN", "NNS") and after.text.islower()


def inverted(clause: Clause, drop: set[int]) -> str | None:
    """The clause as a question body: auxiliary, subject, verb, rest ("did the OAS expel Cuba")."""
    if clause.negated:
        return None
    subject = clause.subject_words
    rest = tuple(t for t in clause.rest if t.i not in drop)
    verb = clause.verb
    auxes = clause.auxiliaries
    middle = tuple(t for t in clause.middle if t.i not in drop)
    if auxes:
        first = auxes[0]
        tail = tuple(t for t in middle if t.i != first.i)
        return render(CONTRACTIONS.get(first.lower_, first.lower_), subject, tail, (verb,), rest, shown=clause.shown)
    if lemma(verb) == "be" and verb.tag_ != "VBN":
        if _person_named(rest) and _described(clause.subject):
            return render(verb.lower_, rest, middle, subject, shown=clause.shown)  # "was Ada Byrne the mayor", not "was the mayor Ada Byrne"
        return render(verb.lower_, subject, middle, rest, shown=clause.shown)
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(verb.tag_) or ("did" if misread_past(verb) or opening_participle(verb) else None)
    if do is None:
        return None
    if do == "do" and _singular_subject(clause):
        do = "did"  # "The bridge cost $40 million": a past form the tagger read as present
    return render(do, subject, middle, inflect(verb, "VB"), rest, shown=clause.shown)


NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"))


def _person_named(rest: tuple[Token, ...]) -> bool:
    """The complement of "be" is a person's name and nothing more: "… was Ada Byrne"."""
    words = [t for t in rest if not t.is_punct]
    return bool(words) and all(t.ent_type_ == "PERSON" for t in words) and any(t.dep_ == "attr" for t in words)


def _described(subject: tuple[Token, ...]) -> bool:
    """The subject is a description, "the" and a common noun or a capitalised office ("the mayor of
    Truro", "the Chair of the Harbor Board")."""
    heads = [t for t in subject if t.dep_ == "nsubj"]
    if len(heads) != 1 or not any(c.dep_ == "det" and c.lower_ == "the" for c in heads[0].children):
        return False
    head = heads[0]
    return head.tag_ in ("NN", "NNS") or head.lower_ in OFFICE_WORDS or head.tag_ == "NNP" and head.ent_type_ not in NAME_LABELS


def _singular_subject(clause: Clause) -> bool:
    heads = [t for t in clause.subject if t.dep_ in ("nsubj", "nsubjpass") and t.head == clause.verb]
    return len(heads) == 1 and heads[0].tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in heads[0].children)


def fronted(clause: Clause, wh: str) -> str:
    """The wh-phrase after the clause's fronted adverbial, if any: "On legal immigration, which country"."""
    if not clause.front:
        return wh
    return f"{render(clause.front, shown=clause.shown)}, {wh[:1].lower()}{wh[1:]}"
