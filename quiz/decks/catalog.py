"""Finding decks: the known-deck folders, and deck names given on the command line.

Known decks live in `./decks`, the data directory's `decks/` and the decks bundled with quiz,
searched in that order; when two files have the same deck id, the first one found wins.
A generated deck `NAME-generated.yaml` stands aside from the default set (what `quiz study`
with no deck studies) while a hand-written `NAME.yaml` is known, so one fact is not asked
twice from both; it can still be studied by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz.decks import cache as deckcache
from quiz.decks.model import Deck
from quiz.paths import bundled_decks_dir, cache_dir, user_decks_dir

DECK_SUFFIXES = (".yaml", ".yml")
GENERATED_SUFFIX = "-generated"


class CatalogError(Exception):
    """A deck named on the command line does not exist or does not load."""


@dataclass(frozen=True)
class DeckFile:
    path: Path
    deck: Deck | None
    problems: tuple[str, ...]


def deck_dirs() -> list[Path]:
    dirs = [Path.cwd() / "decks", user_decks_dir()]
    bundled = bundled_decks_dir()
    if bundled is not None:
        dirs.append(bundled)
    return dirs


def known_files(folders: list[Path] | None = None, warn: Callable[[str], None] | None = None) -> list[Path]:
    """Deck files in the known-deck folders (or the given ones), each file once. A folder that
    cannot be read is left out with a warning, or is a CatalogError when there is no `warn`."""
    seen: set[Path] = set()
    files = []
    # ./decks is the data folder's decks/ when quiz runs there: read (and warned about) once.
    unique: dict[Path, Path] = {}
    for folder in deck_dirs() if folders is None else folders:
        unique.setdefault(folder.resolve(), folder)
    for folder in unique.values():
        try:
            listed = _deck_files(folder)
        except OSError as exc:
            problem = f"cannot read the deck folder {folder}: {exc.strerror or exc}"
            if warn is None:
                raise CatalogError(problem) from None
            warn(f"{problem}; its decks are left out")
            continue
        for path in listed:
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                files.append(path)
    return files


def _deck_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.iterdir()) if path.suffix in DECK_SUFFIXES and path.is_file()]


def read(path: Path) -> DeckFile:
    cached = deckcache.read(cache_dir(), path)
    if cached is not None:
        return DeckFile(path, cached, ())
    from quiz.decks.file import collector_paused  # YAML is parsed only when the cache misses
    from quiz.decks.refresh import reread

    with collector_paused():
        # Only what changed since the file was cached is read again.
        deck, errors = reread(cache_dir(), path)
    return DeckFile(path, deck, tuple(str(p) for p in errors))


def default_files(warn: Callable[[str], None]) -> list[Path]:
    """Known deck files less generated decks that a hand-written deck of the same name replaces."""
    files = known_files(warn=warn)
    stems = {path.stem for path in files}
    return [
        path for path in files
        if not (path.stem.endswith(GENERATED_SUFFIX) and path.stem.removesuffix(GENERATED_SUFFIX) in stems)
    ]


def known_decks(warn: Callable[[str], None], default_only: bool = True) -> list[Deck]:
    """Known decks that load (the default set, or all), one per id; `warn` hears about the rest."""
    decks: dict[str, Deck] = {}
    for path in default_files(warn) if default_only else known_files(warn=warn):
        found = read(path)
        if found.deck is None:
            warn(f"skipping {path}: {len(found.problems)} error(s); run `quiz check {path}`")
        elif found.deck.id not in decks:
            decks[found.deck.id] = found.deck
    return list(decks.values())


def resolve(names: list[str], warn: Callable[[str], None]) -> list[Deck]:
    """Decks named by file, folder (every deck in it) or id, in the order given."""
    chosen: dict[str, Deck] = {}
    known: list[Deck] | None = None
    for name in names:
        path = Path(name)
        if path.is_dir():
            files = known_files([path])
            if not files:
                raise CatalogError(f"no deck files (*.yaml, *.yml) in {path}")
            for deck in (_loaded(file) for file in files):
                chosen.setdefault(deck.id, deck)
            continue
        if path.suffix in DECK_SUFFIXES or path.exists():
            deck = _loaded(path)
        else:
            known = known if known is not None else known_decks(warn, default_only=False)
            matches = [deck for deck in known if deck.id == name]
            if not matches:
                ids = ", ".join(sorted(deck.id for deck in known)) or "none"
                raise CatalogError(f"no deck file or deck id '{name}' (known deck ids: {ids})")
            deck = matches[0]
        chosen.setdefault(deck.id, deck)
    return list(chosen.values())


def _loaded(path: Path) -> Deck:
    found = read(path)
    if found.deck is None:
        raise CatalogError("\n".join(found.problems))
    return found.deck

