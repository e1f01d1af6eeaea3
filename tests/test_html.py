"""Field HTML to text and back (Anki notes, Anki text exports)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.interop.html import to_html, to_text


@pytest.mark.parametrize(("markup", "text", "media"), [
    ("Q <b>1</b> &amp; caf&eacute;", "Q 1 & café", 0),
    ("one<br>two<br/>three", "one\ntwo\nthree", 0),
    ("<div>first</div><div>second&nbsp; line</div>", "first\nsecond line", 0),
    ("<ul><li>a</li><li>b</li></ul>", "a\nb", 0),
    ("spread\nover   source\tlines", "spread over source lines", 0),
    ("<style>.x{color:red}</style>shown<script>hidden()</script>", "shown", 0),
    ('Paris<img src="paris.jpg"> [sound:paris.mp3]', "Paris", 2),
    ("a &lt;b&gt; c", "a <b> c", 0),
    ("", "", 0),
])
def test_what_a_person_reads(markup: str, text: str, media: int) -> None:
    read = to_text(markup)
    assert (read.text, read.media) == (text, media)


word = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), exclude_characters="[]"), min_size=1, max_size=8)
lines = st.lists(word, min_size=1, max_size=4).map(" ".join)


@given(st.lists(lines, min_size=1, max_size=3).map("\n".join))
def test_plain_text_survives_html(text: str) -> None:
    assert to_text(to_html(text)).text == text
