"""Decks: the model (`model`), reading YAML (`file` composes, `reader` reads the nodes against
the schema), the parsed-deck cache (`cache`), and finding decks by folder, file or id (`catalog`).
"""
