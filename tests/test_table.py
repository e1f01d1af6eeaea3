"""Spreadsheets, Quizlet and Anki text exports in and out (`quiz import FILE.csv|.tsv|.txt`,
`quiz export DECK -o FILE.csv|.tsv`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.decks.file import load_path
from quiz.interop.table import read_table

from cli_helpers import BUNDLED_DECK, run_quiz


def test_quizlet_export(tmp_path: Path) -> None:
    (tmp_path / "spanish.txt").write_text('perro\tdog\n"gato" grande\tbig cat\nla casa\tthe house, home\n', encoding="utf-8")
    ran = run_quiz(tmp_path, "import", "spanish.txt")
    assert ran.returncode == 0, ran.stderr
    deck = load_path(tmp_path / "spanish.yaml")
    assert (deck.id, deck.title) == ("spanish", "spanish")
    assert [(e.question, e.answer) for e in deck.entries] == [("perro", "dog"), ('"gato" grande', "big cat"), ("la casa", "the house, home")]
    assert all(e.id and e.id.startswith("q-") for e in deck.entries)  # stable ids from the text
    again = run_quiz(tmp_path, "import", "spanish.txt")
    assert "0 new card entries added to deck 'spanish'; 3 already there" in again.stdout


def test_quizlet_custom_separator(tmp_path: Path) -> None:
    (tmp_path / "q.txt").write_text("perro - dog\ngato - cat\n", encoding="utf-8")
    assert run_quiz(tmp_path, "import", "q.txt", "--separator", " - ").returncode == 0
    assert [(e.question, e.answer) for e in load_path(tmp_path / "q.yaml").entries] == [("perro", "dog"), ("gato", "cat")]


def test_anki_text_export_with_headers(tmp_path: Path) -> None:
    text = (
        "#separator:tab\n#html:true\n#tags:spanish\n#guid column:1\n#tags column:4\n"
        "a1B2c3\tQ <b>uno</b>&nbsp;\tone<br><img src='1.png'>\tnumbers basic\n"
        "quiz/deck/my-card\t{{c1::Madrid}} is the capital of {{c2::Spain}}\t\t\n"
    )
    table = read_table(text, "notes.txt")
    first, second = table.entries
    assert (first.question, first.answer, first.tags, first.id) == ("Q uno", "one", ("spanish", "numbers", "basic"), first.id)
    assert first.id is not None and first.id.startswith("anki-")
    assert (second.cloze, second.id, second.tags) == ("{{Madrid}} is the capital of {{Spain}}", "my-card", ("spanish",))
    assert table.media == 1


def test_a_spreadsheet_with_a_header_row(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text(
        "Question,Answer,Accept,Choices,Tags,Source,Quote\n"
        'Capital of France?,Paris,"Paris, France; paris city",Rome;Madrid,geo europe,The atlas,Paris is the capital.\n'
        "The OAS expelled Cuba in {{1962}}.,,,,history,,\n",
        encoding="utf-8",
    )
    ran = run_quiz(tmp_path, "import", "s.csv", "-o", "atlas.yaml")
    assert ran.returncode == 0, ran.stderr
    deck = load_path(tmp_path / "atlas.yaml")
    paris, oas = deck.entries
    assert (paris.accept, paris.choices, paris.tags, paris.quote) == (("Paris, France", "paris city"), ("Rome", "Madrid"), ("geo", "europe"), "Paris is the capital.")
    assert deck.sources[paris.source or ""].title == "The atlas"
    assert (oas.cloze, oas.tags) == ("The OAS expelled Cuba in {{1962}}.", ("history",))


def test_bad_rows_are_reported_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("question,answer\nQ1,A1\nQ2,\n,A3\n", encoding="utf-8")
    ran = run_quiz(tmp_path, "import", "bad.csv")
    assert ran.returncode == 1
    assert "bad.csv:3: no answer for 'Q2'" in ran.stderr and "bad.csv:4: no question" in ran.stderr
    assert "2 bad row(s); nothing imported" in ran.stderr
    assert not (tmp_path / "bad.yaml").exists()
    (tmp_path / "quote.csv").write_text('q,a\n"unclosed,x\n', encoding="utf-8")
    ran = run_quiz(tmp_path, "import", "quote.csv")
    assert ran.returncode == 1 and "quote.csv:" in ran.stderr and not (tmp_path / "quote.yaml").exists()


def test_rows_quiz_check_refuses_are_left_out_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("question,answer,choices\nQ1,A1,A1;B\nQ2,A2,\n", encoding="utf-8")
    ran = run_quiz(tmp_path, "import", "c.csv")
    assert ran.returncode == 0
    assert "Left out 1 card(s) quiz check refuses: choices contain the answer 'A1'" in ran.stderr
    assert [e.question for e in load_path(tmp_path / "c.yaml").entries] == ["Q2"]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_export_and_import_back(tmp_path: Path, suffix: str) -> None:
    deck = load_path(BUNDLED_DECK)
    ran = run_quiz(tmp_path, "export", str(BUNDLED_DECK), "-o", f"cuba{suffix}")
    assert ran.returncode == 0, ran.stderr
    header = (tmp_path / f"cuba{suffix}").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("," if suffix == ".csv" else "\t").join(("id", "question", "cloze", "answer", "accept", "choices", "source", "quote", "tags", "note"))
    assert run_quiz(tmp_path, "import", f"cuba{suffix}", "-o", "back.yaml").returncode == 0
    back = load_path(tmp_path / "back.yaml")
    fields = ("id", "question", "cloze", "answer", "accept", "choices", "quote", "tags", "note")
    assert [[getattr(e, f) for f in fields] for e in back.entries] == [[getattr(e, f) for f in fields] for e in deck.entries]
    assert [back.sources[e.source].title if e.source else None for e in back.entries] == \
           [deck.sources[e.source].title if e.source else None for e in deck.entries]


def test_a_single_tag_with_spaces_survives(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text("title: T\ncards:\n  - {id: a, question: Q, answer: A, tags: [U.S. presidents]}\n", encoding="utf-8")
    assert run_quiz(tmp_path, "export", "d.yaml", "-o", "d.csv").returncode == 0
    assert read_table((tmp_path / "d.csv").read_text(encoding="utf-8"), "d.csv").entries[0].tags == ("U.S. presidents",)
