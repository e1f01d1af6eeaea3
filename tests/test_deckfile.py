"""Deck files: validation with FILE:LINE:COL problems, safe loading, card identity, dump/load."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quiz.decks import file as deckfile
from quiz.decks.file import DeckError, Problem, check_path, check_text, dump, load_path, load_text
from quiz.decks.model import Deck, Entry, Kind, Source, derived_id, entry_id
from quiz.normalise import normalise

from conftest import BUNDLED_DECK, make_deck, qa

# Lines 1-7 of every test deck; the first card starts on line 8.
HEAD = """\
title: U.S.–Cuba migration talks
id: cuba
sources:
  america-gov-2009:
    title: U.S., Cuba Agree to Resume Talks on Immigration, Direct Mail
    file: articles/2009.txt
cards:
"""
ARTICLE = (
    "The Cubans also indicated they want to hold talks with the United States.\n"
    "The talks were suspended by President Bush\nin 2003.\n"
)


def deck_text(cards: str) -> str:
    return HEAD + textwrap.dedent(cards).strip("\n") + "\n"


def errors(text: str) -> list[str]:
    return [str(p) for p in check_text(text, "d.yaml").errors]


def warnings(text: str, base: Path | None = None) -> list[str]:
    return [str(p) for p in check_text(text, "d.yaml", base_dir=base).warnings]


# -- every error with its position ------------------------------------------------------------


def test_valid_deck_has_no_problems() -> None:
    text = deck_text("""
        - id: suspended
          question: Which president suspended the migration talks in 2003?
          answer: Bush
          accept: [George W. Bush]
          choices: [Barack Obama, Bill Clinton]
          source: america-gov-2009
          quote: The talks were suspended by President Bush in 2003.
    """)
    result = check_text(text, "d.yaml")
    assert result.problems == []
    assert result.deck is not None and result.deck.entries[0].choices == ("Barack Obama", "Bill Clinton")


def test_problem_format() -> None:
    assert str(Problem("d.yaml", 3, 7, "bad")) == "d.yaml:3:7: bad"
    assert str(Problem("d.yaml", 3, 7, "odd", warning=True)) == "d.yaml:3:7: warning: odd"


def test_unknown_card_key_with_hint() -> None:
    text = deck_text("""
        - id: a
          question: In what year did the OAS expel Cuba?
          anwser: 1962
    """)
    assert errors(text) == [
        "d.yaml:8:3: the card has no 'answer'",
        "d.yaml:10:3: unknown key 'anwser' in a card (did you mean 'answer'?)",
    ]


def test_unknown_top_and_source_keys_with_hints() -> None:
    text = HEAD.replace("title: U.S.", "titel: U.S.", 1).replace("    file:", "    fiel:") + "  - {id: a, question: q, answer: x}\n"
    assert errors(text) == [
        "d.yaml:1:1: unknown key 'titel' in the deck (did you mean 'title'?)",
        "d.yaml:1:1: the deck has no 'title'",
        "d.yaml:6:5: unknown key 'fiel' in source 'america-gov-2009' (did you mean 'file'?)",
    ]


def test_unknown_key_without_close_match_has_no_hint() -> None:
    text = deck_text("- {id: a, question: q, answer: x, zzz: 1}")
    assert errors(text) == ["d.yaml:8:35: unknown key 'zzz' in a card"]


def test_all_errors_reported_at_once_in_file_order() -> None:
    text = deck_text("""
        - id: a
          question: In what year did the OAS expel Cuba?
          answer: ""
        - id: b
          cloze: The OAS expelled Cuba in {{1962 after Fidel Castro moved.
        - id: c
          question: Who suspended the talks?
          answer: Bush
          source: america-gov
        - id: a
          question: Who told CNN the talks were an important opportunity?
          answer: Michael Tran
    """)
    assert errors(text) == [
        "d.yaml:10:11: empty answer",
        "d.yaml:12:10: malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest",
        "d.yaml:16:11: unknown source 'america-gov' (did you mean 'america-gov-2009'?)",
        "d.yaml:17:3: duplicate card id 'a' as the card at line 8",
    ]
    with pytest.raises(DeckError) as raised:
        load_text(text, "d.yaml")
    assert len(raised.value.problems) == 4
    assert str(raised.value).splitlines()[0] == "d.yaml:10:11: empty answer"


def test_duplicate_derived_ids_from_the_same_question() -> None:
    text = deck_text("""
        - question: In what year did the OAS expel Cuba?
          answer: "1962"
        - question: "in what year did the OAS expel  Cuba"
          answer: "1962"
    """)
    assert errors(text) == ["d.yaml:10:3: duplicate card (same question) as the card at line 8"]


ACCORDS_QUESTION = """
    - id: accords:1995
      question: When were the migration accords finished?
      answer: "1995"
"""
ACCORDS_CLOZE = """
    - id: accords
      cloze: The migration accords were hashed out in {{1994}} and {{1995}}.
"""


@pytest.mark.parametrize(("cards", "message"), [
    (ACCORDS_QUESTION + ACCORDS_CLOZE, "d.yaml:12:3: duplicate card id 'accords:1995' as the card at line 8"),
    # The cloze first: its cards' ids are known before the question's (issue 11, item 8).
    (ACCORDS_CLOZE + ACCORDS_QUESTION, "d.yaml:11:3: duplicate card id 'accords:1995' as the card at line 8"),
])
def test_duplicate_card_ids_from_cloze_gaps_in_either_order(cards: str, message: str) -> None:
    # A two-gap cloze with id 'accords' makes cards 'accords:1994' and 'accords:1995'.
    assert errors(deck_text(cards)) == [message]


def test_a_read_deck_keeps_the_cards_its_entries_expand_to() -> None:
    # The reader expands the cards to check their ids; the deck holds those rather than its own.
    deck = load_text(deck_text(ACCORDS_CLOZE + """
    - question: Who suspended the talks?
      answer: Bush
      choices: [Obama, Clinton]
    - {id: t, question: The talks resumed in 2009., answer: "true"}
    """))
    fresh = Deck(id=deck.id, title=deck.title, entries=deck.entries)
    assert deck.cards() == fresh.cards() and len(deck.cards()) == 4
    assert [card.kind for card in deck.cards()] == [Kind.CLOZE, Kind.CLOZE, Kind.CHOICE, Kind.TRUE_FALSE]


@pytest.mark.parametrize("answer", ['""', "''", "'   '", "", "~", "null"])
def test_empty_answers(answer: str) -> None:
    text = deck_text(f"""
        - id: a
          question: In what year did the OAS expel Cuba?
          answer: {answer}
    """)
    column = 11 if answer else 10  # an absent value is an empty scalar at the end of 'answer:'
    assert errors(text) == [f"d.yaml:10:{column}: empty answer"]


def test_missing_answer_and_empty_question() -> None:
    text = deck_text("""
        - id: a
          question: "  "
        - id: b
          question: Who suspended the talks?
    """)
    assert errors(text) == [
        "d.yaml:8:3: the card has no 'answer'",
        "d.yaml:9:13: empty question",
        "d.yaml:10:3: the card has no 'answer'",
    ]


def test_question_and_cloze_together_or_neither() -> None:
    text = deck_text("""
        - id: a
          question: Who?
          cloze: The talks were suspended by {{Bush}}.
        - id: b
          answer: Bush
    """)
    assert errors(text) == [
        "d.yaml:8:3: a card has either a 'question' or a 'cloze', not both",
        "d.yaml:11:3: a card needs a 'question' (with an 'answer') or a 'cloze'",
    ]


def test_choices_containing_the_answer() -> None:
    text = deck_text("""
        - id: exact
          question: Before 2009, talks rotated between Havana and which U.S. city?
          answer: New York
          choices: [Washington, New York, Miami]
        - id: via-accept
          question: Which president suspended the talks in 2003?
          answer: Bush
          accept: [George W. Bush]
          choices: [Barack Obama, George W. Bush]
        - id: folded
          question: Before 2009, talks rotated between Havana and which U.S. city?!
          answer: New York
          choices: [Washington, "new york!", Boston]
        - id: by-title
          question: Who suspended the talks in 2003, according to America.gov?
          answer: Bush
          choices: [Bill Clinton, President Bush]
    """)
    assert errors(text) == [
        "d.yaml:11:12: choices contain the answer 'New York'; list only wrong options",
        "d.yaml:16:12: choices contain the answer 'George W. Bush'; list only wrong options",
        "d.yaml:20:12: choices contain the answer 'new york!'; list only wrong options",
        "d.yaml:24:12: choices contain the answer 'President Bush'; list only wrong options",
    ]


def test_choices_listed_twice() -> None:
    text = deck_text("""
        - id: a
          question: Before 2009, talks rotated between Havana and which U.S. city?
          answer: New York
          choices: [Miami, Boston, MIAMI]
    """)
    assert errors(text) == ["d.yaml:11:12: choice 'MIAMI' is listed twice"]


def test_symbol_answers_are_told_apart_from_symbol_choices() -> None:
    # "+" and "-" both normalise to nothing, but answers.check tells them apart, so may the loader.
    text = deck_text("""
        - id: sign
          question: Which sign marks an increase?
          answer: "+"
          choices: ["-", "±"]
    """)
    assert errors(text) == []
    assert errors(text.replace('["-", "±"]', '["-", " + "]')) == [
        "d.yaml:11:12: choices contain the answer ' + '; list only wrong options"
    ]


def test_unknown_sources() -> None:
    text = deck_text("""
        - id: a
          question: Who suspended the talks?
          answer: Bush
          source: cnn-2010
    """)
    assert errors(text) == ["d.yaml:11:11: unknown source 'cnn-2010'"]
    bare = "title: T\ncards:\n  - {id: a, question: q, answer: x, source: cnn-2010}\n"
    assert errors(bare) == ["d.yaml:3:45: unknown source 'cnn-2010' (the deck has no 'sources')"]


@pytest.mark.parametrize(
    ("cloze", "message"),
    [
        ("The OAS expelled Cuba in {{1962 after Castro.", "malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest"),
        ("The OAS expelled Cuba in 1962}} after Castro.", "malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest"),
        ("The OAS expelled {{Cuba in {{1962}}}} after Castro.", "malformed cloze: every '{{' needs a matching '}}', and gaps cannot nest"),
        ("The OAS expelled Cuba in {{ }} after Castro.", "empty cloze gap '{{}}'"),
        ("The OAS expelled Cuba in 1962.", "a cloze needs at least one {{gap}}, e.g. 'The OAS expelled Cuba in {{1962}}.'"),
    ],
)
def test_malformed_cloze(cloze: str, message: str) -> None:
    text = deck_text(f"""
        - id: a
          cloze: "{cloze}"
    """)
    assert errors(text) == [f"d.yaml:9:10: {message}"]


def test_answer_on_a_cloze() -> None:
    text = deck_text("""
        - id: a
          cloze: The OAS expelled Cuba in {{1962}}.
          answer: "1962"
    """)
    assert errors(text) == ["d.yaml:10:3: a cloze card takes its answers from its {{…}} gaps; remove 'answer'"]


def test_accept_and_choices_need_a_single_gap() -> None:
    text = deck_text("""
        - id: two-gaps
          cloze: The migration accords were hashed out in {{1994}} and {{1995}}.
          accept: [nineteen ninety-four]
          choices: ["1990"]
        - id: one-gap
          cloze: The OAS expelled Cuba in {{1962}}.
          accept: [nineteen sixty-two]
          choices: ["1959", "1970"]
    """)
    assert errors(text) == [
        "d.yaml:10:3: 'accept' needs a cloze with exactly one {{…}} gap",
        "d.yaml:11:3: 'choices' needs a cloze with exactly one {{…}} gap",
    ]
    # The single-gap cloze's choices are checked against its gap too.
    assert errors(text.replace('["1959", "1970"]', '["1959", " 1962 "]')) == [
        "d.yaml:10:3: 'accept' needs a cloze with exactly one {{…}} gap",
        "d.yaml:11:3: 'choices' needs a cloze with exactly one {{…}} gap",
        "d.yaml:15:12: choices contain the answer ' 1962 '; list only wrong options",
    ]


def test_ids_must_be_simple() -> None:
    text = HEAD.replace("id: cuba", "id: 'cuba deck'") + "  - {id: 'a b', question: q, answer: x}\n"
    assert errors(text) == [
        "d.yaml:2:5: deck id 'cuba deck' may use only letters, digits, '.', '_', ':' and '-'",
        "d.yaml:8:10: card id 'a b' may use only letters, digits, '.', '_', ':' and '-'",
    ]


def test_bad_published_date() -> None:
    text = HEAD.replace("    file:", "    published: June 2009\n    file:") + "  - {id: a, question: q, answer: x}\n"
    assert errors(text) == ["d.yaml:6:16: 'published' must be a date like 2009-06-01, not 'June 2009'"]


def test_exam_date() -> None:
    text = HEAD.replace("id: cuba\n", "id: cuba\nexam: 2026-12-20\n") + "  - {id: a, question: q, answer: x}\n"
    assert load_text(text, "d.yaml").exam == date(2026, 12, 20)
    assert load_text(HEAD + "  - {id: a, question: q, answer: x}\n", "d.yaml").exam is None
    bad = HEAD.replace("id: cuba\n", "id: cuba\nexam: next week\n") + "  - {id: a, question: q, answer: x}\n"
    assert errors(bad) == ["d.yaml:3:7: 'exam' must be a date like 2026-12-20, not 'next week'"]


def test_shapes() -> None:
    assert errors("title: [a, b]\ncards: {a: 1}\n") == [
        "d.yaml:1:8: 'title' of the deck must be text, not a list",
        "d.yaml:2:8: 'cards' must be a non-empty list of cards",
    ]
    assert errors("title: T\ncards: []\n") == ["d.yaml:2:8: 'cards' must be a non-empty list of cards"]
    assert errors("title: T\n") == ["d.yaml:1:1: the deck has no 'cards'"]
    assert errors("- a\n- b\n") == ["d.yaml:1:1: the deck must be a mapping of keys to values, not a list"]
    assert errors("title: T\ncards: [{}, plain]\n") == [
        "d.yaml:2:9: empty card: it needs a 'question' and 'answer', or a 'cloze'",
        "d.yaml:2:13: a card must be a mapping of keys to values, not 'plain'",
    ]


def test_scalars_are_read_as_written() -> None:
    deck = load_text(deck_text("""
        - {id: a, question: In what year did the OAS expel Cuba?, answer: 1962, accept: [1962.0, 0x7AA]}
        - {id: b, question: "True or false: the talks resumed in 2009.", answer: yes}
        - {id: c, question: What sign?, answer: =, choices: [<<, ~x]}
        - {id: d, question: When?, answer: 2009-07-14}
    """))
    entries = {entry.id: entry for entry in deck.entries}
    assert entries["a"].answer == "1962" and entries["a"].accept == ("1962.0", "0x7AA")
    assert entries["b"].answer == "yes"
    assert (entries["c"].answer, entries["c"].choices) == ("=", ("<<", "~x"))
    assert entries["d"].answer == "2009-07-14"


def test_duplicate_keys() -> None:
    text = deck_text("""
        - id: a
          question: Who suspended the talks?
          answer: Bush
          answer: Obama
    """)
    assert errors(text) == ["d.yaml:11:3: duplicate key 'answer' in a card"]


# -- safe loading -------------------------------------------------------------------------------


def test_python_tags_construct_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payloads = [
        f"!!python/object/apply:builtins.exec [\"open({str(marker)!r}, 'w')\"]",
        f"!!python/object/apply:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/object:quiz.decks.model.Source {title: x}",
    ]
    for payload in payloads:
        text = deck_text(f"""
            - id: a
              question: Who suspended the talks?
              answer: {payload}
        """)
        found = errors(text)
        assert len(found) == 1 and found[0].startswith("d.yaml:10:11: 'answer' of a card has unsupported YAML tag 'tag:yaml.org,2002:python/")
        with pytest.raises(DeckError):
            load_text(text)
    assert not marker.exists()


def test_other_tags_are_refused_wherever_they_are() -> None:
    assert errors(deck_text("- {id: a, question: q, answer: !!binary aGk=}")) == [
        "d.yaml:8:32: 'answer' of a card has unsupported YAML tag 'tag:yaml.org,2002:binary'"
    ]
    assert errors(deck_text("- {id: a, question: q, answer: !local x}")) == [
        "d.yaml:8:32: 'answer' of a card has unsupported YAML tag '!local'"
    ]
    assert errors(deck_text("- {id: a, question: q, answer: x, tags: !!omap [a: 1]}")) == [
        "d.yaml:8:41: 'tags' has unsupported YAML tag 'tag:yaml.org,2002:omap'"
    ]
    assert errors(deck_text("- !!python/object:quiz.decks.model.Entry {id: a, question: q, answer: x}")) == [
        "d.yaml:8:3: a card has unsupported YAML tag 'tag:yaml.org,2002:python/object:quiz.decks.model.Entry'"
    ]
    tagged_root = "!!python/object:quiz.decks.model.Deck\n" + deck_text("- {id: a, question: q, answer: x}")
    assert errors(tagged_root) == ["d.yaml:1:1: the deck has unsupported YAML tag 'tag:yaml.org,2002:python/object:quiz.decks.model.Deck'"]
    tagged_cards = HEAD.replace("cards:", "cards: !!python/object/new:list") + "  - {id: a, question: q, answer: x}\n"
    assert errors(tagged_cards) == ["d.yaml:7:8: 'cards' has unsupported YAML tag 'tag:yaml.org,2002:python/object/new:list'"]
    # Standard scalar tags are plain text.
    assert load_text(deck_text("- {id: a, question: q, answer: !!str 1962}")).entries[0].answer == "1962"


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
cards: *i
"""


def test_alias_bomb_is_refused() -> None:
    # How long refusing takes is measured in bench/, not here.
    found = errors(BILLION_LAUGHS)
    # g holds 9**7 ≈ 4.8 million strings: the first node past the limit.
    assert found == ["d.yaml:7:4: YAML aliases expand past 1,000,000 nodes (an alias bomb?)"]
    with pytest.raises(DeckError, match="alias bomb"):
        load_text(BILLION_LAUGHS)


def test_modest_aliases_are_fine() -> None:
    deck = load_text(deck_text("""
        - id: a
          question: Who suspended the talks?
          answer: Bush
          tags: &people [people, presidents]
        - id: b
          question: Who told CNN the talks were an important opportunity?
          answer: Michael Tran
          tags: *people
    """))
    assert deck.entries[1].tags == ("people", "presidents")


def test_recursive_alias() -> None:
    text = deck_text("""
        - id: a
          question: Who suspended the talks?
          answer: Bush
          tags: &t [people, *t]
    """)
    assert errors(text) == ["d.yaml:11:9: a YAML alias refers to itself"]


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_deep_nesting_is_refused_without_crashing(loader: str) -> None:
    # libyaml's composer recursed on the C stack and killed the process at ~40,000 levels;
    # libyaml 0.2.6 stops at 1,000 levels with its own message. quiz's limit comes first with
    # either parser, so the message and position do not depend on the installed PyYAML.
    script = (
        "import yaml\n"
        "from quiz.decks import file\n"
        f"file._Loader = yaml.{loader}\n"
        "for text in ('[' * 200000 + ']' * 200000, '- ' * 200000 + 'x', 'title: ' + '{a: ' * 200000):\n"
        "    print(file.check_text(text, 'd.yaml').problems[0])\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "d.yaml:1:101: YAML nesting is deeper than 100 levels",
        "d.yaml:1:201: YAML nesting is deeper than 100 levels",
        "d.yaml:1:404: YAML nesting is deeper than 100 levels",  # the deck itself is level 1
    ]


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(deck_text("- {id: a, question: Who suspended the talks?, answer: Bush}"), encoding="utf-8")
    assert check_path(path).problems == []
    monkeypatch.setattr(deckfile, "MAX_BYTES", 100)
    size = path.stat().st_size
    result = check_path(path)
    assert result.deck is None
    assert [str(p) for p in result.problems] == [f"{path}:1:1: deck is {size:,} bytes; the limit is 100"]
    assert [str(p) for p in check_text("x" * 101, "d.yaml").problems] == ["d.yaml:1:1: deck text is over 100 characters"]
    with pytest.raises(DeckError, match="the limit is 100"):
        load_path(path)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Talks\ncards:\n  - {id: a, question: Où?, answer: La Habana}\n".encode("latin-1"))
    result = check_path(path)
    assert result.deck is None
    assert [str(p) for p in result.problems] == [f"{path}:3:24: not UTF-8 text (is this a deck file?)"]


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + deck_text("- {id: a, question: Où?, answer: La Habana}").encode())
    assert check_path(path).deck is not None


def test_missing_file(tmp_path: Path) -> None:
    result = check_path(tmp_path / "nope.yaml")
    assert result.deck is None and len(result.problems) == 1
    assert str(result.problems[0]).startswith(f"{tmp_path / 'nope.yaml'}:1:1: cannot read deck:")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    assert [str(p) for p in check_path(path).problems] == [f"{path}:1:1: the deck is empty: it needs a 'title' and 'cards'"]


def test_multi_document_file() -> None:
    one = deck_text("- {id: a, question: Who suspended the talks?, answer: Bush}")
    found = errors(one + "---\n" + one)
    assert found == ["d.yaml:9:1: invalid YAML: expected a single document in the stream: but found another document"]


def test_invalid_yaml_positions() -> None:
    assert errors("title: 'U.S., Cuba\ncards: []\n") == ["d.yaml:3:1: invalid YAML: while scanning a quoted scalar: found unexpected end of stream"]
    assert errors("title: T\ncards: [a, b\n") == ["d.yaml:3:1: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"]
    assert errors("title: T\ncards:\n  - a: 1\n\tb: 2\n") == ["d.yaml:4:1: invalid YAML: while scanning a plain scalar: found a tab character that violates indentation"]
    assert errors("title: T\ncards: *nope\n") == ["d.yaml:2:8: invalid YAML: found undefined alias"]
    assert errors("title: Cuba é\ncards: [\x07]\n") == ["d.yaml:2:9: invalid YAML: character '\\x07' is not allowed in YAML"]


# -- warnings -------------------------------------------------------------------------------------


def test_warning_for_cards_without_ids() -> None:
    text = deck_text("""
        - id: a
          question: Who suspended the talks?
          answer: Bush
        - question: In what year did the OAS expel Cuba?
          answer: "1962"
        - cloze: The OAS expelled Cuba in {{1962}}.
    """)
    result = check_text(text, "d.yaml")
    assert result.errors == [] and result.deck is not None
    assert [str(p) for p in result.warnings] == [
        "d.yaml:8:1: warning: 2 card(s) have no 'id' (first at line 11); "
        "without one, editing the question starts the card's history afresh; `quiz check --fix` adds them"
    ]
    assert warnings(deck_text("- {id: a, question: q, answer: x}")) == []


def test_source_file_and_quote_warnings(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "2009.txt").write_text(ARTICLE, encoding="utf-8")
    cards = """
        - id: found
          question: Which president suspended the migration talks in 2003?
          answer: Bush
          source: america-gov-2009
          quote: "The talks were suspended by President Bush in 2003."
        - id: missing
          question: In what year did the OAS expel Cuba?
          answer: "1962"
          source: america-gov-2009
          quote: The OAS expelled Cuba in 1962.
    """
    deck = tmp_path / "deck.yaml"
    deck.write_text(deck_text(cards), encoding="utf-8")
    result = check_path(deck, verify_sources=True)
    assert result.deck is not None
    assert [str(p) for p in result.problems] == [f"{deck}:17:10: warning: quote not found in 'articles/2009.txt'"]
    # Without verify_sources nothing is read from disk.
    assert check_path(deck).problems == []
    # A missing file is reported once, where the source names it; its quotes are not checked.
    (tmp_path / "articles" / "2009.txt").unlink()
    result = check_path(deck, verify_sources=True)
    assert result.deck is not None
    assert [str(p) for p in result.problems] == [f"{deck}:6:11: warning: source file 'articles/2009.txt' not found next to the deck"]


def test_warnings_do_not_stop_loading_but_errors_do(tmp_path: Path) -> None:
    text = deck_text("- {question: Who suspended the talks?, answer: Bush, source: america-gov-2009, quote: nowhere}")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "2009.txt").write_text(ARTICLE, encoding="utf-8")
    result = check_text(text, "d.yaml", base_dir=tmp_path)
    assert len(result.warnings) == 2 and result.errors == [] and result.deck is not None
    assert load_text(text).entries[0].quote == "nowhere"


# -- the bundled deck -----------------------------------------------------------------------------


def test_bundled_deck_loads_clean() -> None:
    result = check_path(BUNDLED_DECK, verify_sources=True)
    assert result.problems == []
    deck = result.deck
    assert deck is not None and deck.id == "us-cuba-migration"
    cards = deck.cards()
    assert len(cards) >= 30
    assert {card.kind for card in cards} == set(Kind)
    assert any(entry.cloze and len(entry.cloze.split("{{")) > 2 for entry in deck.entries), "a multi-gap cloze"
    for entry in deck.entries:
        assert entry.source in deck.sources and entry.quote, entry
    for source in deck.sources.values():
        assert source.file and (BUNDLED_DECK.parent / source.file).is_file()
    assert len({card.id for card in cards}) == len(cards)


def test_bundled_deck_round_trips() -> None:
    deck = load_path(BUNDLED_DECK)
    assert load_text(dump(deck)) == deck


# -- card identity --------------------------------------------------------------------------------

QUESTION = "Which U.S. president suspended the U.S.–Cuba migration talks in 2003?"


def card_ids(*entries: Entry) -> list[str]:
    return [card.id for card in make_deck(*entries, id="us-cuba-migration").cards()]


def test_editing_answers_keeps_the_id() -> None:
    base = card_ids(qa(QUESTION, "Bush"))
    assert base == card_ids(qa(QUESTION, "George W. Bush"))
    assert base == card_ids(qa(QUESTION, "Bush", accept=("President Bush",)))
    assert base == card_ids(qa(QUESTION, "Bush", choices=("Barack Obama", "Bill Clinton")))
    # Case, punctuation and spacing are not edits of the question.
    assert base == card_ids(qa("which U.S. president suspended the U.S. Cuba  migration talks in 2003", "Bush"))


def test_editing_the_question_changes_a_derived_id_only() -> None:
    edited = "Which U.S. president suspended the migration talks in 2003?"
    assert card_ids(qa(QUESTION, "Bush")) != card_ids(qa(edited, "Bush"))
    assert card_ids(qa(QUESTION, "Bush", id="suspended")) == card_ids(qa(edited, "Bush", id="suspended")) == ["suspended"]
    # The deck id is part of a derived id.
    assert derived_id("us-cuba-migration", QUESTION) != derived_id("other", QUESTION)


def test_cloze_ids_survive_gap_edits_and_follow_each_gap() -> None:
    one = card_ids(Entry(cloze="The OAS expelled Cuba in {{1962}} after Fidel Castro moved to join the Communist bloc."))
    assert one == card_ids(Entry(cloze="The OAS expelled Cuba in {{ 1962 AD }} after Fidel Castro moved to join the Communist bloc."))
    assert one != card_ids(Entry(cloze="The OAS suspended Cuba in {{1962}} after Fidel Castro moved to join the Communist bloc."))
    assert card_ids(Entry(cloze="in {{1962}}", id="oas")) == ["oas"]
    # Several gaps: each card is the entry's id and its gap's text, wherever the gap is.
    assert card_ids(Entry(cloze="{{1994}} and {{ the  Accords }}", id="accords")) == ["accords:1994", "accords:the-accords"]
    assert card_ids(Entry(cloze="{{The accords}}, {{1994}}.", id="accords")) == ["accords:the-accords", "accords:1994"]
    two = card_ids(Entry(cloze="The OAS expelled Cuba in {{1962}} after {{Fidel Castro}} moved to join the Communist bloc."))
    swapped = card_ids(Entry(cloze="The OAS expelled Cuba in {{Fidel Castro}} after {{1962}} moved to join the Communist bloc."))
    assert two == swapped[::-1] and len(set(two)) == 2
    # Gaps alike in their identity, or without one, still make distinct ids.
    assert card_ids(Entry(cloze="{{A}}, {{a}}, {{?}} and {{!}}", id="x")) == ["x:a", "x:a#2", "x:h5bab61eb", "x:h0ab8318a"]
    long = card_ids(Entry(cloze=f"{{{{{'word ' * 30}}}}} {{{{b}}}}", id="x"))[0]
    assert long == "x:" + "-".join(["word"] * 30)[:40].strip("-")


def test_cloze_cards_blank_one_gap_each() -> None:
    cards = make_deck(Entry(cloze="The accords were hashed out in {{1994}} and {{ 1995 }}.")).cards()
    assert [(c.prompt, c.answer, c.kind) for c in cards] == [
        ("The accords were hashed out in _____ and 1995.", "1994", Kind.CLOZE),
        ("The accords were hashed out in 1994 and _____.", "1995", Kind.CLOZE),
    ]


def test_card_kinds() -> None:
    kinds = [
        c.kind
        for c in make_deck(
            qa("Who?", "Bush"),
            qa("Where?", "New York", choices=("Miami",)),
            qa("True or false: the talks resumed in 2009.", " True "),
            Entry(cloze="Talks resumed in {{July 2009}}.", choices=("June 2010",)),
        ).cards()
    ]
    assert kinds == [Kind.TYPED, Kind.CHOICE, Kind.TRUE_FALSE, Kind.CHOICE]


# -- properties ---------------------------------------------------------------------------------

# Deck text is read without control characters (but tab and newline): a deck keeps the rest.
SHOWN = st.characters(codec="utf-8", exclude_categories=("Cc",)) | st.sampled_from("\t\n")
TEXT = st.text(SHOWN, max_size=30)
NON_BLANK = st.text(SHOWN, min_size=1, max_size=30).filter(lambda s: s.strip() != "")
NO_BRACES = st.text(st.characters(exclude_characters="{}", codec="utf-8", exclude_categories=("Cc",)), max_size=20)
IDS = st.from_regex(deckfile.ID_PATTERN, fullmatch=True).filter(lambda s: len(s) < 40)
LISTS = st.lists(NON_BLANK, max_size=3).map(tuple)


def answer_key(text: str) -> str:
    return normalise(text) or " ".join(text.casefold().split())


@st.composite
def cloze_texts(draw: st.DrawFn, gaps: int) -> tuple[str, list[str]]:
    answers = [draw(NO_BRACES.filter(lambda s: s.strip() != "")) for _ in range(gaps)]
    parts = [draw(NO_BRACES)]
    for gap in answers:
        parts += ["{{", gap, "}}", draw(NO_BRACES)]
    return "".join(parts), [a.strip() for a in answers]


@st.composite
def entries(draw: st.DrawFn, source_names: list[str]) -> Entry:
    kind = draw(st.sampled_from(["typed", "choice", "truefalse", "cloze1", "clozeN"]))
    common = {
        "id": draw(st.none() | IDS),
        "tags": draw(LISTS),
        "note": draw(st.none() | TEXT),
        "source": draw(st.none() | st.sampled_from(source_names)) if source_names else None,
        "quote": draw(st.none() | TEXT),
    }
    if kind.startswith("cloze"):
        text, gaps = draw(cloze_texts(1 if kind == "cloze1" else draw(st.integers(2, 3))))
        extra = {"accept": draw(LISTS), "choices": draw(LISTS)} if kind == "cloze1" else {}
        entry = Entry(cloze=text, **common, **extra)  # type: ignore[arg-type]
        answers = [*gaps[:1], *entry.accept]
    else:
        answer = draw(st.sampled_from(["true", "false", "True", "FALSE"])) if kind == "truefalse" else draw(NON_BLANK)
        entry = Entry(
            question=draw(NON_BLANK),
            answer=answer,
            accept=draw(LISTS),
            choices=draw(LISTS) if kind == "choice" else (),
            **common,  # type: ignore[arg-type]
        )
        answers = [answer, *entry.accept]
    # Valid decks list only wrong, distinct choices.
    keys = [answer_key(choice) for choice in entry.choices]
    assume(len(set(keys)) == len(keys) and not set(keys) & {answer_key(a) for a in answers})
    return entry


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    sources = draw(
        st.dictionaries(
            TEXT,
            st.builds(Source, title=st.none() | TEXT, published=st.none() | st.dates(date(1, 1, 1)), file=st.none() | TEXT),
            max_size=3,
        )
    )
    items = tuple(draw(st.lists(entries(list(sources)), min_size=1, max_size=5)))
    deck = Deck(
        id=draw(IDS),
        title=draw(NON_BLANK.map(str.strip)),
        description=draw(st.none() | TEXT),
        exam=draw(st.none() | st.dates(date(1, 1, 1))),
        sources=sources,
        entries=items,
    )
    # Valid decks have distinct entry ids and card ids.
    ids = [entry_id(deck.id, entry) for entry in items]
    cards = [card.id for card in deck.cards()]
    assume(len(set(ids)) == len(ids) and len(set(cards)) == len(cards))
    return deck


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(decks())
def test_any_valid_deck_dumps_and_reloads_equal(deck: Deck) -> None:
    text = dump(deck)
    result = check_text(text)
    assert result.errors == [], text
    assert result.deck == deck


@given(st.text(max_size=30), st.text(max_size=30))
def test_deck_text_is_read_without_control_characters(title: str, question: str) -> None:
    from quiz.text import printable

    assume(printable(title).strip() and printable(question).strip())
    deck = Deck(id="d", title=title, entries=(Entry(id="a", question=question, answer="x"),))
    loaded = load_text(dump(deck))
    assert (loaded.title, loaded.entries[0].question) == (printable(title).strip(), printable(question))


YAMLISH = st.lists(
    st.sampled_from(
        [
            "title", "id", "cards", "sources", "question", "answer", "cloze", "accept", "choices", "source",
            "quote", "tags", "file", "published", ":", ": ", " ", "  ", "\n", "\n  ", "\n    ", "- ", "-", "{", "}",
            "[", "]", ",", "&a ", "*a", "&b ", "*b", "!!", "!!python/object:os.system ", "!!str ", "!!set ",
            "!!omap ", "!x ", "'", '"', "\t", "---", "...", "? ", "|", ">", "#", "{{", "}}", "%YAML 1.1\n", "<<",
            "=", "~", "null", "1962", "2009-06-01", "true", "\x00", "é", "\ufeff", "\\", "\r", "@", "`",
        ]
    )
    | st.text(max_size=4),
    max_size=60,
).map("".join)

VALID = deck_text("""
    - id: a
      question: Which president suspended the talks in 2003?
      answer: Bush
      accept: [George W. Bush]
      choices: [Barack Obama]
      source: america-gov-2009
      quote: The talks were suspended by President Bush in 2003.
    - cloze: The OAS expelled Cuba in {{1962}} after {{Fidel Castro}} moved.
      tags: &t [dates]
    - {question: "True or false: the talks resumed in 2009.", answer: true, tags: *t}
""")


@st.composite
def mutated_decks(draw: st.DrawFn) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 10)))
        text = text[:start] + draw(YAMLISH.map(lambda s: s[:12])) + text[end:]
    return text


def loads_or_deck_error(text: str) -> None:
    try:
        deck = load_text(text)
    except DeckError as exc:
        assert exc.problems and all(not p.warning and p.line >= 1 and p.column >= 1 for p in exc.problems)
    else:
        assert isinstance(deck, Deck)


@settings(deadline=None)
@given(st.text())
def test_arbitrary_text_loads_or_raises_deck_error(text: str) -> None:
    loads_or_deck_error(text)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_arbitrary_yamlish_text_loads_or_raises_deck_error(text: str) -> None:
    loads_or_deck_error(text)


@settings(max_examples=300, deadline=None)
@given(mutated_decks())
def test_mutated_decks_load_or_raise_deck_error(text: str) -> None:
    loads_or_deck_error(text)


def test_yaml_is_composed_with_the_c_loader() -> None:
    # PyYAML's wheels for every platform quiz installs on carry libyaml.
    assert yaml.__with_libyaml__
    assert deckfile._Loader is yaml.CSafeLoader


def test_null_keys_are_unknown_keys_not_ignored() -> None:
    assert errors(deck_text("- {id: a, question: q, answer: x, ~: 1}")) == ["d.yaml:8:35: unknown key '~' in a card"]
    assert errors("title: T\nnull: 1\ncards: [{id: a, question: q, answer: x}]\n") == ["d.yaml:2:1: unknown key 'null' in the deck"]


def test_deck_id_defaults_to_the_file_name(tmp_path: Path) -> None:
    body = "title: '  Talks  '\ncards: [{id: a, question: q, answer: x}]\n"
    for name, expected in (("US Cuba (2009).yaml", "us-cuba-2009"), ("talks.yaml", "talks"), ("日本.yaml", "deck")):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        deck = load_path(path)
        assert (deck.id, deck.title, deck.path) == (expected, "Talks", str(path.resolve()))
    assert load_text(body, default_id="given").id == "given"
    assert load_text("id: own\n" + body, default_id="given").id == "own"


def test_a_long_scalar_is_shortened_in_messages() -> None:
    result = check_text("x" * 500 + "\n", "plain.txt")
    assert [str(p) for p in result.errors] == [
        f"plain.txt:1:1: the deck must be a mapping of keys to values, not '{'x' * 40}…'"
    ]


def test_sources_and_id_written_after_the_cards_still_apply_to_them() -> None:
    text = (
        "title: T\ncards:\n"
        "- {id: a, question: q, answer: x, source: s}\n"
        "- {id: b, question: r, answer: y, source: nope}\n"
        "- {id: a, question: t, answer: z}\n"
        "sources: {s: {title: S}}\nid: later\n"
    )
    assert errors(text) == [
        "d.yaml:4:43: unknown source 'nope'",
        "d.yaml:5:3: duplicate card id 'a' as the card at line 3",
    ]
    deck = load_text(text.replace("nope", "s").replace("{id: a, question: t", "{id: c, question: t"))
    assert deck.id == "later" and [card.id for card in deck.cards()] == ["a", "b", "c"]


def test_each_card_is_read_as_soon_as_it_is_composed() -> None:
    from quiz.decks.compose import Composer

    class Stop(Exception):
        pass

    def first(item: yaml.Node) -> None:
        raise Stop(item.start_mark.line)

    # The second card is not valid YAML: reading the first happens before the parser gets there.
    text = "title: T\ncards:\n- {question: q, answer: x}\n- {question: 'unclosed\n"
    with pytest.raises(Stop, match="2"):
        Composer(text, deckfile._Loader, lambda key: key.value == "cards", first).document()
    assert errors(text) == ["d.yaml:5:1: invalid YAML: while scanning a quoted scalar: found unexpected end of stream"]
