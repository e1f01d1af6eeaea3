"""Styled text and boxed tables for the terminal, drawn as rich draws them but without loading
rich's console and table (~40 ms to import, ~30 ms to draw `quiz stats`' tables and charts):
`quiz stats`, `quiz decks`, the dashboard and `quiz scores` draw with this.

It follows rich's rules: the width is COLUMNS, else the terminal's (stdin, stdout or stderr),
else 80; styles only on a terminal (or FORCE_COLOR / TTY_COMPATIBLE), colours dropped under
NO_COLOR; text wraps at words as rich wraps it; tables use rich's default boxes and padding and
measure text in rich's own cell widths. A table wider than the terminal, or with text it does not
lay out itself (several lines, tabs, a column to wrap), is handed to rich, which shrinks and wraps
it: the same output, at rich's cost, only then.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len, chop_cells, set_cell_size

if TYPE_CHECKING:
    from rich.console import RenderableType

# SGR codes of the styles quiz uses, in rich's order (attributes, then the colour).
ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3"}
COLOURS = {"green": "32", "cyan": "36", "bright_green": "92"}
CONTROL = dict.fromkeys(map(ord, "\x07\x08\x0b\x0c\x0d"))  # rich's Text drops these
WORD = re.compile(r"\s*\S+\s*")


class Text:
    """Text with a style for the whole and a style per appended piece, as rich's Text."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.style = style
        self.pieces: list[tuple[str, str]] = []
        self.append(text)

    def append(self, text: str, style: str = "") -> Text:
        if text:
            self.pieces.append((text.translate(CONTROL), style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def styled(self, start: int, end: int) -> list[tuple[str, str]]:
        """The pieces of plain[start:end], each with its whole style."""
        out, offset = [], 0
        for text, style in self.pieces:
            low, high = max(start, offset), min(end, offset + len(text))
            if low < high:
                out.append((text[low - offset:high - offset], f"{self.style} {style}".strip()))
            offset += len(text)
        return out


@dataclass(slots=True)
class Column:
    header: str
    justify: str
    no_wrap: bool
    overflow: str
    min_width: int | None
    max_width: int | None
    style: str


@dataclass(slots=True)
class Table:
    """A boxed table with a title on the left, as rich's Table(title=..., title_justify="left")."""

    title: str
    show_header: bool = True
    columns: list[Column] = field(default_factory=list)
    rows: list[list[str | Text]] = field(default_factory=list)

    def add_column(self, header: str = "", *, justify: str = "left", no_wrap: bool = False, overflow: str = "ellipsis",
                   min_width: int | None = None, max_width: int | None = None, style: str = "") -> None:
        self.columns.append(Column(header, justify, no_wrap, overflow, min_width, max_width, style))

    def add_row(self, *cells: str | Text) -> None:
        self.rows.append(list(cells))


Printable = str | Text | Table


def divide(text: str, width: int) -> list[int]:
    """Where rich breaks a line of text to fit `width` (its `divide_line`): at words, a word
    wider than the line folded."""
    breaks: list[int] = []
    offset = 0
    for match in WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            folded = chop_cells(word, width)
            for n, line in enumerate(folded):
                if start:
                    breaks.append(start)
                if n == len(folded) - 1:
                    offset = cell_len(line)
                else:
                    start += len(line)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def wrap(text: Text, width: int) -> list[list[tuple[str, str]]]:
    """The lines of `text` wrapped to `width`, each as styled pieces."""
    plain, lines, begin = text.plain, [], 0
    for paragraph in plain.split("\n"):
        starts = [0, *divide(paragraph, width), len(paragraph)]
        for low, high in itertools.pairwise(starts):
            line = paragraph[low:high]
            excess = cell_len(line) - width
            while excess > 0 and line[-1:].isspace():  # trailing spaces past the edge go
                line, high, excess = line[:-1], high - 1, excess - 1
            lines.append(text.styled(begin + low, begin + high))
        begin += len(paragraph) + 1
    return lines


class Screen:
    """Where quiz prints its figures: stdout (or stderr) at the terminal's width, styled on a terminal."""

    def __init__(self, stderr: bool = False, file: TextIO | None = None) -> None:
        self.stderr, self.chosen = stderr, file
        environ = os.environ
        file = self.file
        compatible, force = environ.get("TTY_COMPATIBLE", ""), environ.get("FORCE_COLOR")
        if compatible in ("0", "1"):
            terminal = compatible == "1"
        elif force is not None:
            terminal = force != ""
        else:
            try:
                terminal = file.isatty()
            except ValueError:
                terminal = False
        dumb = terminal and environ.get("TERM", "").lower() in ("dumb", "unknown")
        self.styles = terminal and not dumb
        self.colours = self.styles and environ.get("NO_COLOR", "") == ""
        self.width = width(dumb)

    @property
    def file(self) -> TextIO:
        return self.chosen or (sys.stderr if self.stderr else sys.stdout)

    def print(self, item: Printable = "") -> None:
        if isinstance(item, Table):
            lines = self.table(item)
            if lines is None:
                self.rich(item)
                return
        else:
            lines = [self.line(pieces) for pieces in wrap(item if isinstance(item, Text) else Text(item), self.width)]
        self.file.write("".join(line + "\n" for line in lines))

    def line(self, pieces: list[tuple[str, str]]) -> str:
        return "".join(self.paint(text, style) for text, style in pieces)

    def paint(self, text: str, style: str) -> str:
        if not (self.styles and style and text):
            return text
        words = style.split()
        codes = [code for name, code in ATTRIBUTES.items() if name in words]
        if self.colours:
            codes += [COLOURS[name] for name in words if name in COLOURS][-1:]
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text

    def table(self, table: Table) -> list[str] | None:
        """The table's lines, or None when rich must lay it out."""
        cells = [[Text(column.header) for column in table.columns]] if table.show_header else []
        cells += [[cell if isinstance(cell, Text) else Text(cell) for cell in row] for row in table.rows]
        if not cells or any(cell.plain != cell.plain.strip(" ") or "\n" in cell.plain or "\t" in cell.plain for row in cells for cell in row):
            return None
        widths = []
        for n, column in enumerate(table.columns):
            measured = max((cell_len(row[n].plain) for row in cells), default=0) + 2
            if column.min_width is not None:
                measured = max(measured, column.min_width + 2)
            if column.max_width is not None:
                measured = min(measured, column.max_width + 2)
            widths.append(measured)
        if sum(widths) + len(widths) + 1 > self.width or cell_len(table.title) > sum(widths) + len(widths) - 1:
            return None
        rows = []
        for n, row in enumerate(cells):
            line = []
            for cell, column, room in zip(row, table.columns, widths, strict=True):
                text, inner = cell.plain, room - 2
                if cell_len(text) > inner:
                    if not column.no_wrap:
                        return None
                    text = set_cell_size(text, inner - 1) + "…" if column.overflow == "ellipsis" else set_cell_size(text, inner)
                    cell = Text(text, cell.style)
                header = n == 0 and table.show_header
                drawn = self.line([(piece, "bold" if header else f"{column.style} {style}".strip()) for piece, style in cell.styled(0, len(text))])
                space = " " * (inner - cell_len(text))
                line.append(f" {space}{drawn} " if column.justify == "right" else f" {drawn}{space} ")
            rows.append(line)
        return self.boxed(table, widths, rows)

    def boxed(self, table: Table, widths: list[int], rows: list[list[str]]) -> list[str]:
        def rule(left: str, fill: str, cross: str, right: str) -> str:
            return left + cross.join(fill * width for width in widths) + right

        total = sum(widths) + len(widths) + 1
        title = [self.paint(table.title + " " * (total - cell_len(table.title)), "italic")] if table.title else []
        if not table.show_header:
            return [*title, rule("┌", "─", "┬", "┐"), *("│" + "│".join(row) + "│" for row in rows), rule("└", "─", "┴", "┘")]
        return [*title, rule("┏", "━", "┳", "┓"), "┃" + "┃".join(rows[0]) + "┃", rule("┡", "━", "╇", "┩"),
                *("│" + "│".join(row) + "│" for row in rows[1:]), rule("└", "─", "┴", "┘")]

    def rich(self, table: Table) -> None:
        """A table drawn by rich, which shrinks and wraps its columns to the terminal."""
        from rich.console import Console

        Console(file=self.file, width=self.width, force_terminal=self.styles, no_color=not self.colours, highlight=False,
                emoji=False).print(to_rich(table))


def to_rich(item: Table) -> RenderableType:
    """The table as rich's, its text shown as it is (never read as rich's markup)."""
    from rich.markup import escape
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    def text(cell: str | Text) -> str | RichText:
        if isinstance(cell, str):
            return escape(cell)
        out = RichText(style=cell.style)
        for piece, style in cell.pieces:
            out.append(piece, style=style)
        return out

    table = RichTable(title=item.title, title_justify="left", show_header=item.show_header)
    for column in item.columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap, overflow=column.overflow,  # type: ignore[arg-type]
                         min_width=column.min_width, max_width=column.max_width, style=column.style)
    for row in item.rows:
        table.add_row(*(text(cell) for cell in row))
    return table


def width(dumb: bool) -> int:
    """The terminal's width as rich finds it: COLUMNS, else stdin's, stdout's or stderr's, else 80."""
    columns, lines = os.environ.get("COLUMNS", ""), os.environ.get("LINES", "")
    if columns.isdigit() and (lines.isdigit() or not dumb):
        return int(columns)
    if dumb:
        return 80
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def render(item: Printable, width: int) -> str:
    """What a `width`-column screen with no terminal shows of `item` (for tests)."""
    import io

    out = io.StringIO()
    screen = Screen(file=out)
    screen.styles = screen.colours = False
    screen.width = width
    screen.print(item)
    return out.getvalue()
