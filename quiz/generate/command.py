"""The `quiz generate` command's I/O: reading articles (files or stdin), refusing to overwrite,
--merge into an existing deck, writing atomically, progress on stderr. All file access of the
generator lives here; errors are GenerateError with a message that names the file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from quiz.decks.model import Deck
from quiz.generate import GenerateError, generate
from quiz.generate.options import Options, Output

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", "")


def main(articles: list[str], output: Output, options: Options) -> int:
    if not articles:
        raise GenerateError("give at least one article file (or - for stdin)")
    target = output.path
    if target is not None:
        _check_target(target, output.force, output.merge)
    texts = [(_cited_name(name, target), read_article(name)) for name in articles]
    progress = StderrProgress()
    deck = generate(texts, options, progress=progress)
    from quiz.decks.file import dump, slug
    from quiz.files import FileError, locked, write_text

    if target is None:
        sys.stdout.write(dump(deck))
        return 0
    try:
        if output.merge:
            # Read, merge and write under one lock, so merges running at once add up.
            with locked(target):
                deck = merged(_load(target), deck)
                write_text(target, dump(deck))
        else:
            # A deck file's id defaults to its name; say so explicitly so `quiz study NAME` finds it.
            deck = replace(deck, id=slug(target.stem))
            # Without --force, never replace a deck, even one another run wrote meanwhile.
            write_text(target, dump(deck), create_only=not output.force)
    except FileError as exc:
        raise GenerateError(str(exc)) from None
    progress(f"wrote {len(deck.entries)} cards to {target}")
    return 0


def read_article(name: str) -> str:
    """The article's text; a clean error for missing, unreadable, binary or non-UTF-8 input."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        shown = "stdin"
    else:
        path = Path(name)
        shown = name
        if path.suffix.lower() not in SUFFIXES:
            raise GenerateError(f"{name}: not an article (expected .txt, .md or .html)")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except IsADirectoryError:
            raise GenerateError(f"{name}: is a directory, not an article file") from None
        except OSError as exc:
            raise GenerateError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise GenerateError(f"{shown}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it into articles")
    if b"\x00" in data:
        raise GenerateError(f"{shown}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GenerateError(f"{shown}: not UTF-8 text") from None
    if not text.strip():
        raise GenerateError(f"{shown}: is empty")
    return text


def _cited_name(name: str, target: Path | None) -> str:
    """How the deck cites the article: relative to the deck's folder when writing a file."""
    if name == "-" or target is None:
        return name
    return os.path.relpath(Path(name).resolve(), target.resolve().parent).replace(os.sep, "/")


def _check_target(target: Path, force: bool, merge: bool) -> None:
    if target.is_dir():
        raise GenerateError(f"{target}: is a directory; give a deck file name like deck.yaml")
    if target.exists() and not (force or merge):
        raise GenerateError(f"{target}: already exists; use --force to replace it or --merge to add new cards")
    if merge and not target.exists():
        raise GenerateError(f"{target}: no deck to merge into")
    if not target.parent.resolve().is_dir():
        raise GenerateError(f"{target}: folder {target.parent} does not exist")


def _load(target: Path) -> Deck:
    from quiz.decks.file import DeckError, load_path

    try:
        return load_path(target)
    except DeckError as exc:
        raise GenerateError(f"{target}: cannot merge into a deck with errors:\n{exc}") from None


def merged(existing: Deck, new: Deck) -> Deck:
    """The existing deck, hand edits kept, plus the new cards whose ids it does not have yet."""
    have = {entry.id for entry in existing.entries if entry.id}
    added = tuple(entry for entry in new.entries if entry.id not in have)
    sources = dict(new.sources)
    sources.update(existing.sources)
    return replace(existing, sources=sources, entries=existing.entries + added)


class StderrProgress:
    """Progress on stderr, never stdout (which may be the deck): a line per stage, and on a
    terminal a bar under way, redrawn in place when its percentage changes."""

    WIDTH = 30

    def __init__(self) -> None:
        self.bar = sys.stderr.isatty()
        self.shown: int | None = None

    def __call__(self, message: str) -> None:
        self._end_bar()
        print(message, file=sys.stderr, flush=True)

    def advance(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if not self.bar or percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        sys.stderr.write(f"\r  [{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}%")
        sys.stderr.flush()

    def _end_bar(self) -> None:
        if self.shown is not None:
            sys.stderr.write("\n")
            self.shown = None
