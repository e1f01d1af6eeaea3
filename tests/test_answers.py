from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.normalise import normalise
from quiz.study.answers import Verdict, check

WRONG = Verdict(correct=False, typo=False, matched=None)


# --- normalise -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Héllo,   WORLD! ", "hello world"),
        ("Ñandú", "nandu"),
        ("Straße", "strasse"),
        ("Øresund Łódź", "oresund lodz"),
        ("“Quoted” — text…", "quoted text"),
        ("don’t", "dont"),
        ("Jean-Paul", "jean paul"),
        ("U.S.A.", "usa"),
        ("U S A", "usa"),
        ("\tline\nbreak\u00a0space ", "line break space"),
        ("٣ and ３", "3 and 3"),
        ("ᴮᴼᴮ ϒ", "bob υ"),  # compatibility forms that only fold to lowercase on a second casefold
    ],
)
def test_normalise_ignores_case_accents_punctuation_and_spacing(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Beatles", "beatles"),
        ("an apple", "apple"),
        ("President Bush", "bush"),
        ("Mr. Gross", "gross"),
        ("Mr.Gross", "gross"),
        ("Dr Who", "who"),
        ("former President Bush", "bush"),
        ("Secretary of State Clinton", "clinton"),
        ("Prime Minister May", "may"),
        ("the President", "president"),
        ("President", "president"),
        ("Secretary of State", "secretary of state"),
        ("Vice President", "vice president"),
        ("a", "a"),
        ("Alan Gross", "alan gross"),  # only leading words are dropped
        ("Bush the president", "bush the president"),
    ],
)
def test_normalise_drops_leading_articles_and_titles_but_not_everything(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20,000", "20000"),
        ("20 000", "20000"),
        ("20\u202f000", "20000"),
        ("1,000,000", "1000000"),
        ("twenty thousand", "20000"),
        ("20 thousand", "20000"),
        ("nineteen sixty-two", "1962"),
        ("nineteen hundred sixty two", "1962"),
        ("fifteen", "15"),
        ("sixteen thousand five hundred thirty-one", "16531"),
        ("16,531", "16531"),
        ("007", "7"),
        ("2.50", "2.5"),
        ("3.0", "3"),
        ("fifteen years", "15 years"),
        ("In 1962, 150 people", "in 1962 150 people"),  # a four-digit number is not a thousands group
    ],
)
def test_normalise_writes_numbers_as_plain_digits(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "text",
    ["twelve one hundred", "1 000 thousand", "zero thousand", "a b c d", "The the the", "1 0100", "5,000.50", "1.2.3"],
)
def test_normalise_is_idempotent_on_tricky_inputs(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


# --- check -----------------------------------------------------------------


def test_exact_answer_is_correct_and_reports_the_form() -> None:
    assert check("havana", "Havana") == Verdict(correct=True, typo=False, matched="Havana")


def test_accept_entry_counts_as_the_answer() -> None:
    verdict = check("OAS", "Organization of American States", ["OAS"])
    assert verdict == Verdict(correct=True, typo=False, matched="OAS")


def test_wrong_answer() -> None:
    assert check("Madrid", "Havana", ["La Habana"]) == WRONG


@pytest.mark.parametrize(
    ("given_", "answer"),
    [
        ("President Bush", "Bush"),
        ("Bush", "President Bush"),
        ("Mr. Gross", "Gross"),
        ("Gross", "Mr. Gross"),
        ("the Havana", "Havana"),
        ("Ñandu", "nandú"),
        ("20000", "20,000"),
        ("twenty thousand", "20 000"),
        ("nineteen sixty-two", "1962"),
        ("nineteen hundred sixty two", "1962"),
        ("fifteen", "15"),
        ("sixteen thousand five hundred thirty-one", "16,531"),
        ("fifteen years", "15 years"),
    ],
)
def test_equivalent_spellings_are_exactly_correct(given_: str, answer: str) -> None:
    assert check(given_, answer) == Verdict(correct=True, typo=False, matched=answer)


@pytest.mark.parametrize(
    ("given_", "answer"),
    [
        ("15 years", "15"),
        ("15", "15 years"),
        ("1963", "1962"),
        ("2.5", "25"),
        ("nineteen sixty-three", "1962"),
    ],
)
def test_numbers_must_match_by_value_and_keep_their_words(given_: str, answer: str) -> None:
    assert check(given_, answer) == WRONG


@pytest.mark.parametrize(
    ("given_", "answer"),
    [
        ("Havanna", "Havana"),  # insertion
        ("Hvana", "Havana"),  # deletion
        ("Havena", "Havana"),  # substitution
        ("Haavna", "Havana"),  # transposition
        ("Alan Grss", "Alan Gross"),
        ("AlanGross", "Alan Gross"),  # a dropped space
        ("Alan Gro ss", "Alan Gross"),  # an extra space
        ("President Obamma", "Obama"),
    ],
)
def test_one_slip_in_a_long_word_is_correct_with_typo(given_: str, answer: str) -> None:
    assert check(given_, answer) == Verdict(correct=True, typo=True, matched=answer)


@pytest.mark.parametrize(
    ("given_", "answer"),
    [
        ("Bash", "Bush"),  # short word
        ("Gros", "Gras"),  # four letters
        ("Alen Grss", "Alan Gross"),  # two slips
        ("Havvanna", "Havana"),  # two slips in one word
        ("Havanna Kingstn", "Havana Kingston"),  # one slip in each of two words
        ("19 62", "1962"),  # a space inside a number
        ("1963", "1962"),  # digits are never typos
        ("12345", "12346"),
        ("Havana 1963", "Havana 1962"),
        ("?????", "??????"),  # symbols are not words
    ],
)
def test_slips_that_are_not_forgiven(given_: str, answer: str) -> None:
    assert check(given_, answer) == WRONG


def test_exact_match_on_a_later_form_beats_a_typo_on_an_earlier_one() -> None:
    assert check("Havanna", "Havana", ["Havanna"]) == Verdict(correct=True, typo=False, matched="Havanna")


def test_first_form_wins_among_equal_matches() -> None:
    assert check("havana", "Havana", ["HAVANA"]).matched == "Havana"
    assert check("Havanaa", "Cuba", ["Havana", "La Havana"]).matched == "Havana"


@pytest.mark.parametrize("given_", ["true", "True", "t", "yes", "Y", "T."])
def test_true_synonyms(given_: str) -> None:
    assert check(given_, "True") == Verdict(correct=True, typo=False, matched="True")
    assert check(given_, "false") == WRONG


@pytest.mark.parametrize("given_", ["false", "F", "no", "n", "No!"])
def test_false_synonyms(given_: str) -> None:
    assert check(given_, "False") == Verdict(correct=True, typo=False, matched="False")
    assert check(given_, "true") == WRONG


def test_true_false_synonyms_only_for_true_false_answers() -> None:
    assert check("yes", "Yesterday") == WRONG
    assert check("y", "Yes") == WRONG
    assert check("t", "Tea") == WRONG


@pytest.mark.parametrize("given_", ["", " ", "\t\n", "\u3000"])
def test_blank_answer_is_always_wrong(given_: str) -> None:
    assert check(given_, "Havana") == WRONG
    assert check(given_, given_, [given_]) == WRONG


def test_symbol_only_answers_compare_as_typed() -> None:
    assert check("?", "?") == Verdict(correct=True, typo=False, matched="?")
    assert check("!", "?") == WRONG
    assert check("x", "?") == WRONG


def test_verdict_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        WRONG.correct = True  # type: ignore[misc]


# --- properties --------------------------------------------------------------

NUMBERISH = st.sampled_from(
    "zero one two five ten twelve nineteen twenty sixty ninety hundred thousand million and a an the"
    " oh o mr president 0 00 000 007 1 12 100 999 1000 2.50 1,000 u s x , . - '".split()
)
nonblank = st.text(min_size=1).filter(lambda s: s.strip())


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(st.lists(NUMBERISH, max_size=12), st.sampled_from([" ", "", "-", ", "]))
def test_normalise_is_idempotent_on_number_soup(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert normalise(normalise(text)) == normalise(text)


@given(nonblank, st.lists(nonblank, max_size=3), st.data())
def test_any_accepted_form_passed_back_is_correct_and_not_typo(
    answer: str, accept: list[str], data: st.DataObject
) -> None:
    forms = [answer, *accept]
    form = data.draw(st.sampled_from(forms))
    upper = data.draw(st.lists(st.booleans(), min_size=len(form), max_size=len(form)))
    typed = "".join(ch.upper() if up else ch.lower() for ch, up in zip(form, upper))
    if normalise(form):  # a symbol-only form is compared as typed, punctuation included
        typed += data.draw(st.sampled_from(["", ".", "!", "?", ",", ";", "…"]))
    pad = st.text(st.sampled_from(" \t\n\u00a0\u3000"), max_size=3)
    typed = data.draw(pad) + typed + data.draw(pad)

    verdict = check(typed, answer, accept)
    assert verdict.correct and not verdict.typo
    assert verdict.matched in forms


@given(st.text(), st.text(), st.lists(st.text(), max_size=3))
def test_check_never_raises(given_: str, answer: str, accept: list[str]) -> None:
    verdict = check(given_, answer, accept)
    assert verdict.matched is None or verdict.matched in [answer, *accept]
    assert verdict.correct or not verdict.typo


@given(st.integers(0, 10**9), st.sampled_from([",", " ", "\u00a0", "\u202f", "\u2009"]))
def test_thousands_separators_equal_plain_digits(n: int, sep: str) -> None:
    grouped = f"{n:,}".replace(",", sep)
    assert normalise(grouped) == str(n)
    assert check(grouped, str(n)) == Verdict(correct=True, typo=False, matched=str(n))
    assert check(str(n), grouped).correct


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_different_numbers_never_match(a: int, b: int) -> None:
    assert check(f"{a:,}", str(b)).correct == (a == b)


# --- one slip, in linear time ------------------------------------------------


def _osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance by the textbook table (the reference)."""
    rows = [[i + j if not i or not j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@given(st.text("abc ", max_size=8), st.text("abc ", max_size=8))
def test_one_slip_is_an_osa_distance_of_one(a: str, b: str) -> None:
    from quiz.study.answers import _one_slip

    assert _one_slip(a, b) == (_osa_distance(a, b) == 1)


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_the_unicode_path_folds_it(text: str) -> None:
    from quiz.normalise import _fold, _fold_unicode

    assert _fold(text) == _fold_unicode(text)
