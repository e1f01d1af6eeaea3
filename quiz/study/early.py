"""The first question shown before questionary has loaded, so that a session's first card
appears at once rather than after prompt_toolkit's ~200 ms import.

The question is drawn as questionary draws it and the terminal put in no-echo, non-canonical
mode; then questionary is imported. Keys typed meanwhile stay queued in the terminal's input,
unread and unshown. Then the drawing is erased and the real prompt, drawn in its place, reads
the queued keys: nothing typed is lost. Ctrl-C still interrupts (signals stay on), and the
terminal's settings are restored whatever happens. (Importing in a thread from the start of the
session instead would compete with reading the decks for the interpreter lock, and put the
first question off by as much as the import itself.)
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence

QMARK = "0;38;5;67"  # questionary's default style: a blue-grey "?", the question in bold
BOLD = "0;1"


def drawn_lines(text: str, options: Sequence[str], paint: Callable[[str, str], str]) -> list[str]:
    """The lines questionary draws for a text prompt (no options) or a select menu."""
    if not options:
        return [f"{paint('?', QMARK)} {paint(text, BOLD)} "]
    shortcuts = len(options) <= 9
    hint = "(Use shortcuts or arrow keys)" if shortcuts else "(Use arrow keys)"
    lines = [f"{paint('?', QMARK)} {paint(text, BOLD)} {hint}"]
    for n, option in enumerate(options, 1):
        label = f"{n}) {option}" if shortcuts else option
        lines.append(f" {'»' if n == 1 else ' '} {label}")
    return lines


def cells(text: str) -> int:
    """Terminal columns the text takes (escape sequences excluded, wide characters count two)."""
    width, escape = 0, False
    for character in text:
        if escape:
            escape = character != "m"
        elif character == "\x1b":
            escape = True
        elif not unicodedata.combining(character):
            width += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return width


def rows(lines: Sequence[str], columns: int) -> int:
    """Screen rows the lines fill once the terminal wraps them at `columns`."""
    return sum(max(1, -(-cells(line) // columns)) for line in lines)


def shown_while(lines: Sequence[str], load: Callable[[], object]) -> None:
    """Show `lines` while `load()` runs, keeping typed keys queued for the prompt that follows
    (just `load()` if standard input is not a terminal whose settings we can set)."""
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):
        load()
        return
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)
    # TCSANOW, never TCSAFLUSH: flushing would throw away what was typed.
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        sys.stdout.write("\r\n".join(lines))
        sys.stdout.flush()
        load()
        up = rows(lines, shutil.get_terminal_size().columns) - 1
        sys.stdout.write("\r" + (f"\x1b[{up}A" if up else "") + "\x1b[J")
        sys.stdout.flush()
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)
