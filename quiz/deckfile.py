"""Deck files: safe YAML loading into the deck model, with FILE:LINE:COL problems, and dumping.

Loading only *composes* YAML (builds nodes) and reads those nodes against the deck schema, so
no tag can construct an object, and every problem carries the position of the node it is about.
Scalars are read as the text written, so `answer: 1962` is "1962" and `answer: no` is "no".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from quiz.answers import normalise
from quiz.deck import CLOZE_GAP, Deck, Entry, Source, entry_id, expand

try:  # The C composer is several times faster; fall back when libyaml is missing.
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 16 * 1024 * 1024
# A document whose aliases expand past this many nodes is refused (billion-laughs defence).
MAX_EXPANDED_NODES = 1_000_000
# Deeper nesting is refused before composing: libyaml's composer recurses on the C stack and
# crashes the process at a few ten thousand levels. A deck needs four.
MAX_NESTING = 100

DECK_KEYS = ("title", "id", "description", "sources", "cards")
SOURCE_KEYS = ("title", "published", "file")
ENTRY_KEYS = ("id", "question", "cloze", "answer", "accept", "choices", "source", "quote", "tags", "note")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
# Tags plain scalars resolve to (`=` is "value", `<<` is "merge"): all read as the text written.
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "timestamp", "null", "value", "merge")
}
NULL_TAG = "tag:yaml.org,2002:null"
COLLECTION_TAGS = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        level = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}:{self.column}: {level}{self.message}"


class DeckError(Exception):
    """A deck could not be loaded; `problems` holds every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class CheckResult:
    deck: Deck | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "deck"


def check_path(path: str | Path, verify_sources: bool = False) -> CheckResult:
    """Read and validate a deck file; never raises for a bad file."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return CheckResult(None, [Problem(name, 1, 1, f"file is {size:,} bytes; decks are limited to {MAX_BYTES:,}")])
        raw = path.read_bytes()
    except OSError as exc:
        return CheckResult(None, [Problem(name, 1, 1, f"cannot read deck: {exc.strerror or exc}")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return CheckResult(None, [Problem(name, line, column, "not UTF-8 text (is this a deck file?)")])
    base = path.parent if verify_sources else None
    return check_text(text, name, default_id=slug(path.stem), base_dir=base, path=str(path.resolve()))


def check_text(
    text: str,
    filename: str = "<deck>",
    default_id: str = "deck",
    base_dir: Path | None = None,
    path: str | None = None,
) -> CheckResult:
    """Validate deck YAML text. With `base_dir`, also check cited files and quotes."""
    if len(text) > MAX_BYTES:
        return CheckResult(None, [Problem(filename, 1, 1, f"deck text is over {MAX_BYTES:,} characters")])
    try:
        too_deep = _too_deep(text)
        if too_deep is not None:
            return CheckResult(None, [Problem(filename, *too_deep, f"YAML nesting is deeper than {MAX_NESTING} levels")])
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = ": ".join(part for part in (exc.context, exc.problem) if part)
        return CheckResult(None, [Problem(filename, *where, f"invalid YAML: {what}")])
    except yaml.reader.ReaderError:
        # libyaml reports a byte offset; find the character ourselves.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        at = bad.start() if bad else 0
        line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        what = f"character {text[at]!r} is not allowed in YAML" if bad else "unreadable text"
        return CheckResult(None, [Problem(filename, line, column, f"invalid YAML: {what}")])
    except yaml.YAMLError as exc:
        return CheckResult(None, [Problem(filename, 1, 1, f"invalid YAML: {exc}")])
    except RecursionError:  # the pure-Python composer, when libyaml is missing
        return CheckResult(None, [Problem(filename, 1, 1, "YAML nesting is too deep")])
    reader = _Reader(filename, base_dir)
    if root is not None and "&" in text:
        reader.refuse_alias_bombs(root)
    deck = None if reader.problems else reader.deck(root, default_id, path)
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    return CheckResult(None if any(not p.warning for p in problems) else deck, problems)


def _too_deep(text: str) -> tuple[int, int] | None:
    """(line, column) where collections nest past MAX_NESTING, found by an iterative parse."""
    # Each level needs one of these characters, so most texts need no parse.
    if sum(text.count(ch) for ch in "[{-:?") <= MAX_NESTING:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def load_text(text: str, filename: str = "<deck>", default_id: str = "deck") -> Deck:
    return _deck_or_raise(check_text(text, filename, default_id))


def load_path(path: str | Path) -> Deck:
    return _deck_or_raise(check_path(path))


def _deck_or_raise(result: CheckResult) -> Deck:
    if result.deck is None:
        raise DeckError(result.errors)
    return result.deck


class _Reader:
    """Reads composed YAML nodes against the deck schema, collecting problems."""

    def __init__(self, filename: str, base_dir: Path | None) -> None:
        self.filename = filename
        self.base_dir = base_dir
        self.problems: list[Problem] = []

    def error(self, node: yaml.Node, message: str, warning: bool = False) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.filename, mark.line + 1, mark.column + 1, message, warning))

    def refuse_alias_bombs(self, root: yaml.Node) -> None:
        sizes: dict[int, int] = {}
        active: set[int] = set()

        def size(node: yaml.Node) -> int:
            key = id(node)
            if key in sizes:
                return sizes[key]
            if key in active:
                raise _Refused(node, "a YAML alias refers to itself")
            active.add(key)
            children: list[Any] = []
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            total = 1 + sum(size(child) for child in children)
            active.discard(key)
            if total > MAX_EXPANDED_NODES:
                raise _Refused(node, f"YAML aliases expand past {MAX_EXPANDED_NODES:,} nodes (an alias bomb?)")
            sizes[key] = total
            return total

        try:
            size(root)
        except _Refused as refused:
            self.error(refused.node, refused.message)
        except RecursionError:
            self.error(root, "YAML nesting is too deep")

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
                self.error(key_node, f"unknown key '{key}' in {what}{_did_you_mean(key, allowed)}")
                continue
            result[key] = (key_node, value_node)
        return result

    def plain_collection(self, node: yaml.Node, what: str) -> bool:
        if node.tag != COLLECTION_TAGS[type(node)]:
            self.error(node, f"{what} has unsupported YAML tag '{node.tag}'")
            return False
        return True

    def text(self, node: yaml.Node, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            if self.plain_collection(node, what):
                self.error(node, f"{what} must be text, not {_shape(node)}")
            return None
        if node.tag not in PLAIN_TAGS:
            self.error(node, f"{what} has unsupported YAML tag '{node.tag}'")
            return None
        if node.tag == NULL_TAG:
            return None
        return node.value

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
        if "id" in top and not ID_PATTERN.fullmatch(deck_id):
            self.error(top["id"][1], f"deck id '{deck_id}' may use only letters, digits, '.', '_', ':' and '-'")
        sources = self.sources(top["sources"][1]) if "sources" in top else {}
        entries = self.entries(top, deck_id, sources)
        return Deck(
            id=deck_id,
            title=(title or "").strip(),
            description=self.field(top, "description", "the deck"),
            sources=sources,
            entries=tuple(entries),
            path=path,
        )

    def sources(self, node: yaml.Node) -> dict[str, Source]:
        result: dict[str, Source] = {}
        for name, (key_node, value_node) in self.mapping(node, "'sources'", None).items():
            fields = self.mapping(value_node, f"source '{name}'", SOURCE_KEYS)
            published = self.published(fields)
            file = self.field(fields, "file", f"source '{name}'")
            if file and self.base_dir is not None and not (self.base_dir / file).is_file():
                self.error(fields["file"][1], f"source file '{file}' not found next to the deck", warning=True)
            result[name] = Source(title=self.field(fields, "title", f"source '{name}'"), published=published, file=file)
        return result

    def published(self, fields: dict[str, tuple[yaml.Node, yaml.Node]]) -> date | None:
        value = self.field(fields, "published", "a source")
        if value is None:
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.error(fields["published"][1], f"'published' must be a date like 2009-06-01, not '{value}'")
            return None

    def entries(self, top: dict[str, tuple[yaml.Node, yaml.Node]], deck_id: str, sources: dict[str, Source]) -> list[Entry]:
        if "cards" not in top:
            self.problems.append(Problem(self.filename, 1, 1, "the deck has no 'cards'"))
            return []
        node = top["cards"][1]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(node, "'cards' must be a non-empty list of cards")
            return []
        if not self.plain_collection(node, "'cards'"):
            return []
        seen: dict[str, yaml.Node] = {}
        seen_cards: dict[str, yaml.Node] = {}
        without_id: list[yaml.Node] = []
        entries = []
        for item in node.value:
            before = len(self.problems)
            entry = self.entry(item, sources)
            if entry is None:
                continue
            valid = all(p.warning for p in self.problems[before:])
            if valid:
                entries.append(entry)
            if entry.id is None:
                without_id.append(item)
            if not (valid or entry.id or (entry.question or entry.cloze or "").strip()):
                continue  # nothing to know the card by; its problems are reported already
            # Ids of cards with other problems count too, so every duplicate shows at once.
            card_id = entry_id(deck_id, entry)
            if card_id in seen:
                first = seen[card_id].start_mark.line + 1
                what = f"card id '{card_id}'" if entry.id else "card (same question"
                self.error(item, f"duplicate {what}{')' if not entry.id else ''} as the card at line {first}")
            else:
                seen[card_id] = item
                # A multi-gap cloze's cards are '<id>.1', '<id>.2', ...: these can collide too.
                for card in expand(deck_id, entry) if valid else ():
                    if card.id in seen_cards and card.id != card_id:
                        first = seen_cards[card.id].start_mark.line + 1
                        self.error(item, f"duplicate card id '{card.id}' as the card at line {first}")
                    seen_cards.setdefault(card.id, item)
        if without_id:
            line = without_id[0].start_mark.line + 1
            self.error(
                node,
                f"{len(without_id)} card(s) have no 'id' (first at line {line}); "
                "without one, editing the question starts the card's history afresh",
                warning=True,
            )
        return entries

    def entry(self, node: yaml.Node, sources: dict[str, Source]) -> Entry | None:
        """The entry as written (None when it is not a mapping); its problems go to `problems`."""
        fields = self.mapping(node, "a card", ENTRY_KEYS)
        if not fields:
            if isinstance(node, yaml.MappingNode) and node.tag == COLLECTION_TAGS[yaml.MappingNode]:
                self.error(node, "empty card: it needs a 'question' and 'answer', or a 'cloze'")
            return None
        values = {key: self.field(fields, key, "a card") for key in ("id", "question", "cloze", "answer", "source", "quote", "note")}
        lists = {key: self.texts(fields[key][1], f"'{key}'") if key in fields else () for key in ("accept", "choices", "tags")}
        entry = Entry(**values, **lists)  # type: ignore[arg-type]
        self.entry_rules(node, fields, entry, sources)
        return entry

    def entry_rules(self, node: yaml.Node, fields: dict[str, tuple[yaml.Node, yaml.Node]], entry: Entry, sources: dict[str, Source]) -> None:
        def at(key: str) -> yaml.Node:
            return fields[key][1] if key in fields else node

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
        if entry.source is not None and entry.source not in sources:
            known = tuple(sources)
            hint = _did_you_mean(entry.source, known) or (" (the deck has no 'sources')" if not known else "")
            self.error(at("source"), f"unknown source '{entry.source}'{hint}")
        elif entry.source is not None and entry.quote:
            self.quote_rule(at("quote"), entry.quote, sources[entry.source])

    def cloze(self, node: yaml.Node, text: str) -> list[str]:
        gaps = [match.group(1) for match in CLOZE_GAP.finditer(text)]
        rest = CLOZE_GAP.sub("", text)
        if any("{{" in gap for gap in gaps) or "{{" in rest or "}}" in rest:
            self.error(node, "malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest")
        elif not gaps:
            self.error(node, "a cloze needs at least one {{gap}}, e.g. 'The OAS expelled Cuba in {{1962}}.'")
        elif any(not gap.strip() for gap in gaps):
            self.error(node, "empty cloze gap '{{}}'")
        return [gap.strip() for gap in gaps]

    def choice_rules(self, node: yaml.Node, choices: tuple[str, ...], answers: tuple[str, ...]) -> None:
        forms = {_answer_key(a) for a in answers}
        seen: set[str] = set()
        for choice in choices:
            key = _answer_key(choice)
            if key in forms:
                self.error(node, f"choices contain the answer '{choice}'; list only wrong options")
            elif key in seen:
                self.error(node, f"choice '{choice}' is listed twice")
            seen.add(key)

    def quote_rule(self, node: yaml.Node, quote: str, source: Source) -> None:
        if self.base_dir is None or not source.file:
            return
        try:
            body = (self.base_dir / source.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return  # The missing file is reported where the source is defined.
        if " ".join(quote.split()) not in " ".join(body.split()):
            self.error(node, f"quote not found in '{source.file}'", warning=True)


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.node = node
        self.message = message


def _readable(node: yaml.Node) -> bool:
    """Whether `text()` reads the node without an error (so "empty" is news, not a repeat)."""
    return isinstance(node, yaml.ScalarNode) and node.tag in PLAIN_TAGS


def _answer_key(text: str) -> str:
    # As quiz.answers.check compares: answers made only of symbols compare as typed.
    return normalise(text) or " ".join(text.casefold().split())


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'"


def _did_you_mean(word: str, options: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# -- dumping --------------------------------------------------------------------------------


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Short lists of scalars in flow style ([a, b]), everything else in block style."""


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:
    short = all(isinstance(item, str) and "\n" not in item for item in items) and sum(len(str(i)) + 2 for i in items) < 70
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=short)


_Dumper.add_representer(list, _represent_list)


def to_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain YAML-ready data, keys in the documented order, empty fields left out."""
    data: dict[str, Any] = {"title": deck.title, "id": deck.id}
    if deck.description is not None:
        data["description"] = deck.description
    if deck.sources:
        data["sources"] = {name: _compact(vars(source)) for name, source in deck.sources.items()}
    data["cards"] = [_compact({key: getattr(entry, key) for key in ENTRY_KEYS}) for entry in deck.entries]
    return data


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in values.items() if value not in (None, ())}


def dump(deck: Deck) -> str:
    return yaml.dump(to_data(deck), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
