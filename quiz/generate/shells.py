"""Shell nouns: "the situation", "this principle", "the changes" standing for a whole earlier
sentence. A card that leans on one cannot be answered alone ("The situation ended with
{{X}}'s plans …": which situation?), so such a noun blocks a question (pointers.py) unless it says
its own content ("the difference between A and B", "the idea of …"); a cloze still shows it.
intentions.py asks what such a sentence still says alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.generate.clauses import DEMONSTRATIVES

if TYPE_CHECKING:
    from spacy.tokens import Token

SHELL_NOUNS = frozenset(
    """difference differences change changes situation work principle idea result results move decision trend
    effort efforts action actions development developments problem issue""".split()
)
# Complements that give a shell noun its own content: "the idea of …", "the difference between …".
CONTENT_PREPOSITIONS = frozenset(("of", "between", "about", "on", "that", "to"))
# Acts an owner's possessive names without saying them: "X's order", "the board's decision".
OWNED_ACTS = frozenset("order orders decision decisions move request proposal announcement initiative call ruling action actions".split())


def leans_on_shell(tokens: list[Token] | tuple[Token, ...], resolved: dict[int, str]) -> bool:
    """A shell noun with "the" or a demonstrative and nothing of its own that says what it is."""
    return any(_bare_shell(t) and not any(c.i in resolved for c in t.children) and t.i not in resolved for t in tokens)


def owned_act(tokens: list[Token] | tuple[Token, ...]) -> bool:
    """ "In support of the agency's order, …": an owner's act the card never says (which order?)."""
    for noun in tokens:
        if noun.lower_ not in OWNED_ACTS or noun.tag_ not in ("NN", "NNS"):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners and not any(c.dep_ in ("acl", "relcl", "amod", "compound", "nummod") or c.dep_ == "prep" and c.lower_ in CONTENT_PREPOSITIONS for c in noun.children):
            return True
    return False


def _bare_shell(noun: Token) -> bool:
    if noun.lower_ not in SHELL_NOUNS or noun.tag_ not in ("NN", "NNS"):
        return False
    determiners = [c for c in noun.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in ("the", *DEMONSTRATIVES):
        return False
    for child in noun.children:
        if child.dep_ in ("acl", "relcl", "ccomp", "poss", "compound", "amod", "nummod") or child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS:
            return False  # "the whole list of changes", "the changes he proposed", "the 2020 decision"
    return True
