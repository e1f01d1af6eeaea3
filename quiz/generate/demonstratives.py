"""What "this N" or "these N" stands for, when the sentence before says it: the same noun with
the words that pick it out ("… began a campaign to ban the trade. Many chiefs joined this campaign."
-> "joined the campaign to ban the trade"), or the act of a named subject that the noun names
("Okafor decided to close the mill. This decision …" -> "Okafor's decision to close the mill …",
the act said when short enough). A demonstrative
that stays unresolved is shown as "the" in a cloze and blocks a question (pointers.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.clauses import DEMONSTRATIVES, SUBJECT_DEPS, lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from quiz.generate.references import Replacements

MAX_PHRASE_WORDS = 11  # a longer description makes the card a paragraph
# Nouns naming the act of the verb they come from: "X decided" is "X's decision".
ACT_NOUNS = {
    "decide": "decision", "propose": "proposal", "announce": "announcement", "approve": "approval", "refuse": "refusal",
    "withdraw": "withdrawal", "invade": "invasion", "discover": "discovery", "appoint": "appointment", "nominate": "nomination",
    "resign": "resignation", "choose": "choice", "reject": "rejection", "agree": "agreement", "recommend": "recommendation",
}
KEPT_BEFORE = frozenset(("amod", "compound", "nmod", "npadvmod", "cc", "conj", "punct", "hyph", "quantmod", "nummod", "advmod"))
KEPT_AFTER = frozenset(("prep", "acl", "relcl", "punct", "advmod", "amod"))


def resolve_demonstratives(span: Span, previous: Span | None) -> Replacements:
    if previous is None:
        return ()
    result: list[tuple[int, str]] = []
    for token in span:
        if token.lower_ not in DEMONSTRATIVES or token.dep_ != "det" or token.tag_ != "DT":
            continue
        noun = token.head
        if noun.tag_ not in ("NN", "NNS") or noun.ent_type_ or any(c.i != token.i for c in noun.children):
            continue  # "this cost-plus contract" says what it is; a name is not re-described
        if _said_before(token, span):
            continue  # "X was nominated; this appointment …": the sentence itself says what
        the = "The" if token.text[:1].isupper() else "the"
        if (phrase := _same_noun(noun, previous)) is not None:
            result += [(token.i, the), (noun.i, phrase)]
        elif (owner := _actor(noun, previous)) is not None:
            result.append((token.i, owner))
            if (content := _act_content(noun, previous)) is not None:
                result.append((noun.i, f"{noun.text} {content}"))  # "Okafor's decision to close the mill"
    return tuple(result)


def _said_before(demonstrative: Token, span: Span) -> bool:
    """Another clause before the demonstrative, which it may point back to: a verb that does not
    govern it, or a semicolon."""
    ancestors = {t.i for t in demonstrative.ancestors}
    before = span.doc[span.start : demonstrative.i]
    return any(t.text == ";" or t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass", "amod") and t.i not in ancestors for t in before)


def _same_noun(noun: Token, previous: Span) -> str | None:
    """The one noun of the noun's lemma in the sentence before (of its own number, if both occur),
    with the words that describe it, shown in the noun's own number ("a shared scheme to …" ->
    "schemes" reads "shared schemes to …")."""
    matches = [t for t in previous if t.tag_ in ("NN", "NNS") and singular(t) == singular(noun) and not _pointed(t)]
    if len(matches) > 1:
        matches = [t for t in matches if t.tag_ == noun.tag_]  # "the first of the maps: … the oldest map"
    if len(matches) != 1:
        return None
    antecedent = matches[0]
    before = _kept([c for c in antecedent.children if c.i < antecedent.i and c.dep_ in KEPT_BEFORE])
    after = _kept([c for c in antecedent.children if c.i > antecedent.i and c.dep_ in KEPT_AFTER])
    if before is None or after is None or not before + after:
        return None  # "a plan" alone tells no more than "this plan"
    tokens = sorted([*before, antecedent, *after], key=lambda t: t.i)
    if tokens[-1].i - tokens[0].i + 1 != len(tokens) or sum(not t.is_punct for t in tokens) > MAX_PHRASE_WORDS:
        return None
    if any(t.text in (",", ";", ":", "(", ")", "—", "–") for t in tokens) or sum(t.text in ("“", "”", '"') for t in tokens) % 2:
        return None
    return "".join(noun.text + t.whitespace_ if t.i == antecedent.i else t.text_with_ws for t in tokens).strip()


def _kept(children: list[Token]) -> list[Token] | None:
    kept: list[Token] = []
    for child in children:
        tokens = list(child.subtree)
        for position, t in enumerate(tokens):
            named = any(n.tag_ == "NNP" for n in tokens[:position])
            if t.tag_ in ("PRP", "WDT", "WP") or t.lower_ in DEMONSTRATIVES or t.tag_ == "PRP$" and not named:
                return None  # the pronoun would need resolving too; "to invade Ruritania and depose its king" says whose
        kept += tokens
    return kept


def singular(noun: Token) -> str:
    """A common noun's singular, near enough to match "plans" with "plan" (the parser has no lemmatizer)."""
    word = noun.lower_
    if noun.tag_ != "NNS" or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]


def _pointed(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children)


def _actor(noun: Token, previous: Span) -> str | None:
    """ "X's decision" when the sentence before has X decide, X a name: one such verb only."""
    verbs = [t for t in previous if t.tag_.startswith("VB") and ACT_NOUNS.get(lemma(t)) == singular(noun)]
    if len(verbs) != 1:
        return None
    subjects = [c for c in verbs[0].children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"]
    if len(subjects) != 1 or subjects[0].tag_ != "NNP" or subjects[0].ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return None
    name = " ".join(t.text for t in subjects[0].subtree if t.tag_ == "NNP" or t.dep_ == "compound")
    if not name or any(c.dep_ in ("conj", "appos") for c in subjects[0].children):
        return None
    mark = "’" if "’" in previous.doc.text else "'"
    return f"{name}{mark}s"


def _act_content(noun: Token, previous: Span) -> str | None:
    """What the act was, when the verb before says it with "to": "Okafor decided to close the mill
    and sell the land" gives "to close the mill" (the first of joined infinitives), so that
    "Okafor's decision" does not lean on the sentence before. None when it would run long or
    hold a pronoun, or the noun already says it ("This decision to …")."""
    if any(c.dep_ in ("acl", "prep", "relcl") and c.i > noun.i for c in noun.children):
        return None
    verbs = [t for t in previous if t.tag_.startswith("VB") and ACT_NOUNS.get(lemma(t)) == singular(noun)]
    infinitives = [c for c in verbs[0].children if c.dep_ == "xcomp" and c.tag_ == "VB"] if len(verbs) == 1 else []
    if len(infinitives) != 1 or not any(a.lower_ == "to" for a in infinitives[0].children):
        return None
    verb = infinitives[0]
    kept = _kept([c for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")])
    if kept is None:
        return None
    tokens = sorted([verb, *kept], key=lambda t: t.i)
    if tokens[-1].i - tokens[0].i + 1 != len(tokens) or len(tokens) + 1 > MAX_PHRASE_WORDS:
        return None
    return "to " + "".join(t.text_with_ws for t in tokens).strip()
