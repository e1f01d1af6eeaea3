"""The deck schema: reading composed YAML nodes as a deck, collecting every problem with its
position. Nothing here constructs a YAML object; scalars are read as the text written.

Cards are read one by one as they are composed (`card`, see quiz/decks/compose.py); what needs
the whole deck (its id, its sources, every other card) is checked once all are read.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import yaml

from quiz.decks.compose import MAP_TAG, NULL_TAG, SEQ_TAG, STR_TAG
from quiz.decks.model import ENTRY_KEYS, LIST_KEYS, SOURCE_KEYS, Card, Deck, Entry, Source, entry_id, expand, split_cloze
from quiz.normalise import answer_key
from quiz.text import printable

if TYPE_CHECKING:
    from quiz.decks.sources import SourceFiles

# A "did you mean" compares a word with every option, so a deck gets hints for at most this many
# distinct words, and none among more options than this (a deck's own sources): a deck of many
# bad names is then checked in linear time.
MAX_HINTS = 100
MAX_HINT_OPTIONS = 1000
DECK_KEYS = ("title", "id", "description", "exam", "sources", "cards")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
# Tags plain scalars resolve to (`=` is "value", `<<` is "merge"): all read as the text written.
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "timestamp", "null", "value", "merge")
}
COLLECTION_TAGS: dict[type, str] = {yaml.MappingNode: MAP_TAG, yaml.SequenceNode: SEQ_TAG}
# What a card's problems call each key's value, made once rather than for every card.
_CARD_KEY_WHAT = {key: f"'{key}'" if key in LIST_KEYS else f"'{key}' of a card" for key in ENTRY_KEYS}
_CARD_LIST_KEYS = frozenset(LIST_KEYS)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        level = "warning: " if self.warning else ""
        # A message can quote the deck (a key, a value, a tag): never a terminal escape.
        return printable(f"{self.file}:{self.line}:{self.column}: {level}{self.message}")


Position = tuple[int, int]  # (line, column), from 1


@dataclass(slots=True)
class ReadCard:
    """A card entry as read, with what the checks over the whole deck need of its nodes (also
    what the parsed-deck cache keeps of a card read alone, see quiz/decks/chunks.py)."""

    entry: Entry
    at: Position
    errors: int
    source_at: Position | None = None
    quote_at: Position | None = None
    # Whether the card was written with a 'question' or 'cloze' and its rules were applied.
    shaped: bool = field(default=False)

    def shifted(self, lines: int) -> ReadCard:
        """The same card, its positions `lines` further down the file."""
        source, quote = self.source_at, self.quote_at
        return ReadCard(
            self.entry,
            (self.at[0] + lines, self.at[1]),
            self.errors,
            None if source is None else (source[0] + lines, source[1]),
            None if quote is None else (quote[0] + lines, quote[1]),
            self.shaped,
        )


@dataclass(frozen=True, slots=True)
class CardReading:
    """What `SchemaReader.card` found reading one item alone (`SchemaReader.read_alone`).

    `hints` are the "did you mean" hints that belong at the end of some of `problems` (by index),
    left for the reader of the whole deck to add: it gives at most MAX_HINTS, in the deck's order.
    """

    read: ReadCard | None
    problems: tuple[Problem, ...] = ()
    hints: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
    errors: int = 0

    @property
    def clean(self) -> bool:
        """Whether the card read without a problem (so all of it is in `read`)."""
        return self.read is not None and self.read.shaped and not self.problems and not self.errors


class SchemaReader:
    """Reads composed YAML nodes against the deck schema, collecting problems."""

    def __init__(self, filename: str, source_files: SourceFiles | None, escapes: bool = True, defer_hints: bool = False) -> None:
        self.filename = filename
        self.source_files = source_files
        # Only a double-quoted scalar's escapes (`"\e"`) put control characters in a deck: libyaml
        # refuses them written out. Without a backslash in the file, no text needs cleaning.
        self.escapes = escapes
        self.problems: list[Problem] = []
        self.errors = 0
        self.cards_read: list[ReadCard] = []
        self.items = 0  # of 'cards', read so far
        self.source_names: tuple[str, ...] = ()
        # The valid entries' cards, expanded to check their ids: a deck without errors keeps them.
        self.cards: list[Card] = []
        self._hints: dict[tuple[str, tuple[str, ...]], str] = {}
        # Hints asked for but not given, by problem index (see CardReading); None: given at once.
        self._deferred: list[tuple[int, str, tuple[str, ...]]] | None = [] if defer_hints else None

    def hint(self, word: str, options: tuple[str, ...]) -> str:
        """" (did you mean 'x'?)" for a word not among `options`, or "" (see MAX_HINTS)."""
        if len(options) > MAX_HINT_OPTIONS:
            return ""
        key = (word, options)
        if key not in self._hints:
            if len(self._hints) >= MAX_HINTS:
                return ""
            self._hints[key] = _did_you_mean(word, options)
        return self._hints[key]

    def error(self, node: yaml.Node, message: str, warning: bool = False, hint: tuple[str, tuple[str, ...]] | None = None) -> None:
        """Report a problem at the node; `hint`: (word, options) for a "did you mean" at its end."""
        self.error_at(_position(node), message, warning, hint)

    def error_at(self, at: Position, message: str, warning: bool = False, hint: tuple[str, tuple[str, ...]] | None = None) -> None:
        if hint is not None and self._deferred is not None:
            self._deferred.append((len(self.problems), *hint))
        elif hint is not None:
            message += self.hint(*hint)
        self.problems.append(Problem(self.filename, *at, message, warning))
        if not warning:
            self.errors += 1

    # -- generic shapes -------------------------------------------------------------------

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...] | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Keys of a mapping node to (key node, value node); reports unknown and repeated keys."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping of keys to values, not {_shape(node)}")
            return {}
        if not self.plain_collection(node, what):
            return {}
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            # A key is the text written, even `~` or `null` (read as "no value" elsewhere).
            null = isinstance(key_node, yaml.ScalarNode) and key_node.tag == NULL_TAG
            key = key_node.value if null else self.text(key_node, "a key")
            if key is None:
                continue
            if key in result:
                self.error(key_node, f"duplicate key '{key}' in {what}")
                continue
            if allowed is not None and key not in allowed:
                self.error(key_node, f"unknown key '{key}' in {what}", hint=(key, allowed))
                continue
            result[key] = (key_node, value_node)
        return result

    def plain_collection(self, node: yaml.Node, what: str) -> bool:
        if node.tag != COLLECTION_TAGS[type(node)]:
            self.error(node, f"{what} has unsupported YAML tag '{node.tag}'")
            return False
        return True

    def text(self, node: yaml.Node, what: str) -> str | None:
        if type(node) is yaml.ScalarNode and node.tag == STR_TAG:  # most of a deck: checked first
            return printable(node.value) if self.escapes else node.value
        if not isinstance(node, yaml.ScalarNode):
            if self.plain_collection(node, what):
                self.error(node, f"{what} must be text, not {_shape(node)}")
            return None
        if node.tag not in PLAIN_TAGS:
            self.error(node, f"{what} has unsupported YAML tag '{node.tag}'")
            return None
        if node.tag == NULL_TAG:
            return None
        return printable(node.value) if self.escapes else node.value

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """A list of non-empty texts; a single text counts as a list of one."""
        if isinstance(node, yaml.SequenceNode) and not self.plain_collection(node, what):
            return ()
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        result = []
        for item in items:
            value = self.text(item, f"each of {what}")
            if value is not None and not value.strip():
                self.error(item, f"empty text in {what}")
            elif value is not None:
                result.append(value)
        return tuple(result)

    def field(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str) -> str | None:
        if key not in fields:
            return None
        return self.text(fields[key][1], f"'{key}' of {what}")

    # -- the deck schema ------------------------------------------------------------------

    def deck(self, root: yaml.Node | None, default_id: str, path: str | None) -> Deck | None:
        if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == NULL_TAG):
            self.problems.append(Problem(self.filename, 1, 1, "the deck is empty: it needs a 'title' and 'cards'"))
            return None
        top = self.mapping(root, "the deck", DECK_KEYS)
        if not top:
            if isinstance(root, yaml.MappingNode) and root.tag == COLLECTION_TAGS[yaml.MappingNode]:
                self.error(root, "the deck needs a 'title' and 'cards'")
            return None
        title = self.field(top, "title", "the deck")
        if "title" not in top:
            self.error(root, "the deck has no 'title'")
        elif not (title or "").strip() and _readable(top["title"][1]):
            self.error(top["title"][1], "the deck's 'title' is empty")
        deck_id = self.field(top, "id", "the deck") or default_id
        if "id" not in top:
            self.error(
                root,
                f"the deck's id comes from its file name ('{deck_id}'), so renaming the file hides its"
                f" history; add `id: {deck_id}` to keep it",
                warning=True,
            )
        elif not ID_PATTERN.fullmatch(deck_id):
            self.error(top["id"][1], f"deck id '{deck_id}' may use only letters, digits, '.', '_', ':' and '-'")
        sources = self.sources(top["sources"][1]) if "sources" in top else {}
        self.source_names = tuple(sources)
        entries = self.entries(top, deck_id, sources)
        unchecked = self.source_files.budget_warning() if self.source_files is not None else None
        if unchecked:
            self.error(top["sources"][1], unchecked, warning=True)
        deck = Deck(
            id=deck_id,
            title=(title or "").strip(),
            description=self.field(top, "description", "the deck"),
            exam=self.date(top, "exam", "the deck", "2026-12-20"),
            sources=sources,
            entries=tuple(entries),
            path=path,
        )
        if not self.errors:
            deck.keep_cards(tuple(self.cards))
        return deck

    def sources(self, node: yaml.Node) -> dict[str, Source]:
        result: dict[str, Source] = {}
        for name, (_key_node, value_node) in self.mapping(node, "'sources'", None).items():
            fields = self.mapping(value_node, f"source '{name}'", SOURCE_KEYS)
            published = self.date(fields, "published", "a source", "2009-06-01")
            file = self.field(fields, "file", f"source '{name}'")
            problem = file and self.source_files is not None and self.source_files.problem(file)
            if problem:
                self.error(fields["file"][1], problem, warning=True)
            result[name] = Source(title=self.field(fields, "title", f"source '{name}'"), published=published, file=file)
        return result

    def date(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str, example: str) -> date | None:
        value = self.field(fields, key, what)
        if value is None:
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.error(fields[key][1], f"'{key}' must be a date like {example}, not '{value}'")
            return None

    def is_cards_key(self, node: yaml.Node) -> bool:
        """Whether a key of the deck's mapping reads as 'cards' (see `card`)."""
        return _readable(node) and node.tag != NULL_TAG and self.text(node, "a key") == "cards"

    def card(self, item: yaml.Node) -> None:
        """Read one item of 'cards', as it is composed: all but the checks over the whole deck."""
        self.items += 1
        before = self.errors
        fields = self.mapping(item, "a card", ENTRY_KEYS)
        if not fields:
            if isinstance(item, yaml.MappingNode) and item.tag == COLLECTION_TAGS[yaml.MappingNode]:
                self.error(item, "empty card: it needs a 'question' and 'answer', or a 'cloze'")
            return
        values: dict[str, Any] = {
            key: self.texts(value, _CARD_KEY_WHAT[key]) if key in _CARD_LIST_KEYS else self.text(value, _CARD_KEY_WHAT[key])
            for key, (_, value) in fields.items()
        }
        read = ReadCard(Entry(**values), _position(item), 0)
        self.entry_rules(item, fields, read)
        read.errors = self.errors - before
        self.cards_read.append(read)

    def read_alone(self, item: yaml.Node) -> CardReading:
        """`card(item)`'s findings, given back rather than kept: what the card's chunk of the file
        gives read alone, its lines counted from the chunk's (quiz/decks/chunks.py)."""
        self.problems, self.cards_read, self.errors = [], [], 0
        if self._deferred is not None:
            self._deferred = []
        self.card(item)
        return CardReading(self.cards_read[0] if self.cards_read else None, tuple(self.problems), tuple(self._deferred or ()), self.errors)

    def add(self, reading: CardReading, lines: int) -> ReadCard | None:
        """Take a card read alone (`read_alone`) `lines` further down the file, as if `card` had
        read it here: the same problems at the same places, hints given in the deck's order.
        Gives the card as placed in the file."""
        hints = {index: (word, options) for index, word, options in reading.hints}
        for index, problem in enumerate(reading.problems):
            message = problem.message + self.hint(*hints[index]) if index in hints else problem.message
            self.problems.append(Problem(self.filename, problem.line + lines, problem.column, message, problem.warning))
        self.errors += reading.errors
        if reading.read is None:
            self.items += 1
            return None
        placed = reading.read.shifted(lines)
        self.add_clean(placed)
        return placed

    def add_clean(self, read: ReadCard) -> None:
        """`add` for a card that read without a problem (as the cache keeps them), placed in the file."""
        self.items += 1
        self.cards_read.append(read)

    def entries(self, top: dict[str, tuple[yaml.Node, yaml.Node]], deck_id: str, sources: dict[str, Source]) -> list[Entry]:
        if "cards" not in top:
            self.problems.append(Problem(self.filename, 1, 1, "the deck has no 'cards'"))
            return []
        node = top["cards"][1]
        # A streamed sequence's items were read as they came (and its node holds none).
        if not isinstance(node, yaml.SequenceNode) or not (node.value or self.items):
            self.error(node, "'cards' must be a non-empty list of cards")
            return []
        if not self.plain_collection(node, "'cards'"):
            return []
        for item in node.value:
            self.card(item)
        seen: dict[str, Position] = {}
        seen_cards: dict[str, Position] = {}
        without_id: list[Position] = []
        entries = []
        for read in self.cards_read:
            entry = read.entry
            if read.shaped:
                before = self.errors
                self.source_rules(read, sources)
                read.errors += self.errors - before
            valid = not read.errors
            if valid:
                entries.append(entry)
            if entry.id is None:
                without_id.append(read.at)
            if not (valid or entry.id or (entry.question or entry.cloze or "").strip()):
                continue  # nothing to know the card by; its problems are reported already
            # Ids of cards with other problems count too, so every duplicate shows at once.
            card_id = entry_id(deck_id, entry)
            if card_id in seen:
                what = f"card id '{card_id}'" if entry.id else "card (same question"
                self.error_at(read.at, f"duplicate {what}{')' if not entry.id else ''} as the card at line {seen[card_id][0]}")
            else:
                seen[card_id] = read.at
                # A multi-gap cloze's cards are '<id>:<gap>': these can collide with any card's id,
                # whichever comes first.
                for card in expand(deck_id, entry) if valid else ():
                    if card.id in seen_cards:
                        self.error_at(read.at, f"duplicate card id '{card.id}' as the card at line {seen_cards[card.id][0]}")
                    seen_cards.setdefault(card.id, read.at)
                    self.cards.append(card)
        if without_id:
            self.error(
                node,
                f"{len(without_id)} card(s) have no 'id' (first at line {without_id[0][0]}); "
                "without one, editing the question starts the card's history afresh; `quiz check --fix` adds them",
                warning=True,
            )
        return entries

    def entry_rules(self, node: yaml.Node, fields: dict[str, tuple[yaml.Node, yaml.Node]], read: ReadCard) -> None:
        def at(key: str) -> yaml.Node:
            return fields[key][1] if key in fields else node

        entry = read.entry
        if entry.id is not None and not ID_PATTERN.fullmatch(entry.id):
            self.error(at("id"), f"card id '{entry.id}' may use only letters, digits, '.', '_', ':' and '-'")
        if ("question" in fields) == ("cloze" in fields):
            both = "question" in fields
            self.error(node, "a card has either a 'question' or a 'cloze', not both" if both else "a card needs a 'question' (with an 'answer') or a 'cloze'")
            return
        if entry.question is not None or "question" in fields:
            if not (entry.question or "").strip() and _readable(at("question")):
                self.error(at("question"), "empty question")
            if "answer" not in fields:
                self.error(node, "the card has no 'answer'")
            elif not (entry.answer or "").strip() and _readable(at("answer")):
                self.error(at("answer"), "empty answer")
            answers = (entry.answer or "", *entry.accept)
        else:
            gaps = self.cloze(at("cloze"), entry.cloze or "")
            if "answer" in fields:
                self.error(fields["answer"][0], "a cloze card takes its answers from its {{…}} gaps; remove 'answer'")
            if len(gaps) > 1:
                for key in ("accept", "choices"):
                    if key in fields:
                        self.error(fields[key][0], f"'{key}' needs a cloze with exactly one {{{{…}}}} gap")
            answers = (*gaps[:1], *entry.accept)
        self.choice_rules(at("choices"), entry.choices, answers)
        # Checked once the deck's sources are known, which may be written after its cards.
        read.shaped = True
        read.source_at = _position(at("source"))
        read.quote_at = _position(at("quote")) if "quote" in fields else None

    def source_rules(self, read: ReadCard, sources: dict[str, Source]) -> None:
        entry = read.entry
        if entry.source is None or read.source_at is None:
            return
        if entry.source not in sources:
            known = self.source_names
            hint = self.hint(entry.source, known) or (" (the deck has no 'sources')" if not known else "")
            self.error_at(read.source_at, f"unknown source '{entry.source}'{hint}")
        elif entry.quote and read.quote_at is not None:
            self.quote_rule(read.quote_at, entry.quote, sources[entry.source])

    def cloze(self, node: yaml.Node, text: str) -> list[str]:
        around, gaps = split_cloze(text)
        rest = "".join(around)
        if any("{{" in gap for gap in gaps) or "{{" in rest or "}}" in rest:
            self.error(node, "malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest")
        elif not gaps:
            self.error(node, "a cloze needs at least one {{gap}}, e.g. 'The OAS expelled Cuba in {{1962}}.'")
        elif any(not gap.strip() for gap in gaps):
            self.error(node, "empty cloze gap '{{}}'")
        return [gap.strip() for gap in gaps]

    def choice_rules(self, node: yaml.Node, choices: tuple[str, ...], answers: tuple[str, ...]) -> None:
        if not choices:
            return  # nothing to compare: normalising the answers is most of reading a deck
        forms = {answer_key(a) for a in answers}
        seen: set[str] = set()
        for choice in choices:
            key = answer_key(choice)
            if key in forms:
                self.error(node, f"choices contain the answer '{choice}'; list only wrong options")
            elif key in seen:
                self.error(node, f"choice '{choice}' is listed twice")
            seen.add(key)

    def quote_rule(self, at: Position, quote: str, source: Source) -> None:
        if self.source_files is None or not source.file:
            return
        # None: the file is unusable, which is reported where the source names it.
        if self.source_files.contains(source.file, quote) is False:
            self.error_at(at, f"quote not found in '{source.file}'", warning=True)


def _position(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _readable(node: yaml.Node) -> bool:
    """Whether `text()` reads the node without an error (so "empty" is news, not a repeat)."""
    return isinstance(node, yaml.ScalarNode) and node.tag in PLAIN_TAGS


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    text = " ".join(str(node.value).split())
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _did_you_mean(word: str, options: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
