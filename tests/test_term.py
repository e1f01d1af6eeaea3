"""quiz.terminal.draw draws tables and text line for line as rich does, without loading rich's console
unless a table must shrink to fit."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from quiz.terminal.draw import Screen, Table, Text, render, to_rich

WORDS = st.text(st.sampled_from("abc xyz—…·█░é漢"), max_size=30)


def by_rich(item: Table | Text, width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, no_color=True, highlight=False, emoji=False)
    if isinstance(item, Table):
        console.print(to_rich(item))
    else:
        from rich.text import Text as RichText

        rich = RichText(style=item.style)
        for piece, style in item.pieces:
            rich.append(piece, style)
        console.print(rich)
    return out.getvalue()


@st.composite
def tables(draw: st.DrawFn) -> Table:
    table = Table(title=draw(WORDS), show_header=draw(st.booleans()))
    count = draw(st.integers(1, 4))
    for _ in range(count):
        table.add_column(draw(WORDS), justify=draw(st.sampled_from(["left", "right"])), no_wrap=draw(st.booleans()),
                         overflow=draw(st.sampled_from(["ellipsis", "fold", "crop"])),
                         min_width=draw(st.none() | st.integers(1, 20)), max_width=draw(st.none() | st.integers(1, 30)))
    for _ in range(draw(st.integers(0, 4))):
        table.add_row(*(draw(WORDS | WORDS.map(Text)) for _ in range(count)))
    return table


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(20, 120))
def test_tables_are_drawn_as_rich_draws_them(table: Table, width: int) -> None:
    assert render(table, width) == by_rich(table, width)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(st.sampled_from("ab  c\n—漢"), max_size=25), st.sampled_from(["", "bold", "dim"])), max_size=5),
       st.integers(5, 80))
def test_text_wraps_as_rich_wraps_it(pieces: list[tuple[str, str]], width: int) -> None:
    text = Text(style="bold")
    for piece, style in pieces:
        text.append(piece, style)
    assert render(text, width) == by_rich(text, width)


def test_a_table_that_fits_never_loads_rich_console() -> None:
    table = Table(title="Decks")
    table.add_column("Deck")
    table.add_column("Cards", justify="right")
    table.add_row("[bold]x[/bold] :smile:", "12")
    saved = {name: sys.modules.pop(name) for name in list(sys.modules) if name in ("rich.console", "rich.table")}
    try:
        shown = render(table, 60)
        assert "rich.console" not in sys.modules and "rich.table" not in sys.modules
    finally:
        sys.modules.update(saved)
    assert shown.splitlines()[4] == "│ [bold]x[/bold] :smile: │    12 │"  # text as it is, never markup


def test_styles_on_a_terminal_and_colours_only_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    line = Text("a").append("b", "bold bright_green")
    for no_color, expected in (("", "a\x1b[1;92mb\x1b[0m\n"), ("1", "a\x1b[1mb\x1b[0m\n")):
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("NO_COLOR", no_color)
        out = io.StringIO()
        Screen(file=out).print(line)
        assert out.getvalue() == expected
    monkeypatch.delenv("FORCE_COLOR")
    out = io.StringIO()
    Screen(file=out).print(line)  # not a terminal: no escape codes at all
    assert out.getvalue() == "ab\n"
