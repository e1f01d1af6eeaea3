"""The text a cloze shows: the part of a sentence that holds the gap, cut to a readable clause,
and that part written out with its {{gap}} (`gapped`).

Owns: leaving out speech tags, asides and far-away parts of long sentences, keeping a clause
that makes sense alone; a long one is cut to fit by clozecut.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from quiz.generate.clauses import DEMONSTRATIVES, SPEECH_VERBS, lemma, noun_only, shares_object
from quiz.generate.nlp import sentence_bounds
from quiz.generate.shorten import aside, holds, joiner_kept, reclosed, region, subtree_ids
from quiz.generate.trivial import restates
from quiz.generate.types import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

LONG_SENTENCE = 45
MIN_CLOZE_WORDS = 6  # what the filters take as a whole statement
ASSERTING_MARKS = frozenset(("although", "though", "because", "whereas"))
SEGMENT_BREAKS = {"--", "—", "–", ";", "-"}


def cloze_tokens(span: Span, mention: Mention) -> list[Token]:
    """The part of the sentence a cloze shows: without a trailing ", he said", and for a very long
    sentence only the dash- or semicolon-separated segment holding the answer."""
    said, root = _unattributed(span)
    tokens = list(said)
    tokens = asserted_clause(tokens, mention) or own_clause(tokens, root, mention)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ("”", '"', ")"):
        tokens.pop()
    tokens = without_asides(tokens, mention)
    tokens = without_reason(tokens, mention)
    tokens = without_optional(tokens, mention)
    tokens = without_restatement(tokens, mention)
    if len(tokens) > LONG_SENTENCE:
        tokens = segment(tokens, mention)
    return tokens


def without_reason(tokens: list[Token], mention: Mention) -> list[Token]:
    """Without a clause opened by the conjunction "in that" that the parser read as "in that
    NOUN" ("… a kind of trade in that farmers with small plots sell …"): its verb is left with no
    subject, and "that" shown as "the" would change what the sentence says."""
    for n, (word, that) in enumerate(pairwise(tokens)):
        if word.lower_ != "in" or that.lower_ != "that" or that.dep_ != "det" or word.i < mention.end:
            continue
        after = that.doc[that.i : sentence_bounds(that.doc, that.i)[1]]
        if any(v.tag_ in ("VBP", "VBZ", "VBD") and v.dep_ not in ("aux", "auxpass", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in after):
            return tokens[:n]
    return tokens


def without_restatement(tokens: list[Token], mention: Mention) -> list[Token]:
    """Without a bracket right after the answer that says it again, which would give it away:
    "the {{Republic of Kiribati}} (Kiribati)", "{{12 miles}} (19 kilometres)"."""
    at = next((n for n, t in enumerate(tokens) if t.i == mention.end), None)
    if at is None or tokens[at].text != "(":
        return tokens
    close = next((n for n in range(at + 1, len(tokens)) if tokens[n].text in ("(", ")")), None)
    if close is None or tokens[close].text != ")":
        return tokens
    inside = "".join(t.text_with_ws for t in tokens[at + 1 : close])
    shown = "".join(t.text_with_ws for t in tokens if mention.start <= t.i < mention.end)
    return tokens[:at] + tokens[close + 1 :] if restates(shown.strip(), inside.strip()) else tokens


@lru_cache(maxsize=512)  # the same for every mention of the sentence
def _unattributed(span: Span) -> tuple[tuple[Token, ...], Token]:
    """The sentence's tokens without what only says who said them (", he said"), and its root."""
    tokens = list(span)
    root = span.root
    if lemma(root) in SPEECH_VERBS and any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in root.children):
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
        if reported:
            tokens = list(reported[0].subtree)
    for child in root.children:
        if child.dep_ == "parataxis" and lemma(child) in SPEECH_VERBS and any(c.tag_ == "PRP" for c in child.children):
            drop = {t.i for t in child.subtree}
            tokens = [t for t in tokens if t.i not in drop]
    return tuple(tokens), root


def asserted_clause(tokens: list[Token], mention: Mention) -> list[Token] | None:
    """A leading concession or cause holding the answer, on its own: "although the accords reached
    under the {{X}} administration require meetings, …" states that the accords require meetings.
    The clause runs from its "although" to the next comma outside quotation marks."""
    for index, token in enumerate(tokens):
        if token.dep_ != "mark" or token.lower_ not in ASSERTING_MARKS:
            continue
        kept: list[Token] = []
        quoted = False
        for part in tokens[index + 1 :]:
            quoted = not quoted if part.text in ("“", "”", '"') else quoted
            if part.text == "," and not quoted or part.text in SEGMENT_BREAKS:
                break
            kept.append(part)
        inside = kept and kept[0].i <= mention.start and mention.end - 1 <= kept[-1].i
        if inside and len(kept) >= 6 and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in kept) and any(t.dep_ in ("nsubj", "nsubjpass") for t in kept):
            return kept
    return None


def own_clause(tokens: list[Token], root: Token, mention: Mention) -> list[Token]:
    """Of independent clauses joined by "and"/"but", the one holding the answer ("… since
    {{February}} and next week provides another chance …" loses the second clause)."""
    if noun_only(root.lower_):
        return tokens  # "NASA astronauts Ann Lee and Tom Akers make up the crew": the verb is the "second clause"
    for child in root.children:
        if child.dep_ != "conj" or child.i < root.i or not child.tag_.startswith(("VB", "MD")):
            continue
        part = {t.i for t in child.subtree}
        if shares_object(root):
            return tokens  # "engineers design and build the bridge": both verbs share the object
        if mention.start in part:
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or subjects[0].tag_ == "PRP":
                return tokens  # "… and moved to X": the second verb needs the first one's subject; "… and they are …" its noun
            if not joined(child):
                return tokens  # "… than a forest wherein one species makes up …": a clause the parser joined to the wrong verb
            kept = [t for t in tokens if t.i in part]
        elif any(c.dep_ == "agent" for c in child.children) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return tokens  # "drafted and revised by two engineers: …": the agent is both verbs
        else:
            if mention.start > child.right_edge.i:
                return tokens  # what follows the second verb is its, whatever the parse says: no cut
            joint = {t.i for c in root.children if c.dep_ in ("cc", "punct") and root.i < c.i < child.i for t in c.subtree}
            gap, index = set(), child.left_edge.i - 1
            while index in joint:  # ", and" or ", as well as" before the second clause goes with it
                gap.add(index)
                index -= 1
            kept = [t for t in tokens if t.i not in part and t.i not in gap and t.i < child.left_edge.i]
        return kept if shown_words(kept) >= MIN_CLOZE_WORDS else tokens
    return tokens


def joined(clause: Token) -> bool:
    """The clause follows its "and"/"but"/"or" (or a semicolon), as an independent clause does."""
    before = clause.left_edge.i - 1
    return before >= 0 and (clause.doc[before].dep_ == "cc" or clause.doc[before].text == ";")


def shown_words(tokens: list[Token]) -> int:
    """The words a reader sees, as the filters count them: "14-year" is one word, not three."""
    return len("".join(t.text_with_ws for t in tokens).split())


def without_asides(tokens: list[Token], mention: Mention) -> list[Token]:
    """The tokens without asides set off by a pair of dashes ("-- though X denies it --")."""
    dashes = [n for n, t in enumerate(tokens) if t.text in ("--", "—", "–")]
    for first, second in zip(dashes[::2], dashes[1::2]):
        if not tokens[first].i <= mention.start <= tokens[second].i and not _ends_opening(tokens, first):
            return tokens[:first] + tokens[second + 1 :]
    return tokens


def _ends_opening(tokens: list[Token], dash: int) -> bool:
    """The dash closes an opening phrase before the main clause's subject ("Led by X—the builder of
    Y—the Dutch began …"): without the aside nothing would part the phrase from the subject."""
    root = tokens[dash].sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and dash > 0 and tokens[dash - 1].i < subjects[0].left_edge.i and tokens[0].i < subjects[0].left_edge.i and root.i > tokens[dash].i


def without_optional(tokens: list[Token], mention: Mention) -> list[Token]:
    """The tokens without comma-set-off appositions, participles and relative clauses that do not
    hold the answer ("Delegates, which do not have diplomatic relations, discussed …")."""
    inside = {t.i for t in tokens}
    drop: set[int] = set()
    for token in tokens:
        if token.i not in drop and aside(token) and not holds(token, mention) and subtree_ids(token) <= inside:
            drop |= region(token)
    drop = joiner_kept(reclosed(drop, tokens[0].doc), tokens[0].doc) if drop else drop
    kept = [t for t in tokens if t.i not in drop]
    return kept if shown_words(kept) >= MIN_CLOZE_WORDS else tokens  # "X instituted the {{Y}}." is too short alone


def segment(tokens: list[Token], mention: Mention) -> list[Token]:
    start = 0
    for index, token in enumerate([*tokens, None]):
        if token is None or (token.text in SEGMENT_BREAKS and token.whitespace_):
            part = tokens[start:index]
            if part and part[0].i <= mention.start and mention.end - 1 <= part[-1].i:
                return part if len(part) >= 6 else []
            start = index + 1
    return []


# What gapped() tidies in every cloze text, compiled once.
SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:?!])")
COMMA_BEFORE_MARK = re.compile(r",(?=[,.;:])")
OPENING_JOINER = re.compile(r"^(?:and|but|or|so|yet),\s*", re.IGNORECASE)
JOINER_COMMA = re.compile(r"\b(and|but|or|yet), (?=[a-z])")
FIRST_WORD = re.compile(r"^(\W*)(\w)")
ABBREVIATION_PERIOD = re.compile(r"(?<=[A-Za-z]\.)(\}\})?\.$")
ABBREVIATION_GAP_END = re.compile(r"[A-Za-z]\.\}\}$")


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
        if token.lower_ in DEMONSTRATIVES and token.dep_ == "det" and token.tag_ == "DT" and index not in resolved and not verbatim:
            word = "the" if token.text.islower() else "The"  # "a motive for that absence" reads alone as "a motive for the absence"
        parts.append(("{{" if index == start else "") + word + ("}}" if index == last else ""))
    text = SPACE_BEFORE_MARK.sub(r"\1", " ".join("".join(parts).split()))  # no space left where words were dropped
    text = COMMA_BEFORE_MARK.sub("", text).lstrip(" ,;:")
    # "And earlier, the two countries…" with "earlier" dropped would start "And, the two…".
    text = OPENING_JOINER.sub("", text)
    text = JOINER_COMMA.sub(r"\1 ", text)  # "… Rowing Club and, he served …" once an aside went
    text = FIRST_WORD.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)  # "{{two}} rounds" -> "{{Two}} rounds"
    if not verbatim and (text.endswith("”") and "“" not in text or text.endswith('"') and text.count('"') % 2):
        text = text[:-1].rstrip()  # the closing mark of a quotation the cut left out
    text = ABBREVIATION_PERIOD.sub(r"\1", text)  # "… of Harbor Works, Inc." ends on its abbreviation
    if ABBREVIATION_GAP_END.search(text):
        return text
    return text if text.endswith((".", "!", "”", '"', "’")) else text.rstrip(",;:") + "."
