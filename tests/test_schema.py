"""The deck JSON Schema: generated from the model, shipped, and agreeing with `quiz check`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from quiz.decks import schema
from quiz.decks.file import check_text, dump
from quiz.decks.model import Deck, Entry

from cli_helpers import REPO, run_quiz

VALIDATOR = jsonschema.Draft7Validator(schema.deck_schema())


def instance(text: str) -> Any:
    """The deck as an editor's YAML language server sees it: plain data, dates as text."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(key): plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, date | datetime):
            return value.isoformat()
        return value

    return plain(yaml.safe_load(text))


def schema_accepts(text: str) -> bool:
    return VALIDATOR.is_valid(instance(text))


def check_accepts(text: str) -> bool:
    return check_text(text).deck is not None


def test_the_schema_is_valid_draft_7() -> None:
    jsonschema.Draft7Validator.check_schema(schema.deck_schema())


def test_the_shipped_file_is_what_the_model_generates() -> None:
    assert schema.SCHEMA_FILE.read_text(encoding="utf-8") == schema.schema_text(), (
        "the deck model changed: run `python -m quiz schema > quiz/decks/deck-v1.schema.json`"
    )


def test_quiz_schema_prints_it(tmp_path: Path) -> None:
    ran = run_quiz(tmp_path, "schema")
    assert ran.returncode == 0
    assert ran.stdout == schema.schema_text()
    assert run_quiz(tmp_path, "schema", "--path").stdout.strip() == str(schema.SCHEMA_FILE.resolve())


@pytest.mark.parametrize("path", sorted((REPO / "decks").glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_deck_validates(path: Path) -> None:
    errors = list(VALIDATOR.iter_errors(instance(path.read_text(encoding="utf-8"))))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]


def test_a_new_deck_passes_both(tmp_path: Path) -> None:
    ran = run_quiz(tmp_path, "new", "spanish.yaml", "--title", "Spanish: verbs")
    assert ran.returncode == 0, ran.stderr
    text = (tmp_path / "spanish.yaml").read_text(encoding="utf-8")
    result = check_text(text, default_id="spanish")
    assert result.deck is not None and not result.problems
    assert result.deck.title == "Spanish: verbs" and result.deck.id == "spanish"
    assert schema_accepts(text)
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema.SCHEMA_FILE.resolve().as_uri()}"
    for key in ("title", "cards", "question", "cloze", "accept", "choices", "published"):
        assert f"#   {key} " in text


def test_new_never_replaces_without_force(tmp_path: Path) -> None:
    deck = tmp_path / "mine.yaml"
    deck.write_text("title: Mine\ncards: [{question: Q, answer: A}]\n", encoding="utf-8")
    ran = run_quiz(tmp_path, "new", "mine.yaml")
    assert ran.returncode == 1 and "already exists" in ran.stderr and "--force" in ran.stderr
    assert deck.read_text(encoding="utf-8").startswith("title: Mine")
    assert run_quiz(tmp_path, "new", "mine.yaml", "--force").returncode == 0
    assert "capital-of-france" in deck.read_text(encoding="utf-8")


HEAD = "title: T\ncards:\n"

# Broken decks that both quiz check and the schema refuse.
BROKEN = {
    "no title": "cards: [{question: Q, answer: A}]\n",
    "blank title": "title: ' '\ncards: [{question: Q, answer: A}]\n",
    "null title": "title: ~\ncards: [{question: Q, answer: A}]\n",
    "no cards": "title: T\n",
    "empty cards": "title: T\ncards: []\n",
    "cards not a list": "title: T\ncards: {question: Q, answer: A}\n",
    "unknown deck key": "title: T\nversion: 1\ncards: [{question: Q, answer: A}]\n",
    "bad deck id": "title: T\nid: -x\ncards: [{question: Q, answer: A}]\n",
    "deck is a list": "- title: T\n",
    "card not a mapping": HEAD + "  - just some text\n",
    "empty card": HEAD + "  - {}\n",
    "unknown card key": HEAD + "  - {question: Q, answer: A, anwser: B}\n",
    "no answer": HEAD + "  - {question: Q}\n",
    "empty answer": HEAD + "  - {question: Q, answer: ''}\n",
    "null answer": HEAD + "  - {question: Q, answer: ~}\n",
    "blank question": HEAD + "  - {question: '  ', answer: A}\n",
    "neither question nor cloze": HEAD + "  - {answer: A, tags: [x]}\n",
    "both question and cloze": HEAD + "  - {question: Q, cloze: 'a {{b}}', answer: A}\n",
    "cloze with an answer": HEAD + "  - {cloze: 'a {{b}}', answer: b}\n",
    "cloze without a gap": HEAD + "  - {cloze: no gap here}\n",
    "unclosed gap": HEAD + "  - {cloze: 'a {{b} c'}\n",
    "stray closing braces": HEAD + "  - {cloze: 'a }} {{b}}'}\n",
    "nested gaps": HEAD + "  - {cloze: 'a {{b {{c}} d}}'}\n",
    "blank gap": HEAD + "  - {cloze: 'a {{ }} and {{b}}'}\n",
    "accept on a two-gap cloze": HEAD + "  - {cloze: '{{a}} and {{b}}', accept: [x]}\n",
    "choices on a two-gap cloze": HEAD + "  - {cloze: '{{a}} and {{b}}', choices: [x]}\n",
    "bad card id": HEAD + "  - {id: 'no spaces', question: Q, answer: A}\n",
    "card id a list": HEAD + "  - {id: [a], question: Q, answer: A}\n",
    "question a list": HEAD + "  - {question: [Q], answer: A}\n",
    "empty accepted form": HEAD + "  - {question: Q, answer: A, accept: ['']}\n",
    "tags a mapping": HEAD + "  - {question: Q, answer: A, tags: {a: b}}\n",
    "same choice twice": HEAD + "  - {question: Q, answer: A, choices: [B, B]}\n",
    "sources a list": "title: T\nsources: [a]\ncards: [{question: Q, answer: A}]\n",
    "source not a mapping": "title: T\nsources: {a: text}\ncards: [{question: Q, answer: A}]\n",
    "unknown source key": "title: T\nsources: {a: {title: A, url: x}}\ncards: [{question: Q, answer: A}]\n",
    "bad date": "title: T\nsources: {a: {published: June 2009}}\ncards: [{question: Q, answer: A}]\n",
}

# Valid decks with values that are easy to get wrong: both accept them.
VALID = {
    "numbers and booleans read as text": HEAD + "  - {question: Which year, answer: 1962}\n  - {question: Is it so, answer: no, accept: [false]}\n",
    "a number as the title and as an id": "title: 1984\nid: 7\ncards: [{id: 12, question: Q, answer: A}]\n",
    "one text instead of a list": HEAD + "  - {question: Q, answer: A, accept: B, tags: x}\n",
    "null optional values": "title: T\ndescription: ~\ncards: [{id: ~, question: Q, answer: A, note: ~, tags: ~, accept: [~]}]\n",
    "cloze gaps at the edges, braces around": HEAD + "  - cloze: '{{a}} {b} and {{ c }}}'\n  - cloze: 'x {{{y}}'\n",
    "a single-gap cloze with choices": HEAD + "  - {cloze: 'Capital: {{Paris}}.', choices: [Rome], accept: [paris city]}\n",
    "a multi-line cloze": HEAD + "  - cloze: |\n      The {{first}}\n      and the {{second}}.\n",
    "sources with a date": "title: T\nsources: {a: {title: A, published: 2009-06-01}, b: {}}\ncards: [{question: Q, answer: A, source: a}]\n",
}

# What JSON Schema cannot say: only quiz check refuses these.
CHECK_ONLY = {
    "unknown source": HEAD + "  - {question: Q, answer: A, source: nowhere}\n",
    "duplicate card ids": HEAD + "  - {id: x, question: Q, answer: A}\n  - {id: x, question: R, answer: B}\n",
    "the same question twice": HEAD + "  - {question: Q, answer: A}\n  - {question: q!, answer: B}\n",
    "choices holding the answer in another form": HEAD + "  - {question: Q, answer: Paris, choices: [paris, Rome]}\n",
    "unsupported YAML tag": HEAD + "  - {question: !!binary aGk=, answer: A}\n",
}


@pytest.mark.parametrize("name", BROKEN)
def test_check_and_schema_both_refuse(name: str) -> None:
    text = BROKEN[name]
    assert not check_accepts(text), "quiz check accepts it"
    assert not schema_accepts(text), "the schema accepts it"


@pytest.mark.parametrize("name", VALID)
def test_check_and_schema_both_accept(name: str) -> None:
    text = VALID[name]
    result = check_text(text)
    assert result.deck is not None, result.errors
    errors = list(VALIDATOR.iter_errors(instance(text)))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("name", CHECK_ONLY)
def test_what_only_check_refuses(name: str) -> None:
    text = CHECK_ONLY[name]
    assert not check_accepts(text)
    if "!!binary" not in text:  # a binary value is no JSON at all
        assert schema_accepts(text)


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(str.strip)
words = st.lists(texts, max_size=3, unique_by=str.casefold)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    if draw(st.booleans()):
        gaps = draw(st.lists(st.text("abcxyz ", min_size=1, max_size=6).filter(str.strip), min_size=1, max_size=3))
        text = " and ".join(f"{{{{{gap}}}}}" for gap in gaps)
        extras = {} if len(gaps) > 1 else {"accept": tuple(draw(words))}
        return Entry(cloze=f"{draw(st.sampled_from(['', 'It: ', 'x ']))}{text}.", tags=tuple(draw(words)), **extras)
    return Entry(question=draw(texts), answer=draw(texts), accept=tuple(draw(words)), tags=tuple(draw(words)), note=draw(st.none() | texts))


@st.composite
def decks(draw: st.DrawFn) -> str:
    # Questions and ids differ, so quiz check has only schema-level rules left to apply.
    cards = [
        Entry(**{**{k: getattr(e, k) for k in ("question", "cloze", "answer", "accept", "tags", "note")}, "id": f"c{n}"})
        for n, e in enumerate(draw(st.lists(entries(), min_size=1, max_size=4)))
    ]
    return dump(Deck(id="d", title=draw(texts), description=draw(st.none() | texts), entries=tuple(cards)))


@given(decks())
def test_a_deck_check_accepts_the_schema_accepts(text: str) -> None:
    if check_accepts(text):
        assert schema_accepts(text)



def first_card(card: dict[str, Any]) -> Any:
    return lambda d: d["cards"].__setitem__(0, card)


MUTATIONS = {
    "drop the title": lambda d: d.pop("title"),
    "blank the title": lambda d: d.update(title=" "),
    "an unknown deck key": lambda d: d.update(extra="x"),
    "drop the cards": lambda d: d.pop("cards"),
    "an unknown card key": lambda d: d["cards"][0].update(extra="x"),
    "a bad card id": lambda d: d["cards"][0].update(id="a b"),
    "a question and a cloze": first_card({"question": "Q", "cloze": "a {{b}}", "answer": "A"}),
    "neither question nor cloze": first_card({"tags": ["x"]}),
    "an empty answer": first_card({"question": "Q", "answer": ""}),
    "a cloze without gaps": first_card({"cloze": "no gaps"}),
}


@given(decks(), st.sampled_from(sorted(MUTATIONS)))
def test_a_broken_deck_both_refuse(text: str, mutation: str) -> None:
    data = yaml.safe_load(text)
    MUTATIONS[mutation](data)
    broken = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert not check_accepts(broken)
    assert not schema_accepts(broken)


def test_a_field_added_to_the_model_appears_in_the_schema() -> None:
    @dataclass
    class Later:
        title: str
        exam: date | None = None
        labels: tuple[str, ...] = ()

    made = schema._object(Later, ("title", "exam", "labels"), "deck")
    assert made["properties"]["exam"]["anyOf"][0]["pattern"] == schema.DATE["anyOf"][0]["pattern"]
    assert made["properties"]["labels"] == schema._list()
    with pytest.raises(TypeError, match="no field for the deck key 'cards'"):
        schema._object(Later, ("title", "cards"), "deck")

    @dataclass
    class Odd:
        count: int = 0

    with pytest.raises(TypeError, match="no JSON Schema for the deck key 'count'"):
        schema._object(Odd, ("count",), "source")


def test_imported_decks_validate(tmp_path: Path) -> None:
    assert run_quiz(tmp_path, "export", str(REPO / "decks" / "us-cuba-migration.yaml"), "-o", "cuba.apkg").returncode == 0
    assert run_quiz(tmp_path, "import", "cuba.apkg", "-o", "from-anki.yaml", "--no-history").returncode == 0
    (tmp_path / "words.txt").write_text("perro\tdog\nThe {{Rhine}} flows through Basel.\t\n", encoding="utf-8")
    assert run_quiz(tmp_path, "import", "words.txt").returncode == 0
    for name in ("from-anki.yaml", "words.yaml"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert check_accepts(text) and schema_accepts(text), name
