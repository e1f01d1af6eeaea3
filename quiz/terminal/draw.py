"""Styled text and boxed tables for the terminal, drawn as rich draws them but without loading
rich's console and table (~40 ms to import, ~30 ms to draw `quiz stats`' tables and charts):
`quiz stats`, `quiz decks`, the dashboard and `quiz scores` draw with this.

It follows rich's rules: the width is COLUMNS, else the terminal's (stdin, stdout or stderr),
else 80; styles only on a terminal (or FORCE_COLOR / TTY_COMPATIBLE), colours dropped under
NO_COLOR; text wraps at words as rich wraps it; tables use rich's default boxes and padding,
measure text in rich's own cell widths, and shrink to the screen as rich's do (the widest
wrappable columns first, then all evenly, cells wrapped or cut as their overflow says). Without
a terminal the output is rich's byte for byte (tests/test_term.py compares them). A table this
module does not lay out itself (text of several lines or tabs, a column narrowed to nothing, or
one to cut at the edge on a terminal) is handed to rich.
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


def divide(text: str, width: int, fold: bool = True) -> list[int]:
    """Where rich breaks a line of text to fit `width` (its `divide_line`): at words, a word
    wider than the line folded (or alone on its line, to be cropped)."""
    breaks: list[int] = []
    offset = 0
    for match in WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width and fold:
            folded = chop_cells(word, width)
            for n, line in enumerate(folded):
                if start:
                    breaks.append(start)
                if n == len(folded) - 1:
                    offset = cell_len(line)
                else:
                    start += len(line)
        elif length > width or (offset and start):
            if start:
                breaks.append(start)
            offset = cell_len(word)
    return breaks


def spans(text: str, width: int, fold: bool = True) -> list[tuple[int, int]]:
    """The lines of one line of text wrapped to `width`, as (start, end), trailing spaces past
    the edge dropped (rich's `rstrip_end`, which counts characters)."""
    starts = [0, *divide(text, width, fold), len(text)]
    out = []
    for low, high in itertools.pairwise(starts):
        excess = high - low - width
        if excess > 0:
            high -= min(excess, high - low - len(text[low:high].rstrip()))
        out.append((low, high))
    return out


def wrap(text: Text, width: int) -> list[list[tuple[str, str]]]:
    """The lines of `text` wrapped to `width`, each as styled pieces."""
    lines, begin = [], 0
    for paragraph in text.plain.split("\n"):
        lines += [text.styled(begin + low, begin + high) for low, high in spans(paragraph, width)]
        begin += len(paragraph) + 1
    return lines


def crop(pieces: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """A line cut at the screen's edge, as rich's console cuts it (a wide character cut in two becomes a space)."""
    out, used = [], 0
    for text, style in pieces:
        size = cell_len(text)
        if used + size < width:
            out.append((text, style))
            used += size
        else:
            out.append((set_cell_size(text, width - used), style))
            break
    return out


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
            lines = [self.line(crop(pieces, self.width)) for pieces in wrap(item if isinstance(item, Text) else Text(item), self.width)]
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
        """The table's lines, laid out as rich lays it out (shrinking wrappable columns first to fit
        the screen), or None when rich must draw it."""
        cells = [[Text(column.header) for column in table.columns]] if table.show_header else []
        cells += [[cell if isinstance(cell, Text) else Text(cell) for cell in row] for row in table.rows]
        if not cells or any(cell.plain != cell.plain.strip(" ") or "\n" in cell.plain or "\t" in cell.plain for row in cells for cell in row):
            return None
        columns, available = table.columns, self.width - len(table.columns) - 1
        widths = [measure(column, [row[n] for row in cells], available) or 1 for n, column in enumerate(columns)]
        if sum(widths) > available:
            widths = collapse(widths, [not column.no_wrap for column in columns], available)
            if sum(widths) > available:
                widths = reduce(sum(widths) - available, [1] * len(widths), widths, widths)
            widths = [measure(column, [row[n] for row in cells], width) for n, (column, width) in enumerate(zip(columns, widths, strict=True))]
        cut = sum(widths) > available  # too wide even so: rich cuts every line at the screen's edge
        if min(widths) < 3 or (cut and self.styles):
            return None
        rows: list[list[str]] = []
        head = 0
        for n, row in enumerate(cells):
            header = n == 0 and table.show_header
            drawn = [self.cell(cell, column, width - 2, header) for cell, column, width in zip(row, columns, widths, strict=True)]
            height = max(len(lines) for lines in drawn)
            for lines, width in zip(drawn, widths, strict=True):  # a header sits at the bottom of its row, a cell at the top
                blank = [" " * (width - 2)] * (height - len(lines))
                if header:
                    lines[:0] = blank
                else:
                    lines += blank
            rows += [[f" {lines[k]} " for lines in drawn] for k in range(height)]
            head = len(rows) if header else head
        lines = self.boxed(table, widths, rows, head)
        return [set_cell_size(line, self.width) if cut and cell_len(line) > self.width else line for line in lines]

    def cell(self, cell: Text, column: Column, width: int, header: bool) -> list[str]:
        """A cell's lines, `width` wide: wrapped at words unless no_wrap, cut as its overflow says, justified."""
        text, out = cell.plain, []
        for low, end in [(0, len(text))] if column.no_wrap else spans(text, width, column.overflow == "fold"):
            high = low + len(text[low:end].rstrip()) if column.justify == "right" else end
            line = text[low:high]
            if cell_len(line) > width:
                line = set_cell_size(line, width - 1) + "…" if column.overflow == "ellipsis" else set_cell_size(line, width)
                pieces = [(line, cell.style)]
            else:
                pieces = cell.styled(low, high)
            shown = self.line([(piece, "bold" if header else f"{column.style} {style}".strip()) for piece, style in pieces])
            space = " " * max(0, width - cell_len(line))
            out.append(space + shown if column.justify == "right" else shown + space)
        return out

    def boxed(self, table: Table, widths: list[int], rows: list[list[str]], head: int) -> list[str]:
        def rule(left: str, fill: str, cross: str, right: str) -> str:
            return left + cross.join(fill * width for width in widths) + right

        total = sum(widths) + len(widths) + 1
        title = Text(table.title)
        titles = [self.paint(set_cell_size(line, total), "italic")
                  for line in (title.plain[low:high] for low, high in spans(title.plain, total))] if table.title else []
        body = ["│" + "│".join(row) + "│" for row in rows[head:]]
        if not table.show_header:
            return [*titles, rule("┌", "─", "┬", "┐"), *body, rule("└", "─", "┴", "┘")]
        return [*titles, rule("┏", "━", "┳", "┓"), *("┃" + "┃".join(row) + "┃" for row in rows[:head]), rule("┡", "━", "╇", "┩"),
                *body, rule("└", "─", "┴", "┘")]

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

    table = RichTable(title=escape(item.title), title_justify="left", show_header=item.show_header)
    for column in item.columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap, overflow=column.overflow,  # type: ignore[arg-type]
                         min_width=column.min_width, max_width=column.max_width, style=column.style)
    for row in item.rows:
        table.add_row(*(text(cell) for cell in row))
    return table


def measure(column: Column, cells: list[Text], room: int) -> int:
    """The widest a column wants to be within `room`, padding included (rich's `_measure_column`)."""
    if room < 1:
        return 0
    widest = min(max((cell_len(cell.plain) + 2 for cell in cells), default=room), room) if room > 2 else room
    if column.min_width is not None:
        widest = max(widest, column.min_width + 2)
    if column.max_width is not None:
        widest = min(widest, column.max_width + 2)
    return widest


def collapse(widths: list[int], wrappable: list[bool], room: int) -> list[int]:
    """Narrow the widest wrappable columns, down to the next widest, until the table fits `room` (rich's `_collapse_widths`)."""
    excess = sum(widths) - room
    while any(wrappable) and sum(widths) > 0 and excess > 0:
        widest = max(width for width, wraps in zip(widths, wrappable, strict=True) if wraps)
        second = max(width if wraps and width != widest else 0 for width, wraps in zip(widths, wrappable, strict=True))
        ratios = [int(width == widest and wraps) for width, wraps in zip(widths, wrappable, strict=True)]
        if not any(ratios) or widest == second:
            break
        widths = reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """`values` less `total` shared out by `ratios`, none reduced by more than its maximum (rich's `ratio_reduce`)."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    left, share, out = total, sum(ratios), []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and share > 0:
            cut = min(maximum, round(ratio * left / share))
            out.append(value - cut)
            left, share = left - cut, share - ratio
        else:
            out.append(value)
    return out


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
