"""The files a deck's sources cite: where they may be, and reading them to check quotes.

A deck is text from anywhere, so a `file:` it names is read only inside the source root, after
links are resolved: the deck's own folder, unless the person names another (`quiz check
--source-root DIR`). Without that rule an absolute path, `../` or a link out of the folder
would let a deck find out whether a quote occurs in any file the person can read. Only regular
files are read, at most MAX_BYTES each and each once per deck, and quote searches stop after
SCAN_BUDGET characters in all (a fraction of a second), so a deck of many quotes citing a
large file takes time linear in its size, not its size times the file's.
"""

from __future__ import annotations

from pathlib import Path

from quiz.files import FileError, read_bytes

MAX_BYTES = 16 * 1024 * 1024
SCAN_BUDGET = 2**31


class SourceFiles:
    """The cited files of one deck, read on first use."""

    def __init__(self, deck_dir: Path, root: Path | None = None) -> None:
        self.deck_dir = deck_dir
        self.root = (root or deck_dir).resolve()
        self.chosen_root = root is not None
        # A file's text with its spacing collapsed, or why it cannot be read.
        self._texts: dict[Path, str | FileError | UnicodeDecodeError] = {}
        self._found: dict[tuple[Path, str], bool] = {}
        self.scanned = 0
        self.unchecked = 0  # quotes left unchecked once the scan budget was spent

    def problem(self, file: str) -> str | None:
        """Why `file` cannot be used to check quotes (a warning), or None when it can."""
        try:
            real = (self.deck_dir / file).resolve()
        except (OSError, ValueError):  # a NUL byte, or a name the OS cannot resolve
            return f"source file '{_shown(file)}' is not a usable file name"
        if not real.is_relative_to(self.root):
            where = f"the source root {self.root}" if self.chosen_root else "the deck's folder"
            return (
                f"source file '{file}' is outside {where}, so it is not read;"
                " `quiz check --source-root DIR` allows files anywhere under DIR"
            )
        text = self._text(real)
        if isinstance(text, FileError):
            try:
                exists = real.exists()
            except OSError:  # a name too long for the OS
                return f"source file '{_shown(file)}' is not a usable file name"
            if not exists:
                return f"source file '{file}' not found next to the deck"
            return f"source file '{file}' is unusable: {text.reason}"
        if isinstance(text, UnicodeDecodeError):
            return f"source file '{file}' is not UTF-8 text; its quotes are not checked"
        return None

    def contains(self, file: str, quote: str) -> bool | None:
        """Whether the quote occurs in the file, spacing aside; None when the file is unusable
        or the scan budget is spent."""
        if self.problem(file) is not None:
            return None
        real = (self.deck_dir / file).resolve()
        text = self._text(real)
        key = (real, " ".join(quote.split()))
        if key not in self._found and isinstance(text, str):
            if self.scanned + len(text) > SCAN_BUDGET:
                self.unchecked += 1
                return None
            self.scanned += len(text)
            self._found[key] = key[1] in text
        return self._found.get(key)

    def budget_warning(self) -> str | None:
        if not self.unchecked:
            return None
        return f"{self.unchecked} quote(s) not checked: quote searches stop after {SCAN_BUDGET:,} characters of source text"

    def _text(self, real: Path) -> str | FileError | UnicodeDecodeError:
        if real not in self._texts:
            try:
                self._texts[real] = " ".join(read_bytes(real, MAX_BYTES, "source file").decode("utf-8").split())
            except (FileError, UnicodeDecodeError) as exc:
                self._texts[real] = exc
        return self._texts[real]


def _shown(file: str) -> str:
    return file if len(file) <= 80 else file[:80] + "…"
