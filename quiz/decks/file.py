"""Deck files: safe YAML loading into the deck model, with FILE:LINE:COL problems, and dumping.

Loading only *composes* YAML (builds nodes, quiz/decks/compose.py), refusing oversized, over-deep
and alias-bombed input; quiz/decks/reader.py reads the nodes against the deck schema, each card
as soon as it is composed, so no tag can construct an object, memory stays bounded, and every
problem carries the position of the node it is about. Given the chunks of the file's last
version that the cache knows (`known`), only the cards that changed are composed again
(quiz/decks/chunks.py), with the same results.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quiz.decks import chunks
from quiz.decks.compose import MAX_NESTING, Composer, Refused
from quiz.decks.model import ENTRY_KEYS, Deck, Entry, Source
from quiz.decks.reader import ID_PATTERN, Problem, SchemaReader
from quiz.decks.sources import SourceFiles

__all__ = ["ID_PATTERN", "CheckResult", "DeckError", "Problem", "check_bytes", "check_path", "check_text", "dump", "load_path", "load_text"]

try:  # The C composer is several times faster; fall back when libyaml is missing.
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 16 * 1024 * 1024


class DeckError(Exception):
    """A deck could not be loaded; `problems` holds every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class CheckResult:
    deck: Deck | None
    problems: list[Problem] = field(default_factory=list)
    # What the cache keeps of each card, when the deck was read chunk by chunk (quiz/decks/chunks.py).
    chunks: chunks.Records | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "deck"


def check_path(path: str | Path, verify_sources: bool = False, source_root: Path | None = None, known: chunks.Known | None = None) -> CheckResult:
    """Read and validate a deck file; never raises for a bad file.

    With `verify_sources`, also check cited files and quotes; cited files are read only inside
    `source_root` (default: the deck's own folder), see quiz/decks/sources.py. With `known`,
    read it chunk by chunk where it can (see `check_text`).
    """
    from quiz.files import FileError, read_bytes

    path = Path(path)
    try:
        raw = read_bytes(path, MAX_BYTES, "deck")
    except FileError as exc:
        return CheckResult(None, [Problem(str(path), 1, 1, exc.reason)])
    return check_bytes(raw, path, verify_sources, source_root, known)


def check_bytes(raw: bytes, path: Path, verify_sources: bool = False, source_root: Path | None = None, known: chunks.Known | None = None) -> CheckResult:
    """`check_path` of the bytes read from `path`."""
    name = str(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return CheckResult(None, [Problem(name, line, column, "not UTF-8 text (is this a deck file?)")])
    sources = SourceFiles(path.parent, source_root) if verify_sources else None
    return check_text(text, name, default_id=slug(path.stem), sources=sources, path=str(path.resolve()), known=known)


def check_text(
    text: str,
    filename: str = "<deck>",
    default_id: str = "deck",
    base_dir: Path | None = None,
    path: str | None = None,
    sources: SourceFiles | None = None,
    known: chunks.Known | None = None,
) -> CheckResult:
    """Validate deck YAML text. With `base_dir` (or `sources`), also check cited files and quotes.

    With `known` (chunks of an earlier version, from the cache), the text is read chunk by chunk
    where quiz/decks/chunks.py can prove that gives what reading it whole does, composing only
    the chunks not known; the result then carries the chunks for the cache.
    """
    if len(text) > MAX_BYTES:
        return CheckResult(None, [Problem(filename, 1, 1, f"deck text is over {MAX_BYTES:,} characters")])
    if sources is None and base_dir is not None:
        sources = SourceFiles(base_dir)
    with collector_paused():
        return _check_text(text, filename, default_id, path, sources, known)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a deck is read (or cached): reading makes no cycles,
    but its hundreds of thousands of objects set off full collections that walk every object
    alive (a second or more of a 100,000-card deck)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_text(text: str, filename: str, default_id: str, path: str | None, sources: SourceFiles | None, known: chunks.Known | None) -> CheckResult:
    # Nothing known (a new file): composing chunk by chunk costs more than the whole at once,
    # which shows as well which chunks would read alone as they read in the file.
    if known is not None and len(known):
        reader = SchemaReader(filename, sources, escapes="\\" in text)
        incremental = chunks.read(text, reader, known, _Loader)
        if incremental is not None:
            cards_root, records = incremental
            return _result(reader, reader.deck(cards_root, default_id, path), records)
    reader = SchemaReader(filename, sources, escapes="\\" in text)
    witness = chunks.Witness(reader) if known is not None else None
    try:
        if witness is None:
            root = Composer(text, _Loader, reader.is_cards_key, reader.card).document()
        else:
            composer = Composer(text, _Loader, witness.streamed, witness.item)
            root = composer.document()
            witness.anchored = composer.anchored
    except Refused as refused:
        return CheckResult(None, [Problem(filename, refused.mark.line + 1, refused.mark.column + 1, refused.message)])
    except yaml.MarkedYAMLError as exc:
        too_deep = _libyaml_too_deep(exc, text)
        if too_deep is not None:
            return CheckResult(None, [Problem(filename, *too_deep, f"YAML nesting is deeper than {MAX_NESTING} levels")])
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
    result = _result(reader, reader.deck(root, default_id, path))
    if witness is not None and result.deck is not None:
        result.chunks = witness.records(text, root)
    return result


def _result(reader: SchemaReader, deck: Deck | None, records: chunks.Records | None = None) -> CheckResult:
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    if any(not p.warning for p in problems):
        return CheckResult(None, problems)
    return CheckResult(deck, problems, records)


def _libyaml_too_deep(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int] | None:
    """Where collections nest past MAX_NESTING, when libyaml stopped at its own limit first.

    libyaml 0.2.6 and later stop at 1,000 levels, and its scanner reads far enough ahead to get
    there before the composer reaches quiz's limit: find that with the pure-Python parser, which
    yields events as it goes and has no limit of its own.
    """
    if "maximum nesting depth" not in str(error.problem) or _Loader is yaml.SafeLoader:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1) if mark else (1, 1)
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


# -- dumping --------------------------------------------------------------------------------


class _Dumper(_BaseDumper):
    """Short lists of scalars in flow style ([a, b]), everything else in block style."""


def _represent_list(dumper: Any, items: list[Any]) -> yaml.Node:
    short = all(isinstance(item, str) and "\n" not in item for item in items) and sum(len(str(i)) + 2 for i in items) < 70
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=short)


def _represent_str(dumper: Any, text: str) -> yaml.Node:
    # Several lines read best as a literal block; PyYAML quotes instead when a block cannot hold the text.
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def to_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain YAML-ready data, keys in the documented order, empty fields left out."""
    data: dict[str, Any] = {"title": deck.title, "id": deck.id}
    if deck.description is not None:
        data["description"] = deck.description
    if deck.exam is not None:
        data["exam"] = deck.exam.isoformat()
    if deck.sources:
        data["sources"] = {name: source_data(source) for name, source in deck.sources.items()}
    data["cards"] = [entry_data(entry) for entry in deck.entries]
    return data


def source_data(source: Source) -> dict[str, Any]:
    return _compact(vars(source))


def entry_data(entry: Entry) -> dict[str, Any]:
    """A card entry as YAML-ready data, keys in the documented order, empty fields left out."""
    return _compact({key: getattr(entry, key) for key in ENTRY_KEYS})


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in values.items() if value not in (None, ())}


def dump(deck: Deck) -> str:
    return dump_yaml(to_data(deck))


def dump_yaml(data: Any, flow: bool = False) -> str:
    """Data as deck YAML: keys in the order given; with `flow`, on one line ({a: b, c: [d]})."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=flow)
