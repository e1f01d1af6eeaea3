"""The early drawing's layout: the lines questionary draws, and the rows they fill."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.study.early import cells, drawn_lines, rows
from quiz.study.prompts import Paint


def test_text_and_menu_lines_are_questionarys() -> None:
    plain = Paint(False)
    assert drawn_lines("Capital?", (), plain) == ["? Capital? "]
    assert drawn_lines("Capital?", ("Havana", "Lima"), plain) == [
        "? Capital? (Use shortcuts or arrow keys)", " » 1) Havana", "   2) Lima"]
    many = tuple(f"o{n}" for n in range(10))
    assert drawn_lines("Q", many, plain)[1:3] == [" » o0", "   o1"]


def test_cells_skip_colour_and_count_wide_characters_twice() -> None:
    assert cells(Paint(True)("Havana", "0;1")) == 6
    assert cells("東京") == 4
    assert cells("e\u0301") == 1


@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))), min_size=1, max_size=5),
       st.integers(1, 200))
def test_rows_cover_every_line_and_its_wrapping(lines: list[str], columns: int) -> None:
    total = rows(lines, columns)
    assert total >= len(lines)
    assert total * columns >= sum(cells(line) for line in lines)
    assert rows(lines, columns + 1) <= total
