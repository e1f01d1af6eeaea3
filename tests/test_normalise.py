"""quiz.normalise on initials: letters written with dots make one word, and the article "a"
before them stays a word of its own (it once read "a U.N. force" as "aun force")."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.normalise import normalise
from quiz.study.answers import check

letters = st.lists(st.sampled_from(string.ascii_letters), min_size=2, max_size=5)


@given(letters, st.sampled_from(["a", "A"]), st.sampled_from(["", " "]), st.sampled_from([" force", "", ", then"]))
def test_an_article_before_dotted_initials_stays_a_word(initials: list[str], article: str, spaced: str, after: str) -> None:
    dotted = spaced.join(f"{letter}." for letter in initials)
    word = "".join(initials).lower()
    text = normalise(f"voted for {article} {dotted}{after}")
    assert text == " ".join(["voted for a", word, *normalise(after).split()])
    assert normalise(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a U.N. force", "un force"),
        ("U.S.A.", "usa"),
        ("U.S.A", "usa"),
        ("U S A", "usa"),
        ("U. S. A.", "usa"),
        ("J. R. R. Tolkien", "jrr tolkien"),
        ("the U.S. a year later", "us a year later"),
        ("a b c", "abc"),  # no dots: a run of letters is still one word
    ],
)
def test_initials(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_a_typed_answer_matches_an_answer_with_an_article_before_initials() -> None:
    assert check("UN force", "a U.N. force").correct
    assert check("U.N. force", "a UN force").correct
    assert not check("aun force", "a U.N. force").correct
