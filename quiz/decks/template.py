"""The text of a new deck: a skeleton that passes `quiz check`, with comments explaining the keys
(from the schema's descriptions, so they are written once) and a line pointing editors at the
deck's JSON Schema."""

from __future__ import annotations

from quiz.decks.schema import DESCRIPTIONS, REQUIRED

EXAMPLES = """\
cards:
  # Two examples to replace with your own (`quiz add FILE` adds cards one by one).
  - id: capital-of-france
    question: What is the capital of France?
    answer: Paris
    tags: [geography]
  - id: oas-expelled-cuba
    cloze: The OAS expelled Cuba in {{1962}}.
"""


def new_deck(title: str, deck_id: str, schema_uri: str) -> str:
    def keys(what: str) -> list[str]:
        width = max(len(key) for key in DESCRIPTIONS[what]) + 2
        return [
            f"#   {key.ljust(width)}{text}{' (required)' if key in REQUIRED[what] else ''}"
            for key, text in DESCRIPTIONS[what].items()
        ]

    lines = [
        f"# yaml-language-server: $schema={schema_uri}",
        "#",
        "# A quiz deck (format v1). `quiz check FILE` checks it, `quiz add FILE` adds cards,",
        "# `quiz check --fix FILE` gives every card a stable id, `quiz study FILE` studies it.",
        "#",
        "# Deck keys:",
        *keys("deck"),
        "#",
        "# Card keys: a `question` and its `answer`, or a `cloze`; the rest are optional.",
        *keys("card"),
        "#",
        "# Source keys (each source under `sources:` has a short name cards cite):",
        *keys("source"),
        "#",
        "# Values are read as written: `answer: 1962` is the text 1962, `answer: no` is 'no'.",
        "",
        f"title: {_scalar(title)}",
        f"id: {deck_id}",
        "",
    ]
    return "\n".join(lines) + EXAMPLES


def _scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as the same text."""
    import yaml

    dumped: str = yaml.safe_dump(text, allow_unicode=True, width=10_000, default_style=None)
    return dumped.removesuffix("\n...\n").strip()
