"""Composing a deck's YAML into nodes from libyaml's events, handing each card over as soon as it
is composed: a deck is read in memory bounded by its largest card, not by a tree of every node.

This is PyYAML's composer (the same nodes, tags and marks, the same errors) with quiz's limits
built in, so that neither needs a pass of its own: nesting deeper than MAX_NESTING is refused as
it is met (libyaml's own composer recursed on the C stack and crashed at a few ten thousand
levels), and so are aliases that expand past MAX_EXPANDED_NODES nodes (billion laughs) or refer
to themselves. Scalars are not resolved beyond what the deck reader asks (null, or text): every
plain scalar is read as the text written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

MAX_NESTING = 100
# A document whose aliases expand past this many nodes is refused (billion-laughs defence).
MAX_EXPANDED_NODES = 1_000_000
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
# PyYAML's resolver reads these plain scalars as null; every other plain scalar resolves to a tag
# the deck reader reads as text, so it is given the text's.
_NULL = frozenset(("~", "null", "Null", "NULL", ""))


class Refused(Exception):
    """The document breaks one of quiz's limits at `mark`."""

    def __init__(self, mark: Any, message: str) -> None:
        self.mark = mark
        self.message = message


class Composer:
    """Composes the single document of `text`. The items of the sequence under the first key of
    the root mapping that `streamed` accepts go to `on_item` one by one instead of into their
    node, which stays empty.

    Each event is fetched once (`get_event`, never `check_event` then `get_event`): a call into
    libyaml's binding costs as much as composing the node, and a deck is millions of events.
    """

    def __init__(self, text: str, loader: type[Any], streamed: Callable[[yaml.Node], bool], on_item: Callable[[yaml.Node], None]) -> None:
        self._parser = loader(text)
        self._get = self._parser.get_event
        self._streamed = streamed
        self._on_item = on_item
        self._anchors: dict[str, yaml.Node] = {}
        self._open_anchors: set[str] = set()
        self._sizes: dict[int, int] = {}
        # Nodes that aliases have added so far: a collection's share is the growth while it is open.
        self._expanded = 0

    def document(self) -> yaml.Node | None:
        """The root node (None for an empty stream); raises yaml.YAMLError or Refused."""
        parser = self._parser
        try:
            self._get()  # StreamStart
            document = self._get()
            if type(document) is yaml.StreamEndEvent:
                return None
            root = self._root(self._get())
            self._get()  # DocumentEnd
            extra = self._get()
            if type(extra) is not yaml.StreamEndEvent:
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream", document.start_mark, "but found another document", extra.start_mark
                )
            return root
        finally:
            parser.dispose()

    def items(self, depth: int) -> list[yaml.Node] | None:
        """The items of `text` read as one plain sequence at `depth` (a deck's cards are at 1),
        or None when it is not one; raises yaml.YAMLError or Refused (quiz/decks/chunks.py)."""
        try:
            self._get()  # StreamStart
            self._get()  # DocumentStart
            event = self._get()
            if not _plain(event, yaml.SequenceStartEvent, SEQ_TAG):
                return None
            self._deeper(event, depth)
            items = []
            while type(event := self._get()) is not yaml.SequenceEndEvent:
                items.append(self._node(event, depth + 1))
            self._get()  # DocumentEnd
            return items if type(self._get()) is yaml.StreamEndEvent else None
        finally:
            self._parser.dispose()

    @property
    def anchored(self) -> bool:
        """Whether the text composed so far defined an anchor."""
        return bool(self._anchors)

    def _root(self, event: Any) -> yaml.Node:
        if not _plain(event, yaml.MappingStartEvent, MAP_TAG):
            return self._node(event, 0)
        # The deck's own mapping: composed here so that its sequence of cards can be streamed.
        node = yaml.MappingNode(MAP_TAG, [], event.start_mark, None, flow_style=event.flow_style)
        expanded = self._expanded
        streaming = True
        while type(event := self._get()) is not yaml.MappingEndEvent:
            key = self._node(event, 1)
            event = self._get()
            if streaming and self._streamed(key):
                streaming = False  # only the first: a repeated key is reported, not read
                value = self._items(event, 1) if _plain(event, yaml.SequenceStartEvent, SEQ_TAG) else self._node(event, 1)
            else:
                value = self._node(event, 1)
            node.value.append((key, value))
        node.end_mark = event.end_mark
        self._close(node, expanded)
        return node

    def _items(self, event: Any, depth: int) -> yaml.Node:
        """A plain sequence (no alias can refer to it) whose items go to `on_item`."""
        node = yaml.SequenceNode(SEQ_TAG, [], event.start_mark, None, flow_style=event.flow_style)
        self._deeper(event, depth)
        expanded = self._expanded
        while type(event := self._get()) is not yaml.SequenceEndEvent:
            self._on_item(self._node(event, depth + 1))
        node.end_mark = event.end_mark
        self._close(node, expanded)
        return node

    def _node(self, event: Any, depth: int) -> yaml.Node:
        """The node that `event` starts (Any: libyaml's events carry marks of their own type)."""
        kind = type(event)  # not isinstance, which would narrow `event` from Any
        anchor = event.anchor
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = NULL_TAG if event.implicit[0] and event.value in _NULL else STR_TAG
            node: yaml.Node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            if anchor is not None:
                self._anchor(anchor, node)
            return node
        if kind is yaml.AliasEvent:
            return self._alias(event)
        self._deeper(event, depth)
        expanded = self._expanded
        get = self._get
        if kind is yaml.SequenceStartEvent:
            node = yaml.SequenceNode(_tag(event, SEQ_TAG), [], event.start_mark, None, flow_style=event.flow_style)
            if anchor is not None:
                self._anchor(anchor, node)
                self._open_anchors.add(anchor)
            items = node.value
            while type(event := get()) is not yaml.SequenceEndEvent:
                items.append(self._node(event, depth + 1))
        else:
            node = yaml.MappingNode(_tag(event, MAP_TAG), [], event.start_mark, None, flow_style=event.flow_style)
            if anchor is not None:
                self._anchor(anchor, node)
                self._open_anchors.add(anchor)
            pairs = node.value
            while type(event := get()) is not yaml.MappingEndEvent:
                key = self._node(event, depth + 1)
                pairs.append((key, self._node(get(), depth + 1)))
        node.end_mark = event.end_mark
        self._close(node, expanded)
        if anchor is not None:
            self._open_anchors.discard(anchor)
        return node

    def _anchor(self, anchor: str, node: yaml.Node) -> None:
        if anchor in self._anchors:
            raise yaml.composer.ComposerError(
                "found duplicate anchor; first occurrence", self._anchors[anchor].start_mark, "second occurrence", node.start_mark
            )
        self._anchors[anchor] = node

    def _deeper(self, event: Any, depth: int) -> None:
        if depth >= MAX_NESTING:
            raise Refused(event.start_mark, f"YAML nesting is deeper than {MAX_NESTING} levels")

    def _close(self, node: yaml.Node, expanded: int) -> None:
        """Refuses `node` if the aliases within it expanded past the limit (`expanded`: the
        count when it opened)."""
        if self._expanded - expanded > MAX_EXPANDED_NODES:
            raise Refused(node.start_mark, f"YAML aliases expand past {MAX_EXPANDED_NODES:,} nodes (an alias bomb?)")

    def _alias(self, event: Any) -> yaml.Node:
        anchor = event.anchor
        if anchor not in self._anchors:
            raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
        node = self._anchors[anchor]
        if anchor in self._open_anchors:
            raise Refused(node.start_mark, "a YAML alias refers to itself")
        self._expanded += self._size(node)
        return node

    def _size(self, node: yaml.Node) -> int:
        """How many nodes `node` stands for with its aliases expanded."""
        key = id(node)
        if key not in self._sizes:
            children: list[yaml.Node] = []
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                children = [child for pair in node.value for child in pair]
            self._sizes[key] = 1 + sum(self._size(child) for child in children)
        return self._sizes[key]


def _plain(event: Any, kind: Any, tag: str) -> bool:
    """Whether the event starts a collection of this kind, untagged and unanchored."""
    return type(event) is kind and event.anchor is None and _tag(event, tag) == tag


def _tag(event: Any, default: str) -> str:
    return default if event.tag is None or event.tag == "!" else event.tag
