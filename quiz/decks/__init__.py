"""Decks: the model (`model`), reading YAML (`file` composes, `reader` reads the nodes against
the schema), the parsed-deck cache (`cache`), and finding decks by folder, file or id (`catalog`).
Authoring: the JSON Schema (`schema`), new decks (`template`), what `quiz add` asks
(`authoring`), edits spliced into a deck's text (`edit`) and written to its file (`update`),
imported cards written or merged into a deck file (`imported`).
"""
