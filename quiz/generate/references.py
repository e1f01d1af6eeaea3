"""Resolving references to what another sentence names: pronouns, possessives, definite descriptions.

A reference is replaced only when exactly one antecedent of a compatible type exists: "He" and
"His" need a single person in the sentence before; "Its chief executive" needs a single
organisation, "Its president" a single country or organisation. "The company" stands for the
article's single most mentioned company. Anything ambiguous stays unresolved, and the filters then
drop the cards that lean on it: a wrong fact is worse than a missing card. Linking adverbs
("however", "also") point at the sentence before too, and are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from quiz.generate.answertypes import answer_type, name_family
from quiz.generate.clauses import CONNECTIVES, CONTRACTIONS
from quiz.generate.nlp import Entities, key, sentence_bounds, surface
from quiz.generate.pointers import bound, expletive, has_antecedent
from quiz.generate.words import LINKING_ADVERBS, OFFICE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Replacements = tuple[tuple[int, str], ...]  # token index -> text shown instead ("" drops the token)
POST_NOUNS = frozenset(("post", "position"))
OPENING_CONJUNCTIONS = frozenset(("but", "and", "yet", "so"))
POST_OFFICES = OFFICE_WORDS | frozenset(("chair", "chairman", "chairwoman"))
# Opening phrases that only say how the sentence follows from the one before it.
LINKING_PHRASES = frozenset(
    (
        "for example", "for instance", "as a result", "as a consequence", "in response", "in addition", "in turn",
        "in contrast", "by contrast", "at the same time", "in the meantime", "on the other hand", "in particular", "in exchange",
    )
)

# What only an organisation has ("Its chief executive"), and what a country or an organisation has.
ORGANISATION_NOUNS = frozenset(
    """executive ceo chairman chairwoman founder cofounder co-founder spokesperson spokesman spokeswoman
    shareholders shareholder investors employees staff workforce revenue revenues sales profit profits earnings
    shares stock headquarters subsidiary subsidiaries customers brand factories""".split()
)
STATE_NOUNS = frozenset(
    "president minister ministry capital army military border borders government leader leaders parliament navy ambassador".split()
)
OWNER_LABELS = frozenset(("ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"))
# Definite descriptions that stand for a name ("the company"), and the kinds of names they fit.
DESCRIPTIONS = {"company": "company", "firm": "company", "group": "organization", "agency": "agency", "city": "city", "country": "country", "nation": "country"}
DESCRIPTION_LABELS = {
    "company": ("ORG",), "firm": ("ORG",), "group": ("ORG",), "agency": ("ORG",), "city": ("GPE",), "country": ("GPE",), "nation": ("GPE",),
    "government": ("GPE",), "state": ("GPE",), "region": ("GPE", "LOC"), "province": ("GPE", "LOC"),
}
# Kinds a description may only stand for when one name clearly dominates: an article about two
# countries says "the country" of either.
DOMINANT_KINDS = frozenset(("country",))
DOMINANCE = 2
# Head nouns a description shares with one name ("the river" -> "the Mekong River"): places and
# institutions, where the name is the only such thing an article is about.
HEAD_NOUNS = frozenset(
    """river delta lake sea bay island valley region province basin canal strait peninsula desert
    court commission council committee department ministry university agency parliament
    telescope pact treaty accords doctrine program monument mission station conference summit""".split()
)
MENTIONED = re.compile(r"\b[Tt]he ([a-z]+)\b")
MIN_SALIENT_MENTIONS = 2


def salient_names(docs: list[Doc], entities: Entities) -> dict[str, str]:
    """Description noun -> the article's single most mentioned name it can stand for: "company" ->
    "ASML" by kind when the first sentence names it, "river" -> "the Mekong River" by the name's
    last word; absent when no name clearly leads."""
    texts = [doc.text for doc in docs]  # once: a Doc's text is joined anew from its tokens on every call
    described = {noun for text in texts for noun in MENTIONED.findall(text)}
    kinds = {DESCRIPTIONS[noun] for noun in described if noun in DESCRIPTIONS}
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in kinds}
    heads: dict[str, Counter[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            text = surface(ent)
            last = text.rsplit(" ", 1)[-1]
            if last.lower() in described and last.lower() in HEAD_NOUNS and " " in text:
                heads.setdefault(last.lower(), Counter())[text] += 1
            for kind in _kinds(text, entities.label(ent)) if kinds else ():
                if kind in counts:
                    counts[kind][text] += 1
    folded = [text.casefold() for text in texts] if heads else []
    result = {noun: _as_written(name, folded) for noun, names in heads.items() if (name := _leader(names, 1))}
    lede = next(iter(docs[0].sents)).text if docs and len(docs[0]) else ""
    for noun in described & DESCRIPTIONS.keys():
        kind = DESCRIPTIONS[noun]
        name = _leader(counts[kind], DOMINANCE if kind in DOMINANT_KINDS else 1)
        if name and name in lede:  # the article's subject is named up front; the tagger may miss it elsewhere
            result[noun] = name
    return result


def _as_written(name: str, folded: list[str]) -> str:
    """ "the State Department" when the article writes it so, "Utrecht University" when not."""
    phrase = f"the {name}".casefold()
    return f"the {name}" if any(phrase in text for text in folded) else name


def _leader(counts: Counter[str], margin: int) -> str | None:
    """The most mentioned name when it is mentioned at least twice, more often than the next and
    at least `margin` times as often."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_SALIENT_MENTIONS:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] > second and ranked[0][1] >= margin * second else None


def _kinds(text: str, label: str) -> list[str]:
    """Which descriptions a name can be meant by: a company is "the company", "the firm", "the group"."""
    kind = answer_type(text, label)
    if kind in ("city", "country"):
        return [kind]
    if kind != "organization":
        return []
    sort = name_family(text)
    found = ["organization"]
    if sort in ("company", ""):
        found.append("company")
    if sort in ("government", "international", ""):
        found.append("agency")
    return found


def unlinked(span: Span) -> Replacements:
    """Linking adverbs dropped, with the comma that set one off: "By June 1962, however, the
    feud had cooled" reads alone as "By June 1962, the feud had cooled".
    So is an opening "But", "And", "Yet" or "So"."""
    result: list[tuple[int, str]] = list(_linking_phrase(span))
    doc = span.doc
    if span[0].tag_ == "CC" and span[0].lower_ in OPENING_CONJUNCTIONS and len(span) > 1 and not span[1].is_punct:
        result.append((span.start, ""))  # "But the fund grew …" answers the sentence before
    for token in span:
        if token.lower_ in LINKING_ADVERBS and token.dep_ == "advmod" and token.tag_ == "RB" and token.head.tag_.startswith(("VB", "MD")):
            result.append((token.i, ""))
            after = token.i + 1
            if after < span.end and doc[after].text == ",":
                # Between commas the one before goes: a cut that drops the adverb with the comma
                # before it ("of the harbour board, however,") still keeps the one after.
                if token.i == span.start:
                    result.append((after, ""))
                elif doc[token.i - 1].text == ",":
                    result.append((token.i - 1, ""))
                    if token.i - 2 >= span.start and _ends_subject(doc[token.i - 2], token.head):
                        result.append((after, ""))  # "Adams, however, opposed" -> "Adams opposed", no comma before the verb
    return tuple(result)


def _linking_phrase(span: Span) -> Replacements:
    """An opening "To that end,", "For this reason,", "For example,", "As a result,", "In response,":
    it links to the sentence before, and written with "the" ("To the end") it says something else.
    Only the bare phrase: "In response to the strike," or "In addition to its port," say what they
    link to and stay."""
    first = span[0]
    tokens = list(first.subtree)
    after = tokens[-1].i + 1
    if first.dep_ != "prep" or len(tokens) > 4 or after >= span.end or span.doc[after].text != ",":
        return ()
    pointing = len(tokens) <= 3 and any(t.dep_ == "det" and t.lower_ in ("this", "that", "these", "those") for t in tokens)
    if not pointing and " ".join(t.lower_ for t in tokens) not in LINKING_PHRASES:
        return ()
    return (*((t.i, "") for t in tokens), (after, ""))


def _ends_subject(token: Token, verb: Token) -> bool:
    """The token is the last word of the verb's subject."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.right_edge.i == token.i for c in verb.children)


def describe(span: Span, salient: dict[str, str]) -> Replacements:
    """ "The company employs …" -> "ASML employs …" when the article has one clear company."""
    result: list[tuple[int, str]] = []
    for token in span:
        if _description(token) and token.lower_ in salient and not named_before(token):
            result += [(token.i - 1, ""), (token.i, salient[token.lower_])]
    return tuple(result)


def named_before(token: Token) -> bool:
    """The sentence names something the description can mean before it ("immigration to the U.S.
    through the country's southern border", or a government body for "the country"): the writer
    points to that, not to the article's main name."""
    labels = DESCRIPTION_LABELS.get(token.lower_, ())
    return any(
        ent.end <= token.i and (ent.label_ in labels or ent[-1].lower_ == token.lower_ or _government(ent) and "GPE" in labels)
        for ent in token.doc[slice(*sentence_bounds(token.doc, token.i))].ents
    )


def _government(ent: Span) -> bool:
    """A government body's name ("the Foreign Ministry said the country …"): it speaks for a
    country, so "the country" after it may be that one, not the article's main country."""
    return ent.label_ == "ORG" and name_family(surface(ent)) == "government"


def _description(token: Token) -> bool:
    """ "the company" on its own: not "the company's founder Smith", "the group of ten", "the company, ASML"."""
    doc = token.doc
    if token.tag_ != "NN" or token.ent_type_ or token.i == 0 or doc[token.i - 1].lower_ != "the":
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return not any(c.dep_ in ("appos", "amod", "compound") for c in token.children) and (following is None or following.lower_ != "of")


def resolve(span: Span, previous: Span | None, entities: Entities, article: int) -> Replacements:
    """A sentence-initial "He/She/They" subject replaced by its antecedent in the sentence before:
    the one person named there, or its last plural subject or object ("those talks" -> "the talks").
    A sentence-initial subject written capitalised elsewhere is a name and maps to itself."""
    words = [t for t in span if not t.is_punct and t.lower_ not in CONNECTIVES]
    if words and words[0].text in entities.proper and words[0].dep_ in ("nsubj", "nsubjpass"):
        return ((words[0].i, words[0].text),)  # a name starting the sentence keeps its capital in questions
    if previous is not None and (pair := both_people(words, previous, entities, article)):
        return pair
    if previous is None or not words or words[0].tag_ != "PRP" or words[0].dep_ not in ("nsubj", "nsubjpass"):
        return ()
    pronoun = words[0]
    text = None
    if pronoun.lower_ in ("he", "she"):
        text = only_person(previous, entities, article)
    elif pronoun.lower_ == "they":
        text = plural_antecedent(previous)
    if text is None:
        return ()
    result = [(pronoun.i, text)]
    following = pronoun.nbor(1) if pronoun.i + 1 < len(pronoun.doc) else None
    if following is not None and following.lower_ in CONTRACTIONS and not pronoun.whitespace_:
        result.append((following.i, " " + CONTRACTIONS[following.lower_]))
    return tuple(result)


def resolve_post(span: Span, previous: Span | None) -> Replacements:
    """ "the post" or "the position" someone held, the office the sentence before names as its subject
    or complement: "Ten years later, X took the post." after "… the Commissioner of the Board was Y."
    reads alone as "X took the post of the Commissioner of the Board" (a bare "the Commissioner" gets its body
    from offices.py when the card is made)."""
    posts = [t for t in span if t.lower_ in POST_NOUNS and t.dep_ == "dobj" and t.i > span.start and t.nbor(-1).lower_ == "the"]
    if not posts or previous is None or any(c.dep_ == "prep" for c in posts[0].children):
        return ()
    office = next((t for t in previous if t.text[:1].isupper() and t.lower_ in POST_OFFICES and t.dep_ in ("nsubj", "attr", "nsubjpass")), None)
    if office is None:
        return ()
    first = min((c.i for c in office.children if c.dep_ == "compound"), default=office.i)
    last = office.right_edge.i if any(c.lower_ == "of" for c in office.children) else office.i
    named = previous.doc[first : last + 1].text
    return ((posts[0].i, f"{posts[0].text} of the {named}"),)


PERSON_PRONOUNS = frozenset("he him his she her".split())
PEOPLE_NOUNS = frozenset("men women people".split())


def _role_before(ent: Span) -> bool:
    """A name of two words or more right after a lower-case noun naming what its bearer is
    ("astronaut Ann Reed", "participant Lena Voss"): a person, however the tagger
    labels it."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    return len(ent) >= 2 and all(t.tag_ == "NNP" for t in ent) and before is not None and before.tag_ == "NN" and before.text.islower() and before.dep_ == "compound" and before.head.i in range(ent.start, ent.end)


def both_people(words: list[Token], previous: Span, entities: Entities, article: int) -> Replacements:
    """ "Both men" or "The two men" opening a sentence after one that names exactly two people:
    "Otto Berg and Henrik Sorensen were …". Anything else stays, and context.py drops it."""
    lead = [w.lower_ for w in words[:3]]
    size, count = (2, 2) if lead[:1] == ["both"] else (3, 2) if lead[:2] == ["the", "two"] else (3, 3) if lead[:2] == ["the", "three"] else (0, 0)
    if lead[:2] == ["the", "trio"]:
        size, count = 2, 3  # "The trio left …"
    elif not size or len(lead) < size or lead[size - 1] not in PEOPLE_NOUNS:
        return ()
    people = list(dict.fromkeys(entities.full_name(article, surface(e)) for e in previous.ents if entities.label(e) == "PERSON" or _role_before(e)))
    if len(people) != count:
        return ()
    return ((words[0].i, ", ".join(people[:-1]) + f" and {people[-1]}"), *((w.i, "") for w in words[1:size]))


def person_referent(current: str | None, span: Span, entities: Entities, article: int) -> str | None:
    """Whom "he" or "she" means after this sentence: the one person it names; of several, the one
    that is its main clause's subject (else nobody); when it names nobody, whom they meant before."""
    people = list(dict.fromkeys(entities.full_name(article, surface(e)) for e in span.ents if _person(e, entities)))
    if len(people) <= 1:
        return people[0] if people else _subject_owner(span) or current
    subjects = {
        entities.full_name(article, surface(e)) for e in span.ents
        if entities.label(e) == "PERSON" and _function(e.root) in ("nsubj", "nsubjpass") and _clause_of(e.root) == span.root
    }
    return subjects.pop() if len(subjects) == 1 else None  # "Lopez and Reed joined …": either


def _subject_owner(span: Span) -> str | None:
    """The untagged name owning the main clause's subject ("Varga’s survey helped …"): the story
    has turned to its owner, a person the tagger missed here (an organisation's name is tagged), so
    a "she" in the next sentence means them."""
    for subject in (c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        for owner in subject.children:
            if owner.tag_ == "NNP" and not owner.ent_type_ and any(c.tag_ == "POS" for c in owner.children):
                return " ".join(t.text for t in owner.subtree if t.tag_ == "NNP")
    return None


def _clause_of(token: Token) -> Token:
    """The verb a word (or the conjunction it is part of) depends on."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head


def resolve_people(span: Span, referent: str | None, done: Replacements) -> Replacements:
    """ "he", "him", "his", "she", "her" anywhere in the sentence replaced by the person meant so far
    (person_referent), unless the sentence names whom they mean itself or they are bound by its
    subject: "In 1988, he became a founding member …" after sentences about Tom Akers reads
    "In 1988, Tom Akers became …". Only the first is replaced: the others then point to it."""
    if referent is None:
        return ()
    taken = {index for index, _ in done}
    tokens = list(span)
    if any(t.i in taken and t.lower_ in PERSON_PRONOUNS for t in tokens) or _names_someone(span, referent):
        return ()
    for position, token in enumerate(tokens):
        if token.lower_ not in PERSON_PRONOUNS or token.tag_ not in ("PRP", "PRP$") or token.i in taken:
            continue
        if bound(token) or has_antecedent(token, tokens, position):
            return ()
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.lower_ in CONTRACTIONS and not token.whitespace_:
            continue  # "he’s": which verb it stands for is not worth the risk
        possessive = token.tag_ == "PRP$"
        return ((token.i, referent + ("’s" if "’" in span.doc.text else "'s") if possessive else referent),)  # the next ones follow it
    return ()


def _names_someone(span: Span, referent: str) -> bool:
    """The sentence names the person meant, or has a proper-noun subject a pronoun may point to
    ("Akers is mourned by his three sons")."""
    last = referent.split()[-1]
    return any(t.text == last for t in span) or any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNP", "NNPS") for t in span)


def resolve_it(span: Span, previous: Span | None) -> Replacements:
    """The main clause's subject "it" read as the name the sentence before has as its main subject,
    when that is a single proper name that is no person: "The Esk Rowing Club belongs to its
    members. In winter, it is managed by a committee of twelve …"."""
    subjects = [t for t in span.root.children if t.dep_ in ("nsubj", "nsubjpass")] if previous is not None else []
    if previous is None or len(subjects) != 1 or subjects[0].lower_ != "it" or expletive(subjects[0]):
        return ()
    named = [t for t in previous.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if len(named) != 1 or named[0].tag_ != "NNP" or named[0].ent_type_ in ("PERSON", "NORP", "GPE"):
        return ()
    name = list(named[0].subtree)
    if not all(t.tag_ in ("NNP", "DT", "HYPH") or t.lower_ in ("of", "and", "for", "&") for t in name) or any(t.dep_ == "conj" for t in name):
        return ()  # "Harlow.org", "the Harbor Trust": a bare name, not a phrase or a pair
    pronoun = subjects[0]
    text = " ".join(t.lower_ if t.dep_ == "det" else t.text for t in name)
    result = [(pronoun.i, text[:1].upper() + text[1:] if pronoun.i == span.start else text)]
    following = pronoun.nbor(1) if pronoun.i + 1 < len(pronoun.doc) else None
    if following is not None and following.lower_ in CONTRACTIONS and not pronoun.whitespace_:
        result.append((following.i, " " + CONTRACTIONS[following.lower_]))  # "it’s" -> "Tidefinder is"
    return tuple(result)


def only_person(previous: Span, entities: Entities, article: int) -> str | None:
    """The full name of the one person the sentence names; None when it names none or several."""
    people = {entities.full_name(article, surface(e)) for e in previous.ents if _person(e, entities)}
    return people.pop() if len(people) == 1 else None


def _person(ent: Span, entities: Entities) -> bool:
    """A name tagged as a person, unless a "the" before it makes it a thing the tagger took for one
    ("the court of the Khan"): no "he" or "she" means it."""
    doc = ent.doc
    thing = len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ == "the"
    return entities.label(ent) == "PERSON" and not thing


def plural_antecedent(previous: Span) -> str | None:
    """ "the astronauts" for "They": the main clause's plural subject, else its last plural object."""
    nouns = [t for t in previous if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj")]
    # The main clause's subject first ("The astronauts collected … during a walk that lasted two hours").
    nouns = [t for t in nouns if t.head == previous.root and t.dep_ != "dobj"] or nouns
    if not nouns:
        return None
    noun = nouns[-1]
    phrase = [t for t in noun.lefts if t.dep_ in ("det", "amod", "compound", "nmod")] + [noun]
    text = " ".join("the" if t.lower_ in ("those", "these", "their") else t.text for t in phrase)
    return text if phrase[0].dep_ == "det" or phrase[0].tag_ == "NNP" else "the " + text


def resolve_possessive(span: Span, previous: Span | None, entities: Entities, article: int, salient: dict[str, str]) -> Replacements:
    """A sentence-initial "His/Her/Its" made its antecedent's possessive: "His father" after a
    sentence naming only Michael Faraday reads "Michael Faraday's father"; "Its chief executive"
    after "China bought … of ASML's machines" reads "ASML's chief executive", as only a company
    has one."""
    words = [t for t in span if not t.is_punct and t.lower_ not in CONNECTIVES]
    if previous is None or not words or words[0].tag_ != "PRP$" or words[0].lower_ not in ("his", "her", "its"):
        return ()
    token = words[0]
    if token.lower_ in ("his", "her"):
        text = only_person(previous, entities, article)
    else:
        wanted = owner_labels(token.head)
        owners = {key(name): name for name, label in owners_in(previous, entities, salient) if label in wanted}
        text = owners.popitem()[1] if len(owners) == 1 else subject_owner(previous, entities, wanted)
    if not text:
        return ()
    return ((token.i, text + "’s" if "’" in span.doc.text else text + "'s"),)


def subject_owner(previous: Span, entities: Entities, wanted: frozenset[str]) -> str | None:
    """Of several names, the one that is the sentence's main subject ("The Orion Telescope is a
    joint project run by Vega Labs with Delta Optics …" -> the telescope): what a following "Its" continues about."""
    subjects = {
        key(surface(ent)): render_name(ent) for ent in previous.ents
        if entities.label(ent) in wanted and ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head == previous.root
    }
    if not subjects:  # a proper-noun subject the tagger gave no label: "The Orion Telescope"
        nouns = [t for t in previous.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNP", "NNPS") and not t.ent_type_]
        if len(nouns) == 1:
            words = [t for t in nouns[0].lefts if t.dep_ in ("det", "compound") and (t.dep_ == "det" or t.tag_.startswith("NNP"))]
            return " ".join(t.lower_ if t.dep_ == "det" else t.text for t in [*words, nouns[0]])
    return subjects.popitem()[1] if len(subjects) == 1 else None


def owner_labels(owned: Token) -> frozenset[str]:
    """Entity labels that can own the noun: an organisation its chief executive, a country or an
    organisation its president, anything named its other things."""
    noun = owned.lower_
    if noun in ORGANISATION_NOUNS:
        return frozenset(("ORG",))
    if noun in STATE_NOUNS:
        return frozenset(("ORG", "GPE"))
    return OWNER_LABELS


def owners_in(previous: Span, entities: Entities, salient: dict[str, str]) -> list[tuple[str, str]]:
    """Every non-person name the sentence has as a subject, object or possessor, with its label;
    "the company" counts as the name it stands for (or as an unknown one)."""
    found = []
    for ent in previous.ents:
        label = entities.label(ent)
        if label in OWNER_LABELS and _function(ent.root) != "pobj":
            found.append((render_name(ent), label))
    for token in previous:
        if _description(token) and token.lower_ in DESCRIPTIONS and _function(token) != "pobj":
            label = "GPE" if token.lower_ in ("city", "country", "nation") else "ORG"
            found.append((salient.get(token.lower_, f"the {token.lower_}"), label))
    return found


def _function(token: Token) -> str:
    """The dependency of a word's whole conjunction: "Laos" in "through China, Laos and Cambodia" is
    an object of "through" like "China"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_


def render_name(ent: Span) -> str:
    """The name as a phrase: "the Soviet Union", with the article whether or not the tagger took it in."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    written = ent[0].lower_ == "the" or before is not None and before.lower_ == "the"
    return "the " + surface(ent) if written else surface(ent)
