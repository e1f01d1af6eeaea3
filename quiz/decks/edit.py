"""Changing a deck file in place: adding cards, and ids to the cards without one, with every other
byte kept (comments, key order, quoting, blank lines, indentation, wrapped lines).

Edits are splices at the positions the YAML composer gives each node, not a re-dump of the whole
document: a round-trip dumper (ruamel.yaml) re-indents and re-wraps what it did not change, which
on the bundled decks alters 39 and 425 lines. Only the new text is dumped, in the file's indentation.
The caller checks the edited text with the deck rules before writing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from quiz.decks.file import dump_yaml, entry_data, source_data
from quiz.decks.model import Deck, Entry, Source, entry_id

NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class IdAdded:
    line: int
    card_id: str
    text: str


@dataclass(frozen=True)
class _Splice:
    start: int
    end: int
    text: str


def _cards_node(text: str) -> yaml.SequenceNode:
    # The pure-Python composer: its marks are exact character offsets into `text`.
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("a deck is a mapping")
    for key, value in root.value:
        if key.value == "cards" and isinstance(value, yaml.SequenceNode):
            return value
    raise ValueError("the deck has no list of cards")


def _apply(text: str, splices: list[_Splice]) -> str:
    for splice in sorted(splices, key=lambda s: s.start, reverse=True):
        text = text[: splice.start] + splice.text + text[splice.end :]
    return text


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def add_ids(text: str, deck: Deck) -> tuple[str, list[IdAdded]]:
    """`text` (a valid deck, read as `deck`) with an `id` for every card lacking one.

    The id is the one the card's history is already stored under (its text key), so adding it
    changes no card's identity.
    """
    items = _cards_node(text).value
    if len(items) != len(deck.entries):
        raise ValueError("the deck's cards do not match its text")
    splices, added = [], []
    for item, entry in zip(items, deck.entries):
        if entry.id is not None or not isinstance(item, yaml.MappingNode):
            continue
        card_id = entry_id(deck.id, entry)
        splices.append(_id_splice(text, item, card_id))
        added.append(IdAdded(item.start_mark.line + 1, card_id, entry.question or entry.cloze or ""))
    return _apply(text, splices), added


def _id_splice(text: str, item: yaml.MappingNode, card_id: str) -> _Splice:
    for key, value in item.value:
        if key.value == "id":  # written, but null: fill it in
            start, end = value.start_mark.index, value.end_mark.index
            return _Splice(start, end, card_id if end > start else f" {card_id}")
    first = item.value[0][0].start_mark
    if item.flow_style:
        return _Splice(first.index, first.index, f"id: {card_id}, ")
    return _Splice(first.index, first.index, f"id: {card_id}{_newline(text)}{' ' * first.column}")


def append_card(text: str, entry: Entry) -> tuple[str, int]:
    """`text` with `entry` added as the last card, laid out like the cards before it, and the
    line the new card starts on."""
    return append_cards(text, [entry])


def append_cards(text: str, entries: list[Entry]) -> tuple[str, int]:
    """`text` with `entries` added after the last card, and the line the first one starts on."""
    cards = _cards_node(text)
    if not entries:
        return text, text.count("\n") + 1
    if cards.flow_style:
        flow = ", ".join(dump_yaml(entry_data(entry), flow=True).strip() for entry in entries)
        close = cards.end_mark.index - 1  # the ']'
        separator = ", " if cards.value else ""
        at = _end(cards.value[-1]) if cards.value else close
        return _apply(text, [_Splice(at, at, separator + flow)]), text.count("\n", 0, at) + 1
    newline = _newline(text)
    last = cards.value[-1]
    dash, key = _columns(text, cards, last)
    gap = newline if len(cards.value) > 1 and _blank_line_between(text, cards.value[-2], last) else ""
    blocks = []
    for entry in entries:
        lines = dump_yaml([entry_data(entry)]).splitlines()
        block = [" " * dash + "-" + " " * (key - dash - 1) + lines[0][2:]]
        block += [" " * key + line[2:] if line.strip() else "" for line in lines[1:]]
        blocks.append(gap + newline.join(block) + newline)
    end = text.find("\n", _end(last))
    at = len(text) if end < 0 else end + 1
    lead = newline if end < 0 else ""
    line = text.count("\n", 0, at) + 1 + bool(lead) + bool(gap)
    return _apply(text, [_Splice(at, at, lead + "".join(blocks))]), line


def add_sources(text: str, sources: dict[str, Source]) -> str:
    """`text` with `sources` added to the deck's `sources:` (made before `cards:` if missing)."""
    if not sources:
        return text
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("a deck is a mapping")
    keys = {key.value: (key, value) for key, value in root.value}
    newline = _newline(text)
    items = {name: source_data(source) for name, source in sources.items()}
    if "sources" not in keys:
        cards_key = keys["cards"][0]
        at = text.rfind("\n", 0, cards_key.start_mark.index) + 1
        block = dump_yaml({"sources": items}).replace("\n", newline)
        return _apply(text, [_Splice(at, at, " " * cards_key.start_mark.column + block)])
    node = keys["sources"][1]
    if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:  # `sources:` with nothing
        start, end = node.start_mark.index, node.end_mark.index
        flow = dump_yaml(items, flow=True).strip()
        return _apply(text, [_Splice(start, end, flow if end > start else " " + flow)])
    if not isinstance(node, yaml.MappingNode):
        raise ValueError("'sources' is not a mapping")
    if node.flow_style or not node.value:
        flow = dump_yaml(items, flow=True).strip()[1:-1]
        if not node.value:  # `sources: {}`: write the mapping in its place
            return _apply(text, [_Splice(node.start_mark.index, node.end_mark.index, "{" + flow + "}")])
        at = _end(node.value[-1][1])
        return _apply(text, [_Splice(at, at, ", " + flow)])
    indent = node.value[0][0].start_mark.column
    lines = [" " * indent + line for line in dump_yaml(items).splitlines()]
    end = text.find("\n", _end(node))
    at = len(text) if end < 0 else end + 1
    return _apply(text, [_Splice(at, at, (newline if end < 0 else "") + newline.join(lines) + newline)])


def _end(node: yaml.Node) -> int:
    """Where a node's own text ends (a block collection's end mark lies past what follows it)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        return node.end_mark.index
    last: Any = node.value[-1]
    return _end(last[1] if isinstance(node, yaml.MappingNode) else last)


def _columns(text: str, cards: yaml.SequenceNode, item: yaml.Node) -> tuple[int, int]:
    """The columns of the last card's dash and of its first key."""
    line_start = text.rfind("\n", 0, item.start_mark.index) + 1
    before = text[line_start : item.start_mark.index].rstrip()
    if isinstance(item, yaml.MappingNode) and not item.flow_style and before.endswith("-"):
        return len(before) - 1, item.start_mark.column
    return cards.start_mark.column, cards.start_mark.column + 2


def _blank_line_between(text: str, first: yaml.Node, second: yaml.Node) -> bool:
    between = text[_end(first) : second.start_mark.index]
    return any(not line.strip() for line in between.split("\n")[1:-1])
