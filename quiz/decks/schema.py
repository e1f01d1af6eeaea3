"""The JSON Schema of deck format v1, generated from the deck model, for editors and other tools.

The keys and their kinds of value come from the model's dataclasses (`Deck`, `Source`, `Entry`)
and the reader's list of deck keys, so a field added to the model appears here by itself; the
rules (required keys, ids, cloze gaps, question or cloze) are the reader's, restated in JSON
Schema terms and held to agree with `quiz check` by tests. What JSON Schema cannot say (unknown
sources, duplicate ids, choices that contain the answer) only `quiz check` reports.

The package ships the schema as `deck-v1.schema.json` (so an editor can point at a file);
`quiz schema` prints it and a test keeps the file equal to what this module generates.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from quiz.decks.model import Deck, Entry, Source
from quiz.decks.reader import DECK_KEYS, ID_PATTERN

SCHEMA_FILE = Path(__file__).with_name("deck-v1.schema.json")
DRAFT = "http://json-schema.org/draft-07/schema#"
# Where a YAML key's value lives in the model when the names differ.
MODEL_NAMES = {"cards": "entries"}
REQUIRED = {"deck": ("title", "cards"), "source": (), "card": ()}
# Keys whose text may not be null or blank.
NON_BLANK = {"deck": ("title",), "source": (), "card": ("question", "answer")}

DESCRIPTIONS = {
    "deck": {
        "title": "The deck's name, shown when studying.",
        "id": "What the deck's history is stored under. Default: the file name's stem.",
        "description": "A line or two about the deck.",
        "exam": "The day of your exam, like 2026-12-20: until then, cards are scheduled to be remembered on it.",
        "sources": "Documents the cards cite, by a short name of your choice.",
        "cards": "The cards: `question` + `answer`, or a `cloze` with {{gaps}}.",
    },
    "source": {
        "title": "The document's title.",
        "published": "The date it was published, like 2009-06-01.",
        "file": "Its text, relative to the deck file; quotes are checked against it.",
    },
    "card": {
        "id": "A stable id: the card keeps its study history when its text is edited.",
        "question": "What is asked (quote it if it contains ': '). Needs an `answer`.",
        "cloze": "A sentence with {{gaps}}: one card per gap, that gap blanked.",
        "answer": "The right answer, read as written (`1962`, `no`); `true`/`false` make a true/false card.",
        "accept": "Other answers that count as right.",
        "choices": "Wrong options: the card becomes multiple choice.",
        "source": "The name of a source under `sources`.",
        "quote": "The sentence of the source the card comes from, shown after answering.",
        "tags": "Labels for choosing cards.",
        "note": "Text shown after answering.",
    },
}

# A YAML scalar is read as the text written, so numbers and booleans are text too.
TEXT: dict[str, Any] = {"type": ["string", "number", "boolean", "null"]}
NON_BLANK_TEXT: dict[str, Any] = {"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": ["number", "boolean"]}]}
ID: dict[str, Any] = {
    "anyOf": [{"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}, {"type": "integer", "minimum": 0}, {"type": "null"}]
}
DATE: dict[str, Any] = {"anyOf": [{"type": "string", "format": "date", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$"}, {"type": "null"}]}


def _list(unique: bool = False) -> dict[str, Any]:
    """One text, or a list of texts (null items are skipped, as the reader does)."""
    items: dict[str, Any] = {"type": "array", "items": {"anyOf": [NON_BLANK_TEXT, {"type": "null"}]}}
    if unique:
        items["uniqueItems"] = True
    return {"anyOf": [NON_BLANK_TEXT, {"type": "null"}, items]}


# A cloze: text and gaps, neither holding '{{' or '}}' (gaps end at the first '}}'), at least one
# gap, and every gap holding more than spaces.
_PLAIN = r"(?:(?!\{\{|\}\})[\s\S])"
_GAP = r"\{\{\s*(?:(?!\{\{|\}\})\S)" + _PLAIN + r"*?\}\}"
CLOZE: dict[str, Any] = {"type": "string", "pattern": f"^{_PLAIN}*(?:{_GAP}{_PLAIN}*)+$"}
TWO_GAPS = r"\{\{[\s\S]*?\}\}[\s\S]*\{\{"
# Rules of one key beyond its kind of value.
SPECIAL: dict[str, dict[str, Any]] = {"id": ID, "cloze": CLOZE, "choices": _list(unique=True)}


def deck_schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of a deck file."""
    return {
        "$schema": DRAFT,
        "title": "quiz deck, format v1",
        "description": "A deck of quiz cards. `quiz check` validates a deck fully; see the README's 'Deck format v1'.",
        **_object(Deck, DECK_KEYS, "deck"),
    }


def schema_text() -> str:
    return json.dumps(deck_schema(), indent=2, ensure_ascii=False) + "\n"


def _object(model: type, keys: tuple[str, ...], what: str) -> dict[str, Any]:
    hints = typing.get_type_hints(model)
    names = {f.name for f in fields(model)}
    properties = {}
    for key in keys:
        name = MODEL_NAMES.get(key, key)
        if name not in names:
            raise TypeError(f"the deck model has no field for the {what} key '{key}'")
        properties[key] = {**_value(key, hints[name], key in NON_BLANK[what]), **_description(what, key)}
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if REQUIRED[what]:
        schema["required"] = list(REQUIRED[what])
    return schema


def _value(key: str, hint: Any, non_blank: bool) -> dict[str, Any]:
    if key in SPECIAL:
        return dict(SPECIAL[key])
    origin, args = typing.get_origin(hint), [a for a in typing.get_args(hint) if a is not type(None)]
    if hint is str or (origin in (typing.Union, types.UnionType) and args == [str]):
        return dict(NON_BLANK_TEXT if non_blank else TEXT)
    if origin in (typing.Union, types.UnionType) and args == [date]:
        return dict(DATE)
    if origin is tuple and args == [str, Ellipsis]:
        return _list()
    if origin is tuple and args == [Entry, Ellipsis]:
        return {"type": "array", "minItems": 1, "items": _card()}
    if origin is dict and args == [str, Source]:
        return {"type": "object", "additionalProperties": _object(Source, tuple(f.name for f in fields(Source)), "source")}
    raise TypeError(f"no JSON Schema for the deck key '{key}' of type {hint}")


def _card() -> dict[str, Any]:
    schema = _object(Entry, tuple(f.name for f in fields(Entry)), "card")
    # Either a question with its answer, or a cloze (whose gaps are the answers).
    schema["oneOf"] = [
        {"required": ["question", "answer"], "not": {"required": ["cloze"]}},
        {"required": ["cloze"], "not": {"anyOf": [{"required": ["question"]}, {"required": ["answer"]}]}},
    ]
    # Other answers and wrong options belong to one blank, so not to a cloze of several gaps.
    schema["if"] = {"required": ["cloze"], "properties": {"cloze": {"type": "string", "pattern": TWO_GAPS}}}
    schema["then"] = {"not": {"anyOf": [{"required": ["accept"]}, {"required": ["choices"]}]}}
    return schema


def _description(what: str, key: str) -> dict[str, str]:
    text = DESCRIPTIONS[what].get(key)
    return {"description": text} if text else {}
