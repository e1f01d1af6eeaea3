"""Review logs in the fsrs-optimizer / py-fsrs CSV schema: what is read, and every bad row named by its line."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.interop.revlog_csv import LoggedReview, RevlogError, parse
from quiz.memory.rating import Rating

from conftest import ROOT

SLICE = ROOT / "tests" / "data" / "revlogs" / "josh_slice.csv"


def test_the_schema_in_milliseconds_with_every_column() -> None:
    text = "card_id,review_time,review_rating,review_state,review_duration\n42,1711744352250,3,0,6100\nabc,1711744359497,1,2,\n"
    assert parse(text, "log.csv") == [
        LoggedReview("42", datetime(2024, 3, 29, 20, 32, 32, 250000, tzinfo=UTC), Rating.GOOD, 0, 6100),
        LoggedReview("abc", datetime(2024, 3, 29, 20, 32, 39, 497000, tzinfo=UTC), Rating.AGAIN, 2, 0),
    ]


def test_py_fsrs_export_with_iso_times_columns_in_any_order_and_a_bom() -> None:
    text = "\ufeffreview_rating,card_id,review_time,extra\r\n4,7,2024-03-29T22:32:32+02:00,x\r\n\r\n"
    (review,) = parse(text, "log.csv")
    assert review == LoggedReview("7", datetime(2024, 3, 29, 20, 32, 32, tzinfo=UTC), Rating.EASY, None, 0)
    assert review.at.tzinfo is UTC


def test_the_bundled_slice_reads_whole() -> None:
    reviews = parse(SLICE.read_text(encoding="utf-8"), str(SLICE))
    assert len(reviews) == 579
    assert len({review.card_id for review in reviews}) == 61
    assert {review.rating for review in reviews} <= set(Rating)
    assert all(0 <= review.duration_ms <= 60000 for review in reviews)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1,1711744352250,5,,", "review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not '5'"),
        ("1,1711744352250,good,,", "review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not 'good'"),
        ("1,1711744352250,0,,", "review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not '0'"),
        ("1,yesterday,3,,", "review_time must be milliseconds since 1970 or an ISO-8601 time, not 'yesterday'"),
        ("1,2024-03-29T20:32:32,3,,", "review_time '2024-03-29T20:32:32' has no UTC offset; add one (+00:00 for UTC) or give milliseconds since 1970"),
        ("1,1711744352,3,,", "review_time 1711744352 looks like seconds since 1970; the schema wants milliseconds"),
        ("1,99999999999999999999,3,,", "review_time 99999999999999999999 is out of range"),
        (",1711744352250,3,,", "empty card_id"),
        ("1,1711744352250,3", "3 field(s) where the header has 5"),
        ("1,1711744352250,3,2,-5", "review_duration must be a whole number of milliseconds, 0 or more, not '-5'"),
        ("1,1711744352250,3,4,100", "review_state must be 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning), not '4'"),
    ],
)
def test_a_bad_row_is_named_by_its_line(row: str, message: str) -> None:
    with pytest.raises(RevlogError) as raised:
        parse(f"card_id,review_time,review_rating,review_state,review_duration\n1,1711744352250,3,,\n{row}\n", "log.csv")
    assert str(raised.value) == f"log.csv:3: {message}"


def test_a_quoted_field_over_two_lines_keeps_later_line_numbers_true() -> None:
    text = 'card_id,review_time,review_rating\n"a\nb",1711744352250,3\n2,1711744352250,9\n'
    with pytest.raises(RevlogError, match=r"^log\.csv:4: review_rating"):
        parse(text, "log.csv")


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "log.csv: empty file"), ("card_id,rating,time\n", "log.csv:1: no review_time or review_rating column")],
)
def test_a_file_without_the_schema_header(text: str, message: str) -> None:
    with pytest.raises(RevlogError) as raised:
        parse(text, "log.csv")
    assert str(raised.value).startswith(message)


REVIEWS = st.lists(
    st.builds(
        LoggedReview,
        card_id=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12),
        at=st.integers(10**11, 4 * 10**12).map(lambda ms: datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)),
        rating=st.sampled_from(list(Rating)),
        state=st.one_of(st.none(), st.integers(0, 3)),
        duration_ms=st.integers(0, 10**7),
    ),
    max_size=30,
)


@given(REVIEWS)
def test_whatever_the_schema_can_say_reads_back_the_same(reviews: list[LoggedReview]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["card_id", "review_time", "review_rating", "review_state", "review_duration"])
    for review in reviews:
        ms = (review.at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
        writer.writerow([review.card_id, ms, int(review.rating), "" if review.state is None else review.state, review.duration_ms])
    assert parse(out.getvalue(), "log.csv") == reviews
