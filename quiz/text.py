"""Text from outside (deck files, typed answers) made safe to keep and to show.

A typed line can hold bytes that are not UTF-8 (read as lone surrogates, which SQLite cannot
store), and a deck's double-quoted YAML can hold any control character, escape sequences
included: `"\\e]0;...\\a"` retitles the terminal window, `"\\e[2J"` clears it. `storable` turns
lone surrogates into U+FFFD; `printable` also drops control characters but tab and newline, so
that nothing quiz shows is taken by the terminal as a command. Pure: no I/O.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab and newline, DEL, and C1 controls (U+009B is a one-character CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """`text` with every lone surrogate (an undecodable byte, say) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(REPLACEMENT, text)
    return text


def printable(text: str) -> str:
    """`storable(text)` without control characters (tab and newline stay)."""
    return _CONTROL.sub("", storable(text))
